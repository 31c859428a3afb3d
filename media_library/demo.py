"""A demo film made on the spot: ffmpeg renders a tiny test picture with a tone
(or a German voice from espeak-ng), a short cut, and German and English WebVTT
subtitles. Nothing is downloaded and nothing big enters the repository.

`demo_film()` returns the Film (reused by title) or None when ffmpeg is missing;
`render_title_card()` makes a silent title card for other placeholder films.
"""

import functools
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

logger = logging.getLogger(__name__)

TITLE = "#WirmachenMitte – Imagefilm (Demo)"
DESCRIPTION = (
    "Der Imagefilm des Bezirksamts Mitte stellt Berufe in der Verwaltung vor. "
    "Diese Demo-Fassung ist ein erzeugtes Testbild mit Ton."
)
SPOKEN = "Wir machen Mitte. Das Bezirksamt Mitte sucht Mitarbeiterinnen und Mitarbeiter."
TRANSCRIPT = (
    "[Farbiges Testbild, ein gleichmäßiger Ton ist zu hören.]\n\n"
    "Sprecherin: Wir machen Mitte. Das Bezirksamt Mitte sucht Mitarbeiterinnen und "
    "Mitarbeiter.\n\n"
    "[Einblendung: #WirmachenMitte – berlin.de/ba-mitte/karriere]"
)
CUES = {
    "de": [
        ("00:00.000", "00:02.500", "Wir machen Mitte."),
        ("00:02.500", "00:06.000", "Das Bezirksamt Mitte sucht\nMitarbeiterinnen und Mitarbeiter."),
    ],
    "en": [
        ("00:00.000", "00:02.500", "We make Mitte."),
        ("00:02.500", "00:06.000", "The Mitte district office is hiring."),
    ],
}
LONG_SECONDS = 6
SHORT_SECONDS = 3


def _seconds(timestamp):
    minutes, seconds = timestamp.split(":")
    return int(minutes) * 60 + float(seconds)


def webvtt(language, until=None):
    """The demo's subtitles as WebVTT text, cut at `until` seconds if given."""
    lines = ["WEBVTT", ""]
    for start, end, text in CUES[language]:
        if until is not None and _seconds(start) >= until:
            continue
        if until is not None and _seconds(end) > until:
            end = f"00:{until:06.3f}"
        lines += [f"{start} --> {end}", text, ""]
    return "\n".join(lines)


def _run(arguments):
    subprocess.run(arguments, check=True, capture_output=True, timeout=120)


@functools.lru_cache(maxsize=1)
def render_videos():
    """(long, short) MP4 bytes, or None without ffmpeg. Cached per process: tests
    build the demo many times and ffmpeg runs once."""
    if shutil.which("ffmpeg") is None:
        logger.info("ffmpeg fehlt: kein Demo-Film")
        return None
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        audio = ["-f", "lavfi", "-i", f"sine=frequency=440:duration={LONG_SECONDS}"]
        if shutil.which("espeak-ng"):
            voice = folder / "voice.wav"
            try:
                _run(["espeak-ng", "-v", "de", "-w", str(voice), SPOKEN])
                audio = ["-i", str(voice)]
            except (OSError, subprocess.SubprocessError):
                logger.info("espeak-ng ohne deutsche Stimme: Demo-Film mit Sinuston")
        long_path = folder / "long.mp4"
        short_path = folder / "short.mp4"
        try:
            _run(
                [
                    "ffmpeg", "-v", "error", "-y",
                    "-f", "lavfi", "-i", f"testsrc=size=320x180:rate=15:duration={LONG_SECONDS}",
                    *audio,
                    "-af", "apad", "-t", str(LONG_SECONDS),
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "32",
                    "-pix_fmt", "yuv420p", "-profile:v", "baseline",
                    "-c:a", "aac", "-b:a", "48k", "-ac", "1",
                    "-movflags", "+faststart", str(long_path),
                ]
            )  # fmt: skip
            _run(
                [
                    "ffmpeg", "-v", "error", "-y", "-i", str(long_path),
                    "-t", str(SHORT_SECONDS), "-c:v", "libx264", "-preset", "veryfast",
                    "-crf", "32", "-pix_fmt", "yuv420p", "-profile:v", "baseline",
                    "-c:a", "aac", "-b:a", "48k", "-ac", "1",
                    "-movflags", "+faststart", str(short_path),
                ]
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError) as error:
            logger.warning("ffmpeg konnte den Demo-Film nicht erzeugen: %s", error)
            return None
        return long_path.read_bytes(), short_path.read_bytes()


@functools.lru_cache(maxsize=16)
def render_title_card(text, seconds=4, colour="0x004b87"):
    """MP4 bytes of a small, silent card showing `text`, or None without ffmpeg.

    Cached per process like the demo film. Without a font for ffmpeg's
    drawtext the card stays plain: the subtitles carry the text anyway.
    """
    if shutil.which("ffmpeg") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "text.txt").write_text(text, encoding="utf-8")
        output = folder / "card.mp4"
        lettering = (
            f"drawtext=textfile={folder / 'text.txt'}:fontcolor=white:fontsize=20"
            ":line_spacing=6:x=(w-text_w)/2:y=(h-text_h)/2"
        )
        for filters in (["-vf", lettering], []):
            try:
                _run(
                    [
                        "ffmpeg", "-v", "error", "-y",
                        "-f", "lavfi", "-i", f"color=c={colour}:size=320x180:rate=10:d={seconds}",
                        *filters, "-an",
                        "-c:v", "libx264", "-preset", "veryfast", "-crf", "32",
                        "-pix_fmt", "yuv420p", "-profile:v", "baseline",
                        "-movflags", "+faststart", str(output),
                    ]
                )  # fmt: skip
            except (OSError, subprocess.SubprocessError) as error:
                logger.info("ffmpeg: Titelkarte ohne Schrift (%s)", error)
                continue
            return output.read_bytes()
    return None


@transaction.atomic
def demo_film(log=None):
    """The #WirmachenMitte demo film with long and short cut and de/en subtitles."""
    from media_library.models import Film, FilmVersion, SubtitleTrack, TrackKind, VersionKind

    film = Film.objects.filter(title=TITLE).first()
    if film is not None:
        return film
    videos = render_videos()
    if videos is None:
        (log or logger.info)("  Demo-Film: übersprungen (ffmpeg ist nicht installiert)")
        return None
    long_bytes, short_bytes = videos
    film = Film(title=TITLE, description=DESCRIPTION, transcript=TRANSCRIPT, type="video")
    for order, (kind, data, seconds) in enumerate(
        [
            (VersionKind.LONG, long_bytes, LONG_SECONDS),
            (VersionKind.SHORT, short_bytes, SHORT_SECONDS),
        ]
    ):
        version = FilmVersion(kind=kind, sort_order=order, duration=seconds)
        version.file.save(f"wirmachenmitte-{kind}.mp4", ContentFile(data), save=False)
        until = None if kind == VersionKind.LONG else SHORT_SECONDS
        tracks = []
        for track_order, (language, track_kind) in enumerate(
            [("de", TrackKind.CAPTIONS), ("en", TrackKind.SUBTITLES)]
        ):
            track = SubtitleTrack(language=language, kind=track_kind, sort_order=track_order)
            track.file.save(
                f"wirmachenmitte-{kind}-{language}.vtt",
                ContentFile(webvtt(language, until).encode()),
                save=False,
            )
            tracks.append(track)
        version.subtitle_tracks = tracks
        film.versions.add(version)
    film.duration = LONG_SECONDS
    film.save()
    return film
