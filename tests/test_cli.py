"""`python -m newsroom` end to end, on articles written for these tests."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def run(*args, db=None, check_rc=None, timeout=300):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    if db is not None:
        env["NEWSROOM_DB"] = str(db)
    proc = subprocess.run([sys.executable, "-m", "newsroom", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)
    if check_rc is not None:
        assert proc.returncode == check_rc, proc.stderr
    return proc


def stats(db):
    return json.loads(run("stats", "--json", db=db, check_rc=0).stdout)


def story(n: int) -> str:
    """A distinct wire-style article; long enough that a batch of them takes a while to parse."""
    paragraph = (f"Officials from the ministry met envoys in Amman on Tuesday for round {n} of talks on aid. "
                 f"\"We need the crossings open,\" said minister Rana Haddad, adding that {n + 3} trucks were waiting. "
                 "The envoys are scheduled to travel to Cairo on Friday, diplomats said. ")
    return f"Talks round {n}\n" + paragraph * 12


@pytest.fixture(scope="module")
def batch_jsonl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("batch") / "batch.jsonl"
    with path.open("w") as f:
        for n in range(120):
            f.write(json.dumps({"id": f"story-{n}", "text": story(n), "date": "2025-01-07"}) + "\n")
    return path


def test_ingest_then_again_adds_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    first = run("ingest", FIXTURES, db=db)
    # the feed's summary-only entry cannot be fetched offline: named, and the rest stored
    assert first.returncode == 1
    assert first.stdout.splitlines()[0] == "added 10, unchanged 0, failed 1"
    assert "feed.xml entry 2 ('Summary only')" in first.stderr
    assert stats(db)["articles"] == 10
    again = run("ingest", FIXTURES / "wire_story.txt", FIXTURES / "records.jsonl", db=db, check_rc=0)
    assert again.stdout.strip() == "added 0, unchanged 3, failed 0"
    assert stats(db)["articles"] == 10


def test_mixed_batch_stores_every_good_file_names_every_bad_one(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "one.txt").write_text("First headline\nThe first good story, about talks in Doha.")
    (good / "two.jsonl").write_text(json.dumps({"id": "rec-2", "text": "The second good story, about a vote."}) + "\n")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "scan.txt").write_bytes(b"%PDF-1.5 binary")
    (bad / "broken.json").write_text('{"text": ')
    (bad / "notext.json").write_text('{"title": "no body"}')
    (bad / "cols.csv").write_text("title,date\nx,2024-01-01\n")
    (bad / "nav.html").write_text("<html><body><nav>Home</nav></body></html>")
    (bad / "latin.txt").write_bytes(bytes(range(0x80, 0xA0)) * 3)
    (bad / "nothing.rss").write_text('<rss version="2.0"><channel><title>t</title></channel></rss>')
    empty_folder = tmp_path / "hollow"
    empty_folder.mkdir()
    db = tmp_path / "s.duckdb"
    proc = run("ingest", good, bad, empty_folder, tmp_path / "missing.txt", "http://127.0.0.1:9/down",
               "--timeout", "1", db=db)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == "added 2, unchanged 0, failed 11"
    for name in ("empty.txt", "scan.txt", "broken.json", "notext.json", "cols.csv", "nav.html", "latin.txt",
                 "nothing.rss", "hollow", "missing.txt", "127.0.0.1:9/down"):
        assert sum(name in line for line in proc.stderr.splitlines()) == 1, name
    assert stats(db)["articles"] == 2


def test_usage_errors_exit_2(tmp_path):
    assert run("ingest", db=tmp_path / "x.duckdb").returncode == 2
    assert run("ingest", FIXTURES, "--workers", "0", db=tmp_path / "x.duckdb").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("export", "nonsense").returncode == 2


def test_extract_prints_one_record_per_article_with_input_refs():
    proc = run("extract", FIXTURES / "records.jsonl", FIXTURES / "wire_story.txt", check_rc=0)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["ref"] for r in records] == ["a1", "a2", "wire_story.txt"]
    assert set(records[0]) == {"ref", "id", "title", "published", "source", "url",
                               "actors", "casualties", "events", "places", "quotes"}
    assert records[2]["published"] == "2025-02-14"
    # every actor carries its role as the article writes it, or null
    assert {a["name"]: a["role"] for a in records[2]["actors"]} == {
        "Jordan": None, "Egypt": None, "Ayman Safadi": "Jordan's foreign minister"}


def test_extract_with_two_workers_gives_the_same_records(batch_jsonl):
    one = run("extract", batch_jsonl, check_rc=0).stdout
    two = run("extract", batch_jsonl, "--workers", "2", check_rc=0).stdout
    assert one == two
    assert len(two.splitlines()) == 120


def test_export_csv_neutralises_formulas_and_filters(tmp_path):
    db = tmp_path / "e.duckdb"
    (tmp_path / "evil.txt").write_text("=HYPERLINK(\"http://x\",\"click\")\nA story whose title is a formula, about Doha.")
    (tmp_path / "calm.txt").write_text("date: 2025-01-01\n\nCalm headline\nA story with nothing odd, about Amman.")
    run("ingest", tmp_path / "evil.txt", tmp_path / "calm.txt", db=db, check_rc=0)
    out = run("export", "articles", "--format", "csv", db=db, check_rc=0).stdout
    titles = sorted(row["title"] for row in csv.DictReader(io.StringIO(out)))
    assert titles == ["'=HYPERLINK(\"http://x\",\"click\")", "Calm headline"]
    since = run("export", "articles", "--since", "2024-12-31", "--format", "jsonl", db=db, check_rc=0).stdout
    assert [json.loads(l)["title"] for l in since.splitlines()] == ["Calm headline"]
    target = tmp_path / "a.parquet"
    run("export", "articles", "--format", "parquet", "-o", target, db=db, check_rc=0)
    import pandas as pd
    assert len(pd.read_parquet(target)) == 2


def test_kill_9_mid_batch_leaves_whole_articles_and_rerun_completes(tmp_path, batch_jsonl):
    db = tmp_path / "k.duckdb"
    env = {**os.environ, "NEWSROOM_DB": str(db), "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen([sys.executable, "-m", "newsroom", "ingest", str(batch_jsonl)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + 120
    # Wait until some articles are committed (the write-ahead log grows), then kill without warning.
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 50_000):
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(db))
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    orphans = con.execute("SELECT count(*) FROM actors WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    without_rows = con.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM actors)").fetchone()[0]
    con.close()
    assert 0 < stored < 120
    assert orphans == 0 and without_rows == 0
    rerun = run("ingest", batch_jsonl, db=db, check_rc=0)
    assert rerun.stdout.splitlines()[0] == f"added {120 - stored}, unchanged {stored}, failed 0"
    assert stats(db)["articles"] == 120
