"""`extract_quotes`: every quoted span of a parsed article with its speaker, cue, kind and sentence.
The nearest cue in the quote's own sentences decides the speaker; without one, the fallbacks run in
order: a signature line closing the quotation, the quote it is listed after, its paragraph's voice,
a speaker before a colon, the subject of the clause that carries it, and the sentence before."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsroom.nlp.actors import ActorIndex, strip_title
from newsroom.nlp.quotes.context import Context, Sentences
from newsroom.nlp.quotes.cues import (
    ADDRESSEE_VERBS, PERSON_PRONOUNS, ROLE_HINTS, SOURCE_NOUNS, SUBJECT_DEPS, Cue, best_cue, cue_subject, find_cues,
    is_cue_verb, tree_depth
)
from newsroom.nlp.quotes.kinds import heading, paragraph_start, quote_kind, set_off
from newsroom.nlp.quotes.marks import Span, find_quote_spans, paragraphs
from newsroom.nlp.quotes.speakers import BODY_NOUNS, name_speaker, np_text, resolve_pronoun
from newsroom.records import Quote

_TAG_MAX_TOKENS = 8  # "Mrs. Jane Roe, the mayor, said." fits; a new sentence of news does not
# What a reporting verb carries when it reports words of its own rather than tagging a quote.
_REPORTED_DEPS = {"ccomp", "xcomp", "dobj", "csubj"}
_SIGNATURE_MAX_WORDS = 12  # "Jane Roe, director of Citizens for Reform." closing a quotation
_OPENING_CHARS = "\"“«„'‘`"
_CLOSING_TAILS = ('"', "”", "»", "''", '."', '.”')


def extract_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    text = doc.text
    spans = find_quote_spans(text)
    if not spans:
        return []
    inside = frozenset(_inside_mask(doc, spans))
    paras = paragraphs(text)
    out: list[Quote] = []
    last_speaker: dict[int, str | None] = {}
    ctx = Context(inside, Sentences(doc))
    for k, sp in enumerate(spans):
        qspan = doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if qspan is None or len(qspan) == 0:
            continue
        q0, q1 = qspan.start, qspan.end
        window = _window(doc, sp, q0, q1, paras, spans, k, inside, ctx.sents, text)
        cue = best_cue(find_cues(window, q0, q1, inside), partial=not set_off(text, sp))
        speaker = None
        cue_text = None
        listed = False
        if cue is not None:
            cue_text = _cue_text(cue.token)
            if cue.speaker is not None:
                speaker = name_speaker(cue.speaker, actors, ctx)
        else:
            speaker = _signed(doc, text, sp, paras, actors)
            listed = _listed_after(text, sp, spans, k) and bool(out)
            if speaker is None and listed and out[-1].speaker:
                speaker, cue_text = out[-1].speaker, out[-1].cue  # '"absurd," "cruel" and "wrong"'
            if speaker is None:
                speaker = _inherited(sp, spans, k, out, last_speaker)
            if speaker is None:
                speaker = _colon_speaker(doc, text, sp, actors, ctx)
            if speaker is None:
                verb, speaker = _clause_source(doc, q0, q1, inside, actors, ctx)
                cue_text = verb.text if speaker else None
            if speaker is None and set_off(text, sp):
                earlier = _cue_before(doc, q0, paras[sp.para][0], paras[sp.para - 1][0] if sp.para else 0, ctx)
                if earlier is not None and earlier.speaker is not None:
                    speaker = name_speaker(earlier.speaker, actors, ctx)
                    cue_text = _cue_text(earlier.token) if speaker else None
                if speaker is None:
                    speaker = _subject_before(doc, q0, paras[sp.para][0], actors, ctx)
        kind = quote_kind(text, sp, cue is not None or speaker is not None)
        if heading(text, sp):
            speaker, cue_text = None, None  # a subheading speaks for nobody
        if listed and out[-1].kind == "fragment":
            kind = "fragment"  # one title of a list of titles
        sentence = _sentence_text(doc, text, sp.open_mark, sp.close_mark, ctx.sents)
        out.append(Quote(text[sp.start:sp.end], speaker, cue_text, kind, sentence, sp.start, sp.end))
        if speaker is not None and kind != "fragment":
            if kind == "direct" or not last_speaker.get(sp.para):
                last_speaker[sp.para] = speaker  # a piece quoted in passing does not take the floor
            ctx.speakers.append((q0, speaker))
        elif kind != "fragment":
            last_speaker.setdefault(sp.para, None)
    return out


def _inside_mask(doc: Doc, spans: list[Span]) -> set[int]:
    """Token indices inside any quote (marks included), which never hold the attribution."""
    out: set[int] = set()
    for sp in spans:
        span = doc.char_span(sp.open_mark, sp.close_mark, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _window(doc: Doc, sp: Span, q0: int, q1: int, paras: list[tuple[int, int]], spans: list[Span], k: int,
            inside: frozenset[int], sents: Sentences, text: str) -> list[Token]:
    """Tokens that may hold this quote's attribution: outside every quote, in the quote's own
    sentences and the one after it, within its paragraph. A quote opening a paragraph after one
    that ends with a colon takes that paragraph's last sentence too."""
    p0, p1 = paras[sp.para]
    start_tok = sents.bounds(q0)[0]
    end_tok = sents.bounds(q1 - 1)[1]
    cut_at_close = end_tok < len(doc) and not text[sp.close_mark:doc[end_tok].idx].strip()
    if cut_at_close and doc[end_tok].idx < p1 and (_continues(text, sp.close_mark, p1)
                                                   or _tag_after_close(doc, text, sp, end_tok, sents)):
        end_tok = sents.bounds(end_tok)[1]
    span_tokens = [t for t in doc[start_tok:end_tok] if p0 <= t.idx < p1 and t.i not in inside]
    if sp.para_start and sp.para > 0:
        b0, b1 = paras[sp.para - 1]
        tail = text[b0:b1].rstrip()
        if tail.endswith(":"):
            last = doc.char_span(b1 - 1, b1, alignment_mode="expand")
            if last is not None and len(last):
                s0, s1 = sents.bounds(last.start)
                span_tokens = [t for t in doc[s0:s1] if t.i not in inside] + span_tokens
    return span_tokens


