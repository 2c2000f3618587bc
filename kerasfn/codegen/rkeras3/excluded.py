"""R keras3 exports that are R-language machinery Python does itself.

kerasfn provides every other exported name of R keras3 (``functions.json``,
at the commit it records; ``tests/test_exports.py`` checks it).  For each
name here, what a Python user writes instead; the README's porting table
says the same.
"""

from __future__ import annotations

__all__ = ["EXCLUDED"]

#: R name -> what to write in Python instead.
EXCLUDED: dict[str, str] = {
    "%<-%": "unpacking: `a, b = value` (zeallot's `c(a, b) %<-% value`)",
    ".": "unpacking: `a, b = value` (dotty's `.[a, b] <- value`)",
    "%>%": "the pipe `|` (magrittr's pipe)",
    "%<>%": "`x = x | f()` (magrittr's assignment pipe)",
    "%as%": "`with context as name:` (reticulate's `with(x %as% name, ...)`)",
    "%py_class%": "a `class Name(Base):` statement",
    "%<-active%": "a `@property` in a class",
    "active_property": "a `@property` in a class",
    "mark_active": "a `@property` in a class",
    "py_help": "`help(obj)`",
    "py_require": "`pip install ...` (or the project's dependencies)",
    "py_to_r": "nothing: Python objects are used as they are",
    "r_to_py": "nothing: Python objects are used as they are",
    "import": "a Python `import` statement",
    "tuple": "a Python tuple: `(a, b)`",
    "named_list": "a Python dict: `{'a': 1}`",
    "keras": "`import keras`",
    "install_keras": "`pip install kerasfn` (the README's set-up command)",
    "use_python": "run the Python interpreter you want",
    "use_virtualenv": "activate the virtual environment you want before running Python",
    "flags": "`argparse` (tfruns' run flags)",
    "flag_boolean": "`argparse` (tfruns' run flags)",
    "flag_integer": "`argparse` (tfruns' run flags)",
    "flag_numeric": "`argparse` (tfruns' run flags)",
    "flag_string": "`argparse` (tfruns' run flags)",
    "run_dir": "your own run directory (tfruns' run directories)",
    "tensorboard": "the `tensorboard --logdir DIR` command (callback_tensorboard() writes the logs)",
    "generate": "nothing: an R generic (generics::generate) with no Keras method",
    "op_subset<-": "`op_slice_update()` or `op_scatter_update()` (R's `x[i] <- value` on a tensor)",
}
