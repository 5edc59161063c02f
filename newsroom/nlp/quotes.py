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
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
import re

from spacy.tokens import Doc, Token

from newsroom.nlp.actors import ActorIndex, strip_title
from newsroom.records import Quote

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

# Reporting verbs (lemmas): the cue of a quotation, in any tense and voice.
_CUE_VERBS = frozenset("""
say tell state inform caution warn declare add write post tweet claim insist argue assert announce
explain note observe report reply respond answer ask urge call describe accuse acknowledge admit
concede confirm deny suggest recall remark comment conclude predict promise pledge vow threaten
demand reiterate repeat stress emphasize emphasise testify allege complain charge contend maintain
mention label brand term dub characterize characterise condemn criticize criticise praise welcome
blast slam decry lament joke quip muse shout yell scream cry exclaim whisper mutter interrupt
retort counter boast brag recount hail implore plead appeal request advise order instruct reveal
disclose notify indicate quote read signal agree affirm proclaim announce denounce dismiss reject
express voice tout lash chide scold rebuke assure reassure wonder speculate estimate refer cite
chant apologize apologise bemoan liken herald fume elaborate clarify vent sigh gush rail marvel
reason concur protest object sob weep recite echo interject react chime scoff opine gripe sing
boom thunder roar bellow growl gasp groan moan murmur stammer wail relate
""".split())
# Verbs that report words only with "back": "fired back", "shot back", "hit back".
_RETORT_VERBS = frozenset("fire shoot hit snap push strike lash write".split())
# Verbs whose object is the one spoken to, never the speaker ("..., told Jane Roe").
_ADDRESSEE_VERBS = frozenset("tell inform notify assure reassure remind brief".split())
_NAMING_VERBS = frozenset("call name title dub label term brand".split())
# Verbs that report a judgement rather than words: a cue only when no plain reporting verb is there.
_EVALUATIVE_VERBS = frozenset("""
condemn criticize criticise praise welcome blast slam decry denounce dismiss reject accuse hail
lament chide scold rebuke
""".split())
# Verbs that are cues only right next to the quote ("he continued, ..."), not across a clause.
_WEAK_CUE_VERBS = frozenset("continue begin go think believe feel put sum".split())
# Reporting nouns that name a speaker through their owner or a "from"/"by" phrase.
_CUE_NOUNS = frozenset("""
statement remarks remark comment comments words call calls warning warnings message appeal demand
demands plea claim claims description speech interview tweet post letter accusation criticism
assessment view verdict response reply announcement pledge promise vow threat order orders
""".split())
# Documents that speak through their wording ("the resolution calls for ...").
_SOURCE_NOUNS = frozenset("""
document report study statement article survey poll paper letter resolution draft text website ad
video sign headline memo email tweet post book law bill order ruling complaint lawsuit indictment
filing transcript release communique declaration agreement proposal plan cover piece message
footnote note passage section caption notice entry page
""".split())
# Words and works that have an author who can be named through them ("a speech Roe gave").
_AUTHORED_NOUNS = _SOURCE_NOUNS | _CUE_NOUNS | frozenset("""
calculation analysis estimate research testimony data figure tally count projection forecast
""".split())
# Verbs by which someone puts out a document in their own name.
_ISSUE_VERBS = frozenset("issue release publish post send circulate distribute put deliver present submit unveil run".split())
# Nouns by which copy refers back to a body it named ("the ministry said"), and those for states.
_BODY_NOUNS = frozenset("""
organization organisation group ministry agency council centre center kingdom government army military
company committee office party campaign department association body union coalition movement alliance
commission foundation institute network authority administration
""".split())
_STATE_NOUNS = frozenset("kingdom government administration".split())
_CLOCK_ENTS = {"DATE", "TIME"}
_POLL_NOUNS = frozenset("poll survey".split())
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_CLIMB_DEPS = {"xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp", "dep", "prep", "pobj", "parataxis"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_TIME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
# Verbs whose passive subject is still the speaker ("he was quoted as saying", "she was heard").
_PASSIVE_SPEAKER_VERBS = {"quote", "hear", "record", "overhear"}
# Links inside "Name, a top adviser to the governor" that lead from its last word back to the name.
_APPOS_PATH_DEPS = {"appos", "acl", "dobj", "conj", "cc", "pobj", "prep", "compound", "amod", "nmod", "poss",
                    "case"}
_APPOS_MAX_STEPS = 8
_RELATIVE_WORDS = {"who", "which", "that", "whom"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_THING_PRONOUNS = {"it", "its"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_CLIMB_MAX_STEPS = 5
_EMBEDDED_DEPS = {"relcl", "ccomp", "acl", "pcomp"}  # clauses inside a sentence that has its own subject
_PRONOUN_WINDOW = 250  # tokens back to look for a pronoun's antecedent
_FIRST_PERSON = {"i", "we", "me", "us", "you"}
_ONE_OF = {"one", "another"}  # "..., said one": one of a group named before
_SOMEONE = {"someone", "somebody", "anyone", "anybody"}
_NP_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "flat"}
_CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "cc", "punct"}
_ROLE_HINTS = frozenset("""
minister president secretary spokesman spokeswoman spokesperson ambassador envoy diplomat chief
leader premier governor mayor general commander king emir prince senator chairman official adviser
advisor director head representative
""".split())
_TAG_MAX_TOKENS = 8  # "Mrs. Jane Roe, the mayor, said." fits; a new sentence of news does not
# What a reporting verb carries when it reports words of its own rather than tagging a quote.
_REPORTED_DEPS = {"ccomp", "xcomp", "dobj", "csubj"}
_HEADING_MAX_WORDS = 8  # "'Veins of resistance'" alone on its line heads a section
_SIGNATURE_MAX_WORDS = 12  # "Jane Roe, director of Citizens for Reform." closing a quotation
_OPENING_CHARS = "\"“«„'‘`"
_CLOSING_TAILS = ('"', "”", "»", "''", '."', '.”')
_SENTENCE_MIN_WORDS = 3  # a set-off quote this long, capitalised and punctuated, is an utterance
_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as is are be vs nor but".split())


@dataclass
class _Span:
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


def _paragraphs(text: str) -> list[tuple[int, int]]:
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


def find_quote_spans(text: str) -> list[_Span]:
    """Every quoted span of the text, in order, trimmed of white space."""
    out: list[_Span] = []
    for n, para in enumerate(_paragraphs(text)):
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
                out.append(_Span(s, e, om, ce, closed, n, not lead.strip()))
    return out


# ---------------------------------------------------------------------------------------------
# Attribution


def _is_cue_verb(tok: Token) -> bool:
    """A reporting verb, a retort made of a verb and "back" ("Rubio fired back: ..."), or "as X put
    it"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in _CUE_VERBS:
        return True
    if lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
        return True
    return lemma in _RETORT_VERBS and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children)


def _subject(verb: Token, inside: frozenset[int] = frozenset(), depth: int = 0) -> Token | None:
    """The speaker token of a reporting verb: its subject, the agent of a passive, the noun a
    participle or relative clause modifies, or the subject of the clause it hangs from. Words
    inside quotation marks are never the speaker; when the parser took one for the subject, the
    noun phrase next to the verb is ("..., said the spokesman"). Of two subjects the parser gave
    one verb, the nearer is the real one ("Washington (AFP) - Jane Roe has said", a dateline)."""
    named = _name_before_gerund(verb, inside)
    if named is not None:
        return named
    glued = next((c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1 and c.ent_type_ in _ACTOR_ENTS), None)
    if glued is not None and glued.i not in inside:
        return glued  # '"...," Beck joked': a name the parser glued to the verb as a compound
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.dep_ in _SUBJECT_DEPS:
            if child.i in inside:
                return _adjacent_np(verb, inside)
            if child.dep_ == "nsubjpass":
                # "X was quoted as saying", but "the draft was written by X", "reporters were told",
                # "an error that was reported by the Times"
                if verb.lemma_.lower() not in _PASSIVE_SPEAKER_VERBS:
                    return _agent(verb)
                return _agent(verb) or (_relative_head(verb, child) if child.lower_ in _RELATIVE_WORDS else child)
            if child.lower_ in _RELATIVE_WORDS:
                return _relative_head(verb, child)
            return _named_after_say(verb, child, inside) or child
    agent = _agent(verb)
    if agent is not None:
        return agent
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        if not _set_apart(verb):
            return verb.head
        clause = verb.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if depth < 3 and clause.pos_ in ("VERB", "AUX") and clause.i not in inside:
            return _subject(clause, inside, depth + 1)
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if controller is not None and controller.i not in inside \
                and (controller.pos_ in ("PROPN", "NOUN") or controller.lower_ in _PERSON_PRONOUNS | _PLURAL_PRONOUNS):
            return controller  # "That prompted Roe to call him 'flexible'": the one prompted speaks
        raised = next((c for c in verb.head.children if c.dep_ == "nsubjpass" and c.i not in inside), None)
        if raised is not None:
            return raised  # "Roe is expected to say ...": the one expected speaks
    if depth < 3 and verb.dep_ in _CLIMB_DEPS and verb.head.i != verb.i:
        head = verb.head
        while head.dep_ in ("prep", "pobj", "pcomp") and head.head.i != head.i:
            head = head.head
        if head.dep_ == "ccomp" and _is_cue_verb(verb) and _is_cue_verb(head.head) and head.head.i not in inside:
            # "Roe said it was early but added, ...": a reporting verb the parser hung inside the
            # clause another one reports shares the reporter's subject, not the clause's
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.i not in inside:
            return _subject(head, inside, depth + 1)
    return _adjacent_np(verb, inside)


def _set_apart(verb: Token) -> bool:
    """ "Roe rejected the notion that ..., saying ...": a participle after a comma, hung on a noun
    that is no actor, belongs to the clause, not to the noun."""
    doc = verb.doc
    return verb.tag_ == "VBG" and verb.i > 0 and doc[verb.i - 1].text == "," \
        and verb.head.ent_type_ not in _ACTOR_ENTS and verb.head.lemma_.lower() not in _SOURCE_NOUNS


def _name_before_gerund(verb: Token, inside: frozenset[int]) -> Token | None:
    """ "footage of Jane Roe asking, '...'": a participle written right after a name, with no
    comma between, has that name for its subject, wherever the parser hung it."""
    if verb.tag_ != "VBG" or verb.dep_ == "ROOT" or verb.i == 0 or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.i in inside or prev.ent_type_ not in ("PERSON", "ORG") or prev.dep_ == "compound":
        return None
    return prev


def _named_after_say(verb: Token, subj: Token, inside: frozenset[int]) -> Token | None:
    """ "..., said Christine Link": when the parser made some noun of the sentence the subject of
    "said", a person named right after the verb is the speaker."""
    if verb.lemma_.lower() != "say" or subj.pos_ == "PRON" or subj.ent_type_ in _ACTOR_ENTS:
        return None
    nxt = verb.i + 1
    if nxt < len(verb.doc) and nxt not in inside and verb.doc[nxt].ent_type_ == "PERSON":
        return _np_head(verb.doc[nxt], inside)
    return None


def _adjacent_np(verb: Token, inside: frozenset[int]) -> Token | None:
    """The subject the parser missed: a name or pronoun right before the verb ("Mr. Smith said"),
    else the noun phrase right after it ("..., said Mr. Smith") unless the verb's object is
    the one spoken to ("told"), else a noun right before it."""
    doc = verb.doc
    named = _appositive_before(verb, inside)
    if named is not None:
        return named
    before = verb.i - 1
    while before >= 0 and before not in inside and (doc[before].pos_ in ("ADV", "AUX", "PART")
                                                      or doc[before].dep_ == "neg"):
        before -= 1
    after = verb.i + 1
    while (after < len(doc) and after not in inside and doc[after].pos_ in ("ADV", "PUNCT")
           and doc[after].text not in ".;"):
        after += 1
    candidates = []
    if before >= 0 and before not in inside:
        candidates.append(doc[before])
    if after < len(doc) and after not in inside and verb.lemma_.lower() not in _ADDRESSEE_VERBS:
        candidates.append(doc[after])  # "..., told Mr. Smith": the one told is not the speaker
    # a phrase never reaches across the verb: "Trump accused Cruz", parsed as one noun phrase,
    # still has Trump before the verb
    side = frozenset(range(verb.i, len(doc))) if candidates and candidates[0].i < verb.i else frozenset()
    for t in candidates:
        if t.pos_ == "PRON" or t.ent_type_ in _ACTOR_ENTS or t.lower_ in _ONE_OF:
            return _np_head(t, inside | side if t.i < verb.i else inside)
    for t in candidates[::-1]:
        if t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") and t.ent_type_ not in _TIME_ENTS:
            return _np_head(t, inside | side if t.i < verb.i else inside)
    return None


def _appositive_before(verb: Token, inside: frozenset[int]) -> Token | None:
    """ "..., Jane Roe, a senior adviser to the mayor, said" or "..., Roe, wearing a red cap,
    said": the parser often hangs the name on the quotation and leaves the verb without a
    subject. From the word before the comma, climb the appositive (or participle) phrase back to
    the name it describes; only a path through an apposition or participle counts, so a plain
    introductory phrase ("In Ohio, said ...") is never taken."""
    doc = verb.doc
    comma = verb.i - 1
    if comma < 1 or comma in inside or doc[comma].text != ",":
        return None
    if comma >= 3 and doc[comma - 1].like_num and doc[comma - 2].text == "," and doc[comma - 3].is_title \
            and comma - 3 not in inside:
        return doc[comma - 3]  # "..., Roe, 70, told reporters": a name and an age, however tagged
    tok, seen_appos = doc[comma - 1], False
    for _ in range(_APPOS_MAX_STEPS):
        if tok.i in inside:
            return None
        head = tok.head
        if tok.dep_ == "appos" or (tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN")):
            seen_appos = True
            if head.ent_type_ in _ACTOR_ENTS and head.i not in inside and head.i < verb.i:
                return head  # the name the phrase describes; climbing on would leave the name
        if tok.dep_ not in _APPOS_PATH_DEPS or head.i == tok.i or head.i in inside or head.i >= verb.i:
            break
        tok = head
    if not seen_appos or tok.pos_ not in ("PROPN", "NOUN"):
        return _name_before_participle(verb, inside)
    return tok


def _name_before_participle(verb: Token, inside: frozenset[int]) -> Token | None:
    """ "..., Jane Roe, wearing a red cap and "Vote" pins, said": when the parser tied the
    participle phrase to the quotation, skip it by its commas; the person named before it speaks."""
    doc = verb.doc
    j = verb.i - 2
    while j > 1 and verb.i - j <= _APPOS_MAX_STEPS * 2 and doc[j].text != ",":
        j -= 1
    if j <= 1 or j in inside or doc[j + 1].tag_ not in ("VBG", "VBN"):
        return None
    name = doc[j - 1]
    if name.i in inside or name.ent_type_ != "PERSON":
        return None
    return _np_head(name, inside)


def _relative_head(verb: Token, rel: Token) -> Token | None:
    """The noun a relative clause's speaker stands for: the parser's head, unless the parser hung
    the clause on a noun that cannot speak ("the blocking of a draft ... that demanded ...") while
    the noun right before the relative word can."""
    near = _antecedent(rel)
    if verb.dep_ != "relcl":
        return near
    head = verb.head
    if near is not None and near.i != head.i and _can_speak(near) and not _can_speak(head):
        return near
    return head


def _can_speak(tok: Token) -> bool:
    """A name, a document or a role: nouns whose words can be quoted."""
    return tok.ent_type_ in _ACTOR_ENTS or tok.lemma_.lower() in _SOURCE_NOUNS | _ROLE_HINTS


def _antecedent(rel: Token) -> Token | None:
    """The noun a relative pronoun stands for: the nearest noun before it that is not a date."""
    j = rel.i - 1
    while j >= 0 and rel.i - j <= 10:
        t = rel.doc[j]
        if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in _TIME_ENTS:
            return t
        j -= 1
    return None


def _np_head(tok: Token, inside: frozenset[int]) -> Token:
    """Climb from a word to the head of its noun phrase."""
    while tok.dep_ in ("compound", "amod", "det", "poss", "nummod", "case", "flat") and tok.head.i not in inside \
            and tok.head.i != tok.i and tok.head.pos_ in ("PROPN", "NOUN"):
        tok = tok.head
    return tok


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _according_to(tok: Token) -> Token | None:
    """The pobj of "according to", or None."""
    if tok.lower_ != "according":
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for child in nxt.children:
        if child.dep_ == "pobj":
            return child
    for t in tok.doc[nxt.i + 1: nxt.i + 8]:
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return _np_head(t, frozenset())
    return None


def _noun_owner(noun: Token) -> Token | None:
    """The owner of a reporting noun: "Blinken's warning", "a statement from the ministry"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _ISSUE_VERBS:
        return _issuer(noun)  # "Trump issued the following statement: ..."
    return _document_author(noun)  # "remarks Roe made in May"


def _introduces(noun: Token) -> bool:
    """The reporting noun ends a clause that a colon closes ("X issued the following statement:"),
    so the quotation after the colon is its content even though the parse does not join them."""
    doc = noun.doc
    nxt = noun.i + 1
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    return nxt < len(doc) and doc[nxt].text == ":"


class _Sentences:
    """Sentence bounds looked up by token, computed once per document (Token.sent walks the
    document each time it is asked)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents]
        self.ends = self.starts[1:] + [len(doc)]

    def bounds(self, i: int) -> tuple[int, int]:
        k = max(0, bisect_right(self.starts, i) - 1)
        return self.starts[k], self.ends[k]


@dataclass
class _Context:
    """What attribution knows of the article so far."""

    inside: frozenset[int]  # tokens inside quotation marks
    sents: _Sentences
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (token, speaker) of earlier quotes


@dataclass
class _Cue:
    token: Token
    speaker: Token | None
    distance: int
    governs: bool
    weak: bool = False


def _governs(tok: Token, q0: int, q1: int) -> bool:
    """The quote hangs (partly) in the subtree of this token."""
    left, right = tok.left_edge.i, tok.right_edge.i
    return left < q1 and right >= q0


def _as_aside(tok: Token, q0: int, q1: int) -> bool:
    """ "'...,' as a memo put it", "as Roe said, '...'": an "as" clause right beside the quote
    attributes it, though the parse hangs the quote elsewhere."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return False
    doc = tok.doc
    after = tok.left_edge.i >= q1 and all(t.is_punct for t in doc[q1:tok.left_edge.i])
    before = tok.right_edge.i < q0 and all(t.is_punct for t in doc[tok.right_edge.i + 1:q0])
    return after or before


def _distance(tok: Token, q0: int, q1: int) -> int:
    if tok.i < q0:
        return q0 - tok.i
    return tok.i - q1 + 1


def _is_naming(tok: Token) -> bool:
    """A participle that names the noun before it ("a band called X", "a book titled X")."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in _NAMING_VERBS


def _in_compound_word(tok: Token) -> bool:
    """The token is glued by a hyphen to the word before it."""
    if tok.i < 2:
        return False
    hyphen = tok.doc[tok.i - 1]
    return hyphen.text in "-‐" and not hyphen.whitespace_ and not tok.doc[tok.i - 2].whitespace_


def _cues(tokens: list[Token], q0: int, q1: int, inside: frozenset[int], nouns_anywhere: bool = False) -> list[_Cue]:
    """Candidate cues among the tokens outside quotes around one quote (token range [q0, q1)). A
    reporting noun counts where it governs or introduces the quote, or anywhere in a sentence that
    introduces a quote standing after it (`nouns_anywhere`)."""
    out = []
    for tok in tokens:
        owner = _according_to(tok)
        if owner is not None:
            # "..., Roe said, according to CNN": Roe speaks, CNN is only the channel
            relayed = _is_cue_verb(tok.head) and tok.head.i != tok.i
            out.append(_Cue(tok, owner, _distance(tok, q0, q1), True, weak=relayed))
            continue
        lemma = tok.lemma_.lower()
        if _in_compound_word(tok) or _is_naming(tok):
            continue  # "so-called", "a film called ...": a label, not a report
        if _is_cue_verb(tok):
            out.append(_Cue(tok, _subject(tok, inside), _distance(tok, q0, q1),
                            _governs(tok, q0, q1) or _as_aside(tok, q0, q1), weak=lemma in _EVALUATIVE_VERBS))
        elif tok.pos_ == "VERB" and lemma in _WEAK_CUE_VERBS:
            d = _distance(tok, q0, q1)
            governs = _governs(tok, q0, q1)
            # "he continued, '...'", "as Roe put it, '...'", not "'...,' have begun to"
            if d <= 4 and (governs or tok.i < q0):
                out.append(_Cue(tok, _subject(tok, inside), d, governs, weak=True))
        elif tok.pos_ == "NOUN" and lemma in _CUE_NOUNS and (nouns_anywhere or _governs(tok, q0, q1) or _introduces(tok)):
            owner = _noun_owner(tok)
            if owner is not None:
                out.append(_Cue(tok, owner, _distance(tok, q0, q1), True))
    return out


def _best_cue(cues: list[_Cue], partial: bool) -> _Cue | None:
    """The cue that governs the quote and is nearest; one with a speaker beats one without. A
    quoted piece inside reported speech belongs to the outer reporter ("Trump said he had asked
    his 'people' to ..."), so a cue nested in another's clause gives way to that one."""
    if not cues:
        return None
    # of the cues whose clause holds the quote, the innermost: "in a clip that Judge Roe called
    # 'distasteful', Doe expressed ..." is Roe's word, though "expressed" is nearer
    best = min(cues, key=lambda c: (c.speaker is None, not c.governs, _reach(c) if c.governs else 0, c.weak,
                                    c.distance))
    if partial and best.governs and best.token.pos_ in ("VERB", "AUX"):
        outer = {c.token.i: c for c in cues if c.governs and c.speaker is not None and not c.weak}
        node, steps = best.token, 0
        if _own_adverbial_clause(node) or node.dep_ == "relcl":
            return best  # "even as Trump claimed that '...', Roe said", "a clip that Roe called '...'"
        while node.head.i != node.i and steps < 4:
            node, steps = node.head, steps + 1
            if node.i in outer and node.dep_ != "relcl":
                return outer[node.i]
    return best


def _reach(cue: _Cue) -> int:
    """How much of the sentence a cue attributes: its clause; for "according to", the clause it
    hangs on ("..., who said '...', according to the ministry")."""
    tok = cue.token.head if cue.token.lower_ == "according" else cue.token
    return tok.right_edge.i - tok.left_edge.i


def _own_adverbial_clause(tok: Token) -> bool:
    """An adverbial or coordinated clause with a named subject of its own ("as Trump claimed ...",
    "..., and the UN has said ..."), unlike a participle ("..., explaining that ...") that shares
    its clause's subject."""
    return tok.dep_ in ("advcl", "conj") and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN")
                                                 for c in tok.children)


# ---------------------------------------------------------------------------------------------
# Naming the speaker


def _np_text(head: Token) -> str:
    """A short noun phrase for an unnamed speaker: its modifiers and head, without determiners,
    prepositional phrases or clauses ("a senior Hamas official in Doha" -> "senior Hamas official")."""
    keep = [head]
    stack = [c for c in head.lefts if c.dep_ in _NP_MODIFIER_DEPS]
    while stack:
        t = stack.pop()
        if t.dep_ == "poss" and t.pos_ == "PRON":
            continue
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ in _NP_MODIFIER_DEPS | {"case"})
    kept = {t.i for t in keep}
    doc = head.doc
    # punctuation inside a word ("front-runner", "CNN/ORC") stays with it
    keep += [doc[i] for i in range(min(kept) + 1, max(kept))
             if i not in kept and doc[i].is_punct and not doc[i].whitespace_ and not doc[i - 1].whitespace_]
    keep.sort(key=lambda t: t.i)
    return "".join(t.text_with_ws for t in keep).strip()


