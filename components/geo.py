"""The map: places grouped by their canonical name, the bundled boundaries, and the four views.

The map must draw without the internet: its style is plotly's built-in "white-bg" (no remote
style, no fonts, since there are no text layers), the boundaries come from data/boundaries.geojson,
and OpenStreetMap's raster tiles are only an extra layer under them that shows when the browser
can reach them.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import cycle
import html
import json
from pathlib import Path

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from components.charts import hover_text

BOUNDARIES = Path(__file__).resolve().parent.parent / "data" / "boundaries.geojson"
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_CREDIT = "© OpenStreetMap contributors"
OSM_PROBE = "https://tile.openstreetmap.org/0/0/0.png"  # one small tile: can the browser reach the server?
# name → (centre lat, centre lon, zoom)
VIEWS = {
    "Gaza": (31.42, 34.38, 9.3),
    "West Bank": (31.95, 35.28, 8.2),
    "Region": (31.8, 36.5, 5.0),
    "World": (25.0, 20.0, 1.0),
}
_HOVER_ITEMS = 6  # figures and articles listed in a place's hover box
_PLACE_COLUMNS = ["name", "canonical", "lat", "lon", "region", "country", "mentions", "article_id",
                  "article_published", "article_title"]
# A figure's columns the hover uses (its article's date comes with every frame).
FIGURE_COLUMNS = ("place", "count", "category", "date", "source")
_SIZE_MAX = 28  # the largest point's diameter in pixels


def _canonical(places: pd.DataFrame) -> pd.Series:
    return places["canonical"].where(places["canonical"].notna() & (places["canonical"] != ""), places["name"])


def map_points(places: pd.DataFrame, casualties: pd.DataFrame | None = None) -> pd.DataFrame:
    """One point per canonical place with coordinates: its mentions summed over the articles, the
    names it was written as, and for the hover its figures (casualties placed there) and articles."""
    cols = ["place", "lat", "lon", "region", "country", "mentions", "articles", "names", "hover"]
    if not len(places):
        return pd.DataFrame(columns=cols)
    # Only the columns used: every step below copies its rows, and the rest of a row is weight.
    d = places[_PLACE_COLUMNS].dropna(subset=["lat", "lon"])
    if not len(d):
        return pd.DataFrame(columns=cols)
    d = d.assign(place=_canonical(d)).drop(columns="canonical")
    g = d.groupby("place", sort=False)
    out = g.agg(lat=("lat", "first"), lon=("lon", "first"), region=("region", "first"), country=("country", "first"),
                mentions=("mentions", "sum"), articles=("article_id", "nunique"))
    out["region"] = out["region"].fillna("other")
    out["mentions"] = out["mentions"].astype("int64")
    # Written names from the distinct (place, name) pairs: a few hundred, not a row per mention.
    pairs = d[["place", "name"]].drop_duplicates().sort_values("name")
    out["names"] = pairs.groupby("place", sort=False)["name"].agg(", ".join)
    # Newest articles first, a few per place: the hover is a glance, the table has the rest.
    titled = (d[["place", "article_id", "article_published", "article_title"]]
              .sort_values("article_published", ascending=False, na_position="last", kind="stable"))
    titled = titled[~titled.duplicated(["place", "article_id"])]
    shown = titled.groupby("place", sort=False).head(_HOVER_ITEMS)
    lines = [(f"{day:%Y-%m-%d} " if pd.notna(day) else "") + hover_text(t, limit=80)
             for day, t in zip(shown["article_published"], shown["article_title"])]
    article_lines = pd.Series(lines, index=shown.index).groupby(shown["place"]).agg(list)
    figures = _figures_by_place(d, casualties)
    out["hover"] = [_hover(place, m, figures.get(place, ([], 0)), article_lines.get(place, []), n)
                    for place, m, n in zip(out.index, out["mentions"], out["articles"])]
    out = out.reset_index()[cols]
    return out.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)


def _figures_by_place(places: pd.DataFrame, casualties: pd.DataFrame | None) -> dict[str, tuple[list[str], int]]:
    """canonical place → (the newest "31,988 killed (2024-03-22, health ministry)" lines, how many in
    all). A figure's place is as written, so it is matched through every written name of the place."""
    if casualties is None or not len(casualties):
        return {}
    pairs = places[["name", "place"]].drop_duplicates()  # distinct spellings: a dict of hundreds, not of every row
    to_canonical = {str(n).lower(): c for n, c in zip(pairs["name"], pairs["place"])}
    to_canonical.update({str(c).lower(): c for c in pairs["place"].drop_duplicates()})
    c = casualties[[*FIGURE_COLUMNS, "article_published"]].dropna(subset=["place"])
    c = c.assign(canon=c["place"].str.lower().map(to_canonical)).dropna(subset=["canon"])
    if not len(c):
        return {}
    c = c.assign(as_of=c["date"].fillna(c["article_published"])).sort_values("as_of", ascending=False, na_position="last")
    totals = c.groupby("canon").size()
    top = c.groupby("canon", sort=False).head(_HOVER_ITEMS)
    out: dict[str, tuple[list[str], int]] = {}
    for canon, count, category, as_of, source in zip(top["canon"], top["count"], top["category"], top["as_of"], top["source"]):
        day = f"{as_of:%Y-%m-%d}" if pd.notna(as_of) else "undated"
        who = f", {source}" if isinstance(source, str) and source else ""
        out.setdefault(canon, ([], int(totals[canon])))[0].append(f"{count:,} {category} ({day}{who})")
    return out


