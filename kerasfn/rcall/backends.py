"""Clear errors for layer functions that only work on some backends."""

from __future__ import annotations

import importlib.util

import keras

__all__ = ["require_backend"]


def require_backend(function: str, backends: tuple[str, ...], package: str) -> None:
    """Raise a ``RuntimeError`` naming what ``function`` needs, before Keras fails obscurely."""
    current = keras.backend.backend()
    if current not in backends:
        wanted = " or ".join(repr(backend) for backend in backends)
        raise RuntimeError(
            f"{function}() needs the {wanted} Keras backend; the current backend is "
            f"{current!r} (set KERAS_BACKEND before importing keras)."
        )
    if importlib.util.find_spec(package) is None:
        raise RuntimeError(
            f"{function}() needs the {package!r} package, which is not installed "
            f"(pip install {package})."
        )
