"""The format dispatch (facelift.formats.write): ``reconstruct --format LIST``, ``export --up``,
``export --mesh``, and rotating a set with its view-dependent colour (facelift.sh)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import trimesh
from PIL import Image

from app_helpers import EXAMPLE_PHOTO, FakePipeline, blob
from facelift.cameras import facelift_cameras, orbit_camera
from facelift.cli import main
from facelift.errors import FaceliftError
from facelift.formats.axes import Z_UP_TO_Y_UP, turn_up
from facelift.formats.splats import load_gaussians
from facelift.formats.spz import to_spz_bytes
from facelift.formats.write import parse_formats, write_head
from facelift.gaussians import SH_C0, Gaussians, quat_multiply, quat_to_matrix
from facelift.outputs import TurntableSpec, expected_files, head_file, is_complete, write_result
from facelift.render import rasterize
from facelift.sh import rotate_sh, sh_basis, view_colors

from test_gaussians import random_gaussians

R_Y_UP = torch.tensor(Z_UP_TO_Y_UP)
TINY_TURNTABLE = TurntableSpec(frames=2, size=32)


def small_head(n: int = 800, sh_degree: int = 0) -> Gaussians:
    g = blob((0, 0, 0), (0.8, 0.5, 0.3), n=n, spread=0.2, seed=3)
    if sh_degree:
        k = (sh_degree + 1) ** 2 - 1
        g.sh_rest = 0.1 * torch.randn(n, k, 3, generator=torch.Generator().manual_seed(4))
    return g


# ------------------------------------------------------------------ --format lists


@pytest.mark.parametrize("text, expected", [
    ("ply", ("ply",)), ("ply,spz,glb", ("ply", "spz", "glb")), (" SPZ, ply ,spz,.glb", ("spz", "ply", "glb")),
    ("glb", ("ply", "glb")), ("html,obj", ("ply", "html", "obj")), (["splat", "html"], ("splat", "html")),
])
def test_format_lists_are_parsed_without_repeats_and_always_hold_a_head(text, expected):
    assert parse_formats(text) == expected


@pytest.mark.parametrize("text, needle", [("ply,stl", "unknown format 'stl'"), ("ply,,spz", "empty entry"),
                                          ("", "empty entry"), ("mesh", "unknown format 'mesh'")])
def test_bad_format_lists_are_one_line_errors(text, needle):
    with pytest.raises(FaceliftError, match=needle) as e:
        parse_formats(text)
    assert "\n" not in str(e.value)


def test_reconstruct_refuses_a_bad_format_list_before_anything_loads(tmp_path, capsys, monkeypatch):
    from facelift.pipeline import FaceLiftPipeline

    monkeypatch.setattr(FaceLiftPipeline, "from_pretrained", classmethod(lambda cls, *a, **k: pytest.fail("loaded")))
    with pytest.raises(SystemExit) as e:
        main(["reconstruct", str(EXAMPLE_PHOTO), "-o", str(tmp_path / "out"), "--format", "ply,gltf"])
    assert e.value.code == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "unknown format 'gltf'" in err and "ply,splat,spz,html,glb,obj" in err, err
    assert list(tmp_path.iterdir()) == []


def test_result_folder_holds_every_format_and_the_skip_check_wants_them_all(tmp_path):
    g = small_head()
    views = [Image.new("RGB", (64, 64), (i * 40, 0, 0)) for i in range(6)]
    folder = write_result(tmp_path / "rec", views[0], views, facelift_cameras(64), g, TINY_TURNTABLE,
                          format="spz,glb,html,spz", progress=False)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["input.png", "views.png", "turntable.mp4", "cameras.json", "gaussians.spz",
                            "gaussians.glb", "gaussians.html"])
    assert [p.name for p in tmp_path.iterdir()] == ["rec"]  # nothing left beside it
    assert is_complete(folder, "spz,glb,html") and is_complete(folder, ("glb", "spz"))
    assert is_complete(folder, "spz")
    assert not is_complete(folder, "ply") and not is_complete(folder, "spz,obj")
    assert not is_complete(folder, "glb")  # a mesh alone asks for the default head, gaussians.ply, too
    assert expected_files("glb")[-2:] == ["gaussians.ply", "gaussians.glb"]
    # The folder's head is the .spz (the page and the mesh are extras); it is the set, as written.
    assert head_file(folder).name == "gaussians.spz"
    back = load_gaussians(head_file(folder))
    assert len(back) == len(g) and torch.allclose(back.means, g.means, atol=1e-3)
    mesh = trimesh.load(folder / "gaussians.glb", force="mesh")
    assert mesh.is_watertight and mesh.visual.kind == "vertex" and len(mesh.faces) > 1000
    # ... and the commands that read a folder find it.
    assert main(["export", str(folder), "-o", str(tmp_path / "again.ply")]) == 0
    assert len(load_gaussians(tmp_path / "again.ply")) == len(g)


def test_write_result_refuses_a_bad_list_and_writes_nothing(tmp_path):
    views = [Image.new("RGB", (64, 64))] * 6
    with pytest.raises(FaceliftError, match="unknown format 'gif'"):
        write_result(tmp_path / "rec", views[0], views, facelift_cameras(64), small_head(), TINY_TURNTABLE,
                     format="ply,gif", progress=False)
    assert list(tmp_path.iterdir()) == []


class _Pipeline(FakePipeline):
    """The stand-in pipeline, with what ``facelift reconstruct`` asks of the real one besides."""

    def require_stage1(self) -> None:
        pass

    def set_scheduler(self, name) -> None:
        pass

    def __call__(self, image, seed=None, remove_background=True, **kwargs):
        return super().__call__(image, seed=0 if seed is None else seed, **kwargs)


def test_reconstruct_writes_the_list_and_reruns_only_for_missing_formats(tmp_path, monkeypatch):
    from facelift.pipeline import FaceLiftPipeline

    pipe = _Pipeline()
    monkeypatch.setattr(FaceLiftPipeline, "from_pretrained", classmethod(lambda cls, *a, **k: pipe))
    out = tmp_path / "out"
    args = ["reconstruct", str(EXAMPLE_PHOTO), "-o", str(out), "--frames", "2", "--size", "32", "--no-crop"]
    assert main([*args, "--format", "spz,html"]) == 0
    folder = out / EXAMPLE_PHOTO.stem
    assert {"gaussians.spz", "gaussians.html"} <= {p.name for p in folder.iterdir()}
    assert not (folder / "gaussians.ply").exists() and len(pipe.calls) == 1
    assert main([*args, "--format", "html,spz"]) == 0  # the same list in another order: done already
    assert len(pipe.calls) == 1
    assert main([*args, "--format", "spz,splat"]) == 0  # .splat is missing: redone, with the new list
    assert len(pipe.calls) == 2
    assert {p.name for p in folder.glob("gaussians.*")} == {"gaussians.spz", "gaussians.splat"}


# ------------------------------------------------------------------ --up


def test_y_up_turns_means_and_quaternions_as_the_axes_say():
    # A Gaussian long along our +Y (the line of sight of the front camera): a 90° turn about Z.
    half = math.radians(45.0)
    q = torch.tensor([[math.cos(half), 0.0, 0.0, math.sin(half)]])
    g = Gaussians(means=torch.tensor([[0.1, 0.2, 0.3]]), scales=torch.tensor([[0.3, 0.1, 0.05]]),
                  rotations=q, opacities=torch.tensor([0.9]), colors=torch.tensor([[0.5, 0.5, 0.5]]))
    y = turn_up(g, "y")
    assert torch.allclose(y.means, torch.tensor([[0.1, 0.3, -0.2]]), atol=1e-6)  # (x, y, z) -> (x, z, -y)
    # Our -90° turn about X is the quaternion (cos 45°, -sin 45°, 0, 0), applied on the left.
    turn = torch.tensor([math.cos(half), -math.sin(half), 0.0, 0.0])
    assert torch.allclose(y.rotations.abs(), quat_multiply(turn, q[0]).abs()[None], atol=1e-6)
    # The long axis, our +Y, is the file's -Z.
    long_axis = quat_to_matrix(y.rotations)[0][:, 0]
    assert torch.allclose(long_axis.abs(), torch.tensor([0.0, 0.0, 1.0]), atol=1e-6)
    assert torch.allclose(y.covariances(), R_Y_UP.float() @ g.covariances() @ R_Y_UP.float().T, atol=1e-6)
    assert turn_up(g, "z") is g


def test_a_turned_set_renders_as_the_set_from_the_turned_camera():
    g = small_head(n=1500)
    g.rotations = random_gaussians(1500, seed=5).rotations
    g.scales = g.scales * torch.linspace(0.5, 2.0, 1500)[:, None] * torch.tensor([1.0, 0.5, 0.25])
    turned = turn_up(g, "y")
    T = torch.eye(4)
    T[:3, :3] = R_Y_UP.float()
    for azimuth, elevation in [(0.0, 0.0), (35.0, 20.0), (-120.0, -10.0)]:
        cam = orbit_camera(azimuth, elevation, size=96)
        moved = type(cam)(c2w=T @ cam.c2w, K=cam.K, width=cam.width, height=cam.height)
        a, b = rasterize(g, cam, backend="cpu"), rasterize(turned, moved, backend="cpu")
        assert a.alpha.max() > 0.5
        assert torch.allclose(a.rgb, b.rgb, atol=2e-4) and torch.allclose(a.alpha, b.alpha, atol=2e-4)


@pytest.mark.parametrize("degree", [1, 2, 3])
def test_turned_sh_shows_the_same_colour_toward_the_turned_direction(degree):
    g = random_gaussians(50, seed=degree, sh_degree=degree)
    R = torch.linalg.qr(torch.randn(3, 3, generator=torch.Generator().manual_seed(7)))[0]
    R = R * torch.sign(torch.det(R))  # a proper rotation
    turned = g.transformed(rotation=R)
    dirs = torch.nn.functional.normalize(torch.randn(50, 3, generator=torch.Generator().manual_seed(8)), dim=1)
    before = view_colors(g.colors, g.sh_rest, dirs)
    after = view_colors(turned.colors, turned.sh_rest, dirs @ R.T)
    assert torch.allclose(before, after, atol=1e-5)
    # Not the identity: the coefficients themselves changed, and the colour along an unturned
    # direction differs.
    assert not torch.allclose(view_colors(turned.colors, turned.sh_rest, dirs), before, atol=1e-2)


def test_y_up_moves_a_colour_that_follows_z_onto_y():
    """Degree 1, analytic: colour c * Y_1(d) with Y_1 = C1 z (basis index 1) is, in the Y-up file,
    c * C1 y' = -c * (-C1 y'), so all of it moves to basis index 0, negated."""
    g = random_gaussians(1, sh_degree=1)
    g.sh_rest = torch.zeros(1, 3, 3)
    g.sh_rest[0, 1] = torch.tensor([0.3, -0.2, 0.1])
    y = turn_up(g, "y")
    expected = torch.zeros(1, 3, 3)
    expected[0, 0] = -g.sh_rest[0, 1]
    assert torch.allclose(y.sh_rest, expected, atol=1e-6)
    assert torch.allclose(sh_basis(torch.tensor([[0.0, 0.0, 1.0]]), 1), torch.tensor([[0.0, 0.4886025, 0.0]]))


def test_rotating_sh_of_an_unknown_size_is_refused():
    with pytest.raises(FaceliftError, match="not a whole SH degree"):
        rotate_sh(torch.zeros(2, 4, 3), torch.eye(3))


@pytest.mark.parametrize("suffix", [".ply", ".splat", ".spz"])
def test_export_up_y_writes_the_turned_set(tmp_path, suffix):
    g = small_head(sh_degree=3 if suffix != ".splat" else 0)
    g.save_ply(tmp_path / "head.ply")
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(tmp_path / "head.ply"), "-o", str(out), "--up", "y"]) == 0
    back, want = load_gaussians(out), turn_up(load_gaussians(tmp_path / "head.ply"), "y")
    if suffix == ".splat":  # sorted by size and opacity: put both in one order
        back, want = back[torch.argsort(back.means[:, 0])], want[torch.argsort(want.means[:, 0])]
    assert torch.allclose(back.means, want.means, atol=2e-3)
    assert torch.allclose(quat_to_matrix(back.rotations), quat_to_matrix(want.rotations), atol=0.02)
    if suffix != ".splat":
        assert back.sh_degree == 3
        if suffix == ".ply":
            assert torch.allclose(back.sh_rest, want.sh_rest, atol=1e-5)
        else:  # quantised to 4-5 bits a coefficient: the file is the .spz of the turned set
            assert out.read_bytes() == to_spz_bytes(want)
    assert main(["export", str(tmp_path / "head.ply"), "-o", str(tmp_path / f"z{suffix}")]) == 0  # default: Z
    z = load_gaussians(tmp_path / f"z{suffix}")
    if suffix == ".splat":
        z, g = z[torch.argsort(z.means[:, 0])], g[torch.argsort(g.means[:, 0])]
    assert torch.allclose(z.means, g.means, atol=2e-3)


# ------------------------------------------------------------------ mesh .ply


def test_export_mesh_ply_is_a_vertex_coloured_mesh_in_the_glbs_axes(tmp_path, capsys):
    g = small_head()
    g.save_ply(tmp_path / "head.ply")
    assert main(["export", str(tmp_path / "head.ply"), "-o", str(tmp_path / "mesh.ply"), "--mesh",
                 "--faces", "3000"]) == 0
    assert "faces" in capsys.readouterr().out
    mesh = trimesh.load(tmp_path / "mesh.ply", force="mesh")
    assert 1000 < len(mesh.faces) <= 3000 and mesh.is_watertight
    assert mesh.visual.kind == "vertex" and mesh.visual.vertex_colors.shape == (len(mesh.vertices), 4)
    assert np.abs(mesh.visual.vertex_colors[:, :3].mean(0) / 255 - [0.8, 0.5, 0.3]).max() < 0.05
    # Y-up like the .glb: the same surface, with --up z in our world's axes.
    assert main(["export", str(tmp_path / "head.ply"), "-o", str(tmp_path / "mesh_z.ply"), "--mesh",
                 "--faces", "3000", "--up", "z"]) == 0
    world = trimesh.load(tmp_path / "mesh_z.ply", force="mesh")
    x, y, z = np.asarray(world.vertices).T
    assert np.allclose(mesh.vertices, np.stack([x, z, -y], axis=1), atol=1e-5)
    # Without --mesh, a .ply is still the Gaussians.
    assert main(["export", str(tmp_path / "mesh.ply"), "-o", str(tmp_path / "x.spz")]) == 2  # a mesh is no head
    assert main(["export", str(tmp_path / "head.ply"), "-o", str(tmp_path / "again.ply")]) == 0
    assert len(load_gaussians(tmp_path / "again.ply")) == len(g)


@pytest.mark.parametrize("extra, needle", [
    (["-o", "{d}/h.spz", "--mesh"], "--mesh writes .glb, .obj, .ply only"),
    (["-o", "{d}/h.html", "--faces", "100"], "--faces applies to mesh output"),
    (["-o", "{d}/h.ply", "--faces", "100"], "or .ply with --mesh"),
    (["-o", "{d}/h.gltf"], "unknown output type '.gltf'"),
])
def test_export_option_mistakes_are_one_line_and_write_nothing(tmp_path, capsys, extra, needle):
    small_head().save_ply(tmp_path / "head.ply")
    assert main(["export", str(tmp_path / "head.ply"), *[a.format(d=tmp_path) for a in extra]]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("facelift: error: ") and "\n" not in err and needle in err, err
    assert [p.name for p in tmp_path.iterdir()] == ["head.ply"]


def test_write_head_refuses_an_empty_head(tmp_path):
    with pytest.raises(FaceliftError, match="no Gaussians"):
        write_head(Gaussians.empty(), tmp_path / "h.spz")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ a PLY from another tool


def test_a_ply_from_another_tool_exports_to_every_splat_format(tmp_path, capsys):
    """A 3DGS PLY as other tools write it: properties in another order, SH degree 3, normals and an
    extra property, an unnormalised quaternion; .ply and .spz keep its SH, .splat its base colour."""
    n = 300
    rng = np.random.default_rng(5)
    names = ["scale_2", "x", "opacity", "rot_1", "f_dc_2", "y", "z", "scale_0", "rot_0", "f_dc_0",
             "scale_1", "rot_3", "f_dc_1", "rot_2"] + [f"f_rest_{i}" for i in range(44, -1, -1)]
    names += ["nx", "ny", "nz", "confidence"]
    arr = np.zeros(n, dtype=[(name, "<f4") for name in names])
    for name in names:
        arr[name] = rng.normal(scale=0.1, size=n)
    arr["opacity"], arr["rot_0"] = 2.0, 3.0
    for i in range(3):
        arr[f"scale_{i}"] = np.log(0.03)
    header = "ply\nformat binary_little_endian 1.0\ncomment from another tool\nelement vertex %d\n" % n
    header += "".join(f"property float {name}\n" for name in names) + "end_header\n"
    (tmp_path / "other.ply").write_bytes(header.encode() + arr.tobytes())

    col = lambda name: torch.from_numpy(np.ascontiguousarray(arr[name]))  # noqa: E731
    means = torch.stack([col("x"), col("y"), col("z")], dim=1)
    # f_rest is channel-major in the file: f_rest_{c * 15 + k} is coefficient k of colour c.
    sh_rest = torch.stack([col(f"f_rest_{i}") for i in range(45)], dim=1).reshape(n, 3, 15).transpose(1, 2)
    for suffix, degree, sh_tol in ((".ply", 3, 0.0), (".spz", 3, 0.07), (".splat", 0, None)):
        out = tmp_path / f"head{suffix}"
        assert main(["export", str(tmp_path / "other.ply"), "-o", str(out)]) == 0
        back = load_gaussians(out)
        assert len(back) == n and back.sh_degree == degree
        order = torch.cdist(back.means, means).argmin(dim=1)  # .splat sorts its splats
        assert (back.means - means[order]).abs().max() < 1e-3
        assert (back.opacities - torch.sigmoid(torch.tensor(2.0))).abs().max() < 0.01
        f_dc = torch.stack([col(f"f_dc_{c}") for c in range(3)], dim=1)[order]
        assert (back.colors - (f_dc * SH_C0 + 0.5)).abs().max() < 0.02
        q = torch.stack([col(f"rot_{i}") for i in range(4)], dim=1)[order]
        assert ((back.rotations * q / q.norm(dim=1, keepdim=True)).sum(dim=1).abs() > 0.999).all()
        if sh_tol is not None:
            assert (back.sh_rest - sh_rest[order]).abs().max() <= sh_tol + 1e-6
    assert capsys.readouterr().err == ""
