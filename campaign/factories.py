"""Factories for campaign pages and employer settings, for tests and load_demo."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from campaign.models import (
    AccessibilityStatementPage,
    CalendarEdition,
    CalendarMotif,
    CampaignPage,
    EasyLanguagePage,
    EmployerDirectoryPage,
    EmployerSettings,
    EventDepartment,
    EventIndexPage,
    EventPage,
    HomePage,
    ImprintPage,
    MediaContact,
    PhotoCalendarPage,
    PressIndexPage,
    PressReleasePage,
    PrivacyPage,
    SignLanguagePage,
    StandardPage,
    Testimonial,
)
from media_library.factories import ImageFactory


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Arbeitgeber {n}")
    claim = "#Demo"
    lead = "Ein Arbeitgeber mit vielen Berufsfeldern stellt sich vor."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    lead = "Worum es auf dieser Seite geht."
    show_in_menus = True

    class Meta:
        model = StandardPage


class EasyLanguagePageFactory(wagtail_factories.PageFactory):
    title = "Leichte Sprache"
    slug = "leichte-sprache"
    content_text = "<p>Das ist unsere Internet·seite.</p>"
    navigation_text = "<p>Oben ist das Menü.</p>"
    accessibility_text = "<p>Nicht alles auf dieser Seite ist barriere·frei.</p>"
    more_text = "<p>Mehr gibt es bald.</p>"

    class Meta:
        model = EasyLanguagePage


class SignLanguagePageFactory(wagtail_factories.PageFactory):
    title = "Gebärdensprache"
    slug = "gebaerdensprache"
    content_summary = "Worum es auf dieser Website geht."

    class Meta:
        model = SignLanguagePage


class ImprintPageFactory(wagtail_factories.PageFactory):
    title = "Impressum"
    slug = "impressum"
    publisher_name = "Bezirksamt Beispiel"
    legal_form = "Körperschaft des öffentlichen Rechts"
    publisher_address = "Musterstraße 1\n12345 Beispielstadt"
    represented_by = "Die Bezirksbürgermeisterin"
    email = "kontakt@beispiel.example"
    content_responsible_name = "Die Leitung der Pressestelle"
    content_responsible_address = "Musterstraße 1\n12345 Beispielstadt"

    class Meta:
        model = ImprintPage


class PrivacyPageFactory(wagtail_factories.PageFactory):
    title = "Datenschutzerklärung"
    slug = "datenschutz"
    controller_name = "Bezirksamt Beispiel"
    controller_address = "Musterstraße 1\n12345 Beispielstadt"
    controller_email = "kontakt@beispiel.example"
    dpo_name = "Behördliche Datenschutzbeauftragte"
    dpo_email = "datenschutz@beispiel.example"
    authority_name = "Landesbeauftragte für den Datenschutz"
    purposes = factory.LazyFunction(
        lambda: [
            (
                "purpose",
                {
                    "purpose": "Bereitstellung der Website",
                    "legal_basis": "e",
                    "legal_basis_note": "",
                    "data_categories": "IP-Adresse, Zeitpunkt, aufgerufene Adresse",
                    "recipients": "",
                    "retention": "sieben Tage",
                },
            )
        ]
    )

    class Meta:
        model = PrivacyPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    prepared_on = datetime.date(2026, 3, 2)
    reviewed_on = datetime.date(2026, 9, 1)
    feedback_name = "Pressestelle"

    class Meta:
        model = AccessibilityStatementPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kampagne {n}")
    slogan = "#WirmachenMitte"
    lead = "Eine Kampagne, die neugierig macht."

    class Meta:
        model = CampaignPage


class TestimonialFactory(DjangoModelFactory):
    site = factory.SubFactory("campaign.factories.SiteFactory")
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Sachbearbeiterin"
    place = "Rathaus Wedding"
    quote = "Kein Tag ist wie der andere."

    class Meta:
        model = Testimonial


class MediaContactFactory(DjangoModelFactory):
    site = factory.SubFactory("campaign.factories.SiteFactory")
    office = "Bezirksamt Beispiel, Pressestelle"
    email = "presse@example.org"

    class Meta:
        model = MediaContact


class PressIndexPageFactory(wagtail_factories.PageFactory):
    title = "Presse"
    slug = "presse"
    show_in_menus = True

    class Meta:
        model = PressIndexPage


class PressReleasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pressemitteilung {n}")
    release_date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(n))
    place = "Berlin"
    lead = "Das Wichtigste in zwei Sätzen."

    class Meta:
        model = PressReleasePage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


def _in_days(days, hour):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventPageFactory(wagtail_factories.PageFactory):
    """An event four weeks ahead, 10 to 12 o'clock local time."""

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.LazyFunction(lambda: _in_days(28, 10))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    lead = "Kommen Sie ins Gespräch mit der Verwaltung."
    venue_name = "Rathaus"
    venue_street = "Marktplatz 1"
    venue_postal_code = "40213"
    venue_city = "Düsseldorf"

    class Meta:
        model = EventPage


