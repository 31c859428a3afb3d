"""Every public form, query parameter and API parameter, driven with hostile values.

A visitor can send anything. The fuzzer finds the forms as a browser would, by
crawling one employer's site, the directory and the shared routes; it reads
the API's parameters from its OpenAPI schema; hypothesis makes up the values,
mixed with known attack strings. No answer may be a 5xx, and nothing sent may
come back as markup: a value carrying `<zqx` must never appear unescaped.

Runs on PostgreSQL in `make test`, and once more on SQLite (the embedded
default), whose full-text search has a query syntax of its own.
"""

import os
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# A district with postings, a city with events, and the directory.
HOSTS = ["mitte.localhost", "duesseldorf.localhost", "stellwerk.localhost"]
MARKER = "<zqx"
# The crawl stays bounded: one employer has about fifty pages.
MAX_PAGES = 120
CHILDREN_PER_FOLDER = 4
SHARED_ROUTES = [
    "/suche/",
    "/en/suche/",
    "/stellenalarm/",
    "/konto/registrieren/",
    "/konto/anmelden/",
    "/konto/passwort-vergessen/",
    "/konto/bestaetigen/erneut/",
]
TOKEN_ROUTES = [
    ("mitte.localhost", "/bewerbung/zurueckziehen/{}/"),
    ("mitte.localhost", "/stellenalarm/bestaetigen/{}/"),
    ("mitte.localhost", "/stellenalarm/abbestellen/{}/"),
    ("mitte.localhost", "/konto/bestaetigen/{}/"),
    ("mitte.localhost", "/geschuetzte-medien/images/{}"),
    ("mitte.localhost", "/media/images/{}"),
    (
        "duesseldorf.localhost",
        "/veranstaltungen/job-speed-dating-naechstes/anmeldung/bestaetigen/{}/",
    ),
    ("duesseldorf.localhost", "/veranstaltungen/job-speed-dating-naechstes/anmeldung/{}/"),
    ("jobcenter-essen.localhost", "/kalender-was-geht/bestellen/bestaetigen/{}/"),
]
# A form on a site the crawl leaves out (a third employer would double its time).
CALENDAR_ORDER = ("jobcenter-essen.localhost", "/kalender-was-geht/bestellen/")
ATTACKS = [
    "' OR '1'='1",
    '") UNION SELECT username,password FROM auth_user--',
    '"><zqx onmouseover=alert(1)>',
    f"{MARKER}/>",
    "{{ 7*7 }}{% debug %}",
    "../../../../etc/passwd",
    "\x00",
    "a\x00b",
    "%00",
    "\r\nSet-Cookie: x=1",
    "\u202etxt.exe",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "",
    " ",
    "x" * 5000,
    "AND OR NOT NEAR(",
    "*",
    'a"b',
    "\\",
]
# Text as browsers can send it: any code point but lone surrogates.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
HOSTILE = st.one_of(
    st.sampled_from(ATTACKS),
    ANY_TEXT,
    st.tuples(ANY_TEXT, st.sampled_from(['"><zqx a="', f"{MARKER}>"])).map("".join),
)

