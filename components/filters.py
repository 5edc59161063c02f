"""The sidebar's values → the engine's `Filters`, and the options the sidebar offers.

Every filter widget is bound to the URL under its key, and a bound widget writes its *displayed*
option into the URL. So options are shown as the plain values a link should carry (an actor's
canonical name, a source's name), and the counts go beside the widget, not inside the option.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Mapping, Sequence

import pandas as pd

from components.labels import person_label
from newsroom.store import Filters

# Widget keys = URL parameter names.
ACTOR, DATES, SOURCE, ARTICLE, TEXT, BASIS, HIDE_WRONG = "actor", "dates", "source", "article", "q", "basis", "hide_wrong"
# How the reader dates a row: the article's publication, or the figure's / event's own date.
BASES = {"article": "article", "figure/event": "record"}
# Bounds wide enough that no shared link's dates are ever refused.
DATE_MIN, DATE_MAX = date(1990, 1, 1), date(2100, 12, 31)
_NO_ARTICLE = "∅"  # an article id no article has: the filters matched nothing
_ACTOR_OPTIONS = 2000  # beyond this the list is noise; chosen and linked names are always kept


def actor_options(counts: pd.DataFrame, keep: Iterable[str] = (), limit: int = _ACTOR_OPTIONS) -> list[str]:
    """Canonical names, most mentioned first; names already chosen (or in a link) stay offered."""
    names = list(counts["name"].head(limit)) if len(counts) else []
    seen = set(names)
    return names + [k for k in keep if k not in seen and (seen.add(k) or True)]


def actor_caption(counts: pd.DataFrame, chosen: Sequence[str], top: int = 5) -> str:
    """"Antony Blinken · US Secretary of State · 14 mentions in 5 articles" for each chosen actor
    (with the role the articles give, where they give one), or the most mentioned, names only."""
    if not len(counts):
        return "No actors yet."
    by_name = counts.set_index("name")
    picked = [n for n in chosen if n in by_name.index]
    names = picked or list(counts["name"].head(top))
    roles = by_name["role"] if picked and "role" in by_name.columns else {}
    parts = [f"{person_label(n, roles.get(n))} · {_plural(int(by_name.at[n, 'mentions']), 'mention')} in "
             f"{_plural(int(by_name.at[n, 'articles']), 'article')}" for n in names]
    return ("" if chosen else "Most mentioned: ") + "; ".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def source_options(articles: pd.DataFrame) -> list[str]:
    """Outlets named by the articles, most articles first."""
    if not len(articles):
        return []
    counts = articles["source"].dropna().value_counts()
    return sorted(counts.index, key=lambda s: (-counts[s], s))


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """label → article id. A label is "date · title", readable in a URL; a repeated one gets the
    id's start so that every label names one article."""
    labels: dict[str, str] = {}
    for row in articles.itertuples():
        day = row.published.strftime("%Y-%m-%d") if pd.notna(row.published) else "undated"
        title = next((t for t in (row.title, row.ref, row.id) if isinstance(t, str) and t.strip()), row.id).strip()
        label = f"{day} · {title[:90]}"
        if label in labels:
            label = f"{label} [{row.id[:8]}]"
        labels[label] = row.id
    return labels


def first_options(options: Sequence[str], keep: Iterable[str] = (), limit: int = 1000) -> list[str]:
    """The first `limit` options (the newest articles), plus any already chosen or linked: a widget
    sends its whole option list to the browser on every rerun, so ten thousand titles would be slow."""
    head = list(options[:limit])
    seen = set(head)
    valid = set(options)
    return head + [k for k in dict.fromkeys(keep) if k in valid and k not in seen]


def date_range(value) -> tuple[date | None, date | None]:
    """A date_input range (0, 1 or 2 dates while the reader picks) as (since, until)."""
    if value is None:
        return None, None
    if isinstance(value, date):
        return value, value
    days = list(value)
    if not days:
        return None, None
    return days[0], days[1] if len(days) > 1 else None


def chosen_articles(articles: pd.DataFrame, sources: Sequence[str], labels: Sequence[str],
                    label_ids: Mapping[str, str]) -> tuple[str, ...]:
    """Article ids the source and article pickers allow (both apply); () means no restriction."""
    ids: set[str] | None = None
    if sources:
        ids = set(articles.loc[articles["source"].isin(list(sources)), "id"])
    if labels:
        picked = {label_ids[label] for label in labels if label in label_ids}
        ids = picked if ids is None else ids & picked
    if ids is None:
        return ()
    return tuple(sorted(ids)) or (_NO_ARTICLE,)


def build_filters(state: Mapping, articles: pd.DataFrame, label_ids: Mapping[str, str]) -> Filters:
    """The sidebar's widget values (keyed as in the URL) as the engine's Filters."""
    since, until = date_range(state.get(DATES))
    return Filters(
        actors=tuple(state.get(ACTOR) or ()),
        since=since,
        until=until,
        articles=chosen_articles(articles, state.get(SOURCE) or (), state.get(ARTICLE) or (), label_ids),
        text=(state.get(TEXT) or "").strip(),
        date_basis=BASES.get(state.get(BASIS) or "article", "article"),
        hide_wrong=bool(state.get(HIDE_WRONG)),
    )


def describe(filters: Filters, label_count: int | None = None) -> str:
    """One line saying what the view is narrowed to, for captions and the ZIP's README."""
    parts = []
    if filters.actors:
        parts.append("actors: " + ", ".join(filters.actors))
    if filters.since or filters.until:
        basis = "article date" if filters.date_basis == "article" else "figure/event date"
        parts.append(f"{basis} {filters.since or '…'} to {filters.until or '…'}")
    if filters.articles:
        n = 0 if filters.articles == (_NO_ARTICLE,) else len(filters.articles)
        parts.append(f"{n} chosen article{'s' if n != 1 else ''}")
    if filters.text:
        parts.append(f"text contains “{filters.text}”")
    if filters.hide_wrong:
        parts.append("rows marked wrong hidden")
    return "; ".join(parts) if parts else "everything"
