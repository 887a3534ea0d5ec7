"""The site's DCAT catalogue (DCAT-AP-SE) as an rdflib graph.

One ``dcat:Dataset`` per published plan, with its JSON, CSV and PDF distributions. The
properties are the mandatory and recommended ones of DCAT-AP-SE that issue #26 lists;
``opendata/shapes/dcat-ap-se.ttl`` states them as SHACL shapes, which the tests check.
Vocabularies: the EU data themes (SOCI, JUST), file types and languages of the
Publications Office, IANA media types, Creative Commons licences.
"""

from django.urls import reverse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from opendata.models import CatalogueSettings
from opendata.published import modified, plan_key, published_plans, translations

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")  # not among rdflib 7's own namespaces
EU = "http://publications.europa.eu/resource/authority/"
THEME = Namespace(EU + "data-theme/")
FILE_TYPE = Namespace(EU + "file-type/")
LANGUAGE = Namespace(EU + "language/")
ADMS_PUBLISHER_TYPE = Namespace("http://purl.org/adms/publishertype/")
IANA = "https://www.iana.org/assignments/media-types/"

#: Site languages in the EU language vocabulary (ISO 639-2/B): a language missing here is
#: left out of ``dcterms:language`` rather than guessed.
EU_LANGUAGES = {
    "sv": "SWE",
    "en": "ENG",
    "ar": "ARA",
    "fa": "FAS",
    "so": "SOM",
    "ti": "TIR",
    "ku": "KUR",
    "kmr": "KUR",
    "ckb": "KUR",
    "fi": "FIN",
    "pl": "POL",
    "ru": "RUS",
    "uk": "UKR",
    "es": "SPA",
    "tr": "TUR",
    "de": "DEU",
    "fr": "FRA",
    "bs": "BOS",
    "hr": "HRV",
    "sr": "SRP",
    "prs": "PRS",
    "am": "AMH",
    "th": "THA",
    "ro": "RON",
    "hu": "HUN",
    "sq": "SQI",
    "se": "SME",
    "yi": "YID",
    "rom": "ROM",
    "fit": "FIT",
}

CATALOGUE_TITLE = {
    "sv": "Handlingsplaner mot våld i nära relationer",
    "en": "Action plans against violence in close relationships",
}
CATALOGUE_DESCRIPTION = {
    "sv": "Kommunens handlingsplaner mot våld i nära relationer som öppna data: varje plan med "
    "mål, åtgärder, ansvar och uppföljning som JSON, CSV och PDF.",
    "en": "The municipality's action plans against violence in close relationships as open data: "
    "each plan with its goals, measures, responsibilities and follow-up as JSON, CSV and PDF.",
}
KEYWORDS = {
    "sv": ["handlingsplan", "våld i nära relationer"],
    "en": ["action plan", "domestic violence"],
}

#: (format key, EU file type, IANA media type, route on the plan page or None for the API)
DISTRIBUTIONS = [
    ("json", "JSON", "application/json", None),
    ("csv", "CSV", "text/csv", "measures_csv"),
    ("pdf", "PDF", "application/pdf", "pdf"),
]


def absolute(request, name, **kwargs):
    return request.build_absolute_uri(reverse(f"opendata:{name}", kwargs=kwargs))


def catalogue_graph(request, site):
    """The catalogue of ``site`` as a graph, with addresses on the requested host."""
    settings = CatalogueSettings.for_site(site)
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dcterms", DCTERMS)
    graph.bind("foaf", FOAF)
    graph.bind("vcard", VCARD)
    graph.bind("skos", SKOS)

    home = request.build_absolute_uri("/")
    catalogue = URIRef(absolute(request, "catalogue_negotiated") + "#catalog")
    licence = URIRef(settings.licence_uri)
    graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
    publisher = _publisher(graph, request, site, settings)
    contact = _contact_point(graph, request, site, settings)
    schema = URIRef(absolute(request, "plan_schema", version="v1"))
    graph.add((schema, RDF.type, DCTERMS.Standard))
    graph.add(
        (schema, DCTERMS.title, Literal("Handlingsplan, filformat 1 (JSON Schema)", lang="sv"))
    )
    graph.add(
        (schema, DCTERMS.title, Literal("Action plan file, format 1 (JSON Schema)", lang="en"))
    )

    graph.add((catalogue, RDF.type, DCAT.Catalog))
    for language, text in CATALOGUE_TITLE.items():
        graph.add((catalogue, DCTERMS.title, Literal(text, lang=language)))
    for language, text in CATALOGUE_DESCRIPTION.items():
        graph.add((catalogue, DCTERMS.description, Literal(text, lang=language)))
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, FOAF.homepage, URIRef(home)))
    graph.add((catalogue, DCTERMS.license, licence))
    graph.add((catalogue, DCTERMS.language, LANGUAGE.SWE))
    graph.add((catalogue, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))

    latest = None
    for plan in published_plans(site):
        dataset, changed = _dataset(graph, request, plan, publisher, contact, licence, schema)
        graph.add((catalogue, DCAT.dataset, dataset))
        if changed and (latest is None or changed > latest):
            latest = changed
    if latest:
        graph.add((catalogue, DCTERMS.modified, Literal(latest.isoformat(), datatype=XSD.dateTime)))
    return graph


