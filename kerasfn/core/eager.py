"""Compiled eager calls for kerasfn's LSTM core (TensorFlow backend).

Plain Keras runs an eager ``lstm(x)`` op by op: on a CPU each of the
timesteps pays Python and dispatch overhead, about ten times the cost of the
same layer inside ``tf.function``.  kerasfn runs such calls through a
compiled function instead, with the same numbers.

How it stays correct:

* The compiled function is a *pure* function of the weights: it belongs to a
  private *template* layer built from the same config, and is called with the
  real layer's variable values through Keras' ``stateless_call``.  Updated
  weights are therefore always picked up, gradients flow to the real
  variables under ``tf.GradientTape``, and every layer with the same config
  shares one compiled function (so the seed's ``x | layer_lstm(128)``, which
  makes a new layer each time, does not trace each time).
* Non-trainable values that a call changes (the dropout seed state, the
  states of a ``stateful`` layer) come back from the function and are
  assigned to the real layer, so ``training=True`` dropout is fresh on each
  call and stateful layers carry their states.
* Retracing is bounded: inputs are traced with unknown batch and time sizes,
  once per ``training`` value and per use of ``initial_state``; the template
  cache is small and least-recently-used.
* On a CPU, inference calls are XLA-compiled (faster than graph mode there).
  Training calls use a graph-mode ``tf.function`` (XLA draws other dropout
  random numbers than Keras does), so do calls under a ``GradientTape`` (XLA
  cannot differentiate the loop) and every call where a GPU is visible (cuDNN
  kernels cannot be XLA-compiled).

Everything else (symbolic tensors, masks, calls nested in another layer's
call, mixed precision, activity regularizers, other backends) goes through
plain Keras unchanged.  On the JAX and PyTorch backends kerasfn leaves eager
calls as Keras runs them: JAX users compile with ``jax.jit`` themselves, and
torch runs op by op by design.
"""

from __future__ import annotations

import json
import weakref
from collections import OrderedDict
from typing import Any

import keras
import numpy as np

__all__ = ["compiled_call", "tracing_count"]

_TEMPLATE_CACHE_SIZE = 16
_CALL_KEYWORDS = frozenset({"training", "initial_state"})


def _tf():
    import tensorflow as tf

    return tf


def compiled_call(layer: keras.layers.Layer, inputs: Any, kwargs: dict[str, Any]) -> Any | None:
    """Run ``layer(inputs, **kwargs)`` compiled, or return ``None`` when the
    call must go through plain Keras (see the module docstring)."""
    if not _is_compilable(layer, inputs, kwargs):
        return None
    tf = _tf()
    inputs = tf.convert_to_tensor(inputs, dtype=layer.compute_dtype)
    if not layer.built:
        layer.build(tuple(inputs.shape))
    if inputs.shape[-1] != _feature_size(layer):
        return None  # plain Keras raises its own clear error for this
    training = bool(kwargs.get("training") or False)
    initial_state = kwargs.get("initial_state")
    template = _template(layer, tuple(inputs.shape))
    arguments = [
        inputs,
        [variable.value for variable in layer.weights],
        [variable.value for variable in _state_variables(layer)],
    ]
    if initial_state is not None:
        arguments.append([tf.convert_to_tensor(s, dtype=layer.compute_dtype) for s in initial_state])
    jit_compile = template.xla_available and not training and not _gradients_recorded()
    outputs, new_values = template.function(training, initial_state is not None, jit_compile)(*arguments)
    for variable, value in zip(_state_variables(layer), new_values):
        variable.assign(value)
    return outputs if not isinstance(outputs, (list, tuple)) else tuple(outputs)


def tracing_count(layer: keras.layers.Layer) -> int:
    """How many times the compiled functions shared by ``layer``'s config have
    been traced (0 when none exists yet)."""
    key = _template_key(layer, _spec_shape(layer, _build_shape(layer)))
    template = _templates.get(key)
    return 0 if template is None else template.tracing_count()


def _is_compilable(layer: keras.layers.Layer, inputs: Any, kwargs: dict[str, Any]) -> bool:
    if keras.backend.backend() != "tensorflow":
        return False
    tf = _tf()
    initial_state = kwargs.get("initial_state")
    return (
        tf.executing_eagerly()
        and isinstance(inputs, (tf.Tensor, np.ndarray))
        and getattr(inputs, "_keras_mask", None) is None
        and set(kwargs) <= _CALL_KEYWORDS
        and kwargs.get("training") in (None, True, False)
        and (initial_state is None or isinstance(initial_state, (list, tuple)))
        and layer.activity_regularizer is None
        and layer.dtype_policy.compute_dtype == layer.dtype_policy.variable_dtype
        and _outermost_call()
    )


