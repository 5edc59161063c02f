"""Casualty figures (to be built: issue 4)."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from newsroom.nlp.actors import ActorIndex
from newsroom.records import Casualty


def extract_casualties(doc: Doc, published: date | None, actors: ActorIndex) -> list[Casualty]:
    return []
