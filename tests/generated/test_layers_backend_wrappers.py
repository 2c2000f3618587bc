"""kerasfn.generated.layers_backend_wrappers: layer functions that wrap another backend's module, or an exported
model, fail clearly where they cannot run, and layer_tfsm wraps a model exported on TensorFlow."""

import importlib.util

import keras
import numpy as np
import pytest

import kerasfn
import kerasfn.codegen.catalog


@pytest.mark.parametrize("name", ["layer_torch_module_wrapper", "layer_jax_model_wrapper", "layer_flax_module_wrapper"])
def test_backend_wrappers_fail_clearly(name):
    entry = kerasfn.codegen.catalog.by_name(name)
    backend = keras.backend.backend()
    if backend in entry.backends and importlib.util.find_spec(entry.package) is not None:
        pytest.skip(f"{name}() can run here ({backend} backend, {entry.package} installed)")
    with pytest.raises(RuntimeError, match=rf"{name}\(\) needs the '(torch|jax)' |{name}\(\) needs the '(jax|flax)' package"):
        getattr(kerasfn, name)(None, object())  # a stand-in for the module or function it wraps
    assert backend == keras.backend.backend()


def test_backend_wrappers_need_what_they_wrap():
    with pytest.raises(TypeError, match=r"`module` is missing, with no default"):
        kerasfn.layer_torch_module_wrapper()


def test_tfsm_wraps_an_exported_model(tmp_path):
    if keras.backend.backend() != "tensorflow":
        with pytest.raises(RuntimeError, match=r"layer_tfsm\(\) needs the 'tensorflow' Keras backend"):
            kerasfn.layer_tfsm(None, str(tmp_path))
        return
    model = kerasfn.keras_model_sequential(input_shape=3) | kerasfn.layer_dense(2)
    model.export(str(tmp_path / "exported"), verbose=False)
    x = np.ones((2, 3), dtype="float32")
    np.testing.assert_allclose(x | kerasfn.layer_tfsm(str(tmp_path / "exported")), model.predict(x, verbose=0), atol=1e-6)
    assert tuple((kerasfn.keras_input(3) | kerasfn.layer_tfsm(str(tmp_path / "exported"))).shape) == (None, 2)
