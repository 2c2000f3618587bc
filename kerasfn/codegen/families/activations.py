"""``activation_*``: R keras3's ``keras.activations`` functions.

Each computes on ``x`` (``activation_relu(x)``, ``x | activation_relu``)
and, given as a layer's ``activation=``, stands for Keras' own function, so
the layer serializes as with ``activation="relu"``.
"""

from __future__ import annotations

from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import Family

_SETUP = ["import numpy as np", "from kerasfn import as_array, {name}",
          "x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0], dtype='float32')"]
_EXAMPLES = {
    "activation_relu": ["print(as_array(x | activation_relu(max_value=1.0)))",
                        "from kerasfn import layer_dense",
                        "layer_dense(units=4, activation=activation_relu).get_config()['activation']"],
    "activation_threshold": ["print(as_array(x | activation_threshold(0.0, -1.0)))"],
    "activation_glu": ["print(np.round(as_array(activation_glu(np.array([[1.0, 2.0, 0.0, 1.0]], dtype='float32'))), 4))"],
}


def example(function: rkeras3.RFunction) -> list[str]:
    setup = [line.format(name=function.name) for line in _SETUP]
    return setup + _EXAMPLES.get(function.name, [f"print(np.round(as_array(x | {function.name}()), 4) + 0)"])


FAMILY = Family(
    name="activations",
    title="R keras3's ``activation_*`` functions: ``keras.activations`` with R's call semantics.",
    rule=("Computes on ``x``; without it, a partial call (``x | f(...)`` is "
          "``f(x, ...)``).  Given as a layer's ``activation=``, it stands for "
          "Keras' own function, as in R keras3: ``layer_dense(4, "
          "activation=activation_relu)`` serializes as ``\"relu\"``."),
    names=lambda: sorted(name for name in rkeras3.exports() if name.startswith("activation_")),
    imports=("import keras", "", "from kerasfn.rcall.subjects import activation_function"),
    decorator="activation_function",
    body=lambda function, params, target: [
        f"    return {target}({', '.join(f'{p.name}={p.name}' for p in params)})"
    ],
    value=lambda function: ["A tensor of ``x``'s shape (a ``KerasTensor`` when given one)."],
    example=example,
    see_also=lambda function: [":func:`layer_activation`, :func:`layer_dense` (``activation=``)."],
)