def _clause_subject_before(pron: Token, ctx: _Context) -> Token | None:
    """ "Her campaign released ads it described as ...", "The campaign contrasts her plan with what
    they call ...": an "it" or "they" in a clause embedded in a sentence whose subject is an
    organisation-like noun refers to that subject, not to whatever actor was named last."""
    clause = pron.head
    if clause.dep_ not in _EMBEDDED_DEPS:
        return None
    s0, _ = ctx.sents.bounds(pron.i)
    head = clause.head
    for _ in range(_CLIMB_MAX_STEPS):
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            ok = s0 <= subj.i < pron.i and subj.i not in ctx.inside and subj.pos_ in ("NOUN", "PROPN") \
                and subj.ent_type_ not in _TIME_ENTS | {"PERSON"} \
                and (pron.lower_ in _PLURAL_PRONOUNS or subj.tag_ in ("NN", "NNP"))
            return subj if ok else None
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def _resolve_pronoun(tok: Token, actors: ActorIndex, ctx: _Context, depth: int = 0) -> str | None:
    """He/she -> a person named before; it -> an organisation or country; they -> a group or
    organisation close by. Among the candidates (nearest first, never inside a quotation): in an
    embedded clause, the person the sentence named; else the subject of this or the previous
    sentence of narration (main clause first), or what the same pronoun there stood for; then
    someone who spoke in a recent quote; then a full name over a lone word the tagger may have
    misread."""
    low = tok.lower_
    if low in _THING_PRONOUNS | _PLURAL_PRONOUNS:
        owner = _clause_subject_before(tok, ctx)
        if owner is not None:
            hit = actors.at(owner.i)
            return hit.name if hit is not None else (_np_text(owner) or None)
    if low in _PERSON_PRONOUNS:
        types: tuple[str, ...] = ("person",)
    elif low in _THING_PRONOUNS:
        types = ("organization", "country", "group")
    elif low in _PLURAL_PRONOUNS:
        m = actors.before(tok.i, ("group", "organization", "country"), window=40)
        return m.name if m else None
    else:
        return None
    cands = [m for m in actors.recent(tok.i, types, window=_PRONOUN_WINDOW) if m.start not in ctx.inside]
    if not cands:
        return None
    doc = tok.doc
    sent_start, _ = ctx.sents.bounds(tok.i)
    if tok.head.dep_ in _EMBEDDED_DEPS:
        # "... pushed Netanyahu to accept a deal with Hamas, a group he vowed to 'crush'": a pronoun
        # in a clause inside the sentence refers to a person the sentence has named, its subject
        # first, never the one its own clause describes ("Trump, whom he called ...")
        described = tok.head.head.i if tok.head.dep_ in ("relcl", "acl") else None
        same = [m for m in cands if m.start >= sent_start and not m.start <= (described or -1) < m.end]
        same.sort(key=lambda m: not _names_subject(doc, m))
        if same and not _names_subject(doc, same[0]):
            role = _role_subject(doc, sent_start, tok.i, actors)
            if role is not None:  # "The president told Steve Roe that he ...": the president
                return role
        if same:
            return same[0].name
    prev_start = _narration_before(sent_start, ctx)
    # subjects of this sentence, then of the sentence before (main clause first), full names first
    for lo, hi in ((sent_start, tok.i), (prev_start, sent_start)):
        subjects = sorted((m for m in cands if lo <= m.start < hi and _names_subject(doc, m)),
                          key=lambda m: _depth(doc[m.end - 1]))
        for m in subjects:
            if len(m.name.split()) > 1:
                return m.name
    if depth < 2:
        chained = _pronoun_subject(doc, prev_start, sent_start, low, ctx)
        if chained is not None:  # "..., she added. / '...,' she said": the same she
            return _resolve_pronoun(chained, actors, ctx, depth + 1)
    spoke = {name for pos, name in ctx.speakers if tok.i - pos <= _PRONOUN_WINDOW}
    for m in cands:
        if m.name in spoke:
            return m.name
    subjects = [m for m in cands if m.start >= prev_start and _names_subject(doc, m)]
    if subjects:
        return subjects[0].name
    for m in cands:
        if len(m.name.split()) > 1:
            return m.name
    return cands[0].name


