"""Ordering the printed calendar: placing, confirming by e-mail, stock, retention.

An order from the site starts UNCONFIRMED and sends nothing but a mail with a
confirmation link (double opt-in): nobody orders calendars to an address in
another person's name. It counts against the printed edition only once
confirmed; confirming runs under a row lock on the calendar's pages (it and
its translations share one print run) and counts what confirmed orders took,
so two visitors confirming the last copies never both get them: the later one
is told how many are left. The link holds for UNCONFIRMED_KEPT; unconfirmed
orders are deleted after it.

Once the press office has sent the calendars, the address is kept for
CALENDAR_ORDER_RETENTION_DAYS (questions about the delivery), then erased;
the row stays with its quantity, so the copies stay counted.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from campaign.calendar_orders.models import COUNTED, CalendarOrder, OrderStatus
from campaign.calendars.models import PhotoCalendarPage
from campaign.sites.signed_links import ExpiredLink, GoneLink, SignedLink

UNCONFIRMED_KEPT = datetime.timedelta(days=7)
CONFIRM_LINK = SignedLink("campaign.calendar_orders.confirm", sep="/")
PERSONAL_FIELDS = ["organisation", "name", "street", "postcode", "city", "email", "purpose"]


class NotEnoughLeft(Exception):
    """Fewer copies are left than asked for; `left` says how many."""

    def __init__(self, left):
        super().__init__(left)
        self.left = left


class UnknownOrder(GoneLink):
    """A genuine link whose order is gone (not confirmed in time, or sold out)."""


def _taken(translation_key):
    """Copies the confirmed orders took. Per calendar and its translations: an
    English page of the calendar (wagtail-localize copies the print run to it)
    hands out the same printed copies."""
    taken = CalendarOrder.objects.filter(
        calendar__translation_key=translation_key, status__in=COUNTED
    ).aggregate(copies=Sum("quantity"))
    return taken["copies"] or 0


def copies_left(calendar):
    """Copies of the printed edition not yet ordered (confirmed); None: not ordered online."""
    if calendar.printed_copies is None:
        return None
    return max(calendar.printed_copies - _taken(calendar.translation_key), 0)


def place(calendar, **fields):
    """An UNCONFIRMED order and its confirmation mail; NotEnoughLeft if the copies
    are not there now (confirming checks again, under the lock)."""
    left = copies_left(calendar)
    if left is None or fields["quantity"] > left:
        raise NotEnoughLeft(left or 0)
    with transaction.atomic():
        order = CalendarOrder.objects.create(
            calendar=calendar, status=OrderStatus.UNCONFIRMED, **fields
        )
        _mail_on_commit(order)
    return order


def confirm_token(order):
    return CONFIRM_LINK.token(order.pk, order.token.hex)


def order_to_confirm(calendar, token, now=None):
    """The order of a confirmation link; InvalidLink, ExpiredLink or UnknownOrder else."""
    pk, key = CONFIRM_LINK.read(token)
    order = CalendarOrder.objects.filter(pk=pk, calendar=calendar).first()
    if order is None or order.token.hex != key:
        raise UnknownOrder
    if order.status == OrderStatus.UNCONFIRMED and _expired(order, now):
        raise ExpiredLink
    return order


def _expired(order, now=None):
    return order.created_at < (now or timezone.now()) - UNCONFIRMED_KEPT


def confirm(order, now=None):
    """Count the order against the edition, then the mail; confirming twice changes nothing.

    NotEnoughLeft (and the order is deleted) when others took the copies first.
    """
    with transaction.atomic():
        # The lock every confirmation of this calendar (in any language) waits for.
        translation_key = order.calendar.translation_key
        printed = dict(
            PhotoCalendarPage.objects.select_for_update(of=("self",))
            .filter(translation_key=translation_key)
            .order_by("pk")
            .values_list("pk", "printed_copies")
        )[order.calendar_id]
        try:
            order.refresh_from_db()
        except CalendarOrder.DoesNotExist:  # refused in a request just before
            raise UnknownOrder from None
        if order.status != OrderStatus.UNCONFIRMED:
            return order
        if _expired(order, now):
            raise ExpiredLink
        left = max((printed or 0) - _taken(translation_key), 0)
        refused = printed is None or order.quantity > left
        if refused:
            order.delete()
        else:
            order.status = OrderStatus.CONFIRMED
            order.confirmed_at = now or timezone.now()
            order.save(update_fields=["status", "confirmed_at"])
            _mail_on_commit(order)
            if order.quantity == left:
                _sold_out(translation_key)
    # Raised once the deletion is committed, not inside the block that would undo it.
    if refused:
        raise NotEnoughLeft(left)
    return order


def _sold_out(translation_key):
    """The calendar's pages say "vergriffen" now: purge the cached copies of them."""
    from campaign.sites.page_cache.purge import purge, sites_of_object

    site_ids = set()
    for page in PhotoCalendarPage.objects.filter(translation_key=translation_key):
        site_ids |= sites_of_object(page)
    purge(site_ids)


def erase_dispatched(now=None):
    """Erase the addresses of orders sent more than the retention period ago; how many."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.CALENDAR_ORDER_RETENTION_DAYS)
    return CalendarOrder.objects.filter(
        status=OrderStatus.SENT, sent_at__lt=limit, erased_at__isnull=True
    ).update(erased_at=now, **dict.fromkeys(PERSONAL_FIELDS, ""))


def delete_unconfirmed(now=None):
    """Delete orders not confirmed within UNCONFIRMED_KEPT; how many."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_KEPT
    deleted, _ = CalendarOrder.objects.filter(
        status=OrderStatus.UNCONFIRMED, created_at__lt=cutoff
    ).delete()
    return deleted


def _mail_on_commit(order):
    from campaign.calendar_orders.tasks import send_order_mail

    transaction.on_commit(lambda: send_order_mail.enqueue(order.pk))