class EventDepartmentFactory(DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    name = factory.Sequence(lambda n: f"Amt {n}")
    seats_per_slot = 1

    class Meta:
        model = EventDepartment


class CalendarMotifFactory(DjangoModelFactory):
    page = factory.SubFactory("campaign.factories.PhotoCalendarPageFactory")
    month = factory.Sequence(lambda n: n % 12 + 1)
    image = factory.SubFactory(ImageFactory)
    caption = factory.LazyAttribute(lambda o: f"Beratungsgespräch im Monat {o.month}")
    work_field = "Arbeitsvermittlung"
    photographer = "Stefan Arend"
    sort_order = factory.LazyAttribute(lambda o: o.month)

    class Meta:
        model = CalendarMotif


class CalendarEditionFactory(DjangoModelFactory):
    page = factory.SubFactory("campaign.factories.PhotoCalendarPageFactory")
    year = 2016
    motto = "Was Frauen wollen"
    description = "Die Wünsche von Frauen an ihren Arbeitsplatz."

    class Meta:
        model = CalendarEdition


class PhotoCalendarPageFactory(wagtail_factories.PageFactory):
    """A calendar page; `motifs=12` (the default) adds one motif per month, unpublished."""

    title = factory.Sequence(lambda n: f"Fotokalender {n}")
    year = 2018
    motto = "Was geht"
    lead = "Zwölf Fotos aus dem Arbeitsalltag."
    distribution = "Kostenfrei an Kundinnen und Kunden."
    show_in_menus = True

    class Meta:
        model = PhotoCalendarPage
        skip_postgeneration_save = True

    @factory.post_generation
    def motifs(obj, create, extracted, **kwargs):
        if not create:
            return
        count = 12 if extracted is None else extracted
        for month in range(1, count + 1):
            CalendarMotifFactory(page=obj, month=month, **kwargs)


class EmployerDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Karriereseiten öffentlicher Arbeitgeber"

    class Meta:
        model = EmployerDirectoryPage


class SiteFactory(wagtail_factories.SiteFactory):
    hostname = factory.Sequence(lambda n: f"arbeitgeber{n}.localhost")
    port = 80
    site_name = factory.Sequence(lambda n: f"Arbeitgeber {n}")
    is_default_site = False
    root_page = factory.SubFactory(
        HomePageFactory, parent=factory.LazyFunction(Page.get_first_root_node)
    )

    class Meta:
        model = Site
        django_get_or_create = ("hostname", "port")


class EmployerSettingsFactory(DjangoModelFactory):
    site = factory.SubFactory(SiteFactory)
    organisation_name = factory.LazyAttribute(lambda o: o.site.site_name)
    tagline = "Karriere im öffentlichen Dienst"
    primary_colour = "#004b87"
    accent_colour = "#e30613"

    class Meta:
        model = EmployerSettings
        django_get_or_create = ("site",)
