"""``op_*``: R keras3's ``keras.ops`` functions.

Each computes on its data given first (``op_sum(x, axis=0)``); called
without it, it is a partial call that ``x | op_sum(axis=0)`` completes.
Axes and returned indices count from 0 (the porting rule); R keras3's
``zero_indexed=`` is accepted so that ported calls run, and changes nothing.

The few ops whose R definition has no regular shape (``op_subset``,
``op_arange``, the ``...`` ops) are written by hand in :mod:`kerasfn.api.r_ops`.
"""

from __future__ import annotations

import inspect
import re

from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import Family, Parameter, keras_object

#: Written by hand in kerasfn/api/r_ops.py (R's own bodies, or R's ``...`` of tensors).
BY_HAND = frozenset({"op_arange", "op_einsum", "op_hstack", "op_meshgrid", "op_subset", "op_subset<-",
                     "op_subset_set", "op_switch", "op_vectorize", "op_vstack"})
#: Ops whose first argument is a Python function, and the one that takes any value.
_FUNCTION_FIRST = frozenset({"op_scan", "op_associative_scan", "op_while_loop", "op_custom_gradient"})
_ANY_VALUE = frozenset({"op_is_tensor"})
#: Conversions whose data may be text too (R's character vectors): ``op_convert_to_tensor("abc")``.
_CONVERSIONS = frozenset({"op_convert_to_tensor"})
#: R argument -> Keras argument, where they differ.
_RENAMED = {"op_vectorized_map": {"f": "function"}}
#: R ignores these for Keras (``capture_args(ignore = "zero_indexed")``).
_IGNORED = frozenset({"zero_indexed"})
#: Data arguments R converts with its vectorised ``as_integer`` (or to an
#: index array): element by element, tensors untouched.
_INTEGER_DATA = frozenset({"x", "y", "inputs", "indices", "segment_ids", "kth", "start_indices", "target",
                           "sequence_lengths", "indices_or_sections"})
_INTEGER_CONVERTERS = ("as_integer", "as_index", "as_py_index")
_AXES = frozenset({"source", "destination", "axis1", "axis2"})


def names() -> list[str]:
    return sorted(name for name in rkeras3.exports() if name.startswith("op_") and name not in BY_HAND)


def target(function: rkeras3.RFunction) -> str:
    """The Keras op R calls: the target named like the R function, else its one op."""
    if function.name in ("op_convert_to_numpy", "op_convert_to_array"):
        return "keras$ops$convert_to_numpy"
    targets = [t.replace("`", "") for t in function.targets]
    suffix = function.name.removeprefix("op_").removeprefix("image_")
    for candidate in targets:
        if candidate.split("$")[-1] == suffix:
            return candidate
    return targets[0]


def _keras_parameters(function: rkeras3.RFunction) -> list[str]:
    return list(inspect.signature(keras_object(target(function))).parameters)


def _arguments(function: rkeras3.RFunction, params: list[Parameter]) -> str:
    renamed = _RENAMED.get(function.name, {})
    accepted = _keras_parameters(function)
    parts = []
    for p in params:
        if p.r_name in _IGNORED:
            continue
        name = renamed.get(p.name, p.name)
        if name not in accepted:
            raise ValueError(f"{function.name}: Keras' {target(function)} has no argument {name!r}")
        parts.append(f"{name}={p.name}")
    if any(name == "..." for name, _ in function.formals):
        parts.append("**kwargs")
    return ", ".join(parts)


