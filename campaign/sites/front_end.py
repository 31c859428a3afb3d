"""The vendored front end in static/vendor/kern/, built from node_modules by `make static`.

A phone on a mobile connection pays for every byte of the first view, so the
build ships only what the pages use:

- Fira Sans in the five faces our CSS asks for (KERN's label, heading and body
  weights, our bold and italic), each cut to the characters German and English
  pages are written in: 18 KB a face instead of 130 KB.
- A fallback face per face, the visitor's own Arial (or its metric twin
  Liberation Sans) scaled to Fira Sans's widths and heights: text shown before
  the font arrives takes the same room, so swapping it in shifts no layout.
- KERN's stylesheet without the rules of components no template, Python
  module or script of ours names (PurgeCSS), a fifth of its size, with the
  faces' @font-face rules in front and our own stylesheets behind, in one
  file: every page waits for one stylesheet of the site's, not four (and the
  employer's few colours of /theme.css).

The output depends only on its inputs (fontTools writes no timestamps), so
collectstatic's hashed names change only when KERN, a template or this file does.
"""

import logging
import re
import subprocess
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

KERN_PACKAGE = Path("node_modules/@kern-ux/native/dist")
OUTPUT = Path("static/vendor/kern")
STYLESHEET = "stellwerk.min.css"  # in OUTPUT, beside the fonts its rules name
# Ours, after KERN's rules, which they refine; each page type's rules are
# scoped to its own classes, so every page can carry them all.
OWN_STYLESHEETS = [
    Path("static/css/stellwerk.css"),
    Path("careers/static/careers/css/careers.css"),
    Path("static/css/easy-language.css"),
]
FONT_FOLDER = "fonts/fira-sans"

# (file name in KERN's package, CSS weight, CSS style): the faces the pages use.
FACES = [
    ("FiraSans-Regular", 400, "normal"),
    ("FiraSans-Italic", 400, "italic"),
    ("FiraSans-Medium", 500, "normal"),
    ("FiraSans-SemiBold", 600, "normal"),
    ("FiraSans-Bold", 700, "normal"),
]
FALLBACK_FAMILY = "Fira Sans Fallback"
# The local face that stands in for each Fira face until it has loaded: names
# for local(), and its average advance width over FALLBACK_SAMPLE in em.
# Arial and Liberation Sans share their metrics; the widths are measured from
# Liberation Sans (tests/campaign/sites/test_front_end.py measures them again).
ARIAL = {
    "names": ("Arial", "ArialMT", "Helvetica", "Liberation Sans", "LiberationSans"),
    "width": 0.46377,
}
ARIAL_BOLD = {
    "names": ("Arial Bold", "Arial-BoldMT", "Helvetica Bold", "LiberationSans-Bold"),
    "width": 0.49606,
}
ARIAL_ITALIC = {
    "names": ("Arial Italic", "Arial-ItalicMT", "Helvetica Oblique", "LiberationSans-Italic"),
    "width": 0.46377,
}
FALLBACK_FACES = {
    "FiraSans-Regular": ARIAL,
    "FiraSans-Italic": ARIAL_ITALIC,
    "FiraSans-Medium": ARIAL,
    "FiraSans-SemiBold": ARIAL_BOLD,
    "FiraSans-Bold": ARIAL_BOLD,
}
# Text of the kind the pages carry, whose average letter width the fallback matches.
FALLBACK_SAMPLE = (
    "Wir suchen Sachbearbeiterinnen und Sachbearbeiter für das Wohngeld im Bezirksamt "
    "Mitte von Berlin. Bewerbungsfrist, Bezahlung nach TV-L E 9b, Arbeitszeit 39,4 "
    "Stunden in der Woche."
)
# Above the fold on every page: body text, and headings, labels and buttons.
PRELOADED_FACES = ["FiraSans-Regular", "FiraSans-SemiBold"]

# Latin-1 (German umlauts and ß, French and Spanish accents in names), the rest
# of Windows-1252 (Œ Š Ž Ÿ ƒ), capital ẞ, and the typography of German and
# English text: dashes, all quotation marks, ellipsis, bullets, spaces, €, ™,
# arrows, minus, ≈ ≤ ≥. A character outside comes from the fallback font.
CHARACTERS = [
    (0x20, 0x7E),
    (0xA0, 0xFF),
    (0x131, 0x131),
    (0x152, 0x153),
    (0x160, 0x161),
    (0x178, 0x178),
    (0x17D, 0x17E),
    (0x192, 0x192),
    (0x2C6, 0x2C6),
    (0x2DA, 0x2DA),
    (0x2DC, 0x2DC),
    (0x1E9E, 0x1E9E),
    (0x2009, 0x200B),
    (0x2010, 0x2014),
    (0x2018, 0x201A),
    (0x201C, 0x201E),
    (0x2020, 0x2022),
    (0x2026, 0x2026),
    (0x202F, 0x202F),
    (0x2030, 0x2030),
    (0x2039, 0x203A),
    (0x2044, 0x2044),
    (0x20AC, 0x20AC),
    (0x2122, 0x2122),
    (0x2190, 0x2193),
    (0x2212, 0x2212),
    (0x2248, 0x2248),
    (0x2264, 0x2265),
]

