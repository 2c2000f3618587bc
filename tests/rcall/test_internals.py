"""One test per hook of kerasfn/rcall/internals.py: each fails naming the hook when a Keras release changes what it reads.

These tests are what the Keras version range in pyproject.toml is checked
against.  A failure reads ``internals hook `name` broke on Keras x.y.z: ...``.
"""

import contextlib
import json
import sys

import keras
import numpy as np
import pytest

from kerasfn import as_array
from kerasfn.rcall import internals
from tests.end_to_end.test_distributed import WORKER, free_ports, run_processes


@contextlib.contextmanager
def hook(name):
    """Run a hook's checks; any failure names the hook and the Keras version."""
    try:
        yield getattr(internals, name)
    except Exception as error:  # AssertionError included: the hook answers, but wrongly
        pytest.fail(f"internals hook `{name}` broke on Keras {keras.__version__}: {type(error).__name__}: {error}",
                    pytrace=True)


def _data(*shape):
    return np.random.default_rng(0).uniform(-1, 1, shape).astype("float32")


def test_register_public_name():
    class Renamed(keras.layers.Dense):
        pass

    with hook("register_public_name") as register_public_name:
        register_public_name(Renamed, "keras.layers.Dense")
        config = keras.saving.serialize_keras_object(Renamed(2))
        assert (config["module"], config["class_name"], config["registered_name"]) == ("keras.layers", "Dense", None)
        assert type(keras.saving.deserialize_keras_object(config)) is keras.layers.Dense


def test_public_name():
    with hook("public_name") as public_name:
        assert public_name(keras.layers.LSTM) == "keras.layers.LSTM"
        # A name that leads back to the class (GroupQueryAttention on 3.15, GroupedQueryAttention on 3.16).
        name = public_name(keras.layers.GroupQueryAttention)
        assert name.startswith("keras.layers.")
        assert getattr(keras.layers, name.rpartition(".")[2]) is keras.layers.GroupQueryAttention
        assert public_name(type("NotKeras", (), {})) is None


def test_get_keras_mask():
    tokens = np.array([[1, 2, 0]])
    with hook("get_keras_mask") as get_keras_mask:
        embedded = keras.layers.Embedding(3, 2, mask_zero=True)(tokens)
        np.testing.assert_array_equal(np.asarray(get_keras_mask(embedded)), tokens != 0)
        assert get_keras_mask(keras.ops.ones((1, 3))) is None


def test_in_stateless_scope():
    with hook("in_stateless_scope") as in_stateless_scope:
        assert in_stateless_scope() is False
        with keras.StatelessScope():
            assert in_stateless_scope() is True


def test_autocast_dtype():
    layer = keras.layers.Dense(2, dtype="mixed_float16")
    seen = []

    class Probe(keras.layers.Layer):
        def call(self, x):
            seen.append(internals.autocast_dtype())
            return x

    with hook("autocast_dtype") as autocast_dtype:
        assert autocast_dtype() is None
        probe = Probe(dtype="mixed_float16")
        probe(layer(_data(1, 2)))
        assert seen == ["float16"]


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="a TensorFlow hook")
def test_gradients_recorded():
    import tensorflow as tf

    with hook("gradients_recorded") as gradients_recorded:
        assert gradients_recorded() is False
        with tf.GradientTape():
            assert gradients_recorded() is True


def test_flatten_layers():
    with hook("flatten_layers") as flatten_layers:
        layer = keras.layers.Bidirectional(keras.layers.LSTM(2))
        layer.build((1, 3, 2))
        kinds = [type(part).__name__ for part in flatten_layers(layer)]
        assert kinds == ["Bidirectional", "LSTM", "LSTMCell", "LSTM", "LSTMCell"]
        model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
        assert [type(part).__name__ for part in flatten_layers(model)] == ["Sequential", "InputLayer", "Dense"]


def _called_twice():
    layer = keras.layers.Dense(2)
    first, second = keras.Input((3,)), keras.Input((3,))
    return layer, (first, layer(first)), (second, layer(second))


