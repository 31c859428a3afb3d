"""Builds the demo installation: one Wagtail Site per employer of content.py.

Idempotent: a site whose host name exists is left as it is (an editor may
have changed it), missing pieces are added: its photo calendar, press section
and releases are looked up by slug and made only when missing. Pages and settings are made with
the same factories the tests use.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from campaign.calendars.pdf import MONTHS
from campaign.calendars.tasks import calendar_pdfs_on_first_request
from campaign.demo import images
from campaign.demo.content import DIRECTORY_LEAD, DIRECTORY_TITLE, EMPLOYERS, legal_pages
from campaign.demo.english import build_english
from campaign.factories import (
    AccessibilityStatementPageFactory,
    CalendarEditionFactory,
    CalendarMotifFactory,
    CampaignPageFactory,
    EmployerDirectoryPageFactory,
    EmployerSettingsFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HomePageFactory,
    ImprintPageFactory,
    PhotoCalendarPageFactory,
    PressIndexPageFactory,
    PressReleasePageFactory,
    PrivacyPageFactory,
    StandardPageFactory,
)
from campaign.models import (
    CalendarOrder,
    CampaignPage,
    EmployerDirectoryPage,
    EmployerSettings,
    EventIndexPage,
    MediaContact,
    OrderStatus,
    PhotoCalendarPage,
    PressIndexPage,
    SocialAccount,
    Testimonial,
)
from campaign.sites.roles import setup_site_roles
from media_library.demo import demo_film
from media_library.factories import ImageFactory
from media_library.models import CustomImage

DEMO_CREDIT = "Grafik: Stellwerk-Demo (generiert)"


def build(port=8000, log=print):
    """Create whatever of the demo is missing; return the sites it is made of."""
    root = Page.get_first_root_node()
    sites = [_default_site(root, port, log)]
    for employer in EMPLOYERS:
        site = _employer_site(root, employer, port, log)
        _photo_calendar(site, employer)
        _calendar_orders(site, employer)
        _press_section(site, employer)
        _events_section(site, employer)
        build_english(site)
        setup_site_roles(site)
        sites.append(site)
    return sites


def _demo_image(title, alt, seed, primary, accent, *, logo_initials=None, **credit):
    """A generated picture; `credit` may name credit, licence and source (else the demo's)."""
    image = CustomImage.objects.filter(title=title).first()
    if image is not None:
        return image
    if logo_initials:
        file = images.as_file(images.logo(logo_initials, primary), f"{seed}.png", "PNG")
    else:
        file = images.as_file(images.composition(seed, primary, accent), f"{seed}.jpg")
    credit.setdefault("credit", DEMO_CREDIT)
    return ImageFactory(title=title, description=alt, file=file, **credit)


@transaction.atomic
def _default_site(root, port, log):
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and isinstance(site.root_page.specific, EmployerDirectoryPage):
        log(f"  {site.hostname}: vorhanden")
        return site
    directory = EmployerDirectoryPage.objects.first() or _publish(
        EmployerDirectoryPageFactory(
            parent=root, title=DIRECTORY_TITLE, slug="stellwerk", lead=DIRECTORY_LEAD
        )
    )
    previous_root = site.root_page if site else None
    site, _ = Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": port,
            "site_name": "Stellwerk",
            "root_page": directory,
        },
    )
    # Wagtail's first migration leaves a "Welcome" page behind; it has no place here.
    if previous_root is not None and previous_root.specific_class is Page:
        previous_root.delete()
    imprint, privacy, accessibility = _legal_pages(
        directory, legal_pages(site.hostname, "Stellwerk", "Stellwerk\nDemo-Installation")
    )
    # The directory's footer links its own legal pages, like every employer's.
    EmployerSettings.objects.update_or_create(
        site=site,
        defaults={
            "organisation_name": "Stellwerk",
            "imprint_page": imprint,
            "privacy_page": privacy,
            "accessibility_page": accessibility,
        },
    )
    log(f"  {site.hostname}: angelegt")
    return site


