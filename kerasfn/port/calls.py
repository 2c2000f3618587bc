"""Calls: R keras3's functions with R's argument conversions, R base helpers, the runtime, the script's own."""

from __future__ import annotations

from dataclasses import replace

from kerasfn.port import catalog, rules
from kerasfn.port.core import (
    Arg,
    call,
    Ctx,
    EXACT_IN_PYTHON,
    keyword_name,
    plus_one,
    Py,
    python_name,
    R_FORMATTING,
    Untranslatable,
)
from kerasfn.port.names import KERASFN_EXPORTS, R_KERAS3_EXPORTS
from kerasfn.port.parser import RNode
from kerasfn.port.rules import ATOM, PRIMARY

__all__ = ["Calls"]


class Calls:
    """Calls and their arguments (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

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
