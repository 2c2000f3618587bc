"""``optimizer_*``: R keras3's optimizers, Keras optimizer objects."""

from __future__ import annotations

from kerasfn.codegen.families.keras_objects import constructor_family

FAMILY = constructor_family(
    name="optimizers",
    prefix="optimizer_",
    title="R keras3's ``optimizer_*`` functions: Keras optimizers, for ``compile(optimizer=)``.",
    rule="Returns the optimizer object for ``compile(optimizer=)``; it composes with nothing.",
    arguments={"optimizer_loss_scale": "optimizer_sgd()"},
    examples={"optimizer_adam": [
        "from kerasfn import optimizer_adam, learning_rate_schedule_exponential_decay",
        "optimizer_adam(learning_rate=0.01).learning_rate.numpy().round(4)",
        "schedule = learning_rate_schedule_exponential_decay(0.1, decay_steps=10, decay_rate=0.5)",
        "type(optimizer_adam(learning_rate=schedule)._learning_rate).__name__",
    ], "optimizer_loss_scale": [
        "from kerasfn import optimizer_loss_scale, optimizer_sgd",
        "type(optimizer_loss_scale(optimizer_sgd())).__name__",
    ]},
    # learning_rate: a number or a learning_rate_schedule_*() object (R declares nothing).
    converters={"*": {"learning_rate": "as_learning_rate"}},
    imports=("from kerasfn.rcall.training_converters import as_learning_rate",),
    # One step from the weights (1, 2) with the gradient (0.5, -0.5).
    shows=(("as_array", "keras_variable", "op_convert_to_tensor"), lambda call: [
        "weights = keras_variable([1.0, 2.0])",
        f"optimizer = {call}",
        "optimizer.apply([op_convert_to_tensor([0.5, -0.5])], [weights])",
        "as_array(weights).round(6)"]),
    see_also=":func:`compile`, ``learning_rate_schedule_*()``.",
)
