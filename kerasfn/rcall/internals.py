"""Where kerasfn touches Keras beyond its public API, each place behind one named function.

Hooks: Keras' public API does not say everything kerasfn needs to know
(which layers a Sequential model holds before it is built, whether a call is
being recorded for gradients, ...).  Patches: kerasfn adds methods to Keras'
classes (the pipe's ``|``, R's ``print(model)``), wraps a few, and gives
Keras objects kerasfn classes or attributes.  Every private attribute
kerasfn reads or writes, and every change to a class or object it does not
own, lives here and nowhere else, so that a Keras release that renames or
redefines one breaks exactly one function, and ``tests/rcall/test_internals.py``
(one test per function, named after it) says which.  The one Keras method
kerasfn's classes override that is not public API, the recurrent layers'
``inner_loop``, has its test there too.

Each hook is tested against the Keras version installed; the range of Keras
versions those tests pass on is the range ``pyproject.toml`` allows.
"""

from __future__ import annotations

import contextlib
import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any

import keras

__all__ = [
    "add_layer_methods",
    "attach_functions",
    "autocast_dtype",
    "custom_object_registry",
    "dataset_file_resolver",
    "declare_batch_shape",
    "declared_batch_shape",
    "flatten_layers",
    "get_keras_mask",
    "gradients_recorded",
    "import_tensorflow_later_within",
    "in_stateless_scope",
    "inbound_nodes",
    "jax_array_class",
    "keras_home",
    "model_str",
    "multi_worker_mirrored_fixes",
    "narrow_class",
    "node_attribute_at_index",
    "popped_keywords",
    "public_name",
    "register_public_name",
    "restore_sequential",
    "sequential_graph",
    "sequential_layers",
    "sequential_snapshot",
    "set_model_str",
    "set_sequential_graph",
    "wrap_method",
]


# -- serialization -----------------------------------------------------------


def register_public_name(cls: type, public_name: str) -> None:
    """Make Keras serialize instances of ``cls`` under the public name
    ``public_name`` (e.g. ``"keras.layers.LSTM"``), as if ``cls`` were that
    class: a saved file then loads in a process without kerasfn.

    Hook: ``keras.src.api_export.REGISTERED_OBJS_TO_NAMES`` (the table
    ``keras.saving.get_registered_name`` and the serializer read).
    """
    from keras.src import api_export

    api_export.REGISTERED_OBJS_TO_NAMES[cls] = public_name


def public_name(cls: type) -> str | None:
    """The public ``keras.*`` name Keras serializes ``cls`` under (e.g.
    ``"keras.layers.GroupQueryAttention"`` on Keras 3.15 and
    ``"keras.layers.GroupedQueryAttention"`` on 3.16 for the class Keras names
    ``GroupedQueryAttention``), or ``None`` for a class without one.

    Hook: ``keras.src.api_export.get_name_from_symbol``.
    """
    from keras.src import api_export

    return api_export.get_name_from_symbol(cls)


# -- call context ------------------------------------------------------------


def get_keras_mask(x: Any) -> Any:
    """The Keras mask attached to tensor ``x`` (``None`` when unmasked).

    Hook: ``keras.src.backend.common.masking.get_keras_mask`` (the
    ``_keras_mask`` attribute; Keras 3.16 no longer re-exports it from
    ``keras.src.backend``).
    """
    from keras.src.backend.common.masking import get_keras_mask as keras_get_keras_mask

    return keras_get_keras_mask(x)


def in_stateless_scope() -> bool:
    """Whether a ``keras.StatelessScope`` is active (variable reads and writes
    are then mapped by that scope, not by the variables themselves).

    Hook: ``keras.src.backend.common.stateless_scope.in_stateless_scope``.
    """
    from keras.src.backend.common.stateless_scope import (
        in_stateless_scope as keras_in_stateless_scope,
    )

    return keras_in_stateless_scope()


def autocast_dtype() -> str | None:
    """The dtype variables are read as in the active autocast scope (mixed
    precision), or ``None`` outside one.

    Hook: ``keras.src.backend.common.variables.get_autocast_scope``.
    """
    from keras.src.backend.common.variables import get_autocast_scope

    scope = get_autocast_scope()
    return None if scope is None else str(scope.dtype)


def gradients_recorded() -> bool:
    """Whether a ``tf.GradientTape`` (or another TensorFlow recorder) may be
    recording the current eager operations.

    Hook: ``tensorflow.python.eager.record.could_possibly_record``.
    """
    from tensorflow.python.eager import record

    return bool(record.could_possibly_record())


