"""The composition (kerasfn/rcall/dispatch.py): what a layer function does with its first argument.

``layer_lstm(object, ...)`` returns the layer (nothing given), appends it to
a Sequential model and returns the model, calls it on a symbolic input, or
computes now on eager data; a first argument that is none of these is
``units``.  Before a layer runs, what Keras would report from deep inside
its build or call is said in terms of the data given (``object``): an axis
outside the inputs' rank, an array of Python objects, 0 timesteps, an
unknown feature size, weights larger than memory; a recurrent layer on 0
samples gives 0 samples, as Dense does.  R keras3 passes these to Keras:
keras_input(c(10, NA)) |> layer_lstm(4) fails with "Shapes used to
initialize variables must be fully-defined"; op_ones(c(0, 5, 3)) |>
layer_lstm(4) with "Biases must be 1D: [0,16]".

R scripts declare the model input on the first layer of a Sequential model:
``input_shape``, ``batch_input_shape``, ``batch_size`` (the stateful-stack
scripts depend on it); R keras 2-era arguments Keras still drops
(``input_length``) are accepted.

A pipe into a Sequential model is all or nothing.  It can fail (a)
declaring the model's input from the first layer's ``input_shape``, (b)
building the model when the first layer is added (after the input layer
went in), (c) calling the new layer on the built graph, (d) after the layer
is in the model's list, while the extended graph is made.  A failed or
interrupted (Ctrl-C) pipe leaves the model as it was, from every one of
these points.  A chain of pipes is a chain of calls: the steps before the
failing one stay, as in R, where each ``|>`` step changed the model in
place.  Each scenario also runs with the restore switched off, to show the
check would catch a broken restore.
"""

import keras
import numpy as np
import pytest
import tensorflow as tf

import kerasfn
from kerasfn import (
    as_array,
    keras_input,
    keras_model_sequential,
    layer_batch_normalization,
    layer_concatenate,
    layer_dense,
    layer_embedding,
    layer_lambda,
    layer_lstm,
    random_uniform,
    shape,
)
from kerasfn.rcall import dispatch, internals

# -- the first argument ------------------------------------------------------------

def test_missing_object_returns_the_layer():
    layer = layer_lstm(units=4)
    assert isinstance(layer, keras.layers.LSTM)
    assert layer.units == 4 and not layer.built


def test_none_object_returns_the_layer():
    assert isinstance(layer_lstm(None, 4), keras.layers.LSTM)


@pytest.mark.parametrize("number", [4, 4.0, np.int64(4), np.float32(4.0)])
def test_a_number_is_units(number):
    layer = layer_lstm(number)
    assert isinstance(layer, keras.layers.LSTM)
    assert layer.units == 4 and type(layer.units) is int


def test_sequential_gets_the_layer_appended_and_is_returned():
    model = keras_model_sequential(input_shape=(10, 8))
    result = layer_lstm(model, 5)
    assert result is model
    assert len(model.layers) == 1 and isinstance(model.layers[0], keras.layers.LSTM)
    assert model.output_shape == (None, 5)


def test_symbolic_input_gives_the_output_tensor():
    inputs = keras_input((10, 8))
    output = layer_lstm(inputs, 4)
    assert isinstance(output, keras.KerasTensor)
    assert shape(output) == (None, 4)


_TF_ONLY = pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="TensorFlow's own types (KERAS_BACKEND=tensorflow)")


@pytest.mark.parametrize(
    "make",
    [
        np.ones,
        lambda s: keras.ops.ones(s),
        lambda s: random_uniform(s),
        lambda s: keras.Variable(np.ones(s, "float32")),
        pytest.param(lambda s: tf.ones(s), marks=_TF_ONLY),
        pytest.param(lambda s: tf.Variable(tf.ones(s)), marks=_TF_ONLY),
    ],
    ids=["numpy", "backend tensor", "random_uniform", "keras.Variable", "tf.Tensor", "tf.Variable"],
)
def test_eager_data_is_computed_now(make):
    output = layer_lstm(make((3, 5, 2)), 4)
    assert not isinstance(output, keras.KerasTensor)
    assert tuple(output.shape) == (3, 4)
    assert np.all(np.isfinite(keras.ops.convert_to_numpy(output)))


