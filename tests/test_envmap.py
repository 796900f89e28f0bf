"""Real HDR environment maps as procedural lighting (facelift.data.procedural.envmap)."""

import json
import math
import os

import cv2
import numpy as np
import pytest
from PIL import Image

from facelift.cli import main
from facelift.data.procedural import sample_lighting
from facelift.data.procedural.envmap import (equirect_directions, find_hdris, load_envlights, read_envmap, rotate_sh,
                                             rotation_z, sh_irradiance, split_envmap)
from facelift.data.synth import SynthConfig, synth
from facelift.errors import FaceliftError


def _normals(n=200, seed=0):
    d = np.random.default_rng(seed).normal(size=(n, 3))
    return d / np.linalg.norm(d, axis=1, keepdims=True)


def _map(fn, height=64):
    """An equirectangular map (H, 2H, 3) from a function of the pixel directions (H, W, 3)."""
    dirs, _ = equirect_directions(height, 2 * height)
    return fn(dirs)


def _with_disc(sky, centre, radius_deg, radiance, height=128):
    dirs, _ = equirect_directions(height, 2 * height)
    inside = dirs @ centre > math.cos(math.radians(radius_deg))
    out = np.broadcast_to(np.asarray(sky, float), dirs.shape).copy()
    out[inside] = radiance
    return out


def _write(path, rgb):
    """Write linear RGB (H, W, 3) as .hdr or .exr through OpenCV (BGR on disk)."""
    os.environ.setdefault("OPENCV_IO_ENABLE_OPENEXR", "1")  # read when OpenCV first touches EXR
    assert cv2.imwrite(str(path), np.ascontiguousarray(rgb[..., ::-1]).astype(np.float32))


def test_a_constant_map_lights_every_normal_with_its_radiance():
    env = split_envmap(_map(lambda d: np.broadcast_to([0.5, 0.3, 0.2], d.shape)))
    assert not env.sun_rgb.any()
    assert np.allclose(sh_irradiance(env.sh, _normals()), [0.5, 0.3, 0.2], atol=2e-3)
    assert env.mean_luminance == pytest.approx(0.2126 * 0.5 + 0.7152 * 0.3 + 0.0722 * 0.2, rel=1e-6)


@pytest.mark.parametrize("axis", [0, 1, 2])
def test_a_linear_map_gives_the_clamped_cosine_irradiance(axis):
    # L = 1 + 0.5 ω_axis: E(n)/π = 1 + (2/3)·0.5·n_axis exactly (the band-1 gain 2π/3 over π).
    env = split_envmap(_map(lambda d: np.repeat(1 + 0.5 * d[..., axis:axis + 1], 3, axis=2)))
    n = _normals()
    assert np.allclose(sh_irradiance(env.sh, n)[:, 0], 1 + n[:, axis] / 3, atol=3e-3)


def test_the_sun_is_taken_out_with_its_direction_and_power():
    centre = np.array([math.sin(math.radians(60)) * math.cos(math.radians(100)),
                       math.sin(math.radians(60)) * math.sin(math.radians(100)), math.cos(math.radians(60))])
    radius, radiance = 3.0, 2000.0
    env = split_envmap(_with_disc([0.1, 0.1, 0.1], centre, radius, radiance))
    assert math.degrees(math.acos(min(1.0, float(env.sun_direction @ centre)))) < 0.5
    # Its irradiance over π: the disc's pixels' radiance times their solid angles (and about the
    # analytic disc's, which the 1.4° pixels' staircase outline misses by up to ~10%).
    dirs, omega = equirect_directions(128, 256)
    pixels = omega[dirs @ centre > math.cos(math.radians(radius))].sum()
    assert env.sun_rgb == pytest.approx(np.full(3, radiance * pixels / math.pi), rel=1e-9)
    disc = 2 * math.pi * (1 - math.cos(math.radians(radius)))
    assert pixels == pytest.approx(disc, rel=0.12)
    # What is left is the sky alone, not a ringing copy of the sun.
    assert np.allclose(sh_irradiance(env.sh, _normals()), 0.1, atol=2e-3)


def test_a_soft_map_has_no_sun_and_points_its_key_light_at_the_bright_side():
    env = split_envmap(_map(lambda d: np.repeat(1.2 + d[..., 0:1], 3, axis=2)))  # brighter toward +X
    assert not env.sun_rgb.any()
    assert env.sun_direction == pytest.approx([1, 0, 0], abs=1e-3)


