"""Frames out as CSV, JSON Lines or Parquet; CSV made safe to open in a spreadsheet."""
from __future__ import annotations

import io

import pandas as pd

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def formula_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as formulas get a leading apostrophe."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    return out


def to_csv(df: pd.DataFrame) -> str:
    frame = df.copy()
    for col in frame.columns:  # lists (an event's actors) as "a; b"
        if frame[col].dtype == object and frame[col].map(lambda v: isinstance(v, (list, tuple))).any():
            frame[col] = frame[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return formula_safe(frame).to_csv(index=False, date_format="%Y-%m-%d")


def _dates_as_iso(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
    return out


def write(df: pd.DataFrame, fmt: str, out) -> None:
    """Write `df` to a binary file object as csv, jsonl or parquet."""
    if fmt in ("csv", "jsonl"):
        df = _dates_as_iso(df)
    if fmt == "csv":
        out.write(to_csv(df).encode("utf-8"))
    elif fmt == "jsonl":
        out.write(df.to_json(orient="records", lines=True, force_ascii=False).encode("utf-8"))
    elif fmt == "parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        out.write(buf.getvalue())
    else:
        raise ValueError(f"unknown format {fmt!r}")
