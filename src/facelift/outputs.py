"""What a reconstruction writes (SPEC §1): one folder per input.

``OUT/<stem>/`` holds ``input.png`` (the preprocessed input), ``views.png`` (the 6 views
of Stage I as a 3x2 grid, in :data:`facelift.cameras.VIEW_NAMES` order, row by row),
``gaussians.<format>`` for each format of the ``--format`` list (``gaussians.ply`` by default;
any of :data:`facelift.formats.write.FORMATS`, always at least one Gaussian file: the folder's
head, which :func:`head_file` finds; ``.html``, ``.glb`` and ``.obj`` are extras beside it),
``turntable.mp4`` and ``cameras.json``.
The folder is assembled under a temporary name and renamed when complete, so a killed
run never leaves a half-written result that a rerun would mistake for a finished one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from facelift.atomic import atomic_dir, atomic_write_text
from facelift.cameras import FOV_DEG, RADIUS, VIEW_NAMES, Camera, opencv_to_opengl, turntable_cameras
from facelift.errors import FaceliftError
from facelift.formats.write import parse_formats, write_head
from facelift.formats.splats import SPLAT_SUFFIXES
from facelift.gaussians import Gaussians
from facelift.media import image_grid, save_image, write_video
from facelift.turntable import render_turntable

OUTPUT_FILES = ("input.png", "views.png", "turntable.mp4", "cameras.json")


@dataclass
class TurntableSpec:
    frames: int = 150
    size: int = 512
    elevation: float = 0.0
    radius: float = RADIUS
    fov: float = FOV_DEG
    fps: float = 30.0


def expected_files(format: str | Sequence[str] = "ply") -> list[str]:
    """The files of a finished result folder for ``format``: one name, ``"ply,spz,glb"`` or a
    sequence (:func:`facelift.formats.write.parse_formats`)."""
    return [*OUTPUT_FILES, *(f"gaussians.{f}" for f in parse_formats(format))]


def is_complete(folder: Path, format: str | Sequence[str] = "ply") -> bool:
    """Whether ``folder`` holds every file :func:`expected_files` names (a rerun then skips it)."""
    return folder.is_dir() and all((folder / name).is_file() for name in expected_files(format))


def head_file(folder: str | Path) -> Path:
    """The Gaussian file of a reconstruction folder: ``gaussians.ply``, else ``.splat``, else ``.spz``."""
    folder = Path(folder)
    for suffix in SPLAT_SUFFIXES:
        if (folder / f"gaussians{suffix}").is_file():
            return folder / f"gaussians{suffix}"
    names = ", ".join(f"gaussians{s}" for s in SPLAT_SUFFIXES)
    raise FaceliftError(f"{folder}: no head in this folder (looked for {names})")


def head_path(path: str | Path) -> Path:
    """The Gaussian file a command reads for HEAD: a ``.ply`` / ``.splat`` / ``.spz`` file itself, or
    a reconstruction folder's head (:func:`head_file`). One-line :class:`FaceliftError` otherwise."""
    path = Path(path)
    if path.is_dir():
        return head_file(path)
    if not path.exists():
        raise FaceliftError(f"{path}: no such file or folder")
    if path.suffix.lower() not in SPLAT_SUFFIXES:
        raise FaceliftError(f"{path}: expected a .ply, .splat or .spz file, or a facelift reconstruct folder")
    return path


def load_head(path: str | Path, purpose: str) -> tuple[Path, Gaussians]:
    """The file :func:`head_path` names and its Gaussians, refusing a head with none
    ("<file>: the head has no Gaussians; nothing to <purpose>"): what ``render`` and ``export`` read."""
    from facelift.formats.splats import load_gaussians

    source = head_path(path)
    gaussians = load_gaussians(source)
    if len(gaussians) == 0:
        raise FaceliftError(f"{source}: the head has no Gaussians; nothing to {purpose}")
    return source, gaussians


def _camera_entry(cam: Camera, name: str) -> dict:
    return {
        "name": name,
        "c2w_opencv": cam.c2w.double().tolist(),
        "transform_matrix": opencv_to_opengl(cam.c2w.double()).tolist(),
        "fl_x": float(cam.fx), "fl_y": float(cam.fy), "cx": float(cam.cx), "cy": float(cam.cy),
        "w": cam.width, "h": cam.height,
    }


def cameras_record(view_cameras: Camera, turntable: TurntableSpec, extra: dict | None = None) -> dict:
    """The cameras used, so a result can be reproduced: the 6 input views and the turntable orbit.

    ``transform_matrix`` is camera-to-world in the OpenGL convention (nerfstudio);
    ``c2w_opencv`` the same pose in the OpenCV convention the models use.
    """
    tt = turntable_cameras(turntable.frames, turntable.elevation, turntable.radius, turntable.fov, turntable.size)
    return {
        "convention": "world Z-up, face toward -Y; c2w_opencv: OpenCV camera-to-world; "
                      "transform_matrix: OpenGL camera-to-world (nerfstudio)",
        "views": [_camera_entry(view_cameras[i], name) for i, name in enumerate(VIEW_NAMES[: len(view_cameras)])],
        "turntable": {
            "frames": turntable.frames, "fps": turntable.fps, "elevation": turntable.elevation,
            "radius": turntable.radius, "fov": turntable.fov, "size": turntable.size,
            "cameras": [_camera_entry(tt[i], f"turntable_{i:05d}") for i in range(turntable.frames)],
        },
        **(extra or {}),
    }


def write_result(
    folder: str | Path,
    input_image: Image.Image,
    views: list[Image.Image],
    view_cameras: Camera,
    gaussians: Gaussians,
    turntable: TurntableSpec,
    format: str | Sequence[str] = "ply",
    extra: dict | None = None,
    progress: bool = True,
) -> Path:
    """Write every output of one reconstruction into ``folder`` (atomically, as a whole).

    ``format``: the head's formats, e.g. ``"ply"``, ``"ply,spz,glb"`` or a sequence of names;
    each is written as ``gaussians.<format>`` in its default axes (Gaussian files and the page in
    our Z-up world, meshes Y-up: :mod:`facelift.formats.write`).
    """
    formats = parse_formats(format)
    folder = Path(folder)
    with atomic_dir(folder) as tmp:
        input_image.convert("RGB").save(tmp / "input.png")
        tiles = [np.asarray(v.convert("RGB")) for v in views]
        save_image(tmp / "views.png", image_grid(tiles, columns=3))
        for name in formats:
            write_head(gaussians, tmp / f"gaussians.{name}")
        write_video(tmp / "turntable.mp4", render_turntable(
            gaussians, frames=turntable.frames, size=turntable.size, elevation=turntable.elevation,
            radius=turntable.radius, fov=turntable.fov, progress=progress), fps=turntable.fps)
        atomic_write_text(tmp / "cameras.json", json.dumps(cameras_record(view_cameras, turntable, extra), indent=1))
    return folder


def output_names(paths: list[Path]) -> list[str]:
    """One folder (or report) name per input: the file stem, made unique when two inputs share it."""
    counts: dict[str, int] = {}
    names = []
    for p in paths:
        stem = p.stem if p.is_file() or p.suffix else p.name
        n = counts.get(stem, 0)
        counts[stem] = n + 1
        names.append(stem if n == 0 else f"{stem}_{n}")
    return names
