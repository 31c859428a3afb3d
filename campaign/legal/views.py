"""The accessibility statement with its feedback form, and the thanks after sending.

Plain HTML without JavaScript: GET shows the statement and the form (the page
the visitor came from already filled in), POST stores the message and
redirects (303) to `danke/`; a form with errors comes back with what was
entered (422), a visitor past the rate limit gets a 429 with a German message.
The honeypot's bots are thanked like people and nothing is stored.
"""

from urllib.parse import urlsplit

from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from wagtail.models import Site

from campaign.legal import feedback as accessibility_feedback
from campaign.legal.forms import FeedbackForm
from campaign.sites.public_forms import private, typed_input

PAGE_PARAMETER = "seite"
ANCHOR = "rueckmeldung"


def _render(request, statement, context, status=200, *, noindex=False):
    response = statement.render(request, context_overrides=context)
    response.status_code = status
    # The statement itself is for search engines too; the thanks are not.
    return private(response, noindex=noindex)


def _site(request, statement):
    return Site.find_for_request(request) or statement.get_site()


def _form(request, statement, site, data=None, initial=None):
    def check_path(value):
        return accessibility_feedback.path_on_site(request, site, value)

    if initial is None:
        initial = {"page": _page_asked_about(request, statement, check_path)}
    return FeedbackForm(data, check_path=check_path, initial=initial)


def _page_asked_about(request, statement, check_path):
    """The page named in ?seite=, else the one the visitor came from, if it is this site's."""
    asked = request.GET.get(PAGE_PARAMETER)
    if asked is None:
        referer = urlsplit(request.headers.get("Referer", ""))
        if referer.netloc != request.get_host():
            return ""
        asked = referer.path
    path = check_path(asked) if asked else None
    if path is None or path == statement.get_url(request):
        return ""
    return path


def statement(request, statement):
    site = _site(request, statement)
    if request.method != "POST":
        return _render(request, statement, {"form": _form(request, statement, site)})
    if accessibility_feedback.RATE_LIMIT.exceeded(request):
        problem = _(
            "Sie haben in kurzer Zeit viele Rückmeldungen geschickt. Bitte warten Sie zehn "
            "Minuten und versuchen Sie es dann noch einmal, oder schreiben Sie uns eine E-Mail."
        )
        form = _form(request, statement, site, initial=typed_input(request))
        context = {"form": form, "problem": problem}
        return _render(request, statement, context, status=429)
    form = _form(request, statement, site, request.POST)
    thanks = f"{statement.get_url(request)}{statement.reverse_subpage('thanks')}#{ANCHOR}"
    if form.is_spam():
        accessibility_feedback.RATE_LIMIT.count(request)
        return HttpResponseRedirect(thanks, status=303)
    if not form.is_valid():
        return _render(request, statement, {"form": form}, status=422)
    accessibility_feedback.RATE_LIMIT.count(request)
    accessibility_feedback.receive(
        site,
        message=form.cleaned_data["message"],
        page_path=form.cleaned_data["page"],
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
    )
    return HttpResponseRedirect(thanks, status=303)


def thanks(request, statement):
    return _render(request, statement, {"thanks": True}, noindex=True)
