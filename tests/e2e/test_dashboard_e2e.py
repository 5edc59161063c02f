"""The dashboard in a real browser (Debian's Chromium): every page renders without errors, the URL
carries the filters, downloads hold the filtered rows, hostile text stays text, the map draws
offline. The run also writes the README's screenshots (docs/*.png)."""
from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
import socket
import subprocess
import sys
import time
from urllib.parse import urlparse
from urllib.request import urlopen

import pytest

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); the browser tests need it",
                allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from newsroom.ingest import ingest  # noqa: E402
from newsroom.records import Article  # noqa: E402
from newsroom.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "components"))
from synthetic import ARTICLES, HOSTILE_QUOTE, HOSTILE_TITLE, fill  # noqa: E402

DOCS = ROOT / "docs"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--enable-unsafe-swiftshader"]
PAGES = {"overview": "", "casualties": "casualties", "timeline": "timeline", "map": "map", "quotes": "quotes",
         "articles": "articles"}
HOSTILE_ID = Article(ref="x", **ARTICLES[3]).id
READ_ID = Article(ref="x", **ARTICLES[1]).id
OSM = "tile.openstreetmap.org"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`streamlit run dashboard.py` on a free port over a temp store (sample + invented articles)."""
    db = tmp_path_factory.mktemp("e2e") / "e2e.duckdb"
    with Store(db) as store:
        ingest(store, [str(ROOT / "data" / "sample")])
        fill(store)
    port = _free_port()
    env = {**os.environ, "NEWSROOM_DB": str(db)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            if urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise RuntimeError("streamlit did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
        time.sleep(0.3)
    yield base
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _expected_noise(msg) -> bool:
    """Console errors that are not the app's: the frontend probing /<page>/_stcore/ for a base path
    (404s, Streamlit's own), and the one tile the map requests to learn whether the browser is online."""
    url = (msg.location or {}).get("url", "")
    return (msg.type == "error" and "404" in msg.text and "/_stcore/" in url) or OSM in url


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1440, "height": 1100}, accept_downloads=True)
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(f"console: {m.text}") if m.type == "error" and not _expected_noise(m) else None)
    pg.on("pageerror", lambda e: pg.errors.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog opened: {d.message}"), d.dismiss()))
    pg.base = server
    yield pg
    context.close()


def _open(page: Page, path: str) -> Page:
    page.goto(f"{page.base}/{path}")
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .every(c => c.querySelector('.main-svg'))""", timeout=30_000)
    page.wait_for_timeout(1500)  # tables paint after the script finishes
    return page


def _rows_caption(page: Page, scope=None) -> int:
    """The "N rows" caption above a table."""
    text = (scope or page).get_by_text(re.compile(r"^\d[\d,]* rows?$")).first.inner_text()
    return int(text.split()[0].replace(",", ""))


def _tab(page: Page):
    """The open tab's panel (Streamlit keeps the others in the page, hidden)."""
    return page.locator('[role="tabpanel"]:visible').first


def _quote_count(page: Page) -> int:
    """The "N quotes" caption above the quote cards."""
    return int(page.get_by_text(re.compile(r"^\d[\d,]* quotes")).first.inner_text().split()[0].replace(",", ""))


def _download_csv(page: Page, scope) -> list[dict]:
    with page.expect_download() as info:
        scope.get_by_role("button", name="Download CSV").first.click()
    return list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_without_errors(page, name):
    path = PAGES[name] + (f"?read={READ_ID}" if name == "articles" else "")
    _open(page, path)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    if name == "map":
        page.wait_for_selector(".maplibregl-canvas", timeout=30_000)
        page.wait_for_timeout(1500)
    page.screenshot(path=str(DOCS / f"{name}.png"))
    assert page.errors == []


def test_choosing_an_actor_changes_the_url_and_the_rows(page):
    _open(page, "quotes")
    before = _quote_count(page)
    box = page.locator(".st-key-actor")
    box.click()
    page.keyboard.type("Benjamin Netanyahu")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_url("**/quotes?actor=Benjamin+Netanyahu*", timeout=20_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)
    page.wait_for_timeout(1000)
    after = _quote_count(page)
    assert 0 < after < before
    cards = page.locator(".nr-card .nr-meta b")
    assert cards.count() == after
    assert set(cards.all_inner_texts()) == {"Benjamin Netanyahu"}
    assert page.errors == []


def test_csv_download_holds_the_filtered_rows(page):
    _open(page, "quotes?actor=Benjamin+Netanyahu")
    page.get_by_role("tab", name="Table and review").click()
    panel = _tab(page)
    shown = _rows_caption(page, panel)
    rows = _download_csv(page, panel)
    assert len(rows) == shown > 0
    assert {r["speaker"] for r in rows} == {"Benjamin Netanyahu"}
    assert page.errors == []


def test_hostile_article_runs_nothing_and_its_csv_cells_are_neutralised(page):
    _open(page, f"articles?read={HOSTILE_ID}")
    article = page.locator(".nr-article")
    expect(article).to_contain_text('<script>document.title="pwned"</script>')
    assert page.evaluate("document.title") != "pwned"
    assert page.locator('.nr-article script, [data-testid="stMain"] script').count() == 0
    page.get_by_role("tab", name="List").click()
    rows = _download_csv(page, _tab(page))
    titles = {r["title"] for r in rows}
    assert "'" + HOSTILE_TITLE in titles and HOSTILE_TITLE not in titles
    _open(page, "quotes?find=evil.example")
    page.get_by_role("tab", name="Table and review").click()
    rows = _download_csv(page, _tab(page))
    assert [r["quote"] for r in rows] == ["'" + HOSTILE_QUOTE]
    assert page.errors == []


def test_map_draws_offline(browser, server):
    """Every request off this machine fails, as on a laptop without a network: the boundaries and the
    points still draw, and no tile layer is asked for."""
    context = browser.new_context(viewport={"width": 1440, "height": 1100})
    context.route("**/*", lambda route: route.continue_() if urlparse(route.request.url).hostname == "127.0.0.1"
                  else route.abort("internetdisconnected"))
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.base = server
    _open(page, "map?view=Gaza")
    page.wait_for_selector(".maplibregl-canvas", timeout=30_000)
    page.wait_for_timeout(2000)
    layout = page.evaluate("""() => { const gd = document.querySelector('.js-plotly-plot');
        return {layers: gd._fullLayout.map.layers.map(l => l.sourcetype), points: gd._fullData.map(t => t.lat.length),
                zoom: gd._fullLayout.map.zoom}; }""")
    assert layout["layers"] == ["geojson", "geojson"]  # boundary fill and lines; no raster tiles offline
    assert sum(layout["points"]) >= 3 and layout["zoom"] > 8
    shot = page.locator(".js-plotly-plot").screenshot()
    from PIL import Image
    img = Image.open(io.BytesIO(shot)).convert("L")
    dark = sum(img.histogram()[:200])  # pixels darker than the white background
    assert dark > 2000, "the map canvas is blank"
    assert errors == []
    context.close()
