"""Frame → Figure builders: the right traces, the right points, hover text escaped."""
import pandas as pd

from components import charts
from test_ledger import LEDGER


def _events():
    df = pd.DataFrame({
        "date": pd.to_datetime(["2024-03-15", None]).astype("datetime64[s]"),
        "type": ["visit", "attack"],
        "actors": [["Antony Blinken"], ["Israel Defense Forces", "Hamas"]],
        "place": ["Israel", None],
        "evidence": ["Blinken will visit Israel on Friday.", "Fighting <b>erupted</b> near the border."],
        "article_published": pd.to_datetime(["2024-03-10", "2024-03-12"]).astype("datetime64[s]"),
        "article_title": ["Talks", "Raids & <i>strikes</i>"],
        "article_id": ["a1", "a2"],
    })
    return df


def test_hover_text_is_escaped_wrapped_and_cut():
    assert charts.hover_text("<script>x</script> " + "word " * 30, width=40, limit=60) == (
        "&lt;script&gt;x&lt;/script&gt; word word word word<br>word word word word…")


def test_event_points_one_per_actor_dated_by_article_when_undated():
    got = charts.event_points(_events())
    assert list(zip(got["actor"], got["when"].dt.strftime("%Y-%m-%d"), got["dated"])) == [
        ("Antony Blinken", "2024-03-15", True),
        ("Israel Defense Forces", "2024-03-12", False),
        ("Hamas", "2024-03-12", False)]
    assert "&lt;b&gt;erupted&lt;/b&gt;" in got["hover"].iloc[1] and "<b>erupted" not in got["hover"].iloc[1]
    assert "Raids &amp; &lt;i&gt;strikes&lt;/i&gt;" in got["hover"].iloc[1]


def test_timeline_rows_are_actors_and_colours_are_types():
    fig = charts.timeline(_events())
    assert sorted({t.name.split(",")[0] for t in fig.data}) == ["attack", "visit"]
    assert sorted(y for t in fig.data for y in t.y) == ["Antony Blinken", "Hamas", "Israel Defense Forces"]


def test_toll_lines_one_line_per_source():
    fig = charts.toll_lines(LEDGER, "killed")
    assert {t.name: list(t.y) for t in fig.data} == {"UN relief agency": [30960], "health ministry": [30000, 31045]}


def test_empty_frames_give_a_message_not_an_error():
    fig = charts.timeline(_events().iloc[0:0])
    assert fig.layout.annotations[0].text == "No events in this view."
