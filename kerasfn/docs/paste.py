"""Run a vignette's python blocks as a reader pastes them: ``python paste.py PAGE.md RESULT.json``.

Run as a script (by path, so that nothing of kerasfn is imported before the
page imports it), in the folder the reader would start Python in: any folder,
an empty one in the tests.  The blocks are fed, in order and line by line, to
:class:`code.InteractiveConsole`, the interactive ``python`` prompt itself,
with each blank line seen as the prompt sees it (a blank line ends a
compound statement).  What a block prints is kept, with the values the
prompt echoes; RESULT.json gets, per block, that output and the figures it
wrote under ``figures/``; on an error (a ``SyntaxError`` at the prompt
included), the block's number and the traceback, and the run stops there as
a reader's would.

A page must show the same in a notebook, where only a cell's last statement
shows its value: a block whose earlier statement echoes a value at the prompt
is an error here (assign the value, or end the block with it).

Only the standard library is imported here: the renderer and the tests import
:func:`python_blocks` and :func:`prompt_statements` from this module too.
"""

from __future__ import annotations

import code
import codeop
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


def _lines(block: str) -> list[str]:
    """The lines a reader pastes, then the Enter that closes a block ending in a compound statement."""
    return [*block.rstrip("\n").split("\n"), ""]


def prompt_statements(block: str, filename: str = "<stdin>") -> list[str]:
    """The statements the prompt reads from ``block`` pasted line by line, without running them.

    Raises the ``SyntaxError`` the prompt would show (a compound statement
    followed directly by an unindented line, a blank line inside a
    function body, ...).
    """
    statements, buffer = [], []
    for line in _lines(block):
        buffer.append(line)
        source = "\n".join(buffer)
        if codeop.compile_command(source, filename, "single") is None:
            continue  # the prompt shows "..." and waits for more
        if source.strip():
            statements.append(source)
        buffer = []
    return statements


class _Prompt(code.InteractiveConsole):
    """The interactive prompt, recording the errors it shows instead of writing them to stderr."""

    def __init__(self, namespace: dict, filename: str) -> None:
        super().__init__(namespace, filename)
        self.error: tuple[str, str] | None = None

    def showsyntaxerror(self, filename: str | None = None, **kwargs: object) -> None:
        error = sys.exc_info()[1]
        self.error = (f"{type(error).__name__}: {error}", "".join(traceback.format_exception_only(error)))

    def showtraceback(self) -> None:
        error = sys.exc_info()[1]
        self.error = (f"{type(error).__name__}: {error}", traceback.format_exc())


def _figures() -> dict[str, int]:
    """The PNG files under ``figures/`` with their modification times."""
    return {path.as_posix(): path.stat().st_mtime_ns for path in sorted(Path("figures").glob("*.png"))}


def run_blocks(blocks: list[str], name: str) -> list[dict]:
    """Paste ``blocks`` into one fresh prompt; one result per block run."""
    results = []
    namespace: dict = {"__name__": "__main__", "__builtins__": __builtins__}
    echoed_by: list[int] = []  # the statement numbers (in the current block) whose value the prompt echoed
    statement = 0

    def display(value: object) -> None:
        if value is not None:
            echoed_by.append(statement)
        sys.__displayhook__(value)  # the prompt's own: repr() to stdout

    sys.displayhook = display
    for number, block in enumerate(blocks, start=1):
        prompt = _Prompt(namespace, f"<{name} block {number}>")
        before = _figures()
        captured = io.StringIO()
        echoed_by.clear()
        statement = 0
        result: dict = {"block": number}
        with contextlib.redirect_stdout(captured):
            for line in _lines(block):
                if not prompt.buffer and line.strip() and not line.lstrip().startswith("#"):
                    statement += 1  # the line starts a statement
                prompt.push(line)
                if prompt.error is not None:
                    break
        if prompt.error is not None:
            result["error"], result["traceback"] = prompt.error
        else:
            early = sorted({n for n in echoed_by if n != statement})
            if early:
                result["error"] = (
                    "the prompt echoes a value before the block's last statement, which a notebook "
                    "would not show: assign it, or end the block with it"
                )
                result["traceback"] = captured.getvalue()
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
