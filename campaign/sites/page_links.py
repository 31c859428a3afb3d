"""Page links in rich text, in the reader's language, for all links of a text at once.

Wagtail's own handler asks each linked page for its version in the active
language (`page.localized`), which looks the active locale up once per link:
a text with twenty links cost twenty queries. This one reads each page's
language from the cached site root paths and fetches the translations of
the pages in other languages in one query, none when all are in the reader's.
"""

from django.utils import translation
from django.utils.html import escape
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from campaign.sites.page_languages import language_of


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        active = get_supported_content_language_variant(translation.get_language())
        elsewhere = {page.translation_key for page in pages if page and language_of(page) != active}
        translated = {}
        if elsewhere:
            versions = Page.objects.filter(
                translation_key__in=elsewhere, locale__language_code=active
            ).live()
            translated = {version.translation_key: version for version in versions}
        return [
            f'<a href="{escape(translated.get(page.translation_key, page).url)}">'
            if page
            else "<a>"
            for page in pages
        ]
