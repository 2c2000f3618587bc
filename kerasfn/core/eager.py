"""Compiled eager calls for kerasfn's recurrent layers (TensorFlow and JAX; on PyTorch, the fused kernels' direct call).

Plain Keras runs an eager ``lstm(x)`` op by op: on a CPU each time step pays
Python and dispatch overhead, ten times the cost of the same layer compiled.
:class:`CompiledEagerCalls` (mixed in before the Keras class) runs such calls
compiled, with Keras' numbers, when compiling pays, and as plain Keras
otherwise.

Correctness:

* Keras' own ``__call__`` still runs around every call (input casts, masks
  taken from the inputs, the ``training`` value inherited from an outer call,
  mixed-precision autocasting, activity regularizers, output masks); only the
  layer's ``call()`` is replaced, by a pure function of the layer's variable
  values run in a ``keras.StatelessScope`` (what ``Layer.stateless_call``
  does, extended to the states of a ``stateful`` layer, which Keras does not
  track as variables).  The variable values that a call changes (dropout seed
  states, stateful states) come back and are assigned, so the layer ends in
  the state plain Keras leaves it in; gradients reach the variables under a
  ``tf.GradientTape``.
* The check fails closed: only layers made entirely of Keras' recurrent
  classes (and kerasfn's subclasses of them) with Keras' built-in activations
  are compiled, only in eager mode outside any ``StatelessScope``, and only
  with tensors and plain Python values as call arguments.  Anything else
  (a custom cell, a Python-function activation, a symbolic or traced call, a
  quantized layer) is plain Keras' ``call()``.  A call whose compilation
  fails runs plain Keras, and its kind of call is never compiled again.

When compiling pays:

Each kind of call (layer class, config without names, variable shapes,
argument structure and dtypes, mixed-precision state) keeps an account.  A
compile step is bought only once the time it would have saved has been
paid: plain Keras runs until the time spent on that kind of call reaches the
estimated cost of tracing it; from then on one graph-mode function, traced
with unknown batch and time sizes, serves every shape.  On a CPU, a shape
that keeps coming back is XLA-compiled once the time XLA would have saved
on it reaches the cost of compiling it (XLA only for inference: it draws
other dropout random numbers, and cannot differentiate the loop under a
tape).  Costs start from estimates and are replaced by the ones measured in
the process.  On JAX, a kind of call includes its exact shapes and is
``jax.jit``-compiled by the same rule.  So a compile step is only ever paid
after plain Keras has spent as much on that kind of call: a sequence of calls
costs at most one compile more than plain Keras (twice, in the worst case
of no calls after a compile), and much less as soon as calls repeat
(bench/RESULTS.md).

Memory stays bounded: at most :data:`MAX_FUNCTIONS` compiled functions are
kept (least recently used out), at most :data:`MAX_XLA_SHAPES` XLA
compilations are made per process (XLA keeps about 0.5 MiB of native memory
per compiled shape), and the accounts are a bounded table.  Layers are held
weakly.
"""

from __future__ import annotations

import functools
import json
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from typing import Any

import keras

from kerasfn.core.kernels import direct_call
from kerasfn.rcall import internals

__all__ = [
    "COSTS", "MAX_FUNCTIONS", "MAX_XLA_SHAPES", "CompiledEagerCalls", "compiled_kinds", "eager_call", "forget_compiled",
]

#: Most compiled functions (graph-mode or jitted) kept at once: a traced LSTM
#: function holds about 2.5 MiB of memory (bench/RESULTS.md, memory row).
MAX_FUNCTIONS = 4
#: Most XLA compilations (one per input shape) made per process.
MAX_XLA_SHAPES = 8
_MAX_ACCOUNTS = 1024
_MAX_SHAPES_PER_ACCOUNT = 64


class _Costs:
    """Compile costs in seconds (estimates until measured in this process;
    ``frozen`` keeps them as set, for tests)."""

    frozen = False

    trace = 0.25  # graph-mode tf.function: trace, optimize, first run
    xla = 0.8  # XLA compilation of one input shape
    xla_ratio = 0.5  # XLA call time / graph-mode call time
    jit = 0.5  # jax.jit compilation of one input shape

    def update(self, name: str, measured: float) -> None:
        # A moving average: one slow outlier (a busy machine) does not decide.
        if not self.frozen:
            setattr(self, name, 0.5 * getattr(self, name) + 0.5 * measured)


COSTS = _Costs()


