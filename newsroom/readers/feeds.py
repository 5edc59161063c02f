"""RSS and Atom feeds through feedparser. Entries carrying full content are read as they are; an
entry with only a summary is fetched from its link, and reported when that fails (offline)."""
from __future__ import annotations

from typing import Callable, Iterator

import feedparser

from newsroom.readers.dates import parse_date
from newsroom.readers.errors import ReadError
from newsroom.readers.html import html_text
from newsroom.records import Article

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return any(m in head for m in FEED_MARKERS)


def _entry_date(entry) -> object:
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            return "%04d-%02d-%02d" % tuple(entry[key][:3])
    return entry.get("published") or entry.get("updated")


def read_feed(data: bytes, origin: str, fetch_article: Callable[[str], Article]) -> Iterator[Article | ReadError]:
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f" ({feed.bozo_exception})" if feed.get("bozo") and feed.get("bozo_exception") else ""
        yield ReadError(origin, f"feed with no entries{problem}")
        return
    source = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, 1):
        title = entry.get("title")
        where = f"{origin} entry {n}" + (f" ({title!r})" if title else "")
        link = entry.get("link")
        ref = entry.get("id") or link or f"{origin}#{n}"
        published = parse_date(_entry_date(entry))
        content = " ".join(c.get("value", "") for c in entry.get("content", []))
        text = html_text(content)[0] if content else ""
        if text:
            yield Article(ref=ref, text=text, title=title, published=published, source=source, url=link,
                          author=entry.get("author"), origin=where)
            continue
        if not link:
            yield ReadError(where, "entry has only a summary and no link to the article")
            continue
        try:
            fetched = fetch_article(link)
        except ReadError as err:
            yield ReadError(where, f"feed holds only a summary and the article could not be fetched: {err.reason}")
            continue
        yield Article(ref=ref, text=fetched.text, title=title or fetched.title,
                      published=published or fetched.published, source=source or fetched.source,
                      url=link, author=entry.get("author") or fetched.author, origin=where)
