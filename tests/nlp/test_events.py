"""Diplomacy and conflict events with their dates (newsroom.nlp.events)."""
from __future__ import annotations

from datetime import date

import pytest

from newsroom.nlp.actors import resolve_actors
from newsroom.nlp.events import extract_events
from newsroom.nlp.pipeline import load_nlp

THURSDAY = date(2024, 3, 21)
FRIDAY = date(2024, 3, 22)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _events(nlp, text: str, published: date | None):
    doc = nlp(text)
    return extract_events(doc, published, resolve_actors(doc))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the kinds, each with its day
        ("Secretary of State Jane Doe is scheduled to visit Jordan on Friday to press for a truce.", THURSDAY,
         [("visit", "2024-03-22")]),
        ("The Egyptian foreign minister met his Qatari counterpart in Cairo on Tuesday.", FRIDAY,
         [("talks", "2024-03-19")]),
        ("Russia vetoed the draft resolution on Wednesday.", FRIDAY, [("vote", "2024-03-20")]),
        ("Algeria will present its draft resolution to the Security Council on Monday.", FRIDAY,
         [("resolution", "2024-03-25")]),
        ("The Japanese government pledged $20 million in humanitarian aid on Monday.", FRIDAY,
         [("aid", "2024-03-18")]),
        ("Israeli warplanes struck a school in central Gaza on Sunday, killing 12 people.", FRIDAY,
         [("attack", "2024-03-17")]),
        ("The Jordanian army said on Thursday that it had opened an inquiry.", FRIDAY,
         [("statement", "2024-03-21")]),
        ("Hamas released 24 hostages on Friday under the truce deal.", FRIDAY, [("other", "2024-03-22")]),
        ("Egyptian President Abdel Fattah al-Sisi received the Qatari emir in Cairo on Tuesday.", FRIDAY,
         [("talks", "2024-03-19")]),
        ("The White House said President Joe Biden spoke by phone with Benjamin Netanyahu on Monday.", FRIDAY,
         [("talks", "2024-03-18")]),
        ("The European Union announced an additional 68 million euros in aid for Palestinians on Monday.", FRIDAY,
         [("aid", "2024-03-18")]),
        ("Germany will send two more Patriot air defence systems to Ukraine, the German defence ministry said "
         "on Tuesday.", FRIDAY, [("aid", "2024-03-19")]),
        ("Benjamin Netanyahu rejected the proposal on Tuesday, calling it delusional.", FRIDAY,
         [("statement", "2024-03-19")]),
        ("The General Assembly adopted a resolution demanding a humanitarian truce on Oct. 27.", FRIDAY,
         [("resolution", "2023-10-27")]),
        # a plan with some time given stands without a day
        ("The UN Security Council is expected to vote on the draft later this week.", FRIDAY, [("vote", None)]),
        # one sentence, several acts: the trip, the talks before it, the attack it recalls
        ("On Friday, the envoy makes his third trip to the region since the war started on October 7 with an "
         "attack on Israel by Hamas, following talks in Qatar and Egypt.", FRIDAY,
         [("visit", "2024-03-22"), ("talks", None), ("attack", "2023-10-07")]),
        # a report released on a day, and the killing it found
        ("A report by Amnesty International that was released on Monday found that a journalist who was killed "
         "on Oct. 13 had been targeted by a tank.", FRIDAY,
         [("statement", "2024-03-18"), ("attack", "2023-10-13")]),
        # a trip made to hold talks is the talks
        ("The spy chief travelled to Doha on Monday to join talks with Egyptian and Qatari mediators.", FRIDAY,
         [("talks", "2024-03-18")]),
        # an announced plan is the act, even without a day
        ("The Saudi government declared that it would give $40 million to the agency.", FRIDAY, [("aid", None)]),
        ("The United States has urged Israel to do more to protect civilians.", FRIDAY, [("statement", None)]),
        # a dated plan quoted from its maker
        ("The envoy, Mark Stone, said in a statement that \"we will be bringing this resolution for a vote on "
         "Saturday.\"", THURSDAY, [("vote", "2024-03-23")]),
        # undated acts in the plain past stand, without a day
        ("Russia also attacked the Odesa region with guided missiles.", FRIDAY, [("attack", None)]),
    ],
)
def test_events_and_their_dates(nlp, text, published, expected):
    assert [(e.type, e.date) for e in _events(nlp, text, published)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # background states and tallies
        "Tensions have increased in the occupied West Bank.",
        "At least 88 aid workers have been killed since October 7, the agency said.",
        "Israel has killed more than 30,000 people in Gaza, according to the health ministry.",
        # negated, hypothetical, intended, habitual
        "The Kremlin did not comment on the strikes in its briefing on Wednesday.",
        "An incursion into the city would cause heavy civilian casualties.",
        "The army has promised to launch a fresh ground offensive in the south.",
        "Washington has repeatedly vetoed resolutions on the conflict.",
        # words inside a quotation are the speaker's, an undated remark is no occasion
        "\"We will strike them wherever they hide,\" the minister said.",
        # descriptions and bylines
        "The group, funded by Iran, operates across the border.",
        "Jane Roe contributed reporting.",
        "Hospital officials said they received three bodies on Monday.",
        "Cyprus said the ships that had arrived in Gaza on Monday were unloaded.",
        # "struck a deal" is no blow, nor is attacking a rival at a debate
        "Negotiators struck a deal after weeks of talks, officials in Doha said.",
        "Ted Cruz attacked Donald Trump at the debate on Tuesday.",
        "Customs officers found the tunnel on Monday in a joint operation with the police.",
    ],
)
def test_no_event(nlp, text):
    assert _events(nlp, text, FRIDAY) == []


