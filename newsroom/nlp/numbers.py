"""Numbers as news copy writes them: "31,988", "nearly 32,000", "2.4 million", "two dozen", "between 20 and 30".

`find_amounts` walks the tokens of a span once and returns every numeric expression with its value,
its qualifier ("at least 45" -> 45, at_least) and its kind. Only `kind == "count"` can be a figure of
people: ages ("a 19-year-old", "Arouri, 57,"), years, dates, times, money, percentages, measures
and fractions are recognised so that callers can leave them out. Vague amounts ("dozens",
"hundreds of thousands") and ordinals ("sixth", "64th") are never amounts at all. An indefinite age noun ("a 19-year-old died") is
one person: it comes back as an implicit count of 1 for callers that want it.
"""
from __future__ import annotations

from dataclasses import dataclass
import re

from spacy.tokens import Doc, Span, Token

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTION_WORDS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths"}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
# British copy abbreviates multipliers: "1.7m people", "2bn", "40k".
_ABBREVIATED = re.compile(r"^(\d+(?:\.\d+)?)(m|mn|bn|k)$")
_ABBREVIATIONS = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

# Qualifiers, longest first, as lower-case token sequences that end right before the number.
_QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("no", "fewer", "than"), "at_least"), (("no", "less", "than"), "at_least"),
    (("not", "less", "than"), "at_least"), (("a", "minimum", "of"), "at_least"),
    (("at", "least"), "at_least"),
    (("more", "than"), "more_than"), (("upwards", "of"), "more_than"), (("in", "excess", "of"), "more_than"),
    (("fewer", "than"), "fewer_than"), (("less", "than"), "fewer_than"),
    (("up", "to"), "up_to"), (("as", "many", "as"), "up_to"), (("as", "much", "as"), "up_to"),
    (("at", "most"), "up_to"), (("upward", "of"), "more_than"),
    (("close", "to"), "about"), (("an", "estimated"), "about"),
    (("over",), "more_than"), (("above",), "more_than"), (("exceeding",), "more_than"),
    (("under",), "fewer_than"), (("below",), "fewer_than"),
    (("about",), "about"), (("around",), "about"), (("approximately",), "about"), (("roughly",), "about"),
    (("some",), "about"), (("nearly",), "about"), (("almost",), "about"), (("estimated",), "about"),
    (("approx",), "about"), (("circa",), "about"), (("maybe",), "about"), (("perhaps",), "about"),
)
_TIME_UNITS = {
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "night",
    "a.m.", "p.m.", "am", "pm", "o'clock", "weekend",
}
_MEASURE_UNITS = {
    "kilometer", "kilometre", "km", "mile", "meter", "metre", "foot", "feet", "inch", "yard", "acre",
    "hectare", "ton", "tonne", "pound", "kilogram", "kg", "gram", "liter", "litre", "gallon", "ounce",
    "degree", "square", "kilometers", "miles", "percent", "cent", "pc", "dollar", "euro", "shekel",
    "point", "calorie", "megawatt", "barrel",
}
_CURRENCY_SIGNS = {"$", "€", "£", "¥", "us$", "usd", "nis"}
_MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
}
_DASHES = {"-", "–", "—"}
_RANGE_LINKS = {"to", "-", "–", "—", "or"}
_RANGE_FILLER = {"between", "and", "to", "or", "about", "around", "some", "nearly", "over", "more", "than",
                 "at", "least", "up", "almost", "roughly", "approximately", "a", "an"}
_NON_COUNT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


@dataclass(frozen=True)
class Amount:
    """One numeric expression. `start`/`end` are token indices of the number itself in the doc;
    `qual_start` is where its qualifier begins (== start when there is none)."""

    value: int
    qualifier: str  # exact | at_least | about | more_than | fewer_than | up_to
    kind: str  # count | age | year | date | time | money | percent | measure | ordinal | fraction
    start: int
    end: int
    qual_start: int
    high: int | None = None  # upper bound of a range ("between 20 and 30")
    implicit: bool = False  # "a 19-year-old": one person, no number written for the count


