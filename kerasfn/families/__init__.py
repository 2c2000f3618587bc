"""R keras3's function families beyond layers (``op_*``, ``loss_*``, ...), generated.

Each module here is written by ``python -m kerasfn.codegen`` from a family
rule in ``kerasfn/codegen/families/`` and R keras3's own definitions; the
decorators that give each family R's call semantics are in
:mod:`kerasfn.families.rules`.
"""

from __future__ import annotations

import importlib
import importlib.util

#: The generated family modules, each exporting its R names (``__all__``).
FAMILIES: tuple[str, ...] = (
    "features",
    "applications",
    "utilities",
    "ops",
    "activations",
    "random",
    "config",
    "losses",
    "metrics",
    "learning_rate_schedules",
    "optimizers",
    "callbacks",
    "initializers",
    "regularizers",
    "constraints",
)

__all__: list[str] = []
for _family in FAMILIES:
    if importlib.util.find_spec(f"{__name__}.{_family}") is None:
        continue  # registered but not generated yet (python -m kerasfn.codegen); tests/test_families.py fails on it
    _module = importlib.import_module(f"{__name__}.{_family}")
    globals().update({name: getattr(_module, name) for name in _module.__all__})
    __all__ += _module.__all__
