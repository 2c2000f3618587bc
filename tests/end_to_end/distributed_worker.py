"""One small kerasfn model trained on one device, then on two: run by test_distributed.py.

Devices are split before the engine starts, so each engine runs in a fresh
process: ``python distributed_worker.py BACKEND WORKDIR``.  ``tensorflow``
trains under ``MirroredStrategy`` on two logical CPUs; ``jax`` under
``keras.distribution.DataParallel`` and then a ``ModelParallel`` layout, on
the two host devices that ``XLA_FLAGS=--xla_force_host_platform_device_count=2``
(set by the caller) makes.  Each distributed model starts from the
single-device model's initial weights.  stdout's last line is a JSON report
of every run's numbers; the test compares them.
"""

import json
import os
import sys
from contextlib import nullcontext

BACKEND, WORKDIR = sys.argv[1], sys.argv[2]
os.environ["KERAS_BACKEND"] = BACKEND


def multi_worker_contract():
    """``distributed_worker.py multi_worker WORKDIR``, one process per worker of
    ``TF_CONFIG``: plain Keras' ``fit()`` under MultiWorkerMirroredStrategy,
    then inside ``internals.multi_worker_mirrored_fixes``; writes what each did."""
    import tensorflow as tf

    from kerasfn.rcall import internals

    strategy = tf.distribute.MultiWorkerMirroredStrategy()
    with strategy.scope():
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    x = np.linspace(-1, 1, 48, dtype="float32").reshape(16, 3)
    dataset = tf.data.Dataset.from_tensor_slices((x, x[:, :2])).batch(8)
    report = {}
    try:
        model.fit(dataset, epochs=1, verbose=0)
        report["plain_keras"] = "trained"
    except Exception as error:  # what plain Keras raises is the report
        report["plain_keras"] = f"{type(error).__name__}: {error}"
    with internals.multi_worker_mirrored_fixes(model):
        report["loss"] = model.fit(dataset, epochs=2, verbose=0).history["loss"]
        report["evaluate"] = model.evaluate(dataset, verbose=0)
        report["predict_shape"] = list(model.predict(x, batch_size=8, verbose=0).shape)
    report["hook_removed"] = "_maybe_symbolic_build" not in vars(model)
    report["weights"] = [w.tolist() for w in model.get_weights()]
    task = strategy.cluster_resolver.task_id
    with open(os.path.join(WORKDIR, f"worker{task}.json"), "w") as file:
        json.dump(report, file)


if BACKEND == "multi_worker":
    os.environ["KERAS_BACKEND"] = "tensorflow"
    import keras
    import numpy as np

    multi_worker_contract()
    sys.exit()

if BACKEND == "tensorflow":
    import tensorflow as tf

    # Must happen before TensorFlow initialises its devices.
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

import keras  # noqa: E402
import numpy as np  # noqa: E402

from kerasfn import as_array, evaluate, fit, predict, save_model  # noqa: E402

# The launch scripts' model and data: a custom layer whose call() pipes, traced by TensorFlow and by JAX in
# every train step.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "examples", "distributed"))
import piped_model  # noqa: E402

X, Y = piped_model.training_data()
BATCH = piped_model.GLOBAL_BATCH


def train(model):
    history = model | fit(X, Y, batch_size=BATCH, epochs=2, shuffle=False, verbose=0)
    report = {
        "loss": history.history["loss"],
        "evaluate": evaluate(model, X, Y, batch_size=BATCH, verbose=0)["loss"],
        "predict": as_array(model | predict(X, batch_size=BATCH, verbose=0)).tolist(),
        "weights": [as_array(w).tolist() for w in model.weights],
    }
    return report


def save_and_reload(model, path):
    model | save_model(path)
    model = piped_model.load(path)
    return model, as_array(model | predict(X, batch_size=BATCH, verbose=0)).tolist()


def placement(model):
    """Each variable's device count and the shape of one device's part."""
    if BACKEND == "tensorflow":
        return [[len(w.value.values), list(w.value.values[0].shape)] for w in model.weights]
    return [[len(w.value.sharding.device_set), list(w.value.addressable_shards[0].data.shape)] for w in model.weights]


def jax_distribution(name):
    cpus = keras.distribution.list_devices("cpu")
    if name == "data_parallel":
        return keras.distribution.DataParallel(devices=cpus)
    mesh = keras.distribution.DeviceMesh((1, len(cpus)), ["batch", "model"], cpus)
    layout = keras.distribution.LayoutMap(mesh)
    layout["encoder/lstm_cell/kernel"] = (None, "model")  # (3, 32): 4 gates x 8 units, split by columns
    layout["head/kernel"] = (None, "model")  # (4, 2)
    return keras.distribution.ModelParallel(layout_map=layout, batch_dim_name="batch")


def distributed_run(name, initial):
    """Train a copy of the single-device model (same initial weights) on two devices."""
    if name == "mirrored":
        strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
        scope, devices = strategy.scope(), strategy.num_replicas_in_sync
    else:
        keras.distribution.set_distribution(jax_distribution(name))
        scope, devices = nullcontext(), len(keras.distribution.list_devices("cpu"))
    with scope:
        model = piped_model.build_model()
        model.set_weights(initial)
        report = train(model)
        reloaded_model, report["reloaded_predict"] = save_and_reload(model, os.path.join(WORKDIR, f"{name}.keras"))
    report.update(devices=devices, placement=placement(model), reloaded_placement=placement(reloaded_model))
    return report


single_model = piped_model.build_model()  # seeded: the same initial weights as the launch scripts'
initial = single_model.get_weights()
report = {"single": train(single_model)}
for name in ["mirrored"] if BACKEND == "tensorflow" else ["data_parallel", "model_parallel"]:
    report[name] = distributed_run(name, initial)
print(json.dumps(report))
