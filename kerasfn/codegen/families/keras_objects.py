"""The two shapes of R keras3's training families, written once.

* :func:`dual_family`: ``loss_*`` and ``metric_*``, R's dual form (the value
  from ``y_true``/``y_pred``, or the object for ``compile()``), with the
  metrics Keras has only as objects (``metric_auc``) or only as functions
  (``metric_huber``);
* :func:`constructor_family`: ``optimizer_*``, ``callback_*``,
  ``initializer_*``, ... : R's call of the Keras class with its arguments.

Each family's rule module states its names, title, conversions and
examples; the bodies, values and converters of its functions come from here
and from R keras3's definitions.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Mapping

from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import Family, Parameter, keras_object

__all__ = ["constructor_family", "dual_family"]

_DATA = ("y_true", "y_pred")
_NAMED = ("R's arguments after ``...`` are keyword-only here, as R requires them named "
          "(``metric_auc(num_thresholds=100)``).")


def _exported(prefix: str) -> Callable[[], list[str]]:
    return lambda: sorted(name for name in rkeras3.exports() if name.startswith(prefix))


def _class_target(function: rkeras3.RFunction) -> str | None:
    return next((t for t in function.targets if isinstance(keras_object(t), type)), None)


def _function_target(function: rkeras3.RFunction) -> str | None:
    return next((t for t in function.targets if inspect.isfunction(keras_object(t))), None)


def _reference(target: str) -> str:
    path = target.replace("$", ".").split(".")
    return ".".join(path if path[0] == "keras" else ["keras", *path])


def _call(target: str, params: list[Parameter], function: rkeras3.RFunction, skip: tuple[str, ...] = ()) -> str:
    arguments = [f"{p.name}={p.name}" for p in params if p.name not in skip]
    if any(name == "..." for name, _ in function.formals):
        arguments.append("**kwargs")
    return f"{_reference(target)}({', '.join(arguments)})"


def _dual_body(owner: str) -> Callable[[rkeras3.RFunction, list[Parameter], str], list[str]]:
    def body(function: rkeras3.RFunction, params: list[Parameter], target: str) -> list[str]:
        cls, fn = _class_target(function), _function_target(function)
        if fn is None:  # an object only (metric_auc): R's arguments are the class's
            return [f"    return {_call(cls, params, function)}"]
        accepted = set(inspect.signature(keras_object(fn)).parameters)
        passed = "{" + ", ".join(f"{p.name!r}: {p.name}" for p in params
                                 if p.name not in _DATA and p.name in accepted) + "}"
        kwargs = "kwargs" if any(name == "..." for name, _ in function.formals) else "None"
        if cls is None:  # a function only (metric_huber)
            return [f"    return dual_value({function.name!r}, {_reference(fn)}, y_true, y_pred, {passed})"]
        object_only = "{" + ", ".join(f"{p.name!r}: ({p.name}, {p.default})" for p in params
                                      if p.name not in _DATA and p.name not in accepted) + "}"
        signature = inspect.signature(keras_object(cls)).parameters
        if any(p.kind is p.VAR_KEYWORD for p in signature.values()):
            value_only = []
        else:
            value_only = [p for p in params if p.name not in _DATA and p.name not in signature]
        check = ([f"        unused({function.name!r}, " + "{" + ", ".join(f"{p.name!r}: ({p.name}, {p.default})"
                                                                for p in value_only) + "}, 'object')"]
                 if value_only else [])
        return [
            "    if y_true is None and y_pred is None:",
            *check,
            f"        return {_call(cls, params, function, skip=(*_DATA, *(p.name for p in value_only)))}",
            f"    return dual_value({function.name!r}, {_reference(fn)}, y_true, y_pred, {passed},",
            f"                      {object_only}, {kwargs})",
        ]

    return body


def _stands_for(function: rkeras3.RFunction) -> str | None:
    """R's ``resolve_py_obj(prefer_class = FALSE)`` in ``compile()``: the Keras
    function where there is one (``metric_binary_accuracy`` is
    ``keras.metrics.binary_accuracy``, so the history says ``binary_accuracy``),
    else the class (``metric_auc``)."""
    target = _function_target(function) or _class_target(function)
    return _reference(target) if target else None


def _dual_value(kind: str) -> Callable[[rkeras3.RFunction], list[str]]:
    def value(function: rkeras3.RFunction) -> list[str]:
        cls, fn = _class_target(function), _function_target(function)
        lines = []
        if fn is not None:
            lines.append(f"With ``y_true`` and ``y_pred``: the {kind} they give, a tensor (``{_reference(fn)}``).")
        if cls is not None:
            lines.append(("Without them: " if fn is not None else "")
                         + f"a ``{_reference(cls)}`` object, for ``compile({'loss' if kind == 'loss' else 'metrics'}=)``.")
        return lines

    return value


#: Labels and predictions every value example uses (two samples, two outputs).
_EXAMPLE_DATA = ('y_true = np.array([[0., 1.], [1., 1.]], dtype="float32")',
                 'y_pred = np.array([[0.2, 0.7], [0.9, 0.4]], dtype="float32")')
#: The same for the sparse ones: class labels, and each sample's class probabilities.
_SPARSE_EXAMPLE_DATA = ('y_true = np.array([1, 0])',
                        'y_pred = np.array([[0.3, 0.7], [0.6, 0.4]], dtype="float32")')


def _dual_example(kind: str, no_value: frozenset[str],
                  object_arguments: Mapping[str, str]) -> Callable[[rkeras3.RFunction], list[str]]:
    def example(function: rkeras3.RFunction) -> list[str]:
        name = function.name
        lines = [f"from kerasfn import {name}"]
        shows_value = name not in no_value
        data = _SPARSE_EXAMPLE_DATA if "sparse" in name else _EXAMPLE_DATA
        if _function_target(function) is not None and shows_value:
            arguments = ", ".join(["y_true", "y_pred", *filter(None, [object_arguments.get(name)])])
            lines = ["import numpy as np", f"from kerasfn import {name}, as_array", *data,
                     f"as_array({name}({arguments})).round(4)"]
        if _class_target(function) is not None:
            call = f"{name}({object_arguments.get(name, '')})"
            if _function_target(function) is None and shows_value:
                # Only an object: show what it computes on the same data, as compile() would use it.
                lines = ["import numpy as np", f"from kerasfn import {name}, as_array", *data,
                         *_object_value(kind, call)]
            lines.append(f"type({call}).__name__")
        return lines

    return example


def _object_value(kind: str, call: str) -> list[str]:
    """Example lines computing a loss or metric object's value on the example data."""
    if kind == "loss":
        return [f"as_array({call}(y_true, y_pred)).round(4)"]
    return [f"metric = {call}", "_ = metric.update_state(y_true, y_pred)", "as_array(metric.result()).round(4)"]


