"""Fixtures shared by the tests of kerasfn.base_r: what a ported R expression prints, and what a
printing function prints of a value."""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from kerasfn.base_r import print_


def _printed_by_port(r_expression: str, port: Callable[[], Any]) -> str:
    """What a case's port prints, without its final newlines: a ``cat()`` case's own output, any other
    case's value as :func:`kerasfn.base_r.print_` prints it."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = port()
        if not r_expression.startswith("cat("):
            print_(value)
    return out.getvalue().rstrip("\n")


def _printed(function: Callable[[Any], Any], value: Any, capsys: pytest.CaptureFixture[str]) -> str:
    function(value)
    return capsys.readouterr().out


@pytest.fixture
def printed_by_port() -> Callable[[str, Callable[[], Any]], str]:
    """What the port of an R expression prints, to compare with what R printed."""
    return _printed_by_port


@pytest.fixture
def printed() -> Callable[[Callable[[Any], Any], Any, pytest.CaptureFixture[str]], str]:
    """What ``function(value)`` prints (read from ``capsys``)."""
    return _printed
