"""The vignettes run as a reader pastes them, and print what their pages show.

Each committed page's python blocks run in order in a fresh Python (a
subprocess, in an empty folder with a ``figures/`` folder, as ``vignettes/``
has; nothing is injected), all pages at once, one process per CPU.  What each
block prints must match the ``## `` output the page shows after it (text
exactly; numbers within :func:`kerasfn.docs.vignettes.check_outputs`'s
tolerance), and the figures it saves must be the ones the page shows.  The
page less those outputs must be its source, so a page not re-rendered after
an edit fails too.
"""

from __future__ import annotations

import os
import struct
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import keras
import pytest

from kerasfn.docs.vignettes import (
    VIGNETTES,
    Chunk,
    VignetteError,
    check_outputs,
    execute,
    header,
    render,
    shown_outputs,
    sources,
    without_outputs,
)

EXPECTED = [
    "backends-and-devices",
    "custom-layers-models-and-ops",
    "forecasting",
    "getting-started",
    "performance-and-cudnn",
    "porting-r-scripts",
    "porting-with-kerasfn-port",
    "sequence-models",
    "training",
]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The pages are rendered on the TensorFlow backend: other backends draw other random numbers
# (and name their tensors differently), so there the pages must run, but their numbers are not compared.
RENDERED_ON = "tensorflow"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Future, Path]]:
    """The selected pages run at once (one process per CPU); each test waits for its own page."""
    selected = {item.callspec.params["source"].stem for item in request.session.items
                if item.originalname == "test_pasted_code_prints_what_the_page_shows"}
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    started = {}
    for source in (source for source in sources() if source.stem in selected):
        workdir = tmp_path_factory.mktemp(source.stem)
        started[source.stem] = (pool.submit(execute, VIGNETTES / f"{source.stem}.md", workdir), workdir)
    yield started
    pool.shutdown(wait=True)


def test_every_vignette_has_a_source_a_page_and_an_index_line() -> None:
    names = [source.stem for source in sources()]
    assert names == EXPECTED
    index = (VIGNETTES / "README.md").read_text()
    for name in names:
        assert (VIGNETTES / f"{name}.md").exists(), f"vignettes/{name}.md is missing: run `python -m kerasfn.docs vignettes`"
        assert f"({name}.md)" in index, f"vignettes/README.md has no line for {name}.md"


@pytest.mark.parametrize("source", sources(), ids=lambda source: source.stem)
def test_page_is_its_source_with_outputs(source: Path) -> None:
    page = (VIGNETTES / f"{source.stem}.md").read_text()
    assert without_outputs(page) == header(source) + source.read_text(), (
        f"vignettes/{source.stem}.md is stale: run `python -m kerasfn.docs vignettes`"
    )


@pytest.mark.parametrize("source", sources(), ids=lambda source: source.stem)
def test_pasted_code_prints_what_the_page_shows(source: Path, runs: dict) -> None:
    future, workdir = runs[source.stem]
    got = future.result()  # a block that raises fails here, naming the block
    page = (VIGNETTES / f"{source.stem}.md").read_text()
    shown = shown_outputs(page)
    if keras.backend.backend() == RENDERED_ON:
        problems = check_outputs(shown, got)
        assert not problems, (
            f"vignettes/{source.stem}.md shows outputs its code no longer prints "
            "(run `python -m kerasfn.docs vignettes`):\n" + "\n".join(problems)
        )
    else:
        assert len(got) == len(shown)
    for figure in (path for chunk in shown for path in chunk.figures):
        assert (workdir / figure).exists(), f"the page shows {figure}, which its code did not save"
        committed = VIGNETTES / figure
        width, height = png_size(committed)
        assert width >= 300 and height >= 150
        assert committed.stat().st_size > 5_000, f"{figure} looks empty"


# The checking machinery itself, on small pages that need no Keras.


def test_a_failing_block_fails_the_vignette_and_shows_the_block(tmp_path: Path) -> None:
    source = tmp_path / "broken.md"
    source.write_text("# Broken\n\n```python\nx = 1\n```\n\n```python\ny = x + undefined_name\n```\n")
    with pytest.raises(VignetteError, match=r"(?s)'broken', python block 2 raised NameError.*y = x \+ undefined_name"):
        execute(source, tmp_path / "run")


def test_nothing_is_defined_for_the_page(tmp_path: Path) -> None:
    source = tmp_path / "bare.md"
    source.write_text("```python\nprint(sorted(name for name in dir() if not name.startswith('__')))\nprint(__name__)\n```\n")
    assert execute(source, tmp_path / "run") == [Chunk("[]\n__main__\n", [])]


def test_rendering_shows_outputs_and_figures_and_leaves_r_blocks_unrun(tmp_path: Path) -> None:
    source = tmp_path / "demo.md"
    text = (
        "# Demo\n\n"
        "```r\nstop('R is not run')\n```\n\n"
        "```python\nprint('hello')\n1 + 1\n```\n\n"
        "```python\nfrom matplotlib.figure import Figure\nfigure = Figure()\nfigure.subplots().plot([0, 1])\n"
        "figure.savefig('figures/demo-line.png')\n```\n\nThe end.\n"
    )
    source.write_text(text)
    page = render(source, figures_dir=tmp_path / "figures")
    assert "```r\nstop('R is not run')\n```\n" in page
    assert "```text\n## hello\n## 2\n```\n" in page
    assert "![line](figures/demo-line.png)" in page
    assert png_size(tmp_path / "figures" / "demo-line.png") == (640, 480)
    assert without_outputs(page) == header(source) + text
    assert shown_outputs(page) == [Chunk("hello\n2\n", []), Chunk("", ["figures/demo-line.png"])]


def test_a_stale_number_or_text_fails_and_a_last_digit_does_not() -> None:
    def check(shown: str, got: str) -> list[str]:
        return check_outputs([Chunk(shown, [])], [Chunk(got, [])])

    # The example: the page showed 0.7670 -> 0.0024, running it gave 0.0742 -> 0.0025.
    assert check("training loss: 0.7670 -> 0.0024\n", "training loss: 0.0742 -> 0.0025\n")
    assert not check("training loss: 0.7670 -> 0.0024\n", "training loss: 0.7671 -> 0.0025\n")
    assert not check("accuracy 0.88\n", "accuracy 0.86\n")  # two units of the last digit
    assert check("accuracy 0.88\n", "accuracy 0.80\n")
    assert not check("max abs difference: 8.9e-08\n", "max abs difference: 1.2e-07\n")  # float32 rounding
    assert check("133 weights\n", "134 weights\n")  # whole numbers are exact
    assert check("<LSTM name=lstm_8, built=False>\n", "<LSTM name=lstm_5, built=False>\n")
    assert check("shape(2, 4)\n", "shape(2, 4, 1)\n")
    assert check("True\n", "False\n")
    assert check("one line\n", "one line\nand another\n")


def test_a_figure_the_page_does_not_show_fails() -> None:
    assert check_outputs([Chunk("", [])], [Chunk("", ["figures/x.png"])])
