"""Streamlit glue shared by every page: the store (opened once per server), cached frames, the
sidebar filters (each bound to the URL under its key) and the "as of" line."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import filters as F
from components.data import SharedStore, store_path
from components.views import article_list
from newsroom.store import Filters

_FILTERS = "_filters"  # session-state slot where the sidebar leaves this run's Filters


@st.cache_resource(show_spinner=False)
def _open(path: str) -> SharedStore:
    return SharedStore.open(path)


def shared() -> SharedStore:
    """The store named by NEWSROOM_DB (or the default), opened once for the whole server."""
    return _open(store_path())


# cache_resource, not cache_data: cache_data unpickles a copy on every hit, a second for a large
# events table (its actor lists are Python objects). Callers never change a frame in place.
@st.cache_resource(max_entries=64, show_spinner=False)
def _cached_frame(path: str, generation: int, table: str, filters: Filters, columns: tuple[str, ...] | None,
                  _store: SharedStore) -> pd.DataFrame:
    frame = _store.frame(table, filters, columns=columns)
    return article_list(frame) if table == "articles" else frame


@st.cache_resource(max_entries=64, show_spinner=False)
def _cached_summary(path: str, generation: int, method: str, args: tuple, _store: SharedStore):
    """counts / most_quoted / newest, grouped in SQL, cached like the frames."""
    return getattr(_store, method)(*args)


@st.cache_resource(max_entries=8, show_spinner=False)
def _cached_actor_counts(path: str, generation: int, _store: SharedStore) -> pd.DataFrame:
    return _store.actor_counts()


class CachedReader:
    """The Store's reads, cached until the next write; articles come without their text. It is a
    `views.Summarizer`: the Overview's counts and lists are grouped in SQL."""

    def __init__(self, store: SharedStore):
        self.store = store

    def frame(self, table: str, filters: Filters = Filters(),
              columns: tuple[str, ...] | None = None) -> pd.DataFrame:
        return _cached_frame(self.store.path, self.store.generation, table, filters,
                             tuple(columns) if columns else None, self.store)

    def _summary(self, method: str, *args):
        return _cached_summary(self.store.path, self.store.generation, method, args, self.store)

    def counts(self, filters: Filters = Filters()) -> dict[str, int]:
        return self._summary("counts", filters)

    def most_quoted(self, filters: Filters = Filters(), limit: int = 15) -> pd.DataFrame:
        return self._summary("most_quoted", filters, limit)

    def newest(self, table: str, filters: Filters = Filters(), limit: int = 10) -> pd.DataFrame:
        return self._summary("newest", table, filters, limit)

    def actor_counts(self) -> pd.DataFrame:
        return _cached_actor_counts(self.store.path, self.store.generation, self.store)


def reader() -> CachedReader:
    return CachedReader(shared())


def sidebar() -> Filters:
    """Draw the filters every page shares; return them (and keep them for the page script)."""
    r = reader()
    counts = r.actor_counts()
    articles = r.frame("articles")
    labels = F.article_labels(articles)
    keep = list(st.session_state.get(F.ACTOR) or []) + st.query_params.get_all(F.ACTOR)
    with st.sidebar:
        st.markdown("### Filters")
        st.multiselect("Actors", F.actor_options(counts, keep), key=F.ACTOR, bind="query-params",
                       placeholder="Anyone", help="Canonical names, most mentioned first. Quotes: the speaker; "
                       "events: an actor; figures: named in the source; other tables: articles naming them.")
        st.caption(F.actor_caption(counts, st.session_state.get(F.ACTOR) or []))
        st.date_input("Dates", value=(), min_value=F.DATE_MIN, max_value=F.DATE_MAX, key=F.DATES,
                      bind="query-params", format="YYYY-MM-DD", help="From – to, inclusive")
        st.radio("Date by", list(F.BASES), key=F.BASIS, bind="query-params", horizontal=True,
                 help="The article's publication date, or the figure's or event's own date where the text gives one")
        st.multiselect("Sources", F.source_options(articles), key=F.SOURCE, bind="query-params",
                       placeholder="Every outlet")
        linked = list(st.session_state.get(F.ARTICLE) or []) + st.query_params.get_all(F.ARTICLE)
        st.multiselect("Articles", F.first_options(list(labels), linked), key=F.ARTICLE, bind="query-params",
                       placeholder="Every article", help="The 1,000 newest, and any already chosen")
        st.text_input("Search text", key=F.TEXT, bind="query-params", placeholder="words in quotes, evidence, places…")
        st.checkbox("Hide rows marked wrong", key=F.HIDE_WRONG, bind="query-params")
    chosen = F.build_filters(st.session_state, articles, labels)
    st.session_state[_FILTERS] = chosen
    return chosen


def current_filters() -> Filters:
    return st.session_state.get(_FILTERS, Filters())


def as_of_line(articles: pd.DataFrame, filters: Filters) -> str:
    newest = articles["published"].max() if len(articles) else None
    when = f"{newest:%d %b %Y}" if newest is not None and pd.notna(newest) else "no dated article"
    n = len(articles)
    return f"As of **{when}** (newest article in view) · {n:,} article{'' if n == 1 else 's'} · {F.describe(filters)}"
