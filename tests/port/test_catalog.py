"""kerasfn.port.catalog: the names of kerasfn.base_r's functions, read from its source without
importing it (none where the source is missing)."""

from __future__ import annotations


def test_the_runtime_s_names_are_read_from_its_source(tmp_path, monkeypatch):
    from kerasfn.port import catalog

    module = tmp_path / "base_r.py"
    module.write_text('import tensorflow\n__all__ = ["rbind", "cat"]\n')
    monkeypatch.setattr(catalog, "BASE_R", module)
    catalog.base_r_names.cache_clear()
    try:
        assert catalog.base_r_names() == {"rbind", "cat"}
        module.unlink()
        catalog.base_r_names.cache_clear()
        assert catalog.base_r_names() == frozenset()
    finally:
        catalog.base_r_names.cache_clear()
