"""Time expressions resolved against the publication date (newsroom.nlp.dates)."""
from __future__ import annotations

from datetime import date

import pytest

from newsroom.nlp.dates import looks_ahead, resolve_date, time_expressions
from newsroom.nlp.pipeline import load_nlp

FRIDAY = date(2024, 3, 22)  # a Friday
SATURDAY = date(2024, 3, 23)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday looks back, the same day allowed
        ("The foreign minister told reporters in Amman on Thursday that talks would go on.", FRIDAY, date(2024, 3, 21)),
        ("The resolution failed on Friday after two vetoes.", FRIDAY, date(2024, 3, 22)),
        ("The resolution failed on Friday after two vetoes.", SATURDAY, date(2024, 3, 22)),
        ("Rescuers searched the rubble on Monday morning.", FRIDAY, date(2024, 3, 18)),
        ("On Sunday night, the army said it had opened an inquiry.", FRIDAY, date(2024, 3, 17)),
        # ... or ahead when the clause does
        ("The envoy is scheduled to visit Cairo on Friday.", FRIDAY, date(2024, 3, 22)),
        ("The envoy is scheduled to visit Cairo on Monday.", FRIDAY, date(2024, 3, 25)),
        ("The council will vote on the draft on Tuesday.", FRIDAY, date(2024, 3, 26)),
        ("The vote was set for Wednesday.", FRIDAY, date(2024, 3, 27)),
        ("Ministers are expected to meet again on Sunday.", FRIDAY, date(2024, 3, 24)),
        ("The delegation will travel to Paris next Friday.", FRIDAY, date(2024, 3, 29)),
        ("The envoy will fly to Israel to brief the war cabinet on Wednesday.", FRIDAY, date(2024, 3, 27)),
        ("The envoy will fly to Cairo and meet the president on Thursday.", FRIDAY, date(2024, 3, 28)),
        ("The envoy flew to Israel to brief the war cabinet on Wednesday.", FRIDAY, date(2024, 3, 20)),
        ("The delegation travelled to Paris last Friday.", FRIDAY, date(2024, 3, 15)),
        # a future inside a quotation does not move the reporting verb's day
        ("\"You will pay a heavy price,\" the prime minister told parliament on Monday.", FRIDAY, date(2024, 3, 18)),
        # a reported intention takes the nearest such day
        ("Officials said the convoy would cross on Saturday.", FRIDAY, date(2024, 3, 23)),
        ("Officials said the convoy would cross on Thursday.", FRIDAY, date(2024, 3, 21)),
        # month and day, with and without a year
        ("The war began with the Oct. 7 attack.", FRIDAY, date(2023, 10, 7)),
        ("The war started on October 7 with a raid.", FRIDAY, date(2023, 10, 7)),
        ("The talks opened on 12 March.", FRIDAY, date(2024, 3, 12)),
        ("The ceasefire took hold on Nov. 24, 2023.", FRIDAY, date(2023, 11, 24)),
        ("The summit will open on April 3.", FRIDAY, date(2024, 4, 3)),
        # a future clause far from its yearless date is about the past one
        ("The envoy will visit the kibbutz attacked on Oct. 7.", FRIDAY, date(2023, 10, 7)),
        ("The strike hit the depot on 2024-01-15.", FRIDAY, date(2024, 1, 15)),
        # counted from publication
        ("The minister resigned yesterday.", FRIDAY, date(2024, 3, 21)),
        ("The camp was shelled overnight.", FRIDAY, date(2024, 3, 22)),
        ("The aid ship docked three days ago.", FRIDAY, date(2024, 3, 19)),
        ("Drones struck the capital on New Year's Eve.", FRIDAY, date(2023, 12, 31)),
        # periods fix no day
        ("Fighting intensified last week.", FRIDAY, None),
        ("Aid deliveries fell this week.", FRIDAY, None),
        ("The draft was blocked at the end of February.", FRIDAY, None),
        ("Russia vetoed two resolutions in 2022.", FRIDAY, None),
        ("The home was destroyed in an airstrike back in November.", FRIDAY, None),
        ("Drones were launched days before New Year's Eve.", FRIDAY, None),
        ("Aid groups have warned of famine for months.", FRIDAY, None),
        # no publication date: only a full date stands
        ("The resolution failed on Friday.", None, None),
        ("The war started on October 7, 2023.", None, date(2023, 10, 7)),
    ],
)
def test_resolve_date_in_parsed_sentence(nlp, text, published, expected):
    assert resolve_date(nlp(text)[:], published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy will arrive on Monday.", date(2024, 3, 25)),
        ("The envoy arrived on Monday.", date(2024, 3, 18)),
        ("The envoy is due to arrive on Sunday.", date(2024, 3, 24)),
        ("Talks resumed on March 20.", date(2024, 3, 20)),
        ("No date was given.", None),
    ],
)
def test_resolve_date_in_plain_string(text, expected):
    assert resolve_date(text, FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands marched on Tuesday and again on Wednesday, as they had at the May 1 rally.",
         [("Tuesday", date(2024, 3, 19)), ("Wednesday", date(2024, 3, 20)), ("May 1", date(2023, 5, 1))]),
        ("Crowds gathered a week after the May 1 rally.", [("May 1", None)]),
        ("May God help us, a mourner said last week.", [("last week", None)]),
        ("Troops will march south in March.", [("March", None)]),
    ],
)
def test_time_expressions_are_listed_in_order(nlp, text, expected):
    found = time_expressions(nlp(text)[:], FRIDAY)
    assert [(e.text, e.date) for e in found] == expected
    assert all(text[e.start:e.end] == e.text for e in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The secretary of state is scheduled to visit Israel on Friday.", True),
        ("The council will vote on Monday.", True),
        ("The council voted on Monday.", False),
        ("The minister said on Monday that the army will press on.", False),
    ],
)
def test_looks_ahead_follows_the_clause_of_the_date(nlp, text, expected):
    assert looks_ahead(nlp(text)[:]) is expected
