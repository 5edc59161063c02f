"""Places: the geographic names an article uses, as written, each geocoded offline.

The entity ruler (data/gazetteer.csv) and the statistical NER propose GPE, LOC and FAC spans; this
module decides which are places, how they were written, and where they are (newsroom/geo.py).

Conventions (shared/eval/README.md): one record per distinct name as written ("Gaza", "Gaza
Strip", "Khan Yunis"), `canonical` groups the variants for the map; countries, cities, camps,
regions, seas and crossings count; buildings (hospitals) and demonyms do not. A compass word before
a name ("southern Gaza") describes part of the place and is not part of its name, unless the whole
phrase is a name of its own ("South Africa", "East Jerusalem"). A camp is written with the word
("Al-Shati camp"). Names that resolve nowhere are kept with no coordinates, never put at (0, 0),
but only when the article uses them as places at least once ("in Qusra", "the village of Qusra"):
the small model tags surnames and headline words as GPE, and those never follow "in".
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from newsroom import geo
from newsroom.records import Place
from newsroom.resources import actors_table, gazetteer

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Gazetteer kinds that are buildings: in the ruler so their names are not misread, never in `places`.
_BUILDING_KINDS = frozenset({"hospital", "building", "facility"})
# Words before a name that pick out part of the place or describe it ("southern Gaza", "the occupied
# West Bank"); not part of the name unless the gazetteer knows the whole phrase ("East Jerusalem").
_MODIFIERS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west",
    "upper", "lower", "greater", "occupied",
})
# Words after a name that make it a camp's name ("Maghazi refugee camp").
_CAMP_TAILS = (("refugee", "camp"), ("camp",))
# Prepositions that put a name in a place role ("in Qusra", "near Beitunia").
_LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "into", "across", "outside", "around", "toward", "towards", "through",
    "inside", "via", "throughout", "within", "off", "along",
})
# "to" and "from" only after a verb of movement ("fled to Rafah", "returned from Kampala"): "compared
# to Hitler" and "a letter from Facebook" are not places.
_MOTION_PREPS = frozenset({"to", "from"})
_MOTION_VERBS = frozenset({
    "go", "travel", "flee", "move", "return", "come", "head", "fly", "drive", "walk", "deploy", "send",
    "evacuate", "relocate", "transfer", "arrive", "displace", "march", "bring", "take", "trip", "journey",
})
_LIST_WORDS = frozenset({"the", "and", "or", ","})
# Verbs whose object is a place ("was due to visit Michigan", "troops entered Beitunia").
_LOCATIVE_VERBS = frozenset({"visit", "leave", "reach", "enter", "tour", "evacuate", "flee", "invade", "raid"})
# Nouns that introduce a name as a place ("the village of Qusra", "the town of Beitunia").
_PLACE_NOUNS = frozenset({
    "village", "town", "city", "camp", "area", "district", "province", "region", "neighbourhood",
    "neighborhood", "suburb", "governorate", "municipality", "state", "capital", "port", "island",
    "outskirts", "border", "streets", "residents",
})
_TIME_LABELS = frozenset({"DATE", "TIME"})
# Gazetteer kinds that stay places before a capitalised word ("U.S. President", "Gaza War" in a headline).
_STATE_KINDS = frozenset({"country", "territory"})
# Words that, after a place name, make it the name of a broadcaster, paper or company ("Palestine TV").
_NAME_HEADS = frozenset({"TV", "Television", "Radio", "Times", "Post", "Airways", "Airlines", "Air", "News", "Today",
                         "Daily", "Herald", "Tribune", "Gazette", "Chronicle", "Journal"})
# Nouns that name a settlement's type: "the village of X" makes X a place whatever the model tagged.
_SETTLEMENT_NOUNS = frozenset({
    "village", "town", "city", "camp", "neighbourhood", "neighborhood", "district", "suburb",
    "governorate", "province", "municipality", "hamlet", "kibbutz", "moshav", "settlement",
})
# Labels the small model gives place names it does not know (Arabic village names come out PERSON or ORG).
_MISREAD_LABELS = frozenset({"PERSON", "ORG"})
# Words either side of a non-breaking space tried as one gazetteer name.
_NBSP_REACH = 3
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
_QUOTES = "\"'\u2018\u2019\u201c\u201d`"


@dataclass
class _Mention:
    written: str  # the name as the article writes it, cleaned of "the" and possessives
    label: str
    span: Span
    geo: geo.Geo | None = None


@lru_cache(maxsize=1)
def _names_with_the() -> frozenset[str]:
    """Gazetteer names whose "The" is part of the name ("The Hague")."""
    return frozenset(n for row in gazetteer().itertuples() for n in [row.name, *row.aliases] if n.startswith("The "))


def _clean(text: str) -> str:
    """Drop a leading "the", a trailing possessive, quotes and stray punctuation (not the last
    dot of an abbreviation: "U.S.")."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(_QUOTES + " ,;:()")
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1]
    if text.lower().startswith("the ") and text not in _names_with_the():
        text = text[4:]
    for end in _POSSESSIVE:
        if text.endswith(end) and len(text) > len(end) + 1:
            text = text[: -len(end)]
            break
    return text.strip(_QUOTES + " ,;:")


