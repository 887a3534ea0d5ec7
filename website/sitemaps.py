"""sitemap.xml with every language version of every public page.

Wagtail's own sitemap lists the descendants of the site's root page, which is the
Swedish home page: the other languages' trees are its siblings and would be missing.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from information.visitors import private_keys
from multilingual.languages import SITE_LANGUAGES

LANGUAGE_ORDER = {code: i for i, (code, *_rest) in enumerate(SITE_LANGUAGES)}


class LocalisedSitemap(Sitemap):
    """Live, public pages of every locale's tree; each entry names its other languages."""

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key).values_list(
            "path", flat=True
        )
        in_trees = Q()
        for path in roots:
            in_trees |= Q(path__startswith=path)
        if not roots:
            return Page.objects.none()
        return (
            Page.objects.filter(in_trees)
            .live()
            .public()
            .filter(alias_of__isnull=True)  # an untranslated placeholder is not a language version
            # Private in every language when any version is (information.visitors, rule 4).
            .exclude(translation_key__in=private_keys())
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key = defaultdict(list)
        for item in pages:
            by_key[item.translation_key].append(item)
        location = {item.pk: item.get_full_url(self.request) for item in pages}
        urls = []
        last_mods = set()
        for item in pages:
            versions = sorted(
                by_key[item.translation_key],
                key=lambda p: LANGUAGE_ORDER.get(p.locale.language_code, 99),
            )
            alternates = (
                [
                    {"lang_code": v.locale.language_code, "location": location[v.pk]}
                    for v in versions
                ]
                if len(versions) > 1
                else []
            )
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append(
                {
                    "item": item,
                    "location": location[item.pk],
                    "lastmod": lastmod,
                    "alternates": alternates,
                }
            )
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