def test_inbound_nodes():
    with hook("inbound_nodes") as inbound_nodes:
        layer, (first, _), (second, _) = _called_twice()
        nodes = inbound_nodes(layer)
        assert len(nodes) == 2
        assert nodes[1].arguments.args[0] is second


def test_node_attribute_at_index():
    with hook("node_attribute_at_index") as node_attribute_at_index:
        layer, (_, first_output), (_, second_output) = _called_twice()
        assert node_attribute_at_index(layer, 1, "output_tensors", "output") is second_output
        with pytest.raises(ValueError, match="Asked to get output at node 2, but the operation has only 2 inbound nodes"):
            node_attribute_at_index(layer, 2, "output_tensors", "output")


def test_sequential_layers():
    with hook("sequential_layers") as sequential_layers:
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        assert [type(layer).__name__ for layer in sequential_layers(model)] == ["InputLayer", "Dense"]
        assert sequential_layers(keras.Sequential()) == []


def test_sequential_graph():
    with hook("sequential_graph") as sequential_graph:
        assert sequential_graph(keras.Sequential()) is None
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        graph = sequential_graph(model)
        assert isinstance(graph, keras.Model) and graph.outputs[0].shape == (None, 2)


def test_set_sequential_graph():
    with hook("set_sequential_graph") as set_sequential_graph:
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        extra = keras.layers.Dense(1)
        graph = internals.sequential_graph(model)
        outputs = extra(graph.outputs[0])
        model.add(extra, rebuild=False)
        set_sequential_graph(model, keras.Model(graph.inputs, outputs))
        model.built = True
        assert model(_data(4, 3)).shape == (4, 1)


def test_sequential_snapshot_and_restore_sequential():
    with hook("sequential_snapshot") as sequential_snapshot, hook("restore_sequential") as restore_sequential:
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        before = as_array(model(_data(4, 3)))
        snapshot = sequential_snapshot(model)
        model.add(keras.layers.Dense(5))
        assert model(_data(4, 3)).shape == (4, 5)
        restore_sequential(model, snapshot)
        assert len(model.layers) == 1
        np.testing.assert_allclose(as_array(model(_data(4, 3))), before)


def test_keras_home():
    with hook("keras_home") as keras_home:
        home = keras_home()
        assert isinstance(home, str) and home
        # keras.utils.get_file's default cache directory is this one
        import inspect

        assert "keras_home" in inspect.getsource(keras.utils.get_file)


def test_dataset_file_resolver(tmp_path):
    with hook("dataset_file_resolver") as dataset_file_resolver:
        np.savez(tmp_path / "tiny.npz", x_train=np.zeros((1, 2, 2)), y_train=np.zeros(1),
                 x_test=np.ones((1, 2, 2)), y_test=np.ones(1))
        calls = []

        def resolve(fname=None, origin=None, **options):
            calls.append((fname, origin))
            return str(tmp_path / "tiny.npz")

        with dataset_file_resolver(keras.datasets.mnist.load_data, resolve):
            (x_train, _), (x_test, _) = keras.datasets.mnist.load_data()
        assert calls and calls[0][0] == "mnist.npz" and x_test.shape == (1, 2, 2)
        import sys

        assert sys.modules[keras.datasets.mnist.load_data.__module__].get_file is not resolve  # restored


def test_custom_object_registry():
    with hook("custom_object_registry") as custom_object_registry:
        objects, names = custom_object_registry()

        class Probe:
            def get_config(self):
                return {}

        keras.saving.register_keras_serializable(package="probe")(Probe)
        try:
            assert objects["probe>Probe"] is Probe and names[Probe] == "probe>Probe"
            assert keras.saving.get_custom_objects() is objects
        finally:
            del objects["probe>Probe"], names[Probe]


