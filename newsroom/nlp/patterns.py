"""Entity-ruler patterns built from the curated actors and gazetteer."""
from __future__ import annotations

from newsroom.resources import actors_table, gazetteer

_ACTOR_LABELS = {"person": "PERSON", "organization": "ORG", "country": "GPE", "group": "NORP"}
# Places the model should see as locations rather than geopolitical entities.
_LOC_KINDS = {"sea", "region", "river", "mountain", "area"}
_FAC_KINDS = {"hospital", "crossing", "building", "facility", "camp_facility"}


def _place_label(kind: str) -> str:
    if kind in _LOC_KINDS:
        return "LOC"
    if kind in _FAC_KINDS:
        return "FAC"
    return "GPE"


def ruler_patterns() -> list[dict]:
    """Phrase patterns (exact case) for every name and alias; the id is the canonical name."""
    out: list[dict] = []
    for row in actors_table().itertuples():
        label = _ACTOR_LABELS.get(row.type, "ORG")
        for name in [row.canonical, *row.aliases]:
            out.append({"label": label, "pattern": name, "id": row.canonical})
    for row in gazetteer().itertuples():
        label = _place_label(row.kind)
        for name in [row.name, *row.aliases]:
            out.append({"label": label, "pattern": name, "id": row.name})
    return out
