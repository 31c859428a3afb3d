"""Applying online for a posting (`<posting>/bewerben/`) and withdrawing an application.

Plain HTML forms that work without JavaScript, like the other public forms:
POST stores the application and redirects (303) to `bewerben/danke/`, which
shows the receipt number kept in the session; errors answer 422 with what
was typed (files must be chosen again, the page says so), past the rate limit
429. A closed posting answers 410. The withdrawal link of the confirmation
mail opens a page that asks once more (POST) before it deletes.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _

from campaign.models import EmployerSettings
from campaign.sites.public_forms import render_public_form, typed_input
from campaign.sites.rate_limits import RateLimit
from careers.applications import services
from careers.applications.forms import ApplicationForm

# Applications per visitor (IP address) within an hour: enough for a family
# sharing a connection, too few for a flood of uploads.
RATE_LIMIT = RateLimit("job-application", limit=10, window=60 * 60)
SESSION_KEY = "application_receipt"
APPLY_TEMPLATE = "careers/applications/apply.html"
ANCHOR = "bewerbungsformular"


def _render(request, posting, template, context, status=200):
    # Holds a CSRF token, what the applicant typed, their receipt number.
    context = {"page": posting, "self": posting, "request": request, **context}
    return render_public_form(request, template, context, status)


def _privacy(request):
    """What Art. 13 GDPR asks to be told before submitting, from the site's settings."""
    employer = EmployerSettings.for_request(request)
    privacy_page = employer.privacy_page
    return {
        "employer": employer,
        "privacy_url": privacy_page.get_url(request) if privacy_page and privacy_page.live else "",
        "retention_months": round(settings.APPLICATION_RETENTION_DAYS / 30.44),
        "talent_pool_years": round(settings.APPLICATION_TALENT_POOL_DAYS / 365.25),
    }


def apply(request, posting):
    if not posting.is_open():
        context = {"closed": True}
        return _render(request, posting, APPLY_TEMPLATE, context, status=410)
    context = _privacy(request)
    if request.method != "POST":
        return _render(request, posting, APPLY_TEMPLATE, {**context, "form": ApplicationForm()})
    if RATE_LIMIT.exceeded(request):
        problem = _(
            "Von Ihrem Anschluss kamen in kurzer Zeit viele Bewerbungen. Bitte warten Sie eine "
            "Stunde und versuchen Sie es dann noch einmal, oder bewerben Sie sich per E-Mail."
        )
        form = ApplicationForm(initial=typed_input(request))
        return _render(
            request, posting, APPLY_TEMPLATE, {**context, "form": form, "problem": problem}, 429
        )
    form = ApplicationForm(request.POST, request.FILES)
    thanks = posting.get_url(request) + posting.reverse_subpage("apply_thanks_route")
    if form.is_spam():
        RATE_LIMIT.count(request)
        return HttpResponseRedirect(thanks, status=303)
    if not form.is_valid():
        return _render(request, posting, APPLY_TEMPLATE, {**context, "form": form}, status=422)
    RATE_LIMIT.count(request)
    application = services.submit(posting, form.cleaned_data, form.cleaned_data["documents"])
    request.session[SESSION_KEY] = application.receipt_number
    return HttpResponseRedirect(thanks, status=303)


def thanks(request, posting):
    context = {"receipt_number": request.session.get(SESSION_KEY, "")}
    return _render(request, posting, "careers/applications/thanks.html", context)


def withdraw(request, token):
    """/bewerbung/zurueckziehen/<token>/: ask, then delete the application."""
    receipt_number = services.receipt_number_for_token(token)
    if receipt_number is None:
        raise Http404(
            _("Dieser Link ist nicht vollständig. Bitte kopieren Sie ihn ganz aus der E-Mail.")
        )
    application = services.application_with_receipt_number(receipt_number)
    template = "careers/applications/withdraw.html"
    if application is None:
        # The applicant's own link: withdrawn already (or deleted after its time).
        context = {"receipt_number": receipt_number, "done": True}
        return _render(request, None, template, context)
    if request.method == "POST":
        services.withdraw(application)
        return HttpResponseRedirect(request.path, status=303)
    context = {"receipt_number": receipt_number, "application": application}
    return _render(request, application.posting, template, context)
