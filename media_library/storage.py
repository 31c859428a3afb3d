"""The default file storage: public media in MEDIA_ROOT, restricted media beside it.

A file whose collection carries a view restriction is stored under the name
`restricted/<folder>/<file>`; this storage keeps such names in
RESTRICTED_MEDIA_ROOT, a folder outside MEDIA_ROOT, and answers their URL with
the permission-checking view (`media_library.views.restricted_media`). So a
web server serving MEDIA_ROOT can never hand them out, and every `.url` (image
renditions in `{% image %}`/`{% picture %}`, films, subtitle tracks, the admin's
previews) points to the right place without a query: the name says it all.
Every other name behaves exactly as Django's FileSystemStorage in MEDIA_ROOT.

Where the two sides live is the STORAGES aliases "public_media" and
"restricted_media" (campaign/project/settings/object_storage.py): these
folders, or one S3 bucket where restricted files are private objects under
`restricted/` and only the public folders' objects get a public ACL.
"""

import os
import shutil
import tempfile
from contextlib import contextmanager

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.urls import reverse
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

PREFIX = "restricted/"
# Upload folders whose files may be restricted (media_library's images and films).
# Outside them, only these are public: /media/ serves them, the rest (documents,
# calendar PDFs) goes out through views.
RESTRICTABLE_FOLDERS = ("original_images", "images", "films", "subtitles")
PUBLIC_FOLDERS = RESTRICTABLE_FOLDERS


@contextmanager
def local_copy(field_file):
    """A path on this machine to a stored file, for tools that read files
    (ffprobe, ffmpeg): its own on disk, a temporary copy from object storage."""
    try:
        path = field_file.path  # ValueError for a field without a file
    except NotImplementedError:
        path = None
    if path is not None:
        yield path
        return
    suffix = os.path.splitext(field_file.name)[1]
    with (
        tempfile.NamedTemporaryFile(suffix=suffix) as copy,
        field_file.storage.open(field_file.name, "rb") as source,
    ):
        shutil.copyfileobj(source, copy, 1024 * 1024)
        copy.flush()
        yield copy.name


def is_restricted_name(name):
    return bool(name) and str(name).replace("\\", "/").startswith(PREFIX)


def restricted_name(name):
    return name if is_restricted_name(name) else PREFIX + name


def public_name(name):
    return name[len(PREFIX) :] if is_restricted_name(name) else name


class SettingFolderStorage(FileSystemStorage):
    """A FileSystemStorage in the folder the setting `folder_setting` names,
    read on every use (Django follows only MEDIA_ROOT when tests move folders)."""

    folder_setting = "MEDIA_ROOT"

    @property
    def base_location(self):
        return getattr(settings, self.folder_setting)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


class RestrictedFileSystemStorage(SettingFolderStorage):
    """No base URL: these files have none of their own (see MediaStorage.url())."""

    folder_setting = "RESTRICTED_MEDIA_ROOT"


class PublicMediaS3Storage(S3Storage):
    """The media bucket's public side: objects of PUBLIC_FOLDERS get `public_acl`
    (empty when the bucket has no ACLs and a bucket policy grants the reading),
    every other object stays private. URLs under `public_url` when it is set
    (the proxy's /media/ or a CDN), else the bucket's own."""

    def __init__(self, *, public_acl="public-read", public_url="", **options):
        self.public_acl = public_acl
        self.public_url = public_url
        super().__init__(**options)

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if self.public_acl and name.split("/", 1)[0] in PUBLIC_FOLDERS:
            parameters["ACL"] = self.public_acl
        return parameters

    def url(self, name, *args, **kwargs):
        if self.public_url:
            return f"{self.public_url.rstrip('/')}/{filepath_to_uri(name)}"
        return super().url(name, *args, **kwargs)


class MediaStorage(Storage):
    @property
    def public(self):
        return storages["public_media"]

    @property
    def restricted(self):
        return storages["restricted_media"]

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
