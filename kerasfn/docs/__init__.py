"""kerasfn's documentation tooling: ``man/`` pages from the R-help-shaped
docstrings (:mod:`kerasfn.docs.man`) and executed vignettes
(:mod:`kerasfn.docs.vignettes`).  ``python -m kerasfn.docs`` regenerates both."""
