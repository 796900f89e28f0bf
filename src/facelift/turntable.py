"""360° orbit renders of a Gaussian set (SPEC §3: elevation 0, starting from the front)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import torch
from tqdm.auto import tqdm

from facelift.cameras import FOV_DEG, RADIUS, turntable_cameras
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.media import VIDEO_SUFFIXES, write_frames, write_video
from facelift.render import rasterize

NAMED_BACKGROUNDS = {"white": (1.0, 1.0, 1.0), "black": (0.0, 0.0, 0.0), "grey": (0.5, 0.5, 0.5),
                     "gray": (0.5, 0.5, 0.5)}


def parse_background(text: str) -> tuple[float, float, float]:
    """``white``, ``black``, ``grey``, ``R,G,B`` in [0, 1], or ``R,G,B`` bytes in [0, 255]."""
    text = text.strip().lower()
    if text in NAMED_BACKGROUNDS:
        return NAMED_BACKGROUNDS[text]
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 3 or any(v < 0 for v in values):
        raise FaceliftError(f"background {text!r}: expected white, black, grey or R,G,B")
    if max(values) > 1.0:
        if max(values) > 255:
            raise FaceliftError(f"background {text!r}: byte values must be <= 255")
        values = tuple(v / 255.0 for v in values)
    return values  # type: ignore[return-value]


def render_turntable(
    gaussians: Gaussians,
    frames: int = 60,
    size: int = 512,
    elevation: float = 0.0,
    radius: float = RADIUS,
    fov: float = FOV_DEG,
    background: tuple[float, float, float] = (1.0, 1.0, 1.0),
    progress: bool = True,
) -> Iterator[torch.Tensor]:
    """Yield ``frames`` (size, size, 3) renders orbiting the origin; one frame in memory at a time."""
    cameras = turntable_cameras(frames, elevation=elevation, radius=radius, fov=fov, size=size)
    gaussians = gaussians.detach()
    with torch.no_grad():
        for i in tqdm(range(frames), desc="turntable", unit="frame", disable=not progress):
            yield rasterize(gaussians, cameras[i], background=background).rgb


def is_video_path(out: str | Path) -> bool:
    """True for a video file name, False for a folder name; raises for anything else."""
    out = Path(out)
    if out.suffix.lower() in VIDEO_SUFFIXES:
        return True
    if out.suffix and not out.is_dir():
        raise FaceliftError(f"{out}: unknown output type {out.suffix!r}; use .mp4 (or another video suffix) "
                            "or a folder name for PNG frames")
    return False


def save_turntable(out: str | Path, gaussians: Gaussians, fps: float = 30.0, **kwargs) -> int:
    """Render a turntable into ``out``: a video when it has a video suffix, else a folder of PNGs."""
    video = is_video_path(out)
    frames = render_turntable(gaussians, **kwargs)
    return write_video(out, frames, fps=fps) if video else write_frames(out, frames)
