"""kerasfn.codegen.catalog: the table of R keras3's layer functions kerasfn generates; each entry an
R keras3 export, named once, of a known family, found by name; the aliases name entries of the table."""

from __future__ import annotations

import pytest

from kerasfn.codegen import rkeras3
from kerasfn.codegen.catalog import ALIASES, CATALOG, by_name

FAMILIES = {"layer", "list", "merge", "wrapper", "cell", "backend"}


def test_every_entry_is_an_r_keras3_export_named_once() -> None:
    names = [entry.r_name for entry in CATALOG]
    assert len(names) == len(set(names))
    assert [name for name in names if rkeras3.function(name) is None] == []
    assert {entry.family for entry in CATALOG} <= FAMILIES


def test_entries_are_found_by_name() -> None:
    assert by_name("layer_dense").keras_class == "Dense"
    assert by_name("layer_add").family == "merge"
    with pytest.raises(KeyError, match="layer_nothing"):
        by_name("layer_nothing")


def test_aliases_name_entries_of_the_table() -> None:
    assert {alias: by_name(name).r_name for alias, name in ALIASES.items()} == ALIASES
    assert all(rkeras3.function(alias) is not None for alias in ALIASES)
