"""Publication dates in any common form to a `date`; unknown stays None, never today."""
from __future__ import annotations

from datetime import date, datetime, timezone
import email.utils
import re

from dateutil import parser as dateutil_parser

# Two far-apart defaults: a component the text does not give comes out different under each,
# which tells a full date from a partial one ("March 5" has no year and is not a date here).
_DEFAULTS = (datetime(1901, 1, 1), datetime(1902, 2, 2))
# 05/01/2025 is 5 January in London and May 5 in New York: with no way to tell, it is unknown.
_NUMERIC_DAY_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$")


def parse_date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # Unix time, in seconds or milliseconds
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit() and len(text) >= 9:
        return parse_date(int(text))
    try:
        return email.utils.parsedate_to_datetime(text).date()  # RSS's RFC 822 dates
    except (TypeError, ValueError, IndexError):
        pass
    ambiguous = _NUMERIC_DAY_MONTH.match(text)
    if ambiguous and int(ambiguous[1]) <= 12 and int(ambiguous[2]) <= 12 and ambiguous[1] != ambiguous[2]:
        return None
    try:
        first, second = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date():
        return None
    return first.date()
