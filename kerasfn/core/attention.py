"""Attention layers that also take their inputs as one list.

``keras.layers.MultiHeadAttention`` is called as ``layer(query, value, key)``;
R keras3's ``layer_multi_head_attention(inputs, ...)`` takes ``inputs`` as a
list and spreads it over those arguments.  These subclasses do the same, so
the merge-style dispatch (a list of tensors as ``object``, or
``[query, value] | layer_multi_head_attention(2, 3)``) works for them as it
does for ``layer_attention``.  Everything else is the Keras layer unchanged.
"""

from __future__ import annotations

from typing import Any

import keras

__all__ = ["GroupQueryAttention", "MultiHeadAttention"]


class _SpreadListInputs:
    """``layer([query, value, key])`` means ``layer(query, value, key)``."""

    def __call__(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query, (list, tuple)) and not args and "value" not in kwargs:
            query, *args = query
        return super().__call__(query, *args, **kwargs)


@keras.saving.register_keras_serializable(package="kerasfn")
class MultiHeadAttention(_SpreadListInputs, keras.layers.MultiHeadAttention):
    __doc__ = keras.layers.MultiHeadAttention.__doc__


@keras.saving.register_keras_serializable(package="kerasfn")
class GroupQueryAttention(_SpreadListInputs, keras.layers.GroupQueryAttention):
    __doc__ = keras.layers.GroupQueryAttention.__doc__
