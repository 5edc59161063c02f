"""Quote marks paired on the raw text, paragraph by paragraph: whether each mark opens or closes,
and the quoted spans they enclose (double marks first, single marks only outside them). Plain
string work, before and without the parse."""
from __future__ import annotations

from dataclasses import dataclass
import re

# Quote marks. `''` must be tried before a single straight mark.
_MARKS = re.compile(r"''|``|[\"“”„«»‘’']")
_DOUBLE_OPEN = {"“", "„", "«", "``"}
_DOUBLE_CLOSE = {"”", "»"}
_DOUBLE_EITHER = {'"', "''"}
_SINGLE_OPEN = {"‘"}
_SINGLE_CLOSE = {"’"}
_SINGLE_EITHER = {"'"}
_BEFORE_OPEN = set(" \t\n([{—–-/") | {"\u00a0"}
_AFTER_CLOSE = set(" \t\n.,;:!?)]}—–-/") | {"\u00a0"}
_SINGLE_MAX_CHARS = 300  # a single-quoted span longer than this is an apostrophe misread


@dataclass
class Span:
    """A quoted stretch of text: offsets of the words inside the marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just past the closing mark (== end when unclosed)
    closed: bool
    para: int  # paragraph number
    para_start: bool  # the opening mark begins its paragraph


def _role(mark: str, prev: str, nxt: str) -> str:
    """'open', 'close' or 'either' for one mark given the characters around it. A curly mark
    typed the wrong way round ('...future.“') goes by its place, not its shape."""
    glued_left = prev != "" and not prev.isspace()
    free_right = nxt == "" or nxt in _AFTER_CLOSE
    if mark in _DOUBLE_OPEN or mark in _SINGLE_OPEN:
        return "close" if glued_left and free_right and mark in _DOUBLE_OPEN else "open"
    if mark in _DOUBLE_CLOSE:
        return "open" if (prev == "" or prev.isspace()) and nxt.isalnum() else "close"
    can_open = prev == "" or prev in _BEFORE_OPEN or prev in "“\"'‘«"
    can_open = can_open and nxt != "" and not nxt.isspace()
    can_close = prev != "" and not prev.isspace() and (nxt == "" or nxt in _AFTER_CLOSE or nxt in "”\"'’»")
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: copy puts one paragraph on a line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _double_spans(text: str, para: tuple[int, int]) -> list[tuple[int, int, int, int, bool]]:
    """(open_mark, start, end, close_mark_end, closed) for the double-quoted spans of a paragraph."""
    p0, p1 = para
    out = []
    open_at: tuple[int, int] | None = None
    opener_straight = False
    nested = 0  # curly quotes inside a straight-quoted span, or the reverse
    for m in _MARKS.finditer(text, p0, p1):
        mark = m.group()
        if mark in _SINGLE_OPEN or mark in _SINGLE_CLOSE or mark in _SINGLE_EITHER:
            continue
        prev = text[m.start() - 1] if m.start() > p0 else ""
        nxt = text[m.end()] if m.end() < p1 else ""
        role = _role(mark, prev, nxt)
        if open_at is not None and (mark in _DOUBLE_EITHER) != opener_straight:
            if role == "open":
                nested += 1
                continue
            if role == "close" and nested:
                nested -= 1
                continue
        if open_at is None:
            if role != "close":
                open_at = (m.start(), m.end())
                opener_straight, nested = mark in _DOUBLE_EITHER, 0
        elif role == "open" and not text[open_at[1]:m.start()].strip():
            open_at = (m.start(), m.end())  # a doubled opening mark
        elif role != "open" or mark in _DOUBLE_EITHER:
            out.append((open_at[0], open_at[1], m.start(), m.end(), True))
            open_at = None
        else:
            open_at = (m.start(), m.end())  # the earlier mark was never closed: restart here
            opener_straight, nested = mark in _DOUBLE_EITHER, 0
    if open_at is not None:
        out.append((open_at[0], open_at[1], p1, p1, False))
    return out


def _single_spans(text: str, para: tuple[int, int],
                  taken: list[tuple[int, int]]) -> list[tuple[int, int, int, int, bool]]:
    """Single-quoted spans outside every double-quoted one; an opening mark with no close nearby
    was an apostrophe."""
    p0, p1 = para
    out = []
    open_at: tuple[int, int] | None = None
    for m in _MARKS.finditer(text, p0, p1):
        mark = m.group()
        if not (mark in _SINGLE_OPEN or mark in _SINGLE_CLOSE or mark in _SINGLE_EITHER):
            continue
        if any(a <= m.start() < b for a, b in taken):
            continue
        prev = text[m.start() - 1] if m.start() > p0 else ""
        nxt = text[m.end()] if m.end() < p1 else ""
        if open_at is None:
            if (prev == "" or prev in _BEFORE_OPEN) and nxt.isalnum():
                open_at = (m.start(), m.end())
            continue
        if m.start() - open_at[1] > _SINGLE_MAX_CHARS:
            open_at = None
            continue
        closes = prev and not prev.isspace() and (nxt == "" or nxt in _AFTER_CLOSE)
        if closes and mark != "‘":
            out.append((open_at[0], open_at[1], m.start(), m.end(), True))
            open_at = None
    return out


def find_quote_spans(text: str) -> list[Span]:
    """Every quoted span of the text, in order, trimmed of white space."""
    out: list[Span] = []
    for n, para in enumerate(paragraphs(text)):
        doubles = _double_spans(text, para)
        singles = _single_spans(text, para, [(a, d) for a, _, _, d, _ in doubles])
        for om, s, e, ce, closed in sorted(doubles + singles):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if om > 0 and text[om - 1] == "=":
                continue  # an attribute value of markup left in the text (<tweet author="...">)
            if e > s and any(c.isalnum() for c in text[s:e]):
                lead = text[para[0]:om]
                out.append(Span(s, e, om, ce, closed, n, not lead.strip()))
    return out
