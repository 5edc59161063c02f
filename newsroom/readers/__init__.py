"""Readers: every input an editor brings, turned into `Article`s or one-line `ReadError`s.

`read_inputs` walks paths, folders (recursively), globs, URLs and feeds; `read_bytes` reads one
file's content whatever its origin (disk, upload); `read_pasted` reads text pasted in the dashboard.
A bad input never stops the batch: it comes out as a ReadError in the stream, in its place.
"""
from __future__ import annotations

from dataclasses import dataclass
import glob
import os
from pathlib import Path
from typing import Iterable, Iterator

from newsroom.readers.errors import ReadError
from newsroom.readers.feeds import looks_like_feed, read_feed
from newsroom.readers.html import from_html
from newsroom.readers.tabular import read_csv, read_json, read_jsonl
from newsroom.readers.text import decode, split_header, title_line
from newsroom.readers.dates import parse_date
from newsroom.readers.web import fetch
from newsroom.records import Article

__all__ = ["ReadError", "ReadOptions", "read_inputs", "read_bytes", "read_pasted", "SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | FEED_SUFFIXES
Item = Article | ReadError


@dataclass(frozen=True)
class ReadOptions:
    max_bytes: int = int(os.environ.get("NEWSROOM_MAX_BYTES", 5_000_000))  # one article's text
    timeout: float = 15.0  # seconds, for each URL
    # A file of many records may be larger than one article, within reason.
    max_file_bytes: int = 500_000_000


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def read_inputs(inputs: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    for item in inputs:
        if is_url(item):
            yield from read_url(item, options)
        elif Path(item).is_dir():
            files = sorted(p for p in Path(item).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(item).parts))
            if not files:
                yield ReadError(item, "folder with nothing readable (no .txt, .html, .json, .jsonl, .csv or feed files)")
            for path in files:
                yield from read_path(path, options)
        elif Path(item).exists():
            yield from read_path(Path(item), options)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield ReadError(item, "no file matches this pattern")
            yield from read_inputs(matches, options)
        else:
            yield ReadError(item, "no such file or folder")


def read_path(path: Path, options: ReadOptions) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        cap = options.max_file_bytes if path.suffix.lower() in RECORD_SUFFIXES | FEED_SUFFIXES else options.max_bytes
        if size > cap:
            yield ReadError(origin, f"file of {size:,} bytes is over the size limit of {cap:,}")
            return
        data = path.read_bytes()
    except OSError as err:
        yield ReadError(origin, f"cannot read: {err.strerror or err}")
        return
    yield from read_bytes(data, path.name, origin, options)


def read_bytes(data: bytes, name: str, origin: str, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """One file's content, read by its name's suffix (sniffed for feeds)."""
    suffix = Path(name).suffix.lower()
    if not data.strip():
        yield ReadError(origin, "empty file")
        return
    try:
        text = decode(data, origin)
    except ReadError as err:
        yield err
        return
    if suffix in FEED_SUFFIXES or (suffix not in RECORD_SUFFIXES and looks_like_feed(data)):
        yield from read_feed(data, origin, lambda url: _fetch_article(url, options))
    elif suffix == ".json":
        yield from read_json(text, name, origin, options.max_bytes)
    elif suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(text, name, origin, options.max_bytes)
    elif suffix == ".csv":
        yield from read_csv(text, name, origin, options.max_bytes)
    else:
        try:
            if len(text) > options.max_bytes:
                raise ReadError(origin, f"text of {len(text):,} characters is over the size limit of {options.max_bytes:,}")
            if suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
                yield from_html(text, origin, ref=name)
            else:
                yield from_text(text, origin, ref=name)
        except ReadError as err:
            yield err


def from_text(text: str, origin: str, ref: str) -> Article:
    """A plain-text article: optional header, then the body, whose first line may be the title.
    The stored text is the body; the header is metadata, not copy."""
    fields, body = split_header(text)
    body = body.strip("\n")
    if not body.strip():
        raise ReadError(origin, "no article text" + (" after the header" if fields else ""))
    return Article(
        ref=ref, text=body, title=fields.get("title") or title_line(body),
        published=parse_date(fields.get("published") or fields.get("date")),
        source=fields.get("source"), url=fields.get("url"),
        author=fields.get("author") or fields.get("byline"), origin=origin,
    )


def read_pasted(text: str, title: str | None = None, published=None) -> Article:
    """Text pasted into the dashboard; the editor's own title and date win over the header's."""
    article = from_text(text.replace("\r\n", "\n"), "pasted text", ref="pasted")
    return Article(ref=f"pasted-{article.id[:8]}", text=article.text, title=title or article.title,
                   published=parse_date(published) or article.published, source=article.source,
                   url=article.url, author=article.author, origin="pasted text")


def read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    try:
        fetched = fetch(url, options.timeout, options.max_bytes)
    except ReadError as err:
        yield err
        return
    if looks_like_feed(fetched.data):
        yield from read_feed(fetched.data, url, lambda link: _fetch_article(link, options))
        return
    try:
        yield from_html(decode(fetched.data, url), url, ref=url, url=fetched.url)
    except ReadError as err:
        yield err


def _fetch_article(url: str, options: ReadOptions) -> Article:
    fetched = fetch(url, options.timeout, options.max_bytes)
    return from_html(decode(fetched.data, url), url, ref=url, url=fetched.url)
