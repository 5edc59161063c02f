"""Sidebar values → engine Filters, and the options the sidebar offers."""
from datetime import date

import pandas as pd
import pytest

from components import filters as F
from newsroom.store import Filters

COUNTS = pd.DataFrame({"name": ["Israel", "Antony Blinken", "Hamas"], "type": ["country", "person", "group"],
                       "mentions": [40, 12, 9], "articles": [10, 4, 3]})
ARTICLES = pd.DataFrame({
    "id": ["a1", "a2", "a3"], "ref": ["1.txt", "2.txt", "3.txt"],
    "title": ["Talks resume", "Talks resume", "Toll rises"],
    "published": pd.to_datetime(["2024-03-01", "2024-03-01", None]).astype("datetime64[s]"),
    "source": ["Wire One", "Wire Two", "Wire One"]})


def test_actor_options_keep_names_from_a_link():
    assert F.actor_options(COUNTS, keep=["Hamas", "Rare Name"], limit=2) == ["Israel", "Antony Blinken", "Hamas", "Rare Name"]


@pytest.mark.parametrize("chosen, expected", [
    (["Antony Blinken"], "Antony Blinken · 12 mentions in 4 articles"),
    ([], "Most mentioned: Israel · 40 mentions in 10 articles; Antony Blinken · 12 mentions in 4 articles"),
])
def test_actor_caption(chosen, expected):
    assert F.actor_caption(COUNTS, chosen, top=2) == expected


@pytest.mark.parametrize("chosen, expected", [
    # a chosen person is shown with the role the articles give
    (["Antony Blinken"], "Antony Blinken · US Secretary of State · 12 mentions in 4 articles"),
    (["Israel", "Hamas"], "Israel · 40 mentions in 10 articles; Hamas · 9 mentions in 3 articles"),
    # the most-mentioned line stays names only, to stay short
    ([], "Most mentioned: Israel · 40 mentions in 10 articles; Antony Blinken · 12 mentions in 4 articles"),
])
def test_actor_caption_with_roles(chosen, expected):
    counts = COUNTS.assign(role=[None, "US Secretary of State", None])
    assert F.actor_caption(counts, chosen, top=2) == expected


def test_article_labels_are_unique_and_readable():
    assert F.article_labels(ARTICLES) == {
        "2024-03-01 · Talks resume": "a1",
        "2024-03-01 · Talks resume [a2]": "a2",
        "undated · Toll rises": "a3",
    }


def test_source_options_most_articles_first():
    assert F.source_options(ARTICLES) == ["Wire One", "Wire Two"]


@pytest.mark.parametrize("value, expected", [
    ((), (None, None)),
    ((date(2024, 3, 1),), (date(2024, 3, 1), None)),
    ((date(2024, 3, 1), date(2024, 3, 9)), (date(2024, 3, 1), date(2024, 3, 9))),
    (None, (None, None)),
])
def test_date_range_while_the_reader_picks(value, expected):
    assert F.date_range(value) == expected


@pytest.mark.parametrize("sources, labels, expected", [
    ([], [], ()),
    (["Wire One"], [], ("a1", "a3")),
    (["Wire One"], ["undated · Toll rises"], ("a3",)),
    (["Wire Two"], ["undated · Toll rises"], ("∅",)),
])
def test_sources_and_articles_both_apply(sources, labels, expected):
    assert F.chosen_articles(ARTICLES, sources, labels, F.article_labels(ARTICLES)) == expected


def test_build_filters_from_the_url_keys():
    state = {"actor": ["Antony Blinken"], "dates": (date(2024, 3, 1), date(2024, 3, 31)), "source": ["Wire Two"],
             "article": [], "q": "  ceasefire ", "basis": "figure/event", "hide_wrong": True}
    assert F.build_filters(state, ARTICLES, F.article_labels(ARTICLES)) == Filters(
        actors=("Antony Blinken",), since=date(2024, 3, 1), until=date(2024, 3, 31), articles=("a2",),
        text="ceasefire", date_basis="record", hide_wrong=True)


def test_build_filters_of_nothing_is_everything():
    assert F.build_filters({}, ARTICLES, {}) == Filters()


def test_describe():
    f = Filters(actors=("Hamas",), since=date(2024, 1, 1), text="truce", hide_wrong=True)
    assert F.describe(f) == "actors: Hamas; article date 2024-01-01 to …; text contains “truce”; rows marked wrong hidden"


def test_first_options_keep_chosen_ones_beyond_the_limit():
    assert F.first_options(["c", "b", "a"], keep=["a", "zz", "b"], limit=1) == ["c", "a", "b"]
