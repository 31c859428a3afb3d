"""Links in the admin's mails start at the installation's configured address
(WAGTAILADMIN_BASE_URL from the environment; `make run` sets it to its port)."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from wagtail.models import Site

from campaign.sites.roles import HR, PRESS_OFFICE
from careers.models import JobFieldPage
from tests.support import site_editor

MITTE = "mitte.localhost"


@pytest.mark.django_db
def test_a_review_mail_links_to_the_configured_address(demo_sites, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://localhost:8765"
    hr, press = site_editor(MITTE, HR), site_editor(MITTE, PRESS_OFFICE)
    page = JobFieldPage.objects.descendant_of(Site.objects.get(hostname=MITTE).root_page).first()
    mail.outbox.clear()

    page.save_revision(user=hr)
    page.get_workflow().start(page, hr)

    to_press = [message for message in mail.outbox if press.email in message.to]
    assert to_press, [message.to for message in mail.outbox]
    links = re.findall(r"https?://[^\s\"'<>]+/admin/[^\s\"'<>]*", to_press[0].body)
    assert links, to_press[0].body
    assert all(link.startswith("http://localhost:8765/admin/") for link in links), links


def test_the_base_url_comes_from_the_environment():
    environment = {
        **os.environ,
        "WAGTAILADMIN_BASE_URL": "http://localhost:8790",
        "DJANGO_SETTINGS_MODULE": "campaign.project.settings.dev",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup();"
            "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip() == "http://localhost:8790"
