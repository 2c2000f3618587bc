"""R expressions as Python expressions: names, literals, operators, ``$``, ``::``."""

from __future__ import annotations

import re
from dataclasses import replace

from kerasfn.port import catalog, rules
from kerasfn.port.core import (
    Arg,
    call,
    Ctx,
    minus_one,
    node_key,
    number,
    OPERATOR_FUNCTIONS,
    plus_one,
    Py,
    python_name,
    python_string,
    R_FUNCTION_VALUES,
    r_string_value,
    short,
    Untranslatable,
)
from kerasfn.port.parser import RNode
from kerasfn.port.rules import ADD, AND, ATOM, CMP, IFEXP, NOT, OR, POW, PRIMARY, UNARY

__all__ = ["Expressions"]


class Expressions:
    """R expressions as :class:`~kerasfn.port.core.Py` values (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

    def expr(self, node: RNode, ctx: Ctx = Ctx()) -> Py:
        if self._hoisted and node_key(node) in self._hoisted:
            return self._hoisted[node_key(node)]
        handler = getattr(self, "expr_" + node.type, None)
        if handler is None:
            raise Untranslatable(f"R construct `{node.type}` (`{short(node.text)}`)")
        return handler(node, ctx)

    def expr_identifier(self, node: RNode, ctx: Ctx) -> Py:
        name = node.text
        if name == "else":
            raise Untranslatable("R syntax error: `else` starts a line outside braces (R reads the `if` as complete)")
        if name == ".":
            if self._dot is None:
                raise Untranslatable("magrittr's `.` outside a `%>%` step")
            return self._dot
        if name in self._with:  # `with(df, a + b)`: the data's columns come before the script's variables
            return self._with[name]
        if name in rules.CONSTANTS and self.scope.kind(python_name(name)) is None:
            return self.constant(name)
        if name.strip("`") in OPERATOR_FUNCTIONS:  # Reduce(`+`, xs): R's operators are functions
            self.needs.add("operator")
            return Py(f"operator.{OPERATOR_FUNCTIONS[name.strip('`')]}", PRIMARY, kind="function")
        if re.search(r"[^\w. `]", name):  # `add<-`: replacement functions as names
            raise Untranslatable(f"R name {name} has no Python spelling")
        py = python_name(name)
        if not self.scope.defines(py) and name not in self._user_functions and name in R_FUNCTION_VALUES:
            runtime = catalog.base_r_name(name, self.runtime_names)
            if runtime is not None:  # `tapply(x, g, sum)`: R's function itself, from the runtime
                self.runtime_imports.add(runtime)
                return Py(runtime, ATOM, kind="function")
        return Py(py, ATOM, kind=self.scope.kind(py), elements=self.scope.elements_of(py))

    def constant(self, name: str) -> Py:
        text = rules.CONSTANTS[name]
        if text.startswith("np."):
            self.needs.add("numpy")
        return Py(text, PRIMARY if "." in text else ATOM, kind="number" if name in ("Inf", "NaN", "pi") else None)

    def expr_true(self, node: RNode, ctx: Ctx) -> Py:
        return Py("True")

    def expr_false(self, node: RNode, ctx: Ctx) -> Py:
        return Py("False")

    def expr_null(self, node: RNode, ctx: Ctx) -> Py:
        return Py("None")

    def expr_na(self, node: RNode, ctx: Ctx) -> Py:
        return self.constant(node.text)

    def expr_inf(self, node: RNode, ctx: Ctx) -> Py:
        return self.constant("Inf")

    def expr_nan(self, node: RNode, ctx: Ctx) -> Py:
        return self.constant("NaN")

    def expr_integer(self, node: RNode, ctx: Ctx) -> Py:
        text = node.text[:-1]
        value = int(text, 16) if text.lower().startswith("0x") else int(float(text))
        return replace(number(value), kind="integer")

    def expr_float(self, node: RNode, ctx: Ctx) -> Py:
        text = node.text
        value = float.fromhex(text) if text.lower().startswith("0x") else float(text)
        if value.is_integer() and abs(value) < 1e15:
            if ctx.data:  # a keras function's data: R's double stays a double (op_arange(4) is float32 in R)
                return Py(repr(value), ATOM, kind="number", number=value)
            return number(int(value))
        return Py(text if not text.startswith(".") else "0" + text, ATOM, kind="number", number=value)

    def expr_complex(self, node: RNode, ctx: Ctx) -> Py:
        """R's imaginary literal ``3i`` is Python's ``3j``."""
        return Py(node.text[:-1] + "j", ATOM)

    def expr_string(self, node: RNode, ctx: Ctx) -> Py:
        return Py(python_string(r_string_value(node.text)), ATOM, kind="str")

    def expr_paren_list(self, node: RNode, ctx: Ctx) -> Py:
        children = node.children
        if len(children) != 1:
            raise Untranslatable(f"parenthesized `{short(node.text)}`")
        return self.expr(children[0], ctx)

    def expr_brace_list(self, node: RNode, ctx: Ctx) -> Py:
        children = node.children
        if len(children) != 1:
            raise Untranslatable("a `{ }` block used as a value")
        return self.expr(children[0], ctx)

    def expr_unary(self, node: RNode, ctx: Ctx) -> Py:
        operator = node.operator
        operand = node.field("operand")
        if operator == "!":
            if operand.type == "call" and self.function_name(operand) == "is.null":
                return Py(f"{self.expr(self.arguments(operand)[0].node).at(CMP + 1)} is not None", CMP)
            if operand.type == "binary" and operand.operator == "%in%":
                left, right = self.expr(operand.field("left")), self.expr(operand.field("right"))
                return Py(f"{left.at(CMP + 1)} not in {right.at(CMP + 1)}", CMP)
            return Py(f"not {self.expr(operand).at(NOT)}", NOT, kind="bool")
        if operator == "~":
            raise Untranslatable("R formula (`~`)")
        value = self.expr(operand, ctx)
        if operator == "-" and value.number is not None:
            if isinstance(value.number, float) and not value.text.lstrip("-").isdigit():  # R's double stays one
                return Py(f"-{value.text}", UNARY, kind="number", number=-value.number)
            return replace(number(-value.number), kind=value.kind)  # -1L stays R's integer
        return Py(f"{operator}{value.at(UNARY)}", UNARY, kind=value.kind if value.kind in ("array", "number") else None)

    def expr_binary(self, node: RNode, ctx: Ctx) -> Py:
        operator = node.operator
        left, right = node.field("left"), node.field("right")
        if operator in ("|>", "%>%"):
            return self.pipe(left, right, ctx, magrittr=operator == "%>%")
        if operator == ":":
            return self.colon(left, right, ctx)
        if operator == "%||%":
            a, b = self.expr(left), self.expr(right)
            return Py(f"{a.at(IFEXP + 1)} if {a.at(CMP + 1)} is not None else {b.at(IFEXP)}", IFEXP)
        if operator == "%o%":
            self.needs.add("numpy")
            return call("np.outer", self.expr(left).text, self.expr(right).text)
        if operator == "~":
            raise Untranslatable("R formula (`~`)")
        if operator not in rules.BINARY:
            raise Untranslatable(f"R operator `{operator}`")
        python, prec = rules.BINARY[operator]
        a = self.expr(left, replace(ctx, shape=False))
        b = self.expr(right, replace(ctx, shape=False))
        if operator == "%in%" and a.kind in ("array", "list", "range1"):  # element-wise, as R's %in% is
            self.needs.add("numpy")
            return Py(f"np.isin({a.text}, {b.text})", PRIMARY, kind="bool")
        if operator == "-" and b.number == 1:
            folded = minus_one(a)
            if folded is not a:
                return folded
        if python == "**":
            text = f"{a.at(POW + 1)} ** {b.at(UNARY)}"
        elif prec == CMP:
            text = f"{a.at(CMP + 1)} {python} {b.at(CMP + 1)}"
        else:
            text = f"{a.at(prec)} {python} {b.at(prec + 1)}"
        kind = "array" if "array" in (a.kind, b.kind) and prec >= ADD else None
        if a.kind == "index1" and b.number is not None and operator in ("+", "-"):
            kind = "index1"  # `i <- i + 1` keeps counting positions
        if prec in (CMP, AND, OR) or operator in ("&", "|"):
            kind = "bool"  # a logical vector: as an index it is a mask, not positions
        result = Py(text, prec, kind=kind)
        if operator == "+" and b.number == 1:
            result = replace(result, plus_one_of=a)
        if operator == "-" and b.number == 1:
            result = replace(result, minus_one_of=a)
        return result

    def colon(self, left: RNode, right: RNode, ctx: Ctx) -> Py:
        """``a:b``: R's inclusive integer range."""
        a, b = self.expr(left), self.expr(right)
        if ctx.loop:
            start = "" if a.number == 0 else f"{a.text}, "
            return Py(f"range({start}{plus_one(b).text})", PRIMARY, kind="range1" if a.number == 1 else None)
        self.needs.add("numpy")
        dtype = ", dtype=np.int32" if ctx.keras and not ctx.shape else ""  # R's integers reach Python as int32
        return Py(f"np.arange({a.text}, {plus_one(b).text}{dtype})", PRIMARY,
                  kind="range1" if a.number == 1 else "array")

    def expr_if(self, node: RNode, ctx: Ctx) -> Py:
        consequence, alternative = node.field("consequence"), self.alternative(node)
        if not alternative:
            raise Untranslatable("`if` without `else` used as a value")
        yes = self.expr(consequence, ctx)
        no = self.expr(alternative[0], ctx)
        cond = self.expr(node.field("condition"))
        return Py(f"{yes.at(IFEXP + 1)} if {cond.at(IFEXP + 1)} else {no.at(IFEXP)}", IFEXP)

    def expr_switch(self, node: RNode, ctx: Ctx) -> Py:
        """The grammar reads ``switch()`` as a keyword: its value, then its alternatives."""
        alternatives = self.argument_list(node.field("body"))
        self.calling = "switch"
        return self.rbase["switch"](self, [Arg(None, node.field("value")), *alternatives], ctx, None)

    def expr_pipe(self, node: RNode, ctx: Ctx) -> Py:
        return self.pipe(node.field("left"), node.field("right"), ctx, magrittr=False)

    def expr_function_definition(self, node: RNode, ctx: Ctx) -> Py:
        return self.function_literal(node, ctx)

    expr_lambda_function = expr_function_definition

    def expr_namespace_get(self, node: RNode, ctx: Ctx) -> Py:
        package = node.field("namespace").text
        if package == "tensorflow" and node.field("function").text in ("tf", "tf_function"):
            self.needs.add("tensorflow")  # the R package's `tf` and `tf_function()`: TensorFlow's own
            return Py("tf" if node.field("function").text == "tf" else "tf.function", ATOM)
        if package in ("keras3", "keras", "base", "stats", "utils", "tensorflow", "magrittr", "zeallot") or \
                (package, node.field("function").text) == ("glue", "glue"):
            return self.expr(node.field("function"), ctx)
        raise Untranslatable(f"`{package}::` has no Python counterpart here")

    def expr_dollar(self, node: RNode, ctx: Ctx) -> Py:
        subject_node, member_node = node.children[0], node.children[-1]
        member = member_node.text.strip("`\"'")
        if subject_node.type == "namespace_get" and subject_node.field("namespace").text == "tensorflow" and \
                subject_node.field("function").text == "tf":
            self.needs.add("tensorflow")
            return Py(f"tf.{member}", PRIMARY)
        if subject_node.type == "identifier" and subject_node.text in ("tf", "keras", "np") and \
                self.scope.kind(subject_node.text) is None:
            self.needs.add({"tf": "tensorflow", "keras": "keras", "np": "numpy"}[subject_node.text])
            return Py(f"{subject_node.text}.{member}", PRIMARY)
        subject = self.expr(subject_node)
        if subject.kind == "history" and member == "metrics":
            return Py(f"{subject.at(PRIMARY)}.history", PRIMARY, kind="dict")
        if subject.kind == "history" and member == "params":
            return Py(f"{subject.at(PRIMARY)}.params", PRIMARY, kind="dict")
        if subject.kind in ("dict", "dataset"):  # R's named list: `mnist$train$x` is nested
            element = subject.element(member)
            kind = "dataset" if subject.kind == "dataset" else element.kind if element is not None else None
            return Py(f'{subject.at(PRIMARY)}["{member}"]', PRIMARY, kind=rules.STORED_KINDS.get(kind, kind),
                      elements=element.elements if element is not None else None)
        kind = "list" if member in ("layers", "weights", "trainable_weights", "inputs", "outputs") else None
        return Py(f"{subject.at(PRIMARY)}.{python_name(member) if member != 'self' else member}", PRIMARY, kind=kind)

    def expr_slot(self, node: RNode, ctx: Ctx) -> Py:
        raise Untranslatable("S4 slot access (`@`)")
