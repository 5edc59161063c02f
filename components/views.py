"""What each page shows, as plain data: the frames and figures of a page for given filters.

Pages render these; the benchmark times them without Streamlit. `reader` is anything with the
Store's `frame(table, filters)` (the Store itself, or the dashboard's cached wrapper).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import pandas as pd
import plotly.graph_objects as go

from components import charts, geo, ledger
from newsroom.store import Filters


class Reader(Protocol):
    def frame(self, table: str, filters: Filters = ...) -> pd.DataFrame: ...


@runtime_checkable
class Summarizer(Reader, Protocol):
    """A reader that counts and groups where the rows are stored (the Store): the Overview asks it
    rather than moving a hundred thousand quotes into pandas to count them. Its `frame` also takes
    `columns=`, the table's own columns to read."""
    def frame(self, table: str, filters: Filters = ..., with_text: bool = ...,
              columns: tuple[str, ...] | None = ...) -> pd.DataFrame: ...
    def counts(self, filters: Filters = ...) -> dict[str, int]: ...
    def most_quoted(self, filters: Filters = ..., limit: int = ...) -> pd.DataFrame: ...
    def newest(self, table: str, filters: Filters = ..., limit: int = ...) -> pd.DataFrame: ...


ARTICLE_META = ["id", "ref", "title", "published", "source", "url", "author", "origin", "ingested_at"]


def article_list(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles without their text, which is heavy and not for listing."""
    return articles[[c for c in ARTICLE_META if c in articles.columns]]


def as_of(articles: pd.DataFrame):
    """The newest article's date: what every page's figures are "as of"."""
    return articles["published"].max() if len(articles) and articles["published"].notna().any() else None


def most_quoted(quotes: pd.DataFrame, limit: int = 15) -> pd.DataFrame:
    """Speakers by number of quotes (fragments left out), with the articles and the latest date."""
    cols = ["speaker", "quotes", "articles", "latest"]
    q = quotes[quotes["speaker"].notna() & (quotes["kind"] != "fragment")] if len(quotes) else quotes
    if not len(q):
        return pd.DataFrame(columns=cols)
    g = q.groupby("speaker").agg(quotes=("quote", "size"), articles=("article_id", "nunique"),
                                 latest=("article_published", "max")).reset_index()
    return g.sort_values(["quotes", "latest"], ascending=[False, False]).head(limit)[cols].reset_index(drop=True)


def latest_events(events: pd.DataFrame, limit: int = 10) -> pd.DataFrame:
    if not len(events):
        return events
    # stable: among events of one day, the frame's order (newest article first), as Store.newest has it
    d = events.assign(_when=events["date"].fillna(events["article_published"]))
    return d.sort_values("_when", ascending=False, na_position="last", kind="stable").head(limit).drop(columns="_when")


@dataclass
class Overview:
    articles: pd.DataFrame
    casualties: pd.DataFrame
    latest: pd.DataFrame
    speakers: pd.DataFrame
    events: pd.DataFrame
    counts: dict[str, int]
    as_of: object


def overview(reader: Reader, filters: Filters) -> Overview:
    """The Overview's numbers and short lists. A reader that can count and group in SQL (the Store)
    is asked for them; any other reader's frames give the same ones."""
    articles = article_list(reader.frame("articles", filters))
    casualties = reader.frame("casualties", filters)
    latest = ledger.latest_figures(casualties)
    if isinstance(reader, Summarizer):
        counts, speakers, events = reader.counts(filters), reader.most_quoted(filters), reader.newest("events", filters)
    else:
        counts, speakers, events = _summary(reader, filters)
        counts = {"articles": len(articles), "figures": len(casualties), **counts}
    return Overview(articles, casualties, latest, speakers, events, counts, as_of(articles))


def _summary(reader: Reader, filters: Filters) -> tuple[dict[str, int], pd.DataFrame, pd.DataFrame]:
    """Quote, event and place counts, most quoted and latest events from whole frames (what a
    `Summarizer` does in SQL)."""
    quotes, events, places = (reader.frame(t, filters) for t in ("quotes", "events", "places"))
    counts = {"quotes": len(quotes), "events": len(events),
              "places": int(places["canonical"].fillna(places["name"]).nunique()) if len(places) else 0}
    return counts, most_quoted(quotes), latest_events(events)


@dataclass
class Casualties:
    ledger: pd.DataFrame
    latest: pd.DataFrame
    disagreements: pd.DataFrame
    categories: list[str]
    toll_chart: go.Figure | None


def casualties(reader: Reader, filters: Filters, category: str | None = None) -> Casualties:
    rows = reader.frame("casualties", filters)
    latest = ledger.latest_figures(rows)
    present = set(rows["category"].dropna().unique()) if len(rows) else set()
    categories = [c for c in ledger.CATEGORY_ORDER if c in present] + sorted(present - set(ledger.CATEGORY_ORDER))
    chosen = category if category in present else (categories[0] if categories else None)
    return Casualties(rows, latest, ledger.disagreements(rows), categories,
                      charts.toll_lines(rows, chosen) if chosen else None)


@dataclass
class Timeline:
    events: pd.DataFrame
    chart: go.Figure


def timeline(reader: Reader, filters: Filters, types: tuple[str, ...] = ()) -> Timeline:
    events = reader.frame("events", filters)
    if types and len(events):
        events = events[events["type"].isin(types)]
    return Timeline(events, charts.timeline(events))


@dataclass
class Map:
    places: pd.DataFrame
    points: pd.DataFrame
    chart: go.Figure
    boundaries: bool


def place_map(reader: Reader, filters: Filters, view: str = "Region", tiles: bool = False) -> Map:
    places = reader.frame("places", filters)
    # The figures only feed the hover: a Store reads just the columns it uses.
    figures = (reader.frame("casualties", filters, columns=geo.FIGURE_COLUMNS) if isinstance(reader, Summarizer)
               else reader.frame("casualties", filters))
    points = geo.map_points(places, figures)
    boundaries = geo.load_boundaries()
    return Map(places, points, geo.place_map(points, view, boundaries, tiles), boundaries is not None)


def quotes(reader: Reader, filters: Filters, search: str = "", speakers: tuple[str, ...] = (),
           fragments: bool = False) -> pd.DataFrame:
    """Quotes narrowed by the page's own search (the quote, its sentence, the speaker and the role
    their article gives them) and speakers; fragments only when asked for."""
    q = reader.frame("quotes", filters)
    if not len(q):
        return q
    if not fragments:
        q = q[q["kind"] != "fragment"]
    if speakers:
        q = q[q["speaker"].isin(speakers)]
    if search.strip():
        needle = search.strip().lower()
        role = q["speaker_role"].fillna("") if "speaker_role" in q.columns else ""
        hay = (q["quote"].fillna("") + " " + q["speaker"].fillna("") + " " + role + " "
               + q["sentence"].fillna("")).str.lower()
        q = q[hay.str.contains(needle, regex=False)]
    return q.reset_index(drop=True)
