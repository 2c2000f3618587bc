"""R keras3 script -> kerasfn Python, construct by construct.

The translator walks the R parse tree (:mod:`kerasfn.port.parser`).  Each
R statement becomes Python statements; an expression becomes a :class:`Py`
(its text and its precedence, so parentheses are added only where Python
needs them).  What cannot be translated with confidence raises
:class:`Untranslatable`: the statement is kept as commented R under a
``# port:`` note, never guessed.  Translations that are right but worth a
look (R and NumPy draw different random numbers, say) carry a note too.
The R base helpers scripts use around keras are in :mod:`kerasfn.port.rbase`.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from kerasfn.port import catalog, rules
from kerasfn.port.names import KERASFN_EXPORTS, R_KERAS3_EXPORTS
from kerasfn.port.parser import RNode
from kerasfn.port.rules import ADD, AND, ATOM, BAND, BOR, CMP, IFEXP, LAMBDA, NOT, OR, POW, PRIMARY, UNARY

__all__ = ["Note", "Py", "Translator", "Untranslatable"]


@dataclass(frozen=True)
class Note:
    """Where a person must look: R lines ``line``..``end_line``.

    ``kept`` is True when the R code was kept as a comment (not translated),
    False when it was translated and the note says what to check."""

    line: int
    end_line: int
    reason: str
    kept: bool

    def __str__(self) -> str:
        lines = f"line {self.line}" if self.end_line == self.line else f"lines {self.line}-{self.end_line}"
        return f"{lines}: {'kept as R' if self.kept else 'check'}: {self.reason}"


class Untranslatable(Exception):
    """An R construct the translator will not guess at."""

    def __init__(self, reason: str, node: RNode | None = None) -> None:
        reason = " ".join(reason.split())  # one line: it becomes a comment
        super().__init__(reason)
        self.reason = reason
        self.node = node


@dataclass(frozen=True)
class Py:
    """A Python expression: its text, precedence, and what it is when known
    (``model``, ``history``, ``dict``, ``list``, ``array``, ``index1``: a
    1-based position ...)."""

    text: str
    prec: int = ATOM
    kind: str | None = None
    plus_one_of: Py | None = None  # text is `plus_one_of + 1`: subtracting 1 gives it back
    minus_one_of: Py | None = None  # text is `minus_one_of - 1`: adding 1 gives it back
    number: float | None = None  # the value, for numeric literals

    def at(self, prec: int) -> str:
        """The text, parenthesized if it binds looser than ``prec``."""
        return self.text if self.prec >= prec else f"({self.text})"


def number(value: float | int) -> Py:
    text = repr(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)
    return Py(text, ATOM if value >= 0 else UNARY, kind="number", number=value)


def minus_one(value: Py) -> Py:
    """``value - 1``, folded where R wrote ``something + 1`` or a literal."""
    if value.number is not None:
        return number(value.number - 1)
    if value.plus_one_of is not None:
        return value.plus_one_of
    return Py(f"{value.at(ADD)} - 1", ADD, minus_one_of=value)


def plus_one(value: Py) -> Py:
    if value.number is not None:
        return number(value.number + 1)
    if value.minus_one_of is not None:
        return value.minus_one_of
    return Py(f"{value.at(ADD)} + 1", ADD, plus_one_of=value)


def call(function: str, *arguments: str) -> Py:
    return Py(f"{function}({', '.join(arguments)})", PRIMARY)


@dataclass(frozen=True)
class Ctx:
    """Where an expression sits: in a shape argument, an argument of a keras
    function, a ``for`` vector, a method of a custom class; a name for a
    function literal that must become a ``def``."""

    shape: bool = False
    keras: bool = False
    loop: bool = False
    hint: str = "fn"
    method: bool = False
    integer: bool = False  # R keras3 makes whole doubles integers here (``as_integer``)
    data: bool = False  # a keras function's data argument: R's doubles stay doubles
    counted: bool = False  # a callback R calls with a 1-based epoch or batch number first


@dataclass(frozen=True)
class Arg:
    name: str | None
    node: RNode | None  # None: R's empty argument (`f(a = )`, `x[1, ]`)


class Scope:
    """Variable kinds of one R function body (or the script), and whether it is a function."""

    def __init__(self, parent: Scope | None = None, function: bool = False) -> None:
        self.parent, self.function, self.kinds = parent, function, {}

    def defines(self, name: str) -> bool:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.kinds:
                return True
            scope = scope.parent
        return False

    def kind(self, name: str) -> str | None:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.kinds:
                return scope.kinds[name]
            scope = scope.parent
        return None


@dataclass
class _Frame:
    """What a statement being translated collects besides its own lines."""

    before: list[str] = field(default_factory=list)  # notes and hoisted defs


def python_name(name: str) -> str:
    """An R name as a Python identifier: backticks and dots go, keywords and
    builtins the translation uses get a trailing underscore."""
    name = _identifier(name.strip("`"))
    if name[:1].isdigit():
        name = "_" + name
    return name + "_" if name in rules.RESERVED else name


def keyword_name(name: str) -> str:
    """An R argument name as a Python keyword argument: only Python's keywords
    need the underscore (``from`` -> ``from_``, as kerasfn names it)."""
    name = _identifier(name.strip("`"))
    return name + "_" if keyword.iskeyword(name) else name


def _identifier(name: str) -> str:
    """R's dots and ASCII punctuation become ``_``; letters Python accepts stay
    as they are, unless Python's NFKC normalisation of identifiers would merge
    the name with another (``café`` in two spellings): then every non-ASCII
    character is spelled by its code point, ``_u00e9``, so distinct R names
    stay distinct Python names."""
    name = re.sub(r"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]", "_", name)
    if name.isascii():
        return name
    stable = unicodedata.normalize("NFKC", name) == name
    return "".join(
        char if char.isascii() or stable and ("a" + char).isidentifier() else f"_u{ord(char):04x}"
        for char in name
    )


def python_string(value: str) -> str:
    """A Python literal of the string ``value``: every character that could end
    a line or the literal is escaped."""
    return repr(value)


def comment(text: str) -> str:
    """``text`` as one Python comment line: characters Python or black could
    read as a line end (``\\r``, form feed, U+2028, ...) or that a source
    file cannot hold are written as escapes, so a comment stays a comment."""
    text = "".join(char if char.isprintable() or char == "\t" else char.encode("unicode_escape").decode("ascii")
                   for char in text)
    return "# " + text if text else "#"


_R_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "a": "\a", "f": "\f", "v": "\v",
              "\\": "\\", "'": "'", '"': '"', "`": "`", " ": " ", "\n": "\n"}
_R_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u\{([0-9A-Fa-f]{1,4})\}|u([0-9A-Fa-f]{1,4})"
                       r"|U\{([0-9A-Fa-f]{1,8})\}|U([0-9A-Fa-f]{1,8})|(.))", re.DOTALL)


def r_string_value(literal: str) -> str:
    """The value of an R string literal (quotes included), R's escapes decoded."""
    def decode(match: re.Match[str]) -> str:
        octal, *hexadecimal, single = match.groups()
        if octal is not None:
            return chr(int(octal, 8))
        code = next((digits for digits in hexadecimal if digits is not None), None)
        if code is not None:
            if int(code, 16) > 0x10FFFF:
                raise Untranslatable(f"R string escape `{match.group()}` beyond Unicode")
            return chr(int(code, 16))
        if single not in _R_ESCAPES:
            raise Untranslatable(f"R string escape `\\{single}` (R reports it as unrecognized)")
        return _R_ESCAPES[single]

    return _R_ESCAPE.sub(decode, literal[1:-1])


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