#: Bodies that do what R's own body does beyond calling the op.
_SPECIAL_BODIES: dict[str, list[str]] = {
    "op_shape": ["    return Shape(keras.ops.shape(x))"],
    # R: ops$stack(lapply(ops$nonzero(x), `+`, 1L), axis = -1L): one row of coordinates per element
    "op_nonzero": ["    return keras.ops.stack(keras.ops.nonzero(x), axis=-1)"],
    "op_top_k": ["    values, indices = keras.ops.top_k(x, k=k, sorted=sorted)",
                 "    return TopK(values, indices)"],
    "op_average": [
        "    if weights is not None and axis is None and tuple(keras.ops.shape(weights)) != tuple(keras.ops.shape(x)):",
        '        raise ValueError("`axis` must be given when the shapes of `x` and `weights` differ; "',
        '                         f"received shapes {tuple(keras.ops.shape(x))} and {tuple(keras.ops.shape(weights))}.")',
        "    return keras.ops.average(x=x, axis=axis, weights=weights)"],
    # R: a plain R vector multiplied by a tensor takes the tensor's dtype
    "op_matmul": [
        "    if keras.ops.is_tensor(x2) and not keras.ops.is_tensor(x1):",
        "        x1 = keras.ops.convert_to_tensor(x1, dtype=keras.ops.dtype(x2))",
        "    elif keras.ops.is_tensor(x1) and not keras.ops.is_tensor(x2):",
        "        x2 = keras.ops.convert_to_tensor(x2, dtype=keras.ops.dtype(x1))",
        "    return keras.ops.matmul(x1=x1, x2=x2)"],
    # R: lapply(list(...), as_integer): the axis lengths are whole numbers
    "op_rearrange": [
        "    axes_lengths = {name: as_integer(name, value) for name, value in kwargs.items()}",
        "    return keras.ops.rearrange(tensor, pattern, **axes_lengths)"],
}


def body(function: rkeras3.RFunction, params: list[Parameter], keras_ref: str) -> list[str]:
    if function.name in _SPECIAL_BODIES:
        return _SPECIAL_BODIES[function.name]
    return [f"    return {keras_ref}({_arguments(function, params)})"]


def converters(function: rkeras3.RFunction, declared: dict[str, str]) -> dict[str, str]:
    """R's data conversions element by element; axes checked wherever R
    calls ``as_axis`` in its body (``op_swapaxes``, ``op_moveaxis``)."""
    result = dict(declared)
    params = {name for name, _ in function.formals}
    for name in params & _INTEGER_DATA:
        if any(word in function.converters.get(name, "") for word in _INTEGER_CONVERTERS):
            wrapped = result.get(name, "")
            result[name] = "required(as_integer_data)" if wrapped.startswith("required(") else "as_integer_data"
    for name in params & _AXES:
        if function.name in ("op_swapaxes", "op_moveaxis"):
            result[name] = "required(as_axis)"
    for name, converter in result.items():
        if "as_optional_shape" in converter:  # a plain tuple: torch's ops take the shape as data
            result[name] = converter.replace("as_optional_shape", "as_shape_tuple")
    if function.name == "op_kaiser":
        result["x"] = "required(as_integer)"  # R: ops$kaiser(as_integer(x), beta)
    if function.name == "op_reshape":
        result["newshape"] = "required(as_target_shape)"  # R: shape(newshape), NA -> -1
    if function.name == "op_istft":
        result["x"] = "required(as_tuple)"  # R: x = tuple (real, imaginary)
    if function.name == "op_pad":
        result["pad_width"] = "required(as_scale)"  # one number, or a pair per axis
    if function.name == "op_image_pad":
        result.pop("images", None)  # R's as_integer on images would truncate pixel values
    return result


def decorator_of(function: rkeras3.RFunction) -> str | None:
    if function.name in _FUNCTION_FIRST:
        return "function_of_function"
    if function.name in _ANY_VALUE:
        return "any_value_function"
    if function.name in _CONVERSIONS:
        return "conversion_function"
    return None


RULE = ("Computes on its data given first; without it, a partial call: "
        "``x | f(...)`` is ``f(x, ...)``.  Axes and returned indices count "
        "from 0 (R's count from 1); ``zero_indexed=``, where R has it, is "
        "accepted so that ported calls run, and changes nothing: results "
        "are always 0-based.")

# Example inputs, and the examples ops need beyond the default (value of the op on ``x``).
_SETUP = ["import numpy as np", "from kerasfn import as_array, op_convert_to_tensor, {name}",
          "x = op_convert_to_tensor(np.array([[1.0, 2.0], [3.0, 4.0]], dtype='float32'))"]
_BOOLEAN = frozenset({"op_equal", "op_not_equal", "op_greater", "op_greater_equal", "op_less", "op_less_equal",
                      "op_logical_and", "op_logical_or", "op_logical_xor", "op_logical_not", "op_isclose",
                      "op_isfinite", "op_isinf", "op_isnan", "op_all", "op_any", "op_signbit", "op_in_top_k"})
