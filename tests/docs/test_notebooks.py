"""kerasfn.docs.notebooks: a rendered vignette page as a Jupyter notebook (its text as markdown cells with
links seen from ``vignettes/notebooks/``, each python block a code cell holding what the page shows after
it), and the notebook run top to bottom in a fresh kernel."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kerasfn.docs import notebooks
from kerasfn.docs.pages import Chunk, output_block, shown_outputs
from kerasfn.docs.vignettes import render


def test_text_becomes_markdown_cells_and_blocks_code_cells_with_their_output() -> None:
    page = ("Generated from a source\n\n# Demo\n\nSee [the other page](other.md), [its notebook](notebooks/o.ipynb)"
            " and [Keras](https://keras.io).\n\n```python\nprint(1)\n```\n\n" + output_block("1\n") + "\nThe end.\n")
    cells = json.loads(notebooks.notebook("demo", page, Path("figures")))["cells"]
    assert [cell["cell_type"] for cell in cells] == ["markdown", "code", "markdown"]
    assert "".join(cells[0]["source"]) == (
        "# Demo\n\nSee [the other page](../other.md), [its notebook](o.ipynb) and [Keras](https://keras.io).")
    assert cells[1]["source"] == ["print(1)"]
    assert cells[1]["outputs"] == [{"name": "stdout", "output_type": "stream", "text": ["1\n"]}]
    assert "".join(cells[2]["source"]) == "The end."


def test_a_notebook_is_made_from_the_page_and_runs_in_a_fresh_kernel(tmp_path: Path, one_line: Callable) -> None:
    for module in ("nbclient", "nbformat", "ipykernel"):
        pytest.importorskip(module, reason="nbclient and ipykernel are not installed (the `test` extra has them)")
    source = tmp_path / "src" / "demo.md"
    source.parent.mkdir()
    source.write_text(
        "# Demo\n\nSee [the other page](other.md).\n\n```r\nx <- 1\n```\n\n"
        "```python\nimport os\nprint(sorted(os.listdir()))\nx = [1, 2]\nx\n```\n\nText.\n\n"
        "```python\nimport json\nprint(json.dumps({'a': list(range(40))}))\n```\n"
    )
    page = render(source, figures_dir=tmp_path / "figures")
    document = notebooks.notebook("demo", page, tmp_path / "figures")
    assert "(../other.md)" in document and "x <- 1" in document
    path = tmp_path / "demo.ipynb"
    path.write_text(document)
    printed = notebooks.run_notebook(path, tmp_path / "empty")
    assert printed == ["[]\n[1, 2]\n", '{"a": ' + str(list(range(40))) + "}\n"]
    assert one_line([Chunk(text, []) for text in printed]) == one_line(shown_outputs(page))
