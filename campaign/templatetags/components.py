"""Markup that pages repeat, kept once in an include, for values that are markup.

A plain value goes through the include itself (`{% include "includes/fact.html"
with key=… value=… %}`); a value with links, lists or translations cannot be
passed to an include, so these block tags render their body and hand it to the
same include.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page

register = template.Library()


def _render_body(nodelist, context):
    # The body was escaped while it rendered; the layout's line breaks and
    # indentation around it are not part of the value.
    return mark_safe(nodelist.render(context).strip())


def _render_include(context, template_name, **values):
    include = context.template.engine.get_template(template_name)
    with context.push(**values):
        return include.render(context)


class FactNode(template.Node):
    def __init__(self, key, nodelist):
        self.key = key
        self.nodelist = nodelist

    def render(self, context):
        return _render_include(
            context,
            "includes/fact.html",
            key=self.key.resolve(context),
            value=_render_body(self.nodelist, context),
        )


@register.tag
def fact(parser, token):
    """One entry of a facts list: `{% fact _("Beginn") %}<time …>…</time>{% endfact %}`."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} erwartet genau einen Schlüssel.")
    nodelist = parser.parse(("endfact",))
    parser.delete_first_token()
    return FactNode(parser.compile_filter(bits[1]), nodelist)


class TeaserCardNode(template.Node):
    def __init__(self, url, title, level, meta, body):
        self.url, self.title, self.level = url, title, level
        self.meta, self.body = meta, body

    def render(self, context):
        target = self.url.resolve(context)
        return _render_include(
            context,
            "includes/teaser_card.html",
            # A page is linked as {% pageurl %} links it; anything else is an address.
            card_page=target if isinstance(target, Page) else None,
            card_url=target,
            card_title=self.title.resolve(context),
            card_level=self.level.resolve(context),
            card_meta=_render_body(self.meta, context) if self.meta else "",
            card_body=_render_body(self.body, context),
        )


@register.tag
def teaser_card(parser, token):
    """A linked card in a list of teasers (includes/teaser_card.html):

        {% teaser_card page_or_url title heading_level %}
            {% card_meta %}<time …>…</time>{% end_card_meta %}
            <p class="kern-body">{{ lead }}</p>
        {% end_teaser_card %}

    The optional `card_meta` goes under the title; the rest is the card's body,
    left out when it renders empty.
    """
    bits = token.split_contents()
    if len(bits) != 4:
        raise template.TemplateSyntaxError(
            f"{bits[0]} erwartet Adresse, Titel und Überschriftenebene."
        )
    url, title, level = (parser.compile_filter(bit) for bit in bits[1:])
    meta = None
    body = parser.parse(("card_meta", "end_teaser_card"))
    if parser.next_token().contents == "card_meta":
        meta = parser.parse(("end_card_meta",))
        parser.delete_first_token()
        body = parser.parse(("end_teaser_card",))
        parser.delete_first_token()
    return TeaserCardNode(url, title, level, meta, body)
