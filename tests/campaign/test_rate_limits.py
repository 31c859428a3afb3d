from django.test import RequestFactory

from campaign.rate_limits import RateLimit


def test_a_visitor_is_limited_after_the_allowed_attempts_others_are_not(settings):
    settings.CLIENT_IP_HEADER = ""
    limit = RateLimit("test-form", limit=2, window=60)
    visitor = RequestFactory().post("/", REMOTE_ADDR="192.0.2.10")
    other = RequestFactory().post("/", REMOTE_ADDR="192.0.2.11")

    limit.count(visitor)
    assert not limit.exceeded(visitor)
    limit.count(visitor)

    assert limit.exceeded(visitor)
    assert not limit.exceeded(other)


def test_limits_of_different_forms_count_apart(settings):
    settings.CLIENT_IP_HEADER = ""
    visitor = RequestFactory().post("/", REMOTE_ADDR="192.0.2.12")
    login = RateLimit("test-login", limit=1, window=60)
    alerts = RateLimit("test-alerts", limit=1, window=60)

    login.count(visitor)

    assert login.exceeded(visitor)
    assert not alerts.exceeded(visitor)
