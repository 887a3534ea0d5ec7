from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from information.page_passwords import authenticate_with_password
from information.search import search
from website.sitemaps import LocalisedSitemap

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalisedSitemap}}),
    # Plans as open data (DCAT-AP-SE catalogue and API): the same in every language.
    path("data/", include("opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language in the URL (/sv/, /ar/ ...), so a link that is
# shared or bookmarked opens in the language it was read in, with no cookie to remember it.
urlpatterns += i18n_patterns(
    path("sok/", search, name="search"),
    # Wagtail's page-password form with a limit on guessing (before Wagtail's own URLs).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
