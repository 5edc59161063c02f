"""The Overview's one download: every table it shows, as formula-safe CSVs in a ZIP."""
from __future__ import annotations

import io
import zipfile

import pandas as pd

from components.tables import csv_of, display_frame


def zip_tables(tables: dict[str, tuple[pd.DataFrame, str]], readme: str) -> bytes:
    """name → (frame, table kind) as name.csv, each exactly as displayed, plus a README."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("README.txt", readme)
        for name, (frame, kind) in tables.items():
            zf.writestr(f"{name}.csv", csv_of(display_frame(frame, kind)))
    return buf.getvalue()