def _outermost_call() -> bool:
    # A call nested in another layer's call inherits that call's `training`
    # context; only top-level calls are compiled, so nothing is baked in.
    from keras.src.backend.common import global_state

    return global_state.get_global_attribute("current_call_ctx") is None


def _state_variables(layer: keras.layers.Layer) -> list:
    """The variables a call may change: the dropout seed state (only drawn
    from with dropout) and, for a stateful layer, its states (which Keras does
    not track as weights)."""
    seeds = [layer.cell.seed_generator.state] if layer.dropout or layer.recurrent_dropout else []
    return [*seeds, *(layer.states if layer.stateful else [])]


def _gradients_recorded() -> bool:
    # XLA cannot differentiate the compiled loop ("TensorList crossing the
    # XLA/TF boundary"); under a GradientTape the graph-mode function is used.
    from tensorflow.python.eager import record

    return record.could_possibly_record()


def _feature_size(layer: keras.layers.Layer) -> int:
    return int(layer.cell.kernel.shape[0])


def _build_shape(layer: keras.layers.Layer) -> tuple:
    return tuple(layer._build_shapes_dict["sequences_shape"])


def _spec_shape(layer: keras.layers.Layer, shape: tuple) -> tuple:
    """The traced input shape: only the feature size is fixed, unless the
    layer needs static sizes (``stateful`` needs the batch, ``unroll`` the
    time steps)."""
    if layer.stateful or layer.unroll:
        return shape
    return (None, None, shape[-1])


def _unnamed_config(layer: keras.layers.Layer) -> dict[str, Any]:
    """The layer's config without its name: what layers sharing a template have in common."""
    config = dict(layer.get_config())
    config.pop("name", None)
    return config


def _template_key(layer: keras.layers.Layer, spec_shape: tuple) -> tuple:
    return (type(layer), json.dumps(_unnamed_config(layer), sort_keys=True, default=str), spec_shape)


class _Template:
    """A built copy of a layer config and its compiled functions."""

    def __init__(self, layer: keras.layers.Layer, spec_shape: tuple):
        tf = _tf()
        self.layer = type(layer).from_config(_unnamed_config(layer))
        self.layer.build(_build_shape(layer))
        self.spec_shape = spec_shape
        # cuDNN kernels cannot be XLA-compiled: use XLA only where no GPU is.
        self.xla_available = not tf.config.list_logical_devices("GPU")
        self._functions: dict[tuple[bool, bool, bool], Any] = {}

    def function(self, training: bool, with_initial_state: bool, jit_compile: bool) -> Any:
        key = (training, with_initial_state, jit_compile)
        if key not in self._functions:
            self._functions[key] = self._compile(*key)
        return self._functions[key]

    def tracing_count(self) -> int:
        return sum(f.experimental_get_tracing_count() for f in self._functions.values())

    def _compile(self, training: bool, with_initial_state: bool, jit_compile: bool) -> Any:
        tf = _tf()
        layer = self.layer

        def specs(variables):
            return [tf.TensorSpec(v.shape, v.dtype) for v in variables]

        signature = [
            tf.TensorSpec(self.spec_shape, layer.compute_dtype),
            specs(layer.weights),
            specs(_state_variables(layer)),
        ]
        if with_initial_state:
            batch = self.spec_shape[0 if not getattr(layer, "time_major", False) else 1]
            signature.append([tf.TensorSpec((batch, size), layer.compute_dtype) for size in layer.cell.state_size])

        def call(inputs, weights, state_values, initial_state=None):
            # Keras' stateless_call, extended to the states of a stateful layer.
            state_variables = _state_variables(layer)
            mapping = [*zip(layer.weights, weights), *zip(state_variables, state_values)]
            with keras.StatelessScope(state_mapping=mapping) as scope:
                outputs = layer.call(inputs, initial_state=initial_state, training=training)
            return outputs, [scope.get_current_value(variable) for variable in state_variables]

        return tf.function(call, input_signature=signature, jit_compile=jit_compile)


_templates: OrderedDict[tuple, _Template] = OrderedDict()


# Each layer remembers its templates: serializing its config for the shared
# key on every call would cost more than the compiled call saves.
_templates_of_layer: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _template(layer: keras.layers.Layer, input_shape: tuple) -> _Template:
    spec_shape = _spec_shape(layer, input_shape)
    remembered = _templates_of_layer.setdefault(layer, {})
    own_key = (layer.trainable, spec_shape)
    if own_key not in remembered:
        key = _template_key(layer, spec_shape)
        template = _templates.pop(key, None) or _Template(layer, spec_shape)
        _templates[key] = template
        while len(_templates) > _TEMPLATE_CACHE_SIZE:
            _templates.popitem(last=False)
        remembered[own_key] = template
    return remembered[own_key]