def parse_number(text: str) -> int | None:
    """The value of a written number: "31,988", "2.4 million", "twenty-four", "two dozen", "a million".

    Decimals are only allowed in front of a multiplier, since people come in whole numbers."""
    words = [w for w in re.split(r"[\s\-\u00a0]+", text.strip().lower()) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        words[0] = "one"
    total, current, seen = 0.0, 0.0, False
    for w in words:
        abbreviated = _ABBREVIATED.match(w)
        if abbreviated:
            current += float(abbreviated.group(1)) * _ABBREVIATIONS[abbreviated.group(2)]
        elif _DIGITS.match(w):
            current += float(w.replace(",", ""))
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _MULTIPLIERS:
            mult = _MULTIPLIERS[w]
            current = (current or 1) * mult
            if mult >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    value = total + current
    if not seen or value != int(value):
        return None
    return int(value)


def _is_number_token(tok: Token) -> bool:
    low = tok.lower_
    return bool(_DIGITS.match(low) or _ABBREVIATED.match(low)) or low in _UNITS or low in _TENS or low in _MULTIPLIERS


def _number_end(doc: Doc, i: int, limit: int) -> int:
    """End (exclusive) of the run of number words starting at i: "2.4 million", "twenty - four",
    "two dozen"; a hyphen only joins two number words."""
    j = i + 1
    while j < limit:
        low = doc[j].lower_
        if low in _ABBREVIATIONS and not doc[j - 1].whitespace_ and _DIGITS.match(doc[j - 1].lower_):
            return j + 1  # "1.7m", split by the tokenizer
        if low in _MULTIPLIERS or (low in _UNITS and doc[j - 1].lower_ in _TENS):
            j += 1
        elif low == "-" and j + 1 < limit and doc[j - 1].lower_ in _TENS and doc[j + 1].lower_ in _UNITS:
            j += 2
        else:
            break
    return j


def _qualifier(doc: Doc, start: int, floor: int) -> tuple[str, int]:
    """The qualifier words right before token `start`, and where they begin."""
    for words, name in _QUALIFIERS:
        k = start - len(words)
        if k >= floor and tuple(t.lower_ for t in doc[k:start]) == words:
            return name, k
    return "exact", start


def _suffix_qualifier(doc: Doc, end: int, limit: int) -> str | None:
    """"100-plus", "500 or more", "20 or so" qualify from behind."""
    tail = [t.lower_ for t in doc[end:min(limit, end + 2)]]
    if tail[:2] == ["-", "plus"] or tail[:1] == ["plus"] or tail[:2] == ["or", "more"]:
        return "more_than"
    if tail[:2] == ["or", "so"]:
        return "about"
    return None


def _is_age(doc: Doc, start: int, end: int, limit: int) -> bool:
    """"19-year-old", "19 years old", "aged 19", and "Arouri, 57," (a bare number between commas
    right after a name)."""
    after = [t.lower_ for t in doc[end:min(limit, end + 4)]]
    if after[:1] == ["-"] and len(after) > 1 and after[1] in ("year", "years", "month", "months"):
        return True
    if after[:2] in (["years", "old"], ["year", "old"], ["-", "year"]) or after[:1] == ["-year-old"]:
        return True
    if start > 0 and doc[start - 1].lower_ in ("aged", "age", "ages"):
        return True
    if start > 1 and doc[start - 1].lower_ in ("between", "from") and doc[start - 2].lower_ in ("aged", "ages"):
        return True  # "men aged between 18 and 60"
    if start >= 2 and doc[start - 1].text == "," and end < limit and doc[end].text in (",", ".", ";", ")"):
        prev = doc[start - 2]
        return prev.pos_ == "PROPN" or prev.ent_type_ == "PERSON"
    return False


def _kind(doc: Doc, start: int, end: int, limit: int) -> str:
    """What a number measures: only "count" can be a number of people."""
    first, last = doc[start], doc[end - 1]
    if _is_age(doc, start, end, limit):
        return "age"
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < limit else ""
    after_lemma = doc[end].lemma_.lower() if end < limit else ""
    if before in _CURRENCY_SIGNS or after in ("dollars", "euros", "pounds", "shekels", "usd"):
        return "money"
    if after in ("%", "percent", "pc") or (after == "per" and end + 1 < limit and doc[end + 1].lower_ == "cent"):
        return "percent"
    if after in _FRACTION_WORDS or after == "-" and end + 1 < limit and doc[end + 1].lower_ in _FRACTION_WORDS:
        return "fraction"
    if before.rstrip(".") in _MONTHS or after.rstrip(".") in _MONTHS:
        return "date"
    if after_lemma in _TIME_UNITS or after in _TIME_UNITS:
        return "time"
    if after_lemma in _MEASURE_UNITS or after in _MEASURE_UNITS:
        return "measure"
    if end - start == 1 and re.fullmatch(r"1[89]\d\d|20\d\d", first.text) and not (
            end < limit and doc[end].tag_ in ("NNS", "NNPS")):
        return "year"
    ent = last.ent_type_ or first.ent_type_
    if ent in ("DATE", "TIME") and not _names_a_time(doc, start, end):
        return "count"  # the small model tags "between 20 and 30" as a date
    if ent in _NON_COUNT_ENTS:
        return {"DATE": "date", "TIME": "time", "MONEY": "money", "PERCENT": "percent",
                "QUANTITY": "measure", "ORDINAL": "ordinal"}[ent]
    return "count"


def _names_a_time(doc: Doc, start: int, end: int) -> bool:
    """Does the DATE/TIME entity around the number hold a word of time ("the past 24 hours", "the
    1980s") rather than only number words and range links?"""
    ent = next((e for e in doc.ents if e.start <= start < e.end), None)
    if ent is None:
        return False
    return any(t.is_alpha and not _is_number_token(t) and t.lower_ not in _RANGE_FILLER for t in ent)


def _range_end(doc: Doc, start: int, end: int, limit: int) -> tuple[int, int] | None:
    """"20 to 30", "20-30", "between 20 and 30": the second number's value and end."""
    if end + 1 >= limit:
        return None
    link = doc[end].lower_
    between = start > 0 and doc[start - 1].lower_ == "between"
    if not (link in _RANGE_LINKS or (link == "and" and between)) or not _is_number_token(doc[end + 1]):
        return None
    if link in _DASHES and (doc[end - 1].whitespace_ or doc[end].whitespace_):
        return None  # "Thirty-nine - 24 women": a spaced dash opens an aside, not a range
    hi_end = _number_end(doc, end + 1, limit)
    hi = parse_number(doc[end + 1:hi_end].text)
    low = parse_number(doc[start:end].text)
    return (hi, hi_end) if hi is not None and low is not None and hi > low else None


def _indefinite_age(doc: Doc, i: int, limit: int) -> bool:
    """"a 19-year-old" / "an 85-year-old woman": one person written without a number."""
    if doc[i].lower_ not in ("a", "an") or i + 1 >= limit:
        return False
    j = i + 1
    while j < limit - 1 and doc[j].is_space:  # "a\u00a019-year-old"
        j += 1
    if not _is_number_token(doc[j]):
        return False
    end = _number_end(doc, j, limit)
    return _is_age(doc, j, end, limit)


def find_amounts(span: Span | Doc) -> list[Amount]:
    """Every numeric expression of `span`, in order, each once."""
    doc = span.doc if isinstance(span, Span) else span
    lo, hi = (span.start, span.end) if isinstance(span, Span) else (0, len(doc))
    out: list[Amount] = []
    i = lo
    while i < hi:
        tok = doc[i]
        if _indefinite_age(doc, i, hi):
            out.append(Amount(1, "exact", "count", i, i + 1, i, implicit=True))
            i = _number_end(doc, i + 1, hi)
            continue
        starts_a_million = tok.lower_ in ("a", "an") and i + 1 < hi and doc[i + 1].lower_ in _MULTIPLIERS
        if not (_is_number_token(tok) or starts_a_million) or (tok.lower_ in _MULTIPLIERS and not starts_a_million):
            i += 1
            continue
        end = _number_end(doc, i + 1 if starts_a_million else i, hi)
        value = parse_number(doc[i:end].text)
        if value is None:
            i = end
            continue
        qualifier, qual_start = _qualifier(doc, i, lo)
        rng = _range_end(doc, i, end, hi)
        high = None
        if rng is not None:
            high, new_end = rng
            if qual_start > lo and doc[qual_start - 1].lower_ == "between":
                qual_start -= 1
            qualifier = "at_least" if qualifier == "exact" else qualifier
        kind = _kind(doc, i, rng[1] if rng else end, hi)
        qualifier = _suffix_qualifier(doc, rng[1] if rng else end, hi) or qualifier
        out.append(Amount(value, qualifier, kind, i, rng[1] if rng else end, qual_start, high))
        i = rng[1] if rng else end
    return out
