"""Bytes to text, and plain-text articles with an optional `key: value` header."""
from __future__ import annotations

import re
import unicodedata

from newsroom.readers.errors import ReadError

# Magic numbers of the binary files editors drop by mistake.
_SIGNATURES = {
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive (or Word/Excel document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
HEADER_KEYS = {"title", "date", "published", "source", "url", "author", "byline"}


def decode(data: bytes, origin: str) -> str:
    """UTF-8 (with or without BOM, or UTF-16 with a BOM), then cp1252, then latin-1.

    latin-1 decodes any byte, so text that only decodes to control characters is refused rather
    than stored as mojibake."""
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            raise ReadError(origin, f"binary file ({what}), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _clean(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ReadError(origin, "undecodable bytes: broken UTF-16") from None
    if b"\x00" in data[:8192]:
        raise ReadError(origin, "binary file (holds NUL bytes), not text")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) < 0.01:
            return _clean(text)
    raise ReadError(origin, "undecodable bytes: not UTF-8, cp1252 or latin-1 text")


def _control_share(text: str) -> float:
    bad = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    return bad / max(1, len(text))


def _clean(text: str) -> str:
    """One newline convention; every later offset refers to this text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """A leading block of `key: value` lines with known keys, ended by a blank line, is metadata."""
    head, sep, body = text.lstrip("\n").partition("\n\n")
    lines = [l for l in head.split("\n") if l.strip()]
    fields = {}
    for line in lines:
        m = re.match(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$", line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return {}, text
        fields[m.group(1).lower()] = m.group(2)
    if not sep or not fields:
        return {}, text
    return fields, body


def title_line(body: str) -> str | None:
    """The first line is the title when it reads like one: short, not ending a sentence, more follows."""
    first, _, rest = body.strip().partition("\n")
    first = first.strip()
    if not rest.strip() or not first or len(first) > 200:
        return None
    if first[-1] in ".,;:" or first.count(". ") > 0:
        return None
    return first
