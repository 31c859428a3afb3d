import pytest
from django.core.exceptions import ValidationError

from campaign.sites.theming import contrast_ratio, theme_css, validate_text_colour_on_white


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_dark_brand_colour_is_accepted():
    validate_text_colour_on_white("#1d4f91")


@pytest.mark.parametrize("colour", ["#ffcc00", "#a0a0a0"])
def test_light_brand_colour_is_refused_with_a_german_message(colour):
    with pytest.raises(ValidationError) as error:
        validate_text_colour_on_white(colour)

    assert "zu schwach" in error.value.messages[0]


@pytest.mark.parametrize("colour", ["red", "#12345", "#gggggg", "1d4f91"])
def test_malformed_colour_is_refused(colour):
    with pytest.raises(ValidationError) as error:
        validate_text_colour_on_white(colour)

    assert "#RRGGBB" in error.value.messages[0]


def test_theme_css_sets_kern_tokens_only_outside_dark_mode():
    css = theme_css("#1d4f91", "#d4002d")

    light_part = css.split("@media not (prefers-color-scheme: dark)")[1]
    assert "--kern-color-action-default: #1d4f91" in light_part
    assert "--stellwerk-brand: #1d4f91" in css
