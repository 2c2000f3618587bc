"""R's base functions that R keras3 scripts use, with R's semantics, for ported scripts.

An R keras3 script calls base R as much as keras: ``paste()``, ``cat()``,
``seq_len()``, ``rbind()``, ``sapply()``, ``as.data.frame(history)``...  These
functions carry R's names (``.`` replaced by ``_``: ``as.data.frame`` is
:func:`as_data_frame`; a trailing ``_`` where the name is a Python built-in:
``round_``, ``sum_``, ``max_``, ``min_``, ``abs_``, ``range_``, ``print_``,
``str_``, ``class_``) and R's semantics, checked against R: R's number
formatting in ``cat()``/``print_()``/``paste()``, R's rounding, column-major
matrices, names kept where R keeps them.  They are not exported by
``from kerasfn import *`` (they would shadow Python's built-ins); import them
from here: ``from kerasfn.base_r import paste, cat, seq_len``.

Values.  R vectors are NumPy arrays: doubles ``float64``, integers an integer
dtype (a Python ``int`` is R's integer, a ``float`` R's double), logicals
``bool``, character vectors ``object`` arrays of ``str``.  Named atomic
vectors are :class:`NamedVector`, named lists ``dict``, unnamed lists
``list`` (functions that take a vector also take a list of numbers or
strings as one; those that keep their argument's structure, such as
:func:`rev`, :func:`head`, :func:`Filter`, :func:`setNames`, :func:`rep`,
return a list for a list), ``NULL`` ``None``, factors :class:`Factor`, data frames
:class:`DataFrame`, matrices 2-d arrays holding R's values in R's places
(``matrix(1:6, 2)`` is ``[[1, 3, 5], [2, 4, 6]]``).  A result of length one
is a Python scalar when every input was a scalar.  Tensors and shapes are
read through NumPy wherever R scripts pass them.  A NaN stands for R's
``NA`` (and ``NaN``): printed ``NA``.

Positions.  Functions that return positions (:func:`which`, :func:`order`,
:func:`which_max`, :func:`which_min`) return 0-based positions, as Python
indexing needs (kerasfn's porting rule).  Values stay R's values:
``seq_len(3)`` is ``1, 2, 3``, ``sample(5)`` a permutation of ``1:5``.
Arguments naming R dimensions (``apply(x, 1, f)``) and R positions
(``substr(x, 2, 4)``, ``switch(2, ...)``) keep R's numbering.

Random numbers.  :func:`sample` and :func:`runif` draw from R's own
generator (Mersenne-Twister, seeded by :func:`set_seed` as R's
``set.seed()`` seeds it): R's draws.

Importing this module changes nothing in the process.
"""

from __future__ import annotations

from kerasfn.base_r import functional
from kerasfn.base_r._values import Factor, NamedVector, Table
from kerasfn.base_r.printing import cat, print_
from kerasfn.base_r.structure import str_
from kerasfn.base_r.vectors import (
    character, head, integer, length, logical, names, numeric, order, rep, rev, runif, sample, sample_int, seq, seq_along,
    seq_len, setNames, sort, tail, unique, unlist, which, which_max, which_min
)
from kerasfn.base_r.conversions import (
    as_character, as_integer, as_logical, as_numeric, as_py_array, as_py_index, is_na, is_null, is_numeric, r_to_py
)
from kerasfn.base_r.factors import factor, levels, nlevels, table
from kerasfn.base_r.stats import (
    abs_, cor, cumprod, cumsum, diff, exp, log, max_, mean, median, min_, prod, quantile, range_, round_, sd,
    signif, sqrt, sum_, var
)
from kerasfn.base_r.matrices import (
    apply, array, cbind, colMeans, colSums, dim, drop, matrix, ncol, nrow, outer, rbind, rowMeans, rowSums, scale,
    sweep, t
)
from kerasfn.base_r.strings import (
    format, formatC, glue, grepl, gsub, nchar, parent_frame, paste, paste0, sprintf, strsplit, sub, substr, tolower, toupper
)
from kerasfn.base_r.functional import (
    do_call, Filter, ifelse, invisible, lapply, Map, Reduce, sapply, switch, tapply, vapply
)
from kerasfn.base_r.conditions import message, RError, RWarning, stop, stopifnot, warning
from kerasfn.base_r.types import all_equal, class_, identical, inherits, isFALSE, isTRUE
from kerasfn.base_r.files import (
    basename, dir_create, dirname, file_exists, file_path, list_files, readLines, set_seed, Sys_getenv,
    Sys_setenv, Sys_time, tempdir, tempfile, unlink, writeLines
)
from kerasfn.base_r.frames import as_data_frame, data_frame, DataFrame

__all__ = [
    "abs_",
    "all_equal",
    "apply",
    "array",
    "as_character",
    "as_data_frame",
    "as_integer",
    "as_logical",
    "as_numeric",
    "as_py_array",
    "as_py_index",
    "basename",
    "cat",
    "cbind",
    "character",
    "class_",
    "colMeans",
    "colSums",
    "cor",
    "cumprod",
    "cumsum",
    "data_frame",
    "DataFrame",
    "diff",
    "dim",
    "dir_create",
    "dirname",
    "do_call",
    "drop",
    "exp",
    "Factor",
    "factor",
    "file_exists",
    "file_path",
    "Filter",
    "format",
    "formatC",
    "glue",
    "grepl",
    "gsub",
    "head",
    "identical",
    "ifelse",
    "inherits",
    "integer",
    "invisible",
    "is_na",
    "is_null",
    "is_numeric",
    "isFALSE",
    "isTRUE",
    "lapply",
    "length",
    "levels",
    "list_files",
    "log",
    "logical",
    "Map",
    "matrix",
    "max_",
    "mean",
    "median",
    "message",
    "min_",
    "NamedVector",
    "names",
    "nchar",
    "ncol",
    "nlevels",
    "nrow",
    "numeric",
    "order",
    "outer",
    "parent_frame",
    "paste",
    "paste0",
    "print_",
    "prod",
    "quantile",
    "range_",
    "r_to_py",
    "rbind",
    "readLines",
    "Reduce",
    "rep",
    "RError",
    "rev",
    "round_",
    "rowMeans",
    "rowSums",
    "RWarning",
    "runif",
    "sample",
    "sample_int",
    "sapply",
    "scale",
    "sd",
    "seq",
    "seq_along",
    "seq_len",
    "set_seed",
    "setNames",
    "signif",
    "sort",
    "sprintf",
    "sqrt",
    "stop",
    "stopifnot",
    "str_",
    "strsplit",
    "sub",
    "substr",
    "sum_",
    "sweep",
    "switch",
    "Sys_getenv",
    "Sys_setenv",
    "Sys_time",
    "t",
    "Table",
    "table",
    "tail",
    "tapply",
    "tempdir",
    "tempfile",
    "tolower",
    "toupper",
    "unique",
    "unlink",
    "unlist",
    "vapply",
    "var",
    "warning",
    "which",
    "which_max",
    "which_min",
    "writeLines",
]

# do_call("rbind", ...) finds the functions exported here by name.
functional.EXPORTS_BY_NAME.update((name, globals()[name]) for name in __all__)
