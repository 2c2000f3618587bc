"""The translated script as written out: the imports its body uses, then black's formatting."""

from __future__ import annotations

from kerasfn.port.translate import Translator

__all__ = ["formatted", "header"]


def header(translator: Translator) -> list[str]:
    """The lines above the body: the backend set before any import, then the imports the body uses."""
    lines = []
    if translator.backend is not None:
        lines += ["import os", "", f"os.environ[\"KERAS_BACKEND\"] = {translator.backend}"]
    for module, statement in (("operator", "import operator"), ("sys", "import sys"), ("time", "import time"),
                              ("numpy", "import numpy as np"),
                              ("keras", "import keras"), ("tensorflow", "import tensorflow as tf")):
        if module in translator.needs:
            lines.append(statement)
    if translator.uses_kerasfn:
        lines.append("from kerasfn import *")
    if translator.runtime_imports:
        lines.append(f"from kerasfn.base_r import {', '.join(sorted(translator.runtime_imports))}")
    return lines


def formatted(python: str) -> str:
    """``python`` as black formats it."""
    import black

    return black.format_str(python, mode=black.Mode())
