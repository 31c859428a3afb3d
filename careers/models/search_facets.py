"""The search's facet values of each job posting and job field, one row per value.

Counting what each facet choice would find is then a GROUP BY in the
database, however many pages there are (careers/search.py). The rows
mirror the page's own columns and relations, kept current when a page,
job category or site is saved (careers/facets.py); whether a page is live,
public and still open is not stored but asked at search time, so
publishing, unpublishing and deadlines need no update here.
"""

from django.db import models


class SearchFacetsMixin:
    """For the page types with facet rows: each save writes them anew."""

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        from careers.facets import page_saved

        page_saved(self, kwargs.get("update_fields"))
        return result


class SearchFacet(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    parameter = models.CharField(max_length=20)
    value = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "parameter", "value"], name="unique_search_facet_value"
            )
        ]
        indexes = [models.Index(fields=["parameter", "value"], name="search_facet_lookup")]

    def __str__(self):
        return f"{self.page_id}: {self.parameter}={self.value}"
