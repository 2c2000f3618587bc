"""kerasfn's hand-written API: the model verbs and helpers R keras3 writes by hand.

``compile()``, ``fit()`` and the other verbs (:mod:`kerasfn.api.verbs`), the
model constructors (:mod:`kerasfn.api.models`), custom classes, saving, the
utilities and the helpers the generated functions call (ImageNet
preprocessing in :mod:`kerasfn.api.applications`).  Everything R keras3
generates from Keras' classes is in :mod:`kerasfn.generated`, which builds on
these modules; :mod:`kerasfn.exports` gathers both into the package's names.
"""