EXAMPLES: dict[str, list[str]] = {
    "op_argmax": ["as_array(x | op_argmax(axis=1))  # R: op_argmax(x, axis = 2) is c(2, 2), 1-based"],
    "op_argmin": ["as_array(x | op_argmin(axis=1))"],
    "op_argsort": ["as_array(op_argsort(np.array([3.0, 1.0, 2.0])))"],
    "op_argpartition": ["as_array(op_argpartition(np.array([3.0, 1.0, 2.0]), kth=1))"],
    "op_vdot": ["as_array(op_vdot(np.array([1.0, 2.0]), np.array([3.0, 4.0])))"],
    "op_cast": ["from kerasfn import op_sum", "as_array(x | op_cast('int32') | op_sum())"],
    "op_sum": ["from kerasfn import op_cast", "as_array(x | op_sum(axis=1))", "as_array(x | op_cast('int32') | op_sum())"],
    "op_add": ["as_array(x | op_add(1))"],
    "op_stack": ["as_array(op_stack([x, x], axis=0)).shape"],
    "op_concatenate": ["as_array([x, x] | op_concatenate(axis=1)).shape"],
    "op_split": ["[as_array(part).shape for part in op_split(x, 2, axis=1)]"],
    "op_shape": ["op_shape(x)"],
    "op_ndim": ["op_ndim(x)"],
    "op_size": ["int(op_size(x))"],
    "op_dtype": ["op_dtype(x)"],
    "op_is_tensor": ["op_is_tensor(x)"],
    "op_nonzero": ["as_array(op_nonzero(np.array([[0, 1], [1, 0]])))  # one row of 0-based coordinates each"],
    "op_top_k": ["top = op_top_k(np.array([5.0, 1.0, 9.0, 3.0]), k=2)", "as_array(top.values)", "as_array(top.indices)"],
    "op_take": ["as_array(op_take(np.array([10.0, 20.0, 30.0]), [0, 2]))"],
    "op_take_along_axis": ["as_array(op_take_along_axis(x, np.array([[1], [0]]), axis=1))"],
    "op_one_hot": ["as_array(op_one_hot(np.array([0, 2]), num_classes=3))"],
    "op_multi_hot": ["as_array(op_multi_hot(np.array([[0, 2]]), num_classes=3))"],
    "op_searchsorted": ["as_array(op_searchsorted(np.array([1.0, 3.0, 5.0]), np.array([2.0, 6.0])))"],
    "op_digitize": ["as_array(op_digitize(np.array([0.5, 2.5]), [1.0, 2.0, 3.0]))"],
    "op_reshape": ["as_array(x | op_reshape((-1, 1))).shape"],
    "op_expand_dims": ["as_array(x | op_expand_dims(0)).shape"],
    "op_squeeze": ["as_array(op_squeeze(np.ones((1, 2)))).shape"],
    "op_broadcast_to": ["as_array(op_broadcast_to(np.array([1.0, 2.0]), (3, 2))).shape"],
    "op_transpose": ["as_array(x | op_transpose())"],
    "op_swapaxes": ["as_array(op_swapaxes(np.ones((2, 3, 4)), 0, 2)).shape"],
    "op_moveaxis": ["as_array(op_moveaxis(np.ones((2, 3, 4)), 0, 2)).shape"],
    "op_zeros": ["as_array(op_zeros((2, 3))).shape"],
    "op_ones": ["as_array(op_ones((2, 3))).shape"],
    "op_empty": ["as_array(op_empty((2, 3))).shape"],
    "op_full": ["as_array(op_full((2, 2), 7.0))"],
    "op_eye": ["as_array(op_eye(2))"],
    "op_identity": ["as_array(op_identity(2))"],
    "op_tri": ["as_array(op_tri(2))"],
    "op_linspace": ["as_array(op_linspace(0.0, 1.0, num=3))"],
    "op_logspace": ["as_array(op_logspace(0.0, 2.0, num=3))"],
    "op_full_like": ["as_array(x | op_full_like(0.5))"],
    "op_clip": ["as_array(x | op_clip(1.5, 3.5))"],
    "op_where": ["as_array(op_where(x > 2, x, 0.0))"],
    "op_cond": ["as_array(op_cond(True, lambda: x + 1, lambda: x - 1))"],
    "op_fori_loop": ["as_array(op_fori_loop(0, 3, lambda i, total: total + i, 0))"],
    "op_while_loop": ["result = op_while_loop(lambda i: i < 3, lambda i: (i + 1,), (0,))", "int(as_array(result[0]))"],
    "op_scan": ["carry, ys = op_scan(lambda carry, xi: (carry + xi, carry), np.float32(0.0), np.array([1.0, 2.0, 3.0], dtype='float32'))",
                "float(as_array(carry))"],
    "op_associative_scan": ["as_array(op_associative_scan(lambda a, b: a + b, np.array([1.0, 2.0, 3.0])))"],
    "op_map": ["as_array(op_map(np.array([1.0, 2.0]), lambda v: v * 2))"],
    "op_vectorized_map": ["as_array(op_vectorized_map(op_convert_to_tensor(np.array([1.0, 2.0])), lambda v: v * 2))"],
    "op_custom_gradient": ["f = op_custom_gradient(lambda v: (v * 2, lambda *args, upstream=None: upstream))",
                           "callable(f)"],
    "op_stop_gradient": ["as_array(op_stop_gradient(x))"],
    "op_convert_to_numpy": ["type(op_convert_to_numpy(x)).__name__"],
    "op_convert_to_array": ["type(op_convert_to_array(x)).__name__"],
    "op_convert_to_tensor": ["from kerasfn import op_dtype", "op_dtype(op_convert_to_tensor([1, 2], dtype='int32'))"],
    "op_array": ["as_array(op_array([1, 2], dtype='float32'))"],
    "op_copy": ["as_array(op_copy(x))"],
    "op_saturate_cast": ["as_array(op_saturate_cast(np.array([-1.0, 300.0]), 'uint8'))"],
    "op_bincount": ["as_array(op_bincount(np.array([0, 1, 1, 3])))"],
    "op_histogram": ["counts, edges = op_histogram(np.array([1.0, 2.0, 2.0, 4.0]), bins=3)", "as_array(counts)"],
    "op_unravel_index": ["rows, cols = op_unravel_index(np.array([5]), (2, 3))", "as_array(rows)", "as_array(cols)"],
    "op_unstack": ["len(op_unstack(x))"],
    "op_slice": ["as_array(op_slice(x, (0, 1), (2, 1)))"],
    "op_slice_update": ["as_array(op_slice_update(x, (0, 0), np.zeros((1, 2), dtype='float32')))"],
    "op_scatter": ["as_array(op_scatter(np.array([[0], [2]]), np.array([1.0, 2.0]), (4,)))"],
    "op_scatter_update": ["as_array(op_scatter_update(np.zeros(3), np.array([[1]]), np.array([5.0])))"],
    "op_get_item": ["as_array(op_get_item(x, 0))"],
    "op_segment_sum": ["as_array(op_segment_sum(np.array([1.0, 2.0, 3.0]), np.array([0, 0, 1]), num_segments=2))"],
    "op_segment_max": ["as_array(op_segment_max(np.array([1.0, 2.0, 3.0]), np.array([0, 0, 1]), num_segments=2))"],
    "op_select": ["as_array(op_select([x > 2], [x], default=0))"],
    "op_tile": ["as_array(op_tile(np.array([1.0, 2.0]), 2))"],
    "op_repeat": ["as_array(op_repeat(np.array([1.0, 2.0]), 2))"],
    "op_roll": ["as_array(op_roll(np.array([1.0, 2.0, 3.0]), 1))"],
    "op_pad": ["as_array(op_pad(np.array([1.0, 2.0]), 1))"],
    "op_diag": ["as_array(op_diag(np.array([1.0, 2.0])))"],
    "op_diagflat": ["as_array(op_diagflat(np.array([1.0, 2.0])))"],
    "op_kaiser": ["as_array(op_kaiser(3, 1.0)).round(4)"],
    "op_bartlett": ["as_array(op_bartlett(3))"],
    "op_blackman": ["as_array(op_blackman(3)).round(4)"],
    "op_hamming": ["as_array(op_hamming(3)).round(4)"],
    "op_hanning": ["as_array(op_hanning(3))"],
    "op_bitwise_and": ["as_array(op_bitwise_and(np.array([12]), np.array([10])))"],
    "op_bitwise_or": ["as_array(op_bitwise_or(np.array([12]), np.array([10])))"],
    "op_bitwise_xor": ["as_array(op_bitwise_xor(np.array([12]), np.array([10])))"],
    "op_bitwise_invert": ["as_array(op_bitwise_invert(np.array([0], dtype='int32')))"],
    "op_bitwise_not": ["as_array(op_bitwise_not(np.array([0], dtype='int32')))"],
    "op_bitwise_left_shift": ["as_array(op_bitwise_left_shift(np.array([1]), np.array([2])))"],
    "op_bitwise_right_shift": ["as_array(op_bitwise_right_shift(np.array([8]), np.array([2])))"],
    "op_left_shift": ["as_array(op_left_shift(np.array([1]), np.array([2])))"],
    "op_right_shift": ["as_array(op_right_shift(np.array([8]), np.array([2])))"],
    "op_fft": ["real, imag = op_fft((x, np.zeros_like(x)))", "as_array(real)"],
    "op_fft2": ["real, imag = op_fft2((x, np.zeros_like(x)))", "as_array(real)"],
    "op_ifft2": ["real, imag = op_ifft2((x, np.zeros_like(x)))", "as_array(real)"],
    "op_rfft": ["real, imag = op_rfft(np.array([1.0, 2.0, 3.0, 4.0]))", "as_array(real)"],
    "op_irfft": ["as_array(op_irfft((np.array([10.0, -2.0, -2.0]), np.array([0.0, 2.0, 0.0])))).round(4)"],
    "op_stft": ["real, imag = op_stft(np.ones(8), sequence_length=4, sequence_stride=2, fft_length=4)",
                "as_array(real).shape"],
    "op_istft": ["from kerasfn import op_stft", "real, imag = op_stft(np.ones(8), 4, 2, 4)",
                 "as_array(op_istft((real, imag), 4, 2, 4)).shape"],
    "op_view_as_complex": ["from kerasfn import op_dtype", "op_dtype(op_view_as_complex(np.array([1.0, 2.0], dtype='float32')))"],
    "op_view_as_real": ["as_array(op_view_as_real(np.array([1 + 2j], dtype='complex64')))"],
    "op_real": ["as_array(op_real(np.array([1 + 2j], dtype='complex64')))"],
    "op_imag": ["as_array(op_imag(np.array([1 + 2j], dtype='complex64')))"],
    "op_conj": ["as_array(op_conj(np.array([1 + 2j], dtype='complex64')))"],
    "op_angle": ["as_array(op_angle(np.array([1.0, -1.0]))).round(4)"],
    "op_polar": ["from kerasfn import op_dtype", "op_dtype(op_polar(np.array([1.0]), np.array([0.0])))"],
    "op_cholesky": ["as_array(op_cholesky(np.array([[4.0, 2.0], [2.0, 3.0]]))).round(4)"],
    "op_det": ["float(as_array(op_det(x)).round(4))"],
    "op_inv": ["as_array(op_inv(x)).round(4)"],
    "op_eig": ["values, vectors = op_eig(np.array([[2.0, 0.0], [0.0, 3.0]]))", "as_array(values)"],
    "op_eigh": ["values, vectors = op_eigh(np.array([[2.0, 0.0], [0.0, 3.0]]))", "as_array(values)"],
    "op_lu_factor": ["lu, pivots = op_lu_factor(x)", "as_array(lu).shape, as_array(pivots).shape"],
    "op_qr": ["q, r = op_qr(x)", "as_array(q).shape"],
    "op_svd": ["u, s, v = op_svd(x)", "as_array(s).round(3)"],
    "op_slogdet": ["sign, logdet = op_slogdet(x)", "float(as_array(sign))"],
    "op_logdet": ["float(as_array(op_logdet(np.array([[2.0, 0.0], [0.0, 3.0]]))).round(4))"],
    "op_solve": ["as_array(op_solve(x, np.array([[1.0], [2.0]], dtype='float32'))).round(4)"],
    "op_solve_triangular": ["as_array(op_solve_triangular(np.triu(x), np.array([[1.0], [2.0]], dtype='float32'))).round(4)"],
    "op_lstsq": ["as_array(op_lstsq(x, np.array([[1.0], [2.0]], dtype='float32'))).round(4)"],
    "op_norm": ["float(as_array(op_norm(np.array([3.0, 4.0]))))"],
    "op_corrcoef": ["as_array(op_corrcoef(x)).round(4)"],
    "op_correlate": ["as_array(op_correlate(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0])))"],
    "op_cross": ["as_array(op_cross(np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])))"],
    "op_tensordot": ["as_array(op_tensordot(x, x, axes=1))"],
    "op_extract_sequences": ["as_array(op_extract_sequences(np.arange(6.0), 3, 3))"],
    "op_in_top_k": ["as_array(op_in_top_k(np.array([1]), np.array([[0.1, 0.9]]), k=1))"],
    "op_psnr": ["float(as_array(op_psnr(x, x + 0.1, max_val=4.0)).round(2))"],
    "op_rearrange": ["as_array(x | op_rearrange('a b -> b a'))"],
    "op_threshold": ["as_array(x | op_threshold(2.5, 0.0))"],
    "op_quantile": ["as_array(x | op_quantile(0.5))"],
    "op_ctc_loss": ["loss = op_ctc_loss(np.array([[1, 2]]), np.full((1, 4, 3), 0.5), np.array([2]), np.array([4]))",
                    "as_array(loss).shape"],
    "op_ctc_decode": ["decoded, log_probs = op_ctc_decode(np.full((1, 4, 3), 1.0 / 3), np.array([4]))",
                      "as_array(log_probs).shape"],
    "op_categorical_crossentropy": [
        "as_array(op_categorical_crossentropy(np.array([[0.0, 1.0]]), np.array([[0.5, 0.5]]))).round(4)"],
    "op_sparse_categorical_crossentropy": [
        "as_array(op_sparse_categorical_crossentropy(np.array([1]), np.array([[0.5, 0.5]]))).round(4)"],
    "op_binary_crossentropy": [
        "as_array(op_binary_crossentropy(np.array([1.0]), np.array([0.5]))).round(4)"],
    "op_batch_normalization": [
        "as_array(op_batch_normalization(x, mean=np.array([2.0, 3.0]), variance=np.array([1.0, 1.0]), axis=-1)).round(3)"],
    "op_moments": ["mean, variance = op_moments(x, axes=0)", "as_array(mean)"],
    "op_layer_normalization": ["as_array(op_layer_normalization(x)).round(3)"],
    "op_rms_normalization": ["as_array(op_rms_normalization(x)).round(3)"],
    "op_normalize": ["as_array(op_normalize(np.array([3.0, 4.0])))"],
    "op_dot_product_attention": ["q = np.ones((1, 2, 1, 4), dtype='float32')",
                                 "as_array(op_dot_product_attention(q, q, q)).shape"],
    "op_conv": ["as_array(op_conv(np.ones((1, 4, 1)), np.ones((2, 1, 1)))).ravel()"],
    "op_conv_transpose": ["as_array(op_conv_transpose(np.ones((1, 2, 1)), np.ones((2, 1, 1)), strides=2)).ravel()"],
    "op_depthwise_conv": ["as_array(op_depthwise_conv(np.ones((1, 4, 1)), np.ones((2, 1, 1)))).ravel()"],
    "op_separable_conv": [
        "as_array(op_separable_conv(np.ones((1, 4, 1)), np.ones((2, 1, 1)), np.ones((1, 1, 1)))).ravel()"],
    "op_average_pool": ["as_array(op_average_pool(np.arange(4.0).reshape(1, 4, 1), 2, strides=2)).ravel()"],
    "op_max_pool": ["as_array(op_max_pool(np.arange(4.0).reshape(1, 4, 1), 2, strides=2)).ravel()"],
    "op_image_resize": ["as_array(op_image_resize(np.ones((1, 4, 4, 1)), (2, 2))).shape"],
    "op_image_crop": ["as_array(op_image_crop(np.ones((1, 4, 4, 1)), 1, 1, target_height=2, target_width=2)).shape"],
    "op_image_pad": ["as_array(op_image_pad(np.ones((1, 2, 2, 1)), 1, 1, target_height=4, target_width=4)).shape"],
    "op_image_affine_transform": [
        "as_array(op_image_affine_transform(np.ones((1, 2, 2, 1)), np.array([[1.0, 0, 0, 0, 1, 0, 0, 0]]))).shape"],
    "op_image_extract_patches": ["as_array(op_image_extract_patches(np.ones((1, 4, 4, 1)), 2)).shape"],
    "op_image_map_coordinates": [
        "as_array(op_image_map_coordinates(np.arange(4.0).reshape(2, 2), np.zeros((2, 1)), order=0))"],
    "op_image_gaussian_blur": ["as_array(op_image_gaussian_blur(np.ones((1, 4, 4, 1)))).shape"],
    "op_image_elastic_transform": ["as_array(op_image_elastic_transform(np.ones((1, 4, 4, 1)), seed=1)).shape"],
    "op_image_perspective_transform": [
        "pts = np.array([[[0.0, 0.0], [3.0, 0.0], [0.0, 3.0], [3.0, 3.0]]])",
        "as_array(op_image_perspective_transform(np.ones((1, 4, 4, 1)), pts, pts)).shape"],
    "op_image_rgb_to_grayscale": ["as_array(op_image_rgb_to_grayscale(np.ones((1, 2, 2, 3)))).shape"],
    "op_image_rgb_to_hsv": ["as_array(op_image_rgb_to_hsv(np.ones((1, 2, 2, 3)))).shape"],
    "op_image_hsv_to_rgb": ["as_array(op_image_hsv_to_rgb(np.ones((1, 2, 2, 3)))).shape"],
}


