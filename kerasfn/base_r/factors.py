"""Factors and counts: factor(), levels(), nlevels(), table()."""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

from kerasfn.base_r._format import as_character_values
from kerasfn.base_r._values import Factor, Table, as_vector, na_mask, text_vector

__all__ = ["factor", "levels", "nlevels", "table"]


def _levels_of(values: np.ndarray) -> list:
    present = [v for v in values.tolist() if not (v is None or (isinstance(v, float) and math.isnan(v)))]
    unique = list(dict.fromkeys(present))
    if all(isinstance(v, numbers.Real) for v in unique):
        return sorted(unique)
    return sorted(unique, key=lambda s: (str(s).casefold(), str(s).swapcase()))



def factor(x: Any = None, levels: Any = None, labels: Any = None) -> Factor:
    """Factors, as R's factor()

    Description:
        A categorical vector: ``levels`` default to the sorted distinct
        values (numbers numerically, strings as :func:`kerasfn.base_r.sort`
        orders them); values not among the levels become missing.

    Arguments:
        x: The values.
        levels: The levels, in order.
        labels: Labels to show for the levels (default: the levels).

    Value:
        A :class:`kerasfn.base_r.Factor`.

    Examples:
        >>> from kerasfn.base_r import factor
        >>> print(factor(["b", "a", "b"]))
        [1] b a b
        Levels: a b

    See also:
        :func:`kerasfn.base_r.levels`, :func:`kerasfn.base_r.nlevels`, :func:`kerasfn.base_r.table`
    """
    if isinstance(x, Factor):
        x = x.labels()
    values = as_vector(x)
    level_values = _levels_of(values) if levels is None else as_vector(levels).tolist()
    level_text = as_character_values(level_values)
    position = {text: i + 1 for i, text in enumerate(level_text)}
    codes = [position.get(text, 0) for text in as_character_values(values.tolist())]
    if 0 in codes:
        raise ValueError("values outside `levels` (R's NA) are not supported by this factor: "
                         f"{[v for v, c in zip(values.tolist(), codes) if c == 0][:3]}")
    shown = level_text if labels is None else as_character_values(as_vector(labels).tolist())
    return Factor(codes, shown)



def levels(x: Factor) -> np.ndarray | None:
    """Levels of a factor, as R's levels()

    Description:
        The level labels of a factor (``NULL`` for anything else).

    Arguments:
        x: A factor.

    Value:
        A character vector, or ``None``.

    Examples:
        >>> from kerasfn.base_r import factor, levels
        >>> levels(factor(["b", "a", "b"]))
        array(['a', 'b'], dtype=object)

    See also:
        :func:`kerasfn.base_r.factor`
    """
    return text_vector(x.levels) if isinstance(x, Factor) else None



def nlevels(x: Any) -> int:
    """Number of levels, as R's nlevels()

    Description:
        How many levels a factor has (0 for anything else).

    Arguments:
        x: A factor.

    Value:
        An ``int``.

    Examples:
        >>> from kerasfn.base_r import factor, nlevels
        >>> nlevels(factor(["b", "a", "b", "c"]))
        3

    See also:
        :func:`kerasfn.base_r.factor`
    """
    return len(x.levels) if isinstance(x, Factor) else 0



def table(x: Any) -> Table:
    """Counts of each value, as R's one-way table()

    Description:
        How often each distinct value occurs, named by the value (as
        :func:`kerasfn.base_r.factor` orders levels; a factor keeps its
        levels, with zero counts).  Prints as R prints a table, after a
        blank line.  Only the one-way table is supported.

    Arguments:
        x: A vector or factor.

    Value:
        A :class:`kerasfn.base_r.Table` (a ``NamedVector`` of integer counts).

    Examples:
        >>> from kerasfn.base_r import table
        >>> print(table(["a", "b", "a", "c", "a"]))
        <BLANKLINE>
        a b c 
        3 1 1 

    See also:
        :func:`kerasfn.base_r.factor`, :func:`kerasfn.base_r.tapply`
    """
    f = x if isinstance(x, Factor) else factor(as_vector(x)[~na_mask(as_vector(x))])
    counts = np.bincount(f.codes, minlength=len(f.levels) + 1)[1:].astype(np.int64)
    return Table(counts, f.levels)
