"""campaign/admin_sites.py: editors meet only their own site's snippets in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission, Page, Site

from campaign import factories
from campaign import models as campaign_models
from campaign.sites.admin_scoping import sites_edited_by
from campaign.sites.roles import HR, PRESS_OFFICE
from careers.factories import DepartmentFactory
from tests.support import get_with_query_budget, login_with_second_factor, site_editor

pytestmark = pytest.mark.django_db

MITTE, DUESSELDORF = "mitte.localhost", "duesseldorf.localhost"
TESTIMONIALS = "/admin/snippets/campaign/testimonial/"
TESTIMONIAL_CHOOSER = "/admin/snippets/choose/campaign/testimonial/"
MEDIA_CONTACTS = "/admin/snippets/campaign/mediacontact/"
DEPARTMENTS = "/admin/snippets/careers/department/"
BULK_DELETE = "/admin/bulk/campaign/testimonial/delete/"
ADMIN_HOST = "localhost"


def _site(hostname):
    return Site.objects.get(hostname=hostname)


def _editor(hostname, role=PRESS_OFFICE):
    return site_editor(hostname, role)


@pytest.fixture
def people(demo_sites):
    """One testimonial per site, with names no demo testimonial has."""
    return {
        MITTE: factories.TestimonialFactory(site=_site(MITTE), name="Mia Mitte"),
        DUESSELDORF: factories.TestimonialFactory(site=_site(DUESSELDORF), name="Dora Düsseldorf"),
    }


@pytest.fixture
def press_mitte(client, demo_sites):
    client.force_login(_editor(MITTE))
    return client


# sites_edited_by -------------------------------------------------------------


def test_sites_come_from_page_permissions_not_group_names(demo_sites):
    user = get_user_model().objects.create_user("redaktion", password="x")
    assert sites_edited_by(user) == frozenset()

    # A group with an arbitrary name and a permission on a page inside the
    # Düsseldorf site: the user edits part of that site.
    group = Group.objects.create(name="Sonderredaktion")
    section = Page.objects.descendant_of(_site(DUESSELDORF).root_page).first()
    GroupPagePermission.objects.create(group=group, page=section, permission=_change_page())
    user = get_user_model().objects.get(pk=user.pk)  # a fresh request's user
    user.groups.add(group)

    assert sites_edited_by(user) == {_site(DUESSELDORF).pk}


def _change_page():
    return Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")


def test_a_permission_on_the_tree_root_covers_every_site(demo_sites):
    group = Group.objects.create(name="Landesredaktion")
    GroupPagePermission.objects.create(
        group=group, page=Page.get_first_root_node(), permission=_change_page()
    )
    user = get_user_model().objects.create_user("land", password="x")
    user.groups.add(group)

    assert sites_edited_by(user) == {site.pk for site in Site.objects.all()}


def test_superusers_edit_every_site(demo_sites):
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")

    assert sites_edited_by(admin) is None


# Listing -----------------------------------------------------------------------


def test_the_listing_shows_only_the_own_sites_testimonials(press_mitte, people):
    factories.TestimonialFactory.create_batch(5, site=_site(MITTE))  # no query per row

    response = get_with_query_budget(press_mitte, TESTIMONIALS, host=ADMIN_HOST, max_queries=16)

    assert "Mia Mitte" in response.text
    assert "Dora Düsseldorf" not in response.text
    listed = {t.site_id for t in response.context["object_list"]}
    assert listed == {_site(MITTE).pk}


def test_the_site_filter_offers_only_the_own_site(press_mitte, people):
    response = press_mitte.get(TESTIMONIALS)

    choices = response.context["filters"].form.fields["site"].queryset
    assert list(choices) == [_site(MITTE)]


def test_filtering_for_another_site_shows_nothing_of_it(press_mitte, people):
    response = press_mitte.get(TESTIMONIALS, {"site": _site(DUESSELDORF).pk})

    assert "Dora Düsseldorf" not in response.text


def test_superusers_see_every_sites_testimonials(client, people):
    login_with_second_factor(
        client, get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    )

    response = client.get(TESTIMONIALS)

    assert "Mia Mitte" in response.text
    assert "Dora Düsseldorf" in response.text


def test_media_contacts_and_departments_are_scoped_too(press_mitte, demo_sites):
    factories.MediaContactFactory(site=_site(DUESSELDORF), office="Pressestelle Düsseldorf-Test")
    DepartmentFactory(site=_site(DUESSELDORF), name="Amt für Düsseldorf-Test")
    DepartmentFactory(site=_site(MITTE), name="Amt für Mitte-Test")
    hr_mitte = Client()
    login_with_second_factor(hr_mitte, _editor(MITTE, HR))

    contacts = press_mitte.get(MEDIA_CONTACTS)
    departments = hr_mitte.get(DEPARTMENTS)

    assert contacts.status_code == 200
    assert "Pressestelle Düsseldorf-Test" not in contacts.text
    assert {c.site_id for c in contacts.context["object_list"]} == {_site(MITTE).pk}
    assert "Amt für Mitte-Test" in departments.text
    assert "Amt für Düsseldorf-Test" not in departments.text


# Chooser -----------------------------------------------------------------------


def test_the_chooser_offers_only_the_own_sites_testimonials(press_mitte, people):
    modal = get_with_query_budget(press_mitte, TESTIMONIAL_CHOOSER, host=ADMIN_HOST, max_queries=10)
    results = press_mitte.get(f"{TESTIMONIAL_CHOOSER}results/", {"q": "Dora"})

    assert "Mia Mitte" in modal.json()["html"]
    assert "Dora Düsseldorf" not in modal.json()["html"]
    assert "Dora Düsseldorf" not in results.text


def test_choosing_another_sites_testimonial_by_id_is_not_found(press_mitte, people):
    own = press_mitte.get(f"{TESTIMONIAL_CHOOSER}chosen/{people[MITTE].pk}/")
    foreign = press_mitte.get(f"{TESTIMONIAL_CHOOSER}chosen/{people[DUESSELDORF].pk}/")
    multiple = press_mitte.get(
        f"{TESTIMONIAL_CHOOSER}chosen-multiple/",
        {"id": [people[MITTE].pk, people[DUESSELDORF].pk]},
    )

    assert own.status_code == 200
    assert foreign.status_code == 404
    assert multiple.status_code == 404


# One object by its URL -----------------------------------------------------------


@pytest.mark.parametrize("action", ["edit", "delete", "usage", "history"])
def test_another_sites_testimonial_is_not_found_by_url(press_mitte, people, action):
    foreign = people[DUESSELDORF]

    response = press_mitte.get(f"{TESTIMONIALS}{action}/{foreign.pk}/")

    assert response.status_code == 404


def test_copying_another_sites_testimonial_is_not_found(press_mitte, people):
    response = press_mitte.get(f"{TESTIMONIALS}copy/{people[DUESSELDORF].pk}/")

    assert response.status_code == 404
    assert "Dora Düsseldorf" not in response.text


def test_the_own_testimonial_opens(press_mitte, people):
    response = press_mitte.get(f"{TESTIMONIALS}edit/{people[MITTE].pk}/")

    assert response.status_code == 200


def test_another_sites_testimonial_cannot_be_changed_or_deleted(press_mitte, people):
    foreign = people[DUESSELDORF]

    edit = press_mitte.post(f"{TESTIMONIALS}edit/{foreign.pk}/", {"name": "Übernommen"})
    delete = press_mitte.post(f"{TESTIMONIALS}delete/{foreign.pk}/")
    bulk_confirmation = press_mitte.get(BULK_DELETE, {"id": foreign.pk})
    bulk_delete = press_mitte.post(f"{BULK_DELETE}?id={foreign.pk}")

    assert edit.status_code == 404
    assert delete.status_code == 404
    assert bulk_confirmation.status_code == bulk_delete.status_code == 404
    assert "Dora Düsseldorf" not in bulk_confirmation.text
    foreign.refresh_from_db()
    assert foreign.name == "Dora Düsseldorf"


# Create form -----------------------------------------------------------------------


def test_the_create_form_offers_and_preselects_the_only_own_site(press_mitte, demo_sites):
    response = press_mitte.get(f"{TESTIMONIALS}add/")

    field = response.context["form"]["site"]
    assert list(field.field.queryset) == [_site(MITTE)]
    assert field.value() == _site(MITTE).pk
    assert "---------" not in str(field)


def test_creating_a_snippet_for_another_site_is_refused(press_mitte, demo_sites):
    response = press_mitte.post(
        f"{TESTIMONIALS}add/",
        {
            "site": _site(DUESSELDORF).pk,
            "name": "Unterschoben",
            "role": "Test",
            "quote": "Hallo",
        },
    )

    assert response.status_code == 200  # the form again, with its error
    assert "site" in response.context["form"].errors
    assert not campaign_models.Testimonial.objects.filter(name="Unterschoben").exists()


def test_creating_a_snippet_for_the_own_site_works(press_mitte, demo_sites):
    response = press_mitte.post(
        f"{TESTIMONIALS}add/",
        {"site": _site(MITTE).pk, "name": "Neu Mitte", "role": "Test", "quote": "Hallo"},
    )

    assert response.status_code == 302
    assert campaign_models.Testimonial.objects.get(name="Neu Mitte").site == _site(MITTE)


def test_a_site_added_later_owns_its_pages_at_once(demo_sites):
    from campaign.sites.admin_scoping import site_of

    mitte_page = Page.objects.descendant_of(_site(MITTE).root_page).first()
    assert site_of(mitte_page) == _site(MITTE).pk  # the trees are cached now

    home = Page.get_first_root_node().add_child(instance=Page(title="Neu", slug="neu-amt"))
    new_site = Site.objects.create(hostname="neu.localhost", root_page=home)

    assert site_of(home) == new_site.pk
