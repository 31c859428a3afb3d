"""Admin views of the media library that differ from Wagtail's and wagtailmedia's.

Wagtail's upload views answer a refused upload with 422 instead of 200: the
form and its German messages are Wagtail's page as ever; only the status
tells scripts, tests and monitoring that nothing was saved. The multiple
uploader keeps Wagtail's JSON answer (`success: false` with the message)
with status 200, because Wagtail's upload script shows the message only from
a successful response.

A film's edit view is wagtailmedia's, save for its file check: wagtailmedia
looks for the media item's own file, which a Film has not (its versions
carry the files), and so warned "file not found" on every working film.
This one looks at the versions' files and names a missing one.
"""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.documents.views import documents
from wagtail.images.views import images
from wagtail.search.backends import get_search_backends
from wagtailmedia.forms import get_media_form
from wagtailmedia.views.media import permission_checker

from media_library.models import Film

REFUSED = 422


class RefusingMixin:
    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = REFUSED
        return response


class ImageCreateView(RefusingMixin, images.CreateView):
    pass


class DocumentCreateView(RefusingMixin, documents.CreateView):
    pass


@permission_checker.require("change")
def edit_film(request, media_id):
    film = get_object_or_404(Film, id=media_id)
    if not permission_checker.policy.user_has_permission_for_instance(request.user, "change", film):
        return permission_denied(request)
    form_class = get_media_form(Film)
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, instance=film, user=request.user)
        if form.is_valid():
            film = form.save()
            for backend in get_search_backends():
                backend.add(film)
            messages.success(request, _("Film „%(title)s“ gespeichert.") % {"title": film.title})
            return redirect("wagtailmedia:index")
        messages.error(
            request, _("Der Film konnte wegen der markierten Fehler nicht gespeichert werden.")
        )
    else:
        form = form_class(instance=film, user=request.user)
    for version in film.versions.all():
        if not _file_exists(version.file):
            messages.error(
                request,
                _("Die Datei der %(kind)s fehlt. Bitte laden Sie sie erneut hoch.")
                % {"kind": version.get_kind_display()},
            )
    return render(
        request,
        "wagtailmedia/media/edit.html",
        {
            "media": film,
            "form": form,
            "user_can_delete": permission_checker.policy.user_has_permission_for_instance(
                request.user, "delete", film
            ),
        },
    )


def _file_exists(field):
    try:
        return bool(field) and field.storage.exists(field.name)
    except (OSError, ValueError):
        return False
