"""Adding articles: one result line per article or error, named by the input it came from."""
from datetime import date

from components import intake
from newsroom.ingest import IngestReport
from newsroom.readers import ReadError
from newsroom.records import Article

STORY = Article(ref="a.txt", text="Ministers met in Cairo on Monday.", title="Ministers meet", published=date(2024, 3, 4))


def test_result_rows_name_each_article_and_error():
    report = IngestReport(added=[STORY], failed=[ReadError("b.csv", "no text column")])
    rows = intake.result_rows("upload.zip", report)
    assert [(r["input"], r["result"], r["article"], r["detail"]) for r in rows] == [
        ("upload.zip", "added", "Ministers meet", ""), ("upload.zip", "failed", "", "no text column")]


def test_an_input_that_yields_nothing_is_reported():
    assert intake.result_rows("empty.jsonl", IngestReport())[0]["detail"] == "nothing readable"


def test_upload_items_reads_by_suffix():
    items = intake.upload_items("a.jsonl", b'{"id": "x1", "title": "T", "text": "Ministers met in Cairo."}\n')
    assert [(i.ref, i.title) for i in items] == [("x1", "T")]
    assert isinstance(intake.upload_items("a.txt", b"  ")[0], ReadError)


def test_run_keeps_going_after_a_failing_input():
    def boom():
        raise RuntimeError("disk on fire")
    seen = []
    rows = intake.run([("bad", boom), ("good", lambda: [STORY])],
                      ingest=lambda items: IngestReport(added=[i for i in items if isinstance(i, Article)],
                                                        failed=[i for i in items if isinstance(i, ReadError)]),
                      progress=lambda share, text: seen.append(round(share, 2)))
    assert [(r["input"], r["result"]) for r in rows] == [("bad", "failed"), ("good", "added")]
    assert seen == [0.0, 0.5, 1.0]
