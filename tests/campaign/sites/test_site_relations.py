"""campaign/sites/admin_scoping/relations.py: a page or a site's snippet points only at
rows of its own employer's site and at shared ones, also for superusers."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Collection, Page, Site, get_page_models

from campaign import factories
from campaign import models as campaign_models
from campaign.models import CampaignPage, EventPage, PhotoCalendarPage
from campaign.sites.page_forms import SitePageForm
from campaign.sites.roles import HR, PRESS_OFFICE, site_collection
from careers.factories import DepartmentFactory, DimensionFactory
from careers.models import JobFieldPage, JobPostingPage, LocationPage
from media_library.factories import FilmFactory
from tests.support import admin_form_data, login_with_second_factor, site_editor

pytestmark = pytest.mark.django_db

MITTE, ESSEN, DUESSELDORF = "mitte.localhost", "jobcenter-essen.localhost", "duesseldorf.localhost"
ZUKUNFTSORTE = "zukunftsorte.localhost"
REFUSED = "gehört zu einem anderen Arbeitgeber"


def _site(hostname):
    return Site.objects.get(hostname=hostname)


def _in(model, hostname):
    return model.objects.descendant_of(_site(hostname).root_page).order_by("path").first()


def _login(user):
    client = Client()
    login_with_second_factor(client, user)
    return client


def _editor(hostname, role):
    return site_editor(hostname, role)


@pytest.fixture
def superuser(demo_sites):
    return get_user_model().objects.create_superuser("root", "root@example.org", "x")


def _data(page, user, **changes):
    """The edit form's POST data of `page` as it is, with `changes`."""
    page = page.specific
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=page.get_parent(), for_user=user)
    data = admin_form_data(form)
    data.update(changes)
    return data


def _post(client, page, data):
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def _messages(error):
    """Every message of a (nested StreamField block) validation error."""
    if hasattr(error, "block_errors"):
        yield from (str(message) for message in error.non_block_errors)
        for child in error.block_errors.values():
            yield from _messages(child)
    else:
        yield from error.messages


def _field_messages(form, name):
    return [m for error in form.errors.get(name, []).as_data() for m in _messages(error)]


def _refused_and_unsaved(response, page, field):
    assert response.status_code == 200, response.status_code
    messages = _field_messages(response.context["form"], field)
    assert any(REFUSED in m for m in messages), messages
    assert _latest_revision(page) == page.latest_revision_id
    return messages


def _latest_revision(page):
    return Page.objects.get(pk=page.pk).latest_revision_id


def _saved(page):
    """The page as its latest revision has it."""
    return Page.objects.get(pk=page.pk).get_latest_revision().as_object()


# Foreign keys -----------------------------------------------------------------


@pytest.mark.parametrize("who", ["hr", "superuser"])
def test_a_postings_job_field_of_another_employer_is_refused(demo_sites, superuser, who):
    user = superuser if who == "superuser" else _editor(DUESSELDORF, HR)
    posting = _in(JobPostingPage, DUESSELDORF)
    job_field_before = posting.job_field_id
    mitte_field = _in(JobFieldPage, MITTE)

    response = _post(_login(user), posting, _data(posting, user, job_field=str(mitte_field.pk)))

    messages = _refused_and_unsaved(response, posting, "job_field")
    posting.refresh_from_db()
    assert posting.job_field_id == job_field_before
    # The title only to whom may see Mitte's pages.
    assert any(mitte_field.title in m for m in messages) == (who == "superuser")


def test_a_postings_own_job_field_saves(demo_sites, superuser):
    posting = _in(JobPostingPage, DUESSELDORF)
    own_field = _in(JobFieldPage, DUESSELDORF)

    response = _post(
        _login(superuser), posting, _data(posting, superuser, job_field=str(own_field.pk))
    )

    assert response.status_code == 302, _field_messages(response.context["form"], "job_field")
    assert _saved(posting).job_field_id == own_field.pk