def _role_subject(doc: Doc, start: int, end: int, actors: ActorIndex) -> str | None:
    """The person a role noun stands for when it is the main subject of the sentence before `end`."""
    root = next((t for t in doc[start:end] if t.head.i == t.i), None)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subj is None or subj.lemma_.lower() not in _ROLE_HINTS or subj.i >= end:
        return None
    return actors.role(_with_of_phrase(subj, _np_text(subj)))


def _narration_before(sent_start: int, ctx: _Context) -> int:
    """Start of the sentence of narration before this one: the sentences of a quotation that this
    sentence closes ("'We waited. Nobody came,' he said.") are skipped."""
    start = sent_start
    while start > 0:
        p0, p1 = ctx.sents.bounds(start - 1)
        if any(i not in ctx.inside for i in range(p0, p1)):
            return p0
        start = p0
    return sent_start


def _names_subject(doc: Doc, m) -> bool:
    """The mention is its clause's subject or in apposition to it ("Israel's army chief, Lt. Gen.
    Jane Roe, announced")."""
    head = doc[m.end - 1]
    return head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass"))


def _pronoun_subject(doc: Doc, lo: int, hi: int, low: str, ctx: _Context) -> Token | None:
    """The same pronoun as subject of a sentence in [lo, hi), outside quotes: a chain to follow."""
    for t in doc[lo:hi]:
        if t.lower_ == low and t.dep_ in ("nsubj", "nsubjpass") and t.i not in ctx.inside:
            return t
    return None