#: Float literals without a dtype: float32 on every backend (TensorFlow would keep numpy's float64).
_FLOATS = re.compile(r"np\.array\((\[[^()]*?\d\.\d[^()]*?\])\)")
_SCALAR_DISPLAY = ("type(", "op_dtype(", "callable(", "len(", "sorted(", "float(", "int(", "op_shape(", "op_ndim(",
                   "op_is_tensor(")


def _portable(line: str, boolean: bool) -> str:
    """An example line whose output reads the same on every backend: float32
    inputs, and arrays printed (no dtype: int32 here is int64 there), rounded."""
    code, hash_, comment = line.partition("  # ")
    code = _FLOATS.sub(r"np.array(\1, dtype='float32')", code)
    if code.startswith("as_array(") and ".shape" not in code and not code.startswith(_SCALAR_DISPLAY):
        code = re.sub(r"\.round\(\d\)$", "", code)
        code = f"print({code})" if boolean else f"print(np.round({code}, 4) + 0)"  # + 0: no -0.
    return code + hash_ + comment


def _lines(function: rkeras3.RFunction) -> list[str]:
    if function.name in EXAMPLES and EXAMPLES[function.name]:
        return EXAMPLES[function.name]
    params = [p for p in rkeras3.function(function.name).formals if p[0] != "..."]
    required = [name for name, default in params if default is None]
    if len(required) == 2 and required[0] in ("x1", "x", "a"):
        return ["y = op_convert_to_tensor(np.array([[2.0, 1.0], [0.5, 3.0]], dtype='float32'))",
                f"as_array(x | {function.name}(y))"]
    if "axis" in dict(params):
        return [f"as_array(x | {function.name}(axis=0))"]
    return [f"as_array({function.name}(x))"]


