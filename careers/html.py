"""Reduce rich text to the HTML Google reads in a JobPosting description: p, ul, li.

Other elements are unwrapped (their text stays), headings become paragraphs,
ordered lists become unordered ones, attributes are dropped.
"""

from html import escape
from html.parser import HTMLParser

KEEP = {"p": "p", "ul": "ul", "li": "li", "ol": "ul"}
AS_PARAGRAPH = {"h2", "h3", "h4", "h5", "h6", "blockquote"}
DROP_WITH_CONTENT = {"script", "style", "template"}


class _Limiter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROP_WITH_CONTENT:
            self.dropping += 1
        elif self.dropping:
            return
        elif tag in KEEP:
            self.out.append(f"<{KEEP[tag]}>")
        elif tag in AS_PARAGRAPH:
            self.out.append("<p>")
        elif tag == "br":
            self.out.append(" ")

    def handle_endtag(self, tag):
        if tag in DROP_WITH_CONTENT:
            self.dropping = max(0, self.dropping - 1)
        elif self.dropping:
            return
        elif tag in KEEP:
            self.out.append(f"</{KEEP[tag]}>")
        elif tag in AS_PARAGRAPH:
            self.out.append("</p>")

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(escape(data, quote=False))


def limit_html(html):
    parser = _Limiter()
    parser.feed(html or "")
    parser.close()
    return "".join(parser.out).strip()
