"""R keras3 script -> kerasfn Python, construct by construct.

The translator walks the R parse tree (:mod:`kerasfn.port.parser`).  Each
R statement becomes Python statements; an expression becomes a :class:`Py`
(its text and its precedence, so parentheses are added only where Python
needs them).  What cannot be translated with confidence raises
:class:`Untranslatable`: the statement is kept as commented R under a
``# port:`` note, never guessed.  Translations that are right but worth a
look (R and NumPy draw different random numbers, say) carry a note too.
The R base helpers scripts use around keras are in :mod:`kerasfn.port.rbase`;
the values and helpers every part shares in :mod:`kerasfn.port.core`.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from contextlib import contextmanager

from kerasfn.port import catalog, rbase
from kerasfn.port.assignments import Assignments
from kerasfn.port.calls import Calls
from kerasfn.port.control import ControlFlow
from kerasfn.port.conversions import Conversions
from kerasfn.port.core import Frame, Note, Py, Scope, Untranslatable, comment, python_name
from kerasfn.port.expressions import Expressions
from kerasfn.port.indexing import Indexing
from kerasfn.port.names import KERASFN_EXPORTS
from kerasfn.port.parser import RNode
from kerasfn.port.pipes import Pipes
from kerasfn.port.printing import AutoPrinting
from kerasfn.port.statements import Statements

__all__ = ["Note", "Py", "Translator", "Untranslatable"]


class Translator(Statements, ControlFlow, AutoPrinting, Assignments, Expressions, Indexing, Calls, Conversions, Pipes):
    """One translation: ``Translator(program).statements()`` gives the body
    lines; ``needs`` the imports they use; ``notes`` the notes.  Its methods
    are split by concern: :mod:`~kerasfn.port.statements`,
    :mod:`~kerasfn.port.control`, :mod:`~kerasfn.port.printing`,
    :mod:`~kerasfn.port.assignments`, :mod:`~kerasfn.port.expressions`,
    :mod:`~kerasfn.port.indexing`, :mod:`~kerasfn.port.calls`,
    :mod:`~kerasfn.port.conversions`, :mod:`~kerasfn.port.pipes`."""

    def __init__(self, program: RNode) -> None:
        self.program = program
        self.notes: list[Note] = []
        self.needs: set[str] = set()
        self.backend: str | None = None
        self.scope = Scope()
        self._frames: list[Frame] = []
        self._node: RNode = program  # the statement being translated, for notes
        self._names: set[str] = set()
        self._user_functions: set[str] = set()
        self.uses_kerasfn = False
        self._dot: Py | None = None  # what magrittr's `.` stands for in the step being translated
        self._with: dict[str, Py] = {}  # inside `with(data, expr)`: the data's elements, by name
        self._class: str | None = None  # the class constructor whose methods are being translated
        self.calling = ""  # the R helper being translated (helpers shared by several names read it)
        self.rbase = rbase.HELPERS
        self._pipe_step: str | None = None  # the function a `|` step calls, its subject piped in
        self._invisible_functions: set[str] = set()  # the script's functions whose value R does not print
        self._returns_dict: set[str] = set()  # the script's functions that return a named list
        self._hoisted: dict[tuple[int, int], Py] = {}  # R calls already evaluated into a variable
        self._else: dict[tuple[int, int], RNode] = {}  # `if` nodes and the `else` branch R gives them
        self.runtime_imports: set[str] = set()  # names the translation imports from kerasfn.base_r
        self.runtime_names = catalog.base_r_names()

    def check(self, reason: str, node: RNode | None = None) -> None:
        """A translated construct a person should check: a note above its statement."""
        node, reason = node or self._node, " ".join(reason.split())
        self.notes.append(Note(node.line, node.end_line, reason, kept=False))
        if self._frames:
            self._frames[-1].before.append(comment(f"port: {reason}"))

    def hoist(self, lines: list[str]) -> None:
        """Lines (a ``def``) that must come before the statement being translated."""
        self._frames[-1].before.extend(lines)

    def fresh(self, base: str) -> str:
        name = python_name(base)
        if name in KERASFN_EXPORTS or name in self.rbase or name in self._user_functions or name in dir(builtins):
            name += "_fn"  # `op_cond(p, \() {...})`: the branch's def must not shadow `op_cond`
        candidate, counter = name, 1
        while candidate in self._names or self.scope.defines(candidate) or candidate in self._user_functions:
            counter += 1
            candidate = f"{name}_{counter}"
        self._names.add(candidate)
        return candidate

    @contextmanager
    def function_scope(self) -> Iterator[Scope]:
        outer = self.scope
        self.scope = Scope(outer, function=True)
        try:
            yield self.scope
        finally:
            self.scope = outer
