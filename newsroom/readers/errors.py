from __future__ import annotations


class ReadError(Exception):
    """An input that cannot become an article: `origin` names it, `reason` says why, in one line."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason
