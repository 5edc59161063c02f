"""Articles: add by paste, upload, URL or feed; the list; one article read with its figures, quotes,
places and events highlighted."""

import streamlit as st

from components import intake
from components.context import as_of_line, current_filters, reader, shared
from components.evidence import STYLE, highlight_html, legend_html, marks_for
from components.filters import article_labels, first_options
from components.review import review_panel
from components.tables import column_config, show_table
from newsroom.store import Filters

filters = current_filters()
r = reader()
store = shared()
st.title("Articles")
listed = r.frame("articles", filters)
st.markdown(as_of_line(listed, filters))


def add(inputs) -> None:
    bar = st.progress(0.0, text="Starting…")
    rows = intake.run(inputs, store.ingest, progress=lambda share, text: bar.progress(share, text=text))
    st.session_state["intake_results"] = rows
    st.rerun()  # the lists and the sidebar's options now include the new articles


read_tab, list_tab, add_tab = st.tabs(["Read", "List", "Add articles"])

with add_tab:
    paste, upload, link = st.columns(3)
    with paste.form("paste_form", clear_on_submit=False):
        st.markdown("**Paste** an article")
        title = st.text_input("Title", key="paste_title", placeholder="optional: else the first line")
        published = st.date_input("Published", value=None, key="paste_date", format="YYYY-MM-DD")
        text = st.text_area("Text", key="paste_text", height=180)
        if st.form_submit_button("Add pasted text", type="primary"):
            if text.strip():
                add([("pasted text", lambda: intake.pasted_items(text, title, published))])
            else:
                st.warning("Paste the article's text first.")
    with upload.form("upload_form", clear_on_submit=True):
        st.markdown("**Upload** files")
        files = st.file_uploader("txt, html, json, jsonl or csv; several at once", type=intake.UPLOAD_TYPES,
                                 accept_multiple_files=True, key="upload_files")
        if st.form_submit_button("Add files", type="primary") and files:
            add([(f.name, lambda f=f: intake.upload_items(f.name, f.getvalue())) for f in files])
    with link.form("url_form"):
        st.markdown("**Link** to an article or a feed")
        urls = st.text_area("URLs, one a line (pages, RSS or Atom feeds)", key="urls", height=120)
        if st.form_submit_button("Fetch and add", type="primary"):
            lines = [u.strip() for u in urls.splitlines() if u.strip()]
            add([(u, lambda u=u: intake.url_items(u)) for u in lines])
    if st.session_state.get("intake_results"):
        results = intake.results_frame(st.session_state["intake_results"])
        failed = int((results["result"] == "failed").sum())
        added = int((results["result"] == "added").sum())
        (st.warning if failed else st.success)(f"{added} added, {failed} failed, "
                                               f"{len(results) - added - failed} already stored")
        st.dataframe(results, hide_index=True, width="stretch", column_config=column_config(list(results.columns)))

with list_tab:
    show_table(listed, "articles", key="articles_list", file_name="articles.csv")

with read_tab:
    labels = article_labels(listed)
    ids = list(labels.values())
    wanted = st.query_params.get("read")
    if wanted and wanted not in ids and store.article(wanted):  # a link to an article outside the filters
        one = r.frame("articles", Filters(articles=(wanted,)))
        labels = {**article_labels(one), **labels}
        ids = list(labels.values())
    if not ids:
        st.info("No article in this view.")
        st.stop()
    names = {v: k for k, v in labels.items()}
    ids = first_options(ids, [wanted] if wanted else [])
    if len(labels) > 1000:
        st.caption(f"The 1,000 newest of {len(labels):,} articles in view: narrow the filters to find older ones.")
    index = ids.index(wanted) if wanted in ids else 0
    chosen = st.selectbox("Article", ids, index=index, format_func=names.get, key="read_pick")
    if chosen != wanted:
        st.query_params["read"] = chosen
        st.query_params.pop("focus", None)
    focus = st.query_params.get("focus") if chosen == wanted else None
    article = store.article(chosen)
    one = Filters(articles=(chosen,))
    cas, quo, eve, pla = (r.frame(t, one) for t in ("casualties", "quotes", "events", "places"))
    meta = [f"{article['published']:%d %b %Y}" if article["published"] is not None and str(article["published"]) != "NaT" else "undated",
            article["source"], article["author"], article["ref"]]
    st.subheader(next((t for t in (article["title"], article["ref"]) if isinstance(t, str) and t), "Untitled"))
    st.caption(" · ".join(m for m in meta if isinstance(m, str) and m))
    if isinstance(article["url"], str) and article["url"]:
        st.link_button("Original", article["url"], icon=":material/open_in_new:")
    marks = marks_for(article["text"], cas, quo, eve, pla, focus)
    counts = {k: sum(1 for m in marks if m.kind == k) for k in ("figure", "quote", "event", "place")}
    focused = [m for m in marks if m.focus]
    if focused:
        st.info(f"Evidence: {article['text'][focused[0].start:focused[0].end]}", icon=":material/format_quote:")
    body, side = st.columns([3, 2])
    with body:
        st.html(STYLE + legend_html(counts) + highlight_html(article["text"], marks))
    with side:
        for table, frame, key in (("casualties", cas, "rd_cas"), ("quotes", quo, "rd_quo"), ("events", eve, "rd_eve")):
            st.markdown(f"**{table.capitalize()}** ({len(frame)})")
            picked = show_table(frame, table, key=key, file_name=f"{table}-{chosen[:8]}.csv", select=True)
            review_panel(store, table, picked, key=key)
        st.markdown(f"**Places** ({len(pla)})")
        show_table(pla, "places", key="rd_pla", file_name=f"places-{chosen[:8]}.csv")
