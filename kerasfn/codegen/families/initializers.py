"""``initializer_*``: R keras3's initializers, ``keras.initializers`` objects."""

from __future__ import annotations

from kerasfn.codegen.families.keras_objects import constructor_family

FAMILY = constructor_family(
    name="initializers",
    prefix="initializer_",
    title="R keras3's ``initializer_*`` functions: weight initializers, for a layer's ``*_initializer=``.",
    rule=("Returns the initializer, for a layer's ``kernel_initializer=`` and the like; "
          "``initializer(shape)`` draws values.  R's double seeds become integers."),
    arguments={name: "seed=1" for name in (
        "initializer_glorot_normal", "initializer_he_normal", "initializer_he_uniform", "initializer_lecun_normal",
        "initializer_lecun_uniform", "initializer_orthogonal", "initializer_random_normal",
        "initializer_random_uniform", "initializer_truncated_normal", "initializer_variance_scaling")},
    examples={"initializer_stft": [
        "from kerasfn import initializer_stft, as_array",
        "as_array(initializer_stft()((4, 1, 4)))[:, 0, :].round(4)  # (frame_length, channels, fft_length)",
    ], "initializer_glorot_uniform": [
        "from kerasfn import initializer_glorot_uniform, layer_dense",
        "init = initializer_glorot_uniform(seed=1.0)",
        "init.seed",
        "type(layer_dense(units=2, kernel_initializer=init).kernel_initializer).__name__",
    ]},
    # The values it draws for a 2 x 2 kernel (fixed where a seed is taken).
    shows=(("as_array",), lambda call: [f"as_array({call}((2, 2))).round(4)"]),
    see_also=":func:`layer_dense` (``kernel_initializer=``).",
)
