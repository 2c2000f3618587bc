"""R keras3's custom-object registry helpers: ``register_keras_serializable()``, ``with_custom_object_scope()``, ...

Loading a saved model that uses custom classes needs the classes: passed to
``load_model(custom_objects=)``, registered once with
``register_keras_serializable()``, or in scope with
``with_custom_object_scope()``.  A ``Layer()`` layer function stands for its
class everywhere here, as in R.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import keras

from kerasfn.rcall import internals
from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import (
    as_bool,
    as_custom_objects,
    as_string,
    describe,
    required,
)

__all__ = ["get_custom_objects", "register_keras_serializable", "set_custom_objects", "with_custom_object_scope"]


#: The package kerasfn registers its own classes under (so files saved with them load):
#: kept out of what the user sees and clears, as R keras3's registry holds only the user's.
_OWN_PACKAGE_PREFIX = "kerasfn>"


def _is_own(name: str) -> bool:
    return name.startswith(_OWN_PACKAGE_PREFIX)


def _is_registrable(value: Any) -> bool:
    return callable(value)


@r_function(_is_registrable, "a class or function", {"name": as_string, "package": as_string})
def register_keras_serializable(object: Any, name: str | None = None, package: str | None = None) -> Any:
    """Register a custom class or function with Keras' serialization

    Description:
        After registration, models using ``object`` save and load without
        ``custom_objects``: Keras records it as ``"package>name"``.  A
        ``Layer()`` layer function registers its class.

    Arguments:
        object: A custom class (``Loss()``, ``Model()``, ...), a ``Layer()``
            layer function, or a function.
        name: Name to register under (default: the object's name).
        package: Package part of the registered name (default, as in R
            outside a package: ``"Custom"``).

    Value:
        ``object``, so ``MyLoss = Loss(...) | register_keras_serializable()``
        works.

    Examples:
        >>> from kerasfn import Loss, get_registered_name, register_keras_serializable
        >>> Zero = Loss("Zero", call=lambda self, y_true, y_pred: 0.0 * y_pred) | register_keras_serializable()
        >>> get_registered_name(Zero)
        'Custom>Zero'

    See also:
        :func:`with_custom_object_scope`, :func:`load_model`.
    """
    target = getattr(object, "layer_class", object)
    keras.saving.register_keras_serializable(package=package or "Custom", name=name)(target)
    return object


class _Scope:
    """``with with_custom_object_scope(objects): ...`` (Keras' ``CustomObjectScope``)."""

    def __init__(self, objects: dict[str, Any]) -> None:
        self._scope = keras.saving.CustomObjectScope(objects)

    def __enter__(self) -> None:
        self._scope.__enter__()

    def __exit__(self, *exc_info: Any) -> None:
        self._scope.__exit__(*exc_info)


@r_function(None, "", {"objects": required(as_custom_objects)})
def with_custom_object_scope(objects: Any, expr: Callable[[], Any] | None = None) -> Any:
    """Evaluate code with custom objects known to Keras

    Description:
        Inside the scope, Keras' loading and deserialization find
        ``objects`` by name.  R evaluates its ``expr`` argument inside the
        scope; Python cannot delay an expression, so ``expr`` is a function
        of no arguments, called inside the scope, or, left out, the scope is
        returned for a ``with`` statement.

    Arguments:
        objects: Custom classes or functions: a dict of name to object, or a
            list whose names are taken from the objects.
        expr: A function of no arguments to call inside the scope.

    Value:
        What ``expr()`` returns, or, without ``expr``, a context manager.

    Examples:
        >>> import os, tempfile
        >>> from kerasfn import *
        >>> Zero = Loss("Zero", call=lambda self, y_true, y_pred: 0.0 * y_pred)
        >>> path = os.path.join(tempfile.mkdtemp(), "zero.keras")
        >>> _ = keras_model_sequential(input_shape=2) | layer_dense(1) | compile(loss=Zero()) | save_model(path)
        >>> with with_custom_object_scope([Zero]):
        ...     model = load_model(path)
        >>> type(model.loss).__name__
        'Zero'
        >>> type(with_custom_object_scope([Zero], lambda: load_model(path)).loss).__name__
        'Zero'

    See also:
        :func:`register_keras_serializable`, :func:`load_model`.
    """
    scope = _Scope(objects)
    if expr is None:
        return scope
    if not callable(expr):
        raise TypeError(f"`expr` must be a function of no arguments (R's expression); received {describe(expr)}.")
    with scope:
        return expr()


@r_function(None, "")
def get_custom_objects() -> dict[str, Any]:
    """The custom objects registered with Keras

    Description:
        The custom classes and functions registered with Keras (what
        ``register_keras_serializable()`` and ``set_custom_objects()`` fill),
        by registered name.  kerasfn's own registered classes are left out,
        as R keras3's list holds only the user's.

    Value:
        A dict of name to object (a copy: change the registry with
        ``set_custom_objects()``).

    Examples:
        >>> from kerasfn import Loss, get_custom_objects, register_keras_serializable
        >>> Half = Loss("Half", call=lambda self, y_true, y_pred: 0.5 * y_pred) | register_keras_serializable()
        >>> get_custom_objects()["Custom>Half"] is Half
        True

    See also:
        :func:`set_custom_objects`.
    """
    return {name: item for name, item in keras.saving.get_custom_objects().items() if not _is_own(name)}


@r_function(None, "", {"objects": as_custom_objects, "clear": as_bool})
def set_custom_objects(objects: Any = None, clear: bool = True) -> dict[str, Any]:
    """Set the custom objects registered with Keras

    Description:
        Registers ``objects`` under their names (as given, without a
        package prefix), after clearing the registry when ``clear=True``;
        Keras' two tables (name to object, object to name) stay in step.
        kerasfn's own registered classes are neither cleared nor returned.

    Arguments:
        objects: A dict of name to object, or a list whose names are taken
            from the objects; ``None`` for none.
        clear: Whether to remove every registered object first.

    Value:
        The registry as it was before (a dict), so it can be restored.

    Examples:
        >>> from kerasfn import Loss, get_custom_objects, set_custom_objects
        >>> Third = Loss("Third", call=lambda self, y_true, y_pred: y_pred / 3)
        >>> before = set_custom_objects([Third])
        >>> list(get_custom_objects())
        ['Third']
        >>> _ = set_custom_objects(before)

    See also:
        :func:`get_custom_objects`, :func:`register_keras_serializable`.
    """
    registry, names = internals.custom_object_registry()
    before = get_custom_objects()
    if clear:
        for name, item in before.items():
            del registry[name]
            names.pop(item, None)
    for name, item in (objects or {}).items():
        registry[name] = item
        names[item] = name
    return before
