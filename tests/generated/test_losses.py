"""Issue 9: ``loss_*`` and ``metric_*``, R keras3's dual form.

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

import inspect

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    as_array,
    compile,
    fit,
    keras_input,
    keras_model,
    layer_dense,
    loss_binary_crossentropy,
    loss_circle,
    loss_huber,
    loss_mean_squared_error,
    metric_auc,
    metric_binary_accuracy,
    metric_huber,
    metric_iou,
    metric_mean_absolute_error,
)
from kerasfn.generated import losses, metrics

Y_TRUE = np.array([[0.0, 1.0], [1.0, 1.0]], dtype="float32")
Y_PRED = np.array([[0.2, 0.7], [0.9, 0.4]], dtype="float32")
#: Functions whose inputs are not two-by-two probabilities (sparse labels, CTC, circle embeddings).
_OTHER_INPUTS = {"loss_ctc", "loss_circle", "loss_sparse_categorical_crossentropy",
                 "metric_sparse_categorical_accuracy", "metric_sparse_categorical_crossentropy",
                 "metric_sparse_top_k_categorical_accuracy", "metric_top_k_categorical_accuracy"}


def _keras(target):
    return getattr(keras.losses if target.startswith("loss_") else keras.metrics, target)


def _forms(module):
    """(name, keras function or None, keras class or None) of each function in a generated module."""
    from kerasfn.codegen import rkeras3
    from kerasfn.codegen.family import keras_object

    for name in module.__all__:
        objects = [keras_object(t) for t in rkeras3.function(name).targets]
        function = next((o for o in objects if inspect.isfunction(o)), None)
        cls = next((o for o in objects if isinstance(o, type)), None)
        yield name, function, cls


FORMS = [*_forms(losses), *_forms(metrics)]
VALUES = [(name, function) for name, function, _ in FORMS if function is not None and name not in _OTHER_INPUTS]
OBJECTS = [(name, cls) for name, _, cls in FORMS if cls is not None]


def test_counts():
    assert len(losses.__all__) == 22 and len(metrics.__all__) == 48
    kinds = [(function is not None, cls is not None) for _, function, cls in FORMS]
    # dual (22 losses, 19 metrics), a value only (metric_huber, ...), an object only (metric_auc, ...)
    assert (kinds.count((True, True)), kinds.count((True, False)), kinds.count((False, True))) == (41, 4, 25)


#: Where the Keras function has no default and R's formal gives one (R's own call would fail:
#: capture_args() leaves the default out), kerasfn passes R's default.
_R_DEFAULT_KERAS_REQUIRES = {"loss_categorical_generalized_cross_entropy": {"q": 0.5}}


@pytest.mark.parametrize("name,function", VALUES, ids=[name for name, _ in VALUES])
def test_with_data_computes_keras_value(name, function):
    got = getattr(kerasfn, name)(Y_TRUE, Y_PRED)
    # Keras on tensors: on PyTorch, Keras' categorical_generalized_cross_entropy fails on arrays.
    y_true, y_pred = keras.ops.convert_to_tensor(Y_TRUE), keras.ops.convert_to_tensor(Y_PRED)
    expected = function(y_true, y_pred, **_R_DEFAULT_KERAS_REQUIRES.get(name, {}))
    np.testing.assert_array_equal(as_array(got), as_array(expected))


#: R's required arguments of the object-only metrics (they follow R's ``...``: named).
_REQUIRED = {"metric_iou": {"num_classes": 2, "target_class_ids": [0]},
             "metric_one_hot_iou": {"num_classes": 2, "target_class_ids": [0]},
             "metric_mean_iou": {"num_classes": 2}, "metric_one_hot_mean_iou": {"num_classes": 2},
             "metric_precision_at_recall": {"recall": 0.5}, "metric_recall_at_precision": {"precision": 0.5},
             "metric_sensitivity_at_specificity": {"specificity": 0.5},
             "metric_specificity_at_sensitivity": {"sensitivity": 0.5},
             "metric_mean_wrapper": {"fn": keras.losses.mean_squared_error}}


@pytest.mark.parametrize("name,cls", OBJECTS, ids=[name for name, _ in OBJECTS])
def test_without_data_returns_keras_object_with_keras_defaults(name, cls):
    arguments = _REQUIRED.get(name, {})
    got = getattr(kerasfn, name)(**arguments)
    assert type(got) is cls
    config, expected = got.get_config(), cls(**arguments).get_config()
    if name == "metric_mean_wrapper":  # the function is serialized; the rest must agree
        config.pop("fn", None), expected.pop("fn", None)
    if inspect.signature(getattr(kerasfn, name)).parameters["name"].default is None:
        config.pop("name"), expected.pop("name")  # Keras numbers unnamed objects: auc, auc_1, ...
    assert config == expected


def test_r_values():
    """Values R keras3 printed (module docstring)."""
    keras.backend.clear_session()  # R's session had no AUC yet: the first is "auc"
    np.testing.assert_allclose(as_array(loss_mean_squared_error(Y_TRUE, Y_PRED)), [0.06500001, 0.185], rtol=1e-6)
    np.testing.assert_allclose(as_array(loss_huber(Y_TRUE, Y_PRED, delta=0.5)), [0.0325, 0.09], rtol=1e-6)
    np.testing.assert_array_equal(as_array(metric_binary_accuracy(Y_TRUE, Y_PRED, threshold=0.6)).ravel(),
                                  [1, 1, 1, 0])
    loss = loss_mean_squared_error(reduction="sum")
    assert (type(loss), loss.reduction, loss.name) == (keras.losses.MeanSquaredError, "sum", "mean_squared_error")
    auc = metric_auc()
    assert (auc.name, auc.num_thresholds) == ("auc", 200)


def test_partial_application_waits_for_y_true_from_a_pipe():
    """R: ``y_true |> loss_mean_squared_error(y_pred)``."""
    expected = as_array(keras.losses.mean_squared_error(Y_TRUE, Y_PRED))
    pending = loss_mean_squared_error(Y_PRED)
    assert isinstance(pending, kerasfn.rcall.binding.Pending)
    np.testing.assert_array_equal(as_array(Y_TRUE | pending), expected)
    np.testing.assert_array_equal(as_array(Y_TRUE | loss_mean_squared_error(y_pred=Y_PRED)), expected)
    np.testing.assert_array_equal(as_array(Y_TRUE | metric_huber(Y_PRED, delta=0.5)),
                                  as_array(keras.metrics.huber(Y_TRUE, Y_PRED, delta=0.5)))
    np.testing.assert_array_equal(
        as_array(Y_TRUE | loss_binary_crossentropy(Y_PRED, from_logits=True)),
        as_array(keras.losses.binary_crossentropy(Y_TRUE, Y_PRED, from_logits=True)))


def test_arguments_reach_the_form_they_belong_to():
    np.testing.assert_array_equal(as_array(loss_binary_crossentropy(Y_TRUE, Y_PRED, label_smoothing=0.1)),
                                  as_array(keras.losses.binary_crossentropy(Y_TRUE, Y_PRED, label_smoothing=0.1)))
    assert loss_binary_crossentropy(label_smoothing=0.1).get_config() == \
        keras.losses.BinaryCrossentropy(label_smoothing=0.1).get_config()
    assert loss_huber(delta=0.5, name="h").get_config() == keras.losses.Huber(delta=0.5, name="h").get_config()


def test_errors_name_the_argument():
    with pytest.raises(TypeError, match=r"`reduction` of loss_mean_squared_error\(\) only applies to the object"):
        loss_mean_squared_error(Y_TRUE, Y_PRED, reduction="sum")  # R: unused argument (reduction = "sum")
    with pytest.raises(TypeError, match=r"`y_pred` is missing: loss_mean_squared_error\(\) computes"):
        loss_mean_squared_error(y_true=Y_TRUE)
    with pytest.raises(TypeError, match=r"`y_true` is missing: metric_huber\(\) computes its value from"):
        metric_huber()  # no object form in R either
    with pytest.raises(TypeError, match=r"`y_true` must be a tensor or array; received 'a' \(str\)"):
        loss_mean_squared_error("a", Y_PRED)
    with pytest.raises(TypeError, match="positional"):
        metric_auc(100)  # R: All arguments provided to `...` must be named
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'foo' \(received foo=1"):
        loss_mean_squared_error(Y_TRUE, Y_PRED, foo=1)
    with pytest.raises(TypeError, match=r"`ref_labels` of loss_circle\(\) only applies to the value"):
        loss_circle(ref_labels=[0, 1])
    with pytest.raises(ValueError, match=r"`num_classes` must be a whole number; received 2.5"):
        metric_iou(num_classes=2.5, target_class_ids=0)


def test_r_conversions():
    assert metric_auc(num_thresholds=100.0).num_thresholds == 100  # R: as_integer
    iou = metric_iou(num_classes=3.0, target_class_ids=1.0)  # R: as.list(as_integer(x))
    assert (iou.num_classes, iou.target_class_ids) == (3, [1])
    assert loss_binary_crossentropy(axis=-1).axis == -1


def test_usable_in_compile_and_fit():
    keras.backend.clear_session()
    inputs = keras_input((3,))
    model = keras_model(inputs, inputs | layer_dense(2, activation="sigmoid"))
    model | compile(optimizer="sgd", loss=loss_binary_crossentropy(label_smoothing=0.1),
                    metrics=[metric_binary_accuracy(threshold=0.4), metric_auc(), metric_mean_absolute_error],
                    jit_compile=False)
    x, y = np.random.rand(8, 3), (np.random.rand(8, 2) > 0.5).astype("float32")
    history = model | fit(x, y, epochs=1, verbose=0)
    # R names the function metric_mean_absolute_error for the Keras function it calls (see below)
    assert set(history.history) == {"loss", "binary_accuracy", "auc", "mean_absolute_error"}
    # the function itself as R's `loss = loss_mean_squared_error`: Keras calls it with both data
    model | compile(optimizer="sgd", loss=loss_mean_squared_error, jit_compile=False)
    history = model | fit(x, y, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])


# -- compile(): R's names for its own functions ------------------------------------------

_X = np.random.default_rng(0).uniform(size=(10, 4)).astype("float32")
_Y = np.random.default_rng(1).integers(0, 2, size=(10, 1)).astype("float32")


def _history_names(loss, metrics, outputs=None):
    keras.backend.clear_session()  # Keras numbers a second AUC object auc_1, as R's fresh session does not
    inputs = keras_input(shape=4)
    if outputs is None:
        model = keras_model(inputs, inputs | layer_dense(1, activation="sigmoid"))
        y = _Y
    else:
        model = keras_model(inputs, {name: inputs | layer_dense(1, activation="sigmoid", name=name) for name in outputs})
        y = {name: _Y for name in outputs}
    model | compile(loss=loss, metrics=metrics)
    return sorted((model | fit(_X, y, epochs=1, verbose=0)).history)


def test_compile_names_kerasfn_metric_functions_as_r_does():
    """R keras3 resolves its wrappers to the Keras function they call (resolve_py_obj(prefer_class
    = FALSE)); names(history$metrics) in R after fit():
      compile(loss = "binary_crossentropy", metrics = metric_binary_accuracy)  -> binary_accuracy loss
      compile(loss = loss_binary_crossentropy,
              metrics = list(metric_binary_accuracy, loss_binary_crossentropy, metric_auc, "mae"))
                                                -> auc binary_accuracy binary_crossentropy loss mae
      two outputs a, b: metrics = list(a = metric_binary_accuracy, b = list(metric_binary_crossentropy))
                                                -> a_binary_accuracy a_loss b_binary_crossentropy b_loss loss"""
    assert _history_names("binary_crossentropy", metric_binary_accuracy) == ["binary_accuracy", "loss"]
    assert _history_names(loss_binary_crossentropy, [metric_binary_accuracy, loss_binary_crossentropy, metric_auc, "mae"]) == [
        "auc", "binary_accuracy", "binary_crossentropy", "loss", "mae"]
    assert _history_names("binary_crossentropy", {"a": metric_binary_accuracy, "b": [kerasfn.metric_binary_crossentropy]},
                          outputs=("a", "b")) == ["a_binary_accuracy", "a_loss", "b_binary_crossentropy", "b_loss", "loss"]


def test_each_loss_and_metric_function_stands_for_the_keras_function_it_calls():
    # R's resolve_py_obj(prefer_class = FALSE): the function where Keras has one, else the class
    assert metric_binary_accuracy.keras_function is keras.metrics.binary_accuracy
    assert loss_binary_crossentropy.keras_function is keras.losses.binary_crossentropy
    assert metric_auc.keras_function is keras.metrics.AUC
    assert metric_huber.keras_function is keras.metrics.huber
    for module in (losses, metrics):
        for name in module.__all__:
            assert callable(getattr(module, name).keras_function), name
