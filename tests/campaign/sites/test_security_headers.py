import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, _, values in (part.strip().partition(" ") for part in policy.split(";"))
    }


def test_every_page_carries_a_strict_csp(client, demo_sites):
    response = client.get("/", HTTP_HOST="mitte.localhost")

    policy = directives(response)
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'"


def test_pages_send_protective_headers(client, demo_sites):
    response = client.get("/", HTTP_HOST="mitte.localhost")

    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_templates_contain_no_inline_script_or_style(client, demo_sites):
    for host in ("localhost", "mitte.localhost", "duesseldorf.localhost"):
        html = client.get("/", HTTP_HOST=host).text

        assert "<script>" not in html
        assert "style=" not in html
        assert "<style" not in html


def test_every_response_switches_off_what_a_career_site_never_uses(client, demo_sites):
    responses = [
        client.get("/", HTTP_HOST="mitte.localhost"),
        client.get("/static/vendor/kern/stellwerk.min.css", HTTP_HOST="mitte.localhost"),
        client.get("/gibt-es-nicht/", HTTP_HOST="mitte.localhost"),
        client.get("/", HTTP_HOST="unbekannt.example"),  # 400: a host nobody serves
    ]

    for response in responses:
        policy = response.headers["Permissions-Policy"]
        assert "camera=()" in policy
        assert "geolocation=()" in policy
        assert "microphone=()" in policy
        assert "fullscreen=(self)" in policy  # films may go full screen
    assert [r.status_code for r in responses] == [200, 200, 404, 400]
