"""The format of a rendered vignette page: what the renderer puts after each python block, and reading it back.

After each ```python block, a rendered page (``vignettes/<name>.md``) shows
what the block printed, in a ```text block whose lines start with ``## `` as
knitr's do, then links to the figures it wrote (``figures/<file>.png``).
:mod:`kerasfn.docs.vignettes` writes pages in this format;
:mod:`kerasfn.docs.notebooks` and the tests read them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Chunk", "output_block", "shown_outputs", "without_outputs"]

_OUTPUT_PREFIX = "## "
# What the renderer adds after a python block: its printed output and its figures.
_OUTPUT_BLOCK = r"\n```text\n(?:##(?: [^\n]*)?\n)*```\n"
_FIGURE_LINK = r"\n!\[[^\]\n]*\]\(figures/[^)\n]+\.png\)\n"
_ADDED = re.compile(f"{_OUTPUT_BLOCK}|{_FIGURE_LINK}")
_AFTER_PYTHON = re.compile(
    r"^```python\n.*?^```\n(?P<added>(?:" + _OUTPUT_BLOCK + "|" + _FIGURE_LINK + r")*)",
    re.MULTILINE | re.DOTALL,
)


@dataclass
class Chunk:
    """What one python block printed, and the figures (``figures/<file>.png``) it wrote."""

    output: str
    figures: list[str]


def output_block(output: str) -> str:
    """The ```text block that shows ``output`` after a python block."""
    lines = output.rstrip("\n").split("\n")
    return "```text\n" + "".join(f"{_OUTPUT_PREFIX}{line}".rstrip() + "\n" for line in lines) + "```\n"


def without_outputs(rendered: str) -> str:
    """The rendered page less what the renderer added after its blocks: the header, the source."""
    return _ADDED.sub("", rendered)


def shown_outputs(page: str) -> list[Chunk]:
    """What a rendered page shows after each of its python blocks."""
    chunks = []
    for block in _AFTER_PYTHON.finditer(page):
        added = block["added"]
        lines = re.findall(r"^##(?: (.*))?$", added, re.MULTILINE)
        output = "".join(line + "\n" for line in lines)
        chunks.append(Chunk(output, re.findall(r"\]\((figures/[^)\n]+\.png)\)", added)))
    return chunks
