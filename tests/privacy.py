"""Checks that a public page loads nothing from another host."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Attributes that make the browser fetch something (a plain <a href> is only a link).
LOADING_ATTRIBUTES = {
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("script", "src"),
    ("link", "href"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("form", "action"),
    ("video", "poster"),
    ("input", "src"),
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in LOADING_ATTRIBUTES:
                for part in value.split(","):
                    self.urls.append(part.strip().split(" ")[0])
            if name == "style":
                self.urls.extend(CSS_URL.findall(value))


def foreign_resources(html, allowed_hosts=("testserver", "localhost", "127.0.0.1")):
    """URLs in ``html`` that would make a browser load something from another host."""
    collector = _Collector()
    collector.feed(html)
    collector.urls.extend(CSS_URL.findall(html))
    foreign = []
    for url in collector.urls:
        parts = urlsplit(url)
        if parts.scheme in ("", "data") and not url.startswith("//"):
            continue
        if parts.hostname not in allowed_hosts:
            foreign.append(url)
    return foreign