def _camp_tail(span: Span) -> str:
    """" refugee camp" / " camp" when the words right after the name make it a camp's name."""
    doc = span.doc
    for tail in _CAMP_TAILS:
        end = span.end + len(tail)
        if end <= len(doc) and [t.lower_ for t in doc[span.end:end]] == list(tail):
            return "".join(t.text_with_ws for t in doc[span.end:end - 1]) + doc[end - 1].text
    return ""


def _without_modifier(name: str) -> str | None:
    """"Gaza" for "southern Gaza", "West Bank" for "occupied West Bank"."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in _MODIFIERS:
        return " ".join(words[1:])
    return None


def _written_and_geo(span: Span) -> tuple[str, geo.Geo | None]:
    """The name as written and its gazetteer row, if it has one.

    "Nuseirat" before "refugee camp" is written "Nuseirat refugee camp" and resolved as Nuseirat;
    "southern Gaza" is written "Gaza" unless the gazetteer knows the whole phrase."""
    base = _clean(span.text)
    if base.isupper() and geo.curated(base):
        base = geo.spelling(base)  # a dateline: "KHAN YOUNIS, Gaza Strip (AP) —"
    tail = _camp_tail(span) if not base.lower().endswith("camp") else ""
    for name in (base + (" " + tail if tail else ""), base):
        hit = geo.curated(name)
        if hit:
            return base + (" " + tail if tail else ""), hit
    bare = _without_modifier(base)
    if bare:
        hit = geo.curated(bare)
        return bare + (" " + tail if tail else ""), hit
    return base + (" " + tail if tail else ""), None


@lru_cache(maxsize=1)
def _actor_names() -> frozenset[str]:
    """Every curated actor name and alias, as place keys."""
    return frozenset(geo.place_key(n) for row in actors_table().itertuples() for n in [row.canonical, *row.aliases])


@lru_cache(maxsize=1)
def _non_place_actors() -> frozenset[str]:
    """Curated people, organisations and groups: a GPE tag on one of these is the model's slip."""
    out: set[str] = set()
    for row in actors_table().itertuples():
        if row.type != "country":
            out.update(geo.place_key(n) for n in [row.canonical, *row.aliases])
    return frozenset(out)


def _person_words(doc: Doc, place_spans: set[tuple[int, int]]) -> frozenset[str]:
    """Words of the article's PERSON names: "Arouri" tagged GPE is Saleh al-Arouri. PERSON spans
    taken for places ("the village of Umm al-Khair") do not count."""
    return frozenset(w for e in doc.ents if e.label_ == "PERSON" and (e.start, e.end) not in place_spans
                     for w in geo.place_key(e.text).split())


def _named_as_settlement(span: Span) -> bool:
    """"the village of X", "X village", "X, a village in ...", "X, a Bedouin hamlet"."""
    doc, i, j = span.doc, span.start, span.end
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _SETTLEMENT_NOUNS:
        return True
    if j < len(doc) and doc[j].lower_ in _SETTLEMENT_NOUNS:
        return True
    noun = _appositive_noun(span)
    return noun is not None and noun.lower_ in _SETTLEMENT_NOUNS


