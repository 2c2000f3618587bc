"""What R keras3's ``application_*`` models share: ImageNet pre- and post-processing.

The ``application_*`` constructors themselves are generated
(:mod:`kerasfn.generated.applications`); each attaches its model family's
``preprocess_input`` and ``decode_predictions`` to the model
(:func:`with_preprocessing`), as R keras3's ``set_preprocessing_attributes()``
does, and ``application_preprocess_inputs()`` /
``application_decode_predictions()`` read them back.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from types import ModuleType
from typing import Any, NamedTuple

import keras
import numpy as np

from kerasfn.api.cache import cached_file
from kerasfn.api.utils import data_helper
from kerasfn.rcall import internals
from kerasfn.rcall.converters import as_positive_integer, as_string, describe
from kerasfn.rcall.subjects import model_verb

__all__ = [
    "ImagenetPrediction",
    "application_decode_predictions",
    "application_preprocess_inputs",
    "imagenet_decode_predictions",
    "imagenet_preprocess_input",
    "with_preprocessing",
]

_CLASS_INDEX_URL = "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"
_CLASS_INDEX_HASH = "c2c37ea517e94d9795004a39431a14cb"


class ImagenetPrediction(NamedTuple):
    """One row of R's decoded-predictions data frame (its column names)."""

    class_name: str
    class_description: str
    score: float


def _as_images(name: str, value: Any) -> Any:
    """R's ``x`` conversion: data become a numpy array (doubles in Keras'
    float type), always a copy, because Keras' ``preprocess_input`` scales a
    float array in place and would change the caller's images."""
    if value is None:
        raise TypeError(f"`{name}` is missing, with no default.")
    if keras.ops.is_tensor(value) and not isinstance(value, np.ndarray):
        return value  # a backend tensor: Keras computes a new one
    array = np.array(value)
    if array.dtype.kind not in "uif":
        raise TypeError(f"`{name}` must be numeric image data; received {describe(value)}.")
    return array.astype(keras.config.floatx()) if array.dtype.kind == "f" else array


def _as_mode(name: str, value: Any) -> str:
    if value not in ("caffe", "tf", "torch"):
        raise ValueError(f'`{name}` must be "caffe", "tf" or "torch"; received {describe(value)}.')
    return value


def with_preprocessing(model: keras.Model, module: ModuleType) -> keras.Model:
    """Attach ``module``'s ``preprocess_input`` and the ImageNet
    ``decode_predictions`` to ``model`` (R's ``set_preprocessing_attributes``)."""

    def preprocess_input(x: Any, data_format: str | None = None) -> Any:
        return module.preprocess_input(_as_images("x", x), data_format=data_format)

    preprocess_input.__doc__ = module.preprocess_input.__doc__
    internals.attach_functions(model, preprocess_input=preprocess_input, decode_predictions=imagenet_decode_predictions)
    return model


def _attribute(model: keras.Model, name: str) -> Callable[..., Any]:
    function = getattr(model, name, None)
    if function is None:
        raise ValueError(f"`model` has no `{name}`: it was not made by an application_*() function "
                         f"(received model {model.name!r}).")
    return function


@model_verb({"data_format": as_string})
def application_preprocess_inputs(model: keras.Model, x: Any = None, data_format: str | None = None,
                                  **kwargs: Any) -> Any:
    """Preprocess images for an application model

    Description:
        Applies the ``preprocess_input()`` of the model family ``model``
        comes from (scaling to ``[-1, 1]`` for MobileNet, BGR mean
        subtraction for ResNet, ...).  Without ``x``, returns that function,
        as R keras3 does.  The images are copied, never changed in place.

    Arguments:
        model: A model made by an ``application_*()`` function.
        x: Images, an array or tensor of shape ``(samples, height, width,
            channels)`` with values from 0 to 255; left out, the function is
            returned.
        data_format: ``"channels_last"`` or ``"channels_first"`` (default:
            Keras' setting).
        **kwargs: Passed on to the family's ``preprocess_input``.

    Value:
        The preprocessed images (or, without ``x``, the function).

    Examples:
        >>> import numpy as np
        >>> from kerasfn import application_mobilenet, application_preprocess_inputs
        >>> model = application_mobilenet(input_shape=(32, 32, 3), alpha=0.25, weights=None)
        >>> application_preprocess_inputs(model, np.full((1, 1, 1, 3), 255.0)).tolist()
        [[[[1.0, 1.0, 1.0]]]]

    See also:
        :func:`application_decode_predictions`, :func:`imagenet_preprocess_input`.
    """
    preprocess_input = _attribute(model, "preprocess_input")
    if x is None:
        return functools.partial(preprocess_input, data_format=data_format, **kwargs)
    return preprocess_input(x, data_format=data_format, **kwargs)


