"""R keras3's constructors of custom classes: ``Model()``, ``Loss()``, ``Metric()``, ``Callback()``, ...

R keras3 defines a Keras subclass from R functions, ``Loss("MyLoss", call =
function(y_true, y_pred) ...)``, and returns the class (``Layer()`` returns
a layer function, see :func:`kerasfn.api.layer_class.Layer`).  Here each
constructor returns a real Keras subclass built from Python functions, each
taking ``self`` first (R's implicit ``self``):

* ``initialize`` is the constructor (R's ``initialize``; Python's
  ``__init__``).  A ``Model()`` class without one takes what
  ``keras.Model()`` takes, as in R: ``CustomModel(inputs, outputs)`` is a
  functional model of that class (with its own ``train_step``).  The Keras base class is initialised *before* it runs, with
  the keywords the base takes (``name``, ``dtype``, ...), so R's
  ``super$initialize(...)`` line may be dropped when porting; kept, as
  ``super(type(self), self).__init__(**kwargs)`` at the start of
  ``initialize``, it initialises the base again with the same keywords
  (``**kwargs`` receives them, as R's ``...`` does).  R's other
  ``super$method(...)`` calls are ``super(type(self), self).method(...)``.
* The new class saves and loads: without its own ``get_config``, its
  config is the base's plus the arguments it was created with (those that
  are plain values: numbers, strings, booleans, ``None``).  Loading
  needs the class, as in R: ``load_model(path, custom_objects=[MyLoss])``.
* Callback methods receive Keras' 0-based epoch and batch numbers (R adds 1)
  and, as in R, a dict they return is added to ``logs``.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any

import keras

from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import as_string, describe, required

__all__ = [
    "Callback",
    "Constraint",
    "LearningRateSchedule",
    "Loss",
    "Metric",
    "Model",
    "custom_class",
    "custom_metric",
    "new_callback_class",
    "new_learning_rate_schedule_class",
    "new_loss_class",
    "new_metric_class",
    "new_model_class",
]

_LAYER_KEYWORDS = ("name", "dtype", "trainable", "autocast")
#: The keywords each Keras base class's ``__init__`` takes (R's ``default_formals``).
_BASE_KEYWORDS: tuple[tuple[type, tuple[str, ...]], ...] = (
    (keras.layers.Layer, _LAYER_KEYWORDS),
    (keras.losses.Loss, ("name", "reduction", "dtype")),
    (keras.metrics.Metric, ("name", "dtype")),
)
_CALLBACK_EPOCH_OR_BATCH = frozenset({
    "on_epoch_begin", "on_epoch_end", "on_batch_begin", "on_batch_end",
    "on_train_batch_begin", "on_train_batch_end", "on_test_batch_begin", "on_test_batch_end",
    "on_predict_batch_begin", "on_predict_batch_end",
})
_CALLBACK_LOGS_ONLY = frozenset({"on_train_begin", "on_train_end", "on_test_begin", "on_test_end",
                                 "on_predict_begin", "on_predict_end"})
_PLAIN = (str, int, float, bool, type(None))
_ANY_ARGUMENTS = inspect.Signature([
    inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
    inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL),
    inspect.Parameter("kwargs", inspect.Parameter.VAR_KEYWORD),
])


def _base_keywords(base: type) -> tuple[str, ...]:
    return next((keywords for cls, keywords in _BASE_KEYWORDS if issubclass(base, cls)), ())


def _keyword_default(base: type, name: str) -> Any:
    """The default of a base-class keyword, from the first ``__init__`` in the
    MRO that declares it (``keras.Model.__init__`` takes ``**kwargs`` only)."""
    for cls in base.__mro__:
        parameter = inspect.signature(cls.__init__).parameters.get(name) if "__init__" in vars(cls) else None
        if parameter is not None and parameter.default is not inspect.Parameter.empty:
            return parameter.default
    return None


def _init_signature(base: type, initialize: Callable[..., Any] | None, keywords: tuple[str, ...]) -> inspect.Signature:
    """``__init__``'s signature: ``initialize``'s arguments, then the base's
    keywords (what Keras' automatic config and ``from_config`` bind to)."""
    self = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    own = list(inspect.signature(initialize).parameters.values())[1:] if initialize else []
    names = {parameter.name for parameter in own}
    extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=_keyword_default(base, name))
             for name in keywords if name not in names]
    variadic = [p for p in own if p.kind is inspect.Parameter.VAR_KEYWORD]
    fixed = [p for p in own if p.kind is not inspect.Parameter.VAR_KEYWORD]
    positional = [p for p in fixed if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    keyword_only = [p for p in fixed if p.kind is inspect.Parameter.KEYWORD_ONLY]
    return inspect.Signature([self, *positional, *keyword_only, *extra, *variadic])


def _method(name: str, function: Callable[..., Any]) -> Any:
    if name == "from_config" and inspect.isfunction(function):
        return classmethod(function)  # R decorates a member named from_config as a class method
    return function


def custom_class(
    classname: str,
    base: type,
    initialize: Callable[..., Any] | None,
    members: Mapping[str, Any],
    rename: Mapping[str, str] | None = None,
) -> type:
    """The subclass of ``base`` named ``classname`` with ``members`` (the
    mechanism every constructor here shares, ``Layer()`` included).

    ``initialize`` becomes ``__init__`` (see the module docstring); a Model
    class without it keeps ``keras.Model``'s constructor, as in R;
    ``rename`` maps R member names to Python ones (``call`` ->
    ``__call__`` for a schedule)."""
    if not isinstance(classname, str) or not classname.isidentifier():
        raise ValueError(f"`classname` must be a valid class name; received {describe(classname)}.")
    namespace = {(rename or {}).get(name, name): _method(name, member)
                 for name, member in members.items() if member is not None}
    if initialize is None and issubclass(base, keras.Model):
        # As in R, a Model class without `initialize` keeps keras.Model's own constructor
        # and config: `C(inputs, outputs)` is a functional model of class C (Keras puts
        # Functional among C's bases), the pattern of a custom train_step on a functional graph.
        return type(classname, (base,), namespace)
    keywords = _base_keywords(base)
    signature = _init_signature(base, initialize, keywords)
    own = inspect.signature(initialize).parameters if initialize else {}
    takes_all = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in own.values())

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if initialize is None and args:
            raise TypeError(f"{classname}() takes no arguments without `initialize`; received {describe(args)}.")
        bound = signature.bind(self, *args, **kwargs)  # a wrong argument is reported as Python does
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        arguments.pop("self")
        arguments.update(arguments.pop(next((p.name for p in signature.parameters.values()
                                             if p.kind is inspect.Parameter.VAR_KEYWORD), ""), {}))
        base_arguments = {name: arguments.pop(name) for name in keywords if name in arguments}
        base.__init__(self, **{k: v for k, v in base_arguments.items() if k != "name" or v is not None})
        recorded = {k: v for k, v in {**base_arguments, **arguments}.items() if isinstance(v, _PLAIN)}
        object.__setattr__(self, "_kerasfn_arguments", tuple(recorded.items()))
        if initialize is not None:
            # R's initialize gets every argument (its `...` passes name= on to super$initialize);
            # one without **kwargs gets the base's keywords only when it names them
            initialize(self, *args, **{k: v for k, v in kwargs.items() if takes_all or k not in keywords or k in own})

    # Shown as R shows its class: a class without `initialize` takes what the base takes, (*args, **kwargs)
    __init__.__signature__ = signature if initialize is not None else _ANY_ARGUMENTS
    namespace["__init__"] = __init__
    if "get_config" not in namespace:  # Keras' own automatic config misses a Model's arguments
        namespace["get_config"] = _recorded_config(base)
    return type(classname, (base,), namespace)


