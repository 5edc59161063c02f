"""Newsroom Dashboard: `streamlit run dashboard.py`.

Opens the store (NEWSROOM_DB, else data/newsroom.duckdb) once for the server, fills an empty one
with the bundled sample, draws the shared sidebar filters and runs the chosen page.
"""
import streamlit as st

from components.context import shared, sidebar

st.set_page_config(page_title="Newsroom Dashboard", page_icon=":material/newspaper:", layout="wide")

store = shared()
if not store.stats()["articles"]:
    with st.spinner("First start: reading the bundled sample articles…"):
        store.ensure_sample()

pages = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("pages/casualties.py", title="Casualties", icon=":material/monitor_heart:", url_path="casualties"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
    st.Page("pages/articles.py", title="Articles", icon=":material/article:", url_path="articles"),
]
page = st.navigation(pages)
sidebar()
page.run()
