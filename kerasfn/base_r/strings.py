"""Strings: paste, sprintf, format, formatC and R's regular expressions."""

from __future__ import annotations

import math
import numbers
import re
import sys
from collections.abc import Mapping
from typing import Any

import numpy as np

from kerasfn.base_r._format import as_character_values, format_real
from kerasfn.base_r._values import Factor, NamedVector, as_vector, is_scalar, scalarize, text_vector

__all__ = ["format", "formatC", "glue", "grepl", "gsub", "nchar", "parent_frame", "paste", "paste0", "sprintf", "strsplit", "sub",
           "substr", "tolower", "toupper"]


def _texts(x: Any) -> list[Any]:
    """R's as.character of every element (``None`` for NA)."""
    if isinstance(x, Factor):
        return x.labels().tolist()
    if isinstance(x, (list, tuple)) and not all(is_scalar(v) for v in x):
        return [("NULL" if v is None else _texts(v)[0] if is_scalar(v) else str(v)) for v in x]
    return as_character_values(as_vector(x).reshape(-1).tolist())


def _result(values: list, *inputs: Any) -> Any:
    return scalarize(text_vector(values), *inputs)


def paste(*args: Any, sep: str = " ", collapse: str | None = None) -> Any:
    """Concatenate strings, as R's paste()

    Description:
        Converts each argument to strings (numbers as R's ``as.character``:
        15 significant digits), recycles them to the longest, joins the
        pieces of each element with ``sep``, then all elements with
        ``collapse`` if given.  A zero-length argument (``None``, an empty
        vector) counts as ``""`` beside longer ones, as in R (``paste("a",
        NULL, "b")`` is ``"a  b"``); a missing value becomes ``"NA"``.

    Arguments:
        *args: Values.
        sep: The separator between arguments.
        collapse: The separator between elements, or ``None``.

    Value:
        A ``str`` when every argument is a single value or ``collapse`` is
        given, else a character vector.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import paste
        >>> paste("a", np.arange(1, 4), sep="_")
        array(['a_1', 'a_2', 'a_3'], dtype=object)
        >>> paste(["a", "b"], collapse="+")
        'a+b'
        >>> paste("loss:", 1 / 3)
        'loss: 0.333333333333333'

    See also:
        :func:`kerasfn.base_r.paste0`, :func:`kerasfn.base_r.sprintf`
    """
    columns = [["NA" if t is None else t for t in _texts(a)] for a in args]
    n = max((len(c) for c in columns), default=0)
    columns = [c or [""] for c in columns]
    joined = [sep.join(c[i % len(c)] for c in columns) for i in range(n)]
    if collapse is not None:
        return collapse.join(joined)
    return _result(joined, *args) if args else text_vector([])


def paste0(*args: Any, collapse: str | None = None) -> Any:
    """Concatenate strings without a separator, as R's paste0()

    Description:
        :func:`kerasfn.base_r.paste` with ``sep = ""``.

    Arguments:
        *args: Values.
        collapse: The separator between elements, or ``None``.

    Value:
        A ``str`` or a character vector, as :func:`kerasfn.base_r.paste`.

    Examples:
        >>> from kerasfn.base_r import paste0
        >>> paste0("x", [1, 2], ["a", "b", "c"])
        array(['x1a', 'x2b', 'x1c'], dtype=object)

    See also:
        :func:`kerasfn.base_r.paste`
    """
    return paste(*args, sep="", collapse=collapse)


def glue_pieces(template: str) -> list[tuple[bool, str]]:
    """glue's reading of a template: ``(False, text)`` for literal text,
    ``(True, code)`` for each ``{code}`` (braces nest inside it; ``{{`` and
    ``}}`` are literal braces)."""
    pieces: list[tuple[bool, str]] = []
    literal, position = [], 0
    while position < len(template):
        char = template[position]
        if template.startswith(("{{", "}}"), position):
            literal.append(char)
            position += 2
        elif char == "{":
            end = _closing_brace(template, position)
            pieces += [(False, "".join(literal)), (True, template[position + 1:end])]
            literal, position = [], end + 1
        else:
            literal.append(char)
            position += 1
    return [piece for piece in [*pieces, (False, "".join(literal))] if piece[0] or piece[1]]