_BLOCKS = ("if", "for", "while", "repeat", "function_definition")

#: R's arithmetic and comparison operators used as functions (`` `+` ``), as Python's operator module has them
_OPERATOR_FUNCTIONS = {"+": "add", "-": "sub", "*": "mul", "/": "truediv", "^": "pow", "%%": "mod",
                       "%/%": "floordiv", "==": "eq", "!=": "ne", "<": "lt", ">": "gt", "<=": "le", ">=": "ge",
                       "%*%": "matmul", "&": "and_", "|": "or_"}
#: R base functions scripts pass as values (`sapply(x, mean)`, `Reduce(max, l)`): the runtime's, R's semantics
_R_FUNCTION_VALUES = frozenset({"sum", "mean", "max", "min", "length", "prod", "sd", "var", "median", "range",
                                "paste", "paste0", "nchar", "toupper", "tolower", "rev", "sort", "unlist",
                                "cumsum", "abs", "sqrt", "exp", "log", "round", "is.null"})
#: R functions that print with R's formatting: the runtime's version is used even where Python has a spelling.
_R_FORMATTING = frozenset({"cat"})
#: R functions whose translation is exact Python: never the runtime's.
_EXACT_IN_PYTHON = frozenset({"c", "list", "library", "require", "return", "stop", "stopifnot", "invisible",
                              "function", "print", "length", "is.null", "seq_len", "seq_along", "paste", "paste0",
                              "names", "dim", "nrow", "ncol"})


