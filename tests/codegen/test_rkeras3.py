"""kerasfn.codegen.rkeras3: the catalog of R keras3's exported functions the generator reads."""

from kerasfn.codegen import rkeras3


def test_the_catalog_is_r_keras3_at_a_known_commit():
    assert rkeras3.SOURCE.startswith("rstudio/keras3@4571bff")
    assert len(rkeras3.exports()) == 792
