"""R keras3's function families beyond layers (``op_*``, ``loss_*``, ...), generated.

Each module here is written by ``python -m kerasfn.codegen`` from a family
rule in ``kerasfn/codegen/families/`` and R keras3's own definitions; the
decorators that give each family R's call semantics are in
:mod:`kerasfn.families.rules`.
"""
