"""kerasfn.port.names: the translator's list of kerasfn's names is kerasfn's ``__all__``."""

from __future__ import annotations


def test_the_translators_list_of_kerasfn_names_is_kerasfns():
    import kerasfn
    from kerasfn.port.names import KERASFN_EXPORTS

    assert KERASFN_EXPORTS == set(kerasfn.__all__)
