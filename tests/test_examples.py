"""Issue 5 (2): every Examples section runs, and shows the output it gets."""

import doctest

import keras
import pytest

import kerasfn
from kerasfn.docs.docstring import parse
from kerasfn.docs.man import documented, documented_object

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


# Examples whose printed output is the TensorFlow backend's.
_TENSORFLOW_OUTPUT = {"cudnn_status"}


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.skipif(
        keras.backend.backend() != "tensorflow", reason="shows what TensorFlow's cuDNN checks print"))
    if name in _TENSORFLOW_OUTPUT else name
    for name in documented()
])
def test_examples_run_and_match(name):
    examples = parse(documented_object(name)).sections.get("Examples", "")
    assert ">>>" in examples, f"{name} has no runnable example"
    test = doctest.DocTestParser().get_doctest(examples, {}, name, f"kerasfn.{name}", 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report = []
    runner.run(test, out=report.append)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, "".join(report)


def _documented_objects():
    """Every function, class and method defined in kerasfn's modules, by qualified name."""
    import importlib
    import inspect
    import pkgutil

    for info in pkgutil.walk_packages(kerasfn.__path__, "kerasfn."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if not (inspect.isfunction(obj) or inspect.isclass(obj)) or obj.__module__ != module.__name__:
                continue
            yield f"{module.__name__}.{name}", obj
            if inspect.isclass(obj):
                for member_name, member in vars(obj).items():
                    if inspect.isfunction(member) or isinstance(member, property):
                        yield f"{module.__name__}.{name}.{member_name}", member


def test_every_examples_section_in_the_package_is_run_above():
    exported = {id(documented_object(name)) for name in documented()}
    unrun = [qualified for qualified, obj in _documented_objects()
             if ">>>" in parse(obj).sections.get("Examples", "") and id(obj) not in exported]
    assert not unrun, f"Examples sections no test runs (export the name or move the example): {unrun}"
