"""Relations stay within one employer: a page or a site's snippet points only at
rows of its own site and at shared ones (campaign.sites.admin_scoping.ownership).

`SiteRelationsMixin` goes first among the bases of a Wagtail admin form. On
save it looks at every value the form and its inline children carry: foreign
keys, many-to-many fields and the chooser values deep in StreamFields (pages,
snippets, images, documents, films). A row of another site is refused with a
message on its field (in a StreamField: on its block), for superusers too, so
nothing is saved. Page forms also offer only their site's rows (and shared
ones) in plain selects and checkboxes; choosers scope themselves.
"""

import copy
from functools import cache

from django import forms
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.blocks.base import BlockField
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from campaign.sites.admin_scoping.ownership import (
    belonging_of,
    collection_sites,
    scope_to_site,
    site_of,
)
from campaign.sites.admin_scoping.users import edits_site

OFFERED_SITE = "offered_site"


def offer_site_rows(form, site_id):
    """Plain selects and checkboxes of `form` (and of its inline children) offer
    only the rows of site `site_id` and shared ones. The fields still accept any
    row, so another site's, posted anyway, meets the clear refusal on save
    rather than "not a valid choice"."""
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if (
            queryset is None
            or not isinstance(field.widget, forms.widgets.ChoiceWidget)
            or belonging_of(queryset.model) is None
        ):
            continue
        offered = copy.copy(field)
        # The setter hands the narrowed choices to the widget both copies share.
        offered.queryset = scope_to_site(queryset, site_id)
    for formset in getattr(form, "formsets", {}).values():
        formset.form = _offering_site_rows(formset.form)
        formset.form_kwargs[OFFERED_SITE] = site_id


@cache
def _offering_site_rows(form_class):
    """The inline child's form class that narrows its own choices: every child
    form of the formset, its empty template among them, is built from it."""
    if issubclass(form_class, _OffersSiteRows):
        return form_class
    return type(form_class.__name__, (_OffersSiteRows, form_class), {})


class _OffersSiteRows:
    def __init__(self, *args, **kwargs):
        site_id = kwargs.pop(OFFERED_SITE, None)
        super().__init__(*args, **kwargs)
        if site_id is not None:
            offer_site_rows(self, site_id)


class _Refusals:
    """The refusal of each row that belongs to another site than `site_id`."""

    def __init__(self, site_id, user):
        self.site_id = site_id
        self.user = user
        self._collections = None

    def _site_of(self, row):
        belonging = belonging_of(type(row))
        if belonging is not None and belonging.via_collection is not None:
            if self._collections is None:
                self._collections = collection_sites()
            return site_of(row, collections=self._collections)
        return site_of(row)

    def of(self, row):
        """The message refusing `row`, or None: of this site or shared."""
        site_id = self._site_of(row)
        if site_id is None or site_id == self.site_id:
            return None
        model = (row.specific_class or type(row)) if isinstance(row, Page) else type(row)
        kind = model._meta.verbose_name
        # The title only to whom may see the row: no names of another
        # employer's people or files for an id tried out.
        if self.user is not None and edits_site(self.user, site_id):
            return _("„%(title)s“ (%(kind)s) gehört zu einem anderen Arbeitgeber.") % {
                "title": row,
                "kind": kind,
            }
        return _("Die Auswahl (%(kind)s) gehört zu einem anderen Arbeitgeber.") % {"kind": kind}

    def in_value(self, value):
        """The messages for a field's value: a row, several, or nothing of a site."""
        if isinstance(value, Model):
            rows = [value]
        elif isinstance(value, (QuerySet, list, tuple)):
            rows = [row for row in value if isinstance(row, Model)]
        else:
            return []
        return list(dict.fromkeys(m for m in map(self.of, rows) if m))

    def in_block(self, block, value):
        """A StreamField value's refusals as the block errors Wagtail shows at
        each block, or None."""
        if isinstance(value, Model):  # chooser blocks, ImageBlock
            message = self.of(value)
            return forms.ValidationError(message) if message else None
        if isinstance(block, StreamBlock) and value is not None:
            errors = self._children((i, c.block, c.value) for i, c in enumerate(value))
            return StreamBlockValidationError(block_errors=errors) if errors else None
        if isinstance(block, ListBlock) and value is not None:
            errors = self._children((i, block.child_block, v) for i, v in enumerate(value))
            return ListBlockValidationError(block_errors=errors) if errors else None
        if isinstance(block, StructBlock) and hasattr(value, "get"):
            errors = self._children(
                (name, child, value.get(name)) for name, child in block.child_blocks.items()
            )
            return StructBlockValidationError(block_errors=errors) if errors else None
        return None

    def _children(self, children):
        errors = {}
        for key, block, value in children:
            error = self.in_block(block, value)
            if error is not None:
                errors[key] = error
        return errors


def _live_forms(form):
    """The form and its inline children (not those marked for deletion), deep."""
    yield form
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            if child.is_valid() and not child.cleaned_data.get(forms.formsets.DELETION_FIELD_NAME):
                yield from _live_forms(child)


class SiteRelationsMixin:
    """Refuses relations to another site's rows on save; see the module's docstring.

    `relations_site()` names the site the form's row belongs to (None: no
    check). Page forms also set `offers_site_rows` to narrow their choices.
    """

    offers_site_rows = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.offers_site_rows and (site_id := self.relations_site()) is not None:
            offer_site_rows(self, site_id)

    def relations_site(self):
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        site_id = self.relations_site()
        if site_id is not None:
            self.refuse_other_sites_rows(_Refusals(site_id, getattr(self, "for_user", None)))
        return cleaned

    def refuse_other_sites_rows(self, refusals):
        for form in _live_forms(self):
            for name, value in list(form.cleaned_data.items()):
                field = form.fields.get(name)
                if isinstance(field, BlockField):
                    error = refusals.in_block(field.block, value)
                    if error is not None:
                        form.add_error(name, error)
                    continue
                for message in refusals.in_value(value):
                    form.add_error(name, message)


class SitePageRelationsMixin(SiteRelationsMixin):
    """For page forms: the page's site is its own, or its parent's while new."""

    offers_site_rows = True

    def relations_site(self):
        anchor = self.instance if self.instance.pk else self.parent_page
        return site_of(anchor) if anchor is not None else None


class SiteRowRelationsMixin(SiteRelationsMixin):
    """For a row that names its site (a testimonial's `site`, a booking's
    event): the site it is being saved for."""

    def relations_site(self):
        belonging = belonging_of(self._meta.model)
        owner = belonging and (belonging.via_site or belonging.via_page)
        if owner and owner in getattr(self, "cleaned_data", {}):
            chosen = self.cleaned_data[owner]
            return None if chosen is None else site_of(chosen)
        return site_of(self.instance)


class SiteSettingsForm(SiteRowRelationsMixin, WagtailAdminModelForm):
    """For a site's settings: the imprint, privacy and accessibility pages and the
    logo chosen there belong to that site (or are shared)."""
