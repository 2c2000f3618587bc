"""kerasfn.rcall.dual: R keras3's dual form of loss_* and metric_*: what counts as labels or predictions
(is_data, as_data), the value computed by the Keras function (dual_value, arrays given to it as tensors), the
arguments that only the other form takes refused (unused), and the Keras function a wrapper stands for in
compile() (stands_for).

R keras3 on this Keras (/work/shared/rkeras/run.sh):

    yt <- rbind(c(0, 1), c(1, 1)); yp <- rbind(c(0.2, 0.7), c(0.9, 0.4))
    as.numeric(loss_mean_squared_error(yt, yp))          # 0.06500001 0.185
    loss_mean_squared_error(yt, yp, reduction = "sum")   # error: unused argument (reduction = "sum")
"""

import keras
import numpy as np
import pytest

from kerasfn.rcall.dual import as_data, dual_value, is_data, stands_for, unused


@pytest.mark.parametrize("value", [[0, 1], (0.5,), 1, 2.5, np.zeros(2), keras.ops.ones((2,)), [[0, 1], [1, 1]]])
def test_tensors_arrays_lists_and_numbers_are_data(value):
    assert is_data(value) and as_data("y_true", value) is value


@pytest.mark.parametrize("value", [None, "sum", b"x", True, {"a": 1}, object()])
def test_text_booleans_and_other_objects_are_not_data(value):
    assert not is_data(value)


def test_as_data_lets_missing_through_and_names_what_is_not_data():
    assert as_data("y_pred", None) is None
    with pytest.raises(TypeError, match=r"^`y_true` must be a tensor or array; received 'a' \(str\)\.$"):
        as_data("y_true", "a")


def test_the_value_is_the_keras_functions(y_true, y_pred):
    value = dual_value("loss_mean_squared_error", keras.losses.mean_squared_error, y_true, y_pred, {},
                       object_only={"reduction": ("sum_over_batch_size", "sum_over_batch_size")})
    np.testing.assert_allclose(keras.ops.convert_to_numpy(value), [0.06500001, 0.185], rtol=1e-6)  # R's values
    huber = dual_value("loss_huber", keras.losses.huber, y_true, y_pred, {"delta": 0.5})
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(huber),
                                  keras.ops.convert_to_numpy(keras.losses.huber(y_true, y_pred, delta=0.5)))


def test_arrays_reach_the_keras_function_as_tensors(y_true, y_pred):
    received = []
    dual_value("loss_example", lambda y_true, y_pred: received.extend([y_true, y_pred]), y_true, [[0.5]], {})
    assert keras.ops.is_tensor(received[0]) and received[1] == [[0.5]]


def test_extra_keywords_must_be_the_keras_functions(y_true, y_pred):
    value = dual_value("loss_binary_crossentropy", keras.losses.binary_crossentropy, y_true, y_pred, {},
                       kwargs={"label_smoothing": 0.1})
    np.testing.assert_array_equal(
        keras.ops.convert_to_numpy(value),
        keras.ops.convert_to_numpy(keras.losses.binary_crossentropy(y_true, y_pred, label_smoothing=0.1)))
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'foo' \(received foo=1"):
        dual_value("loss_mean_squared_error", keras.losses.mean_squared_error, y_true, y_pred, {}, kwargs={"foo": 1})


def test_a_missing_y_true_or_y_pred_is_named(y_true):
    with pytest.raises(TypeError, match=(r"^`y_pred` is missing: loss_mean_squared_error\(\) computes its value from "
                                         r"`y_true` and `y_pred`; without either it returns the object for compile\(\)\.$")):
        dual_value("loss_mean_squared_error", keras.losses.mean_squared_error, y_true, None, {}, object_only={})
    with pytest.raises(TypeError, match=r"^`y_true` is missing: metric_huber\(\) computes its value from `y_true` and `y_pred`\.$"):
        dual_value("metric_huber", keras.metrics.huber, None, None, {})


def test_an_argument_of_the_other_form_is_refused_unless_at_its_default(y_true, y_pred):
    with pytest.raises(TypeError, match=(r"^`reduction` of loss_mean_squared_error\(\) only applies to the object "
                                         r"\(no y_true, y_pred\); received reduction='sum' \(str\) when making the value\.$")):
        dual_value("loss_mean_squared_error", keras.losses.mean_squared_error, y_true, y_pred, {},
                   object_only={"reduction": ("sum", "sum_over_batch_size")})
    with pytest.raises(TypeError, match=(r"^`ref_labels` of loss_circle\(\) only applies to the value \(with y_true "
                                         r"and y_pred\); received ref_labels=")):
        unused("loss_circle", {"ref_labels": ([0, 1], None)}, "object")
    # equal to the default but not the same object, as R passes it
    unused("loss_huber", {"name": ("HUBER".lower(), "huber"), "delta": (1.0, 1), "dtype": (None, None)}, "value")


def test_stands_for_records_the_keras_function():
    @stands_for(keras.metrics.binary_accuracy)
    def metric_example():
        """A stand-in wrapper."""

    assert metric_example.keras_function is keras.metrics.binary_accuracy
    assert metric_example.__doc__ == "A stand-in wrapper."
