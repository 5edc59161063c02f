"""Quotes: search, speaker filter, cards with quote, speaker, cue, date and article."""
import streamlit as st

from components import views
from components.context import as_of_line, current_filters, reader, shared
from components.evidence import STYLE, quote_card_html
from components.review import review_panel
from components.tables import show_table

filters = current_filters()
r = reader()
st.title("Quotes")
st.markdown(as_of_line(r.frame("articles", filters), filters))

everyone = r.frame("quotes", filters)
speakers = sorted(everyone["speaker"].dropna().unique()) if len(everyone) else []
left, mid, right = st.columns([3, 3, 1], vertical_alignment="bottom")
search = left.text_input("Search quotes", key="find", bind="query-params", placeholder="words in the quote or its sentence")
chosen_speakers = mid.multiselect("Speakers", speakers, key="speaker", bind="query-params", placeholder="Anyone")
fragments = right.checkbox("Fragments", key="fragments", bind="query-params", help="Show one- or two-word quoted fragments too")
q = views.quotes(r, filters, search or "", tuple(chosen_speakers), bool(fragments))

cards, table = st.tabs(["Cards", "Table and review"])
with cards:
    st.caption(f"{len(q):,} quotes" + ("" if len(q) <= 60 else " · the 60 newest as cards; all of them in the table"))
    st.html(STYLE + "".join(quote_card_html(row) for row in q.head(60).itertuples()))
with table:
    chosen = show_table(q, "quotes", key="quotes_table", file_name="quotes.csv", select=True)
    review_panel(shared(), "quotes", chosen, key="qt")
