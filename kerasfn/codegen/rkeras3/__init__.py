"""R keras3's exported functions, as extracted from the R package by ``extract.R``.

``functions.json`` is the R half of kerasfn's catalog: each exported name
with its formals (R defaults as R source text), the converter its wrapper
declares for each argument in ``capture_args()``, and the Python objects its
body calls.  It is committed, with the rstudio/keras3 commit it came from,
so that code generation and tests never need R.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["RFunction", "SOURCE", "exports", "function"]

_JSON = Path(__file__).with_name("functions.json")


@dataclass(frozen=True)
class RFunction:
    """One exported R keras3 function."""

    name: str
    formals: tuple[tuple[str, str | None], ...]  # (name, R default text or None when it has none)
    converters: dict[str, str]  # argument -> R converter (a name, or R source text)
    targets: tuple[str, ...]  # e.g. ("keras$layers$Dense",)
    s3_method: str | None = None

    @property
    def required(self) -> tuple[str, ...]:
        """Arguments R declares without a default (``...`` excluded)."""
        return tuple(name for name, default in self.formals if default is None and name != "...")

    def default(self, argument: str) -> str | None:
        return dict(self.formals).get(argument)


@cache
def _load() -> dict:
    return json.loads(_JSON.read_text())


SOURCE = "rstudio/keras3@" + _load()["commit"]


@cache
def exports() -> dict[str, RFunction]:
    """Every exported name of R keras3, by name."""
    functions = {}
    for item in _load()["functions"]:
        converters = item.get("converters") or {}
        targets = item.get("targets") or ()
        functions[item["name"]] = RFunction(
            name=item["name"],
            formals=tuple((f["name"], f["default"]) for f in item.get("formals") or ()),
            converters=dict(converters) if isinstance(converters, dict) else {},
            targets=(targets,) if isinstance(targets, str) else tuple(targets),
            s3_method=item.get("s3_method"),
        )
    return functions


def function(name: str) -> RFunction | None:
    """R keras3's ``name``, or ``None`` when R keras3 has no such export."""
    return exports().get(name)