def test_import_tensorflow_later_within(monkeypatch):
    """Keras' lazy module runs the first import inside the block, once; a failed import is Keras'
    ImportError, still raised from the block."""
    from keras.src.utils import module_utils

    assert module_utils.tensorflow.name == "tensorflow"  # what Keras imports TensorFlow through
    entered = []

    @contextlib.contextmanager
    def block():
        entered.append("in")
        yield

    for name, imported in [("json", True), ("a_module_that_is_not_installed", False)]:
        entered.clear()
        # A lazy module of its own stands for Keras' one, which this process may have imported already.
        monkeypatch.setattr(module_utils, "tensorflow", module_utils.LazyModule(name))
        with hook("import_tensorflow_later_within") as import_tensorflow_later_within:
            import_tensorflow_later_within(block)
            assert entered == []  # nothing imported yet
            assert module_utils.tensorflow.available is imported
            assert entered == ["in"]
            if imported:
                assert module_utils.tensorflow.dumps([1]) == "[1]" and entered == ["in"]


@pytest.mark.skipif(keras.backend.backend() != "jax", reason="a JAX hook")
def test_jax_array_class():
    import jax.numpy as jnp

    with hook("jax_array_class") as jax_array_class:
        cls = jax_array_class()
        assert type(jnp.zeros(3)) is cls and "__or__" in vars(cls)


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="tf.distribute runs on TensorFlow")
def test_multi_worker_mirrored_fixes(tmp_path):
    """Two worker processes on localhost (``TF_CONFIG``): plain Keras' fit()
    fails under MultiWorkerMirroredStrategy (keras-team/keras#20585); inside
    the hook, fit(), evaluate() and predict() run, both workers end with the
    same weights, and the hook is gone afterwards."""
    workers = [f"localhost:{port}" for port in free_ports(2)]
    run_processes([
        ([sys.executable, str(WORKER), "multi_worker", str(tmp_path)],
         {"TF_CONFIG": json.dumps({"cluster": {"worker": workers}, "task": {"type": "worker", "index": index}})})
        for index in range(2)
    ], cwd=tmp_path)
    reports = [json.loads((tmp_path / f"worker{index}.json").read_text()) for index in range(2)]
    for report in reports:
        assert report["plain_keras"].startswith("ValueError: Attempt to convert a value (PerReplica:")
    with hook("multi_worker_mirrored_fixes"):
        for report in reports:
            assert len(report["loss"]) == 2 and report["loss"][1] < report["loss"][0]
            assert report["predict_shape"] == [16, 2]
            assert report["hook_removed"]
        for got, want in zip(*(report["weights"] for report in reports)):
            np.testing.assert_allclose(got, want, rtol=1e-6)


