"""Read kerasfn's R-help-shaped docstrings into their sections.

A public function's docstring is its R help page: the first line is the
title, then sections, each a ``Header:`` line with indented content::

    Title of the page

    Description:
        ...
    Arguments:
        name: text, continued on
            indented lines.
    Value:
    Call arguments:
    Examples:
        >>> doctest lines with their shown output
    See also:
"""

from __future__ import annotations

import inspect
import re
import textwrap
from dataclasses import dataclass, field

__all__ = ["REQUIRED_SECTIONS", "SECTIONS", "HelpPage", "parse"]

SECTIONS = ("Description", "Arguments", "Value", "Call arguments", "Examples", "See also")
REQUIRED_SECTIONS = ("Description", "Arguments", "Value", "Examples", "See also")

_HEADER = re.compile(r"^(?P<name>[A-Z][A-Za-z ]*):\s*$")
_ITEM = re.compile(r"^(?P<name>\*{0,2}[A-Za-z_][A-Za-z0-9_]*): ?(?P<text>.*)$")


@dataclass
class HelpPage:
    """A docstring split into its title, its sections and its argument items."""

    title: str
    sections: dict[str, str] = field(default_factory=dict)

    def items(self, section: str) -> list[tuple[str, str]]:
        """``name: text`` entries of an argument-like section, text unwrapped."""
        entries: list[tuple[str, list[str]]] = []
        for line in self.sections.get(section, "").splitlines():
            match = _ITEM.match(line)
            if match and not line.startswith(" "):
                entries.append((match["name"], [match["text"]]))
            elif entries:
                entries[-1][1].append(line.strip())
        return [(name, " ".join(part for part in text if part)) for name, text in entries]


def parse(obj: object) -> HelpPage:
    """Split ``obj``'s docstring into a :class:`HelpPage`."""
    doc = inspect.getdoc(obj) or ""
    title, _, body = doc.partition("\n")
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.splitlines():
        header = _HEADER.match(line)
        if header:
            current = sections.setdefault(header["name"], [])
        elif current is not None:
            current.append(line)
    return HelpPage(
        title=title.strip(),
        sections={name: textwrap.dedent("\n".join(lines)).strip("\n") for name, lines in sections.items()},
    )
