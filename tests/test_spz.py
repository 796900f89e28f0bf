"""The .spz format (facelift.formats.spz) and ``facelift export``."""

from __future__ import annotations

import gzip
import math
import struct
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from torch import Tensor

from facelift.cli import main
from facelift.errors import FaceliftError
from facelift.formats.splats import load_gaussians, save_gaussians
from facelift.formats.spz import COLOR_SCALE, flip_axes, from_spz_bytes, load_spz, save_spz, to_spz_bytes
from facelift.gaussians import SH_C0, Gaussians, quat_to_matrix

EXAMPLE_HEAD = Path(__file__).resolve().parents[1] / "src" / "facelift" / "assets" / "example_head.ply"

# Quantisation steps of the format (module docstring): what a round trip may lose.
POSITION_TOL = 0.5 / 2 ** 12 + 1e-6              # 12 fractional bits
COLOR_TOL = 0.5 * SH_C0 / (COLOR_SCALE * 255) + 1e-6  # half a colour code, in RGB
OPACITY_TOL = 0.5 / 255 + 1e-6
LOG_SCALE_TOL = 0.5 / 16 + 1e-5
SH1_TOL, SH_REST_TOL = 4.5 / 128 + 1e-6, 8.5 / 128 + 1e-6  # 5 and 4 significant bits


def random_gaussians(n: int, sh_degree: int = 0, seed: int = 0) -> Gaussians:
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(n, 4, generator=g)
    k = (sh_degree + 1) ** 2 - 1
    return Gaussians(
        means=torch.randn(n, 3, generator=g),
        scales=torch.rand(n, 3, generator=g) * 0.1 + 1e-3,
        rotations=q / q.norm(dim=1, keepdim=True),
        opacities=torch.rand(n, generator=g),
        colors=torch.rand(n, 3, generator=g),
        # The format's SH range is [-1, 1); keep inside it so only rounding is measured.
        sh_rest=(torch.rand(n, k, 3, generator=g) * 1.8 - 0.9) if sh_degree else None,
    )


def rotation_error(a: Tensor, b: Tensor) -> float:
    """Largest 1 - |<qa, qb>| (0 for the same rotation, whatever the quaternion sign)."""
    return float((1 - (a * b).sum(dim=1).abs()).max())


def one_line_error(name: str, raw: bytes) -> str:
    with pytest.raises(FaceliftError) as err:
        from_spz_bytes(raw, name)
    message = str(err.value)
    assert name in message and "\n" not in message
    return message


# ------------------------------------------------------------------ round trips


@pytest.mark.parametrize("degree", [0, 3])
@pytest.mark.parametrize("version", [2, 3])
def test_round_trip_within_quantisation(tmp_path, degree, version):
    g = random_gaussians(300, sh_degree=degree)
    save_spz(g, tmp_path / "g.spz", version=version)
    back = load_spz(tmp_path / "g.spz")
    assert len(back) == len(g) and back.sh_degree == degree
    assert (back.means - g.means).abs().max() <= POSITION_TOL
    assert (back.colors - g.colors).abs().max() <= COLOR_TOL
    assert (back.opacities - g.opacities).abs().max() <= OPACITY_TOL
    assert (back.scales.log() - g.scales.log()).abs().max() <= LOG_SCALE_TOL
    # Version 3: 9 bits + sign per component; version 2: 8-bit x, y, z and w recomputed from
    # them, which loses most where w is near 0.
    assert rotation_error(back.rotations, g.rotations) <= (1e-5 if version == 3 else 1e-2)
    if degree:
        err = (back.sh_rest - g.sh_rest).abs()
        assert err[:, :3].max() <= SH1_TOL and err[:, 3:].max() <= SH_REST_TOL
    assert not list(tmp_path.glob(".*tmp*")), "temporary file left behind"


def test_save_and_load_pick_spz_by_suffix(tmp_path):
    g = random_gaussians(10)
    save_gaussians(g, tmp_path / "g.SPZ")
    assert (tmp_path / "g.SPZ").read_bytes()[:2] == b"\x1f\x8b"  # gzip
    assert len(load_gaussians(tmp_path / "g.SPZ")) == 10


def test_same_head_gives_the_same_bytes():
    g = random_gaussians(50, sh_degree=1)
    assert to_spz_bytes(g) == to_spz_bytes(g)


