"""The records that flow through the engine: one article in, one extraction out.

These mirror the extraction record of DESIGN.md field for field, so `asdict` of an `Extraction` is
exactly the JSON line `python -m newsroom extract` prints and the rows the store keeps.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property
import hashlib
import re
import unicodedata


@dataclass(frozen=True)
class Article:
    """One article as a reader produced it. `text` is what every offset refers to."""

    ref: str  # the input's own reference: a file's basename, or a record's id
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    origin: str = ""  # where it was read from (path or URL), for messages

    @cached_property  # hashed once, however often ingest, store and record ask
    def id(self) -> str:
        return content_id(self.text)


def normalise_for_id(text: str) -> str:
    """Case, Unicode form and white space do not make a new article."""
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def content_id(text: str) -> str:
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Actor:
    """One actor of an article under its canonical name.

    `role` is the title or description the article gives it, as written: the first one, or a later
    fuller form of that same title ("Secretary of State", then "US Secretary of State" keeps the
    second). Jane Roe, "the Danish foreign minister" -> Actor("Jane Roe", "person", 2, "Danish
    foreign minister"); organisations may have one ("media watchdog group"), countries never."""

    name: str
    type: str  # person | organization | country | group
    mentions: int = 1
    role: str | None = None


@dataclass
class Casualty:
    count: int
    qualifier: str  # exact | at_least | about | more_than | fewer_than | up_to
    category: str  # killed | injured | hostage | arrested | displaced | missing | at_risk | other
    who: str | None
    source: str | None
    place: str | None
    date: str | None
    evidence: str
    start: int
    end: int
    period: str | None = None  # the span a figure covers, as written: "since October 7", "over 24 hours"
    cumulative: bool | None = None  # a running total (a toll to date) rather than one incident's count


@dataclass
class Event:
    date: str | None
    type: str  # visit | talks | vote | resolution | statement | aid | attack | other
    actors: list[str]
    place: str | None
    evidence: str
    start: int
    end: int


@dataclass
class Place:
    name: str  # as written
    canonical: str | None
    lat: float | None
    lon: float | None
    region: str | None
    country: str | None
    mentions: int = 1


@dataclass
class Quote:
    quote: str
    speaker: str | None
    cue: str | None
    kind: str  # direct | partial | fragment
    sentence: str
    start: int  # offsets of the quoted text
    end: int


@dataclass
class Extraction:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_record(self) -> dict:
        """The JSON-ready record of DESIGN.md."""
        a = self.article
        return {
            "ref": a.ref,
            "id": a.id,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "source": a.source,
            "url": a.url,
            "actors": [asdict(x) for x in self.actors],
            "casualties": [asdict(x) for x in self.casualties],
            "events": [asdict(x) for x in self.events],
            "places": [asdict(x) for x in self.places],
            "quotes": [asdict(x) for x in self.quotes],
        }


TABLES = ("actors", "casualties", "events", "places", "quotes")
