"""What a table shows and what its CSV holds: exactly the rows shown, formula-safe."""
import io
import zipfile

import pandas as pd

from components.bundle import zip_tables
from components.tables import csv_of, display_frame


def _quotes():
    return pd.DataFrame({
        "article_id": ["a1", "a2"], "row_key": ["k1", "k2"],
        "quote": ['=HYPERLINK("http://evil.example","x")', "Gaps are narrowing"],
        "speaker": ["@someone", "Antony Blinken"], "cue": ["wrote", "said"], "kind": ["direct", "partial"],
        "sentence": ["s1", "s2"], "start": [0, 5], "end": [3, 9],
        "article_published": pd.to_datetime(["2024-03-01", "2024-03-02"]).astype("datetime64[s]"),
        "article_title": ["+1 trick", "Talks"], "article_ref": ["1.txt", "2.txt"],
        "review": [None, "verified"], "review_note": [None, "checked tape"],
    })


def test_display_frame_orders_columns_and_links_to_the_evidence():
    shown = display_frame(_quotes(), "quotes")
    assert list(shown.columns) == ["quote", "speaker", "cue", "kind", "article_published", "article_title", "sentence",
                                   "review", "review_note", "open"]
    assert list(shown["open"]) == ["articles?read=a1&focus=k1", "articles?read=a2&focus=k2"]


def test_csv_holds_the_rows_shown_with_formulas_neutralised():
    shown = display_frame(_quotes().iloc[[0]], "quotes")
    rows = pd.read_csv(io.StringIO(csv_of(shown)), keep_default_na=False)
    assert rows.to_dict("records") == [{
        "quote": "'=HYPERLINK(\"http://evil.example\",\"x\")", "speaker": "'@someone", "cue": "wrote", "kind": "direct",
        "article_published": "2024-03-01", "article_title": "'+1 trick", "sentence": "s1", "review": "",
        "review_note": ""}]


def test_event_actors_are_joined():
    events = pd.DataFrame({"article_id": ["a1"], "row_key": ["k"], "actors": [["Hamas", "Israel"]], "type": ["attack"]})
    assert display_frame(events, "events")["actors"].tolist() == ["Hamas; Israel"]


def test_zip_holds_every_table_shown_and_a_readme():
    data = zip_tables({"quotes": (_quotes(), "quotes")}, readme="as of 2024-03-02\n")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == ["README.txt", "quotes.csv"]
        assert zf.read("README.txt") == b"as of 2024-03-02\n"
        rows = pd.read_csv(io.BytesIO(zf.read("quotes.csv")), keep_default_na=False)
        assert rows["quote"].tolist() == ["'=HYPERLINK(\"http://evil.example\",\"x\")", "Gaps are narrowing"]
