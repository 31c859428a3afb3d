"""campaign/calendar_orders/admin.py: the press office lists, marks as sent and
exports its own site's calendar orders; no other employer sees them."""

import pytest

from campaign.models import CalendarOrder, OrderStatus
from campaign.sites.roles import HR, PRESS_OFFICE
from tests.support import get_with_query_budget, login_with_second_factor, site_editor

pytestmark = pytest.mark.django_db

ORDERS = "/admin/kalenderbestellungen/"
ADMIN_HOST = "localhost"
ESSEN = "jobcenter-essen.localhost"


def _editor(client, hostname, role=PRESS_OFFICE):
    login_with_second_factor(client, site_editor(hostname, role))


@pytest.fixture
def order(demo_sites):
    """The demo's confirmed, not yet sent order of the Essen calendar."""
    return CalendarOrder.objects.get(name="Max Beispiel")


def _csv(client):
    export = client.get(ORDERS, {"export": "csv"}, HTTP_HOST=ADMIN_HOST)
    assert export.status_code == 200
    return b"".join(export.streaming_content).decode()


def test_the_press_office_lists_exports_and_marks_its_orders_sent(client, order):
    _editor(client, ESSEN)

    listing = get_with_query_budget(client, ORDERS, host=ADMIN_HOST, max_queries=25)
    assert "Beispiel-Bildungswerk e. V., Max Beispiel" in listing.text
    assert "Kfz-Werkstatt Beispiel GmbH" in listing.text
    assert "Am Beispielplatz 3" in _csv(client)
    edit = client.post(
        f"{ORDERS}edit/{order.pk}/", {"status": OrderStatus.SENT}, HTTP_HOST=ADMIN_HOST
    )
    assert edit.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.SENT
    assert order.sent_at is not None  # the retention period runs from here


def test_nobody_adds_an_order_in_the_admin(admin_client, order):
    response = admin_client.get(f"{ORDERS}new/", HTTP_HOST=ADMIN_HOST)

    assert response.status_code in (302, 403)


def test_an_unconfirmed_order_cannot_be_marked_sent(client, order):
    order.status = OrderStatus.UNCONFIRMED
    order.save()
    _editor(client, ESSEN)

    response = client.post(
        f"{ORDERS}edit/{order.pk}/", {"status": OrderStatus.SENT}, HTTP_HOST=ADMIN_HOST
    )

    assert response.status_code == 200
    assert "noch nicht bestätigt" in response.text
    order.refresh_from_db()
    assert order.status == OrderStatus.UNCONFIRMED


def test_cells_a_spreadsheet_would_run_as_formulas_are_exported_as_text(client, order):
    order.organisation = '=HYPERLINK("http://example.org/x","Klick")'
    order.name = "@SUM(1+1)"
    order.purpose = "-2+3"
    order.save()
    _editor(client, ESSEN)

    content = _csv(client)

    assert "'=HYPERLINK" in content
    assert "'@SUM(1+1)" in content
    assert "'-2+3" in content
    assert ",=HYPERLINK" not in content


def test_another_employers_press_office_sees_and_opens_none_of_them(client, order):
    _editor(client, "mitte.localhost")

    listing = client.get(ORDERS, HTTP_HOST=ADMIN_HOST)
    assert listing.status_code == 200
    assert "Max Beispiel" not in listing.text
    assert "Was geht" not in listing.text  # not even in the calendar filter
    assert "Beispielplatz" not in _csv(client)
    for view in ("inspect", "edit"):
        response = client.get(f"{ORDERS}{view}/{order.pk}/", HTTP_HOST=ADMIN_HOST)
        assert response.status_code in (302, 404)
        assert "Beispielplatz" not in response.content.decode()
    client.post(f"{ORDERS}edit/{order.pk}/", {"status": OrderStatus.SENT}, HTTP_HOST=ADMIN_HOST)
    order.refresh_from_db()
    assert order.status == OrderStatus.CONFIRMED


def test_hr_has_no_access_to_the_orders(client, order):
    _editor(client, ESSEN, role=HR)

    response = client.get(ORDERS, HTTP_HOST=ADMIN_HOST)

    assert response.status_code == 302
    assert "Max Beispiel" not in response.content.decode()
