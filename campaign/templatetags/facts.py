"""One entry of a facts list (a `dt`/`dd` pair) whose value is markup.

A plain value goes through `{% include "includes/fact.html" with key=… value=… %}`;
a value with links, lists or translations cannot be passed to an include, so
`{% fact key %}…{% endfact %}` renders its body and hands it to the same
include: the pair's markup exists once.
"""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

FACT_TEMPLATE = "includes/fact.html"


class FactNode(template.Node):
    def __init__(self, key, nodelist):
        self.key = key
        self.nodelist = nodelist

    def render(self, context):
        include = context.template.engine.get_template(FACT_TEMPLATE)
        # The body was escaped while it rendered; the layout's line breaks and
        # indentation around it are not part of the value.
        value = mark_safe(self.nodelist.render(context).strip())
        with context.push(key=self.key.resolve(context), value=value):
            return include.render(context)


@register.tag
def fact(parser, token):
    """`{% fact _("Beginn") %}<time …>…</time>{% endfact %}`"""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} erwartet genau einen Schlüssel.")
    nodelist = parser.parse(("endfact",))
    parser.delete_first_token()
    return FactNode(parser.compile_filter(bits[1]), nodelist)
