"""Page forms that keep an employer's pages to that employer's snippets."""

from django.core.exceptions import FieldDoesNotExist
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Site

SITE_FIELD = "site"


class SitePageForm(WagtailAdminPageForm):
    """A page's choices of site-scoped snippets (e.g. a press release's media
    contact) offer only those of the page's own site; another site's, posted
    anyway, fails validation as an invalid choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anchor = self.parent_page if self.instance.pk is None else self.instance
        site = anchor.get_site() if anchor is not None else None
        if site is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and _has_site(queryset.model):
                field.queryset = queryset.filter(**{SITE_FIELD: site})


def _has_site(model):
    try:
        return model._meta.get_field(SITE_FIELD).related_model is Site
    except FieldDoesNotExist:
        return False
