"""An article read with its extractions marked, and quotes as cards: HTML built from data.

Article text, titles, speakers and quotes are all data: each piece is escaped with html.escape
before it joins any markup, so a `<script>` in an article is shown as text and never runs.
"""
from __future__ import annotations

from dataclasses import dataclass
import html
import re

import pandas as pd

from components.labels import SEPARATOR, person_label, role_text

# kind → (colour, label); the first kind in this order wins where marks overlap.
KINDS = {
    "figure": ("#ffd6d6", "casualty figure"),
    "quote": ("#d9e8ff", "quote"),
    "event": ("#fff2b3", "event"),
    "place": ("#d8f5d8", "place"),
}
_PRIORITY = {k: i for i, k in enumerate(KINDS)}

STYLE = """<style>
.nr-article{font-family:Georgia,serif;font-size:1.02rem;line-height:1.6;white-space:pre-wrap;max-width:52rem}
.nr-article mark{padding:0;border-radius:3px}  /* padding would push words apart where marks nest */
.nr-article mark.nr-focus{outline:2px solid #c00}
""" + "".join(f".nr-{k}{{background:{c}}}\n" for k, (c, _) in KINDS.items()) + """
.nr-legend span{display:inline-block;padding:0 .4em;margin-right:.5em;border-radius:3px;font-size:.85rem}
.nr-card{border:1px solid #ddd;border-left:4px solid #4c78a8;border-radius:4px;padding:.5rem .8rem;margin:.4rem 0}
.nr-card q{font-size:1.05rem}
.nr-card .nr-meta{color:#555;font-size:.85rem;margin-top:.25rem}
.nr-card.nr-wrong{border-left-color:#c00;opacity:.7}
.nr-card.nr-verified{border-left-color:#2a2}
</style>"""


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    note: str
    focus: bool = False


def marks_for(text: str, casualties: pd.DataFrame, quotes: pd.DataFrame, events: pd.DataFrame,
              places: pd.DataFrame, focus: str | None = None) -> list[Mark]:
    """Every extraction of one article as a character span; `focus` (a row_key) is outlined.
    Places carry no offsets, so each written name is found in the text as a whole word."""
    def speaker(r) -> str:
        return person_label(r.speaker, getattr(r, "speaker_role", None)) or "unknown speaker"

    marks: list[Mark] = []
    for kind, df, describe in (
        ("figure", casualties, lambda r: f"{r.count:,} {r.category}" + (f" · {r.source}" if isinstance(r.source, str) and r.source else "")),
        ("quote", quotes, lambda r: f"quote · {speaker(r)}"),
        ("event", events, lambda r: f"{r.type} event"),
    ):
        for r in df.itertuples():
            if 0 <= r.start < r.end <= len(text):
                marks.append(Mark(int(r.start), int(r.end), kind, describe(r), focus is not None and r.row_key == focus))
    for name in sorted(set(places["name"])) if len(places) else []:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            marks.append(Mark(m.start(), m.end(), "place", f"place · {name}"))
    return marks


def highlight_html(text: str, marks: list[Mark]) -> str:
    """The text cut at every mark boundary; each piece escaped and wrapped in the <mark> of the
    highest-priority kind covering it (events span sentences, figures are inside them), its title
    listing everything there."""
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = html.escape(text[a:b])
        covering = sorted((m for m in marks if m.start <= a and m.end >= b), key=lambda m: _PRIORITY[m.kind])
        if not covering:
            out.append(piece)
            continue
        top = covering[0]
        focus = " nr-focus" if any(m.focus for m in covering) else ""
        title = html.escape(" | ".join(dict.fromkeys(m.note for m in covering)), quote=True)
        out.append(f'<mark class="nr-{top.kind}{focus}" title="{title}">{piece}</mark>')
    return f'<div class="nr-article">{"".join(out)}</div>'


def legend_html(counts: dict[str, int]) -> str:
    items = "".join(f'<span class="nr-{k}">{html.escape(label)} ({counts.get(k, 0)})</span>'
                    for k, (_, label) in KINDS.items())
    return f'<div class="nr-legend">{items}</div>'


def speaker_html(speaker: object, role: object = None) -> str:
    """The speaker in bold with the role their article gives them beside it, both escaped:
    <b>Greta Lund</b> · Swedish foreign minister."""
    if not isinstance(speaker, str) or not speaker:
        return "<b><i>unknown speaker</i></b>"
    shown = role_text(role)
    beside = f'<span class="nr-role">{SEPARATOR}{html.escape(shown)}</span>' if shown else ""
    return f"<b>{html.escape(speaker)}</b>{beside}"


def quote_card_html(row) -> str:
    """One quote: the words, who said them (and as what), the cue verb, the date and the article,
    all escaped."""
    day = row.article_published.strftime("%Y-%m-%d") if pd.notna(row.article_published) else "undated"
    speaker = speaker_html(row.speaker, getattr(row, "speaker_role", None))
    cue = f" · {html.escape(row.cue)}" if isinstance(row.cue, str) and row.cue else ""
    review = getattr(row, "review", None)
    state = f" nr-{review}" if review in ("verified", "wrong") else ""
    flag = f" · <b>{html.escape(review)}</b>" if isinstance(review, str) else ""
    kind = f" · {html.escape(row.kind)}" if isinstance(row.kind, str) and row.kind != "direct" else ""
    title = html.escape(next((t for t in (row.article_title, row.article_ref) if isinstance(t, str) and t), "article"))
    link = f'<a href="articles?read={html.escape(row.article_id, quote=True)}&amp;focus={html.escape(row.row_key, quote=True)}" target="_self">{title}</a>'
    return (f'<div class="nr-card{state}"><q>{html.escape(row.quote)}</q>'
            f'<div class="nr-meta">{speaker}{cue}{kind} · {day} · {link}{flag}</div></div>')