def _dual_converters(extra: Mapping[str, str]) -> Callable[[rkeras3.RFunction, dict[str, str]], dict[str, str]]:
    def adjust(function: rkeras3.RFunction, converters: dict[str, str]) -> dict[str, str]:
        names = {name for name, _ in function.formals}
        data = {name: "as_data" for name in _DATA if name in names}  # R's missing: None, not required()
        return {**converters, **data, **{k: v for k, v in extra.items() if k in names}}

    return adjust


def dual_family(name: str, prefix: str, kind: str, title: str, *, no_value: frozenset[str] = frozenset(),
                object_arguments: Mapping[str, str] | None = None,
                converters: Mapping[str, str] | None = None, imports: tuple[str, ...] = ()) -> Family:
    """The ``loss_*``/``metric_*`` family: value or object by R's dual rule
    (``object_arguments``: what a function's example passes besides the data)."""
    return Family(
        name=name,
        title=title,
        rule=(f"R keras3's dual form: given ``y_true`` and ``y_pred`` it computes the {kind} now; given "
              f"neither it returns the Keras object for ``compile()``; given ``y_pred`` alone it waits "
              f"for ``y_true`` from a pipe (``y_true | {prefix}...(y_pred)``). {_NAMED}"),
        names=_exported(prefix),
        imports=("import keras", "", *imports,
                 "from kerasfn.rcall.dual import as_data, dual_value, stands_for, unused",
                 "from kerasfn.rcall.subjects import dual_function"),
        decorator="dual_function",
        decorator_of=lambda function: None if "y_true" in dict(function.formals) else "constructor",
        body=_dual_body(name),
        value=_dual_value(kind),
        example=_dual_example(kind, no_value, object_arguments or {}),
        optional=lambda function: frozenset(_DATA),
        adjust_converters=_dual_converters(converters or {}),
        stands_for=_stands_for,
        named_after_dots=True,
        see_also=lambda function: [":func:`compile`, :func:`fit`."],
    )


