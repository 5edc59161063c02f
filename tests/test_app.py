"""Streamlit AppTest: every page renders a real store without exception, the sidebar's filters
change the tables, and query parameters restore the filters."""
from __future__ import annotations

from pathlib import Path
import sys

import pytest
from streamlit.testing.v1 import AppTest

from newsroom.ingest import ingest
from newsroom.store import Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "components"))
from synthetic import HOSTILE_TITLE, fill  # noqa: E402

PAGES = ["overview", "casualties", "timeline", "map", "quotes", "articles"]
TIMEOUT = 60


def _build(path: Path) -> str:
    """The bundled sample, as the engine ingests it, plus invented articles with known rows."""
    with Store(path) as store:
        assert ingest(store, [str(ROOT / "data" / "sample")]).ok
        fill(store)
    return str(path)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    return _build(tmp_path_factory.mktemp("store") / "app.duckdb")


@pytest.fixture
def app(store_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("NEWSROOM_DB", store_path)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)


def _open(app: AppTest, page: str, **params) -> AppTest:
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if page != "overview":
        app.switch_page(f"panels/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _table(app: AppTest, key: str, columns: tuple[str, ...] = ()):
    """A table by its key; a table without row selection carries no key in AppTest's tree, so it is
    found by its columns instead."""
    found = [df.value for df in app.dataframe
             if df.key == key or (columns and df.key is None and tuple(df.value.columns[:len(columns)]) == columns)]
    assert found, f"no table {key!r} on the page"
    return found[0]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(app, page):
    _open(app, page)
    assert app.title[0].value == page.capitalize()
    assert not app.error


def test_actor_widget_narrows_the_overview(app):
    everyone = _table(_open(app, "overview"), "overview_articles", ("published", "title"))
    app.sidebar.multiselect(key="actor").set_value(["Benjamin Netanyahu"]).run()
    narrowed = _table(app, "overview_articles", ("published", "title"))
    # The invented articles: two name him, two do not (the sample may or may not).
    assert {"Raids in Jenin as West Bank tension grows", "UN agency and ministry differ on death toll"} <= set(narrowed["title"])
    assert {"Health officials raise Gaza toll as talks resume", HOSTILE_TITLE}.isdisjoint(narrowed["title"])
    assert len(everyone) == 5


def test_actor_filter_narrows_quotes(app):
    everyone = _table(_open(app, "quotes"), "quotes_table")
    app.sidebar.multiselect(key="actor").set_value(["Benjamin Netanyahu"]).run()
    narrowed = _table(app, "quotes_table")
    assert len(narrowed) < len(everyone)
    assert set(narrowed["speaker"]) == {"Benjamin Netanyahu"}


def test_quote_cards_and_table_show_the_speakers_role(app):
    _open(app, "quotes", actor="Antony Blinken")
    cards = "".join(h.proto.body for h in app.get("html"))
    assert '<b>Antony Blinken</b><span class="nr-role"> · US Secretary of State</span>' in cards
    table = _table(app, "quotes_table")
    assert set(zip(table["speaker"], table["speaker_role"])) == {("Antony Blinken", "US Secretary of State")}
    assert app.sidebar.caption[0].value.startswith("Antony Blinken · US Secretary of State · ")


def test_query_parameter_restores_actor_filter(app):
    _open(app, "quotes", actor="Benjamin Netanyahu")
    assert app.sidebar.multiselect(key="actor").value == ["Benjamin Netanyahu"]
    assert set(_table(app, "quotes_table")["speaker"]) == {"Benjamin Netanyahu"}


def test_query_parameters_restore_dates_and_search(app):
    _open(app, "casualties", dates=["2024-03-10", "2024-03-10"], q="relief agency")
    ledger = _table(app, "cas_ledger")
    assert list(ledger["count"]) == [30960]
    assert app.sidebar.text_input(key="q").value == "relief agency"


@pytest.mark.parametrize("basis, has_visit", [("article", False), ("figure/event", True)])
def test_date_basis_uses_the_events_own_date(app, basis, has_visit):
    # The visit is dated 2024-03-15 by its text, in an article of 2024-03-10.
    events = _table(_open(app, "timeline", dates=["2024-03-14", "2024-03-16"], basis=basis), "timeline_events")
    assert (("visit", "2024-03-15") in {(t, f"{d:%Y-%m-%d}") for t, d in zip(events["type"], events["date"])}) == has_visit


def test_disagreeing_sources_are_flagged(app):
    _open(app, "casualties", source="Wire Two")
    flagged = _table(app, "cas_disagree", ("category", "place", "who"))
    assert list(flagged[["category", "low", "high"]].itertuples(index=False, name=None)) == [("killed", 30960, 31045)]


def test_hide_wrong_hides_a_reviewed_row(app, store_path):
    _open(app, "casualties", q="relief agency")
    assert len(_table(app, "cas_ledger")) == 1
    with Store(store_path) as store:
        row_key = store.frame("casualties").query("count == 30960")["row_key"].iloc[0]
    from components.context import shared
    shared().review("casualties", row_key, "wrong", "agency figure superseded")
    app.sidebar.checkbox(key="hide_wrong").check().run()
    assert [i.value for i in app.info] == ["No casualty figures in this view. Widen the filters, or add articles on the Articles page."]
    shared().review("casualties", row_key, None)


def test_review_marks_a_row_and_survives_in_the_store(app, store_path):
    _open(app, "casualties", q="relief agency")
    app.session_state["cas_ledger"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()
    app.radio(key="cas_verdict").set_value("verified")
    app.text_input(key="cas_note").input("agency release checked")
    app.form_submit_button[0].click().run()
    ledger = _table(app, "cas_ledger")
    assert list(ledger[["count", "review", "review_note"]].itertuples(index=False, name=None)) == [
        (30960, "verified", "agency release checked")]
    from components.context import shared
    row_key = shared().frame("casualties").query("count == 30960")["row_key"].iloc[0]
    shared().review("casualties", row_key, None)


UPLOAD_TEXT = b"""title: Ministers meet in Amman on aid corridor
date: 2024-04-02
source: Wire Three

AMMAN - Foreign ministers met in Amman on Tuesday to discuss a new aid corridor into northern Gaza.
"""


def test_upload_reports_each_file_and_adds_the_article(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSROOM_DB", _build(tmp_path / "upload.duckdb"))  # a store of its own: this test writes
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    _open(app, "articles")
    app.file_uploader(key="upload_files").set_value([
        ("amman.txt", UPLOAD_TEXT, "text/plain"),
        ("broken.jsonl", b"{not json\n", "application/json"),
    ])
    app.form_submit_button[1].click().run()
    assert not app.exception, [e.value for e in app.exception]
    results = [df.value for df in app.dataframe if list(df.value.columns[:2]) == ["input", "result"]][0]
    assert list(zip(results["input"], results["result"])) == [("amman.txt", "added"), ("broken.jsonl", "failed")]
    assert results["detail"].iloc[1] != ""
    with_new = _table(app, "articles_list", ("published", "title"))
    assert "Ministers meet in Amman on aid corridor" in set(with_new["title"])


def test_pasted_text_is_added_with_the_editors_title(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSROOM_DB", _build(tmp_path / "paste.duckdb"))
    app = _open(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT), "articles")
    app.text_input(key="paste_title").input("Aid convoy reaches the north")
    app.text_area(key="paste_text").input("An aid convoy of 20 trucks reached northern Gaza on Sunday, the UN said.")
    app.form_submit_button[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    results = [df.value for df in app.dataframe if list(df.value.columns[:2]) == ["input", "result"]][0]
    assert list(zip(results["input"], results["result"], results["article"])) == [
        ("pasted text", "added", "Aid convoy reaches the north")]
