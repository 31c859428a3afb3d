"""Marks the words of a search in result titles and excerpts.

PostgreSQL finds "Verwaltungen" for "Verwaltung" by stemming; the marking
follows suit by matching words that start with each search word's stem.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# Common German inflection endings, stripped from longer words only.
ENDINGS = re.compile(r"(?:en|er|es|em|e|n|s)$")
EXCERPT_WORDS = 40


def search_pattern(query):
    """A compiled pattern for the words of `query`, or None."""
    stems = []
    for word in re.findall(r"\w+", query or ""):
        word = word.lower()
        if len(word) < 2:
            continue
        stem = ENDINGS.sub("", word) if len(word) > 5 else word
        stems.append(re.escape(stem))
    if not stems:
        return None
    return re.compile(
        r"(?<!\w)(?:" + "|".join(sorted(stems, key=len, reverse=True)) + r")\w*", re.I
    )


@register.filter
def highlight(text, pattern):
    """Escaped text with every match in <mark>."""
    text = str(text or "")
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


@register.filter
def excerpt(text, pattern):
    """About forty words of `text`, around the first match when it lies further in."""
    words = str(text or "").split()
    start = 0
    if pattern is not None:
        for index, word in enumerate(words):
            if pattern.search(word):
                start = max(0, index - 10) if index >= EXCERPT_WORDS else 0
                break
    chosen = words[start : start + EXCERPT_WORDS]
    prefix = "… " if start else ""
    suffix = " …" if start + EXCERPT_WORDS < len(words) else ""
    return prefix + " ".join(chosen) + suffix
