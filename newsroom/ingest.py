"""Read → extract → store, for the CLI and the dashboard alike."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from newsroom.nlp.pipeline import extract_articles
from newsroom.readers import ReadError, ReadOptions, read_inputs
from newsroom.records import Article
from newsroom.store import Store


@dataclass
class IngestReport:
    added: list[Article] = field(default_factory=list)
    unchanged: list[Article] = field(default_factory=list)
    failed: list[ReadError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return f"added {len(self.added)}, unchanged {len(self.unchanged)}, failed {len(self.failed)}"


def ingest_items(store: Store, items: Iterable[Article | ReadError], workers: int = 1,
                 on_error: Callable[[ReadError], None] = lambda e: None,
                 progress: Callable[[int, int], None] = lambda done, total: None) -> IngestReport:
    """Store every article not stored yet; articles already there (or twice in the batch) are
    not parsed again, so re-running a batch after a crash only does what is missing."""
    report = IngestReport()
    known = store.known_ids()
    todo: list[Article] = []
    for item in items:
        if isinstance(item, ReadError):
            report.failed.append(item)
            on_error(item)
        elif item.id in known:
            report.unchanged.append(item)
        else:
            known.add(item.id)
            todo.append(item)
    progress(0, len(todo))
    for done, result in enumerate(extract_articles(todo, workers=workers), 1):
        if isinstance(result, ReadError):
            report.failed.append(result)
            on_error(result)
        elif store.add(result):
            report.added.append(result.article)
        else:
            report.unchanged.append(result.article)
        progress(done, len(todo))
    return report


def ingest(store: Store, inputs: Iterable[str], options: ReadOptions = ReadOptions(), workers: int = 1,
           **callbacks) -> IngestReport:
    return ingest_items(store, read_inputs(inputs, options), workers=workers, **callbacks)