# Where class names and element names come from. Anything that writes a KERN
# class must be in here, or its rules are dropped.
CONTENT = [
    "templates/**/*.html",
    "*/templates/**/*.html",
    "campaign/**/*.py",
    "careers/**/*.py",
    "media_library/**/*.py",
    "static/css/**/*.css",
    "static/**/*.js",
    "*/static/**/*.js",
]
# Elements that editors' rich text and embeds bring, which no template names.
RICH_TEXT_ELEMENTS = (  # noqa: SIM905 (a list of words reads better as words)
    "h2 h3 h4 h5 h6 p a ul ol li b i strong em hr br blockquote table thead tbody tfoot tr th td "
    "caption sup sub code pre figure figcaption img picture abbr small iframe"
).split()


# PurgeCSS drops every rule with an :is() list followed by :not(), whatever it
# names: in KERN that is the body's colours (its themes and layers). Such rules
# are kept whole.
UNJUDGED_SELECTOR = re.compile(r"(?<=[}{])([^{}@]*:is\([^{}]*\)[^{}]*)\{")


def build(base_dir):
    """Write the subset fonts and the site's one stylesheet under base_dir/static/vendor/kern/."""
    base_dir = Path(base_dir)
    output = base_dir / OUTPUT
    (output / FONT_FOLDER).mkdir(parents=True, exist_ok=True)
    for name, _weight, _style in FACES:
        subset_font(
            base_dir / KERN_PACKAGE / FONT_FOLDER / f"{name}.woff2",
            output / FONT_FOLDER / f"{name}.woff2",
        )
    stylesheet = purged_kern_css(base_dir)
    fallbacks = fallback_font_faces(base_dir / KERN_PACKAGE / FONT_FOLDER)
    # After KERN's own :root, which names Fira Sans alone.
    family = (
        ":root{--kern-typography-font-family-fira-sans:"
        f"'Fira Sans','{FALLBACK_FAMILY}',sans-serif}}\n"
    )
    own = "".join((base_dir / path).read_text(encoding="utf-8") for path in OWN_STYLESHEETS)
    (output / STYLESHEET).write_text(
        font_faces() + fallbacks + stylesheet + family + own, encoding="utf-8"
    )


def subset_font(source, target):
    options = subset.Options()
    options.flavor = "woff2"
    # Browsers set list numbers in tabular figures (::marker); the default keeps only proportional.
    options.layout_features += ["tnum"]
    # fontTools warns about the source's OS/2 table, which the subset keeps as it is.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(
        unicodes=[code for first, last in CHARACTERS for code in range(first, last + 1)]
    )
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def font_faces():
    """@font-face rules for the faces, with swap: text shows at once in the fallback font."""
    rules = [
        "@font-face{font-family:'Fira Sans';"
        f"src:url(\"{FONT_FOLDER}/{name}.woff2\") format('woff2');"
        f"font-weight:{weight};font-style:{style};font-display:swap}}"
        for name, weight, style in FACES
    ]
    return '@charset "UTF-8";' + "".join(rules) + "\n"


def average_width(font, text=FALLBACK_SAMPLE):
    """The average advance width of the text's characters in the font, in em."""
    advances = font["hmtx"].metrics
    glyphs = font.getBestCmap()
    total = sum(advances[glyphs[ord(character)]][0] for character in text)
    return total / len(text) / font["head"].unitsPerEm


def fallback_font_faces(font_folder):
    """@font-face rules of FALLBACK_FAMILY: per Fira face a local face scaled to
    its letter widths (size-adjust), with Fira's ascent and descent (which the
    local face's own would change the line boxes)."""
    rules = []
    for name, weight, style in FACES:
        local = FALLBACK_FACES[name]
        fira = TTFont(font_folder / f"{name}.woff2")
        size = average_width(fira) / local["width"]
        units = fira["head"].unitsPerEm
        header = fira["hhea"]
        sources = ",".join(f"local('{face}')" for face in local["names"])
        rules.append(
            f"@font-face{{font-family:'{FALLBACK_FAMILY}';src:{sources};"
            f"font-weight:{weight};font-style:{style};size-adjust:{size:.4%};"
            f"ascent-override:{header.ascent / units / size:.4%};"
            f"descent-override:{-header.descent / units / size:.4%};"
            f"line-gap-override:{header.lineGap / units / size:.4%}}}"
        )
    return "".join(rules) + "\n"


def purged_kern_css(base_dir):
    """KERN's stylesheet with the rules for selectors our content names; custom
    properties all stay (our CSS and the employers' themes use KERN's tokens)."""
    purgecss = base_dir / "node_modules/.bin/purgecss"
    kern = (base_dir / KERN_PACKAGE / "kern.min.css").read_text(encoding="utf-8")
    kern = UNJUDGED_SELECTOR.sub(r"\1{/*! purgecss ignore current */", kern)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source" / "kern.min.css"
        source.parent.mkdir()
        source.write_text(kern, encoding="utf-8")
        subprocess.run(
            [
                str(purgecss),
                "--css",
                str(source),
                "--content",
                *CONTENT,
                "--safelist",
                *RICH_TEXT_ELEMENTS,
                "--output",
                folder,
            ],
            cwd=base_dir,
            check=True,
        )
        stylesheet = (Path(folder) / "kern.min.css").read_text(encoding="utf-8")
    return stylesheet.removeprefix('@charset "UTF-8";')
