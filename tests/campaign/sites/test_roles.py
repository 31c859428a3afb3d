"""campaign/sites/roles.py: press office and HR of one site, and the review workflow."""

import importlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    WorkflowPage,
)
from wagtail.permissions import policy_registry

from campaign.models import CampaignPage
from campaign.sites.roles import HR, PRESS_OFFICE
from careers.models import JobFieldPage
from tests.support import site_editor

pytestmark = pytest.mark.django_db

MITTE, DUESSELDORF = "mitte.localhost", "duesseldorf.localhost"


def _user(hostname, role):
    return site_editor(hostname, role)


def _page_in(hostname, model):
    root = Site.objects.get(hostname=hostname).root_page
    return model.objects.descendant_of(root).live().first()


def test_setting_up_twice_changes_nothing(demo_sites):
    def counts():
        return (
            Group.objects.count(),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            WorkflowPage.objects.count(),
            Collection.objects.count(),
        )

    before = counts()
    call_command("setup_roles", stdout=None)

    assert counts() == before
    assert Group.objects.filter(name__endswith=f": {PRESS_OFFICE}").count() == 4


def test_press_office_edits_its_own_site_only(client, demo_sites):
    press = _user(MITTE, PRESS_OFFICE)
    own = _page_in(MITTE, CampaignPage)
    foreign = _page_in(DUESSELDORF, JobFieldPage)
    client.force_login(press)

    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{foreign.pk}/edit/").status_code == 404  # not even found
    assert own.permissions_for_user(press).can_publish()
    assert not foreign.permissions_for_user(press).can_edit()


def test_media_go_into_the_sites_own_collection(demo_sites):
    press = _user(MITTE, PRESS_OFFICE)

    policy = policy_registry.get_by_type(get_image_model())
    collections = policy.collections_user_has_permission_for(press, "add")

    assert [c.name for c in collections] == ["Bezirksamt Mitte von Berlin"]


def test_hr_drafts_are_published_only_when_the_press_office_approves(demo_sites):
    hr, press = _user(MITTE, HR), _user(MITTE, PRESS_OFFICE)
    page = _page_in(MITTE, JobFieldPage)
    assert page.permissions_for_user(hr).can_edit()
    assert not page.permissions_for_user(hr).can_publish()

    page.lead = "Neu geschrieben von der Personalabteilung."
    revision = page.save_revision(user=hr)
    page.get_workflow().start(page, hr)
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    task = task_state.task.specific

    assert "Pressestelle" in task.name
    assert task.get_actions(page, hr) == []
    assert "approve" in [action for action, *_ in task.get_actions(page, press)]

    task.on_action(task_state, press, "approve")
    page.refresh_from_db()

    assert page.live_revision == revision
    assert JobFieldPage.objects.get(pk=page.pk).lead == "Neu geschrieben von der Personalabteilung."


def test_hr_of_one_site_cannot_approve_for_another(demo_sites):
    hr = _user(MITTE, HR)
    foreign_press = _user(DUESSELDORF, PRESS_OFFICE)
    page = _page_in(MITTE, JobFieldPage)
    page.save_revision(user=hr)
    page.get_workflow().start(page, hr)
    page.refresh_from_db()
    task = page.current_workflow_task_state.task.specific

    assert task.get_actions(page, foreign_press) == []


def test_the_generic_groups_are_gone_and_their_members_named(db, capsys):
    from django.apps import apps

    removal = importlib.import_module("campaign.migrations.0014_remove_generic_editor_groups")
    assert not Group.objects.filter(name__in=removal.GENERIC_GROUPS).exists()

    # An installation that still has them, with a member.
    editors = Group.objects.create(name="Editors")
    get_user_model().objects.create_user("altredaktion").groups.add(editors)
    removal.remove_generic_groups(apps, None)

    assert not Group.objects.filter(name="Editors").exists()
    assert "altredaktion" in capsys.readouterr().out
    assert get_user_model().objects.filter(username="altredaktion").exists()