def _closing_brace(template: str, start: int) -> int:
    depth, quote, position = 0, None, start
    while position < len(template):
        char = template[position]
        if quote:
            position += 2 if char == "\\" else 1
            quote = None if char == quote else quote
            continue
        if char in "\"'`":
            quote = char
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return position
        position += 1
    raise ValueError(f"`template` has an unclosed '{{': {template!r}")


_R_NAME = re.compile(r"(?:[A-Za-z]|[.](?![0-9]))[A-Za-z0-9._]*")


def glue(template: str, envir: Mapping[str, Any] | None = None) -> Any:
    """Interpolate variables into a string, as glue's glue()

    Description:
        Each ``{name}`` in ``template`` is replaced by the value of the
        variable ``name`` (R's ``as.character``; a vector gives one string
        per element, a zero-length one no string); ``{{`` and ``}}`` are
        literal braces.  Only names are looked up: a template written in
        the R script is translated, its ``{expressions}`` with it, and this
        function serves templates known only when the code runs (R's dots
        in a name read as underscores, as the translation names them).

    Arguments:
        template: The template, a string.
        envir: The variables, a mapping (R's ``.envir``; default: the
            caller's, as glue's ``parent.frame()``).

    Value:
        A ``str``, or a character vector when a value has several elements.

    Examples:
        >>> from kerasfn.base_r import glue
        >>> epoch = 2
        >>> glue("Start epoch {epoch} of training")
        'Start epoch 2 of training'
        >>> glue("{{literal}} {n}", {"n": [1, 2]})
        array(['{literal} 1', '{literal} 2'], dtype=object)

    See also:
        :func:`kerasfn.base_r.paste0`
    """
    if not isinstance(template, str):
        raise TypeError(f"`template` must be a string; received {template!r}")
    if envir is None:
        caller = sys._getframe(1)
        envir = {**caller.f_globals, **caller.f_locals}
    if not isinstance(envir, Mapping):
        raise TypeError(f"`envir` must be a mapping of names to values; received {type(envir).__name__}")
    values = [_glue_value(text.strip(), envir) if is_code else text for is_code, text in glue_pieces(template)]
    if any(not is_scalar(value) and np.size(value) == 0 for value in values):
        return text_vector([])  # glue: a zero-length value gives no string
    return paste0(*values)


def _glue_value(name: str, envir: Mapping[str, Any]) -> Any:
    if not _R_NAME.fullmatch(name):
        raise ValueError(f"`template`: only variable names can be filled in when the code runs, not {{{name}}}")
    for candidate in (name, name.replace(".", "_")):
        if candidate in envir:
            return envir[candidate]
    raise ValueError(f"`template`: object '{name}' not found")


def parent_frame() -> dict[str, Any]:
    """The variables of the caller's caller, as R's parent.frame()

    Description:
        Called in a function's body (or its arguments to another
        function), the variables of the code that called that function:
        R's ``parent.frame()``, for ``glue(template, parent_frame())``.

    Value:
        A dict of name to value (a copy).

    Examples:
        >>> from kerasfn.base_r import glue, parent_frame
        >>> def show(msg):
        ...     return glue(msg, parent_frame())
        >>> def on_epoch(epoch):
        ...     return show("epoch {epoch}")
        >>> on_epoch(3)
        'epoch 3'

    See also:
        :func:`kerasfn.base_r.glue`
    """
    frame = sys._getframe(2)
    return {**frame.f_globals, **frame.f_locals}


_SPEC = re.compile(r"%(?:(\d+)\$)?([-+ 0#]*)(\*|\d+)?(?:\.(\d+))?([sdifeEgGxXo%])")


def _one_spec(flags: str, width: str | None, precision: str | None, conversion: str, value: Any) -> str:
    spec = "%" + flags + (width or "") + ("." + precision if precision is not None else "")
    if value is None or (isinstance(value, float) and math.isnan(value) and conversion != "s"):
        return ("%" + flags.replace("0", "") + (width or "") + "s") % "NA"
    if conversion == "s":
        text = _texts([value])[0] if not isinstance(value, str) else value
        return (spec + "s") % ("NA" if text is None else text)
    if conversion in "dixXo":
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(f"invalid format '{spec}{conversion}'; use format %f, %e, %g or %a for "
                                 "numeric objects")
            value = int(value)
        if isinstance(value, str):
            raise ValueError(f"invalid format '{spec}{conversion}'; use format %s for character objects")
        return (spec + ("d" if conversion == "i" else conversion)) % int(value)
    if isinstance(value, str):
        raise ValueError(f"invalid format '{spec}{conversion}'; use format %s for character objects")
    return (spec + conversion) % float(value)