def _hover(place: str, mentions: int, figures: tuple[list[str], int], articles: list[str], n_articles: int) -> str:
    lines = [f"<b>{html.escape(place)}</b> · {mentions:,} mentions"]
    shown, total = figures
    if shown:
        lines.append("<i>Figures</i>")
        lines += [hover_text(f, limit=90) for f in shown]
        if total > len(shown):
            lines.append(f"… and {total - len(shown)} more")
    lines.append(f"<i>Articles ({n_articles})</i>")
    lines += articles
    if n_articles > len(articles):
        lines.append(f"… and {n_articles - len(articles)} more")
    return "<br>".join(lines)


@lru_cache(maxsize=4)
def _read_geojson(path: str, mtime: float) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_boundaries(path: Path = BOUNDARIES) -> dict | None:
    """The bundled outlines, or None while the file does not exist."""
    try:
        return _read_geojson(str(path), path.stat().st_mtime)
    except (OSError, ValueError):
        return None


def base_layers(boundaries: dict | None, tiles: bool = True) -> list[dict]:
    """OpenStreetMap raster tiles (when reachable) under a light fill and the outlines."""
    layers: list[dict] = []
    if tiles:
        layers.append(dict(sourcetype="raster", source=[OSM_TILES], below="traces", sourceattribution=OSM_CREDIT))
    if boundaries:
        layers.append(dict(sourcetype="geojson", source=boundaries, type="fill", color="rgba(120,120,120,0.08)",
                           below="traces"))
        layers.append(dict(sourcetype="geojson", source=boundaries, type="line", color="#555555",
                           line=dict(width=1), below="traces"))
    return layers


def place_map(points: pd.DataFrame, view: str = "Region", boundaries: dict | None = None,
              tiles: bool = True) -> go.Figure:
    """Points sized by mentions and coloured by region over the boundaries (and tiles)."""
    lat, lon, zoom = VIEWS.get(view, VIEWS["Region"])
    # One trace per region, as plotly express would draw it (sized by area, its default colours),
    # built directly: express spends more on a map than the points do.
    traces = []
    if len(points):
        sizeref = 2.0 * max(float(points["mentions"].max()), 1.0) / _SIZE_MAX ** 2
        colours = cycle(px.colors.qualitative.Plotly)
        for region, g in points.groupby("region", sort=False):
            traces.append(go.Scattermap(  # numpy arrays: plotly takes them as they are
                lat=g["lat"].to_numpy(), lon=g["lon"].to_numpy(), customdata=g["hover"].to_numpy(object).reshape(-1, 1),
                name=region, legendgroup=region, mode="markers", hovertemplate="%{customdata[0]}<extra></extra>",
                showlegend=True, subplot="map", marker=dict(color=next(colours), size=g["mentions"].to_numpy(),
                                                            sizemode="area", sizeref=sizeref)))
    fig = go.Figure(traces or [go.Scattermap(lat=[], lon=[])])
    fig.update_layout(
        map=dict(style="white-bg", center=dict(lat=lat, lon=lon), zoom=zoom, layers=base_layers(boundaries, tiles)),
        height=560, margin=dict(l=0, r=0, t=0, b=0), legend=dict(title="region", yanchor="top", y=0.99, x=0.01,
                                                                  bgcolor="rgba(255,255,255,0.8)"))
    return fig
