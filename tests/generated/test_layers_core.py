"""kerasfn.generated.layers_core: R's conventions apply to a layer function's arguments by their name
(``units`` a whole number)."""

import kerasfn


def test_r_conventions_apply_by_argument_name():
    assert kerasfn.layer_dense(4.0).units == 4