def test_object_by_keyword_behaves_the_same():
    inputs = keras_input((10, 8))
    assert isinstance(layer_lstm(object=inputs, units=3), keras.KerasTensor)
    model = keras_model_sequential(input_shape=(10, 8))
    assert layer_lstm(object=model, units=3) is model
    assert tuple(layer_lstm(object=np.ones((2, 3, 1)), units=3).shape) == (2, 3)
    assert isinstance(layer_lstm(object=None, units=3), keras.layers.LSTM)


@pytest.mark.parametrize("bad", [{"a": 1}, {1, 2}, object(), b"bytes"], ids=["dict", "set", "object", "bytes"])
def test_a_first_argument_that_is_not_composable_moves_to_units(bad):
    # R: layer_lstm(x, 4) with x not composable is layer_lstm(, x, 4): x lands in `units`
    with pytest.raises(TypeError, match=rf"`units` must be a whole number; received .*\({type(bad).__name__}\)"):
        layer_lstm(bad, 4)


def test_number_object_with_units_also_given_is_a_type_error():
    with pytest.raises(TypeError, match=r"multiple values for argument 'units'"):
        layer_lstm(4, units=8)


def test_list_of_non_tensors_is_not_composable():
    with pytest.raises(TypeError, match=r"`units` must be a whole number; received \[array"):
        layer_lstm([np.ones((2, 3, 1)), "x"], 4)


def test_a_bad_first_argument_is_named_where_it_lands():
    # not composable, so it is R's first layer argument: layer_dense(, {"a": 1}, 2)
    with pytest.raises(TypeError, match=r"`units` must be a whole number; received \{'a': 1\} \(dict\)"):
        kerasfn.layer_dense({"a": 1}, 2)


# -- checks before a layer runs ---------------------------------------------------------

def test_an_axis_out_of_range_for_the_input_is_named():
    a, b = keras_input((3,)), keras_input((4,))
    with pytest.raises(ValueError, match=r"`axis` of Concatenate must be in \[-2, 1\] .*rank 2.*received 3 \(int\)"):
        layer_concatenate(a, b, axis=3)
    with pytest.raises(ValueError, match=r"`axis` of BatchNormalization must be in \[-3, 2\]"):
        keras_input((5, 3)) | layer_batch_normalization(axis=-4)


def test_an_object_array_piped_into_a_layer_names_object():
    with pytest.raises(TypeError, match=r"`object` is a numpy array of Python objects \(shape \(2, 3\), dtype object\)"):
        np.ones((2, 3)).astype(object) | layer_dense(2)


def test_zero_timesteps_name_object():
    with pytest.raises(ValueError, match=r"`object` has 0 timesteps \(shape \(2, 0, 3\)\); LSTM needs at least one"):
        np.ones((2, 0, 3), "float32") | layer_lstm(4)


@pytest.mark.parametrize("return_sequences", [False, True])
def test_a_recurrent_layer_on_zero_samples_returns_zero_samples_as_dense_does(return_sequences):
    # Keras' Dense: a batch of 0 gives 0 rows; the LSTM's output shape for that batch is Keras' own answer
    assert tuple(as_array(np.ones((0, 5, 3), "float32") | layer_dense(4)).shape) == (0, 5, 4)
    layer = layer_lstm(4, return_sequences=return_sequences)
    expected = keras.layers.LSTM(4, return_sequences=return_sequences).compute_output_shape((0, 5, 3))
    output = np.ones((0, 5, 3), "float32") | layer
    assert tuple(output.shape) == tuple(expected)
    assert layer.built and tuple(as_array(np.ones((2, 5, 3), "float32") | layer).shape)[1:] == tuple(expected)[1:]


