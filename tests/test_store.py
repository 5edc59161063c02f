"""The DuckDB store: idempotent, atomic per article, migrated on open, typed frames, filters."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from newsroom.records import Actor, Article, Casualty, Event, Extraction, Place, Quote
from newsroom.store import MIGRATIONS, Filters, Store


def make_extraction(text: str, published: date | None, speaker: str = "Jane Doe") -> Extraction:
    article = Article(ref=f"{text[:8]}.txt", text=text, title=text[:20], published=published)
    return Extraction(
        article=article,
        actors=[Actor(speaker, "person", 2), Actor("Hamas", "organization", 1)],
        casualties=[Casualty(12, "at_least", "killed", "people", "the health ministry", "Gaza",
                             published.isoformat() if published else None, text, 0, len(text))],
        events=[Event(published.isoformat() if published else None, "talks", [speaker, "Hamas"], "Doha", text, 0, len(text))],
        places=[Place("Gaza", "Gaza Strip", 31.4, 34.4, "Gaza Strip", "PS", 3)],
        quotes=[Quote("We will talk", speaker, "said", "direct", text, 1, 13)],
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.duckdb") as s:
        yield s


def test_adding_twice_changes_nothing(store):
    ex = make_extraction("Talks went on in Doha on Friday.", date(2025, 1, 10))
    assert store.add(ex) is True
    before = store.stats()
    assert store.add(ex) is False
    assert store.stats() == before == {"articles": 1, "actors": 2, "casualties": 1, "events": 1, "places": 1,
                                        "quotes": 1, "reviews": 0}


def test_same_text_with_other_spacing_and_case_is_the_same_article(store):
    store.add(make_extraction("Talks went on in Doha.", date(2025, 1, 10)))
    assert store.add(make_extraction("talks  went on\u00a0in Doha.\n", date(2025, 1, 10))) is False


def test_a_failing_article_leaves_nothing_half_written(store):
    good = make_extraction("A good article about talks.", date(2025, 1, 1))
    bad = make_extraction("A bad article whose event is broken.", date(2025, 1, 2))
    bad.events[0].actors = object()  # not a list of names: the insert fails mid-article
    store.add(good)
    with pytest.raises(Exception):
        store.add(bad)
    assert store.stats()["articles"] == 1
    assert store.con.execute("SELECT count(*) FROM actors WHERE article_id = ?", [bad.article.id]).fetchone()[0] == 0
    assert store.con.execute("SELECT count(*) FROM casualties").fetchone()[0] == 1


def test_migrations_run_once_and_are_recorded(tmp_path):
    path = tmp_path / "m.duckdb"
    Store(path).close()
    with Store(path) as s:
        assert s.schema_version == max(v for v, _ in MIGRATIONS)
        assert s.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_frames_have_real_dtypes(store):
    store.add(make_extraction("Talks went on in Doha on Friday.", date(2025, 1, 10)))
    cas = store.frame("casualties")
    assert cas["count"].dtype == "int64"
    assert str(cas["date"].dtype).startswith("datetime64")
    assert str(store.frame("articles")["published"].dtype).startswith("datetime64")
    assert list(store.frame("events")["actors"].iloc[0]) == ["Jane Doe", "Hamas"]


def test_filters_by_actor_date_article_and_text(store):
    a = make_extraction("First story, about talks in Doha.", date(2025, 1, 10), speaker="Jane Doe")
    b = make_extraction("Second story, about a vote in New York.", date(2025, 2, 10), speaker="John Roe")
    store.add(a)
    store.add(b)
    refs = lambda table, **kw: sorted(store.frame(table, Filters(**kw))["article_ref"]) if table != "articles" \
        else sorted(store.frame(table, Filters(**kw))["ref"])
    assert refs("quotes", actors=("John Roe",)) == [b.article.ref]
    assert refs("events", actors=("Jane Doe",)) == [a.article.ref]
    assert refs("articles", actors=("Jane Doe",)) == [a.article.ref]
    assert refs("places", actors=("John Roe",)) == [b.article.ref]
    assert refs("casualties", actors=("health ministry",)) == sorted([a.article.ref, b.article.ref])
    assert refs("quotes", since=date(2025, 2, 1)) == [b.article.ref]
    assert refs("quotes", until=date(2025, 1, 31)) == [a.article.ref]
    assert refs("events", articles=(b.article.id,)) == [b.article.ref]
    assert refs("articles", text="VOTE") == [b.article.ref]
    assert refs("quotes", text="nothing like this") == []


def test_record_date_basis_uses_the_figures_own_date(store):
    ex = make_extraction("A figure dated before its article.", date(2025, 3, 1))
    ex.casualties[0].date = "2025-02-01"
    store.add(ex)
    in_feb = Filters(since=date(2025, 2, 1), until=date(2025, 2, 28), date_basis="record")
    assert len(store.frame("casualties", in_feb)) == 1
    assert len(store.frame("casualties", Filters(since=date(2025, 2, 1), until=date(2025, 2, 28)))) == 0


def test_reviews_survive_reingest_and_can_hide_wrong_rows(tmp_path):
    path = tmp_path / "r.duckdb"
    ex = make_extraction("A figure an editor checks.", date(2025, 1, 1))
    with Store(path) as s:
        s.add(ex)
        key = s.frame("casualties")["row_key"].iloc[0]
        s.review("casualties", key, "wrong", "the ministry said 21")
        s.con.execute("DELETE FROM casualties")  # as if the article were extracted afresh
        s.con.execute("DELETE FROM articles")
        s.add(ex)
    with Store(path) as s:
        row = s.frame("casualties").iloc[0]
        assert (row["review"], row["review_note"]) == ("wrong", "the ministry said 21")
        assert s.frame("casualties", Filters(hide_wrong=True)).empty


def test_review_rejects_unknown_verdicts(store):
    with pytest.raises(ValueError):
        store.review("casualties", "k", "maybe")


def test_actor_counts_sum_across_articles(store):
    store.add(make_extraction("One.", date(2025, 1, 1)))
    store.add(make_extraction("Two.", date(2025, 1, 2)))
    counts = store.actor_counts()
    assert counts.to_dict("records")[0] == {"name": "Jane Doe", "type": "person", "mentions": 4, "articles": 2,
                                            "role": None}


def test_a_store_in_use_is_reported(tmp_path):
    import subprocess, sys, textwrap
    path = tmp_path / "busy.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
        print("ready", flush=True)
        time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        from newsroom.store import StoreBusy
        with pytest.raises(StoreBusy, match="in use by another process"):
            Store(path)
    finally:
        holder.kill()


def test_opening_an_older_store_migrates_it_and_keeps_its_rows(tmp_path, monkeypatch):
    import newsroom.store as store_module
    path = tmp_path / "old.duckdb"
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:1])
    with Store(path) as old:
        old.con.execute("INSERT INTO articles (id, text) VALUES ('a1', 'An article stored by version 1.')")
        old.con.execute("INSERT INTO casualties (article_id, count, category, start, \"end\") VALUES ('a1', 7, 'killed', 0, 9)")
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS)
    with Store(path) as new:
        assert new.schema_version == max(v for v, _ in MIGRATIONS)
        row = new.frame("casualties").iloc[0]
        assert (row["count"], row["category"]) == (7, "killed")
        assert pd.isna(row["period"]) and pd.isna(row["cumulative"])


def test_a_store_at_version_2_gains_actor_roles_and_keeps_its_actors(tmp_path, monkeypatch):
    import newsroom.store as store_module
    path = tmp_path / "v2.duckdb"
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:2])
    monkeypatch.setattr(store_module, "COLUMNS", {**store_module.COLUMNS, "actors": ["name", "type", "mentions"]})
    with Store(path) as old:
        assert old.add(make_extraction("Stored before actors had roles.", date(2025, 1, 1)))
        assert "role" not in old.con.execute("SELECT * FROM actors").df().columns
    monkeypatch.undo()
    with Store(path) as new:
        assert new.schema_version == 3
        actors = new.frame("actors")
        assert sorted(zip(actors["name"], actors["mentions"])) == [("Hamas", 1), ("Jane Doe", 2)]
        assert actors["role"].isna().all()
        assert new.frame("quotes")["speaker_role"].isna().all()
        # the migrated store takes new articles with their roles
        ex = make_extraction("Stored after the migration.", date(2025, 1, 2))
        ex.actors[0].role = "UN envoy"
        assert new.add(ex) and new.stats()["actors"] == 4


def test_actor_roles_are_stored_and_given_to_the_speakers_quotes(store):
    ex = make_extraction("The envoy spoke in Doha on Friday.", date(2025, 1, 10))
    ex.actors[0].role = "UN special envoy"
    store.add(ex)
    store.add(make_extraction("Another story, with no roles.", date(2025, 1, 11)))
    actors = store.frame("actors").sort_values(["article_published", "name"])
    assert actors["role"].fillna("-").tolist() == ["-", "UN special envoy", "-", "-"]
    quotes = store.frame("quotes").sort_values("article_published")
    assert quotes["speaker_role"].fillna("-").tolist() == ["UN special envoy", "-"]
    assert store.actor_counts().set_index("name").at["Jane Doe", "role"] == "UN special envoy"
    before = store.stats()
    assert store.add(ex) is False and store.stats() == before  # re-ingest changes nothing


def test_casualty_period_and_running_total_are_stored(store):
    ex = make_extraction("The toll since the war began rose to 12.", date(2025, 1, 1))
    ex.casualties[0].period = "since the war began"
    ex.casualties[0].cumulative = True
    store.add(ex)
    row = store.frame("casualties").iloc[0]
    assert (row["period"], bool(row["cumulative"])) == ("since the war began", True)


def test_event_actors_export_as_one_csv_cell(store):
    from newsroom.export import to_csv
    store.add(make_extraction("Talks in Doha.", date(2025, 1, 1)))
    assert "Jane Doe; Hamas" in to_csv(store.frame("events"))


def _three_articles(store) -> None:
    """Jane Doe quoted in two articles, John Roe in one; a fragment and an undated event besides."""
    store.add(make_extraction("Talks went on in Doha on Friday.", date(2025, 1, 10)))
    store.add(make_extraction("Talks resumed in Cairo on Monday.", date(2025, 1, 13)))
    roe = make_extraction("Roe spoke after the talks in Doha.", None, speaker="John Roe")
    roe.quotes.append(Quote("a failure", "John Roe", "called", "fragment", roe.article.text, 20, 29))
    roe.places.append(Place("Doha", None, 25.3, 51.5, "Gulf", "QA", 1))
    store.add(roe)


def test_counts_are_the_lengths_of_the_frames(store):
    _three_articles(store)
    for filters in (Filters(), Filters(actors=("John Roe",)), Filters(since=date(2025, 1, 11))):
        assert store.counts(filters) == {
            "articles": len(store.frame("articles", filters)), "figures": len(store.frame("casualties", filters)),
            "quotes": len(store.frame("quotes", filters)), "events": len(store.frame("events", filters)),
            "places": store.frame("places", filters)["canonical"].fillna(store.frame("places", filters)["name"]).nunique()}
    assert store.counts() == {"articles": 3, "figures": 3, "quotes": 4, "events": 3, "places": 2}


def test_most_quoted_leaves_fragments_out(store):
    _three_articles(store)
    got = store.most_quoted()
    assert got.assign(latest=got["latest"].dt.strftime("%Y-%m-%d").fillna("undated")).to_dict("records") == [
        {"speaker": "Jane Doe", "quotes": 2, "articles": 2, "latest": "2025-01-13"},
        {"speaker": "John Roe", "quotes": 1, "articles": 1, "latest": "undated"}]
    assert list(store.most_quoted(limit=1)["speaker"]) == ["Jane Doe"]


def test_newest_rows_by_their_own_date_undated_last(store):
    _three_articles(store)
    got = store.newest("events", limit=2)
    assert list(got["place"]) == ["Doha", "Doha"] and list(got["article_published"].dt.strftime("%Y-%m-%d")) == [
        "2025-01-13", "2025-01-10"]
    assert store.newest("events")["date"].isna().tolist() == [False, False, True]
    with pytest.raises(ValueError):
        store.newest("places")


def test_frame_with_columns_keeps_those_and_the_article(store):
    _three_articles(store)
    whole = store.frame("casualties")
    narrow = store.frame("casualties", columns=("count", "place", "article_id"))
    assert list(narrow.columns) == ["article_id", "count", "place", "article_ref", "article_title", "article_published",
                                    "review", "review_note"]
    assert narrow[["article_id", "count", "place"]].equals(whole[["article_id", "count", "place"]])
    with pytest.raises(ValueError, match="no column text"):
        store.frame("quotes", columns=("text",))
