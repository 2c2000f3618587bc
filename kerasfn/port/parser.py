"""The R parse tree: tree-sitter's R grammar behind a small node type.

Why tree-sitter, and this wheel: the translator needs R's real grammar
(operator precedence, ``->``, ``\\(x)``, ``%op%`` specials, formulas, comments
kept in place), not regular expressions.  Two parsers work offline here:
R's own ``parse()`` + ``getParseData()``, and the ``tree-sitter-languages``
wheel, which bundles a compiled R grammar.  R's parser is the reference, but
it needs an R installation, which neither CI nor most Python users have, and
it would run in a subprocess.  The wheel is 8 MB, pure ``pip``, parses in
process in microseconds, keeps comments as nodes and recovers from syntax
errors (an ``ERROR`` node around the bad statement, the rest parsed), so one
broken line becomes one note instead of a failed translation.  It is the
``kerasfn[port]`` extra.  ``tree-sitter-languages`` 1.10 is built against the
``tree-sitter`` 0.21 bindings (0.22 changed ``Language()``), so the extra pins
``tree-sitter<0.22``; the newer ``tree-sitter-language-pack`` downloads its
grammars at run time, which fails offline.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = ["RNode", "parse_r", "r_chunks"]


@cache
def _parser() -> Any:
    try:
        with warnings.catch_warnings():  # the wheel uses a constructor 0.21 marks deprecated
            warnings.simplefilter("ignore", FutureWarning)
            import tree_sitter_languages

            return tree_sitter_languages.get_parser("r")
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise ImportError(
            "kerasfn.port needs the R grammar: pip install 'kerasfn[port]' "
            "(tree-sitter-languages, tree-sitter<0.22, black)"
        ) from error


@dataclass(frozen=True)
class RNode:
    """One node of the R parse tree, with the source it came from."""

    node: Any
    source: bytes

    @property
    def type(self) -> str:
        return self.node.type

    @property
    def text(self) -> str:
        return self.source[self.node.start_byte:self.node.end_byte].decode("utf-8")

    @property
    def line(self) -> int:
        """1-based first line."""
        return self.node.start_point[0] + 1

    @property
    def end_line(self) -> int:
        return self.node.end_point[0] + 1

    @property
    def has_error(self) -> bool:
        return self.node.has_error

    def field(self, name: str) -> RNode | None:
        child = self.node.child_by_field_name(name)
        return None if child is None else RNode(child, self.source)

    @property
    def operator(self) -> str:
        """The operator of a ``binary``/``unary`` node (``%>%`` for specials)."""
        child = self.node.child_by_field_name("operator")
        if child is not None:
            return self.source[child.start_byte:child.end_byte].decode("utf-8")
        # `a %in% b` (no operator field on some specials): the token between the operands
        left, right = self.node.child_by_field_name("left"), self.node.child_by_field_name("right")
        if left is not None and right is not None:
            return self.source[left.end_byte:right.start_byte].decode("utf-8").strip()
        return ""

    @property
    def children(self) -> list[RNode]:
        """Named children, comments left out."""
        return [RNode(child, self.source) for child in self.node.named_children if child.type != "comment"]

    @property
    def all_children(self) -> list[RNode]:
        """Named children, comments included."""
        return [RNode(child, self.source) for child in self.node.named_children]

    def comments(self, skip: tuple[str, ...] = ()) -> list[RNode]:
        """Every comment inside this node, in order, except inside nodes of the ``skip`` types."""
        found: list[RNode] = []

        def walk(node: Any) -> None:
            for child in node.named_children:
                if child.type == "comment":
                    found.append(RNode(child, self.source))
                elif child.type not in skip:
                    walk(child)

        walk(self.node)
        return found


def parse_r(source: str) -> RNode:
    """The ``program`` node of an R source text."""
    data = source.encode("utf-8")
    return RNode(_parser().parse(data).root_node, data)


# knitr chunks (```{r label, eval = FALSE}) and the plain fences of rendered R Markdown (``` r)
_CHUNK = re.compile(r"^```[ \t]*(?:\{r(?P<options>[^}]*)\}|r)[ \t]*\n(?P<code>.*?)^```[ \t]*$",
                    re.MULTILINE | re.DOTALL)


def r_chunks(rmd: str) -> str:
    """The R code of an R Markdown document (its ```{r} chunks, or the ``` r
    blocks of a rendered one), every other line blanked so that
    line numbers stay those of the ``.Rmd`` file.  Chunks with
    ``eval = FALSE`` are left out, as knitr leaves them out."""
    lines = [""] * (rmd.count("\n") + 1)
    for chunk in _CHUNK.finditer(rmd):
        if re.search(r"\beval\s*=\s*(FALSE|F)\b", chunk["options"] or ""):
            continue
        first = rmd.count("\n", 0, chunk.start("code"))
        for offset, line in enumerate(chunk["code"].splitlines()):
            lines[first + offset] = line
    return "\n".join(lines)