@transaction.atomic
def _employer_site(root, employer, port, log):
    site = Site.objects.filter(hostname=employer.hostname).first()
    if site is not None:
        log(f"  {site.hostname}: vorhanden")
        return site
    hero = _demo_image(
        f"{employer.name}: Aufmacher",
        employer.hero_alt,
        employer.hostname,
        employer.primary,
        employer.accent,
    )
    body = list(employer.home_body)
    # #WirmachenMitte: the generated demo film opens the Mitte home page (needs ffmpeg).
    film = demo_film(log) if employer.hostname == "mitte.localhost" else None
    if film is not None:
        body.insert(0, ("film", {"film": film}))
    home = HomePageFactory(
        parent=root,
        title=employer.home_title,
        slug=employer.hostname.split(".")[0],
        claim=employer.claim,
        lead=employer.home_lead,
        hero_image=hero,
        body=body,
    )
    _publish(home)
    site = Site.objects.create(
        hostname=employer.hostname,
        port=port,
        site_name=employer.name,
        root_page=home,
    )
    for spec in employer.pages:
        if spec.slogan:
            _campaign_page(site, spec, film if spec.film else None)
        else:
            _standard_page(home, spec)
    imprint, privacy, accessibility = _legal_pages(
        home,
        legal_pages(
            employer.hostname,
            employer.name,
            employer.address,
            email=employer.press_email,
            phone=employer.press_phone,
            office=employer.press_office,
            state=employer.state,
            events=employer.events is not None,
            calendar_orders=bool(employer.calendar and employer.calendar.printed_copies),
            careers=True,
        ),
    )
    settings = EmployerSettingsFactory(
        site=site,
        organisation_name=employer.name,
        tagline=employer.tagline,
        primary_colour=employer.primary,
        accent_colour=employer.accent,
        logo=_demo_image(
            f"{employer.name}: Logo",
            f"Logo {employer.name}",
            f"logo-{employer.hostname}",
            employer.primary,
            employer.accent,
            logo_initials=employer.initials,
        ),
        press_office=employer.press_office,
        press_email=employer.press_email,
        press_phone=employer.press_phone,
        postal_address=employer.address,
        state=employer.state,
        film_embedding_origins=employer.film_embedding_origins,
        imprint_page=imprint,
        privacy_page=privacy,
        accessibility_page=accessibility,
    )
    settings.full_clean()
    for order, (platform, handle, url) in enumerate(employer.social):
        SocialAccount.objects.create(
            settings=settings, platform=platform, handle=handle, url=url, sort_order=order
        )
    log(f"  {site.hostname}: angelegt")
    return site


@transaction.atomic
def _photo_calendar(site, employer):
    """The employer's photo calendar below the home page, with generated motifs."""
    spec = employer.calendar
    if spec is None or site.root_page.get_children().filter(slug=spec.slug).exists():
        return
    page = PhotoCalendarPageFactory(
        parent=site.root_page,
        title=spec.title,
        slug=spec.slug,
        year=spec.year,
        motto=spec.motto,
        lead=spec.lead,
        distribution=spec.distribution,
        printed_copies=spec.printed_copies,
        body=spec.body,
        motifs=0,
    )
    for number, (month, motif) in enumerate(zip(MONTHS, spec.motifs, strict=True), start=1):
        CalendarMotifFactory(
            page=page,
            month=number,
            image=_demo_image(
                f"{spec.title}, {month}",
                f"Platzhalter-Grafik für das Kalendermotiv {month}: {motif.work_field}",
                f"calendar-{spec.slug}-{number}",
                employer.primary,
                employer.accent,
            ),
            caption=motif.caption,
            work_field=motif.work_field,
            photographer=motif.photographer,
        )
    for order, edition in enumerate(spec.editions):
        CalendarEditionFactory(
            page=page,
            year=edition.year,
            motto=edition.motto,
            description=edition.description,
            sort_order=order,
        )
    # Rendering the PDF takes a second, and tests build the demo many times:
    # its first download makes it.
    with calendar_pdfs_on_first_request():
        _publish(page)


@transaction.atomic
def _calendar_orders(site, employer):
    """A few orders of the printed calendar, confirmed, one of them sent already."""
    spec = employer.calendar
    if spec is None or not spec.orders:
        return
    page = PhotoCalendarPage.objects.child_of(site.root_page).get(slug=spec.slug)
    if page.orders.exists():
        return
    now = timezone.now()
    for order in spec.orders:
        CalendarOrder.objects.create(
            calendar=page,
            organisation=order.organisation,
            name=order.name,
            street=order.street,
            postcode=order.postcode,
            city=order.city,
            email=f"bestellung@{order.name.split()[-1].lower()}.example.org",
            quantity=order.quantity,
            purpose=order.purpose,
            status=OrderStatus.SENT if order.sent else OrderStatus.CONFIRMED,
            confirmed_at=now,
        )


@transaction.atomic
def _press_section(site, employer):
    """The index "Presse" below the home page and the employer's releases in it."""
    if employer.press is None:
        return
    home = site.root_page
    index = PressIndexPage.objects.child_of(home).first() or _publish(
        PressIndexPageFactory(parent=home, title="Presse", slug="presse", lead=employer.press.lead)
    )
    contact, _ = MediaContact.objects.get_or_create(
        site=site,
        email=employer.press_email,
        defaults={"office": employer.press_office, "phone": employer.press_phone},
    )
    for spec in employer.press.releases:
        existing = index.get_children().filter(slug=spec.slug).first()
        if existing is not None:
            _members_only(existing, spec)
            _member_part(existing.specific, spec)
            continue
        body = list(spec.body)
        if spec.picture is not None:
            body.insert(0, _picture_block(spec.picture, employer))
        release = _publish(
            PressReleasePageFactory(
                parent=index,
                title=spec.title,
                slug=spec.slug,
                release_date=spec.release_date,
                place=spec.place,
                lead=spec.lead,
                body=body,
                member_body=list(spec.member_body),
                media_contact=contact,
                campaign=_campaign_of(home, spec.campaign),
            )
        )
        _members_only(release, spec)


