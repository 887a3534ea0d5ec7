"""What the extension's two apps share: the site's languages, locale helpers, the fallback
rule (what a visitor sees when a page is not in their language) and the PDF pipeline.

`plans` and `information` import from here, never from the reference site (`website`).
"""