def test_example_head_is_5x_smaller_and_renders_within_35_db(tmp_path):
    from facelift.cameras import facelift_cameras
    from facelift.render import rasterize

    g = Gaussians.load_ply(EXAMPLE_HEAD)
    save_spz(g, tmp_path / "head.spz")
    ratio = EXAMPLE_HEAD.stat().st_size / (tmp_path / "head.spz").stat().st_size
    assert ratio >= 5, f"spz only {ratio:.2f}x smaller than the PLY"
    back = load_spz(tmp_path / "head.spz")
    cameras = facelift_cameras(size=256)
    for i in range(len(cameras)):
        a, b = rasterize(g, cameras[i]).rgb, rasterize(back, cameras[i]).rgb
        psnr = 10 * math.log10(1.0 / float(((a - b) ** 2).mean()))
        assert psnr >= 35, f"view {i}: {psnr:.1f} dB"


def test_large_coordinates_lower_the_fractional_bits():
    g = random_gaussians(4)
    g.means[0] = torch.tensor([3000.0, -5000.0, 1.0])  # beyond 24 bits at 12 fractional bits
    raw = gzip.decompress(to_spz_bytes(g))
    assert raw[13] < 12
    back = from_spz_bytes(to_spz_bytes(g))
    assert (back.means - g.means).abs().max() <= 0.5 / 2 ** raw[13] + 1e-3


def test_empty_or_bad_sets_are_not_written(tmp_path):
    with pytest.raises(FaceliftError, match=r"e\.spz: .*no Gaussians"):
        save_spz(Gaussians.empty(), tmp_path / "e.spz")
    with pytest.raises(FaceliftError, match="version 2 or 3"):
        save_spz(random_gaussians(3), tmp_path / "e.spz", version=4)
    assert not list(tmp_path.iterdir())


# -------------------------------------------------- a stream built by hand


def _stream(version: int, n: int, degree: int, parts: list[bytes], bits: int = 12, flags: int = 0,
            magic: int = 0x5053474E) -> bytes:
    return gzip.compress(struct.pack("<IIIBBBB", magic, version, n, degree, bits, flags, 0) + b"".join(parts))


def test_hand_built_version_3_stream_decodes_to_known_values():
    h = math.sqrt(0.5)
    raw = _stream(3, 3, 1, [
        # positions, 24-bit little-endian: 1.5 = 0x001800, -0.25 = -1024 = 0xfffc00, 0; then 1/4096, 0, -2048
        bytes([0x00, 0x18, 0x00, 0x00, 0xFC, 0xFF, 0, 0, 0]) + bytes([1, 0, 0, 0, 0, 0, 0x00, 0x00, 0x80])
        + bytes(9),
        bytes([255, 0, 51]),                                   # alphas
        bytes([128, 255, 0]) + bytes(3) + bytes(3),            # colours
        bytes([160, 0, 176]) + bytes([160] * 6),               # scales: ln s = 0, -10, +1
        # rotations: identity (largest w, index 3: 0xc0000000); 90° about z (x y z w = 0 0 h h:
        # the first largest is z, index 2, w stored as magnitude 511); 90° about -x
        # (x y z w = -h 0 0 h: index 0, negated to keep it positive, so w is stored negative)
        bytes([0, 0, 0, 0xC0]) + bytes([0xFF, 0x01, 0x00, 0x80]) + bytes([0xFF, 0x03, 0x00, 0x00]),
        bytes([128, 192, 64, 0, 255, 128, 128, 128, 128]) + bytes([128] * 18),  # SH degree 1
    ])
    g = from_spz_bytes(raw)
    torch.testing.assert_close(g.means, torch.tensor([[1.5, -0.25, 0.0], [1 / 4096, 0.0, -2048.0], [0, 0, 0.0]]))
    torch.testing.assert_close(g.opacities, torch.tensor([1.0, 0.0, 0.2]))
    f_dc = (torch.tensor([128, 255, 0]) / 255 - 0.5) / 0.15
    torch.testing.assert_close(g.colors[0], f_dc * SH_C0 + 0.5)
    torch.testing.assert_close(g.scales[0], torch.tensor([1.0, math.exp(-10), math.e]))
    expected = torch.tensor([[1.0, 0, 0, 0], [h, 0, 0, h], [-h, h, 0, 0]])  # (w, x, y, z)
    torch.testing.assert_close(quat_to_matrix(g.rotations), quat_to_matrix(expected))
    torch.testing.assert_close(g.rotations[1], expected[1])
    # SH: coefficient-major, colour inner, (code - 128) / 128.
    torch.testing.assert_close(g.sh_rest[0], torch.tensor([[0.0, 0.5, -0.5], [-1.0, 127 / 128, 0], [0, 0, 0]]))


