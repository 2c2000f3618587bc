"""R default values, as R keras3's formals write them, in Python.

The extracted catalog keeps each default as R source text (``1L``,
``"auto"``, ``NULL``, ``c(1L, 1L)``, ``getOption("keras.verbose")``).
:func:`python_default` turns the literal ones into Python source text by the
porting rules (``NULL`` -> ``None``, ``TRUE`` -> ``True``, ``1L`` -> ``1``,
``c()``/``list()`` -> a tuple); an axis or index (an argument R converts with
``as_axis``/``as_index``) moves from R's 1-based to Python's 0-based count.
Anything else (an option lookup, a computation) is not a literal: the
caller gets ``None`` back and says what R computes in the docstring.
"""

from __future__ import annotations

import ast
import re

__all__ = ["ZERO_BASED", "python_default", "python_name"]

#: R converters whose arguments count from 1 in R and from 0 in Python.
ZERO_BASED = frozenset({"as_axis", "as_index", "as_py_index"})

_NUMBER = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?L?$")
_CALL = re.compile(r"^(c|list)\((.*)\)$", re.S)


def _split(arguments: str) -> list[str]:
    """Top-level comma-separated parts of an R argument list."""
    parts, depth, quote, current = [], 0, None, ""
    for char in arguments:
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def _literal(text: str) -> str | None:
    text = text.strip()
    if text in ("NULL", "NA", "NA_integer_", "NA_real_", "NA_character_"):
        return "None"
    if text in ("TRUE", "FALSE"):
        return "True" if text == "TRUE" else "False"
    if text in ("Inf", "-Inf"):
        return "float('inf')" if text == "Inf" else "float('-inf')"
    if _NUMBER.match(text):
        return text[:-1] if text.endswith("L") else text
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return repr(ast.literal_eval(text))
    call = _CALL.match(text)
    if call:
        items = [_literal(part) for part in _split(call.group(2))]
        if not items:
            return "None"  # an empty R list(): Python's mutable-default rule says None
        if None in items or any("=" in part for part in _split(call.group(2))):
            return None
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    return None


def python_default(text: str | None, converter: str | None = None, choices_first: bool = True) -> str | None:
    """Python source text for R's default ``text``, or ``None`` when it is not a literal.

    ``c("auto", "ggplot2", "base")`` as a default is R's ``match.arg()`` list
    of choices; with ``choices_first`` its first element is the default.
    """
    if text is None:
        return None
    literal = _literal(text)
    if literal is None:
        return None
    value = ast.literal_eval(literal) if "inf" not in literal else None
    if choices_first and isinstance(value, tuple) and value and all(isinstance(item, str) for item in value):
        return repr(value[0])
    if converter in ZERO_BASED:
        shift = (lambda n: n - 1 if isinstance(n, int) and n > 0 else n)
        if isinstance(value, int) and not isinstance(value, bool):
            return repr(shift(value))
        if isinstance(value, tuple):
            return repr(tuple(shift(item) for item in value))
    return literal


def python_name(r_name: str) -> str:
    """An R argument name as a Python identifier (``from`` -> ``from_``, dots -> underscores)."""
    import keyword

    name = r_name.replace(".", "_")
    return f"{name}_" if keyword.iskeyword(name) else name
