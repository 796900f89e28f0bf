"""Gaussian splat file formats beyond the PLY and ``.splat`` that :mod:`facelift.gaussians` holds.

- :mod:`facelift.formats.spz`: Niantic's compressed ``.spz``.
- :mod:`facelift.formats.html`: a self-contained web page that shows a head as splats.
- :mod:`facelift.formats.mesh`: a watertight vertex-coloured mesh of a head (``.glb``, ``.obj``).
"""
