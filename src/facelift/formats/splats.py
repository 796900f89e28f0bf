"""Gaussian files by suffix: the standard 3DGS ``.ply`` and ``.splat`` (:mod:`facelift.gaussians`)
and the compressed ``.spz`` (:mod:`facelift.formats.spz`).

The dispatch lives here, above both, so the data type does not import a format that builds it.
"""

from __future__ import annotations

from pathlib import Path

from facelift.errors import FaceliftError
from facelift.formats.spz import load_spz, save_spz
from facelift.gaussians import Gaussians

#: The Gaussian file types :func:`load_gaussians` reads and :func:`save_gaussians` writes.
SPLAT_SUFFIXES = (".ply", ".splat", ".spz")


def save_gaussians(g: Gaussians, path: str | Path) -> None:
    """Save by extension: ``.ply``, ``.splat`` or ``.spz`` (atomic)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".ply":
        g.save_ply(path)
    elif suffix == ".splat":
        g.save_splat(path)
    elif suffix == ".spz":
        save_spz(g, path)
    else:
        raise FaceliftError(f"{path}: unknown Gaussian file type {suffix!r} (use .ply, .splat or .spz)")


def load_gaussians(path: str | Path) -> Gaussians:
    """Load by extension: ``.splat``, ``.spz``, else the PLY reader (which names what is wrong)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".splat":
        return Gaussians.load_splat(path)
    if suffix == ".spz":
        return load_spz(path)
    return Gaussians.load_ply(path)


__all__ = ["SPLAT_SUFFIXES", "load_gaussians", "save_gaussians"]
