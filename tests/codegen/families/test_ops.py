"""kerasfn.codegen.families.ops: the ``op_*`` family's own rules. Which Keras op each R function calls,
which module it goes in (split as R keras3 splits its sources: ``R/ops-numpy.R`` -> ``ops_numpy.py``),
and the ops written by hand, left out of the generated ones."""

from __future__ import annotations

import pytest

import kerasfn.api.r_ops
from kerasfn.codegen import rkeras3
from kerasfn.codegen.families import families, ops


def test_ops_are_split_as_r_keras3_splits_its_sources():
    # R keras3's R/ops.R, R/ops-image.R, ..., R/ops-numpy.R (rstudio/keras3@4571bff)
    ops = next(rule for rule in families() if rule.name == "ops")
    assert [ops.module_name(part) for part in ops.parts()] == [
        "ops", "ops_image", "ops_linalg", "ops_math", "ops_nn", "ops_numpy"]
    assert "op_sum" in {function.name for function in ops.parts()["numpy"]}
    assert "op_cond" in {function.name for function in ops.parts()[""]}


@pytest.mark.parametrize(("name", "keras_op", "part"), [
    # R: op_matmul converts both to tensors (ops$convert_to_tensor, ops$dtype), then calls ops$matmul
    ("op_matmul", "ops$matmul", "numpy"),
    ("op_image_resize", "ops$image$resize", "image"),  # keras.ops.image.resize
    ("op_top_k", "ops$top_k", "math"),  # keras.src.ops.math
    ("op_cond", "ops$cond", ""),  # keras.src.ops.core: R/ops.R
    ("op_convert_to_numpy", "keras$ops$convert_to_numpy", ""),
])
def test_each_op_calls_the_keras_op_named_like_it(name: str, keras_op: str, part: str) -> None:
    function = rkeras3.function(name)
    assert ops.target(function) == keras_op
    assert ops.part_of(function) == part


def test_ops_written_by_hand_are_not_generated() -> None:
    assert not ops.BY_HAND & set(ops.names())
    assert {name for name in ops.BY_HAND if rkeras3.function(name) is None} == set()
    assert all(hasattr(kerasfn.api.r_ops, name.replace("<-", "_set")) for name in ops.BY_HAND)
