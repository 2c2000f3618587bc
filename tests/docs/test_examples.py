"""The Examples section of every documented function (what man/ pages and the site show) runs on this backend and
shows the output it gets; each example runs once, here."""

import doctest
import inspect

import keras
import pytest

from kerasfn.docs.docstring import parse
from kerasfn.docs.man import documented, documented_object

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


# Examples that hold on the TensorFlow backend only, and why.
_RANDOM_DRAWS = "shows the values TensorFlow draws for a seed (R keras3's too); other backends draw other numbers"
_TENSORFLOW_ONLY = {
    "cudnn_status": "shows what TensorFlow's cuDNN checks print",
    **{f"initializer_{name}": _RANDOM_DRAWS for name in (
        "glorot_normal", "he_normal", "he_uniform", "lecun_normal", "lecun_uniform", "orthogonal", "random_normal",
        "random_uniform", "truncated_normal", "variance_scaling")},
}
# Examples that fail on one backend in Keras itself, and why.
_KERAS_FAILS_ON = {
    "export_savedmodel": ("torch", "Keras 3.15's SavedModel export fails on PyTorch 2.13 (plain keras.Model.export "
                                   "too: torch.export rejects the dynamic shapes Keras passes)"),
}


def _marks(name):
    if name in _TENSORFLOW_ONLY:
        return [pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason=_TENSORFLOW_ONLY[name])]
    if name in _KERAS_FAILS_ON:
        backend, reason = _KERAS_FAILS_ON[name]
        return [pytest.mark.skipif(keras.backend.backend() == backend, reason=reason)]
    return []


@pytest.mark.parametrize("name", [pytest.param(name, marks=_marks(name)) for name in documented()])
def test_examples_run_and_match(name):
    examples = parse(documented_object(name)).sections.get("Examples", "")
    assert ">>>" in examples, f"{name} has no runnable example"
    test = doctest.DocTestParser().get_doctest(examples, {}, name, f"kerasfn.{name}", 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report = []
    runner.run(test, out=report.append)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, "".join(report)


def _documented_objects(modules):
    """Every function, class and method defined in ``modules``, by qualified name."""
    for module in modules:
        for name, obj in vars(module).items():
            if not (inspect.isfunction(obj) or inspect.isclass(obj)) or obj.__module__ != module.__name__:
                continue
            yield f"{module.__name__}.{name}", obj
            if inspect.isclass(obj):
                for member_name, member in vars(obj).items():
                    if inspect.isfunction(member) or isinstance(member, property):
                        yield f"{module.__name__}.{name}.{member_name}", member


def test_every_examples_section_in_the_package_is_run_above(package_modules):
    exported = {id(documented_object(name)) for name in documented()}
    unrun = [qualified for qualified, obj in _documented_objects(package_modules)
             if ">>>" in parse(obj).sections.get("Examples", "") and id(obj) not in exported]
    assert not unrun, f"Examples sections no test runs (export the name or move the example): {unrun}"
