"""Casualty figures: how many were killed, injured, taken hostage, arrested, displaced, missing or at risk.

A figure is a written count (numbers.py) tied by the dependency parse to a casualty word: the noun it
counts ("1,160 deaths", "250 hostages"), a participle on that noun ("54 injured", "people displaced"),
or the predicate it is an argument of ("killed over 140 Hamas fighters", "are thought to be dead",
"famine is threatening to kill 2.4 million people", "the death toll has risen to 700"). Figures in
apposition, coordination or an "including" phrase share their head figure's predicate ("36 media
workers — 31 Palestinians, four Israelis and one Lebanese — have been killed"). A count that no
casualty word governs is left out: a wrong number with a confident face is worse than none.

Conventions follow the newsroom's annotation guide: one record per number x category x group in an
article (a headline or a "the three sons" repeating a figure adds nothing), "a 19-year-old died" and
a named victim count one, vague amounts and percentages are not figures. The source is the
attribution stated in the sentence ("according to ...", "... said"), with "the ministry" or "they"
taken back to the last attribution the article spelled out.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
import re

from spacy.tokens import Doc, Span, Token

from newsroom.nlp.actors import ActorIndex
from newsroom.nlp.numbers import Amount, find_amounts
from newsroom.nlp.syntax import clause_verb
from newsroom.records import Casualty

try:  # written by a sibling module; a null date is acceptable without it
    from newsroom.nlp.dates import time_expressions
except ImportError:  # pragma: no cover
    time_expressions = None

# Verbs whose object (or passive subject) is the casualty.
_VERB_CATEGORIES = {
    "kill": "killed", "slay": "killed", "murder": "killed", "execute": "killed", "massacre": "killed",
    "assassinate": "killed", "behead": "killed", "slaughter": "killed", "martyr": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "maim": "injured",
    "arrest": "arrested", "detain": "arrested", "imprison": "arrested", "jail": "arrested",
    "apprehend": "arrested", "incarcerate": "arrested",
    "abduct": "hostage", "kidnap": "hostage",
    "displace": "displaced", "uproot": "displaced", "confine": "displaced",
}
# "Two people were hurt" is an injury; "a plan that hurt one candidate" is not.
_PASSIVE_ONLY = {"hurt"}
# Verbs whose subject is the casualty ("fled the village" too), unless the verb takes an object
# in another sense ("offered to shelter the family").
_TRANSITIVE_TOO = {"shelter"}
_INTRANSITIVE_CATEGORIES = {
    "die": "killed", "perish": "killed", "flee": "displaced", "shelter": "displaced",
}
# Nouns that are themselves the casualties ("1,160 deaths", "43 corpses", "250 hostages").
_NOUN_CATEGORIES = {
    "death": "killed", "fatality": "killed", "body": "killed", "corpse": "killed", "dead": "killed",
    "remains": "killed",
    "injury": "injured", "wounded": "injured", "injured": "injured",
    "hostage": "hostage", "captive": "hostage", "abductee": "hostage",
    "prisoner": "arrested", "detainee": "arrested",
    "displaced": "displaced",
}
# Nouns of a standing condition, which a predicate can overrule ("40 hostages had been killed").
_STATUS_CATEGORIES = {"hostage", "arrested"}
_HARM_CATEGORIES = {"killed", "injured", "missing"}
# Adjectives and participles that say what happened to the noun they describe or complete.
_STATE_CATEGORIES = {
    "dead": "killed", "killed": "killed", "slain": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured",
    "missing": "missing", "unaccounted": "missing",
    "displaced": "displaced", "homeless": "displaced",
    "detained": "arrested", "arrested": "arrested", "jailed": "arrested", "imprisoned": "arrested",
    "abducted": "hostage", "kidnapped": "hostage", "captive": "hostage",
}
# Verbs that head a clause of their own (where a subject the parser lost belongs).
_CLAUSE_DEPS = {"ROOT", "conj", "ccomp"}
# "130 people are still in Gaza", "of whom 132 remain in Gaza" (right after a hostage count).
_STAY_VERBS = {"remain", "be", "stay"}
# "taken hostage", "held captive": these verbs take a hostage complement.
_CAPTOR_VERBS = {"take", "hold", "keep", "seize", "snatch"}
_CAPTIVE_WORDS = {"hostage", "hostages", "captive", "captives", "captivity"}
# "suffered minor injuries", "sustained wounds".
_SUFFER_VERBS = {"suffer", "sustain", "receive"}
# "have sought refuge", "found shelter".
_REFUGE_VERBS = {"seek", "find", "take"}
_REFUGE_WORDS = {"refuge", "shelter", "sanctuary"}
# A killing that is only threatened counts people at risk.
_THREAT_VERBS = {"threaten", "risk"}
_FACE_VERBS = {"face", "confront"}
_PERILS = {"famine", "starvation", "hunger", "death", "risk"}
_MODAL_AUX = {"could", "might", "may"}
# "the death toll rose to 700", "the number of soldiers killed had reached 177", "the dead included".
_TOLL_VERBS = {
    "rise", "reach", "pass", "stand", "climb", "hit", "top", "exceed", "surpass", "increase", "jump",
    "soar", "be", "near", "approach", "include", "total", "grow", "mount",
}
_TOLL_PREPS = {"to", "at", "of", "past", "beyond", "above"}
# Reporting verbs whose subject is a figure's source.
_REPORT_VERBS = {
    "say", "tell", "report", "claim", "state", "announce", "estimate", "add", "confirm", "record",
    "count", "tally", "put", "document", "note", "warn", "declare", "publish", "reveal", "indicate",
}
# A source ends where a relative clause about it begins ("the Ukrainian military, which said ...").
_RELATIVE_WORDS = {"which", "who", "whose", "where", "when"}
# Sources that point back to one named earlier in the article.
_PRONOUN_SOURCES = {"he", "she", "they", "it", "we"}
# "The three sons", "his three brothers": a definite count repeats one already given.
_ANAPHORIC_DETS = {"the", "these", "those", "his", "her", "their", "its", "our", "my", "your"}
# Counted things that are not people, whatever verb governs them.
_NON_PERSON_NOUNS = {
    "target", "drone", "missile", "rocket", "tank", "truck", "vehicle", "house", "home", "building",
    "hospital", "school", "site", "country", "day", "week", "month", "year", "hour", "minute", "mile",
    "kilometer", "ton", "dollar", "bomb", "shell", "round", "weapon", "tunnel", "shaft", "launcher",
    "aircraft", "plane", "jet", "helicopter", "ship", "vessel", "boat", "resolution", "vote", "point",
    "mosque", "church", "apartment", "structure", "facility", "camp", "shelter", "ambulance",
    "convoy", "car", "field", "village", "town", "city", "district", "neighborhood", "area",
    "attack", "strike", "airstrike", "raid", "incident", "explosion", "blast", "time", "case",
}
# "for every 10 hostages freed": a ratio, not a count.
_RATE_WORDS = {"every", "each", "per"}
# Dependencies by which a counted noun is an argument of its clause's verb.
_ARGUMENT_OF_VERB = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "npadvmod", "nummod"}
# Places a figure can be located in, and the prepositions that locate it.
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ACTING_DEPS = {"nsubj", "nsubjpass", "agent", "compound", "amod", "dobj"}
# "the Kharkiv region": a name in compound with these nouns still names the place.
_PLACE_NOUNS = {"region", "province", "governorate", "oblast", "district", "city", "town", "village",
                "camp", "area", "strip", "border", "coast", "crossing", "neighborhood", "neighbourhood"}
_LOCATIVE_PREPS = {"in", "at", "near", "across", "on", "outside", "inside", "from", "of", "throughout", "around"}
# Dates: a noun figure takes its clause's day only as an argument of that clause; a day under
# these prepositions opens or closes a period instead ("since Oct. 7").
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "appos", "conj"}
_NOT_A_DAY_PREPS = {"since", "until", "till", "before", "after", "between", "from"}
# Periods ("in the past 24 hours", "since the start of the war") and running totals.
_PERIOD_PREPS = {"since", "over", "in", "during", "for", "within", "until", "through"}
_TIME_NOUNS = {"hour", "day", "week", "month", "year", "night", "weekend", "period", "morning", "evening"}
_CUMULATIVE_WORDS = {"total", "toll", "overall", "tally", "cumulative"}


@dataclass(frozen=True)
class Figure:
    """A casualty figure before it becomes a record: the tokens it hangs on as well as what it says."""

    amount: Amount
    category: str
    head: Token  # the counted noun, or the number itself when nothing is counted
    anchor: Token  # the casualty word that gave the category
    who: str | None
    period: str | None
    cumulative: bool


def line_sentences(doc: Doc) -> list[Span]:
    """The parser's sentences cut again at line breaks: a headline or a paragraph never runs on into
    the next one, as the small model's sentence splitter lets them."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text:
                if tok.i > start:
                    out.append(doc[start:tok.i])
                start = tok.i + 1
            elif tok.is_space and tok.i == start:
                start += 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return [_trim(s) for s in out if any(not t.is_space for t in s)]


