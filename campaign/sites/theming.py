"""Brand colours of an employer, checked for WCAG contrast and turned into CSS.

The colours replace KERN's action and brand tokens, so links and buttons take
the employer's colour; a colour that is too light for text on white is refused
where the editor enters it rather than discovered by an audit later.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

MIN_TEXT_CONTRAST = 4.5  # WCAG 2.1 AA for normal text

hex_colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$",
    _("Bitte eine Farbe im Format #RRGGBB angeben, z. B. #004b87."),
)


def relative_luminance(hex_colour):
    def channel(value):
        value = value / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_text_colour_on_white(hex_colour):
    hex_colour_validator(hex_colour)
    ratio = contrast_ratio(hex_colour, "#ffffff")
    if ratio < MIN_TEXT_CONTRAST:
        raise ValidationError(
            _(
                "Diese Farbe ist auf weißem Grund zu schwach (Kontrast %(ratio).1f : 1, "
                "nötig sind mindestens 4,5 : 1). Bitte eine dunklere Farbe wählen."
            ),
            params={"ratio": ratio},
            code="contrast",
        )


def theme_css(primary, accent):
    """The custom properties that dress KERN in an employer's colours."""
    # The brand band keeps its colours in both schemes (white on brand passes
    # the check above); KERN's action tokens only change in the light scheme,
    # where the contrast check applies: the dark scheme keeps KERN's own.
    return (
        ":root {\n"
        f"  --stellwerk-brand: {primary};\n"
        f"  --stellwerk-accent: {accent};\n"
        "}\n"
        "@media not (prefers-color-scheme: dark) {\n"
        "  :root {\n"
        f"    --kern-color-action-default: {primary};\n"
        f"    --kern-color-decorative-brand-default: {accent};\n"
        "  }\n"
        "}\n"
    )
