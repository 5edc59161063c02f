"""The DuckDB store: one file, one transaction per article, pandas frames out.

An article's identity is the hash of its normalised text, so storing it again changes nothing.
Its extraction rows are written in the same transaction as the article: after a crash (even
kill -9) the store holds whole articles only, and running the batch again completes it.
Editors' `reviews` are keyed by what a row says and where, not by row number, so they survive a
re-ingest. Schema changes are numbered migrations, applied when the store opens.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
import gc
import hashlib
import os
import re
from pathlib import Path
import warnings

import duckdb
import pandas as pd
import pyarrow as pa

from newsroom.records import TABLES, Extraction

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "newsroom.duckdb"

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, ref VARCHAR, title VARCHAR, published DATE, source VARCHAR,
        url VARCHAR, author VARCHAR, origin VARCHAR, text VARCHAR NOT NULL, ingested_at TIMESTAMP);
    CREATE TABLE actors (
        article_id VARCHAR NOT NULL, name VARCHAR, type VARCHAR, mentions INTEGER);
    CREATE TABLE casualties (
        article_id VARCHAR NOT NULL, row_key VARCHAR, count BIGINT, qualifier VARCHAR, category VARCHAR,
        who VARCHAR, source VARCHAR, place VARCHAR, date DATE, evidence VARCHAR, start INTEGER, "end" INTEGER);
    CREATE TABLE events (
        article_id VARCHAR NOT NULL, row_key VARCHAR, date DATE, type VARCHAR, actors VARCHAR[],
        place VARCHAR, evidence VARCHAR, start INTEGER, "end" INTEGER);
    CREATE TABLE places (
        article_id VARCHAR NOT NULL, name VARCHAR, canonical VARCHAR, lat DOUBLE, lon DOUBLE,
        region VARCHAR, country VARCHAR, mentions INTEGER);
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL, row_key VARCHAR, quote VARCHAR, speaker VARCHAR, cue VARCHAR,
        kind VARCHAR, sentence VARCHAR, start INTEGER, "end" INTEGER);
    CREATE TABLE reviews (
        "table" VARCHAR NOT NULL, row_key VARCHAR NOT NULL, verdict VARCHAR NOT NULL, note VARCHAR,
        reviewed_at TIMESTAMP, PRIMARY KEY ("table", row_key));
    """),
    (2, """
    ALTER TABLE casualties ADD COLUMN period VARCHAR;
    ALTER TABLE casualties ADD COLUMN cumulative BOOLEAN;
    """),
    (3, """
    ALTER TABLE actors ADD COLUMN role VARCHAR;
    """),
]

# Columns of each extraction table, in record order (article_id and row_key are the store's own).
COLUMNS = {
    "actors": ["name", "type", "mentions", "role"],
    "casualties": ["count", "qualifier", "category", "who", "source", "place", "date", "evidence", "start", "end",
                   "period", "cumulative"],
    "events": ["date", "type", "actors", "place", "evidence", "start", "end"],
    "places": ["name", "canonical", "lat", "lon", "region", "country", "mentions"],
    "quotes": ["quote", "speaker", "cue", "kind", "sentence", "start", "end"],
}
# DuckDB warns that Arrow from an executed statement costs a copy; measured, the copy is a fraction
# of what `.df()` costs, and `con.sql(...)` relations clash with the connection's other results.
warnings.filterwarnings("ignore", message="Arrow output on a DB-API result", category=UserWarning)
REVIEWABLE = ("casualties", "events", "quotes")
ARTICLE_COLUMNS = ["id", "ref", "title", "published", "source", "url", "author", "origin", "text", "ingested_at"]


class StoreBusy(RuntimeError):
    """Another process holds the store open for writing."""


@dataclass(frozen=True)
class Filters:
    """What the dashboard's sidebar and the CLI's export flags narrow every table by.

    `date_basis` "article" filters by the article's publication date; "record" by the figure's or
    event's own date where it has one, falling back to the article's."""

    actors: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    articles: tuple[str, ...] = ()  # article ids
    text: str = ""
    date_basis: str = "article"
    hide_wrong: bool = False


def row_key(table: str, article_id: str, row: dict) -> str:
    """A row's identity across re-ingests: its article, its offsets and what it says."""
    what = row.get("count") if table == "casualties" else row.get("quote") if table == "quotes" else row.get("type")
    raw = f"{table}|{article_id}|{row.get('start')}|{row.get('end')}|{row.get('category', '')}|{what}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


