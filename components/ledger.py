"""Casualty figures as an editor reads them: the latest per category and source, how each source's
toll grew, and where sources disagree. Pure frame → frame functions over `Store.frame("casualties")`.
"""
from __future__ import annotations

import pandas as pd

UNATTRIBUTED = "unattributed"
# The order an editor scans a ledger in: deaths first.
CATEGORY_ORDER = ["killed", "injured", "hostage", "missing", "arrested", "displaced", "at_risk", "other"]


def with_figure_date(df: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """Adds `as_of`: the figure's own date, else its article's. A toll is "as of" when it was said.
    With `columns`, only those are kept (besides the ones `as_of` needs): every later sort copies a
    row's every column, and at sixty thousand figures the evidence text is most of the work."""
    keep = [c for c in dict.fromkeys([*columns, "date", "article_published", "source"]) if c in df.columns] if columns else None
    out = df[keep].copy() if keep else df.copy()
    out["as_of"] = out["date"].fillna(out["article_published"]) if len(out) else pd.Series(dtype="datetime64[s]")
    out["source_label"] = out["source"].fillna(UNATTRIBUTED).replace("", UNATTRIBUTED) if len(out) else pd.Series(dtype=str)
    return out


def _category_rank(category: pd.Series) -> pd.Series:
    rank = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    return category.map(lambda c: rank.get(c, len(rank)))


def latest_figures(df: pd.DataFrame) -> pd.DataFrame:
    """One row per (category, source): its newest figure; on the same day the largest, since a toll
    only grows and the smaller number of that day is usually a subgroup."""
    cols = ["category", "source_label", "count", "qualifier", "who", "place", "as_of",
            "article_title", "article_id", "row_key"]
    if not len(df):
        return pd.DataFrame(columns=cols)
    d = with_figure_date(df, [c for c in cols if c not in ("source_label", "as_of")])
    d = d.sort_values(["as_of", "count"], ascending=[False, False], na_position="last")
    latest = d.drop_duplicates(["category", "source_label"], keep="first").copy()
    latest["_rank"] = _category_rank(latest["category"])
    latest = latest.sort_values(["_rank", "count"], ascending=[True, False])
    return latest[cols].reset_index(drop=True)


def toll_over_time(df: pd.DataFrame, category: str | None = None) -> pd.DataFrame:
    """Per source and day, the largest figure of `category`: the line of how a toll grew."""
    cols = ["source_label", "as_of", "count", "article_title"]
    if not len(df):
        return pd.DataFrame(columns=cols)
    d = with_figure_date(df, ["category", "count", "article_title"])
    if category:
        d = d[d["category"] == category]
    d = d.dropna(subset=["as_of"]).sort_values("count", ascending=False)
    d = d.drop_duplicates(["source_label", "as_of"], keep="first")
    return d.sort_values(["source_label", "as_of"])[cols].reset_index(drop=True)


def disagreements(df: pd.DataFrame, tolerance: float = 0.0, max_spread: float = 0.5) -> pd.DataFrame:
    """Where two or more sources give different figures for the same category, place, group and
    day. Each source counts with its largest figure of that day; `spread` is (high − low) / high.
    Differences at or under `tolerance` are rounding, not disagreement; beyond `max_spread` the two
    numbers count different things (one strike's dead beside the war's toll), not the same one."""
    cols = ["category", "place", "who", "as_of", "sources", "low", "high", "spread"]
    if not len(df):
        return pd.DataFrame(columns=cols)
    d = with_figure_date(df, ["category", "place", "who", "count"]).dropna(subset=["as_of"])
    d["place_key"] = d["place"].fillna("").str.lower()
    d["who_key"] = d["who"].fillna("").str.lower()
    keys = ["category", "place_key", "who_key", "as_of"]
    per_source = (d.sort_values("count", ascending=False)
                  .drop_duplicates([*keys, "source_label"], keep="first"))
    # A figure far under the day's largest counts something else: it is not compared.
    top = per_source.groupby(keys, sort=False)["count"].transform("max")
    per_source = per_source[per_source["count"] >= top * (1 - max_spread)]
    groups = per_source.groupby(keys, sort=False)
    summary = groups.agg(n=("source_label", "size"), low=("count", "min"), high=("count", "max"),
                         category=("category", "first"), place=("place", "first"), who=("who", "first"),
                         as_of=("as_of", "first"))
    summary["spread"] = (summary["high"] - summary["low"]) / summary["high"].where(summary["high"] > 0)
    summary = summary[(summary["n"] >= 2) & (summary["spread"].fillna(0) > tolerance)]
    if not len(summary):
        return pd.DataFrame(columns=cols)
    # Only the flagged groups get their "source: figure" list spelt out.
    flagged = per_source.join(summary[[]], on=keys, how="inner")
    # as plain objects: joining them per group is a Python loop, and Arrow strings iterate slowly
    flagged["pair"] = (flagged["source_label"] + ": " + flagged["count"].map("{:,}".format)).astype(object)
    summary["sources"] = flagged.groupby(keys, sort=False)["pair"].agg("; ".join)
    out = summary.reset_index(drop=True)[cols]
    out[["low", "high"]] = out[["low", "high"]].astype("int64")
    return out.sort_values(["spread", "as_of"], ascending=[False, False]).reset_index(drop=True)
