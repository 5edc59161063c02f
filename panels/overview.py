"""Overview: where things stand as of the newest article."""
import streamlit as st

from components import views
from components.bundle import zip_tables
from components.context import as_of_line, current_filters, reader
from components.filters import describe
from components.tables import show_table

filters = current_filters()
o = views.overview(reader(), filters)

st.title("Overview")
st.markdown(as_of_line(o.articles, filters))
cols = st.columns(5)
for col, (label, n) in zip(cols, o.counts.items()):
    col.metric(label.capitalize(), f"{n:,}")

when = f"{o.as_of:%Y-%m-%d}" if o.as_of is not None else "undated"
bundle = zip_tables(
    {"latest_figures": (o.latest, "latest"), "most_quoted": (o.speakers, "speakers"),
     "latest_events": (o.events, "events"), "articles": (o.articles, "articles")},
    readme=f"Newsroom Dashboard overview\nas of {when} (newest article in view)\nfilters: {describe(filters)}\n")
st.download_button("Download everything shown (ZIP of CSVs)", bundle, file_name=f"overview-{when}.zip",
                   mime="application/zip", icon=":material/folder_zip:", key="overview_zip")

st.subheader("Latest figure by category and source")
if len(o.latest):
    show_table(o.latest, "latest", key="overview_latest", file_name="latest_figures.csv")
else:
    st.info("No casualty figures in this view.")

left, right = st.columns(2)
with left:
    st.subheader("Most quoted")
    show_table(o.speakers, "speakers", key="overview_speakers", file_name="most_quoted.csv")
with right:
    st.subheader("Latest events")
    show_table(o.events, "events", key="overview_events", file_name="latest_events.csv")

st.subheader("Newest articles")
show_table(o.articles.head(15), "articles", key="overview_articles", file_name="articles.csv")
