"""Where uploads are stored: local folders by default, S3-compatible object
storage (django-storages, boto3) when S3_MEDIA_BUCKET is set.

Four storages, by alias in STORAGES (media_library.storage.MediaStorage routes
the "default" one's names to the first two):

    public_media       images, films, subtitles of public collections: public
                       objects; documents and calendar PDFs: private objects
                       (served through the app's views, as on disk)
    restricted_media   files of restricted collections: private objects under
                       `restricted/` in the media bucket, served only by the
                       permission-checking view
    applications       applicants' documents, encrypted by the app, in a bucket
                       of their own (careers/applications/storage.py)

A function of the environment, so the tests build the very settings a
deployment gets from the same variables.
"""

from urllib.parse import urlsplit

from botocore.config import Config
from django.core.exceptions import ImproperlyConfigured

LOCAL = {
    "public_media": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "restricted_media": {"BACKEND": "media_library.storage.RestrictedFileSystemStorage"},
    "applications": {"BACKEND": "careers.applications.storage.SealedFileSystemStorage"},
}
RESTRICTED_LOCATION = "restricted"


def uses_object_storage(environ):
    return bool(environ.get("S3_MEDIA_BUCKET"))


def storages(environ):
    """The upload storages of STORAGES ("default" and "staticfiles" come from base)."""
    if not uses_object_storage(environ):
        return dict(LOCAL)
    media_bucket = environ["S3_MEDIA_BUCKET"]
    applications_bucket = environ.get("S3_APPLICATIONS_BUCKET", "")
    if not applications_bucket or applications_bucket == media_bucket:
        # On one app server's disk they would be missing on every other one;
        # in the media bucket one policy too open would publish them.
        raise ImproperlyConfigured(
            "S3_APPLICATIONS_BUCKET muss mit S3_MEDIA_BUCKET gesetzt sein, ein eigener Bucket "
            "für die Bewerbungsunterlagen."
        )
    connection = {
        "endpoint_url": environ.get("S3_ENDPOINT_URL") or None,
        "access_key": environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("S3_SECRET_ACCESS_KEY") or None,
        "region_name": environ.get("S3_REGION") or None,
        "client_config": Config(
            # Servers other than AWS (MinIO, Ceph, moto) answer under the
            # endpoint's path, not under a host name per bucket.
            s3={"addressing_style": "path" if environ.get("S3_ENDPOINT_URL") else None},
            # A store out of reach fails a request (and /readyz) in seconds,
            # not after boto3's default of 60 s per attempt, five attempts.
            connect_timeout=2,
            read_timeout=10,
            retries={"mode": "standard", "max_attempts": 2},
        ),
        # Two uploads of "foto.jpg" must not overwrite each other (as on disk).
        "file_overwrite": False,
        # A file read from the bucket (a film for ffprobe, a restricted file the
        # app streams) spills to a temporary file beyond this, not into memory.
        "max_memory_size": 8 * 1024 * 1024,
    }
    private = {**connection, "default_acl": None, "querystring_auth": True}
    return {
        "public_media": {
            "BACKEND": "media_library.storage.PublicMediaS3Storage",
            "OPTIONS": {
                **connection,
                "bucket_name": media_bucket,
                "public_acl": environ.get("S3_PUBLIC_ACL", "public-read"),
                "public_url": environ.get("S3_PUBLIC_MEDIA_URL", ""),
                "querystring_auth": False,
            },
        },
        "restricted_media": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **private,
                "bucket_name": media_bucket,
                "location": RESTRICTED_LOCATION,
            },
        },
        "applications": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **private,
                "bucket_name": applications_bucket,
                # A document's name is its uuid: written once, never renamed.
                "file_overwrite": True,
            },
        },
    }


def public_media_origins(environ):
    """Origins the pages' <img>/<video> load public media from, for the CSP:
    none beyond 'self' on disk or when S3_PUBLIC_MEDIA_URL is a path on the site."""
    if not uses_object_storage(environ):
        return []
    base = environ.get("S3_PUBLIC_MEDIA_URL") or environ.get("S3_ENDPOINT_URL")
    if not base:
        region = environ.get("S3_REGION")
        host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
        return [f"https://{environ['S3_MEDIA_BUCKET']}.{host}"]
    parts = urlsplit(base)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.netloc else []
