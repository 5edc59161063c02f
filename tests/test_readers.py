"""Readers: every format an editor brings, and every kind of bad input, named in one line."""
from __future__ import annotations

from datetime import date
import http.server
import threading
import time
import zipfile

import pytest

from newsroom.readers import ReadError, ReadOptions, read_bytes, read_inputs, read_pasted
from newsroom.readers.dates import parse_date
from newsroom.readers.text import decode, split_header, title_line

FIXTURES = "tests/fixtures"


def articles(items):
    return [i for i in items if not isinstance(i, ReadError)]


def errors(items):
    return [i for i in items if isinstance(i, ReadError)]


def summary(article):
    return (article.ref, article.title, article.published, article.source, article.url)


# --- formats ---------------------------------------------------------------------------------
def test_txt_with_header_keeps_body_as_text_and_header_as_metadata():
    [a] = list(read_inputs([f"{FIXTURES}/wire_story.txt"]))
    assert summary(a) == ("wire_story.txt", "Ministers meet in Amman as aid convoy waits at the border",
                          date(2025, 2, 14), "Test Wire", "https://example.org/news/amman-talks")
    assert a.text.startswith("Ministers meet in Amman as aid convoy waits at the border\nForeign ministers")
    assert "date:" not in a.text


def test_txt_without_header_takes_title_from_first_line():
    [a] = list(read_inputs([f"{FIXTURES}/no_header.txt"]))
    assert summary(a) == ("no_header.txt", "Headline without header", None, None, None)


@pytest.mark.parametrize("body, expected", [
    ("Short headline\nBody text follows here.", "Short headline"),
    ("A first sentence ends with a full stop.\nMore text.", None),
    ("Only one line and nothing else", None),
    ("x" * 250 + "\nbody", None),
])
def test_title_line(body, expected):
    assert title_line(body) == expected


@pytest.mark.parametrize("text, fields", [
    ("date: 2024-01-02\nsource: Wire\n\nBody", {"date": "2024-01-02", "source": "Wire"}),
    ("Note: this is copy\n\nBody", {}),  # an unknown key: the line is copy, not a header
    ("title: T\nBody straight after", {}),  # no blank line ends it
])
def test_split_header(text, fields):
    assert split_header(text)[0] == fields


def test_html_through_trafilatura():
    [a] = list(read_inputs([f"{FIXTURES}/story.html"]))
    assert summary(a) == ("story.html", "Port reopens after storm", date(2025, 3, 1), "example.org",
                          "https://example.org/news/port-reopens")
    assert a.author == "Dana Example"
    assert "Home | World" not in a.text and "Copyright" not in a.text
    assert "The port of Aqaba reopened on Saturday" in a.text


def test_json_list_with_alternative_field_names():
    got = [summary(a) for a in read_inputs([f"{FIXTURES}/records.json"])]
    assert got == [("wire-1", "Talks resume in Doha", date(2025, 1, 10), "Test Wire", "https://example.org/1"),
                   ("wire-2", "Vote delayed", date(2025, 1, 11), None, None)]


def test_single_json_object_without_id_gets_file_reference():
    [a] = list(read_bytes(b'{"text": "One story only, told in one line."}', "one.json", "one.json"))
    assert a.ref == "one.json#1"


def test_jsonl_keeps_record_ids_and_reads_rfc822_dates():
    got = [(a.ref, a.published, a.text[:14]) for a in read_inputs([f"{FIXTURES}/records.jsonl"])]
    assert got == [("a1", date(2025, 1, 7), "Rescue workers"), ("a2", date(2025, 1, 7), "The ministry s")]


def test_csv_columns_and_ambiguous_date_left_unknown():
    got = [summary(a) for a in read_inputs([f"{FIXTURES}/records.csv"])]
    assert got == [("c1", "Strike on camp", date(2025, 1, 5), "Test Wire", None),
                   ("c2", "Aid pledged", None, "Test Wire", None)]