def part_of(function: rkeras3.RFunction) -> str:
    """The module an op's function goes in, as R keras3 splits its sources: the Keras ops
    module of its target (``keras.src.ops.numpy`` -> ``ops_numpy.py``, R's ``R/ops-numpy.R``);
    the core ops (and ``einops``) in ``ops.py``, R's ``R/ops.R``."""
    module = keras_object(target(function)).__module__.rsplit(".", 1)[-1]
    return "" if module in ("core", "einops") else module


def example(function: rkeras3.RFunction) -> list[str]:
    setup = [line.format(name=function.name) for line in _SETUP]
    return setup + [_portable(line, function.name in _BOOLEAN) for line in _lines(function)]


FAMILY = Family(
    name="ops",
    title="R keras3's ``op_*`` functions: ``keras.ops`` with R's call semantics.",
    rule=RULE,
    names=names,
    imports=("import keras", "",
             "from kerasfn.rcall.subjects import any_value_function, conversion_function, function_of_function, tensor_function",
             "from kerasfn.rcall.shape import Shape",
             "from kerasfn.rcall.tensors import TopK, as_integer_data, as_shape_tuple"),
    decorator="tensor_function",
    body=body,
    value=lambda function: ["The op's result: a backend tensor (or a tuple of them), or a symbolic",
                            "``KerasTensor`` when given one (a functional model's input)."],
    example=example,
    target=target,
    see_also=lambda function: [":func:`as_array` (a tensor as a numpy array)."],
    decorator_of=decorator_of,
    adjust_converters=converters,
    part_of=part_of,
)
