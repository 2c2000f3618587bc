"""R keras3's ``dataset_*`` loaders: Keras' own loaders, offline from the Keras cache, in R's structure.

R's ``dataset_mnist()`` returns ``list(train = list(x, y), test = list(x,
y))``.  Here the result is a :class:`Dataset` of two :class:`DatasetSplit`,
named tuples that take all three ways of reaching the data:

* R's names as keys, ``mnist["train"]["x"]`` (R's ``mnist$train$x``);
* attributes, ``mnist.train.x``;
* unpacking, ``(x_train, y_train), (x_test, y_test) = dataset_mnist()``
  (R's ``c(c(x_train, y_train), c(x_test, y_test)) %<-% dataset_mnist()``).

The loading is Keras' (``keras.datasets.mnist.load_data`` ...: same arrays,
same shuffling with ``seed``), with one difference: the file is taken from
the Keras cache (``$KERAS_HOME``, else ``~/.keras``, under ``datasets/``) as
it is, without Keras' hash check and re-download, so a copied cache works
offline; a file missing from the cache is downloaded, and when that fails
the error names the file and where to put it (:mod:`kerasfn.api.cache`).
"""

from __future__ import annotations

import functools
from collections import namedtuple
from collections.abc import Callable
from typing import Any

import keras
import numpy as np

from kerasfn.api.cache import cached_file
from kerasfn.rcall import internals
from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import (
    as_bool,
    as_integer,
    as_nonnegative_integer,
    as_positive_integer,
    as_string,
    describe,
)

__all__ = [
    "Dataset",
    "DatasetSplit",
    "dataset_boston_housing",
    "dataset_california_housing",
    "dataset_cifar10",
    "dataset_cifar100",
    "dataset_fashion_mnist",
    "dataset_imdb",
    "dataset_imdb_word_index",
    "dataset_mnist",
    "dataset_reuters",
    "dataset_reuters_word_index",
]


class _Named:
    """R's ``[["name"]]`` on a named tuple: ``split["x"]`` is ``split.x``."""

    __slots__ = ()
    _fields: tuple[str, ...]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            if key not in self._fields:
                raise KeyError(f"{key!r}: the names are {', '.join(map(repr, self._fields))}.")
            return getattr(self, key)
        return tuple.__getitem__(self, key)

    def keys(self) -> tuple[str, ...]:
        """R's ``names()``."""
        return self._fields


class DatasetSplit(_Named, namedtuple("DatasetSplit", ["x", "y"])):
    """One part of a dataset: R's ``list(x, y)``

    Description:
        The inputs ``x`` and targets ``y``; reached as ``split.x``,
        ``split["x"]`` or by unpacking, ``x, y = split``.

    Arguments:
        x: The inputs.
        y: The targets.

    Value:
        A named tuple.

    See also:
        :class:`Dataset`.
    """

    __slots__ = ()


class Dataset(_Named, namedtuple("Dataset", ["train", "test"])):
    """A dataset: R's ``list(train = list(x, y), test = list(x, y))``

    Description:
        What every ``dataset_*()`` loader returns: ``mnist["train"]["x"]``,
        ``mnist.train.x`` and ``(x_train, y_train), (x_test, y_test) =
        mnist`` all work.

    Arguments:
        train: The training split, a :class:`DatasetSplit`.
        test: The test split.

    Value:
        A named tuple.

    See also:
        :func:`dataset_mnist`.
    """

    __slots__ = ()


def _load(caller: str, loader: Callable[..., Any], **arguments: Any) -> Any:
    """Run Keras' ``loader`` on the files the Keras cache holds (see the module docstring)."""
    with internals.dataset_file_resolver(loader, functools.partial(cached_file, caller)):
        return loader(**arguments)


def _dataset(loaded: Any, sequences: bool = False) -> Dataset:
    (x_train, y_train), (x_test, y_test) = loaded
    if sequences:  # R's lapply(x, identity): a list of integer vectors; labels as integers
        return Dataset(DatasetSplit([list(map(int, s)) for s in x_train], np.asarray(y_train).astype("int32")),
                       DatasetSplit([list(map(int, s)) for s in x_test], np.asarray(y_test).astype("int32")))
    return Dataset(DatasetSplit(x_train, y_train), DatasetSplit(x_test, y_test))