def _keras_default(target: str, p: Parameter) -> str:
    """Keras' default of ``p`` as source text; R's where Keras has none of its own (``**kwargs``)."""
    parameter = inspect.signature(keras_object(target)).parameters.get(p.name)
    if parameter is None or parameter.default is parameter.empty:
        return p.default
    try:
        ast.literal_eval(repr(parameter.default))
    except (ValueError, SyntaxError):
        return p.default
    return repr(parameter.default)


def _constructor_body(function: rkeras3.RFunction, params: list[Parameter], target: str,
                      cls: str | None = None) -> list[str]:
    """R's ``do.call(keras$optimizers$Adam, capture_args())``: only the
    arguments that change what Keras does are passed (see ``supplied``);
    ``cls`` is the class called instead of the Keras one (a kerasfn subclass)."""
    arguments = [f"{p.name}={p.name}" for p in params if p.default is None]
    defaulted = [f"{p.name!r}: ({p.name}, {_keras_default(target, p)})" for p in params if p.default is not None]
    if defaulted:
        arguments.append("**supplied({" + ", ".join(defaulted) + "})")
    if any(name == "..." for name, _ in function.formals):
        arguments.append("**kwargs")
    return [f"    return {cls or _reference(target)}({', '.join(arguments)})"]


def constructor_family(name: str, prefix: str, title: str, rule: str, *,
                       examples: Mapping[str, list[str]] | None = None,
                       arguments: Mapping[str, str] | None = None,
                       converters: Mapping[str, Mapping[str, str | None]] | None = None,
                       classes: Mapping[str, tuple[str, str]] | None = None,
                       shows: tuple[tuple[str, ...], Callable[[str], list[str]]] | None = None,
                       imports: tuple[str, ...] = (), see_also: str = "") -> Family:
    """A family of Keras object constructors: ``examples`` replace the default
    example of a function, ``arguments`` give its example's required arguments,
    ``converters`` change its converters (``"*"``: every function's; ``None`` drops one),
    ``classes`` give the kerasfn subclass a function builds instead of its Keras
    class (source text) and what it changes (for the Value section), ``shows``
    the names a default example imports and its lines given the call: what the
    object does, so that a reader sees a value, not only a class name."""
    examples, arguments, converters, classes = examples or {}, arguments or {}, converters or {}, classes or {}

    def example(function: rkeras3.RFunction) -> list[str]:
        if function.name in examples:
            return examples[function.name]
        call = f"{function.name}({arguments.get(function.name, '')})"
        if shows is None:
            return [f"from kerasfn import {function.name}", f"type({call}).__name__"]
        names, lines = shows
        return [f"from kerasfn import {', '.join((function.name, *names))}", *lines(call)]

    def adjust(function: rkeras3.RFunction, found: dict[str, str]) -> dict[str, str]:
        names = {python for python in (n.replace(".", "_") for n, _ in function.formals)}
        changes = {**converters.get("*", {}), **converters.get(function.name, {})}
        result = dict(found)
        for argument, converter in changes.items():
            if converter is None:
                result.pop(argument, None)
            elif argument in names or argument in found or function.name in converters:
                result[argument] = converter
        return result

    return Family(
        name=name,
        title=title,
        rule=f"{rule} {_NAMED}",
        names=_exported(prefix),
        imports=("import keras", "", *imports, "from kerasfn.rcall.training_converters import supplied",
                 "from kerasfn.rcall.subjects import constructor"),
        decorator="constructor",
        body=lambda function, params, target: _constructor_body(function, params, target,
                                                                 classes.get(function.name, (None,))[0]),
        value=lambda function: textwrap.wrap(f"A ``{_reference(function.targets[0])}`` object" + (
            f" ({classes[function.name][1]})." if function.name in classes else "."), width=68,
            break_on_hyphens=False, break_long_words=False),
        example=example,
        adjust_converters=adjust,
        named_after_dots=True,
        see_also=lambda function: [see_also] if see_also else [],
    )
