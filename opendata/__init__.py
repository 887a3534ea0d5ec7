"""Plans as open data: a DCAT-AP-SE catalogue of the published plans and a versioned JSON API.

Sveriges dataportal harvests the catalogue; researchers and county boards read the API.
Reads plans through ``plans`` only and never imports the host site (``website``).
"""