def _as_test_split(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
        raise ValueError(f"`{name}` must be a fraction from 0 to below 1; received {describe(value)}.")
    return float(value)


def _as_choice(*choices: str) -> Callable[[str, Any], str]:
    def convert(name: str, value: Any) -> str:
        if value not in choices:
            raise ValueError(f"`{name}` must be one of {', '.join(map(repr, choices))}; received {describe(value)}.")
        return value

    return convert


_SEQUENCE_CONVERTERS = {
    "path": as_string, "num_words": as_positive_integer, "skip_top": as_nonnegative_integer,
    "maxlen": as_positive_integer, "seed": as_integer, "start_char": as_integer, "oov_char": as_integer,
    "index_from": as_nonnegative_integer, "convert": as_bool,
}


@r_function(None, "", {"path": as_string, "convert": as_bool})
def dataset_mnist(path: str = "mnist.npz", convert: bool = True) -> Dataset:
    """MNIST database of handwritten digits

    Description:
        60,000 training and 10,000 test grayscale images of the digits 0-9,
        28 x 28 pixels.  Read from ``datasets/mnist.npz`` in the Keras cache
        (downloaded there when missing and the network allows).

    Arguments:
        path: File name in the Keras cache's ``datasets/`` directory.
        convert: R's conversion to R arrays; here the arrays are numpy
            arrays either way.

    Value:
        A :class:`Dataset`: ``train`` and ``test``, each with ``x`` (uint8
        images, ``(n, 28, 28)``) and ``y`` (uint8 digits).

    Examples:
        >>> from kerasfn import dataset_mnist
        >>> mnist = dataset_mnist()  # doctest: +SKIP
        >>> mnist["train"]["x"].shape  # doctest: +SKIP
        (60000, 28, 28)

    See also:
        :func:`dataset_fashion_mnist`, :class:`Dataset`.
    """
    return _dataset(_load("dataset_mnist()", keras.datasets.mnist.load_data, path=path))


@r_function(None, "", {"convert": as_bool})
def dataset_fashion_mnist(convert: bool = True) -> Dataset:
    """Fashion-MNIST database of fashion articles

    Description:
        60,000 training and 10,000 test grayscale images of 10 kinds of
        clothing, 28 x 28 pixels.  Read from the four ``.gz`` files in
        ``datasets/fashion-mnist/`` in the Keras cache.

    Arguments:
        convert: R's conversion to R arrays; numpy arrays either way here.

    Value:
        A :class:`Dataset` (``x``: uint8 ``(n, 28, 28)``, ``y``: uint8 labels).

    Examples:
        >>> from kerasfn import dataset_fashion_mnist
        >>> (x_train, y_train), (x_test, y_test) = dataset_fashion_mnist()  # doctest: +SKIP

    See also:
        :func:`dataset_mnist`.
    """
    return _dataset(_load("dataset_fashion_mnist()", keras.datasets.fashion_mnist.load_data))


@r_function(None, "", {"convert": as_bool})
def dataset_cifar10(convert: bool = True) -> Dataset:
    """CIFAR10 small image classification

    Description:
        50,000 training and 10,000 test color images of 10 classes, 32 x 32
        pixels.  Read from ``datasets/cifar-10-batches-py-target/`` in the
        Keras cache, or extracted there from ``datasets/cifar-10-python.tar.gz``.

    Arguments:
        convert: R's conversion to R arrays; numpy arrays either way here.

    Value:
        A :class:`Dataset` (``x``: uint8 ``(n, 32, 32, 3)`` with channels
        last, ``y``: uint8 ``(n, 1)``).

    Examples:
        >>> from kerasfn import dataset_cifar10
        >>> cifar = dataset_cifar10()  # doctest: +SKIP

    See also:
        :func:`dataset_cifar100`.
    """
    return _dataset(_load("dataset_cifar10()", keras.datasets.cifar10.load_data))


@r_function(None, "", {"label_mode": _as_choice("fine", "coarse"), "convert": as_bool})
def dataset_cifar100(label_mode: str = "fine", convert: bool = True) -> Dataset:
    """CIFAR100 small image classification

    Description:
        50,000 training and 10,000 test color images of 100 classes (20
        superclasses), 32 x 32 pixels, from ``datasets/cifar-100-python-target/``
        in the Keras cache (or ``datasets/cifar-100-python.tar.gz``).

    Arguments:
        label_mode: ``"fine"`` (100 classes) or ``"coarse"`` (20 superclasses).
        convert: R's conversion to R arrays; numpy arrays either way here.

    Value:
        A :class:`Dataset` (``x``: uint8 ``(n, 32, 32, 3)``, ``y``: ``(n, 1)``).

    Examples:
        >>> from kerasfn import dataset_cifar100
        >>> cifar = dataset_cifar100(label_mode="coarse")  # doctest: +SKIP

    See also:
        :func:`dataset_cifar10`.
    """
    return _dataset(_load("dataset_cifar100()", keras.datasets.cifar100.load_data, label_mode=label_mode))


@r_function(None, "", _SEQUENCE_CONVERTERS)
def dataset_imdb(
    path: str = "imdb.npz",
    num_words: int | None = None,
    skip_top: int = 0,
    maxlen: int | None = None,
    seed: int = 113,
    start_char: int = 1,
    oov_char: int = 2,
    index_from: int = 3,
    convert: bool = True,
) -> Dataset:
    """IMDB movie reviews sentiment classification

    Description:
        25,000 training and 25,000 test reviews, each a sequence of word
        indices (by frequency rank), labelled positive (1) or negative (0).
        Read from ``datasets/imdb.npz`` in the Keras cache.

    Arguments:
        path: File name in the Keras cache's ``datasets/`` directory.
        num_words: Keep only the most frequent words (others become ``oov_char``).
        skip_top: Skip the most frequent words.
        maxlen: Drop sequences longer than this.
        seed: Seed for shuffling.
        start_char: Index marking the start of a sequence.
        oov_char: Index standing for a word cut by ``num_words`` or ``skip_top``.
        index_from: Offset added to the word indices.
        convert: As in R, ``True`` gives ``x`` as a list of integer lists and
            ``y`` as integers; ``False`` gives Keras' arrays.

    Value:
        A :class:`Dataset`.

    Examples:
        >>> from kerasfn import dataset_imdb
        >>> imdb = dataset_imdb(num_words=10000)  # doctest: +SKIP

    See also:
        :func:`dataset_imdb_word_index`, :func:`pad_sequences`.
    """
    loaded = _load("dataset_imdb()", keras.datasets.imdb.load_data, path=path, num_words=num_words,
                   skip_top=skip_top, maxlen=maxlen, seed=seed, start_char=start_char, oov_char=oov_char,
                   index_from=index_from)
    return _dataset(loaded, sequences=convert)


@r_function(None, "", {**_SEQUENCE_CONVERTERS, "test_split": _as_test_split})
def dataset_reuters(
    path: str = "reuters.npz",
    num_words: int | None = None,
    skip_top: int = 0,
    maxlen: int | None = None,
    test_split: float = 0.2,
    seed: int = 113,
    start_char: int = 1,
    oov_char: int = 2,
    index_from: int = 3,
    convert: bool = True,
) -> Dataset:
    """Reuters newswire topics classification

    Description:
        11,228 newswires labelled with 46 topics, each a sequence of word
        indices, split by ``test_split``.  Read from ``datasets/reuters.npz``
        in the Keras cache.

    Arguments:
        path: File name in the Keras cache's ``datasets/`` directory.
        num_words: Keep only the most frequent words.
        skip_top: Skip the most frequent words.
        maxlen: Drop sequences longer than this.
        test_split: Fraction of the data kept for the test split.
        seed: Seed for shuffling.
        start_char: Index marking the start of a sequence.
        oov_char: Index standing for a word cut by ``num_words`` or ``skip_top``.
        index_from: Offset added to the word indices.
        convert: ``True`` gives lists of integer lists (R's structure),
            ``False`` Keras' arrays.

    Value:
        A :class:`Dataset`.

    Examples:
        >>> from kerasfn import dataset_reuters
        >>> reuters = dataset_reuters(num_words=10000)  # doctest: +SKIP

    See also:
        :func:`dataset_reuters_word_index`.
    """
    loaded = _load("dataset_reuters()", keras.datasets.reuters.load_data, path=path, num_words=num_words,
                   skip_top=skip_top, maxlen=maxlen, test_split=test_split, seed=seed, start_char=start_char,
                   oov_char=oov_char, index_from=index_from)
    return _dataset(loaded, sequences=convert)


@r_function(None, "", {"path": as_string})
def dataset_imdb_word_index(path: str = "imdb_word_index.json") -> dict[str, int]:
    """The word index of the IMDB dataset

    Description:
        Maps each word to its frequency rank (the index in
        ``dataset_imdb()`` before ``index_from`` is added).

    Arguments:
        path: File name in the Keras cache's ``datasets/`` directory.

    Value:
        A dict of word to index.

    Examples:
        >>> from kerasfn import dataset_imdb_word_index
        >>> word_index = dataset_imdb_word_index()  # doctest: +SKIP

    See also:
        :func:`dataset_imdb`.
    """
    return _load("dataset_imdb_word_index()", keras.datasets.imdb.get_word_index, path=path)


@r_function(None, "", {"path": as_string})
def dataset_reuters_word_index(path: str = "reuters_word_index.json") -> dict[str, int]:
    """The word index of the Reuters dataset

    Description:
        Maps each word to its frequency rank.  (R keras3's default name,
        ``"reuters_word_index.pkl"``, is from an older Keras; the file Keras
        downloads now is JSON.)

    Arguments:
        path: File name in the Keras cache's ``datasets/`` directory.

    Value:
        A dict of word to index.

    Examples:
        >>> from kerasfn import dataset_reuters_word_index
        >>> word_index = dataset_reuters_word_index()  # doctest: +SKIP

    See also:
        :func:`dataset_reuters`.
    """
    return _load("dataset_reuters_word_index()", keras.datasets.reuters.get_word_index, path=path)


@r_function(None, "", {"path": as_string, "test_split": _as_test_split, "seed": as_integer, "convert": as_bool})
def dataset_boston_housing(path: str = "boston_housing.npz", test_split: float = 0.2, seed: int = 113,
                           convert: bool = True) -> Dataset:
    """Boston housing price regression

    Description:
        506 houses, 13 attributes each, and their median value (in $1000s),
        shuffled with ``seed`` and split by ``test_split``.  Read from
        ``datasets/boston_housing.npz`` in the Keras cache.

    Arguments:
        path: File name in the Keras cache's ``datasets/`` directory.
        test_split: Fraction of the data kept for the test split.
        seed: Seed for shuffling before the split.
        convert: R's conversion to R arrays; numpy arrays either way here.

    Value:
        A :class:`Dataset` (``x``: ``(n, 13)``, ``y``: ``(n,)``).

    Examples:
        >>> from kerasfn import dataset_boston_housing
        >>> boston = dataset_boston_housing()  # doctest: +SKIP

    See also:
        :func:`dataset_california_housing`.
    """
    return _dataset(_load("dataset_boston_housing()", keras.datasets.boston_housing.load_data, path=path,
                          test_split=test_split, seed=seed))


@r_function(None, "", {"version": _as_choice("large", "small"), "path": as_string, "test_split": _as_test_split,
                       "seed": as_integer, "convert": as_bool})
def dataset_california_housing(version: str = "large", path: str = "california_housing.npz",
                               test_split: float = 0.2, seed: int = 113, convert: bool = True) -> Dataset:
    """California housing price regression

    Description:
        20,640 districts (``"small"``: the first 600), 8 attributes each,
        and their median house value, shuffled with ``seed`` and split by
        ``test_split``.  Read from ``datasets/california_housing.npz``.

    Arguments:
        version: ``"large"`` or ``"small"``.
        path: File name in the Keras cache's ``datasets/`` directory.
        test_split: Fraction of the data kept for the test split.
        seed: Seed for shuffling before the split.
        convert: R's conversion to R arrays; numpy arrays either way here.

    Value:
        A :class:`Dataset` (``x``: ``(n, 8)``, ``y``: ``(n,)``).

    Examples:
        >>> from kerasfn import dataset_california_housing
        >>> housing = dataset_california_housing(version="small")  # doctest: +SKIP

    See also:
        :func:`dataset_boston_housing`.
    """
    return _dataset(_load("dataset_california_housing()", keras.datasets.california_housing.load_data,
                          version=version, path=path, test_split=test_split, seed=seed))
