"""R statements as Python statements: blocks, assignments' forms, calls that are statements."""

from __future__ import annotations

import ast

from kerasfn.port import rules, rbase
from kerasfn.port.core import (
    BLOCKS,
    comment,
    Ctx,
    Frame,
    node_key,
    Note,
    Py,
    python_name,
    Untranslatable,
)
from kerasfn.port.parser import RNode
from kerasfn.port.rules import ATOM

__all__ = ["Statements"]


class Statements:
    """What the translator does with R statements (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

    def statements(self) -> list[str]:
        return self.block(self.program.all_children, top=True)

    def block(self, nodes: list[RNode], top: bool = False, returns: bool = False) -> list[str]:
        """Statements of a program or a ``{}`` body; ``returns``: R's last value is returned."""
        if not top:
            nodes = self.fold_dangling_else(nodes)
        code = [node for node in nodes if node.type != "comment"]
        last = code[-1] if code else None
        lines: list[str] = []
        previous_end = -1
        for node in nodes:
            if node.type == "comment":
                text = comment(node.text.lstrip("#").strip())
                if lines and previous_end > 0 and node.line > previous_end + 1:
                    lines.append("")
                if node.line == previous_end and lines:
                    lines[-1] += "  " + text
                else:
                    lines.append(text)
                previous_end = node.end_line
                continue
            if lines and previous_end > 0 and node.line > previous_end + 1:
                lines.append("")  # R's blank lines between statements stay
            lines.extend(self.statement(node, top=top, last=returns and node is last))
            previous_end = node.end_line
        return lines

    def fold_dangling_else(self, nodes: list[RNode]) -> list[RNode]:
        """Inside braces R reads ``if (c) x`` / newline / ``else y`` as one statement; the grammar
        reads an ``if`` and a name ``else``: the ``else`` branch is attached to its ``if`` here."""
        def next_code(index: int) -> int | None:
            return next((j for j in range(index, len(nodes)) if nodes[j].type != "comment"), None)

        folded, index = [], 0
        while index < len(nodes):
            chain = nodes[index]
            folded.append(chain)
            index += 1
            while chain.type == "if" and len([c for c in chain.children if c.type != "comment"]) == 2:
                word = next_code(index)
                if word is None or nodes[word].type != "identifier" or nodes[word].text != "else":
                    break
                branch = next_code(word + 1)
                if branch is None:
                    break
                self._else[node_key(chain)] = nodes[branch]
                index, chain = branch + 1, nodes[branch]
        return folded

    def statement(self, node: RNode, top: bool = False, last: bool = False) -> list[str]:
        """One R statement as Python lines, or as commented R under a note."""
        outer_node = self._node
        self._node = node
        self._frames.append(Frame())
        notes_before, needs_before, uses_kerasfn = len(self.notes), set(self.needs), self.uses_kerasfn
        runtime_before = set(self.runtime_imports)
        try:
            if node.has_error or node.type == "ERROR":
                raise Untranslatable("R syntax error: the parser could not read this statement")
            lines = self._statement(node, top, last)
            frame = self._frames[-1]
            lines = frame.before + self._comments(node) + lines
            if top:
                ast.parse("\n".join(lines))  # a translation that does not parse is a bug: keep the R
        except (Untranslatable, SyntaxError, RecursionError) as error:
            del self.notes[notes_before:]
            self.needs, self.uses_kerasfn = needs_before, uses_kerasfn  # nothing of a kept statement is used
            self.runtime_imports = runtime_before
            if isinstance(error, Untranslatable):
                reason = error.reason
            elif isinstance(error, SyntaxError):
                reason = f"internal: translation did not parse ({error.msg})"
            else:
                reason = "nested deeper than the translator follows"
            self.notes.append(Note(node.line, node.end_line, reason, kept=True))
            lines = [comment(f"port: {reason}")] + [comment(f"R: {line}") for line in node.text.splitlines()]
            if not top:
                lines.append("pass")
        finally:
            self._frames.pop()
            self._node = outer_node
        return lines

    def super_assign(self, target: RNode, value: RNode) -> list[str]:
        """R's ``x <<- value`` in a function: the nearest enclosing function's ``x`` (``nonlocal``), else
        the script's (``global``), as R looks for ``x`` from the enclosing environment outwards."""
        if target.type != "identifier":
            raise Untranslatable("`<<-` to other than a name: assign in the enclosing function by hand")
        name = python_name(target.text)
        enclosing = self.scope.parent
        while enclosing is not None and enclosing.function and name not in enclosing.kinds:
            enclosing = enclosing.parent
        declaration = "nonlocal" if enclosing is not None and enclosing.function else "global"
        lines = self.assign(target, value)
        del self.scope.kinds[name]  # the name stays the enclosing one's
        return [f"{declaration} {name}", *lines]

    def _comments(self, node: RNode) -> list[str]:
        if node.type in BLOCKS:
            return []  # their bodies keep their own comments
        return [comment(note.text.lstrip("#").strip()) for note in node.comments(skip=("brace_list",))]

    def _statement(self, node: RNode, top: bool, last: bool) -> list[str]:
        kind = node.type
        if kind in ("left_assignment", "equals_assignment", "right_assignment", "super_assignment"):
            if kind == "super_assignment" and self.scope.function:
                return self.super_assign(node.field("name"), node.field("value"))
            return self.assign(node.field("name"), node.field("value"))
        if kind == "binary" and node.operator == "%<-%":
            return self.destructure(node.field("left"), node.field("right"))
        if kind == "paren_list" and len(node.children) == 1 and node.children[0].type in (
                "left_assignment", "equals_assignment", "right_assignment"):  # `(x <- f())`: assigns, then prints
            inner = node.children[0]
            lines = self.assign(inner.field("name"), inner.field("value"))
            if top and inner.field("name").type == "identifier":
                name = python_name(inner.field("name").text)
                lines.append(self.auto_print(Py(name, ATOM, kind=self.scope.kind(name))))
            return lines
        if kind == "binary" and node.operator == "%<>%":  # magrittr's assignment pipe
            target = node.field("left")
            value = self.pipe(target, node.field("right"), Ctx(), magrittr=True)
            return [f"{self.expr(target).text} = {value.text}"]
        if kind == "if":
            return self.if_statement(node, last)
        if kind == "for":
            return self.for_statement(node)
        if kind == "while":
            return [f"while {self.condition(node.field('condition'))}:", *self.body(node.field("body"))]
        if kind == "repeat":
            return ["while True:", *self.body(node.field("body"))]
        if kind == "break":
            return ["break"]
        if kind == "next":
            return ["continue"]
        if kind == "brace_list":
            return self.block(node.all_children, top=top, returns=last) or ["pass"]
        if kind == "call":
            handled = self.statement_call(node, top, last)
            if handled is not None:
                return handled
        value = self.expr(node)
        invisible = self.invisible(node) or value.kind == "model" and self.last_step(node).startswith("layer_")
        if last:
            return [f"return {value.text}"] if not invisible else [value.text]
        if top and not invisible:
            return [self.auto_print(value, python_call=self.python_method_call(node))]
        return [value.text]

    def last_step(self, node: RNode) -> str:
        """The function a pipe ends in (or the call's own): R's visibility is that function's."""
        while node.type == "pipe" or node.type == "binary" and node.operator in ("|>", "%>%"):
            node = node.field("right")
        return self.function_name(node) if node.type == "call" else ""

    def statement_call(self, node: RNode, top: bool, last: bool) -> list[str] | None:
        """Calls that are statements of their own: library(), return(), set-up lines."""
        name = self.function_name(node)
        args = self.arguments(node)
        if name in ("library", "require", "requireNamespace", "suppressPackageStartupMessages"):
            if name == "suppressPackageStartupMessages" and args and args[0].node.type == "call":
                return self.statement_call(args[0].node, top, last)
            package = args[0].node.text.strip("\"'`") if args and args[0].node is not None else ""
            if package in rules.KERAS_PACKAGES:
                self.uses_kerasfn = True
                return []
            if package in rules.QUIET_PACKAGES:
                return []
            raise Untranslatable(f"R package `{package}` has no Python counterpart here")
        if name == "use_backend":
            backend = self.expr(args[0].node)
            self.backend = backend.text
            self.check("Keras reads its backend at import: `KERAS_BACKEND` is set at the top, before the imports")
            return []
        if name in rules.GRAPHICS_CALLS and name not in self._user_functions and \
                not self.scope.defines(python_name(name)):
            self.check(f"`{name}()` is R graphics: nothing is drawn here")
            return [] if top else ["pass"]
        if name in rules.SETUP_CALLS:
            self.check(f"`{name}()` is reticulate/R set-up: Python runs in its own environment, nothing to do")
            return []
        if name == "return":
            if not self.scope.function:
                raise Untranslatable("`return()` outside a function")
            return ["return " + self.expr(args[0].node).text] if args else ["return None"]
        if name == "stop":
            return [rbase.raised(self, args)]
        if name in ("tryCatch", "try"):
            return self.try_statement(name, args, None)
        if name == "with" and args and args[0].node is not None and args[0].node.type == "binary" \
                and args[0].node.operator == "%as%" and len(args) == 2:
            context = args[0].node
            manager = self.expr(context.field("left"))
            alias = python_name(context.field("right").text)
            self.scope.kinds[alias] = None
            return [f"with {manager.text} as {alias}:", *self.body(args[1].node, returns=last)]
        if name == "stopifnot":
            return [f"assert {self.expr(arg.node).text}" for arg in args if arg.node is not None]
        if name == "rm":  # R's rm(a, b): the names go; the objects stay while something else holds them
            if not args or any(arg.name or arg.node is None or arg.node.type != "identifier" for arg in args):
                raise Untranslatable("`rm()` of other than plain names (`list = `, `envir = `): remove them by hand")
            return [f"del {', '.join(python_name(arg.node.text) for arg in args)}"]
        if name == "super$initialize" and self.scope.kind("self") == "self" and self._class == "Layer":
            return []  # kerasfn's Layer() initialises the base class before `initialize` runs
        return None