def _appositive_noun(span: Span):
    """The noun of an apposition right after the name: "village" in "Burqa, a village near ...",
    "newspaper" in "Yedioth Ahronoth, a mass-market newspaper"; None if there is none."""
    doc, j = span.doc, span.end
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("a", "an", "the"):
        return None
    k = j + 2
    while k < len(doc) - 1 and (doc[k].pos_ in ("ADJ", "PROPN", "PUNCT") and doc[k].text != ","
                                or doc[k].pos_ == "NOUN" and doc[k + 1].pos_ == "NOUN"
                                and doc[k].lower_ not in _SETTLEMENT_NOUNS and doc[k + 1].lower_ not in _MODIFIERS):
        k += 1
    # "X, the ministry said": the noun is the subject of the next clause, not a description of X
    return doc[k] if doc[k].pos_ == "NOUN" and not doc[k].dep_.startswith("nsubj") else None


def _misread_place(span: Span, context: Counter) -> bool:
    """A PERSON or ORG span that is a place: a gazetteer name in capitals (a dateline the
    case-sensitive ruler missed), named as a settlement ("the village of Umm al-Khair"), or used as
    a place ("in Qabatiya") where a city of that name lies in a country the article already
    places things in."""
    if span.text.isupper() and len(span.text) > 3 and geo.curated(span.text):
        return True
    if _named_as_settlement(span):
        return True
    if not _locative(span):
        return False
    hit = geo.city(_clean(span.text), context)
    return hit is not None and context.get(hit.country, 0) > 0


def _described_otherwise(span: Span) -> bool:
    noun = _appositive_noun(span)
    return noun is not None and noun.lower_ not in _SETTLEMENT_NOUNS | _PLACE_NOUNS


def _inside_name(span: Span) -> bool:
    """A place name that begins a longer name: "Palestine TV", "Agence France-Presse", "Tel Aviv
    University", "Super Tuesday": the next word is a capitalised name word that is neither a date
    nor another place. A country keeps its place before a title ("U.S. President Joe Biden")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if not span[-1].whitespace_ and nxt.text == "-" and span.end + 1 < len(doc):
        after = doc[span.end + 1]
        return after.is_title and geo.curated(after.text) is None and geo.place_key(after.text) not in _actor_names()
    if not span[-1].whitespace_ or nxt.ent_type_ in _PLACE_LABELS | _TIME_LABELS:
        return False
    if nxt.text in _NAME_HEADS or (nxt.is_upper and nxt.is_alpha and len(nxt) > 1):
        return True
    if nxt.pos_ != "PROPN" or not nxt.is_title:
        return False
    hit = geo.curated(_clean(span.text))
    return hit is None or hit.kind not in _STATE_KINDS


def _plausible(m: _Mention, person_words: frozenset[str]) -> bool:
    """Whether an unlisted name can be a place at all: a proper noun, not a person's name or a
    curated actor, not a demonym ("Gazan"), and not a building the model tagged FAC."""
    if m.label == "FAC" or not m.written or not m.written[0].isupper() or m.written.isupper():
        return False
    if not any(t.pos_ == "PROPN" for t in m.span):
        return False
    key = geo.place_key(m.written)
    if key in _non_place_actors() or not key:
        return False
    if set(key.split()) & person_words:
        return False
    return not geo.is_demonym(m.written)


def _locative(span: Span) -> bool:
    """Used as a place: after a locative preposition, or "the village of ...", and not as the
    modifier of a common noun ("in the Gulf Arab state"; "in Burqa village" is still a place)."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].lower_ not in _SETTLEMENT_NOUNS:
        return False
    i = span.start - 1
    # back over modifiers and over the places listed before this one ("in Jenin, Tubas and Qabatiya")
    while i >= 0 and (doc[i].lower_ in _MODIFIERS | _LIST_WORDS or doc[i].ent_type_ in _PLACE_LABELS):
        i -= 1
    if i < 0:
        return False
    prev = doc[i]
    if prev.lower_ in _LOCATIVE_PREPS or (prev.pos_ == "VERB" and prev.lemma_ in _LOCATIVE_VERBS):
        return True
    if prev.lower_ in _MOTION_PREPS and prev.head.lemma_ in _MOTION_VERBS:
        return True
    return prev.lower_ == "of" and i > 0 and doc[i - 1].lower_ in _PLACE_NOUNS | _SETTLEMENT_NOUNS


def _resolve_rest(mentions: list[_Mention], context: Counter, person_words: frozenset[str]) -> None:
    """Names the gazetteer lacks: a typing slip of one it has, a city, a country, or nothing."""
    for m in mentions:
        if m.geo is not None or m.label == "FAC":
            continue
        if set(geo.place_key(m.written).split()) & person_words:
            continue
        m.geo = geo.us_state(m.written, context) or geo.country(m.written)
        if m.geo is None and _plausible(m, person_words):
            m.geo = _city_or_slip(m.written, context)