def _trim(span: Span) -> Span:
    """The span without white-space tokens at either end, so the evidence is the sentence itself."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def _headline_end(doc: Doc) -> int:
    """Where the article's headline ends (a character offset), or 0 when it has none: its first
    line is one when it is short, ends no sentence and more text follows."""
    text = doc.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line = text[start:end].strip() if end > 0 else ""
    if not line or len(line) >= 200 or not text[end:].strip() or line[-1] in ".!?:;\"'\u201d":
        return 0
    return end


def _in(tok: Token, sent: Span) -> bool:
    return sent.start <= tok.i < sent.end


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _head_token(amount: Amount, sent: Span) -> Token:
    """The token that carries the amount's grammar: its noun when it counts one ("2.4 million
    people" -> people), else the number itself ("killing at least 31", "54 injured")."""
    doc = sent.doc
    last = doc[amount.end - 1]
    if amount.implicit:  # "a 19-year-old man" -> man; "a 19-year-old died" -> old
        det = doc[amount.start]
        return det.head if _in(det.head, sent) else det
    node = last
    while node.dep_ in ("nummod", "compound", "quantmod") and _in(node.head, sent) and node.head.i > node.i \
            and node.head.i - last.i <= 6:
        node = node.head
    return node


def _noun_category(tok: Token) -> str | None:
    """"deaths", "corpses" (lemmatised "corps" by the small model), "hostages"."""
    low = tok.lower_
    return _NOUN_CATEGORIES.get(_lemma(tok)) or _NOUN_CATEGORIES.get(low) or (
        _NOUN_CATEGORIES.get(low[:-1]) if low.endswith("s") else None)


