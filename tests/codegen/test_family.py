"""kerasfn.codegen.family: each generated family module (``op_*``, ``loss_*``, ...) is what its rule renders now."""

import pytest

from kerasfn.codegen import family
from kerasfn.codegen.families import families


@pytest.mark.parametrize("rule, part", [(rule, part) for rule in families() for part in rule.parts()],
                         ids=lambda value: value if isinstance(value, str) else value.name)
def test_generated_family_is_not_stale(rule, part):
    assert rule.path(part).read_text() == family.render(rule, part), f"run python -m kerasfn.codegen ({rule.name})"
