"""Invented wire copy with hand-made extractions, stored as the engine would store them.

The dashboard is tested on these rather than on what the extractors happen to find today: every
table then has rows, two sources disagree on a toll, and one article is hostile (a <script> in its
text, a spreadsheet formula in its title and in a quote)."""
from __future__ import annotations

from datetime import date

from newsroom.records import Actor, Article, Casualty, Event, Extraction, Place, Quote
from newsroom.store import Store

HOSTILE_TITLE = '=HYPERLINK("http://evil.example/x","Gaza update")'
HOSTILE_QUOTE = '=HYPERLINK("http://evil.example/q","see")'
SCRIPT = '<script>document.title="pwned"</script>'

ARTICLES = [
    dict(title="Health officials raise Gaza toll as talks resume", published=date(2024, 3, 1), source="Wire One",
         text=("GAZA CITY — At least 30,000 people have been killed in Gaza since October, the health ministry said on Friday.\n"
               "US Secretary of State Antony Blinken said the talks in Cairo were \"moving in the right direction\" after "
               "meeting mediators.\n"
               "About 70,000 people have been injured, the ministry added.\n"
               "In Rafah, families sheltered in tents near the border.\n")),
    dict(title="UN agency and ministry differ on death toll", published=date(2024, 3, 10), source="Wire Two",
         text=("The health ministry said 31,045 people had been killed in Gaza.\n"
               "The UN relief agency said 30,960 people had been killed in Gaza.\n"
               "Benjamin Netanyahu said Israel would \"finish the job\" in Rafah.\n"
               "Antony Blinken will visit Israel on Friday to press for a truce.\n")),
    dict(title="Raids in Jenin as West Bank tension grows", published=date(2024, 3, 12), source="Wire One",
         text=("JENIN — Israeli forces detained 15 people in raids on the Jenin camp on Tuesday, the Palestinian "
               "Prisoners' Society said.\n"
               "Benjamin Netanyahu told reporters the operation was \"necessary\".\n"
               "The Security Council voted on a ceasefire resolution on Monday.\n")),
    dict(title=HOSTILE_TITLE, published=date(2024, 3, 5), source="Wire Two",
         text=(f"A post read {SCRIPT} before it was removed.\n"
               f"The account wrote \"{HOSTILE_QUOTE}\" under a photograph of Khan Younis.\n")),
]


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _sentence(text: str, part: str) -> str:
    start = text.rfind("\n", 0, text.index(part)) + 1
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def _casualty(text, part, count, category, source, place, day, qualifier="exact", who="people"):
    s, e = _span(text, _sentence(text, part))
    return Casualty(count, qualifier, category, who, source, place, day, text[s:e], s, e)


def _quote(text, words, speaker, cue, kind="direct"):
    s, e = _span(text, words)
    return Quote(words, speaker, cue, kind, _sentence(text, words), s, e)


def _event(text, part, type_, actors, place, day):
    s, e = _span(text, _sentence(text, part))
    return Event(day, type_, actors, place, text[s:e], s, e)


_GAZA = ("Gaza", "Gaza", 31.45, 34.40, "Gaza Strip", "PS")
_RAFAH = ("Rafah", "Rafah", 31.29, 34.25, "Gaza Strip", "PS")
_JENIN = ("Jenin", "Jenin", 32.46, 35.30, "West Bank", "PS")
_KHAN = ("Khan Younis", "Khan Yunis", 31.34, 34.30, "Gaza Strip", "PS")
_CAIRO = ("Cairo", "Cairo", 30.04, 31.24, "Egypt", "EG")
_ISRAEL = ("Israel", "Israel", 31.5, 34.9, "Israel", "IL")


def extractions() -> list[Extraction]:
    out = []
    a = [Article(ref=f"synthetic-{i}.txt", origin="synthetic", **kw) for i, kw in enumerate(ARTICLES)]
    t = a[0].text
    out.append(Extraction(a[0],
        actors=[Actor("Antony Blinken", "person", 1, "US Secretary of State"),
                Actor("Gaza health ministry", "organization", 2)],
        casualties=[_casualty(t, "30,000", 30000, "killed", "health ministry", "Gaza", "2024-03-01", "at_least"),
                    _casualty(t, "70,000", 70000, "injured", "health ministry", "Gaza", "2024-03-01", "about")],
        quotes=[_quote(t, "moving in the right direction", "Antony Blinken", "said")],
        events=[_event(t, "talks in Cairo", "talks", ["Antony Blinken"], "Cairo", None)],
        places=[Place(*_GAZA, mentions=1), Place(*_RAFAH, mentions=1), Place(*_CAIRO, mentions=1)]))
    t = a[1].text
    out.append(Extraction(a[1],
        actors=[Actor("Benjamin Netanyahu", "person", 1), Actor("Antony Blinken", "person", 1),
                Actor("UNRWA", "organization", 1)],
        casualties=[_casualty(t, "31,045", 31045, "killed", "health ministry", "Gaza", "2024-03-10"),
                    _casualty(t, "30,960", 30960, "killed", "UN relief agency", "Gaza", "2024-03-10")],
        quotes=[_quote(t, "finish the job", "Benjamin Netanyahu", "said", "partial")],
        events=[_event(t, "will visit Israel", "visit", ["Antony Blinken"], "Israel", "2024-03-15")],
        places=[Place(*_GAZA, mentions=2), Place(*_RAFAH, mentions=1), Place(*_ISRAEL, mentions=2)]))
    t = a[2].text
    out.append(Extraction(a[2],
        actors=[Actor("Benjamin Netanyahu", "person", 1), Actor("UN Security Council", "organization", 1)],
        casualties=[_casualty(t, "detained 15", 15, "arrested", "Palestinian Prisoners' Society", "Jenin", "2024-03-12")],
        quotes=[_quote(t, "necessary", "Benjamin Netanyahu", "told", "fragment")],
        events=[_event(t, "voted on a ceasefire", "vote", ["UN Security Council"], None, "2024-03-11"),
                _event(t, "detained 15", "attack", ["Israel Defense Forces"], "Jenin", "2024-03-12")],
        places=[Place(*_JENIN, mentions=2), Place("West Bank", "West Bank", 31.95, 35.25, "West Bank", "PS", 1)]))
    t = a[3].text
    out.append(Extraction(a[3],
        actors=[Actor("Hamas", "group", 1)],
        quotes=[_quote(t, HOSTILE_QUOTE, None, "wrote")],
        places=[Place(*_KHAN, mentions=1)]))
    return out


def fill(store: Store) -> None:
    for extraction in extractions():
        store.add(extraction)
