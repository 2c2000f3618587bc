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


#: The values each kind of spec reads in its example.
_EXAMPLE_VALUES = {"float": "[1.0, 2.0, 3.0, 4.0]", "integer": "[1, 2, 1, 3]", "string": '["x", "y", "x", "z"]'}


def _example(function: rkeras3.RFunction) -> list[str]:
    """A feature space of the spec, adapted to four values and applied to the first two:
    what the spec makes of them (a cross combines two other features)."""
    call = f"{function.name}({_EXAMPLE_ARGUMENTS.get(function.name, '')})"
    if function.name == "feature_cross":
        features = '{"a": feature_integer_categorical(), "b": feature_integer_categorical()}'
        values = '{"a": [1, 2, 1, 3], "b": [5, 5, 6, 6]}'
        names = [function.name, "feature_integer_categorical"]
        space = f"layer_feature_space(features={features}, crosses=[{call}], output_mode=\"concat\")"
        first_two = '{"a": [1, 2], "b": [5, 5]}'
    else:
        kind = next((kind for kind in _EXAMPLE_VALUES if kind in function.name), "float")
        values, names = f'{{"x": {_EXAMPLE_VALUES[kind]}}}', [function.name]
        names += ["layer_rescaling"] if "layer_rescaling" in call else []
        space = f'layer_feature_space(features={{"x": {call}}}, output_mode="concat")'
        first_two = f'{{"x": {_EXAMPLE_VALUES[kind].split(", ")[0]}, {_EXAMPLE_VALUES[kind].split(", ")[1]}]}}'
    return ["import tensorflow as tf  # a feature space adapts to a tf.data dataset, on every backend",
            f"from kerasfn import {', '.join(sorted({*names, 'layer_feature_space', 'adapt', 'as_array'}))}",
            f"space = {space}",
            f"_ = adapt(space, tf.data.Dataset.from_tensor_slices({values}))",
            f"as_array(space({first_two})).round(4)"]


FAMILY = Family(
    name="features",
    title="R keras3's ``feature_*`` specs for ``layer_feature_space()``.",
    rule=("A spec for one input of ``layer_feature_space(features=...)``; it "
          "composes with nothing."),
    names=lambda: sorted(name for name in rkeras3.exports() if name.startswith("feature_")),
    imports=("import keras", "", "from kerasfn.rcall.subjects import constructor"),
    decorator="constructor",
    body=lambda function, params, target: [
        f"    return {target}({', '.join(f'{p.name}={p.name}' for p in params)})"
    ],
    value=lambda function: ["A feature spec (``keras.utils.FeatureSpace`` feature)."],
    example=_example,
    see_also=lambda function: [":func:`layer_feature_space`."],
)
