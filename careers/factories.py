"""Factories for the careers models, shared by the tests and load_demo."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from campaign.factories import SiteFactory
from careers.choices import EmploymentType, EntryPath, PayScaleKind, Status, WorkingTime
from careers.models import (
    Department,
    Dimension,
    DimensionValue,
    JobAlert,
    JobAlertKind,
    JobCategory,
    JobFieldIndexPage,
    JobFieldPage,
    JobPostingIndexPage,
    JobPostingPage,
    LocationContact,
    LocationCriterion,
    LocationIndexPage,
    LocationPage,
    MatcherPage,
    PayRate,
    PayScale,
    RecruitmentSettings,
)


def _published():
    """First and last publication without a revision: cheap, and lastmod for the sitemap."""
    return timezone.now() - datetime.timedelta(days=7)


class DepartmentFactory(DjangoModelFactory):
    site = factory.SubFactory(SiteFactory)
    name = factory.Sequence(lambda n: f"Amt {n}")
    street = "Müllerstraße 146"
    postal_code = "13353"
    city = "Berlin"
    region = "Berlin"

    class Meta:
        model = Department
        django_get_or_create = ("site", "name")


class JobCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.Sequence(lambda n: f"kategorie-{n}")

    class Meta:
        model = JobCategory
        django_get_or_create = ("slug",)


class PayScaleFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tabelle {n}")
    kind = PayScaleKind.TARIF

    class Meta:
        model = PayScale
        django_get_or_create = ("name",)


class PayRateFactory(DjangoModelFactory):
    scale = factory.SubFactory(PayScaleFactory)
    grade = "E 9b"
    step = 1
    amount = Decimal("3500.00")
    valid_from = datetime.date(2025, 4, 1)

    class Meta:
        model = PayRate


class _PublishedPageFactory(wagtail_factories.PageFactory):
    first_published_at = factory.LazyFunction(_published)
    last_published_at = factory.LazyAttribute(lambda o: o.first_published_at)

    class Meta:
        abstract = True


class JobFieldIndexPageFactory(_PublishedPageFactory):
    title = "Berufsfelder"
    slug = "berufsfelder"
    lead = "Finden Sie das Berufsfeld, das zu Ihnen passt."
    show_in_menus = True

    class Meta:
        model = JobFieldIndexPage


class JobFieldPageFactory(_PublishedPageFactory):
    """Pass `departments=[...]` and `tag_names=[...]`: both go in with the first save."""

    title = factory.Sequence(lambda n: f"Berufsfeld {n}")
    lead = "Sie sorgen dafür, dass Verwaltung für die Menschen im Bezirk funktioniert."
    tasks = "<ul><li>Anträge prüfen</li><li>Bürger*innen beraten</li></ul>"
    who_fits = "<p>Sie arbeiten gern mit Menschen und behalten den Überblick.</p>"
    entry_paths = factory.LazyFunction(lambda: [EntryPath.AUSBILDUNG, EntryPath.QUEREINSTIEG])
    working_time = factory.LazyFunction(lambda: [WorkingTime.VOLLZEIT, WorkingTime.TEILZEIT])
    tag_names = ()

    class Meta:
        model = JobFieldPage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        tag_names = kwargs.pop("tag_names", ())
        page = model_class(**kwargs)
        if tag_names:
            page.tags.add(*tag_names)  # held by the cluster until the page is saved
        parent.add_child(instance=page)
        return page


class JobPostingIndexPageFactory(_PublishedPageFactory):
    title = "Stellenangebote"
    slug = "stellenangebote"
    lead = "Unsere offenen Stellen, die mit der nächsten Bewerbungsfrist zuerst."
    show_in_menus = True

    class Meta:
        model = JobPostingIndexPage


class JobPostingPageFactory(_PublishedPageFactory):
    """Pass `departments=[...]`: a ParentalManyToMany is set before the first save."""

    title = factory.Sequence(lambda n: f"Sachbearbeiter*in {n}")
    reference = factory.Sequence(lambda n: f"DEMO-{n:04d}")
    lead = "Sie verstärken unser Team und beraten Bürgerinnen und Bürger."
    tasks = "<ul><li>Anträge bearbeiten</li><li>Bescheide erstellen</li></ul>"
    profile = "<ul><li>Abgeschlossene Ausbildung oder vergleichbare Erfahrung</li></ul>"
    offer = "<ul><li>Flexible Arbeitszeit</li><li>Fortbildung</li></ul>"
    status = Status.TARIF
    employment_types = factory.LazyFunction(
        lambda: [EmploymentType.FULL_TIME, EmploymentType.PART_TIME]
    )
    application_deadline = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=30)
    )
    contact_name = "Frau Beispiel"
    contact_phone = "030 9018-00000"
    contact_email = "personal@example.org"
    apply_email = "bewerbung@example.org"

    class Meta:
        model = JobPostingPage


class RecruitmentSettingsFactory(DjangoModelFactory):
    site = factory.SubFactory(SiteFactory)

    class Meta:
        model = RecruitmentSettings
        django_get_or_create = ("site",)


class DimensionFactory(DjangoModelFactory):
    """A question of the matcher; pass `values=[(slug, name), …]` or (slug, name, reason)."""

    site = factory.SubFactory(SiteFactory)
    name = factory.Sequence(lambda n: f"Kriterium {n}")
    slug = factory.Sequence(lambda n: f"kriterium-{n}")

    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Dimension
        django_get_or_create = ("site", "slug", "locale")
        skip_postgeneration_save = True

    @factory.post_generation
    def values(self, create, extracted, **kwargs):
        for order, spec in enumerate(extracted or ()):
            slug, name, reason = (*spec, "")[:3]
            DimensionValue.objects.get_or_create(
                dimension=self,
                slug=slug,
                defaults={"name": name, "reason": reason, "sort_order": order},
            )


class LocationIndexPageFactory(_PublishedPageFactory):
    title = "Orte"
    slug = "orte"
    lead = "Wo Sie arbeiten und leben können."
    show_in_menus = True

    class Meta:
        model = LocationIndexPage


class LocationPageFactory(_PublishedPageFactory):
    """Pass `criteria=[(value, weight), …]` and `contacts=[{…}, …]`: saved with the page."""

    title = factory.Sequence(lambda n: f"Ort {n}")
    lead = "Ein Ort mit Zukunft: Forschung, Industrie und gute Nachbarschaft."
    latitude = Decimal("52.13950")
    longitude = Decimal("11.64050")

    class Meta:
        model = LocationPage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        criteria = kwargs.pop("criteria", ())
        contacts = kwargs.pop("contacts", ())
        page = model_class(**kwargs)
        page.criteria = [
            LocationCriterion(value=value, weight=weight) for value, weight in criteria
        ]
        page.contacts = [LocationContact(**contact) for contact in contacts]
        parent.add_child(instance=page)
        return page


class MatcherPageFactory(_PublishedPageFactory):
    title = "Welcher Ort passt zu mir?"
    slug = "matching"
    lead = "Ein paar Klicks, und Sie sehen, welche Orte zu Ihnen passen."
    show_in_menus = True

    class Meta:
        model = MatcherPage


class JobAlertFactory(DjangoModelFactory):
    """A confirmed job alert; pass `job_fields=[…]`, or `query`/`filters` with kind SEARCH."""

    site = factory.SubFactory(SiteFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    kind = JobAlertKind.JOB_FIELDS
    criteria = factory.Sequence(lambda n: f"test:{n}")
    created_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=2))
    confirmed_at = factory.LazyAttribute(lambda o: o.created_at)
    last_sent_at = factory.LazyAttribute(lambda o: o.confirmed_at)

    class Meta:
        model = JobAlert
        skip_postgeneration_save = True

    @factory.post_generation
    def job_fields(self, create, pages):
        if create and pages:
            self.job_fields.set(pages)