def test_an_unknown_feature_dimension_is_named():
    with pytest.raises(ValueError, match=r"`object`'s last dimension \(its features\) is unknown \(shape \(None, 10, None\)\)"):
        keras_input((10, None)) | layer_lstm(4)


def test_weights_larger_than_memory_name_units():
    with pytest.raises(ValueError, match=r"`units` = 1,000,000,000,000 gives Dense 4,000,000,000,000 weights .* choose fewer"):
        np.ones((2, 3)) | layer_dense(units=1e12)
    with pytest.raises(ValueError, match=r"`units` = 1,000,000,000,000"):
        keras_model_sequential(input_shape=3) | layer_dense(1e12)


# -- input declarations on the first layer ---------------------------------------------

def _data(*shape):
    return np.random.default_rng(sum(shape)).uniform(-1, 1, shape).astype("float32")


def test_input_shape_declares_the_model_input():
    model = keras_model_sequential() | layer_lstm(4, input_shape=(10, 3))
    assert model.input_shape == (None, 10, 3)
    assert model.output_shape == (None, 4)
    assert model.predict(_data(2, 10, 3), verbose=0).shape == (2, 4)


def test_input_shape_with_unknown_timesteps():
    model = keras_model_sequential() | layer_lstm(4, input_shape=(None, 3))
    assert model.input_shape == (None, None, 3)
    assert model.predict(_data(2, 7, 3), verbose=0).shape == (2, 4)


def test_batch_input_shape_declares_a_fixed_batch():
    model = keras_model_sequential() | layer_lstm(4, batch_input_shape=(8, 10, 3))
    assert model.input_shape == (8, 10, 3)


def test_batch_size_goes_with_input_shape():
    model = keras_model_sequential() | layer_lstm(4, input_shape=(10, 3), batch_size=8)
    assert model.input_shape == (8, 10, 3)


def test_batch_size_alone_is_an_error_and_the_model_is_untouched():
    model = keras_model_sequential()
    with pytest.raises(ValueError, match=r"`batch_size` \(8 \(int\)\) needs `input_shape` to go with it\."):
        model | layer_lstm(4, batch_size=8)
    assert model.layers == []


def test_r_style_doubles_in_shapes():
    model = keras_model_sequential() | layer_lstm(4.0, input_shape=[10.0, 3.0])
    assert model.input_shape == (None, 10, 3)


@pytest.mark.skipif(keras.backend.backend() == "jax", reason=(
    "Keras' JAX backend keeps no stateful RNN states after predict() (plain keras.layers.LSTM neither)"))
def test_stateful_stack_keeps_its_states_across_batches():
    """The R keras stateful-LSTM example: batch_input_shape on the first layer, stateful layers after."""
    batch = 4
    model = (
        keras_model_sequential()
        | layer_lstm(8, batch_input_shape=(batch, 5, 1), stateful=True, return_sequences=True)
        | layer_lstm(8, stateful=True)
    )
    assert model.input_shape == (batch, 5, 1)
    first, second = model.layers
    assert first.states[0].shape == (batch, 8) and second.states[0].shape == (batch, 8)
    x = _data(batch, 5, 1)
    a = model.predict(x, batch_size=batch, verbose=0)
    b = model.predict(x, batch_size=batch, verbose=0)
    assert not np.allclose(a, b)  # the second batch starts from the first's states
    for layer in model.layers:
        layer.reset_states()
    np.testing.assert_allclose(model.predict(x, batch_size=batch, verbose=0), a, atol=1e-5)


def test_stateful_stack_trains_with_its_declared_batch():
    batch = 2
    model = (
        keras_model_sequential()
        | layer_lstm(4, input_shape=(3, 2), batch_size=batch, stateful=True, return_sequences=True)
        | layer_lstm(1, stateful=True)
    )
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(_data(4, 3, 2), _data(4, 1), batch_size=batch, epochs=1, shuffle=False, verbose=0)
    assert np.isfinite(history.history["loss"][0])