def sprintf(fmt: Any, *args: Any) -> Any:
    """Formatted strings, vectorised, as R's sprintf()

    Description:
        C-style formatting as R does it, element by element: ``fmt`` and
        every argument are recycled to the longest.  ``%s`` writes a number
        as R's ``as.character`` (``sprintf("%s", 1e6)`` is ``"1e+06"``),
        ``%d`` takes whole doubles, ``%5.2f``, ``%e``, ``%g``, ``%x``,
        ``%%``, ``%2$s`` (argument by number) and ``*`` widths read as in R;
        missing values print as ``NA``.

    Arguments:
        fmt: The format string(s).
        *args: The values.

    Value:
        A ``str`` when every argument is a single value, else a character
        vector.

    Examples:
        >>> from kerasfn.base_r import sprintf
        >>> sprintf("%.2f", [1.234, 5.678])
        array(['1.23', '5.68'], dtype=object)
        >>> sprintf("Epoch %d: %.4f", 1, 0.5)
        'Epoch 1: 0.5000'

    See also:
        :func:`kerasfn.base_r.paste`, :func:`kerasfn.base_r.formatC`
    """
    formats = _texts(fmt)
    columns = [a.values.tolist() if isinstance(a, NamedVector) else
               (list(a) if isinstance(a, (list, tuple)) else as_vector(a).reshape(-1).tolist()) for a in args]
    if any(len(c) == 0 for c in columns) or not formats:
        return text_vector([])
    n = max([len(formats), *(len(c) for c in columns)])
    out = []
    for i in range(n):
        template = formats[i % len(formats)]
        values = [c[i % len(c)] for c in columns]
        next_argument = 0

        def substitute(match: re.Match) -> str:
            nonlocal next_argument
            position, flags, width, precision, conversion = match.groups()
            if conversion == "%":
                return "%"
            if width == "*":
                width = str(int(values[next_argument]))
                next_argument += 1
            if position:
                index = int(position) - 1
            else:
                index = next_argument
                next_argument += 1
            if index >= len(values):
                raise ValueError(f"too few arguments for the format {template!r}")
            value = values[index]
            return _one_spec(flags, width, precision, conversion, value.item() if isinstance(value, np.generic)
                             else value)

        out.append(_SPEC.sub(substitute, template))
    return _result(out, fmt, *args)


def _big_mark(text: str, mark: str) -> str:
    if not mark:
        return text
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("-")
    whole, dot, rest = body.partition(".")
    if not whole.isdigit():
        return text
    grouped = f"{int(whole):,}".replace(",", mark)
    return sign + grouped + dot + rest


def format(x: Any, digits: int | None = None, nsmall: int = 0, width: int = 0, big_mark: str = "",
           scientific: bool | None = None, justify: str = "left") -> Any:
    """Format values in a common layout, as R's format()

    Description:
        R's ``format()``: numbers of a vector share one layout (``digits``
        significant digits, default 7; the same number of decimals, at
        least ``nsmall``; fixed or scientific notation as R chooses) and
        are padded to one width; strings are padded to the widest
        (left-justified by default); logicals are ``TRUE``/``FALSE``.

    Arguments:
        x: A value or vector.
        digits: Significant digits (R's default 7).
        nsmall: The least number of decimals in fixed notation.
        width: The least width.
        big_mark: Thousands separator (R's ``big.mark``).
        scientific: ``True``/``False`` to force or forbid scientific
            notation (default: R's choice).
        justify: ``"left"``, ``"right"`` or ``"centre"`` for strings.

    Value:
        A ``str`` for a single value, else a character vector (named when
        ``x`` is).

    Examples:
        >>> from kerasfn.base_r import format
        >>> format(3.14159, nsmall=2), format(2, nsmall=2), format(1234567.891, big_mark=",")
        ('3.14159', '2.00', '1,234,568')
        >>> format([1, 10, 100])
        array(['  1', ' 10', '100'], dtype=object)

    See also:
        :func:`kerasfn.base_r.formatC`, :func:`kerasfn.base_r.sprintf`
    """
    values = as_vector(x.labels() if isinstance(x, Factor) else x).reshape(-1)
    kind = values.dtype.kind
    if kind == "f" or (kind in "iu" and (nsmall or scientific)):
        cells = format_real(values.astype(float), digits=7 if digits is None else int(digits), nsmall=int(nsmall),
                            scientific=scientific)
        cells = [_big_mark(c, big_mark) for c in cells]
        right = True
    elif kind in "iu":
        cells = [_big_mark(str(int(v)), big_mark) for v in values]
        right = True
    elif kind == "b":
        cells = ["TRUE" if v else "FALSE" for v in values]
        right = True
    else:
        cells = ["NA" if t is None else t for t in _texts(values)]
        right = justify == "right"
    size = max([int(width), *(len(c) for c in cells)]) if cells else 0
    if justify == "centre" and not right:
        cells = [c.center(size) for c in cells]
    else:
        cells = [c.rjust(size) if right else c.ljust(size) for c in cells]
    out = text_vector(cells)
    if isinstance(x, NamedVector):
        return NamedVector(out, x.names)
    return scalarize(out, x)


