"""campaign/sites/front_end.py: the fallback faces stand in for Fira Sans at its size."""

from pathlib import Path

from fontTools.ttLib import TTFont

from campaign.sites import front_end
from tests.support import skip_unless_available

LIBERATION = Path("/usr/share/fonts/truetype/liberation")


def test_the_fallback_widths_are_those_of_arial():
    """Arial's widths are constants (it is no free font); Liberation Sans has its metrics."""
    skip_unless_available(
        LIBERATION.is_dir(), "Liberation Sans fehlt (apt-get install fonts-liberation)"
    )
    for local, file in (
        (front_end.ARIAL, "LiberationSans-Regular.ttf"),
        (front_end.ARIAL_BOLD, "LiberationSans-Bold.ttf"),
        (front_end.ARIAL_ITALIC, "LiberationSans-Italic.ttf"),
    ):
        measured = front_end.average_width(TTFont(LIBERATION / file))
        assert abs(measured - local["width"]) < 0.0001, file
