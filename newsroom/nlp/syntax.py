"""Small walks over the dependency parse that several extractors share."""
from __future__ import annotations

from spacy.tokens import Token

# Parse trees of news sentences are shallow; the walk is bounded all the same.
_MAX_DEPTH = 12


def clause_verb(token: Token) -> Token | None:
    """The nearest verb above a token (itself included): the clause the token belongs to."""
    node = token
    for _ in range(_MAX_DEPTH):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None
