"""The order pages beside a calendar page: the form (`bestellen/`), the answer
after sending (`bestellen/gesendet/`) and the confirmation link
(`bestellen/bestaetigen/<signed>/`), which shows a button and confirms on POST,
so a mail scanner following it orders nothing.

Every one of them is a public form's page (never cached); the calendar page
itself only links here, or says "vergriffen". Order POSTs are limited per
visitor (ORDER_LIMIT); past it, 429 with the form as typed.
"""

from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.translation import gettext as _

from campaign.calendar_orders import orders
from campaign.calendar_orders.forms import CalendarOrderForm
from campaign.calendar_orders.models import OrderStatus
from campaign.members import captcha
from campaign.sites import signed_links
from campaign.sites.public_forms import render_public_form, typed_input
from campaign.sites.rate_limits import RateLimit
from campaign.sites.signed_links import InvalidLink

# An office orders once or twice; a visitor sending more in an hour is a script.
ORDER_LIMIT = RateLimit("calendar-orders", limit=5, window=60 * 60)
TEMPLATE = "campaign/calendar_order.html"
CONFIRM_TEMPLATE = "campaign/calendar_order_confirm.html"
FIELDS = ["organisation", "name", "street", "postcode", "city", "email", "quantity", "purpose"]


def _render(request, calendar, template, context, status=200):
    return render_public_form(request, template, {"page": calendar, **context}, status)


def _not_enough(left):
    if left == 0:
        return _("Der gedruckte Kalender ist inzwischen vergriffen.")
    return _("Es sind nur noch %(left)s Exemplare da. Bitte bestellen Sie höchstens so viele.") % {
        "left": left
    }


def order(request, calendar):
    if calendar.printed_copies is None:
        raise Http404
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    left = orders.copies_left(calendar)
    if left == 0:
        return _render(request, calendar, TEMPLATE, {"sold_out": True}, status=410)
    challenge = captcha.new_challenge()
    form_options = {"limit": min(calendar.order_limit, left), "question": challenge.question}
    context = {"challenge": challenge}
    if request.method == "POST" and ORDER_LIMIT.exceeded(request):
        context["form"] = CalendarOrderForm(initial=typed_input(request), **form_options)
        context["problem"] = _(
            "Von Ihrem Anschluss kamen in kurzer Zeit viele Bestellungen. Bitte warten Sie eine "
            "Stunde und versuchen Sie es dann noch einmal."
        )
        return _render(request, calendar, TEMPLATE, context, status=429)
    form = CalendarOrderForm(request.POST or None, **form_options)
    if request.method == "POST":
        ORDER_LIMIT.count(request)
        if form.is_spam():
            return _sent(request, calendar)  # what a person is told: the bot learns nothing
        if form.is_valid():
            try:
                orders.place(calendar, **{name: form.cleaned_data[name] for name in FIELDS})
            except orders.NotEnoughLeft as refusal:
                form.add_error("quantity", _not_enough(refusal.left))
            else:
                return _sent(request, calendar)
    context["form"] = form
    return _render(request, calendar, TEMPLATE, context, status=422 if form.errors else 200)


def _sent(request, calendar):
    url = calendar.get_url(request) + calendar.reverse_subpage("order_sent")
    return HttpResponseRedirect(url, status=303)


def order_sent(request, calendar):
    """After ordering: check your mail. Names no order, so it tells nobody whose it is."""
    if calendar.printed_copies is None:
        raise Http404
    return _render(request, calendar, TEMPLATE, {"sent": True})


def confirm_order(request, calendar, token):
    """GET: the order and a button; POST: it counts, or the copies are gone."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        order = orders.order_to_confirm(calendar, token)
        if request.method == "POST":
            order = orders.confirm(order)
    except orders.NotEnoughLeft as refusal:
        context = {"refused": _not_enough(refusal.left), "left": refusal.left}
        return _render(request, calendar, CONFIRM_TEMPLATE, context, status=409)
    except InvalidLink as error:
        message, status = signed_links.problem(
            error,
            expired=_(
                "Dieser Bestätigungslink ist abgelaufen. Bitte bestellen Sie den Kalender noch "
                "einmal."
            ),
            gone=_("Diese Bestellung gibt es nicht mehr. Bitte bestellen Sie noch einmal."),
        )
        return _render(request, calendar, CONFIRM_TEMPLATE, {"link_problem": message}, status)
    context = {"order": order, "confirmed": order.status != OrderStatus.UNCONFIRMED}
    return _render(request, calendar, CONFIRM_TEMPLATE, context)
