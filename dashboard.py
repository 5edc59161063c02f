"""Newsroom Dashboard: `streamlit run dashboard.py`.

Opens the store (NEWSROOM_DB, else data/newsroom.duckdb) once for the server, fills an empty one
with the bundled sample, draws the shared sidebar filters and runs the chosen page.

The page scripts live in panels/, not pages/: Streamlit takes a pages/ folder beside the entrypoint
for its legacy folder navigation until st.navigation has run once in the process, so a server's
first request to a deep link (/quotes?actor=…) would run the page without this script (no
sidebar, no filters).
"""
import streamlit as st

from components.context import shared, sidebar

st.set_page_config(page_title="Newsroom Dashboard", page_icon="📰", layout="wide")

store = shared()
if not store.stats()["articles"]:
    with st.spinner("First start: reading the bundled sample articles…"):
        store.ensure_sample()

pages = [
    st.Page("panels/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("panels/casualties.py", title="Casualties", icon=":material/monitor_heart:", url_path="casualties"),
    st.Page("panels/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("panels/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("panels/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
    st.Page("panels/articles.py", title="Articles", icon=":material/article:", url_path="articles"),
]
page = st.navigation(pages)
# Denser than Streamlit's default: an editor's tool, not a landing page.
st.html("<style>[data-testid='stMainBlockContainer']{padding-top:2.2rem}</style>")
sidebar()
page.run()