def _city_or_slip(name: str, context: Counter) -> geo.Geo | None:
    """A real city in a country the article names beats a near-miss of a gazetteer name ("Columbia"
    in a US story is not "Colombia"); otherwise the near-miss ("Nuserirat"), then any city."""
    city = geo.city(name, context)
    if city is not None and context.get(city.country, 0) > 0:
        return city
    return geo.curated_fuzzy(name) or city


def _keep(m: _Mention, locative_names: set[str]) -> bool:
    if m.geo is not None:
        return m.geo.kind not in _BUILDING_KINDS
    return geo.place_key(m.written) in locative_names


def _nbsp_names(doc: Doc) -> list[Span]:
    """Gazetteer names written with a non-breaking space ("West\u00a0Bank"): the tokenizer makes the
    space a token of its own, so neither the ruler's phrase patterns nor the model see one name.
    Only the few spots where the text has such a space are looked at."""
    out: list[Span] = []
    at = doc.text.find("\u00a0")
    while at != -1:
        tok = doc.char_span(at, at + 1, alignment_mode="expand")
        i = tok.start if tok is not None else -1
        # only between name words: copy that puts non-breaking spaces everywhere stays cheap
        if 0 < i < len(doc) - 1 and "PROPN" in (doc[i - 1].pos_, doc[i + 1].pos_):
            spans = [doc[i - left:i + 1 + right] for left in range(_NBSP_REACH, 0, -1)
                     for right in range(_NBSP_REACH, 0, -1) if i - left >= 0 and i + 1 + right <= len(doc)]
            hit = next((sp for sp in sorted(spans, key=len, reverse=True) if geo.curated(_clean(sp.text))), None)
            if hit is not None and not (out and out[-1].end > hit.start):
                out.append(hit)
        at = doc.text.find("\u00a0", at + 1)
    return out


def extract_places(doc: Doc) -> list[Place]:
    """One Place per distinct name as written, in order of first mention, with its mention count."""
    mentions: list[_Mention] = []
    nbsp = _nbsp_names(doc)
    covered = {i for sp in nbsp for i in range(sp.start, sp.end)}
    for sp in nbsp:
        written, hit = _written_and_geo(sp)
        mentions.append(_Mention(written, "GPE", sp, hit))
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS or covered.intersection(range(ent.start, ent.end)):
            continue
        if _inside_name(ent):
            continue
        written, hit = _written_and_geo(ent)
        # "the village of Novoselivka Persha": a settlement, whatever the model took it for
        label = "GPE" if ent.label_ == "FAC" and _named_as_settlement(ent) else ent.label_
        if written:
            mentions.append(_Mention(written, label, ent, hit))
    context = Counter(m.geo.country for m in mentions if m.geo and m.geo.country)
    for ent in doc.ents:
        if ent.label_ in _MISREAD_LABELS and not covered.intersection(range(ent.start, ent.end)) \
                and _misread_place(ent, context):
            written, hit = _written_and_geo(ent)
            mentions.append(_Mention(written, "GPE", ent, hit))
    if not mentions:
        return []
    mentions.sort(key=lambda m: m.span.start)
    person_words = _person_words(doc, {(m.span.start, m.span.end) for m in mentions})
    _resolve_rest(mentions, context, person_words)
    locative_names = {geo.place_key(m.written) for m in mentions
                      if m.geo is None and _plausible(m, person_words) and _locative(m.span)}
    # an apposition that names something else unmakes it: "Yedioth Ahronoth, a mass-market newspaper"
    locative_names -= {geo.place_key(m.written) for m in mentions if m.geo is None and _described_otherwise(m.span)}
    places: dict[str, Place] = {}
    for m in mentions:
        if not _keep(m, locative_names):
            continue
        key = geo.place_key(m.written)
        if key in places:
            places[key].mentions += 1
            continue
        g = m.geo
        places[key] = Place(
            name=m.written,
            canonical=g.canonical if g else m.written,
            lat=g.lat if g else None,
            lon=g.lon if g else None,
            region=g.region if g else None,
            country=g.country if g else None,
        )
    return list(places.values())