def test_feed_entry_with_content_is_read_and_summary_only_entry_is_reported_offline():
    items = list(read_inputs([f"{FIXTURES}/feed.xml"], ReadOptions(timeout=2)))
    [a] = articles(items)
    assert summary(a) == ("https://example.org/envoy", "Envoy arrives in Cairo", date(2025, 2, 5),
                          "Test Wire World", "https://example.org/envoy")
    assert a.text.startswith("The envoy arrived in Cairo on Wednesday")
    [err] = errors(items)
    assert "Summary only" in err.origin and "only a summary" in err.reason and "could not be fetched" in err.reason


def test_folder_is_read_recursively_and_globs_expand(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("Deep headline\nA story kept two folders down.")
    (tmp_path / "top.txt").write_text("Top headline\nA story at the top.")
    (tmp_path / "notes.docx").write_bytes(b"ignored: not a suffix we read")
    assert sorted(a.ref for a in read_inputs([str(tmp_path)])) == ["deep.txt", "top.txt"]
    assert [a.ref for a in read_inputs([str(tmp_path / "*.txt")])] == ["top.txt"]


def test_pasted_text_takes_the_editors_title_and_date():
    a = read_pasted("Pasted headline\nThe body of a pasted story.", title="My title", published="2025-04-01")
    assert (a.title, a.published, a.text) == ("My title", date(2025, 4, 1), "Pasted headline\nThe body of a pasted story.")
    assert a.ref.startswith("pasted-")


# --- encodings -------------------------------------------------------------------------------
@pytest.mark.parametrize("data, text", [
    ("Caf\u00e9 talks \u201cresume\u201d".encode("utf-8"), "Caf\u00e9 talks \u201cresume\u201d"),
    (b"\xef\xbb\xbf" + "Caf\u00e9".encode("utf-8"), "Caf\u00e9"),  # BOM dropped
    ("Caf\u00e9 \u201ctalks\u201d".encode("cp1252"), "Caf\u00e9 \u201ctalks\u201d"),
    ("Caf\u00e9".encode("utf-16"), "Caf\u00e9"),
    (b"line one\r\nline two\r", "line one\nline two\n"),
])
def test_decode(data, text):
    assert decode(data, "x") == text


# --- dates -----------------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("2024-03-22", date(2024, 3, 22)),
    ("22 March 2024", date(2024, 3, 22)),
    ("March 22, 2024", date(2024, 3, 22)),
    ("Fri, 22 Mar 2024 10:00:00 GMT", date(2024, 3, 22)),
    ("2024-03-22T23:10:00+00:00", date(2024, 3, 22)),
    ("22/03/2024", date(2024, 3, 22)),
    (1711100000, date(2024, 3, 22)),
    ("1711100000000", date(2024, 3, 22)),
    ("05/01/2025", None),  # day and month cannot be told apart
    ("March 22", None),  # no year: not "this year"
    ("yesterday", None),
    ("", None),
    (None, None),
    ("not a date at all", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# --- bad input: one line naming the input, the rest of the batch goes on ---------------------
def _only_error(items):
    [err] = items
    assert isinstance(err, ReadError)
    assert "\n" not in str(err)
    return err.reason


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("paper.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "binary file (a PDF), not text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image), not text"),
    ("blob.txt", b"abc\x00\x01\x02def", "binary file (holds NUL bytes), not text"),
    ("garbage.txt", bytes(range(0x80, 0xA0)) * 4, "undecodable bytes: not UTF-8, cp1252 or latin-1 text"),
    ("nav.html", b"<html><body><nav>Home | About</nav></body></html>", "HTML with no article text"),
    ("bad.json", b'{"text": "unterminated', "malformed JSON: Unterminated string starting at at line 1, column 10"),
    ("notext.json", b'{"title": "A title but no body"}', "no text field (expected 'text', 'body' or 'content')"),
    ("bad.csv", b"title,date\nA,2024-01-01\n", "malformed CSV or no text column (columns: title, date; expected 'text', 'body' or 'content')"),
    ("empty.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>', "feed with no entries"),
    ("header-only.txt", b"title: Only a header\ndate: 2024-01-01\n\n", "no article text after the header"),
])
def test_bad_file_content(name, data, reason):
    got = _only_error(list(read_bytes(data, name, f"in/{name}")))
    assert got.startswith(reason) if name == "bad.json" else got == reason


def test_zip_archive_is_refused(tmp_path):
    path = tmp_path / "bundle.json"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "hello")
    assert _only_error(list(read_inputs([str(path)]))) == "binary file (a zip archive (or Word/Excel document)), not text"


