"""Diplomacy and conflict events: the acts of named actors that a timeline would show.

A sentence is read clause by clause. A trigger word names the act ("visited", "talks", "vetoed",
"airstrike"); the rules then ask what a timeline editor asks:

- Did it happen, or is it planned on a known day? Negated, hypothetical ("would launch"), intended
  ("promised to launch"), habitual ("repeatedly") and background acts ("has killed thousands",
  present perfect with no day) are not events unless a day is fixed.
- Is it an act, or just a word? A noun trigger counts when it carries a time ("the Oct. 7 attack"),
  is the object of a verb that performs it ("launched an offensive", "joined talks"), or is the
  means of a verb of harm ("killed in an airstrike").
- Who did it? Named entities of the clause, canonical through the article's `ActorIndex`.
- A sentence may hold several acts of different kinds (a trip, the talks on it, the attack it
  recalls): one record a kind, one act a verb. A statement is recorded only when it was made on an
  occasion (a day, "in a statement", "urged", "called for") and the sentence reports no other act,
  or only acts on days of their own (a report released on Monday about a killing on Oct. 13).
- A later, undated mention of the same kind of act by the same actor, told with a definite object
  ("voted against it", "killed in the attack"), retells it: not a new event.
- Any other act of a state, an organisation or an armed force on a named day ("dropped leaflets
  on Tuesday") is an event of type "other".

Each event's date is the time expression nearest its trigger in the parse tree (see `dates`); a
day reported with an announced plan ("announced on Friday that it would put a draft") or left to
no nearer act of the sentence is the act's day. Headlines, subheads and bylines are skipped.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
import re

from spacy.tokens import Doc, Span, Token

from newsroom.nlp.actors import ActorIndex, state_of_demonym
from newsroom.nlp.dates import AHEAD, TimeExpression, clause_direction, time_expressions
from newsroom.nlp.syntax import clause_verb
from newsroom.records import Event

# Verbs that name an act, by event type (lemmas).
_VERB_TRIGGERS = {
    "visit": {"visit", "travel", "arrive", "tour", "fly"},
    "talks": {"meet", "negotiate", "receive", "host", "speak", "talk", "convene"},
    "vote": {"vote", "veto", "abstain"},
    "resolution": {"adopt", "pass", "approve", "table", "submit", "circulate", "present", "introduce"},
    "aid": {"donate", "pledge", "give", "provide", "send", "fund", "contribute", "allocate"},
    "attack": {"attack", "strike", "bomb", "shell", "raid", "storm", "invade", "fire", "hit", "kill",
               "target", "destroy", "assassinate", "ambush", "bombard", "pound", "launch", "shoot", "capture"},
    "statement": {"say", "state", "tell", "inform", "announce", "declare", "warn", "urge", "call",
                  "condemn", "deny", "confirm", "accuse", "reply", "respond", "demand", "vow",
                  "threaten", "reiterate", "claim", "insist", "stress", "caution", "appeal", "find",
                  "reject", "welcome", "dismiss", "thank", "praise", "criticize", "criticise", "blame", "hail"},
}
# Nouns that name an act, by event type (lemmas).
_NOUN_TRIGGERS = {
    "visit": {"visit", "trip", "tour"},
    "talks": {"talk", "talks", "negotiation", "meeting", "summit"},
    "vote": {"vote", "veto"},
    "resolution": {"resolution", "draft"},
    "aid": {"aid", "funding", "package", "donation", "assistance"},
    "attack": {"attack", "strike", "airstrike", "offensive", "assault", "invasion", "incursion", "raid",
               "bombardment", "shelling", "operation", "barrage", "bombing", "massacre"},
    "statement": {"statement", "call", "warning", "letter", "investigation", "report", "appeal"},
}
_VERB_TYPE = {lemma: kind for kind, lemmas in _VERB_TRIGGERS.items() for lemma in lemmas}
_NOUN_TYPE = {lemma: kind for kind, lemmas in _NOUN_TRIGGERS.items() for lemma in lemmas}

# Verbs whose object noun is the act they perform: "launched an offensive", "joined talks".
_SUPPORT_VERBS = {"launch", "carry", "conduct", "begin", "start", "mount", "stage", "make", "hold",
                  "join", "continue", "resume", "open", "announce", "unveil", "approve", "cut", "suspend",
                  "put", "present", "submit", "bring", "table", "draft", "introduce", "block", "veto",
                  "reject", "adopt", "pass", "issue", "release", "send", "give", "pledge", "deliver"}
# Verbs whose "with" object is the act: "Israel responded with an offensive".
_RESPONSE_VERBS = {"respond", "retaliate", "react", "reply"}
# Verbs of harm whose "in/by" object is the means: "killed in an airstrike".
_HARM_VERBS = {"kill", "wound", "injure", "destroy", "hit", "damage", "die", "target", "flatten", "level"}
_AID_VERBS = {"give", "provide", "send", "donate", "pledge", "contribute", "allocate", "approve"}
_AID_OBJECTS = {"aid", "$", "million", "billion", "funding", "package", "money", "weapon", "assistance",
                "fund", "donation", "grant", "loan", "supply", "ammunition", "dollar", "euro", "\u00a3", "\u20ac",
                "system", "equipment", "arms", "vaccine", "medicine", "food", "fuel", "tent", "shipment"}
# Nouns that make an announcement a pledge: "announced a new aid package", "unveiled $1.7 billion".
_PLEDGE_NOUNS = {"aid", "funding", "package", "assistance", "donation", "grant", "loan", "$", "\u00a3", "\u20ac"}
# Whom one receives or speaks with for talks: a named person or someone by title.
_COUNTERPARTS = {"emir", "president", "minister", "king", "prince", "delegation", "envoy", "counterpart",
                 "secretary", "leader", "chancellor", "premier", "ambassador", "official", "chief", "director"}
# Verbs and nouns whose subject or object must itself be an act for the trigger to count.
_NEEDS_ACT_OBJECT = {
    "launch": {"attack", "strike", "airstrike", "offensive", "assault", "invasion", "operation", "raid",
               "campaign", "drone", "missile", "rocket", "barrage", "incursion", "bombardment"},
    "fire": {"drone", "missile", "rocket", "shell", "salvo", "barrage", "shot", "mortar", "projectile"},
    "shoot": {"drone", "missile", "rocket", "jet", "plane", "aircraft", "helicopter"},
    **{verb: _AID_OBJECTS for verb in ("give", "provide", "send", "donate", "pledge", "contribute", "allocate")},
    "present": {"resolution", "draft"},
    "introduce": {"resolution", "draft", "bill"},
    "table": {"resolution", "draft"},
    "submit": {"resolution", "draft"},
    "circulate": {"resolution", "draft"},
    "adopt": {"resolution", "draft", "measure", "text"},
    "pass": {"resolution", "draft", "measure", "bill"},
    "approve": {"resolution", "draft", "measure", "bill"} | _AID_OBJECTS,
}
# Verbs that name no act of their own: being, having, saying, thinking, seeming, going on.
_NOT_ACTS = {"be", "have", "do", "report", "believe", "think", "know", "expect", "see", "seem", "appear",
             "remain", "continue", "become", "come", "go", "get", "show", "describe", "want", "need", "try",
             "begin", "start", "end", "mark", "say", "tell", "add", "note", "write", "post", "cite", "quote",
             "hear", "learn", "feel", "look", "wait", "stay", "live", "die", "suffer", "face", "receive",
             "suggest", "argue", "acknowledge", "admit", "express", "explain", "predict", "estimate",
             "indicate", "signal", "hope", "fear", "question", "ask", "discuss", "comment", "describe"}
_DAY_WORD_RE = re.compile(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today"
                          r"|overnight|tonight|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
# What 'strike' and 'hit' take when they are no blows.
_NOT_BLOWS = {"deal", "agreement", "accord", "note", "tone", "tune", "balance", "chord", "record", "compromise",
              "bargain", "snag", "roadblock"}
# Verbs of attack that, aimed at a person, are criticism.
_WORDY_BLOWS = {"attack", "target", "pound", "hit", "strike", "slam", "blast", "hammer", "assail"}
# An 'operation' is military only with a word that says so.
_MILITARY_WORDS = {"military", "ground", "air", "aerial", "naval", "army", "armed", "special", "its", "their",
                   "israeli", "russian", "ukrainian", "counterterrorism", "counter-terrorism", "offensive"}
# A verb of harm counts alone only with a day; otherwise it needs its means ("in an airstrike").
_HARM_ONLY = {"kill", "hit", "destroy", "target"}
# Statements made on an occasion by their very verb.
_OCCASION_VERBS = {"urge", "call", "condemn", "demand", "appeal", "vow", "reply",
                   "respond", "announce", "accuse"}
# Remarks that stay news in the present perfect: "has urged Israel to do more".
_PERFECT_OCCASIONS = {"urge", "call", "condemn", "demand", "appeal"}
# Nouns after "in"/"at"/"during" that make an occasion of a remark: "said in a statement".
_OCCASION_NOUNS = {"statement", "letter", "response", "interview", "conference", "briefing", "post",
                   "speech", "address", "call", "meeting", "message", "video", "report", "remarks",
                   "session", "hearing", "summit", "reply"}
# Verbs whose complement is only intended: "promised to launch", "urged Israel to do more".
_INTENT_HEADS = {"promise", "threaten", "vow", "plan", "want", "seek", "aim", "hope", "pledge", "intend",
                 "prepare", "urge", "call", "ask", "pressure", "press", "push", "need", "try", "attempt",
                 "decide", "agree", "refuse", "fail", "offer", "propose", "demand", "warn", "allow",
                 "enable", "let", "help", "expect", "study", "consider", "determine", "able", "likely"}
# Prepositions after which a gerund is a dated act: "after meeting with ...".
_TEMPORAL_PREPS = {"after", "before", "following", "since", "during", "while", "upon", "on"}
# Kinds whose verbs need a named doer: a trip or a vote by nobody in particular is no event.
_NEEDS_SUBJECT = {"visit", "talks", "statement", "aid", "vote", "resolution"}
# Kinds whose announced plan is itself news: a pledge, a draft put forward, a trip or talks set up.
_PLANNED_KINDS = {"aid", "resolution", "visit", "talks", "vote"}
_DEFINITE = {"the", "that", "this", "these", "those", "his", "her", "its", "their", "our"}
_MODALS = {"could", "might", "may", "should", "must", "would", "can", "ought", "will", "shall", "'ll",
           "wo", "'d"}
_HABITUAL = {"long", "repeatedly", "often", "regularly", "frequently", "routinely", "usually", "constantly",
             "always", "never", "continually"}
# Nouns that make a subject an armed actor even without a name: "Israeli forces stormed".
_ARMED_NOUNS = {"force", "troop", "army", "military", "soldier", "jet", "warplane", "militant", "fighter",
                "drone", "tank", "navy", "gunman", "settler", "police", "aircraft", "operative", "missile",
                "rocket", "shell", "artillery", "bomb", "mortar"}
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "to", "at", "near", "into", "on", "across", "toward", "towards", "from"}
# Prepositions and particles do not count as steps between a trigger and its time.
_LIGHT_POS = {"ADP", "SCONJ", "PART", "DET", "AUX"}
_MAX_HOPS = 2
# The order of a sentence's records: the remark that reports the others first.
_KIND_ORDER = ("statement", "visit", "talks", "vote", "resolution", "aid", "attack", "other")
_QUOTED_RE = re.compile(
    r"[\"\u201c\u201d]([^\"\u201c\u201d]*)[\"\u201c\u201d]|''(.*?)''|\u2018([^\u2019]*)\u2019(?!\w)"
)
_PERIOD_START_RE = re.compile(r"(?i)\b(?:as of|since|until|till|by)\s+(?:the\s+)?$")
_TRAILING_OPENER_RE = re.compile(r"[.!?]\s+(''|\"|\u201c)\s*$")
_SENTENCE_END = (".", "!", "?", "\"", "\u201d", "'", "\u2019", ")", ":")


@dataclass(frozen=True)
class _Candidate:
    """One act found in a sentence, before the per-sentence choice."""

    kind: str
    trigger: Token
    anchor: Token  # the word whose clause carries the act's time and actors
    when: TimeExpression | None
    subjects: tuple[str, ...]


def extract_events(doc: Doc, published: date | None, actors: ActorIndex) -> list[Event]:
    """Every event of the article, in text order."""
    events: list[Event] = []
    history: list[tuple[str, frozenset[str]]] = []  # (kind, subject actors) of events so far
    for sent in _sentences(doc):
        for cand in _sentence_events(sent, published, actors):
            if _retold(cand, history):
                continue
            history.append((cand.kind, frozenset(cand.subjects)))
            events.append(_record(cand, sent, actors))
    return events


def _sentences(doc: Doc) -> list[Span]:
    """Sentences within one line each, a quotation the parser cut in two joined again, trimmed;
    headlines and subheads (no closing punctuation) are left out: they restate the body."""
    text = doc.text
    cuts = sorted({_before_opening_quote(text, s.start_char) for s in doc.sents})
    out = []
    for line in re.finditer(r"[^\n]+", text):
        lo, hi = line.start(), line.end()
        bounds = [lo] + cuts[bisect_right(cuts, lo):bisect_left(cuts, hi)] + [hi]
        pieces = list(zip(bounds, bounds[1:]))
        i = 0
        while i < len(pieces):
            j = next((k for k in range(i, min(i + 4, len(pieces)))
                      if _balanced(text[pieces[i][0]:pieces[k][1]])), i)
            span = _trimmed_span(doc, text, pieces[i][0], pieces[j][1])
            if span is not None:
                out.append(span)
            i = j + 1
    return out


def _before_opening_quote(text: str, cut: int) -> int:
    """The parser often leaves the quotation mark that opens the next sentence on the previous
    one ('... alone. \'\'And I told him'); cut before it instead."""
    match = _TRAILING_OPENER_RE.search(text, max(0, cut - 6), cut)
    return match.start(1) if match else cut


def _balanced(text: str) -> bool:
    """Every quotation opened in the text is closed in it."""
    return (text.count('"') % 2 == 0 and text.count("\u201c") == text.count("\u201d")
            and text.count("''") % 2 == 0)


def _trimmed_span(doc: Doc, text: str, lo: int, hi: int) -> Span | None:
    raw = text[lo:hi]  # `doc.text` rebuilds the whole text on every call
    stripped = raw.strip()
    if not stripped or not stripped.endswith(_SENTENCE_END):
        return None
    start = lo + raw.index(stripped[0])
    span = doc.char_span(start, start + len(stripped), alignment_mode="expand")
    return span if span is not None and len(span) > 3 else None


def _sentence_events(sent: Span, published: date | None, actors: ActorIndex) -> list[_Candidate]:
    """The acts of one sentence: one per kind, dated ones first; a statement only when it is the
    sentence's only act or was made on a day of its own."""
    triggers = [(t, k) for t in sent if (k := _trigger_kind(t))]
    if not triggers and not _DAY_WORD_RE.search(sent.text):
        return []
    quoted = _quoted_ranges(sent)
    all_times = _times_with_tokens(sent, published)
    in_quotes = [(t, k) for t, k in triggers if _inside(t, quoted)]
    triggers = [(t, k) for t, k in triggers if not _inside(t, quoted)]
    times = [(e, r) for e, r in all_times if not _inside(r, quoted)]
    protos = [p for t, k in triggers if (p := _proto(t, k, times)) is not None]
    anchors = [anchor for _, _, anchor in protos]
    found: dict[str, _Candidate] = {}
    for token, kind, anchor in protos:
        when = _time_of(anchor, times, anchors, planned=kind in _PLANNED_KINDS or kind == "statement")
        timed = when is not None or kind in _PLANNED_KINDS and _nearest_time(anchor, times) is not None
        if not _stands(token, kind, anchor, when, timed):
            continue
        subjects = _subject_actors(anchor, sent, actors)
        if kind in _NEEDS_SUBJECT and token.pos_ == "VERB" and not subjects:
            continue
        cand = _Candidate(kind, token, anchor, when, subjects)
        best = found.get(kind)
        if best is None or best.when is None and when is not None and when.date is not None:
            found[kind] = cand
    for cand in _quoted_plans(sent, in_quotes, all_times, found.get("statement")):
        if cand.kind not in found or found[cand.kind].when is None:
            found[cand.kind] = cand
    found = _one_act_per_anchor(_merge_purposes(found))
    if not found:
        other = _other_act(sent, times, actors)
        return [other] if other is not None else []
    statement = found.get("statement")
    if statement is not None and len(found) > 1:
        others = [c for k, c in found.items() if k != "statement"]
        other_days = {c.when.date if c.when is not None else None for c in others}
        if statement.when is None or statement.when.date is None or statement.when.date in other_days \
                or None in other_days:
            del found["statement"]  # the remark only reports the act, unless both have days of their own
    return [found[k] for k in _KIND_ORDER if k in found]


