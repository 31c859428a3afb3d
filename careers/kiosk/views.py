"""The kiosk's pages (`/kiosk/<link>/…`) and the documents link (`/bewerbung/unterlagen/<link>/`).

Plain forms that work without JavaScript, like every public form: the
visitor's side lists the postings, takes a short application (303 to a
thank-you page that names nobody: the next visitor reads the same tablet),
errors 422 with what was typed, past the kiosk's limit 429. The staff's side
shows a button per department; a tap POSTs and comes back (303). A link that
was forged or whose kiosk is gone answers 404, one past its time 410, both
in German. Every answer is private (never cached) and noindex.
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from campaign.models import EmployerSettings
from campaign.sites import signed_links
from campaign.sites.page_cache import reads, remembered_site
from campaign.sites.public_forms import render_public_form, typed_input
from campaign.sites.rate_limits import RateLimit
from campaign.sites.signed_links import ExpiredLink, InvalidLink
from careers.applications import services as applications
from careers.applications.forms import MAX_DOCUMENTS
from careers.kiosk import services
from careers.kiosk.forms import DocumentsForm, ShortApplicationForm

# Per kiosk (one tablet is one address): a busy stand takes one a minute; a
# link that got out cannot flood HR's list.
KIOSK_APPLICATION_LIMIT = RateLimit("kiosk-application", limit=90, window=60 * 60)
# The documents link: a few tries per applicant's address, like the online form.
DOCUMENTS_LIMIT = RateLimit("kiosk-documents", limit=10, window=60 * 60)
DEPARTMENT_FIELD = "bereich"
MAX_ID = 2**31 - 1
# After a POST, the page says what it did: "Gezählt.", "Ihre Unterlagen sind eingegangen."
COUNTED = "gezaehlt"
UPLOADED = "hochgeladen"


def _render(request, template, context, status=200):
    return render_public_form(request, f"careers/kiosk/{template}", context, status)


def _kiosk_url(kiosk, name, **kwargs):
    return reverse(name, kwargs={"token": services.kiosk_token(kiosk), **kwargs})


def _kiosk(request, token):
    """(kiosk, None), or (None, the German answer to a refused link)."""
    try:
        kiosk = services.kiosk_for_token(token)
        site = remembered_site(request)
        if site is None or not kiosk.event.path.startswith(site.root_page.path):
            raise services.UnknownKiosk  # another employer's host: not here
        kiosk.site = site
    except InvalidLink as error:
        # A forged link and a deleted kiosk look alike: nothing confirms the address.
        if isinstance(error, ExpiredLink):
            message, status = (
                _(
                    "Dieser Kiosk-Link ist abgelaufen. Bitte lassen Sie sich in der Verwaltung "
                    "der Website einen neuen Link anlegen."
                ),
                410,
            )
        else:
            message, status = (
                _("Diesen Kiosk gibt es nicht (mehr). Bitte prüfen Sie den Link."),
                404,
            )
        return None, _render(request, "problem.html", {"problem": message}, status)
    return kiosk, None


def _privacy(request):
    employer = EmployerSettings.for_request(request)
    privacy_page = employer.privacy_page
    return {
        "employer": employer,
        "privacy_url": privacy_page.get_url(request) if privacy_page and privacy_page.live else "",
        "retention_months": round(settings.APPLICATION_RETENTION_DAYS / 30.44),
        "documents_days": settings.KIOSK_DOCUMENTS_LINK_DAYS,
    }


def start(request, token):
    """The visitor's side: the event's postings as big buttons."""
    kiosk, refused = _kiosk(request, token)
    if refused:
        return refused
    context = {
        "kiosk": kiosk,
        "event": kiosk.event,
        "postings": [
            (posting, _kiosk_url(kiosk, "kiosk_apply", posting_id=posting.pk))
            for posting in services.postings(kiosk.event, kiosk.site).only("title", "reference")
        ],
        "staff_url": _kiosk_url(kiosk, "kiosk_staff"),
    }
    return _render(request, "start.html", context)


def apply(request, token, posting_id):
    kiosk, refused = _kiosk(request, token)
    if refused:
        return refused
    posting = None
    if posting_id <= MAX_ID:  # a longer number is no page's id, and no query's
        posting = services.postings(kiosk.event, kiosk.site).filter(pk=posting_id).first()
    if posting is None:
        message = _("Diese Stelle gibt es am Kiosk nicht (mehr). Bitte wählen Sie eine andere.")
        context = {"problem": message, "back_url": _kiosk_url(kiosk, "kiosk_start")}
        return _render(request, "problem.html", context, 404)
    context = {
        **_privacy(request),
        "kiosk": kiosk,
        "event": kiosk.event,
        "posting": posting,
        "back_url": _kiosk_url(kiosk, "kiosk_start"),
    }
    if request.method != "POST":
        return _render(request, "apply.html", {**context, "form": ShortApplicationForm()})
    scope = f"kiosk-{kiosk.pk}"
    if KIOSK_APPLICATION_LIMIT.exceeded(request, scope):
        problem = _(
            "An diesem Kiosk kamen in kurzer Zeit sehr viele Bewerbungen. Bitte sprechen Sie "
            "das Team am Stand an."
        )
        form = ShortApplicationForm(initial=typed_input(request))
        return _render(request, "apply.html", {**context, "form": form, "problem": problem}, 429)
    KIOSK_APPLICATION_LIMIT.count(request, scope)
    form = ShortApplicationForm(request.POST)
    thanks = _kiosk_url(kiosk, "kiosk_thanks")
    if form.is_spam():
        return HttpResponseRedirect(thanks, status=303)
    if not form.is_valid():
        return _render(request, "apply.html", {**context, "form": form}, 422)
    services.apply(kiosk, posting, form.cleaned_data)
    return HttpResponseRedirect(thanks, status=303)


def thanks(request, token):
    kiosk, refused = _kiosk(request, token)
    if refused:
        return refused
    context = {"kiosk": kiosk, "event": kiosk.event, "back_url": _kiosk_url(kiosk, "kiosk_start")}
    return _render(request, "thanks.html", context)


def staff(request, token):
    """The staff's side: participants and each department's conversations, one tap each."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    kiosk, refused = _kiosk(request, token)
    if refused:
        return refused
    event = kiosk.event
    departments = list(event.departments.all())
    if request.method == "POST":
        chosen = request.POST.get(DEPARTMENT_FIELD, "")
        department = next((d for d in departments if str(d.pk) == chosen), None)
        if department is None and chosen != services.PARTICIPANTS:
            problem = _("Diesen Bereich gibt es bei dieser Veranstaltung nicht.")
            context = {"problem": problem, "back_url": _kiosk_url(kiosk, "kiosk_staff")}
            return _render(request, "problem.html", context, 400)
        services.tap(event, department)
        url = _kiosk_url(kiosk, "kiosk_staff") + f"?{COUNTED}={chosen}"
        return HttpResponseRedirect(url, status=303)
    counts = services.tallies(event)
    reads(request, COUNTED)
    context = {
        "kiosk": kiosk,
        "event": event,
        "participants": (services.PARTICIPANTS, counts.get(None, 0)),
        "departments": [(department, counts.get(department.pk, 0)) for department in departments],
        "field": DEPARTMENT_FIELD,
        "counted": request.GET.get(COUNTED, ""),
        "back_url": _kiosk_url(kiosk, "kiosk_start"),
    }
    return _render(request, "staff.html", context)


