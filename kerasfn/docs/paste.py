"""Run a vignette's python blocks as a reader pastes them: ``python paste.py PAGE.md RESULT.json``.

Run as a script (by path, so that nothing of kerasfn is imported before the
page imports it), in the folder the page's code expects (one with a
``figures/`` folder, as ``vignettes/`` has).  The blocks run in order in one
fresh ``__main__`` namespace, as pasted into Python or Jupyter: each block's
printed output is kept, followed by the repr of its final bare expression (as
a notebook cell shows it).  RESULT.json gets, per block, what it printed and
the figures it wrote under ``figures/``; on an exception, the block's number
and the traceback, and the run stops there as a reader's would.

Only the standard library is imported here: the renderer and the tests import
:func:`python_blocks` from this module too.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
import sys
import traceback
from pathlib import Path

BLOCK = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<code>.*?)^```\n", re.MULTILINE | re.DOTALL)


def python_blocks(text: str) -> list[str]:
    """The code of every ```python block of a Markdown text, in order."""
    return [block["code"] for block in BLOCK.finditer(text) if block["lang"] == "python"]


def _figures() -> dict[str, int]:
    """The PNG files under ``figures/`` with their modification times."""
    return {path.as_posix(): path.stat().st_mtime_ns for path in sorted(Path("figures").glob("*.png"))}


def run_blocks(blocks: list[str], name: str) -> list[dict]:
    """Execute ``blocks`` in one fresh namespace; one result per block run."""
    namespace: dict = {"__name__": "__main__", "__builtins__": __builtins__}
    results = []
    for number, code in enumerate(blocks, start=1):
        filename = f"<{name} block {number}>"
        before = _figures()
        captured = io.StringIO()
        result: dict = {"block": number}
        try:
            tree = ast.parse(code, filename=filename)
            final = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            with contextlib.redirect_stdout(captured):
                exec(compile(tree, filename, "exec"), namespace)
                if final is not None:
                    value = eval(compile(ast.Expression(final.value), filename, "eval"), namespace)
                    if value is not None:
                        print(repr(value))
        except BaseException as error:  # noqa: BLE001 - reported to the caller, as the reader would see it
            result["error"] = f"{type(error).__name__}: {error}"
            result["traceback"] = traceback.format_exc()
        result["output"] = captured.getvalue()
        after = _figures()
        result["figures"] = [path for path, stamp in after.items() if before.get(path) != stamp]
        results.append(result)
        if "error" in result:
            break
    return results


def main(argv: list[str]) -> None:
    # Python started by path puts this script's folder first on sys.path; an interactive
    # Python puts the current folder there instead.
    sys.path[0] = ""
    page, destination = Path(argv[0]), Path(argv[1])
    results = run_blocks(python_blocks(page.read_text()), page.stem)
    destination.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
