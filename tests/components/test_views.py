"""Page data: the Store answers the Overview in SQL, and any frame-only reader gets the same answer."""
from datetime import date

import pandas as pd
import pytest

from components import views
from components.data import SharedStore
from newsroom.store import Filters, Store
from synthetic import fill


class FramesOnly:
    """A reader with nothing but `frame`, like the dashboard's cached reader."""

    def __init__(self, store: Store):
        self.store = store

    def frame(self, table: str, filters: Filters = Filters()):
        return self.store.frame(table, filters)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("views") / "views.duckdb") as s:
        fill(s)
        yield s


@pytest.mark.parametrize("filters", [Filters(), Filters(actors=("Antony Blinken",)), Filters(since=date(2024, 3, 10)),
                                     Filters(text="Rafah")])
def test_overview_in_sql_equals_overview_from_frames(store, filters):
    sql, frames = views.overview(store, filters), views.overview(FramesOnly(store), filters)
    assert sql.counts == frames.counts
    assert sql.speakers.to_dict("records") == frames.speakers.to_dict("records")
    assert list(sql.events["row_key"]) == list(frames.events["row_key"])
    assert sql.latest.equals(frames.latest)


def test_overview_counts_every_table(store):
    assert views.overview(store, Filters()).counts == {"articles": 4, "figures": 5, "quotes": 4, "events": 4, "places": 7}


def test_timeline_title_says_when_points_are_capped(store):
    events = store.frame("events")
    points = len(views.charts.event_points(events))
    assert views.charts.timeline(events, max_points=2).layout.title.text == (
        f"Events by actor (of the {points} points the newest 2)")
    assert views.charts.timeline(events, max_actors=1).layout.title.text.startswith("Events by actor (the 1 most active of ")
    assert views.charts.timeline(events).layout.title.text == "Events by actor"


def test_the_shared_store_summarises_like_the_store(store):
    shared = SharedStore(store)
    assert isinstance(shared, views.Summarizer) and not isinstance(FramesOnly(store), views.Summarizer)
    assert views.overview(shared, Filters()).counts == views.overview(store, Filters()).counts


class QuotesOnly:
    """A reader whose only table is these quotes."""

    def __init__(self, quotes: pd.DataFrame):
        self.quotes = quotes

    def frame(self, table: str, filters: Filters = Filters()):
        return self.quotes


@pytest.mark.parametrize("search, speakers", [
    ("foreign minister", {"Greta Lund"}),  # only the role her article gives her says so
    ("ready", {"Greta Lund"}),
    ("talks", {"Omar Haddad"}),
])
def test_quote_search_reads_the_speakers_role_too(search, speakers):
    quotes = pd.DataFrame({"quote": ["We are ready", "The talks failed"], "speaker": ["Greta Lund", "Omar Haddad"],
                           "speaker_role": ["Swedish foreign minister", None], "kind": ["direct", "direct"],
                           "sentence": ['"We are ready," Lund said.', '"The talks failed," Haddad said.']})
    assert set(views.quotes(QuotesOnly(quotes), Filters(), search)["speaker"]) == speakers
