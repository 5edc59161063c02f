"""Does the reader's browser reach OpenStreetMap's tile server? Only the browser can tell (the server
may be online while the reader is not, or the other way round), so a tiny component asks it once
per page load and reports back. The map adds the raster tiles only on a yes: offline, failed tile
requests would fill the console with errors and make plotly reject the map."""
from __future__ import annotations

import streamlit as st

from components.geo import OSM_PROBE

_JS = """
export default function ({ data, setStateValue }) {
  if (window.__newsroomTiles !== undefined) { setStateValue('online', window.__newsroomTiles); return; }
  const report = (ok) => { window.__newsroomTiles = ok; setStateValue('online', ok); };
  if (!navigator.onLine) { report(false); return; }
  const img = new Image();
  const timer = setTimeout(() => report(false), 5000);
  img.onload = () => { clearTimeout(timer); report(true); };
  img.onerror = () => { clearTimeout(timer); report(false); };
  img.src = data.url;
}
"""
_probe = st.components.v2.component("newsroom_tile_probe", js=_JS)


def tiles_reachable() -> bool:
    """True once the browser has fetched a tile; False offline and until it has answered."""
    result = _probe(key="tile_probe", data={"url": OSM_PROBE}, default={"online": None}, height=0,
                    on_online_change=lambda: None)
    return bool(result.online)
