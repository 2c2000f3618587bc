"""Executed vignettes: ``vignettes/src/<name>.md`` -> ``vignettes/<name>.md``.

A vignette source is Markdown whose ```python blocks a reader can paste, in
order, into the interactive prompt of a fresh Python started in any folder:
nothing is injected.  Figures are saved by the page's own code,
``figure.savefig("figures/<name>.png")``, after its first block made the
folder (``os.makedirs("figures", exist_ok=True)``).  The renderer runs the
blocks exactly that way (:mod:`kerasfn.docs.paste`: line by line into
:class:`code.InteractiveConsole`, in a fresh subprocess whose working folder
is empty) and puts, after each block, what it printed (with the values the
prompt echoes, which a notebook shows too: only a block's last statement may
echo one) in a ```text block whose lines start with ``## `` as knitr's do,
then the figures it wrote (the page format: :mod:`kerasfn.docs.pages`).  ```r blocks (and any other language) are shown,
not run.  Each page is also written as a notebook
(:mod:`kerasfn.docs.notebooks`).

:func:`check_outputs` compares what a page shows with what running its code
prints: the text must match; numbers with a decimal point or exponent may
differ by 5% (relative), by two units of their last printed digit, or by
1e-6, whichever is largest; whole numbers must be equal.  So a page whose
numbers no longer follow from its code fails the tests, while the last digit
of a training loss may move between machines.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kerasfn.docs import notebooks, paste
from kerasfn.docs.pages import Chunk, output_block

__all__ = [
    "VIGNETTES",
    "VignetteError",
    "check_outputs",
    "execute",
    "header",
    "render",
    "render_all",
    "sources",
]

VIGNETTES = Path(__file__).resolve().parents[2] / "vignettes"
_NUMBER = re.compile(r"((?<![\w.])-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)")
RELATIVE_TOLERANCE = 0.05
ABSOLUTE_FLOOR = 1e-6


class VignetteError(RuntimeError):
    """A vignette block raised; the message names the vignette and shows the block."""


def header(source: Path) -> str:
    """The line the renderer puts above a page."""
    return f"<!-- Generated from vignettes/src/{source.name} by `python -m kerasfn.docs vignettes`; edit the source. -->\n\n"


def execute(page: Path, workdir: Path, timeout: float = 600) -> list[Chunk]:
    """Paste the python blocks of ``page`` into the prompt of a fresh Python started in ``workdir``.

    ``workdir`` stands for any folder a reader starts Python in (it is
    created when missing); the figures the code saves land there.  Raises
    :class:`VignetteError` naming the block that raised.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(suffix=".json", prefix=f"paste-{page.stem}-")  # outside the reader's folder
    os.close(handle)
    result_file = Path(name)
    environment = {**os.environ, "MPLBACKEND": "Agg"}  # no display: figures are saved, not shown
    try:
        completed = subprocess.run(
            [sys.executable, paste.__file__, str(page.resolve()), str(result_file)],
            cwd=workdir, env=environment, capture_output=True, text=True, timeout=timeout,
        )
        if completed.returncode != 0 or not result_file.stat().st_size:
            raise VignetteError(f"vignette {page.stem!r}: the Python running it failed:\n{completed.stderr[-3000:]}")
        results = json.loads(result_file.read_text())
    finally:
        result_file.unlink()
    blocks = paste.python_blocks(page.read_text())
    for result in results:
        if "error" in result:
            number = result["block"]
            raise VignetteError(
                f"vignette {page.stem!r}, python block {number} raised {result['error']}\n"
                f"--- block {number} ---\n{blocks[number - 1]}--- traceback ---\n{result['traceback']}"
            )
    return [Chunk(result["output"], result["figures"]) for result in results]