@model_verb({"top": as_positive_integer})
def application_decode_predictions(model: keras.Model, preds: Any = None, top: int = 5) -> Any:
    """Decode the predictions of an application model

    Description:
        The ``top`` ImageNet classes of each prediction, with their scores
        (see :func:`imagenet_decode_predictions`).  Without ``preds``,
        returns the decoding function, as R keras3 does.

    Arguments:
        model: A model made by an ``application_*()`` function.
        preds: Predictions, shape ``(samples, 1000)``; left out, the
            function is returned.
        top: How many classes to return per sample.

    Value:
        A list (one item per sample) of lists of :class:`ImagenetPrediction`.

    Examples:
        >>> from kerasfn import application_decode_predictions, application_mobilenet
        >>> model = application_mobilenet(input_shape=(32, 32, 3), alpha=0.25, weights=None)
        >>> decode = application_decode_predictions(model, top=3)
        >>> decode.keywords
        {'top': 3}

    See also:
        :func:`application_preprocess_inputs`.
    """
    decode_predictions = _attribute(model, "decode_predictions")
    if preds is None:
        return functools.partial(decode_predictions, top=top)
    return decode_predictions(preds, top=top)


@data_helper({"x": _as_images, "data_format": as_string, "mode": _as_mode})
def imagenet_preprocess_input(x: Any, data_format: str | None = None, mode: str = "caffe") -> Any:
    """Preprocess images for an ImageNet model

    Description:
        ``keras.applications.imagenet_utils.preprocess_input``: ``"caffe"``
        (RGB to BGR, ImageNet mean subtracted), ``"tf"`` (scaled to
        ``[-1, 1]``) or ``"torch"`` (scaled to ``[0, 1]``, then standardised
        per channel).  The images are copied, never changed in place.

    Arguments:
        x: Images (array or tensor) with values from 0 to 255.
        data_format: ``"channels_last"`` or ``"channels_first"``.
        mode: ``"caffe"``, ``"tf"`` or ``"torch"``.

    Value:
        The preprocessed images, as a float array (or tensor).

    Examples:
        >>> import numpy as np
        >>> from kerasfn import imagenet_preprocess_input
        >>> imagenet_preprocess_input(np.full((1, 1, 1, 3), 255.0), mode="tf").tolist()
        [[[[1.0, 1.0, 1.0]]]]
        >>> np.full((1, 1, 1, 3), 255.0) | imagenet_preprocess_input(mode="torch")
        array([[[[2.2489083, 2.4285715, 2.64     ]]]], dtype=float32)

    See also:
        :func:`imagenet_decode_predictions`.
    """
    return keras.applications.imagenet_utils.preprocess_input(x, data_format=data_format, mode=mode)


@functools.cache
def _class_index() -> dict[str, list[str]]:
    path = cached_file("imagenet_decode_predictions()", "imagenet_class_index.json", _CLASS_INDEX_URL,
                       file_hash=_CLASS_INDEX_HASH, cache_subdir="models")
    with open(path) as opened:
        return json.load(opened)


@data_helper({"top": as_positive_integer})
def imagenet_decode_predictions(preds: Any, top: int = 5) -> list[list[ImagenetPrediction]]:
    """Decode the predictions of an ImageNet model

    Description:
        The ``top`` classes of each prediction, best first, as Keras'
        ``imagenet_utils.decode_predictions`` finds them.  R returns a data
        frame per sample with columns ``class_name``, ``class_description``
        and ``score``; here each row is an :class:`ImagenetPrediction` with
        those names (``pandas.DataFrame(result[0])`` is R's data frame).
        The class index (``imagenet_class_index.json``) is read from the
        Keras cache (``~/.keras/models``), downloaded when it is not there.

    Arguments:
        preds: Predictions, shape ``(samples, 1000)``.
        top: How many classes to return per sample.

    Value:
        A list (one item per sample) of lists of :class:`ImagenetPrediction`.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import imagenet_decode_predictions
        >>> imagenet_decode_predictions(np.zeros((1, 10)))
        Traceback (most recent call last):
        ValueError: `preds` must have shape (samples, 1000); received shape (1, 10).

    See also:
        :func:`imagenet_preprocess_input`.
    """
    scores = np.asarray(keras.ops.convert_to_numpy(preds))
    if scores.ndim != 2 or scores.shape[1] != 1000:
        raise ValueError(f"`preds` must have shape (samples, 1000); received shape {scores.shape}.")
    index = _class_index()
    results = []
    for row in scores:
        best = row.argsort()[-top:][::-1]
        results.append([ImagenetPrediction(*index[str(i)], float(row[i])) for i in best])
    return results

