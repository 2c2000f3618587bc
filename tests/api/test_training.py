"""compile()'s jit_compile choice (kerasfn.api.training, issue 14 points 2 and 3).

The choice logic only (timings live in bench/train.py), and that a model
trained with kerasfn's choice reaches plain Keras' loss with the same seed
and data.
"""

import warnings

import keras
import numpy as np
import pytest

from kerasfn.api.training import resolve_jit_compile

pytestmark = pytest.mark.skipif(
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


def test_auto_is_xla_on_a_cpu_when_every_layer_supports_it(cpu_only):
    assert resolve_jit_compile(_lstm_model(), "auto") is True


def test_nested_layers_are_checked(cpu_only):
    inner = keras.Sequential([keras.Input((6, 3)), _NoXLA()])
    model = keras.Sequential([keras.Input((6, 3)), inner, keras.layers.LSTM(4)])
    assert resolve_jit_compile(model, "auto") == "auto"


def test_a_model_xla_cannot_run_falls_back_silently(cpu_only):
    model = keras.Sequential([keras.Input((6, 3)), _NoXLA(), keras.layers.LSTM(4), keras.layers.Dense(1)])
    choice = resolve_jit_compile(model, "auto")
    assert choice == "auto"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model.compile(loss="mse", jit_compile=choice)
    assert model.jit_compile is False


@pytest.mark.parametrize("value", [True, False, np.bool_(True)])
def test_an_explicit_choice_is_kept(value, cpu_only):
    choice = resolve_jit_compile(_lstm_model(), value)
    assert choice is bool(value)


def test_run_eagerly_leaves_auto_to_keras(cpu_only):
    assert resolve_jit_compile(_lstm_model(), "auto", run_eagerly=True) == "auto"


def test_a_visible_gpu_leaves_auto_to_keras(monkeypatch):
    import tensorflow as tf

    gpu = tf.config.PhysicalDevice(name="/physical_device:GPU:0", device_type="GPU")
    monkeypatch.setattr(tf.config, "list_physical_devices", lambda *a: [*tf.config.list_logical_devices("CPU"), gpu])
    assert resolve_jit_compile(_lstm_model(), "auto") == "auto"


def test_a_distribution_strategy_leaves_auto_to_keras(cpu_only):
    import tensorflow as tf

    with tf.distribute.OneDeviceStrategy("/cpu:0").scope():
        model = _lstm_model()
        assert resolve_jit_compile(model, "auto") == "auto"


def test_other_backends_keep_keras_choice(monkeypatch, cpu_only):
    for backend in ("jax", "torch"):
        monkeypatch.setattr(keras.backend, "backend", lambda b=backend: b)
        assert resolve_jit_compile(_lstm_model(), "auto") == "auto"


@pytest.mark.parametrize("value", ["yes", 1, None, "AUTO"])
def test_other_values_are_rejected_naming_the_argument(value):
    with pytest.raises(ValueError, match=r"`jit_compile` must be TRUE, FALSE or \"auto\"; received"):
        resolve_jit_compile(_lstm_model(), value)


def test_training_with_kerasfn_choice_reaches_plain_keras_loss(cpu_only):
    """Issue 14 (3): same seed, same data, kerasfn's choice (XLA) against
    Keras' default (graph mode): the same losses, epoch by epoch."""
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


def test_kerasfn_compile_applies_the_choice(cpu_only):
    from kerasfn import compile

    assert compile(_lstm_model(), optimizer="adam", loss="mse").jit_compile is True
    assert compile(_lstm_model(), optimizer="adam", loss="mse", jit_compile=False).jit_compile is False
    no_xla = keras.Sequential([keras.Input((6, 3)), _NoXLA(), keras.layers.LSTM(4)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert compile(no_xla, loss="mse").jit_compile is False


def test_auto_stays_graph_mode_for_models_that_draw_random_numbers():
    # XLA draws other dropout numbers than graph mode for the same seed: the R
    # keras3 convnet in tests/test_r_scripts.py trains to R's weights only in graph mode
    from kerasfn import keras_model_sequential, layer_dense, layer_dropout, layer_lstm

    with_dropout = keras_model_sequential(input_shape=3) | layer_dense(2) | layer_dropout(0.25)
    recurrent_dropout = keras_model_sequential(input_shape=(4, 3)) | layer_lstm(2, recurrent_dropout=0.1)
    assert resolve_jit_compile(with_dropout, "auto") == "auto"
    assert resolve_jit_compile(recurrent_dropout, "auto") == "auto"
