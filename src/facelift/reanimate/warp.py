"""Move a face image so that its face-mesh landmarks land on new positions.

The warp is piecewise affine over MediaPipe's face-mesh triangles (each destination
triangle samples its source triangle), so a landmark that moves carries exactly its own
patch of skin with it. The tessellation leaves the eyes and the mouth open; they are closed
here by triangulating each hole's ring (the irises inside the eyes), so eyelids and lips pull
what lies between them along. Outside the face (hair, ears, neck) a thin-plate spline
carries the motion of the face's outline outward, through a ring that moves rigidly with
the head, to the image border, which stays put: a nod moves the hair with the face and
leaves the shoulders where they are.

When the lips part wider than in the source, the opening shows the inside of a mouth (a
cavity, dark under the upper lip and tongue-coloured toward the lower one, with the photo's
own teeth where its mouth shows them, else a band of upper teeth); a warp alone would only
stretch the lips.

Coordinates are pixels in the continuous convention of :mod:`facelift.preprocess.detect`
(pixel (i, j) has its centre at (i + 0.5, j + 0.5)).
"""

from __future__ import annotations

import cv2
import numpy as np
from scipy.interpolate import RBFInterpolator
from scipy.spatial import Delaunay, QhullError

from facelift.preprocess.crop import FACE_OVAL
from facelift.refine.face_prior import mesh_triangles

#: The eyes' rings in the face mesh (image-left eye, image-right eye) and the irises'
#: five points each (landmarks 468-477 of the refined mesh).
EYE_RINGS = (
    (33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246),
    (263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466),
)
IRISES = (tuple(range(468, 473)), tuple(range(473, 478)))
#: The lips' inner ring, corner to corner along the upper lip, then back along the lower lip.
INNER_LIPS = (78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95)
UPPER_INNER_LIP = INNER_LIPS[:11]
UPPER_LIP_CENTER, LOWER_LIP_CENTER = 13, 14
#: The ring that moves rigidly with the head, as a multiple of the face outline's size about its centre.
RIGID_RING_SCALE = 1.6
#: Border anchors per image side (they do not move).
BORDER_ANCHORS = 12
#: The spline is evaluated on a grid this many pixels apart and resampled (it is smooth).
SPLINE_STRIDE = 8
#: Lip parting (inner-lip gap over the face outline's height) at which the mouth's inside
#: starts to show, and at which it is fully drawn.
MOUTH_SHOW = (0.01, 0.04)
#: The inside of the mouth: cavity and teeth colours (RGB), the teeth band's depth as a share
#: of the opening (both teeth used only when the photo's own mouth is closed), and the edge's
#: softness in pixels.
CAVITY_RGB = (96, 40, 44)
#: The tongue's colour (RGB), reached at the lower lip from this share of the opening down.
TONGUE_RGB = (160, 74, 80)
TONGUE_FROM = 0.35
#: The share of the photo's mouth opening, from the upper lip down, that moves with the upper
#: lip (a smile shows mostly upper teeth); the rest moves with the lower lip.
UPPER_TEETH_SHARE = 0.5
TEETH_RGB = (222, 216, 204)
TEETH_DEPTH = 0.28
MOUTH_FEATHER_PX = 1.2
#: A photo's mouth opening of at least this area (pixels²) is taken to show its teeth.
MIN_TEETH_PX = 20.0


def _ring_triangles(points: np.ndarray, ring: tuple[int, ...], inside: tuple[int, ...] = ()) -> np.ndarray:
    """Triangles (indices into the mesh) filling the polygon ``ring``, with points ``inside`` it.

    Delaunay of the ring's points, keeping the triangles whose centroid lies inside the ring
    (the convex hull of a curved mouth would otherwise reach over the lips).
    """
    index = np.array(ring + inside)
    try:
        tri = Delaunay(points[index, :2]).simplices
    except (QhullError, ValueError):  # a ring flat to a line (a closed mouth, squarely)
        return np.zeros((0, 3), np.int64)
    polygon = points[list(ring), :2].astype(np.float32)
    centroids = points[index[tri], :2].mean(1)
    keep = [cv2.pointPolygonTest(polygon, (float(x), float(y)), False) >= 0 for x, y in centroids]
    return index[tri[np.array(keep, bool)]] if len(tri) else np.zeros((0, 3), np.int64)


