"""Demo pay tables: plausible 2025/2026 monthly amounts, not official figures.

TVöD VKA (municipalities, Düsseldorf), TV-L (Berlin's employees), the
Besoldung of Berlin and of North Rhine-Westphalia, and the training pay of
TVAöD/TVSöD. Each table is grade -> amounts by step.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

TVOED_2025 = {
    "E 3": [3066, 3269, 3326, 3453, 3551, 3632],
    "E 4": [3169, 3370, 3554, 3668, 3783, 3843],
    "E 5": [3274, 3479, 3619, 3761, 3870, 3937],
    "E 6": [3386, 3586, 3732, 3870, 3972, 4053],
    "E 7": [3513, 3741, 3893, 4058, 4197, 4277],
    "E 8": [3675, 3906, 4063, 4221, 4394, 4473],
    "E 9a": [3870, 4088, 4183, 4412, 4532, 4802],
    "E 9b": [4034, 4291, 4435, 4695, 4938, 5218],
    "E 9c": [4180, 4446, 4608, 4897, 5104, 5389],
    "E 10": [4394, 4701, 4963, 5273, 5537, 5702],
    "E 11": [4594, 4960, 5311, 5686, 6051, 6227],
    "E 12": [4787, 5220, 5805, 6226, 6697, 6959],
    "E 13": [5122, 5558, 6037, 6502, 7043, 7312],
    "E 14": [5284, 5831, 6222, 6720, 7296, 7590],
    "E 15": [5513, 5998, 6535, 7141, 7761, 8072],
    "S 8a": [3580, 3805, 4005, 4203, 4391, 4576],
    "S 11b": [4027, 4316, 4494, 4884, 5183, 5490],
    "S 12": [4070, 4410, 4690, 5050, 5290, 5600],
    "S 15": [4338, 4615, 4930, 5268, 5836, 6108],
    "P 7": [3450, 3690, 3920, 4080, 4190, 4300],
    "P 8": [3574, 3819, 3990, 4185, 4345, 4537],
}

# Besoldungsgruppe: (Stufe 1, increase per step), eight steps.
BESOLDUNG_BERLIN_2025 = {
    "A 6": (3061, 72),
    "A 7": (3166, 95),
    "A 8": (3340, 110),
    "A 9": (3547, 118),
    "A 10": (3820, 145),
    "A 11": (4374, 160),
    "A 12": (4688, 185),
    "A 13": (5236, 200),
    "A 14": (5400, 250),
    "A 15": (6550, 270),
}

TRAINING_2025 = {
    "Ausbildung": [1293, 1343, 1389, 1453],
    "Duales Studium": [1493, 1543, 1593],
}


def _scaled(amounts, factor):
    return [
        (Decimal(amount) * Decimal(factor)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        for amount in amounts
    ]


def _besoldung(table, factor="1"):
    return {
        grade: _scaled([first + step * increase for step in range(8)], factor)
        for grade, (first, increase) in table.items()
    }


def tables():
    """name -> (kind, note, {valid_from: {grade: [amount by step]}})."""
    tvoed = {grade: _scaled(amounts, "1") for grade, amounts in TVOED_2025.items()}
    tvl = {
        grade: _scaled(amounts, "0.985")
        for grade, amounts in TVOED_2025.items()
        if grade.startswith("E")
    }
    return {
        "TVöD VKA": (
            "tarif",
            "Kommunen; Demo-Werte",
            {
                datetime.date(2025, 4, 1): tvoed,
                datetime.date(2026, 5, 1): {
                    grade: _scaled(amounts, "1.028") for grade, amounts in tvoed.items()
                },
            },
        ),
        "TV-L": ("tarif", "Land Berlin; Demo-Werte", {datetime.date(2025, 2, 1): tvl}),
        "Besoldung Berlin": (
            "besoldung",
            "Grundgehalt; Demo-Werte",
            {datetime.date(2025, 2, 1): _besoldung(BESOLDUNG_BERLIN_2025)},
        ),
        "Besoldung Nordrhein-Westfalen": (
            "besoldung",
            "Grundgehalt; Demo-Werte",
            {datetime.date(2025, 2, 1): _besoldung(BESOLDUNG_BERLIN_2025, "1.02")},
        ),
        "TVAöD/TVSöD": (
            "tarif",
            "Ausbildungs- und Studienentgelte je Jahr; Demo-Werte",
            {
                datetime.date(2025, 4, 1): {
                    grade: _scaled(amounts, "1") for grade, amounts in TRAINING_2025.items()
                }
            },
        ),
    }
