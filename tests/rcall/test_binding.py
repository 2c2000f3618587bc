"""``r_function`` (kerasfn/rcall/binding.py): R keras3's call semantics, for every function.

A call whose first argument is not its subject is a partial application:
the positional arguments shift one place right (R's ``x |> f(a, b)`` is
``f(x, a, b)``), for every layer function, verb and helper.  Merge layers
collect their leading tensors as their inputs.  Arguments are converted when
the call is written, before anything is built; a verb given, or piped, what
it does not take says so; errors show one kerasfn frame, as Keras shows its
own.

Where a test needs R's behaviour, the R code and what R keras3 printed
(R keras3 1.5.1.9000, rstudio/keras3@4571bff, on this Keras 3.15.1) are
quoted next to it.
"""

import inspect
import os
import traceback

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import *  # noqa: F403  (the porting user's import)
from kerasfn.codegen.catalog import CATALOG
from kerasfn.rcall.binding import Pending

IMG = np.random.default_rng(0).random((2, 8, 8, 3)).astype("float32")
SEQ = np.random.default_rng(1).random((2, 5, 3)).astype("float32")


# -- positional arguments after a pipe -------------------------------------------

def test_positional_arguments_shift_after_a_pipe():
    # R: x |> layer_conv_2d(16, 3, activation = "relu") is layer_conv_2d(x, 16, 3, activation = "relu")
    assert shape(IMG | layer_conv_2d(16, 3, activation="relu")) == (2, 6, 6, 16)
    model = keras_model_sequential() | layer_embedding(20000, 128)
    assert (model.layers[0].input_dim, model.layers[0].output_dim) == (20000, 128)
    assert shape(IMG | layer_max_pooling_2d(3)) == (2, 2, 2, 3)
    masking = SEQ | layer_masking(0.0)
    assert shape(masking) == (2, 5, 3)
    a, b = keras_input((3,)), keras_input((4,))
    assert shape([a, b] | layer_concatenate(1)) == (None, 7)


def test_the_real_signatures_stay_visible():
    assert list(inspect.signature(layer_conv_2d).parameters)[:3] == ["object", "filters", "kernel_size"]
    assert list(inspect.signature(fit).parameters)[:3] == ["object", "x", "y"]
    assert list(inspect.signature(layer_concatenate).parameters)[:2] == ["inputs", "axis"]
    assert layer_conv_2d.__doc__.startswith("2D convolution layer")


_POSITIONAL = [entry for entry in CATALOG
               if entry.family in ("layer", "wrapper") and entry.data and entry.arguments
               and "=" not in entry.arguments.split(",")[0]]


@pytest.mark.parametrize("entry", _POSITIONAL, ids=lambda entry: entry.r_name)
def test_every_layer_function_shifts_its_positional_arguments(entry):
    """``x | f(a, b)`` builds the layer ``f(x, a, b)`` builds (R's ``x |> f(a, b)``)."""
    namespace = {**vars(kerasfn), "np": np}
    data = eval(entry.data, namespace)  # noqa: S307  (the catalog's example text)
    function = getattr(kerasfn, entry.r_name)
    piped = eval(f"function({entry.arguments})", {**namespace, "function": function})  # noqa: S307
    direct = eval(f"function(data, {entry.arguments})", {**namespace, "function": function, "data": data})  # noqa: S307
    assert isinstance(piped, keras.layers.Layer)
    assert shape(data | piped) == shape(direct)


def test_verbs_and_helpers_shift_too():
    x = np.ones((4, 3)); y = np.zeros((4, 1))
    pending = fit(x, y, epochs=1)  # R: model |> fit(x, y)
    assert isinstance(pending, Pending)
    model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")
    assert len((model | pending).history["loss"]) == 1
    np.testing.assert_array_equal([[1, 2], [3]] | pad_sequences(maxlen=3), [[0, 1, 2], [0, 0, 3]])
    np.testing.assert_array_equal(np.array([0, 2]) | to_categorical(3), [[1, 0, 0], [0, 0, 1]])


def test_partial_calls_chain_and_complete_with_the_piped_tensor(r_matrix):
    pending = op_cast("int32")
    assert isinstance(pending, Pending)
    assert as_array(r_matrix | pending | op_sum()) == 24  # R: x |> op_cast("int32") |> op_sum()
    assert as_array(op_add(1)(r_matrix)).tolist() == (r_matrix + 1).tolist()
    assert as_array(keras.ops.convert_to_tensor(r_matrix) | op_sum(axis=0)).tolist() == [10.0, 7.0, 7.0]


def test_errors_come_before_any_layer_is_built():
    model = keras_model_sequential(input_shape=(10, 8))
    with pytest.raises(ValueError, match="dropout"):
        model | layer_lstm(4, dropout=3)
    assert model.layers == []


