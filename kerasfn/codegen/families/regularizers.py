"""``regularizer_*``: R keras3's weight regularizers, ``keras.regularizers`` objects."""

from __future__ import annotations

from kerasfn.codegen.families.keras_objects import constructor_family

FAMILY = constructor_family(
    name="regularizers",
    prefix="regularizer_",
    title="R keras3's ``regularizer_*`` functions: weight penalties, for a layer's ``*_regularizer=``.",
    rule="Returns the regularizer, for a layer's ``kernel_regularizer=`` and the like.",
    examples={"regularizer_l1_l2": [
        "import numpy as np",
        "from kerasfn import regularizer_l1_l2",
        "round(float(regularizer_l1_l2(l1=0.01, l2=0.1)(np.array([[1.0, -2.0]]))), 6)",
    ]},
    # The penalty of one weight matrix.
    shows=(("as_array",), lambda call: [
        "import numpy as np",
        "weights = np.array([[1.0, -2.0], [0.5, 0.0]], dtype=\"float32\")",
        f"as_array({call}(weights)).round(6)"]),
    see_also=":func:`layer_dense` (``kernel_regularizer=``).",
)
