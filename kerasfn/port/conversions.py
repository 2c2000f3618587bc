"""R keras3's conversions of arguments, made before Python sees them: 1-based axes and indices, R's
integers, doubles and vectors as the Keras function receives them."""

from __future__ import annotations

from dataclasses import replace

from kerasfn.port import catalog, rules
from kerasfn.port.core import call, Ctx, minus_one, number, Py, short, Untranslatable
from kerasfn.port.parser import RNode
from kerasfn.port.rules import ATOM, PRIMARY

__all__ = ["Conversions"]


class Conversions:
    """Arguments converted as R keras3 converts them (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

    def converted(self, node: RNode, converter: str | None, ctx: Ctx, formal: str | None = None,
                  function: str = "") -> Py:
        """An argument R keras3 converts before Python sees it, converted the same way."""
        if converter in catalog.AXIS:
            return self.axis(node)
        if converter in catalog.INDEX:
            return self.py_index(node)
        if converter == catalog.SECTIONS:
            sections = self.expr(node, replace(ctx, integer=True))
            return sections if sections.number is not None else self.py_index(node)
        if converter in catalog.INTEGER:
            return self.expr(node, replace(ctx, integer=True))
        if converter in catalog.AS_ARRAY:
            value = self.expr(node, replace(ctx, data=True, vector="array"))
            if value.number is None:
                return value
            self.needs.add("numpy")  # as.array(1): a 1-d array of one number
            return call("np.array", f"[{value.text}]")
        if converter in catalog.FLOATX:
            value = self.expr(node, replace(ctx, data=True, vector="floatx"))
            if value.number is not None or value.text == "None" or \
                    node.type == "call" and self.function_name(node) == "c":
                return value  # a literal: already what R keras3 makes of it
            runtime = self.runtime_function("as_py_array", fallback=True)  # R's doubles as Keras' floats
            self.uses_kerasfn = True
            return value if runtime is None else call(runtime, value.text, "config_floatx()")
        if converter in catalog.DATA:
            return self.expr(node, replace(ctx, data=True, vector="array"))
        if formal in catalog.DATA_FORMALS and not ctx.shape:
            vector = "array" if function in rules.AS_ARRAY_FIRST else "list"
            value = self.expr(node, replace(ctx, data=True, vector=vector))
            if vector == "list" and ctx.keras and node.type == "identifier" and value.kind == "array":
                runtime = self.runtime_function("r_to_py", fallback=True)  # R's vector: reticulate's list
                return value if runtime is None else call(runtime, value.text)
            return value
        return self.expr(node, ctx)

    def axis(self, node: RNode) -> Py:
        """R keras3's axes are 1-based (``as_axis``); negative ones count from the end in both."""
        value = self.expr(node, Ctx(shape=True, keras=True, integer=True))
        if value.number is not None:
            if value.number == 0:
                raise Untranslatable("`axis = 0`: R keras3 refuses it (its axes are 1-based)")
            return number(int(value.number) - 1) if value.number > 0 else number(int(value.number))
        if node.type == "call" and self.function_name(node) == "c":
            axes = [self.axis(arg.node).text for arg in self.arguments(node)]
            return Py(f"({', '.join(axes)}{',' if len(axes) == 1 else ''})")
        if value.text == "None":
            return value
        self.check(f"`axis = {node.text}`: R keras3's axes are 1-based, Python's 0-based; shifted by one")
        return minus_one(value)

    def py_index(self, node: RNode) -> Py:
        """R keras3's ``as_py_index``: positive positions minus one, 0 and negative ones kept."""
        value = self.expr(node, Ctx(keras=True, integer=True))
        if value.number is not None:
            return number(int(value.number) - 1) if value.number > 0 else number(int(value.number))
        if node.type == "call" and self.function_name(node) == "c":
            items = [self.py_index(arg.node) for arg in self.arguments(node) if arg.node is not None]
            if all(item.number is not None for item in items):
                return Py(f"[{', '.join(item.text for item in items)}]", ATOM, kind="list")
        if value.text == "None":
            return value
        if value.kind == "index1":  # a count from 1 (`for (i in seq_len(n))`): positive
            return minus_one(value)
        if node.type != "identifier":
            self.check(f"`{short(node.text)}` is taken as R's 1-based positions, all positive, and shifted by one")
            return minus_one(value)
        runtime = self.runtime_function("as_py_index", fallback=True)  # R's doubles become integers too
        if runtime is not None:
            return call(runtime, value.text)
        self.uses_kerasfn = True  # op_where: R's own conversion of a tensor
        return Py(f"op_where({value.text} > 0, {value.text} - 1, {value.text})", PRIMARY)
