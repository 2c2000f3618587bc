"""R keras3 scripts, ported line by line (``|>`` -> ``|``, ``%<-%`` -> unpacking,
``c()`` -> tuples/lists, ``NULL`` -> ``None``, ``TRUE`` -> ``True``, 1- to
0-based indices), on tiny generated data, training for an epoch or a few."""

import keras
import numpy as np
import pytest

from kerasfn import *  # noqa: F403  (the porting vocabulary, as a script would use it)



def _losses(history):
    return history.history["loss"]


def test_character_level_seq2seq_with_return_state_and_initial_state():
    rng = np.random.default_rng(42)  # data of its own: the test passes alone or in any order
    # R: the keras3 "character-level seq2seq" example, shrunk.
    num_encoder_tokens, num_decoder_tokens, latent_dim, n = 5, 6, 8, 32
    encoder_input_data = to_categorical(rng.integers(0, num_encoder_tokens, (n, 4)), num_encoder_tokens)
    decoder_tokens = np.concatenate([np.zeros((n, 1), int), rng.integers(1, num_decoder_tokens, (n, 4))], axis=1)
    decoder_input_data = to_categorical(decoder_tokens, num_decoder_tokens)
    decoder_target_data = to_categorical(np.roll(decoder_tokens, -1, axis=1), num_decoder_tokens)

    encoder_inputs = layer_input(shape=(None, num_encoder_tokens))
    _, state_h, state_c = encoder_inputs | layer_lstm(units=latent_dim, return_state=True)  # c(., h, c) %<-% ...
    encoder_states = [state_h, state_c]
    decoder_inputs = layer_input(shape=(None, num_decoder_tokens))
    decoder_lstm = layer_lstm(units=latent_dim, return_sequences=True, return_state=True)
    decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
    decoder_dense = layer_dense(units=num_decoder_tokens, activation="softmax")
    decoder_outputs = decoder_outputs | decoder_dense
    model = keras_model(inputs=[encoder_inputs, decoder_inputs], outputs=decoder_outputs)

    model | compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics="accuracy")
    history = model | fit([encoder_input_data, decoder_input_data], decoder_target_data,
                          batch_size=8, epochs=3, validation_split=0.25, verbose=0)
    assert _losses(history)[-1] < _losses(history)[0]
    assert np.isfinite(history.history["val_loss"]).all()

    # the inference models share the trained layers
    encoder_model = keras_model(encoder_inputs, encoder_states)
    decoder_state_input_h = layer_input(shape=latent_dim)
    decoder_state_input_c = layer_input(shape=latent_dim)
    decoder_states_inputs = [decoder_state_input_h, decoder_state_input_c]
    decoder_outputs, state_h, state_c = decoder_lstm(decoder_inputs, initial_state=decoder_states_inputs)
    decoder_outputs = decoder_outputs | decoder_dense
    decoder_model = keras_model([decoder_inputs, *decoder_states_inputs], [decoder_outputs, state_h, state_c])

    states = encoder_model | predict(encoder_input_data[:1], verbose=0)
    target_seq = np.zeros((1, 1, num_decoder_tokens), dtype="float32")  # R: array(0, dim = c(1, 1, n))
    target_seq[0, 0, 0] = 1  # R: target_seq[1, 1, 1] <- 1
    decoded = []
    for _ in range(4):  # greedy decoding
        output_tokens, h, c = decoder_model.predict([target_seq, *states], verbose=0)
        token = int(np.argmax(output_tokens[0, -1, :]))
        decoded.append(token)
        target_seq = np.zeros((1, 1, num_decoder_tokens), dtype="float32")
        target_seq[0, 0, token] = 1
        states = [h, c]
    assert len(decoded) == 4 and all(0 <= token < num_decoder_tokens for token in decoded)
    # the teacher-forced model and the step-by-step decoder agree on the first step
    full = model.predict([encoder_input_data[:1], decoder_input_data[:1]], verbose=0)
    first_step, _, _ = decoder_model.predict([decoder_input_data[:1, :1], *encoder_model.predict(encoder_input_data[:1], verbose=0)], verbose=0)
    np.testing.assert_allclose(full[0, 0], first_step[0, 0], atol=1e-5)


@pytest.mark.skipif(keras.backend.backend() == "jax", reason=(
    "Keras' JAX backend keeps no stateful RNN states after fit() (plain keras.layers.LSTM neither)"))
def test_stacked_stateful_lstm_declared_with_batch_input_shape():
    # R: the keras "stateful_lstm" example: batch_input_shape, shuffle = FALSE, reset between epochs.
    batch_size, tsteps = 4, 3
    series = np.sin(np.arange(40) / 4).astype("float32")
    x = np.stack([series[i:i + tsteps] for i in range(32)])[..., None]
    y = series[tsteps:tsteps + 32, None]
    model = keras_model_sequential()
    model | layer_lstm(units=6, batch_input_shape=(batch_size, tsteps, 1), return_sequences=True, stateful=True) \
        | layer_lstm(units=6, return_sequences=False, stateful=True) \
        | layer_dense(units=1)
    model | compile(loss="mse", optimizer="adam")
    assert model.input_shape == (batch_size, tsteps, 1)

    losses = []
    for _ in range(2):
        history = model | fit(x, y, batch_size=batch_size, epochs=1, verbose=0, shuffle=False)
        losses += _losses(history)
        assert all(np.abs(as_array(layer.states[0])).sum() > 0 for layer in model.layers[:2])
        model | reset_state()
        assert all(np.abs(as_array(layer.states[0])).sum() == 0 for layer in model.layers[:2])
    assert np.isfinite(losses).all()
    assert shape(model | predict(x, batch_size=batch_size, verbose=0)) == (32, 1)


