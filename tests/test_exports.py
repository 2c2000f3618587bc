"""kerasfn.exports, the package's gathered public names (``kerasfn.__all__``): every exported name of R keras3
is in it, or excluded with what to write instead (named in the README); each is a documented function or class,
``compile`` is the only Python builtin shadowed, and ``from kerasfn import *`` gives them."""

import builtins
import inspect
from pathlib import Path

import kerasfn
from kerasfn.codegen import rkeras3
from kerasfn.codegen.rkeras3.excluded import EXCLUDED


def test_the_names_come_from_r_keras3_at_a_recorded_commit():
    assert rkeras3.SOURCE == "rstudio/keras3@4571bff1befc425ee812faf247e3732ffc510607"
    assert len(rkeras3.exports()) == 792


def test_every_r_keras3_export_is_provided_or_excluded():
    missing = sorted(set(rkeras3.exports()) - set(kerasfn.__all__) - set(EXCLUDED))
    assert missing == []


def test_exclusions_are_r_machinery_only():
    assert set(EXCLUDED) <= set(rkeras3.exports())
    assert not set(EXCLUDED) & set(kerasfn.__all__)


def test_every_r_application_is_built():
    r_names = {name for name in rkeras3.exports() if name.startswith("application_")}
    assert r_names <= set(kerasfn.__all__)
    assert len(r_names) == 44  # 40 models, 2 deprecated NASNet spellings, preprocess/decode helpers


def test_every_exported_name_is_a_real_function_or_class():
    for name in kerasfn.__all__:
        value = getattr(kerasfn, name)
        assert callable(value) or name in ("newaxis", "all_dims"), name
        if inspect.isfunction(value):
            assert value.__doc__, name


def test_the_readme_says_what_to_write_instead():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for name in EXCLUDED:
        assert f"`{name}`" in readme, name


def test_compile_is_the_only_python_builtin_shadowed():
    # the README says so
    assert [name for name in kerasfn.__all__ if hasattr(builtins, name)] == ["compile"]


def test_star_import_gives_the_porting_vocabulary():
    namespace = {}
    exec("from kerasfn import *", namespace)  # noqa: S102
    for name in ["compile", "fit", "evaluate", "predict", "layer_lstm", "layer_dense", "keras_input",
                 "layer_input", "plot", "to_categorical", "bidirectional", "rnn_cell_lstm"]:
        assert namespace[name] is getattr(kerasfn, name)
    assert namespace["compile"] is not builtins.compile  # the documented shadowing