# -- layers and nodes ------------------------------------------------------------


def flatten_layers(layer: keras.layers.Layer) -> list[keras.layers.Layer]:
    """``layer`` and every layer nested in it (cells, wrapped layers, a
    model's layers), depth first.

    Hook: ``Layer._flatten_layers(include_self=True)``.
    """
    return list(layer._flatten_layers(include_self=True))


def inbound_nodes(layer: keras.layers.Layer) -> list:
    """The nodes created by the layer's symbolic calls, in call order.

    Hook: ``Layer._inbound_nodes``.
    """
    return layer._inbound_nodes


def node_attribute_at_index(layer: keras.layers.Layer, node_index: int, attribute: str, name: str) -> Any:
    """Attribute ``attribute`` (e.g. ``"output_tensors"``) of the layer's node
    ``node_index``, with Keras' own checks and error messages (``name`` is
    the member the error names: ``"input"`` or ``"output"``).

    Hook: ``Layer._get_node_attribute_at_index``.
    """
    return layer._get_node_attribute_at_index(node_index, attribute, name)


# -- Sequential models -------------------------------------------------------------


def sequential_layers(model: keras.Sequential) -> list[keras.layers.Layer]:
    """The layers a Sequential model holds, its InputLayer included (before
    the model is built, ``model.layers`` leaves that one out).

    Hook: ``Sequential._layers``.
    """
    return model._layers


def sequential_graph(model: keras.Sequential) -> keras.Model | None:
    """The functional model a built Sequential model runs (``None`` before it
    is built with a known input shape).

    Hook: ``Sequential._functional``.
    """
    return model._functional


def set_sequential_graph(model: keras.Sequential, graph: keras.Model) -> None:
    """Make ``model`` run the functional model ``graph`` (its layers must be
    ``model``'s layers, in order).

    Hook: ``Sequential._functional``.
    """
    model._functional = graph


def sequential_snapshot(model: keras.Sequential) -> tuple:
    """What :func:`restore_sequential` needs to put ``model`` back as it is now.

    Hooks: ``Sequential._layers``, ``Sequential._functional``.
    """
    return (list(model._layers), model.built, model._functional)


def restore_sequential(model: keras.Sequential, snapshot: tuple) -> None:
    """Put ``model`` back as it was when :func:`sequential_snapshot` was taken.

    Hooks: ``Sequential._layers``, ``Sequential._functional``.
    """
    model._layers, model.built, model._functional = snapshot


# -- the Keras cache (datasets, ImageNet class index) -------------------------


def keras_home() -> str:
    """The directory Keras caches downloads under (``$KERAS_HOME`` or ``~/.keras``,
    as Keras read it at import).

    Hook: ``keras.src.backend.config.keras_home``.
    """
    from keras.src.backend import config

    return config.keras_home()


@contextlib.contextmanager
def dataset_file_resolver(loader: Any, resolve: Any) -> Iterator[None]:
    """Run a ``keras.datasets.*.load_data`` loader with ``resolve`` in place of
    the ``get_file`` its module calls, so the loader's own reading and
    processing run on a file kerasfn found (offline, without Keras' hash
    check and re-download).

    Hook: the module-level ``get_file`` of ``keras.src.datasets.<name>``
    (each loader module imports it by name).
    """
    import sys

    module = sys.modules[loader.__module__]
    original = module.get_file
    module.get_file = resolve
    try:
        yield
    finally:
        module.get_file = original


def custom_object_registry() -> tuple[dict, dict]:
    """Keras' global custom-object tables: name -> object and object -> name
    (``register_keras_serializable`` fills both; clearing one alone would put
    them out of step, as R keras3's ``set_custom_objects()`` notes).

    Hook: ``keras.src.saving.object_registration.GLOBAL_CUSTOM_OBJECTS`` and
    ``GLOBAL_CUSTOM_NAMES``.
    """
    from keras.src.saving import object_registration

    return object_registration.GLOBAL_CUSTOM_OBJECTS, object_registration.GLOBAL_CUSTOM_NAMES


# -- backend tensor types ----------------------------------------------------


def jax_array_class() -> type:
    """The class of JAX's concrete arrays.  ``jax.Array`` is only its abstract
    base: the operators (``__or__`` for the pipe) are this class's own.

    Hook: ``jax._src.array.ArrayImpl``.
    """
    from jax._src.array import ArrayImpl

    return ArrayImpl