class CompiledEagerCalls:
    """Mixin for a Keras recurrent layer class (before the Keras class in the
    bases): its eager ``call()`` runs compiled when that pays (see the module
    docstring), and is Keras' ``call()`` otherwise.  An eager call the
    backend's kernel can take directly (torch's fused kernels, PyTorch
    backend: :func:`kerasfn.core.kernels.direct_call`) goes there."""

    #: Whether the class's ``call()`` is the Keras class's, which is what the direct torch call computes.
    _keras_call = False

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and self.built and self._keras_call:
            outputs = direct_call(self, args[0], kwargs)
            if outputs is not None:
                return outputs
        return super().__call__(*args, **kwargs)

    def __init_subclass__(cls, **kwargs: Any):
        super().__init_subclass__(**kwargs)
        if "call" in cls.__dict__:
            cls._keras_call = False  # a subclass's own call() (time-major, a user's) runs whole
            return  # and reaches this one through super()
        if CompiledEagerCalls not in cls.__bases__:
            return
        # Keras reads call()'s signature (argument names, `training`, `mask`):
        # the replacement keeps the Keras class's.
        after = cls.__mro__[cls.__mro__.index(CompiledEagerCalls) + 1:]
        keras_call = next(klass.__dict__["call"] for klass in after if "call" in klass.__dict__)

        @functools.wraps(keras_call)
        def call(self: keras.layers.Layer, *args: Any, **kwargs: Any) -> Any:
            return eager_call(self, super(CompiledEagerCalls, self).call, args, kwargs)

        cls.call = call
        cls._keras_call = True


def eager_call(layer: keras.layers.Layer, keras_call: Callable, args: tuple, kwargs: dict) -> Any:
    """``keras_call(*args, **kwargs)``, compiled when ``layer``'s call is
    eligible and compiling pays."""
    engine = _ENGINES.get(keras.backend.backend())
    prepared = engine.prepare(layer, args, kwargs) if engine is not None else None
    if prepared is None:
        return keras_call(*args, **kwargs)
    return prepared.run(keras_call, args, kwargs)


def compiled_kinds(layer: keras.layers.Layer) -> dict[str, int]:
    """What is compiled for calls of ``layer``'s class and config (shared by
    layers with the same config): ``{"functions": n, "xla": n, "traces": n}``,
    the live compiled functions (graph-mode or jitted), the XLA-compiled
    shapes among them, and how many times the graph-mode ones have been
    traced."""
    fingerprint = _fingerprint(layer)
    counts = {"functions": 0, "xla": 0, "traces": 0}
    for key, account in _accounts.items():
        if key[0] == fingerprint and account.function is not None:
            counts["functions"] += 1
            counts["xla"] += len(account.xla)
            tracing_count = getattr(account.function.function, "experimental_get_tracing_count", None)
            counts["traces"] += tracing_count() if tracing_count else 0
    return counts


def forget_compiled() -> None:
    """Drop every compiled function and account (the next calls start from
    plain Keras again); the XLA budget is not refunded."""
    _accounts.clear()
    _live.clear()


# -- eligibility ---------------------------------------------------------------


@cache
def _known_keras_classes() -> frozenset:
    layers = keras.layers
    cells = {type(layers.ConvLSTM1D(1, 1).cell)}  # Keras does not export the ConvLSTM cell
    return frozenset({
        layers.LSTM, layers.GRU, layers.SimpleRNN, layers.RNN, layers.Bidirectional, layers.TimeDistributed,
        layers.ConvLSTM1D, layers.ConvLSTM2D, layers.ConvLSTM3D,
        layers.LSTMCell, layers.GRUCell, layers.SimpleRNNCell, layers.StackedRNNCells, *cells,
    })


@cache
def _is_known_class(cls: type) -> bool:
    """Keras' recurrent classes, and kerasfn's core subclasses of them (which
    change what a call does only through this module)."""
    for klass in cls.__mro__:
        if klass.__module__.startswith("keras."):
            return klass in _known_keras_classes()
        if not klass.__module__.startswith("kerasfn.core."):
            return False
    return False


def _builtin_function(function: Any) -> bool:
    name = getattr(function, "__name__", None)
    return name is not None and getattr(keras.activations, name, None) is function


def _layer_is_known(layer: keras.layers.Layer) -> bool:
    for part in internals.flatten_layers(layer):
        if not _is_known_class(type(part)) or part.dtype_policy.quantization_mode is not None:
            return False
        for attribute in ("activation", "recurrent_activation"):
            function = getattr(part, attribute, None)
            if function is not None and not _builtin_function(function):
                return False
    return True


def _state_variables(layer: keras.layers.Layer) -> list:
    """The states of stateful recurrent layers in ``layer`` (Keras does not
    track them as variables, but a call assigns them)."""
    return [
        state
        for part in internals.flatten_layers(layer)
        if getattr(part, "stateful", False) and isinstance(getattr(part, "states", None), (list, tuple))
        for state in part.states
    ]


