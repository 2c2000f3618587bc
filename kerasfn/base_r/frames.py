"""Data frames: R's data.frame() and as.data.frame() of a training history."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np

from kerasfn.base_r._values import Factor, NamedVector, as_vector
from kerasfn.base_r.strings import format as format_
from kerasfn.base_r.factors import factor

__all__ = ["DataFrame", "as_data_frame", "data_frame"]


class DataFrame:
    """A data frame: named columns of equal length

    Description:
        What :func:`kerasfn.base_r.data_frame` and
        :func:`kerasfn.base_r.as_data_frame` return: ``columns`` (the
        names, in order) holding NumPy vectors or factors.  ``df["value"]``
        (R's ``df$value``) gives a column; ``nrow``, ``len()`` (the number
        of columns, R's ``length()``) and :meth:`rows` work as in R; it
        prints as R prints a data frame.

    Arguments:
        columns: A mapping of column names to equally long vectors.

    Value:
        A ``DataFrame``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import DataFrame
        >>> print(DataFrame({"a": np.array([1, 2]), "b": np.array(["x", "y"], dtype=object)}))
          a b
        1 1 x
        2 2 y

    See also:
        :func:`kerasfn.base_r.data_frame`, :func:`kerasfn.base_r.as_data_frame`
    """

    def __init__(self, columns: Mapping[str, Any]) -> None:
        self._data = {str(name): value if isinstance(value, Factor) else as_vector(value).reshape(-1)
                      for name, value in columns.items()}
        lengths = {len(value) for value in self._data.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns of a data frame must have one length, not {sorted(lengths)}")
        self.nrow = lengths.pop() if lengths else 0

    @property
    def columns(self) -> list[str]:
        """The column names."""
        return list(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __getitem__(self, name: str) -> Any:
        if not isinstance(name, str):
            raise TypeError(f"index a data frame by a column name, not {name!r}; use rows() for rows")
        return self._data[name]

    def __getattr__(self, name: str) -> Any:
        data = self.__dict__.get("_data", {})
        if name in data:
            return data[name]
        raise AttributeError(name)

    def __contains__(self, name: object) -> bool:
        return name in self._data

    def rows(self, index: Any) -> DataFrame:
        """The rows at 0-based positions (a slice, an index array or a logical vector)."""
        return DataFrame({name: value[index] if isinstance(value, Factor) else value[index]
                          for name, value in self._data.items()})

    def as_matrix(self) -> np.ndarray:
        """The columns side by side, as R's ``as.matrix()``."""
        return np.column_stack([value.labels() if isinstance(value, Factor) else value
                                for value in self._data.values()])

    def render(self, digits: int = 7) -> str:
        """The text R's ``print()`` shows."""

        if not self._data:
            return f"data frame with 0 columns and {self.nrow} rows"
        if self.nrow == 0:
            return "[1] " + " ".join(f"{n:<{len(n)}}" for n in self.columns) + "\n<0 rows> (or 0-length row.names)"
        row_names = [str(i + 1) for i in range(self.nrow)]
        name_width = max(len(n) for n in row_names)
        blocks, current, used = [], [], name_width
        for name, value in self._data.items():
            cells = value.labels().tolist() if isinstance(value, Factor) else as_vector(
                format_(value, digits=digits, justify="right")).tolist()
            cells = ["NA" if c is None else c for c in cells]
            width = max(len(name), *(len(c) for c in cells))
            column = [name.rjust(width)] + [c.rjust(width) for c in cells]
            if current and used + 1 + width > 80:
                blocks.append(current)
                current, used = [], name_width
            current.append(column)
            used += 1 + width
        blocks.append(current)
        lines = []
        for block in blocks:
            lines.append(" " * name_width + "".join(" " + column[0] for column in block))
            for i in range(self.nrow):
                lines.append(row_names[i].ljust(name_width) + "".join(" " + column[i + 1] for column in block))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()

    __repr__ = __str__


def data_frame(check_names: bool = True, stringsAsFactors: bool = False,  # noqa: N803 - R's name
               **columns: Any) -> DataFrame:
    """Build a data frame, as R's data.frame()

    Description:
        Columns from the named arguments, shorter ones recycled to the
        longest when its length is a multiple of theirs (as R); strings
        stay strings unless ``stringsAsFactors``.

    Arguments:
        check_names: Whether names are made syntactic (``"a b"`` becomes
            ``"a.b"``), as R.
        stringsAsFactors: Whether string columns become factors.
        **columns: The columns, ``name=vector``.

    Value:
        A :class:`kerasfn.base_r.DataFrame`.

    Examples:
        >>> from kerasfn.base_r import data_frame
        >>> print(data_frame(x=[1.5, 2.0], y=[True, False]))
            x     y
        1 1.5  TRUE
        2 2.0 FALSE

    See also:
        :func:`kerasfn.base_r.as_data_frame`, :func:`kerasfn.base_r.DataFrame`
    """

    values = {name: value if isinstance(value, Factor) else
              (as_vector(value.values) if isinstance(value, NamedVector) else as_vector(value))
              for name, value in columns.items()}
    n = max((len(v) for v in values.values()), default=0)
    out = {}
    for name, value in values.items():
        if len(value) != n:
            if len(value) == 0 or n % len(value):
                raise ValueError(f"arguments imply differing number of rows: {n}, {len(value)} (column {name!r})")
            value = value[np.resize(np.arange(len(value)), n)]
        if stringsAsFactors and not isinstance(value, Factor) and value.dtype.kind == "O":
            value = factor(value)
        label = re.sub(r"[^A-Za-z0-9._]", ".", name) if check_names else name
        out[label] = value
    return DataFrame(out)


def _history_frame(history: Any) -> DataFrame:
    metrics = dict(history.history)
    epochs = int(history.params.get("epochs", max((len(v) for v in metrics.values()), default=0)))
    names = list(metrics)
    values = np.concatenate([np.concatenate([np.asarray(metrics[name], dtype=float),
                                             np.full(epochs - len(metrics[name]), np.nan)])
                             for name in names]) if names else np.array([], dtype=float)
    bare = [re.sub(r"^val_", "", name) for name in names]
    levels = list(dict.fromkeys(bare))
    metric_codes = np.repeat([levels.index(b) + 1 for b in bare], epochs)
    data_codes = np.repeat([2 if name.startswith("val_") else 1 for name in names], epochs)
    return DataFrame({
        "epoch": np.tile(np.arange(1, epochs + 1, dtype=np.int64), len(names)),
        "value": values,
        "metric": Factor(metric_codes, levels),
        "data": Factor(data_codes, ["training", "validation"]),
    })


def as_data_frame(x: Any) -> DataFrame:
    """Coerce to a data frame, as R's as.data.frame()

    Description:
        For a training history (what ``fit()`` returns), R keras3's long
        form: one row per epoch and metric, columns ``epoch`` (1-based, as
        R), ``value``, ``metric`` (a factor of the metric names without
        ``val_``) and ``data`` (a factor, ``training`` or ``validation``),
        epochs not run (early stopping) as missing values.  A named list
        (dict) of columns or a matrix (columns ``V1``, ``V2``, ...) are
        converted as R converts them.

    Arguments:
        x: A training history, a named list of columns, a matrix or a data
            frame.

    Value:
        A :class:`kerasfn.base_r.DataFrame`.

    Examples:
        >>> from kerasfn.base_r import as_data_frame
        >>> class FakeHistory:  # what fit() returns carries these two fields
        ...     history = {"loss": [0.5, 0.25], "val_loss": [0.75, 0.5]}
        ...     params = {"epochs": 2}
        >>> print(as_data_frame(FakeHistory()))
          epoch value metric       data
        1     1  0.50   loss   training
        2     2  0.25   loss   training
        3     1  0.75   loss validation
        4     2  0.50   loss validation

    See also:
        :func:`kerasfn.base_r.data_frame`
    """
    if isinstance(x, DataFrame):
        return x
    if hasattr(x, "history") and hasattr(x, "params") and isinstance(getattr(x, "history"), Mapping):
        return _history_frame(x)
    if isinstance(x, Mapping):
        return data_frame(**{str(k): v for k, v in x.items()})
    values = np.asarray(x)
    if values.ndim == 2:
        return DataFrame({f"V{j + 1}": values[:, j] for j in range(values.shape[1])})
    if values.ndim == 1:
        return DataFrame({"x": values})
    raise TypeError(f"cannot convert {type(x).__name__} to a data frame")

