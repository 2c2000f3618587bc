"""Jupyter notebooks of the vignettes: ``vignettes/<name>.md`` -> ``vignettes/notebooks/<name>.ipynb``.

A notebook is made from the rendered page, not kept as a second copy: each
```python block becomes a code cell whose outputs are what the page shows
after it (its printed text, then its figures as images), and the text
between blocks becomes Markdown cells (```r blocks stay in them, shown and
not run), with relative links rewritten for the ``notebooks/`` folder.
``python -m kerasfn.docs vignettes`` writes them with the pages, and the
tests fail when a notebook is not its page.

:func:`run_notebook` executes a notebook top to bottom in a fresh Jupyter
kernel (nbclient and ipykernel, in the ``test`` and ``docs`` extras), in a
given folder, and returns what each code cell printed, for
:func:`kerasfn.docs.vignettes.check_outputs`.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from kerasfn.docs import paste
from kerasfn.docs.pages import shown_outputs, without_outputs

__all__ = ["NOTEBOOKS", "notebook", "notebook_path", "run_notebook", "write_notebook"]

NOTEBOOKS = Path(__file__).resolve().parents[2] / "vignettes" / "notebooks"
_RELATIVE_LINK = re.compile(r"\]\((?![a-z]+:|#|/)(?P<target>[^)\s]+)\)")


def notebook_path(name: str) -> Path:
    """Where the notebook of the vignette ``name`` is written."""
    return NOTEBOOKS / f"{name}.ipynb"


def _for_notebooks_folder(markdown: str) -> str:
    """Relative links of a page in ``vignettes/``, as seen from ``vignettes/notebooks/``."""

    def moved(match: re.Match) -> str:
        target = match["target"]
        target = target.removeprefix("notebooks/") if target.startswith("notebooks/") else f"../{target}"
        return f"]({target})"

    return _RELATIVE_LINK.sub(moved, markdown)


def _markdown_cell(text: str, number: int, name: str) -> dict:
    return {"cell_type": "markdown", "id": f"{name}-{number}", "metadata": {},
            "source": _for_notebooks_folder(text).splitlines(keepends=True)}


def notebook(name: str, page: str, figures_dir: Path) -> str:
    """The notebook (JSON text) of the rendered page ``page`` of vignette ``name``.

    ``figures_dir`` holds the figures the page shows (``vignettes/figures``).
    """
    source = without_outputs(page).split("\n", 2)[2]  # less the "Generated from" header line
    chunks = iter(shown_outputs(page))
    cells: list[dict] = []
    position = 0

    def add_markdown(text: str) -> None:
        if text.strip():
            cells.append(_markdown_cell(text.strip("\n"), len(cells) + 1, name))

    for block in paste.BLOCK.finditer(source):
        if block["lang"] != "python":
            continue
        add_markdown(source[position : block.start()])
        position = block.end()
        chunk = next(chunks)
        outputs: list[dict] = []
        if chunk.output:
            outputs.append({"name": "stdout", "output_type": "stream", "text": chunk.output.splitlines(keepends=True)})
        for figure in chunk.figures:
            image = base64.b64encode((figures_dir / Path(figure).name).read_bytes()).decode("ascii")
            outputs.append({"data": {"image/png": image, "text/plain": [f"<{Path(figure).name}>"]},
                            "metadata": {}, "output_type": "display_data"})
        cells.append({"cell_type": "code", "execution_count": None, "id": f"{name}-{len(cells) + 1}",
                      "metadata": {}, "outputs": outputs,
                      "source": block["code"].rstrip("\n").splitlines(keepends=True)})
    add_markdown(source[position:])
    document = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "kerasfn": {"generated_from": f"vignettes/src/{name}.md", "by": "python -m kerasfn.docs vignettes"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def write_notebook(name: str, page: str, figures_dir: Path) -> Path:
    """Write the notebook of the rendered page ``page``; return its path."""
    path = notebook_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(notebook(name, page, figures_dir))
    return path


def _printed(cell: dict) -> str:
    """What a code cell printed: its stdout and the text of its displayed values (figures left out)."""
    pieces = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream" and output["name"] == "stdout":
            pieces.append(output["text"])
        elif output["output_type"] in ("execute_result", "display_data") and "image/png" not in output["data"]:
            text = output["data"].get("text/plain", "")
            pieces.append(text if text.endswith("\n") else text + "\n")
    return "".join(pieces)


def run_notebook(path: Path, workdir: Path, timeout: float = 600) -> list[str]:
    """Execute the notebook ``path`` in a fresh kernel with ``workdir`` as its folder.

    Returns what each code cell printed; a cell that raises raises
    ``nbclient.exceptions.CellExecutionError`` naming the cell and the error.
    """
    import nbclient
    import nbformat

    document = nbformat.read(path, as_version=4)
    nbformat.validate(document)
    workdir.mkdir(parents=True, exist_ok=True)
    client = nbclient.NotebookClient(document, timeout=timeout, kernel_name="python3",
                                     resources={"metadata": {"path": str(workdir)}})
    client.execute()
    return [_printed(cell) for cell in document.cells if cell.cell_type == "code"]