def _state_category(tok: Token) -> str | None:
    """"dead", "missing", "injured": what a modifier or complement says about the people."""
    return _STATE_CATEGORIES.get(tok.lower_) or (
        _VERB_CATEGORIES.get(_lemma(tok)) if tok.tag_ == "VBN" else None)


def _modifier_category(head: Token) -> tuple[str, Token] | None:
    """"54 injured", "people killed in the strike", "1 million people displaced", "at risk of famine"."""
    for child in head.children:
        if child.i < head.i and child.dep_ == "amod" and _state_category(child):
            return _state_category(child), child  # "300 wounded people", "1 million displaced persons"
        if child.i > head.i and child.dep_ == "acl" and _lemma(child) in _CAPTOR_VERBS and any(
                g.lower_ in _CAPTIVE_WORDS for g in child.children):
            return "hostage", child  # "the 253 people taken captive"
        if child.i > head.i and child.dep_ in ("acl", "amod", "relcl") and child.i - head.i <= 8:
            cat = _state_category(child) if child.dep_ != "relcl" else None
            if child.dep_ == "relcl" and _lemma(child) in _VERB_CATEGORIES and any(
                    c.dep_ == "auxpass" for c in child.children):
                cat = _VERB_CATEGORIES[_lemma(child)]
            if cat:
                return cat, child
        if child.dep_ == "prep" and _at_risk(child):
            return "at_risk", child
        if child.i < head.i and _noun_category(child) == "hostage" and (
                child.dep_ == "nmod" or child.dep_ == "compound" and head.ent_type_ in ("NORP", "PERSON")):
            return "hostage", child  # "holding hostage 199 Israelis"
    for conjunct in (c for c in head.children if c.dep_ == "conj" and c.i > head.i):
        for child in conjunct.children:  # "140 fighters and 25 civilians killed": a shared participle
            if child.dep_ in ("acl", "amod") and child.i > conjunct.i and _state_category(child):
                return _state_category(child), child
    return None


def _at_risk(prep: Token) -> bool:
    """"at risk of famine", "on the brink of starvation"."""
    return any((prep.lower_ == "at" and _lemma(g) == "risk") or (prep.lower_ == "on" and _lemma(g) == "brink")
               for g in prep.children)


def _complement_category(verb: Token, depth: int = 0) -> tuple[str, Token] | None:
    """What a predicate says happened to its subject or object: the verb itself ("were killed"),
    its complement ("were shot dead", "held hostage", "sought refuge", "are thought to be dead"),
    or a threatened killing ("famine is threatening to kill") that puts people at risk."""
    lemma = _lemma(verb)
    if verb.lower_ in _STATE_CATEGORIES and verb.tag_ in ("VBG", "JJ"):  # "said to be missing"
        return _STATE_CATEGORIES[verb.lower_], verb
    if lemma in _VERB_CATEGORIES and (lemma not in _PASSIVE_ONLY or _is_passive(verb)):
        return _VERB_CATEGORIES[lemma], verb
    if lemma in _INTRANSITIVE_CATEGORIES and not (lemma in _TRANSITIVE_TOO and any(
            c.dep_ == "dobj" for c in verb.children)):
        return _INTRANSITIVE_CATEGORIES[lemma], verb  # "people fled (the village)", not "to shelter them"
    if lemma in _CAPTOR_VERBS and verb.dep_ == "amod" and verb.head.lower_ in _CAPTIVE_WORDS:
        return "hostage", verb.head  # "about 250 taken hostage", parsed as a hostage "taken"
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd", "advmod", "attr", "ccomp") and child.lower_ in _STATE_CATEGORIES:
            return _STATE_CATEGORIES[child.lower_], child
        if lemma == "lose" and child.dep_ == "dobj" and _lemma(child) in ("life", "lives"):
            return "killed", child  # "12 people lost their lives"
        if lemma in _SUFFER_VERBS and child.dep_ == "dobj" and _noun_category(child) == "injured":
            return "injured", child  # "45 troops suffered minor injuries"
        if lemma in _CAPTOR_VERBS and child.lower_ in _CAPTIVE_WORDS:
            return "hostage", child
        if lemma in _REFUGE_VERBS and child.dep_ == "dobj" and child.lower_ in _REFUGE_WORDS:
            return "displaced", child
        if child.dep_ == "prep" and _at_risk(child):
            return "at_risk", child
        if lemma in _FACE_VERBS and child.dep_ == "dobj" and any(_lemma(t) in _PERILS for t in child.subtree):
            return "at_risk", child  # "1.1 million people face catastrophic hunger"
        if child.dep_ == "xcomp" and depth < 3:
            found = _complement_category(child, depth + 1)
            if found:
                if lemma in _THREAT_VERBS and found[0] == "killed":
                    return "at_risk", child
                return found
        if child.dep_ == "conj" and child.tag_ == "VBN" and _lemma(child) in _VERB_CATEGORIES and not any(
                c.dep_.startswith("nsubj") for c in child.children):
            return _VERB_CATEGORIES[_lemma(child)], child  # "were shot and killed"
    return None


