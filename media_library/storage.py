"""The default file storage: public media in MEDIA_ROOT, restricted media beside it.

A file whose collection carries a view restriction is stored under the name
`restricted/<folder>/<file>`; this storage keeps such names in
RESTRICTED_MEDIA_ROOT, a folder outside MEDIA_ROOT, and answers their URL with
the permission-checking view (`media_library.views.restricted_media`). So a
web server serving MEDIA_ROOT can never hand them out, and every `.url` (image
renditions in `{% image %}`/`{% picture %}`, films, subtitle tracks, the admin's
previews) points to the right place without a query: the name says it all.
Every other name behaves exactly as Django's FileSystemStorage in MEDIA_ROOT.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.urls import reverse

PREFIX = "restricted/"
# Upload folders whose files may be restricted (media_library's images and films).
RESTRICTABLE_FOLDERS = ("original_images", "images", "films", "subtitles")


def is_restricted_name(name):
    return bool(name) and str(name).replace("\\", "/").startswith(PREFIX)


def restricted_name(name):
    return name if is_restricted_name(name) else PREFIX + name


def public_name(name):
    return name[len(PREFIX) :] if is_restricted_name(name) else name


class MediaStorage(Storage):
    def __init__(self):
        self.public = FileSystemStorage()
        # No base URL: these files have none of their own (see url()).
        self.restricted = FileSystemStorage(location=settings.RESTRICTED_MEDIA_ROOT)

    def _route(self, name):
        name = str(name).replace("\\", "/")
        if name.startswith(PREFIX):
            return self.restricted, name[len(PREFIX) :], True
        return self.public, name, False

    def _open(self, name, mode="rb"):
        storage, inner, _ = self._route(name)
        return storage._open(inner, mode)

    def _save(self, name, content):
        storage, inner, restricted = self._route(name)
        saved = storage._save(inner, content)
        return PREFIX + saved if restricted else saved

    def path(self, name):
        storage, inner, _ = self._route(name)
        return storage.path(inner)

    def delete(self, name):
        storage, inner, _ = self._route(name)
        storage.delete(inner)

    def exists(self, name):
        storage, inner, _ = self._route(name)
        return storage.exists(inner)

    def listdir(self, path):
        storage, inner, _ = self._route(path)
        return storage.listdir(inner)

    def size(self, name):
        storage, inner, _ = self._route(name)
        return storage.size(inner)

    def url(self, name):
        storage, inner, restricted = self._route(name)
        if not restricted:
            return storage.url(inner)
        return reverse("restricted_media", kwargs={"path": inner})

    def get_accessed_time(self, name):
        storage, inner, _ = self._route(name)
        return storage.get_accessed_time(inner)

    def get_created_time(self, name):
        storage, inner, _ = self._route(name)
        return storage.get_created_time(inner)

    def get_modified_time(self, name):
        storage, inner, _ = self._route(name)
        return storage.get_modified_time(inner)
