"""Editors can open every demo page and every employer's settings in the admin."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from campaign.models import EmployerSettings
from tests.support import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redaktion", "r@example.de", "geheim-123")
    login_with_second_factor(client, user)
    return client


def test_every_demo_page_opens_in_the_editor(editor_client, demo_sites):
    for page in Page.objects.filter(depth__gt=1):
        response = editor_client.get(f"/admin/pages/{page.pk}/edit/")

        assert response.status_code == 200, page.title


def test_employer_settings_open_for_every_site(editor_client, demo_sites):
    for employer in EmployerSettings.objects.all():
        response = editor_client.get(
            f"/admin/settings/campaign/employersettings/{employer.site_id}/"
        )

        assert response.status_code == 200
        assert employer.organisation_name in response.text


def test_admin_scripts_carry_the_nonce_of_the_policy(editor_client, demo_sites):
    employer = EmployerSettings.objects.first()

    response = editor_client.get(f"/admin/settings/campaign/employersettings/{employer.site_id}/")

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    inline = re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", response.text)
    assert inline, "the settings form renders chooser scripts"
    assert all(f'nonce="{nonce}"' in tag for tag in inline)
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_public_pages_get_no_nonce(client, demo_sites):
    response = client.get("/", HTTP_HOST="mitte.localhost")

    assert "nonce-" not in response["Content-Security-Policy"]


def test_too_light_brand_colour_is_refused_in_the_admin(editor_client, demo_sites):
    employer = EmployerSettings.objects.get(site__hostname="mitte.localhost")
    url = f"/admin/settings/campaign/employersettings/{employer.site_id}/"
    form = {
        "organisation_name": employer.organisation_name,
        "primary_colour": "#ffdd00",
        "accent_colour": "#d4002d",
        "social_accounts-TOTAL_FORMS": "0",
        "social_accounts-INITIAL_FORMS": "0",
        "social_accounts-MIN_NUM_FORMS": "0",
        "social_accounts-MAX_NUM_FORMS": "1000",
    }

    response = editor_client.post(url, form)

    assert response.status_code == 200
    assert "zu schwach" in response.text
    employer.refresh_from_db()
    assert employer.primary_colour == "#1d4f91"
