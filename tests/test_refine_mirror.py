"""The turned face's hidden side completed from its mirror image (facelift.refine.mirror)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from facelift.cameras import orbit_camera
from facelift.gaussians import Gaussians
from facelift.refine.face_prior import mesh_triangles
from facelift.refine.mirror import ANCHOR_PAIRS, clear_in_front, facing, mesh_mirror, mirror_index, mirror_layer

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


@pytest.fixture(scope="module")
def landmarks() -> np.ndarray:
    """The example photo's face mesh at 512² (a frontal face)."""
    from facelift.preprocess import preprocess_image

    lm = preprocess_image(EXAMPLE, size=512).landmarks
    assert lm is not None
    return lm.astype(np.float64)


def _turned(lm: np.ndarray, yaw_degrees: float) -> np.ndarray:
    """The landmarks turned about the vertical axis through their centroid (x, z plane)."""
    a = np.radians(yaw_degrees)
    c = lm.mean(0)
    p = lm - c
    x = np.cos(a) * p[:, 0] + np.sin(a) * p[:, 2]
    z = -np.sin(a) * p[:, 0] + np.cos(a) * p[:, 2]
    return np.stack([x, p[:, 1], z], 1) + c


def test_the_bundled_table_is_a_mirror_of_the_mesh():
    table = mesh_mirror()
    assert table.shape == (478,)
    assert (table[table] == np.arange(478)).all()  # an involution
    for a, b in ANCHOR_PAIRS:
        assert table[a] == b
    assert table[1] == 1 and table[152] == 152  # nose tip and chin sit on the midline
    triangles = mesh_triangles()
    known = {tuple(sorted(t)) for t in triangles.tolist()}
    mapped = sum(tuple(sorted(table[t].tolist())) in known for t in triangles)
    assert mapped >= 0.98 * len(triangles)


def test_matching_a_frontal_face_reproduces_the_table_whatever_its_roll(landmarks):
    assert (mirror_index(landmarks) == mesh_mirror()).all()  # tools/make_face_mirror.py's source
    a = np.radians(20.0)
    roll = np.array([[np.cos(a), -np.sin(a), 0], [np.sin(a), np.cos(a), 0], [0, 0, 1]])
    moved = (landmarks - 256.0) @ roll.T + np.array([300.0, 260.0, 5.0])
    assert (mirror_index(moved) == mesh_mirror()).all()


def test_a_frontal_face_needs_no_completion(landmarks):
    front = orbit_camera(0.0, size=512)
    rgb = np.full((512, 512, 3), 0.5)
    depth = 2.7 * (1 + landmarks[:, 2] / float(front.fx))
    turned = _turned(landmarks, 40.0)
    frontal_layer = mirror_layer(rgb, landmarks, depth, mesh_triangles(), front)
    turned_layer = mirror_layer(rgb, turned, 2.7 * (1 + turned[:, 2] / float(front.fx)), mesh_triangles(), front)
    assert len(turned_layer) > 2000
    assert len(frontal_layer) < 0.05 * len(turned_layer)
    # a face a few dozen pixels wide (a 64² render) has too little to mirror
    small = turned * np.array([0.1, 0.1, 0.1])
    assert len(mirror_layer(rgb, small, 2.7 * (1 + small[:, 2] / float(front.fx)), mesh_triangles(), front)) == 0


def _split_photo(lm: np.ndarray, landmarks: np.ndarray, triangles: np.ndarray, seen_rgb, hidden_rgb) -> np.ndarray:
    """A 512² photo painted ``seen_rgb`` on the side of the face the turned mesh ``lm`` shows
    more and ``hidden_rgb`` on the other: each pixel as the side of its nearest landmark."""
    from scipy.spatial import cKDTree

    cos = facing(lm, triangles)
    on_left = landmarks[:, 0] < landmarks[1, 0]
    tri_left = on_left[triangles].mean(1) > 0.5
    seen_left = cos[tri_left].mean() > cos[~tri_left].mean()
    ys, xs = np.mgrid[0:512, 0:512] + 0.5
    _, nearest = cKDTree(lm[:, :2]).query(np.stack([xs.ravel(), ys.ravel()], 1))
    seen = (on_left[nearest] == seen_left).reshape(512, 512)
    return np.where(seen[..., None], np.asarray(seen_rgb, float), np.asarray(hidden_rgb, float))


