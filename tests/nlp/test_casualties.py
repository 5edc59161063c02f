"""Casualty figures (newsroom.nlp.casualties): what is counted, in which category, on whose word."""
from __future__ import annotations

from datetime import date

import pytest

from newsroom.nlp.actors import resolve_actors
from newsroom.nlp.casualties import extract_casualties, sentence_figures

FRIDAY = date(2024, 3, 22)


def _extract(nlp, text: str, published: date | None = FRIDAY):
    doc = nlp(text)
    return extract_casualties(doc, published, resolve_actors(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 12 people were killed in an airstrike on a school on Tuesday, health officials said.",
         [(12, "at_least", "killed")]),
        ("The army said it had detained 60 suspects in overnight raids across the West Bank.",
         [(60, "exact", "arrested")]),
        ("Gunmen abducted 14 farm workers near the border.", [(14, "exact", "hostage")]),
        ("Militants are still holding 98 hostages, the prime minister's office said.", [(98, "exact", "hostage")]),
        ("Officials said 212 people are being held hostage in the tunnels.", [(212, "exact", "hostage")]),
        ("Nearly 1.7 million people have been displaced by the fighting, the UN agency said.",
         [(1_700_000, "about", "displaced")]),
        ("Some 700 people are still missing under the rubble.", [(700, "about", "missing")]),
        ("Aid agencies warned that famine could kill 500,000 people by the summer.", [(500_000, "exact", "at_risk")]),
        ("More than 2 million people are at risk of famine, the agency warned.", [(2_000_000, "more_than", "at_risk")]),
        ("A shell struck the market, killing nine people and wounding 23 others.",
         [(9, "exact", "killed"), (23, "exact", "injured")]),
        ("The ministry said 54 people had been killed and 102 injured over the previous 24 hours.",
         [(54, "exact", "killed"), (102, "exact", "injured")]),
        ("Twenty-one soldiers — 17 reservists and four conscripts — were killed in the collapse.",
         [(21, "exact", "killed"), (17, "exact", "killed"), (4, "exact", "killed")]),
        ("A 16-year-old was shot dead at a checkpoint near Nablus.", [(1, "exact", "killed")]),
        ("Two of the journalists were killed and a third was wounded.", [(2, "exact", "killed"), (1, "exact", "injured")]),
        ("The death toll from the earthquake has risen to 3,400.", [(3400, "exact", "killed")]),
        ("Rescuers recovered 38 bodies from the collapsed building.", [(38, "exact", "killed")]),
        ("Three gunmen killed five shoppers in the attack.", [(5, "exact", "killed")]),
        ("Troops killed over 90 fighters and arrested over 200 others in the raid.",
         [(90, "more_than", "killed"), (200, "more_than", "arrested")]),
        ("Where 1.2 million people have sought refuge, shelters are overflowing.", [(1_200_000, "exact", "displaced")]),
        ("Between 20 and 30 of the captives are thought to be dead.", [(20, "at_least", "killed")]),
        ("Gunmen took about 240 people captive.", [(240, "about", "hostage")]),
        ("Hamas said 40 hostages had been killed by bombing.", [(40, "exact", "killed")]),
        ("Some 24 hostages were released on Friday.", [(24, "about", "hostage")]),
        ("Of the 253 people taken captive, 105 were freed in November.", [(253, "exact", "hostage")]),
        ("The Pentagon said 45 troops had suffered minor injuries.", [(45, "exact", "injured")]),
        ("Nearly 1,200 people were killed and about 250 taken hostage.",
         [(1200, "about", "killed"), (250, "about", "hostage")]),
        ("The explosion wounded 12 and killed three.", [(12, "exact", "injured"), (3, "exact", "killed")]),
        ("The attack left 30 dead and 100 injured.", [(30, "exact", "killed"), (100, "exact", "injured")]),
        ("The flood left 5,000 people homeless and 300 missing.",
         [(5000, "exact", "displaced"), (300, "exact", "missing")]),
        ("The bodies of three hostages were recovered overnight.", [(3, "exact", "killed")]),
        ("Some 1,000 people have fled the village since the shelling began.", [(1000, "about", "displaced")]),
        ("Four aid workers were among those killed in the strike.", [(4, "exact", "killed")]),
        ("The number of Palestinians detained in the West Bank has climbed to 3,000.", [(3000, "exact", "arrested")]),
        ("More than 1 million displaced persons live in the camps.", [(1_000_000, "more_than", "displaced")]),
        ("The strike on the shelter brought the death toll to 45.", [(45, "exact", "killed")]),
        ("The ministry put the toll at 20,000 on Sunday.", [(20_000, "exact", "killed")]),
        ("Eight migrants lost their lives when the boat capsized.", [(8, "exact", "killed")]),
        ("Two passers-by were hurt by flying glass.", [(2, "exact", "injured")]),
        ("The fighting has displaced 1.7m people, the agency said.", [(1_700_000, "exact", "displaced")]),
        ("The raid brought the war to a toll of 1,200 in a single day.", [(1200, "exact", "killed")]),
    ],
)
def test_figures(nlp, text, expected):
    assert [(c.count, c.qualifier, c.category) for c in _extract(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The army said it struck 450 targets and destroyed 12 tunnels.",
        "Dozens were killed and hundreds of thousands have been wounded.",
        "The 64-year-old minister resigned in 2019 after 12 years in office.",
        "Riyadh pledged $40 million, while 80% of residents have fled their homes.",
        "The enclave's 2.3 million residents are running out of clean water.",
        "The truce will be extended by a day for every 10 hostages released.",
        "The council voted 14 to 0, with one abstention, on Monday.",
        "Four of the hospitals have stopped working, the agency said.",
        "Critics said the rules hurt one candidate more than the others.",
        "One neighbour offered to shelter the family for the winter.",
        "The hospital, which has 300 beds, is treating 700 patients.",
        "Some 2,000 protesters marched in London demanding a ceasefire.",
        "The militants fired 150 rockets toward Tel Aviv, the army said.",
        "Netanyahu, 74, has led the country for most of the past 15 years.",
        "Israel said it would allow 10,000 workers from Gaza to enter.",
    ],
)
def test_no_figures(nlp, text):
    assert _extract(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel has killed at least 31,000 people, according to the health ministry in the territory "
         "controlled by Hamas.", ["health ministry in the territory controlled by Hamas"]),
        ("The Israeli military said it had killed more than 90 fighters.", ["Israeli military"]),
        ("According to a Reuters tally of official figures, 310 people have died.", ["Reuters tally of official figures"]),
        ("Hospital officials said seven people were killed, with rescuers saying they pulled four bodies "
         "from the rubble.", ["Hospital officials", "rescuers"]),
        ("Five civilians were killed in the strike.", [None]),
        # "the ministry" and "they" go back to the last attribution that was spelt out
        ("The Ministry of Health in Gaza said the hospitals were full. The ministry said 40 people had been "
         "killed overnight.", ["Ministry of Health in Gaza"]),
        ("Rescue workers in Rafah said the shelters were full. They said 11 people were killed in the strike.",
         ["Rescue workers in Rafah"]),
        # a description that names no earlier source takes the last one
        ("The Committee to Protect Journalists said the war was the deadliest on record. As of Monday, 42 "
         "journalists had been killed, the group said.", ["Committee to Protect Journalists"]),
        # "the official" is not the earlier "officials"
        ("Regional officials said power was cut. According to the city's mayor, a 70-year-old man was killed. "
         "Four people were injured elsewhere, the official said.", ["city's mayor", "city's mayor"]),
        ("The strike killed 14 people, according to the civil defence agency, which said rescuers were still "
         "digging.", ["civil defence agency"]),
        # of two subjects the parser gives a verb, the nearer one
        ("Around 30 people were injured when a bus overturned near Hebron, medics said.", ["medics"]),
        # an attribution in a side clause speaks of something else
        ("At least 30 people were killed on Sunday, as the prime minister said the war would go on.", [None]),
    ],
)
def test_sources(nlp, text, expected):
    assert [c.source for c in _extract(nlp, text)] == expected


