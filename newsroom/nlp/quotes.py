"""Direct quotations with their speakers (to be built: issue 3)."""
from __future__ import annotations

from spacy.tokens import Doc

from newsroom.nlp.actors import ActorIndex
from newsroom.records import Quote


def extract_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    return []
