"""Job fields (Berufsfelder): what the work is, who fits, how to get in."""

from django.db import models
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from campaign.sites.feeds import FeedRoutesMixin
from campaign.sites.page_cache import reads
from campaign.sites.page_forms import SitePage
from campaign.sites.pagination import PAGE_PARAMETER, page_of, requested_page
from careers.blocks import InsightsBlock
from careers.choices import EntryPath, WorkingTime
from careers.feeds import PostingsFeed
from careers.fields import MultipleChoiceField
from careers.forms import CareersPageForm
from careers.models.criteria import criteria_panel
from careers.models.mixins import PayGradesMixin
from careers.models.search_facets import SearchFacetsMixin
from careers.models.taxonomy import JobCategory, JobFieldTag
from careers.pay import attach_pay_ranges
from careers.rules import POSTINGS_PER_PAGE, open_on, today

CATEGORY_PARAMETER = "kategorie"
RICH_TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class JobFieldIndexPage(SitePage, Page):
    """All job fields of an employer, grouped by category, with open postings counted."""

    lead = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*Page.search_fields, index.SearchField("lead")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["careers.JobFieldPage"]
    template = "careers/job_field_index_page.html"

    class Meta:
        verbose_name = _("Übersicht der Berufsfelder")
        verbose_name_plural = _("Übersichten der Berufsfelder")

    def job_fields(self, on=None):
        """Live job fields below this page, each with `open_postings` counted in SQL."""
        return (
            JobFieldPage.objects.child_of(self)
            .live()
            .public()
            .select_related("category")
            .annotate(
                open_postings=Count(
                    "postings",
                    filter=open_on(on, prefix="postings__") & models.Q(postings__live=True),
                    distinct=True,
                )
            )
            .order_by("category__sort_order", "category__name", "title")
        )

    def categories(self):
        """Categories that have live job fields here, with their number, in one query."""
        return (
            JobCategory.objects.filter(
                job_fields__in=JobFieldPage.objects.child_of(self).live().public()
            )
            .annotate(job_field_count=Count("job_fields", distinct=True))
            .order_by("sort_order", "name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        on = today()
        categories = list(self.categories())
        reads(request, CATEGORY_PARAMETER)
        selected = request.GET.get(CATEGORY_PARAMETER, "")
        current = next((c for c in categories if c.slug == selected), None)
        job_fields = self.job_fields(on)
        if current is not None:
            job_fields = job_fields.filter(category=current)
        job_fields = attach_pay_ranges(job_fields, on)
        context.update(
            categories=categories,
            current_category=current,
            category_parameter=CATEGORY_PARAMETER,
            groups=_group_by_category(job_fields),
            job_field_count=len(job_fields),
        )
        return context


def _group_by_category(job_fields):
    groups = []
    for job_field in job_fields:
        if not groups or groups[-1][0] != job_field.category:
            groups.append((job_field.category, []))
        groups[-1][1].append(job_field)
    return groups


class JobFieldPage(SitePage, SearchFacetsMixin, FeedRoutesMixin, PayGradesMixin, Page):
    """One job field: the work, the tasks, who fits, entry paths, pay and open postings."""

    category = models.ForeignKey(
        JobCategory,
        verbose_name=_("Kategorie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="job_fields",
    )
    lead = models.TextField(
        _("Was die Arbeit ist"), help_text=_("Zwei, drei Sätze; erscheinen auch in der Übersicht.")
    )
    tasks = RichTextField(_("Aufgaben"), features=RICH_TEXT_FEATURES, blank=True)
    who_fits = RichTextField(_("Wer zu uns passt"), features=RICH_TEXT_FEATURES, blank=True)
    entry_paths = MultipleChoiceField(_("Wege hinein"), item_choices=EntryPath.choices, blank=True)
    working_time = MultipleChoiceField(
        _("Arbeitszeitmodelle"), item_choices=WorkingTime.choices, blank=True
    )
    departments = ParentalManyToManyField(
        "careers.Department",
        verbose_name=_("Ämter und Standorte"),
        blank=True,
        related_name="job_fields",
    )
    tags = ClusterTaggableManager(through=JobFieldTag, verbose_name=_("Schlagwörter"), blank=True)
    insights = StreamField(
        InsightsBlock(),
        verbose_name=_("Einblicke"),
        blank=True,
        help_text=_("Filme der Kampagne und Stimmen aus dem Team zu diesem Berufsfeld."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("tasks"),
        FieldPanel("who_fits"),
        FieldPanel("insights"),
        MultiFieldPanel(
            [FieldPanel("entry_paths"), FieldPanel("working_time")],
            heading=_("Einstieg und Arbeitszeit"),
        ),
        PayGradesMixin.pay_panel,
        FieldPanel("departments"),
        MultiFieldPanel([FieldPanel("category"), FieldPanel("tags")], heading=_("Einordnung")),
        criteria_panel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("tasks"),
        index.SearchField("who_fits"),
        index.FilterField("category"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    feed_class = PostingsFeed
    base_form_class = CareersPageForm
    parent_page_types = ["careers.JobFieldIndexPage"]
    subpage_types = []
    template = "careers/job_field_page.html"

    class Meta:
        verbose_name = _("Berufsfeld")
        verbose_name_plural = _("Berufsfelder")

    @cached_property
    def entry_path_labels(self):
        return self._meta.get_field("entry_paths").labels(self.entry_paths)

    @cached_property
    def working_time_labels(self):
        return self._meta.get_field("working_time").labels(self.working_time)

    def open_postings(self, on=None):
        return (
            self.postings.live()
            .public()
            .open(on)
            .prefetch_related("departments")
            .order_by("application_deadline", "title")
        )

    def feed_postings(self):
        return self.postings.live().public().open()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        on = today()
        page_obj = page_of(
            self.open_postings(on),
            requested_page(request),
            POSTINGS_PER_PAGE,
            _("Diese Seite der offenen Stellen gibt es nicht."),
        )
        postings = list(page_obj.object_list)
        attach_pay_ranges([self, *postings], on)  # one query for the page and its postings
        context.update(
            pay_range=self.pay_range,
            departments=list(self.departments.all()),
            tags=list(self.tags.all()),
            postings=postings,
            page_obj=page_obj,
            page_parameter=PAGE_PARAMETER,
        )
        return context