def render(source: Path, figures_dir: Path | None = None) -> str:
    """Execute the vignette ``source`` and return its rendered Markdown.

    The figures its code saves are copied to ``figures_dir`` (default
    ``vignettes/figures``); the page refers to them as ``figures/<file>.png``.
    """
    figures_dir = VIGNETTES / "figures" if figures_dir is None else figures_dir
    text = source.read_text()
    with tempfile.TemporaryDirectory(prefix=f"vignette-{source.stem}-") as workdir:
        chunks = iter(execute(source, Path(workdir)))
        pieces = [header(source)]
        position = 0
        for block in paste.BLOCK.finditer(text):
            pieces.append(text[position : block.end()])
            position = block.end()
            if block["lang"] != "python":
                continue
            chunk = next(chunks)
            if chunk.output.strip():
                pieces.append("\n" + output_block(chunk.output))
            for figure in chunk.figures:
                figures_dir.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(workdir) / figure, figures_dir / Path(figure).name)
                pieces.append(f"\n![{Path(figure).stem.removeprefix(source.stem + '-')}]({figure})\n")
    pieces.append(text[position:])
    return "".join(pieces)


def _numbers_agree(shown: str, got: str) -> bool:
    if not re.search(r"[.eE]", shown + got):
        return int(shown) == int(got)
    a, b = float(shown), float(got)
    decimals = len(shown.split(".")[1].split("e")[0].split("E")[0]) if "." in shown else 0
    exponent = int(re.split(r"[eE]", shown)[1]) if re.search(r"[eE]", shown) else 0
    last_digit = 10.0 ** (exponent - decimals)
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=max(2 * last_digit, ABSOLUTE_FLOOR))


def _lines_agree(shown: str, got: str) -> bool:
    shown_parts, got_parts = _NUMBER.split(shown), _NUMBER.split(got)
    if len(shown_parts) != len(got_parts):
        return False
    # re.split with one group alternates text (even places) and numbers (odd places).
    return all(
        (s == g) if place % 2 == 0 else _numbers_agree(s, g)
        for place, (s, g) in enumerate(zip(shown_parts, got_parts))
    )


def check_outputs(shown: list[Chunk], got: list[Chunk]) -> list[str]:
    """The differences between what a page shows and what running its code gave; empty when they agree."""
    if len(shown) != len(got):
        return [f"the page shows {len(shown)} python blocks; running it ran {len(got)}"]
    problems = []
    for number, (page, run) in enumerate(zip(shown, got), start=1):
        page_lines = page.output.rstrip("\n").split("\n") if page.output.strip() else []
        run_lines = [line.rstrip() for line in run.output.rstrip("\n").split("\n")] if run.output.strip() else []
        if len(page_lines) != len(run_lines):
            problems.append(
                f"block {number}: the page shows {len(page_lines)} output lines, running it printed {len(run_lines)}:\n"
                + "\n".join(f"  page: {line}" for line in page_lines)
                + "\n" + "\n".join(f"  run:  {line}" for line in run_lines)
            )
            continue
        for page_line, run_line in zip(page_lines, run_lines):
            if not _lines_agree(page_line, run_line):
                problems.append(f"block {number}:\n  page: {page_line}\n  run:  {run_line}")
        if sorted(page.figures) != sorted(run.figures):
            problems.append(f"block {number}: the page shows figures {page.figures}; running it wrote {run.figures}")
    return problems


def sources() -> list[Path]:
    """The vignette sources, sorted by file name."""
    return sorted((VIGNETTES / "src").glob("*.md"))


def render_all() -> list[Path]:
    """Render every vignette source to ``vignettes/<name>.md`` (with its figures, and its notebook
    ``vignettes/notebooks/<name>.ipynb``); return the pages written.

    Each page runs in its own Python, so they run side by side, one per CPU.
    """
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        rendered = list(pool.map(render, sources()))
    written = []
    for source, text in zip(sources(), rendered):
        page = VIGNETTES / f"{source.stem}.md"
        page.write_text(text)
        notebooks.write_notebook(source.stem, text, VIGNETTES / "figures")
        written.append(page)
    return written
