"""``kerasfn.port``: translate an R keras3 script into a runnable kerasfn script.

``python -m kerasfn.port script.R`` writes ``script.py`` and prints a report;
:func:`translate` gives the same as a :class:`Translation`.  The R is read by
a real R parser (:mod:`kerasfn.port.parser`, tree-sitter's R grammar: the
``kerasfn[port]`` extra), translated construct by construct
(:mod:`kerasfn.port.translate`, :mod:`kerasfn.port.rbase`) by the README's
porting rules, and formatted by black.  What the translator cannot translate
with confidence stays in the output as commented R under a ``# port:`` note.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from kerasfn.port.core import Note
from kerasfn.port.output import formatted, header
from kerasfn.port.parser import parse_r, r_chunks
from kerasfn.port.report import Translation, code_lines
from kerasfn.port.translate import Translator

__all__ = ["Note", "Translation", "translate"]


def translate(r_source: str, rmd: bool = False) -> Translation:
    """Translate an R keras3 script into a kerasfn Python script

    Description:
        Parses ``r_source`` with R's grammar and translates it statement by
        statement: ``|>`` and ``%>%`` become ``|`` (or a call), ``%<-%``
        unpacking, ``c()`` a tuple in shapes and a list or array elsewhere,
        1-based indices 0-based, ``$`` an attribute or a key, R's helpers
        NumPy and Python where the meaning is the same (``array()``,
        ``paste0()``, ...) and :mod:`kerasfn.base_r`'s where R's semantics are
        subtle (``rbind()``, ``sample()`` and ``runif()`` with R's own random
        numbers, ...), ``Layer()`` methods functions with ``self``; top-level
        values R would auto-print are printed as R prints them.  A statement it cannot translate with
        confidence is kept as commented R under a ``# port:`` note.

    Arguments:
        r_source: The R script (or an R Markdown document, with ``rmd``).
        rmd: Whether ``r_source`` is R Markdown: its R chunks are translated
            (not those with ``eval = FALSE``); line numbers are the document's.

    Value:
        A :class:`Translation`: ``python`` (the formatted script), ``notes``
        (line, reason), ``share`` (lines translated without a note), and
        ``report()``.

    Examples:
        >>> from kerasfn.port import translate
        >>> result = translate('''
        ... library(keras3)
        ... model <- keras_model_sequential(input_shape = c(10, 8)) |>
        ...   layer_lstm(units = 32) |> layer_dense(1)
        ... c(h, c) %<-% list(1L, 2)
        ... h + x[[1]]
        ... ''')
        >>> print(result.python)
        from kerasfn import *
        from kerasfn.base_r import print_
        <BLANKLINE>
        model = (
            keras_model_sequential(input_shape=(10, 8)) | layer_lstm(units=32) | layer_dense(1)
        )
        h, c = [1, 2]
        print_(h + x[0])
        <BLANKLINE>
        >>> result.share
        1.0
        >>> exec(translate("x <- c(1.5, 2, 3); x * 2").python, {})  # prints what R prints
        [1] 3 4 6
        >>> print(translate("y ~ x + z").report())
        0 of 1 R code lines translated without a note (0%); 1 left for a person:
          line 1: kept as R: R formula (`~`)

    See also:
        ``python -m kerasfn.port script.R`` writes ``script.py`` and prints
        the report.
    """
    return _on_a_deep_stack(lambda: _translate(r_source, rmd))


def _translate(r_source: str, rmd: bool) -> Translation:
    if rmd:
        r_source = r_chunks(r_source)
    program = parse_r(r_source)
    translator = Translator(program)
    body = translator.statements()
    lines = header(translator)
    python = formatted("\n".join(lines + ([""] if lines else []) + body) + "\n")
    return Translation(python, tuple(translator.notes), code_lines(program))


#: The translator walks R's parse tree recursively (R's `1 + 1 + ...` is as deep as it is long), and so does
#: black: both run on a thread with a deep stack and a raised recursion limit.  A statement nested deeper
#: still is kept as R with a note (Python's own parser accepts no more than 200 nested brackets anyway).
_STACK_BYTES = 512 * 2**20
_RECURSION_LIMIT = 200_000


def _on_a_deep_stack(function: Callable[[], Translation]) -> Translation:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # noqa: BLE001 - handed to the calling thread as it is
            outcome["error"] = error

    with _deep_recursion_lock:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
        size = threading.stack_size(_STACK_BYTES)
        try:
            worker = threading.Thread(target=run, name="kerasfn.port", daemon=True)
            worker.start()
        finally:
            threading.stack_size(size)
        try:
            worker.join()
        finally:
            sys.setrecursionlimit(limit)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


_deep_recursion_lock = threading.Lock()
