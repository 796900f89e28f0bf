import json
import math

import pytest
import torch

from facelift.cameras import (
    FOV_DEG, RADIUS, VIEW_NAMES, Camera, facelift_cameras, focal_from_fov, look_at, opencv_to_opengl,
    opengl_to_opencv, orbit_camera, ray_directions, ray_map, read_transforms, turntable_cameras,
    write_transforms,
)
from facelift.errors import FaceliftError

SPEC_POSITIONS = {  # SPEC §3
    "front": (0, -2.7, 0), "front_right": (-1.91, -1.91, 0), "right": (-2.7, 0, 0),
    "back": (0, 2.7, 0), "left": (2.7, 0, 0), "front_left": (1.91, -1.91, 0),
}


def random_c2w(seed: int) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    q, _ = torch.linalg.qr(torch.randn(3, 3, generator=g, dtype=torch.float64))
    if torch.det(q) < 0:
        q[:, 0] = -q[:, 0]
    c2w = torch.eye(4, dtype=torch.float64)
    c2w[:3, :3], c2w[:3, 3] = q, torch.randn(3, generator=g, dtype=torch.float64)
    return c2w


def test_opencv_opengl_round_trip():
    c2w = random_c2w(0)
    assert torch.allclose(opengl_to_opencv(opencv_to_opengl(c2w)), c2w, atol=1e-12)


def test_opengl_camera_looks_down_its_minus_z():
    cam = orbit_camera(30.0, 10.0)
    gl = opencv_to_opengl(cam.c2w)
    # OpenCV forward (+z column) equals OpenGL's -z column; OpenCV down (+y) equals OpenGL -y (up).
    assert torch.allclose(gl[:3, 2], -cam.c2w[:3, 2], atol=1e-6)
    assert torch.allclose(gl[:3, 1], -cam.c2w[:3, 1], atol=1e-6)


def test_intrinsics_match_release_at_512():
    cam = orbit_camera(0.0)
    assert cam.fx.item() == pytest.approx(548.99, abs=0.01)
    assert cam.cx.item() == 256.0 and cam.cy.item() == 256.0
    assert focal_from_fov(FOV_DEG, 512) == pytest.approx(548.99, abs=0.01)


@pytest.mark.parametrize("azimuth,elevation", [(0, 0), (45, 0), (123, 20), (270, -30)])
def test_orbit_principal_ray_passes_through_origin(azimuth, elevation):
    cam = orbit_camera(azimuth, elevation, size=64)
    o, d = cam.position.double(), cam.c2w[:3, 2].double()
    closest = o + (-(o @ d)) * d
    assert closest.norm() < 1e-5
    assert cam.position.norm().item() == pytest.approx(RADIUS, abs=1e-5)


def test_six_views_sit_at_spec_positions_in_order():
    cams = facelift_cameras(512)
    assert VIEW_NAMES == ("front", "front_right", "right", "back", "left", "front_left")
    for i, name in enumerate(VIEW_NAMES):
        assert torch.allclose(cams.position[i], torch.tensor(SPEC_POSITIONS[name], dtype=torch.float32), atol=1e-2)


def test_frontal_camera_image_right_is_world_plus_x_and_down_is_minus_z():
    cam = orbit_camera(0.0)
    assert torch.allclose(cam.c2w[:3, 0], torch.tensor([1.0, 0, 0]), atol=1e-6)
    assert torch.allclose(cam.c2w[:3, 1], torch.tensor([0, 0, -1.0]), atol=1e-6)
    assert torch.allclose(cam.c2w[:3, 2], torch.tensor([0, 1.0, 0]), atol=1e-6)


def test_positive_elevation_lifts_camera():
    assert orbit_camera(0.0, 30.0).position[2] > 0


def test_orbit_rejects_pole_and_bad_radius():
    with pytest.raises(FaceliftError):
        orbit_camera(0.0, 90.0)
    with pytest.raises(FaceliftError):
        orbit_camera(0.0, 0.0, radius=0.0)


def test_turntable_is_evenly_spaced_and_starts_at_front():
    cams = turntable_cameras(8, size=32)
    assert len(cams) == 8
    assert torch.allclose(cams.position[0], torch.tensor([0, -RADIUS, 0]), atol=1e-5)
    angles = torch.atan2(cams.position[:, 1], cams.position[:, 0])
    # As the release's turntable: from the front toward the subject's left (+X), i.e.
    # counter-clockwise seen from above.
    steps = torch.remainder(angles.roll(-1) - angles, 2 * math.pi)
    assert torch.allclose(steps, torch.full((8,), 2 * math.pi / 8), atol=1e-5)
    assert cams.position[1, 0] > 0
    right = turntable_cameras(8, size=32, toward="right")
    assert right.position[1, 0] < 0  # toward the subject's right (-X)
    torch.testing.assert_close(right.position[1:], cams.position[1:].flip(0))
    with pytest.raises(FaceliftError, match="left' or 'right"):
        turntable_cameras(8, toward="up")


