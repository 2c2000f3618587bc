"""R's printed layouts of atomic values: vectors with their ``[1]`` index prefixes, named vectors with
their names above the values, matrices with ``[1,]``/``[,1]`` labels, arrays slice by slice; each
wrapped at R's width of 80 characters."""

from __future__ import annotations

import numbers

import numpy as np

from kerasfn.base_r._format import as_character_values, format_real

__all__ = ["WIDTH", "empty_vector", "layout_array", "layout_cells", "layout_matrix", "layout_named", "layout_vector",
           "quote_string"]

#: R's line width (``getOption("width")``).
WIDTH = 80


def quote_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def layout_cells(values: np.ndarray, quote: bool = True, digits: int = 7) -> tuple[list[str], bool]:
    """Each value as R prints it in a vector (common layout) and whether the column is left-justified."""
    flat = values.reshape(-1)
    kind = flat.dtype.kind
    if kind == "b":
        return ["TRUE" if v else "FALSE" for v in flat], False
    if kind in "iu":
        return [str(int(v)) for v in flat], False
    if kind == "f":
        return format_real(flat, digits=digits), False
    if kind == "c":
        return [str(v) for v in flat], False
    items = flat.tolist()
    if items and all(isinstance(v, (bool, np.bool_)) or v is None for v in items):
        return ["NA" if v is None else ("TRUE" if v else "FALSE") for v in items], False
    if items and all(v is None or (isinstance(v, numbers.Real) and not isinstance(v, bool)) for v in items):
        return layout_cells(np.array([np.nan if v is None else v for v in items], dtype=float), quote, digits)

    texts = as_character_values(items)
    return ["NA" if t is None else (quote_string(t) if quote else t) for t in texts], quote


def empty_vector(values: np.ndarray) -> str:
    kind = values.dtype.kind
    return {"b": "logical(0)", "i": "integer(0)", "u": "integer(0)", "f": "numeric(0)"}.get(kind, "character(0)")


def layout_vector(values: np.ndarray, quote: bool = True, digits: int = 7) -> str:
    if values.size == 0:
        return empty_vector(values)
    cells, left = layout_cells(values, quote, digits)
    width = max(len(c) for c in cells)
    label_width = len(f"[{len(cells)}]")
    per_line = max(1, (WIDTH - label_width) // (width + 1))
    lines = []
    for start in range(0, len(cells), per_line):
        label = f"[{start + 1}]".rjust(label_width)
        row = cells[start:start + per_line]
        lines.append(label + "".join(" " + (c.ljust(width) if left else c.rjust(width)) for c in row))
    return "\n".join(lines)


def layout_named(values: np.ndarray, names: list[str], quote: bool = True, digits: int = 7) -> str:
    if values.size == 0:
        return "named " + empty_vector(values)
    cells, _ = layout_cells(values, quote, digits)
    labels = ["<NA>" if n is None else n for n in names]
    width = max(max(len(c) for c in cells), max(len(n) for n in labels))
    per_line = max(1, WIDTH // (width + 1))
    lines = []
    for start in range(0, len(cells), per_line):
        lines.append("".join(n.rjust(width) + " " for n in labels[start:start + per_line]))
        lines.append("".join(c.rjust(width) + " " for c in cells[start:start + per_line]))
    return "\n".join(lines)


def layout_matrix(values: np.ndarray, quote: bool = True, digits: int = 7) -> str:
    rows, cols = values.shape
    if rows == 0 or cols == 0:
        return f"<{rows} x {cols} matrix>"
    rownames = getattr(values, "rownames", None)
    colnames = getattr(values, "colnames", None)
    row_labels = [f"[{i + 1},]" for i in range(rows)] if rownames is None else list(rownames)
    label_width = max(len(label) for label in row_labels)
    if rownames is not None:  # R's row names are left-justified
        row_labels = [label.ljust(label_width) for label in row_labels]
    columns = []
    for j in range(cols):
        cells, left = layout_cells(np.asarray(values)[:, j], quote, digits)
        header = f"[,{j + 1}]" if colnames is None else colnames[j]
        width = max(len(header), *(len(c) for c in cells))
        just = str.ljust if left else str.rjust
        columns.append([just(header, width)] + [just(c, width) for c in cells])
    blocks, current, used = [], [], label_width
    for column in columns:
        if current and used + 1 + len(column[0]) > WIDTH:
            blocks.append(current)
            current, used = [], label_width
        current.append(column)
        used += 1 + len(column[0])
    blocks.append(current)
    lines = []
    for block in blocks:
        lines.append(" " * label_width + "".join(" " + column[0] for column in block))
        for i in range(rows):
            lines.append(row_labels[i].rjust(label_width) + "".join(" " + column[i + 1] for column in block))
    return "\n".join(lines)


def layout_array(values: np.ndarray, quote: bool, digits: int) -> str:
    if values.ndim == 1:
        return layout_vector(values, quote, digits)
    if values.ndim == 2:
        return layout_matrix(values, quote, digits)
    parts = []
    for index in np.ndindex(*values.shape[:1:-1]):
        trailing = index[::-1]
        label = ", , " + ", ".join(str(i + 1) for i in trailing)
        parts.append(label + "\n\n" + layout_matrix(values[(slice(None), slice(None), *trailing)], quote, digits) + "\n")
    return "\n".join(parts)
