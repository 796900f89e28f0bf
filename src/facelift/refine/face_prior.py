"""Where the photo's pixels lie in depth, seen from the front camera.

A face is not a photo on a ball: the nose stands in front of the cheeks and the eyes sit in
their sockets. MediaPipe's face mesh (bundled in the pinned wheel, run by preprocessing)
gives 478 landmarks with a relative depth ``z`` in the same units as x (pixels, smaller is
nearer); their depths are interpolated linearly over the mesh's canonical triangles. Under the front camera's near-weak perspective, a landmark at relative depth ``z``
lies at camera depth ``d0 · (1 + z / f)`` for the face's reference depth ``d0`` and focal
length ``f``; ``d0`` is chosen so that the landmarks sit, in the median, on the surface the
Stage II head renders from the front.

Outside the face (hair, ears, neck, clothing) the Stage II head's own front depth is used,
filled outward where the photo's silhouette is wider than the head's, shifted to meet the
face where they join, and bent back toward the silhouette's edge like the limb of a sphere
(a silhouette is where the surface turns away from the viewer, so a flat fill there would
show as a cardboard edge from the side).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

import numpy as np
from scipy import ndimage
from scipy.interpolate import LinearNDInterpolator

log = logging.getLogger(__name__)

#: Alpha above which the Stage II front render counts as a surface with a usable depth.
SURFACE_ALPHA = 0.5
#: Width (pixels at 512²) of the face mesh's edge band: there the head's depth is matched to
#: the face's, and the layer is seeded per 2×2 block rather than per pixel.
FACE_FEATHER_PX = 14.0
#: Outside the face mesh, how fast (depth per pixel of distance, in pixel units) and how far
#: (world units) the surface is made to recede from the mesh's edge.
OUTSIDE_SLOPE = 0.5
OUTSIDE_CAP = 0.25
STEEPEST_SLOPE = 1.5
#: Radius (fraction of the image size) of the sphere-like bend at the silhouette's edge.
LIMB_RADIUS = 0.09


@dataclass
class FrontDepth:
    """Camera depth of every photo pixel seen from the front camera.

    Attributes:
        depth: (H, W) float32 camera-space depth (world units) of the surface each pixel shows;
            defined on the whole image (outside the silhouette it is a smooth extension).
        face_weight: (H, W) float32 in [0, 1], how far inside the face mesh a pixel is (1 deep
            inside, fading to 0 at its edge, 0 outside and without landmarks).
        face_depth: camera depth ``d0`` of the landmarks' zero plane, or None without landmarks.
        landmark_depth: (L,) camera depth of each landmark (:func:`landmark_depths`), or None.
    """

    depth: np.ndarray
    face_weight: np.ndarray
    face_depth: float | None
    landmark_depth: np.ndarray | None = None


#: MediaPipe face-mesh indices of the face's two sides at the cheekbones (image left, image right).
MESH_SIDE_LEFT, MESH_SIDE_RIGHT = 234, 454


def face_yaw(landmarks: np.ndarray) -> float:
    """The orbit azimuth (degrees, :mod:`facelift.cameras` convention) from which the face in the
    front photo would be seen head-on: 0 for a frontal face, negative when the person looks
    toward their own left. A head turned by ``y`` is seen at ``azimuth − y`` from the side.

    Args:
        landmarks: (478, 3) face-mesh landmarks (x, y pixels, z relative depth, same units).
    """
    left, right = landmarks[MESH_SIDE_LEFT], landmarks[MESH_SIDE_RIGHT]
    # Turning toward the person's right moves their right cheek (image left) away from the camera.
    return float(np.degrees(np.arctan2(left[2] - right[2], right[0] - left[0])))


@functools.lru_cache(maxsize=1)
def mesh_triangles() -> np.ndarray | None:
    """(T, 3) landmark indices of MediaPipe's canonical face-mesh triangulation (the triangles
    of its tessellation graph, as the pinned wheel ships it), or None if it cannot be read."""
    try:
        from mediapipe.python.solutions.face_mesh_connections import FACEMESH_TESSELATION
    except Exception:  # a mediapipe without the solutions API: fall back to a Delaunay surface
        return None
    neighbours: dict[int, set[int]] = {}
    for a, b in FACEMESH_TESSELATION:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    triangles = {tuple(sorted((a, b, c))) for a, b in FACEMESH_TESSELATION for c in neighbours[a] & neighbours[b]}
    return np.array(sorted(triangles), dtype=np.int64)


def interpolate_on_mesh(points: np.ndarray, values: np.ndarray, triangles: np.ndarray, h: int,
                        w: int) -> np.ndarray:
    """Piecewise-linear ``values`` over the triangles, sampled at the pixel centres.

    Args:
        points: (L, 2) x, y pixels; values: (L,); triangles: (T, 3) indices into them.

    Returns:
        (h, w) float32, NaN where no triangle covers a pixel centre.
    """
    out = np.full((h, w), np.nan, np.float32)
    for tri in triangles:
        (x0, y0), (x1, y1), (x2, y2) = points[tri]
        det = (y1 - y2) * (x0 - x2) + (x2 - x1) * (y0 - y2)
        if abs(det) < 1e-9:
            continue
        u0, u1 = max(int(np.floor(min(x0, x1, x2) - 0.5)), 0), min(int(np.ceil(max(x0, x1, x2))), w)
        v0, v1 = max(int(np.floor(min(y0, y1, y2) - 0.5)), 0), min(int(np.ceil(max(y0, y1, y2))), h)
        if u1 <= u0 or v1 <= v0:
            continue
        yy, xx = np.mgrid[v0:v1, u0:u1] + 0.5
        a = ((y1 - y2) * (xx - x2) + (x2 - x1) * (yy - y2)) / det
        b = ((y2 - y0) * (xx - x2) + (x0 - x2) * (yy - y2)) / det
        c = 1.0 - a - b
        hit = (a >= -1e-6) & (b >= -1e-6) & (c >= -1e-6)
        block = out[v0:v1, u0:u1]
        block[hit] = (a * values[tri[0]] + b * values[tri[1]] + c * values[tri[2]])[hit]
    return out


def _fill_nearest(values: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """``values`` with every invalid pixel set to its nearest valid pixel's value."""
    if valid.all():
        return values
    idx = ndimage.distance_transform_edt(~valid, return_distances=False, return_indices=True)
    return values[tuple(idx)]


