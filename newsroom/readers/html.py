"""HTML pages: main text and metadata through trafilatura (no network)."""
from __future__ import annotations

import trafilatura

from newsroom.readers.dates import parse_date
from newsroom.readers.errors import ReadError
from newsroom.records import Article

MIN_CHARS = 40  # below this, what trafilatura found is navigation, not an article


def html_text(html: str) -> tuple[str, dict]:
    """(main text, metadata) of a page; empty text when it has no article."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False)
    if doc is None:
        return "", {}
    meta = doc.as_dict()
    return (meta.get("text") or "").strip(), meta


def from_html(html: str, origin: str, ref: str, url: str | None = None) -> Article:
    text, meta = html_text(html)
    if len(text) < MIN_CHARS:
        raise ReadError(origin, "HTML with no article text")
    return Article(ref=ref, text=text, title=meta.get("title"), published=parse_date(meta.get("date")),
                   source=meta.get("sitename") or meta.get("hostname"), url=meta.get("url") or url,
                   author=meta.get("author"), origin=origin)
