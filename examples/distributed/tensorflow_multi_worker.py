"""Train the example model on TensorFlow over several processes with MultiWorkerMirroredStrategy.

Every worker runs this script with a ``TF_CONFIG`` environment variable that
lists all workers and gives its own index (worker 0 is the chief)::

    # two processes on this machine (two shells, or `&`):
    TF_CONFIG='{"cluster": {"worker": ["localhost:12345", "localhost:12346"]},
                "task": {"type": "worker", "index": 0}}' python tensorflow_multi_worker.py
    TF_CONFIG='{"cluster": {"worker": ["localhost:12345", "localhost:12346"]},
                "task": {"type": "worker", "index": 1}}' python tensorflow_multi_worker.py

On N machines, the list holds every machine's ``host:port`` (the same list
everywhere) and machine i runs with ``"index": i``.  Without ``TF_CONFIG``
the script trains in one process.  kerasfn's ``fit()``, ``evaluate()`` and
``predict()`` run Keras' own trainer with two fixes that make it work across
workers (Keras 3.15's ``model.fit()`` fails there).
"""

import os
import shutil
import sys

os.environ["KERAS_BACKEND"] = "tensorflow"

import tensorflow as tf  # noqa: E402

import piped_model  # noqa: E402
from kerasfn import as_array, evaluate, fit, predict, save_model  # noqa: E402

args = piped_model.command_line(__doc__.splitlines()[0])
x, y = piped_model.training_data()

if args.reload:
    model = piped_model.load(args.reload)
    piped_model.write_report(args.report, "reloaded", {"predict": as_array(model | predict(x, verbose=0))})
    sys.exit()

strategy = tf.distribute.MultiWorkerMirroredStrategy()  # reads TF_CONFIG
with strategy.scope():
    model = piped_model.build_model()

# The global batch: the dataset is sharded automatically, each worker reading its share of every batch.
dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(piped_model.GLOBAL_BATCH)
history = model | fit(dataset, epochs=piped_model.EPOCHS, shuffle=False, verbose=0)
loss = evaluate(model, dataset, verbose=0)["loss"]
predictions = as_array(model | predict(x, batch_size=piped_model.GLOBAL_BATCH, verbose=0))

# Every worker saves (saving may synchronize them); the chief to the real path.
resolver = strategy.cluster_resolver
is_chief = resolver.task_type in (None, "chief") or (resolver.task_type == "worker" and resolver.task_id == 0)
path, temporary = piped_model.worker_save_path(args.save, is_chief)
model | save_model(path, overwrite=True)
if temporary:
    shutil.rmtree(temporary)

piped_model.write_report(args.report, f"worker{resolver.task_id or 0}", {
    "processes": len(resolver.cluster_spec().as_dict().get("worker", [])) or 1,
    "replicas": strategy.num_replicas_in_sync,
    "loss": history.history["loss"], "evaluate": loss, "predict": predictions,
    "weights": [as_array(w) for w in model.weights],
})