def formatC(x: Any, width: int = 0, digits: int | None = None, format: str | None = None,  # noqa: A002, N802
            flag: str = "", big_mark: str = "") -> Any:
    """C-style formatting of each value, as R's formatC()

    Description:
        Formats each value on its own with C's ``printf`` conversions:
        ``format`` is ``"d"`` (integers; doubles truncated toward zero, as R),
        ``"f"``, ``"e"``, ``"E"``, ``"g"``, ``"G"``, ``"fg"`` or ``"s"``;
        the default is ``"d"`` for integers, ``"g"`` for doubles and ``"s"``
        for strings; without ``digits``, R's 4 (decimals for ``"f"`` and
        ``"e"``, significant digits for ``"g"``).  ``width`` pads on the left (on the right when
        negative or with ``flag = "-"``); ``flag = "0"`` pads with zeros.

    Arguments:
        x: A value or vector.
        width: The total width.
        digits: Digits after the point (``"f"``, ``"e"``) or significant
            digits (``"g"``).
        format: The conversion.
        flag: Any of ``"-"``, ``"0"``, ``"+"``, ``" "``, ``"#"``.
        big_mark: Thousands separator (R's ``big.mark``).

    Value:
        A ``str`` for a single value, else a character vector.

    Examples:
        >>> from kerasfn.base_r import formatC
        >>> formatC(3.14159, digits=3, format="f"), formatC(42, width=8, flag="0")
        ('3.142', '00000042')
        >>> formatC("a", width=-5)
        'a    '

    See also:
        :func:`kerasfn.base_r.format`, :func:`kerasfn.base_r.sprintf`
    """
    values = as_vector(x).reshape(-1)
    kind = values.dtype.kind
    if format is None:
        format = "s" if kind == "O" else "d" if kind in "iub" or (isinstance(x, numbers.Integral)) else "g"
    left = width < 0 or "-" in flag
    size = abs(int(width))
    flags = flag.replace("-", "")
    cells = []
    for v in values.tolist():
        if format == "s":
            text = str(v)
            flags_s = ""
        elif v is None or (isinstance(v, float) and math.isnan(v)):
            text, flags_s = "NA", ""
        elif format == "d":
            text = ("%" + flags + "d") % int(float(v))  # R truncates toward zero here
            flags_s = flags
        elif format == "fg":
            significant = 6 if digits is None else int(digits)
            text = format_real([float(v)], digits=significant, scientific=False)[0]
            flags_s = flags
        else:
            precision = 4 if digits is None else digits  # R's default for every conversion
            text = ("%" + flags + "." + str(int(precision)) + format) % float(v)
            flags_s = flags
        text = _big_mark(text, big_mark)
        if "0" in flags_s and not left and len(text) < size:
            sign = text[0] if text[0] in "+- " else ""
            text = sign + text[len(sign):].rjust(size - len(sign), "0")
        cells.append(text.ljust(size) if left else text.rjust(size))
    return scalarize(text_vector(cells), x)


def _keep_names(x: Any, out: np.ndarray) -> Any:
    if isinstance(x, NamedVector):
        return NamedVector(out, x.names)
    return scalarize(out, x)


def nchar(x: Any) -> Any:
    """Number of characters, as R's nchar()

    Description:
        The number of characters of each string (numbers as R writes them,
        ``nchar(123)`` is 3).

    Arguments:
        x: A string or character vector.

    Value:
        An ``int``, or an integer vector.

    Examples:
        >>> from kerasfn.base_r import nchar
        >>> nchar(["abc", "", "de"])
        array([3, 0, 2])

    See also:
        :func:`kerasfn.base_r.substr`, :func:`kerasfn.base_r.length`
    """
    return _keep_names(x, np.array([2 if t is None else len(t) for t in _texts(x)], dtype=np.int64))


