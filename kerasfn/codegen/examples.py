"""Run a generated function's example at generation time, recording what each line prints.

Every generated docstring's example shows what the installed Keras really
returns: its lines are run here, one by one as the interactive prompt runs
them (an expression's value is echoed), in one namespace per example.
"""

from __future__ import annotations

import ast
import contextlib
import io
from typing import Any

__all__ = ["run"]


def run(lines: list[str]) -> list[list[str]]:
    """What each of ``lines`` prints, run in order as prompt input; a line marked
    ``# doctest: +SKIP`` is shown, not run (an example too slow for the test suite)."""
    namespace: dict[str, Any] = {}
    outputs = []
    for line in lines:
        if "doctest: +SKIP" in line:
            outputs.append([])
            continue
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            exec(compile(ast.parse(line, mode="single"), "<example>", "single"), namespace)  # noqa: S102
        outputs.append(captured.getvalue().splitlines())
    return outputs
