"""Fixtures shared by the tests of kerasfn.port: a translation's body, its namespace and printed output
once run, an R Markdown document, and the names a translation would call."""

from __future__ import annotations

import ast
import builtins
import contextlib
import io
from collections.abc import Callable

import pytest

from kerasfn.port import translate


def _body(r_source: str) -> str:
    """The translation without its import lines."""
    lines = translate(r_source).python.splitlines()
    while lines and (lines[0].startswith(("import ", "from ", "os.environ")) or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines)


def _run(r_source: str) -> dict:
    """Execute the translation; its namespace."""
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(builtins.compile(translate(r_source).python, "<port>", "exec"), namespace)
    return namespace


def _printed(r_source: str) -> str:
    """What the translation prints when run."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(builtins.compile(translate(r_source).python, "<port>", "exec"), {})
    return output.getvalue()


def _code_of(python: str) -> list[str]:
    """The names Python would run: every call's function name in the translation."""
    tree = ast.parse(python)
    return sorted({node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call)
                   and isinstance(node.func, ast.Name)})


@pytest.fixture
def body() -> Callable[[str], str]:
    """The translation of an R source without its import lines."""
    return _body


@pytest.fixture
def run() -> Callable[[str], dict]:
    """The namespace an R source's translation leaves when executed (its output swallowed)."""
    return _run


@pytest.fixture
def printed() -> Callable[[str], str]:
    """What an R source's translation prints when executed."""
    return _printed


@pytest.fixture
def code_of() -> Callable[[str], list[str]]:
    """The names of the functions a Python source calls."""
    return _code_of


@pytest.fixture
def rmd() -> str:
    """An R Markdown document: a chunk with a formula on line 9, and a chunk with ``eval = FALSE``."""
    return "---\ntitle: t\n---\n\nText.\n\n```{r}\nx <- 1\nx ~ y\n```\n\n```{r, eval = FALSE}\nz <- 3\n```\n"