def face_triangles(source: np.ndarray) -> np.ndarray:
    """(T, 3) triangles over the face, holes closed: eyes (with irises) and mouth first, then
    the tessellation (drawn last, so it wins where they overlap).

    Args:
        source: (L, 2+) landmarks that set the holes' triangulation (L = 468 or 478).
    """
    mesh = mesh_triangles()
    if mesh is None:  # a mediapipe without the tessellation: triangulate the points
        return Delaunay(source[:468, :2]).simplices.astype(np.int64)
    holes = [_ring_triangles(source, INNER_LIPS)]
    for ring, iris in zip(EYE_RINGS, IRISES):
        holes.append(_ring_triangles(source, ring, iris if len(source) > max(iris) else ()))
    return np.concatenate(holes + [mesh]).astype(np.int64)


def triangle_map(points: np.ndarray, triangles: np.ndarray, height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Which triangle covers each pixel centre, and where in it.

    Args:
        points: (L, 2) vertex positions, pixels; triangles: (T, 3) indices into them.

    Returns:
        index: (H, W) int32, the covering triangle's row in ``triangles`` (later rows win), -1 for none;
        bary: (H, W, 3) float32 barycentric coordinates of the pixel centre in that triangle.
    """
    index = np.full((height, width), -1, np.int32)
    shift = 4  # sub-pixel vertex precision for the rasteriser (1/16 px)
    scaled = np.round((points[:, :2] - 0.5) * (1 << shift)).astype(np.int32)
    for t, tri in enumerate(triangles):
        cv2.fillPoly(index, [scaled[tri][:, None, :]], int(t), lineType=cv2.LINE_8, shift=shift)
    bary = np.zeros((height, width, 3), np.float32)
    ys, xs = np.nonzero(index >= 0)
    if len(ys):
        corner = points[triangles[index[ys, xs]], :2]  # (N, 3, 2)
        p = np.stack([xs + 0.5, ys + 0.5], -1)
        a, b, c = corner[:, 0], corner[:, 1], corner[:, 2]
        v0, v1, v2 = b - a, c - a, p - a
        det = v0[:, 0] * v1[:, 1] - v0[:, 1] * v1[:, 0]
        ok = np.abs(det) > 1e-9
        det = np.where(ok, det, 1.0)
        wb = (v2[:, 0] * v1[:, 1] - v2[:, 1] * v1[:, 0]) / det
        wc = (v0[:, 0] * v2[:, 1] - v0[:, 1] * v2[:, 0]) / det
        wb, wc = np.where(ok, wb, 1 / 3), np.where(ok, wc, 1 / 3)
        bary[ys, xs] = np.stack([1 - wb - wc, wb, wc], -1)
    return index, bary


def _fit_affine_2d(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """(2, 3) least-squares affine map taking ``src`` (N, 2) to ``dst`` (N, 2)."""
    design = np.concatenate([src, np.ones((len(src), 1))], 1)
    solution, *_ = np.linalg.lstsq(design, dst, rcond=None)
    return solution.T


def outside_field(source: np.ndarray, target: np.ndarray, height: int, width: int,
                  rigid: tuple[int, ...] | None = None) -> np.ndarray:
    """Backward map (H, W, 2) (destination pixel -> source position) away from the face.

    A thin-plate spline through the face outline's moves (exact), a ring around the face
    that moves with the head's overall (affine) motion, and the image border (fixed).
    """
    oval = list(FACE_OVAL)
    fit = _fit_affine_2d(source[:468, :2], target[:468, :2]) if rigid is None else \
        _fit_affine_2d(source[list(rigid), :2], target[list(rigid), :2])
    centre = source[oval, :2].mean(0)
    ring_src = centre + RIGID_RING_SCALE * (source[oval, :2] - centre)
    ring_dst = ring_src @ fit[:, :2].T + fit[:, 2]
    edge = np.linspace(0.0, 1.0, BORDER_ANCHORS, endpoint=False)
    border = np.concatenate([
        np.stack([edge * width, np.zeros_like(edge)], 1), np.stack([np.full_like(edge, width), edge * height], 1),
        np.stack([width - edge * width, np.full_like(edge, height)], 1),
        np.stack([np.zeros_like(edge), height - edge * height], 1),
    ])
    dst = np.concatenate([target[oval, :2], ring_dst, border])
    src = np.concatenate([source[oval, :2], ring_src, border])
    spline = RBFInterpolator(dst, src - dst, kernel="thin_plate_spline", smoothing=1e-3)
    gh, gw = -(-height // SPLINE_STRIDE) + 1, -(-width // SPLINE_STRIDE) + 1
    gy, gx = np.mgrid[0:gh, 0:gw].astype(np.float64) * SPLINE_STRIDE
    coarse = spline(np.stack([gx.ravel(), gy.ravel()], 1)).reshape(gh, gw, 2).astype(np.float32)
    # The coarse grid's node k sits at pixel coordinate k·stride; resample it to pixel centres.
    xs = (np.arange(width) + 0.5) / SPLINE_STRIDE
    ys = (np.arange(height) + 0.5) / SPLINE_STRIDE
    mx, my = np.meshgrid(xs.astype(np.float32), ys.astype(np.float32))
    disp = np.stack([cv2.remap(coarse[..., c], mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
                     for c in range(2)], -1)
    px, py = np.meshgrid(np.arange(width) + 0.5, np.arange(height) + 0.5)
    return np.stack([px, py], -1).astype(np.float32) + disp


def backward_map(source: np.ndarray, target: np.ndarray, height: int, width: int,
                 triangles: np.ndarray | None = None, rigid: tuple[int, ...] | None = None) -> np.ndarray:
    """(H, W, 2) float32 source position of every destination pixel centre (continuous pixels).

    Args:
        source, target: (L, 2+) landmarks before and after the motion (L = 468 or 478 face
            mesh points; other layouts need ``triangles``).
        triangles: (T, 3) triangles over the landmarks; default :func:`face_triangles`.
        rigid: landmarks that follow the head's overall motion (for the ring outside the
            face); default all 468 mesh points.
    """
    source, target = np.asarray(source, np.float64), np.asarray(target, np.float64)
    if triangles is None:
        triangles = face_triangles(source)
        field = outside_field(source, target, height, width, rigid)
    else:  # a custom layout: no face outline, the spline is skipped (identity outside)
        px, py = np.meshgrid(np.arange(width) + 0.5, np.arange(height) + 0.5)
        field = np.stack([px, py], -1).astype(np.float32)
    index, bary = triangle_map(target[:, :2], triangles, height, width)
    inside = index >= 0
    corners = source[triangles[index[inside]], :2]  # (N, 3, 2)
    field[inside] = (bary[inside][..., None] * corners).sum(1)
    return field


def remap(image: np.ndarray, field: np.ndarray) -> np.ndarray:
    """Sample ``image`` (H, W[, C]) at ``field`` (H', W', 2) source positions (bilinear; edge pixels repeat)."""
    # cv2 puts pixel (i, j)'s centre at integer coordinates: undo the +0.5 convention.
    m = np.ascontiguousarray(field - 0.5, dtype=np.float32)
    return cv2.remap(image, m[..., 0], m[..., 1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def lip_gap(landmarks: np.ndarray) -> float:
    """Inner-lip gap over the face outline's height (0 for closed lips)."""
    oval = landmarks[list(FACE_OVAL), :2]
    height = max(float(oval[:, 1].max() - oval[:, 1].min()), 1e-6)
    return float(np.linalg.norm(landmarks[LOWER_LIP_CENTER, :2] - landmarks[UPPER_LIP_CENTER, :2])) / height