def _without_names(config: Any) -> Any:
    if isinstance(config, dict):
        return {key: _without_names(value) for key, value in config.items() if key != "name"}
    if isinstance(config, (list, tuple)):
        return [_without_names(value) for value in config]
    return config


# A layer's config never changes after construction in ways that change its
# call (trainability changes the variable lists, which are part of the key).
_fingerprints: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _fingerprint(layer: keras.layers.Layer) -> str | None:
    """The layer's class and name-free config (layers with equal
    fingerprints compute the same function of their variables), or ``None``
    when the config does not serialize exactly."""
    if layer not in _fingerprints:
        try:
            config = json.dumps(_without_names(layer.get_config()), sort_keys=True)
        except (TypeError, ValueError, NotImplementedError):
            config = None
        cls = type(layer)
        _fingerprints[layer] = None if config is None else f"{cls.__module__}.{cls.__qualname__}:{config}"
    return _fingerprints[layer]


def _static_leaf(value: Any) -> bool:
    return value is None or type(value) in (bool, int, float, str)


# -- accounts and compiled functions -------------------------------------------


class _Account:
    """What one kind of call has cost and what has been bought for it."""

    __slots__ = ("rent", "function", "shape_rent", "graph_seconds", "xla", "failed")

    def __init__(self) -> None:
        self.rent = 0.0  # seconds spent running plain Keras since the last compile
        self.function: Any = None
        self.shape_rent: OrderedDict = OrderedDict()  # exact shapes -> seconds XLA would have saved
        self.graph_seconds: dict = {}
        self.xla: dict = {}
        self.failed = False


_accounts: OrderedDict[tuple, _Account] = OrderedDict()
_live: OrderedDict[tuple, None] = OrderedDict()  # keys whose account holds a function, least recent first
_xla_compilations = 0


def _account(key: tuple) -> _Account:
    account = _accounts.pop(key, None) or _Account()
    _accounts[key] = account
    while len(_accounts) > _MAX_ACCOUNTS:
        old_key, _ = _accounts.popitem(last=False)
        _live.pop(old_key, None)
    return account


def _keep_alive(key: tuple, account: _Account) -> None:
    _live.pop(key, None)
    _live[key] = None
    while len(_live) > MAX_FUNCTIONS:
        old_key, _ = _live.popitem(last=False)
        old = _accounts.get(old_key)
        if old is not None:  # evicted: it earns its next compile again
            old.function, old.rent = None, 0.0
            old.xla.clear()


class _LayerSlot:
    """The layer a shared function traces with (held weakly: the function
    outlives the layers that share it)."""

    def __init__(self) -> None:
        self._ref: Any = None

    def set(self, layer: keras.layers.Layer) -> None:
        self._ref = weakref.ref(layer)

    def get(self) -> keras.layers.Layer:
        return self._ref()


def _pure_call(slot: _LayerSlot, structure: Any, static_leaves: list, positions: list) -> Callable:
    """The layer's ``call()`` as a pure function of its variable values and
    tensor arguments: ``(trainable, non_trainable, states, tensors) ->
    (outputs, new non-trainable and state values)``."""

    def pure(trainable: list, non_trainable: list, states: list, tensors: list) -> tuple:
        layer = slot.get()
        leaves = list(static_leaves)
        for position, tensor in zip(positions, tensors):
            leaves[position] = tensor
        args, kwargs = keras.tree.pack_sequence_as(structure, leaves)
        changing = [*layer.non_trainable_variables, *_state_variables(layer)]
        mapping = [*zip(layer.trainable_variables, trainable), *zip(changing, [*non_trainable, *states])]
        with keras.StatelessScope(state_mapping=mapping) as scope:
            outputs = layer.call(*args, **kwargs)  # not eager here: Keras' call runs
        return outputs, [scope.get_current_value(variable) for variable in changing]

    return pure


