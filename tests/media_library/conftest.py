import pytest
from wagtail.models import Collection


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


@pytest.fixture
def post_image(admin_client, root_collection):
    """POST an image to the admin's add view as a logged-in superuser."""
    from django.urls import reverse

    def post(file, **fields):
        data = {
            "title": "Testbild",
            "description": "Drei Beschäftigte vor dem Rathaus Tiergarten",
            "credit": "Foto: Testfotografin",
            "licence": "cc-by",
            "collection": root_collection.pk,
            "file": file,
            **fields,
        }
        return admin_client.post(reverse("wagtailimages:add"), data)

    return post


@pytest.fixture
def post_document(admin_client, root_collection):
    from django.urls import reverse

    def post(file, **fields):
        data = {
            "title": "Testdokument",
            "language": "de",
            "collection": root_collection.pk,
            "file": file,
            **fields,
        }
        return admin_client.post(reverse("wagtaildocs:add"), data)

    return post
