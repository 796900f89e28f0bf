"""A head written in any export format, picked by the file's suffix: the one dispatch that
``facelift export`` and a reconstruction's ``--format`` list share.

Formats: Gaussian files (``.ply``, ``.splat``, ``.spz``: :mod:`facelift.formats.splats`), the web page
(``.html``: :mod:`facelift.formats.html`) and meshes (``.glb``, ``.obj``, and ``.ply`` when a
mesh is asked for: :mod:`facelift.formats.mesh`). The writers are imported when used, so the
CLI, which imports this module for its argument checks, does not load numba or trimesh.

Up axis (``up``, :mod:`facelift.formats.axes`): our world is Z-up with the face toward -Y
(:mod:`facelift.cameras`). ``"y"`` turns the head first, (x, y, z) -> (x, z, -y), so +Y is up and
the face looks toward +Z: the frame of glTF, three.js and most web viewers. The default is each format's
own convention: ``"y"`` for meshes (glTF requires it; Blender's OBJ importer assumes it),
``"z"`` (our world, unconverted) for Gaussian files and the page, so they match the
reconstruction's cameras and ``facelift render`` / ``view``. Turning a set rotates its means,
orientations and SH coefficients (:meth:`Gaussians.transformed`), so nothing of its look is lost.
An ``.spz`` stores the turned numbers unconverted (its ``axes="ply"``, :mod:`facelift.formats.spz`),
so a Y-up ``.spz`` is Y-up in the readers that take the numbers as stored (Spark, splat-transform).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from facelift.errors import FaceliftError
from facelift.formats.axes import UP_AXES, Z_UP_TO_Y_UP, Up, turn_up

if TYPE_CHECKING:
    from facelift.gaussians import Gaussians

#: Formats by kind, as names (the suffix without its dot).
GAUSSIAN_FORMATS = ("ply", "splat", "spz")
PAGE_FORMATS = ("html",)
MESH_FORMATS = ("glb", "obj")
#: Every format a reconstruction's ``--format`` list and ``facelift export -o`` take.
FORMATS = GAUSSIAN_FORMATS + PAGE_FORMATS + MESH_FORMATS
#: Suffixes that always mean a mesh; ``.ply`` is one only when a mesh is asked for.
MESH_SUFFIXES = tuple(f".{f}" for f in MESH_FORMATS)
MESH_PLY = ".ply"


def parse_formats(formats: str | Sequence[str]) -> tuple[str, ...]:
    """The formats of a reconstruction folder: ``"ply,spz"`` (or a sequence of names) -> ``("ply", "spz")``.

    Names are lower-cased and stripped, repeats dropped (first place kept). The folder's head is
    a Gaussian file, so when the list names none, ``ply`` comes first; ``html``, ``glb`` and
    ``obj`` are extras written beside it. Raises a one-line :class:`FaceliftError` naming an
    unknown or empty entry.
    """
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    names: list[str] = []
    for item in items:
        name = str(item).strip().lower().lstrip(".")
        if not name:
            raise FaceliftError(f"--format {_show(formats)}: empty entry; give names like ply,spz,glb")
        if name not in FORMATS:
            raise FaceliftError(f"--format {_show(formats)}: unknown format {name!r}; use any of {','.join(FORMATS)}")
        if name not in names:
            names.append(name)
    if not any(n in GAUSSIAN_FORMATS for n in names):
        names.insert(0, "ply")
    return tuple(names)


def _show(formats: str | Sequence[str]) -> str:
    return formats if isinstance(formats, str) else ",".join(map(str, formats))


def is_mesh(path: str | Path, mesh: bool = False) -> bool:
    """Whether ``path`` is written as a mesh: a mesh suffix, or ``.ply`` with ``mesh``."""
    suffix = Path(path).suffix.lower()
    return suffix in MESH_SUFFIXES or (mesh and suffix == MESH_PLY)


def default_up(path: str | Path, mesh: bool = False) -> Up:
    """The up axis a format is written in unless told: Y for meshes, our Z otherwise."""
    return "y" if is_mesh(path, mesh) else "z"


def check_export(path: str | Path, faces: int | None = None, up: str | None = None, mesh: bool = False) -> None:
    """Every check on an export that needs no loading: the suffix names a format, and the options fit it."""
    path = Path(path)
    suffix = path.suffix.lower()
    known = [f".{f}" for f in FORMATS]
    if suffix not in known:
        what = f"unknown output type {suffix!r}" if suffix else "no suffix to say the output type"
        raise FaceliftError(f"{path}: {what}; use one of {', '.join(known)}")
    if mesh and not is_mesh(path, mesh):
        raise FaceliftError(f"{path}: --mesh writes {', '.join(MESH_SUFFIXES + (MESH_PLY,))} only")
    if faces is not None and not is_mesh(path, mesh):
        raise FaceliftError(f"{path}: --faces applies to mesh output ({', '.join(MESH_SUFFIXES)}, "
                            f"or .ply with --mesh) only")
    if faces is not None and faces < 4:
        raise FaceliftError(f"--faces {faces}: a closed mesh needs at least 4 faces")
    if up is not None and up not in UP_AXES:
        raise FaceliftError(f"--up {up!r}: use y or z")


@dataclass
class Written:
    """What :func:`write_head` wrote: the file, its size, and the mesh's size (None for splats)."""

    path: Path
    bytes: int
    gaussians: int
    up: Up
    faces: int | None = None
    vertices: int | None = None

    def describe(self) -> str:
        what = (f"{self.faces} faces, {self.vertices} vertices" if self.faces is not None
                else f"{self.gaussians} Gaussians")
        return f"{self.path} ({what}, {self.bytes / 1e6:.2f} MB, {self.up.upper()} up)"


