"""kerasfn.codegen.converters: R keras3's converter declarations (``capture_args(list(...))``) as kerasfn's
converter of the same meaning, and the converters a generated function states: R's declaration first,
then kerasfn's checks from the Keras signature, ``required()`` where R has no default."""

from __future__ import annotations

import inspect

import pytest

import kerasfn
from kerasfn.codegen import rkeras3
from kerasfn.codegen.converters import converters_for, r_converter
from kerasfn.rcall.binding import semantics_of


@pytest.mark.parametrize("name, argument, r_converter, ours", [
    # R: layer_conv_2d <- function(...) capture_args(list(filters = as_integer, kernel_size = as_integer_tuple, ...))
    ("layer_conv_2d", "filters", "as_integer", "required(as_positive_integer)"),
    ("layer_conv_2d", "kernel_size", "as_integer_tuple", "required(as_integer_tuple)"),
    ("layer_dense", "units", "as_integer", "required(as_positive_integer)"),
    ("layer_concatenate", "axis", "as_axis", "as_axis"),
    ("layer_zero_padding_2d", "padding", "function(x) normalize_padding(x, 2L)", "as_scale"),
    ("layer_max_pooling_2d", "pool_size", "as_integer", "as_integer_tuple"),
    ("layer_embedding", "input_length", "as_integer", "as_integer"),
])
def test_declared_converters_follow_r_keras3(name, argument, r_converter, ours):
    """The generated functions convert their arguments with the converters R keras3 declares."""
    assert rkeras3.function(name).converters[argument] == r_converter
    converter = semantics_of(getattr(kerasfn, name)).converters[argument]
    assert converter.__name__ == ours


@pytest.mark.parametrize(("declaration", "ours"), [
    ("as_nullable_integer", "as_integer"), ("as_py_index", "as_index"), ("normalize_shape", "as_optional_shape"),
    ("as.list", "as_list"),
    ("as_py_array", None),  # R data to Python data: nothing to do for a Python caller
    ("function(x) normalize_cropping(x, 3L)", "as_scale"),
    ("function(x) if (is.list(x)) lapply(x, as_integer) else as_integer(x)", "as_integer_tuple"),
    ("tolower", None),
])
def test_r_converters_have_kerasfn_converters_of_the_same_meaning(declaration: str, ours: str | None) -> None:
    assert r_converter(declaration) == ours


def test_without_an_r_declaration_the_keras_signature_decides() -> None:
    def keras_layer(units, rate=0.5, use_bias=True, activation=None, padding="valid",
                    kernel_initializer="glorot_uniform", momentum=0.99, cell=None): ...

    parameters = list(inspect.signature(keras_layer).parameters.values())
    defaults = {p.name: p.default for p in parameters if p.default is not p.empty}
    assert converters_for("layer_not_in_r_keras3", parameters, defaults) == {
        "units": "required(as_positive_integer)", "rate": "as_probability", "use_bias": "as_bool",
        "activation": "as_activation", "padding": "as_string", "kernel_initializer": "as_initializer",
        "momentum": "as_number"}
