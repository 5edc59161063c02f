"""The kind of a quote: direct (a whole utterance set off from its attribution), partial (a quoted
piece of a paraphrase) or fragment (a title, label, cited word or heading, or a piece nobody says),
read from the quoted text and what stands before its opening mark."""
from __future__ import annotations

import re

from newsroom.nlp.quotes.marks import Span

_HEADING_MAX_WORDS = 8  # "'Veins of resistance'" alone on its line heads a section
_SENTENCE_MIN_WORDS = 3  # a set-off quote this long, capitalised and punctuated, is an utterance
_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as is are be vs nor but".split())


def _is_title(quoted: str) -> bool:
    """Title Case without the punctuation of speech: a show, a book, a slogan, a headline."""
    words = re.findall(r"[A-Za-z][\w'’-]*", quoted)
    if not words or len(words) > 12 or quoted.rstrip()[-1:] in "?!":
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and (len(words) > 1 or quoted.isupper())


def set_off(text: str, sp: Span) -> bool:
    """Nothing but punctuation (or the start of the paragraph) before the opening mark: the quote
    stands as its own utterance rather than inside the reporter's sentence."""
    before = text[paragraph_start(text, sp):sp.open_mark].rstrip()
    return before == "" or before[-1] in ",:;.?!—–-" or before.endswith(("''", '"', "”"))


def quote_kind(text: str, sp: Span, attributed: bool) -> str:
    """direct: a whole utterance set off from the attribution; partial: a quoted piece of a
    paraphrase; fragment: a title or label (names of shows, slogans, headlines), or a piece with
    no attribution at all (scare quotes). A whole sentence in quotation marks is speech even when
    its speaker cannot be named."""
    before = text[paragraph_start(text, sp):sp.open_mark].rstrip()
    quoted = text[sp.start:sp.end]
    if _is_title(quoted) and not before.endswith(":"):
        return "fragment"
    if _mentioned_word(before) or heading(text, sp):
        return "fragment"
    starts_upper = quoted[:1].isupper() or quoted[:1].isdigit() or quoted[:1] in "[…."
    ends_utterance = quoted[-1:] in ",.?!…" or text[sp.close_mark - 2:sp.close_mark - 1] in ",.?!"
    if set_off(text, sp) and starts_upper and ends_utterance and len(quoted.split()) >= _SENTENCE_MIN_WORDS:
        return "direct"
    if not attributed:
        return "fragment"
    if set_off(text, sp) and (starts_upper or ends_utterance):
        return "direct"
    return "partial"


def _mentioned_word(before: str) -> bool:
    """ "replacing the word 'permanent'", "used the term 'kitchen sink'": a word cited as a word."""
    return re.search(r"\b(?:the|a|that)\s+(?:words?|terms?|phrases?|label|slogan|hashtag|expression)$",
                     before, re.IGNORECASE) is not None


def heading(text: str, sp: Span) -> bool:
    """A short line that is nothing but the quotation, with no sentence in it: a subheading."""
    p0 = paragraph_start(text, sp)
    p1 = text.find("\n", sp.close_mark)
    line_rest = text[sp.close_mark:p1 if p1 >= 0 else len(text)].strip()
    quoted = text[sp.start:sp.end].strip()
    return not text[p0:sp.open_mark].strip() and not line_rest and sp.closed \
        and quoted[-1:] not in ".?!…," and len(quoted.split()) <= _HEADING_MAX_WORDS


def paragraph_start(text: str, sp: Span) -> int:
    """Offset of the first character of the quote's paragraph."""
    return text.rfind("\n", 0, sp.open_mark) + 1
