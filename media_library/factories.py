"""Factories for the media models, shared by the tests and load_demo."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from media_library.models import CustomDocument, CustomImage, Film


class ImageFactory(wagtail_factories.ImageFactory):
    credit = "Foto: Stellwerk-Demo"
    description = factory.Sequence(lambda n: f"Beispielbild {n}")

    class Meta:
        model = CustomImage


class DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = CustomDocument


class FilmFactory(DjangoModelFactory):
    """A film without versions: enough to choose and show, for tests without ffmpeg."""

    title = factory.Sequence(lambda n: f"Film {n}")
    description = "Ein Film über die Arbeit im Amt."
    transcript = "Sprecherin: Willkommen im Amt."

    class Meta:
        model = Film
