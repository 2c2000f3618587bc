"""The translator's values and helpers: notes, Python expressions with their precedence, contexts,
scopes, and R names, strings and comments made safe as Python.

Every other module of :mod:`kerasfn.port` builds on this one, which imports none of them (no import
circles: :mod:`kerasfn.port.rbase` and the :class:`~kerasfn.port.translate.Translator` mixins read
their types from here)."""

from __future__ import annotations

import keyword
import re
import unicodedata
from dataclasses import dataclass, field

from kerasfn.port import rules
from kerasfn.port.parser import RNode
from kerasfn.port.rules import ADD, ATOM, PRIMARY, UNARY

__all__ = [
    "Arg",
    "BLOCKS",
    "Ctx",
    "EXACT_IN_PYTHON",
    "Frame",
    "Note",
    "OPERATOR_FUNCTIONS",
    "Py",
    "R_FORMATTING",
    "R_FUNCTION_VALUES",
    "Scope",
    "Untranslatable",
    "call",
    "comment",
    "keyword_name",
    "minus_one",
    "node_key",
    "number",
    "plus_one",
    "python_name",
    "python_string",
    "r_string_value",
    "short",
    "snake",
]


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
    elements: tuple[tuple[str, Py], ...] | None = None  # a named list the script built: its elements

    def element(self, name: str) -> Py | None:
        """The element ``name`` of a named list the script built (what ``$name`` reads), if known."""
        return dict(self.elements or ()).get(name)

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
    # How an R double vector reaches Python in that data argument: "array" (R keras3 converts it with
    # as.array(): a float64 array), "floatx" (as_py_array(): an array of Keras' float type), "list"
    # (no conversion: reticulate's list of floats, which Keras reads as its float type)
    vector: str = "array"
    counted: bool = False  # a callback R calls with a 1-based epoch or batch number first
    logs: bool = False  # a callback's function: its last parameter is Keras' logs, R's named list (a dict)


@dataclass(frozen=True)
class Arg:
    name: str | None
    node: RNode | None  # None: R's empty argument (`f(a = )`, `x[1, ]`)


class Scope:
    """Variable kinds of one R function body (or the script), and whether it is a function."""

    def __init__(self, parent: Scope | None = None, function: bool = False) -> None:
        self.parent, self.function, self.kinds = parent, function, {}
        self.elements: dict[str, tuple[tuple[str, Py], ...]] = {}  # named lists' elements, by variable

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

    def elements_of(self, name: str) -> tuple[tuple[str, Py], ...] | None:
        """The elements of the named list ``name`` holds, where the script built it."""
        scope: Scope | None = self
        while scope is not None:
            if name in scope.kinds:
                return scope.elements.get(name)
            scope = scope.parent
        return None


@dataclass
class Frame:
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


BLOCKS = ("if", "for", "while", "repeat", "function_definition")


#: R's arithmetic and comparison operators used as functions (`` `+` ``), as Python's operator module has them
OPERATOR_FUNCTIONS = {"+": "add", "-": "sub", "*": "mul", "/": "truediv", "^": "pow", "%%": "mod",
                       "%/%": "floordiv", "==": "eq", "!=": "ne", "<": "lt", ">": "gt", "<=": "le", ">=": "ge",
                       "%*%": "matmul", "&": "and_", "|": "or_"}


#: R base functions scripts pass as values (`sapply(x, mean)`, `Reduce(max, l)`): the runtime's, R's semantics
R_FUNCTION_VALUES = frozenset({"sum", "mean", "max", "min", "length", "prod", "sd", "var", "median", "range",
                                "paste", "paste0", "nchar", "toupper", "tolower", "rev", "sort", "unlist",
                                "cumsum", "abs", "sqrt", "exp", "log", "round", "is.null"})


#: R functions that print with R's formatting: the runtime's version is used even where Python has a spelling.
R_FORMATTING = frozenset({"cat"})


#: R functions whose translation is exact Python: never the runtime's.
EXACT_IN_PYTHON = frozenset({"c", "list", "library", "require", "return", "stop", "stopifnot", "invisible",
                              "function", "print", "length", "is.null", "seq_len", "seq_along", "paste", "paste0",
                              "names", "dim", "nrow", "ncol"})


def node_key(node: RNode) -> tuple[int, int]:
    return node.node.start_byte, node.node.end_byte


def short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."
