"""Sort the speaker misses of an evaluation run into the classes the README reports.

    python -m newsroom extract ../shared/eval/gold/polnear_dev.jsonl > polnear.jsonl
    python scripts/speaker_misses.py ../shared/eval/gold/polnear_dev.jsonl polnear.jsonl [--show CLASS]

Pairs quotes exactly as ../shared/eval/score.py does (it is imported, not copied), then asks of each
scored pair whose speakers do not match why not: the gold keeps a title and a surname where we give
the full name, the gold adds a description to the name, the gold keeps a role we resolve to a person,
the gold speaker is no speaker, we found none, or something else. The classes are rules of thumb over
the words of the two names, for finding what to work on; `--show` prints one class's pairs to read.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
import re
import sys

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "shared" / "eval"))
import score  # noqa: E402  (the shared scorer, standard library only)

# Words that lead a name as written without being the name ("Mr. Rubio", "Gov. Kasich").
_TITLES = {"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "professor", "prof", "col", "gen", "president",
           "senator", "judge", "secretary", "rev", "lt", "former", "retired", "governor", "congressman",
           "congresswoman", "chairman", "activist", "director", "adviser", "spokesman", "spokeswoman",
           "pollster", "candidate", "us", "u", "s", "the", "a", "an", "republican", "democratic", "democrat"}
# Gold speakers that are a word of the cue or the narrator, not a speaker.
_NOT_SPEAKERS = {"said", "asked", "transcript", "me", "here", "self", "we", "ve"}
CLASSES = {
    "title": "the gold is a title and a surname; we give the full name",
    "role": "the gold keeps a role or description; we resolve it to a person",
    "described": "the gold adds a description to the name",
    "noise": "the gold speaker is not a speaker",
    "null": "we give no speaker",
    "other": "other: a different speaker",
}


def _name_core(speaker: str) -> set[str]:
    """The name inside a speaker as written: before any appositive or clause, without titles."""
    head = re.split(r",| who | whose |\(| of | at | from ", speaker)[0]
    words = score.content_words(head)
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return set(words)


def miss_class(gold: str, pred: str | None) -> str:
    gold_words, pred_words = set(score.content_words(gold)), set(score.content_words(pred or ""))
    if gold_words <= _NOT_SPEAKERS:
        return "noise"
    if pred is None:
        return "null"
    if gold_words - _TITLES and gold_words - _TITLES <= pred_words:
        return "title"
    core = _name_core(gold)
    if core and (core <= pred_words or pred_words <= core):
        return "described"
    names_after_first = [w for w in gold.split()[1:] if w[:1].isupper()]
    if not names_after_first and len(pred.split()) > 1 and pred[:1].isupper():
        return "role"
    return "other"


def misses(gold_path: str, pred_path: str):
    """(class, gold speaker, our speaker, quote) for every scored pair, "ok" where they match."""
    preds = {r.get("ref") or r.get("file") or r.get("id"): r for r in score.load_jsonl(pred_path)}
    for g in score.load_jsonl(gold_path):
        gq = g.get("quotes") or []
        pq = (preds.get(g.get("file") or g.get("id")) or {}).get("quotes") or []

        def pair_score(a, b):
            x, y = score.cover(score.tokens(a["quote"]), score.tokens(b.get("quote", "")))
            return x + y if x >= 0.5 and y >= 0.5 else None

        for gi, pi in score.greedy(gq, pq, pair_score):
            gold, pred = gq[gi].get("speaker"), pq[pi].get("speaker")
            if not score.is_name(gold):
                continue
            cls = "ok" if score.same_speaker(gold, pred) else miss_class(gold, pred)
            yield cls, gold, pred, gq[gi]["quote"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--show", choices=sorted(CLASSES), help="print the pairs of one class")
    a = ap.parse_args(argv)
    rows = list(misses(a.gold, a.pred))
    counts = Counter(cls for cls, *_ in rows)
    print(f"{len(rows)} speakers scored, {counts['ok']} agree ({counts['ok'] / max(1, len(rows)):.3f})")
    for cls, what in CLASSES.items():
        print(f"{counts[cls]:6}  {what}")
    for cls, gold, pred, quote in rows:
        if cls == a.show:
            print(f"{gold!r:45.45} | {pred!r:30.30} | {quote[:60]}")


if __name__ == "__main__":
    main()
