"""From a speaker token to a name: an actor of the article's ActorIndex, a pronoun, role, body or
document resolved back to the actor it stands for, one of a group named before, or else the noun
phrase itself."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newsroom.nlp.actors import ActorIndex, Mention
from newsroom.nlp.quotes.context import Context
from newsroom.nlp.quotes.cues import (
    ONE_OF, PERSON_PRONOUNS, PLURAL_PRONOUNS, ROLE_HINTS, SOURCE_NOUNS, THING_PRONOUNS, TIME_ENTS, cue_subject,
    is_cue_verb, issuer_of, tree_depth
)

# Nouns by which copy refers back to a body it named ("the ministry said"), and those for states.
BODY_NOUNS = frozenset("""
organization organisation group ministry agency council centre center kingdom government army military
company committee office party campaign department association body union coalition movement alliance
commission foundation institute network authority administration
""".split())
_STATE_NOUNS = frozenset("kingdom government administration".split())
_CLOCK_ENTS = {"DATE", "TIME"}
_POLL_NOUNS = frozenset("poll survey".split())
_CLIMB_MAX_STEPS = 5
_EMBEDDED_DEPS = {"relcl", "ccomp", "acl", "pcomp"}  # clauses inside a sentence that has its own subject
_PRONOUN_WINDOW = 250  # tokens back to look for a pronoun's antecedent
_FIRST_PERSON = {"i", "we", "me", "us", "you"}
_SOMEONE = {"someone", "somebody", "anyone", "anybody"}
_NP_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "flat"}
_CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "cc", "punct"}


def np_text(head: Token) -> str:
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


def _clause_subject_before(pron: Token, ctx: Context) -> Token | None:
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
                and subj.ent_type_ not in TIME_ENTS | {"PERSON"} \
                and (pron.lower_ in PLURAL_PRONOUNS or subj.tag_ in ("NN", "NNP"))
            return subj if ok else None
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def resolve_pronoun(tok: Token, actors: ActorIndex, ctx: Context, depth: int = 0) -> str | None:
    """He/she -> a person named before; it -> an organisation or country; they -> a group or
    organisation close by. Among the candidates (nearest first, never inside a quotation): in an
    embedded clause, the person the sentence named; else the subject of this or the previous
    sentence of narration (main clause first), or what the same pronoun there stood for; then
    someone who spoke in a recent quote; then a full name over a lone word the tagger may have
    misread."""
    low = tok.lower_
    if low in THING_PRONOUNS | PLURAL_PRONOUNS:
        owner = _clause_subject_before(tok, ctx)
        if owner is not None:
            hit = actors.at(owner.i)
            return hit.name if hit is not None else (np_text(owner) or None)
    if low in PERSON_PRONOUNS:
        types: tuple[str, ...] = ("person",)
    elif low in THING_PRONOUNS:
        types = ("organization", "country", "group")
    elif low in PLURAL_PRONOUNS:
        m = actors.before(tok.i, ("group", "organization", "country"), window=40)
        return m.name if m else None
    else:
        return None
    cands = [m for m in actors.recent(tok.i, types, window=_PRONOUN_WINDOW) if m.start not in ctx.inside]
    if not cands:
        return _unnamed_speaker_before(tok, ctx) if types == ("person",) else None
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
                          key=lambda m: tree_depth(doc[m.end - 1]))
        for m in subjects:
            if len(m.name.split()) > 1:
                return m.name
    if depth < 2:
        chained = _pronoun_subject(doc, prev_start, sent_start, low, ctx)
        if chained is not None:  # "..., she added. / '...,' she said": the same she
            return resolve_pronoun(chained, actors, ctx, depth + 1)
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


def _unnamed_speaker_before(tok: Token, ctx: Context) -> str | None:
    """ "..., an official from the group said on Friday. / '...,' he said.": with nobody named
    before, "he" is the unnamed person who spoke in the sentence of narration before, when the
    phrase describes one person ("official", "spokesman")."""
    s0, _ = ctx.sents.bounds(tok.i)
    prev = _narration_before(s0, ctx)
    for t in tok.doc[prev:s0]:
        if t.i in ctx.inside or not is_cue_verb(t):
            continue
        who = cue_subject(t, ctx.inside)
        if who is not None and who.lemma_.lower() in ROLE_HINTS and who.tag_ == "NN":
            return np_text(who)
    return None


def _role_subject(doc: Doc, start: int, end: int, actors: ActorIndex) -> str | None:
    """The person a role noun stands for when it is the main subject of the sentence before `end`."""
    root = next((t for t in doc[start:end] if t.head.i == t.i), None)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subj is None or subj.lemma_.lower() not in ROLE_HINTS or subj.i >= end:
        return None
    return actors.role(_with_of_phrase(subj, np_text(subj)))


def _narration_before(sent_start: int, ctx: Context) -> int:
    """Start of the sentence of narration before this one: the sentences of a quotation that this
    sentence closes ("'We waited. Nobody came,' he said.") are skipped."""
    start = sent_start
    while start > 0:
        p0, p1 = ctx.sents.bounds(start - 1)
        if any(i not in ctx.inside for i in range(p0, p1)):
            return p0
        start = p0
    return sent_start


def _names_subject(doc: Doc, m: Mention) -> bool:
    """The mention is its clause's subject or in apposition to it ("Israel's army chief, Lt. Gen.
    Jane Roe, announced")."""
    head = doc[m.end - 1]
    return head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass"))