def _toll_category(verb: Token, sent: Span, target: bool = False) -> tuple[str, Token] | None:
    """"The death toll has risen to 700": the casualty word sits in the subject. With `target`
    (the number is "to N" / "at N" of the verb) any verb will do, and the object counts too:
    "bringing the death toll to 45", "the ministry put the toll at 20,000"."""
    if not target and _lemma(verb) not in _TOLL_VERBS:
        return None
    deps = ("nsubj", "nsubjpass", "dobj") if target else ("nsubj", "nsubjpass")
    subjects = [c for c in verb.children if c.dep_ in deps]
    if not subjects and verb.dep_ in ("advcl", "relcl", "acl") and verb.head.pos_ == "NOUN":
        subjects = [verb.head]  # "the death toll until Saturday was over 220", parsed upside down
    for subject in subjects:
        for tok in subject.subtree:
            if tok.i >= verb.i and subject.i < verb.i:
                break
            cat = _toll_signal(tok)
            if cat:
                return cat, tok
    if not subjects and verb.dep_ in ("ccomp", "conj") and sent.start <= verb.head.i < verb.i:
        # "said the number of its soldiers killed ... had reached 177": the parser gave the
        # subject a clause of its own; read the words between the clause's head and this verb
        for tok in sent.doc[verb.head.i + 1:verb.i]:
            if _toll_signal(tok):
                return _toll_signal(tok), tok
    if target:
        # "... the death toll ... has risen to at least 700", its subject lost to a run-on headline
        for tok in sent.doc[sent.start:verb.i]:
            if _lemma(tok) == "toll":
                return "killed", tok
    return None


def _toll_signal(tok: Token) -> str | None:
    """The category a word in a toll's subject names: "death toll", "the number of Palestinians
    detained", "the number of people who fled"."""
    lemma = _lemma(tok)
    if lemma == "toll":
        return "killed"
    if tok.pos_ == "VERB":
        return _VERB_CATEGORIES.get(lemma) or _INTRANSITIVE_CATEGORIES.get(lemma)
    return _noun_category(tok) or _STATE_CATEGORIES.get(tok.lower_)