def _other_act(sent: Span, times: list[tuple[TimeExpression, Token]], actors: ActorIndex) -> _Candidate | None:
    """Any other act a state, an organisation or an armed force did on a named day: 'Israeli
    forces dropped new leaflets on Tuesday', 'Hamas released 24 hostages on Friday'."""
    for expr, root in times:
        if expr.date is None:
            continue
        verb = root.head.head if root.head.pos_ == "ADP" else root.head
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma in _NOT_ACTS or lemma in _VERB_TYPE or verb.tag_ not in ("VBD", "VBN"):
            continue
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            continue
        if _negated(verb) or not _actual(verb, expr):
            continue
        doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        doers = [g for d in doers for g in (d.children if d.dep_ == "agent" else [d])]
        if not any(w.ent_type_ in ("GPE", "ORG", "NORP") or w.lemma_.lower() in _ARMED_NOUNS
                   for d in doers for w in _head_words(d)):
            continue
        return _Candidate("other", verb, verb, expr, _subject_actors(verb, sent, actors))
    return None


def _head_words(noun: Token) -> list[Token]:
    """A noun phrase without its appositions and clauses: 'hundreds of Hamas operatives', not
    'one of his colleagues at Palestine TV, Salman Al-Bashir'."""
    words = [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words += [w for g in prep.children if g.dep_ == "pobj" for w in _head_words(g)]
    return words


def _quoted_plans(sent: Span, triggers: list[tuple[Token, str]], times: list[tuple[TimeExpression, Token]],
                  statement: _Candidate | None) -> list[_Candidate]:
    """A quotation that announces a dated plan ('"we will be bringing this resolution for a vote on
    Friday"') names a scheduled act of the speaker; other quoted acts are only words."""
    out = []
    for token, kind in triggers:
        if kind not in _PLANNED_KINDS:
            continue
        proto = _proto(token, kind, times)
        if proto is None:
            continue
        when = _nearest_time(proto[2], times)
        if when is None or when.date is None or _negated(proto[2]):
            continue
        if clause_direction(sent, when.start) != AHEAD:
            continue
        subjects = statement.subjects if statement is not None else ()
        out.append(_Candidate(kind, token, proto[2], when, subjects))
    return out


def _trigger_kind(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if token.lower_ == "according":
        return "statement" if token.nbor(1).lower_ == "to" else None
    if token.pos_ == "VERB":
        return "aid" if _pledge(token) else _VERB_TYPE.get(lemma)
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
        if lemma == "operation" and not any(c.lower_ in _MILITARY_WORDS or c.ent_type_ in ("NORP", "GPE")
                                            for c in token.children):
            return None  # "a joint operation with the authorities", "a sting operation"
        if lemma in ("attack", "strike") and _aimed_at_person(token):
            return None  # "a pre-emptive attack against Obama"
        return _NOUN_TYPE.get(lemma)  # not "aid workers", "call centre", "strike group"
    return None


def _aimed_at_person(noun: Token) -> bool:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
            if any(g.dep_ == "pobj" and g.ent_type_ == "PERSON" for g in prep.children):
                return True
    return False


def _proto(token: Token, kind: str, times: list[tuple[TimeExpression, Token]]) -> tuple[Token, str, Token] | None:
    """(trigger, kind, anchor) when the trigger names an act at all; the anchor is the word whose
    clause carries the act's time and actors."""
    if token.pos_ == "VERB" or token.lower_ == "according":
        return (token, kind, token) if _verb_counts(token, kind) else None
    anchor = _noun_anchor(token)
    if anchor is not None:
        anchor_kind = _VERB_TYPE.get(anchor.lemma_.lower()) if anchor.pos_ == "VERB" else None
        if anchor_kind not in (None, "statement", kind) and _verb_counts(anchor, anchor_kind):
            return None  # "vetoed the resolution": the verb's act, not a second one
        if anchor_kind == "attack" and kind != "attack":
            anchor = token
        return token, kind, anchor
    if _own_time(token, times) or kind in ("talks", "visit") and _specific_meeting(token):
        return token, kind, token
    return None


def _stands(token: Token, kind: str, anchor: Token, when: TimeExpression | None, timed: bool) -> bool:
    """Whether the act, with its time, belongs on a timeline; `timed`: a plan with some time given
    ("expected to vote later this week") stands even when no day is fixed."""
    dated = when is not None and when.date is not None
    if _negated(anchor):
        return False
    occasion = kind == "statement" and token.lemma_.lower() in _PERFECT_OCCASIONS
    if not dated and not _actual(anchor, when, occasion=occasion, announced=kind in _PLANNED_KINDS, timed=timed):
        return False
    if kind == "attack" and token.pos_ == "VERB" and token.lemma_.lower() in _HARM_ONLY:
        if not dated and not _has_means(token) and not _armed_subject(token):
            return False
    if kind == "statement" and not (dated or _occasion(token)):
        return False
    if kind == "visit" and any(c.ent_type_ == "NORP" for c in _doers(anchor)):
        return False  # "enable Palestinians to travel on the highway": a people moving, not a visit
    return True


def _doers(verb: Token) -> list[Token]:
    """The verb's subjects; for 'enable Palestinians to travel', the object of the verb above."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "xcomp":
        subjects = [c for c in verb.head.children if c.dep_ == "dobj"]
    return subjects


def _verb_counts(verb: Token, kind: str) -> bool:
    """A trigger verb names an act: verbs that need a particular object have it ('launched
    drones', 'gave $40 million'); participles used as adjectives and gerunds of manner are not acts,
    but 'after meeting' is."""
    lemma = verb.lemma_.lower()
    if verb.dep_ in ("amod", "compound") and verb.tag_ != "VBD":
        return False  # a participle as adjective; a past-tense 'amod' is a parser slip
    if kind == "statement" and any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "was told": the subject heard it, someone unnamed said it
    if verb.dep_ == "pcomp" and verb.head.lower_ not in _TEMPORAL_PREPS:
        return False
    if verb.tag_ == "VBG" and verb.dep_ in ("acl", "advcl", "xcomp") and lemma not in ("meet",):
        return False
    if verb.tag_ == "VBN" and verb.dep_ == "acl":
        return False  # "a group funded by Iran", "Israelis killed by soldiers": a description
    if lemma in ("strike", "hit") and (
        any(w.lemma_.lower() in _NOT_BLOWS for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for w in c.subtree)
        or verb.dep_ in ("acl", "relcl", "appos", "advcl", "amod") and verb.head.lemma_.lower() in _NOT_BLOWS
    ):
        return False  # "struck a deal", "the agreement, struck after long talks", "hit a record"
    if lemma in _WORDY_BLOWS and any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ == "PERSON"
                                     for c in verb.children):
        return False  # "Reid has been pounding Trump", "attacked the senator": words, not weapons
    wanted = _NEEDS_ACT_OBJECT.get(lemma)
    if wanted is not None:
        if lemma in _AID_VERBS and verb.dep_ == "relcl":
            return False  # "systems that the US has provided": background, not a pledge
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative")]
        objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        words = {w.lemma_.lower() for o in objects for w in o.subtree} | {w.text for o in objects for w in o.subtree}
        if not words & wanted:
            return False
    if lemma == "call" and not any(c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on") for c in verb.children):
        return False
    if lemma in ("receive", "host", "speak", "talk") and not _meets_counterpart(verb):
        return False  # "received three bodies", "spoke to reporters"
    if lemma == "find" and not any(w.lemma_.lower() in ("investigation", "report", "inquiry", "probe")
                                   for c in verb.children if c.dep_ == "nsubj" for w in c.subtree):
        return False
    return True


def _meets_counterpart(verb: Token) -> bool:
    """'received the Qatari emir', 'spoke by phone with Netanyahu': a named person or a title, as
    object or after 'with'/'to'."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                for g in c.children if g.dep_ == "pobj"]
    if verb.lemma_.lower() in ("speak", "talk"):
        objects = [o for o in objects if o.dep_ == "pobj"]
    return any(o.ent_type_ in ("PERSON", "GPE", "ORG") or o.lemma_.lower() in _COUNTERPARTS for o in objects)


def _pledge(verb: Token) -> bool:
    """An announcement of money or aid is the pledge itself."""
    return verb.lemma_.lower() in ("announce", "unveil", "approve", "authorize", "authorise") and any(
        w.lemma_.lower() in _PLEDGE_NOUNS or w.text in _PLEDGE_NOUNS or w.ent_type_ == "MONEY"
        for c in verb.children if c.dep_ == "dobj" for w in c.subtree
    )


def _noun_anchor(noun: Token) -> Token | None:
    """The verb that performs a noun's act ("launched an offensive"), or the verb of harm it is the
    means of ("killed in an airstrike"); None when the noun only names it."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.lemma_.lower() in _SUPPORT_VERBS:
        return head
    if noun.dep_ in ("pobj", "agent") and head.lower_ in ("in", "by", "during") \
            and head.head.lemma_.lower() in _HARM_VERBS:
        return head.head
    if noun.dep_ == "nsubj" and head.lemma_.lower() in _HARM_VERBS:
        return head
    if noun.dep_ == "conj":
        return _noun_anchor(head) if head.pos_ in ("NOUN", "PROPN") else None
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _SUPPORT_VERBS:
        return head.head  # "bringing the resolution for a vote"
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in _RESPONSE_VERBS:
        return head.head  # "responded with a ground offensive"
    return None


def _own_time(noun: Token, times: list[tuple[TimeExpression, Token]]) -> bool:
    """The noun carries its own time: 'the Oct. 7 attack', 'the beginning of its operation on
    Monday', 'started on October 7 with an attack'."""
    for expr, root in times:
        if not _fixes_time(expr):
            continue
        if _hops(noun, root) <= _MAX_HOPS:
            return True
    return False


def _specific_meeting(noun: Token) -> bool:
    """Talks or a trip named by where or with whom: 'talks in Saudi Arabia', 'a visit to Cairo'."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "to", "with", "between"):
            if any(w.ent_type_ in ("GPE", "ORG", "NORP", "PERSON", "LOC") for w in prep.subtree):
                return True
    return False


def _negated(anchor: Token) -> bool:
    clause = clause_verb(anchor)
    return clause is not None and any(c.dep_ == "neg" for c in clause.children)


def _actual(anchor: Token, when: TimeExpression | None, occasion: bool = False, announced: bool = False,
            timed: bool = False) -> bool:
    """Did the act happen? Undated acts must be past, not modal, intended, habitual, or a present
    perfect background ("has killed thousands since October"); a remark made on an occasion
    ("has urged Israel to do more") may be in the present perfect; with `announced`, a plan made
    public ("declared that it would give $40 million") is itself the act."""
    clause = clause_verb(anchor)
    if clause is None or clause.lower_ in _TEMPORAL_PREPS:
        return True  # "following talks in Cairo": past by its preposition
    planned = when is not None or timed
    for node in _verb_chain(clause):
        kids = list(node.children)
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS for c in kids) and not planned \
                and not (announced and _announced_plan(node)):
            return False
        if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in kids):
            return False
        if node.i != clause.i and node.lemma_.lower() in _INTENT_HEADS and not planned:
            return False
    if planned or announced and _announced_plan(clause):
        return True
    # "have been killed and 69,616 injured in Israeli strikes": the auxiliary is shared
    perfect = _perfect(clause) or clause.dep_ == "conj" and _perfect(clause.head)
    if perfect and not occasion:
        return False
    if clause.tag_ in ("VBZ", "VBP", "VB", "VBG") and not perfect and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children
    ):
        return clause.dep_ == "pcomp"  # "after meeting with ..." is past by its preposition
    return True


def _perfect(verb: Token) -> bool:
    return any(c.lower_ in ("has", "have", "'ve") and c.dep_ == "aux" for c in verb.children)


def _announced_plan(verb: Token) -> bool:
    """'would'/'will' in what a past announcement reported: 'announced that it would put a draft'."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_.lower() in _VERB_TRIGGERS["statement"]


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it complements upward (xcomp, and the head of an infinitive)."""
    chain = [verb]
    node = verb
    while node.dep_ in ("xcomp", "ccomp", "advcl") and node.head.i != node.i and len(chain) < 4:
        if node.dep_ != "xcomp" and not any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
            break
        node = node.head
        chain.append(node)
    return chain


def _means(verb: Token) -> Token | None:
    """The act noun a verb of harm names as its means: 'killed in an airstrike'."""
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "during"):
            for word in prep.subtree:
                if _NOUN_TYPE.get(word.lemma_.lower()) == "attack" and word.pos_ in ("NOUN", "PROPN"):
                    return word
    return None


def _has_means(verb: Token) -> bool:
    return _means(verb) is not None


def _armed_subject(verb: Token) -> bool:
    """A named actor or an armed force does the harming: 'Russia hit', 'Israeli troops killed'."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent"):
            words = list(child.subtree)
            if any(w.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") for w in words):
                return True
            if any(w.lemma_.lower() in _ARMED_NOUNS for w in words):
                return True
    return False


def _occasion(verb: Token) -> bool:
    """A remark counts as a statement on an occasion: its verb ('warned', 'urged'), or where it was
    made ('in a statement', 'in response to', 'at a news conference'); 'in his statement' points
    back to one already told."""
    if verb.lemma_.lower() in _OCCASION_VERBS:
        return True
    if verb.pos_ == "NOUN":
        return verb.lemma_.lower() in ("statement", "call", "warning", "letter", "appeal")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "during", "on"):
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in _OCCASION_NOUNS and not _definite(noun):
                    return True
    return False


def _definite(noun: Token) -> bool:
    """'the attack', 'that attack', 'his statement', 'it': something already told."""
    if noun.pos_ == "PRON":
        return True
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in noun.children)


def _one_act_per_anchor(found: dict[str, _Candidate]) -> dict[str, _Candidate]:
    """Two nouns on one verb name one act: 'bringing this resolution for a vote'."""
    kept: dict[str, _Candidate] = {}
    anchors: set[int] = set()
    for kind in [*_KIND_ORDER[1:], "statement"]:  # "responded with an offensive" is the offensive
        cand = found.get(kind)
        if cand is None:
            continue
        shared = cand.trigger.i != cand.anchor.i and cand.anchor.i in anchors
        if not shared:
            kept[kind] = cand
            anchors.add(cand.anchor.i)
    return kept


def _merge_purposes(found: dict[str, _Candidate]) -> dict[str, _Candidate]:
    """A trip made to hold talks is the talks: 'traveled to Qatar to join talks'."""
    visit, talks = found.get("visit"), found.get("talks")
    if visit is None or talks is None:
        return found
    node = talks.anchor
    for _ in range(4):
        if node.i == visit.trigger.i:
            merged = dict(found)
            del merged["visit"]
            if merged["talks"].when is None and visit.when is not None:
                merged["talks"] = _Candidate("talks", talks.trigger, talks.anchor, visit.when,
                                             talks.subjects or visit.subjects)
            return merged
        if node.head.i == node.i or node.dep_ not in ("dobj", "advcl", "xcomp", "pobj", "prep"):
            break
        node = node.head
    return found


def _retold(cand: _Candidate, history: list[tuple[str, frozenset[str]]]) -> bool:
    """An undated act told with a definite object, means or victim ('vetoed the resolution', 'voted
    against it', 'killed in the attack', 'they were killed') of a kind already recorded for the same
    actor (for attacks: any attack) is the same act told again."""
    if cand.when is not None:
        return False
    target = _told_object(cand)
    victim = _victim(cand)
    if victim is not None and _definite(victim):
        target = victim  # "they were killed at home by an airstrike": victims already told of
    if target is None or not _definite(target):
        return False
    mine = set(cand.subjects)
    for kind, subjects in history:
        if kind == cand.kind and (cand.kind == "attack" or mine & subjects):
            return True
    return False


def _victim(cand: _Candidate) -> Token | None:
    """Who a passive attack was done to: 'the three sons were killed', '... and was bombed'."""
    verb = cand.anchor
    if cand.kind != "attack" or verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return None
    for node in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        victim = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
        if victim is not None:
            return victim
    return None


def _told_object(cand: _Candidate) -> Token | None:
    """The noun that names what the act was done to or with."""
    if cand.trigger.pos_ in ("NOUN", "PROPN"):
        return cand.trigger
    means = _means(cand.trigger)
    if means is not None:
        return means
    for child in cand.trigger.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
        if child.dep_ == "prep":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


# --- time -----------------------------------------------------------------------------------


def _times_with_tokens(sent: Span, published: date | None) -> list[tuple[TimeExpression, Token]]:
    """The sentence's time expressions, each with the token that attaches it to the parse; a
    tally's 'as of Friday' or 'since Oct. 7' and a deadline's 'by Tuesday' date a count or a
    period, not an act."""
    out = []
    for expr in time_expressions(sent, published):
        if _PERIOD_START_RE.search(sent.text[:expr.start]):
            continue
        piece = sent.doc.char_span(sent.start_char + expr.start, sent.start_char + expr.end, alignment_mode="expand")
        if piece is not None and len(piece):
            out.append((expr, piece.root))
    return out


def _fixes_time(expr: TimeExpression) -> bool:
    """A day, or a named month or year ("back in November", "in 2022"); not "this week"."""
    if expr.date is not None:
        return True
    return not re.search(r"(?i)\b(week|weekend|month|year)\b", expr.text)


def _time_of(anchor: Token, times: list[tuple[TimeExpression, Token]], anchors: list[Token],
             planned: bool = True) -> TimeExpression | None:
    """The act's time: the expression nearest it in the parse; else the day of the statement that
    reports it; else a day no other act of the sentence is nearer to (parses often attach
    'overnight' or 'on Friday' one clause too high or low)."""
    near = _nearest_time(anchor, times)
    if near is None and anchor.dep_ == "pcomp" and anchor.head.lower_ in ("after", "upon"):
        near = _nearest_time(anchor.head.head, times)  # "said on Friday after meeting ...": that day
    if near is not None:
        return near if _fixes_time(near) else None
    reported = _reported_time(anchor, times) if planned else None
    if reported is not None:
        return reported
    if _in_description(anchor):
        return None  # "settlers who attack Palestinians": the clause names no day of its own
    for expr, root in times:
        if expr.date is None or _dates_relative_clause(root) and not _describes_subject(root, anchor):
            continue  # "the ships that arrived on Monday": that day is the ships', not the act's
        mine = _hops(anchor, root)
        rivals = [other for other in anchors if other.i != anchor.i and not _in_description(other)]
        if mine <= _MAX_HOPS + 2 and all(_hops(other, root) > mine for other in rivals):
            return expr
    return None


def _dates_relative_clause(time_root: Token) -> bool:
    """The day is told of a relative clause's own verb: 'the ships that had arrived on Monday'.
    (Days the parser hangs lower, on a participle or a noun, are left to the main clause.)"""
    verb = clause_verb(time_root)
    return verb is not None and verb.dep_ == "relcl"


def _in_description(token: Token) -> bool:
    """Inside a relative clause or a participle describing a noun."""
    node = token
    for _ in range(12):
        if node.dep_ in ("relcl", "acl", "amod") and node.tag_ != "VBD":  # a past-tense 'amod' is a slip
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _describes_subject(token: Token, verb: Token) -> bool:
    """Inside a clause describing the verb's own subject: 'a report that was released on Monday
    found ...' (the report's day is the finding's)."""
    node = token
    for _ in range(12):
        if node.dep_ in ("relcl", "acl"):
            return any(t.dep_ == "nsubj" and t.head.i == verb.i for t in _ancestry(node.head)[:4])
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _nearest_time(anchor: Token, times: list[tuple[TimeExpression, Token]]) -> TimeExpression | None:
    best, best_hops = None, _MAX_HOPS + 1
    for expr, root in times:
        hops = _hops(anchor, root)
        if hops < best_hops:
            best, best_hops = expr, hops
    return best


def _reported_time(anchor: Token, times: list[tuple[TimeExpression, Token]]) -> TimeExpression | None:
    """An intention or a state reported on a day takes that day: 'announced on Friday that it would
    put a draft', 'said on Tuesday it was studying a proposal'. Past acts reported later do not."""
    clause = clause_verb(anchor)
    if clause is None or clause.dep_ != "ccomp":
        return None
    perfect_or_past = clause.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "'ve", "'d") for c in clause.children
    )
    if perfect_or_past:
        return None
    head = clause.head
    return next((expr for expr, root in times if _hops(head, root) <= 1 and expr.date is not None), None)


