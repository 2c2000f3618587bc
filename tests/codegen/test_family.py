"""kerasfn.codegen.family: each generated family module (``op_*``, ``loss_*``, ...) is what its rule renders now,
split as R keras3 splits its sources."""

import pytest

from kerasfn.codegen import family
from kerasfn.codegen.families import families


@pytest.mark.parametrize("rule, part", [(rule, part) for rule in families() for part in rule.parts()],
                         ids=lambda value: value if isinstance(value, str) else value.name)
def test_generated_family_is_not_stale(rule, part):
    assert rule.path(part).read_text() == family.render(rule, part), f"run python -m kerasfn.codegen ({rule.name})"


def test_ops_are_split_as_r_keras3_splits_its_sources():
    # R keras3's R/ops.R, R/ops-image.R, ..., R/ops-numpy.R (rstudio/keras3@4571bff)
    ops = next(rule for rule in families() if rule.name == "ops")
    assert [ops.module_name(part) for part in ops.parts()] == [
        "ops", "ops_image", "ops_linalg", "ops_math", "ops_nn", "ops_numpy"]
    assert "op_sum" in {function.name for function in ops.parts()["numpy"]}
    assert "op_cond" in {function.name for function in ops.parts()[""]}