def toupper(x: Any) -> Any:
    """Upper case, as R's toupper()

    Description:
        Each string in upper case; missing values stay missing.

    Arguments:
        x: A string or character vector.

    Value:
        A ``str``, or a character vector.

    Examples:
        >>> from kerasfn.base_r import toupper
        >>> toupper("abc")
        'ABC'

    See also:
        :func:`kerasfn.base_r.tolower`
    """
    return _keep_names(x, text_vector([None if t is None else t.upper() for t in _texts(x)]))


def tolower(x: Any) -> Any:
    """Lower case, as R's tolower()

    Description:
        Each string in lower case; missing values stay missing.

    Arguments:
        x: A string or character vector.

    Value:
        A ``str``, or a character vector.

    Examples:
        >>> from kerasfn.base_r import tolower
        >>> tolower("ABC")
        'abc'

    See also:
        :func:`kerasfn.base_r.toupper`
    """
    return _keep_names(x, text_vector([None if t is None else t.lower() for t in _texts(x)]))


def substr(x: Any, start: int, stop: int) -> Any:
    """Substrings, as R's substr()

    Description:
        Characters ``start`` to ``stop`` of each string, R-numbered
        (1-based, both ends included), clipped to the string; empty when
        ``start > stop``.

    Arguments:
        x: A string or character vector.
        start: The first character, 1-based as in R.
        stop: The last character, 1-based, included.

    Value:
        A ``str``, or a character vector.

    Examples:
        >>> from kerasfn.base_r import substr
        >>> substr("abcdef", 2, 4)
        'bcd'

    See also:
        :func:`kerasfn.base_r.nchar`, :func:`kerasfn.base_r.strsplit`
    """
    first, last = max(int(start), 1), int(stop)
    return _keep_names(x, text_vector([None if t is None else t[first - 1:max(last, first - 1)]
                                       for t in _texts(x)]))


_POSIX_CLASSES = {
    "[:alpha:]": "a-zA-Z", "[:digit:]": "0-9", "[:alnum:]": "a-zA-Z0-9", "[:upper:]": "A-Z",
    "[:lower:]": "a-z", "[:space:]": r"\s", "[:blank:]": r" \t", "[:xdigit:]": "0-9A-Fa-f",
    "[:punct:]": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"), "[:cntrl:]": r"\x00-\x1f\x7f",
    "[:print:]": r"\x20-\x7e", "[:graph:]": r"\x21-\x7e",
}


def _regex(pattern: str, fixed: bool, ignore_case: bool) -> re.Pattern:
    if not isinstance(pattern, str):
        raise TypeError(f"`pattern` must be a string, not {pattern!r}")
    if fixed:
        return re.compile(re.escape(pattern))
    for posix, python in _POSIX_CLASSES.items():
        pattern = pattern.replace(posix, python)
    return re.compile(pattern, re.IGNORECASE if ignore_case else 0)


def _replacement(template: str, fixed: bool, perl: bool) -> Any:
    if fixed:
        return lambda match: template

    def expand(match: re.Match) -> str:
        out, case, i = [], None, 0
        while i < len(template):
            char = template[i]
            if char == "\\" and i + 1 < len(template):
                code = template[i + 1]
                i += 2
                if code.isdigit():
                    piece = match.group(int(code)) if int(code) <= (match.re.groups or 0) or code == "0" else ""
                    piece = piece or ""
                elif perl and code in "ULE":
                    case = None if code == "E" else code
                    continue
                else:
                    piece = code
            else:
                piece = char
                i += 1
            out.append(piece.upper() if case == "U" else piece.lower() if case == "L" else piece)
        return "".join(out)

    return expand


def _substitute(pattern: str, replacement: str, x: Any, count: int, ignore_case: bool, perl: bool,
                fixed: bool) -> Any:
    regex = _regex(pattern, fixed, ignore_case)
    replace = _replacement(replacement, fixed, perl)
    return _keep_names(x, text_vector([None if t is None else regex.sub(replace, t, count=count)
                                       for t in _texts(x)]))


