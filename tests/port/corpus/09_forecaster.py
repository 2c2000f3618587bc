# A forecaster: windows of a series from timeseries_dataset_from_array(), an LSTM
import numpy as np
from kerasfn import *

series = np.sin(np.linspace(0, 10, 100)) + np.random.normal(0, 0.1, size=100)
lookback = 10
n_train = 70


def make_dataset(values, start, end):
    # R's values[start:(end - lookback)], 1-based and inclusive
    return timeseries_dataset_from_array(
        data=values[start - 1 : end - lookback].reshape(-1, 1),
        targets=values[start - 1 + lookback : end],
        sequence_length=lookback,
        batch_size=16,
    )


train = make_dataset(series, 1, n_train)
test = make_dataset(series, n_train + 1, len(series))

model = keras_model_sequential(input_shape=(lookback, 1)) | layer_lstm(units=8) | layer_dense(units=1)
model | compile(optimizer="adam", loss="mse", metrics="mae")
history = model | fit(train, validation_data=test, epochs=1, verbose=0)
print(list(history.history.keys()))
forecast = model | predict(test, verbose=0)
print(forecast.shape)
