"""Job postings (Stellenausschreibungen) and their index.

Domain rules live in the queryset: `JobPostingPage.objects.open(on=date)`
and `.expired()`. Expired postings leave listings and the sitemap by
themselves and show "Bewerbungsfrist abgelaufen" instead of the apply button.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from campaign.sites.branding import for_request as branding_for_request
from campaign.sites.feeds import FeedRoutesMixin
from campaign.sites.page_forms import SitePage
from campaign.sites.pagination import PAGE_PARAMETER, page_of, requested_page
from campaign.sites.structured_data import script_data
from careers.choices import Contract, EmploymentType, Status
from careers.feeds import PostingsFeed
from careers.fields import MultipleChoiceField
from careers.forms import JobPostingPageForm
from careers.jsonld import job_posting
from careers.models.mixins import PayGradesMixin
from careers.models.recruitment_settings import RecruitmentSettings
from careers.models.search_facets import SearchFacetsMixin
from careers.pay import attach_pay_ranges
from careers.rules import POSTINGS_PER_PAGE, expired_on, open_on, today

RICH_TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class JobPostingQuerySet(PageQuerySet):
    def open(self, on=None):
        """Postings whose deadline is on or after `on` (today), or that have none."""
        return self.filter(open_on(on))

    def expired(self, on=None):
        return self.filter(expired_on(on))

    def reference_taken(self, reference, site, exclude_pk=None):
        """Whether another posting of `site` already carries this Kennziffer."""
        postings = self.descendant_of(site.root_page, inclusive=True).filter(
            reference__iexact=reference.strip()
        )
        if exclude_pk:
            postings = postings.exclude(pk=exclude_pk)
        return postings.exists()


JobPostingPageManager = PageManager.from_queryset(JobPostingQuerySet)


class JobPostingIndexPage(SitePage, FeedRoutesMixin, Page):
    """The open postings of an employer, soonest deadline first; RSS and Atom beside."""

    lead = models.TextField(_("Einleitung"), blank=True)

    feed_class = PostingsFeed
    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*Page.search_fields, index.SearchField("lead")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["careers.JobPostingPage"]
    template = "careers/job_posting_index_page.html"

    class Meta:
        verbose_name = _("Übersicht der Stellenangebote")
        verbose_name_plural = _("Übersichten der Stellenangebote")

    def postings(self, on=None):
        return (
            JobPostingPage.objects.child_of(self)
            .live()
            .public()
            .open(on)
            .select_related("job_field")
            .prefetch_related("departments")
            .order_by(models.F("application_deadline").asc(nulls_last=True), "title")
        )

    def feed_postings(self):
        return JobPostingPage.objects.child_of(self).live().public().open()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        on = today()
        page_obj = page_of(
            self.postings(on),
            requested_page(request),
            POSTINGS_PER_PAGE,
            _("Diese Seite der Stellenangebote gibt es nicht."),
        )
        context.update(
            page_obj=page_obj,
            paginator=page_obj.paginator,
            page_parameter=PAGE_PARAMETER,
            postings=attach_pay_ranges(page_obj.object_list, on),
        )
        return context


class JobPostingPage(SitePage, SearchFacetsMixin, RoutablePageMixin, PayGradesMixin, Page):
    """One job posting with its facts, how to apply and the statutory notices.

    While open it takes applications online at `bewerben/` (careers/applications/).
    """

    reference = models.CharField(
        _("Kennziffer"), max_length=40, help_text=_("Eindeutig innerhalb dieser Website.")
    )
    job_field = models.ForeignKey(
        "careers.JobFieldPage",
        verbose_name=_("Berufsfeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="postings",
    )
    departments = ParentalManyToManyField(
        "careers.Department", verbose_name=_("Ämter und Standorte"), related_name="postings"
    )
    lead = models.TextField(_("Worum es geht"), help_text=_("Zwei, drei Sätze für die Übersicht."))
    tasks = RichTextField(_("Ihre Aufgaben"), features=RICH_TEXT_FEATURES, blank=True)
    profile = RichTextField(_("Was Sie mitbringen"), features=RICH_TEXT_FEATURES, blank=True)
    offer = RichTextField(_("Was wir bieten"), features=RICH_TEXT_FEATURES, blank=True)

    status = models.CharField(
        _("Beschäftigungsart"), max_length=20, choices=Status.choices, default=Status.TARIF
    )
    employment_types = MultipleChoiceField(
        _("Arbeitszeit"), item_choices=EmploymentType.choices, default=list
    )
    contract = models.CharField(
        _("Befristung"), max_length=20, choices=Contract.choices, default=Contract.PERMANENT
    )
    remote_share = models.PositiveSmallIntegerField(
        _("Anteil mobiles Arbeiten in Prozent"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("0 = nur vor Ort, 100 = vollständig von zu Hause."),
    )
    start_date = models.DateField(
        _("Beginn"), null=True, blank=True, help_text=_("Leer lassen für „ab sofort“.")
    )
    application_deadline = models.DateField(
        _("Bewerbungsfrist"),
        null=True,
        blank=True,
        help_text=_("Nach diesem Tag verschwindet die Stelle aus Übersichten und Sitemap."),
    )

    process_closed_on = models.DateField(
        _("Verfahren abgeschlossen am"),
        null=True,
        blank=True,
        help_text=_(
            "Tag, an dem das Auswahlverfahren endete. Ab ihm (ohne Angabe ab der "
            "Bewerbungsfrist) läuft die Frist, nach der die Bewerbungen gelöscht werden."
        ),
    )

    contact_name = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    apply_email = models.EmailField(_("Bewerbung per E-Mail an"), blank=True)
    apply_url = models.URLField(_("Bewerbung über externen Link"), blank=True)

    objects = JobPostingPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("reference"),
        FieldPanel("job_field"),
        FieldPanel("lead"),
        FieldPanel("tasks"),
        FieldPanel("profile"),
        FieldPanel("offer"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("employment_types"),
                FieldPanel("contract"),
                FieldPanel("remote_share"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("application_deadline")]),
            ],
            heading=_("Eckdaten"),
        ),
        PayGradesMixin.pay_panel,
        FieldPanel("departments"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading=_("Ansprechperson"),
        ),
        MultiFieldPanel(
            [FieldPanel("apply_email"), FieldPanel("apply_url"), FieldPanel("process_closed_on")],
            heading=_("Bewerbung"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("reference"),
        index.SearchField("lead"),
        index.SearchField("tasks"),
        index.SearchField("profile"),
        index.FilterField("application_deadline"),
        index.FilterField("status"),
    ]
    base_form_class = JobPostingPageForm
    parent_page_types = ["careers.JobPostingIndexPage"]
    subpage_types = []
    template = "careers/job_posting_page.html"

    class Meta:
        verbose_name = _("Stellenangebot")
        verbose_name_plural = _("Stellenangebote")
        indexes = [
            # Lists and the search show the soonest deadline first: one page of
            # thousands is read in this order instead of sorting them all (an
            # ascending index keeps NULLs last, as the lists do, on PostgreSQL).
            models.Index(fields=["application_deadline", "page_ptr"], name="posting_deadline_order")
        ]

    def is_open(self, on=None):
        return self.application_deadline is None or self.application_deadline >= (on or today())

    @cached_property
    def employment_type_labels(self):
        return self._meta.get_field("employment_types").labels(self.employment_types)

    @property
    def fully_remote(self):
        return self.remote_share >= 100

    @property
    def direct_apply(self):
        """Whether one applies on this page itself: the online form, while open."""
        return self.is_open()

    # The online application beside the page; its views live in careers/applications/.
    @path("bewerben/")
    def apply_route(self, request):
        from careers.applications import views

        return views.apply(request, self)

    @path("bewerben/danke/")
    def apply_thanks_route(self, request):
        from careers.applications import views

        return views.thanks(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        on = today()
        departments = list(self.departments.all())
        pay_range = self.get_pay_range(on)
        is_open = self.is_open(on)
        context.update(
            departments=departments,
            pay_range=pay_range,
            is_open=is_open,
            recruitment=RecruitmentSettings.for_request(request),
        )
        if is_open:
            # Google asks to drop the markup once a posting has expired.
            data = job_posting(
                self,
                request=request,
                branding=branding_for_request(request),
                departments=departments,
                pay_range=pay_range,
            )
            context["jsonld"] = script_data(data)
        return context
