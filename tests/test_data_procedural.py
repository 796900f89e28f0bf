"""Procedural heads: reproducible, varied, anatomically placed, hole-free, consistent in 3D."""

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch
from scipy import ndimage

from facelift.cameras import orbit_camera
from facelift.data import sdf
from facelift.data.procedural import (CLOTHES_PATTERNS, EXAMPLE_SPACING, GLASSES_STYLES, HAIR_STYLES, HAT_STYLES,
                                      PART, LIGHTINGS, build_head, make_head, sample_appearance, sample_identity,
                                      spacing_for_resolution)
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.render import rasterize

SPACING = 0.045  # the 64² setting: ~5k Gaussians, fast to build


def _render_parts(head, azimuth: float, part: str, size: int = 64) -> torch.Tensor:
    """(H, W) coverage of one part: render with colour 1 on that part and 0 elsewhere."""
    mask = (head.labels == PART[part]).float()
    g = replace(head.gaussians, colors=mask[:, None].repeat(1, 3))
    return rasterize(g, orbit_camera(azimuth, 0.0, size=size), background=(0, 0, 0)).rgb[..., 0]


def test_same_seeds_give_identical_gaussians():
    a = make_head(11, 4, SPACING)
    b = make_head(11, 4, SPACING)
    for name in ("means", "scales", "rotations", "opacities", "colors"):
        assert torch.equal(getattr(a.gaussians, name), getattr(b.gaussians, name)), name
    assert a.identity == b.identity and a.appearance == b.appearance


def test_identity_is_shared_across_appearances_and_differs_across_seeds():
    ident = sample_identity(5)
    apps = [sample_appearance(ident, k) for k in range(6)]
    assert len({a.hair_style for a in apps} | {a.clothes_rgb for a in apps}) > 2
    assert sample_identity(5) == ident
    others = [sample_identity(k) for k in range(20)]
    assert len({o.skin_rgb for o in others}) == 20
    assert len({o.eye_colour for o in others}) > 2
    tones = [o.skin_tone for o in others]
    assert min(tones) < 0.25 and max(tones) > 0.75  # the full range of skin tones is drawn


def test_gaussians_are_valid_and_centred_in_the_spec_frame():
    head = make_head(3, 1, SPACING)
    g = head.gaussians
    assert 2000 < len(g) < 20000
    assert torch.isfinite(g.means).all() and (g.scales > 0).all()
    assert torch.allclose(g.rotations.norm(dim=1), torch.ones(len(g)), atol=1e-5)
    assert (g.colors >= 0).all() and (g.colors <= 1).all()
    assert torch.allclose(head.normals.norm(dim=1), torch.ones(len(g)), atol=1e-4)
    assert g.means.abs().max() < 1.5
    # Head at the origin, the face toward -Y: eyes are in front and roughly at the centre height.
    eyes = g.means[head.labels == PART["eye"]]
    assert len(eyes) > 20
    assert eyes[:, 1].mean() < -0.3 and abs(eyes[:, 2].mean()) < 0.2 and abs(eyes[:, 0].mean()) < 0.1
    # Eyes on both sides of the face (subject's right at -X, left at +X).
    assert (eyes[:, 0] < -0.05).any() and (eyes[:, 0] > 0.05).any()


def test_normals_point_outward():
    head = make_head(2, 2, SPACING)
    g = head.gaussians
    skin = head.labels == PART["skin"]
    # Stepping along the normal leaves the surface: the SDF grows.
    from facelift.data.procedural import HeadShape

    shape = HeadShape(head.identity, head.appearance)
    p = g.means[skin].numpy()
    n = head.normals[skin].numpy()
    assert (shape.scene(p + 0.02 * n) > shape.scene(p)).mean() > 0.97


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_back_view_shows_no_eyes_and_front_view_does(seed):
    head = make_head(seed, seed + 10, SPACING)
    assert _render_parts(head, 0.0, "eye").sum() > 3.0
    assert _render_parts(head, 180.0, "eye").max() < 0.02


