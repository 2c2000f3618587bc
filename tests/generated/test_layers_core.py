"""kerasfn.generated.layers_core: R's conventions apply to a layer function's arguments by their name
(``units`` a whole number, ``rate`` a fraction, as in layer_dropout of kerasfn.generated.layers_regularization)."""

import pytest

import kerasfn


def test_r_conventions_apply_by_argument_name():
    assert kerasfn.layer_dense(4.0).units == 4
    with pytest.raises(ValueError, match=r"`rate` must be between 0 and 1; received 1.5"):
        kerasfn.layer_dropout(1.5)
