"""Place names geocoded offline (to be built: issue 4)."""
from __future__ import annotations

from spacy.tokens import Doc

from newsroom.records import Place


def extract_places(doc: Doc) -> list[Place]:
    return []
