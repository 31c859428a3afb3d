import time

from django.http import HttpResponse
from django.test import RequestFactory

from campaign.sites import rate_limits
from campaign.sites.rate_limits import DEFAULT_RETRY_AFTER, RateLimit, RetryAfterMiddleware


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


def test_past_the_limit_the_wait_is_what_remains_of_the_window(settings, monkeypatch):
    settings.CLIENT_IP_HEADER = ""
    limit = RateLimit("test-wait", limit=1, window=60)
    visitor = RequestFactory().post("/", REMOTE_ADDR="192.0.2.13")
    now = time.time()
    monkeypatch.setattr(rate_limits.time, "time", lambda: now)
    limit.count(visitor)

    monkeypatch.setattr(rate_limits.time, "time", lambda: now + 45)

    assert limit.exceeded(visitor)
    assert visitor.retry_after == 15


def test_every_429_names_a_wait(rf):
    def refuse(request):
        return HttpResponse("Zu viele Anfragen", status=429)

    def refuse_with_wait(request):
        request.retry_after = 120
        return refuse(request)

    assert RetryAfterMiddleware(refuse)(rf.get("/"))["Retry-After"] == str(DEFAULT_RETRY_AFTER)
    assert RetryAfterMiddleware(refuse_with_wait)(rf.get("/"))["Retry-After"] == "120"
    assert not RetryAfterMiddleware(lambda request: HttpResponse())(rf.get("/")).has_header(
        "Retry-After"
    )