def _recorded_config(base: type) -> Callable[[Any], dict]:
    def get_config(self: Any) -> dict:
        try:
            config = base.get_config(self)
        except NotImplementedError:  # LearningRateSchedule's abstract get_config
            config = {}
        return {**config, **dict(getattr(self, "_kerasfn_arguments", ()))}

    return get_config


def _callback_method(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """R's callback wrappers: a dict the method returns is added to ``logs``."""
    if name in _CALLBACK_EPOCH_OR_BATCH:

        @functools.wraps(function)
        def method(self: Any, index: int, logs: dict | None = None) -> None:
            _update(logs, function(self, index, logs))

    elif name in _CALLBACK_LOGS_ONLY:

        @functools.wraps(function)
        def method(self: Any, logs: dict | None = None) -> None:
            _update(logs, function(self, logs))

    else:
        return function
    return method


def _update(logs: dict | None, result: Any) -> None:
    if isinstance(result, Mapping) and logs is not None:
        logs.update(result)


def _members(named: Mapping[str, Any], public: Mapping[str, Any] | None, methods: Mapping[str, Any]) -> dict[str, Any]:
    if public is not None and not isinstance(public, Mapping):
        raise TypeError(f"`public` must be a dict of members; received {describe(public)}.")
    return {**named, **methods, **(public or {})}


def _as_base(default: type) -> Callable[[str, Any], type]:
    def convert(name: str, value: Any) -> type:
        if value is None:
            return default
        if not (isinstance(value, type) and issubclass(value, default)):
            raise TypeError(f"`{name}` must be a subclass of {default.__module__.split('.')[0]}."
                            f"{default.__qualname__}; received {describe(value)}.")
        return value

    return convert


_CLASSNAME = {"classname": required(as_string)}


@r_function(None, "", {**_CLASSNAME, "inherit": _as_base(keras.Model)})
def Model(  # noqa: N802  (R's name)
    classname: str,
    initialize: Callable[..., None] | None = None,
    call: Callable[..., Any] | None = None,
    train_step: Callable[..., Any] | None = None,
    predict_step: Callable[..., Any] | None = None,
    test_step: Callable[..., Any] | None = None,
    compute_loss: Callable[..., Any] | None = None,
    compute_metrics: Callable[..., Any] | None = None,
    public: Mapping[str, Any] | None = None,
    inherit: type | None = None,
    **methods: Any,
) -> type:
    """Define a custom Model class

    Description:
        A subclass of ``keras.Model`` (or of ``inherit``) with the given
        methods, each a function taking ``self`` first.  The Keras base is
        initialised with ``name``, ``dtype`` and ``trainable`` before
        ``initialize`` runs (R's ``super$initialize(...)`` is not needed).
        An instance is a model: ``compile()``, ``fit()``, ``save_model()``
        work on it; loading needs ``custom_objects=[TheClass]``.

        Without ``initialize``, the class takes what ``keras.Model()``
        takes, as in R: ``CustomModel(inputs, outputs)`` (or
        ``inputs=``, ``outputs=``) is a functional model of the new class,
        so a custom ``train_step`` trains a graph built with
        ``keras_input()`` and the ``layer_*`` functions.

    Arguments:
        classname: Name of the new class.
        initialize: ``function(self, ...)`` creating the layers.
        call: ``function(self, inputs, training=None)``, the forward pass.
        train_step: Optional custom training step ``function(self, data)``.
        predict_step: Optional custom prediction step.
        test_step: Optional custom evaluation step.
        compute_loss: Optional custom loss computation.
        compute_metrics: Optional custom metrics computation.
        public: Optional dict of further members (R's ``public``).
        inherit: Base class (default ``keras.Model``).
        **methods: Further methods or attributes (``get_config``, ``build``, ...).

    Value:
        The new class.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import Model, layer_dense
        >>> def initialize(self, units=2):
        ...     self.dense = layer_dense(units=units)
        >>> TwoUnits = Model("TwoUnits", initialize=initialize, call=lambda self, x: self.dense(x))
        >>> model = TwoUnits(units=3)
        >>> tuple(model(np.ones((1, 4))).shape)
        (1, 3)
        >>> from kerasfn import keras_input
        >>> def train_step(self, data):  # JAX's train_step takes (self, state, data)
        ...     self.steps_seen = getattr(self, "steps_seen", 0) + 1
        ...     return super(type(self), self).train_step(data)
        >>> CustomModel = Model("CustomModel", train_step=train_step)
        >>> inputs = keras_input(shape=4)
        >>> graph = CustomModel(inputs, inputs | layer_dense(1))
        >>> type(graph).__name__, tuple(graph.output.shape)
        ('CustomModel', (None, 1))

    See also:
        :func:`Layer`, :func:`keras_model`.
    """
    named = {"call": call, "train_step": train_step, "predict_step": predict_step, "test_step": test_step,
             "compute_loss": compute_loss, "compute_metrics": compute_metrics}
    return custom_class(classname, inherit, initialize, _members(named, public, methods))


@r_function(None, "", {**_CLASSNAME, "inherit": _as_base(keras.losses.Loss)})
def Loss(  # noqa: N802  (R's name)
    classname: str,
    call: Callable[..., Any] | None = None,
    initialize: Callable[..., None] | None = None,
    public: Mapping[str, Any] | None = None,
    inherit: type | None = None,
    **methods: Any,
) -> type:
    """Define a custom Loss class

    Description:
        A subclass of ``keras.losses.Loss`` whose ``call(self, y_true,
        y_pred)`` returns the per-sample losses; Keras reduces them
        (``reduction``, default ``"sum_over_batch_size"``) and applies
        sample weights.  Instances take ``name``, ``reduction`` and
        ``dtype`` (R's default formals) and whatever ``initialize`` takes.

    Arguments:
        classname: Name of the new class.
        call: ``function(self, y_true, y_pred)`` returning per-sample losses.
        initialize: Optional ``function(self, ...)`` storing parameters.
        public: Optional dict of further members.
        inherit: Base class (default ``keras.losses.Loss``).
        **methods: Further methods or attributes.

    Value:
        The new class.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import Loss, op_abs, op_mean
        >>> MeanAbsolute = Loss("MeanAbsolute", call=lambda self, y_true, y_pred: op_mean(op_abs(y_true - y_pred), axis=-1))
        >>> float(MeanAbsolute()(np.array([[0.0, 0.0]]), np.array([[1.0, 3.0]])))
        2.0

    See also:
        :func:`compile`.
    """
    return custom_class(classname, inherit, initialize, _members({"call": call}, public, methods))


@r_function(None, "", {**_CLASSNAME, "inherit": _as_base(keras.metrics.Metric)})
def Metric(  # noqa: N802  (R's name)
    classname: str,
    initialize: Callable[..., None] | None = None,
    update_state: Callable[..., Any] | None = None,
    result: Callable[..., Any] | None = None,
    public: Mapping[str, Any] | None = None,
    inherit: type | None = None,
    **methods: Any,
) -> type:
    """Define a custom Metric class

    Description:
        A subclass of ``keras.metrics.Metric``: ``initialize`` creates the
        state variables (``self.add_variable(...)``), ``update_state``
        accumulates a batch, ``result`` computes the value.  Instances take
        ``name`` and ``dtype`` (R's default formals).

    Arguments:
        classname: Name of the new class.
        initialize: ``function(self, ...)`` creating the state variables.
        update_state: ``function(self, y_true, y_pred, sample_weight=None)``.
        result: ``function(self)`` returning the metric's value, a tensor:
            ``op_convert_to_tensor(self.total)`` rather than the variable
            ``self.total`` itself, which the JAX backend cannot trace in
            ``fit()``.
        public: Optional dict of further members (``reset_state``, ...).
        inherit: Base class (default ``keras.metrics.Metric``).
        **methods: Further methods or attributes.

    Value:
        The new class.

    Examples:
        >>> from kerasfn import Metric, op_convert_to_tensor, op_sum
        >>> def initialize(self):
        ...     self.total = self.add_variable(shape=(), initializer="zeros", name="total")
        >>> def update_state(self, y_true, y_pred, sample_weight=None):
        ...     self.total.assign_add(op_sum(y_pred))
        >>> Total = Metric("Total", initialize=initialize, update_state=update_state, result=lambda self: op_convert_to_tensor(self.total))
        >>> metric = Total(name="total")
        >>> metric.update_state([0.0], [2.0]); metric.update_state([0.0], [3.0])
        >>> float(metric.result())
        5.0

    See also:
        :func:`compile`.
    """
    named = {"update_state": update_state, "result": result}
    return custom_class(classname, inherit, initialize, _members(named, public, methods))


@r_function(None, "", {**_CLASSNAME, "inherit": _as_base(keras.callbacks.Callback)})
def Callback(  # noqa: N802  (R's name)
    classname: str,
    on_epoch_begin: Callable[..., Any] | None = None,
    on_epoch_end: Callable[..., Any] | None = None,
    on_train_begin: Callable[..., Any] | None = None,
    on_train_end: Callable[..., Any] | None = None,
    on_train_batch_begin: Callable[..., Any] | None = None,
    on_train_batch_end: Callable[..., Any] | None = None,
    on_test_begin: Callable[..., Any] | None = None,
    on_test_end: Callable[..., Any] | None = None,
    on_test_batch_begin: Callable[..., Any] | None = None,
    on_test_batch_end: Callable[..., Any] | None = None,
    on_predict_begin: Callable[..., Any] | None = None,
    on_predict_end: Callable[..., Any] | None = None,
    on_predict_batch_begin: Callable[..., Any] | None = None,
    on_predict_batch_end: Callable[..., Any] | None = None,
    initialize: Callable[..., None] | None = None,
    public: Mapping[str, Any] | None = None,
    inherit: type | None = None,
    **methods: Any,
) -> type:
    """Define a custom Callback class

    Description:
        A subclass of ``keras.callbacks.Callback``.  Epoch and batch methods
        are ``function(self, epoch, logs=None)``, the others
        ``function(self, logs=None)``; ``self.model`` is the model being
        trained.  As in R, a dict a method returns is added to ``logs``.
        Epochs and batches count from 0 here (R's count from 1).

    Arguments:
        classname: Name of the new class.
        on_epoch_begin: Called at the start of each epoch.
        on_epoch_end: Called at the end of each epoch.
        on_train_begin: Called at the start of training.
        on_train_end: Called at the end of training.
        on_train_batch_begin: Called before each training batch.
        on_train_batch_end: Called after each training batch.
        on_test_begin: Called at the start of evaluation.
        on_test_end: Called at the end of evaluation.
        on_test_batch_begin: Called before each evaluation batch.
        on_test_batch_end: Called after each evaluation batch.
        on_predict_begin: Called at the start of prediction.
        on_predict_end: Called at the end of prediction.
        on_predict_batch_begin: Called before each prediction batch.
        on_predict_batch_end: Called after each prediction batch.
        initialize: Optional ``function(self, ...)``.
        public: Optional dict of further members.
        inherit: Base class (default ``keras.callbacks.Callback``).
        **methods: Further methods or attributes.

    Value:
        The new class.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import Callback, compile, fit, keras_model_sequential, layer_dense
        >>> Doubled = Callback("Doubled", on_epoch_end=lambda self, epoch, logs=None: {"double": 2 * logs["loss"]})
        >>> model = keras_model_sequential(input_shape=1) | layer_dense(1) | compile(loss="mse")
        >>> history = model | fit(np.ones((4, 1)), np.ones((4, 1)), callbacks=[Doubled()], verbose=0)
        >>> history.history["double"][0] == 2 * history.history["loss"][0]
        True

    See also:
        :func:`fit`.
    """
    named = {name: value for name, value in locals().items() if name.startswith("on_")}
    members = {name: _callback_method(name, value) for name, value in _members(named, public, methods).items()
               if value is not None}
    return custom_class(classname, inherit, initialize, members)


@r_function(None, "", {**_CLASSNAME, "inherit": _as_base(keras.optimizers.schedules.LearningRateSchedule)})
def LearningRateSchedule(  # noqa: N802  (R's name)
    classname: str,
    call: Callable[..., Any] | None = None,
    initialize: Callable[..., None] | None = None,
    get_config: Callable[..., dict] | None = None,
    public: Mapping[str, Any] | None = None,
    inherit: type | None = None,
    **methods: Any,
) -> type:
    """Define a custom learning-rate schedule class

    Description:
        A subclass of ``keras.optimizers.schedules.LearningRateSchedule``:
        ``call(self, step)`` (Python's ``__call__``) returns the learning
        rate at ``step`` (0-based, a tensor).  Without ``get_config``, the
        config is the arguments the schedule was created with.

    Arguments:
        classname: Name of the new class.
        call: ``function(self, step)`` returning the learning rate.
        initialize: Optional ``function(self, ...)`` storing parameters.
        get_config: Optional ``function(self)`` returning the config.
        public: Optional dict of further members.
        inherit: Base class (default ``LearningRateSchedule``).
        **methods: Further methods or attributes.

    Value:
        The new class.

    Examples:
        >>> from kerasfn import LearningRateSchedule
        >>> def initialize(self, rate=0.1):
        ...     self.rate = rate
        >>> Halving = LearningRateSchedule("Halving", initialize=initialize,
        ...                                call=lambda self, step: self.rate * 0.5 ** step)
        >>> schedule = Halving(rate=0.2)
        >>> float(schedule(2)), schedule.get_config()
        (0.05, {'rate': 0.2})

    See also:
        :func:`optimizer_adam` (``learning_rate``).
    """
    members = _members({"call": call, "get_config": get_config}, public, methods)
    return custom_class(classname, inherit, initialize, members, rename={"call": "__call__"})


@r_function(None, "", {**_CLASSNAME, "inherit": _as_base(keras.constraints.Constraint)})
def Constraint(  # noqa: N802  (R's name)
    classname: str,
    call: Callable[..., Any] | None = None,
    get_config: Callable[..., dict] | None = None,
    initialize: Callable[..., None] | None = None,
    public: Mapping[str, Any] | None = None,
    inherit: type | None = None,
    **methods: Any,
) -> type:
    """Define a custom weight-constraint class

    Description:
        A subclass of ``keras.constraints.Constraint``: ``call(self, w)``
        (Python's ``__call__``) returns the constrained weight, applied
        after each optimizer step.

    Arguments:
        classname: Name of the new class.
        call: ``function(self, w)`` returning the constrained weight.
        get_config: Optional ``function(self)`` returning the config.
        initialize: Optional ``function(self, ...)`` storing parameters.
        public: Optional dict of further members.
        inherit: Base class (default ``keras.constraints.Constraint``).
        **methods: Further methods or attributes.

    Value:
        The new class.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import Constraint, op_relu
        >>> NonNegative = Constraint("NonNegative", call=lambda self, w: op_relu(w))
        >>> np.asarray(NonNegative()(np.array([-1.0, 2.0]))).tolist()
        [0.0, 2.0]

    See also:
        :func:`layer_dense` (``kernel_constraint``).
    """
    members = _members({"call": call, "get_config": get_config}, public, methods)
    return custom_class(classname, inherit, initialize, members, rename={"call": "__call__"})


# R keras3's aliases (R/zzz-aliases.R): the same constructors under their older names.
new_model_class = Model
new_loss_class = Loss
new_metric_class = Metric
new_callback_class = Callback
new_learning_rate_schedule_class = LearningRateSchedule


@r_function(None, "", {"name": required(as_string)})
def custom_metric(name: str, metric_fn: Callable[..., Any]) -> Callable[..., Any]:
    """A custom metric function, with a name

    Description:
        R keras3's ``custom_metric()``: ``metric_fn(y_true, y_pred)`` under
        the name ``name``, which ``compile(metrics = )`` shows in the
        training history.  Python functions already carry a name; this
        gives one to a ``lambda`` or renames a function, as R needs.

    Arguments:
        name: The metric's name in the history.
        metric_fn: A function of ``y_true`` and ``y_pred`` returning one
            value per sample (or a scalar).

    Value:
        A function named ``name`` that calls ``metric_fn``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import compile, custom_metric, fit, keras_model_sequential, layer_dense, op_mean, op_abs
        >>> mae = custom_metric("my_mae", lambda y_true, y_pred: op_mean(op_abs(y_true - y_pred), axis=-1))
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse", metrics=[mae])
        >>> sorted((model | fit(np.zeros((4, 3)), np.zeros((4, 1)), verbose=0)).history)
        ['loss', 'my_mae']

    See also:
        :func:`Metric` (a metric class with state).
    """
    if not callable(metric_fn):
        raise TypeError(f"`metric_fn` must be a function of (y_true, y_pred); received {describe(metric_fn)}.")

    @functools.wraps(metric_fn)
    def metric(y_true: Any, y_pred: Any) -> Any:
        return metric_fn(y_true, y_pred)

    metric.__name__ = metric.__qualname__ = name
    return metric