def _member_part(release, spec):
    """A demo loaded before releases had a member part kept the notebooks release
    wholly private: give it its teaser (public body, member part, no restriction)."""
    if not spec.member_body or release.member_body:
        return
    pictures = [block for block in release.body if block.block_type == "image"][:1]
    release.body = [(block.block_type, block.value) for block in pictures] + list(spec.body)
    release.member_body = list(spec.member_body)
    _publish(release)
    PageViewRestriction.objects.filter(
        page=release, restriction_type=PageViewRestriction.LOGIN
    ).delete()


def _members_only(page, spec):
    """Mark a release of the seeds for logged-in members only, once."""
    if spec.members_only:
        PageViewRestriction.objects.get_or_create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )


@transaction.atomic
def _events_section(site, employer):
    """The index "Veranstaltungen" below the home page and the employer's events in it."""
    if employer.events is None:
        return
    home = site.root_page
    index = EventIndexPage.objects.child_of(home).first() or _publish(
        EventIndexPageFactory(parent=home, lead=employer.events.lead)
    )
    for spec in employer.events.events:
        if index.get_children().filter(slug=spec.slug).exists():
            continue
        day = spec.date or timezone.localdate() + datetime.timedelta(days=spec.days_ahead)
        start_hour, end_hour = spec.hours
        _publish(
            EventPageFactory(
                parent=index,
                title=spec.title,
                slug=spec.slug,
                start=_local(day, start_hour),
                end=_local(day, end_hour),
                lead=spec.lead,
                venue_name=spec.venue_name,
                venue_street=spec.venue_street,
                venue_postal_code=spec.venue_postal_code,
                venue_city=spec.venue_city,
                accessibility=spec.accessibility,
                body=spec.body,
                partners=[("partner", partner) for partner in spec.partners],
                how_to_take_part=spec.how_to_take_part,
                registration_open=spec.registration_open,
                results_note=spec.results_note,
                **spec.results,
            )
        )


def _local(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _campaign_of(home, slug):
    if not slug:
        return None
    return CampaignPage.objects.child_of(home).filter(slug=slug).first()


def _picture_block(picture, employer):
    image = _demo_image(
        picture.title,
        picture.alt,
        f"press-{picture.title}",
        employer.primary,
        employer.accent,
        credit=picture.credit,
        licence=picture.licence,
        source=picture.source,
    )
    # The image block stores the alt text an editor confirms; here the image's own.
    image.contextual_alt_text = image.alt_text
    return ("image", {"image": image, "caption": picture.caption})


def _standard_page(parent, spec):
    existing = parent.get_children().filter(slug=spec.slug).first()
    if existing is not None:
        return existing
    return _publish(
        StandardPageFactory(
            parent=parent,
            title=spec.title,
            slug=spec.slug,
            lead=spec.lead,
            body=spec.body,
            show_in_menus=spec.in_menu,
        )
    )


def _campaign_page(site, spec, film):
    body = [_with_testimonials(site, item) for item in spec.body]
    return _publish(
        CampaignPageFactory(
            parent=site.root_page,
            title=spec.title,
            slug=spec.slug,
            slogan=spec.slogan,
            lead=spec.lead,
            hero_film=film,
            body=body,
            show_in_menus=spec.in_menu,
        )
    )


def _with_testimonials(site, item):
    """A body item, with testimonial specs made into the site's snippets."""
    kind, value = item
    if kind != "testimonials":
        return item
    people = [
        Testimonial.objects.get_or_create(
            site=site,
            name=person.name,
            defaults={
                "role": person.role,
                "place": person.place,
                "quote": person.quote,
                "photo": _demo_image(
                    f"Porträt {person.name}",
                    f"Platzhalter-Grafik für ein Porträt von {person.name}",
                    f"portrait-{person.name}",
                    "#00665e",
                    "#f2a900",
                ),
            },
        )[0]
        for person in value["testimonials"]
    ]
    return (kind, {**value, "testimonials": people})


def _publish(page):
    """Publish through a revision, as an editor would: history, lastmod, search index."""
    page.save_revision().publish()
    return page


def _legal_pages(parent, values):
    """Imprint, privacy and accessibility statement below `parent`, each made when missing."""
    factories = (ImprintPageFactory, PrivacyPageFactory, AccessibilityStatementPageFactory)
    pages = []
    for factory_class, fields in zip(factories, values, strict=True):
        existing = parent.get_children().filter(slug=fields["slug"]).first()
        if existing is None:
            page = factory_class(parent=parent, show_in_menus=False, **fields)
            page.full_clean()
            existing = _publish(page)
        pages.append(existing)
    return pages
