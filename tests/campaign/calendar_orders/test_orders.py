"""campaign/calendar_orders/: ordering the printed calendar on the site, confirming
by mail, the stock, hostile input, the page cache and the retention task."""

import datetime
import io
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale

from campaign.calendar_orders import orders
from campaign.factories import EmployerSettingsFactory, PhotoCalendarPageFactory, SiteFactory
from campaign.models import CalendarOrder, OrderStatus
from tests.campaign.members.solving import solve, token_of
from tests.support import get_with_query_budget

pytestmark = pytest.mark.django_db

HOST = "bestellung.localhost"
PAGE = "/kalender/"
FORM = "/kalender/bestellen/"
CACHE_STATUS = "X-Page-Cache"
ADDRESS = {
    "organisation": "Kfz-Werkstatt Muster",
    "name": "Erika Muster",
    "street": "Ruhrallee 175",
    "postcode": "45136",
    "city": "Essen",
    "email": "erika@example.org",
    "quantity": "3",
    "purpose": "für den Wartebereich",
}


@pytest.fixture
def calendar():
    site = SiteFactory(hostname=HOST, site_name="JobCenter Beispiel")
    EmployerSettingsFactory(site=site, organisation_name="JobCenter Beispiel")
    page = PhotoCalendarPageFactory(
        parent=site.root_page, slug="kalender", printed_copies=5, order_limit=4
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _place(calendar, number=1, quantity=1):
    fields = {**ADDRESS, "email": f"person{number}@example.org", "quantity": quantity}
    return orders.place(calendar, **fields)


def _post(client, data, form_page=None):
    """Send the form as a visitor would: answering the sum its page asks."""
    html = (form_page or client.get(FORM, HTTP_HOST=HOST)).text
    answer = {"captcha_answer": solve(html), "captcha_token": token_of(html)}
    return client.post(FORM, {**answer, **data}, HTTP_HOST=HOST)


def test_an_order_is_confirmed_by_mail_and_then_takes_its_copies(
    client, calendar, django_capture_on_commit_callbacks
):
    assert "Gedruckten Kalender kostenfrei bestellen" in client.get(PAGE, HTTP_HOST=HOST).text

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, ADDRESS)

    assert response.status_code == 303
    assert response["Location"] == "/kalender/bestellen/gesendet/"
    order = CalendarOrder.objects.get()
    assert order.status == OrderStatus.UNCONFIRMED
    assert orders.copies_left(calendar) == 5  # counts once confirmed
    (message,) = mail.outbox
    assert message.to == ["erika@example.org"]
    assert message.subject.startswith("Bitte bestätigen Sie Ihre Bestellung")
    assert "3 Exemplare" in message.body
    assert "45136 Essen" in message.body
    link = re.search(r"https?://[^/]+(/kalender/bestellen/bestaetigen/\S+)", message.body)[1]

    shown = client.get(link, HTTP_HOST=HOST)  # a mail scanner's GET orders nothing
    assert shown.status_code == 200
    assert "Bestellung bestätigen" in shown.text
    assert CalendarOrder.objects.get().status == OrderStatus.UNCONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(link, HTTP_HOST=HOST)

    assert confirmed.status_code == 200
    assert "Ihre Bestellung ist bestätigt" in confirmed.text
    assert CalendarOrder.objects.get().status == OrderStatus.CONFIRMED
    assert orders.copies_left(calendar) == 2
    assert mail.outbox[-1].subject.startswith("Ihre Bestellung ist bestätigt")
    # Confirming twice takes nothing more.
    assert client.post(link, HTTP_HOST=HOST).status_code == 200
    assert orders.copies_left(calendar) == 2


