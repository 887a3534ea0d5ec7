"""The accessibility statement follows DIGG's model statement section by section: who
runs the site, what to do when part of it cannot be used, reporting, enforcement, the
technical information with every shortcoming's WCAG criterion, disproportionate burden,
content outside the law, and how the site was tested."""

import re

import pytest

pytestmark = pytest.mark.django_db

# DIGG's headings, in DIGG's order (Swedish, as the Swedish statement shows them).
DIGG_HEADINGS = [
    "Hur tillgänglig är webbplatsen?",
    "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    "Rapportera brister i webbplatsens tillgänglighet",
    "Tillsyn",
    "Teknisk information om webbplatsens tillgänglighet",
    "Innehåll som inte är tillgängligt",
    "Bristande förenlighet med lagkraven",
    "Oskäligt betungande anpassning",
    "Innehåll som inte omfattas av lagstiftningen",
    "Hur vi testat webbplatsen",
]


def _headings(html):
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", html, re.S)
    ]


def test_the_swedish_statement_has_diggs_sections_in_diggs_order(demo_site, client):
    client.defaults["HTTP_HOST"] = "localhost"
    html = client.get("/sv/tillganglighet/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    headings = [h for h in _headings(main) if h in DIGG_HEADINGS]
    assert headings == DIGG_HEADINGS
    # The opening names who runs the site.
    opening = re.search(r'<p class="accessibility-statement__opening">(.*?)</p>', main, re.S)
    assert opening and "Exempelkommun står bakom den här webbplatsen" in opening.group(1)
    # Each shortcoming names its WCAG criterion.
    issues = re.search(r'id="non-compliance-heading".*?<ul>(.*?)</ul>', main, re.S).group(1)
    items = re.findall(r"<li>(.*?)</li>", issues, re.S)
    assert items and all(re.search(r"WCAG 2\.1[^<]*\d\.\d\.\d+", item) for item in items), items


@pytest.mark.parametrize("code", ["en", "ar", "pl"])
def test_the_sections_are_there_in_every_language(demo_site, client, code):
    from django.utils import translation

    client.defaults["HTTP_HOST"] = "localhost"
    html = client.get(f"/{code}/tillganglighet/").content.decode()
    with translation.override(code):
        wanted = [
            translation.gettext(m)
            for m in [
                "What can you do if you cannot use parts of the website?",
                "Technical information about the website's accessibility",
                "Disproportionate burden",
                "Content outside the scope of the law",
            ]
        ]
    if code != "en":
        assert not set(wanted) & {
            "What can you do if you cannot use parts of the website?",
            "Disproportionate burden",
        }, "not translated"
    headings = _headings(html)
    for heading in wanted:
        assert heading in headings, (code, heading)
