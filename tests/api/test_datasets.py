"""Issue 9: application_* (generated from R keras3's targets), ImageNet helpers, dataset_* loaders.

Applications are built offline (weights=None) with small inputs.  Datasets are read by Keras' own
loaders from small files of the real formats written into a temporary Keras cache (KERAS_HOME);
nothing is downloaded (kerasfn.api.cache._download is replaced where a file is missing).
R: rstudio/keras3 R/applications.R (set_preprocessing_attributes, application_preprocess_inputs),
R/datasets.R (as_dataset_list: list(train = list(x, y), test = list(x, y))).
"""

import gzip
import inspect
import io
import json
import os
import pickle
import tarfile

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import as_array
from kerasfn import (
    application_decode_predictions,
    application_mobilenet,
    application_mobilenet_v3_small,
    application_nasnetmobile,
    application_preprocess_inputs,
    application_resnet50,
    dataset_boston_housing,
    dataset_cifar10,
    dataset_cifar100,
    dataset_fashion_mnist,
    dataset_imdb,
    dataset_imdb_word_index,
    dataset_mnist,
    dataset_reuters,
    imagenet_decode_predictions,
    imagenet_preprocess_input,
)
from kerasfn.api import applications as applications_module
from kerasfn.api import cache
from kerasfn.api.cache import DatasetNotCachedError
from kerasfn.codegen import rkeras3


def test_every_r_application_is_built():
    r_names = {name for name in rkeras3.exports() if name.startswith("application_")}
    assert r_names <= set(kerasfn.__all__)
    assert len(r_names) == 44  # 40 models, 2 deprecated NASNet spellings, preprocess/decode helpers


@pytest.fixture(scope="module")
def mobilenet():
    return application_mobilenet(input_shape=(32, 32, 3), alpha=0.25, weights=None, classes=10.0)  # R's double


def test_application_is_the_keras_model(mobilenet):
    keras_model = keras.applications.MobileNet(input_shape=(32, 32, 3), alpha=0.25, weights=None, classes=10)
    assert mobilenet.output_shape == keras_model.output_shape == (None, 10)
    assert mobilenet.count_params() == keras_model.count_params()
    assert [type(layer) for layer in mobilenet.layers] == [type(layer) for layer in keras_model.layers]
    keras_model.set_weights(mobilenet.get_weights())
    images = np.random.default_rng(0).uniform(-1, 1, (2, 32, 32, 3)).astype("float32")
    np.testing.assert_allclose(as_array(mobilenet(images)), as_array(keras_model(images)), rtol=1e-5)


def test_other_small_applications_build_offline():
    small = application_mobilenet_v3_small(input_shape=(32, 32, 3), weights=None, classes=5, pooling="avg",
                                           minimalistic=True, include_preprocessing=False)
    assert small.output_shape == (None, 5) and small.name == "MobileNetV3Small"
    assert small.preprocess_input(np.ones((1, 1, 1, 3))).shape == (1, 1, 1, 3)
    assert inspect.signature(application_resnet50).parameters["name"].default == "resnet50"  # R's name = 'resnet50'


def test_application_arguments_are_checked_before_keras():
    with pytest.raises(ValueError, match=r"`classes` must be a whole number; received 10.5"):
        application_mobilenet(weights=None, classes=10.5)
    with pytest.raises(TypeError, match=r"`include_top` must be True or False; received 'yes'"):
        application_resnet50(include_top="yes", weights=None)


def test_nasnet_aliases_call_the_new_names(monkeypatch):
    calls = []
    from kerasfn.generated import applications

    monkeypatch.setattr(applications, "application_nasnet_mobile", lambda *a, **k: calls.append((a, k)) or "model")
    assert application_nasnetmobile(weights=None) == "model" and calls == [((), {"weights": None})]


def test_preprocess_input_is_the_family_function_and_copies(mobilenet):
    images = np.full((1, 2, 2, 3), 255.0)
    result = mobilenet.preprocess_input(images)
    np.testing.assert_allclose(result, keras.applications.mobilenet.preprocess_input(images.copy()))
    assert np.all(images == 255.0)  # Keras scales a float array in place; kerasfn copies
    np.testing.assert_allclose(application_preprocess_inputs(mobilenet, images), result)
    function = application_preprocess_inputs(mobilenet)  # R: x missing -> the function
    np.testing.assert_allclose(function(images), result)
    np.testing.assert_allclose(mobilenet | application_preprocess_inputs(images), result)
    with pytest.raises(ValueError, match=r"`model` has no `preprocess_input`: it was not made by an application_\*"):
        application_preprocess_inputs(keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)]), images)


