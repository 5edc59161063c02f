"""Time expressions in news copy, resolved to a calendar day against the publication date.

News copy rarely writes a full date: it says "on Friday", "yesterday", "Oct. 7". The reader fills in
the rest from the dateline, and so do we (conventions of the eval README):

- a weekday is the latest such day on or before publication (the same day allowed), or the next one
  on or after it when the clause looks ahead ("will", "is scheduled to", "next Friday");
  reported intentions ("said it would vote on Friday") take the nearest such day either way, since
  the speech was recent and the day may lie on either side of the dateline;
- a month and day without a year takes the year that puts it on or before publication (on or after
  when the clause looks ahead);
- "yesterday", "today", "overnight", "two days ago" count from publication;
- periods ("last week", "this week", "in March", "end of February", "in 2022") fix no day: None.

Unknown is None, never a guess. The public API:

    resolve_date(text_or_span, published, ahead=None) -> date | None
    time_expressions(text_or_span, published) -> list[TimeExpression]
    looks_ahead(text_or_span) -> bool
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
import re

from spacy.tokens import Doc, Span, Token

from newsroom.nlp.syntax import clause_verb

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
# Fixed-date days that copy names instead of the date.
_HOLIDAYS = {"new year's eve": (12, 31), "new year's day": (1, 1), "christmas eve": (12, 24),
             "christmas day": (12, 25), "boxing day": (12, 26), "valentine's day": (2, 14),
             "independence day": (7, 4), "halloween": (10, 31)}
# Days counted back (negative) or forward from publication.
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                  "overnight": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
                  "the day before yesterday": -2, "the day after tomorrow": 2}

# Month names are matched with a capital only: "may", "march" and "sat" are ordinary words.
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY_RE = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:19|20)\d\d"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_OF_DAY_RE = r"(?:\s+(?:morning|afternoon|evening|night))?"

# One alternation, most specific first; each named group says how to resolve what it matched.
_EXPRESSION_RE = re.compile(
    "|".join([
        rf"(?P<iso>\b{_YEAR_RE}-[01]\d-[0-3]\d\b)",
        rf"(?P<mdy>\b{_MONTH_RE}\s+{_DAY_RE}\b(?:,?\s+{_YEAR_RE}\b)?)",
        rf"(?P<dmy>\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+{_YEAR_RE}\b)?)",
        r"(?P<holiday>\b(?i:new year's (?:eve|day)|new year\u2019s (?:eve|day)|christmas (?:eve|day)"
        r"|boxing day|valentine's day|independence day|halloween)\b)",
        rf"(?P<weekday>\b(?:(?i:last|next|this|past|coming)\s+)?{_WEEKDAY_RE}\b(?:['\u2019]s\b)?{_PART_OF_DAY_RE})",
        r"(?P<ago>\b(?i:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+ago)\b)",
        r"(?P<relative>\b(?i:the day (?:before yesterday|after tomorrow)|yesterday|today|tonight|tomorrow"
        r"|overnight|last night|this (?:morning|afternoon|evening))\b)",
        # Periods: recognised so that nothing inside them is read as a day, but they fix none.
        rf"(?P<period>\b(?:(?i:(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|late|mid-?)\s*)?{_MONTH_RE}"
        rf"(?:\s+{_YEAR_RE})?\b(?!\s+{_DAY_RE}\b)"
        r"|\b(?i:(?:last|this|next|past|coming|earlier this|later this)\s+(?:week|weekend|month|year))\b"
        rf"|\b{_YEAR_RE}\b)",
    ])
)
# "days before New Year's Eve", "hours after Friday's vote": the day is only a landmark.
_OFFSET_BEFORE_RE = re.compile(
    r"(?i:\b(?:(?:days|weeks|hours|months|shortly|soon|just|a day|a week|the day|the week)\s+"
    r"(?:before|after|ahead of|prior to)|the eve of)\s+(?:the\s+)?)$"
)
# Words that make a bare month a verb or an adverb rather than a month ("may", "march").
_AMBIGUOUS_MONTHS = {"may", "march"}

# Sentence-level cues that a clause looks ahead, for plain strings without a parse.
_AHEAD_TEXT_RE = re.compile(
    r"(?i)\b(?:will|shall|won't|going to|(?:scheduled|set|expected|due|slated|poised|planning|plans|plan"
    r"|intends?|preparing|prepares) to|scheduled for|set for|expected on|next)\b|'ll\b|\u2019ll\b"
)
_WOULD_TEXT_RE = re.compile(r"(?i)\bwould\b|'d\b")
_FUTURE_AUX = {"will", "shall", "'ll", "\u2019ll", "wo", "ll"}
_REPORTED_FUTURE_AUX = {"would", "'d", "\u2019d"}
# Heads whose xcomp looks ahead: "is scheduled to visit", "plans to travel", "is due to vote".
_AHEAD_HEADS = {"schedule", "set", "expect", "due", "slate", "poise", "plan", "intend", "prepare", "go",
                "aim", "hope", "want", "seek"}
_SCHEDULE_VERBS = {"schedule", "set", "slate", "plan", "expect"}

# Copy plans a few months ahead at most; a yearless date further on is a past one in a future clause.
_AHEAD_HORIZON_DAYS = 183

# How a clause looks at time: back (default), ahead (future), or reported (would: nearest day).
BACK, AHEAD, NEAREST = "back", "ahead", "nearest"


@dataclass(frozen=True)
class TimeExpression:
    """One time expression: where it is (character offsets into the text given) and the day it
    fixes; `date` is None for periods and for days that cannot be placed."""

    text: str
    start: int
    end: int
    date: date | None


def resolve_date(text: str | Span | Doc, published: date | None, ahead: bool | None = None) -> date | None:
    """The day fixed by the first time expression in `text` that fixes one, or None.

    `text` may be a sentence (Span) or a plain string; with a Span each expression's tense comes from
    its own clause, with a string from the whole text. `ahead` forces the direction for weekdays and
    yearless dates.
    """
    for expr in time_expressions(text, published, ahead):
        if expr.date is not None:
            return expr.date
    return None


def time_expressions(text: str | Span | Doc, published: date | None,
                     ahead: bool | None = None) -> list[TimeExpression]:
    """Every time expression in `text`, in order, each resolved against `published`.

    Offsets are into `text` itself (for a Span: into the span's own text; add `span.start_char` to
    reach the document).
    """
    raw = text.text if isinstance(text, (Span, Doc)) else text
    out = []
    for match in _EXPRESSION_RE.finditer(raw):
        kind = match.lastgroup
        if _is_false_month(match, raw):
            continue
        if ahead is not None:
            direction = AHEAD if ahead else BACK
        elif isinstance(text, (Span, Doc)):
            direction = clause_direction(text, match.start())
        else:
            direction = text_direction(raw)
        day = None
        if not _OFFSET_BEFORE_RE.search(raw[:match.start()]):
            day = _resolve(kind, match.group(kind), published, direction)
        out.append(TimeExpression(match.group(0), match.start(), match.end(), day))
    return out


def looks_ahead(text: str | Span | Doc) -> bool:
    """Does the text (its first time expression's clause, for a parsed span) speak of the future?"""
    if isinstance(text, (Span, Doc)):
        match = _EXPRESSION_RE.search(text.text)
        return clause_direction(text, match.start() if match else 0) == AHEAD
    return text_direction(text) == AHEAD


def text_direction(raw: str) -> str:
    """Direction from the words of a plain string: future markers, then reported "would"."""
    if _AHEAD_TEXT_RE.search(raw):
        return AHEAD
    if _WOULD_TEXT_RE.search(raw):
        return NEAREST
    return BACK


def clause_direction(span: Span | Doc, char_offset: int) -> str:
    """Direction of the clause that governs the token at `char_offset` (relative to the span):
    its verb's auxiliaries and the verbs it depends on through xcomp ("scheduled to visit")."""
    token = _token_at(span, char_offset)
    if token is None:
        return text_direction(span.text)
    verb = clause_verb(token)
    if verb is None:
        return text_direction(span.text)
    return _verb_direction(verb)


def _token_at(span: Span | Doc, char_offset: int) -> Token | None:
    doc = span if isinstance(span, Doc) else span.doc
    base = 0 if isinstance(span, Doc) else span.start_char
    piece = doc.char_span(base + char_offset, base + char_offset + 1, alignment_mode="expand")
    return piece[0] if piece is not None and len(piece) else None


def _verb_direction(verb: Token) -> str:
    """Future auxiliary, an xcomp of a scheduling verb, or "next"; "would" is a reported future."""
    node = verb
    for _ in range(4):
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX:
            return AHEAD
        if node.lemma_.lower() in _AHEAD_HEADS and node.i != verb.i and node.lemma_.lower() != "go":
            return AHEAD
        if node.lemma_.lower() == "go" and node.i != verb.i and node.tag_ == "VBG":
            return AHEAD  # "is going to vote"
        if node.i == verb.i and node.lemma_.lower() in _SCHEDULE_VERBS and _is_passive(node):
            return AHEAD  # "the vote is scheduled for Monday", "a vote set for Friday"
        if aux & _REPORTED_FUTURE_AUX:
            return NEAREST
        if node.head.i == node.i or not _shares_tense(node):
            break
        node = node.head
    return BACK


def _shares_tense(verb: Token) -> bool:
    """Takes its time from the verb above: 'scheduled to visit' (xcomp), 'will travel to Israel to
    brief' (an infinitive of purpose), 'will fly to Cairo and meet' (a bare verb in coordination)."""
    if verb.dep_ == "xcomp":
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "advcl" and infinitive:
        return True
    return verb.dep_ == "conj" and verb.tag_ == "VB" and not infinitive


def _is_passive(verb: Token) -> bool:
    """A past participle used passively: with a passive auxiliary, or as a reduced relative."""
    return verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children))


