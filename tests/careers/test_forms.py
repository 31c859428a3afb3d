"""careers/forms.py: what the admin refuses before a careers page is saved."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.http import QueryDict
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from careers.factories import DepartmentFactory
from careers.models import JobPostingPage
from careers.rules import today
from tests.support import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("hr", "hr@example.org", "geheim-123456")


def _posting_form(parent, editor, instance=None, **fields):
    data = {
        "title": "Sachbearbeiter*in Wohngeld",
        "slug": "sachbearbeiterin-wohngeld",
        "reference": "WG-1",
        "lead": "Sie berechnen Wohngeld.",
        "tasks": rich_text(""),
        "profile": rich_text(""),
        "offer": rich_text(""),
        "status": "tarif",
        "employment_types": ["FULL_TIME"],
        "contract": "unbefristet",
        "remote_share": "0",
        "apply_email": "bewerbung@example.org",
        "comments": inline_formset([]),
        **fields,
    }
    lists = {name: data.pop(name) for name in ("employment_types", "departments") if name in data}
    form_data = QueryDict(mutable=True)
    form_data.update(nested_form_data(data))
    for name, values in lists.items():
        form_data.setlist(name, [str(value) for value in values])
    form_class = JobPostingPage.get_edit_handler().get_form_class()
    return form_class(
        form_data,
        instance=instance or JobPostingPage(),
        parent_page=parent,
        for_user=editor,
    )


def test_a_complete_posting_passes(posting_index, editor, departments, tvoed):
    form = _posting_form(
        posting_index,
        editor,
        departments=[departments[0].pk],
        pay_scale=tvoed.pk,
        pay_grades="e9b,E 10",
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["pay_grades"] == "E 9b, E 10"


def test_grades_must_be_in_the_chosen_table(posting_index, editor, departments, tvoed):
    unknown = _posting_form(
        posting_index,
        editor,
        departments=[departments[0].pk],
        pay_scale=tvoed.pk,
        pay_grades="E 9b, Z 1",
    )
    no_table = _posting_form(
        posting_index, editor, departments=[departments[0].pk], pay_grades="E 9b"
    )

    assert not unknown.is_valid()
    assert "Z 1" in str(unknown.errors["pay_grades"])
    assert not no_table.is_valid()
    assert "pay_scale" in no_table.errors


def test_only_departments_of_the_own_site_are_offered(posting_index, editor, departments):
    from campaign.factories import SiteFactory

    foreign = DepartmentFactory(site=SiteFactory(hostname="fremd.localhost"), name="Fremdes Amt")

    form = _posting_form(posting_index, editor, departments=[foreign.pk])

    # Offered: the own site's; posted anyway, another's is refused by name.
    assert set(form.fields["departments"].widget.choices.queryset) == set(departments)
    assert not form.is_valid()
    assert "gehört zu einem anderen Arbeitgeber" in str(form.errors["departments"])


def test_reference_must_be_unique_within_the_site(posting_index, editor, departments, make_posting):
    existing = make_posting(reference="WG-1")

    duplicate = _posting_form(posting_index, editor, departments=[departments[0].pk])
    same_page = _posting_form(
        posting_index,
        editor,
        instance=existing,
        departments=[departments[0].pk],
        slug=existing.slug,
    )

    assert not duplicate.is_valid()
    assert "schon vergeben" in str(duplicate.errors["reference"])
    assert same_page.is_valid(), same_page.errors


def test_a_way_to_apply_is_required(posting_index, editor, departments):
    form = _posting_form(posting_index, editor, departments=[departments[0].pk], apply_email="")

    assert not form.is_valid()
    assert "per E-Mail oder über einen Link" in str(form.non_field_errors())


def _with_deadline(posting_index, editor, departments, deadline, *actions):
    form = _posting_form(
        posting_index,
        editor,
        departments=[departments[0].pk],
        application_deadline=deadline.isoformat(),
    )
    for action in actions:
        form.data[action] = action
    return form


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_a_deadline_in_the_past_is_not_published(posting_index, editor, departments, action):
    yesterday = today() - datetime.timedelta(days=1)
    form = _with_deadline(posting_index, editor, departments, yesterday, action)

    assert not form.is_valid()
    assert "Bewerbungsfrist ist schon vorbei" in str(form.errors["application_deadline"])


def test_a_draft_may_keep_a_deadline_in_the_past(posting_index, editor, departments):
    yesterday = today() - datetime.timedelta(days=1)
    form = _with_deadline(posting_index, editor, departments, yesterday)

    assert form.is_valid(), form.errors


def test_a_near_deadline_is_published_with_a_warning(posting_index, editor, departments, client):
    login_with_second_factor(client, editor)
    tomorrow = today() + datetime.timedelta(days=1)
    form = _with_deadline(posting_index, editor, departments, tomorrow, "action-publish")

    response = client.post(
        f"/admin/pages/add/careers/jobpostingpage/{posting_index.pk}/", form.data, follow=True
    )

    posting = JobPostingPage.objects.get(slug="sachbearbeiterin-wohngeld")
    assert posting.live
    warnings = [str(m) for m in response.context["messages"]]
    assert any("Bewerbungsfrist endet schon am" in text for text in warnings), warnings
