"""``learning_rate_schedule_*``: R keras3's schedules, ``keras.optimizers.schedules`` objects."""

from __future__ import annotations

from kerasfn.codegen.families.keras_objects import constructor_family

FAMILY = constructor_family(
    name="learning_rate_schedules",
    prefix="learning_rate_schedule_",
    title="R keras3's ``learning_rate_schedule_*`` functions: learning rates that change with each step.",
    rule=("Returns the schedule, for an optimizer's ``learning_rate=``; ``schedule(step)`` is the rate "
          "at a (0-based) training step, as in R."),
    arguments={
        "learning_rate_schedule_cosine_decay": "0.1, decay_steps=10",
        "learning_rate_schedule_cosine_decay_restarts": "0.1, first_decay_steps=10",
        "learning_rate_schedule_inverse_time_decay": "0.1, decay_steps=10, decay_rate=0.5",
        "learning_rate_schedule_piecewise_constant_decay": "boundaries=[10, 20], values=[0.1, 0.01, 0.001]",
        "learning_rate_schedule_polynomial_decay": "0.1, decay_steps=10",
    },
    examples={"learning_rate_schedule_exponential_decay": [
        "from kerasfn import learning_rate_schedule_exponential_decay",
        "schedule = learning_rate_schedule_exponential_decay(0.1, decay_steps=2, decay_rate=0.5, staircase=True)",
        "[float(schedule(step)) for step in range(5)]",
    ]},
    # The rate at a few steps: what the schedule is for.
    shows=((), lambda call: [f"schedule = {call}",
                             "[round(float(schedule(step)), 5) for step in (0, 5, 10, 20)]"]),
    see_also="``optimizer_*()``, :func:`callback_learning_rate_scheduler`.",
)
