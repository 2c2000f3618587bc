"""kerasfn.api.training: what compile() passes to Keras.

The jit_compile choice (the logic only; timings live in bench/train.py), and
that a model trained with kerasfn's choice reaches plain Keras' loss with the
same seed and data; and the losses and metrics, each kerasfn ``loss_*`` /
``metric_*`` function resolved to the Keras function it stands for, as R
keras3 resolves its own.
"""

import warnings

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    compile,
    fit,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_dense,
    layer_dropout,
    layer_lstm,
    loss_binary_crossentropy,
    loss_mean_squared_error,
    metric_auc,
    metric_binary_accuracy,
    metric_huber,
    metric_mean_absolute_error,
)
from kerasfn.api.training import resolve_jit_compile
from kerasfn.generated import losses, metrics

on_tensorflow = pytest.mark.skipif(
    keras.backend.backend() != "tensorflow", reason="the choice concerns the TensorFlow backend on a CPU"
)


def _lstm_model():
    return keras.Sequential([keras.Input((6, 3)), keras.layers.LSTM(8), keras.layers.Dense(1)])


class _NoXLA(keras.layers.Layer):
    """A layer that declares it cannot run under XLA (as Keras' string lookups do)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_jit = False

    def call(self, x):
        return x


@pytest.fixture
def cpu_only(monkeypatch):
    import tensorflow as tf

    devices = [d for d in tf.config.list_physical_devices() if d.device_type == "CPU"]
    monkeypatch.setattr(tf.config, "list_physical_devices", lambda *a: devices)


@on_tensorflow
def test_auto_is_xla_on_a_cpu_when_every_layer_supports_it(cpu_only):
    assert resolve_jit_compile(_lstm_model(), "auto") is True


@on_tensorflow
def test_nested_layers_are_checked(cpu_only):
    inner = keras.Sequential([keras.Input((6, 3)), _NoXLA()])
    model = keras.Sequential([keras.Input((6, 3)), inner, keras.layers.LSTM(4)])
    assert resolve_jit_compile(model, "auto") == "auto"


@on_tensorflow
def test_a_model_xla_cannot_run_falls_back_silently(cpu_only):
    model = keras.Sequential([keras.Input((6, 3)), _NoXLA(), keras.layers.LSTM(4), keras.layers.Dense(1)])
    choice = resolve_jit_compile(model, "auto")
    assert choice == "auto"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model.compile(loss="mse", jit_compile=choice)
    assert model.jit_compile is False


@on_tensorflow
@pytest.mark.parametrize("value", [True, False, np.bool_(True)])
def test_an_explicit_choice_is_kept(value, cpu_only):
    choice = resolve_jit_compile(_lstm_model(), value)
    assert choice is bool(value)


@on_tensorflow
def test_run_eagerly_leaves_auto_to_keras(cpu_only):
    assert resolve_jit_compile(_lstm_model(), "auto", run_eagerly=True) == "auto"


@on_tensorflow
def test_a_visible_gpu_leaves_auto_to_keras(monkeypatch):
    import tensorflow as tf

    gpu = tf.config.PhysicalDevice(name="/physical_device:GPU:0", device_type="GPU")
    monkeypatch.setattr(tf.config, "list_physical_devices", lambda *a: [*tf.config.list_logical_devices("CPU"), gpu])
    assert resolve_jit_compile(_lstm_model(), "auto") == "auto"


@on_tensorflow
def test_a_distribution_strategy_leaves_auto_to_keras(cpu_only):
    import tensorflow as tf

    with tf.distribute.OneDeviceStrategy("/cpu:0").scope():
        model = _lstm_model()
        assert resolve_jit_compile(model, "auto") == "auto"


@on_tensorflow
def test_other_backends_keep_keras_choice(monkeypatch, cpu_only):
    for backend in ("jax", "torch"):
        monkeypatch.setattr(keras.backend, "backend", lambda b=backend: b)
        assert resolve_jit_compile(_lstm_model(), "auto") == "auto"


@on_tensorflow
@pytest.mark.parametrize("value", ["yes", 1, None, "AUTO"])
def test_other_values_are_rejected_naming_the_argument(value):
    with pytest.raises(ValueError, match=r"`jit_compile` must be TRUE, FALSE or \"auto\"; received"):
        resolve_jit_compile(_lstm_model(), value)


@on_tensorflow
def test_training_with_kerasfn_choice_reaches_plain_keras_loss(cpu_only):
    """Same seed, same data, kerasfn's choice (XLA) against Keras' default
    (graph mode): the same losses, epoch by epoch."""
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(64, 6, 3)).astype("float32"), rng.normal(size=(64, 1)).astype("float32")

    def train(jit_compile):
        keras.utils.set_random_seed(11)
        model = keras.Sequential([keras.Input((6, 3)), keras.layers.LSTM(8, return_sequences=True), keras.layers.LSTM(8), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse", jit_compile=jit_compile)
        history = model.fit(x, y, batch_size=16, epochs=4, shuffle=False, verbose=0).history["loss"]
        return model.jit_compile, history

    kerasfn_jit, kerasfn_losses = train(resolve_jit_compile(_lstm_model(), "auto"))
    keras_jit, keras_losses = train("auto")
    assert (kerasfn_jit, keras_jit) == (True, False)
    np.testing.assert_allclose(kerasfn_losses, keras_losses, rtol=1e-5)


@on_tensorflow
def test_kerasfn_compile_applies_the_choice(cpu_only):
    assert compile(_lstm_model(), optimizer="adam", loss="mse").jit_compile is True
    assert compile(_lstm_model(), optimizer="adam", loss="mse", jit_compile=False).jit_compile is False
    no_xla = keras.Sequential([keras.Input((6, 3)), _NoXLA(), keras.layers.LSTM(4)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert compile(no_xla, loss="mse").jit_compile is False


@on_tensorflow
def test_auto_stays_graph_mode_for_models_that_draw_random_numbers():
    # XLA draws other dropout numbers than graph mode for the same seed: the R
    # keras3 convnet script trains to R's weights only in graph mode
    with_dropout = keras_model_sequential(input_shape=3) | layer_dense(2) | layer_dropout(0.25)
    recurrent_dropout = keras_model_sequential(input_shape=(4, 3)) | layer_lstm(2, recurrent_dropout=0.1)
    assert resolve_jit_compile(with_dropout, "auto") == "auto"
    assert resolve_jit_compile(recurrent_dropout, "auto") == "auto"


@pytest.mark.skipif(keras.backend.backend() == "tensorflow", reason="about the JAX and PyTorch backends")
def test_jit_compile_auto_is_left_to_keras_on_jax_and_pytorch():
    model = keras_model_sequential(input_shape=(6, 3)) | layer_lstm(units=4) | layer_dense(units=1)
    assert resolve_jit_compile(model, "auto") == "auto"
    model | compile(optimizer="sgd", loss="mse")
    plain = keras.Sequential([keras.Input((6, 3)), keras.layers.LSTM(4), keras.layers.Dense(1)])
    plain.compile(optimizer="sgd", loss="mse")
    assert model.jit_compile == plain.jit_compile


# -- losses and metrics: R's names for kerasfn's own functions ----------------------------


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