def test_turning_the_sh_equals_turning_the_map():
    rng = np.random.default_rng(3)
    lobes = [(v / np.linalg.norm(v), rng.uniform(0.2, 1, 3)) for v in rng.normal(size=(3, 3))]
    smooth = _map(lambda d: sum(np.clip(d @ v, 0, None)[..., None] ** 2 * c for v, c in lobes) + 0.05)
    k = 37  # columns: the map turned by 2πk/W about +Z
    turned = split_envmap(np.roll(smooth, k, axis=1))
    expected = rotate_sh(split_envmap(smooth).sh, rotation_z(2 * math.pi * k / smooth.shape[1]))
    assert np.allclose(expected, turned.sh, atol=1e-9)
    # A sun across the map's seam (azimuth 0) turned away from it, and back onto it.
    sunny = _with_disc([0.1] * 3, np.array([0.6, 0.0, 0.8]), 3.0, 500.0)
    for k in (40, -40):
        rolled = split_envmap(np.roll(sunny, k, axis=1))
        assert rolled.sun_direction == pytest.approx(rotation_z(2 * math.pi * k / sunny.shape[1])
                                                     @ split_envmap(sunny).sun_direction, abs=1e-9)
        assert rolled.sun_rgb == pytest.approx(split_envmap(sunny).sun_rgb, rel=1e-9)
    assert split_envmap(sunny).sun_direction == pytest.approx([0.6, 0.0, 0.8], abs=5e-3)


def test_maps_are_read_as_linear_rgb_from_hdr_and_exr(tmp_path):
    rgb = _map(lambda d: np.stack([1 + d[..., 0], 0.5 + 0 * d[..., 0], 0.25 + 0.2 * d[..., 2]], -1), height=16)
    for ext, tol in ((".hdr", 0.01), (".exr", 1e-3)):
        _write(tmp_path / f"m{ext}", rgb)
        back = read_envmap(tmp_path / f"m{ext}")
        assert back.shape == rgb.shape and np.allclose(back, rgb, rtol=tol, atol=tol)  # red stays red
    big = np.repeat(np.repeat(rgb, 32, axis=0), 32, axis=1)  # 512 x 1024: area-resampled to 256 wide
    _write(tmp_path / "big.hdr", big)
    small = read_envmap(tmp_path / "big.hdr")
    assert small.shape == (128, 256, 3) and small.mean() == pytest.approx(big.mean(), rel=0.01)


def test_bad_maps_and_folders_are_one_clear_error(tmp_path):
    _write(tmp_path / "square.hdr", np.ones((16, 16, 3)))
    with pytest.raises(FaceliftError, match="2:1"):
        read_envmap(tmp_path / "square.hdr")
    (tmp_path / "junk.hdr").write_bytes(b"not an image")
    with pytest.raises(FaceliftError, match="cannot be read"):
        read_envmap(tmp_path / "junk.hdr")
    nan = np.ones((8, 16, 3))
    nan[2, 3] = np.nan
    _write(tmp_path / "nan.exr", nan)
    with pytest.raises(FaceliftError, match="NaN"):
        read_envmap(tmp_path / "nan.exr")
    _write(tmp_path / "black.hdr", np.zeros((8, 16, 3)))
    with pytest.raises(FaceliftError, match="black"):
        read_envmap(tmp_path / "black.hdr")
    with pytest.raises(FaceliftError, match="no environment maps"):
        find_hdris(_empty(tmp_path))
    with pytest.raises(FaceliftError, match="not found"):
        find_hdris(tmp_path / "missing")