def test_a_campaign_with_another_sites_film_is_refused_and_a_shared_one_saves(
    demo_sites, superuser
):
    campaign = _in(CampaignPage, MITTE)
    essen_film = FilmFactory(collection=site_collection(_site(ESSEN)))
    shared_film = FilmFactory(collection=Collection.get_first_root_node())
    client = _login(superuser)

    refused = _post(client, campaign, _data(campaign, superuser, hero_film=str(essen_film.pk)))
    _refused_and_unsaved(refused, campaign, "hero_film")

    saved = _post(client, campaign, _data(campaign, superuser, hero_film=str(shared_film.pk)))
    assert saved.status_code == 302
    assert _saved(campaign).hero_film_id == shared_film.pk


def test_the_film_field_offers_the_own_sites_films_only(demo_sites):
    press = _editor(MITTE, PRESS_OFFICE)
    campaign = _in(CampaignPage, MITTE)
    own = FilmFactory(title="Film aus Mitte", collection=site_collection(_site(MITTE)))
    FilmFactory(title="Film aus Essen", collection=site_collection(_site(ESSEN)))
    client = _login(press)

    edit = client.get(f"/admin/pages/{campaign.pk}/edit/")
    chooser = client.get("/admin/media/chooser/video/")
    select = edit.text.split('name="hero_film"', 1)[1].split("</select>", 1)[0]

    assert own.title in select
    assert "Film aus Essen" not in select
    assert own.title in chooser.text  # the film blocks' chooser likewise
    assert "Film aus Essen" not in chooser.text


# Many-to-many -------------------------------------------------------------------


def test_a_job_fields_departments_offer_and_accept_only_its_own_sites(demo_sites, superuser):
    job_field = _in(JobFieldPage, DUESSELDORF)
    foreign = DepartmentFactory(site=_site(MITTE), name="Amt in Mitte")
    client = _login(superuser)

    offered = client.get(f"/admin/pages/{job_field.pk}/edit/").context["form"]["departments"]
    response = _post(client, job_field, _data(job_field, superuser, departments=[str(foreign.pk)]))

    assert "Amt in Mitte" not in str(offered)
    assert any(_site(DUESSELDORF).pk == d.site_id for d in offered.field.queryset)
    _refused_and_unsaved(response, job_field, "departments")


# StreamField blocks ----------------------------------------------------------


def test_an_events_job_field_block_of_another_site_is_refused(demo_sites, superuser):
    event = _in(EventPage, DUESSELDORF)
    mitte_field = _in(JobFieldPage, MITTE)
    data = _data(event, superuser)
    data.update(
        {
            "opportunities-count": "1",
            "opportunities-0-type": "opportunity",
            "opportunities-0-deleted": "",
            "opportunities-0-order": "0",
            "opportunities-0-id": "",
            "opportunities-0-value-title": "Verwaltungskraft",
            "opportunities-0-value-job_field": str(mitte_field.pk),
        }
    )

    response = _post(_login(superuser), event, data)

    _refused_and_unsaved(response, event, "opportunities")
    error = response.context["form"].errors["opportunities"].as_data()[0]
    # At the block's own field, where the editor chose it.
    assert REFUSED in str(error.block_errors[0].block_errors["job_field"].messages)


def test_a_testimonial_block_of_another_site_is_refused(demo_sites, superuser):
    job_field = _in(JobFieldPage, MITTE)
    essen_voice = factories.TestimonialFactory(site=_site(ESSEN), name="Erika Essen")
    own_voice = factories.TestimonialFactory(site=_site(MITTE), name="Mia Mitte")
    client = _login(superuser)

    def with_voice(voice):
        data = _data(job_field, superuser)
        count = int(data["insights-count"])
        item = f"insights-{count}"
        data.update(
            {
                "insights-count": str(count + 1),
                f"{item}-type": "testimonials",
                f"{item}-deleted": "",
                f"{item}-order": str(count),
                f"{item}-id": "",
                f"{item}-value-heading": "",
                f"{item}-value-testimonials-count": "1",
                f"{item}-value-testimonials-0-value": str(voice.pk),
                f"{item}-value-testimonials-0-deleted": "",
                f"{item}-value-testimonials-0-order": "0",
                f"{item}-value-testimonials-0-id": "",
            }
        )
        return data

    refused = _post(client, job_field, with_voice(essen_voice))
    messages = _refused_and_unsaved(refused, job_field, "insights")
    assert any("Erika Essen" in m for m in messages)

    saved = _post(client, job_field, with_voice(own_voice))
    assert saved.status_code == 302, _field_messages(saved.context["form"], "insights")