class Translator:
    """One translation: ``Translator(program).statements()`` gives the body
    lines; ``needs`` the imports they use; ``notes`` the notes."""

    def __init__(self, program: RNode) -> None:
        self.program = program
        self.notes: list[Note] = []
        self.needs: set[str] = set()
        self.backend: str | None = None
        self.scope = Scope()
        self._frames: list[_Frame] = []
        self._node: RNode = program  # the statement being translated, for notes
        self._names: set[str] = set()
        self._user_functions: set[str] = set()
        self.uses_kerasfn = False
        self._dot: Py | None = None  # what magrittr's `.` stands for in the step being translated
        self._class: str | None = None  # the class constructor whose methods are being translated
        self.calling = ""  # the R helper being translated (helpers shared by several names read it)
        self.rbase = _rbase().HELPERS
        self._returns_dict: set[str] = set()  # the script's functions that return a named list
        self._hoisted: dict[tuple[int, int], Py] = {}  # R calls already evaluated into a variable
        self._else: dict[tuple[int, int], RNode] = {}  # `if` nodes and the `else` branch R gives them
        self.runtime_imports: set[str] = set()  # names the translation imports from kerasfn.base_r
        self.runtime_names = catalog.base_r_names()

    # ---- notes and frames -------------------------------------------------------------

    def check(self, reason: str, node: RNode | None = None) -> None:
        """A translated construct a person should check: a note above its statement."""
        node, reason = node or self._node, " ".join(reason.split())
        self.notes.append(Note(node.line, node.end_line, reason, kept=False))
        if self._frames:
            self._frames[-1].before.append(comment(f"port: {reason}"))

    def hoist(self, lines: list[str]) -> None:
        """Lines (a ``def``) that must come before the statement being translated."""
        self._frames[-1].before.extend(lines)

    def fresh(self, base: str) -> str:
        name = python_name(base)
        if name in KERASFN_EXPORTS or name in self.rbase or name in self._user_functions or name in dir(builtins):
            name += "_fn"  # `op_cond(p, \() {...})`: the branch's def must not shadow `op_cond`
        candidate, counter = name, 1
        while candidate in self._names or self.scope.defines(candidate) or candidate in self._user_functions:
            counter += 1
            candidate = f"{name}_{counter}"
        self._names.add(candidate)
        return candidate

    @contextmanager
    def function_scope(self) -> Iterator[Scope]:
        outer = self.scope
        self.scope = Scope(outer, function=True)
        try:
            yield self.scope
        finally:
            self.scope = outer

    # ---- statements ---------------------------------------------------------------------

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
                self._else[_key(chain)] = nodes[branch]
                index, chain = branch + 1, nodes[branch]
        return folded

    def statement(self, node: RNode, top: bool = False, last: bool = False) -> list[str]:
        """One R statement as Python lines, or as commented R under a note."""
        outer_node = self._node
        self._node = node
        self._frames.append(_Frame())
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

    def _comments(self, node: RNode) -> list[str]:
        if node.type in _BLOCKS:
            return []  # their bodies keep their own comments
        return [comment(note.text.lstrip("#").strip()) for note in node.comments(skip=("brace_list",))]

    def _statement(self, node: RNode, top: bool, last: bool) -> list[str]:
        kind = node.type
        if kind in ("left_assignment", "equals_assignment", "right_assignment", "super_assignment"):
            if kind == "super_assignment" and self.scope.function:
                raise Untranslatable("`<<-` assigns in an enclosing function: use `nonlocal` or `global` by hand")
            return self.assign(node.field("name"), node.field("value"))
        if kind == "binary" and node.operator == "%<-%":
            return self.destructure(node.field("left"), node.field("right"))
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
            return [self.auto_print(value)]
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
        rbase = _rbase()
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
        if name == "super$initialize" and self.scope.kind("self") == "self" and self._class == "Layer":
            return []  # kerasfn's Layer() initialises the base class before `initialize` runs
        return None

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

    def auto_print(self, value: Py) -> str:
        """What R prints for a top-level value."""
        if value.kind == "model":
            return f"summary({value.text})"
        if value.kind == "history":
            return f"print({{name: values[-1] for name, values in {value.at(PRIMARY)}.history.items()}})"
        return f"print({value.text})"

    def invisible(self, node: RNode) -> bool:
        """Whether R would not auto-print this expression's value."""
        while node.type == "pipe" or node.type == "binary" and node.operator == "%>%":
            node = node.field("right")
        if node.type == "call":
            name = self.function_name(node)
            return name in rules.INVISIBLE or name.endswith("$initialize")
        return node.type in ("function_definition", "lambda_function")

    def body(self, node: RNode | None, returns: bool = False) -> list[str]:
        if node is None:
            return ["    pass"]
        if node.type == "brace_list":
            lines = self.block(node.all_children, returns=returns)
        else:
            lines = self.statement(node, last=returns)
        return ["    " + line for line in (lines or ["pass"])]

    def condition(self, node: RNode) -> str:
        return self.expr(node).text

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
        return branches or ([self._else[_key(node)]] if _key(node) in self._else else [])

    def for_statement(self, node: RNode) -> list[str]:
        name = python_name(node.field("name").text)
        vector = self.expr(node.field("vector"), Ctx(loop=True))
        self.scope.kinds[name] = "index1" if vector.kind == "range1" else None
        return [f"for {name} in {vector.text}:", *self.body(node.field("body"))]

    # ---- assignment ---------------------------------------------------------------------

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
            kind = {"range1": "array", "number": None, "integer": None}.get(result.kind, result.kind)
            if result.number is not None and float(result.number).is_integer() and result.number > 0:
                kind = "index1"  # a counter: `i <- 1`, then `x[i]`
            self.scope.kinds[name] = kind
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

    # ---- functions ----------------------------------------------------------------------

    def parameters(self, node: RNode, method: bool) -> list[str]:
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
        return params

    def function_body(self, node: RNode) -> RNode | None:
        rest = [child for child in node.children if child.type != "formal_parameters"]
        return rest[-1] if rest else None

    def define(self, name: str, node: RNode, method: bool = False, counted: bool = False) -> list[str]:
        """A ``def``; ``counted``: R calls it with a 1-based epoch or batch number first, Keras with a
        0-based one, so the translation adds one to that parameter on entry."""
        with self.function_scope() as scope:
            if method:
                scope.kinds["self"] = "self"
            params = self.parameters(node, method)
            body = self.body(self.function_body(node), returns=True)
            counter = params[1 if method else 0].split("=")[0] if len(params) > (1 if method else 0) else None
            if counted and counter and not counter.startswith("*"):
                self.check(f"`{counter}` counts from 1 as R keras3 gives it (Keras gives 0-based numbers): "
                           "one is added on entry")
                body = [f"    {counter} = {counter} + 1", *body]
            lines = [f"def {name}({', '.join(params)}):", *body]
        if body[-1].lstrip().startswith("return {"):
            self._returns_dict.add(name)  # R's named list: `$` and `%<-%` on its value read it as one
        return lines

    def function_literal(self, node: RNode, ctx: Ctx) -> Py:
        """``function(x) x + 1`` -> a lambda when its body is one expression, else a hoisted ``def``."""
        body = self.function_body(node)
        while body is not None and body.type == "brace_list" and len(body.children) == 1:
            body = body.children[0]
        simple = body is not None and body.type not in (
            "brace_list", "left_assignment", "equals_assignment", "right_assignment", "super_assignment",
            *_BLOCKS) and not (body.type == "call" and self.function_name(body) in ("return", "stop", "print", "cat"))
        if simple and not ctx.counted:
            with self.function_scope() as scope:
                if ctx.method:
                    scope.kinds["self"] = "self"
                params = self.parameters(node, ctx.method)
                value = self.expr(body)
            return Py(f"lambda {', '.join(params)}: {value.text}" if params else f"lambda: {value.text}", LAMBDA)
        name = self.fresh(ctx.hint)
        self.hoist(self.define(name, node, method=ctx.method, counted=ctx.counted))
        return Py(name, ATOM, kind="function")

    # ---- expressions --------------------------------------------------------------------

    def expr(self, node: RNode, ctx: Ctx = Ctx()) -> Py:
        if self._hoisted and _key(node) in self._hoisted:
            return self._hoisted[_key(node)]
        handler = getattr(self, "expr_" + node.type, None)
        if handler is None:
            raise Untranslatable(f"R construct `{node.type}` (`{_short(node.text)}`)")
        return handler(node, ctx)

    def expr_identifier(self, node: RNode, ctx: Ctx) -> Py:
        name = node.text
        if name == "else":
            raise Untranslatable("R syntax error: `else` starts a line outside braces (R reads the `if` as complete)")
        if name == ".":
            if self._dot is None:
                raise Untranslatable("magrittr's `.` outside a `%>%` step")
            return self._dot
        if name in rules.CONSTANTS and self.scope.kind(python_name(name)) is None:
            return self.constant(name)
        if name.strip("`") in _OPERATOR_FUNCTIONS:  # Reduce(`+`, xs): R's operators are functions
            self.needs.add("operator")
            return Py(f"operator.{_OPERATOR_FUNCTIONS[name.strip('`')]}", PRIMARY, kind="function")
        if re.search(r"[^\w. `]", name):  # `add<-`: replacement functions as names
            raise Untranslatable(f"R name {name} has no Python spelling")
        py = python_name(name)
        if not self.scope.defines(py) and name not in self._user_functions and name in _R_FUNCTION_VALUES:
            runtime = catalog.base_r_name(name, self.runtime_names)
            if runtime is not None:  # `tapply(x, g, sum)`: R's function itself, from the runtime
                self.runtime_imports.add(runtime)
                return Py(runtime, ATOM, kind="function")
        return Py(py, ATOM, kind=self.scope.kind(py))

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
            return number(int(value))
        return Py(text if not text.startswith(".") else "0" + text, ATOM, kind="number", number=value)

    def expr_string(self, node: RNode, ctx: Ctx) -> Py:
        return Py(python_string(r_string_value(node.text)), ATOM, kind="str")

    def expr_paren_list(self, node: RNode, ctx: Ctx) -> Py:
        children = node.children
        if len(children) != 1:
            raise Untranslatable(f"parenthesized `{_short(node.text)}`")
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
            return number(-value.number)
        return Py(f"{operator}{value.at(UNARY)}", UNARY, kind=value.kind if value.kind == "array" else None)

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
        return Py(f"np.arange({a.text}, {plus_one(b).text})", PRIMARY, kind="range1" if a.number == 1 else "array")

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
        if package == "tensorflow" and node.field("function").text == "tf":
            self.needs.add("tensorflow")
            return Py("tf", ATOM)
        if package in ("keras3", "keras", "base", "stats", "utils", "tensorflow", "magrittr", "zeallot"):
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
            kind = "dataset" if subject.kind == "dataset" else None
            return Py(f'{subject.at(PRIMARY)}["{member}"]', PRIMARY, kind=kind)
        kind = "list" if member in ("layers", "weights", "trainable_weights", "inputs", "outputs") else None
        return Py(f"{subject.at(PRIMARY)}.{python_name(member) if member != 'self' else member}", PRIMARY, kind=kind)

    def expr_slot(self, node: RNode, ctx: Ctx) -> Py:
        raise Untranslatable("S4 slot access (`@`)")

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
            if len(args) == 1 and value.number == 1:
                return Py(f"{subject.at(PRIMARY)}[1:]", PRIMARY, kind=result.kind)
            positions = self.positions(value, drop.field("operand"))
            self.needs.add("numpy")
            result = call("np.delete", result.text, positions.text, f"axis={axis}")
            result = replace(result, kind="array")
        return result

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

    # ---- calls and pipes ----------------------------------------------------------------

    def function_name(self, node: RNode) -> str:
        function = node.field("function")
        if function is None:
            return ""
        if function.type == "identifier":
            return function.text.strip("`")
        if function.type == "namespace_get":
            return function.field("function").text
        if function.type == "dollar":
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
        if function.type not in ("identifier", "namespace_get"):
            target = self.expr(function)
            return call(target.at(PRIMARY), *self.call_arguments(name, args, piped))
        if function.type == "namespace_get":
            self.expr(function)  # rejects packages without a counterpart
        runtime = self.runtime_function(name)
        if runtime is not None:
            return call(runtime, *self.call_arguments(name, args, piped, keras=False))
        if name in self.rbase and name not in self._user_functions:
            if piped is not None:
                args = [Arg(None, None), *args]
            self.calling = name
            return self.rbase[name](self, args, ctx, piped)
        return self.named_call(name, args, ctx, piped)

    def runtime_function(self, name: str) -> str | None:
        """``kerasfn.base_r``'s function for R's ``name``, where the translation uses it: R base
        functions with no exact Python spelling here (``rbind()``, ``cat()``'s formatting, ...)."""
        if name in self._user_functions or self.scope.defines(python_name(name)) or name in _EXACT_IN_PYTHON:
            return None
        if name in self.rbase and not getattr(self.rbase[name], "unsupported", False) and \
                name not in _R_FORMATTING:
            return None
        if self.keras_name(name) and name not in _R_FORMATTING:
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
        return replace(call(python, *self.call_arguments(name, args, piped)), kind=kind)

    @staticmethod
    def keras_name(name: str) -> bool:
        """Whether ``name`` is R keras3's (kerasfn has it, or will, under that name)."""
        return name in R_KERAS3_EXPORTS or name in rules.R_GENERICS or name in _kerasfn_names()

    def call_arguments(self, name: str, args: list[Arg], piped: Py | None = None, keras: bool | None = None) -> list[str]:
        """Arguments of a call to an R-named (kerasfn) or user function; R keras3's own functions
        get R's conversions (:mod:`kerasfn.port.catalog`), calls through ``$`` (``tf$``, a Python
        module, an object's method) none."""
        keras = name not in self._user_functions if keras is None else keras
        signature = catalog.signature(name) if keras and name not in self._user_functions else None
        formals = signature.match([arg.name for arg in args], piped is not None) if signature else [None] * len(args)
        zero_indexed = any(arg.name == "zero_indexed" and arg.node is not None and arg.node.type == "true"
                           for arg in args)
        texts = [] if piped is None else [piped.text]
        position = 0 if piped is None else 1
        seen_named = False
        for arg, formal in zip(args, formals):
            if arg.node is None and arg.name is None:
                raise Untranslatable("an empty argument")
            converter = signature.converters.get(formal) if signature and formal and not zero_indexed else None
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
                if seen_named:
                    raise Untranslatable("a positional argument after a named one")
                shape = position == 0 and name in rules.SHAPE_FIRST
                hint = python_name(name.split("$")[-1])
                value = self.converted(arg.node, converter, Ctx(shape=shape, keras=keras, hint=hint),
                                       formal if signature else None)
                texts.append(value.text)
                position += 1
        return texts

    def argument_value(self, function: str, name: str, node: RNode, keras: bool, converter: str | None = None,
                       formal: str | None = None) -> Py:
        if (function, name) in rules.POSITION_ARGUMENTS:
            value = self.expr(node)
            if value.kind == "str":
                return value
            if node.type == "call" and self.function_name(node) == "c":
                return Py(f"[{self.positions(value, node).text[1:-1]}]", ATOM)
            return self.position(node, value)
        shape = name in rules.SHAPE_ARGUMENTS and keras
        return self.converted(node, converter, Ctx(shape=shape, keras=keras, hint=python_name(name)), formal)

    def converted(self, node: RNode, converter: str | None, ctx: Ctx, formal: str | None = None) -> Py:
        """An argument R keras3 converts before Python sees it, converted the same way."""
        if converter in catalog.AXIS:
            return self.axis(node)
        if converter in catalog.INDEX:
            return self.py_index(node)
        if converter in catalog.INTEGER:
            return self.expr(node, replace(ctx, integer=True))
        if converter in catalog.DATA or formal in catalog.DATA_FORMALS and not ctx.shape:
            return self.expr(node, replace(ctx, data=True))
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
            self.check(f"`{_short(node.text)}` is taken as R's 1-based positions, all positive, and shifted by one")
            return minus_one(value)
        self.uses_kerasfn = True  # op_where: R's own conversion of a tensor, and right for arrays too
        return Py(f"op_where({value.text} > 0, {value.text} - 1, {value.text})", PRIMARY)

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
                    value = self.function_literal(arg.node, Ctx(hint=hint, method=True, counted=counted))
                else:
                    value = self.expr(arg.node, Ctx(keras=True))
                texts.append(f"{keyword_name(arg.name)}={value.text}" if arg.name else value.text)
        finally:
            self._class = outer
        if not self.keras_name(target) or target not in _kerasfn_names():
            self.check(f"`{name}()`: kerasfn has no `{target}()` yet; the call keeps R's methods, `self` first")
        self.uses_kerasfn = True
        return Py(f"{target}({', '.join(texts)})", PRIMARY, kind="layer_fn" if target == "Layer" else None)

    def pipe(self, left: RNode, right: RNode, ctx: Ctx, magrittr: bool) -> Py:
        """``x |> f(a)``: ``x | f(a)`` for kerasfn's pipeable functions, else ``f(x, a)``."""
        self.arguments_first(left, right)
        subject = self.expr(left, replace(ctx, shape=False))
        if right.type == "identifier" and magrittr:
            right_name = right.text
            if right_name in self.rbase and right_name not in self._user_functions:
                self.calling = right_name
                return self.rbase[right_name](self, [Arg(None, None)], ctx, subject)
            return call(python_name(right_name), subject.text)
        if right.type == "brace_list" and magrittr:  # `x %>% { . + 1 }`: the block with `.` the value
            outer, self._dot = self._dot, subject
            try:
                return self.expr(right, ctx)
            finally:
                self._dot = outer
        if right.type != "call":
            raise Untranslatable(f"pipe into `{_short(right.text)}`")
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
            step = self.expr_call(right, Ctx())
            return Py(f"{subject.at(BOR)} | {step.at(BOR + 1)}", BOR, kind=self.pipe_kind(name, subject))
        return self.expr_call(right, ctx, piped=subject)

    def arguments_first(self, left: RNode, right: RNode) -> None:
        """R's evaluation order: R keras3's functions evaluate their other arguments before the piped
        object (``capture_args()``, then the object), so in ``x |> layer_a() |> layer_b(layer_c())``
        ``layer_c()`` is created before ``layer_a()``: with ``set_random_seed()`` the weights depend on that
        order.  Where the upstream creates layers too, argument calls that create Keras objects are
        built first, into variables before the statement."""
        if right.type != "call" or self.scope.function or not _creates_keras_objects(left, self):
            return
        for arg in self.arguments(right):
            if arg.node is not None and arg.node.type == "call" and _creates_keras_objects(arg.node, self):
                value = self.expr(arg.node)
                name = self.fresh(self.function_name(arg.node).removeprefix("layer_") or "argument")
                self.hoist([f"{name} = {value.text}"])
                self._hoisted[_key(arg.node)] = Py(name, ATOM, kind=value.kind)

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


def _kerasfn_names() -> frozenset[str]:
    return KERASFN_EXPORTS


def _rbase():  # rbase builds on this module's types, so it is imported late
    from kerasfn.port import rbase

    return rbase


def _creates_keras_objects(node: RNode, translator: Translator) -> bool:
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


def _key(node: RNode) -> tuple[int, int]:
    return node.node.start_byte, node.node.end_byte


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."
