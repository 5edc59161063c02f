"""How fast each dashboard page gets its data and draws its figure over a large store.

    python bench/dashboard.py [--articles 10000] [--db PATH] [--runs 5]

Builds a store of N articles from copies of ../shared/eval/articles: each article is parsed once,
then its extraction is stored again and again with a marker appended to the text (a new article
id; the offsets still hold) and every date shifted back a day per round, so the store spans years.
Then prints the median time of each page's queries and figure (components.views, as the pages call
them, without Streamlit's cache), and the cold first page: opening the store and the Overview.
Targets: under 300 ms a page, first page under 5 s. Figures, never assertions.
"""
from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date, timedelta
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
warnings.filterwarnings("ignore")

from components import filters as F, views  # noqa: E402
from newsroom.nlp.pipeline import extract_articles  # noqa: E402
from newsroom.readers import ReadError, read_inputs  # noqa: E402
from newsroom.records import Extraction  # noqa: E402
from newsroom.store import Filters, Store  # noqa: E402

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "articles"


def _shift(day: str | None, days: int) -> str | None:
    return (date.fromisoformat(day) - timedelta(days=days)).isoformat() if day else None


def copy_of(x: Extraction, n: int, days: int) -> Extraction:
    """The n-th copy: its own text (so its own id), every date `days` earlier."""
    a = x.article
    article = replace(a, text=f"{a.text}\n[copy {n}]", ref=f"{n:05d}-{a.ref}",
                      published=a.published - timedelta(days=days) if a.published else None)
    return Extraction(
        article=article, actors=x.actors, places=x.places, quotes=x.quotes,
        casualties=[replace(c, date=_shift(c.date, days)) for c in x.casualties],
        events=[replace(e, date=_shift(e.date, days)) for e in x.events])


def build(path: Path, n: int) -> float:
    start = time.perf_counter()
    seeds = [x for x in extract_articles(a for a in read_inputs([str(ARTICLES)]) if not isinstance(a, ReadError))
             if isinstance(x, Extraction)]
    parsed = time.perf_counter() - start
    with Store(path) as store:
        for i in range(n):
            store.add(copy_of(seeds[i % len(seeds)], i, i // len(seeds)))
    print(f"built {n:,} articles from {len(seeds)} parsed once ({parsed:.1f} s parsing, "
          f"{time.perf_counter() - start - parsed:.1f} s storing)")
    return time.perf_counter() - start


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def pages(store: Store, filters: Filters) -> dict:
    def sidebar():
        counts, articles = store.actor_counts(), views.article_list(store.frame("articles"))
        return F.actor_options(counts), F.article_labels(articles)
    return {
        "sidebar (actors, articles)": sidebar,
        "overview": lambda: views.overview(store, filters),
        "casualties": lambda: views.casualties(store, filters),
        "timeline": lambda: views.timeline(store, filters),
        "map": lambda: views.place_map(store, filters, "Gaza"),
        "quotes": lambda: views.quotes(store, filters),
        "articles (list)": lambda: views.article_list(store.frame("articles", filters)),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", help="reuse (or create) this store instead of a temporary one")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"
    if not path.exists():
        build(path, args.articles)

    start = time.perf_counter()
    with Store(path, read_only=True) as store:
        views.overview(store, Filters())
        first = time.perf_counter() - start
        stats = store.stats()
        print(f"store: {stats['articles']:,} articles, {stats['casualties']:,} figures, {stats['quotes']:,} quotes, "
              f"{stats['events']:,} events, {stats['places']:,} places")
        print(f"first page (open the store, Overview cold): {first * 1000:,.0f} ms   target < 5,000 ms")
        top = store.actor_counts()["name"].iloc[0]
        for label, filters in (("no filter", Filters()),
                               (f"actor = {top}", Filters(actors=(top,))),
                               ("last 90 days by figure date", Filters(since=date(2024, 5, 1), date_basis="record"))):
            print(f"\n{label}: median of {args.runs} runs, target < 300 ms")
            for name, fn in pages(store, filters).items():
                print(f"  {name:28s}{median_ms(fn, args.runs):>9,.0f} ms")
    tmp.cleanup()


if __name__ == "__main__":
    main()
