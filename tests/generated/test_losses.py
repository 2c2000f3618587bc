"""kerasfn.generated.losses: ``loss_*`` in R keras3's dual form (and the metrics beside them in R's printed values
and errors).

R keras3 (R/losses.R, R/metrics.R at the commit in kerasfn/codegen/rkeras3):

    loss_mean_squared_error <- function(y_true, y_pred, ..., reduction = "sum_over_batch_size",
                                        name = "mean_squared_error", dtype = NULL) {
      args <- capture_args(list(y_true = as_py_array, y_pred = as_py_array))
      callable <- if (missing(y_true) && missing(y_pred)) keras$losses$MeanSquaredError
                  else keras$losses$mean_squared_error
      do.call(callable, args)
    }

and ``metric_auc(..., num_thresholds = 200L, ...)`` (an object only), ``metric_huber(y_true, y_pred,
delta = 1)`` (a value only).  What R keras3 printed for the calls below (run with
/work/shared/rkeras/run.sh on this Keras):

    yt <- rbind(c(0, 1), c(1, 1)); yp <- rbind(c(0.2, 0.7), c(0.9, 0.4))
    as.numeric(loss_mean_squared_error(yt, yp))          # 0.06500001 0.185
    as.numeric(loss_huber(yt, yp, delta = 0.5))          # 0.0325 0.09
    as.numeric(metric_binary_accuracy(yt, yp, threshold = 0.6))   # 1 1 1 0
    obj <- loss_mean_squared_error(reduction = "sum"); obj$reduction; obj$name   # "sum" "mean_squared_error"
    loss_mean_squared_error(yt, yp, reduction = "sum")   # error: unused argument (reduction = "sum")
    loss_mean_squared_error(y_true = yt)                 # TypeError: ... missing 1 required positional argument: 'y_pred'
    metric_auc(100)                                      # error: All arguments provided to `...` must be named.
    metric_auc()$name; metric_auc()$num_thresholds       # "auc" 200
"""

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    as_array,
    loss_binary_crossentropy,
    loss_circle,
    loss_huber,
    loss_mean_squared_error,
    metric_auc,
    metric_binary_accuracy,
    metric_huber,
    metric_iou,
)


def test_r_values(y_true, y_pred):
    """Values R keras3 printed (module docstring)."""
    keras.backend.clear_session()  # R's session had no AUC yet: the first is "auc"
    np.testing.assert_allclose(as_array(loss_mean_squared_error(y_true, y_pred)), [0.06500001, 0.185], rtol=1e-6)
    np.testing.assert_allclose(as_array(loss_huber(y_true, y_pred, delta=0.5)), [0.0325, 0.09], rtol=1e-6)
    np.testing.assert_array_equal(as_array(metric_binary_accuracy(y_true, y_pred, threshold=0.6)).ravel(),
                                  [1, 1, 1, 0])
    loss = loss_mean_squared_error(reduction="sum")
    assert (type(loss), loss.reduction, loss.name) == (keras.losses.MeanSquaredError, "sum", "mean_squared_error")
    auc = metric_auc()
    assert (auc.name, auc.num_thresholds) == ("auc", 200)


def test_partial_application_waits_for_y_true_from_a_pipe(y_true, y_pred):
    """R: ``y_true |> loss_mean_squared_error(y_pred)``."""
    expected = as_array(keras.losses.mean_squared_error(y_true, y_pred))
    pending = loss_mean_squared_error(y_pred)
    assert isinstance(pending, kerasfn.rcall.binding.Pending)
    np.testing.assert_array_equal(as_array(y_true | pending), expected)
    np.testing.assert_array_equal(as_array(y_true | loss_mean_squared_error(y_pred=y_pred)), expected)
    np.testing.assert_array_equal(as_array(y_true | metric_huber(y_pred, delta=0.5)),
                                  as_array(keras.metrics.huber(y_true, y_pred, delta=0.5)))
    np.testing.assert_array_equal(
        as_array(y_true | loss_binary_crossentropy(y_pred, from_logits=True)),
        as_array(keras.losses.binary_crossentropy(y_true, y_pred, from_logits=True)))


def test_arguments_reach_the_form_they_belong_to(y_true, y_pred):
    np.testing.assert_array_equal(as_array(loss_binary_crossentropy(y_true, y_pred, label_smoothing=0.1)),
                                  as_array(keras.losses.binary_crossentropy(y_true, y_pred, label_smoothing=0.1)))
    assert loss_binary_crossentropy(label_smoothing=0.1).get_config() == \
        keras.losses.BinaryCrossentropy(label_smoothing=0.1).get_config()
    assert loss_huber(delta=0.5, name="h").get_config() == keras.losses.Huber(delta=0.5, name="h").get_config()


def test_errors_name_the_argument(y_true, y_pred):
    with pytest.raises(TypeError, match=r"`reduction` of loss_mean_squared_error\(\) only applies to the object"):
        loss_mean_squared_error(y_true, y_pred, reduction="sum")  # R: unused argument (reduction = "sum")
    with pytest.raises(TypeError, match=r"`y_pred` is missing: loss_mean_squared_error\(\) computes"):
        loss_mean_squared_error(y_true=y_true)
    with pytest.raises(TypeError, match=r"`y_true` is missing: metric_huber\(\) computes its value from"):
        metric_huber()  # no object form in R either
    with pytest.raises(TypeError, match=r"`y_true` must be a tensor or array; received 'a' \(str\)"):
        loss_mean_squared_error("a", y_pred)
    with pytest.raises(TypeError, match="positional"):
        metric_auc(100)  # R: All arguments provided to `...` must be named
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'foo' \(received foo=1"):
        loss_mean_squared_error(y_true, y_pred, foo=1)
    with pytest.raises(TypeError, match=r"`ref_labels` of loss_circle\(\) only applies to the value"):
        loss_circle(ref_labels=[0, 1])
    with pytest.raises(ValueError, match=r"`num_classes` must be a whole number; received 2.5"):
        metric_iou(num_classes=2.5, target_class_ids=0)
