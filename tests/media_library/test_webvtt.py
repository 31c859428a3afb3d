"""media_library/webvtt.py on real files, good and broken."""

import pytest

from media_library.webvtt import WebVTTError, parse

GOOD = (
    "\ufeffWEBVTT - Imagefilm #WirmachenMitte\n"
    "Kind: subtitles\n"
    "\n"
    "NOTE Untertitel der Kurzfassung\n"
    "\n"
    "1\n"
    "00:00.000 --> 00:02.500 line:90%\n"
    "Wissen Se was?\n"
    "\n"
    "00:02.500 --> 01:00:03.000\n"
    "<v Sprecherin>Berlin Mitte ist ein einziges Chaos …</v>\n"
    "Zweite Zeile\n"
)


def test_a_good_file_gives_its_cues():
    cues = parse(GOOD.replace("\n", "\r\n").encode("utf-8"))

    assert [cue.identifier for cue in cues] == ["1", ""]
    assert cues[0].start == 0
    assert cues[0].end == 2.5
    assert cues[1].end == 3603
    assert cues[1].text.endswith("Zweite Zeile")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "mit der Zeile"),
        (b"1\n00:00.000 --> 00:01.000\nHallo\n", "mit der Zeile"),
        (b"WEBVTTX\n\n00:00.000 --> 00:01.000\nHallo\n", "mit der Zeile"),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nGrüße\n".encode("latin-1"), "UTF-8"),
        (b"WEBVTT\n\n00:00,000 --> 00:01,000\nKomma wie in SRT\n", "Zeile 3: Ungültige Zeitangabe"),
        (b"WEBVTT\n\n00:00.000 -> 00:01.000\nHallo\n", "Ungültige Zeitangabe"),
        (b"WEBVTT\n\n00:61.000 --> 01:02.000\nHallo\n", "Ungültige Zeitangabe"),
        (b"WEBVTT\n\n00:05.000 --> 00:01.000\nRueckwaerts\n", "Ende eines Untertitels"),
        (b"WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n", "geordnet"),
        (
            b"WEBVTT\n\n00:00.000 --> 00:01.000\nA\n00:01.000 --> 00:02.000\nB\n",
            "Zeile 5: Zwischen",
        ),
        (b"WEBVTT\n00:00.000 --> 00:01.000\nA\n", "Leerzeile"),
        (b"WEBVTT\n\nnur-kennung\n", "fehlt die Zeitangabe"),
        (b"WEBVTT\n\nNOTE nur ein Kommentar\n", "keine Untertitel"),
        (b"\x89PNG\r\n\x1a\n\0\0", "UTF-8"),
        (b"WEBVTT\n\n00:00.000 --> 00:01.000\n\0\0", "Binärdaten"),
    ],
)
def test_a_broken_file_is_refused_with_a_german_message(content, message):
    with pytest.raises(WebVTTError) as error:
        parse(content)

    assert message in str(error.value)