def _empty(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.txt").write_text("no maps here")
    return folder


def test_hdri_lighting_turns_and_exposes_a_map_at_random(tmp_path):
    _write(tmp_path / "sky.hdr", _with_disc([0.2, 0.25, 0.3], np.array([0.0, 0.6, 0.8]), 3.0, 800.0, height=64))
    envs = load_envlights(str(tmp_path))
    draws = [sample_lighting("hdri", np.random.default_rng(s), envs) for s in range(40)]
    assert all(d.kind == "hdri" and d.source.startswith("sky.hdr turned") for d in draws)
    # Turned about Z only: the sun keeps its height, and its azimuth is spread around.
    assert all(d.sun_direction[2] == pytest.approx(float(envs[0].sun_direction[2]), abs=1e-6) for d in draws)
    assert np.ptp([math.atan2(d.sun_direction[1], d.sun_direction[0]) for d in draws]) > 4
    # Exposed to a mean radiance (sun included) in the procedural environments' range.
    for d in draws:
        mean = (np.asarray(d.sh)[0] * 0.282095 + np.asarray(d.sun_rgb) / 4) @ [0.2126, 0.7152, 0.0722]
        assert 0.55 < mean < 0.95
    with pytest.raises(FaceliftError, match="--hdri"):
        sample_lighting("hdri", np.random.default_rng(0), ())


def _front(folder):
    return np.asarray(Image.open(folder / "images" / "000.png")).astype(float)


def test_synth_lights_heads_with_the_maps_deterministically(tmp_path):
    above, below = tmp_path / "above", tmp_path / "below"
    for folder, sign in ((above, 1), (below, -1)):
        folder.mkdir()
        _write(folder / "map.exr", _map(lambda d: np.repeat(0.05 + np.clip(sign * d[..., 2:3], 0, None), 3, axis=2),
                                        height=32))
    cfg = dict(identities=1, appearances=1, resolution=32, random_views=1, spacing=0.045, lighting=("hdri",))
    synth(tmp_path / "a", SynthConfig(**cfg, hdri=str(above)), progress=False)
    synth(tmp_path / "a2", SynthConfig(**cfg, hdri=str(above)), progress=False)
    synth(tmp_path / "b", SynthConfig(**cfg, hdri=str(below)), progress=False)
    subject = "id00000_app000"
    meta = json.loads((tmp_path / "a" / subject / "meta.json").read_text())
    assert meta["lighting"] == "hdri" and meta["appearance"]["lighting"]["source"].startswith("map.exr turned")
    same = lambda p, q: all((p / f).read_bytes() == (q / f).read_bytes() for f in ("images/000.png", "images/006.png"))  # noqa: E731
    assert same(tmp_path / "a" / subject, tmp_path / "a2" / subject)
    # Same head and cameras, light from above against light from below: the top of the head
    # gains against its lower half.
    a, b = _front(tmp_path / "a" / subject), _front(tmp_path / "b" / subject)
    assert np.array_equal(a[..., 3], b[..., 3])
    gain = np.log(np.maximum(a[..., :3].mean(-1), 1.0) / np.maximum(b[..., :3].mean(-1), 1.0))
    rows = np.nonzero(a[..., 3].max(axis=1) > 128)[0]
    mid = (rows[0] + rows[-1]) // 2
    head = a[..., 3] > 128
    top, bottom = gain[:mid][head[:mid]].mean(), gain[mid:][head[mid:]].mean()
    assert top > bottom + 0.1, (top, bottom)  # 0.43 against 0.23 when written


def test_synth_hdri_settings_are_checked_before_any_work(tmp_path, capsys):
    with pytest.raises(FaceliftError, match="needs a folder"):
        synth(tmp_path / "x", SynthConfig(lighting=("hdri",)), progress=False)
    with pytest.raises(FaceliftError, match="does not include hdri"):
        synth(tmp_path / "x", SynthConfig(hdri=str(tmp_path)), progress=False)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.hdr").write_bytes(b"#?RADIANCE\ngarbage")
    assert main(["data", "synth", "-o", str(tmp_path / "x"), "--preset", "tiny", "--hdri", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "broken.hdr" in err and "Traceback" not in err
    assert not (tmp_path / "x").exists()
    good = tmp_path / "good"
    good.mkdir()
    _write(good / "sky.hdr", _map(lambda d: np.repeat(0.3 + 0.2 * d[..., 2:3], 3, axis=2), height=16))
    assert main(["data", "synth", "-o", str(tmp_path / "cli"), "--preset", "tiny", "--identities", "1",
                 "--appearances", "1", "--resolution", "16", "--random-views", "0", "--hdri", str(good),
                 "--set", "spacing=0.05"]) == 0
    meta = json.loads((tmp_path / "cli" / "id00000_app000" / "meta.json").read_text())
    assert meta["lighting"] == "hdri"  # --hdri alone lights with the maps
