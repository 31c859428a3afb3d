"""A small WebVTT parser that says, in German, what is wrong with a file.

Browsers silently drop a subtitle track they cannot parse; an editor would
only notice when a viewer complains. So uploads are parsed here, following
the WebVTT specification's file structure (https://www.w3.org/TR/webvtt1/):
signature line, header, then cues (optional identifier, timing line,
payload), NOTE/STYLE/REGION blocks, blank lines between blocks.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]+(.*))?$")
SIGNATURE = re.compile(r"^WEBVTT(?:[ \t].*)?$")


class WebVTTError(ValueError):
    """Invalid WebVTT; `str(error)` is a message for the editor, with the line number."""

    def __init__(self, message, line=None):
        self.line = line
        super().__init__(
            _("Zeile %(line)d: %(message)s") % {"line": line, "message": message}
            if line
            else message
        )


@dataclass(frozen=True)
class Cue:
    identifier: str
    start: float
    end: float
    text: str


def _seconds(hours, minutes, seconds, millis):
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse(data):
    """Parse WebVTT bytes or text; return the cues or raise WebVTTError."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise WebVTTError(
                _("Die Datei ist nicht UTF-8-kodiert. Bitte als UTF-8 speichern.")
            ) from error
    if "\0" in data:
        raise WebVTTError(_("Die Datei enthält Binärdaten und ist keine WebVTT-Datei."))
    text = data.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or not SIGNATURE.match(lines[0]):
        raise WebVTTError(_("Eine WebVTT-Datei muss mit der Zeile „WEBVTT“ beginnen."), 1)

    # Skip the header: everything up to the first blank line.
    index = 1
    while index < len(lines) and lines[index].strip():
        if "-->" in lines[index]:
            raise WebVTTError(
                _("Nach „WEBVTT“ muss eine Leerzeile vor dem ersten Untertitel stehen."), index + 1
            )
        index += 1

    cues = []
    previous_start = 0.0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        first = block[0]
        if "-->" not in first and first.split(maxsplit=1)[0] in {"NOTE", "STYLE", "REGION"}:
            continue  # comments, style sheets and regions are no cues
        cue = _parse_cue(block, block_start + 1)
        if cue.start < previous_start:
            raise WebVTTError(
                _(
                    "Die Untertitel müssen nach Startzeit geordnet sein; "
                    "dieser beginnt vor dem vorigen."
                ),
                block_start + 1,
            )
        previous_start = cue.start
        cues.append(cue)
    if not cues:
        raise WebVTTError(_("Die Datei enthält keine Untertitel."))
    return cues


def _parse_cue(block, first_line):
    identifier = ""
    timing_offset = 0
    if "-->" not in block[0]:
        identifier = block[0]
        timing_offset = 1
        if len(block) < 2:
            raise WebVTTError(
                _("Nach der Kennung „%(id)s“ fehlt die Zeitangabe.") % {"id": identifier},
                first_line,
            )
    timing_line = block[timing_offset]
    line_number = first_line + timing_offset
    match = TIMING.match(timing_line.strip())
    if not match:
        raise WebVTTError(
            _("Ungültige Zeitangabe „%(line)s“. Erwartet wird z. B. „00:01.000 --> 00:04.500“.")
            % {"line": timing_line.strip()[:80]},
            line_number,
        )
    start = _seconds(*match.group(1, 2, 3, 4))
    end = _seconds(*match.group(5, 6, 7, 8))
    if end <= start:
        raise WebVTTError(
            _("Das Ende eines Untertitels muss nach seinem Anfang liegen."), line_number
        )
    payload = block[timing_offset + 1 :]
    for offset, line in enumerate(payload, start=line_number + 1):
        if "-->" in line:
            raise WebVTTError(
                _("Zwischen zwei Untertiteln fehlt eine Leerzeile (oder „-->“ steht im Text)."),
                offset,
            )
    return Cue(identifier=identifier, start=start, end=end, text="\n".join(payload))