def write_head(gaussians: "Gaussians", path: str | Path, faces: int | None = None, up: Up | None = None,
               mesh: bool = False) -> Written:
    """Write ``gaussians`` (our world frame) to ``path`` in the format its suffix names, atomically.

    Args:
        gaussians: N > 0 Gaussians.
        path: ``.ply``, ``.splat``, ``.spz``, ``.html``, ``.glb`` or ``.obj``.
        faces: meshes only: decimate to about this many faces (None: the full mesh).
        up: ``"y"`` or ``"z"``, the file's up axis (None: the format's own, :func:`default_up`).
        mesh: write a ``.ply`` as a vertex-coloured mesh rather than Gaussians.

    Raises :class:`FaceliftError` (one line) for a bad path or option, an empty head, or a head
    with no surface to mesh; nothing is written then.
    """
    path = Path(path)
    check_export(path, faces=faces, up=up, mesh=mesh)
    if len(gaussians) == 0:
        raise FaceliftError(f"{path}: the head has no Gaussians; nothing to write")
    up = up or default_up(path, mesh)
    suffix = path.suffix.lower()
    if is_mesh(path, mesh):
        from facelift.formats.mesh import head_mesh, save_mesh

        surface = head_mesh(gaussians, faces=faces)
        save_mesh(surface, path, up=up)
        return Written(path, path.stat().st_size, len(gaussians), up, len(surface.faces), len(surface.vertices))
    if suffix == ".html":
        from facelift.formats.html import save_html

        save_html(gaussians, path, up=up)
    else:
        from facelift.formats.splats import save_gaussians

        save_gaussians(turn_up(gaussians, up), path)
    return Written(path, path.stat().st_size, len(gaussians), up)


__all__ = ["FORMATS", "GAUSSIAN_FORMATS", "MESH_FORMATS", "PAGE_FORMATS", "UP_AXES", "Up", "Written",
           "Z_UP_TO_Y_UP", "check_export", "default_up", "is_mesh", "parse_formats", "turn_up", "write_head"]
