"""`python -m newsroom`: ingest, extract, export, stats.

Exit codes: 0 when every input was read, 1 when any failed, 2 on a usage error.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from newsroom.readers import ReadError, ReadOptions, read_inputs
from newsroom.readers.dates import parse_date

EXPORT_TABLES = ("articles", "actors", "casualties", "events", "places", "quotes")


def _read_options(args) -> ReadOptions:
    return ReadOptions(max_bytes=args.max_bytes, timeout=args.timeout)


def _report_error(err: ReadError) -> None:
    print(f"error: {err}", file=sys.stderr)


def _open_store(args, read_only: bool = False):
    from newsroom.store import Store, StoreBusy
    try:
        return Store(args.db, read_only=read_only)
    except StoreBusy as err:
        print(f"error: {err}", file=sys.stderr)
        raise SystemExit(1)


def cmd_extract(args) -> int:
    from newsroom.nlp.pipeline import extract_articles

    failed = False

    def articles():
        nonlocal failed
        for item in read_inputs(args.inputs, _read_options(args)):
            if isinstance(item, ReadError):
                failed = True
                _report_error(item)
            else:
                yield item

    for result in extract_articles(articles(), workers=args.workers):
        if isinstance(result, ReadError):
            failed = True
            _report_error(result)
        else:
            sys.stdout.write(json.dumps(result.to_record(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 1 if failed else 0


def cmd_ingest(args) -> int:
    from tqdm import tqdm
    from newsroom.ingest import ingest

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total >= 20:  # a bar only where there is a wait to watch
            bar = tqdm(total=total, unit="article", file=sys.stderr, disable=None)
        if bar is not None:
            bar.n = done
            bar.refresh()

    with _open_store(args) as store:
        report = ingest(store, args.inputs, _read_options(args), workers=args.workers,
                        on_error=_report_error, progress=progress)
        if bar is not None:
            bar.close()
        print(report.summary())
        for err in report.failed:
            print(f"  failed: {err}")
    return 0 if report.ok else 1


def cmd_export(args) -> int:
    from newsroom.export import write
    from newsroom.store import Filters

    filters = Filters(actors=tuple(args.actor or ()), since=args.since, until=args.until,
                      articles=tuple(args.article or ()), text=args.text or "", date_basis=args.date_basis)
    with _open_store(args) as store:
        frame = store.frame(args.table, filters, with_text=True)
    if args.output in (None, "-"):
        write(frame, args.format, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with open(args.output, "wb") as out:
            write(frame, args.format, out)
        print(f"{len(frame)} rows of {args.table} written to {args.output}", file=sys.stderr)
    return 0


def cmd_stats(args) -> int:
    with _open_store(args) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats))
    else:
        for table, n in stats.items():
            print(f"{table:12s}{n:>10,}")
    return 0


def _date_arg(value: str):
    parsed = parse_date(value)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)")
    return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newsroom", description="Newsroom Dashboard engine.")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p):
        p.add_argument("--db", help="the DuckDB store (default data/newsroom.duckdb; env NEWSROOM_DB)")

    def reading(p):
        p.add_argument("inputs", nargs="+", metavar="PATH|URL|FEED",
                       help="files, folders (recursively), globs, URLs, RSS/Atom feeds")
        p.add_argument("--workers", type=int, default=1, help="processes parsing in parallel (default 1)")
        p.add_argument("--max-bytes", type=int, default=ReadOptions.max_bytes,
                       help="largest article text accepted (default %(default)s; env NEWSROOM_MAX_BYTES)")
        p.add_argument("--timeout", type=float, default=ReadOptions.timeout,
                       help="seconds allowed for each URL (default %(default)s)")

    p = sub.add_parser("ingest", help="read, extract and store articles")
    reading(p); with_db(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("extract", help="print one JSON extraction record per article; the store is untouched")
    reading(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("export", help="write a table, filtered as in the dashboard")
    p.add_argument("table", choices=EXPORT_TABLES)
    p.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="csv")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.add_argument("--actor", action="append", help="canonical actor name (repeatable)")
    p.add_argument("--since", type=_date_arg, help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", type=_date_arg, help="to this date, inclusive")
    p.add_argument("--article", action="append", help="article id (repeatable)")
    p.add_argument("--text", help="free-text search")
    p.add_argument("--date-basis", choices=("article", "record"), default="article",
                   help="filter dates by the article's publication date or the figure's/event's own date")
    with_db(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="rows per table")
    p.add_argument("--json", action="store_true", help="as one JSON object")
    with_db(p)
    p.set_defaults(func=cmd_stats)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "workers", 1) < 1:
        parser.error("--workers must be at least 1")
    if getattr(args, "max_bytes", 1) < 1:
        parser.error("--max-bytes must be positive")
    return args.func(args)
