"""Gaussian splat file formats beyond the PLY and ``.splat`` that :mod:`facelift.gaussians` holds.

- :mod:`facelift.formats.spz`: Niantic's compressed ``.spz``.
"""