def test_record_fields(nlp):
    text = "Talks resumed in Cairo.\nTwo men were killed by troops in Jenin on Wednesday, medics said."
    (record,) = _extract(nlp, text)
    assert (record.count, record.qualifier, record.category, record.who, record.source, record.place,
            record.date) == (2, "exact", "killed", "men", "medics", "Jenin", "2024-03-20")
    assert text[record.start:record.end] == record.evidence == (
        "Two men were killed by troops in Jenin on Wednesday, medics said.")


@pytest.mark.parametrize("text", ["", "\n\n", "12", "   \n  "])
def test_empty_copy(nlp, text):
    assert _extract(nlp, text) == []


def test_evidence_is_the_line_without_surrounding_space(nlp):
    text = "   \n  Two people were killed.\n\n\nThree more died.  "
    records = _extract(nlp, text, published=None)
    assert [(r.count, r.evidence, text[r.start:r.end]) for r in records] == [
        (2, "Two people were killed.", "Two people were killed."), (3, "Three more died.", "Three more died.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men were killed by troops in Jenin on Wednesday.", "Jenin"),
        ("He warned against an assault on Rafah, the southern city of Gaza where 1.4 million people are "
         "sheltering.", "Rafah"),
        # a place that acts or is acted on is not where the figure happened
        ("Israel has killed at least 400 people since the raid.", None),
        ("Since the militants attacked Israel, 36 reporters have been killed.", None),
        ("Three soldiers were killed in Jordan by an Iran-backed militia.", "Jordan"),
        ("Shelling killed four civilians in the Kharkiv region on Monday.", "Kharkiv"),
    ],
)
def test_place(nlp, text, expected):
    assert [r.place for r in _extract(nlp, text)] == [expected]


