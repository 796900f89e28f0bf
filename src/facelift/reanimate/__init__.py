"""2D face reanimation: a photo moved by a driving video, frame by frame (paper §4.5).

FaceLift animates a head in 3D by reanimating the photo in 2D and lifting every animated
frame (:mod:`facelift.animate`). Any reanimator fits that takes the photo, the current
driving frame and the driving video's first frame (motion is taken relative to it) and
returns the animated photo:

>>> reanimator = LandmarkReanimator()                       # doctest: +SKIP
>>> frame = reanimator(photo, driving_frame, first_frame)   # (H, W, 3) uint8, photo's size

Two are provided:

- :class:`~facelift.reanimate.landmarks.LandmarkReanimator` (``"landmarks"``, built in,
  offline): MediaPipe face-mesh pose and expression transfer and a mesh-based warp.
- :class:`~facelift.reanimate.liveportrait.LivePortraitReanimator` (``"liveportrait"``): the
  method the paper used, when the user has LivePortrait and its weights.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from facelift.errors import FaceliftError


@runtime_checkable
class Reanimator(Protocol):
    """Source image + driving frame -> reanimated image.

    ``source``: (H, W, 3) uint8, the photo (framed, on white); ``driving``: (h, w, 3) uint8,
    the current driving frame; ``first``: the driving video's first kept frame, the rest
    pose the motion is measured from. Returns (H, W, 3) uint8 in the source's framing;
    with ``driving`` equal to ``first`` that is the source itself (up to resampling).
    Raises :class:`facelift.errors.FaceliftError` when a face cannot be found.
    """

    name: str

    def __call__(self, source: np.ndarray, driving: np.ndarray, first: np.ndarray) -> np.ndarray: ...


REANIMATORS = ("landmarks", "liveportrait")


def make_reanimator(name: str, liveportrait_dir: str | Path | None = None, device: str | None = None) -> Reanimator:
    """The reanimator called ``name`` (:data:`REANIMATORS`), ready to run.

    ``liveportrait_dir``: the LivePortrait checkout with its ``pretrained_weights`` (else
    ``$LIVEPORTRAIT_DIR``). Fails with one line when it is missing, before any FaceLift weights load.
    """
    if name == "landmarks":
        from facelift.reanimate.landmarks import LandmarkReanimator

        return LandmarkReanimator()
    if name == "liveportrait":
        from facelift.reanimate.liveportrait import LivePortraitReanimator

        return LivePortraitReanimator.from_checkout(liveportrait_dir, device=device)
    raise FaceliftError(f"unknown reanimator {name!r} (choose from {', '.join(REANIMATORS)})")


__all__ = ["REANIMATORS", "Reanimator", "make_reanimator"]
