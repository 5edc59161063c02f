"""Pure frame → plotly Figure builders. No Streamlit here: each is tested on a small frame.

Hover text is built from article text, which is data: plotly renders a subset of HTML in hover
labels, so every value is escaped before it goes in.
"""
from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from components.ledger import toll_over_time

EVENT_COLOURS = {"visit": "#1f77b4", "talks": "#17becf", "vote": "#9467bd", "resolution": "#8c564b",
                 "statement": "#7f7f7f", "aid": "#2ca02c", "attack": "#d62728", "other": "#bcbd22"}
_FONT = dict(family="Source Sans Pro, sans-serif", size=12)
_MARGIN = dict(l=8, r=8, t=36, b=8)


def hover_text(text: str | None, width: int = 70, limit: int = 400) -> str:
    """Escaped, wrapped with <br>, cut at `limit` characters: safe and readable in a hover box."""
    if not isinstance(text, str) or not text:
        return ""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit - 1].rsplit(" ", 1)[0] + "…"
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width))


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
    fig = px.line(d, x="as_of", y="count", color="source_label", markers=True, custom_data=["hover"],
                  labels={"source_label": "source", "as_of": "as of"})
    fig.update_traces(hovertemplate="%{customdata[0]}<extra></extra>")
    fig.update_layout(title=title, height=360, margin=_MARGIN, font=_FONT, yaxis_title=None, xaxis_title=None,
                      yaxis_tickformat=",", legend_title_text="source")
    return fig


def event_points(events: pd.DataFrame, max_actors: int = 25, max_points: int = 3000) -> pd.DataFrame:
    """One point per (event, actor), dated by the event, else by its article ("undated" marks it).
    Only the `max_actors` most active actors, and of their points the newest `max_points`: a denser
    chart is unreadable, and the table below the chart holds every event."""
    cols = ["actor", "when", "dated", "type", "hover", "article_id"]
    if not len(events):
        return pd.DataFrame(columns=cols)
    d = events[["date", "type", "actors", "place", "evidence", "article_published", "article_title", "article_id"]].copy()
    d["actor"] = d["actors"].map(lambda a: list(a) if a is not None and len(a) else ["(no actor)"])
    d = d.explode("actor")
    d["dated"] = d["date"].notna()
    d["when"] = d["date"].fillna(d["article_published"])
    d = d.dropna(subset=["when"])
    top = d["actor"].value_counts().head(max_actors).index
    d = d[d["actor"].isin(top)].sort_values("when", ascending=False).head(max_points)
    d["hover"] = [
        f"<b>{html.escape(str(t))}</b> · {w:%Y-%m-%d}{'' if dated else ' (article date)'}"
        f"{' · ' + html.escape(str(p)) if isinstance(p, str) and p else ''}<br>{hover_text(e)}"
        f"<br><i>{hover_text(title, limit=100)}</i>"
        for t, w, dated, p, e, title in zip(d["type"], d["when"], d["dated"], d["place"], d["evidence"], d["article_title"])]
    return d[cols].reset_index(drop=True)


def timeline(events: pd.DataFrame, max_actors: int = 25) -> go.Figure:
    """Events on a date axis, one row per actor (the most active first), coloured by type."""
    title = "Events by actor"
    d = event_points(events, max_actors)
    if not len(d):
        return _empty(title, "No events in this view.")
    order = list(d["actor"].value_counts().index)
    d["shown as"] = d["dated"].map({True: "date in text", False: "article date"})
    fig = px.scatter(d, x="when", y="actor", color="type", symbol="shown as", custom_data=["hover"],
                     color_discrete_map=EVENT_COLOURS, symbol_map={"date in text": "circle", "article date": "circle-open"},
                     category_orders={"actor": order})
    fig.update_traces(marker_size=11, hovertemplate="%{customdata[0]}<extra></extra>")
    fig.update_layout(title=title, height=max(260, 90 + 30 * len(order)), margin=_MARGIN, font=_FONT,
                      xaxis_title=None, yaxis_title=None, legend_title_text="type")
    return fig
