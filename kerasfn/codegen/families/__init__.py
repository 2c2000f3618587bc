"""The family rules ``python -m kerasfn.codegen`` generates from, one module each.

Each module defines ``FAMILY``, a :class:`kerasfn.codegen.family.Family`;
the generated module is ``kerasfn/generated/<name>.py`` (or several, ``<name>_<part>.py``,
for a family split as R keras3 splits its sources).
"""

from __future__ import annotations

import importlib

from kerasfn.codegen.family import Family

__all__ = ["RULES", "families"]

#: Rule modules, in generation order.
RULES: tuple[str, ...] = (
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


def families() -> list[Family]:
    return [importlib.import_module(f"{__name__}.{name}").FAMILY for name in RULES]
