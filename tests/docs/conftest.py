"""Fixtures shared by the tests of kerasfn.docs: outputs compared as a notebook and the prompt both show them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kerasfn.docs.pages import Chunk


def _one_line(chunks: list[Chunk]) -> list[Chunk]:
    """Outputs with their whitespace collapsed: IPython wraps a long value's repr where the prompt does not."""
    return [Chunk(" ".join(chunk.output.split()) + "\n" if chunk.output.strip() else "", []) for chunk in chunks]


@pytest.fixture
def one_line() -> Callable[[list[Chunk]], list[Chunk]]:
    """Outputs with their whitespace collapsed, to compare a notebook's with the prompt's."""
    return _one_line