def test_every_hair_style_builds_and_covers_the_back_of_the_head():
    ident = sample_identity(8)
    base = sample_appearance(ident, 0, lighting="ambient", max_head_pose=0.0)
    coverage = {}
    for style in HAIR_STYLES:
        head = build_head(ident, replace(base, hair_style=style), SPACING)
        coverage[style] = float(_render_parts(head, 180.0, "hair").mean())
    assert coverage["bald"] == 0.0
    for style in ("short", "long", "bun", "fringe", "ponytail"):
        assert coverage[style] > 0.05, style
    assert coverage["long"] > coverage["short"]


def test_full_beard_and_open_mouth_show_in_front():
    ident = sample_identity(4)
    base = sample_appearance(ident, 0, lighting="ambient", max_head_pose=0.0)
    bearded = build_head(ident, replace(base, beard="full", mouth_open=0.0), SPACING)
    assert _render_parts(bearded, 0.0, "beard").sum() > 5.0
    opened = build_head(ident, replace(base, beard="none", mouth_open=1.0), 0.02)
    closed = build_head(ident, replace(base, beard="none", mouth_open=0.0), 0.02)
    assert (opened.labels == PART["mouth"]).sum() > 10
    assert (closed.labels == PART["mouth"]).sum() == 0


def test_extras_are_drawn_apart_from_the_rest_of_the_appearance():
    seen = {"glasses": set(), "hat": set(), "clothes_pattern": set()}
    freckled = 0
    for seed in range(120):
        ident = sample_identity(seed)
        plain = sample_appearance(ident, 3)
        extra = sample_appearance(ident, 3, extras=True)
        # Without extras an appearance is what it always was; with them, the same head plus extras.
        assert (plain.glasses, plain.hat, plain.clothes_pattern, plain.freckles) == ("none", "none", "plain", 0.0)
        assert replace(extra, glasses="none", glasses_rgb=plain.glasses_rgb, hat="none", hat_rgb=plain.hat_rgb,
                       clothes_pattern="plain", pattern_rgb=plain.pattern_rgb, freckles=0.0) == plain
        assert extra == sample_appearance(ident, 3, extras=True)
        for key in seen:
            seen[key].add(getattr(extra, key))
        freckled += extra.freckles > 0
    assert seen == {"glasses": set(GLASSES_STYLES), "hat": set(HAT_STYLES), "clothes_pattern": set(CLOTHES_PATTERNS)}
    assert 5 <= freckled <= 40  # ~30% of the lighter skins


def _world_in_head_frame(head):
    from facelift.data.procedural import HeadShape

    shape = HeadShape(head.identity, head.appearance)
    return shape, shape.to_head(head.gaussians.means.numpy())


def test_glasses_sit_in_front_of_the_eyes_and_show_in_front_views():
    ident = sample_identity(5)
    base = sample_appearance(ident, 0, lighting="ambient", max_head_pose=0.0)
    assert not (build_head(ident, base, SPACING).labels == PART["glasses"]).any()
    for style in ("round", "rect"):
        head = build_head(ident, replace(base, glasses=style, hair_style="short"), 0.016)
        frames = (head.labels == PART["glasses"]).numpy()
        shape, q = _world_in_head_frame(head)
        # The rims: around each eye's height, in front of the eyeballs; the arms reach back to the ears.
        rims = frames & (np.abs(q[:, 2] - shape.eye_z) < 0.07) & (q[:, 1] < shape.eye_c[0, 1] - shape.eye_r)
        for c in shape.eye_c:
            near = rims & (np.abs(q[:, 0] - c[0]) < 0.07)
            assert near.sum() > 20, style
        assert _render_parts(head, 0.0, "glasses", size=128).sum() > 20.0
        # Frames are thin: they cover little of the face seen from the front.
        assert _render_parts(head, 0.0, "glasses", size=128).mean() < 0.03


