"""Reading the registration's sum as a person would: from its label."""

import re

# German numbers as a reader knows them, independent of the captcha's own list.
GERMAN = {
    "null": 0, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
}  # fmt: skip
QUESTION = re.compile(r"Rechenaufgabe: (\w+) \+ (\w+) =")


def _number(word):
    return int(word) if word.isdigit() else GERMAN[word]


def solve(text):
    """The answer to the sum in `text` (a page or a label), as digits."""
    first, second = QUESTION.search(text).groups()
    return str(_number(first) + _number(second))


def token_of(html):
    return re.search(r'name="captcha_token" value="([^"]+)"', html).group(1)