RUNS = int(os.environ.get("STELLWERK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=RUNS,
    deadline=None,
    derandomize=True,  # the same values in every run: a failure in CI repeats locally
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
FILES = st.sampled_from(
    [
        ("lebenslauf.pdf", PDF, "application/pdf"),
        ("leer.pdf", b"", "application/pdf"),
        ("bild.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "application/pdf"),
        ("../../etc/passwd", PDF, "application/pdf"),
        ("a\x00.pdf", PDF, "application/pdf"),
        ("x" * 300 + ".pdf", PDF, "application/pdf"),
        ("skript.pdf", PDF.replace(b"/Catalog", b"/Catalog/OpenAction<</S/JavaScript>>"), ""),
    ]
)


@dataclass
class Form:
    host: str
    page: str
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # name: value the page offers
    choices: dict = field(default_factory=dict)  # name: values of a select or radio
    files: list = field(default_factory=list)

    def __str__(self):
        return f"{self.method} {self.host}{self.action} (von {self.page})"


def crawl(client, host):
    """The site's pages and forms, following links within the host.

    Listings link dozens of pages of one kind (job fields, postings): a few of
    each kind show its forms, so the crawl takes at most a few children per
    folder below the top and reaches every kind of page within its bound.
    """
    seen, queue, forms = set(), ["/", *SHARED_ROUTES], []
    children = defaultdict(set)  # folder: addresses queued in it
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code < 500, f"{host}{path}: {response.status_code}"
        if "text/html" not in response.get("Content-Type", ""):
            continue
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        for link in soup.find_all("a", href=True):
            target = urlsplit(urljoin(path, link["href"]))
            if _worth_following(target, host, seen):
                # A query (a filter, a step of a form) is a child of its page.
                address = _address(target)
                parent = target.path if target.query else target.path.rstrip("/").rpartition("/")[0]
                kin = children[parent]
                if parent == "" or address in kin or len(kin) < CHILDREN_PER_FOLDER:
                    kin.add(address)
                    queue.append(address)
        forms += [_form(host, path, element) for element in soup.find_all("form")]
    return seen, forms


def _address(url):
    return f"{url.path}?{url.query}" if url.query else url.path


def _worth_following(target, host, seen):
    return (
        target.netloc in ("", host)
        and target.path.endswith("/")
        and not target.path.startswith(("/admin", "/en/"))
    )


def _form(host, page, element):
    form = Form(
        host=host,
        page=page,
        # Without an action a browser sends the form to the page's own address.
        action=_address(urlsplit(urljoin(page, element.get("action") or page))),
        method=(element.get("method") or "get").upper(),
    )
    for control in element.find_all(["input", "select", "textarea", "button"]):
        name = control.get("name")
        if not name:
            continue
        kind = control.get("type", "")
        if kind == "file":
            form.files.append(name)
        elif control.name == "select":
            options = [o.get("value", o.text) for o in control.find_all("option")]
            form.choices.setdefault(name, []).extend(options)
        elif kind in ("radio", "checkbox"):
            form.choices.setdefault(name, []).append(control.get("value", "on"))
        else:
            form.fields.setdefault(name, control.get("value", ""))
    return form


def values_for(form):
    """Each field: what the page offers, or a hostile value, or left out."""
    names = [*form.fields, *form.choices]

    def one(name):
        offered = form.choices.get(name) or [form.fields.get(name, "")]
        return st.one_of(st.sampled_from(offered), HOSTILE, st.lists(HOSTILE, max_size=3))

    data = st.fixed_dictionaries({}, optional={name: one(name) for name in names})
    files = st.fixed_dictionaries({}, optional=dict.fromkeys(form.files, FILES))
    return st.tuples(data, files)


def submit(client, form, data, files):
    if form.method == "GET":
        return client.get(form.action, data, HTTP_HOST=form.host)
    payload = dict(data)
    if "csrfmiddlewaretoken" in form.fields:
        payload["csrfmiddlewaretoken"] = form.fields["csrfmiddlewaretoken"]
    for name, (filename, content, content_type) in files.items():
        payload[name] = SimpleUploadedFile(filename, content, content_type)
    return client.post(form.action, payload, HTTP_HOST=form.host)


def assert_sound(response, where):
    assert response.status_code < 500, f"{where}: {response.status_code}"
    content_type = response.get("Content-Type", "")
    if "html" in content_type and not response.streaming:
        assert MARKER not in response.content.decode("utf-8", "replace"), (
            f"{where}: unescaped input in the page"
        )


@pytest.fixture
def visitor(demo_sites):
    # A fresh client per value would lose the session; one is what a bot uses.
    return Client()


def test_every_public_form_survives_hostile_values(visitor):
    forms = []
    for host in HOSTS:
        forms += crawl(visitor, host)[1]
    actions = {f.action for f in forms}
    # Forms repeat (the search box on every page, one application form per
    # posting): each kind once per host.
    unique = {(f.host, f.method, *map(tuple, (f.fields, f.choices, f.files))): f for f in forms}
    # The crawl must reach the forms that matter, or the test proves nothing.
    assert {"/suche/", "/stellenalarm/", "/konto/registrieren/"} <= actions
    assert any("/bewerben/" in a for a in actions), actions
    assert any("/anmeldung/?" in a for a in actions), actions

    for form in unique.values():
        fuzz_form(visitor, form)


def test_the_calendar_order_form_survives_hostile_values(visitor):
    host, path = CALENDAR_ORDER
    page = visitor.get(path, HTTP_HOST=host)
    soup = BeautifulSoup(page.content.decode(), "html.parser")

    fuzz_form(visitor, _form(host, path, soup.find("form", class_="calendar-order-form")))


def fuzz_form(visitor, form):
    @FUZZ
    @given(values_for(form))
    def send(values):
        data, files = values
        note(str(form))
        assert_sound(submit(visitor, form, data, files), form)

    send()


@pytest.mark.parametrize("host", HOSTS)
def test_every_api_parameter_survives_hostile_values(visitor, host):
    schema = visitor.get("/api/v1/openapi.json", HTTP_HOST=host).json()
    operations = [
        (path, operation["parameters"])
        for path, methods in schema["paths"].items()
        for operation in methods.values()
    ]
    assert len(operations) >= 2

    for path, parameters in operations:
        fuzz_operation(visitor, host, path, parameters)


def fuzz_operation(visitor, host, path, parameters):
    in_path = [p["name"] for p in parameters if p["in"] == "path"]
    in_query = [p["name"] for p in parameters if p["in"] == "query"]

    @FUZZ
    @given(
        st.fixed_dictionaries({name: HOSTILE.filter(bool) for name in in_path}),
        st.fixed_dictionaries(
            {}, optional={name: st.one_of(HOSTILE, st.lists(HOSTILE)) for name in in_query}
        ),
    )
    @example(dict.fromkeys(in_path, "1"), {"q": '"><zqx>'})
    def send(path_values, query):
        url = path
        for name, value in path_values.items():
            url = url.replace(f"{{{name}}}", _path_segment(value))
        note(url)
        response = visitor.get(url, query, HTTP_HOST=host)
        assert response.status_code < 500, f"{url}: {response.status_code}"
        if response.status_code != 404 or url.startswith("/api/"):
            assert response["Content-Type"].startswith("application/json"), url

    send()


@FUZZ
@given(st.sampled_from(TOKEN_ROUTES), HOSTILE.filter(bool), st.sampled_from(["get", "post"]))
def test_hostile_tokens_in_addresses_are_refused(visitor, route, token, method):
    host, address = route
    url = address.format(_path_segment(token))
    response = getattr(visitor, method)(url, HTTP_HOST=host)
    assert_sound(response, url)


@FUZZ
@given(
    st.sampled_from(["/", "/suche/", "/konto/anmelden/", "/api/v1/stellen"]),
    st.fixed_dictionaries(
        {},
        optional={
            "HTTP_ACCEPT_LANGUAGE": HOSTILE,
            "HTTP_REFERER": HOSTILE,
            "HTTP_USER_AGENT": HOSTILE,
            "HTTP_X_FORWARDED_FOR": HOSTILE,
            "HTTP_COOKIE": HOSTILE,
            "HTTP_IF_NONE_MATCH": HOSTILE,
            "HTTP_IF_MODIFIED_SINCE": HOSTILE,
            "HTTP_RANGE": HOSTILE,
        },
    ),
)
def test_hostile_headers_are_survived(visitor, path, headers):
    # A WSGI server hands header bytes over as latin-1 text.
    headers = {name: value.encode().decode("latin-1") for name, value in headers.items()}
    response = visitor.get(path, HTTP_HOST="mitte.localhost", **headers)
    assert_sound(response, path)


def _path_segment(value):
    """A value as a client would put it into a path: percent-encoded, slashes too."""
    return quote(value, safe="")