def _polygon(h: int, w: int, points: np.ndarray) -> np.ndarray:
    """(h, w) float32 antialiased fill of a polygon ((N, 2+) pixel points)."""
    shift = 4
    mask = np.zeros((h, w), np.float32)
    pts = np.round((points[:, :2] - 0.5) * (1 << shift)).astype(np.int32)[:, None, :]
    cv2.fillPoly(mask, [pts], 1.0, lineType=cv2.LINE_AA, shift=shift)
    return mask


def _moved(layer: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """``layer`` (H, W, C) float translated by ``offset`` (dx, dy) pixels, zeros where it came from outside."""
    h, w = layer.shape[:2]
    m = np.float32([[1, 0, offset[0]], [0, 1, offset[1]]])
    return cv2.warpAffine(layer, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)


def mouth_fill(image: np.ndarray, source: np.ndarray, target: np.ndarray,
               photo: np.ndarray | None = None) -> np.ndarray:
    """Draw the inside of the mouth where the target's lips part wider than the source's.

    A dark cavity inside the target's inner lips. Where the photo itself shows the inside of
    its mouth (a smile's teeth), that is what the teeth are: the upper part of the photo's
    mouth opening (``UPPER_TEETH_SHARE``) moves with the upper lip and the rest with the lower lip (teeth sit on
    the skull and the jaw, they do not stretch). A closed mouth in the photo gets a plain band
    of upper teeth instead.

    Args:
        image: (H, W, C) uint8, the warped photo.
        source, target: (L, 2+) the photo's and the target's face-mesh landmarks (pixels).
        photo: (H, W, C) uint8, the photo before the warp (where its teeth come from), or None.
    """
    extra = lip_gap(target) - lip_gap(source)
    lo, hi = MOUTH_SHOW
    strength = float(np.clip((extra - lo) / (hi - lo), 0.0, 1.0))
    if strength <= 0.0:
        return image
    h, w = image.shape[:2]
    cavity = cv2.GaussianBlur(_polygon(h, w, target[list(INNER_LIPS)]), (0, 0), MOUTH_FEATHER_PX)
    # The cavity: dark under the upper lip, the tongue's colour toward the lower lip.
    top, bottom = target[UPPER_LIP_CENTER, 1], target[LOWER_LIP_CENTER, 1]
    rows = (np.arange(h, dtype=np.float32) + 0.5)[:, None]  # (H, 1) pixel-centre rows
    t = np.clip((rows[..., None] - top) / max(bottom - top, 1e-6), 0.0, 1.0)
    t = np.clip((t - TONGUE_FROM) / (1.0 - TONGUE_FROM), 0.0, 1.0)
    t = t * t * (3 - 2 * t)
    colour = np.array(CAVITY_RGB, np.float32) * (1 - t) + np.array(TONGUE_RGB, np.float32) * t
    colour = np.broadcast_to(colour, (h, w, 3)).copy()
    opening = float(cv2.contourArea(source[list(INNER_LIPS), :2].astype(np.float32)))
    if photo is not None and opening >= MIN_TEETH_PX:
        inside = _polygon(h, w, source[list(INNER_LIPS)])
        # Split the photo's mouth opening between the teeth on the skull and those on the jaw.
        src_top, src_bottom = source[UPPER_LIP_CENTER, 1], source[LOWER_LIP_CENTER, 1]
        middle = src_top + UPPER_TEETH_SHARE * (src_bottom - src_top)
        upper_half = inside * np.clip(middle - rows + 0.5, 0.0, 1.0)
        rgb = photo[..., :3].astype(np.float32)
        for half, lip in ((inside - upper_half, LOWER_LIP_CENTER), (upper_half, UPPER_LIP_CENTER)):
            offset = target[lip, :2] - source[lip, :2]
            layer = _moved(np.dstack([rgb * half[..., None], half]), offset)
            a = layer[..., 3:4]
            colour = colour * (1 - a) + layer[..., :3]
    else:
        gap = np.linalg.norm(target[LOWER_LIP_CENTER, :2] - target[UPPER_LIP_CENTER, :2])
        upper = target[list(UPPER_INNER_LIP), :2]
        band = np.concatenate([upper, upper[::-1] + np.array([0.0, TEETH_DEPTH * gap])])
        t = (cv2.GaussianBlur(_polygon(h, w, band), (0, 0), MOUTH_FEATHER_PX) * cavity)[..., None]
        colour = colour * (1 - t) + np.array(TEETH_RGB, np.float32) * t
    alpha = (strength * cavity)[..., None]
    out = image[..., :3].astype(np.float32) * (1 - alpha) + colour * alpha
    result = image.copy()
    result[..., :3] = np.clip(out + 0.5, 0, 255).astype(image.dtype)
    return result


def warp_face(image: np.ndarray, source: np.ndarray, target: np.ndarray,
              rigid: tuple[int, ...] | None = None) -> np.ndarray:
    """``image`` (H, W, C) uint8 with its face moved from landmarks ``source`` to ``target``
    ((L, 2+) face-mesh landmarks, pixels), the mouth's inside drawn where it opened."""
    h, w = image.shape[:2]
    field = backward_map(source, target, h, w, rigid=rigid)
    return mouth_fill(remap(image, field), source, target, photo=image)

