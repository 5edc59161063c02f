"""Written amounts in news copy (newsroom.nlp.numbers)."""
from __future__ import annotations

import pytest

from newsroom.nlp.numbers import find_amounts, parse_number


def _counts(nlp, text: str) -> list[tuple[int, str]]:
    """(value, qualifier) of every amount that counts something, in order."""
    return [(a.value, a.qualifier) for a in find_amounts(nlp(text)) if a.kind == "count"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31,988", 31988),
        ("2.4 million", 2_400_000),
        ("1.5 million", 1_500_000),
        ("four", 4),
        ("Twenty-four", 24),
        ("two dozen", 24),
        ("a dozen", 12),
        ("a million", 1_000_000),
        ("1.7m", 1_700_000),
        ("one hundred thousand", 100_000),
        ("2.5", None),  # people come in whole numbers
        ("dozens", None),
        ("several", None),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strikes killed at least 45 people overnight.", [(45, "at_least")]),
        ("The bombardment has caused nearly 32,000 deaths, officials said.", [(32000, "about")]),
        ("Famine threatens 2.4 million people in the enclave.", [(2_400_000, "exact")]),
        ("Settlers and troops have killed over 440 Palestinians.", [(440, "more_than")]),
        ("The attack caused about 1,160 deaths in the south.", [(1160, "about")]),
        ("Four soldiers were wounded in the ambush.", [(4, "exact")]),
        ("Two dozen civilians died in the shelling.", [(24, "exact")]),
        ("More than 150 others were injured.", [(150, "more_than")]),
        ("Fewer than 20 patients remain in the ward.", [(20, "fewer_than")]),
        ("Up to 300 trucks could cross each day.", [(300, "up_to")]),
        ("As many as 90 people may be trapped.", [(90, "up_to")]),
        ("At most 15 people were inside the building.", [(15, "up_to")]),
        ("Some 1,200 people were killed in the raid.", [(1200, "about")]),
        ("An estimated 129 captives remain in the tunnels.", [(129, "about")]),
        ("The 100-plus hostages are still held.", [(100, "more_than")]),
        ("Between 20 and 30 of the captives are feared dead.", [(20, "at_least")]),
        ("More than a million civilians have fled south.", [(1_000_000, "more_than")]),
    ],
)
def test_counts_and_qualifiers(nlp, text, expected):
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected_kinds"),
    [
        ("A 19-year-old died of his wounds.", ["count"]),  # one person; the age is not reported apart
        ("Men aged between 18 and 60 were ordered to stay.", ["age"]),
        ("The 19-year-old was wounded.", ["age"]),
        ("Arouri, 57, was a founder of the armed wing.", ["age"]),
        ("He was first arrested in 1988.", ["year"]),
        ("The assault began on Oct. 7 before dawn.", ["date"]),
        ("The assault began on 7 October before dawn.", ["date"]),
        ("Riyadh pledged $40 million to the agency.", ["money"]),
        ("Strikes displaced 80% of the population.", ["percent"]),
        ("Nearly 90 percent of residents lack food.", ["percent"]),
        ("In the past 24 hours the shelling eased.", ["time"]),
        ("The convoy drove 70 kilometers to the crossing.", ["measure"]),
        ("It was his sixth trip to the region, the 64th since 2020.", ["year"]),  # ordinals are no amounts
        ("Two-thirds of the dead were women and children.", ["fraction"]),
    ],
)
def test_kinds(nlp, text, expected_kinds):
    assert [a.kind for a in find_amounts(nlp(text))] == expected_kinds


def test_indefinite_age_is_one_person(nlp):
    doc = nlp("A 68-year-old man was killed in the drone strike.")
    implicit = [a for a in find_amounts(doc) if a.implicit]
    assert [(a.value, a.kind, doc[a.start].text) for a in implicit] == [(1, "count", "A")]


def test_range_keeps_its_upper_bound(nlp):
    doc = nlp("Between 30 and 50 of the hostages are thought to be dead.")
    (amount,) = [a for a in find_amounts(doc) if a.kind == "count"]
    assert (amount.value, amount.high, amount.qualifier, doc[amount.qual_start:amount.end].text) == (
        30, 50, "at_least", "Between 30 and 50")


def test_vague_amounts_are_not_numbers(nlp):
    doc = nlp("Dozens were wounded and hundreds of thousands have fled, while scores remain missing.")
    assert find_amounts(doc) == []