@pytest.mark.parametrize("yaw", [40.0, -40.0])
def test_the_completion_takes_the_hidden_side_s_light(landmarks, yaw):
    from facelift.refine import mirror

    front = orbit_camera(0.0, size=512)
    lm = _turned(landmarks, yaw)
    triangles = mesh_triangles()
    depth = 2.7 * (1 + lm[:, 2] / float(front.fx))
    # The seen side lit, the other in shade at half its brightness (a little bluer).
    rgb = _split_photo(lm, landmarks, triangles, (0.8, 0.6, 0.5), (0.4, 0.3, 0.3))
    cos = facing(lm, triangles)
    lookup = {tuple(sorted(t)): i for i, t in enumerate(triangles.tolist())}
    gain = mirror.shading_gain(rgb, lm, triangles, cos, lookup, mesh_mirror())
    assert gain == pytest.approx([0.5, 0.5, 0.6], abs=0.05)
    g = mirror_layer(rgb, lm, depth, triangles, front)
    assert g.colors.median(dim=0).values.numpy() == pytest.approx([0.4, 0.3, 0.3], abs=0.03)
    # An evenly lit face keeps the seen side's colours.
    even = _split_photo(lm, landmarks, triangles, (0.8, 0.6, 0.5), (0.8, 0.6, 0.5))
    assert mirror.shading_gain(even, lm, triangles, cos, lookup, mesh_mirror()) == pytest.approx([1, 1, 1])
    # The gain stays within its bounds: a black hidden side does not make a black completion.
    dark = _split_photo(lm, landmarks, triangles, (0.8, 0.6, 0.5), (0.0, 0.0, 0.0))
    assert mirror.shading_gain(dark, lm, triangles, cos, lookup, mesh_mirror()).min() >= mirror.SHADING_GAIN[0]


@pytest.mark.parametrize("yaw", [40.0, -40.0])
def test_the_hidden_side_of_a_turned_face_takes_the_colours_of_the_seen_side(landmarks, yaw, monkeypatch):
    from facelift.refine import mirror

    # Where the colours come from, apart from the light they are brought to (the test above).
    monkeypatch.setattr(mirror, "shading_gain", lambda *a: np.ones(3))
    front = orbit_camera(0.0, size=512)
    lm = _turned(landmarks, yaw)
    triangles = mesh_triangles()
    cos = facing(lm, triangles)
    # each landmark's side of the face, from the frontal mesh
    on_left = landmarks[:, 0] < landmarks[1, 0]
    tri_left = on_left[triangles].mean(1) > 0.5
    seen_left = cos[tri_left].mean() > cos[~tri_left].mean()
    # paint the photo: the seen side blue, the other red (split at the seen side's inner edge)
    rgb = np.zeros((512, 512, 3))
    cols = np.arange(512) + 0.5
    nose_x = lm[1, 0]
    left = cols < nose_x
    rgb[:, left if seen_left else ~left] = (0.0, 0.0, 1.0)
    rgb[:, ~left if seen_left else left] = (1.0, 0.0, 0.0)
    depth = 2.7 * (1 + lm[:, 2] / float(front.fx))
    g = mirror_layer(rgb, lm, depth, triangles, front)
    assert len(g) > 2000
    blue = (g.colors[:, 2] > 0.9) & (g.colors[:, 0] < 0.1)
    assert float(blue.float().mean()) > 0.95
    # ... and they cover the other side: the landmark nearest each Gaussian is on it
    K = front.K.double().numpy()
    ray = np.stack([(lm[:, 0] - K[0, 2]) / K[0, 0], (lm[:, 1] - K[1, 2]) / K[1, 1], np.ones(len(lm))], 1)
    world = (ray * depth[:, None]) @ front.c2w[:3, :3].double().numpy().T + front.c2w[:3, 3].double().numpy()
    nearest = np.linalg.norm(g.means.double().numpy()[:, None] - world[None], axis=-1).argmin(1)
    hidden = ~on_left[nearest] if seen_left else on_left[nearest]
    assert hidden.mean() > 0.9


