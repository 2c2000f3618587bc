"""Arithmetic and summaries: R's rounding, sums, extremes, moments and quantiles."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from kerasfn.base_r._format import format_real
from kerasfn.base_r._values import NamedVector, as_vector, is_scalar, wrap_like

__all__ = ["abs_", "cor", "cumprod", "cumsum", "diff", "exp", "log", "max_", "mean", "median", "min_", "prod",
           "quantile", "range_", "round_", "sd", "signif", "sqrt", "sum_", "var"]


def _numbers(x: Any, name: str = "x") -> np.ndarray:
    values = as_vector(x)
    if values.dtype.kind == "O":
        try:
            values = values.astype(float)
        except (TypeError, ValueError):
            raise TypeError(f"`{name}` must be numeric, not {x!r}") from None
    if values.dtype.kind not in "biuf":
        raise TypeError(f"`{name}` must be numeric, not {x!r}")
    return values.astype(np.int64) if values.dtype.kind == "b" else values


def _all(args: tuple, na_rm: bool) -> np.ndarray:
    parts = [_numbers(a).reshape(-1) for a in args if a is not None]
    values = np.concatenate(parts) if parts else np.array([], dtype=np.int64)
    if na_rm and values.dtype.kind == "f":
        values = values[~np.isnan(values)]
    return values


def _round_one(value: float, digits: int) -> float:
    """R 4's ``fround()`` (src/nmath/fround.c): of the two candidates with ``digits`` decimals around
    ``value``, the nearer in double arithmetic; on a tie, the one whose last digit is even."""
    if not math.isfinite(value) or value == 0:
        return value
    if digits == 0:
        return float(np.rint(value))
    if digits > 323:
        return value
    if digits < -308:
        return 0.0
    sign = -1.0 if value < 0 else 1.0
    x = abs(value)
    if math.log10(2) * (0.5 + math.frexp(x)[1] - 1) + digits > 15:  # more digits than a double holds
        return value
    pow10 = 10.0 ** digits if digits > 0 else 1 / 10.0 ** -digits
    x10 = pow10 * x
    i10 = math.floor(x10)
    down, up = i10 / pow10, math.ceil(x10) / pow10
    above, below = up - x, x - down
    return sign * (up if above < below or (above == below and i10 % 2 == 1) else down)


def round_(x: Any, digits: int = 0) -> Any:
    """Round to decimal places, as R's round()

    Description:
        R's ``round(x, digits)``: to the nearest value with ``digits``
        decimals (negative: tens, hundreds, ...), halves to the even digit
        (``round(0.5)`` is 0, ``round(2.5)`` is 2), with R 4's algorithm:
        the nearer of the two candidates in double arithmetic
        (``round(2.675, 2)`` is 2.67, ``round(2.355, 2)`` is 2.36, as in R;
        Python's ``round`` gives 2.35 there and ``numpy.round`` 2.68 for
        the first).

    Arguments:
        x: A number, vector, matrix or tensor.
        digits: Decimal places.

    Value:
        Doubles, shaped as ``x`` (a ``float`` for a single number).

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import round_
        >>> round_(2.5), round_(2.675, 2), round_(1234.5678, -2)
        (2.0, 2.67, 1200.0)
        >>> round_(np.array([0.12345, 2.0]), 2)
        array([0.12, 2.  ])

    See also:
        :func:`kerasfn.base_r.signif`
    """
    digits = int(digits)
    values = _numbers(x).astype(float)
    flat = np.array([_round_one(v, digits) for v in values.reshape(-1).tolist()], dtype=float)
    return wrap_like(x, flat.reshape(values.shape)) if not isinstance(x, np.ndarray) else flat.reshape(values.shape)


def signif(x: Any, digits: int = 6) -> Any:
    """Round to significant digits, as R's signif()

    Description:
        Each value rounded to ``digits`` significant digits (at least 1),
        halves to even as :func:`kerasfn.base_r.round_`.

    Arguments:
        x: A number or vector.
        digits: Significant digits.

    Value:
        Doubles, shaped as ``x``.

    Examples:
        >>> from kerasfn.base_r import signif
        >>> signif(123456, 2), signif(0.00012345, 3)
        (120000.0, 0.000123)

    See also:
        :func:`kerasfn.base_r.round_`
    """
    digits = max(1, int(digits))
    values = _numbers(x).astype(float)

    def one(v: float) -> float:
        if v == 0 or not math.isfinite(v):
            return v
        return _round_one(v, digits - 1 - int(math.floor(math.log10(abs(v)))))

    flat = np.array([one(v) for v in values.reshape(-1).tolist()], dtype=float)
    return wrap_like(x, flat.reshape(values.shape)) if not isinstance(x, np.ndarray) else flat.reshape(values.shape)


def sum_(*args: Any, na_rm: bool = False) -> Any:
    """Sum of values, as R's sum()

    Description:
        The sum of all values of all arguments: integers (and logicals)
        give an ``int``, doubles a ``float``; a missing value makes the sum
        missing unless ``na_rm``.

    Arguments:
        *args: Numbers, vectors, matrices or tensors.
        na_rm: Whether to drop missing values (R's ``na.rm``).

    Value:
        An ``int`` or ``float``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import sum_
        >>> sum_(np.arange(1, 11)), sum_([1.5, 2.5], 3)
        (55, 7.0)

    See also:
        :func:`kerasfn.base_r.prod`, :func:`kerasfn.base_r.cumsum`
    """
    values = _all(args, na_rm)
    return int(values.sum()) if values.dtype.kind in "iu" else float(values.sum())


def prod(*args: Any, na_rm: bool = False) -> float:
    """Product of values, as R's prod()

    Description:
        The product of all values, always a double as in R.

    Arguments:
        *args: Numbers or vectors.
        na_rm: Whether to drop missing values.

    Value:
        A ``float``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import prod
        >>> prod(np.arange(1, 7))
        720.0

    See also:
        :func:`kerasfn.base_r.sum_`, :func:`kerasfn.base_r.cumprod`
    """
    return float(np.prod(_all(args, na_rm).astype(float)))


def _extreme(args: tuple, na_rm: bool, pick: Any, empty: float) -> Any:
    if any(as_vector(a).dtype.kind in "OU" for a in args if a is not None):
        values = [v for a in args for v in as_vector(a).tolist() if v is not None or not na_rm]
        return pick(values) if None not in values else None
    values = _all(args, na_rm)
    if values.size == 0:
        return empty
    if values.dtype.kind == "f" and np.isnan(values).any():
        return math.nan
    result = pick(values)
    return int(result) if values.dtype.kind in "iu" else float(result)


def max_(*args: Any, na_rm: bool = False) -> Any:
    """Largest value, as R's max()

    Description:
        The largest of all values of all arguments (integers stay
        integers; strings compare as strings); missing if any is missing
        unless ``na_rm``; ``-Inf`` for no values.

    Arguments:
        *args: Numbers or vectors.
        na_rm: Whether to drop missing values.

    Value:
        An ``int``, ``float`` or ``str``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import max_
        >>> max_([1, 5, 3]), max_(np.arange(1, 4), 10)
        (5, 10)

    See also:
        :func:`kerasfn.base_r.min_`, :func:`kerasfn.base_r.range_`, :func:`kerasfn.base_r.which_max`
    """
    return _extreme(args, na_rm, max, -math.inf)


def min_(*args: Any, na_rm: bool = False) -> Any:
    """Smallest value, as R's min()

    Description:
        The smallest of all values of all arguments; missing if any is
        missing unless ``na_rm``; ``Inf`` for no values.

    Arguments:
        *args: Numbers or vectors.
        na_rm: Whether to drop missing values.

    Value:
        An ``int``, ``float`` or ``str``.

    Examples:
        >>> from kerasfn.base_r import min_
        >>> min_([2, float("nan"), 1]), min_([2, float("nan"), 1], na_rm=True)
        (nan, 1.0)

    See also:
        :func:`kerasfn.base_r.max_`
    """
    return _extreme(args, na_rm, min, math.inf)


def range_(*args: Any, na_rm: bool = False) -> np.ndarray:
    """Smallest and largest value, as R's range()

    Description:
        ``c(min(...), max(...))``.

    Arguments:
        *args: Numbers or vectors.
        na_rm: Whether to drop missing values.

    Value:
        A length-2 array.

    Examples:
        >>> from kerasfn.base_r import range_
        >>> range_([3, 1, 9])
        array([1, 9])

    See also:
        :func:`kerasfn.base_r.min_`, :func:`kerasfn.base_r.max_`
    """
    return np.array([min_(*args, na_rm=na_rm), max_(*args, na_rm=na_rm)])


def cumsum(x: Any) -> Any:
    """Cumulative sums, as R's cumsum()

    Description:
        Running sums (integers stay integers).

    Arguments:
        x: A vector.

    Value:
        A vector as long as ``x``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import cumsum
        >>> cumsum(np.arange(1, 6))
        array([ 1,  3,  6, 10, 15])

    See also:
        :func:`kerasfn.base_r.cumprod`, :func:`kerasfn.base_r.sum_`
    """
    return wrap_like(x, np.cumsum(_numbers(x).reshape(-1)))


def cumprod(x: Any) -> Any:
    """Cumulative products, as R's cumprod()

    Description:
        Running products, as doubles (as R).

    Arguments:
        x: A vector.

    Value:
        A double vector as long as ``x``.

    Examples:
        >>> from kerasfn.base_r import cumprod
        >>> cumprod([1, 2, 3, 4])
        array([ 1.,  2.,  6., 24.])

    See also:
        :func:`kerasfn.base_r.cumsum`
    """
    return wrap_like(x, np.cumprod(_numbers(x).reshape(-1).astype(float)))


def diff(x: Any, lag: int = 1, differences: int = 1) -> np.ndarray:
    """Lagged differences, as R's diff()

    Description:
        ``x[i + lag] - x[i]``, repeated ``differences`` times (a matrix
        differences its rows).

    Arguments:
        x: A vector or matrix.
        lag: The lag.
        differences: The order of differencing.

    Value:
        A shorter vector (or matrix).

    Examples:
        >>> from kerasfn.base_r import diff
        >>> diff([1, 4, 9, 16])
        array([3, 5, 7])
        >>> diff([1, 4, 9, 16], lag=2)
        array([ 8, 12])

    See also:
        :func:`kerasfn.base_r.cumsum`
    """
    values = _numbers(x)
    for _ in range(int(differences)):
        values = values[int(lag):] - values[:-int(lag)] if values.shape[0] > int(lag) else values[:0]
    return values


def _elementwise(x: Any, function: Any, name: str) -> Any:
    values = _numbers(x, name)
    result = function(values)
    if isinstance(x, NamedVector):
        return NamedVector(result, x.names)
    return result.reshape(-1)[0].item() if is_scalar(x) else result


def abs_(x: Any) -> Any:
    """Absolute values, as R's abs()

    Description:
        Element by element; integers stay integers.

    Arguments:
        x: A number, vector, matrix or tensor.

    Value:
        Shaped as ``x``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import abs_
        >>> abs_(np.arange(-2, 3))
        array([2, 1, 0, 1, 2])

    See also:
        :func:`kerasfn.base_r.sqrt`
    """
    return _elementwise(x, np.abs, "x")


def sqrt(x: Any) -> Any:
    """Square roots, as R's sqrt()

    Description:
        Element by element, as doubles (a negative value gives NaN).

    Arguments:
        x: A number, vector, matrix or tensor.

    Value:
        Doubles shaped as ``x``.

    Examples:
        >>> from kerasfn.base_r import sqrt
        >>> sqrt([4, 9])
        array([2., 3.])

    See also:
        :func:`kerasfn.base_r.exp`, :func:`kerasfn.base_r.log`
    """
    with np.errstate(invalid="ignore"):
        return _elementwise(x, lambda v: np.sqrt(v.astype(float)), "x")


def exp(x: Any) -> Any:
    """Exponential, as R's exp()

    Description:
        ``e`` to the power of each value.

    Arguments:
        x: A number, vector, matrix or tensor.

    Value:
        Doubles shaped as ``x``.

    Examples:
        >>> from kerasfn.base_r import exp
        >>> round(exp(1), 6)
        2.718282

    See also:
        :func:`kerasfn.base_r.log`
    """
    return _elementwise(x, lambda v: np.exp(v.astype(float)), "x")


def log(x: Any, base: float = math.e) -> Any:
    """Logarithms, as R's log()

    Description:
        Natural logarithm, or to ``base`` (``log(100, 10)`` is 2); 0 gives
        ``-Inf``, negative values NaN, as in R.

    Arguments:
        x: A number, vector, matrix or tensor.
        base: The base.

    Value:
        Doubles shaped as ``x``.

    Examples:
        >>> from kerasfn.base_r import log
        >>> log(100, 10), log(8, base=2)
        (2.0, 3.0)

    See also:
        :func:`kerasfn.base_r.exp`
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        if base == math.e:
            return _elementwise(x, lambda v: np.log(v.astype(float)), "x")
        if base == 10:
            return _elementwise(x, lambda v: np.log10(v.astype(float)), "x")
        if base == 2:
            return _elementwise(x, lambda v: np.log2(v.astype(float)), "x")
        return _elementwise(x, lambda v: np.log(v.astype(float)) / math.log(base), "x")


def _moment_values(x: Any, na_rm: bool) -> np.ndarray:
    values = _numbers(x).reshape(-1).astype(float)
    return values[~np.isnan(values)] if na_rm else values


def mean(x: Any, na_rm: bool = False) -> float:
    """Arithmetic mean, as R's mean()

    Description:
        The mean of all values, a double; missing if any value is missing
        unless ``na_rm``.

    Arguments:
        x: A vector, matrix or tensor.
        na_rm: Whether to drop missing values.

    Value:
        A ``float``.

    Examples:
        >>> from kerasfn.base_r import mean
        >>> mean([1, 2, 3, 4])
        2.5

    See also:
        :func:`kerasfn.base_r.median`, :func:`kerasfn.base_r.sd`
    """
    values = _moment_values(x, na_rm)
    return float(values.mean()) if values.size else math.nan


def var(x: Any, y: Any = None, na_rm: bool = False) -> Any:
    """Variance or covariance matrix, as R's var()

    Description:
        The sample variance (denominator ``n - 1``) of a vector, or the
        covariance matrix of a matrix's columns (or of ``x`` and ``y``).

    Arguments:
        x: A vector or matrix.
        y: An optional second vector.
        na_rm: Whether to drop missing values (vectors only).

    Value:
        A ``float``, or a matrix.

    Examples:
        >>> from kerasfn.base_r import var
        >>> round(var([1, 2, 3, 4]), 6)
        1.666667

    See also:
        :func:`kerasfn.base_r.sd`
    """
    values = _numbers(x).astype(float)
    if values.ndim == 2 and y is None:
        return np.cov(values, rowvar=False, ddof=1).reshape(values.shape[1], values.shape[1])
    if y is not None:
        return float(np.cov(values.reshape(-1), _numbers(y).reshape(-1).astype(float), ddof=1)[0, 1])
    values = _moment_values(x, na_rm)
    return float(values.var(ddof=1)) if values.size > 1 else math.nan


def cor(x: Any, y: Any = None) -> Any:
    """Pearson correlation, as R's cor()

    Description:
        The correlation of two vectors, or the correlation matrix of a
        matrix's columns; ``NA`` where a vector is constant (R warns "the
        standard deviation is zero").

    Arguments:
        x: A vector or matrix.
        y: A second vector, of ``x``'s length.

    Value:
        A ``float``, or a matrix.

    Examples:
        >>> from kerasfn.base_r import cor
        >>> round(cor([1, 2, 3, 4], [2, 4, 5, 9]), 6)
        0.964764

    See also:
        :func:`kerasfn.base_r.var`
    """
    values = _numbers(x).astype(float)
    if values.ndim == 2 and y is None:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.corrcoef(values, rowvar=False).reshape(values.shape[1], values.shape[1])
    other = _numbers(y, "y").astype(float).reshape(-1)
    values = values.reshape(-1)
    if values.size != other.size:
        raise ValueError(f"`x` and `y` must have the same length, not {values.size} and {other.size}")
    spread = values.std() * other.std()
    if spread == 0:
        return math.nan
    return float(np.mean((values - values.mean()) * (other - other.mean())) / spread)


def sd(x: Any, na_rm: bool = False) -> float:
    """Standard deviation, as R's sd()

    Description:
        The sample standard deviation (denominator ``n - 1``).

    Arguments:
        x: A vector.
        na_rm: Whether to drop missing values.

    Value:
        A ``float``.

    Examples:
        >>> from kerasfn.base_r import sd
        >>> round(sd([1, 2, 3, 4]), 6)
        1.290994

    See also:
        :func:`kerasfn.base_r.var`, :func:`kerasfn.base_r.scale`
    """
    values = _moment_values(x, na_rm)
    return float(values.std(ddof=1)) if values.size > 1 else math.nan


def median(x: Any, na_rm: bool = False) -> Any:
    """Median, as R's median()

    Description:
        The middle value (an integer for an odd number of integers, as R);
        the mean of the two middle values otherwise.

    Arguments:
        x: A vector.
        na_rm: Whether to drop missing values.

    Value:
        An ``int`` or ``float``.

    Examples:
        >>> from kerasfn.base_r import median
        >>> median([5, 3, 1, 4]), median([5, 3, 1])
        (3.5, 3)

    See also:
        :func:`kerasfn.base_r.quantile`, :func:`kerasfn.base_r.mean`
    """
    values = _numbers(x).reshape(-1)
    if values.dtype.kind == "f":
        if np.isnan(values).any():
            if not na_rm:
                return math.nan
            values = values[~np.isnan(values)]
    if values.size == 0:
        return math.nan
    ordered = np.sort(values)
    middle = ordered.size // 2
    if ordered.size % 2:
        return int(ordered[middle]) if ordered.dtype.kind in "iu" else float(ordered[middle])
    return float((ordered[middle - 1] + ordered[middle]) / 2)


def quantile(x: Any, probs: Any = (0.0, 0.25, 0.5, 0.75, 1.0), na_rm: bool = False, names: bool = True) -> Any:
    """Sample quantiles, as R's quantile()

    Description:
        R's default (type 7) quantiles, named ``"0%"``, ``"25%"``, ...
        as R names them.

    Arguments:
        x: A numeric vector.
        probs: Probabilities in [0, 1].
        na_rm: Whether to drop missing values (R refuses them otherwise).
        names: Whether to name the result.

    Value:
        A :class:`kerasfn.base_r.NamedVector` (a double array without names).

    Examples:
        >>> from kerasfn.base_r import quantile
        >>> print(quantile([1, 2, 3, 4, 5]))
          0%  25%  50%  75% 100% 
           1    2    3    4    5 

    See also:
        :func:`kerasfn.base_r.median`
    """
    values = _numbers(x).reshape(-1).astype(float)
    if np.isnan(values).any():
        if not na_rm:
            raise ValueError("missing values are not allowed in `x` unless `na_rm` is True")
        values = values[~np.isnan(values)]
    p = np.asarray(probs, dtype=float).reshape(-1)
    if ((p < 0) | (p > 1)).any():
        raise ValueError(f"`probs` must lie in [0, 1], not {probs!r}")
    result = np.quantile(values, p)
    if not names:
        return result
    labels = [format_real([100 * q], digits=7)[0] + "%" for q in p]
    return NamedVector(result, labels)
