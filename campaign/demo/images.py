"""Demo pictures drawn with Pillow: small, reproducible, nothing downloaded.

Each picture is an abstract composition in the employer's colours, so the
demo shows how the site handles images (responsive formats, credits, alt
text) without shipping photographs.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont


def _rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _mix(first, second, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(first, second, strict=True))


def composition(seed, primary, accent, size=(1200, 675)):
    """A layered composition of bands and circles; the same seed gives the same picture."""
    rng = random.Random(seed)
    width, height = size
    base, highlight = _rgb(primary), _rgb(accent)
    picture = Image.new("RGB", size, _mix(base, (255, 255, 255), 0.85))
    draw = ImageDraw.Draw(picture)
    for step in range(6):
        top = rng.randint(0, height)
        colour = _mix(base, (255, 255, 255), 0.15 * step)
        draw.polygon(
            [(0, top), (width, top - rng.randint(100, 300)), (width, height), (0, height)],
            fill=colour,
        )
    for _ in range(5):
        radius = rng.randint(40, 160)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=highlight)
    return picture


def logo(initials, primary):
    picture = Image.new("RGB", (160, 160), _rgb(primary))
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=72)
    draw.text((80, 80), initials, fill=(255, 255, 255), font=font, anchor="mm")
    return picture


def as_file(picture, name, image_format="JPEG"):
    buffer = io.BytesIO()
    options = {"quality": 80, "optimize": True} if image_format == "JPEG" else {"optimize": True}
    picture.save(buffer, image_format, **options)
    return ImageFile(buffer, name=name)
