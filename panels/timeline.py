"""Timeline: events on a date axis, one row per actor, coloured by type; the table below."""
import streamlit as st

from components import views
from components.charts import EVENT_COLOURS
from components.context import as_of_line, current_filters, reader, shared
from components.review import review_panel
from components.tables import show_table

filters = current_filters()
r = reader()
st.title("Timeline")
st.markdown(as_of_line(r.frame("articles", filters), filters))
types = st.pills("Event types", list(EVENT_COLOURS), selection_mode="multi", key="types", bind="query-params",
                 help="None chosen: every type")
t = views.timeline(r, filters, tuple(types or ()))
st.plotly_chart(t.chart, width="stretch", key="timeline_chart")
st.caption("Filled dots: the text dates the event. Open dots: no date in the text, placed at the article's date.")
chosen = show_table(t.events, "events", key="timeline_events", file_name="events.csv", select=True)
review_panel(shared(), "events", chosen, key="ev")
