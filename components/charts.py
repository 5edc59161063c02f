"""Pure frame → plotly Figure builders. No Streamlit here: each is tested on a small frame.

Hover text is built from article text, which is data: plotly renders a subset of HTML in hover
labels, so every value is escaped before it goes in.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import chain, cycle
import html
import re

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from components.ledger import toll_over_time

EVENT_COLOURS = {"visit": "#1f77b4", "talks": "#17becf", "vote": "#9467bd", "resolution": "#8c564b",
                 "statement": "#7f7f7f", "aid": "#2ca02c", "attack": "#d62728", "other": "#bcbd22"}
_FONT = dict(family="Source Sans Pro, sans-serif", size=12)
_MARGIN = dict(l=8, r=8, t=36, b=8)
_NO_ACTOR = ["(no actor)"]


@lru_cache(maxsize=8)
def _lines(width: int) -> re.Pattern:
    """Greedy lines of at most `width` characters broken at spaces, a longer word cut at `width`:
    what textwrap does for one-spaced text, at a tenth of its cost (thousands of hovers a chart)."""
    return re.compile(rf"(.{{1,{width}}})(?: |$)|(.{{{width}}})")


def hover_text(text: str | None, width: int = 70, limit: int = 400) -> str:
    """Escaped, wrapped with <br>, cut at `limit` characters: safe and readable in a hover box."""
    if not isinstance(text, str) or not text:
        return ""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit - 1].rsplit(" ", 1)[0] + "…"
    return "<br>".join(html.escape(a or b) for a, b in _lines(width).findall(text))


def _empty(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=html.escape(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_layout(title=title, xaxis_visible=False, yaxis_visible=False, height=220, margin=_MARGIN, font=_FONT)
    return fig


def toll_lines(casualties: pd.DataFrame, category: str, max_sources: int = 8) -> go.Figure:
    """How one category's toll grew, per source, across the articles that reported it; the
    `max_sources` sources with the most figures (more lines are a tangle; the ledger has them all)."""
    title = f"{category.capitalize()}: figures over time by source"
    d = toll_over_time(casualties, category)
    if not len(d):
        return _empty(title, f"No dated “{category}” figures in this view.")
    busiest = d["source_label"].value_counts()
    d = d[d["source_label"].isin(busiest.head(max_sources).index)].copy()
    if len(busiest) > max_sources:
        title += f" (the {max_sources} most frequent of {len(busiest)} sources)"
    d["hover"] = [f"<b>{html.escape(s)}</b>: {c:,}<br>as of {w:%Y-%m-%d}<br>{html.escape(str(t)[:100])}"
                  for s, c, w, t in zip(d["source_label"], d["count"], d["as_of"], d["article_title"])]
    # One line per source, as plotly express would draw it, built directly (express costs more than the lines).
    colours = cycle(px.colors.qualitative.Plotly)
    fig = go.Figure([go.Scatter(x=g["as_of"].to_numpy(), y=g["count"].to_numpy(), customdata=_column(g["hover"]),
                                name=source, legendgroup=source,
                                mode="lines+markers", line=dict(color=next(colours)), showlegend=True,
                                hovertemplate="%{customdata[0]}<extra></extra>")
                     for source, g in d.groupby("source_label", sort=False)])
    fig.update_layout(title=title, height=360, margin=_MARGIN, font=_FONT, yaxis_title=None, xaxis_title=None,
                      yaxis_tickformat=",", legend_title_text="source")
    return fig


def event_points(events: pd.DataFrame, max_actors: int = 25, max_points: int = 3000) -> pd.DataFrame:
    """One point per (event, actor), dated by the event, else by its article ("undated" marks it).
    Only the `max_actors` most active actors, and of their points the newest `max_points`: a denser
    chart is unreadable, and the table below the chart holds every event. `attrs` say how many
    points those actors have in all and how many actors there are, for the chart to say what it left out."""
    cols = ["actor", "when", "dated", "type", "hover", "article_id"]
    if not len(events):
        return pd.DataFrame(columns=cols)
    # Explode positions and names only, in numpy: copying the text columns for every actor, or
    # making a frame of a quarter of a million names, is most of the cost at ten thousand articles.
    names = [a if a is not None and len(a) else _NO_ACTOR for a in events["actors"]]
    rows = np.repeat(np.arange(len(events)), list(map(len, names)))
    codes, actors = pd.factorize(np.fromiter(chain.from_iterable(names), dtype=object, count=len(rows)))
    when = events["date"].fillna(events["article_published"]).to_numpy()[rows]
    known = ~pd.isna(when)
    per_actor = np.bincount(codes[known], minlength=len(actors))
    ranked = np.argsort(-per_actor, kind="stable")  # most points first; ties in order of appearance
    kept = ranked[:max_actors][per_actor[ranked[:max_actors]] > 0]
    mask = known & np.isin(codes, kept)
    total = int(mask.sum())
    idx = np.flatnonzero(mask)
    idx = idx[np.argsort(-when[idx].astype("int64"), kind="stable")][:max_points]
    d = pd.DataFrame({"row": rows[idx], "actor": actors[codes[idx]], "when": when[idx],
                      "dated": events["date"].notna().to_numpy()[rows[idx]]})
    # Hover text once per event, only for the events drawn: (before the date, after it).
    drawn_rows = np.unique(d["row"].to_numpy())
    drawn = events[["type", "place", "evidence", "article_title"]].iloc[drawn_rows]
    hover = {pos: (f"<b>{html.escape(str(t))}</b> · ",
                   f"{' · ' + html.escape(str(p)) if isinstance(p, str) and p else ''}<br>{hover_text(e)}"
                   f"<br><i>{hover_text(title, limit=100)}</i>")
             for pos, t, p, e, title in zip(drawn_rows, drawn["type"], drawn["place"], drawn["evidence"],
                                            drawn["article_title"])}
    picked = d["row"].to_numpy()
    d["type"] = events["type"].iloc[picked].to_numpy()
    d["article_id"] = events["article_id"].iloc[picked].to_numpy()
    d["hover"] = [f"{hover[r][0]}{w:%Y-%m-%d}{'' if dated else ' (article date)'}{hover[r][1]}"
                  for r, w, dated in zip(picked, d["when"], d["dated"])]
    out = d[cols].reset_index(drop=True)
    all_actors = int((per_actor > 0).sum())
    out.attrs.update(total=total, actors=min(max_actors, all_actors), all_actors=all_actors)
    return out


def timeline(events: pd.DataFrame, max_actors: int = 25, max_points: int = 3000) -> go.Figure:
    """Events on a date axis, one row per actor (the most active first), coloured by type; filled
    where the text dates the event, open where the article's date stands in. The title says when
    actors or points were left out. Traces are built directly: plotly express costs more than the points."""
    title = "Events by actor"
    d = event_points(events, max_actors, max_points)
    if not len(d):
        return _empty(title, "No events in this view.")
    title += _left_out(len(d), d.attrs.get("total", len(d)), d.attrs.get("actors", 0), d.attrs.get("all_actors", 0))
    order = list(d["actor"].value_counts().index)
    spare = iter(px.colors.qualitative.Plotly)
    colours = {t: EVENT_COLOURS.get(t) or next(spare) for t in d["type"].drop_duplicates()}
    traces = []
    for (kind, dated), g in d.groupby(["type", "dated"], sort=False):
        shown_as = "date in text" if dated else "article date"
        traces.append(go.Scatter(
            x=g["when"].to_numpy(), y=g["actor"].to_numpy(object), customdata=_column(g["hover"]), mode="markers",
            name=f"{kind}, {shown_as}",
            legendgroup=f"{kind}, {shown_as}", hovertemplate="%{customdata[0]}<extra></extra>",
            marker=dict(color=colours[kind], symbol="circle" if dated else "circle-open", size=11)))
    fig = go.Figure(traces)
    fig.update_layout(title=title, height=max(260, 90 + 30 * len(order)), margin=_MARGIN, font=_FONT,
                      legend_title_text="type", yaxis=dict(categoryorder="array", categoryarray=order[::-1]))
    return fig


def _column(values: pd.Series) -> np.ndarray:
    """A text column as plotly's customdata (one value a point), as a numpy array: plotly takes an
    array as is, where it walks a list value by value (a tenth of a second for a few thousand points)."""
    return values.to_numpy(object).reshape(-1, 1)


def _left_out(points: int, total: int, actors: int, all_actors: int) -> str:
    """" (the 25 most active of 310 actors; of their 12,345 points the newest 3,000)": what a capped
    chart leaves out, so that it never passes for the whole story (the table below has every event)."""
    parts = []
    if all_actors > actors:
        parts.append(f"the {actors} most active of {all_actors:,} actors")
    if total > points:
        parts.append(f"of {'their' if parts else 'the'} {total:,} points the newest {points:,}")
    return f" ({'; '.join(parts)})" if parts else ""