def test_stage2_gaussians_covering_the_completed_side_are_dropped():
    n = 50
    xy = torch.stack(torch.meshgrid(torch.linspace(-0.1, 0.1, n), torch.linspace(-0.1, 0.1, n), indexing="ij"), -1)
    means = torch.cat([xy.reshape(-1, 2), torch.zeros(n * n, 1)], 1)  # a sheet at z = 0, normal +z
    sheet = Gaussians(means=means, scales=torch.full((n * n, 3), 0.002),
                      rotations=torch.tensor([[1.0, 0, 0, 0]]).expand(n * n, 4).clone(),
                      opacities=torch.full((n * n,), 0.9), colors=torch.zeros(n * n, 3))
    points = torch.tensor([[0.0, 0.0, 0.03],    # in front of the sheet, near: covers it
                           [0.02, 0.0, -0.005],  # just behind: still covers it
                           [0.0, 0.02, -0.04],   # well behind: the head's inside, kept
                           [0.5, 0.0, 0.01]])    # in front but far to the side: kept
    head = Gaussians(means=points, scales=torch.full((4, 3), 0.01),
                     rotations=torch.tensor([[1.0, 0, 0, 0]]).expand(4, 4).clone(),
                     opacities=torch.full((4,), 0.5), colors=torch.ones(4, 3))
    kept = clear_in_front(head, sheet)
    assert torch.equal(kept.means, points[2:])
    assert len(clear_in_front(head, Gaussians.empty())) == 4


def _ball(n: int = 4000, seed: int = 0) -> Gaussians:
    """A stand-in Stage II head: a cloud of grey Gaussians filling a ball at the origin."""
    g = torch.Generator().manual_seed(seed)
    d = torch.randn(n, 3, generator=g)
    means = 0.35 * d / d.norm(dim=1, keepdim=True) * torch.rand(n, 1, generator=g) ** (1 / 3)
    return Gaussians(means=means, scales=torch.full((n, 3), 0.03), rotations=torch.tensor([[1.0, 0, 0, 0]]).repeat(n, 1),
                     opacities=torch.full((n,), 0.8), colors=torch.full((n, 3), 0.5))


def test_the_completion_is_hidden_from_the_front_and_switched_by_the_config():
    from facelift.preprocess import preprocess_image
    from facelift.refine import RefineConfig, refine_head
    from facelift.render import rasterize

    pre = preprocess_image(EXAMPLE, size=256)
    photo = np.asarray(pre.image.convert("RGB"))
    turned = _turned(pre.landmarks.astype(np.float64), 35.0)
    head = _ball()
    on = refine_head(head, photo, pre.mask, turned, config=RefineConfig(iterations=0), progress=False)
    off = refine_head(head, photo, pre.mask, turned, config=RefineConfig(iterations=0, mirror_face=False),
                      progress=False)
    added = on.num_layer - off.num_layer
    assert added > 500
    # Stage II's splats where the completed side lies are cleared
    assert len(on.gaussians) - on.num_layer < len(off.gaussians) - off.num_layer
    front = orbit_camera(0.0, size=256)
    with torch.no_grad():
        a, b = rasterize(on.gaussians, front).rgb, rasterize(off.gaussians, front).rgb
    mse = float(((a - b) ** 2).mean())
    assert -10 * np.log10(max(mse, 1e-12)) > 35.0  # the front render barely changes
    with torch.no_grad():
        side_on = rasterize(on.gaussians, orbit_camera(45.0, size=256)).rgb
        side_off = rasterize(off.gaussians, orbit_camera(45.0, size=256)).rgb
        side_on2 = rasterize(on.gaussians, orbit_camera(-45.0, size=256)).rgb
        side_off2 = rasterize(off.gaussians, orbit_camera(-45.0, size=256)).rgb
    # ... but one side (the one the turned face hides from the camera) does
    changed = [int(((x - y).abs().amax(-1) > 0.1).sum()) for x, y in ((side_on, side_off), (side_on2, side_off2))]
    assert max(changed) > 400 and min(changed) < 0.1 * max(changed), changed  # only the hidden side