def test_hats_cover_the_crown_and_a_cap_has_a_brim_in_front():
    ident = sample_identity(6)
    base = sample_appearance(ident, 0, lighting="ambient", max_head_pose=0.0)
    base = replace(base, hair_style="short")
    bare = build_head(ident, base, SPACING)
    for style in ("cap", "beanie"):
        head = build_head(ident, replace(base, hat=style), SPACING)
        hat = (head.labels == PART["hat"]).numpy()
        shape, q = _world_in_head_frame(head)
        assert hat.sum() > 100
        # On top: the hat hides the hair from above and from behind at the crown.
        top = rasterize(replace(head.gaussians, colors=torch.from_numpy(hat).float()[:, None].repeat(1, 3)),
                        orbit_camera(0.0, 80.0, size=64), background=(0, 0, 0)).rgb[..., 0]
        assert float(top[top > 0].mean()) > 0.8, style
        assert q[hat, 2].min() > shape.eye_z  # above the eyes, whatever the style
        reach = q[hat, 1].min()
        if style == "cap":  # the brim reaches further forward than the forehead and the hair
            _, q_bare = _world_in_head_frame(bare)
            assert reach < q_bare[q_bare[:, 2] > shape.eye_z + 0.15, 1].min() - 0.12
    assert (bare.labels == PART["hat"]).sum() == 0


def test_clothes_patterns_and_freckles_change_the_albedo_where_they_should():
    ident = sample_identity(1)
    base = replace(sample_appearance(ident, 0, lighting="ambient", max_head_pose=0.0), clothes_rgb=(0.2, 0.3, 0.6),
                   pattern_rgb=(0.95, 0.95, 0.9), beard="none")
    spread = {}
    for pattern in CLOTHES_PATTERNS:
        head = build_head(ident, replace(base, clothes_pattern=pattern), 0.02)
        cloth = head.labels == PART["clothes"]
        spread[pattern] = float(head.albedo[cloth].mean(dim=1).std())
    assert spread["plain"] < 0.05 < spread["stripes"] and spread["checks"] > 0.05, spread
    plain = build_head(ident, base, 0.01)
    freckled = build_head(ident, replace(base, freckles=1.0), 0.01)
    assert torch.equal(plain.gaussians.means, freckled.gaussians.means)
    darker = (freckled.albedo.sum(1) < plain.albedo.sum(1) - 0.05).numpy()
    shape, q = _world_in_head_frame(freckled)
    assert darker.sum() > 50
    # Only on the face: in front, between the brows and the mouth, nowhere on the back or the clothes.
    assert (q[darker, 1] < shape.mouth_y + 0.1).all()
    assert (freckled.labels[darker] == PART["skin"]).all()


def _symmetric(ident_seed: int):
    ident = sample_identity(ident_seed)
    app = sample_appearance(ident, 1, lighting="ambient", max_head_pose=0.0)
    return ident, replace(app, hair_style="short", gaze_yaw=0.0, gaze_pitch=0.0, beard="none")


def _iou(a: torch.Tensor, b: torch.Tensor) -> float:
    a, b = a > 0.5, b > 0.5
    return float((a & b).sum() / (a | b).sum())


def test_left_and_right_views_are_mirror_images_for_a_symmetric_head():
    ident, app = _symmetric(6)
    head = build_head(ident, app, SPACING)
    g = head.gaussians
    right = rasterize(g, orbit_camera(90.0, 0.0, size=64)).alpha
    left = rasterize(g, orbit_camera(270.0, 0.0, size=64)).alpha
    assert _iou(right, left.flip(1)) > 0.95
    front = rasterize(g, orbit_camera(0.0, 0.0, size=64)).alpha
    assert _iou(front, front.flip(1)) > 0.95


def test_silhouettes_of_opposite_views_agree():
    # Opposite cameras see nearly the same outline, mirrored (any shape; perspective
    # makes them differ a little, more for the 45° pair whose outline has more depth).
    head = make_head(9, 3, SPACING)
    a = lambda az: rasterize(head.gaussians, orbit_camera(az, 0.0, size=64)).alpha  # noqa: E731
    assert _iou(a(0.0), a(180.0).flip(1)) > 0.9
    assert _iou(a(90.0), a(270.0).flip(1)) > 0.9
    assert _iou(a(45.0), a(225.0).flip(1)) > 0.85