def test_stateful_layer_needs_a_static_batch():
    with pytest.raises(ValueError, match="batch size must be static"):
        keras_model_sequential() | layer_lstm(4, input_shape=(10, 3), stateful=True)


def test_declaration_on_a_later_layer_does_not_replace_the_input():
    model = keras_model_sequential() | layer_lstm(4, input_shape=(10, 3), return_sequences=True)
    model = model | layer_lstm(2, input_shape=(99, 99))
    assert model.input_shape == (None, 10, 3) and model.output_shape == (None, 2)


def test_batch_size_without_input_shape_is_named():
    with pytest.raises(ValueError, match=r"`batch_size` \(8 \(int\)\) needs `input_shape`"):
        layer_lstm(units=4, batch_size=8)


def test_input_length_is_accepted_and_dropped_as_keras_does():
    with pytest.warns(UserWarning, match="`input_length` is deprecated"):
        layer = layer_embedding(100, 8, input_length=10)
    assert isinstance(layer, keras.layers.Embedding)


# -- a pipe into a Sequential model is all or nothing -------------------------------------

SEQUENCES_10_BY_8 = np.random.default_rng(3).random((4, 10, 8)).astype("float32")


def _model():
    return keras_model_sequential(input_shape=(10, 8)) | layer_lstm(6, return_sequences=True) | layer_lstm(4)


def test_failed_pipe_leaves_the_model_exactly_as_before():
    model = _model()
    layers_before = list(model.layers)
    weights_before = [w.copy() for w in model.get_weights()]
    output_before = model.predict(SEQUENCES_10_BY_8, verbose=0)

    with pytest.raises(ValueError, match=r"must be a 3D tensor .*received shape \(None, 4\)"):
        model | layer_lstm(3)  # an LSTM after a layer whose output is 2-D

    assert model.layers == layers_before
    assert len(model.layers) == 2
    assert model.output_shape == (None, 4)
    np.testing.assert_array_equal(model.predict(SEQUENCES_10_BY_8, verbose=0), output_before)
    for before, after in zip(weights_before, model.get_weights()):
        np.testing.assert_array_equal(before, after)


def test_failed_pipe_leaves_the_model_intact():
    model = kerasfn.keras_model_sequential(input_shape=(5, 3)) | kerasfn.layer_dense(2)
    with pytest.raises(ValueError):
        model | kerasfn.layer_conv_2d(filters=2, kernel_size=3)
    assert [type(layer) for layer in model.layers] == [keras.layers.Dense]
    assert model.output_shape == (None, 5, 2)


