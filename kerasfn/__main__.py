"""``python -m kerasfn``: a short tour (an eager pipe, destructuring, a functional and a Sequential model), end to end."""

from __future__ import annotations


def main() -> None:
    import numpy as np

    from kerasfn import (
        keras_input,
        keras_model,
        keras_model_sequential,
        layer_dense,
        layer_lstm,
        random_uniform,
        shape,
    )

    print("# eager pipe: random_uniform(c(32, 10, 8)) |> layer_lstm(4)")
    inputs = random_uniform((32, 10, 8), seed=1)
    output = inputs | layer_lstm(4)
    print("shape(output) ->", shape(output))

    print("\n# destructuring: c(whole_seq, memory, carry) %<-% lstm(input)")
    lstm = layer_lstm(units=4, return_sequences=True, return_state=True)
    whole_seq_output, final_memory_state, final_carry_state = lstm(inputs)
    for name, value in [("whole_seq_output", whole_seq_output),
                        ("final_memory_state", final_memory_state),
                        ("final_carry_state", final_carry_state)]:
        print(f"shape({name}) ->", shape(value))

    print("\n# symbolic pipe into a functional model (seq2seq encoder/decoder)")
    encoder_inputs = keras_input((10, 8), name="encoder_inputs")
    decoder_inputs = keras_input((12, 8), name="decoder_inputs")
    encoded = encoder_inputs | layer_lstm(16, return_state=True, name="encoder")
    decoded = layer_lstm(16, return_sequences=True, name="decoder")(
        decoder_inputs, initial_state=encoded[1:]
    )
    seq2seq = keras_model([encoder_inputs, decoder_inputs], decoded, name="seq2seq")
    print(f"{seq2seq.name}: inputs {[shape(t) for t in seq2seq.inputs]} -> output {shape(seq2seq.output)}")

    print("\n# Sequential pipe: keras_model_sequential(input_shape = c(10, 8)) |> layer_lstm(32) |> ... |> layer_dense(1)")
    model = (keras_model_sequential(input_shape=(10, 8), name="stack")
             | layer_lstm(32, return_sequences=True) | layer_lstm(8) | layer_dense(1))
    print(f"{model.name}: {[layer.name for layer in model.layers]} -> output {shape(model.output_shape)}")
    predictions = model.predict(np.asarray(inputs), verbose=0)
    print("shape(predict(model, x)) ->", shape(predictions))


if __name__ == "__main__":
    main()
