import math

import numpy as np
import pytest
import torch

from facelift.errors import FaceliftError
from facelift.gaussians import SH_C0, Gaussians, matrix_to_quat, quat_to_matrix


def random_gaussians(n: int, seed: int = 0, sh_degree: int = 0) -> Gaussians:
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(n, 4, generator=g)
    return Gaussians(
        means=torch.randn(n, 3, generator=g),
        scales=torch.rand(n, 3, generator=g) * 0.1 + 1e-3,
        rotations=q / q.norm(dim=1, keepdim=True),
        opacities=torch.rand(n, generator=g) * 0.98 + 0.01,
        colors=torch.rand(n, 3, generator=g),
        sh_rest=torch.randn(n, (sh_degree + 1) ** 2 - 1, 3, generator=g) if sh_degree else None,
    )


def assert_same(a: Gaussians, b: Gaussians, atol=1e-5):
    assert len(a) == len(b)
    for name in ("means", "scales", "rotations", "opacities", "colors"):
        assert torch.allclose(getattr(a, name), getattr(b, name), atol=atol), name


@pytest.mark.parametrize("degree", [0, 3])
def test_ply_write_read_round_trip(tmp_path, degree):
    g = random_gaussians(257, sh_degree=degree)
    g.save_ply(tmp_path / "g.ply")
    back = Gaussians.load_ply(tmp_path / "g.ply")
    assert_same(g, back)
    if degree:
        assert torch.allclose(back.sh_rest, g.sh_rest)
    assert not list(tmp_path.glob(".*tmp*")), "temporary file left behind"