def test_hand_built_version_2_and_1_streams_decode():
    common = [bytes([255]), bytes([128] * 3), bytes([160] * 3), bytes([255, 128, 128])]
    # Version 2: x, y, z = (255, 128, 128) / 127.5 - 1 = (1, 1/255, 1/255), w = sqrt(max(0, 1 - |xyz|²)) = 0.
    v2 = from_spz_bytes(_stream(2, 1, 0, [bytes([0x00, 0x10, 0x00]) * 3] + common))
    torch.testing.assert_close(v2.means, torch.full((1, 3), 1.0))  # 0x001000 / 4096
    q = torch.tensor([[0.0, 1.0, 1 / 255, 1 / 255]])
    torch.testing.assert_close(v2.rotations, q / q.norm())
    # Version 1: float16 positions.
    v1 = from_spz_bytes(_stream(1, 1, 0, [struct.pack("<3e", 0.5, -2.0, 0.125)] + common))
    torch.testing.assert_close(v1.means, torch.tensor([[0.5, -2.0, 0.125]]))


# ------------------------------------------------------------------ bad input


def test_corrupt_and_truncated_files_raise_one_line_errors(tmp_path):
    good = to_spz_bytes(random_gaussians(200, sh_degree=2))
    assert "not an .spz" in one_line_error("a.spz", b"hello, not a splat")
    assert "truncated" in one_line_error("b.spz", good[: len(good) // 2])
    assert "truncated" in one_line_error("c.spz", good[:-8])  # gzip trailer (CRC, size) cut off
    assert "truncated" in one_line_error("d.spz", good[:12])
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0xFF
    one_line_error("e.spz", bytes(flipped))  # a damaged deflate block or a CRC mismatch
    (tmp_path / "f.spz").write_bytes(b"")
    with pytest.raises(FaceliftError, match=r"f\.spz: not an \.spz"):
        load_gaussians(tmp_path / "f.spz")
    with pytest.raises(FaceliftError, match=r"g\.spz: file not found"):
        load_gaussians(tmp_path / "g.spz")


@pytest.mark.parametrize("header,needle", [
    (dict(magic=0x12345678), "magic"),
    (dict(version=7), "version 7"),
    (dict(degree=4), "SH degree 4"),
    (dict(n=3), "truncated"),       # the data holds 2 points, the header claims 3
    (dict(n=1), "more data"),       # ... or 1
])
def test_header_that_does_not_match_the_data(header, needle):
    args = dict(version=3, n=2, degree=0) | header
    magic = args.pop("magic", 0x5053474E)
    parts = [bytes(18), bytes(2), bytes(6), bytes(6), bytes(8)]  # two degree-0 points, version 3
    assert needle in one_line_error("h.spz", _stream(args["version"], args["n"], args["degree"], parts, magic=magic))


def test_announced_trailing_data_is_skipped_and_version_4_is_named():
    parts = [bytes(9), bytes(1), bytes(3), bytes(3), bytes(4)]
    assert len(from_spz_bytes(_stream(3, 1, 0, parts + [b"extension records"], flags=0x2))) == 1
    v4 = struct.pack("<IIIBBBBI12x", 0x5053474E, 4, 1, 0, 12, 0, 6, 32)
    assert "version 4 (zstd" in one_line_error("v4.spz", v4)


# ------------------------------------------------------------------ axes


def _eval_sh(sh: Tensor, d: Tensor) -> Tensor:
    """(N, 15, 3) SH rest coefficients at (M, 3) unit directions -> (N, M, 3): the 3DGS basis."""
    x, y, z = d.unbind(-1)
    xx, yy, zz = x * x, y * y, z * z
    basis = torch.stack([
        -y, z, -x,
        x * y, y * z, 2 * zz - xx - yy, x * z, xx - yy,
        y * (3 * xx - yy), x * y * z, y * (4 * zz - xx - yy), z * (2 * zz - 3 * xx - 3 * yy),
        x * (4 * zz - xx - yy), z * (xx - yy), x * (xx - 3 * yy),
    ], dim=-1)  # constant factors per coefficient do not change a sign test
    return torch.einsum("mk,nkc->nmc", basis, sh)


def test_flip_axes_mirrors_covariances_and_view_dependent_colour():
    g = random_gaussians(20, sh_degree=3).to(dtype=torch.float64)
    flip = (1.0, -1.0, -1.0)
    f = flip_axes(g, flip)
    M = torch.diag(torch.tensor(flip, dtype=torch.float64))
    torch.testing.assert_close(f.means, g.means @ M)
    torch.testing.assert_close(f.covariances(), M @ g.covariances() @ M)
    d = torch.nn.functional.normalize(torch.randn(40, 3, dtype=torch.float64), dim=1)
    torch.testing.assert_close(_eval_sh(f.sh_rest, d @ M), _eval_sh(g.sh_rest, d))
    back = flip_axes(f, flip)
    torch.testing.assert_close(back.rotations, g.rotations)
    torch.testing.assert_close(back.sh_rest, g.sh_rest)


def test_rub_axes_store_y_and_z_negated_and_read_back(tmp_path):
    g = random_gaussians(50, sh_degree=1)
    save_spz(g, tmp_path / "rub.spz", axes="rub")
    as_stored = load_spz(tmp_path / "rub.spz")
    assert (as_stored.means - g.means * torch.tensor([1.0, -1.0, -1.0])).abs().max() <= POSITION_TOL
    back = load_spz(tmp_path / "rub.spz", axes="rub")
    assert (back.means - g.means).abs().max() <= POSITION_TOL
    assert rotation_error(back.rotations, g.rotations) <= 1e-5
    assert (back.sh_rest - g.sh_rest).abs().max() <= SH1_TOL


# ------------------------------------------------------------------ commands


@pytest.fixture
def head_ply(tmp_path):
    path = tmp_path / "head.ply"
    random_gaussians(120, sh_degree=1).save_ply(path)
    return path


def test_export_ply_to_spz_to_ply(tmp_path, head_ply, capsys):
    assert main(["export", str(head_ply), "-o", str(tmp_path / "out" / "head.spz")]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "out" / "head.spz"), "-o", str(tmp_path / "again.ply")]) == 0
    a, b = Gaussians.load_ply(head_ply), Gaussians.load_ply(tmp_path / "again.ply")
    assert (a.means - b.means).abs().max() <= POSITION_TOL
    assert (a.colors - b.colors).abs().max() <= COLOR_TOL
    assert b.sh_degree == 1


