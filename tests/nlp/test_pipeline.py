"""The pipeline: long texts parsed in pieces keep their offsets; extraction failures stay per article."""
from __future__ import annotations


from newsroom.nlp import pipeline
from newsroom.records import Article


def test_pieces_join_back_to_the_text():
    text = "".join(f"Paragraph {i} about talks in Cairo.\n" for i in range(100))
    pieces = pipeline._pieces(text, size=200)
    assert "".join(pieces) == text
    assert all(p.endswith("\n") for p in pieces)
    assert max(map(len, pieces)) <= 200


def test_a_long_text_is_parsed_in_pieces_with_offsets_into_the_whole(monkeypatch):
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 300)
    text = "".join(f"Envoys met in Cairo on day {i}.\n" for i in range(40))
    [doc] = list(pipeline.parse(pipeline.load_nlp(), [text]))
    assert doc.text == text
    cairo = [e for e in doc.ents if e.text == "Cairo"]
    assert len(cairo) == 40
    assert all(text[e.start_char:e.end_char] == "Cairo" for e in cairo)


def test_an_extractor_failure_costs_only_its_article(monkeypatch):
    def explode(doc, article):
        if "boom" in doc.text:
            raise ValueError("cannot cope")
        return real(doc, article)

    real = pipeline.extract_doc
    monkeypatch.setattr(pipeline, "extract_doc", explode)
    out = list(pipeline.extract_articles([Article("a.txt", "Calm copy about Amman."),
                                          Article("b.txt", "Copy that goes boom.", origin="in/b.txt"),
                                          Article("c.txt", "More calm copy about Doha.")]))
    assert [type(o).__name__ for o in out] == ["Extraction", "ReadError", "Extraction"]
    assert str(out[1]) == "in/b.txt: extraction failed: ValueError: cannot cope"


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_line_without_a_full_stop_does_not_run_into_the_next(nlp):
    text = ("Senator keeps up attacks on rivals in the hours before the vote\n"
            "Jane Doe, in Ohio, said on Monday that the race was close.")
    assert _sentences(nlp, text) == ["Senator keeps up attacks on rivals in the hours before the vote",
                                     "Jane Doe, in Ohio, said on Monday that the race was close."]


def test_hard_wrapped_text_is_left_to_the_parser(nlp):
    text = ("The minister said on Monday that the talks in the\n"
            "capital would resume next week, after a pause of\n"
            "several days that both sides blamed on the other\n"
            "and on the weather.\n")
    assert pipeline._hard_wrapped(text)
    assert len(_sentences(nlp, text)) == 1


def test_a_paragraph_opening_with_a_quote_mark_keeps_the_mark_in_its_sentence(nlp):
    text = "Dr. Roe said the wards were damaged.\n\n''The whole time we were walking,'' he said."
    assert _sentences(nlp, text) == ["Dr. Roe said the wards were damaged.",
                                     "''The whole time we were walking,'' he said."]
