"""Blender asset renderer: normalisation, camera rig, light sampling; with bpy, a real render
whose marker lands on the same pixel as in our own rasterizer."""

import math
import sys

import numpy as np
import pytest
import torch

from facelift.cameras import facelift_cameras, orbit_camera
from facelift.cli import main
from facelift.data.blender import (AssetRenderConfig, blender_camera_params, find_assets, normalisation,
                                   render_assets, sample_lighting, subject_names)
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.render import rasterize


def test_normalisation_centres_and_fits_the_box():
    lo, hi = np.array([-2.0, 0.0, 1.0]), np.array([4.0, 2.0, 3.0])
    m = normalisation(lo, hi, fit=0.9)
    corners = np.array([[x, y, z, 1.0] for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])
    t = corners @ m.T
    assert np.allclose(t[:, :3].mean(0), 0.0, atol=1e-9)
    assert np.abs(t[:, :3]).max() == pytest.approx(0.9)
    assert np.allclose(np.abs(t[:, 1]).max(), 0.9 / 3)  # uniform scale: proportions kept
    turned = normalisation([-1, -1, -1], [1, 1, 1], fit=1.0, yaw=90.0)
    assert np.allclose(turned[:3, :3] @ [1, 0, 0], [0, 1, 0], atol=1e-12)
    with pytest.raises(FaceliftError):
        normalisation([0, 0, 0], [0, 0, 0])
    with pytest.raises(FaceliftError):
        normalisation([1, 0, 0], [0, 1, 1])


def test_blender_camera_reproduces_the_spec_rig():
    cams = facelift_cameras(512)
    for i in range(6):
        p = blender_camera_params(cams[i])
        mw = torch.tensor(p["matrix_world"], dtype=torch.float64)
        # Blender cameras look down their -Z with +Y up.
        assert torch.allclose(-mw[:3, 2], cams.c2w[i, :3, 2].double(), atol=1e-6)
        assert torch.allclose(mw[:3, 1], -cams.c2w[i, :3, 1].double(), atol=1e-6)
        assert torch.allclose(mw[:3, 3], cams.c2w[i, :3, 3].double(), atol=1e-6)
        fov = 2 * math.degrees(math.atan(p["sensor_width"] / 2 / p["lens"]))
        assert fov == pytest.approx(50.0, abs=1e-4)
        assert p["shift_x"] == pytest.approx(0.0) and p["shift_y"] == pytest.approx(0.0)
    with pytest.raises(FaceliftError):
        blender_camera_params(cams)


def test_light_sampling():
    cfg = AssetRenderConfig()
    rng = np.random.default_rng(0)
    assert {sample_lighting(rng, [], cfg)["kind"] for _ in range(20)} == {"ambient"}
    hdris = [f"/maps/{k}.hdr" for k in range(3)]
    draws = [sample_lighting(rng, hdris, cfg) for _ in range(400)]
    env = [d for d in draws if d["kind"] == "environment"]
    assert 150 < len(env) < 250
    assert {d["hdri"] for d in env} == set(hdris)
    assert all(0 <= d["rotation_z"] < 360 and 0.5 <= d["strength"] <= 2.0 for d in env)
    never = AssetRenderConfig(ambient_fraction=0.0)
    assert all(sample_lighting(rng, hdris, never)["kind"] == "environment" for _ in range(20))


def test_asset_discovery_and_names(tmp_path):
    with pytest.raises(FaceliftError, match="not found"):
        find_assets(tmp_path / "none")
    (tmp_path / "a").mkdir()
    with pytest.raises(FaceliftError, match="no head assets"):
        find_assets(tmp_path / "a")
    for name in ("x.obj", "x.glb", "sub/y z.fbx", "notes.txt"):
        (tmp_path / "a" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "a" / name).write_text("")
    assets = find_assets(tmp_path / "a")
    assert [p.name for p in assets] == ["y z.fbx", "x.glb", "x.obj"]
    names = subject_names(assets, tmp_path / "a")
    assert names == ["sub_y_z", "x", "x_1"] and len(set(names)) == 3


def test_missing_bpy_gives_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "h.obj").write_text("v 0 0 0\n")
    monkeypatch.setitem(sys.modules, "bpy", None)
    with pytest.raises(FaceliftError, match=r"facelift\[blender\]"):
        render_assets(tmp_path / "assets", tmp_path / "out", progress=False)
    assert main(["data", "render-assets", "--assets", str(tmp_path / "nothing"), "-o", str(tmp_path / "o")]) == 2


# ------------------------------------------------------------------- with bpy

MARKER_OBJ = np.array([0.35, 0.3, 0.95])  # OBJ frame: +Y up, the face toward +Z
MARKER_HALF = 0.07


