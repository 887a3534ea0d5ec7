"""Date and number formats for languages Django has none or a misleading one for.

Django formats dates and numbers per language from ``django/conf/locale/<code>/formats.py``;
for a language without one it falls back to American English ("Nov. 21, 2026") with
English month names. Somali and Tigrinya readers get day/month/year in digits instead,
which needs no month names in a catalogue. Kurdish (Sorani) and Bosnian have Django
formats, but their dates mislead or abbreviate (see each module): a module here overrides
only the names it sets, the rest comes from Django's. ``FORMAT_MODULE_PATH`` points here.
"""
