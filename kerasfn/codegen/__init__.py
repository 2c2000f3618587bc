"""Code generation for kerasfn's layer functions: ``python -m kerasfn.codegen``."""
