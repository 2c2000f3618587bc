"""R's 1-based ``[`` and ``[[`` as Python's 0-based indexing."""

from __future__ import annotations

import re
from dataclasses import replace

from kerasfn.port import rules
from kerasfn.port.core import Arg, call, Ctx, minus_one, number, Py, Untranslatable
from kerasfn.port.parser import RNode
from kerasfn.port.rules import AND, ATOM, BAND, BOR, CMP, OR, PRIMARY

__all__ = ["Indexing"]


class Indexing:
    """R's indexing (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

    def expr_subset2(self, node: RNode, ctx: Ctx) -> Py:
        subject_node, arguments = node.children[0], node.children[1]
        args = self.argument_list(arguments)
        subject = self.expr(subject_node)
        if len(args) != 1 or args[0].name or args[0].node is None:
            raise Untranslatable(f"`[[` with {len(args)} indices")
        index = self.expr(args[0].node)
        if index.kind == "str" or subject.kind == "dict" and index.kind not in ("number", "integer"):
            return Py(f"{subject.at(PRIMARY)}[{index.text}]", PRIMARY)
        position = self.position(args[0].node, index)
        if subject.kind == "dict":
            return Py(f"list({subject.at(PRIMARY)}.values())[{position.text}]", PRIMARY)
        return Py(f"{subject.at(PRIMARY)}[{position.text}]", PRIMARY)

    def position(self, node: RNode, index: Py) -> Py:
        """A 1-based R position as a 0-based Python index."""
        if index.number is not None:
            if index.number == 0:
                raise Untranslatable("index 0 (R selects nothing)")
            if index.number < 0:
                raise Untranslatable("negative index (R drops that element)")
            return number(index.number - 1)
        if index.kind in (None,) and node.type == "identifier":
            self.check(f"`{node.text}` is taken as a 1-based position and shifted by one")
        if index.kind == "array":  # R's positions may be doubles: NumPy indexes with integers
            return Py(f"({minus_one(index).text}).astype(int)", PRIMARY, kind="array")
        return minus_one(index)

    def expr_subset(self, node: RNode, ctx: Ctx) -> Py:
        subject_node, arguments = node.children[0], node.children[1]
        return self.subset(self.expr(subject_node), self.argument_list(arguments))

    def subset(self, subject: Py, args: list[Arg]) -> Py:
        """``x[i, j]`` (and R keras3's ``op_subset(x, i, j)``, which is the same): R's 1-based indices."""
        keep_dims = any(arg.name == "drop" and arg.node is not None and arg.node.type == "false" for arg in args)
        args = [arg for arg in args if not (keep_dims and arg.name == "drop")]
        if any(arg.name for arg in args):
            raise Untranslatable("`[` with named arguments (`drop = TRUE`, `exact = `)")
        if subject.kind == "dict":
            if len(args) == 1 and args[0].node is not None:
                key = self.expr(args[0].node)
                if key.kind == "str":
                    return Py(f"{{{key.text}: {subject.at(PRIMARY)}[{key.text}]}}", ATOM, kind="dict")
            raise Untranslatable("`[` on a named list")
        matrix = len(args) > 1  # `m[-1, ]`: R drops the dimensions left of extent one
        while len(args) > 1 and args[-1].node is None:
            args = args[:-1]
        indices, drops = [], []
        for axis, arg in enumerate(args):
            if arg.node is None:
                indices.append(":")
            elif self.is_drop(arg.node):
                drops.append((axis, arg.node))
                indices.append(":")
            else:
                index = self.index(arg.node)
                if keep_dims and ":" not in index and not index.startswith("["):  # `drop = FALSE`: a one-long slice
                    index = f"{index}:{int(index) + 1}" if index.lstrip("-").isdigit() else f"{index}:{index} + 1"
                indices.append(index)
        text = f"{subject.at(PRIMARY)}[{', '.join(indices)}]" if set(indices) != {":"} else subject.text
        kind = subject.kind if subject.kind in ("array", "list", "shape") else None
        if kind in ("list", "shape") and len(indices) == 1 and not drops and re.fullmatch(r"[\w.() +-]+", indices[0]) \
                and ":" not in indices[0]:
            kind = None  # one element: `dim(x)[1]` is a number, not a shape
        if kind == "list" and len(args) == 1 and args[0].node is not None and args[0].node.type == "call" \
                and self.function_name(args[0].node) == "c" and indices[0].startswith("["):
            # R's vector indexing of a list: `words[c(3, 1)]`
            return Py(f"[{subject.at(PRIMARY)}[i] for i in {indices[0]}]", ATOM, kind="list")
        result = Py(text, PRIMARY, kind=kind)
        for axis, drop in drops:
            value = self.expr(drop.field("operand"))
            if len(args) == 1 and value.number == 1 and not matrix:
                return Py(f"{subject.at(PRIMARY)}[1:]", PRIMARY, kind=result.kind)
            positions = self.positions(value, drop.field("operand"))
            self.needs.add("numpy")
            result = call("np.delete", result.text, positions.text, f"axis={axis}")
            result = replace(result, kind="array")
        runtime = self.runtime_function("drop", fallback=True) if drops and matrix and not keep_dims else None
        return result if runtime is None else Py(call(runtime, result.text).text, PRIMARY, kind="array")

    def is_drop(self, node: RNode) -> bool:
        return node.type == "unary" and node.operator == "-"

    def positions(self, value: Py, node: RNode) -> Py:
        if node.type == "call" and self.function_name(node) == "c":
            items = [self.position(arg.node, self.expr(arg.node)).text for arg in self.arguments(node)]
            return Py(f"[{', '.join(items)}]")
        return self.position(node, value)

    def index(self, node: RNode) -> str:
        """One R index as a Python index or slice."""
        if node.type == "identifier" and node.text == "newaxis" and not self.scope.defines("newaxis"):
            self.uses_kerasfn = True
            return "newaxis"  # kerasfn's (None, as NumPy's): a new axis, not a position
        if node.type == "binary" and node.operator == ":":
            start, stop = self.expr(node.field("left")), self.expr(node.field("right"))
            first = minus_one(start)
            return f"{'' if first.number == 0 else first.text}:{stop.text}"
        if node.type == "binary" and rules.BINARY.get(node.operator, ("", 0))[1] in (CMP, AND, OR, BOR, BAND):
            return self.expr(node).text  # a logical mask
        if node.type == "unary" and node.operator == "!":
            return self.expr(node).text
        if node.type == "call" and self.function_name(node) == "c":
            items = [self.position(arg.node, self.expr(arg.node)).text for arg in self.arguments(node)]
            return f"[{', '.join(items)}]"
        if node.type in ("true", "false"):
            raise Untranslatable("logical index recycled by R")
        value = self.expr(node)
        if value.kind == "str":
            return value.text
        if value.kind == "bool":
            return value.text
        return self.position(node, value).text
