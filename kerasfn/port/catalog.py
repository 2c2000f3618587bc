"""What R keras3 does to each argument before Python sees it, read from kerasfn's catalog.

``kerasfn/codegen/rkeras3/functions.json`` holds, for every R keras3
function, its formals and the converter R applies to each argument (extracted
from R keras3's sources).  The translator applies R's conversions exactly
where R applies them, and nowhere else: ``as_axis`` and ``as_py_index`` move
R's 1-based counts to Python's 0-based ones (positive values minus one, 0 and
negative values kept), ``as_integer`` makes whole doubles integers.  A call
through ``tf$``, ``keras$`` or any Python module is not R keras3's: its
arguments pass as written.  The file is read as JSON: nothing of kerasfn (or
Keras) is imported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["AS_ARRAY", "AXIS", "CALLBACK_COUNTED_METHODS", "DATA", "DATA_FORMALS", "FLOATX", "INDEX", "INTEGER",
           "SECTIONS", "Signature", "base_r_name", "base_r_names", "signature"]

CATALOG = Path(__file__).resolve().parent.parent / "codegen" / "rkeras3" / "functions.json"

#: Converters that shift a 1-based axis (``as_axis``; R refuses 0).
AXIS = frozenset({"as_axis"})
#: Converters that shift 1-based positions: positive values minus one, 0 and negative ones kept.
INDEX = frozenset({"as_py_index", "as_index", "if (zero_indexed) identity else as_py_index",
                   "if (zero_indexed) as_integer_array else as_py_index"})
#: ``op_split()``'s ``indices_or_sections``: one number is a count of sections (an integer), a vector
#: or array 1-based positions (``as_py_index``).
SECTIONS = "sections"
#: Converters that make whole doubles integers.
INTEGER = frozenset({"as_integer", "as_nullable_integer", "as_integer_tuple", "as_integer_array",
                     "function(x) lapply(x, as_integer)", "function(x) tuple(lapply(x, as_integer))",
                     "function(x) as_integer(ceiling(x))", "function(x) {     as.list(as_integer(x)) }"})
#: Converters of data arguments (R's doubles stay float64 there).
DATA = frozenset({"as_py_array", "as_array", "keras_array", "normalize_input_data"})
#: Data converters that make any R vector an array (``as.array(x)``: one number becomes a 1-d array of one).
AS_ARRAY = frozenset({"as_array", "as.array"})
#: Data converters that make R's doubles an array of Keras' float type (``np_array(x, dtype = config_floatx())``).
FLOATX = frozenset({"as_py_array", "keras_array"})
#: Formals that hold data in R keras3's functions without a converter (``op_convert_to_tensor(x)``, ``op_add(x1, x2)``).
DATA_FORMALS = frozenset({"x", "y", "x1", "x2", "xs", "a", "b", "data", "y_true", "y_pred", "inputs", "value",
                          "values", "tensor", "array", "start", "end", "stop", "lower", "upper", "init_val"})

#: ``Callback()`` methods whose second argument (after ``self``) R gives 1-based (R keras3's Callback.R);
#: kerasfn's ``Callback()`` passes Keras' 0-based numbers.  (``callback_lambda()``'s functions need nothing:
#: kerasfn's ``callback_lambda()`` adds one as R's does.)
CALLBACK_COUNTED_METHODS = frozenset({
    "on_epoch_begin", "on_epoch_end", "on_batch_begin", "on_batch_end", "on_train_batch_begin",
    "on_train_batch_end", "on_test_batch_begin", "on_test_batch_end", "on_predict_batch_begin",
    "on_predict_batch_end",
})


@dataclass(frozen=True)
class Signature:
    """An R keras3 function's formals and its converters by argument name."""

    formals: tuple[str, ...]
    converters: dict[str, str]

    def match(self, names: list[str | None], piped: bool) -> list[str | None]:
        """The formal each argument binds to, R's way: exact names, unique prefixes, then
        positions (the piped value, if any, is the first positional argument)."""
        bound: list[str | None] = [None] * len(names)
        taken = set()
        for index, name in enumerate(names):
            if name is None:
                continue
            if name in self.formals or name in self.converters:
                bound[index] = name
            else:
                before_dots = self.formals[: self.formals.index("...")] if "..." in self.formals else self.formals
                prefixed = [formal for formal in before_dots if formal.startswith(name)]
                bound[index] = prefixed[0] if len(prefixed) == 1 else name
            taken.add(bound[index])
        free = iter(formal for formal in self.formals[1 if piped else 0:] if formal not in taken)
        for index, name in enumerate(names):
            if name is None:
                formal = next(free, None)
                bound[index] = None if formal in (None, "...") else formal
                if formal == "...":
                    free = iter(())
        return bound


@cache
def _signatures() -> dict[str, Signature]:
    try:
        catalog = json.loads(CATALOG.read_text(encoding="utf-8"))
    except OSError:  # pragma: no cover - an installation without the catalog: no conversions known
        return {}
    signatures = {}
    for function in catalog["functions"]:
        if function.get("kind") != "function":
            continue
        converters = {name: SECTIONS if "as_py_index(n)" in text and "as.integer(n)" in text else text
                      for name, text in (function.get("converters") or {}).items()}
        formals = tuple(formal["name"] for formal in function.get("formals") or ())
        signatures[function["name"]] = Signature(formals, dict(converters) if isinstance(converters, dict) else {})
    return signatures


def signature(name: str) -> Signature | None:
    """R keras3's signature of the function ``name`` (None for names it does not export)."""
    return _signatures().get(name)


#: kerasfn's runtime of R's base functions (R's names, ``.`` as ``_``), read without importing it:
#: the package's ``__init__.py`` (or a module ``base_r.py``).
BASE_R = next((path for path in (Path(__file__).resolve().parent.parent / "base_r" / "__init__.py",
                                 Path(__file__).resolve().parent.parent / "base_r.py") if path.exists()),
              Path(__file__).resolve().parent.parent / "base_r" / "__init__.py")


@cache
def base_r_names() -> frozenset[str]:
    """``kerasfn.base_r.__all__``, read from the module's source with :mod:`ast` (importing it
    would load Keras); empty where the module is missing or its ``__all__`` is not a literal."""
    import ast

    try:
        tree = ast.parse(BASE_R.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return frozenset()
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else \
            [statement.target] if isinstance(statement, ast.AnnAssign) and statement.value is not None else []
        if any(isinstance(target, ast.Name) and target.id == "__all__" for target in targets):
            try:
                names = ast.literal_eval(statement.value)
            except ValueError:
                return frozenset()
            return frozenset(name for name in names if isinstance(name, str))
    return frozenset()


def base_r_name(r_name: str, available: frozenset[str]) -> str | None:
    """The runtime's name for R's function ``r_name`` (``data.frame`` -> ``data_frame``, ``class``
    -> ``class_``), or None where the runtime lacks it."""
    name = r_name.replace(".", "_")
    return next((candidate for candidate in (name, name + "_") if candidate in available), None)