def _continues(text: str, pos: int, limit: int) -> bool:
    """The sentence goes on after a closing mark ('"...?" he asked'), even if the parser cut it."""
    rest = text[pos:limit].lstrip(" \u00a0")
    return bool(rest) and (rest[0].islower() or rest[0] in ",—–-")


def _tag_after_close(doc: Doc, text: str, sp: Span, nxt: int, sents: Sentences) -> bool:
    """ "'...didn't he?' Mrs. Clinton said." or "'...the next president!' Senator Jane Roe said as
    she opened the vote.": after a question, an exclamation or a stray full stop the tagger starts a
    new sentence at the capitalised name, but a reporting verb that opens the sentence right after
    the closing mark (its subject first, however long its appositive) and reports nothing of its
    own (no clause, no object but the one told) is still the quote's attribution."""
    if text[sp.close_mark:doc[nxt].idx].strip():
        return False
    s0, s1 = sents.bounds(nxt)
    if s0 != nxt:
        return False
    for tok in doc[s0:s1]:
        if not is_cue_verb(tok):
            continue
        subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        opens = tok.i - s0 <= _TAG_MAX_TOKENS or (subject is not None and subject.left_edge.i == s0)
        reports = any(c.dep_ in _REPORTED_DEPS and not (c.dep_ == "dobj" and tok.lemma_.lower() in ADDRESSEE_VERBS)
                      for c in tok.children) or (tok.i + 1 < s1 and doc[tok.i + 1].text == ":")
        return opens and not reports
    return False


def _cue_text(tok: Token) -> str:
    if tok.lower_ == "according":
        return "according to"
    return tok.text