def _is_passive(verb: Token) -> bool:
    """"were killed", "37 were killed and 54 injured", "people displaced": a passive participle,
    including one that shares its auxiliary with the verb it is coordinated with."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if any(c.dep_ == "aux" for c in verb.children):
        return False
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i and not any(
            c.dep_ == "dobj" for c in verb.children):
        return _is_passive(verb.head)  # "thousands have been killed and 1 million people displaced"
    return verb.tag_ == "VBN"


def _is_active_agent(tok: Token, verb: Token) -> bool:
    """"Two gunmen killed five people": the subject of an active transitive verb did it."""
    return tok.dep_ == "nsubj" and _lemma(verb) in _VERB_CATEGORIES and not _is_passive(verb)


def _threatened(verb: Token, category: str) -> str:
    """"famine is threatening to kill", "could kill": people at risk, not yet casualties."""
    if category != "killed" or _lemma(verb) != "kill":
        return category
    if verb.dep_ == "xcomp" and _lemma(verb.head) in _THREAT_VERBS:
        return "at_risk"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _MODAL_AUX and not aux & {"have", "has", "had", "been"}:
        return "at_risk"
    return category


def _category(head: Token, amount: Amount, sent: Span) -> tuple[str, Token] | None:
    """The casualty category that governs the counted noun. A status noun ("hostages",
    "prisoners") gives its own, unless its predicate says worse: "40 hostages had been killed"."""
    found = _climb(head, amount, sent)
    if found is not None and found[0] in _STATUS_CATEGORIES:
        worse = _climb(head, amount, sent, status_nouns=False)
        if worse is not None and worse[0] in _HARM_CATEGORIES:
            return worse
    return found


def _climb(head: Token, amount: Amount, sent: Span, status_nouns: bool = True) -> tuple[str, Token] | None:
    """Climb from the counted noun through coordination, apposition and "including" to the
    predicate of its clause, never above it, and return the first casualty word met."""
    node = head
    first = True
    for _ in range(8):
        if first and not amount.implicit and node.i >= amount.end and node.lower_ in _STATE_CATEGORIES:
            return _STATE_CATEGORIES[node.lower_], node  # "300 missing", "54 injured" as one phrase
        if first and node.dep_ == "pobj" and node.head.lower_ == "of" and _noun_category(node.head.head) == "killed":
            return "killed", node.head.head  # "the bodies of three hostages" are dead, not held
        if first or node.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
            cat = _noun_category(node)
            if cat and not amount.implicit and (status_nouns or cat not in _STATUS_CATEGORIES):
                return cat, node
            found = _modifier_category(node) if first or node.tag_ in ("NNS", "NNPS", "CD") else None
            if found:
                return found
        first = False
        parent, dep = node.head, node.dep_
        if parent.i == node.i or not _in(parent, sent):
            orphan = _orphan_predicate(node, sent)
            if orphan is None:
                return None
            parent, dep = orphan, "nsubjpass"
        if dep in ("conj", "appos") and parent.pos_ in ("VERB", "AUX") and node.pos_ in ("NOUN", "PROPN", "NUM"):
            # a noun the parser coordinated with a verb: the subject of a later verb that lacks one
            # ("... and 130 people, according to Israel, are still in Gaza"), else the verb's object
            # ("killing six soldiers ..., and an estimated 50 fighters")
            orphan = _orphan_predicate(node, sent)
            dep, parent = ("nsubj", orphan) if orphan is not None else ("dobj", parent)
        elif dep in ("conj", "appos"):
            node = parent
            continue
        if dep == "pobj" and amount.qual_start <= parent.i < amount.start:
            # "arrested over 350 others", "rose to at least 700": the parser took the qualifier
            # for a preposition
            qualifier = parent
            if qualifier.head.pos_ == "ADP" and _in(qualifier.head, sent):
                dep, parent = "pobj", qualifier.head
            else:
                dep, parent = "dobj", qualifier.head
        if dep == "pobj":
            prep = parent.lower_
            grand = parent.head
            if not _in(grand, sent):
                return None
            if prep in ("including", "among", "like"):
                if grand.pos_ in ("VERB", "AUX"):  # "killed 25 people, including a boy"
                    dep, parent = "dobj", grand
                else:
                    node = grand
                    continue
            elif prep == "of" and grand.pos_ in ("NOUN", "PROPN"):
                cat = _noun_category(grand) or ("killed" if _lemma(grand) == "toll" else None)
                return (cat, grand) if cat else None  # "the deaths of 115", "a toll of 1,200"
            elif prep in _TOLL_PREPS and grand.pos_ in ("VERB", "AUX"):
                return _toll_category(grand, sent, target=prep != "of")
            else:
                return None
        if dep == "punct":
            return None
        if dep in _ARGUMENT_OF_VERB and parent.pos_ in ("VERB", "AUX"):
            return _predicate_category(node, dep, parent, sent)
        return None
    return None


def _predicate_category(node: Token, dep: str, verb: Token, sent: Span) -> tuple[str, Token] | None:
    """What the verb a counted noun is an argument of says happened to it: "were killed", "killed
    140 fighters", "are thought to be dead", "threatening to kill", "the toll has reached 700",
    "five minors were among the dead". The subject of an active "killed" did the killing."""
    if _is_active_agent(node, verb):
        return None
    found = _complement_category(verb)
    if found and dep == "dobj" and _lemma(verb) in _INTRANSITIVE_CATEGORIES:
        found = None
    if found:
        return _threatened(found[1], found[0]), found[1]
    if dep in ("attr", "dobj", "npadvmod"):
        found = _toll_category(verb, sent)
        if found:
            return found
    if _lemma(verb) == "be":  # "five minors were among the dead", "... among those killed"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("among", "of"):
                for g in child.children:
                    found = ((_noun_category(g), g) if _noun_category(g) else None) or _modifier_category(g)
                    if found:
                        return found
    return None


def _orphan_predicate(node: Token, sent: Span) -> Token | None:
    """When the parser hung a noun on a headline it ran the sentence into, the verb it belongs to:
    the next verb of the sentence that has no subject of its own."""
    for tok in sent.doc[node.i + 1:sent.end]:
        if tok.pos_ in ("VERB", "AUX") and (tok.dep_ in _CLAUSE_DEPS or not _in(tok.head, sent)):
            has_subject = any(c.dep_.startswith("nsubj") and _in(c, sent) for c in tok.children)
            return None if has_subject else tok
    return None


def _who(head: Token, amount: Amount) -> str | None:
    """The group counted: the noun and its modifiers after the number ("Hamas fighters"), the
    partitive ("two of the mayor's grandchildren"), or nothing when the number stands alone."""
    doc = head.doc
    if amount.implicit:  # "a 68-year-old man"
        return _join([t for t in doc[amount.start + 1:head.i + 1] if not t.is_space]) or None
    if head.i >= amount.end and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        if _NOUN_CATEGORIES.get(_lemma(head)) == "killed":
            return "people"
        words = [t for t in doc[amount.end:head.i + 1] if t.dep_ in ("compound", "amod", "nmod", "poss")
                 and t.lower_ not in ("plus", "-") or t.i == head.i]
        return _join(words) if words else head.text
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj and pobj[0].pos_ != "PRON":
                toks = [t for t in pobj[0].subtree if t.dep_ not in ("det", "relcl", "punct", "nummod", "quantmod")
                        and not t.like_num and t.i <= pobj[0].i]
                return _join(toks)
    if head.lower_ in ("others", "other", "people", "persons"):
        return head.lower_
    if head.i == amount.end - 1:  # the number stands alone
        for child in head.children:
            if child.dep_ == "amod" and child.ent_type_ == "NORP":
                return child.text
        return None
    return head.text if head.pos_ in ("NOUN", "PROPN") else None


def _join(toks: list[Token]) -> str:
    """Tokens as written: "the mayor's grandchildren", not "the mayor 's grandchildren"."""
    return "".join(t.text_with_ws for t in toks[:-1]).replace("\u00a0", " ") + toks[-1].text if toks else ""


def _is_person_like(head: Token) -> bool:
    """Counted things that are not people ("800 targets", "one of its schools") are never figures;
    a bare number stands for what its partitive counts."""
    if _lemma(head) in _NON_PERSON_NOUNS:
        return False
    for child in head.children:
        if head.pos_ == "NUM" and child.dep_ == "prep" and child.lower_ == "of":
            return all(_lemma(g) not in _NON_PERSON_NOUNS for g in child.children if g.dep_ == "pobj")
    return True


def _is_rate(amount: Amount, doc: Doc) -> bool:
    """"for every 10 hostages freed", "three per family": a ratio, not a count."""
    return amount.qual_start > 0 and doc[amount.qual_start - 1].lower_ in _RATE_WORDS or (
        amount.qual_start > 1 and doc[amount.qual_start - 1].lower_ in ("additional", "extra")
        and doc[amount.qual_start - 2].lower_ in _RATE_WORDS)


def _is_anaphoric(head: Token, amount: Amount) -> bool:
    """"The three sons", "his three brothers": a definite count refers back to one already given."""
    doc = head.doc
    before = doc[amount.qual_start - 1] if amount.qual_start > 0 else None
    if before is not None and (before.lower_ in _ANAPHORIC_DETS or before.dep_ == "poss" or before.tag_ == "POS"):
        return True
    return any(c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETS or c.dep_ == "poss"
               for c in head.children if c.i < amount.start)


# --- sources -----------------------------------------------------------------------------------

def _clean_source(toks: list[Token], first_comma: bool = False) -> str | None:
    """Source text without a trailing relative clause ("..., which said"), a leading article or
    edge punctuation; an "according to" phrase also ends at its first comma, where the sentence
    goes on ("according to an AFP tally, Hamas's attack ...")."""
    if not toks:
        return None
    doc = toks[0].doc
    start, end = toks[0].i, toks[-1].i + 1
    for t in toks[1:]:
        if t.lower_ in _RELATIVE_WORDS and doc[t.i - 1].text == "," or (first_comma and t.text in (",", ";")):
            end = min(end, t.i)
            break
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end - 1].ent_iob_ in ("B", "I"):
        end += 1  # "the Committee" + "to Protect Journalists": the parser split one name
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    text = doc[start:end].text.strip()
    return re.sub(r"\s+", " ", text) or None


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject; of two, the one nearer the verb ("when a bus overturned, medics said")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        return min(subjects, key=lambda c: abs(verb.i - c.i))
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        return _subject_of(verb.head) if verb.dep_ == "conj" else None
    return None


def _according_to(sent: Span) -> list[Token]:
    """The heads of "according to X" phrases in the sentence."""
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
            pobj = [c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if pobj:
                out.append(pobj[0])
    return out


def _attributions(sent: Span) -> list[tuple[Token, Token]]:
    """(reporting verb, its subject) pairs of the sentence, in order."""
    out = []
    for tok in sent:
        if tok.pos_ == "VERB" and _lemma(tok) in _REPORT_VERBS:
            subj = _subject_of(tok)
            if subj is not None and _in(subj, sent) and subj.lower_ not in ("that", "which", "what"):
                out.append((tok, subj))
    return out


def _subtree_tokens(tok: Token, sent: Span) -> list[Token]:
    return [t for t in tok.subtree if _in(t, sent)]


def _subject_tokens(verb: Token, subject: Token, sent: Span) -> list[Token]:
    """The subject with the pieces the parser split off it and hung on the verb right before it
    ("Gaza health ministry spokesperson" + "Ashra" + "al" + "-" + "Qidra")."""
    start = subject.left_edge.i
    pieces = sorted((c for c in verb.children if c.dep_ in ("nsubj", "compound") and c.i < subject.i),
                    key=lambda c: c.i, reverse=True)
    for piece in pieces:
        if piece.right_edge.i != start - 1:
            break
        start = piece.left_edge.i
    return [t for t in sent.doc[start:subject.right_edge.i + 1] if _in(t, sent)]


def _plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS")


class _SourceMemory:
    """The attributions an article has spelled out so far, to resolve "the ministry said" and
    "they said" to the last one that names them."""

    def __init__(self) -> None:
        self.names: list[tuple[str, str, bool]] = []  # (text, head lemma, plural head)

    def resolve(self, head: Token, text: str) -> str | None:
        """A pronoun is the last source named; "the ministry" the last one headed by a ministry
        (same number: "the official" is not "officials"), else the last one."""
        if head.lower_ in _PRONOUN_SOURCES:
            return self.names[-1][0] if self.names else None
        if self._is_anaphoric(head, text):
            noun, tag = _lemma(head), _plural(head)
            for name, name_noun, name_tag in reversed(self.names):
                if name_noun == noun and name_tag == tag:
                    return name
            return self.names[-1][0] if self.names else text
        return text

    def remember(self, head: Token, text: str | None) -> None:
        if text and head.lower_ not in _PRONOUN_SOURCES and not self._is_anaphoric(head, text):
            self.names.append((text, _lemma(head), _plural(head)))

    @staticmethod
    def _is_anaphoric(head: Token, text: str) -> bool:
        """"the ministry", "the group": a short definite description without a name in it."""
        return len(text.split()) <= 3 and head.pos_ == "NOUN" and not any(
            t.ent_type_ for t in head.subtree) and any(c.lower_ in ("the", "this") for c in head.children)


def _sentence_sources(sent: Span, memory: _SourceMemory) -> dict[int, str]:
    """Every attribution of the sentence as {token index of its verb or "according": source},
    resolved against earlier sentences; remembered for later ones."""
    out: dict[int, str] = {}
    for pobj in _according_to(sent):
        text = _clean_source(_subtree_tokens(pobj, sent), first_comma=True)
        if text:
            out[pobj.head.head.i if pobj.head.head.i != pobj.head.i else pobj.i] = memory.resolve(pobj, text)
            memory.remember(pobj, text)
    for verb, subj in _attributions(sent):
        text = _clean_source(_subject_tokens(verb, subj, sent))
        if text:
            out[verb.i] = memory.resolve(subj, text) or text
            memory.remember(subj, text)
    return out


def _source_for(anchor: Token, sent: Span, sources: dict[int, str]) -> str | None:
    """The attribution that governs the figure's clause, else the sentence's "according to",
    else the attribution of the sentence's main clause."""
    node = anchor
    for _ in range(10):
        if node.i in sources and node.pos_ == "VERB":
            return sources[node.i]
        if node.head.i == node.i or not _in(node.head, sent):
            break
        node = node.head
    according = [i for i in sources if sent.doc[i].lower_ == "according"]
    if according:
        return sources[according[0]]
    # a main-clause attribution covers the sentence; one in a side clause ("as the prime minister
    # said Israel was embarking on a long war") speaks of something else
    main = [i for i in sources if _is_main_attribution(sent.doc[i], sent)]
    return sources[main[0]] if main else None


