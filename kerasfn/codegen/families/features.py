"""``feature_*``: the feature specs of ``layer_feature_space()``.

R keras3's ``feature_float()``, ``feature_integer_categorical()``, ... are
``keras.utils.FeatureSpace``'s static constructors; each returns a spec for
one input of ``layer_feature_space(features = list(...))``.
"""

from __future__ import annotations

from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import Family

#: Arguments of each spec's example (the others need none).
_EXAMPLE_ARGUMENTS = {
    "feature_cross": '("a", "b"), crossing_dim=8',
    "feature_custom": 'dtype="float32", preprocessor=layer_rescaling(scale=0.5), output_mode="float"',
    "feature_float_discretized": "num_bins=4",
    "feature_integer_hashed": "num_bins=8",
    "feature_string_hashed": "num_bins=8",
}


def _example(function: rkeras3.RFunction) -> list[str]:
    """A spec, used in a feature space (a cross combines two other features)."""
    call = f"{function.name}({_EXAMPLE_ARGUMENTS.get(function.name, '')})"
    if function.name == "feature_cross":
        return [f"from kerasfn import {function.name}, feature_integer_categorical, layer_feature_space",
                f"cross = {call}",
                'space = layer_feature_space(features={"a": feature_integer_categorical(), '
                '"b": feature_integer_categorical()}, crosses=[cross])',
                "type(space).__name__"]
    imports = sorted({function.name, "layer_feature_space",
                      *(["layer_rescaling"] if "layer_rescaling" in call else [])})
    return [f"from kerasfn import {', '.join(imports)}",
            f'space = layer_feature_space(features={{"x": {call}}})',
            "type(space).__name__"]


FAMILY = Family(
    name="features",
    title="R keras3's ``feature_*`` specs for ``layer_feature_space()``.",
    rule=("A spec for one input of ``layer_feature_space(features=...)``; it "
          "composes with nothing."),
    names=lambda: sorted(name for name in rkeras3.exports() if name.startswith("feature_")),
    imports=("import keras", "", "from kerasfn.families.rules import constructor"),
    decorator="constructor",
    body=lambda function, params, target: [
        f"    return {target}({', '.join(f'{p.name}={p.name}' for p in params)})"
    ],
    value=lambda function: ["A feature spec (``keras.utils.FeatureSpace`` feature)."],
    example=_example,
    see_also=lambda function: [":func:`layer_feature_space`."],
)