def test_ply_header_has_the_3dgs_property_order(tmp_path):
    random_gaussians(3).save_ply(tmp_path / "g.ply")
    raw = (tmp_path / "g.ply").read_bytes()
    header = raw[: raw.index(b"end_header")].decode().splitlines()
    props = [line.split()[-1] for line in header if line.startswith("property")]
    assert header[1] == "format binary_little_endian 1.0"
    assert props == ["x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2", "opacity",
                     "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]


def _independent_ply(path, n, with_normals=True, rest=45, extra_rgb=True, drop=()):
    """A 3DGS PLY written with numpy alone, as other tools write it."""
    rng = np.random.default_rng(1)
    names = ["x", "y", "z"] + (["nx", "ny", "nz"] if with_normals else []) + ["f_dc_0", "f_dc_1", "f_dc_2"]
    names += [f"f_rest_{i}" for i in range(rest)] + ["opacity", "scale_0", "scale_1", "scale_2",
                                                     "rot_0", "rot_1", "rot_2", "rot_3"]
    names = [n_ for n_ in names if n_ not in drop]
    dtype = [(name, "<f4") for name in names] + ([("red", "u1"), ("green", "u1"), ("blue", "u1")] if extra_rgb else [])
    arr = np.zeros(n, dtype=dtype)
    for name in names:
        arr[name] = rng.normal(size=n).astype(np.float32)
    header = "ply\nformat binary_little_endian 1.0\ncomment written by a test\nelement vertex %d\n" % n
    header += "".join(f"property float {name}\n" for name in names)
    if extra_rgb:
        header += "property uchar red\nproperty uchar green\nproperty uchar blue\n"
    header += "end_header\n"
    path.write_bytes(header.encode() + arr.tobytes())
    return arr


def test_reads_ply_from_an_independent_writer_with_sh3_normals_and_rgb_bytes(tmp_path):
    arr = _independent_ply(tmp_path / "other.ply", 50)
    g = Gaussians.load_ply(tmp_path / "other.ply")

    def col(name):
        return torch.from_numpy(np.ascontiguousarray(arr[name]))

    assert torch.allclose(g.means[:, 1], col("y"))
    assert torch.allclose(g.colors[:, 2], col("f_dc_2") * SH_C0 + 0.5)
    assert torch.allclose(g.opacities, torch.sigmoid(col("opacity")))
    assert torch.allclose(g.scales[:, 0], torch.exp(col("scale_0")))
    q = np.stack([arr[f"rot_{i}"] for i in range(4)], 1)
    assert torch.allclose(g.rotations, torch.from_numpy(q / np.linalg.norm(q, axis=1, keepdims=True)), atol=1e-6)
    assert g.sh_degree == 3
    # f_rest is channel-major: the first 15 values are the red channel's coefficients.
    assert torch.allclose(g.sh_rest[:, 4, 0], col("f_rest_4"))
    assert torch.allclose(g.sh_rest[:, 4, 1], col("f_rest_19"))


def test_reads_ply_without_normals_or_rest(tmp_path):
    _independent_ply(tmp_path / "p.ply", 5, with_normals=False, rest=0, extra_rgb=False)
    g = Gaussians.load_ply(tmp_path / "p.ply")
    assert len(g) == 5 and g.sh_rest is None


def test_truncated_ply_gives_clear_error(tmp_path):
    random_gaussians(100).save_ply(tmp_path / "g.ply")
    raw = (tmp_path / "g.ply").read_bytes()
    (tmp_path / "cut.ply").write_bytes(raw[:-100])
    with pytest.raises(FaceliftError, match=r"cut\.ply.*truncated"):
        Gaussians.load_ply(tmp_path / "cut.ply")


def test_ply_missing_property_gives_clear_error(tmp_path):
    _independent_ply(tmp_path / "m.ply", 5, drop=("scale_1",))
    with pytest.raises(FaceliftError, match=r"m\.ply.*missing.*scale_1"):
        Gaussians.load_ply(tmp_path / "m.ply")


def test_not_a_ply_gives_clear_error(tmp_path):
    (tmp_path / "x.ply").write_text("hello")
    with pytest.raises(FaceliftError, match="not a PLY"):
        Gaussians.load_ply(tmp_path / "x.ply")
    with pytest.raises(FaceliftError, match="not found"):
        Gaussians.load_ply(tmp_path / "nope.ply")


def test_splat_round_trip_within_quantisation(tmp_path):
    g = random_gaussians(64)
    g.save_splat(tmp_path / "g.splat")
    assert (tmp_path / "g.splat").stat().st_size == 64 * 32
    back = Gaussians.load_splat(tmp_path / "g.splat")
    order = torch.argsort(-(g.scales.prod(1) * g.opacities))
    assert torch.allclose(back.means, g.means[order])
    assert torch.allclose(back.colors, g.colors[order], atol=1 / 255)
    # Quaternion sign is free; compare rotation matrices.
    assert torch.allclose(quat_to_matrix(back.rotations), quat_to_matrix(g.rotations[order]), atol=0.05)


def test_cat_select_and_prune():
    a, b = random_gaussians(10, 0), random_gaussians(5, 1)
    c = Gaussians.cat([a, b])
    assert len(c) == 15 and torch.equal(c.means[10:], b.means)
    kept = c.prune(min_opacity=0.5)
    assert len(kept) == int((c.opacities > 0.5).sum())
    assert (kept.opacities > 0.5).all()
    boxed = c.prune(box=0.5)
    assert (boxed.means.abs() <= 0.5).all()


def test_rigid_transform_moves_means_and_covariances():
    g = random_gaussians(20)
    angle = 0.7
    R = torch.tensor([[math.cos(angle), -math.sin(angle), 0], [math.sin(angle), math.cos(angle), 0], [0, 0, 1.0]])
    t = torch.tensor([0.1, -0.2, 0.3])
    moved = g.transformed(R, t, scale=2.0)
    assert torch.allclose(moved.means, 2.0 * g.means @ R.T + t, atol=1e-5)
    assert torch.allclose(moved.covariances(), 4.0 * R @ g.covariances() @ R.T, atol=1e-5)


def test_quaternion_matrix_round_trip():
    q = torch.tensor([0.3, -0.5, 0.2, 0.7])
    q = q / q.norm()
    assert torch.allclose(matrix_to_quat(quat_to_matrix(q)), q, atol=1e-6)


def test_batched_matrices_to_quats_match_the_single_conversion():
    from facelift.gaussians import matrices_to_quats

    g = torch.Generator().manual_seed(0)
    q = torch.randn(500, 4, generator=g)
    q = q / q.norm(dim=-1, keepdim=True)
    # Include the cases where x, y or z (not w) is the largest component, and the identity.
    q = torch.cat([q, torch.eye(4)])
    q = torch.where(q[:, :1] < 0, -q, q)
    R = quat_to_matrix(q)
    got = matrices_to_quats(R)
    torch.testing.assert_close(got, q, atol=1e-5, rtol=0)
    torch.testing.assert_close(got[7], matrix_to_quat(R[7]), atol=1e-6, rtol=0)


def test_bad_shapes_are_rejected():
    g = random_gaussians(4)
    with pytest.raises(FaceliftError, match="opacities"):
        Gaussians(g.means, g.scales, g.rotations, g.opacities[:, None], g.colors)
