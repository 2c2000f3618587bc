"""``feature_*``: the feature specs of ``layer_feature_space()``.

R keras3's ``feature_float()``, ``feature_integer_categorical()``, ... are
``keras.utils.FeatureSpace``'s static constructors; each returns a spec for
one input of ``layer_feature_space(features = list(...))``.
"""

from __future__ import annotations

from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import Family

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
    example=lambda function: (
        ["from kerasfn import feature_float, layer_feature_space",
         'space = layer_feature_space(features={"x": feature_float()})',
         "type(space).__name__"] if function.name == "feature_float" else None
    ),
    see_also=lambda function: [":func:`layer_feature_space`."],
)
