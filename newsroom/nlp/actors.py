"""Actors: people, organisations, countries and groups, one canonical name per article.

First version: named entities, canonicalised through data/actors.csv, and a bare surname joined to
the fullest name in the article that ends with it ("Blinken" -> "Antony Blinken").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsroom.records import Actor
from newsroom.resources import actors_table

_LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


@dataclass
class ActorIndex:
    """Canonical names of the actors of one article."""

    aliases: dict[str, str] = field(default_factory=dict)  # lower-case surface form -> canonical
    types: dict[str, str] = field(default_factory=dict)  # canonical -> type
    counts: Counter = field(default_factory=Counter)  # canonical -> mentions

    def canonical(self, text: str | Span) -> str | None:
        key = (text.text if isinstance(text, Span) else text).strip().lower()
        return self.aliases.get(key)

    def records(self) -> list[Actor]:
        return [Actor(name, self.types[name], n) for name, n in self.counts.most_common()]


def _curated() -> tuple[dict[str, str], dict[str, str]]:
    aliases, types = {}, {}
    for row in actors_table().itertuples():
        types[row.canonical] = row.type
        for name in [row.canonical, *row.aliases]:
            aliases[name.lower()] = row.canonical
    return aliases, types


def resolve_actors(doc: Doc) -> ActorIndex:
    curated, curated_types = _curated()
    index = ActorIndex()
    ents = [e for e in doc.ents if e.label_ in _LABEL_TYPES]
    full_names = sorted({e.text for e in ents if e.label_ == "PERSON"}, key=len, reverse=True)
    for ent in ents:
        surface = ent.text.strip()
        name = curated.get(surface.lower()) or (ent.ent_id_ or None)
        if name is None and ent.label_ == "PERSON":
            name = next((f for f in full_names if f != surface and f.endswith(" " + surface)), surface)
        name = name or surface
        index.aliases[surface.lower()] = name
        index.types.setdefault(name, curated_types.get(name, _LABEL_TYPES[ent.label_]))
        index.counts[name] += 1
    return index
