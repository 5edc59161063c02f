"""`python -m newsroom`: ingest, extract, export, stats."""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

from newsroom.readers import ReadError, ReadOptions, read_inputs


def _read_options(args) -> ReadOptions:
    return ReadOptions(max_bytes=args.max_bytes, timeout=args.timeout)


def _articles_reporting_errors(args, failures: list[ReadError]):
    """The articles of the inputs; each failure is printed on stderr as it comes, and collected."""
    for item in read_inputs(args.inputs, _read_options(args)):
        if isinstance(item, ReadError):
            print(f"error: {item}", file=sys.stderr)
            failures.append(item)
        else:
            yield item


def cmd_extract(args) -> int:
    from newsroom.nlp.pipeline import extract_articles

    failures: list[ReadError] = []
    out = sys.stdout
    for extraction in extract_articles(_articles_reporting_errors(args, failures), workers=args.workers):
        out.write(json.dumps(extraction.to_record(), ensure_ascii=False) + "\n")
    out.flush()
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newsroom", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def reading(p):
        p.add_argument("inputs", nargs="+", metavar="PATH|URL|FEED", help="files, folders, globs, URLs, feeds")
        p.add_argument("--workers", type=int, default=1, help="processes parsing in parallel (default 1)")
        p.add_argument("--max-bytes", type=int, default=ReadOptions.max_bytes,
                       help="largest article text accepted (default %(default)s; env NEWSROOM_MAX_BYTES)")
        p.add_argument("--timeout", type=float, default=ReadOptions.timeout, help="seconds per URL (default %(default)s)")

    p = sub.add_parser("extract", help="print one JSON extraction record per article; the store is untouched")
    reading(p)
    p.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "workers", 1) < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    return args.func(args)