def documents(request, token):
    """The mailed link of a short application: add PDFs to it."""
    try:
        application = services.application_for_documents(token)
    except InvalidLink as error:
        message, status = signed_links.problem(
            error,
            expired=_(
                "Dieser Link zum Hochladen ist abgelaufen (er gilt %(days)d Tage). Bitte "
                "bewerben Sie sich mit Ihren Unterlagen online auf die Stelle oder schreiben "
                "Sie uns unter Angabe Ihrer Eingangsnummer."
            )
            % {"days": settings.KIOSK_DOCUMENTS_LINK_DAYS},
            gone=_(
                "Diese Bewerbung gibt es nicht mehr. Vielleicht wurde sie zurückgezogen oder "
                "nach Ablauf der Frist gelöscht."
            ),
        )
        return _render(request, "problem.html", {"problem": message, "documents": True}, status)
    reads(request, UPLOADED)
    held = application.documents.count()
    context = {
        "application": application,
        "posting": application.posting,
        "held": held,
        "room": MAX_DOCUMENTS - held,
        "uploaded": bool(request.GET.get(UPLOADED)),
    }
    if request.method != "POST" or context["room"] <= 0:
        return _render(request, "documents.html", {**context, "form": DocumentsForm()})
    if DOCUMENTS_LIMIT.exceeded(request):
        problem = _(
            "Von Ihrem Anschluss kamen in kurzer Zeit viele Uploads. Bitte warten Sie eine "
            "Stunde und versuchen Sie es dann noch einmal."
        )
        return _render(
            request, "documents.html", {**context, "form": DocumentsForm(), "problem": problem}, 429
        )
    DOCUMENTS_LIMIT.count(request)
    form = DocumentsForm(request.POST, request.FILES)
    if form.is_spam():
        return HttpResponseRedirect(request.path, status=303)
    if form.is_valid():
        try:
            applications.add_documents(application, form.cleaned_data["documents"], MAX_DOCUMENTS)
        except applications.TooManyDocuments:
            form.add_error(
                "documents",
                _("Zu Ihrer Bewerbung passen noch %(room)d PDF-Dateien.")
                % {"room": context["room"]},
            )
        else:
            return HttpResponseRedirect(f"{request.path}?{UPLOADED}=1", status=303)
    return _render(request, "documents.html", {**context, "form": form}, 422)
