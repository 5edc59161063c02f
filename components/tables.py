"""Tables as an editor reads them: chosen columns in a useful order, dates as dates, numbers with
separators, a link to the evidence in its article, and a CSV of exactly the rows shown."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from newsroom.export import to_csv

LINK = "open"
# table → shown columns, in order (those a frame lacks are skipped).
COLUMNS = {
    "casualties": ["count", "qualifier", "category", "who", "source", "place", "date", "article_published",
                   "article_title", "evidence", "review", "review_note", LINK],
    "quotes": ["quote", "speaker", "speaker_role", "cue", "kind", "article_published", "article_title", "sentence",
               "review", "review_note", LINK],
    "events": ["date", "type", "actors", "place", "evidence", "article_published", "article_title", "review",
               "review_note", LINK],
    "places": ["name", "canonical", "region", "country", "mentions", "lat", "lon", "article_published", "article_title", LINK],
    "actors": ["name", "type", "role", "mentions", "article_published", "article_title", LINK],
    "articles": ["published", "title", "source", "ref", "url", "ingested_at", LINK],
    "latest": ["category", "source_label", "count", "qualifier", "who", "place", "as_of", "article_title", LINK],
    "disagreements": ["category", "place", "who", "as_of", "sources", "low", "high", "spread"],
    "speakers": ["speaker", "quotes", "articles", "latest"],
    "map_points": ["place", "region", "country", "mentions", "articles", "names", "lat", "lon"],
}
_LABELS = {"article_published": "article date", "article_title": "article", "source_label": "source",
           "as_of": "as of", "review_note": "note", "speaker_role": "role", "date": "date", "published": "published"}
_DATES = {"date", "article_published", "published", "as_of", "latest"}
_COUNTS = {"count", "mentions", "low", "high", "quotes", "articles"}


def evidence_link(article_id: str, row_key: str | None = None) -> str:
    """A relative link to the Articles page reading this article, the row outlined."""
    return f"articles?read={article_id}" + (f"&focus={row_key}" if isinstance(row_key, str) and row_key else "")


def display_frame(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """The shown columns of `df`, lists joined, plus the evidence link where rows have an article."""
    d = df.copy()
    if "article_id" in d.columns or table == "articles":
        ids = d["id"] if table == "articles" else d["article_id"]
        keys = d["row_key"] if "row_key" in d.columns else [None] * len(d)
        d[LINK] = [evidence_link(i, k) for i, k in zip(ids, keys)]
    if "actors" in d.columns:
        d["actors"] = d["actors"].map(lambda a: "; ".join(a) if a is not None and not isinstance(a, str) else a)
    cols = [c for c in COLUMNS.get(table, list(d.columns)) if c in d.columns]
    return d[cols].reset_index(drop=True)


def column_config(columns: list[str]) -> dict:
    """Dates as dates, counts with thousands separators, coordinates to 3 places, links as links."""
    config: dict = {}
    for col in columns:
        label = _LABELS.get(col, col.replace("_", " "))
        if col in _DATES:
            config[col] = st.column_config.DateColumn(label, format="YYYY-MM-DD")
        elif col in _COUNTS:
            config[col] = st.column_config.NumberColumn(label, format="localized")
        elif col in ("lat", "lon"):
            config[col] = st.column_config.NumberColumn(label, format="%.3f")
        elif col == "spread":
            config[col] = st.column_config.NumberColumn(label, format="percent")
        elif col == "ingested_at":
            config[col] = st.column_config.DatetimeColumn("ingested", format="YYYY-MM-DD HH:mm")
        elif col == LINK:
            config[col] = st.column_config.LinkColumn("open", display_text="read ↗", width="small",
                                                      help="Open the article with this row highlighted")
        elif col in ("evidence", "sentence", "quote", "title", "article_title"):
            config[col] = st.column_config.TextColumn(label, width="large")
        else:
            config[col] = st.column_config.TextColumn(label)
    return config


def csv_of(shown: pd.DataFrame) -> str:
    """The CSV of what the table shows (without the in-app link), formula-safe. Dates go in as ISO
    text: to_csv's list check stumbles on an empty datetime column."""
    d = shown.drop(columns=[LINK], errors="ignore").copy()
    for col in d.columns:
        if pd.api.types.is_datetime64_any_dtype(d[col]):
            fmt = "%Y-%m-%d %H:%M" if col == "ingested_at" else "%Y-%m-%d"
            d[col] = d[col].dt.strftime(fmt).astype(object)
    return to_csv(d)


def show_table(df: pd.DataFrame, table: str, key: str, file_name: str, select: bool = False,
               height: int | str = "auto") -> pd.DataFrame | None:
    """st.dataframe + "Download CSV" of exactly these rows. With `select`, one row can be chosen
    (for review) and the chosen row of `df` is returned."""
    shown = display_frame(df, table)
    with st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"):
        st.caption(f"{len(shown):,} row{'s' if len(shown) != 1 else ''}")
        st.download_button("Download CSV", csv_of(shown), file_name=file_name, mime="text/csv",
                           key=f"{key}_csv", width="content", icon=":material/download:", type="tertiary")
    options = dict(on_select="rerun", selection_mode="single-row") if select else {}
    event = st.dataframe(shown, column_config=column_config(list(shown.columns)), hide_index=True,
                         width="stretch", height=height, key=key, **options)
    if not select:
        return None
    rows = event.selection.rows if event is not None and hasattr(event, "selection") else []
    return df.iloc[[rows[0]]] if rows and rows[0] < len(df) else None
