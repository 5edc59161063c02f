"""Reporting cues and the token that speaks through them: the reporting verbs and nouns with the
word lists attribution shares (pronouns, roles, documents, entity labels); a cue's subject, found
through passives, participles, relative clauses and appositives; the owner of a reporting noun or
the issuer of a document; the candidate cues around a quote and the one that attributes it."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

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
ADDRESSEE_VERBS = frozenset("tell inform notify assure reassure remind brief".split())
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
SOURCE_NOUNS = frozenset("""
document report study statement article survey poll paper letter resolution draft text website ad
video sign headline memo email tweet post book law bill order ruling complaint lawsuit indictment
filing transcript release communique declaration agreement proposal plan cover piece message
footnote note passage section caption notice entry page
""".split())
# Words and works that have an author who can be named through them ("a speech Roe gave").
_AUTHORED_NOUNS = SOURCE_NOUNS | _CUE_NOUNS | frozenset("""
calculation analysis estimate research testimony data figure tally count projection forecast
""".split())
# Verbs by which someone puts out a document in their own name.
_ISSUE_VERBS = frozenset("""
issue release publish post send circulate distribute put deliver present submit unveil run
""".split())
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_CLIMB_DEPS = {"xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp", "dep", "prep", "pobj", "parataxis"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
TIME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
# Verbs whose passive subject is still the speaker ("he was quoted as saying", "she was heard").
_PASSIVE_SPEAKER_VERBS = {"quote", "hear", "record", "overhear"}
# Links inside "Name, a top adviser to the governor" that lead from its last word back to the name.
_APPOS_PATH_DEPS = {"appos", "acl", "dobj", "conj", "cc", "pobj", "prep", "compound", "amod", "nmod", "poss",
                    "case"}
_APPOS_MAX_STEPS = 8
_RELATIVE_WORDS = {"who", "which", "that", "whom"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
THING_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
ONE_OF = {"one", "another"}  # "..., said one": one of a group named before
ROLE_HINTS = frozenset("""
minister president secretary spokesman spokeswoman spokesperson ambassador envoy diplomat chief
leader premier governor mayor general commander king emir prince senator chairman official adviser
advisor director head representative
""".split())


def is_cue_verb(tok: Token) -> bool:
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


def cue_subject(verb: Token, inside: frozenset[int] = frozenset(), depth: int = 0) -> Token | None:
    """The speaker token of a reporting verb: its subject, the agent of a passive, the noun a
    participle or relative clause modifies, the one a verb of control names ("prompted Roe to
    say"), or the subject of the clause it hangs from. Words inside quotation marks are never the
    speaker; when the parser took one for the subject, the noun phrase next to the verb is ("...,
    said the spokesman"). Of two subjects the parser gave one verb, the nearer is the real one
    ("Washington (AFP) - Jane Roe has said", a dateline)."""
    named = _name_before_gerund(verb, inside) or _glued_name(verb, inside)
    if named is not None:
        return named
    subject = next((c for c in sorted(verb.children, key=lambda c: abs(c.i - verb.i)) if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        return _speaker_of_subject(verb, subject, inside)
    agent = _agent(verb)
    if agent is not None:
        return agent
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") and not _set_apart(verb):
        return verb.head
    controlled = _controlling(verb, inside)
    if controlled is not None:
        return controlled
    if depth < 3:
        clause = _clause_above(verb, inside)
        if clause is not None:
            return cue_subject(clause, inside, depth + 1)
    return _adjacent_np(verb, inside)


def _glued_name(verb: Token, inside: frozenset[int]) -> Token | None:
    """ '"...," Beck joked': a name the parser glued to the verb as a compound."""
    glued = next((c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1
                  and c.ent_type_ in _ACTOR_ENTS), None)
    return glued if glued is not None and glued.i not in inside else None


def _speaker_of_subject(verb: Token, subject: Token, inside: frozenset[int]) -> Token | None:
    """What a verb's own subject says of the speaker."""
    if subject.i in inside:
        return _adjacent_np(verb, inside)
    if subject.dep_ == "nsubjpass":
        # "X was quoted as saying", but "the draft was written by X", "reporters were told",
        # "an error that was reported by the Times"
        if verb.lemma_.lower() not in _PASSIVE_SPEAKER_VERBS:
            return _agent(verb)
        return _agent(verb) or (_relative_head(verb, subject) if subject.lower_ in _RELATIVE_WORDS else subject)
    if subject.lower_ in _RELATIVE_WORDS:
        return _relative_head(verb, subject)
    return _named_after_say(verb, subject, inside) or subject


def _controlling(verb: Token, inside: frozenset[int]) -> Token | None:
    """The one a verb of control names for an infinitive it governs: "That prompted Roe to call him
    'flexible'" (the one prompted speaks), "Roe is expected to say ..." (the one expected)."""
    to_clause = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ != "xcomp" and not to_clause:
        return None
    controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if controller is not None and controller.i not in inside \
            and (controller.pos_ in ("PROPN", "NOUN") or controller.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS):
        return controller
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass" and c.i not in inside), None)


def _clause_above(verb: Token, inside: frozenset[int]) -> Token | None:
    """The verb of the clause a subjectless cue hangs from: the head of a participle, infinitive or
    conjunct; the clause a participle set apart by a comma belongs to ("Roe rejected the notion
    that ..., saying"); the reporter of a clause a cue was wrongly hung inside."""
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):  # set apart, see above
        clause = verb.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        return clause if clause.pos_ in ("VERB", "AUX") and clause.i not in inside else None
    if verb.dep_ not in _CLIMB_DEPS or verb.head.i == verb.i:
        return None
    head = verb.head
    while head.dep_ in ("prep", "pobj", "pcomp") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "ccomp" and is_cue_verb(verb) and is_cue_verb(head.head) and head.head.i not in inside:
        # "Roe said it was early but added, ...": a reporting verb the parser hung inside the
        # clause another one reports shares the reporter's subject, not the clause's
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i not in inside else None


def _set_apart(verb: Token) -> bool:
    """ "Roe rejected the notion that ..., saying ...": a participle after a comma, hung on a noun
    that is no actor, belongs to the clause, not to the noun."""
    doc = verb.doc
    return verb.tag_ == "VBG" and verb.i > 0 and doc[verb.i - 1].text == "," \
        and verb.head.ent_type_ not in _ACTOR_ENTS and verb.head.lemma_.lower() not in SOURCE_NOUNS


def _name_before_gerund(verb: Token, inside: frozenset[int]) -> Token | None:
    """ "footage of Jane Roe asking, '...'": a participle written right after a name, with no
    comma between, has that name for its subject, wherever the parser hung it."""
    if verb.tag_ != "VBG" or verb.dep_ == "ROOT" or verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
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
    if after < len(doc) and after not in inside and verb.lemma_.lower() not in ADDRESSEE_VERBS:
        candidates.append(doc[after])  # "..., told Mr. Smith": the one told is not the speaker
    # a phrase never reaches across the verb: "Trump accused Cruz", parsed as one noun phrase,
    # still has Trump before the verb
    side = frozenset(range(verb.i, len(doc))) if candidates and candidates[0].i < verb.i else frozenset()
    for t in candidates:
        if t.pos_ == "PRON" or t.ent_type_ in _ACTOR_ENTS or t.lower_ in ONE_OF:
            return _np_head(t, inside | side if t.i < verb.i else inside)
    for t in candidates[::-1]:
        if t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") and t.ent_type_ not in TIME_ENTS:
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
    return tok.ent_type_ in _ACTOR_ENTS or tok.lemma_.lower() in SOURCE_NOUNS | ROLE_HINTS


def _antecedent(rel: Token) -> Token | None:
    """The noun a relative pronoun stands for: the nearest noun before it that is not a date."""
    j = rel.i - 1
    while j >= 0 and rel.i - j <= 10:
        t = rel.doc[j]
        if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in TIME_ENTS:
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
        return issuer_of(noun)  # "Trump issued the following statement: ..."
    return _document_author(noun)  # "remarks Roe made in May"


def issuer_of(tok: Token) -> Token | None:
    """Who put out a document that speaks: "Trump issued a statement saying ..." -> Trump;
    "according to calculations by Jane Roe", "a speech Roe gave in May" -> Roe."""
    lemma = tok.lemma_.lower()
    author = _document_author(tok) if lemma in _AUTHORED_NOUNS else None
    if author is not None:
        return author
    if lemma not in SOURCE_NOUNS or tok.dep_ not in ("dobj", "pobj"):
        return None
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head
    if verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "dobj" and verb.lemma_.lower() in _ISSUE_VERBS and verb.tag_ in ("VBG", "VBN"):
        subj = cue_subject(verb)  # "Roe showed no sign of backing down, releasing a statement that ..."
    if subj is not None and (subj.pos_ == "PRON" or subj.ent_type_ in _ACTOR_ENTS):
        return subj
    if subj is not None and tok.dep_ == "dobj" and verb.lemma_.lower() in _ISSUE_VERBS \
            and subj.pos_ in ("NOUN", "PROPN") and subj.ent_type_ not in TIME_ENTS:
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
            if subj is not None and (subj.ent_type_ in _ACTOR_ENTS or subj.lower_ in PERSON_PRONOUNS):
                return subj
    return None


def _introduces(noun: Token) -> bool:
    """The reporting noun ends a clause that a colon closes ("X issued the following statement:"),
    so the quotation after the colon is its content even though the parse does not join them."""
    doc = noun.doc
    nxt = noun.i + 1
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    return nxt < len(doc) and doc[nxt].text == ":"


@dataclass
class Cue:
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


def find_cues(tokens: list[Token], q0: int, q1: int, inside: frozenset[int], nouns_anywhere: bool = False) -> list[Cue]:
    """Candidate cues among the tokens outside quotes around one quote (token range [q0, q1)). A
    reporting noun counts where it governs or introduces the quote, or anywhere in a sentence that
    introduces a quote standing after it (`nouns_anywhere`)."""
    out = []
    for tok in tokens:
        owner = _according_to(tok)
        if owner is not None:
            # "..., Roe said, according to CNN": Roe speaks, CNN is only the channel
            relayed = is_cue_verb(tok.head) and tok.head.i != tok.i
            out.append(Cue(tok, owner, _distance(tok, q0, q1), True, weak=relayed))
            continue
        lemma = tok.lemma_.lower()
        if _in_compound_word(tok) or _is_naming(tok):
            continue  # "so-called", "a film called ...": a label, not a report
        if is_cue_verb(tok):
            out.append(Cue(tok, cue_subject(tok, inside), _distance(tok, q0, q1),
                           _governs(tok, q0, q1) or _as_aside(tok, q0, q1), weak=lemma in _EVALUATIVE_VERBS))
        elif tok.pos_ == "VERB" and lemma in _WEAK_CUE_VERBS:
            d = _distance(tok, q0, q1)
            governs = _governs(tok, q0, q1)
            # "he continued, '...'", "as Roe put it, '...'", not "'...,' have begun to"
            if d <= 4 and (governs or tok.i < q0):
                out.append(Cue(tok, cue_subject(tok, inside), d, governs, weak=True))
        elif tok.pos_ == "NOUN" and lemma in _CUE_NOUNS and (nouns_anywhere or _governs(tok, q0, q1)
                                                             or _introduces(tok)):
            owner = _noun_owner(tok)
            if owner is not None:
                out.append(Cue(tok, owner, _distance(tok, q0, q1), True))
    return out


def best_cue(cues: list[Cue], partial: bool) -> Cue | None:
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


def _reach(cue: Cue) -> int:
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


def tree_depth(tok: Token) -> int:
    """Links from a token up to the root of its sentence."""
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n