def _is_main_attribution(verb: Token, sent: Span) -> bool:
    """The sentence's own verb, or one hung on it without a conjunction ("..., officials said")."""
    if verb.dep_ == "ROOT" or not _in(verb.head, sent):
        return True
    head = verb.head
    return (head.dep_ == "ROOT" or not _in(head.head, sent)) and not any(
        c.dep_ == "mark" for c in verb.children)


# --- place, date, period -------------------------------------------------------------------------

def _place(sent: Span, anchor: Token) -> str | None:
    """A place named in the sentence: the one after a locative preposition nearest the figure,
    in its own clause first ("were killed in Jenin"); a place that acts ("Israel has killed") or
    describes ("an Iran-backed militia") is not where the figure happened."""
    places = [e for e in sent.ents if e.label_ in _PLACE_LABELS and e.root.head.lower_ != "by" and (
        e.root.dep_ not in _ACTING_DEPS or e.root.dep_ == "compound" and _lemma(e.root.head) in _PLACE_NOUNS)]
    if not places:
        return None
    verb = clause_verb(anchor) or anchor
    where = _where_antecedent(verb, places)
    if where is not None:
        return where
    lo, hi = verb.left_edge.i, verb.right_edge.i
    located = [e for e in places if _after_locative(e, sent)]
    for group in ([e for e in located if lo <= e.start <= hi], located):
        if group:
            return min(group, key=lambda e: abs(e.start - anchor.i)).text
    return places[0].text


