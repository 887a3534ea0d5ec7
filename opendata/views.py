"""The catalogue and the plan API: public, cacheable, readable from any origin.

Responses do not depend on the visitor's language or cookies, so the page cache keeps one
copy for everyone (``same_in_every_language``), and each carries an ETag and a
Last-Modified so that a harvester can ask cheaply (``If-None-Match`` answers 304).
"""

import hashlib
import json

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from wagtail.models import Site

from opendata.catalogue import catalogue_graph
from opendata.published import (
    find_plan,
    modified,
    plan_document,
    plan_key,
    published_plans,
    translations,
)
from plans import planfile
from plans.views import measure_list_json

#: suffix: (rdflib format, media type)
FORMATS = {
    "ttl": ("turtle", "text/turtle"),
    "rdf": ("xml", "application/rdf+xml"),
    "jsonld": ("json-ld", "application/ld+json"),
}
API_VERSIONS = ("v1",)


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site at this address.")
    return site


def _answer(request, content, content_type, last_modified=None):
    """A public response with ETag, Last-Modified and CORS, or 304 when the harvester has it."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    timestamp = (
        int(last_modified.timestamp()) if last_modified else None
    )  # HTTP dates have whole seconds
    # The content and the publication time: a publication changes the ETag even when it
    # changed nothing the document shows, as dcterms:modified changes.
    etag = '"' + hashlib.sha256(content + str(last_modified).encode()).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = HttpResponse(content, content_type=content_type)
    response["ETag"] = etag
    if timestamp:
        response["Last-Modified"] = http_date(timestamp)
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(
        response, public=True, max_age=getattr(settings, "PUBLIC_CACHE_SECONDS", 300)
    )
    # Built in the site's language whatever the request's: the page cache may keep one copy.
    response.same_in_every_language = True
    return response


def _json(data):
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def _latest(dates):
    dates = [d for d in dates if d]
    return max(dates) if dates else None


@require_safe
def catalogue(request, suffix):
    """The DCAT-AP-SE catalogue in Turtle, RDF/XML or JSON-LD."""
    rdf_format, media_type = FORMATS[suffix]
    site = _site(request)
    with translation.override(settings.LANGUAGE_CODE):
        graph = catalogue_graph(request, site)
    last = _latest(modified(plan) for plan in published_plans(site))
    options = (
        {
            "context": {prefix: str(uri) for prefix, uri in graph.namespaces() if prefix},
            "auto_compact": True,
        }
        if suffix == "jsonld"
        else {}
    )
    return _answer(
        request, graph.serialize(format=rdf_format, **options), f"{media_type}; charset=utf-8", last
    )


@require_safe
def catalogue_negotiated(request):
    """``catalog``: a redirect to the format the ``Accept`` header prefers (Turtle if any)."""
    accepted = request.headers.get("Accept", "*/*")
    suffix = next(
        (suffix for suffix, (_format, media_type) in FORMATS.items() if media_type in accepted),
        None,
    )
    if suffix is None:
        if "*/*" not in accepted and "text/*" not in accepted and "application/*" not in accepted:
            return HttpResponse(
                "Not acceptable. Formats: "
                + ", ".join(media for _f, media in FORMATS.values())
                + "\n",
                status=406,
                content_type="text/plain; charset=utf-8",
            )
        suffix = "ttl"
    response = HttpResponseRedirect(reverse("opendata:catalogue", kwargs={"suffix": suffix}))
    response.status_code = 303
    response["Vary"] = "Accept"
    return response


def _version(version):
    if version not in API_VERSIONS:
        raise Http404("No such API version.")


@require_safe
def plan_list(request, version):
    """Every catalogued plan with its addresses (API ``v1``)."""
    _version(version)
    site = _site(request)
    plans, dates = [], []
    for plan in published_plans(site):
        versions = translations(plan)
        changed = modified(plan, versions)
        dates.append(changed)
        key = plan_key(plan)
        plans.append(
            {
                "key": key,
                "title": plan.title,
                "municipality": plan.municipality or None,
                "valid_from": plan.valid_from.isoformat() if plan.valid_from else None,
                "valid_until": plan.valid_until.isoformat() if plan.valid_until else None,
                "until_further_notice": plan.until_further_notice,
                "languages": [v.locale.language_code for v in versions],
                "issued": plan.first_published_at.isoformat(timespec="seconds")
                if plan.first_published_at
                else None,
                "modified": changed.isoformat() if changed else None,
                "page": plan.get_full_url(request),
                "plan": request.build_absolute_uri(
                    reverse("opendata:plan", kwargs={"version": version, "key": key})
                ),
                "measures": request.build_absolute_uri(
                    reverse("opendata:measures", kwargs={"version": version, "key": key})
                ),
            }
        )
    data = {
        "$schema": request.build_absolute_uri(
            reverse("opendata:list_schema", kwargs={"version": version})
        ),
        "api_version": version,
        "plans": plans,
    }
    return _answer(request, _json(data), "application/json; charset=utf-8", _latest(dates))


def _plan(request, version, key):
    _version(version)
    plan = find_plan(_site(request), key)
    if plan is None:
        raise Http404("No published plan with this key.")
    return plan


@require_safe
def plan_detail(request, version, key):
    """The whole published plan as a plan file (``plan.schema.json``, format 1)."""
    plan = _plan(request, version, key)
    with translation.override(settings.LANGUAGE_CODE):
        document = plan_document(plan)
    data = {
        "$schema": request.build_absolute_uri(
            reverse("opendata:plan_schema", kwargs={"version": version})
        ),
        **document,
    }
    return _answer(request, _json(data), "application/json; charset=utf-8", modified(plan))


@require_safe
def plan_measures(request, version, key):
    """The plan's measure list, the same JSON as the plan page's ``atgarder/json/`` export."""
    plan = _plan(request, version, key)
    if request.GET:
        raise Http404(
            "The API's measure list takes no filters: use the plan page's export for those."
        )
    with translation.override(settings.LANGUAGE_CODE):
        response = measure_list_json(plan, request)
    return _answer(request, response.content, response["Content-Type"], modified(plan))


@require_safe
def plan_schema(request, version):
    """The plan file's JSON Schema at a stable address, with that address as its ``$id``."""
    _version(version)
    schema = planfile.schema()
    schema["$id"] = request.build_absolute_uri()
    return _answer(request, _json(schema), "application/schema+json; charset=utf-8")


@require_safe
def list_schema(request, version):
    """The JSON Schema of the plan list (``plans.json``)."""
    _version(version)
    from opendata.schemas import plan_list_schema

    schema = plan_list_schema(request.build_absolute_uri())
    return _answer(request, _json(schema), "application/schema+json; charset=utf-8")
