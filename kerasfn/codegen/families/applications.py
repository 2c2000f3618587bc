"""``application_*``: R keras3's pretrained image models (``keras.applications``).

Each R wrapper calls the Keras constructor with its arguments and attaches
the model family's ``preprocess_input()`` and ``decode_predictions()`` to
the model (R's ``set_preprocessing_attributes()``): kerasfn attaches them as
attributes, ``model.preprocess_input(x)``, which
``application_preprocess_inputs(model, x)`` also reads.
"""

from __future__ import annotations

from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import Family

#: R keras3's deprecated spellings and the names they call (R's ``function(...)``; no Keras target of their own).
_ALIASES = {"application_nasnetlarge": "application_nasnet_large", "application_nasnetmobile": "application_nasnet_mobile"}
_DEPRECATED_ALIAS = '''\
def _deprecated_alias(name: str, target: str) -> Callable[..., keras.Model]:
    @r_function(None, "")
    def alias(*args: Any, **kwargs: Any) -> keras.Model:
        return globals()[target](*args, **kwargs)  # looked up per call, as R's wrapper does

    alias.__name__ = alias.__qualname__ = name
    alias.__doc__ = f"""R keras3's former name of {target}()

    Description:
        ``{name}()`` is kept by R keras3 for older scripts; it is
        ``{target}()``, with the same arguments.

    Arguments:
        *args: Passed on to ``{target}()``.
        **kwargs: Passed on to ``{target}()``.

    Value:
        A ``keras.Model``.

    Examples:
        >>> from kerasfn import {name}
        >>> model = {name}(weights=None)  # doctest: +SKIP

    See also:
        :func:`{target}`.
    """
    return alias
'''
_DEPRECATED_ALIASES = _DEPRECATED_ALIAS + "\n\n" + "".join(
    f'{alias} = _deprecated_alias("{alias}", "{target}")\n' for alias, target in _ALIASES.items())

#: Small enough to build in an example (a second on a CPU); the others show the call only.
_BUILT_IN_EXAMPLE = "application_mobilenet"


def _names() -> list[str]:
    return sorted(name for name, function in rkeras3.exports().items()
                  if name.startswith("application_") and function.targets)


def _module(function: rkeras3.RFunction) -> str:
    """The Keras module of the model family (``keras$applications$resnet``)."""
    module = next(target for target in function.targets if target.count("$") == 2 and target.split("$")[-1][0].islower())
    return module.replace("$", ".")


def _body(function: rkeras3.RFunction, params: list, target: str) -> list[str]:
    arguments = ", ".join(f"{p.name}={p.name}" for p in params)
    return [f"    model = {target}({arguments})",
            f"    return with_preprocessing(model, {_module(function)})"]


def _example(function: rkeras3.RFunction) -> list[str]:
    name = function.name
    if name == _BUILT_IN_EXAMPLE:
        return [
            "import numpy as np",
            f"from kerasfn import {name}",
            f"model = {name}(input_shape=(32, 32, 3), alpha=0.25, weights=None, classes=10)",
            "model.output_shape",
            "model.preprocess_input(np.full((1, 1, 1, 3), 255.0)).tolist()",
        ]
    return [
        f"from kerasfn import {name}",
        f"model = {name}(weights=None)  # doctest: +SKIP",
        "x = model.preprocess_input(images)  # doctest: +SKIP",
    ]


FAMILY = Family(
    name="applications",
    title="R keras3's ``application_*`` image models (``keras.applications``).",
    rule=("Builds the Keras model (``weights=None``: random weights, no download; "
          "``\"imagenet\"``: downloaded into the Keras cache on first use) and attaches "
          "its family's ``preprocess_input()`` and ``decode_predictions()`` as attributes "
          "of the model, as R keras3 does; ``application_preprocess_inputs()`` and "
          "``application_decode_predictions()`` read them."),
    names=_names,
    imports=("from collections.abc import Callable", "", "import keras", "",
             "from kerasfn.api.applications import with_preprocessing", "from kerasfn.rcall.binding import r_function",
             "from kerasfn.rcall.subjects import constructor"),
    decorator="constructor",
    body=_body,
    value=lambda function: ["A ``keras.Model``, with ``preprocess_input`` and ``decode_predictions``",
                            "attributes."],
    example=_example,
    see_also=lambda function: [":func:`application_preprocess_inputs`, :func:`application_decode_predictions`,",
                               ":func:`imagenet_preprocess_input`."],
    extra_converters={"classifier_activation": "as_activation"},  # a name, a function or None (R: NULL)
    appendix=_DEPRECATED_ALIASES,
    appendix_names=tuple(_ALIASES),
)