def _publisher(graph, request, site, settings):
    publisher = URIRef(absolute(request, "catalogue_negotiated") + "#publisher")
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add(
        (
            publisher,
            FOAF.name,
            Literal(settings.publisher_name or site.site_name or site.hostname, lang="sv"),
        )
    )
    graph.add((publisher, DCTERMS.type, ADMS_PUBLISHER_TYPE.LocalAuthority))
    if settings.organisation_number:
        graph.add((publisher, DCTERMS.identifier, Literal(settings.organisation_number)))
    return publisher


def _contact_point(graph, request, site, settings):
    contact = URIRef(absolute(request, "catalogue_negotiated") + "#contact")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add(
        (
            contact,
            VCARD.fn,
            Literal(settings.publisher_name or site.site_name or site.hostname, lang="sv"),
        )
    )
    if settings.contact_email:
        graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + settings.contact_email)))
    else:  # the contact point needs a way in: the site itself
        graph.add((contact, VCARD.hasURL, URIRef(request.build_absolute_uri("/"))))
    return contact


def _dataset(graph, request, plan, publisher, contact, licence, schema):
    """A plan as a ``dcat:Dataset``; returns it and when it last changed."""
    versions = translations(plan)
    changed = modified(plan, versions)
    page_url = plan.get_full_url(request)
    dataset = URIRef(page_url + "#dataset")
    graph.add((dataset, RDF.type, DCAT.Dataset))
    for version in versions:
        language = version.locale.language_code
        graph.add((dataset, DCTERMS.title, Literal(version.title, lang=language)))
        description = version.summary.strip() or (
            _description(version) if version.pk == plan.pk else ""
        )
        if description:
            graph.add((dataset, DCTERMS.description, Literal(description, lang=language)))
        if language in EU_LANGUAGES:
            graph.add((dataset, DCTERMS.language, LANGUAGE[EU_LANGUAGES[language]]))
    graph.add((dataset, DCTERMS.identifier, Literal(plan_key(plan))))
    if plan.first_published_at:
        graph.add(
            (
                dataset,
                DCTERMS.issued,
                Literal(
                    plan.first_published_at.isoformat(timespec="seconds"), datatype=XSD.dateTime
                ),
            )
        )
    if changed:
        graph.add((dataset, DCTERMS.modified, Literal(changed.isoformat(), datatype=XSD.dateTime)))
    for language, words in KEYWORDS.items():
        for word in words:
            graph.add((dataset, DCAT.keyword, Literal(word, lang=language)))
    for scope in plan.scope:
        graph.add((dataset, DCAT.keyword, Literal(scope, lang="sv")))
    graph.add((dataset, DCAT.theme, THEME.SOCI))
    graph.add((dataset, DCAT.theme, THEME.JUST))
    graph.add((dataset, DCTERMS.publisher, publisher))
    graph.add((dataset, DCAT.contactPoint, contact))
    graph.add((dataset, DCAT.landingPage, URIRef(page_url)))
    graph.add((dataset, DCTERMS.conformsTo, schema))
    if plan.municipality.strip():
        place = BNode()
        graph.add((place, RDF.type, DCTERMS.Location))
        graph.add((place, SKOS.prefLabel, Literal(plan.municipality.strip(), lang="sv")))
        graph.add((dataset, DCTERMS.spatial, place))
    if plan.valid_from or plan.valid_until:
        period = BNode()
        graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
        if plan.valid_from:
            graph.add(
                (period, DCAT.startDate, Literal(plan.valid_from.isoformat(), datatype=XSD.date))
            )
        if plan.valid_until and not plan.until_further_notice:
            graph.add(
                (period, DCAT.endDate, Literal(plan.valid_until.isoformat(), datatype=XSD.date))
            )
        graph.add((dataset, DCTERMS.temporal, period))
    for name, file_type, media_type, route in DISTRIBUTIONS:
        if route is None:
            url = absolute(request, "plan", version="v1", key=plan_key(plan))
        else:
            url = page_url + plan.reverse_subpage(route)
        distribution = URIRef(f"{page_url}#distribution-{name}")
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCTERMS.title, Literal(f"{plan.title} ({file_type})", lang="sv")))
        graph.add((distribution, DCAT.accessURL, URIRef(url)))
        graph.add((distribution, DCAT.downloadURL, URIRef(url)))
        graph.add((distribution, DCTERMS.format, FILE_TYPE[file_type]))
        graph.add((distribution, DCAT.mediaType, URIRef(IANA + media_type)))
        graph.add((distribution, DCTERMS.license, licence))
        if changed:
            graph.add(
                (
                    distribution,
                    DCTERMS.modified,
                    Literal(changed.isoformat(), datatype=XSD.dateTime),
                )
            )
        if name == "json":
            graph.add((distribution, DCTERMS.conformsTo, schema))
    return dataset, changed


def _description(plan):
    """A description for a plan without a summary (DCAT-AP requires one)."""
    where = f" för {plan.municipality.strip()}" if plan.municipality.strip() else ""
    return f"Handlingsplanen {plan.title}{where}: mål, åtgärder, ansvar och uppföljning."