def test_text_over_the_size_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Headline\n" + "word " * 400)
    assert _only_error(list(read_inputs([str(path)], ReadOptions(max_bytes=1000)))) == \
        f"file of {path.stat().st_size:,} bytes is over the size limit of 1,000"


def test_record_over_the_size_limit_is_refused_and_others_kept():
    data = b'{"id": "big", "text": "' + b"x" * 2000 + b'"}\n{"id": "ok", "text": "A short story."}\n'
    items = list(read_bytes(data, "mix.jsonl", "mix.jsonl", ReadOptions(max_bytes=1000)))
    assert [a.ref for a in articles(items)] == ["ok"]
    assert [str(e) for e in errors(items)] == ["mix.jsonl#1: text of 2,000 characters is over the limit of 1,000"]


def test_malformed_jsonl_line_is_named_and_others_read():
    items = list(read_bytes(b'{"id": "1", "text": "Fine."}\n{oops\n{"id": "3", "text": "Also fine."}\n',
                            "feed.jsonl", "feed.jsonl"))
    assert [a.ref for a in articles(items)] == ["1", "3"]
    assert [str(e) for e in errors(items)] == ["feed.jsonl#2: malformed JSON line: Expecting property name enclosed in double quotes"]


def test_missing_path_and_empty_folder_and_unmatched_glob(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "picture.png").write_bytes(b"\x89PNG")
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "empty"), str(tmp_path / "*.csv")]))
    assert [e.reason for e in items] == [
        "no such file or folder",
        "folder with nothing readable (no .txt, .html, .json, .jsonl, .csv or feed files)",
        "no file matches this pattern",
    ]


_FEED = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Local Wire</title>
<entry><title>Teaser only</title><link href="{base}/story"/><id>urn:local:1</id>
<updated>2025-02-06T08:00:00Z</updated><summary>A teaser.</summary></entry></feed>"""


class _SlowHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        if self.path == "/feed":
            body = _FEED.format(base=f"http://127.0.0.1:{self.server.server_address[1]}").encode()
        else:
            body = b"<html><body><article><p>" + b"A served story about talks in Doha on Friday. " * 3 + b"</p></article></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SlowHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_is_fetched_and_read(local_server):
    [a] = list(read_inputs([f"{local_server}/story"]))
    assert a.ref == f"{local_server}/story"
    assert a.text.startswith("A served story about talks in Doha")


def test_feed_url_with_summary_only_entry_fetches_the_article(local_server):
    [a] = list(read_inputs([f"{local_server}/feed"]))
    assert (a.ref, a.title, a.published, a.source, a.url) == (
        "urn:local:1", "Teaser only", date(2025, 2, 6), "Local Wire", f"{local_server}/story")
    assert a.text.startswith("A served story about talks in Doha")


@pytest.mark.parametrize("path, reason", [
    ("/missing", "fetch failed: HTTP 404 Not Found"),
    ("/slow", "fetch timed out after 0.5 s"),
])
def test_url_that_fails_or_times_out(local_server, path, reason):
    assert _only_error(list(read_inputs([f"{local_server}{path}"], ReadOptions(timeout=0.5)))) == reason


def test_unreachable_url():
    reason = _only_error(list(read_inputs(["http://127.0.0.1:9/nothing"], ReadOptions(timeout=1))))
    assert reason.startswith("fetch failed:")