def _person_beside(head: Token, actors: ActorIndex) -> str | None:
    """A person named in apposition inside a speaker phrase ("the spokesman, Nate Evans", "the
    head of the northern brigade, Colonel Dan Amit"). A name modifying the head is its
    employer, not the speaker ("a senior Cruz adviser"), and neither is an owner ("Blinken's
    spokesman")."""
    stack = [c for c in head.children if c.dep_ not in _CLAUSE_DEPS and c.dep_ != "poss"]
    while stack:
        t = stack.pop()
        if t.dep_ == "appos":
            m = actors.at(t.i)
            if m is not None and m.type == "person":
                return m.name
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS and c.dep_ != "poss")
    return None


def _issuer(tok: Token) -> Token | None:
    """Who put out a document that speaks: "Trump issued a statement saying ..." -> Trump;
    "according to calculations by Jane Roe", "a speech Roe gave in May" -> Roe."""
    lemma = tok.lemma_.lower()
    author = _document_author(tok) if lemma in _AUTHORED_NOUNS else None
    if author is not None:
        return author
    if lemma not in _SOURCE_NOUNS or tok.dep_ not in ("dobj", "pobj"):
        return None
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head
    if verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "dobj" and verb.lemma_.lower() in _ISSUE_VERBS and verb.tag_ in ("VBG", "VBN"):
        subj = _subject(verb)  # "Roe showed no sign of backing down, releasing a statement that ..."
    if subj is not None and (subj.pos_ == "PRON" or subj.ent_type_ in _ACTOR_ENTS):
        return subj
    if subj is not None and tok.dep_ == "dobj" and verb.lemma_.lower() in _ISSUE_VERBS \
            and subj.pos_ in ("NOUN", "PROPN") and subj.ent_type_ not in _TIME_ENTS:
        return subj  # whoever issues a statement is its voice, named or not ("the ministry")
    return None


