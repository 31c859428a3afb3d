"""Videos on YouTube or Vimeo: which video a shared link means, and where to embed it.

Plain functions without HTTP or models, so the block, its validation and the
tests share one reading of a link. Embeds use the providers' privacy modes:
YouTube's www.youtube-nocookie.com and Vimeo's player with `dnt=1`; the
Content-Security-Policy (frame-src) allows exactly these two hosts.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE = "youtube"
VIMEO = "vimeo"

YOUTUBE_EMBED_HOST = "www.youtube-nocookie.com"
VIMEO_EMBED_HOST = "player.vimeo.com"
EMBED_HOSTS = (YOUTUBE_EMBED_HOST, VIMEO_EMBED_HOST)

PROVIDERS = {
    YOUTUBE: {
        "name": "YouTube",
        "privacy_url": "https://policies.google.com/privacy?hl=de",
    },
    VIMEO: {
        "name": "Vimeo",
        "privacy_url": "https://vimeo.com/privacy",
    },
}

# Host names as editors paste them; anything else (look-alikes such as
# youtube.com.example.org included) is refused.
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com"}
YOUTU_BE_HOSTS = {"youtu.be", "www.youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
VIMEO_COLLECTIONS = {"showcase", "album", "user", "ondemand", "event"}

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")
VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")
# YouTube's start time: "90", "90s" or "1h2m3s".
START_TIME = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?")

NOT_A_VIDEO_URL = _(
    "Bitte geben Sie die Adresse eines Videos auf YouTube oder Vimeo an, z. B. "
    "https://www.youtube.com/watch?v=… oder https://vimeo.com/123456789. "
    "Andere Anbieter werden nicht unterstützt."
)
NO_VIDEO_ID = _(
    "Die Adresse führt zu %(provider)s, aber nicht zu einem einzelnen Video. Bitte kopieren "
    "Sie die Adresse des Videos (über „Teilen“ beim Video)."
)


@dataclass(frozen=True)
class ExternalVideo:
    """One video of a provider, as far as the page needs to know it."""

    provider: str
    video_id: str
    # Unlisted Vimeo videos are reachable only together with their hash.
    vimeo_hash: str = ""
    start: int = 0

    @property
    def provider_name(self):
        return PROVIDERS[self.provider]["name"]

    @property
    def privacy_url(self):
        return PROVIDERS[self.provider]["privacy_url"]

    @property
    def embed_host(self):
        return YOUTUBE_EMBED_HOST if self.provider == YOUTUBE else VIMEO_EMBED_HOST

    @property
    def embed_url(self):
        """The player's address in privacy mode; it starts playing, since it is
        loaded only when the visitor clicked "play"."""
        if self.provider == YOUTUBE:
            query = {"autoplay": 1, "rel": 0}
            if self.start:
                query["start"] = self.start
            return f"https://{YOUTUBE_EMBED_HOST}/embed/{self.video_id}?{urlencode(query)}"
        query = {"h": self.vimeo_hash} if self.vimeo_hash else {}
        query.update(dnt=1, autoplay=1)
        return f"https://{VIMEO_EMBED_HOST}/video/{self.video_id}?{urlencode(query)}"

    @property
    def watch_url(self):
        """The video's own page at the provider, for the plain link."""
        if self.provider == YOUTUBE:
            query = {"v": self.video_id}
            if self.start:
                query["t"] = f"{self.start}s"
            return f"https://www.youtube.com/watch?{urlencode(query)}"
        suffix = f"/{self.vimeo_hash}" if self.vimeo_hash else ""
        return f"https://vimeo.com/{self.video_id}{suffix}"


def _start_seconds(value):
    match = START_TIME.fullmatch(value or "")
    if not match or not value:
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _youtube(host, path, query):
    segments = [segment for segment in path.split("/") if segment]
    if host in YOUTU_BE_HOSTS:
        candidate = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        candidate = query.get("v", [""])[0]
    elif len(segments) >= 2 and segments[0] in {"embed", "shorts", "live", "v"}:
        candidate = segments[1]
    else:
        candidate = ""
    if not YOUTUBE_ID.fullmatch(candidate):
        return None
    start = _start_seconds(query.get("t", query.get("start", [""]))[0])
    return ExternalVideo(YOUTUBE, candidate, start=start)


def _vimeo(host, path, query):
    segments = [segment for segment in path.split("/") if segment]
    if host == VIMEO_EMBED_HOST:
        # player.vimeo.com/video/<id>?h=<hash>
        segments = segments[1:] if segments[:1] == ["video"] else []
        vimeo_hash = query.get("h", [""])[0]
    else:
        # vimeo.com/<id>, vimeo.com/<id>/<hash>, vimeo.com/channels/<name>/<id>,
        # vimeo.com/showcase/<showcase>/video/<id>; a showcase or album alone
        # is a collection, not a video.
        marker = next((i for i, s in enumerate(segments) if s in {"video", "videos"}), None)
        if marker is not None:
            segments = segments[marker + 1 :]
        elif segments[:1] and segments[0] in VIMEO_COLLECTIONS:
            segments = []
        digits = [index for index, segment in enumerate(segments) if VIMEO_ID.fullmatch(segment)]
        segments = segments[digits[0] :] if digits else []
        vimeo_hash = segments[1] if len(segments) > 1 else ""
    if not segments or not VIMEO_ID.fullmatch(segments[0]):
        return None
    if vimeo_hash and not VIMEO_HASH.fullmatch(vimeo_hash):
        vimeo_hash = ""
    return ExternalVideo(VIMEO, segments[0], vimeo_hash=vimeo_hash)


def parse_video_url(url):
    """The ExternalVideo a YouTube or Vimeo link points to.

    Raises ValidationError with a German message for any other address, so the
    editor learns what to paste instead.
    """
    try:
        parts = urlsplit((url or "").strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        raise ValidationError(NOT_A_VIDEO_URL, code="invalid_video_url") from None
    if parts.scheme not in {"http", "https"}:
        raise ValidationError(NOT_A_VIDEO_URL, code="invalid_video_url")
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS | YOUTU_BE_HOSTS:
        provider, video = YOUTUBE, _youtube(host, parts.path, query)
    elif host in VIMEO_HOSTS:
        provider, video = VIMEO, _vimeo(host, parts.path, query)
    else:
        raise ValidationError(NOT_A_VIDEO_URL, code="invalid_video_url")
    if video is None:
        raise ValidationError(
            NO_VIDEO_ID,
            code="no_video_id",
            params={"provider": PROVIDERS[provider]["name"]},
        )
    return video


def validate_video_url(url):
    """Validator for the block's URL field."""
    parse_video_url(url)
