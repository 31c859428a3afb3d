"""Which images a site shows: the basis of its "Bildnachweise" page.

Wagtail's ReferenceIndex records every image a page refers to, in its fields
and StreamField blocks; site settings (the employer's logo) are read from
their image fields. The lookups are a fixed number of queries however many
pages and images a site has.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex


def _as_ids(queryset):
    return queryset.annotate(id_text=Cast("pk", output_field=CharField())).values("id_text")


def images_used_on_site(site, renditions=()):
    """Images on the site's live public pages and in its site settings, still usable.

    `renditions`: filter specs to fetch with the images (one more query in all).
    """
    image_model = get_image_model()
    pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
    referenced = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=_as_ids(pages),
        to_content_type=ContentType.objects.get_for_model(image_model),
    ).values_list("to_object_id", flat=True)
    ids = {int(value) for value in referenced if value.isdigit()}
    ids |= _images_in_site_settings(site, image_model)
    images = image_model.objects.filter(pk__in=ids).order_by("credit", "title")
    if renditions:
        images = images.prefetch_renditions(*renditions)
    return [image for image in images if not image.rights_expired()]


def _images_in_site_settings(site, image_model):
    """Images chosen in site settings (a logo): the ReferenceIndex skips settings.

    One query per settings model that has an image field, however many images.
    """
    ids = set()
    for model in settings_registry:
        if not issubclass(model, BaseSiteSetting):
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is image_model
        ]
        if fields:
            for row in model.objects.filter(site=site).values_list(*fields):
                ids.update(value for value in row if value is not None)
    return ids