def import_tensorflow_later_within(block: Callable[[], contextlib.AbstractContextManager]) -> None:
    """Keras on JAX or PyTorch imports TensorFlow only when it first needs
    it (its ``tf.data`` support, at the first ``fit()`` or ``predict()``):
    that import, if it comes, runs inside ``block()`` (kerasfn's quiet
    start, so TensorFlow's native start-up lines are filtered then too).

    Patch: ``keras.src.utils.module_utils.tensorflow``, the ``LazyModule``
    object Keras imports TensorFlow through, gets its own ``initialize``
    (which ``LazyModule.__getattr__`` calls while its ``module`` is ``None``).
    """
    from keras.src.utils import module_utils

    lazy = module_utils.tensorflow
    initialize = lazy.initialize

    def initialize_within_block() -> None:
        with block():
            initialize()

    lazy.initialize = initialize_within_block


# -- tf.distribute ------------------------------------------------------------


@contextlib.contextmanager
def multi_worker_mirrored_fixes(model: keras.Model) -> Iterator[None]:
    """Inside the block, ``model.fit()``, ``evaluate()`` and ``predict()``
    work under ``tf.distribute.MultiWorkerMirroredStrategy`` with several
    workers, where Keras 3.15's TensorFlow trainer fails twice:

    * Before the first step, Keras builds the model from one batch of the
      distributed dataset, which it first averages over every replica with
      ``strategy.reduce("MEAN", batch, axis=None)``.  Across workers that
      reduce is a collective that refuses an ``(x, y)`` structure ("Attempt
      to convert a value (PerReplica:{...}) with an unsupported type ... to a
      Tensor").  Only the batch's shapes and dtypes are used: this worker's
      first replica's part has them, with no collective.
    * It averages each step's per-replica loss and metric values with
      ``strategy.reduce("MEAN", value, axis=0)``: axis 0 of a scalar ("Invalid
      reduction dimension 0 for input with 0 dimensions").  The mean over the
      replicas is ``axis=None``, what Keras computes on one worker.

    Anything else (another strategy, one worker, another backend) is Keras'
    own code, unchanged.

    Hooks: ``TensorFlowTrainer._maybe_symbolic_build`` (replaced on ``model``
    alone) and ``_distribute_strategy``; the function ``reduce_per_replica``
    of ``keras.src.backend.tensorflow.trainer``, read when Keras traces its
    step functions, and its ``_collective_all_reduce_multi_worker``.
    """
    if keras.backend.backend() != "tensorflow":
        yield
        return
    import tensorflow as tf
    from keras.src.backend.tensorflow import trainer

    if not isinstance(model.distribute_strategy, tf.distribute.MultiWorkerMirroredStrategy):
        yield
        return
    keras_symbolic_build = model._maybe_symbolic_build
    keras_reduce_per_replica = trainer.reduce_per_replica

    def first_local_part(value: Any) -> Any:
        if isinstance(value, tf.distribute.DistributedValues):
            return model.distribute_strategy.experimental_local_results(value)[0]
        return value

    def maybe_symbolic_build(iterator: Any = None, data_batch: Any = None) -> None:
        if iterator is not None and model._distribute_strategy is not None:
            for _, _, batches in iterator:  # Keras' own first batch
                data_batch = keras.tree.map_structure(first_local_part, next(batches))
                break
            iterator = None
        keras_symbolic_build(iterator=iterator, data_batch=data_batch)

    def reduce_per_replica(values: Any, strategy: Any, reduction: str) -> Any:
        if reduction in ("auto", "mean") and trainer._collective_all_reduce_multi_worker(strategy):
            return keras.tree.map_structure(lambda value: strategy.reduce("MEAN", value, axis=None), values)
        return keras_reduce_per_replica(values, strategy, reduction)

    model.__dict__["_maybe_symbolic_build"] = maybe_symbolic_build
    trainer.reduce_per_replica = reduce_per_replica
    try:
        yield
    finally:
        trainer.reduce_per_replica = keras_reduce_per_replica
        del model.__dict__["_maybe_symbolic_build"]


# -- patches: what kerasfn adds to or changes in Keras' classes and objects -------


#: The attribute a wrapped method keeps the method it wraps under.
_WRAPPED = "__kerasfn_wraps__"


def add_layer_methods(**methods: Callable[..., Any]) -> None:
    """Give ``keras.layers.Layer`` (so every layer and model) methods plain
    Keras does not define: the pipe's ``__or__``, ``__ror__`` and
    ``__array_ufunc__``.

    Patch: class attributes of ``keras.layers.Layer``; a test checks that
    Keras defines none of them, so no meaning Keras gave is replaced.
    """
    for name, method in methods.items():
        setattr(keras.layers.Layer, name, method)