def test_a_period_start_fixes_no_day(nlp):
    (record,) = _extract(nlp, "More than 400 Palestinians have been killed in the West Bank since Oct. 7.")
    assert (record.count, record.place, record.date) == (400, "West Bank", None)


def test_repeated_figure_is_counted_once(nlp):
    text = ("Strike kills 12 in Rafah\n"
            "An Israeli strike killed 12 people in Rafah on Tuesday, medics said.\n"
            "The 12 people had been sheltering in a school.")
    records = _extract(nlp, text)
    assert [(r.count, r.category, r.evidence) for r in records] == [
        (12, "killed", "An Israeli strike killed 12 people in Rafah on Tuesday, medics said.")]


def test_body_sentence_run_into_the_headline_by_the_parser(nlp):
    text = ("Three Brothers of Militia Commander Killed in Drone Strike\n"
            "Three brothers of a militia commander were killed in a drone strike on Monday, the group said.")
    records = _extract(nlp, text)
    assert [(r.count, r.category, r.source, r.evidence) for r in records] == [
        (3, "killed", "group", text.split("\n")[1])]


def test_headline_figure_kept_when_the_body_omits_it(nlp):
    text = "Death toll rises to 300 in quake\nRescuers searched the rubble through the night."
    assert [(r.count, r.category) for r in _extract(nlp, text)] == [(300, "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants seized about 240 hostages in the raid. Some 110 were freed in November and 129 people "
         "are still in Gaza, officials said.", [(240, "hostage"), (129, "hostage")]),
        ("Militants seized about 240 hostages, of whom 129 remain in Gaza.", [(240, "hostage"), (129, "hostage")]),
        # without hostages just before, people somewhere are not a figure
        ("Aid trucks crossed at dawn. Some 300 people are still in Rafah, officials said.", []),
    ],
)
def test_people_still_held_after_a_hostage_count(nlp, text, expected):
    assert [(c.count, c.category) for c in _extract(nlp, text)] == expected


def test_named_victim_counts_one(nlp):
    records = _extract(nlp, "Omar Haddad, a photographer for a local agency, and six members of his family "
                            "were killed in the strike.")
    assert [(r.count, r.category, r.who) for r in records] == [(6, "killed", "members"), (1, "killed", "Omar Haddad")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said 1,500 people have been killed since Oct. 7.", [(1500, "since Oct. 7", True)]),
        ("More than 19,400 Palestinians have been killed since the start of the war.",
         [(19400, "since the start of the war", True)]),
        ("In the past 24 hours, 40 people were killed, the ministry said.", [(40, "In the past 24 hours", False)]),
        ("The death toll has risen to 3,400.", [(3400, None, True)]),
        ("Troops killed 12 fighters on Tuesday.", [(12, None, False)]),
    ],
)
def test_period_and_running_totals(nlp, text, expected):
    figures = sentence_figures(nlp(text)[:])
    assert [(f.amount.value, f.period, f.cumulative) for f in figures] == expected