def _where_antecedent(verb: Token, places: list[Span]) -> str | None:
    """"Rafah, the southernmost city, where 1.5 million people are confined": a clause opened by
    "where" is about the place it hangs on (or that place's apposition)."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    antecedent = verb.head
    for node in (antecedent, antecedent.head if antecedent.dep_ == "appos" else None):
        for ent in places:
            if node is not None and ent.start <= node.i < ent.end:
                return ent.text
    return None


def _after_locative(ent: Span, sent: Span) -> bool:
    """"in Gaza", "across the West Bank"."""
    k = ent.start - 1
    if k > sent.start and sent.doc[k].lower_ == "the":
        k -= 1
    return k >= sent.start and sent.doc[k].lower_ in _LOCATIVE_PREPS


def _opens_a_period(tok: Token, verb: Token) -> bool:
    """"since its first incursion on Oct. 20": a day under "since", "until", "after" ... on the
    way up to the clause's verb is where a period starts or ends, not when the figure happened."""
    node = tok
    for _ in range(12):
        if node.i == verb.i or node.head.i == node.i:
            return False
        if node.lower_ in _NOT_A_DAY_PREPS:
            return True
        node = node.head
    return False


def _date(sent: Span, published: date | None, anchor: Token) -> str | None:
    """The day the figure's own clause fixes ("were killed on Wednesday"), never a day named for
    something else ("the Oct. 7 attack") nor the start of a period ("since Oct. 7")."""
    if time_expressions is None or published is None:
        return None
    if anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ not in _ARGUMENT_DEPS:
        return None  # "the release of some 100 hostages" sits in another event's clause
    verb = clause_verb(anchor)
    if verb is None:
        return None
    for expr in time_expressions(sent, published):
        if expr.date is None:
            continue
        before = sent.text[:expr.start].split()
        if before and before[-1].lower() in _NOT_A_DAY_PREPS:
            continue
        piece = sent.doc.char_span(sent.start_char + expr.start, sent.start_char + expr.end, alignment_mode="expand")
        if piece is None or not len(piece) or _opens_a_period(piece.root, verb):
            continue
        found = clause_verb(piece.root)
        if found is not None and found.i == verb.i:
            return expr.date.isoformat()
    return None


def _period(sent: Span, anchor: Token) -> tuple[str | None, bool]:
    """"since October 7", "in the past 24 hours": the span of time the figure covers (a phrase on
    its clause's verb), and whether the figure is a running total rather than a new count."""
    verb = clause_verb(anchor)
    period = None
    for node in (verb, anchor) if verb is not None else (anchor,):
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PERIOD_PREPS:
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            timely = pobj.ent_type_ in ("DATE", "TIME") or _lemma(pobj) in _TIME_NOUNS
            if prep.lower_ == "since" or timely:
                period = sent.doc[prep.i:pobj.i + 1].text if prep.lower_ != "since" else \
                    sent.doc[prep.i:max(t.i for t in prep.subtree) + 1].text
                break
        if period:
            break
    words = {t.lower_ for t in sent}
    cumulative = bool(period and period.lower().startswith("since")) or bool(words & _CUMULATIVE_WORDS)
    return period, cumulative


# --- the figures of one sentence -------------------------------------------------------------------

def _subject_verb(head: Token, sent: Span) -> Token | None:
    """The verb a noun is the subject of, also when the parser coordinated the noun with the verb
    of the clause before ("33 are dead and 130 people, according to Israel, are still in Gaza")."""
    if head.dep_ == "nsubj" and _in(head.head, sent):
        return head.head
    if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
        return _orphan_predicate(head, sent)
    return None