def _signed(doc: Doc, text: str, sp: Span, paras: list[tuple[int, int]], actors: ActorIndex) -> str | None:
    """ '"We are not done yet.\nJane Roe, Citizens for Reform."': a quotation left open across its
    paragraphs and closed at the end of a short line that names someone is signed by them."""
    if sp.closed:
        return None
    n = sp.para + 1
    while n < len(paras) and text[paras[n][0]:paras[n][1]].lstrip()[:1] in _OPENING_CHARS:
        n += 1  # the quotation runs on through paragraphs that open with a mark
    if n >= len(paras):
        return None
    p0, p1 = paras[n]
    line = text[p0:p1].rstrip()
    if not line.endswith(_CLOSING_TAILS) or len(line.split()) > _SIGNATURE_MAX_WORDS \
            or any(c in line.rstrip("\"”»'.") for c in _OPENING_CHARS):
        return None
    span = doc.char_span(p0, p1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    m = actors.at(span.start, span.end)
    if m is not None and m.start - span.start <= 4 and m.type in ("person", "organization", "group"):
        return m.name
    # a signature reads like a headline, where names are only kept if the body repeats them
    ent = next((e for e in span.ents if e.label_ == "PERSON" and e.start - span.start <= 4), None)
    return strip_title(ent.text)[0] if ent is not None else None


def _listed_after(text: str, sp: Span, spans: list[Span], k: int) -> bool:
    """The quote follows the one before it in a list: only commas, "and", "or" between them."""
    if k == 0 or spans[k - 1].para != sp.para:
        return False
    prev = spans[k - 1]
    between = text[prev.close_mark:sp.open_mark]
    if not between.strip():  # the list's comma inside the marks: '"absurd," "cruel"'
        return text[prev.start:prev.end].rstrip().endswith(",")
    return re.fullmatch(r"\s*(?:,\s*)?(?:(?:and|or|as well as)\s+)?", between) is not None


def _inherited(sp: Span, spans: list[Span], k: int, done: list[Quote], last: dict[int, str | None]) -> str | None:
    """An unattributed quote speaks with the voice of its paragraph, or, when it opens its own
    paragraph, with the voice of the quote that ended the paragraph before."""
    if sp.para in last and last[sp.para]:
        return last[sp.para]
    if sp.para_start and k > 0:
        prev = spans[k - 1]
        if prev.para == sp.para - 1 and done and done[-1].kind != "fragment":
            return done[-1].speaker
    return None


def _colon_speaker(doc: Doc, text: str, sp: Span, actors: ActorIndex, ctx: Context) -> str | None:
    """ "Rep. Jane Doe (D-Ore.): '...'" or "Here's Smith in 1992: '...'": with no verb before the
    colon, the first actor named there is the speaker. With a verb that reports nothing, a person
    named right at the colon speaks, else the main subject when it is a name or a document ("A
    note in the report makes that clear: '...'"). A quote opening its paragraph takes the colon
    that ends the paragraph before ("Stated Stone:")."""
    p0 = paragraph_start(text, sp)
    before = text[p0:sp.open_mark].rstrip()
    if not before and p0 > 1:
        p0 = text[:p0].rstrip().rfind("\n") + 1  # the start of the paragraph before
        before = text[p0:sp.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    colon_at = p0 + len(before) - 1
    colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
    if colon is None or len(colon) == 0:
        return None
    s0, _ = ctx.sents.bounds(colon.start)
    lead = [t for t in doc[s0:colon.start] if t.i not in ctx.inside]
    named = actors.at(colon.start - 1) if lead and lead[-1].i == colon.start - 1 else None
    if named is not None and named.type == "person" and named.end == colon.start \
            and doc[colon.start - 1].dep_ != "pobj":  # "... celebrated on Twitter:" is no voice
        return named.name  # "... doesn't surprise pollster Jane Roe: '...'": the name at the colon
    if any(t.pos_ == "VERB" for t in lead):
        root = next((t for t in lead if t.head.i == t.i or t.head.i >= colon.start), None)
        subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i not in ctx.inside), None) \
            if root is not None else None
        if subj is None or not (actors.at(subj.i) is not None
                                or subj.lemma_.lower() in SOURCE_NOUNS | BODY_NOUNS | ROLE_HINTS):
            return None
        return name_speaker(subj, actors, ctx)
    for t in lead:
        m = actors.at(t.i)
        if m is not None and m.type in ("person", "organization", "group", "country"):
            if m.type != "person":
                holder = _role_holder(doc[m.end - 1], actors)
                if holder is not None:
                    return holder or None
            return m.name
    return None


def _role_holder(tok: Token, actors: ActorIndex) -> str | None:
    """ "CNN President: '...'": an organisation naming the role of the one who speaks is not the
    speaker; the person the article introduced with that role is, or nobody ("" when unknown).
    None when the organisation is not a role's modifier."""
    head = tok.head
    if tok.dep_ not in ("compound", "poss", "nmod") or head.lemma_.lower() not in ROLE_HINTS:
        return None
    return actors.role(np_text(head)) or actors.role(head.lower_) or ""