def test_the_calendar_page_is_stored_but_the_order_form_never(client, calendar):
    client.get(PAGE, HTTP_HOST=HOST)
    page = client.get(PAGE, HTTP_HOST=HOST)
    assert page[CACHE_STATUS] == "hit"
    assert "csrfmiddlewaretoken" not in page.text
    form = get_with_query_budget(client, FORM, host=HOST, max_queries=20)

    assert "csrfmiddlewaretoken" in form.text
    assert "no-store" in form["Cache-Control"]
    assert form["X-Robots-Tag"] == "noindex"
    # Asked again, rendered again: a fresh captcha and token, nothing from a cache.
    again = client.get(FORM, HTTP_HOST=HOST)
    assert CACHE_STATUS not in again
    assert token_of(again.text) != token_of(form.text)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("quantity", "99999999999999999999999", "höchstens 4 Exemplare"),
        ("quantity", "-3", "mindestens einen Kalender"),
        ("quantity", "zwei", "als ganze Zahl"),
        ("quantity", "5", "höchstens 4 Exemplare"),
        ("postcode", "4513", "fünf Ziffern"),
        ("postcode", "45136x", "fünf Ziffern"),
        ("name", "x" * 5000, "höchstens 120 Zeichen"),
        ("purpose", "y" * 301, "höchstens 300 Zeichen"),
        ("email", "keine-adresse", "gültige E-Mail-Adresse"),
        ("street", "", "Straße und Hausnummer an"),
    ],
)
def test_hostile_values_get_a_german_message_and_keep_what_was_typed(
    client, calendar, field, value, message
):
    response = _post(client, {**ADDRESS, field: value})

    assert response.status_code == 422
    assert message in response.text
    assert 'value="Essen"' in response.text
    assert not CalendarOrder.objects.exists()


def test_a_missing_or_wrong_captcha_is_refused(client, calendar):
    missing = client.post(FORM, ADDRESS, HTTP_HOST=HOST)
    assert missing.status_code == 422
    assert "Bitte geben Sie das Ergebnis der Rechenaufgabe ein." in missing.text
    html = client.get(FORM, HTTP_HOST=HOST).text
    wrong = str(int(solve(html)) + 1)
    data = {**ADDRESS, "captcha_answer": wrong, "captcha_token": token_of(html)}
    response = client.post(FORM, data, HTTP_HOST=HOST)
    assert response.status_code == 422
    assert "Das Ergebnis stimmt nicht" in response.text
    assert 'value="Erika Muster"' in response.text
    assert not CalendarOrder.objects.exists()


def test_past_the_rate_limit_the_visitor_waits(client, calendar, settings):
    for _ in range(5):
        client.post(FORM, ADDRESS, HTTP_HOST=HOST)

    response = client.post(FORM, ADDRESS, HTTP_HOST=HOST)

    assert response.status_code == 429
    assert "viele Bestellungen" in response.text
    assert 'value="Erika Muster"' in response.text


def test_more_than_are_left_is_refused_with_how_many_remain(client, calendar):
    orders.confirm(_place(calendar, 1, quantity=4))

    response = _post(client, {**ADDRESS, "quantity": "2"})

    assert response.status_code == 422
    assert "höchstens 1 Exemplare" in response.text  # the limit follows the stock


def test_when_the_last_copy_is_gone_the_page_says_vergriffen_and_offers_no_form(client, calendar):
    client.get(PAGE, HTTP_HOST=HOST)
    assert client.get(PAGE, HTTP_HOST=HOST)[CACHE_STATUS] == "hit"
    first, second = _place(calendar, 1, quantity=4), _place(calendar, 2, quantity=1)
    orders.confirm(first)
    orders.confirm(second)  # the last copy: purges the cached page

    page = client.get(PAGE, HTTP_HOST=HOST).text
    assert "Der gedruckte Kalender ist vergriffen." in page
    assert "/kalender/bestellen/" not in page
    form = client.get(FORM, HTTP_HOST=HOST)
    assert form.status_code == 410
    assert "vergriffen" in form.text
    assert 'name="quantity"' not in form.text
    assert client.post(FORM, ADDRESS, HTTP_HOST=HOST).status_code == 410


