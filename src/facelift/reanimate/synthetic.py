"""A driving clip made from one face photo: the head nods and the mouth opens, on known curves.

The tests and ``benchmarks/bench_animate.py`` need a driving video whose motion is known
without shipping one: the face's own landmarks are moved (a pitch rotation about the face's
centre; the lower lip, chin and jaw dropped) and the photo is warped onto them with
:func:`facelift.reanimate.warp.warp_face`, which also draws the opened mouth's inside.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from facelift.reanimate.warp import LOWER_LIP_CENTER, UPPER_LIP_CENTER, warp_face

#: Image-left and image-right mouth corners and cheek sides of the face mesh.
MOUTH_CORNERS = (61, 291)
CHEEKS = (234, 454)


@dataclass
class DrivingClip:
    """Frames and the motion that made them.

    Attributes:
        frames: T (H, W, 3) uint8 frames.
        pitch: (T,) degrees of nod applied (positive: chin down).
        jaw: (T,) jaw drop applied, as a share of the face's width.
    """

    frames: list[np.ndarray]
    pitch: np.ndarray
    jaw: np.ndarray


def drop_jaw(landmarks: np.ndarray, amount: float) -> np.ndarray:
    """``landmarks`` (478, 3) with the lower lip, chin and jaw moved down by ``amount`` × face width,
    fading toward the sides of the face."""
    out = np.array(landmarks, np.float64, copy=True)
    mid = 0.5 * (landmarks[UPPER_LIP_CENTER, 1] + landmarks[LOWER_LIP_CENTER, 1])
    centre = landmarks[list(MOUTH_CORNERS), 0].mean()
    width = landmarks[CHEEKS[1], 0] - landmarks[CHEEKS[0], 0]
    below = landmarks[:, 1] > mid
    weight = below * np.exp(-((landmarks[:, 0] - centre) / (0.45 * width)) ** 4)
    out[:, 1] += amount * width * weight
    return out


def nod(landmarks: np.ndarray, degrees: float) -> np.ndarray:
    """``landmarks`` (478, 3) turned about the image's x axis through the face's centre (chin down for > 0)."""
    a = np.radians(degrees)
    rotation = np.array([[1.0, 0.0, 0.0], [0.0, np.cos(a), -np.sin(a)], [0.0, np.sin(a), np.cos(a)]])
    centre = landmarks[:468].mean(0)
    return centre + (landmarks - centre) @ rotation.T


def nodding_talking_clip(image: np.ndarray, landmarks: np.ndarray, frames: int = 8, pitch: float = 10.0,
                         jaw: float = 0.12) -> DrivingClip:
    """A clip of ``image``'s face nodding (one cycle, ±``pitch`` degrees) while the mouth opens
    and closes twice (up to ``jaw`` of the face width), frame 0 at rest.

    Args:
        image: (H, W, 3) uint8; landmarks: its (478, 3) face mesh.
    """
    t = np.arange(frames) / max(frames, 1)
    pitches = pitch * np.sin(2 * np.pi * t)
    jaws = jaw * 0.5 * (1 - np.cos(4 * np.pi * t))
    out = [warp_face(image, landmarks, drop_jaw(nod(landmarks, p), j)) for p, j in zip(pitches, jaws)]
    return DrivingClip(out, pitches, jaws)
