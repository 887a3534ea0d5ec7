"""Two app servers, one PostgreSQL, one Redis: a change published through one server is
what the other serves on the very next request, although both had the page cached.

This is the deployment of docs/deploy.md in small: gunicorn processes that keep nothing
of their own, so any number of them can stand behind a load balancer. It runs in the
PostgreSQL run of ``make test`` (``.ci/run`` starts PostgreSQL and Redis).
"""

import http.cookiejar
import os
import subprocess
import uuid
from html.parser import HTMLParser
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest
from django.db import connection

from tests.services import HOST, PROJECT, database_url, free_port, gunicorn_command, wait_until

pytestmark = [pytest.mark.postgresql, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


class Browser:
    """Just enough of a browser for the admin: cookies, forms, the Host header."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = http.cookiejar.CookieJar()
        self.opener = build_opener(HTTPCookieProcessor(self.cookies))

    def get(self, path):
        response = self.opener.open(Request(self.base + path, headers={"Host": HOST}), timeout=60)
        return response, response.read().decode()

    def post(self, path, fields):
        request = Request(
            self.base + path, data=urlencode(fields, doseq=True).encode(), headers={"Host": HOST}
        )
        response = self.opener.open(request, timeout=60)
        return response, response.read().decode()


class FormFields(HTMLParser):
    """The fields a browser would submit from the page's main form, as ``[(name, value)]``."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.form_id is None or attrs.get("id") == self.form_id
        if not self.inside or not attrs.get("name"):
            if tag == "option" and self._select is not None and "selected" in attrs:
                self.fields.append((self._select, attrs.get("value", "")))
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append(
                    (attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
                )
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "form":
            self.inside = False


def form_fields(html, form_id):
    parser = FormFields(form_id)
    parser.feed(html)
    return parser.fields


@pytest.fixture
def app_servers(redis_url, tmp_path):
    """Two gunicorn processes with production settings on one database and one Redis."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "runs in the PostgreSQL run of `make test` (POSTGRES_URL): SQLite is one machine's file"
        )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.app_server_settings",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": HOST,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex}:",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "AXES_FAILURE_LIMIT": "100",
    }
    servers = []
    try:
        for _ in range(2):
            port = free_port()
            with open(
                tmp_path / f"gunicorn-{port}.log", "w"
            ) as log:  # the server keeps its own copy
                process = subprocess.Popen(
                    gunicorn_command(port, "--workers", "1"),
                    cwd=PROJECT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=log,
                )
            servers.append((process, port))
        for _process, port in servers:
            wait_until(
                lambda port=port: Browser(port).get("/sv/")[0].status == 200,
                f"gunicorn on port {port}",
                timeout=120,
            )
        yield [Browser(port) for _process, port in servers]
    finally:
        for process, _port in servers:
            process.terminate()
            process.wait(timeout=30)


def test_a_helpline_published_through_one_app_server_shows_on_the_other_at_once(
    demo_site, django_user_model, app_servers
):
    from information.models import Helpline

    django_user_model.objects.create_superuser("redaktor", "r@example.org", "lösen-för-test-1")
    helpline = Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv")
    one, other = app_servers

    for server in (one, other):
        for path in ("/sv/", "/ar/"):
            server.get(path)
            response, html = server.get(path)
            assert response.headers["X-Page-Cache"] == "hit", path
            assert 'href="tel:020505050"' in html, path

    _response, login = one.get("/admin/login/")
    token = dict(form_fields(login, None))["csrfmiddlewaretoken"]
    response, _html = one.post(
        "/admin/login/",
        {"csrfmiddlewaretoken": token, "username": "redaktor", "password": "lösen-för-test-1"},
    )
    assert not response.url.endswith("/login/"), "the editor could not log in"
    publish_phone_number(one, helpline, "020-60 60 60")

    for path in ("/sv/", "/ar/"):
        response, html = other.get(path)
        assert response.headers["X-Page-Cache"] == "miss", path
        assert 'href="tel:020606060"' in html, path
        assert 'href="tel:020505050"' not in html, path

    # The footer's emergency number is kept by each server between publications
    # (multilingual.published), not only in the page cache: the other server must let it go.
    emergency = Helpline.objects.get(is_emergency=True, locale__language_code="sv")
    _response, html = other.get("/sv/")
    assert 'href="tel:112"' in html
    publish_phone_number(one, emergency, "114 14")
    response, html = other.get("/sv/")
    assert response.headers["X-Page-Cache"] == "miss"
    assert 'href="tel:11414"' in html
    assert 'href="tel:112"' not in html


def publish_phone_number(server, helpline, number):
    """Publish a new number for ``helpline`` through the admin of ``server``, as an editor."""
    edit = f"/admin/snippets/information/helpline/edit/{helpline.pk}/"
    _response, form = server.get(edit)
    fields = [
        (name, number if name == "phone_number" else value)
        for name, value in form_fields(form, "w-editor-form")
    ]
    assert ("phone_number", number) in fields
    response, _html = server.post(edit, fields + [("action-publish", "action-publish")])
    assert response.status == 200
    helpline.refresh_from_db()
    assert helpline.phone_number == number  # published through this server
