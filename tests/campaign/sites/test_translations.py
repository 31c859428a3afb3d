import shutil
import subprocess

from django.conf import settings
from django.utils import translation

from tests.support import skip_unless_available

CATALOGUE = settings.BASE_DIR / "campaign" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_english_catalogue_is_complete():
    skip_unless_available(shutil.which("msgfmt"), "msgfmt fehlt: apt-get install gettext")

    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=True,
    )

    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


def test_interface_strings_switch_to_english():
    with translation.override("en"):
        assert translation.gettext("Zum Inhalt springen") == "Skip to content"
    with translation.override("de"):
        assert translation.gettext("Zum Inhalt springen") == "Zum Inhalt springen"


# Tables no admin form shows: renditions, the search index's facets, the tag
# through model, a calendar's generated PDF; and the image fields Wagtail's
# forms keep hidden (the focal point is set by dragging, a film is always video).
NOT_IN_FORMS = {
    "media_library.CustomRendition",
    "careers.SearchFacet",
    "careers.JobFieldTag",
    "campaign.CalendarPdf",
    "media_library.CustomImage.focal_point_x",
    "media_library.CustomImage.focal_point_y",
    "media_library.CustomImage.focal_point_width",
    "media_library.CustomImage.focal_point_height",
    "media_library.Film.type",
}


def _admin_labels():
    """Every label, help text and choice our models and StreamField blocks give the admin."""
    from django.apps import apps
    from wagtail import blocks
    from wagtail.fields import StreamField

    def of_block(block, where):
        yield where, block.label
        yield where, getattr(block.meta, "help_text", None)
        for name, child in (getattr(block, "child_blocks", None) or {}).items():
            yield from of_block(child, f"{where}.{name}")
        if isinstance(block, blocks.ListBlock):
            yield from of_block(block.child_block, f"{where}.[]")

    for model in apps.get_models():
        if model._meta.app_label not in ("campaign", "careers", "media_library"):
            continue
        if model._meta.label in NOT_IN_FORMS:
            continue
        yield model._meta.label, model._meta.verbose_name
        yield model._meta.label, model._meta.verbose_name_plural
        for field in model._meta.get_fields():
            where = f"{model._meta.label}.{field.name}"
            if not _shown_in_forms(field, model) or where in NOT_IN_FORMS:
                continue
            yield where, field.verbose_name
            yield where, field.help_text
            if isinstance(field, StreamField):
                yield from of_block(field.stream_block, where)


def _shown_in_forms(field, model):
    """A field of our own the admin's forms show: not Wagtail's page fields, not
    the hidden order and parent of inline rows."""
    from modelcluster.fields import ParentalKey

    return (
        getattr(field, "concrete", False)
        and not field.auto_created
        and field.editable
        and field.model is model
        and field.name != "sort_order"
        and not isinstance(field, ParentalKey)
    )


def test_every_admin_label_of_ours_has_an_english_translation():
    """A label the catalogue misses (or that gettext never saw) shows German in the
    English admin; one Django made from a field's name shows English in the German one."""
    missing = []
    for where, label in _admin_labels():
        if not label:
            continue
        with translation.override("de"):
            german = str(label)
        with translation.override("en"):
            english = str(label)
        if english == german and german not in _english_catalogue():
            missing.append(f"{where}: {german!r}")

    assert not missing, "\n".join(sorted(set(missing)))


def _english_catalogue():
    import gettext

    with open(CATALOGUE.with_suffix(".mo"), "rb") as file:
        return set(gettext.GNUTranslations(file)._catalog)
