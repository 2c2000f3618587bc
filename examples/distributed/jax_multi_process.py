"""Train the example model on JAX over several processes with keras.distribution.

Launch one process per machine (or several on one machine); they find each
other through the coordinator, the first address in
``KERAS_DISTRIBUTION_JOB_ADDRESSES`` (process 0 listens there)::

    # two processes on this machine (two shells, or `&`):
    KERAS_DISTRIBUTION_JOB_ADDRESSES=localhost:1234 KERAS_DISTRIBUTION_NUM_PROCESSES=2 \\
        KERAS_DISTRIBUTION_PROCESS_ID=0 python jax_multi_process.py
    KERAS_DISTRIBUTION_JOB_ADDRESSES=localhost:1234 KERAS_DISTRIBUTION_NUM_PROCESSES=2 \\
        KERAS_DISTRIBUTION_PROCESS_ID=1 python jax_multi_process.py

On N machines, the address is machine 0's (``10.0.0.1:1234``), the number of
processes N, and the process id 0 ... N-1, one per machine.  Without these
variables the script trains in one process.  ``--layout model`` splits the
encoder LSTM's and the head's kernels across the processes' devices
(``ModelParallel``) instead of copying every weight to each
(``DataParallel``, the default).
"""

import os
import shutil
import sys

os.environ["KERAS_BACKEND"] = "jax"

import jax  # noqa: E402
from jax.experimental import multihost_utils  # noqa: E402

# Collectives between processes on CPUs (GPUs and TPUs have their own).
jax.config.update("jax_cpu_collectives_implementation", "gloo")

import keras  # noqa: E402
import tensorflow as tf  # noqa: E402  (tf.data input pipelines)

import piped_model  # noqa: E402
from kerasfn import as_array, evaluate, fit, predict, save_model  # noqa: E402

args = piped_model.command_line(__doc__.splitlines()[0], layouts=True)
x, y = piped_model.training_data()

if args.reload:
    model = piped_model.load(args.reload)
    piped_model.write_report(args.report, "reloaded", {"predict": as_array(model | predict(x, verbose=0))})
    sys.exit()

if int(os.environ.get("KERAS_DISTRIBUTION_NUM_PROCESSES", "1")) > 1:
    keras.distribution.initialize()  # reads the KERAS_DISTRIBUTION_* variables

devices = keras.distribution.list_devices()  # every process's devices
if args.layout == "model":
    mesh = keras.distribution.DeviceMesh((1, len(devices)), ["batch", "model"], devices)
    layout_map = keras.distribution.LayoutMap(mesh)
    layout_map["encoder/lstm_cell/kernel"] = (None, "model")  # (3, 32): split by columns
    layout_map["head/kernel"] = (None, "model")  # (4, 2)
    distribution = keras.distribution.ModelParallel(layout_map=layout_map, batch_dim_name="batch")
else:
    distribution = keras.distribution.DataParallel(devices=devices)
keras.distribution.set_distribution(distribution)

model = piped_model.build_model()
# The global batch: Keras gives each process its share of every batch.
dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(piped_model.GLOBAL_BATCH)
history = model | fit(dataset, epochs=piped_model.EPOCHS, shuffle=False, verbose=0)
loss = evaluate(model, dataset, verbose=0)["loss"]
placement = [[len(w.value.sharding.device_set), list(w.value.addressable_shards[0].data.shape)] for w in model.weights]

# predict() and saving read whole arrays, and a process cannot fetch the
# parts of an array that other processes hold: every process gathers the
# weights into a copy of the model of its own, outside the distribution.
weights = [multihost_utils.process_allgather(w.value, tiled=True) for w in model.weights]
keras.distribution.set_distribution(None)
model = piped_model.build_model()
model.set_weights(weights)
predictions = as_array(model | predict(x, batch_size=piped_model.GLOBAL_BATCH, verbose=0))

is_chief = jax.process_index() == 0
path, temporary = piped_model.worker_save_path(args.save, is_chief)
model | save_model(path, overwrite=True)
if temporary:
    shutil.rmtree(temporary)

piped_model.write_report(args.report, f"worker{jax.process_index()}", {
    "processes": jax.process_count(), "devices": len(devices), "placement": placement,
    "loss": history.history["loss"], "evaluate": loss, "predict": predictions,
    "weights": [as_array(w) for w in model.weights],
})