class _Prepared:
    """One eligible call: its key, its tensor arguments and the layer's variable values."""

    def __init__(self, engine: _Engine, layer: keras.layers.Layer, key: tuple, structure: Any, leaves: list,
                 positions: list, training: bool):
        self.engine, self.layer, self.key, self.training = engine, layer, key, training
        self.structure, self.positions = structure, positions
        self.tensors = [leaves[position] for position in positions]
        # The call's arguments with its tensors taken out (what a trace closes over).
        self.static = [None if index in positions else leaf for index, leaf in enumerate(leaves)]
        self.changing = [*layer.non_trainable_variables, *_state_variables(layer)]
        self.values = (
            [v.value for v in layer.trainable_variables],
            [v.value for v in layer.non_trainable_variables],
            [v.value for v in _state_variables(layer)],
        )

    def run(self, keras_call: Callable, args: tuple, kwargs: dict) -> Any:
        account = _account(self.key)
        if account.failed:
            return keras_call(*args, **kwargs)
        if account.function is None:
            if account.rent < self.engine.compile_cost():
                start = time.perf_counter()
                outputs = self.engine.block(keras_call(*args, **kwargs))
                account.rent += time.perf_counter() - start
                return outputs
            account.function = self.engine.compile(self, exact=False)
            _keep_alive(self.key, account)
            start = time.perf_counter()
            try:
                outputs = self.call(account.function)
            except Exception:
                # What fails to compile runs as plain Keras, now and from now on
                # (a genuine error in the call is then raised by Keras itself).
                account.failed, account.function = True, None
                return keras_call(*args, **kwargs)
            COSTS.update(self.engine.first_cost, time.perf_counter() - start)
            return outputs
        _keep_alive(self.key, account)
        return self.engine.call_compiled(self, account)

    def call(self, bound: _Bound) -> Any:
        """Run a compiled function on this call's values; assign what changed."""
        bound.slot.set(self.layer)
        outputs, updated = bound(*self.values, self.tensors)
        for variable, value in zip(self.changing, updated):
            variable.assign(value)
        return outputs


def _exact_shapes(tensors: list) -> tuple:
    return tuple(tuple(tensor.shape) for tensor in tensors)


class _Bound:
    """A compiled function and the slot of the layer it traces with."""

    def __init__(self, function: Any, slot: _LayerSlot):
        self.function, self.slot = function, slot
        self._traced: Any = None

    def __call__(self, *arguments: Any) -> Any:
        if self._traced is not None:
            return self._traced(*arguments)
        outputs = self.function(*arguments)
        # After the first call, a tf.function's one concrete function is called
        # directly (its signature is fixed): half the argument-binding cost.
        concrete = getattr(self.function, "get_concrete_function", None)
        self._traced = concrete() if concrete is not None else self.function
        return outputs


class _Engine:
    """What differs between backends."""

    #: The cost a compiled function's first call measures.
    first_cost = "trace"

    def prepare(self, layer: keras.layers.Layer, args: tuple, kwargs: dict) -> _Prepared | None:
        """The call, prepared, or ``None`` when it must run as plain Keras."""
        if internals.in_stateless_scope() or not self.eager() or not _layer_is_known(layer):
            return None
        fingerprint = _fingerprint(layer)
        training = kwargs.get("training")
        if fingerprint is None or type(training) not in (bool, type(None)):
            return None
        structure = (args, kwargs)
        leaves = keras.tree.flatten(structure)
        positions, described = [], []
        for index, leaf in enumerate(leaves):
            if self.is_tensor(leaf):
                positions.append(index)
                described.append(self.describe(layer, leaf, index, kwargs))
            elif _static_leaf(leaf):
                described.append(repr(leaf))
            else:
                return None
        if not positions:
            return None
        groups = (layer.trainable_variables, layer.non_trainable_variables, _state_variables(layer))
        variables = tuple(tuple((tuple(v.shape), str(v.dtype)) for v in group) for group in groups)
        key = (fingerprint, variables, repr(keras.tree.pack_sequence_as(structure, described)),
               internals.autocast_dtype())
        return _Prepared(self, layer, key, structure, leaves, positions, bool(training))

    def compile_cost(self) -> float:
        return getattr(COSTS, self.first_cost)

    def block(self, outputs: Any) -> Any:
        return outputs

    def function(self, prepared: _Prepared, compiler: Callable) -> _Bound:
        slot = _LayerSlot()
        slot.set(prepared.layer)
        # The function closes over the call's structure without its tensors
        # (which it must not keep alive).
        skeleton = keras.tree.pack_sequence_as(prepared.structure, prepared.static)
        return _Bound(compiler(_pure_call(slot, skeleton, prepared.static, prepared.positions)), slot)


