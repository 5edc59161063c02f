"""Article records in JSON (one object or a list), JSON Lines and CSV.

A record has `text` (or `body` / `content`) and may have `id`, `title`, `date` / `published`,
`source`, `url`, `author`. A record's own `id` is its reference; otherwise FILE#N (1-based).
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterator

from newsroom.readers.dates import parse_date
from newsroom.readers.errors import ReadError
from newsroom.records import Article

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "pub_date", "published_at", "datetime")


def _first(record: dict, names) -> object:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def from_record(record: object, origin: str, default_ref: str, max_chars: int) -> Article:
    if not isinstance(record, dict):
        raise ReadError(origin, f"a record is {type(record).__name__}, not an object with a text field")
    text = _first(record, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        raise ReadError(origin, "no text field (expected 'text', 'body' or 'content')")
    if len(text) > max_chars:
        raise ReadError(origin, f"text of {len(text):,} characters is over the limit of {max_chars:,}")
    ident = _first(record, ("id",))
    str_or_none = lambda v: str(v).strip() or None if v is not None else None
    return Article(
        ref=str(ident) if ident is not None else default_ref,
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        title=str_or_none(_first(record, ("title", "headline"))),
        published=parse_date(_first(record, DATE_FIELDS)),
        source=str_or_none(_first(record, ("source", "outlet", "publisher"))),
        url=str_or_none(_first(record, ("url", "link"))),
        author=str_or_none(_first(record, ("author", "byline"))),
        origin=origin,
    )


def _records(items, name: str, origin: str, max_chars: int) -> Iterator[Article | ReadError]:
    any_item = False
    for n, record in items:
        any_item = True
        where = f"{origin}#{n}"
        if isinstance(record, ReadError):  # a line that did not parse
            yield record
            continue
        try:
            yield from_record(record, where, f"{name}#{n}", max_chars)
        except ReadError as err:
            yield err
    if not any_item:
        yield ReadError(origin, "no records")


def read_json(text: str, name: str, origin: str, max_chars: int) -> Iterator[Article | ReadError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield ReadError(origin, f"malformed JSON: {err.msg} at line {err.lineno}, column {err.colno}")
        return
    items = data if isinstance(data, list) else [data]
    yield from _records(enumerate(items, 1), name, origin, max_chars)


def read_jsonl(text: str, name: str, origin: str, max_chars: int) -> Iterator[Article | ReadError]:
    """One record per line; a malformed line is reported and the others are read."""
    def items():
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as err:
                yield n, ReadError(f"{origin}#{n}", f"malformed JSON line: {err.msg}")

    yield from _records(items(), name, origin, max_chars)


def read_csv(text: str, name: str, origin: str, max_chars: int) -> Iterator[Article | ReadError]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(max(max_chars * 2, 131072))
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        fields = [f.lower() for f in (reader.fieldnames or [])]
        if not any(f in TEXT_FIELDS for f in fields):
            yield ReadError(origin, f"malformed CSV or no text column (columns: {', '.join(fields) or 'none'};"
                                    " expected 'text', 'body' or 'content')")
            return
        rows = []
        for n, row in enumerate(reader, 1):
            if None in row:  # more cells than the header has columns
                rows.append((n, ReadError(f"{origin}#{n}", "malformed CSV row: more cells than columns")))
            else:
                rows.append((n, row))
    except csv.Error as err:
        yield ReadError(origin, f"malformed CSV: {err}")
        return
    yield from _records(iter(rows), name, origin, max_chars)
