"""R's auto-printing: which top-level values R prints, and the call that prints them as R does."""

from __future__ import annotations

from kerasfn.port import catalog, rules
from kerasfn.port.core import Py, python_name
from kerasfn.port.parser import RNode

__all__ = ["AutoPrinting"]


class AutoPrinting:
    """What R prints of a top-level value (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

    def auto_print(self, value: Py, python_call: bool = False) -> str:
        """What R prints for a top-level value: R's ``print()`` of it; ``python_call``: the value a
        Python method returned (``m$update_state(x)``), which R does not print when it is None
        (reticulate returns Python's None as an invisible NULL)."""
        if value.kind == "model":
            return f"summary({value.text})"
        printer = self.printer("print")
        if printer is None:
            return f"print({value.text})"
        return f"{printer}({value.text}{', python_call=True' if python_call else ''})"

    def python_method_call(self, node: RNode) -> bool:
        """Whether ``node`` calls a method of a Python object (``obj$method(...)``)."""
        function = node.field("function") if node.type == "call" else None
        return function is not None and function.type == "dollar"

    def printer(self, r_name: str) -> str | None:
        """kerasfn.base_r's function that prints as R's ``print()`` or ``str()`` does (R's vector,
        list and tensor layouts), imported where the translation uses it; None where that runtime
        is missing."""
        runtime = catalog.base_r_name(r_name, self.runtime_names)
        if runtime is not None:
            self.runtime_imports.add(runtime)
        return runtime

    def invisible(self, node: RNode) -> bool:
        """Whether R would not auto-print this expression's value."""
        while node.type == "pipe" or node.type == "binary" and node.operator == "%>%":
            node = node.field("right")
        if node.type == "call":
            name = self.function_name(node)
            return name in rules.INVISIBLE or name.endswith("$initialize") or \
                python_name(name) in self._invisible_functions and name in self._user_functions
        return node.type in ("function_definition", "lambda_function")
