"""kerasfn.docs.vignettes: the vignettes run as a reader pastes them, and as notebooks, and print what their pages show.

Each page runs once, in an empty folder, all pages at once (one process per
CPU): each is pasted, block by block and line by line, into the
interactive prompt of a fresh Python (:func:`kerasfn.docs.vignettes.execute`;
nothing is injected); on the JAX backend (:data:`RUN_AS_NOTEBOOKS`) each runs
as its notebook instead, top to bottom in a fresh Jupyter kernel.
What each block prints must match the ``## `` output the page shows after it
(text exactly; numbers within :func:`kerasfn.docs.vignettes.check_outputs`'s
tolerance), and the figures it saves must be the ones the page shows.  Every
block of every page also reads at the prompt as it does in a script (no
``SyntaxError`` at the ``...`` prompt), the page less its outputs must be its
source and the notebook its page, so a page not re-rendered after an edit
fails too.
"""

from __future__ import annotations

import importlib.util
import os
import struct
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import keras
import pytest

from kerasfn.docs import notebooks
from kerasfn.docs.pages import Chunk, shown_outputs, without_outputs
from kerasfn.docs.paste import prompt_statements, python_blocks
from kerasfn.docs.vignettes import (
    VIGNETTES,
    VignetteError,
    check_outputs,
    execute,
    header,
    render,
    sources,
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
# Each page runs once per backend (CI time), and CI runs every backend: every page is pasted into the
# prompt on TensorFlow (where its numbers are compared) and PyTorch, and runs as its notebook on JAX.
RUN_AS_NOTEBOOKS = {source.stem for source in sources()} if keras.backend.backend() == "jax" else set()
NOTEBOOK_TOOLS = all(importlib.util.find_spec(module) for module in ("nbclient", "nbformat", "ipykernel"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _printed_by_notebook(name: str, workdir: Path) -> list[Chunk]:
    printed = notebooks.run_notebook(notebooks.notebook_path(name), workdir)
    return [Chunk(output, []) for output in printed]


@pytest.fixture(scope="module")
def runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Future, Path]]:
    """The selected pages run at once (one process per CPU), each in an empty folder; each test waits for its own."""
    selected = {item.callspec.params["source"].stem for item in request.session.items
                if item.originalname == "test_code_prints_what_the_page_shows"}
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    started = {}
    for source in (source for source in sources() if source.stem in selected):
        workdir = tmp_path_factory.mktemp(source.stem) / "empty"
        if source.stem in RUN_AS_NOTEBOOKS:
            started[source.stem] = (pool.submit(_printed_by_notebook, source.stem, workdir), workdir)
        else:
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
def test_notebook_is_its_page(source: Path) -> None:
    page = (VIGNETTES / f"{source.stem}.md").read_text()
    path = notebooks.notebook_path(source.stem)
    assert path.exists() and path.read_text() == notebooks.notebook(source.stem, page, VIGNETTES / "figures"), (
        f"vignettes/notebooks/{source.stem}.ipynb is stale: run `python -m kerasfn.docs vignettes`"
    )


@pytest.mark.parametrize("source", sources(), ids=lambda source: source.stem)
def test_every_block_reads_at_the_prompt_as_in_a_script(source: Path) -> None:
    for number, block in enumerate(python_blocks(source.read_text()), start=1):
        try:
            prompt_statements(block, f"<{source.stem} block {number}>")
        except SyntaxError as error:
            pytest.fail(f"vignettes/src/{source.stem}.md, python block {number}, pasted into the `python` prompt: "
                        f"{type(error).__name__}: {error}")


@pytest.mark.parametrize("source", sources(), ids=lambda source: source.stem)
def test_code_prints_what_the_page_shows(source: Path, runs: dict, one_line: Callable) -> None:
    if source.stem in RUN_AS_NOTEBOOKS and not NOTEBOOK_TOOLS:
        pytest.skip("nbclient and ipykernel are not installed (the `test` extra has them)")
    future, workdir = runs[source.stem]
    got = future.result()  # a block that raises fails here, naming the block
    page = (VIGNETTES / f"{source.stem}.md").read_text()
    shown = shown_outputs(page)
    if source.stem in RUN_AS_NOTEBOOKS:
        shown, got = one_line(shown), one_line(got)
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
        "```python\nimport os\nfrom matplotlib.figure import Figure\nos.makedirs('figures', exist_ok=True)\n"
        "figure = Figure()\n_ = figure.subplots().plot([0, 1])\nfigure.savefig('figures/demo-line.png')\n```\n\n"
        "The end.\n"
    )
    source.write_text(text)
    page = render(source, figures_dir=tmp_path / "figures")
    assert "```r\nstop('R is not run')\n```\n" in page
    assert "```text\n## hello\n## 2\n```\n" in page
    assert "![line](figures/demo-line.png)" in page
    assert png_size(tmp_path / "figures" / "demo-line.png") == (640, 480)
    assert without_outputs(page) == header(source) + text
    assert shown_outputs(page) == [Chunk("hello\n2\n", []), Chunk("", ["figures/demo-line.png"])]


def test_a_line_right_after_a_compound_statement_fails_at_the_prompt(tmp_path: Path) -> None:
    # The shape of the getting-started block that ran as a script but not pasted into `python`.
    block = "try:\n    x = 1\nexcept ValueError:\n    pass\nprint(x)\n"
    source = tmp_path / "paste.md"
    source.write_text(f"```python\n{block}```\n")
    with pytest.raises(VignetteError, match="python block 1 raised SyntaxError"):
        execute(source, tmp_path / "run")
    with pytest.raises(SyntaxError):
        prompt_statements(block)
    fixed = block.replace("print(x)", "\nprint(x)")
    assert prompt_statements(fixed) == ["try:\n    x = 1\nexcept ValueError:\n    pass\n", "print(x)"]
    source.write_text(f"```python\n{fixed}```\n")
    assert execute(source, tmp_path / "run") == [Chunk("1\n", [])]


def test_the_prompt_echoes_the_last_value_and_an_earlier_echo_fails(tmp_path: Path) -> None:
    source = tmp_path / "echo.md"
    source.write_text("```python\nx = [1, 2]\nx\n```\n\n```python\nfor i in x:\n    print(i)\n\nx[0]\n```\n")
    assert execute(source, tmp_path / "run") == [Chunk("[1, 2]\n", []), Chunk("1\n2\n1\n", [])]
    source.write_text("```python\nx = [1, 2]\nx.pop()\nprint(x)\n```\n")
    with pytest.raises(VignetteError, match="echoes a value before the block's last statement"):
        execute(source, tmp_path / "run")


def test_pages_run_in_an_empty_folder(tmp_path: Path) -> None:
    source = tmp_path / "figures.md"
    source.write_text("```python\nimport os\nprint(os.listdir())\nopen('figures/a.png', 'wb')\n```\n")
    with pytest.raises(VignetteError, match="FileNotFoundError"):
        execute(source, tmp_path / "run")


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