def _document_author(doc_noun: Token) -> Token | None:
    """The named author of a document: the object of its "by" ("a study by the institute") or
    the subject of a relative clause on it ("a speech Roe gave"). Only names and pronouns count:
    "a report by the committee staff" stays the report."""
    for child in doc_noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for g in child.children:
                if g.dep_ == "pobj" and g.ent_type_ in _ACTOR_ENTS:
                    return g
        if child.dep_ == "relcl":
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None and (subj.ent_type_ in _ACTOR_ENTS or subj.lower_ in _PERSON_PRONOUNS):
                return subj
    return None


def _is_age(tok: Token) -> bool:
    """ "the 46-year-old": an age standing for a person, which the tagger reads as a date."""
    doc = tok.doc
    return tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 1].text == "-" \
        and doc[tok.i - 2].lower_ in ("year", "month")


def _poll_behind(tok: Token, ctx: _Context) -> str | None:
    """The poll or survey named in the sentence of a share of respondents who "said" something
    ("In a CNN poll released Monday, 31 percent said ...")."""
    s0, s1 = ctx.sents.bounds(tok.i)
    for t in tok.doc[s0:s1]:
        if t.lemma_.lower() in _POLL_NOUNS and t.pos_ == "NOUN" and t.i not in ctx.inside:
            return _np_text(t) or None
    return None