def test_six_view_silhouettes_are_projections_of_one_shape():
    from facelift.cameras import facelift_cameras

    head = make_head(4, 7, SPACING)
    cams = facelift_cameras(64)
    means = head.gaussians.means
    for i in range(6):
        cam = cams[i]
        alpha = rasterize(head.gaussians, cam).alpha
        x = (torch.cat([means, torch.ones(len(means), 1)], 1) @ cam.w2c.T)[:, :3]
        uv = (x @ cam.K.T)[:, :2] / x[:, 2:3]
        ij = uv.floor().long()
        ij = ij[((ij >= 0) & (ij < 64)).all(1)]  # the shoulders leave the frame
        # Every 3D point projects inside the silhouette ...
        assert (alpha[ij[:, 1], ij[:, 0]] > 0.3).float().mean() > 0.99
        # ... and the silhouette holds nothing but projected points.
        hit = torch.zeros(64, 64, dtype=torch.bool)
        hit[ij[:, 1], ij[:, 0]] = True
        hit = torch.from_numpy(ndimage.binary_dilation(hit.numpy(), iterations=1))
        sil = alpha > 0.5
        assert (sil & hit).sum() / sil.sum() > 0.99


def _interior_alpha(alpha: torch.Tensor, erode: int) -> np.ndarray:
    """Alpha of the pixels well inside the silhouette (holes filled, edge eroded)."""
    inside = ndimage.binary_fill_holes(alpha.numpy() > 0.5)
    inside = ndimage.binary_erosion(inside, iterations=erode)
    return alpha.numpy()[inside]


def _assert_hole_free(alpha: torch.Tensor, erode: int) -> None:
    a = _interior_alpha(alpha, erode)
    # A hole shows as see-through pixels; thin translucent edges (hair tips in front of
    # the neck) may dip a little below 1 on a handful of pixels.
    assert a.min() > 0.9
    assert (a < 0.97).mean() < 1e-3


def test_example_head_renders_without_holes_at_512():
    path = Path(__file__).resolve().parents[1] / "src" / "facelift" / "assets" / "example_head.ply"
    g = Gaussians.load_ply(path)
    assert path.stat().st_size <= 3 * 1024 * 1024 and 20000 < len(g) < 60000
    for az in (0.0, 100.0, 180.0):
        _assert_hole_free(rasterize(g, orbit_camera(az, 10.0, size=512)).alpha, 3)


def test_bundled_example_head_is_what_the_generator_makes():
    # Regenerate with `facelift data head --example src/facelift/assets/example_head.ply`
    # after changing the generator. Loose comparison: other CPUs may round a few samples differently.
    from facelift.data.procedural import example_head

    path = Path(__file__).resolve().parents[1] / "src" / "facelift" / "assets" / "example_head.ply"
    stored = Gaussians.load_ply(path)
    fresh = example_head().gaussians
    assert abs(len(fresh) - len(stored)) <= 0.01 * len(stored)
    assert torch.allclose(fresh.colors.mean(0), stored.colors.mean(0), atol=0.005)
    assert torch.allclose(fresh.means.mean(0), stored.means.mean(0), atol=0.005)


def test_front_view_is_framed_like_the_release_crop():
    # Stage I expects the release's framing (SPEC §2.1); our face detector must find the
    # synthetic face and measure it close to the release's constants.
    from facelift.preprocess.crop import FACE_CENTER, FACE_SIZE, release_box_from_landmarks
    from facelift.preprocess.detect import face_landmarks

    path = Path(__file__).resolve().parents[1] / "src" / "facelift" / "assets" / "example_head.ply"
    g = Gaussians.load_ply(path)
    rgb = (rasterize(g, orbit_camera(0.0, 0.0, size=512)).rgb.clamp(0, 1).numpy() * 255).astype(np.uint8)
    landmarks = face_landmarks(rgb)
    assert landmarks is not None
    box = release_box_from_landmarks(landmarks)
    assert abs(box.size - FACE_SIZE) < 0.1 * FACE_SIZE
    assert abs(box.center[0] - FACE_CENTER[0]) < 10 and abs(box.center[1] - FACE_CENTER[1]) < 10


