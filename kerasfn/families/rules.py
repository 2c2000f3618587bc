"""The decorators that give each generated family R keras3's call semantics.

Each is :func:`kerasfn.rfunction.r_function` with the family's subject:
what its functions work on, and so what ``x | f(...)`` pipes in.  One small
function per family; the generated modules call them with each function's
converters.
"""

from __future__ import annotations

__all__: list[str] = []
