"""kerasfn.api.datasets: the dataset_* loaders read the Keras cache in R keras3's structure, and a cached
file stays inert.

Datasets are read by Keras' own loaders from small files of the real formats written into a temporary
Keras cache (KERAS_HOME); nothing is downloaded.  R: rstudio/keras3 R/datasets.R (as_dataset_list:
list(train = list(x, y), test = list(x, y))).  Nothing a cached file holds runs as code: Keras' refusal
of pickles in .npz files and its restricted unpickler hold, and these tests keep them held.
"""

import gzip
import io
import json
import os
import pickle
import tarfile

import numpy as np
import pytest

from kerasfn import (
    dataset_boston_housing,
    dataset_cifar10,
    dataset_cifar100,
    dataset_fashion_mnist,
    dataset_imdb,
    dataset_imdb_word_index,
    dataset_mnist,
    dataset_reuters,
)


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


# -- nothing a cached file holds runs as code ----------------------------------------


class _RunsACommand:
    def __reduce__(self):
        return os.system, ("echo pwned",)


def _npz(**arrays):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


# Made before a test replaces os.system (a pickle names the function it calls).
_HOSTILE_MNIST = _npz(x_train=np.array([_RunsACommand()], dtype=object), y_train=np.arange(1),
                      x_test=np.zeros((1, 28, 28), "uint8"), y_test=np.arange(1))
_HOSTILE_CIFAR_BATCH = pickle.dumps({b"data": _RunsACommand(), b"labels": [0]})


def test_the_recorder_sees_what_an_unsafe_reader_would_run(calls_to_os_system):
    pickle.loads(_HOSTILE_CIFAR_BATCH)
    with np.load(io.BytesIO(_HOSTILE_MNIST), allow_pickle=True) as arrays:
        arrays["x_train"]
    assert calls_to_os_system == ["echo pwned", "echo pwned"]


def test_a_pickle_in_a_cached_npz_dataset_is_refused(keras_home, calls_to_os_system):
    (keras_home / "datasets" / "mnist.npz").write_bytes(_HOSTILE_MNIST)
    with pytest.raises(ValueError, match="allow_pickle=False"):
        dataset_mnist()
    assert calls_to_os_system == []


def test_a_pickle_that_runs_code_in_a_cached_archive_is_refused(keras_home, calls_to_os_system):
    content = _HOSTILE_CIFAR_BATCH
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w:gz") as tar:
        for name in ("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch"):
            info = tarfile.TarInfo(f"cifar-10-batches-py/{name}")
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    (keras_home / "datasets" / "cifar-10-python.tar.gz").write_bytes(archive.getvalue())
    with pytest.raises(pickle.UnpicklingError):
        dataset_cifar10()
    assert calls_to_os_system == []
