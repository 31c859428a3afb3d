"""What an approval in the review workflow did, said in its message.

Approving in the page editor ends with Wagtail's "Seite … wurde aktualisiert",
although the approval of the last task published the page (or scheduled it).
The `after_edit_page` hook replaces that message with one that says so, and
where the page now is; an approval that only passes the page to a further
task keeps Wagtail's message.
"""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages as admin_messages


def say_what_the_approval_did(request, page):
    if request.POST.get("workflow-action-name") != "approve":
        return
    page.refresh_from_db()
    revision = page.latest_revision
    if page.live and page.live_revision_id == page.latest_revision_id:
        message = _("„%(title)s“ ist freigegeben und jetzt veröffentlicht.") % {
            "title": page.get_admin_display_title()
        }
        url = page.get_full_url(request)
        buttons = [admin_messages.button(url, _("Auf der Website ansehen"), new_window=True)]
    elif revision and revision.approved_go_live_at:
        when = timezone.localtime(revision.approved_go_live_at)
        message = _("„%(title)s“ ist freigegeben und erscheint am %(when)s.") % {
            "title": page.get_admin_display_title(),
            "when": formats.date_format(when, "DATETIME_FORMAT"),
        }
        buttons = []
    else:
        return
    _drop_last_message(request)
    admin_messages.success(request, message, buttons=buttons)


def _drop_last_message(request):
    """Takes back the message the edit view just added (Wagtail's "updated")."""
    storage = messages.get_messages(request)
    earlier = list(storage)[:-1]
    # Reading marked them all as shown and moved them to the loaded ones; only
    # what is queued again is kept for the next page.
    storage._loaded_messages.clear()
    for message in earlier:
        messages.add_message(request, message.level, message.message, message.extra_tags)