def _clause_source(doc: Doc, q0: int, q1: int, inside: frozenset[int], actors: ActorIndex,
                   ctx: Context) -> tuple[Token | None, str | None]:
    """A quoted piece with no reporting verb belongs to the subject of the clause that carries it
    ("Ryan worried that the safety net was becoming 'a hammock'"), when that subject is a named
    actor or a document; otherwise it is nobody's words (a scare quote or a label)."""
    tok = doc[q0]
    while tok.i in inside and tok.head.i != tok.i:
        tok = tok.head
    steps = 0
    while (tok.pos_ not in ("VERB", "AUX") or not tok.is_alpha) and tok.head.i != tok.i and steps < 6:
        tok = tok.head  # a dash the tagger called a verb is no clause
        steps += 1
    verbless_root = tok.head.i == tok.i and any(c.dep_ == "nsubj" for c in tok.children)
    if (tok.pos_ not in ("VERB", "AUX") and not verbless_root) or tok.i in inside:
        return None, None  # headline style "Sanders ready to push for 'progressive' platform" passes
    for _ in range(3):  # "Ryan worried that the net was becoming 'a hammock'": up to the named subject
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside), None)
        if subj is None:
            subj = cue_subject(tok, inside)
        if subj is None or subj.i in inside:
            return None, None
        if actors.at(subj.i) is not None or subj.pos_ == "PRON" or subj.lemma_.lower() in SOURCE_NOUNS | ROLE_HINTS:
            name = name_speaker(subj, actors, ctx)
            return (tok, name) if name else (None, None)
        if tok.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or tok.head.i == tok.i:
            return None, None
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX") or tok.i in inside:
            return None, None
    return None, None


def _cue_before(doc: Doc, q0: int, para_start: int, prev_para_start: int, ctx: Context) -> Cue | None:
    """A quote standing alone after its introduction ("Mr. Smith described the night.\n"We ran."):
    the last reporting cue of the sentence before, in this paragraph or the one before."""
    before = _introduction(doc, q0, prev_para_start, ctx)
    if before is None:
        return None
    p0, p1 = before
    tokens = [t for t in doc[p0:p1] if t.i not in ctx.inside]
    cues = [c for c in find_cues(tokens, q0, q0 + 1, ctx.inside, nouns_anywhere=True)
            if c.speaker is not None and not c.weak]
    # the main clause's cue, not one deep in a relative clause ("X issued a statement on the emails,
    # which showed staff suggesting ..."); of equals, the last
    return min(cues, key=lambda c: (tree_depth(c.token), -c.token.i)) if cues else None


def _introduction(doc: Doc, q0: int, since: int, ctx: Context) -> tuple[int, int] | None:
    """Token bounds of the sentence before a quote that opens its own sentence (the quote's first
    word is token q0), when that sentence starts at or after character `since`."""
    s0, _ = ctx.sents.bounds(q0)
    opens = s0 == q0 or (s0 == q0 - 1 and (doc[s0].is_quote or doc[s0].is_punct))
    if s0 == 0 or not opens:
        return None
    p0, p1 = ctx.sents.bounds(s0 - 1)
    return (p0, p1) if doc[p0].idx >= since else None


def _subject_before(doc: Doc, q0: int, para_start: int, actors: ActorIndex, ctx: Context) -> str | None:
    """ "Sen. Jane Roe named voters' fatigue as the reason. "They are tired of it."": a quote
    standing alone right after a sentence of its own paragraph whose main subject is a named
    person is that person's words, even when that sentence has no reporting verb."""
    before = _introduction(doc, q0, para_start, ctx)
    if before is None:
        return None
    p0, p1 = before
    root = next((t for t in doc[p0:p1] if t.head.i == t.i), None)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subj is None or subj.i in ctx.inside:
        return None
    if subj.lower_ in PERSON_PRONOUNS:
        return resolve_pronoun(subj, actors, ctx)  # "She pauses. 'Well, thank you so much.'"
    m = actors.at(subj.i)
    return m.name if m is not None and m.type == "person" else None


def _sentence_text(doc: Doc, text: str, a: int, b: int, sents: Sentences) -> str:
    """The text of the sentences covering characters [a, b)."""
    first = doc.char_span(a, a + 1, alignment_mode="expand")
    last = doc.char_span(max(a, b - 1), b, alignment_mode="expand")
    if first is None or last is None or len(first) == 0 or len(last) == 0:
        return text[a:b]
    s0 = doc[sents.bounds(first.start)[0]].idx
    end = sents.bounds(last.end - 1)[1]
    s1 = doc[end - 1].idx + len(doc[end - 1].text)
    return text[s0:s1]
