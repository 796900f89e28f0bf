"""The side of a turned face that the photo does not show, completed from the side it does.

A photo of a head turned 20–45° shows one cheek, eye and half of the mouth squeezed into a few
pixels or hidden behind the nose. Seen from that side the photo layer has nothing to show
there (its pixels are stretched edge-on), so the Stage II head behind it shows its own blurry
face, a second face a little off the first (dlib's group photos: at +30° on ``2007_007763``).
A face is close to mirror-symmetric, and MediaPipe's face mesh places every landmark, hidden
or not: each mesh triangle that the photo sees poorly is covered with Gaussians coloured from
its mirror triangle on the well-seen side.

Landmarks are (x, y, z) in the photo's pixels, z the relative depth (smaller is nearer).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import cv2
import numpy as np
import torch
from scipy.optimize import linear_sum_assignment
from scipy.spatial import cKDTree
from scipy.spatial.distance import cdist

from facelift.cameras import Camera
from facelift.gaussians import Gaussians, matrices_to_quats, quat_to_matrix

#: Face-mesh landmarks that are mirror images of each other (outer and inner eye corners,
#: mouth corners, cheekbones): they fix the face's plane of symmetry.
ANCHOR_PAIRS = ((33, 263), (133, 362), (61, 291), (234, 454))
#: A triangle is completed from its mirror when the photo sees it at a cosine below this...
POOR_VIEW = 0.35
#: ...and its mirror at a cosine at least this much higher.
BETTER_BY = 0.25
#: The mirror Gaussians sit this many pixel footprints behind the surface, so that from the
#: front camera the photo layer hides them.
INSET = 1.5
#: Wide-axis standard deviation as a share of the spacing between samples; thin axis as a
#: share of the footprint (as the photo layer's splats).
SPREAD, THICKNESS = 0.65, 0.2
OPACITY = 0.95
#: The completion keeps the seen side's detail but takes the hidden side's light: its colours
#: are scaled, per channel, by how much darker or brighter the turned-away side is in the
#: photo, measured where both sides are seen well (triangles facing the camera at a cosine of
#: at least :data:`POOR_VIEW` on the turned-away side, against their mirrors), within
#: :data:`SHADING_GAIN`. A face lit from one side otherwise got its lit cheek pasted onto the
#: shaded one: a pale band along the outline seen from that side (``img34``, whose shaded cheek
#: is (0.61, 0.43, 0.33) of its lit one, at +30°).
SHADING_GAIN = (0.25, 2.0)
#: Only pairs at least this far apart across the face (a share of its width) are compared:
#: cheeks, brows and eyes, not the nose and lips that straddle the midline.
SHADING_APART = 0.3
#: Barycentric points at which a triangle pair's colours are compared.
_SHADING_POINTS = np.array([[1 / 3, 1 / 3, 1 / 3], [2 / 3, 1 / 6, 1 / 6], [1 / 6, 2 / 3, 1 / 6], [1 / 6, 1 / 6, 2 / 3]])
#: Faces narrower than this (photo pixels, the mesh's width) are left alone: their mirror has too
#: few pixels to lend, and their mesh too little precision to say which side is hidden (the
#: 23-pixel faces of 64² procedural renders read as turned by up to ±18° when frontal).
MIN_FACE_PX = 64.0
#: The mirror table, made by ``tools/make_face_mirror.py``.
MIRROR_TABLE = Path(__file__).resolve().parents[1] / "assets" / "face_mesh_mirror.json"


@functools.lru_cache(maxsize=1)
def mesh_mirror() -> np.ndarray:
    """(478,) the mirror image of every face-mesh landmark (the bundled table)."""
    return np.asarray(json.loads(MIRROR_TABLE.read_text())["mirror"], dtype=np.int64)


def mirror_index(landmarks: np.ndarray) -> np.ndarray:
    """(L,) for each landmark the index of its mirror image (itself on the midline).

    The plane of symmetry goes through the midpoints of :data:`ANCHOR_PAIRS`, normal to the
    mean direction between each pair; every landmark reflected in it is matched one to one
    to the nearest landmark (the Hungarian assignment, so no two share a mirror).
    """
    left = landmarks[[a for a, _ in ANCHOR_PAIRS]].astype(np.float64)
    right = landmarks[[b for _, b in ANCHOR_PAIRS]].astype(np.float64)
    d = right - left
    normal = (d / np.linalg.norm(d, axis=1, keepdims=True)).mean(0)
    normal /= np.linalg.norm(normal)
    centre = ((left + right) / 2).mean(0)
    pts = landmarks.astype(np.float64)
    reflected = pts - 2.0 * ((pts - centre) @ normal)[:, None] * normal
    _, match = linear_sum_assignment(cdist(reflected, pts))
    return match


def facing(landmarks: np.ndarray, triangles: np.ndarray) -> np.ndarray:
    """(T,) per triangle, the cosine between its outward normal and the direction to the
    camera, in the landmarks' (x, y, z) pixel space.

    Outward is away from a point behind the face (its centroid pushed back by half its
    width): the mesh's triangles carry no consistent winding.
    """
    p = landmarks.astype(np.float64)
    a, b, c = p[triangles[:, 0]], p[triangles[:, 1]], p[triangles[:, 2]]
    n = np.cross(b - a, c - a)
    n /= np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-12)
    width = np.ptp(p[:, 0])
    inner = p.mean(0) + np.array([0.0, 0.0, 0.5 * width])
    outward = (((a + b + c) / 3 - inner) * n).sum(1, keepdims=True)
    return -np.where(outward < 0, -n, n)[:, 2]  # the camera looks along +z (nearer is smaller z)


def _sample(image: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(N, 3) bilinear samples of (H, W, 3) float ``image`` at pixel coordinates (x, y), pixel
    centres at +0.5 (OpenCV puts them at integers), edges repeated."""
    mx = (x - 0.5).astype(np.float32).reshape(-1, 1)
    my = (y - 0.5).astype(np.float32).reshape(-1, 1)
    out = cv2.remap(np.ascontiguousarray(image, np.float32), mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return out.reshape(-1, 3)


def mirror_layer(rgb: np.ndarray, landmarks: np.ndarray, landmark_depth: np.ndarray, triangles: np.ndarray,
                 camera: Camera) -> Gaussians:
    """Gaussians covering the triangles the photo sees poorly, coloured from their mirrors.

    Args:
        rgb: (H, W, 3) float in [0, 1], the photo (edge colours already pulled in).
        landmarks: (L, 3) face-mesh landmarks in its pixels.
        landmark_depth: (L,) camera depth of each landmark (world units).
        triangles: (T, 3) the mesh's triangles.
        camera: the front camera at the photo's size.

    Returns:
        The Gaussians (possibly none).
    """
    mirror = mesh_mirror()
    if (len(landmarks) != len(mirror) or len(landmarks) <= triangles.max()
            or np.ptp(landmarks[:, 0]) < MIN_FACE_PX):
        return Gaussians.empty()
    cos = facing(landmarks, triangles)
    # the same triangle on the other side: map its corners, then find it in the list
    lookup = {tuple(sorted(t)): i for i, t in enumerate(triangles.tolist())}
    K = camera.K.double().numpy()
    c2w = camera.c2w.double().numpy()
    x, y = landmarks[:, 0].astype(np.float64), landmarks[:, 1].astype(np.float64)
    cam = np.stack([(x - K[0, 2]) / K[0, 0], (y - K[1, 2]) / K[1, 1], np.ones_like(x)], -1)
    world = (cam * landmark_depth[:, None]) @ c2w[:3, :3].T + c2w[:3, 3]
    centre = world.mean(0) + c2w[:3, 2] * 0.5 * np.ptp(world[:, 0])  # behind the face
    out: dict[str, list] = {"means": [], "scales": [], "rot": [], "colors": []}
    for i, tri in enumerate(triangles):
        j = lookup.get(tuple(sorted(mirror[tri].tolist())))
        if j is None or cos[i] >= POOR_VIEW or cos[j] < cos[i] + BETTER_BY:
            continue
        corners = world[tri]
        foot = float(landmark_depth[tri].mean() / K[0, 0])  # world size of one photo pixel
        e1, e2 = corners[1] - corners[0], corners[2] - corners[0]
        normal = np.cross(e1, e2)
        area2 = np.linalg.norm(normal)
        if area2 < 1e-12:
            continue
        normal /= area2
        if (corners.mean(0) - centre) @ normal < 0:
            normal = -normal
        k = max(1, int(np.ceil(max(np.linalg.norm(e1), np.linalg.norm(e2), np.linalg.norm(corners[2] - corners[1]))
                               / foot)))
        ii, jj = np.mgrid[0:k + 1, 0:k + 1]
        keep = ii + jj <= k
        b1, b2 = ii[keep] / k, jj[keep] / k
        b0 = 1.0 - b1 - b2
        pts = b0[:, None] * corners[0] + b1[:, None] * corners[1] + b2[:, None] * corners[2]
        out["means"].append(pts - INSET * foot * normal)
        # Colour: the same barycentric point of the mirror triangle, in the photo. The mirror of
        # corner m is mirror[m], so corner order carries over.
        src = landmarks[mirror[tri], :2].astype(np.float64)
        sx = b0 * src[0, 0] + b1 * src[1, 0] + b2 * src[2, 0]
        sy = b0 * src[0, 1] + b1 * src[1, 1] + b2 * src[2, 1]
        out["colors"].append(_sample(rgb, sx, sy))
        t1 = e1 / np.linalg.norm(e1)
        t2 = np.cross(normal, t1)
        spacing = max(np.linalg.norm(e1), np.linalg.norm(e2)) / k
        rot = np.stack([t1, t2, normal], axis=-1)
        out["rot"].append(np.repeat(rot[None], len(pts), 0))
        out["scales"].append(np.repeat([[SPREAD * spacing, SPREAD * spacing, THICKNESS * foot]], len(pts), 0))
    if not out["means"]:
        return Gaussians.empty()
    gain = shading_gain(rgb, landmarks, triangles, cos, lookup, mirror)
    means = torch.from_numpy(np.concatenate(out["means"])).float()
    n = len(means)
    return Gaussians(means=means, scales=torch.from_numpy(np.concatenate(out["scales"])).float(),
                     rotations=matrices_to_quats(torch.from_numpy(np.concatenate(out["rot"]))).float(),
                     opacities=torch.full((n,), OPACITY),
                     colors=torch.from_numpy(gain * np.concatenate(out["colors"])).float().clamp(0, 1))


def shading_gain(rgb: np.ndarray, landmarks: np.ndarray, triangles: np.ndarray, cos: np.ndarray,
                 lookup: dict, mirror: np.ndarray) -> np.ndarray:
    """(3,) how bright the turned-away side of the face is against the other in the photo, per
    channel (:data:`SHADING_GAIN`): the mean colour over the well-seen triangles of the side that
    faces the camera less, over that at the same points of their mirrors; ones when no such
    pair is seen."""
    far, near = [], []
    min_apart = SHADING_APART * np.ptp(landmarks[:, 0])
    for i, tri in enumerate(triangles):
        j = lookup.get(tuple(sorted(mirror[tri].tolist())))
        if j is None or j == i or cos[i] < POOR_VIEW or cos[j] <= cos[i]:
            continue
        a, b = landmarks[tri, :2].astype(np.float64), landmarks[mirror[tri], :2].astype(np.float64)
        if abs(a[:, 0].mean() - b[:, 0].mean()) < min_apart:
            continue  # near the midline: the two sides' light mixes there
        for corners, side in ((a, far), (b, near)):  # corner m's mirror is mirror[m]
            pts = _SHADING_POINTS @ corners
            side.append(_sample(rgb, pts[:, 0], pts[:, 1]))
    if not far:
        return np.ones(3)
    turned_away, facing_more = np.concatenate(far).mean(0), np.concatenate(near).mean(0)
    return np.clip(turned_away / np.maximum(facing_more, 1e-6), *SHADING_GAIN)


#: Stage II Gaussians within this distance (world units) of a mirror Gaussian and not behind
#: it by more than :data:`CLEAR_BEHIND` would cover the completed side: they are dropped.
CLEAR_RADIUS = 0.05
CLEAR_BEHIND = 0.01


def clear_in_front(head: Gaussians, mirrored: Gaussians) -> Gaussians:
    """The Gaussians of ``head`` that do not cover ``mirrored`` (see :data:`CLEAR_RADIUS`).

    The photo-fit's carving works from the front camera, and the side of a turned face that
    the photo does not show lies behind what it does show: Stage II's own (blurry, shifted)
    face there would stay in front of the completed one when seen from that side.
    """
    if len(mirrored) == 0 or len(head) == 0:
        return head
    tree = cKDTree(mirrored.means.double().numpy())
    dist, idx = tree.query(head.means.double().numpy(), distance_upper_bound=CLEAR_RADIUS)
    near = np.isfinite(dist)
    normals = quat_to_matrix(mirrored.rotations)[:, :, 2].double().numpy()
    offset = np.zeros(len(head))
    hit = idx[near]
    offset[near] = ((head.means.double().numpy()[near] - mirrored.means.double().numpy()[hit]) * normals[hit]).sum(1)
    cover = near & (offset > -CLEAR_BEHIND)
    return head[torch.from_numpy(~cover)]


__all__ = ["ANCHOR_PAIRS", "clear_in_front", "facing", "mesh_mirror", "mirror_index", "mirror_layer", "shading_gain"]
