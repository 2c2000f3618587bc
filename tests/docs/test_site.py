"""kerasfn.docs.site: the documentation site (``python -m kerasfn.docs site``): built strict by MkDocs with the Material theme,
every page there, and, in headless Chromium (Debian's ``chromium`` package, which .ci/run installs), the home
page, a reference page and a vignette load and a search for ``layer_lstm`` finds its page."""

from __future__ import annotations

import functools
import html
import http.server
import importlib.util
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kerasfn.docs import man, site, vignettes

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None,
    reason="the site needs mkdocs-material (the `docs` extra, also in the `test` extra)",
)
CHROMIUM = shutil.which("chromium")
# What .ci/run and the issue ask of a headless browser here: no sandbox (root), no network of its own.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    site.build(site_dir)
    return site_dir


def text_of(page: Path) -> str:
    """The text of a built page's article (less the navigation and table of contents around it)."""
    article = page.read_text().split("<article", 1)[1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", article))


def test_every_page_is_built(built: Path) -> None:
    assert (built / "index.html").exists()
    for name in man.documented():
        assert (built / "man" / man.page_file(name).replace(".md", ".html")).exists(), name
    for source in vignettes.sources():
        assert (built / "vignettes" / f"{source.stem}.html").exists()
        assert (built / "vignettes" / "notebooks" / f"{source.stem}.ipynb").exists()
    for figure in (vignettes.VIGNETTES / "figures").glob("*.png"):
        assert (built / "vignettes" / "figures" / figure.name).read_bytes() == figure.read_bytes()
    rows = site.differences((site.ROOT / "README.md").read_text())
    assert len(list((built / "differences").glob("*.html"))) == len(rows) + 1 and len(rows) >= 20
    assert (built / "search" / "search_index.json").exists()


def test_the_home_page_is_the_readme_and_code_in_tables_shows_no_escape(built: Path) -> None:
    home = text_of(built / "index.html")
    assert "kerasfn is R keras3's functional" in home and "From R to Python" in home
    assert "x | layer_lstm(4)" in home and "\\|" not in home


def test_a_reference_page_has_r_usage_and_python_usage(built: Path) -> None:
    page = text_of(built / "man" / "fit.html")
    r_usage = page.split("R usage", 1)[1].split("Python usage", 1)[0]
    # R keras3's formals (kerasfn/codegen/rkeras3/functions.json, from rstudio/keras3's fit.keras.src.models.model.Model)
    assert "fit(\n  object,\n  x = NULL,\n  y = NULL,\n  ...,\n  batch_size = NULL,\n  epochs = 1L," in r_usage
    assert "fit(\n    object," in page.split("Python usage", 1)[1]
    assert "R keras3 has no cudnn_status: it is kerasfn's own." in text_of(built / "man" / "cudnn_status.html")
    assert "Final epoch (plot to see history):" in page  # the example's output


def test_r_usage_is_r_keras3s() -> None:
    formals = {"layer_dense": [{"name": "object", "default": None}, {"name": "units", "default": None},
                               {"name": "activation", "default": "NULL"}]}
    assert site.r_usage("layer_dense", formals) == "layer_dense(object, units, activation = NULL)"
    assert site.r_usage("cudnn_status", formals) is None


def test_differences_are_the_rows_of_the_readme_tables() -> None:
    readme = ("# x\n\n## From R to Python\n\n| R keras3 | kerasfn |\n| --- | --- |\n| `x \\|> f()` | `x \\| f()` |\n\n"
              "text\n\n| R keras3 | in Python, write |\n| --- | --- |\n| `%<-%` | `a, b = value` |\n\n## Next\n\n| a | b |\n")
    rows = site.differences(readme)
    assert [(row.r, row.python, row.table) for row in rows] == [
        ("`x |> f()`", "`x | f()`", "kerasfn"), ("`%<-%`", "`a, b = value`", "in Python, write")]
    assert rows[0].slug == "x-f"


def test_a_broken_link_stops_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nSee [the missing page](missing.md).\n")
    config = tmp_path / "mkdocs.yml"
    site.write_config(config, docs, tmp_path / "out", [{"Home": "index.md"}])
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                               capture_output=True, text=True)
    assert completed.returncode != 0
    assert "missing.md" in completed.stderr + completed.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium; .ci/run does)")
def test_in_a_browser_pages_load_and_search_finds_layer_lstm(built: Path, tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="the browser check drives chromium with playwright")

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with playwright.sync_playwright() as driver:
            # Never `playwright install`: Debian's chromium; playwright adds --headless itself.
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:], headless=True)
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(f"{base}/index.html")
            assert page.title() == "kerasfn"
            assert "From R to Python" in page.locator("article").inner_text()
            page.screenshot(path=tmp_path / "home.png")
            assert (tmp_path / "home.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

            page.goto(f"{base}/man/layer_lstm.html")
            headings = [text.rstrip("¶") for text in page.locator("article h2").all_inner_texts()]
            assert headings[:3] == ["Description", "R usage", "Python usage"]

            page.goto(f"{base}/vignettes/getting-started.html")
            images = page.evaluate("Array.from(document.images).map(image => [image.src, image.naturalWidth])")
            assert any(src.endswith("figures/getting-started-history.png") and width > 300 for src, width in images)

            page.goto(f"{base}/index.html")
            page.locator("input.md-search__input").click()
            page.locator("input.md-search__input").fill("layer_lstm")
            page.wait_for_selector(".md-search-result__item", timeout=30_000)
            first = page.locator(".md-search-result__item a").first.get_attribute("href")
            assert first.split("?")[0].endswith("/man/layer_lstm.html")
            page.screenshot(path=tmp_path / "search.png")
            browser.close()
    finally:
        server.shutdown()
