"""Casualties: the ledger of figures, the latest per category and source, how tolls grew, and where
sources disagree."""
import streamlit as st

from components import charts, views
from components.context import as_of_line, current_filters, reader, shared
from components.review import review_panel
from components.tables import show_table

filters = current_filters()
r = reader()
st.title("Casualties")
st.markdown(as_of_line(r.frame("articles", filters), filters))

c = views.casualties(r, filters)

if not len(c.ledger):
    st.info("No casualty figures in this view. Widen the filters, or add articles on the Articles page.")
    st.stop()

st.subheader("Latest figure by category and source")
show_table(c.latest, "latest", key="cas_latest", file_name="latest_figures.csv")

st.subheader("Where sources disagree")
if len(c.disagreements):
    st.warning(f"{len(c.disagreements)} time{'s' if len(c.disagreements) != 1 else ''} two or more sources gave "
               "different figures for the same category, place, group and day.", icon=":material/flag:")
    show_table(c.disagreements, "disagreements", key="cas_disagree", file_name="disagreements.csv")
else:
    st.caption("No disagreement: where sources give the same category, place and day, their figures match.")

st.subheader("Figures over time")
category = st.segmented_control("Category", c.categories, key="category", bind="query-params",
                                help="How this category's toll grew, per source")
toll = charts.toll_lines(c.ledger, category) if category else c.toll_chart
st.plotly_chart(toll, width="stretch", key="cas_toll_chart")

st.subheader("Ledger")
chosen = show_table(c.ledger, "casualties", key="cas_ledger", file_name="casualties.csv", select=True)
review_panel(shared(), "casualties", chosen, key="cas")