def landmark_depths(landmarks: np.ndarray, focal: float, head_depth: np.ndarray, head_alpha: np.ndarray,
                    fallback: float) -> tuple[np.ndarray, float]:
    """Camera depths (478,) of the face-mesh landmarks and the reference depth ``d0``.

    Args:
        landmarks: (L, 3) x, y in pixels of the front image, z relative depth in pixels.
        focal: the front camera's focal length in pixels.
        head_depth, head_alpha: (H, W) the Stage II head rendered from the front camera.
        fallback: ``d0`` when the head covers too few landmarks to anchor them.
    """
    h, w = head_depth.shape
    x = np.clip(landmarks[:, 0].astype(int), 0, w - 1)
    y = np.clip(landmarks[:, 1].astype(int), 0, h - 1)
    factor = 1.0 + landmarks[:, 2] / focal
    on_head = head_alpha[y, x] > SURFACE_ALPHA
    if on_head.sum() >= 20:
        d0 = float(np.median(head_depth[y, x][on_head] / factor[on_head]))
    else:
        log.debug("refine: the Stage II head covers only %d face landmarks; face depth from the camera radius",
                 int(on_head.sum()))
        d0 = fallback
    return d0 * factor, d0


def front_depth(head_depth: np.ndarray, head_alpha: np.ndarray, mask: np.ndarray, focal: float,
                landmarks: np.ndarray | None, fallback_depth: float) -> FrontDepth:
    """The depth of each pixel of the photo from the front camera (see the module docstring).

    Args:
        head_depth, head_alpha: (H, W) Stage II head's front render (expected depth, alpha).
        mask: (H, W) the photo's foreground alpha in [0, 1].
        focal: front camera focal length in pixels (for this H, W).
        landmarks: (L, 3) face-mesh landmarks in these pixels, or None.
        fallback_depth: camera depth of the head's centre (used where nothing else is known).
    """
    h, w = mask.shape
    surface = head_alpha > SURFACE_ALPHA
    if surface.sum() < 16:
        base = np.full((h, w), fallback_depth, np.float32)
    else:
        base = _fill_nearest(head_depth.astype(np.float32), surface)
        # Nearest-filling leaves steps; smooth the filled part only.
        base = np.where(surface, base, ndimage.gaussian_filter(base, 4.0))

    face_weight = np.zeros((h, w), np.float32)
    face_depth = None
    lm_depth = None
    depth = base
    if landmarks is not None and len(landmarks) >= 3:
        lm_depth, face_depth = landmark_depths(landmarks, focal, head_depth, head_alpha, fallback_depth)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
        # The face mesh's own triangles; its holes (eyes, mouth) and a mesh of another size
        # take the Delaunay surface over the landmarks instead.
        face = LinearNDInterpolator(landmarks[:, :2], lm_depth)(xx, yy).astype(np.float32)
        triangles = mesh_triangles()
        if triangles is not None and len(landmarks) > triangles.max():
            on_mesh = interpolate_on_mesh(landmarks[:, :2], lm_depth, triangles, h, w)
            face = np.where(np.isfinite(on_mesh), on_mesh, face)
        inside = np.isfinite(face)
        if inside.any():
            dist_in = ndimage.distance_transform_edt(inside)
            face_weight = np.clip(dist_in / FACE_FEATHER_PX, 0.0, 1.0).astype(np.float32)
            face_weight = face_weight * face_weight * (3 - 2 * face_weight)
            # Shift the head's depth to meet the face along the mesh's edge band.
            band = inside & (dist_in <= FACE_FEATHER_PX)
            offset = float(np.median(face[band] - base[band])) if band.any() else 0.0
            base = base + offset
            # Outside the mesh (hair beside a cheek, an ear, the neck under the chin) the surface
            # leaves the face's own edge and turns away from the viewer: it follows the head's
            # depth where that lies in a cone behind the edge (receding at OUTSIDE_SLOPE up to
            # OUTSIDE_CAP at least, at STEEPEST_SLOPE at most), else the cone's nearer side.
            # Starting at the edge's depth keeps the layer closed where face and hair meet.
            dist_out, nearest = ndimage.distance_transform_edt(~inside, return_indices=True)
            edge_depth = face[tuple(nearest)]
            px = dist_out * edge_depth / focal  # the distance in world units at that depth
            nearest_allowed = edge_depth + np.minimum(OUTSIDE_SLOPE * px, OUTSIDE_CAP)
            farthest_allowed = edge_depth + STEEPEST_SLOPE * px
            outside = np.clip(base, nearest_allowed, np.maximum(farthest_allowed, nearest_allowed))
            depth = np.where(inside, face, outside)

    # Bend back toward the silhouette's edge (depth grows as the surface turns away).
    radius = LIMB_RADIUS * max(h, w)
    edge = ndimage.distance_transform_edt(mask > 0.5)
    t = np.clip(1.0 - edge / radius, 0.0, 1.0)
    bend_px = radius * (1.0 - np.sqrt(np.clip(1.0 - t * t, 0.0, 1.0)))
    bend = bend_px * depth / focal * (1.0 - face_weight)
    depth = depth + bend
    return FrontDepth(depth.astype(np.float32), face_weight.astype(np.float32), face_depth, lm_depth)


__all__ = ["FrontDepth", "face_yaw", "front_depth", "interpolate_on_mesh", "landmark_depths", "mesh_triangles"]
