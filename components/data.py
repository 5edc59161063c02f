"""One store for the whole server, shared by every session, and the frames read from it.

DuckDB connections are not safe to use from two threads at once and Streamlit runs each session
in its own thread, so every call goes through one lock. Frames are cached by (store, generation,
table, filters); a write (ingest, review) bumps the generation, so no reader sees a stale table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
import os
from pathlib import Path
import threading
from typing import Callable, Iterable

import pandas as pd

from newsroom.ingest import IngestReport, ingest_items
from newsroom.readers import ReadError, read_inputs
from newsroom.records import Article
from newsroom.store import DEFAULT_PATH, Filters, Store

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"


def store_path() -> str:
    """NEWSROOM_DB, else the default store beside the sample."""
    return str(Path(os.environ.get("NEWSROOM_DB") or DEFAULT_PATH).resolve())


@dataclass
class SharedStore:
    """A Store behind a lock, with a generation counter that names its current content."""

    store: Store
    lock: threading.RLock = field(default_factory=threading.RLock)
    generation: int = 0

    @classmethod
    def open(cls, path: str) -> "SharedStore":
        return cls(Store(path))

    @property
    def path(self) -> str:
        return str(self.store.path)

    def frame(self, table: str, filters: Filters = Filters(), with_text: bool = False,
              columns: tuple[str, ...] | None = None) -> pd.DataFrame:
        with self.lock:
            return self.store.frame(table, filters, with_text, columns)

    # The Store's SQL-side summaries (components.views.Summarizer), behind the same lock.
    def counts(self, filters: Filters = Filters()) -> dict[str, int]:
        with self.lock:
            return self.store.counts(filters)

    def most_quoted(self, filters: Filters = Filters(), limit: int = 15) -> pd.DataFrame:
        with self.lock:
            return self.store.most_quoted(filters, limit)

    def newest(self, table: str, filters: Filters = Filters(), limit: int = 10) -> pd.DataFrame:
        with self.lock:
            return self.store.newest(table, filters, limit)

    def actor_counts(self) -> pd.DataFrame:
        with self.lock:
            return self.store.actor_counts()

    def article(self, article_id: str) -> dict | None:
        with self.lock:
            return self.store.article(article_id)

    def stats(self) -> dict[str, int]:
        with self.lock:
            return self.store.stats()

    def review(self, table: str, key: str, verdict: str | None, note: str | None = None) -> None:
        """Record an editor's verdict; None clears it."""
        with self.lock:
            if verdict is None:
                self.store.clear_review(table, key)
            else:
                self.store.review(table, key, verdict, note or None)
            self.generation += 1

    def ingest(self, items: Iterable[Article | ReadError],
               progress: Callable[[int, int], None] = lambda done, total: None) -> IngestReport:
        with self.lock:
            try:
                return ingest_items(self.store, items, progress=progress)
            finally:
                self.generation += 1

    def ensure_sample(self, sample_dir: Path = SAMPLE_DIR) -> IngestReport | None:
        """An empty store gets the bundled sample, so a first start shows something."""
        with self.lock:
            if self.store.stats()["articles"] or not sample_dir.is_dir():
                return None
            return self.ingest(read_inputs([str(sample_dir)]))
