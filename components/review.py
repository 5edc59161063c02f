"""Editors' review: mark a figure, quote or event verified or wrong, with a note. Verdicts live in
the store's `reviews` table keyed by what the row says, so they survive a re-ingest."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data import SharedStore

VERDICTS = {"verified": "✅ verified", "wrong": "❌ wrong", None: "— no verdict"}


def row_summary(table: str, row: pd.Series) -> str:
    """How the form names the row it reviews."""
    if table == "casualties":
        what = f"{int(row['count']):,} {row['category']}" + (f" — {row['source']}" if isinstance(row.get("source"), str) else "")
    elif table == "quotes":
        what = f"“{row['quote'][:120]}” — {row.get('speaker') or 'unknown speaker'}"
    else:
        what = f"{row['type']}: {str(row.get('evidence') or '')[:120]}"
    return what


def review_panel(shared: SharedStore, table: str, chosen: pd.DataFrame | None, key: str) -> None:
    """Under a table: the form for the row chosen in it, or a hint to choose one."""
    if chosen is None or not len(chosen):
        st.caption("Select a row (the box at its left) to mark it verified or wrong.")
        return
    row = chosen.iloc[0]
    current = row.get("review") if isinstance(row.get("review"), str) else None
    with st.form(f"{key}_review", border=True):
        st.markdown(f"**Review** · {row_summary(table, row)}")
        verdict = st.radio("Verdict", list(VERDICTS), index=list(VERDICTS).index(current),
                           format_func=VERDICTS.get, horizontal=True, key=f"{key}_verdict")
        note = st.text_input("Note", value=row.get("review_note") if isinstance(row.get("review_note"), str) else "",
                             placeholder="why (source checked, figure superseded, misattributed…)", key=f"{key}_note")
        if st.form_submit_button("Save review", type="primary"):
            shared.review(table, row["row_key"], verdict, note)
            st.toast("Review saved" if verdict else "Review cleared")
            st.rerun()
