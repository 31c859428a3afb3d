"""Background work of calendar orders (django-tasks): the confirmation link
first, then the confirmation that the order counts."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from campaign.calendar_orders.models import CalendarOrder, OrderStatus


def confirm_url(order):
    from campaign.calendar_orders.orders import confirm_token

    calendar = order.calendar
    return calendar.get_full_url() + calendar.reverse_subpage(
        "confirm_order", kwargs={"token": confirm_token(order)}
    )


@task()
def send_order_mail(order_id):
    """Ask to confirm a new order; once confirmed, say that the calendars will come.

    Looks the order up afresh: it may have been deleted since it was queued.
    """
    from campaign.calendar_orders.orders import UNCONFIRMED_KEPT

    order = CalendarOrder.objects.select_related("calendar").filter(pk=order_id).first()
    if order is None or order.erased_at is not None:
        return
    unconfirmed = order.status == OrderStatus.UNCONFIRMED
    template = (
        "campaign/mail/calendar_order_confirm" if unconfirmed else "campaign/mail/calendar_order"
    )
    with translation.override("de"):
        context = {
            "order": order,
            "calendar": order.calendar,
            "url": confirm_url(order) if unconfirmed else "",
            "days": UNCONFIRMED_KEPT.days,
        }
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=[order.email]).send()