class Store:
    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.path = Path(path or os.environ.get("NEWSROOM_DB") or DEFAULT_PATH)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as err:
            if "lock" in str(err).lower():
                raise StoreBusy(f"the store {self.path} is in use by another process (the dashboard?): {err}") from None
            raise
        if not read_only:
            self._migrate()

    # -- schema -----------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
        done = {v for (v,) in self.con.execute("SELECT version FROM schema_version").fetchall()}
        for version, sql in MIGRATIONS:
            if version in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def known_ids(self) -> set[str]:
        return {i for (i,) in self.con.execute("SELECT id FROM articles").fetchall()}

    def add(self, extraction: Extraction) -> bool:
        """Store one article with all its rows, atomically. False when it was already stored."""
        a = extraction.article
        record = extraction.to_record()
        self.con.execute("BEGIN TRANSACTION")
        try:
            if self.has_article(a.id):
                self.con.execute("ROLLBACK")
                return False
            self.con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [a.id, a.ref, a.title, a.published, a.source, a.url, a.author, a.origin, a.text, _now()])
            for table in TABLES:
                rows = record[table]
                if not rows:
                    continue
                keyed = table in REVIEWABLE
                frame = pd.DataFrame({c: [r.get(c) for r in rows] for c in COLUMNS[table]})
                frame.insert(0, "article_id", a.id)
                if keyed:
                    frame.insert(1, "row_key", [row_key(table, a.id, r) for r in rows])
                # one set-based insert from the frame: far quicker than a row at a time
                self.con.register("new_rows", frame)
                names = ", ".join(f'"{c}"' for c in frame.columns)
                self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM new_rows")
                self.con.unregister("new_rows")
            self.con.execute("COMMIT")
            return True
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def review(self, table: str, key: str, verdict: str, note: str | None = None) -> None:
        """An editor's verdict on a row ("verified" or "wrong"); the latest verdict stands."""
        if table not in REVIEWABLE or verdict not in ("verified", "wrong"):
            raise ValueError(f"cannot review {table!r} as {verdict!r}")
        self.con.execute("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?)", [table, key, verdict, note, _now()])

    def clear_review(self, table: str, key: str) -> None:
        self.con.execute('DELETE FROM reviews WHERE "table" = ? AND row_key = ?', [table, key])

    # -- reading ----------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", *TABLES, "reviews")}

    def article(self, article_id: str) -> dict | None:
        df = self.con.execute("SELECT * FROM articles WHERE id = ?", [article_id]).df()
        return None if df.empty else _typed(df, "articles").iloc[0].to_dict()

    def frame(self, table: str, filters: Filters = Filters(), with_text: bool = False,
              columns: tuple[str, ...] | None = None) -> pd.DataFrame:
        """Rows of `table` joined to their article's ref, title and date, narrowed by `filters`.
        Articles come without their text unless asked: lists and counts never need it, and at ten
        thousand articles it is most of the bytes (`article(id)` has it). `columns` narrows an
        extraction table's own columns to those named (the article's and the review's stay)."""
        if table == "articles":
            sql, params = _articles_query(filters, with_text)
        elif table in COLUMNS:
            sql, params = _table_query(table, filters, columns=columns, speaker_roles=table == "quotes")
        else:
            raise ValueError(f"unknown table {table!r}; choose from articles, {', '.join(COLUMNS)}")
        return _typed(_to_pandas(self.con.execute(sql, params).to_arrow_table()), table)

    def counts(self, filters: Filters = Filters()) -> dict[str, int]:
        """How many articles, figures, quotes and events `filters` leave, and how many distinct places
        (canonical name, else as written): the Overview's numbers without moving a row into Python."""
        def count(sql: str, params: list, what: str = "count(*)") -> int:
            return self.con.execute(f"SELECT {what} FROM ({sql})", params).fetchone()[0]
        out = {"articles": count(*_articles_query(filters, with_text=False, order=""))}
        for table, label in (("casualties", "figures"), ("quotes", "quotes"), ("events", "events")):
            out[label] = count(*_table_query(table, filters, order=""))
        out["places"] = count(*_table_query("places", filters, order=""), what="count(DISTINCT coalesce(canonical, name))")
        return out

    def most_quoted(self, filters: Filters = Filters(), limit: int = 15) -> pd.DataFrame:
        """Speakers by number of quotes (fragments left out), with their articles and latest article
        date, most quoted first: a hundred thousand quotes grouped where they are stored."""
        sql, params = _table_query("quotes", filters, order="")
        df = self.con.execute(
            "SELECT speaker, count(*)::BIGINT AS quotes, count(DISTINCT article_id)::BIGINT AS articles, "
            f"max(article_published) AS latest FROM ({sql}) "
            "WHERE speaker IS NOT NULL AND kind IS DISTINCT FROM 'fragment' "
            "GROUP BY speaker ORDER BY quotes DESC, latest DESC, speaker LIMIT ?", [*params, limit]).df()
        df["latest"] = df["latest"].astype("datetime64[s]")
        return df

    def newest(self, table: str, filters: Filters = Filters(), limit: int = 10) -> pd.DataFrame:
        """The `limit` rows of `table` with the newest date, their own else their article's: the
        Overview's latest events without reading every event."""
        if "date" not in COLUMNS.get(table, []):
            raise ValueError(f"{table!r} rows have no date of their own")
        sql, params = _table_query(table, filters, order="coalesce(t.date, a.published) DESC NULLS LAST, "
                                   "a.published DESC NULLS LAST, t.article_id, t.start")
        return _typed(_to_pandas(self.con.execute(f"{sql} LIMIT ?", [*params, limit]).to_arrow_table()), table)

    def actor_counts(self) -> pd.DataFrame:
        """Canonical actor names with their mentions across the store, most mentioned first, and the
        role the most articles give them (None when none does)."""
        return self.con.execute(
            "SELECT name, any_value(type) AS type, sum(mentions)::BIGINT AS mentions, count(DISTINCT article_id)::BIGINT AS articles, "
            "mode(role) AS role FROM actors GROUP BY name ORDER BY mentions DESC, name").df()


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _article_conditions(f: Filters, alias: str = "a") -> tuple[list[str], list]:
    where, params = [], []
    if f.articles:
        where.append(f"{alias}.id IN (SELECT unnest(?))")
        params.append(list(f.articles))
    return where, params


