"""kerasfn.generated.metrics: ``metric_*`` convert R's values as R keras3 declares (R/metrics.R: as_integer,
as.list(as_integer(x))), and the losses' axis is Python's."""

from kerasfn import loss_binary_crossentropy, metric_auc, metric_iou


def test_r_conversions():
    assert metric_auc(num_thresholds=100.0).num_thresholds == 100  # R: as_integer
    iou = metric_iou(num_classes=3.0, target_class_ids=1.0)  # R: as.list(as_integer(x))
    assert (iou.num_classes, iou.target_class_ids) == (3, [1])
    assert loss_binary_crossentropy(axis=-1).axis == -1
