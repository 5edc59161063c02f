"""The curated data files under data/, read once per process.

data/actors.csv     canonical, aliases ("|"-separated), type, affiliation, short (the surname copy uses
                    alone for this person: "Blinken"; blank when too common to tell people apart)
data/gazetteer.csv  name, aliases ("|"-separated), kind, lat, lon, country, region, source
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _aliases(cell) -> list[str]:
    return [a.strip() for a in str(cell or "").split("|") if a.strip()]


@lru_cache(maxsize=1)
def actors_table() -> pd.DataFrame:
    """One row per canonical actor, `aliases` as a list."""
    path = DATA_DIR / "actors.csv"
    if not path.exists():
        return pd.DataFrame(columns=["canonical", "aliases", "type", "affiliation", "short"])
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["aliases"] = df["aliases"].map(_aliases)
    if "short" not in df:
        df["short"] = ""
    return df


@lru_cache(maxsize=1)
def gazetteer() -> pd.DataFrame:
    """One row per curated place, `aliases` as a list, coordinates as floats."""
    path = DATA_DIR / "gazetteer.csv"
    if not path.exists():
        return pd.DataFrame(columns=["name", "aliases", "kind", "lat", "lon", "country", "region", "source"])
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["aliases"] = df["aliases"].map(_aliases)
    df["lat"] = pd.to_numeric(df["lat"], errors="coerce")
    df["lon"] = pd.to_numeric(df["lon"], errors="coerce")
    return df