def _still_held(head: Token, sent: Span) -> tuple[str, Token] | None:
    """"130 people are still in Gaza", "of whom 132 remain in Gaza": right after a count of
    hostages, people who are still somewhere named are the captives still held."""
    verb = _subject_verb(head, sent)
    if verb is None or _lemma(verb) not in _STAY_VERBS:
        return None
    if _lemma(verb) != "remain" and not any(c.lower_ == "still" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            if any(g.ent_type_ in _PLACE_LABELS or _lemma(g) == "captivity" for g in prep.children):
                return "hostage", verb
    return None


def sentence_figures(sent: Span, after_hostages: bool = False) -> list[Figure]:
    """The casualty figures written in one sentence; `after_hostages` when the sentence before
    counted hostages, which people "still in Gaza" then are."""
    out: list[Figure] = []
    for amount in find_amounts(sent):
        if amount.kind != "count" or amount.value <= 0:
            continue
        head = _head_token(amount, sent)
        if not _is_person_like(head) or _is_rate(amount, sent.doc):
            continue
        found = _category(head, amount, sent)
        if found is None and (after_hostages or any(f.category == "hostage" for f in out)):
            found = _still_held(head, sent)
        if found is None:
            continue
        category, anchor = found
        period, cumulative = _period(sent, anchor)
        who = _who(head, amount)
        out.append(Figure(amount, category, head, anchor, who, period, cumulative))
    out.extend(_implicit_ones(sent, out))
    return out


def _implicit_ones(sent: Span, found: list[Figure]) -> list[Figure]:
    """One person written without a number: "a third was wounded", and a named person who "was
    killed" ("Issam Abdallah, a journalist who was killed on Oct. 13")."""
    out = []
    taken = {f.head.i for f in found}
    for tok in sent:
        if tok.lower_ in ("third", "fourth", "fifth") and tok.dep_ in ("nsubj", "nsubjpass") and any(
                c.lower_ == "a" for c in tok.children) and not any(c.lower_ == "of" for c in tok.children):
            cat = _complement_category(tok.head)
            if cat and _in(tok.head, sent):
                amount = Amount(1, "exact", "count", tok.i, tok.i + 1, tok.i - 1, implicit=True)
                out.append(Figure(amount, cat[0], tok, cat[1], None, None, False))
    for ent in sent.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or ent.root.i in taken:
            continue
        cat = _named_victim_category(ent.root, sent)
        if cat:
            amount = Amount(1, "exact", "count", ent.start, ent.end, ent.start, implicit=True)
            out.append(Figure(amount, cat[0], ent.root, cat[1], ent.text, None, False))
    return out


def _named_victim_category(root: Token, sent: Span) -> tuple[str, Token] | None:
    """A named person as the passive subject of a killing ("X and 11 members of his family were
    killed"), or described by a relative clause that says so ("X, a journalist who was killed")."""
    node = root
    while node.dep_ == "conj" and _in(node.head, sent):
        node = node.head
    if node.dep_ == "nsubjpass" and _in(node.head, sent) and _lemma(node.head) == "kill":
        return "killed", node.head
    for child in root.children:
        if child.dep_ == "appos":
            for g in child.subtree:
                if g.dep_ == "relcl" and _lemma(g) == "kill" and any(c.dep_ == "auxpass" for c in g.children):
                    return "killed", g
    return None


def _key(fig: Figure) -> tuple:
    who = (fig.who or "").lower().split()
    return fig.amount.value, fig.category, who[-1] if who else None


def extract_casualties(doc: Doc, published: date | None, actors: ActorIndex) -> list[Casualty]:
    """Every casualty figure of the article, once per number x category x group, in reading order.

    Sources stay as the article words them ("health ministry in the territory controlled by
    Hamas"): that is what an editor checks against, so `actors` is not used to rename them."""
    memory = _SourceMemory()
    seen: set[tuple] = set()
    seen_counts: set[tuple[int, str]] = set()
    seen_values: set[int] = set()
    records: list[Casualty] = []
    headline: list[tuple[Span, Figure, dict[int, str]]] = []
    after_hostages = False
    headline_end = _headline_end(doc)
    for sent in line_sentences(doc):
        sources = _sentence_sources(sent, memory)  # every sentence, so "the ministry" can look back
        figures = sentence_figures(sent, after_hostages)
        if not figures:
            continue
        after_hostages = any(f.category == "hostage" for f in figures)
        if sent.start_char < headline_end:
            headline.extend((sent, fig, sources) for fig in figures)
            continue
        for fig in figures:
            key = _key(fig)
            if key in seen or (fig.amount.value in seen_values and _is_anaphoric(fig.head, fig.amount)):
                continue
            seen.add(key)
            seen_counts.add((fig.amount.value, fig.category))
            seen_values.add(fig.amount.value)
            records.append(_record(fig, sent, sources, published))
    # a headline's figure counts only when the body does not give it again
    lead = [_record(fig, sent, sources, published) for sent, fig, sources in headline
            if (fig.amount.value, fig.category) not in seen_counts]
    return lead + records


def _record(fig: Figure, sent: Span, sources: dict[int, str], published: date | None) -> Casualty:
    source = _source_for(fig.anchor, sent, sources)
    return Casualty(
        count=fig.amount.value,
        qualifier=fig.amount.qualifier,
        category=fig.category,
        who=fig.who,
        source=source,
        place=_place(sent, fig.anchor),
        date=_date(sent, published, fig.anchor),
        evidence=sent.text,
        start=sent.start_char,
        end=sent.end_char,
        period=fig.period,
        cumulative=fig.cumulative,
    )
