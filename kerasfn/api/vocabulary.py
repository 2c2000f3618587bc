"""R keras3's hand-written exports beyond layers and generated families, gathered for :mod:`kerasfn.exports`.

Model helpers (:mod:`kerasfn.api.model_helpers`), custom classes
(:mod:`kerasfn.api.custom_classes`), ImageNet helpers (:mod:`kerasfn.api.applications`),
dataset loaders (:mod:`kerasfn.api.datasets`), the Keras cache's ``get_file()``
(:mod:`kerasfn.api.cache`), the custom-object registry
(:mod:`kerasfn.api.serialization`) and reticulate's array and iterator helpers
(:mod:`kerasfn.api.reticulate`).  The ``application_*`` constructors and the
one-call utilities, and R keras3's former application names, are generated (:mod:`kerasfn.generated`).
"""

from __future__ import annotations

from kerasfn.api import (
    applications,
    cache,
    custom_classes,
    datasets,
    model_helpers,
    reticulate,
    serialization,
)
from kerasfn.api.layer_class import Layer

_MODULES = (applications, cache, custom_classes, datasets, model_helpers, reticulate, serialization)
#: Names of these modules that are not R keras3 exports (helpers of kerasfn's own).
_INTERNAL = frozenset({"DatasetNotCachedError", "Dataset", "DatasetSplit", "ImagenetPrediction", "KerasConfig",
                       "cache_dir", "cached_file", "custom_class", "with_preprocessing"})

__all__: list[str] = []
for _module in _MODULES:
    for _name in _module.__all__:
        if _name not in _INTERNAL:
            globals()[_name] = getattr(_module, _name)
            __all__.append(_name)

#: R keras3's alias of ``Layer()`` (R/zzz-aliases.R).
new_layer_class = Layer
__all__.append("new_layer_class")
