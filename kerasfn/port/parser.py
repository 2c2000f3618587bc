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
        pending = list(reversed(self.node.named_children))
        while pending:  # depth first, in order, without recursion (R's trees can be thousands deep)
            child = pending.pop()
            if child.type == "comment":
                found.append(RNode(child, self.source))
            elif child.type not in skip:
                pending.extend(reversed(child.named_children))
        return found


def parse_r(source: str) -> RNode:
    """The ``program`` node of an R source text (R's raw strings read as the
    ordinary strings with the same value: the grammar predates them)."""
    data = ordinary_strings(source).encode("utf-8")
    return RNode(_parser().parse(data).root_node, data)


# R's raw string: r"(...)", R'[...]', r"--{...}--" (any number of dashes)
_RAW_OPEN = re.compile(r"""(?<![\w.])[rR](["'])(-*)([(\[{])""")
_RAW_CLOSE = {"(": ")", "[": "]", "{": "}"}


def ordinary_strings(source: str) -> str:
    """``source`` with each R raw string rewritten as an ordinary string
    literal of the same value (backslashes and quotes escaped, line breaks
    kept, so that line numbers stay).  Comments, strings and backquoted
    names are skipped as R's lexer skips them; one pass, linear in size."""
    out: list[str] = []
    position, length = 0, len(source)
    token = re.compile(r"""#|["'`]|(?<![\w.])[rR]["']""")
    while True:
        found = token.search(source, position)
        if found is None:
            out.append(source[position:])
            return "".join(out)
        start, text = found.start(), found.group()
        if text == "#":
            end = source.find("\n", start)
            end = length if end < 0 else end
        elif text in ("\"", "'", "`"):
            end = _string_end(source, start + 1, text)
        else:
            raw = _RAW_OPEN.match(source, start)
            if raw is None:  # `r"` not followed by a delimiter: R's syntax error; leave it to the parser
                out.append(source[position:start + 1])
                position = start + 1
                continue
            quote, dashes, opening = raw.groups()
            closing = _RAW_CLOSE[opening] + dashes + quote
            close = source.find(closing, raw.end())
            if close < 0:  # unterminated: the parser reports the error
                out.append(source[position:])
                return "".join(out)
            value = source[raw.end():close]
            out.append(source[position:start])
            out.append('"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')
            position = close + len(closing)
            continue
        out.append(source[position:end])
        position = end


def _string_end(source: str, position: int, quote: str) -> int:
    """Just past the closing ``quote`` of a string opened before ``position``."""
    while True:
        close = source.find(quote, position)
        if close < 0:
            return len(source)
        backslashes = 0
        while source[close - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return close + 1
        position = close + 1


# knitr chunks (```{r label, eval = FALSE}) and the plain fences of rendered R Markdown (``` r)
_CHUNK_OPEN = re.compile(r"^```[ \t]*(?:\{r(?P<options>[^}]*)\}|r)[ \t\r]*$")
_FENCE = re.compile(r"^```[ \t\r]*$")


def r_chunks(rmd: str) -> str:
    """The R code of an R Markdown document (its ```{r} chunks, or the ``` r
    blocks of a rendered one), every other line blanked so that
    line numbers stay those of the ``.Rmd`` file.  Chunks with
    ``eval = FALSE`` are left out, as knitr leaves them out; a chunk never
    closed is not code.  One pass over the lines."""
    lines = rmd.split("\n")
    kept = [""] * len(lines)
    chunk: list[int] | None = None  # line numbers of the open chunk's code
    evaluated = False
    for number, line in enumerate(lines):
        if chunk is None:
            opening = _CHUNK_OPEN.match(line)
            if opening is not None:
                chunk, evaluated = [], not re.search(r"\beval\s*=\s*(FALSE|F)\b", opening["options"] or "")
        elif _FENCE.match(line):
            for code_line in chunk if evaluated else ():
                kept[code_line] = lines[code_line]
            chunk = None
        else:
            chunk.append(number)
    return "\n".join(kept)