def _write_head_obj(folder):
    """A grey unit sphere "head" with a red cube "marker" on its front-right-upper side."""
    verts, faces_grey, faces_red = [], [], []
    n_lat, n_lon = 12, 24
    for i in range(n_lat + 1):
        th = math.pi * i / n_lat
        for j in range(n_lon):
            ph = 2 * math.pi * j / n_lon
            verts.append((math.sin(th) * math.cos(ph), math.cos(th), math.sin(th) * math.sin(ph)))
    for i in range(n_lat):
        for j in range(n_lon):
            a, b = i * n_lon + j, i * n_lon + (j + 1) % n_lon
            c, d = a + n_lon, b + n_lon
            faces_grey.append((a, c, d, b))
    base = len(verts)
    for x in (-1, 1):
        for y in (-1, 1):
            for z in (-1, 1):
                verts.append(tuple(MARKER_OBJ + MARKER_HALF * np.array([x, y, z])))
    cube = [(0, 1, 3, 2), (4, 6, 7, 5), (0, 4, 5, 1), (2, 3, 7, 6), (0, 2, 6, 4), (1, 5, 7, 3)]
    faces_red = [tuple(base + k for k in f) for f in cube]
    (folder / "head.mtl").write_text("newmtl grey\nKd 0.6 0.6 0.6\nnewmtl red\nKd 1.0 0.0 0.0\n")
    lines = ["mtllib head.mtl"] + [f"v {x:.6f} {y:.6f} {z:.6f}" for x, y, z in verts]
    lines += ["usemtl grey"] + ["f " + " ".join(str(k + 1) for k in f) for f in faces_grey]
    lines += ["usemtl red"] + ["f " + " ".join(str(k + 1) for k in f) for f in faces_red]
    (folder / "head.obj").write_text("\n".join(lines) + "\n")
    blender = np.array([[x, -z, y] for x, y, z in verts])  # Blender's OBJ import: Y up -> Z up
    return blender.min(0), blender.max(0)


def _red_centroid(rgb: np.ndarray) -> np.ndarray:
    red = (rgb[..., 0] > 0.45) & (rgb[..., 1] < 0.25) & (rgb[..., 2] < 0.25)
    assert red.sum() >= 3, "marker not visible"
    v, u = np.nonzero(red)
    return np.array([u.mean() + 0.5, v.mean() + 0.5])


def test_blender_render_agrees_with_our_cameras_and_rasterizer(tmp_path):
    pytest.importorskip("bpy")
    from facelift.data.loaders import StageIDataset

    assets = tmp_path / "assets"
    assets.mkdir()
    lo, hi = _write_head_obj(assets)
    cfg = AssetRenderConfig(resolution=64, random_views=1, samples=8)
    render_assets(assets, tmp_path / "ds", cfg=cfg, progress=False)
    ds = StageIDataset(tmp_path / "ds", split="all", background=(1, 1, 1))
    sample = ds[0]
    assert sample["images"].shape == (6, 3, 64, 64)
    assert sample["alphas"][3].mean() > 0.2 and sample["alphas"][0, 0, 0, 0] == 0  # transparent film

    norm = normalisation(lo, hi, cfg.fit)
    marker = norm[:3, :3] @ np.array([MARKER_OBJ[0], -MARKER_OBJ[2], MARKER_OBJ[1]]) + norm[:3, 3]
    marker_g = Gaussians(
        means=torch.tensor(marker, dtype=torch.float32)[None], scales=torch.full((1, 3), 0.04),
        rotations=torch.tensor([[1.0, 0, 0, 0]]), opacities=torch.ones(1), colors=torch.tensor([[1.0, 0, 0]]))
    cams = facelift_cameras(64)
    for view in (0, 5):  # front and front_left see the marker on the subject's left (+X)
        cam = cams[view]
        blender_uv = _red_centroid(sample["images"][view].permute(1, 2, 0).numpy())
        ours = rasterize(marker_g, cam).rgb.numpy()
        ours_uv = _red_centroid(ours)
        x = cam.w2c.double() @ torch.tensor([*marker, 1.0], dtype=torch.float64)
        proj = (cam.K.double() @ x[:3]) / x[2]
        # The cube's visible faces pull Blender's centroid a little off the centre.
        assert np.abs(blender_uv - proj[:2].numpy()).max() < 1.5
        assert np.abs(ours_uv - proj[:2].numpy()).max() < 0.5
    # The back view sees the sphere but not the marker.
    back = sample["images"][3].permute(1, 2, 0).numpy()
    assert not ((back[..., 0] > 0.45) & (back[..., 1] < 0.25)).any()
    # Rerun: nothing to redo.
    before = (tmp_path / "ds" / "head" / "meta.json").stat().st_mtime_ns
    render_assets(assets, tmp_path / "ds", cfg=cfg, progress=False)
    assert (tmp_path / "ds" / "head" / "meta.json").stat().st_mtime_ns == before
    assert orbit_camera(0.0, 0.0, size=64).width == 64


def _write_hdr(path, rgb, width=4, height=2):
    """A tiny uncompressed Radiance .hdr of one colour (flat RGBE scanlines)."""
    r, g, b = rgb
    e = math.frexp(max(rgb))[1]
    scale = 256.0 / 2.0 ** e
    pixel = bytes([int(r * scale), int(g * scale), int(b * scale), e + 128])
    header = f"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y {height} +X {width}\n".encode()
    path.write_bytes(header + pixel * (width * height))


def test_blender_hdri_environment_lights_the_asset_and_cli_runs(tmp_path):
    pytest.importorskip("bpy")
    import json

    assets = tmp_path / "assets"
    assets.mkdir()
    _write_head_obj(assets)
    hdri = tmp_path / "hdri"
    hdri.mkdir()
    _write_hdr(hdri / "blue.hdr", (0.1, 0.2, 1.0))
    code = main(["data", "render-assets", "--assets", str(assets), "-o", str(tmp_path / "ds"), "--hdri", str(hdri),
                 "--resolution", "32", "--random-views", "0", "--samples", "4", "--ambient-fraction", "0"])
    assert code == 0
    meta = json.loads((tmp_path / "ds" / "head" / "meta.json").read_text())
    assert meta["lighting"] == "environment" and meta["lighting_params"]["hdri"].endswith("blue.hdr")
    from PIL import Image

    rgba = np.asarray(Image.open(tmp_path / "ds" / "head" / "images" / "003.png")).astype(float)
    solid = rgba[..., 3] > 250
    assert solid.sum() > 50
    mean = rgba[solid, :3].mean(0)
    assert mean[2] > 1.5 * mean[0]  # the grey sphere is lit blue
