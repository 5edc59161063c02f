"""Map: places sized by mentions, coloured by region, over the bundled boundaries (and
OpenStreetMap tiles when the browser is online)."""
import streamlit as st

from components import views
from components.context import as_of_line, current_filters, reader
from components.geo import OSM_CREDIT, VIEWS
from components.online import tiles_reachable
from components.tables import show_table

filters = current_filters()
r = reader()
st.title("Map")
st.markdown(as_of_line(r.frame("articles", filters), filters))
view = st.segmented_control("View", list(VIEWS), key="view", bind="query-params", default="Region")
online = tiles_reachable()
m = views.place_map(r, filters, view or "Region", tiles=online)
st.plotly_chart(m.chart, width="stretch", key="map_chart", config={"scrollZoom": True})
st.caption(f"Points: places by mentions; hover for their figures and articles. "
           f"{'Boundaries: Natural Earth. ' if m.boundaries else 'Boundaries layer not installed. '}"
           + (f"Background tiles {OSM_CREDIT}." if online else "Offline: no background tiles, the outlines are bundled."))
st.subheader("Places")
show_table(m.points.drop(columns=["hover"]), "map_points", key="map_points", file_name="places.csv")
unplaced = m.places[m.places["lat"].isna()] if len(m.places) else m.places
if len(unplaced):
    with st.expander(f"{unplaced['name'].nunique()} names without coordinates"):
        show_table(unplaced, "places", key="map_unplaced", file_name="places_without_coordinates.csv")
