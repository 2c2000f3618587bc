"""Calls and pipes: R keras3's functions with R's argument conversions, R base helpers, the runtime."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kerasfn.port import catalog, rules
from kerasfn.port.core import (
    Arg,
    call,
    Ctx,
    EXACT_IN_PYTHON,
    keyword_name,
    minus_one,
    node_key,
    plus_one,
    number,
    Py,
    python_name,
    R_FORMATTING,
    short,
    Untranslatable,
)
from kerasfn.port.names import KERASFN_EXPORTS, R_KERAS3_EXPORTS
from kerasfn.port.parser import RNode
from kerasfn.port.rules import ATOM, BOR, PRIMARY

if TYPE_CHECKING:
    from kerasfn.port.translate import Translator

__all__ = ["Calls", "creates_keras_objects"]


class Calls:
    """Calls, arguments and pipes (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

    def function_name(self, node: RNode) -> str:
        function = node.field("function")
        if function is None:
            return ""
        if function.type == "identifier":
            return function.text.strip("`")
        if function.type == "namespace_get":
            return function.field("function").text
        if function.type in ("dollar", "namespace_get_internal"):
            return function.text
        return ""

    def argument_list(self, arguments: RNode | None) -> list[Arg]:
        if arguments is None:
            return []
        args: list[Arg] = []
        expect_value = True
        for child in arguments.node.children:
            rnode = RNode(child, arguments.source)
            if child.type == ",":
                if expect_value:
                    args.append(Arg(None, None))
                expect_value = True
            elif child.type in ("(", ")", "[", "]", "[[", "]]", "comment"):
                continue
            elif child.type == "default_argument":
                value = rnode.field("value")
                args.append(Arg(rnode.field("name").text.strip("`\"'"), value))
                expect_value = False
            elif child.is_named:
                args.append(Arg(None, rnode))
                expect_value = False
        if args and expect_value and any(c.type == "," for c in arguments.node.children):
            args.append(Arg(None, None))
        return args

    def arguments(self, node: RNode) -> list[Arg]:
        """A call's arguments; a trailing comma (``f(a, b, )``, R keras3 allows it) adds none."""
        args = self.argument_list(node.field("arguments"))
        return args[:-1] if args and args[-1] == Arg(None, None) else args

    def call_named(self, name: str, args: list[Arg], ctx: Ctx) -> Py:
        """A call to the R function ``name`` with these arguments (``do.call()``'s target)."""
        if name in self.rbase and name not in self._user_functions:
            self.calling = name
            return self.rbase[name](self, args, ctx, None)
        return self.named_call(name, args, ctx, None)

    def expr_call(self, node: RNode, ctx: Ctx, piped: Py | None = None) -> Py:
        name = self.function_name(node)
        args = self.arguments(node)
        function = node.field("function")
        if name.startswith("super$"):
            if self.scope.kind("self") != "self":
                raise Untranslatable("`super$` outside a method")
            method = name[len("super$"):]
            method = "__init__" if method == "initialize" else python_name(method)
            return call(f"super(type(self), self).{method}", *self.call_arguments(name, args, piped))
        if function.type == "dollar":
            target = self.expr(function)
            return call(target.text, *self.call_arguments(name, args, piped, keras=True))
        if function.type not in ("identifier", "namespace_get") and name not in self.rbase:
            target = self.expr(function)
            return call(target.at(PRIMARY), *self.call_arguments(name, args, piped))
        if function.type == "namespace_get":
            target = self.expr(function)  # rejects packages without a counterpart
            if target.text.startswith("tf."):  # tensorflow::tf_function(): TensorFlow's own
                return call(target.text, *self.call_arguments(name, args, piped, keras=False))
        runtime = self.runtime_function(name)
        if runtime is not None:
            texts = self.call_arguments(name, args, piped, keras=False)
            result = call(runtime, *texts)
            if name == "data.frame" and piped is None and args and all(arg.name for arg in args):
                columns = tuple((arg.name, Py(text.split("=", 1)[1])) for arg, text in zip(args, texts))
                return replace(result, elements=columns)  # its columns, for `with()`
            return result
        if name in self.rbase and name not in self._user_functions:
            if piped is not None:
                args = [Arg(None, None), *args]
            self.calling = name
            return self.rbase[name](self, args, ctx, piped)
        return self.named_call(name, args, ctx, piped)

    def runtime_function(self, name: str, fallback: bool = False) -> str | None:
        """``kerasfn.base_r``'s function for R's ``name``, where the translation uses it: R base
        functions with no exact Python spelling here (``rbind()``, ``cat()``'s formatting, ...);
        ``fallback``: a helper of :mod:`~kerasfn.port.rbase` asks, for a value it cannot see."""
        if name in self._user_functions or self.scope.defines(python_name(name)):
            return None
        if not fallback and (name in EXACT_IN_PYTHON or self.keras_name(name) and name not in R_FORMATTING or
                             name in self.rbase and not getattr(self.rbase[name], "unsupported", False) and
                             name not in R_FORMATTING):
            return None
        runtime = catalog.base_r_name(name, self.runtime_names)
        if runtime is None:
            return None
        if runtime not in self.runtime_imports:  # said once, where the script first uses it
            self.runtime_imports.add(runtime)
            self.check(f"`{name}()` runs kerasfn.base_r's `{runtime}()`, R's semantics (no exact Python "
                       "spelling here)")
        return runtime

    def named_call(self, name: str, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
        """A call to an R keras3 (kerasfn) function, a class constructor, or the script's own function."""
        if name in rules.CLASS_CONSTRUCTORS:
            return self.class_constructor(name, args, piped)
        defined = name in self._user_functions or self.scope.defines(python_name(name))
        if not defined and not self.keras_name(name):
            if "." in name:  # R keras3 names have no dots: this is base R or another package
                raise Untranslatable(f"R's `{name}()` has no translation here: port it by hand")
            self.check(f"`{name}()` is neither R keras3's nor defined in this script: kept as it is")
        self.uses_kerasfn = self.uses_kerasfn or name not in self._user_functions
        python = python_name(name)
        kind = rules.RESULT_KIND.get(name)
        if name in self._user_functions and self.scope.kind(python) == "layer_fn":
            kind = None
        if python in self._returns_dict:
            kind = "dict"
        result = replace(call(python, *self.call_arguments(name, args, piped)), kind=kind)
        if name in self._user_functions or self.zero_indexed(args):
            return result
        if name in rules.ONE_BASED_RESULTS:
            return plus_one(result)  # R's count from 1: `op_argmax(x) - 1` folds back to kerasfn's own
        if name in rules.ONE_BASED_ELEMENTS:  # op_top_k()'s indices count from 1 in R
            element = rules.ONE_BASED_ELEMENTS[name]
            return Py(f"(lambda result: result._replace({element}=result.{element} + 1))({result.text})", PRIMARY)
        return result

    def zero_indexed(self, args: list[Arg]) -> bool:
        """Whether a call says ``zero_indexed = TRUE`` (``FALSE`` or left out: R's count from 1)."""
        flag = next((arg.node for arg in args if arg.name == "zero_indexed"), None)
        if flag is not None and flag.type not in ("true", "false"):
            raise Untranslatable("`zero_indexed` other than TRUE or FALSE: where the result counts from is unknown")
        return flag is not None and flag.type == "true"

    @staticmethod
    def keras_name(name: str) -> bool:
        """Whether ``name`` is R keras3's (kerasfn has it, or will, under that name)."""
        return name in R_KERAS3_EXPORTS or name in rules.R_GENERICS or name in KERASFN_EXPORTS

    def call_arguments(self, name: str, args: list[Arg], piped: Py | None = None, keras: bool | None = None) -> list[str]:
        """Arguments of a call to an R-named (kerasfn) or user function; R keras3's own functions
        get R's conversions (:mod:`kerasfn.port.catalog`), calls through ``$`` (``tf$``, a Python
        module, an object's method) none."""
        keras = name not in self._user_functions if keras is None else keras
        signature = catalog.signature(name) if keras and name not in self._user_functions else None
        subject_piped, self._pipe_step = piped is not None or self._pipe_step == name, None  # nested calls are not
        formals = signature.match([arg.name for arg in args], subject_piped) if signature else [None] * len(args)
        zero_indexed = any(arg.name == "zero_indexed" and arg.node is not None and arg.node.type == "true"
                           for arg in args)
        texts = [] if piped is None else [piped.text]
        position = 0 if piped is None else 1
        seen_named = False
        for arg, formal in zip(args, formals):
            if arg.node is None and arg.name is None:
                raise Untranslatable("an empty argument")
            converter = signature.converters.get(formal, rules.BODY_CONVERTERS.get((name, formal))) \
                if signature and formal and not zero_indexed else None
            if arg.name is not None:
                seen_named = True
                if arg.node is None:
                    raise Untranslatable(f"argument `{arg.name}` with no value")
                if arg.name == "...":
                    continue
                value = self.argument_value(name, arg.name, arg.node, keras, converter, formal if signature else None)
                texts.append(f"{keyword_name(arg.name)}={value.text}")
            else:
                if arg.node.type == "dots":
                    texts += ["*args", "**kwargs"]
                    continue
                if seen_named:  # R matches it to the first formal left: Python needs that formal's name
                    if formal is None:
                        raise Untranslatable("a positional argument after a named one")
                    value = self.argument_value(name, formal, arg.node, keras, converter, formal)
                    texts.append(f"{keyword_name(formal)}={value.text}")
                    continue
                shape = position == 0 and name in rules.SHAPE_FIRST
                hint = python_name(name.split("$")[-1])
                value = self.converted(arg.node, converter, Ctx(shape=shape, keras=keras, hint=hint),
                                       formal if signature else None, name)
                texts.append(value.text)
                position += 1
        return texts

    def argument_value(self, function: str, name: str, node: RNode, keras: bool, converter: str | None = None,
                       formal: str | None = None) -> Py:
        if (function, name) in rules.POSITION_ARGUMENTS:
            value = self.expr(node)
            if value.kind == "str":
                return value
            if name in ("from", "to") and value.number is not None and value.number < 0:
                return value  # R's `to = -2` counts from the end, as Python's -2 does
            if node.type == "call" and self.function_name(node) == "c":
                return Py(f"[{self.positions(value, node).text[1:-1]}]", ATOM)
            return self.position(node, value)
        shape = name in rules.SHAPE_ARGUMENTS and keras
        logs = function == "callback_lambda" and name.startswith("on_")  # R's functions of (…, logs)
        return self.converted(node, converter, Ctx(shape=shape, keras=keras, hint=python_name(name), logs=logs),
                              formal, function)

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
        if right.type != "call" or self.scope.function or not creates_keras_objects(left, self):
            return
        for arg in self.arguments(right):
            if arg.node is not None and arg.node.type == "call" and creates_keras_objects(arg.node, self):
                value = self.expr(arg.node)
                name = self.fresh(self.function_name(arg.node).removeprefix("layer_") or "argument")
                self.hoist([f"{name} = {value.text}"])
                self._hoisted[node_key(arg.node)] = Py(name, ATOM, kind=value.kind)

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



def creates_keras_objects(node: RNode, translator: Translator) -> bool:
    """Whether evaluating ``node`` creates a layer or another Keras object (an R keras3 call
    whose name says so: ``layer_*``, ``rnn_cell_*``, ``initializer_*``, ``keras_model*``)."""
    pending = [node.node]
    while pending:
        current = pending.pop()
        if current.type == "call":
            name = translator.function_name(RNode(current, node.source))
            if name.startswith(("layer_", "rnn_cell", "initializer_", "keras_model")) and \
                    name not in translator._user_functions:
                return True
        pending.extend(current.named_children)
    return False