def test_bidirectional_lstm_stack():
    rng = np.random.default_rng(42)  # data of its own: the test passes alone or in any order
    # R: the keras "imdb_bidirectional_lstm" example, on sequences whose label is the sign of their sum.
    x = rng.normal(size=(48, 6, 2)).astype("float32")
    y = (x.sum(axis=(1, 2)) > 0).astype("float32")
    model = keras_model_sequential(input_shape=(6, 2)) \
        | bidirectional(layer_lstm(units=8, return_sequences=True)) \
        | bidirectional(layer_lstm(units=4)) \
        | layer_dropout(rate=0.1) \
        | layer_dense(1, activation="sigmoid")
    model | compile(optimizer="adam", loss="binary_crossentropy", metrics="accuracy")
    assert [layer.output.shape[-1] for layer in model.layers[:2]] == [16, 8]
    history = model | fit(x, y, batch_size=16, epochs=4, verbose=0)
    assert _losses(history)[-1] < _losses(history)[0]
    scores = model | evaluate(x, y, verbose=0)
    assert set(scores) == {"loss", "accuracy"} and 0 <= scores["accuracy"] <= 1


def test_embedding_lstm_text_classifier_with_mask_zero():
    rng = np.random.default_rng(42)  # data of its own: the test passes alone or in any order
    # R: pad_sequences + layer_embedding(mask_zero = TRUE) + layer_lstm + sigmoid.
    sequences = [list(rng.integers(1, 20, rng.integers(2, 7))) for _ in range(40)]
    labels = np.array([float(seq[0] > 10) for seq in sequences])
    x = pad_sequences(sequences, maxlen=6)
    model = keras_model_sequential() \
        | layer_embedding(input_dim=20, output_dim=8, mask_zero=True) \
        | layer_lstm(units=8) \
        | layer_dense(units=1, activation="sigmoid")
    model | compile(optimizer="adam", loss="binary_crossentropy", metrics="accuracy")
    history = model | fit(x, labels, batch_size=8, epochs=2, validation_split=0.2, verbose=0)
    assert np.isfinite(_losses(history)).all()
    # the mask makes the padding invisible: more leading zeros, same prediction
    short = pad_sequences([[3, 4, 5]], maxlen=4)
    long = pad_sequences([[3, 4, 5]], maxlen=6)
    np.testing.assert_allclose(model.predict(short, verbose=0), model.predict(long, verbose=0), atol=1e-5)


def test_layer_rnn_of_an_lstm_cell_next_to_layer_lstm():
    rng = np.random.default_rng(42)  # data of its own: the test passes alone or in any order
    x = rng.normal(size=(16, 5, 3)).astype("float32")
    y = x.mean(axis=(1, 2))[:, None]
    cell_model = keras_model_sequential(input_shape=(5, 3)) | layer_rnn(rnn_cell_lstm(4)) | layer_dense(1)
    lstm_model = keras_model_sequential(input_shape=(5, 3)) | layer_lstm(4) | layer_dense(1)
    lstm_model | set_weights(cell_model | get_weights())
    np.testing.assert_allclose(cell_model.predict(x, verbose=0), lstm_model.predict(x, verbose=0), atol=1e-5)
    histories = [model | compile(optimizer="sgd", loss="mse") | fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
                 for model in (cell_model, lstm_model)]
    np.testing.assert_allclose(_losses(histories[0]), _losses(histories[1]), rtol=1e-4)


def test_time_series_forecaster_on_timeseries_dataset_from_array():
    # R: timeseries_dataset_from_array() windows -> LSTM -> one-step forecast.
    series = np.sin(np.arange(120) / 6).astype("float32")[:, None]
    sequence_length = 8
    train = timeseries_dataset_from_array(series[:-sequence_length], series[sequence_length:, 0],
                                          sequence_length=sequence_length, batch_size=16, end_index=80)
    valid = timeseries_dataset_from_array(series[:-sequence_length], series[sequence_length:, 0],
                                          sequence_length=sequence_length, batch_size=16, start_index=80)
    model = keras_model_sequential(input_shape=(sequence_length, 1)) | layer_lstm(units=8) | layer_dense(units=1)
    model | compile(optimizer="adam", loss="mse", metrics="mae")
    history = model | fit(train, epochs=3, validation_data=valid, verbose=0)
    assert _losses(history)[-1] < _losses(history)[0]
    windows, targets = next(iter(valid))
    assert shape(model | predict(windows, verbose=0)) == (int(targets.shape[0]), 1)
    figure = plot(history)
    assert [axes.get_ylabel() for axes in figure.axes] == ["loss", "mae"]


def test_save_reload_and_predict_the_same(tmp_path):
    inputs = keras_input(shape=(6,), dtype="int32")
    outputs = inputs \
        | layer_embedding(input_dim=10, output_dim=4, mask_zero=True) \
        | bidirectional(layer_lstm(units=3)) \
        | layer_dense(units=2, activation="softmax")
    model = keras_model(inputs, outputs) | compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    x = pad_sequences([[1, 2, 3], [4, 5], [6, 7, 8, 9]], maxlen=6)
    model | fit(x, np.array([0, 1, 0]), epochs=1, verbose=0)
    path = tmp_path / "classifier.keras"
    model | save_model(path)
    reloaded = load_model(path)
    np.testing.assert_allclose(reloaded | predict(x, verbose=0), model | predict(x, verbose=0), atol=1e-6)
    assert reloaded.optimizer.__class__.__name__ == "Adam"