def test_center_pixel_ray_of_odd_image_is_the_optical_axis():
    cam = orbit_camera(60.0, 15.0, size=9)
    _, d = ray_directions(cam)
    assert torch.allclose(d[:, 4, 4], cam.c2w[:3, 2], atol=1e-6)
    assert torch.allclose(d.norm(dim=0), torch.ones(9, 9), atol=1e-6)


def test_moments_orthogonal_to_directions_and_independent_of_point_on_ray():
    cam = orbit_camera(20.0, 10.0, size=16)
    rm = ray_map(cam, "moment")
    d, m = rm[:3], rm[3:]
    assert rm.shape == (6, 16, 16)
    assert (d * m).sum(0).abs().max() < 1e-5
    o, _ = ray_directions(cam)
    shifted = torch.linalg.cross(o + 0.7 * d, d, dim=0)
    assert torch.allclose(shifted, m, atol=1e-5)


def test_nearest_points_orthogonal_to_directions_and_on_the_ray():
    cam = orbit_camera(200.0, -20.0, size=16)
    rm = ray_map(cam, "nearest")
    d, p = rm[:3], rm[3:]
    assert (d * p).sum(0).abs().max() < 1e-5
    o, _ = ray_directions(cam)
    # p - o must be parallel to d.
    assert torch.linalg.cross(p - o, d, dim=0).norm(dim=0).max() < 1e-5


def test_batched_ray_map_matches_single():
    cams = facelift_cameras(8)
    batched = ray_map(cams)
    assert batched.shape == (6, 6, 8, 8)
    assert torch.allclose(batched[3], ray_map(cams[3]), atol=1e-6)


def test_transforms_json_round_trip(tmp_path):
    cams = Camera.stack([orbit_camera(a, e, size=(64, 48), fov=40) for a, e in [(0, 0), (77, 12), (300, -25)]])
    path = tmp_path / "transforms.json"
    write_transforms(path, cams, [f"images/{i:03d}.png" for i in range(3)])
    data = json.loads(path.read_text())
    assert set(data["frames"][0]) >= {"file_path", "transform_matrix", "fl_x", "fl_y", "cx", "cy", "w", "h"}
    # Stored in OpenGL: the camera looks down -z of transform_matrix.
    gl = torch.tensor(data["frames"][1]["transform_matrix"])
    assert torch.allclose(gl[:3, 2], -cams.c2w[1, :3, 2], atol=1e-6)
    back, names, _ = read_transforms(path)
    assert names == ["images/000.png", "images/001.png", "images/002.png"]
    assert (back.width, back.height) == (64, 48)
    assert torch.allclose(back.c2w, cams.c2w, atol=1e-6)
    assert torch.allclose(back.K, cams.K, atol=1e-4)


def test_read_transforms_accepts_instant_ngp_camera_angle(tmp_path):
    c2w = opencv_to_opengl(look_at(torch.tensor([0.0, -3.0, 0.0])))
    (tmp_path / "t.json").write_text(json.dumps({
        "camera_angle_x": math.radians(50), "w": 512, "h": 512,
        "frames": [{"file_path": "a.png", "transform_matrix": c2w.tolist()}],
    }))
    cam, _, _ = read_transforms(tmp_path / "t.json")
    assert cam.fx[0].item() == pytest.approx(548.99, abs=0.01)


def test_read_transforms_errors_name_the_file(tmp_path):
    bad = tmp_path / "transforms.json"
    bad.write_text("{not json")
    with pytest.raises(FaceliftError, match="transforms.json"):
        read_transforms(bad)
    bad.write_text(json.dumps({"frames": [{"file_path": "x.png"}]}))
    with pytest.raises(FaceliftError, match="frame 0"):
        read_transforms(bad)
    with pytest.raises(FaceliftError, match="not found"):
        read_transforms(tmp_path / "missing.json")


def test_resized_camera_scales_intrinsics():
    cam = orbit_camera(0.0, size=512).resized(64)
    assert cam.fx.item() == pytest.approx(548.99 / 8, abs=1e-3)
    assert cam.cx.item() == 32.0
