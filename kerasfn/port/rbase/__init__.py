"""R's base helpers that keras scripts use, as NumPy and Python.

Each helper takes the translator, the call's arguments (``Arg``: name and
parse node; the piped value, if any, stands in the first one) and returns a
:class:`~kerasfn.port.core.Py`.  Arguments are matched to R's formals
by name, then by position, as R matches them.  Where Python's meaning
differs (1-based results, column-major arrays), the translation says so in
code: ``+ 1``, ``order="F"``.  The helpers are grouped by concern in the
modules here, each registering its own in :data:`HELPERS`
(:mod:`~kerasfn.port.rbase.registry`).
"""

from __future__ import annotations

# Imported for their registrations: each module adds its helpers to HELPERS.
from kerasfn.port.rbase import apply, arrays, control, output, summaries, text, vectors  # noqa: F401
from kerasfn.port.rbase.control import raised
from kerasfn.port.rbase.registry import HELPERS

__all__ = ["HELPERS", "raised"]
