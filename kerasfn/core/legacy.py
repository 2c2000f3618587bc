"""The tf.keras (TensorFlow 1.x era) layer members that Keras 3 dropped.

tf.keras 2's ``tf.keras.layers.LSTM`` has 48 public members; a Keras 3 LSTM lacks
21 of them.  :class:`LegacyLayerMembers` puts back those that still mean
something in Keras 3 (node inputs/outputs, their shapes and masks, ``apply``,
``reset_states(states)``) and turns the TF1-graph-only ones into an
``AttributeError`` that says what replaced them, so a ported script fails on
the line that needs changing, with the fix in the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import keras
import numpy as np

from kerasfn.rcall import internals

__all__ = ["LegacyLayerMembers"]


class _Replaced:
    """A member that no longer exists: reading it raises ``AttributeError``
    naming its replacement (so ``hasattr()`` is ``False``, as it should be)."""

    def __init__(self, replacement: str):
        self.replacement = replacement

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        raise AttributeError(
            f"`{self.name}` was a TensorFlow 1.x graph-mode member and is gone in Keras 3: "
            f"{self.replacement}"
        )


def _shapes(values: Any) -> Any:
    if isinstance(values, (list, tuple)):
        return [tuple(value.shape) for value in values]
    return tuple(values.shape)


def _masks(values: Any) -> Any:
    get_mask = internals.get_keras_mask
    if isinstance(values, (list, tuple)):
        return [get_mask(value) for value in values]
    return get_mask(values)


class LegacyLayerMembers:
    """tf.keras 2's layer members for a Keras 3 RNN layer (mixed in before the Keras class)."""

    graph = _Replaced("Keras 3 layers run eagerly or inside tf.function; for a graph, use "
                      "tf.function(layer).get_concrete_function(spec).graph.")
    scope_name = _Replaced("name scopes are no longer kept per layer; use `layer.name` or `layer.path`.")
    updates = _Replaced("there are no update ops; state changes are variable assignments inside "
                        "call(), see `layer.non_trainable_variables`.")
    add_update = _Replaced("assign to a variable inside call() (`variable.assign(value)`) instead.")
    get_updates_for = _Replaced("there are no update ops; see `layer.non_trainable_variables`.")
    get_losses_for = _Replaced("use `layer.losses`.")
    get_constants = _Replaced("RNN constants are no longer a layer hook; pass extra tensors to the cell's call().")
    preprocess_input = _Replaced("input preprocessing happens inside call(); use `layer.cell` for the per-step math.")
    step = _Replaced("the per-timestep step is `layer.cell(inputs_at_t, states)`.")

    if keras.backend.backend() == "torch":
        # Python calls __getattr__ when a member here raised AttributeError; on
        # the PyTorch backend torch.nn.Module.__getattr__ comes next and would
        # replace the member's message with "no attribute": raise the member's
        # own.  Only there: elsewhere no layer has a __getattr__, and Keras'
        # constructor would call this one for each of the ~130 attributes it
        # probes.
        def __getattr__(self, name: str) -> Any:
            member = vars(LegacyLayerMembers).get(name)
            if isinstance(member, (_Replaced, property)):
                member.__get__(self, type(self))
            return super().__getattr__(name)

    # -- node inputs and outputs -------------------------------------------

    def get_input_at(self, node_index: int) -> Any:
        """The input tensor(s) of the layer's call number ``node_index`` (0-based):
        its first argument, as in tf.keras (masks and states are not inputs)."""
        internals.node_attribute_at_index(self, node_index, "input_tensors", "input")  # Keras' checks and errors
        return internals.inbound_nodes(self)[node_index].arguments.args[0]

    def get_output_at(self, node_index: int) -> Any:
        """The output tensor(s) of the layer's call number ``node_index`` (0-based)."""
        return internals.node_attribute_at_index(self, node_index, "output_tensors", "output")

    def get_input_shape_at(self, node_index: int) -> Any:
        """The input shape(s) of call number ``node_index``."""
        return _shapes(self.get_input_at(node_index))

    def get_output_shape_at(self, node_index: int) -> Any:
        """The output shape(s) of call number ``node_index``."""
        return _shapes(self.get_output_at(node_index))

    def get_input_mask_at(self, node_index: int) -> Any:
        """The input mask(s) of call number ``node_index`` (``None`` where unmasked)."""
        return _masks(self.get_input_at(node_index))

    def get_output_mask_at(self, node_index: int) -> Any:
        """The output mask(s) of call number ``node_index`` (``None`` where unmasked)."""
        return _masks(self.get_output_at(node_index))

    @property
    def input_shape(self) -> Any:
        """The input shape, when every call of the layer had the same one."""
        return self._same_at_every_node(self.get_input_shape_at, "input shape")

    @property
    def output_shape(self) -> Any:
        """The output shape, when every call of the layer had the same one."""
        return self._same_at_every_node(self.get_output_shape_at, "output shape")

    @property
    def input_mask(self) -> Any:
        """The input mask of the layer's only call."""
        return self.get_input_mask_at(self._only_node("input_mask"))

    @property
    def output_mask(self) -> Any:
        """The output mask of the layer's only call."""
        return self.get_output_mask_at(self._only_node("output_mask"))

    def apply(self, inputs: Any, *args: Any, **kwargs: Any) -> Any:
        """TF1's alias of calling the layer: ``layer.apply(x)`` is ``layer(x)``."""
        return self(inputs, *args, **kwargs)

    def _same_at_every_node(self, get_at: Any, what: str) -> Any:
        if not internals.inbound_nodes(self):
            raise AttributeError(f"The layer '{self.name}' has never been called and has no defined {what}.")
        values = [get_at(index) for index in range(len(internals.inbound_nodes(self)))]
        if any(value != values[0] for value in values):
            raise AttributeError(
                f"The layer '{self.name}' has been called with different {what}s ({values}); "
                f"use `get_{what.replace(' ', '_')}_at(node_index)`."
            )
        return values[0]

    def _only_node(self, member: str) -> int:
        if len(internals.inbound_nodes(self)) > 1:
            raise AttributeError(
                f"The layer '{self.name}' has {len(internals.inbound_nodes(self))} inbound nodes, "
                f"so `{member}` is ambiguous; use `get_{member}_at(node_index)`."
            )
        return 0

    # -- states ------------------------------------------------------------

    def reset_states(self, states: Sequence[Any] | None = None) -> None:
        """Reset a stateful layer's states: to zeros, or to the values ``states``
        (one array per state, each of shape ``(batch_size, units)``)."""
        if states is None:
            self.reset_state()
            return
        if not self.stateful or self.states is None:
            raise ValueError(
                f"`states` can only be set on a built stateful layer; layer '{self.name}' has "
                f"stateful={self.stateful} and built={self.built}."
            )
        if not isinstance(states, (list, tuple)):
            states = [states]
        if len(states) != len(self.states):
            raise ValueError(
                f"`states` must hold {len(self.states)} arrays (memory state, carry state) "
                f"for layer '{self.name}'; received {len(states)}."
            )
        values = [np.asarray(value, dtype=self.variable_dtype) for value in states]
        for index, (variable, value) in enumerate(zip(self.states, values)):
            if tuple(value.shape) != tuple(variable.shape):
                raise ValueError(
                    f"`states[{index}]` must have shape {tuple(variable.shape)} "
                    f"(batch_size, units) for layer '{self.name}'; received shape {tuple(value.shape)}."
                )
        for variable, value in zip(self.states, values):
            variable.assign(value)