def test_export_reads_a_reconstruction_folder(tmp_path, head_ply):
    folder = tmp_path / "result"
    folder.mkdir()
    head_ply.rename(folder / "gaussians.ply")
    assert main(["export", str(folder), "-o", str(tmp_path / "head.splat")]) == 0
    assert len(load_gaussians(tmp_path / "head.splat")) == 120


@pytest.mark.parametrize("head,out,needle", [
    ("{ply}", "head.xyz", "unknown output type '.xyz'"),
    ("{ply}", "head", "no suffix"),
    ("missing.ply", "head.spz", "no such file"),
    ("{empty_dir}", "head.spz", "no head in this folder"),
    ("{empty_ply}", "head.spz", "no Gaussians"),
    ("{ply}", "folder.spz", "output must be a file"),
    ("{empty_splat}", "head.ply", "no Gaussians"),
    ("{corrupt_spz}", "head.ply", "corrupt .spz"),
    ("{truncated_spz}", "head.ply", "truncated .spz"),
    ("{text}", "head.ply", "expected a .ply, .splat or .spz file"),
])
def test_export_bad_input_is_one_line_and_writes_nothing(tmp_path, head_ply, capsys, head, out, needle):
    (tmp_path / "empty").mkdir()
    (tmp_path / "folder.spz").mkdir()
    Gaussians.empty().save_ply(tmp_path / "empty.ply")
    (tmp_path / "empty.splat").write_bytes(b"")
    good = to_spz_bytes(load_gaussians(head_ply))
    middle = len(good) // 2
    (tmp_path / "corrupt.spz").write_bytes(good[:middle] + b"x" * 64 + good[middle + 64:])
    (tmp_path / "truncated.spz").write_bytes(good[:middle])
    (tmp_path / "head.txt").write_text("not a head")
    names = dict(ply=head_ply, empty_dir=tmp_path / "empty", empty_ply=tmp_path / "empty.ply",
                 empty_splat=tmp_path / "empty.splat", corrupt_spz=tmp_path / "corrupt.spz",
                 truncated_spz=tmp_path / "truncated.spz", text=tmp_path / "head.txt")
    before = sorted(tmp_path.rglob("*"))
    args = ["export", str(tmp_path / head.format(**names)), "-o", str(tmp_path / out.format(**names))]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("facelift: error: ") and "\n" not in err and needle in err, err
    assert sorted(tmp_path.rglob("*")) == before


def test_export_error_from_the_real_command_line(tmp_path, head_ply):
    proc = subprocess.run([sys.executable, "-m", "facelift", "export", str(head_ply), "-o", "x.stl"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"facelift: error: x.stl: unknown output type '.stl'; "
                                                f"use one of .ply, .splat, .spz, .html, .glb, .obj"]


def test_render_reads_spz(tmp_path, head_ply):
    save_spz(Gaussians.load_ply(head_ply), tmp_path / "head.spz")
    assert main(["render", str(tmp_path / "head.spz"), "-o", str(tmp_path / "frames"), "--frames", "1",
                 "--size", "32"]) == 0
    assert [p.name for p in (tmp_path / "frames").iterdir()] == ["00000.png"]