def _with_of_phrase(tok: Token, phrase: str) -> str:
    """A role with its "of" phrase, as titles are written: "secretary of state", "head of the
    agency" (without its determiners)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return f"{phrase} of {_np_text(obj)}"
    return phrase


def _one_of(tok: Token, ctx: _Context) -> str | None:
    """ "'...,' sobbed one" after "Two young girls were treated", or "one of the protesters said":
    one of a group named just before, described in the singular ("young girl"). None when no
    plural noun stands in this sentence or the one before."""
    group = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"), None)
    if group is None:
        s0, _ = ctx.sents.bounds(tok.i)
        start = ctx.sents.bounds(s0 - 1)[0] if s0 > 0 else s0
        group = next((t for t in reversed(tok.doc[start:tok.i]) if t.tag_ == "NNS" and t.i not in ctx.inside
                      and t.ent_type_ not in _TIME_ENTS), None)
    if group is None:  # "one user wrote ... Another said": the noun the last "one"/"another" had
        group = next((t for t in reversed(tok.doc[start:tok.i]) if t.pos_ == "NOUN" and t.i not in ctx.inside
                      and any(c.dep_ in ("det", "nummod") and c.lower_ in _ONE_OF for c in t.children)), None)
    if group is None:
        return None
    words = [t.text for t in group.lefts if t.dep_ in ("compound", "amod", "nmod") and not t.like_num]
    return " ".join(words + [group.lemma_])


def _name_speaker(tok: Token, actors: ActorIndex, ctx: _Context) -> str | None:
    """The canonical name behind a speaker token: an actor entity, a person named inside the
    phrase, a pronoun or a role resolved backwards, else the phrase itself. "The group said" stays
    "group": the nearest organisation before it is too often another one (null beats wrong)."""
    low = tok.lower_
    if low in _FIRST_PERSON:
        return None
    if low in _ONE_OF:
        return _one_of(tok, ctx)
    if low in _SOMEONE and any(c.dep_ == "prep" for c in tok.children):
        return "".join(t.text_with_ws for t in tok.subtree).strip()  # "someone in the audience"
    if tok.pos_ == "PRON" or low in _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS:
        return _resolve_pronoun(tok, actors, ctx)
    hit = actors.at(tok.i)
    if hit is not None:
        return hit.name
    if _is_age(tok):
        return "".join(t.text_with_ws for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det").strip()
    if tok.ent_type_ in _TIME_ENTS:
        poll = _poll_behind(tok, ctx)  # "31 percent of voters said, in a poll ...": the poll speaks
        if poll is not None or tok.ent_type_ in _CLOCK_ENTS:
            return poll  # a time or a date is never a voice ("5:45 p.m. The doctor said ...")
    issuer = _issuer(tok)
    if issuer is not None:
        return _name_speaker(issuer, actors, ctx)
    named = _person_beside(tok, actors)
    if named is not None:
        return named
    following = actors.at(tok.i + 1)
    if following is not None and following.start == tok.i + 1 and following.type == "person":
        return following.name  # a title the parser split from its name: "spokesperson Ashra al-Qidra"
    if tok.is_title and tok.dep_ != "compound":
        named = actors.person_named(tok.text)  # a surname tagged as a law or a work, or not at all
        if named is not None:
            return named
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    phrase = _np_text(tok)
    lemma = tok.lemma_.lower()
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
    if lemma in _ROLE_HINTS and tok.tag_ != "NNS" and definite:
        named = actors.role(_with_of_phrase(tok, phrase))
        if named:
            return named
    if definite and tok.tag_ != "NNS" and phrase.lower() == lemma:
        named = actors.org_role(lemma)  # "the group", introduced as "X, a media watchdog group"
        if named:
            return named
    if definite and tok.tag_ != "NNS" and phrase.lower() in (lemma, tok.lower_):
        named = _body_named_before(tok, actors, ctx) or _issuer_before(tok, actors, ctx)
        if named:
            return named
    return actors.canonical(phrase) or phrase or None


def _body_named_before(tok: Token, actors: ActorIndex, ctx: _Context) -> str | None:
    """ "The ministry said" after "Thailand's Ministry of Foreign Affairs", "the centre" after "the
    Schneider Children's Medical Centre", "the kingdom" after a sentence whose subject was Saudi
    Arabia: a definite noun for a body names the nearest organisation whose name holds that noun,
    else the organisation or country that was the subject of the sentence before."""
    lemma = tok.lemma_.lower()
    if lemma not in _BODY_NOUNS:
        return None
    kinds = ("country",) if lemma in _STATE_NOUNS else \
        ("group", "organization") if lemma in ("group", "movement") else ("organization",)
    s0, _ = ctx.sents.bounds(tok.i)
    prev = _narration_before(s0, ctx)
    for m in actors.recent(tok.i, ("organization", "group", "country"), window=_PRONOUN_WINDOW):
        if m.start in ctx.inside:
            continue
        if lemma in {w.lower().rstrip(".,") for w in m.name.split()} | _written_words(tok.doc, m):
            return m.name
    doc = tok.doc
    for m in actors.recent(s0, kinds, window=s0 - prev):
        if m.start >= prev and m.start not in ctx.inside and _names_subject(doc, m):
            return m.name
    return None


def _written_words(doc: Doc, m) -> set[str]:
    return {t.lemma_.lower() for t in doc[m.start:m.end]}


def _issuer_before(tok: Token, actors: ActorIndex, ctx: _Context) -> str | None:
    """ "The statement said" after "The Pentagon issued a statement": a definite document speaks
    for whoever issued the same document in the sentence before or in this one."""
    lemma = tok.lemma_.lower()
    if lemma not in _SOURCE_NOUNS:
        return None
    s0, _ = ctx.sents.bounds(tok.i)
    for t in reversed(tok.doc[_narration_before(s0, ctx):tok.i]):
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.i not in ctx.inside:
            issuer = _issuer(t)
            if issuer is not None and issuer.i not in ctx.inside:
                hit = actors.at(issuer.i)
                return hit.name if hit is not None else None
    return None


# ---------------------------------------------------------------------------------------------
# Kinds


def _is_title(quoted: str) -> bool:
    """Title Case without the punctuation of speech: a show, a book, a slogan, a headline."""
    words = re.findall(r"[A-Za-z][\w'’-]*", quoted)
    if not words or len(words) > 12 or quoted.rstrip()[-1:] in "?!":
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and (len(words) > 1 or quoted.isupper())


def _set_off(text: str, sp: _Span) -> bool:
    """Nothing but punctuation (or the start of the paragraph) before the opening mark: the quote
    stands as its own utterance rather than inside the reporter's sentence."""
    before = text[_paragraph_start(text, sp):sp.open_mark].rstrip()
    return before == "" or before[-1] in ",:;.?!—–-" or before.endswith(("''", '"', "”"))


