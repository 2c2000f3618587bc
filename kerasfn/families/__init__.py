"""The rules that give each generated family (``op_*``, ``loss_*``, ...) R's call semantics.

The families' functions themselves are generated into :mod:`kerasfn.generated`
by ``python -m kerasfn.codegen``; each calls the decorators defined here
(:mod:`kerasfn.families.rules`, :mod:`kerasfn.families.dual`) and the
converters of :mod:`kerasfn.families.conversions`.
"""
