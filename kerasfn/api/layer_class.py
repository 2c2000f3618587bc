"""``Layer()``: R keras3's constructor for custom layer classes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import keras

from kerasfn.api.custom_classes import custom_class
from kerasfn.rcall.dispatch import compose_layer
from kerasfn.rcall.subjects import layer_function

__all__ = ["Layer"]


def Layer(  # noqa: N802  (R's name)
    classname: str,
    initialize: Callable[..., None] | None = None,
    call: Callable[..., Any] | None = None,
    build: Callable[..., None] | None = None,
    get_config: Callable[..., dict] | None = None,
    **methods: Callable[..., Any],
) -> Callable[..., Any]:
    """Define a custom Layer class

    Description:
        Creates a subclass of ``keras.layers.Layer`` named ``classname`` with
        the given methods, and returns its R-style layer function: called
        with ``object`` first, it dispatches like every ``layer_*`` function
        (``None`` -> the layer, a Sequential model -> appended, a tensor ->
        the output).  ``initialize`` is R's ``initialize``: it receives the
        layer and the constructor's arguments; the ``Layer`` base is already
        initialised (with ``name``, ``dtype``, ``trainable``) when it runs.

    Arguments:
        classname: Name of the new class.
        initialize: ``function(self, ...)`` run when a layer is created.
        call: ``function(self, inputs, ...)``, the layer's computation.
        build: Optional ``function(self, input_shape)`` creating weights.
        get_config: Optional ``function(self)`` returning the layer's config.
        **methods: Further methods or attributes of the class.

    Value:
        A layer function ``f(object=None, *args, **kwargs)``; the class
        itself is ``f.layer_class``.

    Examples:
        >>> from kerasfn import Layer, random_uniform, shape
        >>> layer_scale = Layer("Scale",
        ...     initialize=lambda self, factor=2.0: setattr(self, "factor", factor),
        ...     call=lambda self, x: x * self.factor)
        >>> y = random_uniform((2, 3)) | layer_scale(3.0)
        >>> shape(y)
        shape(2, 3)
        >>> type(layer_scale()).__name__
        'Scale'

    See also:
        :func:`layer_lambda` for a layer without weights or configuration.
    """

    members = {"call": call, "build": build, "get_config": get_config, **methods}
    layer_class = custom_class(classname, keras.layers.Layer, initialize, members)

    def create(object: Any = None, *args: Any, **kwargs: Any) -> Any:
        return compose_layer(object, layer_class(*args, **kwargs))

    create.__name__ = create.__qualname__ = classname
    create.__doc__ = f"Layer function for the custom class ``{classname}``: ``object`` first."
    create = layer_function({})(create)
    create.layer_class = layer_class
    return create
