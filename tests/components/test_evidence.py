"""Highlighting an article and drawing quote cards: marks in the right places, text escaped."""
from types import SimpleNamespace

import pandas as pd
import pytest

from components.evidence import Mark, highlight_html, marks_for, quote_card_html, speaker_html

TEXT = 'In Gaza, 12 people died. He said "<script>alert(1)</script>" twice.'


def test_overlapping_marks_split_into_pieces_with_the_stronger_kind_on_top():
    html = highlight_html("ab cd ef", [Mark(0, 5, "event", "attack event"), Mark(3, 5, "figure", "2 killed", focus=True)])
    assert html == ('<div class="nr-article"><mark class="nr-event" title="attack event">ab </mark>'
                    '<mark class="nr-figure nr-focus" title="2 killed | attack event">cd</mark> ef</div>')


def test_article_text_is_escaped():
    html = highlight_html(TEXT, [])
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_marks_from_rows_and_place_names():
    empty = pd.DataFrame(columns=["start", "end", "row_key", "count", "category", "source", "speaker", "type"])
    cas = pd.DataFrame({"start": [9], "end": [24], "row_key": ["k1"], "count": [12], "category": ["killed"], "source": [None]})
    places = pd.DataFrame({"name": ["Gaza"]})
    got = marks_for(TEXT, cas, empty, empty, places, focus="k1")
    assert got == [Mark(9, 24, "figure", "12 killed", True), Mark(3, 7, "place", "place · Gaza")]


def test_quote_card_escapes_everything():
    row = SimpleNamespace(quote='=HYPERLINK("x") <img src=x onerror=alert(1)>', speaker="A <b>B</b>", cue="said",
                          kind="direct", article_published=pd.Timestamp("2024-03-01"), article_title="T & <i>U</i>",
                          article_ref="t.txt", article_id="abc", row_key="k9", review="wrong")
    html = quote_card_html(row)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "A &lt;b&gt;B&lt;/b&gt;" in html and "T &amp; &lt;i&gt;U&lt;/i&gt;" in html
    assert 'href="articles?read=abc&amp;focus=k9"' in html and "nr-wrong" in html


def _card_row(**changes):
    row = dict(quote="We are ready", speaker="Greta Lund", speaker_role="Swedish foreign minister", cue="said",
               kind="direct", article_published=pd.Timestamp("2024-03-01"), article_title="Talks", article_ref="t.txt",
               article_id="abc", row_key="k1", review=None)
    return SimpleNamespace(**{**row, **changes})


def test_quote_card_shows_the_speakers_role_beside_the_name():
    html = quote_card_html(_card_row())
    assert '<b>Greta Lund</b><span class="nr-role"> · Swedish foreign minister</span> · said · 2024-03-01' in html


@pytest.mark.parametrize("speaker, role, expected", [
    ("Greta Lund", None, "<b>Greta Lund</b>"),
    ("Greta Lund", float("nan"), "<b>Greta Lund</b>"),  # no actors row for the speaker
    (None, "spokesman", "<b><i>unknown speaker</i></b>"),  # a role without a speaker says nothing
    ("Greta Lund", 'envoy <script>x</script> & "aide"',
     '<b>Greta Lund</b><span class="nr-role"> · envoy &lt;script&gt;x&lt;/script&gt; &amp; &quot;aide&quot;</span>'),
])
def test_speaker_html(speaker, role, expected):
    assert speaker_html(speaker, role) == expected


def test_a_card_from_a_frame_without_roles_still_draws():
    row = _card_row()
    del row.speaker_role
    assert "<b>Greta Lund</b> · said" in quote_card_html(row)


def test_a_quote_mark_names_the_speaker_and_role():
    quotes = pd.DataFrame({"start": [0], "end": [2], "row_key": ["q1"], "speaker": ["Greta Lund"],
                           "speaker_role": ["Swedish foreign minister"]})
    empty = pd.DataFrame(columns=["start", "end", "row_key"])
    [mark] = marks_for("ab cd", empty, quotes, empty, pd.DataFrame({"name": []}))
    assert mark.note == "quote · Greta Lund · Swedish foreign minister"
