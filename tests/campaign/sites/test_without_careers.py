"""campaign runs without careers: migrated, checked and serving each of its
page types, in a process of its own whose settings leave careers out
(tests/without_careers_settings.py)."""

import json
import os
import re
import subprocess
import sys

from django.conf import settings

# The process without careers builds one site and reports what it saw.
RENDER_EACH_PAGE_TYPE = (
    "import json; from tests.campaign.sites import test_without_careers as without; "
    "print(json.dumps(without.render_each_page_type()))"
)
HOSTNAME = "ohne-karriere.localhost"


def _title(model):
    return f"Ohne Karriere {model.__name__}"


def render_each_page_type():
    """Migrate a fresh database, check the project, build a page of each of
    campaign's page types and request it; the admin's edit view of the pages
    whose choosers name other apps' page types. Runs without careers."""
    from io import StringIO

    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page

    from campaign import factories
    from tests.support import login_with_second_factor

    call_command("migrate", verbosity=0)
    checked = StringIO()
    call_command("check", stdout=checked)
    migrations = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=migrations)

    root = Page.get_first_root_node()
    directory = factories.EmployerDirectoryPageFactory(
        parent=root, title=_title(factories.EmployerDirectoryPage)
    )
    factories.SiteFactory(hostname=f"verzeichnis.{HOSTNAME}", root_page=directory)
    home = factories.HomePageFactory(parent=root, title=_title(factories.HomePage))
    site = factories.SiteFactory(hostname=HOSTNAME, root_page=home)
    factories.EmployerSettingsFactory(site=site, organisation_name="Bezirksamt ohne Karriere")

    def child(factory, parent=home, **fields):
        return factory(parent=parent, title=_title(factory._meta.model), **fields)

    standard = child(factories.StandardPageFactory)
    for factory in (
        factories.EasyLanguagePageFactory,
        factories.SignLanguagePageFactory,
        factories.ImprintPageFactory,
        factories.PrivacyPageFactory,
        factories.AccessibilityStatementPageFactory,
    ):
        child(factory)
    # The choosers whose page types careers would offer link to any page without it.
    call_to_action = {
        "heading": "Mitmachen",
        "text": "",
        "page": standard,
        "link_text": "Zur Inhaltsseite",
    }
    child(factories.CampaignPageFactory, body=[("call_to_action", call_to_action)])
    child(factories.PressReleasePageFactory, parent=child(factories.PressIndexPageFactory))
    opportunity = {"title": "Verwaltungskraft", "job_field": standard}
    child(
        factories.EventPageFactory,
        parent=child(factories.EventIndexPageFactory),
        opportunities=[("opportunity", opportunity)],
    )
    child(factories.PhotoCalendarPageFactory, motifs=1)

    client = Client()
    pages = {}
    page_types = [
        model
        for model in apps.get_app_config("campaign").get_models()
        if issubclass(model, Page) and model is not Page
    ]
    for model in page_types:
        page = model.objects.filter(title=_title(model)).first()
        if page is None:
            pages[model.__name__] = None  # a page type the test builds no page of
            continue
        _site_id, root_url, path = page.get_url_parts()
        response = client.get(path, HTTP_HOST=root_url.split("://", 1)[1])
        pages[model.__name__] = [response.status_code, _title(model) in response.text]
    missing = client.get("/gibt-es-nicht/", HTTP_HOST=HOSTNAME).status_code
    sitemap_index = client.get("/sitemap.xml", HTTP_HOST=HOSTNAME).text
    sitemap_pages = client.get("/sitemap-seiten.xml", HTTP_HOST=HOSTNAME).text

    admin = get_user_model().objects.create_superuser("ohne-karriere", "admin@example.org", "x")
    login_with_second_factor(client, admin)
    edit_views = {}
    for model in (factories.CampaignPage, factories.EventPage, factories.PhotoCalendarPage):
        page = model.objects.get(title=_title(model))
        response = client.get(f"/admin/pages/{page.pk}/edit/", HTTP_HOST=HOSTNAME)
        edit_views[model.__name__] = response.status_code

    return {
        "installed": apps.is_installed("careers"),
        "check": checked.getvalue().strip(),
        "migrations": migrations.getvalue().strip(),
        "pages": pages,
        "missing": missing,
        "edit_views": edit_views,
        "sitemap_parts": re.findall(r"<loc>([^<]+)</loc>", sitemap_index),
        "sitemap_lists_pages": f"<loc>{standard.full_url}</loc>" in sitemap_pages,
    }


def test_campaign_serves_every_page_type_without_careers(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.without_careers_settings",
        # A fresh database of its own, whatever this run's database is.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'ohne-karriere.sqlite3'}",
    }
    finished = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", RENDER_EACH_PAGE_TYPE],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout.strip().splitlines()[-1])

    assert report["installed"] is False
    assert report["check"] == "System check identified no issues (0 silenced)."
    assert report["migrations"] == "No changes detected"
    assert report["pages"], "no page types found"
    assert {name: seen for name, seen in report["pages"].items() if seen != [200, True]} == {}
    assert report["missing"] == 404
    assert report["edit_views"] == {"CampaignPage": 200, "EventPage": 200, "PhotoCalendarPage": 200}
    # The sitemap index has campaign's own part only.
    assert report["sitemap_parts"] == [f"http://{HOSTNAME}/sitemap-seiten.xml"]
    assert report["sitemap_lists_pages"] is True
