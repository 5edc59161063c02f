"""Throughput of `extract` against plain `nlp.pipe` of the same model on the same texts.

    python bench/extract.py [INPUT ...]   (default: ../shared/eval/articles and the PolNeAR dev set)

Prints characters per second for plain nlp.pipe (the floor any extraction pays), for extraction in
one process, and for extraction with --workers 2, with the ratios. Figures, never assertions.
"""
from __future__ import annotations

import os
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
warnings.filterwarnings("ignore")

from newsroom.nlp.pipeline import BATCH_SIZE, extract_articles, load_nlp  # noqa: E402
from newsroom.readers import ReadError, read_inputs  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
DEFAULT_INPUTS = [str(SHARED / "articles"), str(SHARED / "gold" / "polnear_dev.jsonl")]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(inputs: list[str]) -> None:
    articles = [a for a in read_inputs(inputs) if not isinstance(a, ReadError)]
    chars = sum(len(a.text) for a in articles)
    nlp = load_nlp()
    list(nlp.pipe([a.text for a in articles[:20]]))  # warm caches before timing anything

    plain = timed(lambda: list(nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE)))
    one = timed(lambda: list(extract_articles(articles, workers=1)))
    two = timed(lambda: list(extract_articles(articles, workers=2)))

    print(f"{len(articles)} articles, {chars:,} characters, {os.cpu_count()} cores")
    for name, seconds in (("plain nlp.pipe", plain), ("extract, 1 process", one), ("extract, --workers 2", two)):
        print(f"{name:22s} {seconds:7.2f} s  {chars / seconds:>10,.0f} chars/s  {plain / seconds:5.2f}x plain")


if __name__ == "__main__":
    main(sys.argv[1:] or DEFAULT_INPUTS)
