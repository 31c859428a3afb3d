from functools import partial

from django.db import transaction
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.images.views.bulk_actions.add_to_collection import AddToCollectionBulkAction

from media_library import admin_views, privacy
from media_library.batch import SetBatchDetailsBulkAction, batch_uploads


@hooks.register("register_admin_urls")
def upload_views_that_refuse_with_4xx():
    # Registered before wagtail.images / wagtail.documents (INSTALLED_APPS
    # order), so these paths win; reverse("wagtailimages:add") still points here.
    return [
        path("images/add/", admin_views.ImageCreateView.as_view(), name="media_library_image_add"),
        path("images/multiple/angaben/", batch_uploads, name="media_library_batch_uploads"),
        path(
            "documents/add/",
            admin_views.DocumentCreateView.as_view(),
            name="media_library_document_add",
        ),
        # Ahead of wagtailmedia's own, so reverse("wagtailmedia:edit") lands here.
        path("media/edit/<int:media_id>/", admin_views.edit_film, name="media_library_film_edit"),
    ]


@hooks.register("insert_global_admin_css")
def multiple_upload_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("media_library/css/multiple-upload.css")
    )


@hooks.register("after_bulk_action")
def move_files_of_images_moved_in_bulk(request, action_type, objects, action):
    # Wagtail's "add to collection" changes rows with update(), so no
    # post_save tells media_library.signals; the files follow here instead.
    if isinstance(action, AddToCollectionBulkAction):
        for image in objects:
            transaction.on_commit(partial(privacy.sync_image, image.pk))


hooks.register("register_bulk_action", SetBatchDetailsBulkAction)


@hooks.register("insert_global_admin_js")
def batch_details_link_in_the_multiple_uploader():
    # The script acts only on the multiple uploader's page (it looks for its list).
    return format_html(
        '<script src="{}" data-url="{}" data-next="{}" data-label="{}" defer></script>',
        static("media_library/js/batch-details.js"),
        reverse("media_library_batch_uploads"),
        reverse("wagtailimages:index"),
        gettext("Angaben für alle hochgeladenen Bilder setzen"),
    )
