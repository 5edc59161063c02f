"""What attribution keeps of one document while it goes through the quotes: sentence bounds by
token, the tokens inside quotation marks and the speakers of the quotes so far."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc


class Sentences:
    """Sentence bounds looked up by token, computed once per document (Token.sent walks the
    document each time it is asked)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents]
        self.ends = self.starts[1:] + [len(doc)]

    def bounds(self, i: int) -> tuple[int, int]:
        k = max(0, bisect_right(self.starts, i) - 1)
        return self.starts[k], self.ends[k]


@dataclass
class Context:
    """What attribution knows of the article so far."""

    inside: frozenset[int]  # tokens inside quotation marks
    sents: Sentences
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (token, speaker) of earlier quotes
