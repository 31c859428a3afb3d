import pytest
from wagtail.models import PageViewRestriction

from campaign.models import PressReleasePage


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Call a view and run what it queued for after the commit (its mails) at once:
    the test's own transaction never commits."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


@pytest.fixture
def fully_private_release(demo_sites):
    """The demo's notebooks release wholly private (Wagtail's privacy "logged-in
    users"), as it was before it became a teaser (test_teaser.py): for the tests
    of that privacy."""
    release = PressReleasePage.objects.get(slug="homeoffice")
    PageViewRestriction.objects.get_or_create(
        page=release, restriction_type=PageViewRestriction.LOGIN
    )
    return release
