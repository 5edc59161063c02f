"""Quotations with their speakers.

Two passes over one parsed article:
1. Quote marks are paired on the raw text, paragraph by paragraph, so that an unbalanced mark costs
   at most its own paragraph. Straight quotes, curly quotes, `''` (NYT copy via LexisNexis) and
   guillemets are one family; whether an ambiguous mark opens or closes is read from the characters
   around it. A quote left open at the end of a paragraph whose next paragraph opens with a mark is
   the convention for a quote running across paragraphs: each paragraph is its own record. Single
   marks count only outside double quotes (headlines, British copy), never inside (nested).
2. Each quote gets its attribution from the parse of the text around it (the quote's sentences,
   never the quoted words themselves): the nearest cue (a reporting verb in any tense or voice, a
   reporting noun with its owner, "according to"), then the cue's subject, climbing from a
   participle ("adding that ...") or a relative clause ("..., who said") to the clause that has
   one. Names go through the article's ActorIndex; a pronoun or a role ("the prime minister") is
   resolved to the nearest compatible named actor; an unattributed quote inherits its paragraph's
   speaker, or the previous paragraph's when it opens a paragraph of its own.

Partial quotes (a quoted piece inside a paraphrase) are told from direct ones by what precedes the
opening mark; a partial quote with no cue at all is a scare quote, label or title: kind "fragment".
The rules follow the classic quotation-attribution literature (Pareti's PARC/PolNeAR guidelines,
textacy's `direct_quotations`), with its known gaps closed: odd numbers of marks, "according to",
pronouns, and job titles taken for names.

The package, one module a concern, each importing only from those listed before it:
- `marks`: quote marks paired on the raw text into spans (pass 1; no parse).
- `context`: what attribution keeps of one document (sentence bounds, the speakers so far).
- `cues`: the reporting verbs and nouns, the word lists attribution shares, and the search from a
  cue to the token that speaks through it.
- `speakers`: from a speaker token to a name (actors, pronouns, roles, bodies, documents).
- `kinds`: direct, partial or fragment.
- `extract`: `extract_quotes`, pass 2 over every span, with its fallbacks when no cue speaks.
"""
from __future__ import annotations

from newsroom.nlp.quotes.extract import extract_quotes
from newsroom.nlp.quotes.marks import find_quote_spans

__all__ = ["extract_quotes", "find_quote_spans"]