def _date_conditions(column: str, f: Filters) -> tuple[list[str], list]:
    where, params = [], []
    if f.since:
        where.append(f"{column} >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{column} <= ?")
        params.append(f.until)
    return where, params


def _article_has_actor(alias: str = "a") -> str:
    return f"{alias}.id IN (SELECT article_id FROM actors WHERE name IN (SELECT unnest(?)))"


def _articles_query(f: Filters, with_text: bool,
                    order: str = "a.published DESC NULLS LAST, a.title") -> tuple[str, list]:
    where, params = _article_conditions(f)
    w, p = _date_conditions("a.published", f)
    where += w; params += p
    if f.actors:
        where.append(_article_has_actor())
        params.append(list(f.actors))
    if f.text:
        where.append("(a.title ILIKE ? OR a.text ILIKE ?)")
        params += [f"%{f.text}%"] * 2
    sql = f"SELECT a.*{'' if with_text else ' EXCLUDE (text)'} FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    return sql + (f" ORDER BY {order}" if order else ""), params


# How the actor filter reads each table: who spoke, who acted, whose figure; places and actors
# follow the articles the chosen actors appear in.
_ACTOR_CONDITION = {
    "quotes": "t.speaker IN (SELECT unnest(?))",
    "events": "len(list_intersect(t.actors, ?)) > 0",
    "casualties": "regexp_matches(coalesce(t.source, '') || ' ' || coalesce(t.who, ''), ?, 'i')",
    "places": _article_has_actor(),
    "actors": "t.name IN (SELECT unnest(?))",
}
_TEXT_COLUMNS = {
    "quotes": ["t.quote", "t.speaker", "t.sentence"],
    "events": ["t.evidence", "t.place", "array_to_string(t.actors, ' ')"],
    "casualties": ["t.evidence", "t.who", "t.source", "t.place"],
    "places": ["t.name", "t.canonical", "t.region"],
    "actors": ["t.name"],
}