def _is_false_month(match: re.Match, raw: str) -> bool:
    """'May' and 'March' alone at a sentence start are the verbs as often as the months."""
    if match.lastgroup != "period":
        return False
    word = match.group(0).strip().lower().rstrip(".")
    if word not in _AMBIGUOUS_MONTHS:
        return False
    before = raw[:match.start()].rstrip()
    return not before or before.endswith((".", "\"", "\u201c", "'"))


def _resolve(kind: str, text: str, published: date | None, direction: str) -> date | None:
    """The day one matched expression fixes, by its kind."""
    low = text.lower()
    if kind == "iso":
        return _safe_date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    if kind in ("mdy", "dmy"):
        return _month_day(text, published, direction)
    if kind == "holiday":
        month, day = _HOLIDAYS[low.replace("\u2019", "'")]
        return _yearless(month, day, published, direction)
    if kind == "weekday":
        return _weekday(low, published, direction)
    if published is None:
        return None
    if kind == "ago":
        count = low.split()[0]
        n = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        return published - timedelta(days=n)
    if kind == "relative":
        return published + timedelta(days=_RELATIVE_DAYS[low])
    return None


def _month_day(text: str, published: date | None, direction: str) -> date | None:
    words = re.findall(r"[A-Za-z]+|\d+", text)
    month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
    numbers = [int(w) for w in words if w.isdigit()]
    day = next((n for n in numbers if n <= 31), None)
    year = next((n for n in numbers if n > 31), None)
    if month is None or day is None:
        return None
    if year is not None:
        return _safe_date(year, month, day)
    return _yearless(month, day, published, direction)


