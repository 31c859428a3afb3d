"""Background work on films: read duration and size, take a poster frame.

Runs only where ffprobe (and, for the poster, ffmpeg) is installed; without
them a film is saved all the same, just without a measured duration or a
generated poster. The task writes with `update()` so it never saves a Film
again and never triggers itself.
"""

import json
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files import File
from django_tasks import task

from media_library.storage import local_copy

logger = logging.getLogger(__name__)
TIMEOUT = 120


def ffprobe_available():
    return shutil.which("ffprobe") is not None


def enqueue_film_probe(film):
    """After a Film is saved: queue the probe if a tool is there and work is left."""
    if not ffprobe_available():
        return None
    needs_work = film.poster_id is None or film.versions.filter(duration__isnull=True).exists()
    if not needs_work:
        return None
    return probe_film.enqueue(film.pk)


def probe_duration(path):
    """Seconds of the media file at `path`, or None."""
    try:
        result = subprocess.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-show_entries",
                "format=duration",
                "-of",
                "json",
                str(path),
            ],
            capture_output=True,
            check=True,
            timeout=TIMEOUT,
        )
        return float(json.loads(result.stdout)["format"]["duration"])
    except (OSError, subprocess.SubprocessError, KeyError, ValueError) as error:
        logger.warning("ffprobe konnte %s nicht lesen: %s", path, error)
        return None


def is_playable_video(path):
    """Whether ffprobe finds a video stream with a duration and reads every packet
    of `path` to the end: a truncated upload ends in a "partial file" or lacks its
    index (moov) altogether. Reads the file without decoding it."""
    try:
        result = subprocess.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-count_packets",
                "-show_entries",
                "stream=codec_type,nb_read_packets:format=duration",
                "-of",
                "json",
                str(path),
            ],
            capture_output=True,
            timeout=TIMEOUT,
        )
        found = json.loads(result.stdout or b"{}")
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        logger.warning("ffprobe konnte %s nicht prüfen: %s", path, error)
        return False
    video = [s for s in found.get("streams", []) if s.get("codec_type") == "video"]
    return (
        result.returncode == 0
        and b"partial file" not in result.stderr
        and bool(video)
        and int(video[0].get("nb_read_packets") or 0) > 0
        and float(found.get("format", {}).get("duration") or 0) > 0
    )


def extract_frame(path, at_seconds, target):
    """Write one frame of `path` as JPEG to `target`; True on success."""
    if shutil.which("ffmpeg") is None:
        return False
    try:
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-ss",
                f"{at_seconds:.2f}",
                "-i",
                str(path),
                "-frames:v",
                "1",
                "-q:v",
                "3",
                str(target),
            ],
            capture_output=True,
            check=True,
            timeout=TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError) as error:
        logger.warning("ffmpeg konnte kein Standbild aus %s holen: %s", path, error)
        return False
    return Path(target).stat().st_size > 0


@task()
def probe_film(film_id):
    """Measure every version of a film; give the film a poster frame if it has none."""
    from media_library.models import CustomImage, Film, FilmVersion

    film = Film.objects.filter(pk=film_id).first()
    if film is None or not ffprobe_available():
        return None
    measured = []  # (duration or None, version), in the versions' order
    for version in film.versions.all():
        try:
            with local_copy(version.file) as path:
                duration = probe_duration(path)
            size = version.file.size
        except (OSError, ValueError):  # no file, or one gone from the storage
            continue
        FilmVersion.objects.filter(pk=version.pk).update(
            duration=duration if duration is not None else version.duration, file_size=size
        )
        measured.append((duration, version))
    longest = max((m for m in measured if m[0]), key=lambda m: m[0], default=None)
    updates = {}
    if longest and not film.duration:
        updates["duration"] = round(longest[0], 2)
    source = longest or (measured[0] if measured else None)
    if film.poster_id is None and source is not None:
        with tempfile.TemporaryDirectory() as folder, local_copy(source[1].file) as path:
            target = Path(folder) / "poster.jpg"
            at = min(1.0, (source[0] or 0) / 2)
            if extract_frame(path, at, target):
                with target.open("rb") as handle:
                    poster = CustomImage(
                        title=f"{film.title}: Standbild",
                        description=f"Standbild aus dem Film „{film.title}“",
                        credit=f"Standbild aus „{film.title}“",
                    )
                    poster.file.save(f"film-{film.pk}-poster.jpg", File(handle), save=False)
                    poster._set_image_file_metadata()
                    poster.save()
                updates["poster"] = poster
    if updates:
        Film.objects.filter(pk=film.pk).update(**updates)
    return {"duration": updates.get("duration"), "poster": "poster" in updates}