def _kind(text: str, sp: _Span, attributed: bool) -> str:
    """direct: a whole utterance set off from the attribution; partial: a quoted piece of a
    paraphrase; fragment: a title or label (names of shows, slogans, headlines), or a piece with
    no attribution at all (scare quotes). A whole sentence in quotation marks is speech even when
    its speaker cannot be named."""
    before = text[_paragraph_start(text, sp):sp.open_mark].rstrip()
    quoted = text[sp.start:sp.end]
    if _is_title(quoted) and not before.endswith(":"):
        return "fragment"
    if _mentioned_word(before) or _heading(text, sp):
        return "fragment"
    starts_upper = quoted[:1].isupper() or quoted[:1].isdigit() or quoted[:1] in "[…."
    ends_utterance = quoted[-1:] in ",.?!…" or text[sp.close_mark - 2:sp.close_mark - 1] in ",.?!"
    if _set_off(text, sp) and starts_upper and ends_utterance and len(quoted.split()) >= _SENTENCE_MIN_WORDS:
        return "direct"
    if not attributed:
        return "fragment"
    if _set_off(text, sp) and (starts_upper or ends_utterance):
        return "direct"
    return "partial"


def _mentioned_word(before: str) -> bool:
    """ "replacing the word 'permanent'", "used the term 'kitchen sink'": a word cited as a word."""
    return re.search(r"\b(?:the|a|that)\s+(?:words?|terms?|phrases?|label|slogan|hashtag|expression)$",
                     before, re.IGNORECASE) is not None


def _heading(text: str, sp: _Span) -> bool:
    """A short line that is nothing but the quotation, with no sentence in it: a subheading."""
    p0 = _paragraph_start(text, sp)
    p1 = text.find("\n", sp.close_mark)
    line_rest = text[sp.close_mark:p1 if p1 >= 0 else len(text)].strip()
    quoted = text[sp.start:sp.end].strip()
    return not text[p0:sp.open_mark].strip() and not line_rest and sp.closed \
        and quoted[-1:] not in ".?!…," and len(quoted.split()) <= _HEADING_MAX_WORDS


def _paragraph_start(text: str, sp: _Span) -> int:
    """Offset of the first character of the quote's paragraph."""
    return text.rfind("\n", 0, sp.open_mark) + 1


def _sentence_text(doc: Doc, text: str, a: int, b: int, sents: _Sentences) -> str:
    """The text of the sentences covering characters [a, b)."""
    first = doc.char_span(a, a + 1, alignment_mode="expand")
    last = doc.char_span(max(a, b - 1), b, alignment_mode="expand")
    if first is None or last is None or len(first) == 0 or len(last) == 0:
        return text[a:b]
    s0 = doc[sents.bounds(first.start)[0]].idx
    end = sents.bounds(last.end - 1)[1]
    s1 = doc[end - 1].idx + len(doc[end - 1].text)
    return text[s0:s1]


def _clause_source(doc: Doc, q0: int, q1: int, inside: frozenset[int], actors: ActorIndex,
                   ctx: _Context) -> tuple[Token | None, str | None]:
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
            subj = _subject(tok, inside)
        if subj is None or subj.i in inside:
            return None, None
        if actors.at(subj.i) is not None or subj.pos_ == "PRON" or subj.lemma_.lower() in _SOURCE_NOUNS | _ROLE_HINTS:
            name = _name_speaker(subj, actors, ctx)
            return (tok, name) if name else (None, None)
        if tok.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or tok.head.i == tok.i:
            return None, None
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX") or tok.i in inside:
            return None, None
    return None, None


def _colon_speaker(doc: Doc, text: str, sp: _Span, actors: ActorIndex, ctx: _Context) -> str | None:
    """ "Rep. Jane Doe (D-Ore.): '...'" or "Here's Smith in 1992: '...'": with no verb before the
    colon, the first actor named there is the speaker. With a verb that reports nothing, a person
    named right at the colon speaks, else the main subject when it is a name or a document ("A
    note in the report makes that clear: '...'"). A quote opening its paragraph takes the colon
    that ends the paragraph before ("Stated Stone:")."""
    p0 = _paragraph_start(text, sp)
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
                                or subj.lemma_.lower() in _SOURCE_NOUNS | _BODY_NOUNS | _ROLE_HINTS):
            return None
        return _name_speaker(subj, actors, ctx)
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
    if tok.dep_ not in ("compound", "poss", "nmod") or head.lemma_.lower() not in _ROLE_HINTS:
        return None
    return actors.role(_np_text(head)) or actors.role(head.lower_) or ""


