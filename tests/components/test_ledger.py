"""Latest figures, tolls over time and disagreements, on a small hand-made ledger."""
import pandas as pd

from components import ledger


def _rows(*rows):
    cols = ["count", "category", "source", "who", "place", "date", "article_published", "article_title",
            "article_id", "row_key", "qualifier"]
    df = pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)
    for c in ("date", "article_published"):
        df[c] = pd.to_datetime(df[c]).astype("datetime64[s]")
    return df


LEDGER = _rows(
    (30000, "killed", "health ministry", "people", "Gaza", "2024-03-01", "2024-03-01", "A", "a1", "k1", "at_least"),
    (31045, "killed", "health ministry", "people", "Gaza", None, "2024-03-10", "B", "a2", "k2", "exact"),
    (30960, "killed", "UN relief agency", "people", "Gaza", "2024-03-10", "2024-03-10", "B", "a2", "k3", "exact"),
    (12000, "killed", "health ministry", "children", "Gaza", None, "2024-03-10", "B", "a2", "k4", "exact"),
    (70000, "injured", None, "people", "Gaza", "2024-03-01", "2024-03-01", "A", "a1", "k5", "about"),
)


def test_latest_figure_per_category_and_source():
    got = ledger.latest_figures(LEDGER)
    assert list(got[["category", "source_label", "count"]].itertuples(index=False, name=None)) == [
        ("killed", "health ministry", 31045),
        ("killed", "UN relief agency", 30960),
        ("injured", "unattributed", 70000),
    ]


def test_toll_over_time_per_source():
    got = ledger.toll_over_time(LEDGER, "killed")
    assert [(s, f"{d:%m-%d}", c) for s, d, c in zip(got["source_label"], got["as_of"], got["count"])] == [
        ("UN relief agency", "03-10", 30960), ("health ministry", "03-01", 30000), ("health ministry", "03-10", 31045)]


def test_disagreement_on_same_category_place_group_and_day():
    got = ledger.disagreements(LEDGER)
    assert got[["category", "place", "who", "sources", "low", "high"]].to_dict("records") == [
        {"category": "killed", "place": "Gaza", "who": "people",
         "sources": "health ministry: 31,045; UN relief agency: 30,960", "low": 30960, "high": 31045}]
    assert round(got["spread"].iloc[0], 4) == round(85 / 31045, 4)


def test_small_differences_within_tolerance_are_not_flagged():
    assert ledger.disagreements(LEDGER, tolerance=0.01).empty


def test_numbers_far_apart_count_different_things():
    strike = _rows((33, "killed", "army", "people", "Gaza", "2024-03-10", "2024-03-10", "C", "a3", "k6", "exact"))
    got = ledger.disagreements(pd.concat([LEDGER, strike], ignore_index=True))
    assert got["sources"].tolist() == ["health ministry: 31,045; UN relief agency: 30,960"]


def test_empty_ledger():
    empty = LEDGER.iloc[0:0]
    assert ledger.latest_figures(empty).empty and ledger.disagreements(empty).empty and ledger.toll_over_time(empty).empty