def test_unknown_keyword_is_rejected_with_its_value():
    with pytest.raises(TypeError, match=r"Dense\(\) got an unexpected keyword argument 'unit' \(received unit=2 \(int\)\)"):
        kerasfn.layer_dense(2, unit=2)


# -- merge layers take their inputs the R way ---------------------------------------

_MERGES = [entry.r_name for entry in CATALOG
           if entry.family == "merge" and entry.r_name in ("layer_add", "layer_average", "layer_concatenate",
                                                            "layer_maximum", "layer_minimum", "layer_multiply",
                                                            "layer_subtract")]


@pytest.mark.parametrize("name", _MERGES)
def test_merge_layers_collect_their_inputs(name):
    merge = getattr(kerasfn, name)
    a, b = keras_input((3,)), keras_input((3,))
    expected = shape(getattr(keras.layers, type(merge()).__name__)()([a, b]))
    assert shape(merge(a, b)) == expected  # R: layer_add(a, b)
    assert shape(a | merge(b)) == expected  # R: a |> layer_add(b) (ResNet's block)
    assert shape([a, b] | merge()) == expected
    assert shape(merge([a, b])) == expected
    assert isinstance(merge(), keras.layers.Layer)
    assert isinstance(merge(b), Pending)


def test_concatenate_takes_three_inputs_and_an_axis_anywhere():
    a, b, c = keras_input((2,)), keras_input((3,)), keras_input((4,))
    assert shape(layer_concatenate(a, b, c)) == (None, 9)
    assert shape([a, b] | layer_concatenate(axis=1)) == (None, 5)
    x, y = keras_input((2, 3)), keras_input((4, 3))
    assert shape(layer_concatenate([x, y], axis=1)) == (None, 6, 3)  # R's axis = 2: R counts from 1
    assert shape(layer_concatenate(x, y, axis=-2)) == (None, 6, 3)


def test_merge_of_eager_tensors_computes():
    a, b = np.ones((2, 3), "float32"), np.full((2, 3), 2.0, "float32")
    np.testing.assert_allclose(as_array(a | layer_add(b)), np.full((2, 3), 3.0))
    np.testing.assert_allclose(as_array(layer_subtract(b, a)), np.ones((2, 3)))


def test_a_merge_layer_given_one_tensor_says_it_needs_two():
    a = keras_input(3)
    with pytest.raises(TypeError, match=r"a merge layer needs at least two inputs, and layer_concatenate\(\) was given one"):
        layer_concatenate(a) | layer_dense(1)
    assert "needs at least two inputs" in repr(layer_concatenate(a))
    assert tuple((a | layer_concatenate(keras_input(2))).shape) == (None, 5)  # the pipe's partial call still works


# -- verbs take only what they accept --------------------------------------------------

def test_a_verb_given_the_wrong_kind_of_first_argument_says_so():
    model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")
    history = model | fit(np.ones((4, 3)), np.ones((4, 1)), verbose=0)
    with pytest.raises(TypeError, match=r"`object` of summary\(\) must be a Keras model; received <History> \(History\)"):
        summary(history)
    with pytest.raises(TypeError, match=r"`object` of plot\(\) must be a training history .*received <Dense"):
        plot(layer_dense(2))


def test_a_pipe_into_a_verb_composes_only_with_what_it_accepts():
    with pytest.raises(TypeError, match=r"predict\(\) takes a Keras model piped in; received <KerasTensor"):
        keras_input((3,)) | predict(np.ones((2, 3)))
    with pytest.raises(TypeError, match=r"summary\(\) takes a Keras model piped in; received <shape=\(2, 3\), dtype=float64> \(ndarray\)"):
        np.ones((2, 3)) | summary()


# -- tracebacks --------------------------------------------------------------------------------

def _kerasfn_frames(call):
    with pytest.raises(Exception) as caught:
        call()
    kerasfn_dir = os.path.dirname(os.path.abspath(__import__("kerasfn").__file__)) + os.sep
    return [frame for frame in traceback.extract_tb(caught.value.__traceback__) if frame.filename.startswith(kerasfn_dir)]


@pytest.mark.parametrize("mistake", [
    lambda: layer_dense(units="four"),
    lambda: np.ones((2, 3)) | layer_dense(2, activation="nope"),
    lambda: keras_input(3) | layer_dropout(rate=2),
    lambda: op_sum(np.ones((2, 3)), axis=2),
    lambda: keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse") | fit(np.full((8, 3), "a"), np.ones((8, 1))),
])
def test_tracebacks_show_one_kerasfn_frame_as_keras_shows_its_own(mistake):
    assert len(_kerasfn_frames(mistake)) == 1  # the line that re-raises, as Keras' error_handler
    keras.config.disable_traceback_filtering()
    try:
        assert len(_kerasfn_frames(mistake)) > 1  # Keras' switch shows them all
    finally:
        keras.config.enable_traceback_filtering()