def _pronoun_subject(doc: Doc, lo: int, hi: int, low: str, ctx: Context) -> Token | None:
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


def _is_age(tok: Token) -> bool:
    """ "the 46-year-old": an age standing for a person, which the tagger reads as a date."""
    doc = tok.doc
    return tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 1].text == "-" \
        and doc[tok.i - 2].lower_ in ("year", "month")


def _poll_behind(tok: Token, ctx: Context) -> str | None:
    """The poll or survey named in the sentence of a share of respondents who "said" something
    ("In a CNN poll released Monday, 31 percent said ...")."""
    s0, s1 = ctx.sents.bounds(tok.i)
    for t in tok.doc[s0:s1]:
        if t.lemma_.lower() in _POLL_NOUNS and t.pos_ == "NOUN" and t.i not in ctx.inside:
            return np_text(t) or None
    return None


def _with_of_phrase(tok: Token, phrase: str) -> str:
    """A role with its "of" phrase, as titles are written: "secretary of state", "head of the
    agency" (without its determiners)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return f"{phrase} of {np_text(obj)}"
    return phrase


def _one_of(tok: Token, ctx: Context) -> str | None:
    """ "'...,' sobbed one" after "Two young girls were treated", or "one of the protesters said":
    one of a group named just before, described in the singular ("young girl"). None when no
    plural noun stands in this sentence or the one before."""
    group = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"), None)
    if group is None:
        s0, _ = ctx.sents.bounds(tok.i)
        start = ctx.sents.bounds(s0 - 1)[0] if s0 > 0 else s0
        group = next((t for t in reversed(tok.doc[start:tok.i]) if t.tag_ == "NNS" and t.i not in ctx.inside
                      and t.ent_type_ not in TIME_ENTS), None)
    if group is None:  # "one user wrote ... Another said": the noun the last "one"/"another" had
        group = next((t for t in reversed(tok.doc[start:tok.i]) if t.pos_ == "NOUN" and t.i not in ctx.inside
                      and any(c.dep_ in ("det", "nummod") and c.lower_ in ONE_OF for c in t.children)), None)
    if group is None:
        return None
    words = [t.text for t in group.lefts if t.dep_ in ("compound", "amod", "nmod") and not t.like_num]
    return " ".join(words + [group.lemma_])


def name_speaker(tok: Token, actors: ActorIndex, ctx: Context) -> str | None:
    """The canonical name behind a speaker token: an actor entity, a person named inside the
    phrase, a pronoun, a role or a definite noun resolved backwards, else the phrase itself; None
    for the first person and for times and dates."""
    low = tok.lower_
    if low in _FIRST_PERSON:
        return None
    if low in ONE_OF:
        return _one_of(tok, ctx)
    if low in _SOMEONE and any(c.dep_ == "prep" for c in tok.children):
        return "".join(t.text_with_ws for t in tok.subtree).strip()  # "someone in the audience"
    if tok.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
        return resolve_pronoun(tok, actors, ctx)
    hit = actors.at(tok.i)
    if hit is not None:
        return hit.name
    if _is_age(tok):
        return "".join(t.text_with_ws for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det").strip()
    if tok.ent_type_ in TIME_ENTS:
        poll = _poll_behind(tok, ctx)  # "31 percent of voters said, in a poll ...": the poll speaks
        if poll is not None or tok.ent_type_ in _CLOCK_ENTS:
            return poll  # a time or a date is never a voice ("5:45 p.m. The doctor said ...")
    issuer = issuer_of(tok)
    if issuer is not None:
        return name_speaker(issuer, actors, ctx)
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
    phrase = np_text(tok)
    definite = tok.tag_ != "NNS" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
    named = _referred_back(tok, phrase, actors, ctx) if definite else None
    return named or actors.canonical(phrase) or phrase or None


def _referred_back(tok: Token, phrase: str, actors: ActorIndex, ctx: Context) -> str | None:
    """Who a definite singular noun phrase refers back to: a role to the person the article gave it
    ("the prime minister"), "the group" to the organisation described as one, a bare body noun or
    document to the body or issuer named before ("the ministry", "the statement")."""
    lemma = tok.lemma_.lower()
    if lemma in ROLE_HINTS:
        named = actors.role(_with_of_phrase(tok, phrase))
        if named:
            return named
    if phrase.lower() == lemma:
        named = actors.org_role(lemma)  # "the group", introduced as "X, a media watchdog group"
        if named:
            return named
    if phrase.lower() in (lemma, tok.lower_):
        return _body_named_before(tok, actors, ctx) or _issuer_before(tok, actors, ctx)
    return None


def _body_named_before(tok: Token, actors: ActorIndex, ctx: Context) -> str | None:
    """ "The ministry said" after "Thailand's Ministry of Foreign Affairs", "the centre" after "the
    Schneider Children's Medical Centre", "the kingdom" after a sentence whose subject was Saudi
    Arabia: a definite noun for a body names the nearest organisation whose name holds that noun,
    else the organisation or country that was the subject of the sentence before, else the fuller
    phrase that noun had there."""
    lemma = tok.lemma_.lower()
    if lemma not in BODY_NOUNS:
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
        first = m.start == prev or doc[m.end - 1].dep_ == "ROOT"  # the parser may leave it no verb
        if m.start >= prev and m.start not in ctx.inside and (_names_subject(doc, m) or first):
            return m.name
    for t in reversed(doc[prev:tok.i]):  # "Thailand's ministry of foreign affairs said ...", untagged
        if t.lemma_.lower() == lemma and t.i not in ctx.inside:
            phrase = _with_of_phrase(t, np_text(t))
            return phrase if phrase.lower() != lemma else None
    return None


def _written_words(doc: Doc, m: Mention) -> set[str]:
    return {t.lemma_.lower() for t in doc[m.start:m.end]}


def _issuer_before(tok: Token, actors: ActorIndex, ctx: Context) -> str | None:
    """ "The statement said" after "The Pentagon issued a statement": a definite document speaks
    for whoever issued the same document in the sentence before or in this one."""
    lemma = tok.lemma_.lower()
    if lemma not in SOURCE_NOUNS:
        return None
    s0, _ = ctx.sents.bounds(tok.i)
    for t in reversed(tok.doc[_narration_before(s0, ctx):tok.i]):
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.i not in ctx.inside:
            issuer = issuer_of(t)
            if issuer is not None and issuer.i not in ctx.inside:
                hit = actors.at(issuer.i)
                return hit.name if hit is not None else None
    return None
