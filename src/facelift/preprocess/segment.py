"""Portrait segmentation (person vs background), offline, with mediapipe's bundled selfie model.

The public release removes the background with rembg (U²-Net, downloaded at run time); we use
mediapipe's selfie segmentation (``selfie_segmentation.tflite``, 256×256 input, shipped in the
wheel). It keeps the whole person (hair, neck, shoulders, clothes), as rembg does, which is what
Stage I was trained to see: a head and shoulders on white.

The raw output is a soft probability; we sharpen it around 0.5 so the background goes fully white
while hair edges stay soft, drop blobs that are not connected to the main figure, split people who
touch between their faces, and drop what reaches the head only round a detour (a crowd's head
touching the shoulder).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from PIL import Image
from scipy import ndimage
from skimage.graph import MCP_Geometric

from facelift.preprocess.detect import run_model
from facelift.preprocess.io import downscale_for_detection

#: Longest side of the copy the network sees (it resizes to 256 internally; more only costs).
SEGMENT_MAX_SIDE = 1024
#: Probabilities within 0.5 ± SOFT_BAND / 2 are ramped linearly; outside they are 0 or 1.
SOFT_BAND = 0.5
#: Below a face, vertical distance counts this much (a body hangs below its face).
BODY_DROP = 0.3
#: The head around a face, in face sizes (see ``_in_head``).
HEAD_HALF_WIDTH, HEAD_ABOVE, HEAD_BELOW = 0.7, 1.0, 0.7
#: ``_drop_detours``: below the face's centre, in face sizes, where the body begins (it is
#: left alone); a path inside the mask this many times the straight line, plus the slack in
#: face sizes, is someone else's; the grid (longest side, pixels) the paths are measured on.
CHIN_CUT, DETOUR, DETOUR_SLACK, DETOUR_GRID = 0.6, 1.5, 0.3, 256


def segment_person(rgb: np.ndarray) -> np.ndarray:
    """Foreground (person) alpha for an (H, W, 3) uint8 image.

    Returns:
        (H, W) float32 in [0, 1], 1 on the person.
    """
    alpha, factor = segment_person_small(rgb)
    if factor < 1.0:
        h, w = rgb.shape[:2]
        alpha = np.asarray(Image.fromarray(alpha, mode="F").resize((w, h), Image.Resampling.BILINEAR))
    return np.clip(alpha, 0.0, 1.0).astype(np.float32)


def segment_person_small(rgb: np.ndarray, max_side: int = SEGMENT_MAX_SIDE,
                         focus: tuple[float, float] | None = None,
                         others: Sequence[tuple[float, float, float]] = (),
                         focus_size: float | None = None) -> tuple[np.ndarray, float]:
    """Foreground alpha at a resolution of at most ``max_side``, and its scale relative to ``rgb``.

    For large photos this avoids a full-resolution mask: the framing resamples this one
    straight onto the output canvas. ``focus`` (x, y in ``rgb``'s pixels, e.g. the chosen
    face's centre) picks the person to keep when several are found; default the largest.
    ``others`` (x, y, size) are the other faces in the photo and ``focus_size`` the chosen
    face's size: people who touch form one blob, which is then split between the faces.

    Returns:
        ((h, w) float32 alpha in [0, 1], factor) with h ≈ H · factor, w ≈ W · factor, factor <= 1.
    """
    small, factor = downscale_for_detection(rgb, max_side)
    result = run_model("segment", small)
    prob = np.asarray(result.segmentation_mask, dtype=np.float32)
    alpha = np.clip((prob - 0.5) / SOFT_BAND + 0.5, 0.0, 1.0)
    if focus is None:
        return _keep_main_component(alpha).astype(np.float32), factor
    focus = (focus[0] * factor, focus[1] * factor)
    kept = _keep_main_component(alpha, focus)
    if others and focus_size:
        kept = _split_from_others(kept, focus, focus_size * factor,
                                  [(x * factor, y * factor, size * factor) for x, y, size in others])
    if focus_size:  # after the split, which needs the neighbours' heads to find them on the blob
        kept = _drop_detours(kept, focus, focus_size * factor)
    return kept.astype(np.float32), factor


def _drop_detours(alpha: np.ndarray, focus: tuple[float, float], focus_size: float) -> np.ndarray:
    """Drop what lies beside the framed head but is reached from it only the long way round.

    A blurred crowd behind a portrait has no detectable faces to split off, yet a head in it
    that touches the framed person's raised shoulder joins the main blob and would be framed
    beside the face. Within the mask, the framed head's hair, ears and hat are reached from the
    face's centre almost in a straight line, its shoulders by a short detour through the neck;
    a neighbour's head only down the neck, along the shoulder and back up. Above ``CHIN_CUT``
    face sizes below the face's centre (the body below is left alone), pixels whose path inside
    the mask is longer than ``DETOUR`` times the straight line (plus ``DETOUR_SLACK`` face
    sizes) are dropped, with the soft rim around them.
    """
    h, w = alpha.shape
    step = max(1, int(np.ceil(max(h, w) / DETOUR_GRID)))  # the path lengths need no more detail
    inside = alpha[::step, ::step] > 0.5
    fy, fx = int(np.clip(focus[1] / step, 0, inside.shape[0] - 1)), int(np.clip(focus[0] / step, 0, inside.shape[1] - 1))
    if not inside[fy, fx]:
        return alpha
    cost = np.where(inside, 1.0, np.inf)
    path, _ = MCP_Geometric(cost).find_costs([(fy, fx)])
    yy, xx = np.mgrid[0:inside.shape[0], 0:inside.shape[1]]
    straight = np.hypot(yy - fy, xx - fx)
    size = focus_size / step
    above = (yy * step) < focus[1] + CHIN_CUT * focus_size
    detour = inside & above & (path > DETOUR * straight + DETOUR_SLACK * size)
    if not detour.any():
        return alpha
    # One grid cell wider, so no sliver of the dropped blob's edge falls between the samples.
    detour = ndimage.binary_dilation(detour, iterations=1)
    detour = np.repeat(np.repeat(detour, step, 0), step, 1)[:h, :w]
    labels, _ = ndimage.label((alpha > 0.5) & ~detour)
    main = labels[fy * step, fx * step]
    if main == 0:
        return alpha
    kept = labels == main
    # Keep the soft rim of what stays; the rim of what goes goes with it.
    support = ndimage.binary_dilation(kept, iterations=3)
    return np.where(support, alpha, 0.0).astype(np.float32)


def _split_from_others(alpha: np.ndarray, focus: tuple[float, float], focus_size: float,
                       others: Sequence[tuple[float, float, float]]) -> np.ndarray:
    """Remove from ``alpha`` the pixels that belong to another face's person.

    Segmentation finds *people*, and people standing shoulder to shoulder are one blob: the
    framed head would come back with a neighbour's face beside it. Each pixel goes to the face
    it is nearest to in units of that face's size (a nearer, larger person claims more); only
    faces lying on the kept blob take part, so a separate person cannot cut into this one.
    Below a face, vertical distance counts ``BODY_DROP`` times as much as horizontal, except on
    the framed person's own head.
    """
    h, w = alpha.shape
    on_blob = [(x, y, size) for x, y, size in others
               if 0 <= int(y) < h and 0 <= int(x) < w and alpha[int(y), int(x)] > 0.5 and size > 0]
    if not on_blob:
        return alpha
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)

    # On the framed person's own head (hair on top included) plain distance decides: the body
    # of someone standing behind would claim it otherwise.
    head = _in_head(xx - focus[0], yy - focus[1], focus_size)

    def distance(x: float, y: float, size: float) -> np.ndarray:
        # A person is a face with a body hanging below it: below the face, what decides is
        # mostly how far to the side a pixel is (a standing neighbour's shirt lies right beside
        # a seated person's face, but under the neighbour's own).
        dy = yy - y
        return np.hypot(xx - x, np.where(head | (dy < 0), dy, dy * BODY_DROP)) / size

    mine = distance(*focus, focus_size)
    theirs = np.min([distance(x, y, size) for x, y, size in on_blob], axis=0)
    return np.where(mine <= theirs, alpha, 0.0).astype(np.float32)


def _in_head(dx: np.ndarray, dy: np.ndarray, size: float) -> np.ndarray:
    """Whether offsets (dx, dy) from a face's centre lie on its head: an ellipse HEAD_HALF_WIDTH
    face sizes to each side, HEAD_ABOVE above and HEAD_BELOW below (the face detector's box is
    the face alone; hair and the head's sides lie outside it)."""
    down = np.where(dy < 0, HEAD_ABOVE, HEAD_BELOW)
    return (dx / (HEAD_HALF_WIDTH * size)) ** 2 + (dy / (down * size)) ** 2 <= 1.0


def _keep_main_component(alpha: np.ndarray, focus: tuple[float, float] | None = None) -> np.ndarray:
    """Zero out foreground blobs not connected to the main one: the blob at (or nearest to)
    ``focus`` (x, y pixels), else the largest. In a group photo the largest blob may be
    another person than the face being framed."""
    labels, count = ndimage.label(alpha > 0.5)
    if count <= 1:
        return alpha
    if focus is not None:
        h, w = alpha.shape
        x = int(np.clip(focus[0], 0, w - 1))
        y = int(np.clip(focus[1], 0, h - 1))
        if labels[y, x] == 0:  # the face's centre fell in a hole: take the nearest blob
            iy, ix = ndimage.distance_transform_edt(labels == 0, return_distances=False, return_indices=True)
            y, x = iy[y, x], ix[y, x]
        main = int(labels[y, x])
    else:
        sizes = ndimage.sum_labels(np.ones_like(alpha), labels, index=np.arange(1, count + 1))
        main = 1 + int(np.argmax(sizes))
    # Keep the soft rim around the main blob: dilate its support a little.
    support = ndimage.binary_dilation(labels == main, iterations=3)
    return np.where(support, alpha, 0.0).astype(np.float32)


def composite_on_white(rgb: np.ndarray, alpha: np.ndarray | None, background=(255, 255, 255)) -> np.ndarray:
    """``rgb`` (H, W, 3) uint8 composited over a flat ``background`` with ``alpha`` (H, W) in [0, 1]."""
    if alpha is None:
        return rgb
    a = alpha[..., None].astype(np.float32)
    bg = np.asarray(background, dtype=np.float32)
    out = rgb.astype(np.float32) * a + bg * (1.0 - a)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)