def extract_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    text = doc.text
    spans = find_quote_spans(text)
    if not spans:
        return []
    inside = frozenset(_inside_mask(doc, spans))
    paras = _paragraphs(text)
    out: list[Quote] = []
    last_speaker: dict[int, str | None] = {}
    ctx = _Context(inside, _Sentences(doc))
    for k, sp in enumerate(spans):
        qspan = doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if qspan is None or len(qspan) == 0:
            continue
        q0, q1 = qspan.start, qspan.end
        window = _window(doc, sp, q0, q1, paras, spans, k, inside, ctx.sents, text)
        cue = _best_cue(_cues(window, q0, q1, inside), partial=not _set_off(text, sp))
        speaker = None
        cue_text = None
        listed = False
        if cue is not None:
            cue_text = _cue_text(cue.token)
            if cue.speaker is not None:
                speaker = _name_speaker(cue.speaker, actors, ctx)
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
            if speaker is None and _set_off(text, sp):
                earlier = _cue_before(doc, q0, paras[sp.para][0], paras[sp.para - 1][0] if sp.para else 0, ctx)
                if earlier is not None and earlier.speaker is not None:
                    speaker = _name_speaker(earlier.speaker, actors, ctx)
                    cue_text = _cue_text(earlier.token) if speaker else None
                if speaker is None:
                    speaker = _subject_before(doc, q0, paras[sp.para][0], actors, ctx)
        kind = _kind(text, sp, cue is not None or speaker is not None)
        if _heading(text, sp):
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


def _listed_after(text: str, sp: _Span, spans: list[_Span], k: int) -> bool:
    """The quote follows the one before it in a list: only commas, "and", "or" between them."""
    if k == 0 or spans[k - 1].para != sp.para:
        return False
    prev = spans[k - 1]
    between = text[prev.close_mark:sp.open_mark]
    if not between.strip():  # the list's comma inside the marks: '"absurd," "cruel"'
        return text[prev.start:prev.end].rstrip().endswith(",")
    return re.fullmatch(r"\s*(?:,\s*)?(?:(?:and|or|as well as)\s+)?", between) is not None


def _signed(doc: Doc, text: str, sp: _Span, paras: list[tuple[int, int]], actors: ActorIndex) -> str | None:
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


def _cue_before(doc: Doc, q0: int, para_start: int, prev_para_start: int, ctx: _Context) -> _Cue | None:
    """A quote standing alone after its introduction ("Mr. Smith described the night.\n"We ran."):
    the last reporting cue of the sentence before, in this paragraph or the one before."""
    s0, _ = ctx.sents.bounds(q0)
    if s0 == 0 or not _opens_sentence(doc, s0, q0):
        return None
    p0, p1 = ctx.sents.bounds(s0 - 1)
    if doc[p0].idx < prev_para_start:
        return None
    tokens = [t for t in doc[p0:p1] if t.i not in ctx.inside]
    cues = [c for c in _cues(tokens, q0, q0 + 1, ctx.inside, nouns_anywhere=True) if c.speaker is not None and not c.weak]
    # the main clause's cue, not one deep in a relative clause ("X issued a statement on the emails,
    # which showed staff suggesting ..."); of equals, the last
    return min(cues, key=lambda c: (_depth(c.token), -c.token.i)) if cues else None


def _opens_sentence(doc: Doc, s0: int, q0: int) -> bool:
    """The quote whose first word is token q0 opens the sentence starting at s0 (its mark first)."""
    return s0 == q0 or (s0 == q0 - 1 and (doc[s0].is_quote or doc[s0].is_punct))


def _depth(tok: Token) -> int:
    """Links from a token up to the root of its sentence."""
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n


def _subject_before(doc: Doc, q0: int, para_start: int, actors: ActorIndex, ctx: _Context) -> str | None:
    """ "Sen. Jane Roe named voters' fatigue as the reason. "They are tired of it."": a quote
    standing alone right after a sentence of its own paragraph whose main subject is a named
    person is that person's words, even when that sentence has no reporting verb."""
    s0, _ = ctx.sents.bounds(q0)
    if s0 == 0 or not _opens_sentence(doc, s0, q0):
        return None
    p0, p1 = ctx.sents.bounds(s0 - 1)
    if doc[p0].idx < para_start:
        return None
    root = next((t for t in doc[p0:p1] if t.head.i == t.i), None)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subj is None or subj.i in ctx.inside:
        return None
    if subj.lower_ in _PERSON_PRONOUNS:
        return _resolve_pronoun(subj, actors, ctx)  # "She pauses. 'Well, thank you so much.'"
    m = actors.at(subj.i)
    return m.name if m is not None and m.type == "person" else None


def _cue_text(tok: Token) -> str:
    if tok.lower_ == "according":
        return "according to"
    return tok.text


def _inherited(sp: _Span, spans: list[_Span], k: int, done: list[Quote], last: dict[int, str | None]) -> str | None:
    """An unattributed quote speaks with the voice of its paragraph, or, when it opens its own
    paragraph, with the voice of the quote that ended the paragraph before."""
    if sp.para in last and last[sp.para]:
        return last[sp.para]
    if sp.para_start and k > 0:
        prev = spans[k - 1]
        if prev.para == sp.para - 1 and done and done[-1].kind != "fragment":
            return done[-1].speaker
    return None


def _inside_mask(doc: Doc, spans: list[_Span]) -> set[int]:
    """Token indices inside any quote (marks included), which never hold the attribution."""
    out: set[int] = set()
    for sp in spans:
        span = doc.char_span(sp.open_mark, sp.close_mark, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _continues(text: str, pos: int, limit: int) -> bool:
    """The sentence goes on after a closing mark ('"...?" he asked'), even if the parser cut it."""
    rest = text[pos:limit].lstrip(" \u00a0")
    return bool(rest) and (rest[0].islower() or rest[0] in ",—–-")


def _tag_after_close(doc: Doc, text: str, sp: _Span, nxt: int, sents: _Sentences) -> bool:
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
        if not _is_cue_verb(tok):
            continue
        subject = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
        opens = tok.i - s0 <= _TAG_MAX_TOKENS or (subject is not None and subject.left_edge.i == s0)
        reports = any(c.dep_ in _REPORTED_DEPS and not (c.dep_ == "dobj" and tok.lemma_.lower() in _ADDRESSEE_VERBS)
                      for c in tok.children) or (tok.i + 1 < s1 and doc[tok.i + 1].text == ":")
        return opens and not reports
    return False


def _window(doc: Doc, sp: _Span, q0: int, q1: int, paras: list[tuple[int, int]], spans: list[_Span], k: int,
            inside: frozenset[int], sents: _Sentences, text: str) -> list[Token]:
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