def test_model_keeps_working_after_a_failed_pipe():
    model = _model()
    with pytest.raises(ValueError):
        layer_lstm(model, 3)
    model.compile(optimizer="adam", loss="mse")
    history = model.fit(SEQUENCES_10_BY_8, np.zeros((4, 4)), epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    model.summary(print_fn=lambda *args, **kwargs: None)


def test_a_good_pipe_after_a_failed_one_works():
    model = keras_model_sequential(input_shape=(10, 8)) | layer_lstm(4)
    with pytest.raises(ValueError):
        model | layer_lstm(3)
    model | keras.layers.Dense(2)
    assert [type(layer).__name__ for layer in model.layers] == ["LSTM", "Dense"]
    assert model.predict(SEQUENCES_10_BY_8, verbose=0).shape == (4, 2)


def test_plain_keras_would_have_kept_the_bad_layer():
    """The behaviour kerasfn fixes, pinned so a Keras change is noticed."""
    model = keras.Sequential([keras.Input((10, 8)), keras.layers.LSTM(4)])
    with pytest.raises(Exception):
        model.add(keras.layers.LSTM(3))
    assert len(model.layers) == 2


def test_failed_input_declaration_leaves_an_empty_model_empty():
    model = keras_model_sequential()
    with pytest.raises(ValueError):
        model | layer_lstm(4, input_shape=(10,))
    assert model.layers == [] and not model.built
    model | layer_lstm(4, input_shape=(10, 8))
    assert model.input_shape == (None, 10, 8)


def test_a_piped_model_is_the_model_keras_would_build():
    piped = keras_model_sequential(input_shape=(10, 8)) | layer_lstm(6, return_sequences=True) | layer_lstm(4) | keras.layers.Dense(2)
    plain = keras.Sequential([keras.Input((10, 8)), keras.layers.LSTM(6, return_sequences=True),
                              keras.layers.LSTM(4), keras.layers.Dense(2)])
    plain.set_weights(piped.get_weights())
    assert len(piped.layers) == len(plain.layers) == 3
    assert all(isinstance(ours, type(theirs)) for ours, theirs in zip(piped.layers, plain.layers))
    assert piped.output_shape == plain.output_shape and piped.count_params() == plain.count_params()
    np.testing.assert_allclose(piped.predict(SEQUENCES_10_BY_8, verbose=0), plain.predict(SEQUENCES_10_BY_8, verbose=0), atol=1e-5)
    # Each pipe extends the built graph by one call instead of rebuilding it.
    assert [len(layer._inbound_nodes) for layer in piped.layers] == [1, 1, 1]


def test_an_interrupted_pipe_is_undone_and_the_next_pipe_works():
    def interrupt(shape, dtype=None):  # Ctrl-C while the new layer's kernel is made
        raise KeyboardInterrupt

    model = keras_model_sequential(input_shape=(10, 8))
    with pytest.raises(KeyboardInterrupt):
        model | keras.layers.Dense(2, kernel_initializer=interrupt)
    assert model.layers == [] and not model.built
    model | layer_lstm(4) | keras.layers.Dense(2)
    assert [type(layer).__name__ for layer in model.layers] == ["LSTM", "Dense"]
    assert model.predict(SEQUENCES_10_BY_8, verbose=0).shape == (4, 2)


# -- rollback points -------------------------------------------------------------------------

SEQUENCES_5_BY_4 = np.random.default_rng(8).random((3, 5, 4)).astype("float32")


def _state(model):
    """Everything a failed pipe could change."""
    built = model.built
    return {
        "layers": list(model.layers),
        "built": built,
        "outputs": model.outputs and [tuple(o.shape) for o in model.outputs] if built else None,
        "weights": [w.copy() for w in model.get_weights()],
        "prediction": as_array(model(SEQUENCES_5_BY_4)) if built else None,
    }


def _assert_same(before, model):
    after = _state(model)
    assert after["layers"] == before["layers"]
    assert after["built"] == before["built"]
    assert after["outputs"] == before["outputs"]
    for old, new in zip(before["weights"], after["weights"], strict=True):
        np.testing.assert_array_equal(old, new)
    if before["prediction"] is not None:
        np.testing.assert_array_equal(after["prediction"], before["prediction"])


def _empty():
    return keras_model_sequential()


def _built():
    return keras_model_sequential(input_shape=(5, 4)) | layer_lstm(3, return_sequences=True)


def _failing_graph(monkeypatch):
    """Point (d): the layer is in the model's list when making the extended graph fails."""
    def fail(*args, **kwargs):
        raise RuntimeError("graph construction failed")

    monkeypatch.setattr(dispatch.keras, "Model", fail)


#: name: (model, failing pipe, error, whether the model had changed when it failed, set-up)
SCENARIOS = {
    # (a) the input declaration is checked before anything changes
    "input declaration": (_empty, lambda m: m | layer_dense(2, input_shape=(5, -4)), ValueError, False, None),
    # (b) the input layer goes in, then the first layer cannot be built on it
    "first build": (_empty, lambda m: m | layer_lstm(2, input_shape=(5,)), ValueError, True, None),
    # (c) calling the new layer on the built graph fails
    "layer call": (_built, lambda m: m | layer_lstm(2), ValueError, False, lambda m, mp: m | layer_dense(2) | layer_lstm(2)),
    # (d) the layer is in the list when the new graph is made
    "graph rebuild": (_built, lambda m: m | layer_dense(2), RuntimeError, True, lambda m, mp: _failing_graph(mp)),
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_failed_pipe_changes_nothing(name, monkeypatch):
    make, pipe, error, _, set_up = SCENARIOS[name]
    model = make()
    if set_up:
        set_up(model, monkeypatch)
    before = _state(model)
    with pytest.raises(error):
        pipe(model)
    _assert_same(before, model)
    monkeypatch.undo()
    model | layer_dense(1, input_shape=(5, 4))  # and the model goes on working
    assert model.output_shape[-1] == 1


def test_a_chain_keeps_the_steps_that_succeeded():
    model = _built()
    with pytest.raises(ValueError):
        model | layer_dense(2) | layer_lstm(2) | layer_lstm(2)  # the last LSTM gets a 2-D input
    assert [type(layer).__name__ for layer in model.layers] == ["LSTM", "Dense", "LSTM"]
    assert model.output_shape == (None, 2)


@pytest.mark.parametrize("name", [name for name, scenario in SCENARIOS.items() if scenario[3]])
def test_the_checks_catch_a_broken_restore(name, monkeypatch):
    make, pipe, error, _, set_up = SCENARIOS[name]
    model = make()
    if set_up:
        set_up(model, monkeypatch)
    before = _state(model)
    monkeypatch.setattr(internals, "restore_sequential", lambda model, saved: None)
    with pytest.raises(error):
        pipe(model)
    with pytest.raises(AssertionError):
        _assert_same(before, model)


def test_lambda_layer_failure_is_rolled_back_too():
    model = _built()
    before = _state(model)
    with pytest.raises(Exception):
        model | layer_lambda(lambda x: x[:, :, :, 0])  # indexes a 4th axis the input does not have
    _assert_same(before, model)


# -- Ctrl-C: an interrupted pipe is undone too ---------------------------------


def _interrupt(*args, **kwargs):
    """What Ctrl-C raises wherever Python happens to be."""
    raise KeyboardInterrupt


def _interrupting_graph(monkeypatch):
    monkeypatch.setattr(dispatch.keras, "Model", _interrupt)


def _interrupting_declaration(monkeypatch):
    monkeypatch.setattr(dispatch.keras.layers, "InputLayer", _interrupt)


#: name: (model, interrupted pipe, set-up): Ctrl-C at each point the scenarios above fail at
INTERRUPTS = {
    # (a) while the input layer is made from the first layer's input_shape
    "input declaration": (_empty, lambda m: m | layer_dense(2, input_shape=(5, 4)),
                          lambda mp: _interrupting_declaration(mp)),
    # (b) the input layer is in, the first layer is being built (its kernel initialised)
    "first build": (_empty, lambda m: m | layer_dense(2, input_shape=(5, 4), kernel_initializer=_interrupt), None),
    # (c) the new layer is being called on the built graph
    "layer call": (_built, lambda m: m | layer_dense(2, kernel_initializer=_interrupt), None),
    # (d) the layer is in the list when the new graph is made
    "graph rebuild": (_built, lambda m: m | layer_dense(2), lambda mp: _interrupting_graph(mp)),
}


@pytest.mark.parametrize("name", INTERRUPTS)
def test_an_interrupted_pipe_changes_nothing(name, monkeypatch):
    make, pipe, set_up = INTERRUPTS[name]
    model = make()
    if set_up:
        set_up(monkeypatch)
    before = _state(model)
    with pytest.raises(KeyboardInterrupt):
        pipe(model)
    _assert_same(before, model)
    monkeypatch.undo()
    # The next pipe works, and does not run the interrupted layer again.
    model | layer_dense(1, input_shape=(5, 4))
    assert model.output_shape == (None, 5, 1)
    assert len(model.layers) == len(before["layers"]) + 1
