"""``initializer_*``: R keras3's initializers, ``keras.initializers`` objects."""

from __future__ import annotations

from kerasfn.codegen.families.keras_objects import constructor_family

FAMILY = constructor_family(
    name="initializers",
    prefix="initializer_",
    title="R keras3's ``initializer_*`` functions: weight initializers, for a layer's ``*_initializer=``.",
    rule=("Returns the initializer, for a layer's ``kernel_initializer=`` and the like; "
          "``initializer(shape)`` draws values.  R's double seeds become integers."),
    examples={"initializer_glorot_uniform": [
        "from kerasfn import initializer_glorot_uniform, layer_dense",
        "init = initializer_glorot_uniform(seed=1.0)",
        "init.seed",
        "type(layer_dense(units=2, kernel_initializer=init).kernel_initializer).__name__",
    ]},
    see_also=":func:`layer_dense` (``kernel_initializer=``).",
)
