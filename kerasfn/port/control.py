"""Control flow: ``if``/``else``, ``for``, bodies, and ``tryCatch()``/``try()`` as Python's ``try``."""

from __future__ import annotations

from kerasfn.port.core import Arg, Ctx, node_key, python_name, Untranslatable
from kerasfn.port.parser import RNode

__all__ = ["ControlFlow"]


class ControlFlow:
    """R's control flow as Python's (a mixin of :class:`~kerasfn.port.translate.Translator`)."""

    def if_statement(self, node: RNode, last: bool) -> list[str]:
        lines = [f"if {self.condition(node.field('condition'))}:", *self.body(node.field("consequence"), last)]
        alternative = self.alternative(node)
        while alternative:
            branch = alternative[0]
            if branch.type == "if":
                lines += [f"elif {self.condition(branch.field('condition'))}:",
                          *self.body(branch.field("consequence"), last)]
                alternative = self.alternative(branch)
            else:
                lines += ["else:", *self.body(branch, last)]
                alternative = []
        return lines

    def alternative(self, node: RNode) -> list[RNode]:
        """The ``else`` branch of an ``if`` (one attached by :meth:`fold_dangling_else` too), if any."""
        branches = [child for child in node.children if child.type != "comment"][2:]
        return branches or ([self._else[node_key(node)]] if node_key(node) in self._else else [])

    def condition(self, node: RNode) -> str:
        return self.expr(node).text

    def for_statement(self, node: RNode) -> list[str]:
        name = python_name(node.field("name").text)
        over = node.field("vector")
        vector = self.expr(over, Ctx(loop=True))
        self.scope.kinds[name] = "index1" if vector.kind == "range1" else "str" if self.strings(over) else None
        return [f"for {name} in {vector.text}:", *self.body(node.field("body"))]

    def strings(self, node: RNode) -> bool:
        """Whether ``node`` is R's character vector of names or literals (``names(config)``,
        ``c("a", "b")``): a loop over it gives strings, which index by name (``config[[name]]``)."""
        if node.type != "call":
            return False
        function = self.function_name(node)
        arguments = self.arguments(node)
        return function == "names" or function == "c" and bool(arguments) and all(
            arg.node is not None and arg.node.type == "string" for arg in arguments)

    def body(self, node: RNode | None, returns: bool = False) -> list[str]:
        if node is None:
            return ["    pass"]
        if node.type == "brace_list":
            lines = self.block(node.all_children, returns=returns)
        else:
            lines = self.statement(node, last=returns)
        return ["    " + line for line in (lines or ["pass"])]

    def try_statement(self, name: str, args: list[Arg], target: str | None) -> list[str]:
        """``tryCatch(expr, error = function(e) ..., finally = ...)`` and ``try(expr, silent = )``:
        Python's ``try``; with ``target``, both branches assign R's value to it."""
        named = {arg.name: arg.node for arg in args if arg.name}
        body = next((arg.node for arg in args if arg.name in (None, "expr")), None)
        if body is None or set(named) - {"expr", "error", "finally", "silent"}:
            raise Untranslatable(f"`{name}()` with handlers other than `error` and `finally` (R's warnings and "
                                 "conditions are not Python exceptions)")
        lines = ["try:", *self.branch(body, target)]
        if name == "try":
            silent = named.get("silent")
            if silent is not None and silent.type == "true":
                if target:
                    self.check(f"`{target}` is None where R's `try()` gives a \"try-error\" object")
                lines += ["except Exception:", *(["    " + f"{target} = None"] if target else ["    pass"])]
            else:  # R prints the error and goes on
                self.needs.add("sys")
                lines += ["except Exception as error:", '    print(f"Error : {error}", file=sys.stderr)',
                          *(["    " + f"{target} = None"] if target else [])]
        handler = named.get("error")
        if handler is not None:
            if handler.type not in ("function_definition", "lambda_function"):
                raise Untranslatable("`tryCatch(error = )` with a handler that is not a function literal")
            with self.function_scope():
                params = self.parameters(handler, method=False)
                error_name = params[0] if params else "error"
                self.scope.kinds[error_name] = "condition"
                self.scope.function = False  # the handler's body runs in the enclosing scope
                lines += [f"except Exception as {error_name}:", *self.branch(self.function_body(handler), target)]
        if "finally" in named:
            lines += ["finally:", *self.branch(named["finally"], None)]
        if len(lines) == 1 + len(self.branch(body, target)):
            lines += ["except Exception:", "    pass"]
        return lines

    def branch(self, node: RNode | None, target: str | None) -> list[str]:
        """A body whose value (the last expression's) goes to ``target``, if any."""
        if target is None:
            return self.body(node)
        statements = node.children if node is not None and node.type == "brace_list" else [node]
        lines = [line for statement in statements[:-1] for line in self.statement(statement)]
        last = statements[-1]
        if last.type == "call" and self.function_name(last) in ("stop", "return"):
            lines += self.statement(last)  # no value to assign: it raises or returns
        else:
            lines.append(f"{target} = {self.expr(last).text}")
        return ["    " + line for line in lines]
