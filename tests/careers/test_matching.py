"""careers/matching.py: ranking by chosen values, weights, importance, ties, no answers."""

from careers.matching import Answers, Dimension, Profile, Value, rank, sort_key

BRANCHE = Dimension(
    "branche",
    "Branche",
    (Value("chemie", "Chemie"), Value("life-sciences", "Life Sciences"), Value("it", "IT")),
)
LEBEN = Dimension(
    "lebensumfeld",
    "Lebensumfeld",
    (
        Value("grossstadt", "Großstadt", "Leben in der Stadt"),
        Value("land", "Land", "Leben auf dem Land"),
        Value("kultur", "Kultur"),
    ),
)
DIMENSIONS = [BRANCHE, LEBEN]


def profile(title, **weights):
    """profile("Halle", branche__life_sciences=2): value slugs spell "-" as "_" here."""
    keys = (name.split("__") for name in weights)
    return Profile(
        key=title,
        title=title,
        weights={
            (dimension, value.replace("_", "-")): weight
            for (dimension, value), weight in zip(keys, weights.values(), strict=True)
        },
    )


def answers(important=(), **chosen):
    return Answers(
        chosen={dimension: frozenset(values) for dimension, values in chosen.items()},
        important=frozenset(important),
    )


MAGDEBURG = profile(
    "Wissenschaftshafen Magdeburg", branche__life_sciences=1, lebensumfeld__grossstadt=2
)
LEUNA = profile("Leuna", branche__chemie=3, lebensumfeld__land=1)
WERNIGERODE = profile("Harz (Wernigerode)", lebensumfeld__land=2, lebensumfeld__kultur=1)
PROFILES = [LEUNA, MAGDEBURG, WERNIGERODE]


def titles(ranking):
    return [match.profile.title for match in ranking.matches]


def test_profiles_with_more_chosen_values_rank_higher_and_say_why():
    ranking = rank(
        PROFILES, answers(branche=["life-sciences"], lebensumfeld=["grossstadt"]), DIMENSIONS
    )

    assert titles(ranking) == ["Wissenschaftshafen Magdeburg"]
    best = ranking.matches[0]
    assert best.rank == 1
    assert best.score == 100
    assert best.reason_text == "Branche Life Sciences, Leben in der Stadt"
    assert [p.title for p in ranking.others] == ["Harz (Wernigerode)", "Leuna"]


def test_weights_order_the_results():
    # Land: Wernigerode has it with weight 2, Leuna with 1.
    ranking = rank(PROFILES, answers(lebensumfeld=["land"]), DIMENSIONS)

    assert titles(ranking) == ["Harz (Wernigerode)", "Leuna"]
    assert [m.score for m in ranking.matches] == [100, 50]
    assert [m.rank for m in ranking.matches] == [1, 2]
    assert ranking.matches[1].reason_text == "Leben auf dem Land"


def test_score_is_a_share_of_the_best_possible():
    # Best possible: Chemie as strong as Leuna (3) + Kultur as Wernigerode (1) = 4.
    ranking = rank(PROFILES, answers(branche=["chemie"], lebensumfeld=["kultur"]), DIMENSIONS)

    assert [(m.profile.title, m.points, m.score) for m in ranking.matches] == [
        ("Leuna", 3, 75),
        ("Harz (Wernigerode)", 1, 25),
    ]
    assert ranking.best_possible == 4


def test_important_dimensions_count_double_and_come_first_in_the_reasons():
    chosen = {"branche": ["chemie"], "lebensumfeld": ["land", "kultur"]}
    plain = rank(PROFILES, answers(**chosen), DIMENSIONS)
    living_matters = rank(PROFILES, answers(important=["lebensumfeld"], **chosen), DIMENSIONS)

    assert titles(plain) == ["Leuna", "Harz (Wernigerode)"]  # 3 + 1 against 2 + 1
    assert titles(living_matters) == ["Harz (Wernigerode)", "Leuna"]  # 6 against 3 + 2
    leuna = living_matters.matches[1]
    assert leuna.reason_text == "Leben auf dem Land, Branche Chemie"
    assert [r.important for r in leuna.reasons] == [True, False]


def test_ties_share_a_rank_and_keep_alphabetical_order():
    a = profile("Zeitz", branche__it=1)
    b = profile("Ärztezentrum Bitterfeld", branche__it=1)  # Ä sorts with A
    c = profile("Köthen", branche__it=1, lebensumfeld__kultur=1)
    ranking = rank([a, c, b], answers(branche=["it"], lebensumfeld=["kultur"]), DIMENSIONS)

    assert titles(ranking) == ["Köthen", "Ärztezentrum Bitterfeld", "Zeitz"]
    assert [m.rank for m in ranking.matches] == [1, 2, 2]
    assert [m.shared for m in ranking.matches] == [False, True, True]
    # The order does not depend on the order the profiles came in.
    assert titles(
        rank([b, a, c], answers(branche=["it"], lebensumfeld=["kultur"]), DIMENSIONS)
    ) == titles(ranking)


def test_no_answers_lists_everything_alphabetically_without_ranking():
    for empty in (answers(), answers(branche=[]), answers(important=["branche"])):
        ranking = rank(PROFILES, empty, DIMENSIONS)

        assert not ranking.answered
        assert ranking.matches == []
        assert [p.title for p in ranking.others] == [
            "Harz (Wernigerode)",
            "Leuna",
            "Wissenschaftshafen Magdeburg",
        ]


def test_values_nobody_has_and_unknown_slugs_match_nothing():
    ranking = rank(PROFILES, answers(branche=["it", "gibt-es-nicht"]), DIMENSIONS)

    assert ranking.answered
    assert ranking.matches == []
    assert len(ranking.others) == 3


def test_no_profiles_at_all():
    ranking = rank([], answers(branche=["it"]), DIMENSIONS)

    assert ranking.answered
    assert ranking.matches == []
    assert ranking.others == []


def test_a_value_in_the_order_of_the_questionnaire_not_of_the_answers():
    rich = profile("Halle", branche__it=1, branche__chemie=1, lebensumfeld__kultur=1)
    ranking = rank([rich], answers(lebensumfeld=["kultur"], branche=["it", "chemie"]), DIMENSIONS)

    assert ranking.matches[0].reason_text == "Branche Chemie, Branche IT, Lebensumfeld Kultur"


def test_sort_key_ignores_case_and_accents():
    assert sorted(["Zeitz", "ähnlich", "Anhalt", "Öko"], key=sort_key) == [
        "ähnlich",
        "Anhalt",
        "Öko",
        "Zeitz",
    ]