def _table_query(table: str, f: Filters, order: str | None = None,
                 columns: tuple[str, ...] | None = None, speaker_roles: bool = False) -> tuple[str, list]:
    """The rows of `table` under `f`, newest article first, or in `order` ("" for none: a count);
    all its columns, or only `columns`. With `speaker_roles` (quotes), each quote also carries
    `speaker_role`, the role its article gives the speaker; an article has one actors row a name,
    so the join adds no rows."""
    known = ["article_id", *(["row_key"] if table in REVIEWABLE else []), *COLUMNS[table]]
    unknown = set(columns or ()) - set(known)
    if unknown:
        raise ValueError(f"{table} has no column {', '.join(sorted(unknown))}; choose from {', '.join(known)}")
    chosen = ", ".join(f't."{c}"' for c in known if c in columns) if columns else "t.*"
    where, params = _article_conditions(f)
    own_date = "date" in COLUMNS[table] and f.date_basis == "record"
    w, p = _date_conditions("coalesce(t.date, a.published)" if own_date else "a.published", f)
    where += w; params += p
    if f.actors:
        where.append(_ACTOR_CONDITION[table])
        # casualties name their source in free text: match the names as words in it
        params.append("|".join(re.escape(x) for x in f.actors) if table == "casualties" else list(f.actors))
    if f.text:
        cols = _TEXT_COLUMNS[table]
        where.append("(" + " OR ".join(f"{c} ILIKE ?" for c in cols) + ")")
        params += [f"%{f.text}%"] * len(cols)
    review_cols = ""
    join_reviews = ""
    if table in REVIEWABLE:
        review_cols = ", r.verdict AS review, r.note AS review_note"
        join_reviews = f" LEFT JOIN reviews r ON r.\"table\" = '{table}' AND r.row_key = t.row_key"
        if f.hide_wrong:
            where.append("(r.verdict IS NULL OR r.verdict <> 'wrong')")
    role_col, join_roles = "", ""
    if speaker_roles:
        role_col = ", sr.role AS speaker_role"
        join_roles = " LEFT JOIN actors sr ON sr.article_id = t.article_id AND sr.name = t.speaker"
    sql = (f"SELECT {chosen}{role_col}, a.ref AS article_ref, a.title AS article_title, a.published AS article_published{review_cols} "
           f"FROM {table} t JOIN articles a ON a.id = t.article_id{join_roles}{join_reviews}"
           + (" WHERE " + " AND ".join(where) if where else "")
           + (f" ORDER BY {order}" if order else "" if order == "" else
              " ORDER BY a.published DESC NULLS LAST, t.article_id" + (", t.start" if "start" in COLUMNS[table] else "")))
    return sql, params


def _to_pandas(rows) -> pd.DataFrame:
    """An Arrow table as a frame. Through Arrow, not DuckDB's `.df()`: at a hundred thousand rows of
    text, `.df()` spends most of a page's time building string columns that Arrow hands over as is."""
    lists = {name: _lists(rows[name]) for name in rows.column_names if pa.types.is_list(rows.schema.field(name).type)}
    df = rows.drop_columns(list(lists)).to_pandas(date_as_object=False)
    for name, values in lists.items():
        df.insert(rows.column_names.index(name), name, pd.Series(values, index=df.index, dtype=object))
    if "cumulative" in df.columns:  # a nullable flag: Arrow gives objects, `.df()` gave "boolean"
        df["cumulative"] = df["cumulative"].astype("boolean")
    return df


def _lists(column) -> list[list]:
    """An Arrow list column as Python lists (a null as []): one pass over the flat values, sliced by
    the offsets, instead of a numpy array per row converted one by one."""
    arr = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    values = arr.values.to_pylist()
    offsets = arr.offsets.to_pylist()
    valid = arr.is_valid().to_pylist()
    with _gc_paused():  # a hundred thousand new lists set off collections that cost twice the work
        return [values[a:b] if ok else [] for a, b, ok in zip(offsets, offsets[1:], valid)]


@contextmanager
def _gc_paused():
    """The cyclic garbage collector off for a block that only allocates acyclic objects."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Real dtypes: dates as datetime64 (day precision), counts as int64, text as str."""
    for col in ("published", "date", "article_published"):
        if col in df.columns:
            df[col] = pd.to_datetime(df[col]).astype("datetime64[s]") if len(df) else df[col].astype("datetime64[s]")
    for col in ("count", "mentions", "start", "end"):
        if col in df.columns:
            df[col] = df[col].astype("int64")
    return df
