"""Pipes: ``|>`` and magrittr's ``%>%`` (with its ``.``) as kerasfn's ``|`` or a call, in R's evaluation order."""

from __future__ import annotations

import re
from dataclasses import replace

from kerasfn.port import catalog, rules
from kerasfn.port.core import Arg, call, Ctx, node_key, Py, python_name, short, Untranslatable
from kerasfn.port.parser import RNode
from kerasfn.port.rules import ATOM, BOR

__all__ = ["Pipes"]


class Pipes:
    """Pipes (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

    def pipe(self, left: RNode, right: RNode, ctx: Ctx, magrittr: bool) -> Py:
        """``x |> f(a)``: ``x | f(a)`` for kerasfn's pipeable functions, else ``f(x, a)``."""
        self.arguments_first(left, right)
        subject = self.piped_subject(left, right, ctx)
        if right.type == "identifier" and magrittr:
            right_name = right.text
            if right_name in self.rbase and right_name not in self._user_functions:
                self.calling = right_name
                return self.rbase[right_name](self, [Arg(None, None)], ctx, subject)
            return call(python_name(right_name), subject.text)
        if right.type == "brace_list" and magrittr and len(right.children) > 1:  # `x %>% { a <- .; a + 1 }`
            return self.piped_block(right, subject)
        if right.type == "brace_list" and magrittr:  # `x %>% { . + 1 }`: the block with `.` the value
            outer, self._dot = self._dot, subject
            try:
                return self.expr(right, ctx)
            finally:
                self._dot = outer
        if right.type != "call":
            raise Untranslatable(f"pipe into `{short(right.text)}`")
        name = self.function_name(right)
        if magrittr and any(arg.node is not None and arg.node.type == "identifier" and arg.node.text == "."
                            for arg in self.arguments(right)):
            outer, self._dot = self._dot, subject
            try:
                return self.expr_call(right, ctx)
            finally:
                self._dot = outer
        if magrittr and "." in re.findall(r"(?<![\w.])\.(?![\w.])", right.text):
            raise Untranslatable("magrittr's `.` inside a nested call: the pipe's value goes where by hand")
        layer_variable = right.field("function").type == "identifier" and name not in self._user_functions \
            and self.scope.defines(python_name(name)) and self.scope.kind(python_name(name)) != "function"
        if layer_variable and not self.arguments(right):  # `x |> lstm()`, lstm a layer or model: compose it
            layer = self.expr(right.field("function"))
            return Py(f"{subject.at(BOR)} | {layer.text}", BOR, kind="model" if subject.kind == "model" else None)
        if self.pipeable(name) and right.field("function").type in ("identifier", "namespace_get"):
            self.uses_kerasfn = True
            outer, self._pipe_step = self._pipe_step, name  # `x | f(a)`: `a` binds to f's second formal
            try:
                step = self.expr_call(right, Ctx())
            finally:
                self._pipe_step = outer
            return Py(f"{subject.at(BOR)} | {step.at(BOR + 1)}", BOR, kind=self.pipe_kind(name, subject))
        return self.expr_call(right, ctx, piped=subject)

    def piped_block(self, block: RNode, subject: Py) -> Py:
        """magrittr's ``x %>% { statements }``: a function of ``.`` run on the value (R evaluates the
        block with ``.`` bound to it and gives its last value)."""
        name, dot = self.fresh("piped_block"), self.fresh("dot")
        with self.function_scope() as scope:
            scope.kinds[dot] = subject.kind
            outer, self._dot = self._dot, Py(dot, ATOM, kind=subject.kind)
            try:
                body = self.body(block, returns=True)
            finally:
                self._dot = outer
        self.hoist([f"def {name}({dot}):", *body])
        return call(name, subject.text)

    def piped_subject(self, left: RNode, right: RNode, ctx: Ctx) -> Py:
        """The value piped into ``right``: R keras3 converts it as the first argument it is
        (``labels |> op_one_hot(3)`` shifts the labels, ``1:6 |> op_reshape(...)`` passes R's integers)."""
        name = self.function_name(right) if right.type == "call" else ""
        signature = catalog.signature(name) if name and name not in self._user_functions and \
            right.field("function").type in ("identifier", "namespace_get") else None
        if signature is None or not signature.formals or signature.formals[0] == "...":
            return self.expr(left, replace(ctx, shape=False))
        formal = signature.formals[0]
        return self.converted(left, signature.converters.get(formal), Ctx(keras=True, hint=python_name(formal)),
                              formal, name)

    def arguments_first(self, left: RNode, right: RNode) -> None:
        """R's evaluation order: R keras3's functions evaluate their other arguments before the piped
        object (``capture_args()``, then the object), so in ``x |> layer_a() |> layer_b(layer_c())``
        ``layer_c()`` is created before ``layer_a()``: with ``set_random_seed()`` the weights depend on that
        order.  Where the upstream creates layers too, argument calls that create Keras objects are
        built first, into variables before the statement."""
        if right.type != "call" or self.scope.function or not self.creates_keras_objects(left):
            return
        for arg in self.arguments(right):
            if arg.node is not None and arg.node.type == "call" and self.creates_keras_objects(arg.node):
                value = self.expr(arg.node)
                name = self.fresh(self.function_name(arg.node).removeprefix("layer_") or "argument")
                self.hoist([f"{name} = {value.text}"])
                self._hoisted[node_key(arg.node)] = Py(name, ATOM, kind=value.kind)

    def creates_keras_objects(self, node: RNode) -> bool:
        """Whether evaluating ``node`` creates a layer or another Keras object (an R keras3 call
        whose name says so: ``layer_*``, ``rnn_cell_*``, ``initializer_*``, ``keras_model*``)."""
        pending = [node.node]
        while pending:
            current = pending.pop()
            if current.type == "call":
                name = self.function_name(RNode(current, node.source))
                if name.startswith(("layer_", "rnn_cell", "initializer_", "keras_model")) and \
                        name not in self._user_functions:
                    return True
            pending.extend(current.named_children)
        return False

    def pipeable(self, name: str) -> bool:
        if name in self._user_functions:
            return self.scope.kind(python_name(name)) == "layer_fn"
        return name.startswith("layer_") or name in rules.PIPE_VERBS

    def pipe_kind(self, name: str, subject: Py) -> str | None:
        if name.startswith("layer_") and subject.kind == "model":
            return "model"
        if name in ("compile", "freeze_weights", "unfreeze_weights"):
            return subject.kind
        return rules.RESULT_KIND.get(name)
