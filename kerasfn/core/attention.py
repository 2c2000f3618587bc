"""Attention layers that also take their inputs as one list.

``keras.layers.MultiHeadAttention`` is called as ``layer(query, value, key)``;
R keras3's ``layer_multi_head_attention(inputs, ...)`` takes ``inputs`` as a
list and spreads it over those arguments.  These subclasses do the same, so
the merge-style dispatch (a list of tensors as ``object``, or
``[query, value] | layer_multi_head_attention(2, 3)``) works for them as it
does for ``layer_attention``.  Everything else is the Keras layer unchanged.

They save under the Keras class's public name (``keras.layers.MultiHeadAttention``),
so plain Keras loads the file; files saved before that (under
``kerasfn>MultiHeadAttention``) still load with kerasfn imported.
"""

from __future__ import annotations

from typing import Any

import keras

from kerasfn.core.portable import saved_as_keras

__all__ = ["GroupQueryAttention", "GroupedQueryAttention", "MultiHeadAttention"]


class _SpreadListInputs:
    """``layer([query, value, key])`` means ``layer(query, value, key)``."""

    def __call__(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query, (list, tuple)) and not args and "value" not in kwargs:
            query, *args = query
        return super().__call__(query, *args, **kwargs)


@saved_as_keras
@keras.saving.register_keras_serializable(package="kerasfn")  # files saved before still load
class MultiHeadAttention(_SpreadListInputs, keras.layers.MultiHeadAttention):
    pass


# Named as Keras names its class (Keras' saved-weights paths are made of class
# names, so another name would not load in plain Keras); files saved before
# under kerasfn's old name still load.
@saved_as_keras
@keras.saving.register_keras_serializable(package="kerasfn", name="GroupQueryAttention")
class GroupedQueryAttention(_SpreadListInputs, keras.layers.GroupQueryAttention):
    pass


GroupQueryAttention = GroupedQueryAttention
