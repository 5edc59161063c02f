"""Adding articles from the dashboard: each input (a pasted text, an uploaded file, a URL or feed)
is read and stored on its own, so the result names every input, and a bad one stops nothing."""
from __future__ import annotations

from typing import Callable, Iterable

import pandas as pd

from newsroom.ingest import IngestReport
from newsroom.readers import ReadError, read_bytes, read_inputs, read_pasted
from newsroom.records import Article

Item = Article | ReadError
UPLOAD_TYPES = ["txt", "html", "htm", "json", "jsonl", "csv"]


def result_rows(label: str, report: IngestReport) -> list[dict]:
    """One line per article (added or already there) and per error, under the input's name."""
    rows = [{"input": label, "result": "added", "article": a.title or a.ref, "date": a.published, "detail": ""}
            for a in report.added]
    rows += [{"input": label, "result": "already stored", "article": a.title or a.ref, "date": a.published,
              "detail": "same text as a stored article"} for a in report.unchanged]
    rows += [{"input": label, "result": "failed", "article": "", "date": None, "detail": err.reason}
             for err in report.failed]
    if not rows:
        rows.append({"input": label, "result": "failed", "article": "", "date": None, "detail": "nothing readable"})
    return rows


def results_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["input", "result", "article", "date", "detail"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[s]")
    return frame


def pasted_items(text: str, title: str | None, published) -> list[Item]:
    try:
        return [read_pasted(text, title or None, published)]
    except ReadError as err:
        return [err]


def upload_items(name: str, data: bytes) -> list[Item]:
    return list(read_bytes(data, name, origin=f"upload {name}"))


def url_items(url: str) -> list[Item]:
    return list(read_inputs([url.strip()]))


def run(inputs: Iterable[tuple[str, Callable[[], list[Item]]]], ingest: Callable[..., IngestReport],
        progress: Callable[[float, str], None] = lambda share, text: None) -> list[dict]:
    """Read and store each (label, read) input in turn, reporting progress between them."""
    inputs = list(inputs)
    rows: list[dict] = []
    for i, (label, read) in enumerate(inputs):
        progress(i / max(len(inputs), 1), f"Reading {label} ({i + 1} of {len(inputs)})")
        try:
            items = read()
        except Exception as err:  # a reader bug must not lose the other inputs' results
            items = [ReadError(label, f"could not be read: {err}")]
        rows += result_rows(label, ingest(items))
    progress(1.0, f"Done: {len(inputs)} input{'s' if len(inputs) != 1 else ''}")
    return rows