# Inline children ----------------------------------------------------------------


def test_a_calendar_motifs_job_field_of_another_site_is_refused(demo_sites, superuser):
    calendar = _in(PhotoCalendarPage, ESSEN)
    mitte_field = _in(JobFieldPage, MITTE)
    data = _data(calendar, superuser, **{"motifs-0-job_field_page": str(mitte_field.pk)})

    response = _post(_login(superuser), calendar, data)

    assert response.status_code == 200
    motif = response.context["form"].formsets["motifs"].forms[0]
    assert REFUSED in str(motif.errors["job_field_page"])
    assert _latest_revision(calendar) == calendar.latest_revision_id


def test_a_locations_criteria_offer_only_its_own_sites_values(demo_sites, superuser):
    location = _in(LocationPage, ZUKUNFTSORTE)
    own = DimensionFactory(site=_site(ZUKUNFTSORTE), values=[("eigen", "Eigener Wert")])
    foreign = DimensionFactory(site=_site(MITTE), values=[("fremd", "Fremder Wert")])
    client = _login(superuser)

    form = client.get(f"/admin/pages/{location.pk}/edit/").context["form"]
    offered = [str(form.formsets["criteria"].empty_form["value"])]
    offered += [str(child["value"]) for child in form.formsets["criteria"].forms]

    for select in offered:
        assert f'value="{own.values.get().pk}"' in select
        assert f'value="{foreign.values.get().pk}"' not in select


# Snippets ---------------------------------------------------------------------------


def test_a_testimonial_may_not_show_another_sites_film(demo_sites, superuser):
    voice = factories.TestimonialFactory(site=_site(MITTE), name="Mia Mitte")
    essen_film = FilmFactory(collection=site_collection(_site(ESSEN)))
    client = _login(superuser)
    url = f"/admin/snippets/campaign/testimonial/edit/{voice.pk}/"
    form = client.get(url).context["form"]
    data = admin_form_data(form)
    data["film"] = str(essen_film.pk)

    response = client.post(url, data)

    assert response.status_code == 200
    assert REFUSED in str(response.context["form"].errors["film"])
    assert campaign_models.Testimonial.objects.get(pk=voice.pk).film_id is None


# Site settings ----------------------------------------------------------------------


def test_the_settings_may_not_name_another_sites_imprint(demo_sites, superuser):
    mitte = _site(MITTE)
    essen_imprint = campaign_models.ImprintPage.objects.descendant_of(_site(ESSEN).root_page).get()
    client = _login(superuser)
    url = f"/admin/settings/campaign/employersettings/{mitte.pk}/"
    data = admin_form_data(client.get(url).context["form"])
    data["imprint_page"] = str(essen_imprint.pk)

    response = client.post(url, data)

    assert response.status_code == 200
    assert REFUSED in str(response.context["form"].errors["imprint_page"])
    settings = campaign_models.EmployerSettings.for_site(mitte)
    assert settings.imprint_page_id != essen_imprint.pk


# One form for every page type ------------------------------------------------------------


def test_every_page_type_of_the_project_uses_the_site_page_form():
    own = {apps.get_app_config(label) for label in ("campaign", "careers")}
    for model in get_page_models():
        if apps.get_app_config(model._meta.app_label) in own:
            form_class = model.get_edit_handler().get_form_class()
            assert issubclass(form_class, SitePageForm), model


def test_no_demo_page_points_at_another_employer(demo_sites, superuser):
    """Every page of the demo, posted back as it is, meets no refusal."""
    refused = {}
    for site in demo_sites:
        for page in site.root_page.get_descendants(inclusive=True).specific():
            form_class = page.get_edit_handler().get_form_class()
            unbound = form_class(instance=page, parent_page=page.get_parent(), for_user=superuser)
            form = form_class(
                admin_form_data(unbound),
                instance=page,
                parent_page=page.get_parent(),
                for_user=superuser,
            )
            form.is_valid()
            children = [c for formset in form.formsets.values() for c in formset.forms]
            messages = [
                m
                for checked in [form, *children]
                for name in checked.errors
                for error in checked.errors[name].as_data()
                for m in _messages(error)
                if REFUSED in m
            ]
            if messages:
                refused[f"{site.hostname}{page.url_path}"] = messages
    assert not refused
