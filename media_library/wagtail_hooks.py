from django.urls import path
from wagtail import hooks

from media_library import admin_views


@hooks.register("register_admin_urls")
def upload_views_that_refuse_with_4xx():
    # Registered before wagtail.images / wagtail.documents (INSTALLED_APPS
    # order), so these paths win; reverse("wagtailimages:add") still points here.
    return [
        path("images/add/", admin_views.ImageCreateView.as_view(), name="media_library_image_add"),
        path(
            "documents/add/",
            admin_views.DocumentCreateView.as_view(),
            name="media_library_document_add",
        ),
    ]
