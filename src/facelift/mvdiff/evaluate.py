"""Stage I's evaluation is :mod:`facelift.eval.mvdiff`; this name is kept only for
:mod:`facelift.refine.optimize`, which imports :func:`foreground` from here (the silhouette rule
lives in :mod:`facelift.eval.metrics`). Drop it once refine imports it from there."""

from facelift.eval.metrics import FOREGROUND_DELTA, foreground

__all__ = ["FOREGROUND_DELTA", "foreground"]