class _TensorFlow(_Engine):
    def eager(self) -> bool:
        import tensorflow as tf

        return tf.executing_eagerly()

    def is_tensor(self, value: Any) -> bool:
        import tensorflow as tf

        return isinstance(value, tf.Tensor) and not isinstance(value, tf.Variable)

    def describe(self, layer: keras.layers.Layer, tensor: Any, index: int, kwargs: dict) -> str:
        return f"T({tensor.dtype.name},{self.relaxed_shape(layer, tensor, index, kwargs)})"

    @staticmethod
    def relaxed_shape(layer: keras.layers.Layer, tensor: Any, index: int, kwargs: dict) -> tuple:
        """The traced shape: batch and time sizes unknown where Keras' call
        allows it (a stateful layer needs its batch size, ``unroll`` and
        TimeDistributed their time steps), other sizes as given."""
        shape = list(tensor.shape)
        parts = internals.flatten_layers(layer)
        stateful = any(getattr(part, "stateful", False) for part in parts)
        fixed_time = isinstance(layer, keras.layers.TimeDistributed) or any(
            getattr(part, "unroll", False) for part in parts
        )
        if not stateful and shape:
            shape[0] = None
        # The sequences (the first argument) and their mask: the time axis too.
        if not fixed_time and len(shape) > 1 and (index == 0 or tensor is kwargs.get("mask")):
            shape[1] = None
        return tuple(shape)

    def compile(self, prepared: _Prepared, exact: bool) -> _Bound:
        import tensorflow as tf

        kwargs = prepared.structure[1]

        def spec(tensor: Any, shape: tuple) -> Any:
            return tf.TensorSpec(shape, tensor.dtype)

        tensor_specs = [
            spec(tensor, tuple(tensor.shape) if exact else self.relaxed_shape(prepared.layer, tensor, index, kwargs))
            for index, tensor in zip(prepared.positions, prepared.tensors)
        ]
        signature = [[spec(v, tuple(v.shape)) for v in group] for group in prepared.values] + [tensor_specs]
        return self.function(prepared, lambda pure: tf.function(pure, input_signature=signature, jit_compile=exact))

    def call_compiled(self, prepared: _Prepared, account: _Account) -> Any:
        global _xla_compilations
        if not self.xla_allowed(prepared):
            return prepared.call(account.function)
        exact = _exact_shapes(prepared.tensors)
        if exact in account.xla:
            return prepared.call(account.xla[exact])
        if account.shape_rent.get(exact, 0.0) >= COSTS.xla and _xla_compilations < MAX_XLA_SHAPES:
            _xla_compilations += 1
            account.xla[exact] = self.compile(prepared, exact=True)
            start = time.perf_counter()
            outputs = prepared.call(account.xla[exact])
            COSTS.update("xla", max(time.perf_counter() - start - account.graph_seconds.get(exact, 0.0), 0.0))
            return outputs
        start = time.perf_counter()
        outputs = prepared.call(account.function)
        seconds = time.perf_counter() - start
        account.graph_seconds[exact] = seconds
        # The time XLA would have saved on this shape: once it reaches XLA's
        # compile cost, the next call of this shape compiles it.
        account.shape_rent[exact] = account.shape_rent.pop(exact, 0.0) + seconds * (1 - COSTS.xla_ratio)
        while len(account.shape_rent) > _MAX_SHAPES_PER_ACCOUNT:
            old, _ = account.shape_rent.popitem(last=False)
            account.graph_seconds.pop(old, None)
        return outputs

    @staticmethod
    def xla_allowed(prepared: _Prepared) -> bool:
        # XLA draws other dropout random numbers than Keras (so inference
        # only), cannot differentiate the loop under a tape, and cannot
        # compile cuDNN kernels (so CPU only).
        return not prepared.training and not internals.gradients_recorded() and not _gpu_visible()


@cache
def _gpu_visible() -> bool:
    import tensorflow as tf

    return bool(tf.config.list_logical_devices("GPU"))


class _Jax(_Engine):
    first_cost = "jit"

    def eager(self) -> bool:
        return True  # traced calls have tracer arguments, which are not eligible tensors

    def is_tensor(self, value: Any) -> bool:
        import jax

        return isinstance(value, jax.Array) and not isinstance(value, jax.core.Tracer)

    def describe(self, layer: keras.layers.Layer, tensor: Any, index: int, kwargs: dict) -> str:
        return f"T({tensor.dtype},{tuple(tensor.shape)})"  # jit compiles per exact shape

    def block(self, outputs: Any) -> Any:
        # JAX dispatches asynchronously: time the work, not its dispatch.
        for leaf in keras.tree.flatten(outputs):
            if hasattr(leaf, "block_until_ready"):
                leaf.block_until_ready()
        return outputs

    def compile(self, prepared: _Prepared, exact: bool) -> _Bound:
        import jax

        return self.function(prepared, jax.jit)

    def call_compiled(self, prepared: _Prepared, account: _Account) -> Any:
        return prepared.call(account.function)


_ENGINES: dict[str, _Engine] = {"tensorflow": _TensorFlow(), "jax": _Jax()}