def test_the_foreign_methods_kerasfn_adds_are_new_to_keras():
    """kerasfn gives ``keras.layers.Layer`` ``__or__``, ``__ror__`` and
    ``__array_ufunc__`` (the pipe, kerasfn.rcall.pipe) and ``keras.Model`` a
    ``__str__`` (R's print(model), kerasfn.api.printing, which puts Keras' own
    back by deleting its own): in plain Keras none of them may exist, or
    kerasfn would replace a meaning Keras gave them."""
    import subprocess

    code = ("import json, keras\n"
            "print(json.dumps({'layer': [name for name in ('__or__', '__ror__', '__array_ufunc__')"
            " if name in vars(keras.layers.Layer)], 'model_str': '__str__' in vars(keras.Model)}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"layer": [], "model_str": False}


def test_add_layer_methods():
    with hook("add_layer_methods") as add_layer_methods:
        originals = {name: keras.layers.Layer.__dict__[name] for name in ("__or__", "__ror__")}
        try:
            add_layer_methods(__or__=lambda self, other: ("or", other), __ror__=lambda self, other: ("ror", other))
            assert keras.layers.Dense(2) | 1 == ("or", 1)
            assert (1 | keras.Sequential()) == ("ror", 1)  # every layer and model
        finally:
            add_layer_methods(**originals)


def test_wrap_method():
    class Operand:
        def __or__(self, other):
            return "original"

    def wrap(method):
        def wrapped(self, other):
            return "wrapped " + method(self, other)
        return wrapped

    with hook("wrap_method") as wrap_method:
        wrap_method(Operand, "__or__", wrap)
        wrap_method(Operand, "__or__", wrap)  # once only
        assert Operand() | 1 == "wrapped original"
        # the classes kerasfn wraps still have an `|` of their own to wrap (logical_or, ...)
        tensor = keras.KerasTensor((2,), dtype="bool")
        assert (tensor | tensor).dtype == "bool" and (tensor.__ror__(tensor)).dtype == "bool"
        variable = keras.Variable(np.array([True, False]), trainable=False)
        np.testing.assert_array_equal(as_array(variable | np.array([False, False])), [True, False])


def test_set_model_str_and_model_str():
    model = keras.Sequential(name="tiny")
    with hook("set_model_str") as set_model_str:
        kept = internals.model_str()
        try:
            set_model_str(lambda model: f"summary of {model.name}")
            assert str(model) == "summary of tiny" and repr(model) == "<Sequential name=tiny, built=False>"
            set_model_str(None)  # Keras' own: the inherited Layer.__str__, the repr
            assert internals.model_str() is None and str(model) == repr(model)
        finally:
            set_model_str(kept)


def test_narrow_class():
    class Narrowed(keras.callbacks.History):
        def describe(self):
            return sorted(self.history)

    history = keras.callbacks.History()
    history.history = {"loss": [1.0]}
    with hook("narrow_class") as narrow_class:
        narrow_class(history, Narrowed)
        assert type(history) is Narrowed and history.describe() == ["loss"]
        layer = keras.layers.LSTM(2)
        layer.build((None, 3, 1))
        kernel = layer.cell.kernel
        narrow_class(layer, type("CoreLSTM", (keras.layers.LSTM,), {}))
        assert layer.cell.kernel is kernel and layer.built
    with pytest.raises(TypeError, match="does not extend History"):
        internals.narrow_class(keras.callbacks.History(), keras.layers.LSTM)


def test_popped_keywords():
    with hook("popped_keywords") as popped_keywords:
        # Keras' Embedding still takes tf.keras's `input_length` out of **kwargs (R keras 2 scripts pass it)
        assert "input_length" in popped_keywords(keras.layers.Embedding.__init__)
        assert popped_keywords(len) == frozenset()  # no Python source


def test_declare_batch_shape_and_declared_batch_shape():
    layer = keras.layers.Dense(2)
    with hook("declare_batch_shape") as declare_batch_shape:
        assert internals.declared_batch_shape(layer) is None
        declare_batch_shape(layer, (None, 4))
        assert internals.declared_batch_shape(layer) == (None, 4)
        # Keras neither tracks nor saves it
        assert keras.layers.Dense.from_config(layer.get_config()).get_config() == layer.get_config()
        assert "batch_shape" not in json.dumps(layer.get_config())


def test_attach_functions(tmp_path):
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    with hook("attach_functions") as attach_functions:
        attach_functions(model, preprocess_input=lambda x: x * 2)
        assert model.preprocess_input(3) == 6
        assert len(model.weights) == 2 and len(model.layers) == 1
        model.save(tmp_path / "m.keras")
        assert len(keras.saving.load_model(tmp_path / "m.keras").weights) == 2


@pytest.mark.parametrize("keras_class", [keras.layers.LSTM, keras.layers.GRU])
def test_recurrent_inner_loop(keras_class):
    """kerasfn's core overrides ``inner_loop`` of Keras' LSTM and GRU (torch's
    fused kernels, kerasfn.core.kernels.torch): Keras must still route each call's
    recurrence through it, with these arguments, and use what it returns."""
    seen = []

    class Recording(keras_class):
        def inner_loop(self, sequences, initial_state, mask, training=False):
            seen.append((tuple(sequences.shape), len(initial_state), mask, training))
            last, outputs, states = super().inner_loop(sequences, initial_state, mask=mask, training=training)
            return last * 0, outputs * 0, states

    layer = Recording(3, return_sequences=True)
    output = layer(_data(2, 5, 4), training=True)
    assert seen == [((2, 5, 4), 2 if keras_class is keras.layers.LSTM else 1, None, True)]
    assert np.all(as_array(output) == 0)