def test_headlines_and_subheads_are_skipped(nlp):
    text = "Israeli Jets Strike Gaza\nIsraeli jets struck targets in northern Gaza on Monday.\nRising toll\n"
    events = _events(nlp, text, FRIDAY)
    assert [(e.type, e.date, e.evidence) for e in events] == [
        ("attack", "2024-03-18", "Israeli jets struck targets in northern Gaza on Monday.")
    ]


def test_an_act_told_again_is_not_a_new_event(nlp):
    text = ("Russia and China vetoed the resolution on Friday. Eleven members voted in favor, but Russia and China "
            "voted against it. In 2022, Russia vetoed two resolutions on Ukraine.")
    events = _events(nlp, text, FRIDAY)
    assert [(e.type, e.date) for e in events] == [("vote", "2024-03-22"), ("vote", None)]
    assert events[1].evidence.startswith("In 2022")


def test_victims_told_of_again_are_not_a_new_attack(nlp):
    text = ("A reporter and four relatives were killed in an airstrike in Rafah on Thursday. "
            "The broadcaster said they were killed at home by an Israeli airstrike. "
            "Separately, two farmers were killed in a strike on a field near Jenin.")
    events = _events(nlp, text, FRIDAY)
    assert [(e.type, e.date, e.evidence[:12]) for e in events] == [
        ("attack", "2024-03-21", "A reporter a"),
        ("attack", None, "Separately, "),
    ]


def test_evidence_is_the_sentence_with_its_offsets(nlp):
    text = "Fighting went on. The Israeli military said on Thursday that its forces raided a hospital in Gaza City."
    doc = nlp(text)
    [event] = extract_events(doc, FRIDAY, resolve_actors(doc))
    assert (event.type, event.date) == ("attack", "2024-03-21")
    assert text[event.start:event.end] == event.evidence == text[len("Fighting went on. "):]


def test_actors_are_canonical_names_with_the_doer_first(nlp):
    text = ("Antony Blinken met Egyptian President Abdel Fattah al-Sisi in Cairo on Tuesday. "
            "Linda Thomas-Greenfield visited Israel.")
    doc = nlp(text)
    index = resolve_actors(doc)
    events = extract_events(doc, FRIDAY, index)
    assert [(e.type, e.date, e.actors[0], e.place) for e in events] == [
        ("talks", "2024-03-19", index.canonical("Antony Blinken"), "Cairo"),
        ("visit", None, index.canonical("Linda Thomas-Greenfield"), "Israel"),
    ]


def test_no_publication_date_leaves_relative_days_unknown(nlp):
    events = _events(nlp, "Israeli tanks shelled the camp on Tuesday, residents said.", None)
    assert [(e.type, e.date) for e in events] == [("attack", None)]


@pytest.mark.parametrize("text, actors", [
    # a demonym on the state or its agents names the state
    ("The Saudi government pledged $15 million to the relief agency on Monday.", ["Saudi Arabia"]),
    ("The Japanese government pledged $20 million in humanitarian aid on Monday.", ["Japan"]),
    ("Israeli warplanes struck a school in central Gaza on Sunday.", ["Israel"]),
    # a city or a title read as a name is no actor of the event
    ("US Secretary of State Antony Blinken is scheduled to visit Israel on Friday.",
     ["United States", "Antony Blinken", "Israel"]),
])
def test_event_actors_are_known_actors_or_states_named_by_demonym(nlp, text, actors):
    [event] = _events(nlp, text, FRIDAY)
    assert event.actors == actors
