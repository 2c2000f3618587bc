"""Generated families (op_*, loss_*, ...): each module is what its rule generates now."""

import pytest

from kerasfn.codegen import family
from kerasfn.codegen.families import families


@pytest.mark.parametrize("rule", families(), ids=lambda rule: rule.name)
def test_generated_family_is_not_stale(rule):
    assert rule.path.read_text() == family.render(rule), f"run python -m kerasfn.codegen ({rule.name})"


def test_every_registered_family_is_generated():
    import importlib.util

    from kerasfn.families import FAMILIES

    assert [name for name in FAMILIES if importlib.util.find_spec(f"kerasfn.families.{name}") is None] == []
