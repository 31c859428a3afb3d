"""Numbers in the admin's messages as the reader's language writes them."""

from django.utils.formats import number_format


def grouped_number(value):
    """48000000 → "48.000.000" in German, "48,000,000" in English (grouping forced:
    Django groups thousands only with USE_THOUSAND_SEPARATOR)."""
    return number_format(value, force_grouping=True)
