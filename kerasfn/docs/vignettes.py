"""Executed vignettes: ``vignettes/src/<name>.md`` -> ``vignettes/<name>.md``.

A vignette source is Markdown.  Its ```python blocks run in order in one
namespace per vignette (cwd set to a fresh temporary folder), like the chunks
of an R Markdown document; each block is followed in the rendered page by
what it printed and by the repr of its final bare expression, in a ```text
block whose lines start with ``## `` as knitr's do.  ```r blocks (and any
other language) are shown, not run.  A block saves a figure with
``save_figure(figure, "label")``, which the renderer puts in the namespace: the
PNG goes to ``vignettes/figures/<name>-<label>.png`` and the page shows it
after the block.  ``show_markdown(text)`` puts Markdown (a table, say) into
the page after the block, as knitr's ``results = "asis"`` does; like the
printed output, it sits between ``<!-- output -->`` markers.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["VIGNETTES", "VignetteError", "render", "render_all", "sources", "without_outputs"]

VIGNETTES = Path(__file__).resolve().parents[2] / "vignettes"
_BLOCK = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<code>.*?)^```\n", re.MULTILINE | re.DOTALL)
_OUTPUT = re.compile(
    r"^```text\n(?:##(?: [^\n]*)?\n)*```\n"  # printed output
    r"|^<!-- output -->\n.*?^<!-- /output -->\n",  # show_markdown()
    re.MULTILINE | re.DOTALL,
)
_OUTPUT_PREFIX = "## "


class VignetteError(RuntimeError):
    """A vignette block raised; the message names the vignette and shows the block."""


@dataclass
class _Chunk:
    """What one executed block produced."""

    output: str
    markdown: list[str]
    figures: list[str]


class _Session:
    """One vignette's namespace and the figures its blocks save."""

    def __init__(self, name: str, figures_dir: Path) -> None:
        self.name = name
        self.figures_dir = figures_dir
        self.new_figures: list[str] = []
        self.new_markdown: list[str] = []
        self.namespace: dict[str, Any] = {
            "__name__": "__vignette__",
            "save_figure": self.save_figure,
            "show_markdown": self.show_markdown,
        }

    def show_markdown(self, text: str) -> None:
        """Put ``text`` into the page, as Markdown, after the current block."""
        self.new_markdown.append(text.strip() + "\n")

    def save_figure(self, figure: Any, label: str) -> None:
        """Write ``figure`` (a matplotlib Figure) as ``figures/<vignette>-<label>.png``."""
        if not re.fullmatch(r"[a-z0-9-]+", label):
            raise ValueError(f"`label` must be lowercase letters, digits and '-'; received {label!r}.")
        relative = f"figures/{self.name}-{label}.png"
        self.figures_dir.mkdir(parents=True, exist_ok=True)
        # A fixed "Software" entry and no timestamp keep the bytes stable between runs.
        figure.savefig(self.figures_dir / f"{self.name}-{label}.png", dpi=100, metadata={"Software": None})
        self.new_figures.append(relative)

    def run(self, code: str, number: int) -> _Chunk:
        tree = ast.parse(code, filename=f"<{self.name} block {number}>")
        final = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        filename = f"<{self.name} block {number}>"
        self.new_figures, self.new_markdown = [], []
        captured = io.StringIO()
        try:
            with contextlib.redirect_stdout(captured):
                exec(compile(tree, filename, "exec"), self.namespace)
                if final is not None:
                    value = eval(compile(ast.Expression(final.value), filename, "eval"), self.namespace)
                    if value is not None:
                        print(repr(value))
        except Exception as error:
            raise VignetteError(
                f"vignette {self.name!r}, python block {number} raised {type(error).__name__}: {error}\n"
                f"--- block {number} ---\n{code}"
            ) from error
        return _Chunk(captured.getvalue(), list(self.new_markdown), list(self.new_figures))


def _output_block(output: str) -> str:
    lines = output.rstrip("\n").split("\n")
    return "```text\n" + "".join(f"{_OUTPUT_PREFIX}{line}".rstrip() + "\n" for line in lines) + "```\n"


def render(source: Path, figures_dir: Path | None = None) -> str:
    """Execute the vignette ``source`` and return its rendered Markdown.

    Figures go to ``figures_dir`` (default ``vignettes/figures``); the page
    refers to them as ``figures/<name>-<label>.png`` either way.
    """
    import keras
    import matplotlib

    matplotlib.use("Agg")
    keras.backend.clear_session()  # layer names (lstm, lstm_1, ...) start afresh in every vignette
    name = source.stem
    session = _Session(name, VIGNETTES / "figures" if figures_dir is None else figures_dir)
    text = source.read_text()
    pieces = [f"<!-- Generated from vignettes/src/{source.name} by `python -m kerasfn.docs vignettes`; edit the source. -->\n\n"]
    position, number = 0, 0
    previous_cwd = os.getcwd()
    with tempfile.TemporaryDirectory(prefix=f"vignette-{name}-") as workdir:
        os.chdir(workdir)
        try:
            for block in _BLOCK.finditer(text):
                pieces.append(text[position : block.end()])
                position = block.end()
                if block["lang"] != "python":
                    continue
                number += 1
                chunk = session.run(block["code"], number)
                if chunk.output.strip():
                    pieces.append("\n" + _output_block(chunk.output))
                pieces.extend(f"\n<!-- output -->\n{markdown}<!-- /output -->\n" for markdown in chunk.markdown)
                pieces.extend(f"\n![{Path(path).stem.removeprefix(name + '-')}]({path})\n" for path in chunk.figures)
        finally:
            os.chdir(previous_cwd)
    pieces.append(text[position:])
    return "".join(pieces)


def without_outputs(rendered: str) -> str:
    """The rendered page less its output blocks: the part that must match the source exactly."""
    return _OUTPUT.sub("", rendered)


def sources() -> list[Path]:
    """The vignette sources, sorted by file name."""
    return sorted((VIGNETTES / "src").glob("*.md"))


def render_all() -> list[Path]:
    """Render every vignette source to ``vignettes/<name>.md`` (and its figures); return the pages written."""
    written = []
    for source in sources():
        page = VIGNETTES / f"{source.stem}.md"
        page.write_text(render(source))
        written.append(page)
    return written
