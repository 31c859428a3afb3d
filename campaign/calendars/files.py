"""The stored PDF of a photo calendar page: made once, served until it is stale.

Rendering twelve motifs takes a second or more, too long for every download,
so the PDF is kept (CalendarPdf) and made again only when it is stale: the
page was published after it was rendered, the employer's Bundesland changed,
or the usage rights of a printed motif have run out since. As in the press
kit, a motif whose rights have run out is not printed: its month gets a blank
field and the credits page says why.
"""

import io
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from campaign.calendars.pdf import MONTHS, CalendarMonth, render_calendar_pdf

logger = logging.getLogger(__name__)

# calendar_pdf prints a motif at most ~1100 pixels wide; a cached rendition
# spares it decoding a camera original on every render.
PRINT_FILTER = "max-1200x1200|format-jpeg|jpegquality-90"


def stored_pdf(page):
    from campaign.models import CalendarPdf

    try:
        return page.pdf_file
    except CalendarPdf.DoesNotExist:
        return None


def forget_stored_pdf(page):
    """The next stored_pdf(page) reads the record again (a task may have made it)."""
    field = page._meta.get_field("pdf_file")
    if field.is_cached(page):
        field.delete_cached_value(page)


def is_fresh(pdf, page, state=None, today=None):
    """Rendered after the last publication, nothing printed past its rights,
    and (when `state` is given) for the employer's current Bundesland."""
    if page.last_published_at and pdf.rendered_at < page.last_published_at:
        return False
    if pdf.valid_until and pdf.valid_until < (today or timezone.localdate()):
        return False
    return state is None or pdf.state == state


def fresh_pdf(page):
    """The stored PDF if it is current, without rendering anything (for the page)."""
    pdf = stored_pdf(page)
    return pdf if pdf is not None and is_fresh(pdf, page) else None


def current_pdf(page):
    """The stored PDF if it is current for the employer's Bundesland and its file is there."""
    employer = _employer(page)
    state = employer.state if employer else ""
    pdf = stored_pdf(page)
    if pdf is not None and is_fresh(pdf, page, state) and pdf.file.storage.exists(pdf.file.name):
        return pdf
    return None


def servable_pdf(page, *, check_file=True, today=None):
    """What visitors may download while a current PDF is being made: the stored
    one, also an earlier rendering, unless a motif printed in it has run out of
    its usage rights (or, with `check_file`, its file is gone)."""
    pdf = stored_pdf(page)
    if pdf is None or (pdf.valid_until and pdf.valid_until < (today or timezone.localdate())):
        return None
    if check_file and not pdf.file.storage.exists(pdf.file.name):
        return None
    return pdf


def pdf_for(page):
    """The current PDF, made now when missing or stale; None without all 12 months.

    Takes a second or more: for the task worker and management commands, never
    within a request.
    """
    return current_pdf(page) or render_and_store(page, _employer(page))


def render_and_store(page, employer=None):
    """Render the page's calendar and keep it, replacing the file made before."""
    from campaign.models import CalendarPdf

    motifs = list(page.motifs.order_by("month").select_related("image"))
    if [motif.month for motif in motifs] != list(range(1, 13)):
        return None
    months, printed, left_out = [], [], []
    for motif in motifs:
        image = motif.image
        if image is not None and image.rights_expired():
            left_out.append(MONTHS[motif.month - 1])
            image = None
        photo = _print_copy(image) if image is not None else None
        if photo is not None:
            printed.append(image)
        months.append(
            CalendarMonth(
                photo, motif.caption, motif.work_field, motif.photographer if photo else ""
            )
        )
    name = employer.organisation_name if employer else ""
    state = employer.state if employer else ""
    data = render_calendar_pdf(
        title=gettext("%(employer)s – Fotokalender") % {"employer": name} if name else page.title,
        year=page.year,
        motto=f"„{page.motto}“",
        state=state,
        months=months,
        credits_note=_credits_note(name, left_out),
        author=name,
    )
    pdf = CalendarPdf.objects.filter(page=page).first() or CalendarPdf(page=page)
    previous = pdf.file.name if pdf.pk else None
    pdf.file.save(
        f"{slugify(page.slug) or 'kalender'}-{page.year}.pdf", ContentFile(data), save=False
    )
    pdf.file_size = len(data)
    pdf.rendered_at = timezone.now()
    pdf.state = state
    pdf.valid_until = min(
        (image.usage_rights_until for image in printed if image.usage_rights_until), default=None
    )
    try:
        with transaction.atomic():
            pdf.save()
    except IntegrityError:
        # Another request rendered the first PDF of this page at the same moment.
        pdf.file.storage.delete(pdf.file.name)
        return CalendarPdf.objects.get(page=page)
    if previous and previous != pdf.file.name:
        # Once committed: should the surrounding publication roll back, the
        # record names the previous file again, and it must still be there.
        storage = pdf.file.storage
        transaction.on_commit(lambda: storage.delete(previous))
    page.pdf_file = pdf
    return pdf


def _print_copy(image):
    """The motif in print size as a file Pillow reads, or None if its file is gone."""
    try:
        rendition = image.get_rendition(PRINT_FILTER)
        with rendition.file.open("rb") as copy:
            return io.BytesIO(copy.read())
    except OSError as error:  # Wagtail's SourceImageIOError included
        logger.warning("Motiv %s fehlt im Kalender-PDF: %s", image.pk, error)
        return None


def _credits_note(name, left_out):
    lines = []
    if name:
        lines.append(gettext("Herausgegeben von %(employer)s") % {"employer": name})
    if left_out:
        lines.append(
            gettext("Ohne Foto, weil die Nutzungsrechte abgelaufen sind: %(months)s.")
            % {"months": ", ".join(left_out)}
        )
    return "\n".join(lines)


def _employer(page):
    from campaign.models import EmployerSettings

    site = page.get_site()
    return EmployerSettings.objects.filter(site=site).first() if site else None
