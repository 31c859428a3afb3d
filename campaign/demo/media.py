"""The last demo step: each site's pictures and films go into that site's collection.

The builders make media before the sites' collections exist, and the editor
groups may choose media only from their own site's collection (campaign.sites.roles).
What one site alone uses (its pages through Wagtail's reference index, its
testimonials' photos, its logo) is filed there; anything shared stays in the
root collection.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex, Site
from wagtailmedia.models import get_media_model

from campaign.models import EmployerDirectoryPage, EmployerSettings, Testimonial
from campaign.sites.roles import site_collection
from media_library.models import CustomImage


def file_by_site(port=8000, log=print):
    """Move media used by exactly one employer's site into its collection."""
    film_model = get_media_model()
    users = {CustomImage: defaultdict(set), film_model: defaultdict(set)}
    sites = [
        site
        for site in Site.objects.select_related("root_page")
        if not isinstance(site.root_page.specific, EmployerDirectoryPage)
    ]
    for site in sites:
        for model, used in users.items():
            for pk in _used_by_pages(site, model):
                used[pk].add(site.pk)
        for pk in Testimonial.objects.filter(site=site).values_list("photo_id", flat=True):
            users[CustomImage][pk].add(site.pk)
        for pk in EmployerSettings.objects.filter(site=site).values_list("logo_id", flat=True):
            users[CustomImage][pk].add(site.pk)
    by_pk = {site.pk: site for site in sites}
    moved = 0
    for model, used in users.items():
        for pk, site_pks in used.items():
            if pk is None or len(site_pks) != 1:
                continue
            collection = site_collection(by_pk[next(iter(site_pks))])
            moved += (
                model.objects.filter(pk=pk)
                .exclude(collection=collection)
                .update(collection=collection)
            )
    log(f"Medien: {moved} in die Sammlungen ihrer Website verschoben")


def _used_by_pages(site, model):
    page_ids = site.root_page.get_descendants(inclusive=True).values_list("pk", flat=True)
    return {
        int(pk)
        for pk in ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(model),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in page_ids],
        ).values_list("to_object_id", flat=True)
    }
