"""R's formatting of numbers (``formatReal``: significant digits, one common layout) and of values as
character strings (``as.character``)."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Any

import numpy as np

__all__ = ["as_character_values", "format_real"]


def _digits_of(value: float, digits: int) -> tuple[int, int, bool]:
    """(exponent, significant digits needed, negative) of ``value`` shown with ``digits`` significant digits."""
    if value == 0:
        return 0, 1, False
    mantissa, exponent = f"{abs(value):.{digits - 1}e}".split("e")
    significant = len(mantissa.replace(".", "").rstrip("0")) or 1
    return int(exponent), significant, value < 0


def _special(value: float) -> str | None:
    if math.isnan(value):
        # Python has one NaN for R's NA and NaN: shown as NA, what a missing value in a ported script is
        return "NA"
    if math.isinf(value):
        return "Inf" if value > 0 else "-Inf"
    return None


def format_real(values: Iterable[float], digits: int = 7, nsmall: int = 0, scientific: bool | None = None,
                common: bool = True) -> list[str]:
    """R's ``formatReal``: doubles with ``digits`` significant digits, one
    common layout (fixed or scientific, same decimals) when ``common``; no padding."""
    values = [float(v) + 0.0 for v in values]  # + 0.0 turns -0.0 into 0.0, which R shows as 0
    if not common:
        return [format_real([v], digits, nsmall, scientific)[0] for v in values]
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return [_special(v) or "" for v in values]
    facts = [_digits_of(v, digits) for v in finite]
    negative = any(neg for _, _, neg in facts)
    left = max((1 if e < 0 else e + 1) + neg for e, _, neg in facts)
    right = max(max(0, sig - e - 1) for e, sig, _ in facts)
    fixed_width = left + right + (right > 0)
    max_sig = max(sig for _, sig, _ in facts)
    exponents = [e for e, _, _ in facts]
    exp_digits = 2 if max(exponents) >= 100 or min(exponents) <= -99 else 1
    sci_width = negative + (max_sig > 1) + (max_sig - 1) + 4 + exp_digits
    use_fixed = (fixed_width <= sci_width) if scientific is None else not scientific
    out = []
    for v in values:
        special = _special(v)
        if special is not None:
            out.append(special)
        elif use_fixed:
            out.append(f"{v:.{max(right, nsmall)}f}")
        else:
            out.append(f"{v:.{max_sig - 1}e}")
    return out


def as_character_values(values: Iterable[Any]) -> list[Any]:
    """R's ``as.character`` of each value: doubles with 15 significant digits; ``None`` for NA."""
    out: list[Any] = []
    for v in values:
        if isinstance(v, np.generic):
            v = v.item()
        if v is None:
            out.append(None)
        elif isinstance(v, bool):
            out.append("TRUE" if v else "FALSE")
        elif isinstance(v, numbers.Integral):
            out.append(str(v))
        elif isinstance(v, numbers.Real):
            out.append(None if math.isnan(v) else format_real([v], digits=15)[0])
        else:
            out.append(str(v))
    return out
