"""``metric_*``: R keras3's metrics; R's dual form where Keras has both a
function and a class, else the one Keras has (``metric_auc()`` an object,
``metric_huber(y_true, y_pred)`` a value)."""

from __future__ import annotations

from kerasfn.codegen.families.keras_objects import dual_family

FAMILY = dual_family(
    name="metrics",
    prefix="metric_",
    kind="metric",
    title="R keras3's ``metric_*`` functions: the metric of ``y_true`` and ``y_pred``, or the Metric object.",
    object_arguments={
        "metric_sparse_top_k_categorical_accuracy": "k=1",
        "metric_top_k_categorical_accuracy": "k=1",
        "metric_iou": "num_classes=2, target_class_ids=0",
        "metric_one_hot_iou": "num_classes=2, target_class_ids=0",
        "metric_mean_iou": "num_classes=2",
        "metric_one_hot_mean_iou": "num_classes=2",
        "metric_precision_at_recall": "recall=0.5",
        "metric_recall_at_precision": "precision=0.5",
        "metric_sensitivity_at_specificity": "specificity=0.5",
        "metric_specificity_at_sensitivity": "sensitivity=0.5",
        "metric_mean_wrapper": "fn=lambda y_true, y_pred: abs(y_true - y_pred)",
    },
    # R: target_class_ids = function(x) as.list(as_integer(x)) (and lapply(x, as_integer)).
    # R's beta = 1 is a double, and Keras' FBetaScore refuses an int.
    converters={"target_class_ids": "as_class_ids", "beta": "as_double"},
    imports=("from kerasfn.rcall.training_converters import as_class_ids, as_double",
             "from kerasfn.rcall.subjects import constructor"),
)