@pytest.mark.parametrize("mode", ["caffe", "tf", "torch"])
def test_imagenet_preprocess_input_matches_keras(mode):
    images = np.random.default_rng(0).uniform(0, 255, (2, 3, 3, 3))
    expected = keras.applications.imagenet_utils.preprocess_input(images.copy().astype("float32"), mode=mode)
    np.testing.assert_allclose(images | imagenet_preprocess_input(mode=mode), expected, rtol=1e-6)
    np.testing.assert_allclose(imagenet_preprocess_input(images.tolist(), mode=mode), expected, rtol=1e-5)


def test_imagenet_preprocess_input_errors():
    with pytest.raises(ValueError, match=r'`mode` must be "caffe", "tf" or "torch"; received \'keras\''):
        imagenet_preprocess_input(np.zeros((1, 2, 2, 3)), mode="keras")


@pytest.fixture
def keras_home(tmp_path, monkeypatch):
    """A temporary Keras cache; downloading fails as it does offline."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "_download", _offline)
    return tmp_path


def _offline(*args, **kwargs):
    raise OSError("no network")


def test_imagenet_decode_predictions_reads_the_cached_class_index(keras_home):
    (keras_home / "models").mkdir()
    index = {str(i): [f"n{i:08d}", f"class_{i}"] for i in range(1000)}
    (keras_home / "models" / "imagenet_class_index.json").write_text(json.dumps(index))
    applications_module._class_index.cache_clear()
    preds = np.zeros((2, 1000))
    preds[0, [7, 3, 900]] = [0.5, 0.3, 0.2]
    preds[1, 42] = 1.0
    decoded = imagenet_decode_predictions(preds, top=2.0)  # R's double
    assert [row.class_description for row in decoded[0]] == ["class_7", "class_3"]
    assert decoded[0][0] == ("n00000007", "class_7", 0.5) and decoded[1][0].score == 1.0
    model = applications_module.with_preprocessing(keras.Sequential([keras.Input((2,))]), keras.applications.mobilenet)
    assert application_decode_predictions(model, preds, top=1)[1][0].class_name == "n00000042"
    applications_module._class_index.cache_clear()


def test_imagenet_decode_predictions_errors(keras_home):
    applications_module._class_index.cache_clear()
    with pytest.raises(ValueError, match=r"`preds` must have shape \(samples, 1000\); received shape \(1, 10\)"):
        imagenet_decode_predictions(np.zeros((1, 10)))
    with pytest.raises(DatasetNotCachedError, match=r"'imagenet_class_index.json' is not in the Keras cache"):
        imagenet_decode_predictions(np.zeros((1, 1000)))


# -- datasets ---------------------------------------------------------------------------------------------


def _datasets(keras_home):
    directory = keras_home / "datasets"
    directory.mkdir(exist_ok=True)
    return directory


def test_dataset_mnist_reads_the_cache_in_r_structure(keras_home):
    rng = np.random.default_rng(0)
    arrays = {"x_train": rng.integers(0, 255, (5, 28, 28), dtype="uint8"), "y_train": np.arange(5, dtype="uint8"),
              "x_test": rng.integers(0, 255, (2, 28, 28), dtype="uint8"), "y_test": np.arange(2, dtype="uint8")}
    np.savez(_datasets(keras_home) / "mnist.npz", **arrays)
    mnist = dataset_mnist()
    np.testing.assert_array_equal(mnist["train"]["x"], arrays["x_train"])  # R: mnist$train$x
    np.testing.assert_array_equal(mnist.test.y, arrays["y_test"])
    (x_train, y_train), (x_test, y_test) = mnist  # R: c(c(x_train, y_train), c(x_test, y_test)) %<-% mnist
    assert x_train.shape == (5, 28, 28) and y_test.tolist() == [0, 1]
    assert mnist.keys() == ("train", "test") and mnist.train.keys() == ("x", "y")
    with pytest.raises(KeyError, match=r"'validation': the names are 'train', 'test'"):
        mnist["validation"]


def test_missing_dataset_names_the_file_and_where_to_put_it(keras_home):
    expected = os.path.join(str(keras_home), "datasets", "mnist.npz")
    with pytest.raises(DatasetNotCachedError) as error:
        dataset_mnist()
    message = str(error.value)
    assert message.startswith("dataset_mnist(): 'mnist.npz' is not in the Keras cache and could not be downloaded")
    assert f"put it at {expected!r}" in message and "OSError: no network" in message
    with pytest.raises(DatasetNotCachedError, match=r"'cifar-10-python.tar.gz' .*cifar-10-python.tar.gz'"):
        dataset_cifar10()


def test_dataset_boston_housing_shuffles_and_splits_as_keras(keras_home):
    x = np.arange(40.0).reshape(10, 4)
    y = np.arange(10.0)
    np.savez(_datasets(keras_home) / "boston_housing.npz", x=x, y=y)
    boston = dataset_boston_housing(test_split=0.3, seed=1.0)
    order = np.arange(10)
    np.random.RandomState(1).shuffle(order)  # Keras' documented shuffle: RandomState(seed)
    np.testing.assert_array_equal(boston.train.y, y[order[:7]])
    np.testing.assert_array_equal(boston.test.x, x[order[7:]])
    with pytest.raises(ValueError, match=r"`test_split` must be a fraction from 0 to below 1; received 1"):
        dataset_boston_housing(test_split=1)


def test_dataset_imdb_sequences_as_r_lists(keras_home):
    x_train = np.empty(2, dtype=object)
    x_train[:] = [[1, 5, 2], [7, 3]]
    x_test = np.empty(1, dtype=object)
    x_test[:] = [[4, 4]]
    np.savez(_datasets(keras_home) / "imdb.npz", x_train=x_train, y_train=np.array([1, 0]),
             x_test=x_test, y_test=np.array([1]))
    imdb = dataset_imdb(num_words=8.0, seed=0)  # R's double
    order = np.arange(2)
    np.random.RandomState(0).shuffle(order)
    # start_char 1 first, indices + index_from 3, those >= num_words 8 become oov_char 2
    shifted = [[1] + [w + 3 if w + 3 < 8 else 2 for w in seq] for seq in ([[1, 5, 2], [7, 3]][i] for i in order)]
    assert imdb.train.x == shifted and imdb.test.x == [[1, 7, 7]]
    assert imdb.train.y.tolist() == [[1, 0][i] for i in order] and imdb.train.y.dtype == np.int32
    assert all(type(seq) is list and all(type(w) is int for w in seq) for seq in imdb.train.x)
    raw = dataset_imdb(num_words=8, seed=0, convert=False)
    assert raw.train.x.dtype == object


def test_dataset_reuters_and_word_index(keras_home):
    xs = np.empty(5, dtype=object)
    xs[:] = [[1], [2], [3], [4], [5]]
    np.savez(_datasets(keras_home) / "reuters.npz", x=xs, y=np.arange(5))
    reuters = dataset_reuters(test_split=0.2)
    assert len(reuters.train.x) == 4 and len(reuters.test.x) == 1
    (_datasets(keras_home) / "imdb_word_index.json").write_text(json.dumps({"the": 1, "movie": 2}))
    assert dataset_imdb_word_index() == {"the": 1, "movie": 2}


def _idx(array, magic):
    header = magic.to_bytes(4, "big") + b"".join(n.to_bytes(4, "big") for n in array.shape)
    return gzip.compress(header + array.astype("uint8").tobytes())


def test_dataset_fashion_mnist_reads_the_idx_files(keras_home):
    directory = _datasets(keras_home) / "fashion-mnist"
    directory.mkdir()
    images = np.arange(3 * 28 * 28).reshape(3, 28, 28) % 256
    for prefix, count in (("train", 3), ("t10k", 2)):
        (directory / f"{prefix}-labels-idx1-ubyte.gz").write_bytes(_idx(np.arange(count), 2049))
        (directory / f"{prefix}-images-idx3-ubyte.gz").write_bytes(_idx(images[:count], 2051))
    (x_train, y_train), (x_test, y_test) = dataset_fashion_mnist()
    np.testing.assert_array_equal(x_train, images)
    assert y_test.tolist() == [0, 1] and x_test.shape == (2, 28, 28)


def test_dataset_cifar100_extracts_an_archive_put_in_the_cache(keras_home):
    def batch(n, offset):
        return pickle.dumps({b"data": (np.arange(n * 3072) % 256).astype("uint8").reshape(n, 3072) + offset,
                             b"fine_labels": list(range(n)), b"coarse_labels": [0] * n})

    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w:gz") as tar:
        for name, content in (("train", batch(3, 0)), ("test", batch(2, 1))):
            info = tarfile.TarInfo(f"cifar-100-python/{name}")
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    (_datasets(keras_home) / "cifar-100-python.tar.gz").write_bytes(archive.getvalue())
    cifar = dataset_cifar100(label_mode="fine")
    assert cifar.train.x.shape == (3, 32, 32, 3) and cifar.train.y.tolist() == [[0], [1], [2]]
    first = (np.arange(3072) % 256).astype("uint8").reshape(3, 32, 32).transpose(1, 2, 0)
    np.testing.assert_array_equal(cifar.train.x[0], first)  # channels last, as Keras gives them
    assert dataset_cifar100(label_mode="coarse").test.y.tolist() == [[0], [0]]
    with pytest.raises(ValueError, match=r"`label_mode` must be one of 'fine', 'coarse'; received 'medium'"):
        dataset_cifar100(label_mode="medium")
