"""Map points grouped by canonical place, their hover, and the layers that draw offline."""
import json

import pandas as pd

from components import geo


def _places():
    df = pd.DataFrame({
        "name": ["Khan Younis", "Khan Yunis", "Jenin", "Nowhere"],
        "canonical": ["Khan Yunis", "Khan Yunis", "Jenin", None],
        "lat": [31.34, 31.34, 32.46, None], "lon": [34.30, 34.30, 35.30, None],
        "region": ["Gaza Strip", "Gaza Strip", "West Bank", None], "country": ["PS", "PS", "PS", None],
        "mentions": [3, 2, 1, 4], "article_id": ["a1", "a2", "a2", "a2"],
        "article_title": ["Strikes <b>south</b>", "Raids", "Raids", "Raids"],
        "article_published": pd.to_datetime(["2024-03-01", "2024-03-05", "2024-03-05", "2024-03-05"]).astype("datetime64[s]"),
    })
    return df


def _casualties():
    df = pd.DataFrame({"count": [12], "category": ["killed"], "place": ["Khan Younis"], "source": ["civil defence"],
                       "date": pd.to_datetime(["2024-03-01"]).astype("datetime64[s]"),
                       "article_published": pd.to_datetime(["2024-03-01"]).astype("datetime64[s]")})
    return df


def test_points_group_written_names_under_the_canonical_place():
    got = geo.map_points(_places(), _casualties())
    assert got[["place", "region", "mentions", "articles", "names"]].to_dict("records") == [
        {"place": "Khan Yunis", "region": "Gaza Strip", "mentions": 5, "articles": 2, "names": "Khan Younis, Khan Yunis"},
        {"place": "Jenin", "region": "West Bank", "mentions": 1, "articles": 1, "names": "Jenin"}]


def test_hover_lists_figures_and_articles_escaped():
    hover = geo.map_points(_places(), _casualties())["hover"].iloc[0]
    assert hover == ("<b>Khan Yunis</b> · 5 mentions<br><i>Figures</i><br>12 killed (2024-03-01, civil defence)"
                     "<br><i>Articles (2)</i><br>2024-03-05 Raids<br>2024-03-01 Strikes &lt;b&gt;south&lt;/b&gt;")


def test_layers_tiles_under_boundaries(tmp_path):
    path = tmp_path / "b.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    layers = geo.base_layers(geo.load_boundaries(path))
    assert [(layer["sourcetype"], layer.get("type")) for layer in layers] == [("raster", None), ("geojson", "fill"), ("geojson", "line")]
    assert geo.load_boundaries(tmp_path / "missing.geojson") is None


def test_map_uses_a_local_style_and_the_chosen_view():
    fig = geo.place_map(geo.map_points(_places()), "Gaza", None)
    assert fig.layout.map.style == "white-bg"
    assert (fig.layout.map.center.lat, fig.layout.map.center.lon, fig.layout.map.zoom) == geo.VIEWS["Gaza"]
    assert sorted(t.name for t in fig.data) == ["Gaza Strip", "West Bank"]
