"""``loss_*``: R keras3's losses, in R's dual form (``kerasfn/rcall/dual.py``)."""

from __future__ import annotations

from kerasfn.codegen.families.keras_objects import dual_family

FAMILY = dual_family(
    name="losses",
    prefix="loss_",
    kind="loss",
    title="R keras3's ``loss_*`` functions: the loss of ``y_true`` and ``y_pred``, or the Loss object.",
    # Labels these need are not the shared two-by-two example's.
    no_value=frozenset({"loss_ctc", "loss_circle"}),
    # R: ref_labels = as_integer, which R applies to each label.
    converters={"ref_labels": "as_integer_vector"},
)