def gsub(pattern: str, replacement: str, x: Any, ignore_case: bool = False, perl: bool = False,
         fixed: bool = False) -> Any:
    """Replace every match, as R's gsub()

    Description:
        Replaces all matches of a regular expression in each string.  R's
        extended regular expressions are read as Python's ``re`` (they
        agree on the common syntax; POSIX classes such as ``[[:punct:]]``
        and ``[[:space:]]`` are translated); ``\\\\1`` in ``replacement``
        refers to a group, and with ``perl`` ``\\\\U``/``\\\\L``/``\\\\E``
        change case.  ``fixed`` matches the pattern literally.

    Arguments:
        pattern: The regular expression.
        replacement: The replacement.
        x: A string or character vector.
        ignore_case: Whether matching ignores case (R's ``ignore.case``).
        perl: Whether the pattern is Perl-like (Python's ``re`` reads both).
        fixed: Whether the pattern is a literal string.

    Value:
        A ``str``, or a character vector.

    Examples:
        >>> from kerasfn.base_r import gsub
        >>> gsub("a", "X", "banana")
        'bXnXnX'
        >>> gsub("[[:punct:]]", "", "a,b.c!")
        'abc'

    See also:
        :func:`kerasfn.base_r.sub`, :func:`kerasfn.base_r.grepl`
    """
    return _substitute(pattern, replacement, x, 0, ignore_case, perl, fixed)


def sub(pattern: str, replacement: str, x: Any, ignore_case: bool = False, perl: bool = False,
        fixed: bool = False) -> Any:
    """Replace the first match, as R's sub()

    Description:
        As :func:`kerasfn.base_r.gsub`, replacing only the first match in
        each string.

    Arguments:
        pattern: The regular expression.
        replacement: The replacement.
        x: A string or character vector.
        ignore_case: Whether matching ignores case.
        perl: Whether the pattern is Perl-like.
        fixed: Whether the pattern is a literal string.

    Value:
        A ``str``, or a character vector.

    Examples:
        >>> from kerasfn.base_r import sub
        >>> sub("a", "X", "banana")
        'bXnana'

    See also:
        :func:`kerasfn.base_r.gsub`
    """
    return _substitute(pattern, replacement, x, 1, ignore_case, perl, fixed)


def grepl(pattern: str, x: Any, ignore_case: bool = False, perl: bool = False, fixed: bool = False) -> Any:
    """Does each string match, as R's grepl()

    Description:
        Whether the regular expression (or literal string, with ``fixed``)
        occurs in each string.

    Arguments:
        pattern: The regular expression.
        x: A string or character vector.
        ignore_case: Whether matching ignores case.
        perl: Whether the pattern is Perl-like.
        fixed: Whether the pattern is a literal string.

    Value:
        A ``bool``, or a logical vector.

    Examples:
        >>> from kerasfn.base_r import grepl
        >>> grepl("an", ["banana", "apple"])
        array([ True, False])

    See also:
        :func:`kerasfn.base_r.gsub`
    """
    regex = _regex(pattern, fixed, ignore_case)
    return scalarize(np.array([t is not None and regex.search(t) is not None for t in _texts(x)]), x)


def strsplit(x: Any, split: str, fixed: bool = False, perl: bool = False) -> list:
    """Split strings, as R's strsplit()

    Description:
        Splits each string at the matches of ``split`` (a regular
        expression, or literal with ``fixed``; ``""`` splits into
        characters).  As in R, a match at the very end leaves no empty last
        piece, while empty pieces elsewhere are kept.

    Arguments:
        x: A string or character vector.
        split: Where to split.
        fixed: Whether ``split`` is literal.
        perl: Whether ``split`` is Perl-like.

    Value:
        A list with one character vector per string.

    Examples:
        >>> from kerasfn.base_r import strsplit
        >>> strsplit("a,b,,c", ",")
        [array(['a', 'b', '', 'c'], dtype=object)]

    See also:
        :func:`kerasfn.base_r.paste`, :func:`kerasfn.base_r.unlist`
    """
    regex = _regex(split, fixed, False) if split != "" else None
    out = []
    for text in _texts(x):
        if text is None:
            out.append(text_vector([None]))
            continue
        if regex is None:
            out.append(text_vector(list(text)))
            continue
        pieces, rest = [], text
        while rest:
            match = regex.search(rest)
            if match is None:
                pieces.append(rest)
                break
            if match.end() == 0:
                pieces.append(rest[0])
                rest = rest[1:]
                continue
            pieces.append(rest[:match.start()])
            rest = rest[match.end():]
        out.append(text_vector(pieces))
    return out