def test_spacing_for_resolution_is_hole_free_at_low_resolution():
    head = make_head(1, 5, spacing_for_resolution(64))
    for az in (30.0, 200.0):
        _assert_hole_free(rasterize(head.gaussians, orbit_camera(az, -15.0, size=64)).alpha, 1)
    assert spacing_for_resolution(512) == pytest.approx(EXAMPLE_SPACING)


def test_environment_light_shades_by_normal_and_ambient_is_flat():
    ident = sample_identity(2)
    app = sample_appearance(ident, 0, lighting="environment")
    assert app.lighting.kind == "environment"
    head = build_head(ident, app, SPACING)
    # Shading = colour / albedo varies much more under a directional light than ambient.
    flat = build_head(ident, replace(app, lighting=sample_appearance(ident, 0, lighting="ambient").lighting), SPACING)
    skin = head.labels == PART["skin"]

    def spread(h):
        ratio = (h.gaussians.colors[skin] / h.albedo[skin].clamp_min(0.05)).mean(1)
        return float(ratio.std())

    assert spread(head) > 2 * spread(flat)
    # Facing the sun is brighter than facing away from it.
    sun = torch.tensor(app.lighting.sun_direction)
    facing = (head.normals[skin] @ sun)
    lum = (head.gaussians.colors[skin] / head.albedo[skin].clamp_min(0.05)).mean(1)
    assert lum[facing > 0.7].mean() > lum[facing < -0.3].mean()


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(FaceliftError, match="lighting"):
        sample_appearance(sample_identity(0), 0, lighting="studio")
    with pytest.raises(FaceliftError, match="spacing"):
        make_head(0, 0, spacing=1.0)
    assert set(LIGHTINGS) == {"ambient", "environment"}


def test_sdf_primitives_are_exact_where_they_should_be():
    p = np.array([[2.0, 0, 0], [0, 0, 0], [0, 3.0, 0]], np.float32)
    assert np.allclose(sdf.sphere(p, (0, 0, 0), 1.0), [1.0, -1.0, 2.0])
    assert np.allclose(sdf.ellipsoid(p, (0, 0, 0), (2.0, 3.0, 1.0))[[0, 2]], [0.0, 0.0], atol=1e-6)
    assert np.allclose(sdf.capsule(p, (0, -1, 0), (0, 1, 0), 0.5), [1.5, -0.5, 1.5])
    assert np.allclose(sdf.smin(np.array([1.0]), np.array([5.0]), 0.5), 1.0)
    n = np.array([[0, 0, 1.0], [1.0, 0, 0], [0, 0, -1.0], [0.6, 0.0, 0.8]], np.float32)
    q = torch.from_numpy(sdf.normal_to_quaternion(n))
    from facelift.gaussians import quat_to_matrix

    z = quat_to_matrix(q)[:, :, 2]
    assert torch.allclose(z, torch.from_numpy(n), atol=1e-5)


def test_surface_points_of_a_sphere_lie_on_it_with_expected_density():
    field = lambda p: sdf.sphere(p, (0.1, 0, 0), 0.5)  # noqa: E731
    pts, nrm = sdf.surface_points(field, (-1, -1, -1), (1, 1, 1), 0.05)
    r = np.linalg.norm(pts - np.array([0.1, 0, 0]), axis=1)
    assert np.abs(r - 0.5).max() < 0.005
    assert np.allclose(nrm, (pts - np.array([0.1, 0, 0])) / r[:, None], atol=1e-2)
    area = 4 * math.pi * 0.25
    assert 0.9 * area / 0.05 ** 2 < len(pts) < 2.0 * area / 0.05 ** 2


def test_data_head_command_writes_a_head(tmp_path, capsys):
    from facelift.cli import main

    out = tmp_path / "head.ply"
    assert main(["data", "head", "-o", str(out), "--identity", "3", "--appearance", "1", "--spacing", "0.05"]) == 0
    g = Gaussians.load_ply(out)
    ref = make_head(3, 1, 0.05).gaussians
    assert len(g) == len(ref) and torch.allclose(g.means, ref.means)
    capsys.readouterr()
    assert main(["data", "head"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
