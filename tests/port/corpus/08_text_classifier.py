# A text classifier: integer sequences padded to one length, embedding, pooling
import numpy as np
from kerasfn import *

n = 100
max_len = 12
vocab = 50
sequences = [np.random.choice(np.arange(1, vocab), np.random.randint(3, max_len + 1)) for i in range(n)]
labels = np.array([int(7 in s) for s in sequences])
x = pad_sequences(sequences, maxlen=max_len)
print(x.shape)
print(np.all(x[:, :2] >= 0))

model = (
    keras_model_sequential(input_shape=(max_len,))
    | layer_embedding(input_dim=vocab, output_dim=8, mask_zero=True)
    | layer_global_average_pooling_1d()
    | layer_dense(units=1, activation="sigmoid")
)
model | compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model | fit(x, labels, epochs=2, batch_size=25, verbose=0)
print(list(history.history.keys()))
preds = model | predict(x[:3], verbose=0)
print(preds.shape)
