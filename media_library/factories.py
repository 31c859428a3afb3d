"""Factories for the media models, shared by the tests and load_demo."""

import factory
import wagtail_factories

from media_library.models import CustomDocument, CustomImage


class ImageFactory(wagtail_factories.ImageFactory):
    credit = "Foto: Stellwerk-Demo"
    description = factory.Sequence(lambda n: f"Beispielbild {n}")

    class Meta:
        model = CustomImage


class DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = CustomDocument