def _hops(a: Token, b: Token) -> int:
    """Steps between two tokens through the parse, not counting prepositions and particles."""
    path = _path(a, b)
    if not path:
        return 99
    return len(path) - 1 - sum(1 for t in path[1:-1] if t.pos_ in _LIGHT_POS)


def _path(a: Token, b: Token) -> list[Token]:
    """The tokens from a to b through their lowest common head, both ends included."""
    up_a = _ancestry(a)
    index = {t.i: k for k, t in enumerate(up_a)}
    up_b = []
    node = b
    for _ in range(40):
        if node.i in index:
            return up_a[: index[node.i] + 1] + list(reversed(up_b))
        up_b.append(node)
        if node.head.i == node.i:
            break
        node = node.head
    return []


def _ancestry(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


# --- actors and places ------------------------------------------------------------------------


def _subject_actors(anchor: Token, sent: Span, actors: ActorIndex) -> tuple[str, ...]:
    """Named doers of the act: its subject or agent (climbing from 'to visit' to 'was scheduled'),
    the antecedent of a relative 'who', the source of 'according to', and names modifying a noun
    trigger ('Israeli airstrike', 'Hamas's attack', 'attack by Hamas')."""
    clause = clause_verb(anchor) if anchor.pos_ not in ("VERB", "AUX") else anchor
    roots: list[Token] = []
    heads: list[Token] = []  # tokens whose own entity (not their whole subtree) is the doer
    if anchor.lower_ == "according":
        roots += [c for c in anchor.children if c.dep_ == "prep"]
    elif anchor.pos_ in ("NOUN", "PROPN"):
        roots += [c for c in anchor.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
        roots += [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
    if clause is not None and anchor.lower_ != "according":
        harm = clause.lemma_.lower() in _HARM_VERBS
        node = clause
        for _ in range(3):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "agent", "csubj")
                        or c.dep_ == "nsubjpass" and not harm]
            roots += subjects
            if node.dep_ == "relcl" and any(c.lower_ in ("who", "which", "that") for c in subjects):
                heads.append(node.head)
            pronoun_only = subjects and all(c.pos_ == "PRON" for c in subjects)
            if pronoun_only and node.dep_ == "ccomp":
                node = node.head  # "declared that it would give": 'it' is the declarer
                continue
            if subjects or node.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acomp"):
                break
            node = node.head.head if node.dep_ == "pcomp" else node.head
    doc = anchor.doc
    sent_ents = [e for e in sent.ents if e.start >= sent.start and e.end <= sent.end and e.label_ in _ACTOR_LABELS]
    if clause is not None and not any(r.dep_ in ("nsubj", "nsubjpass", "agent") for r in roots) and clause.i > 0:
        heads.append(doc[clause.i - 1])  # "... ,\" Blinken informed reporters": a parse without a subject
    spans = [e for root in roots for e in sent_ents if root.left_edge.i <= e.start and e.end <= root.right_edge.i + 1]
    spans += [e for head in heads for e in sent_ents if e.start <= head.i < e.end]
    names = []
    for ent in spans:
        name = _canonical(ent, actors)
        if name and name not in names:
            names.append(name)
    return tuple(names)


# A demonym on a noun of the state or its agents ("the Saudi government", "an Algerian draft",
# "the Egyptian foreign minister", "Israeli warplanes") names the state as the doer; on other
# people ("Israeli settlers", "Palestinian medics") it stays unnamed.
_STATE_NOUNS = {
    "government", "draft", "resolution", "proposal", "cabinet", "delegation", "military", "army", "navy",
    "forces", "troops", "soldiers", "warplanes", "jets", "drones", "ministry", "embassy", "administration",
    "authorities", "minister", "president", "ambassador", "envoy", "official", "officials", "spokesman",
    "spokesperson", "counterpart", "strike", "strikes", "airstrike", "airstrikes", "offensive", "leader",
}


def _canonical(ent: Span, actors: ActorIndex) -> str | None:
    """The actor's canonical name; a name the article's actors do not know (a city, a title
    read as a name) is no actor of the event."""
    name = actors.canonical(ent)
    if name is None and ent.label_ == "NORP" and ent.root.head.lower_ in _STATE_NOUNS:
        name = state_of_demonym(ent.text)
    return name


def _clause_actors(anchor: Token, sent: Span, actors: ActorIndex) -> list[str]:
    """Every named actor of the anchor's clause (the whole sentence for a statement's speaker)."""
    clause = clause_verb(anchor) or anchor
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    names = []
    for ent in sent.ents:
        if ent.label_ in _ACTOR_LABELS and max(lo, sent.start) <= ent.start and ent.end <= min(hi, sent.end):
            name = _canonical(ent, actors)
            if name and name not in names:
                names.append(name)
    return names


def _place(anchor: Token, sent: Span) -> str | None:
    """A place named in the act's clause ('in Gaza', 'to Qatar', 'visit Doha'), else in the sentence."""
    clause = clause_verb(anchor) or anchor
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    places = [e for e in sent.ents if e.label_ in _PLACE_LABELS]
    for ent in places:
        if lo <= ent.start and ent.end <= hi:
            head = ent.root.head
            if ent.root.dep_ == "pobj" and head.lower_ in _PLACE_PREPS or ent.root.dep_ == "dobj":
                return ent.text
    return places[0].text if places else None


def _record(cand: _Candidate, sent: Span, actors: ActorIndex) -> Event:
    names = list(cand.subjects)
    for name in _clause_actors(cand.anchor, sent, actors):
        if name not in names:
            names.append(name)
    when = cand.when.date.isoformat() if cand.when is not None and cand.when.date is not None else None
    return Event(date=when, type=cand.kind, actors=names, place=_place(cand.anchor, sent),
                 evidence=sent.text, start=sent.start_char, end=sent.end_char)


# --- quotations -------------------------------------------------------------------------------


def _quoted_ranges(sent: Span) -> list[tuple[int, int]]:
    """Character ranges (document offsets) of quoted words: acts inside a quotation are the
    speaker's words, not the reporter's account."""
    base = sent.start_char
    return [(base + m.start(), base + m.end()) for m in _QUOTED_RE.finditer(sent.text)]


def _inside(token: Token, ranges: list[tuple[int, int]]) -> bool:
    return any(lo < token.idx < hi for lo, hi in ranges)
