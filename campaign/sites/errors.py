"""Error pages in German and in the site's look.

The 500 handler also answers for a database that has gone away: then the
visitor gets a 503 with Retry-After instead, rendered without touching the
database (branding comes from the cache), and the site recovers by itself as
soon as the database answers again (CONN_HEALTH_CHECKS drops dead connections).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

from campaign.sites import branding

RETRY_AFTER_SECONDS = 30
# The postings API's clients read JSON, also when the server fails.
API_PREFIX = "/api/"


def _answers_in_json(request):
    return request.path.startswith(API_PREFIX)


def _render(request, template_name, status, **context):
    context["branding"] = branding.for_request(request, allow_database=False)
    context["request"] = request
    body = loader.get_template(template_name).render(context)
    return HttpResponse(body, status=status, content_type="text/html; charset=utf-8")


def database_unavailable(request):
    if _answers_in_json(request):
        detail = _("Der Dienst ist gleich wieder da. Bitte versuchen Sie es später noch einmal.")
        response = JsonResponse({"detail": detail}, status=503)
    else:
        response = _render(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    exception = sys.exc_info()[1]
    # OperationalError: the server refuses or drops the connection;
    # InterfaceError: a connection that died while it was kept open.
    if isinstance(exception, OperationalError | InterfaceError):
        return database_unavailable(request)
    if _answers_in_json(request):
        return JsonResponse({"detail": _("Da ist etwas schiefgegangen.")}, status=500)
    return _render(request, "500.html", 500)


def page_not_found(request, exception):
    if _answers_in_json(request):
        return JsonResponse({"detail": _("Diese Adresse gibt es nicht.")}, status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception):
    """Django's own 400 handler checks the CSRF token, which reads the request's
    body again: a body it could not read the first time (a form sent in UTF-16)
    then raised a second time, a 500. This one touches neither the body nor the
    database, nor anything of a site that may not exist."""
    if _answers_in_json(request):
        return JsonResponse({"detail": _("Ungültige Anfrage.")}, status=400)
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def request_too_large(request, limit):
    """413 before the body is read: what was sent, and what fits."""
    if _answers_in_json(request):
        detail = _("Die Anfrage ist zu groß.")
        response = JsonResponse({"detail": detail}, status=413)
    else:
        response = _render(request, "413.html", 413, limit=limit)
    response["Cache-Control"] = "no-store"
    return response


def length_required(request):
    """411 for a body of unknown length (chunked): no form of this site sends one."""
    if _answers_in_json(request):
        return JsonResponse({"detail": _("Ungültige Anfrage.")}, status=411)
    return HttpResponse(loader.render_to_string("400.html"), status=411)
