import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Call a view and run what it queued for after the commit (its mails) at once:
    the test's own transaction never commits."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run
