"""The open-data addresses. A host includes them once, e.g. ``path("data/", include("opendata.urls"))``
(outside ``i18n_patterns``: the data is the same in every language)."""

from django.urls import path, register_converter

from opendata import views


class SuffixConverter:
    """Only the catalogue's formats: any other suffix is a 404, not an error."""

    regex = "ttl|rdf|jsonld"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SuffixConverter, "rdfsuffix")

app_name = "opendata"
urlpatterns = [
    path("catalog", views.catalogue_negotiated, name="catalogue_negotiated"),
    path("catalog.<rdfsuffix:suffix>", views.catalogue, name="catalogue"),
    path("<str:version>/plans.json", views.plan_list, name="plans"),
    path("<str:version>/plans.schema.json", views.list_schema, name="list_schema"),
    path("<str:version>/plan.schema.json", views.plan_schema, name="plan_schema"),
    path("<str:version>/plans/<slug:key>.json", views.plan_detail, name="plan"),
    path("<str:version>/plans/<slug:key>/measures.json", views.plan_measures, name="measures"),
]