def wrap_method(cls: type, name: str, wrap: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    """Replace ``cls.name`` by ``wrap(cls.name)``, once: a class whose method
    is already wrapped keeps it (importing kerasfn twice, or two backends'
    classes sharing a base, wraps nothing twice).

    Patch: ``KerasTensor.__or__``/``__ror__``, ``Variable.__or__`` and the
    backend tensor class's ``__or__``, so that they step aside for the pipe.
    """
    current = getattr(cls, name)
    if getattr(current, _WRAPPED, None) is None:
        wrapped = wrap(current)
        setattr(wrapped, _WRAPPED, current)
        setattr(cls, name, wrapped)


#: ``keras.Model``'s own ``__str__``, if it defines one (Keras 3.15 inherits Layer's: the repr).
_KERAS_MODEL_STR = keras.Model.__dict__.get("__str__")


def set_model_str(function: Callable[[keras.Model], str] | None) -> None:
    """Make ``str(model)`` (and ``print(model)``) ``function(model)``, or, with
    ``None``, Keras' own again.

    Patch: ``keras.Model.__str__``; Keras 3.15 defines none (a test checks),
    so Keras' own is the inherited ``Layer`` one, restored by deleting ours.
    """
    if function is not None:
        keras.Model.__str__ = function
    elif _KERAS_MODEL_STR is not None:
        keras.Model.__str__ = _KERAS_MODEL_STR
    elif "__str__" in keras.Model.__dict__:
        del keras.Model.__str__


def model_str() -> Callable[[keras.Model], str] | None:
    """The ``__str__`` ``keras.Model`` defines itself (kerasfn's, once
    :func:`set_model_str` set it), or ``None`` where it inherits Layer's."""
    return keras.Model.__dict__.get("__str__")


def narrow_class(instance: Any, cls: type) -> None:
    """Make ``instance`` an instance of ``cls``, a kerasfn subclass of its
    exact Keras class that adds methods only (a loaded model's layers get
    kerasfn's core classes back, a Keras ``History`` kerasfn's R printing),
    in place: same object, same state.

    Patch: the instance's ``__class__``.
    """
    if type(instance) not in cls.__mro__[1:]:
        raise TypeError(f"{cls.__name__} does not extend {type(instance).__name__}: its instances cannot become one.")
    instance.__class__ = cls


#: ``kwargs.pop("name"`` in a Keras ``__init__``: a keyword it takes out of ``**kwargs``.
_POPPED_KEYWORD = re.compile(r"""kwargs\.pop\(\s*["'](\w+)["']""")


def popped_keywords(init: Callable[..., Any]) -> frozenset[str]:
    """The keywords a Keras ``__init__`` takes out of its ``**kwargs`` by name
    (retired arguments it still accepts, such as ``Embedding(input_length=)``,
    which R keras 2 scripts pass), read from its source; empty when Python
    has no source for it.

    Hook: the text of Keras' source (no API lists these keywords).
    """
    try:
        return frozenset(_POPPED_KEYWORD.findall(inspect.getsource(init)))
    except (OSError, TypeError):
        return frozenset()


#: The attribute on a layer that holds the input shape R declared on it.
_DECLARED_BATCH_SHAPE = "_kerasfn_batch_shape"


def declare_batch_shape(layer: keras.layers.Layer, batch_shape: tuple) -> None:
    """Record on ``layer`` the model input R scripts declare on a first layer
    (``layer_dense(input_shape = 4)``), for the Sequential model the layer is
    piped into; Keras 3 layers take no ``input_shape``.

    Patch: an attribute on the layer instance (Keras neither tracks nor
    saves a tuple of sizes).
    """
    setattr(layer, _DECLARED_BATCH_SHAPE, tuple(batch_shape))


def declared_batch_shape(layer: keras.layers.Layer) -> tuple | None:
    """The batch shape :func:`declare_batch_shape` recorded on ``layer``, if any."""
    return getattr(layer, _DECLARED_BATCH_SHAPE, None)


def attach_functions(model: keras.Model, **functions: Callable[..., Any]) -> None:
    """Give one ``model`` functions of its own (an ``application_*`` model's
    ``preprocess_input`` and ``decode_predictions``, as R keras3 sets them).

    Patch: attributes on the model instance; Keras tracks functions as
    neither layers nor variables, so weights and saving are unchanged.
    """
    for name, function in functions.items():
        setattr(model, name, function)
