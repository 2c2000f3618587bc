"""``constraint_*``: R keras3's weight constraints, ``keras.constraints`` objects."""

from __future__ import annotations

from kerasfn.codegen.families.keras_objects import constructor_family

FAMILY = constructor_family(
    name="constraints",
    prefix="constraint_",
    title="R keras3's ``constraint_*`` functions: weight constraints, for a layer's ``*_constraint=``.",
    rule=("Returns the constraint, for a layer's ``kernel_constraint=`` and the like. "
          "Axes are 0-based (R's default ``axis = 1`` is ``axis=0``)."),
    examples={"constraint_maxnorm": [
        "from kerasfn import constraint_maxnorm",
        "constraint_maxnorm(max_value=2.5).max_value, constraint_maxnorm().axis",
    ]},
    # R's as_integer truncates max_value (2.5 becomes 2); Keras takes a float.
    converters={"constraint_maxnorm": {"max_value": "as_number"}},
    # The weights a layer keeps after the constraint.
    shows=(("as_array",), lambda call: [
        "import numpy as np",
        "weights = np.array([[3.0, -1.0], [4.0, 0.5]], dtype=\"float32\")",
        f"as_array({call}(weights)).round(4)"]),
    see_also=":func:`layer_dense` (``kernel_constraint=``).",
)
