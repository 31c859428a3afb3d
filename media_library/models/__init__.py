"""The media library's models: images, documents and films, re-exported here.

Other apps import from `media_library.models`; the modules behind it may move.
"""

from media_library.models.documents import CustomDocument
from media_library.models.films import (
    Film,
    FilmVersion,
    SubtitleTrack,
    TrackKind,
    VersionKind,
    format_duration,
)
from media_library.models.images import CustomImage, CustomRendition, Licence

__all__ = [
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "Film",
    "FilmVersion",
    "Licence",
    "SubtitleTrack",
    "TrackKind",
    "VersionKind",
    "format_duration",
]