def _yearless(month: int, day: int, published: date | None, direction: str) -> date | None:
    """The year that puts the day on or before publication; on or after when looking ahead;
    the nearer of the two for a reported future."""
    if published is None:
        return None
    candidates = [d for d in (_safe_date(published.year + k, month, day) for k in (-1, 0, 1)) if d]
    before = [d for d in candidates if d <= published]
    after = [d for d in candidates if d >= published]
    if direction == AHEAD and after and (min(after) - published).days <= _AHEAD_HORIZON_DAYS:
        return min(after)  # a plan; but "will mark the anniversary of October 7" in spring looks back
    if direction == NEAREST and before and after:
        return min(max(before), min(after), key=lambda d: abs((d - published).days))
    return max(before) if before else None


def _weekday(low: str, published: date | None, direction: str) -> date | None:
    if published is None:
        return None
    target = next(i for i, name in enumerate(_WEEKDAYS) if name in low)
    back = (published.weekday() - target) % 7  # days since the latest such day, 0 = today
    forward = (target - published.weekday()) % 7
    first = low.split()[0]
    if first == "last":
        return published - timedelta(days=back or 7)
    if first in ("next", "coming"):
        return published + timedelta(days=forward or 7)
    if first == "past":
        return published - timedelta(days=back)
    if direction == AHEAD or first == "this" and direction != BACK:
        return published + timedelta(days=forward)
    if direction == NEAREST:
        return published + timedelta(days=forward) if forward < back else published - timedelta(days=back)
    return published - timedelta(days=back)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None

