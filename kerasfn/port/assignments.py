"""Assignments, destructuring (zeallot, dotty), function definitions and custom classes."""

from __future__ import annotations

import re

from kerasfn.port import catalog, rules
from kerasfn.port.core import Arg, BLOCKS, Ctx, keyword_name, Py, python_name, snake, Untranslatable
from kerasfn.port.names import KERASFN_EXPORTS
from kerasfn.port.parser import RNode
from kerasfn.port.rules import ATOM, LAMBDA, PRIMARY

__all__ = ["Assignments"]


class Assignments:
    """Assignments, ``%<-%`` unpacking, ``function()`` as ``def`` or ``lambda``, class constructors (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

    def assign(self, target: RNode, value: RNode) -> list[str]:
        if target.type == "identifier" and re.search(r"[^\w. `]", target.text):
            raise Untranslatable(f"R name {target.text} has no Python spelling")
        if value.type in ("left_assignment", "equals_assignment"):  # `a <- b <- 0`
            inner = self.assign(value.field("name"), value.field("value"))
            if len(inner) != 1 or target.type != "identifier":
                raise Untranslatable("a chained assignment")
            name = python_name(target.text)
            self.scope.kinds[name] = self.scope.kind(python_name(value.field("name").text))
            return [f"{name} = {inner[0]}"]
        if target.type in ("identifier", "string"):
            name = python_name(target.text.strip("\"'"))
            if value.type in ("function_definition", "lambda_function"):
                self._user_functions.add(name)
                self.scope.kinds[name] = "function"
                return self.define(name, value)
            if value.type == "call" and self.function_name(value) in ("tryCatch", "try"):
                self.scope.kinds[name] = None
                return self.try_statement(self.function_name(value), self.arguments(value), name)
            result = self.expr(value, Ctx(shape=bool(re.search(r"shape|dim$", name))))
            kind = rules.STORED_KINDS.get(result.kind, result.kind)
            if result.number is not None and float(result.number).is_integer() and result.number > 0:
                kind = "index1"  # a counter: `i <- 1`, then `x[i]`
            self.scope.kinds[name] = kind
            self.scope.elements[name] = result.elements
            if result.kind == "layer_fn":
                self._user_functions.add(name)
            return [f"{name} = {result.text}"]
        if target.type == "call" and self.function_name(target) in ("dim", "names", "attr", "class", "levels"):
            function = self.function_name(target)
            if function != "dim":
                raise Untranslatable(f"`{function}(x) <-` sets R attributes that Python objects do not have")
            subject = self.expr(self.arguments(target)[0].node)
            shape = self.expr(value, Ctx(shape=True))
            self.needs.add("numpy")
            return [f"{subject.text} = np.reshape({subject.text}, {shape.text}, order=\"F\")"]
        if target.type == "subset" and target.children[0].type == "identifier" and target.children[0].text == ".":
            return self.dotty(target, value)
        if target.type in ("dollar", "subset", "subset2"):
            return [f"{self.expr(target).text} = {self.expr(value).text}"]
        raise Untranslatable(f"assignment to `{target.text}`")

    def dotty(self, target: RNode, value: RNode) -> list[str]:
        """dotty's ``.[a, b] <- value``: unpacking by position, as ``%<-%``."""
        args = self.argument_list(target.children[1])
        if not args or any(arg.name or arg.node is None or arg.node.type != "identifier" for arg in args):
            raise Untranslatable("dotty `.[ ]` with other than plain names: unpack by hand")
        right = self.expr(value)
        if right.kind == "dict":
            right = Py(f"list({right.at(PRIMARY)}.values())", PRIMARY)
        names = [self.unpack_target(arg.node) for arg in args]
        return [f"{', '.join(names)}{',' if len(names) == 1 else ''} = {right.text}"]

    def destructure(self, target: RNode, value: RNode) -> list[str]:
        """zeallot's ``c(a, b) %<-% value`` -> ``a, b = value``."""
        if target.type == "call" and any(arg.name for arg in self.arguments(target)):
            return self.destructure_with_defaults(target, value)
        right = self.expr(value)
        nested = target.type == "call" and any(
            arg.node is not None and arg.node.type == "call" for arg in self.arguments(target))
        if right.kind == "dict":  # zeallot unpacks R's named lists by position, at every level
            items = f"{right.at(PRIMARY)}.values()"
            right = Py(f"[list(item.values()) if isinstance(item, dict) else item for item in {items}]"
                       if nested else f"list({items})", ATOM if nested else PRIMARY)
        return [f"{self.unpack_target(target)} = {right.text}"]

    def destructure_with_defaults(self, target: RNode, value: RNode) -> list[str]:
        """zeallot's ``c(x, y = NULL, sample_weight = NULL) %<-% data``: names past the value's
        length take their defaults."""
        args = self.arguments(target)
        first_default = next(index for index, arg in enumerate(args) if arg.name)
        if any(arg.name is None for arg in args[first_default:]) or \
                any(arg.node is None or arg.node.type != "identifier" for arg in args[:first_default]):
            raise Untranslatable("`%<-%` with defaults before plain names: unpack by hand")
        names = [python_name(arg.node.text) for arg in args[:first_default]] + \
            [python_name(arg.name) for arg in args[first_default:]]
        defaults = [self.expr(arg.node).text if arg.node is not None else "None" for arg in args[first_default:]]
        for name in names:
            self.scope.kinds[name] = None
        right = self.expr(value)
        items = f"{right.at(PRIMARY)}.values()" if right.kind == "dict" else right.text
        return [f"{', '.join(names)} = (*{items}, {', '.join(defaults)})[:{len(names)}]"]

    def unpack_target(self, node: RNode, nested: bool = False) -> str:
        if node.type == "identifier":
            name = node.text
            if name.startswith(".."):  # zeallot's collector, `...rest` (or `..rest`)
                rest = python_name(name.lstrip(".") or "rest")
                self.scope.kinds[rest] = "list"
                return "*" + rest
            self.scope.kinds[python_name(name)] = None
            return python_name(name)
        if node.type == "call" and self.function_name(node) in ("c", "list"):
            args = self.arguments(node)
            if any(arg.name for arg in args):
                raise Untranslatable("`%<-%` with named targets: unpack the names by hand")
            inner = ", ".join(self.unpack_target(arg.node, nested=True) for arg in args)
            inner += "," if len(args) == 1 else ""
            return f"({inner})" if nested else inner
        raise Untranslatable(f"`%<-%` target `{node.text}`")

    def parameters(self, node: RNode, method: bool, logs: bool = False) -> list[str]:
        """The ``def``'s parameters; ``logs``: the last named one is a callback's logs, a dict."""
        formals = node.children[0] if node.children and node.children[0].type == "formal_parameters" else None
        params = ["self"] if method else []
        seen_default = False
        for param in formals.children if formals is not None else []:
            if param.type == "identifier":
                if seen_default:
                    raise Untranslatable("a parameter without a default after one with a default")
                params.append(python_name(param.text))
                self.scope.kinds[python_name(param.text)] = None
            elif param.type == "default_parameter":
                seen_default = True
                name = python_name(param.field("name").text)
                default = param.field("value")
                params.append(f"{name}={self.expr(default).text if default is not None else 'None'}")
                self.scope.kinds[name] = None
            elif param.type == "dots":
                params += ["*args", "**kwargs"]
            else:
                raise Untranslatable(f"parameter `{param.text}`")
        named = [param.split("=")[0] for param in params if not param.startswith(("*", "self"))]
        if logs and named:
            self.scope.kinds[named[-1]] = "dict"
        return params

    def function_body(self, node: RNode) -> RNode | None:
        rest = [child for child in node.children if child.type != "formal_parameters"]
        return rest[-1] if rest else None

    def define(self, name: str, node: RNode, method: bool = False, counted: bool = False,
               logs: bool = False) -> list[str]:
        """A ``def``; ``counted``: R calls it with a 1-based epoch or batch number first, Keras with a
        0-based one, so the translation adds one to that parameter on entry."""
        with self.function_scope() as scope:
            if method:
                scope.kinds["self"] = "self"
            params = self.parameters(node, method, logs)
            body = self.body(self.function_body(node), returns=True)
            counter = params[1 if method else 0].split("=")[0] if len(params) > (1 if method else 0) else None
            if counted and counter and not counter.startswith("*"):
                self.check(f"`{counter}` counts from 1 as R keras3 gives it (Keras gives 0-based numbers): "
                           "one is added on entry")
                body = [f"    {counter} = {counter} + 1", *body]
            lines = [f"def {name}({', '.join(params)}):", *body]
        if body[-1].lstrip().startswith("return {"):
            self._returns_dict.add(name)  # R's named list: `$` and `%<-%` on its value read it as one
        last = self.function_body(node)
        while last is not None and last.type == "brace_list" and last.children:
            last = last.children[-1]
        if last is not None and (last.type in ("for", "while", "repeat", "left_assignment", "equals_assignment",
                                               "super_assignment") or self.invisible(last)):
            self._invisible_functions.add(name)  # R returns the last value invisibly: nothing auto-prints
        return lines

    def function_literal(self, node: RNode, ctx: Ctx) -> Py:
        """``function(x) x + 1`` -> a lambda when its body is one expression, else a hoisted ``def``."""
        body = self.function_body(node)
        while body is not None and body.type == "brace_list" and len(body.children) == 1:
            body = body.children[0]
        simple = body is not None and body.type not in (
            "brace_list", "left_assignment", "equals_assignment", "right_assignment", "super_assignment",
            *BLOCKS) and not (body.type == "call" and self.function_name(body) in ("return", "stop", "print", "cat"))
        if simple and not ctx.counted:
            with self.function_scope() as scope:
                if ctx.method:
                    scope.kinds["self"] = "self"
                params = self.parameters(node, ctx.method, ctx.logs)
                value = self.expr(body)
            return Py(f"lambda {', '.join(params)}: {value.text}" if params else f"lambda: {value.text}", LAMBDA)
        name = self.fresh(ctx.hint)
        self.hoist(self.define(name, node, method=ctx.method, counted=ctx.counted, logs=ctx.logs))
        return Py(name, ATOM, kind="function")

    def class_constructor(self, name: str, args: list[Arg], piped: Py | None) -> Py:
        """``Layer("Name", initialize = function(...) ..., call = ...)``: methods get ``self``."""
        if piped is not None:
            raise Untranslatable(f"`{name}()` in a pipe")
        target = rules.CLASS_CONSTRUCTORS[name]
        classname = next((arg.node.text.strip("\"'") for arg in args
                          if arg.node is not None and arg.name in (None, "classname")), target)
        texts = []
        outer, self._class = self._class, target
        try:
            for arg in args:
                if arg.node is None:
                    raise Untranslatable("an empty argument")
                if arg.node.type == "call" and self.function_name(arg.node) in ("mark_active", "active_property") \
                        and self.arguments(arg.node) and self.arguments(arg.node)[0].node is not None \
                        and self.arguments(arg.node)[0].node.type in ("function_definition", "lambda_function"):
                    # R keras3's active binding: a Python property (the getter; R's setter argument is dropped)
                    getter = self.arguments(arg.node)[0].node
                    method = self.function_literal(getter, Ctx(hint=f"{snake(classname)}_{arg.name}", method=True))
                    texts.append(f"{keyword_name(arg.name)}=property({method.text})")
                    continue
                if arg.node.type in ("function_definition", "lambda_function"):
                    hint = f"{snake(classname)}_{arg.name or 'method'}"
                    counted = target == "Callback" and arg.name in catalog.CALLBACK_COUNTED_METHODS
                    logs = target == "Callback" and (arg.name or "").startswith("on_")
                    value = self.function_literal(arg.node, Ctx(hint=hint, method=True, counted=counted, logs=logs))
                else:
                    value = self.expr(arg.node, Ctx(keras=True))
                texts.append(f"{keyword_name(arg.name)}={value.text}" if arg.name else value.text)
        finally:
            self._class = outer
        if not self.keras_name(target) or target not in KERASFN_EXPORTS:
            self.check(f"`{name}()`: kerasfn has no `{target}()` yet; the call keeps R's methods, `self` first")
        self.uses_kerasfn = True
        return Py(f"{target}({', '.join(texts)})", PRIMARY, kind="layer_fn" if target == "Layer" else None)