def test_a_confirmation_after_others_took_the_copies_is_refused(client, calendar):
    late = _place(calendar, 1, quantity=3)
    orders.confirm(_place(calendar, 2, quantity=4))
    link = calendar.reverse_subpage("confirm_order", kwargs={"token": orders.confirm_token(late)})

    response = client.post(PAGE + link, HTTP_HOST=HOST)

    assert response.status_code == 409
    assert "nur noch 1 Exemplare" in response.text
    assert not CalendarOrder.objects.filter(pk=late.pk).exists()


def test_a_translation_of_the_calendar_hands_out_the_same_copies(calendar):
    english_locale, _ = Locale.objects.get_or_create(language_code="en")
    english = calendar.copy_for_translation(english_locale, copy_parents=True)
    orders.confirm(_place(calendar, 1, quantity=4))

    assert orders.copies_left(english) == 1
    with pytest.raises(orders.NotEnoughLeft):
        orders.confirm(_place(english, 2, quantity=2))


def test_broken_and_expired_links_are_explained(client, calendar):
    order = _place(calendar)
    link = PAGE + calendar.reverse_subpage(
        "confirm_order", kwargs={"token": orders.confirm_token(order)}
    )
    assert (
        client.get(link.replace("/bestaetigen/", "/bestaetigen/x"), HTTP_HOST=HOST).status_code
        == 400
    )
    CalendarOrder.objects.filter(pk=order.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    expired = client.post(link, HTTP_HOST=HOST)
    assert expired.status_code == 410
    assert "abgelaufen" in expired.text


def test_a_calendar_without_a_printed_edition_has_no_order_form(client, calendar):
    calendar.printed_copies = None
    calendar.save_revision().publish()

    assert client.get(FORM, HTTP_HOST=HOST).status_code == 404
    assert "bestellen" not in client.get(PAGE, HTTP_HOST=HOST).text


def test_addresses_are_erased_after_dispatch_and_unconfirmed_orders_deleted(calendar, settings):
    settings.CALENDAR_ORDER_RETENTION_DAYS = 90
    sent_long_ago = orders.confirm(_place(calendar, 1, quantity=2))
    sent_long_ago.status = OrderStatus.SENT
    sent_long_ago.save()
    recent = orders.confirm(_place(calendar, 2))
    recent.status = OrderStatus.SENT
    recent.save()
    CalendarOrder.objects.filter(pk=sent_long_ago.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=91)
    )
    stale = _place(calendar, 3)
    CalendarOrder.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    out = io.StringIO()

    call_command("delete_expired_calendar_orders", stdout=out)

    assert out.getvalue().splitlines() == [
        "1 Anschriften verschickter Kalenderbestellungen gelöscht",
        "1 unbestätigte Kalenderbestellungen gelöscht",
    ]
    erased = CalendarOrder.objects.get(pk=sent_long_ago.pk)
    assert (erased.name, erased.street, erased.email, erased.postcode) == ("", "", "", "")
    assert erased.erased_at is not None
    assert CalendarOrder.objects.get(pk=recent.pk).email == "person2@example.org"
    assert not CalendarOrder.objects.filter(pk=stale.pk).exists()
    assert orders.copies_left(calendar) == 2  # erased rows still count their copies


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_of_the_last_copies_one_wins(fresh_demo):
    # fresh_demo: after other tests emptied the database, the tree and locale to build in.
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: there is no race to lose")
    site = SiteFactory(hostname=HOST)
    calendar = PhotoCalendarPageFactory(parent=site.root_page, slug="kalender", printed_copies=3)
    first, second = _place(calendar, 1, quantity=2), _place(calendar, 2, quantity=2)
    start = threading.Barrier(2)

    def confirm(order):
        start.wait()
        try:
            return orders.confirm(order).status
        except orders.NotEnoughLeft as refusal:
            return refusal.left
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        results = sorted(map(str, pool.map(confirm, [first, second])))

    assert results == ["1", OrderStatus.CONFIRMED]
    assert calendar.orders.get().status == OrderStatus.CONFIRMED
    assert orders.copies_left(calendar) == 1
