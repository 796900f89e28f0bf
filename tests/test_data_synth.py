"""``facelift data synth``: layout, reproducibility, SPEC cameras, splits, resume, CLI."""

import json
import math

import numpy as np
import pytest
import torch
from PIL import Image

from facelift.cameras import RADIUS, VIEW_NAMES, focal_from_fov, read_transforms
from facelift.cli import main
from facelift.data import layout, synth as synth_mod
from facelift.data.synth import SynthConfig, make_subject, subject_cameras, synth
from facelift.errors import FaceliftError

TINY = SynthConfig(identities=2, appearances=2, resolution=32, random_views=2, spacing=0.045)

SPEC_POSITIONS = {  # SPEC §3
    "front": (0, -2.7, 0), "front_right": (-1.91, -1.91, 0), "right": (-2.7, 0, 0),
    "back": (0, 2.7, 0), "left": (2.7, 0, 0), "front_left": (1.91, -1.91, 0),
}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("synth") / "ds"
    synth(root, TINY, workers=1, progress=False)
    return root


def _pngs(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.png"))}


def test_layout_has_images_transforms_meta_and_index(dataset):
    index = json.loads((dataset / "index.json").read_text())
    assert index["complete"] is True and index["format"] == layout.LAYOUT_VERSION
    names = [s["name"] for s in index["subjects"]]
    assert names == ["id00000_app000", "id00000_app001", "id00001_app000", "id00001_app001"]
    for name in names:
        folder = dataset / name
        pngs = sorted((folder / "images").glob("*.png"))
        assert [p.name for p in pngs] == [f"{i:03d}.png" for i in range(8)]
        with Image.open(pngs[0]) as im:
            assert im.mode == "RGBA" and im.size == (32, 32)
            rgba = np.asarray(im)
        assert rgba[..., 3].max() == 255 and rgba[0, 0, 3] == 0  # the head is opaque, the corner empty
        meta = json.loads((folder / "meta.json").read_text())
        assert meta["num_fixed_views"] == 6 and len(meta["views"]) == 8
        assert meta["identity"]["seed"] == meta["identity_seed"]
        assert meta["lighting"] in ("ambient", "environment")
        assert [v["name"] for v in meta["views"][:6]] == list(VIEW_NAMES)
    # No hidden temporary folders are left behind.
    assert not [p for p in dataset.iterdir() if p.name.startswith(".")]


def test_fixed_view_cameras_match_the_spec(dataset):
    cams, files, _ = read_transforms(dataset / "id00001_app000" / "transforms.json")
    assert files[:6] == [f"images/{i:03d}.png" for i in range(6)]
    f = focal_from_fov(50.0, 32)
    for i, name in enumerate(VIEW_NAMES):
        assert torch.allclose(cams[i].position, torch.tensor(SPEC_POSITIONS[name], dtype=torch.float32), atol=0.01)
        # Looking at the origin, image-up toward +Z (OpenCV y axis points down = -Z).
        fwd = cams.c2w[i, :3, 2]
        assert torch.allclose(fwd, -cams[i].position / RADIUS, atol=1e-5)
        assert cams.c2w[i, 2, 1] < -0.99
        assert cams.fx[i].item() == pytest.approx(f) and cams.cx[i].item() == pytest.approx(16.0)
    # Random views: on the sphere, elevation within the configured range.
    for i in range(6, 8):
        pos = cams[i].position
        assert pos.norm().item() == pytest.approx(RADIUS, abs=1e-4)
        elev = math.degrees(math.asin(pos[2].item() / RADIUS))
        assert TINY.elevation_range[0] - 1e-3 <= elev <= TINY.elevation_range[1] + 1e-3


def test_same_seeds_give_byte_identical_images(dataset, tmp_path):
    make_subject(TINY, 1, 0, tmp_path / "again")
    assert _pngs(tmp_path / "again") == _pngs(dataset / "id00001_app000")


def test_different_identities_differ(dataset):
    a = np.asarray(Image.open(dataset / "id00000_app000" / "images" / "000.png")).astype(float)
    b = np.asarray(Image.open(dataset / "id00001_app000" / "images" / "000.png")).astype(float)
    assert np.abs(a - b).mean() > 5.0
    ma = json.loads((dataset / "id00000_app000" / "meta.json").read_text())
    mb = json.loads((dataset / "id00001_app000" / "meta.json").read_text())
    assert ma["identity"] != mb["identity"]
    # Two appearances of one identity share it.
    mc = json.loads((dataset / "id00000_app001" / "meta.json").read_text())
    assert mc["identity"] == ma["identity"] and mc["appearance"] != ma["appearance"]


def test_azimuth_jitter_turns_the_whole_rig():
    cfg = SynthConfig(resolution=32, random_views=0, azimuth_jitter=20.0)
    _, views = subject_cameras(cfg, 0, 0)
    alpha = views[0]["azimuth"]
    alpha = alpha - 360 if alpha > 180 else alpha
    assert 0 < abs(alpha) <= 20
    for v, base in zip(views, (0, 45, 90, 180, 270, 315)):
        off = (v["azimuth"] - base - alpha) % 360
        assert min(off, 360 - off) == pytest.approx(0, abs=1e-4)


def test_splits_keep_identities_together_and_are_stable():
    ids = [f"id{i:05d}" for i in range(200)]
    splits = layout.split_identities(ids, 0, 0.1, 0.1)
    counts = {s: sum(v == s for v in splits.values()) for s in layout.SPLITS}
    assert 5 < counts["val"] < 40 and 5 < counts["test"] < 40
    # Extending the dataset never moves an identity to another split.
    more = layout.split_identities(ids + [f"id{i:05d}" for i in range(200, 300)], 0, 0.1, 0.1)
    assert all(more[k] == v for k, v in splits.items())
    assert layout.split_identities(["id00000"], 0, 0.5, 0.45) == {"id00000": "train"}
    with pytest.raises(FaceliftError):
        layout.split_identities(ids, 0, 0.6, 0.6)


def test_index_subjects_of_one_identity_share_a_split(tmp_path):
    cfg = SynthConfig(identities=6, appearances=2, resolution=16, random_views=0, spacing=0.05,
                      val_fraction=0.3, test_fraction=0.3)
    synth(tmp_path / "ds", cfg, progress=False)
    index = json.loads((tmp_path / "ds" / "index.json").read_text())
    by_id = {}
    for s in index["subjects"]:
        by_id.setdefault(s["identity"], set()).add(s["split"])
    assert all(len(v) == 1 for v in by_id.values())


def test_interrupted_run_resumes_without_redoing_or_half_writing(dataset, tmp_path, monkeypatch):
    root = tmp_path / "ds"
    real_encode = layout.encode_png
    count = [0]

    def dying_encode(rgba, *a, **k):
        count[0] += 1
        if count[0] == 20:  # half-way through the third subject's 8 images
            raise KeyboardInterrupt
        return real_encode(rgba, *a, **k)

    monkeypatch.setattr(layout, "encode_png", dying_encode)
    with pytest.raises(KeyboardInterrupt):
        synth(root, TINY, progress=False)
    monkeypatch.undo()
    done = sorted(p.name for p in root.iterdir() if p.is_dir())
    assert done == ["id00000_app000", "id00000_app001"]  # the third never appeared
    assert json.loads((root / "index.json").read_text())["complete"] is False
    # A hard kill leaves its temporary folder behind; the rerun cleans it up.
    (root / ".id00001_app000.dead.tmp" / "images").mkdir(parents=True)
    before = {n: (root / n / "meta.json").stat().st_mtime_ns for n in done}
    made = []
    real_make = synth_mod.make_subject
    monkeypatch.setattr(synth_mod, "make_subject",
                        lambda cfg, i, j, f, *rest: made.append(f.name) or real_make(cfg, i, j, f, *rest))
    synth(root, TINY, progress=False)
    assert made == ["id00001_app000", "id00001_app001"]
    assert {n: (root / n / "meta.json").stat().st_mtime_ns for n in done} == before
    assert not [p for p in root.iterdir() if p.name.startswith(".")]
    assert json.loads((root / "index.json").read_text())["complete"] is True
    for name in ("id00000_app000", "id00001_app001"):
        assert _pngs(root / name) == _pngs(dataset / name)


def test_each_lighting_mode_renders_the_same_head_under_every_light(tmp_path):
    cfg = SynthConfig(identities=1, appearances=1, resolution=32, random_views=1, spacing=0.045,
                      lighting_mode="each")
    synth(tmp_path / "ds", cfg, progress=False)
    a, b = tmp_path / "ds" / "id00000_app000_ambient", tmp_path / "ds" / "id00000_app000_environment"
    ma, mb = (json.loads((f / "meta.json").read_text()) for f in (a, b))
    assert ma["lighting"] == "ambient" and mb["lighting"] == "environment"
    strip = lambda m: {k: v for k, v in m["appearance"].items() if k != "lighting"}  # noqa: E731
    assert strip(ma) == strip(mb) and ma["identity"] == mb["identity"]
    for i in range(7):
        ia = np.asarray(Image.open(a / "images" / f"{i:03d}.png"))
        ib = np.asarray(Image.open(b / "images" / f"{i:03d}.png"))
        assert np.array_equal(ia[..., 3], ib[..., 3])  # same geometry, same cameras
        assert np.abs(ia[..., :3].astype(int) - ib[..., :3]).mean() > 3  # different light
    with pytest.raises(FaceliftError, match="lighting mode"):
        synth(tmp_path / "x", SynthConfig(lighting_mode="both"), progress=False)


def test_a_dataset_can_be_extended_with_more_identities(tmp_path):
    small = SynthConfig(identities=1, appearances=1, resolution=16, random_views=0, spacing=0.05)
    synth(tmp_path / "ds", small, progress=False)
    first = tmp_path / "ds" / "id00000_app000" / "meta.json"
    stamp = first.stat().st_mtime_ns
    synth(tmp_path / "ds", SynthConfig(identities=2, appearances=1, resolution=16, random_views=0, spacing=0.05),
          progress=False)
    index = json.loads((tmp_path / "ds" / "index.json").read_text())
    assert [s["name"] for s in index["subjects"]] == ["id00000_app000", "id00001_app000"]
    assert first.stat().st_mtime_ns == stamp


def test_rerun_with_other_settings_is_refused(dataset):
    with pytest.raises(FaceliftError, match="resolution"):
        synth(dataset, SynthConfig(identities=2, appearances=2, resolution=64, random_views=2, spacing=0.045),
              progress=False)


def test_parallel_workers_give_the_same_dataset(dataset, tmp_path):
    cfg = SynthConfig(identities=1, appearances=2, resolution=32, random_views=2, spacing=0.045)
    synth(tmp_path / "par", cfg, workers=2, progress=False)
    for name in ("id00000_app000", "id00000_app001"):
        assert _pngs(tmp_path / "par" / name) == _pngs(dataset / name)


def test_cli_synth_and_its_errors(tmp_path, capsys):
    out = tmp_path / "cli"
    code = main(["data", "synth", "-o", str(out), "--preset", "tiny", "--identities", "1", "--appearances", "1",
                 "--resolution", "16", "--random-views", "1", "--lighting", "environment",
                 "--set", "spacing=0.05"])
    assert code == 0
    meta = json.loads((out / "id00000_app000" / "meta.json").read_text())
    assert meta["lighting"] == "environment" and meta["resolution"] == 16
    assert main(["data", "synth", "-o", str(tmp_path / "x"), "--lighting", "studio"]) == 2
    assert "lighting" in capsys.readouterr().err
    assert main(["data", "synth", "-o", str(tmp_path / "x"), "--workers", "0"]) == 2
    assert main(["data", "synth", "-o", str(tmp_path / "x"), "--supersample", "0"]) == 2
    assert "supersample" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()  # refused before anything is written


def test_supersampled_views_are_area_averages_of_a_finer_render(tmp_path):
    """--supersample K renders K x finer and averages K x K blocks: the 32² view then
    matches a 256² render box-filtered to 32² much better than a native 32² render does
    (whose low-pass widens the silhouette by about half a pixel)."""
    from facelift.data.procedural import build_head, sample_appearance, sample_identity

    cfg = SynthConfig(identities=1, appearances=1, resolution=32, random_views=0, spacing=0.045)
    ident = sample_identity(synth_mod.identity_seed(0, 0))
    head = build_head(ident, sample_appearance(ident, synth_mod.appearance_seed(0, 0, 0)), 0.045)
    cam = subject_cameras(cfg, 0, 0)[0][0]

    def alpha(img):
        return img[..., 3].astype(np.float64) / 255.0

    fine = synth_mod.render_rgba(head.gaussians, cam.resized(256))
    reference = alpha(fine).reshape(32, 8, 32, 8).mean(axis=(1, 3))
    native = synth_mod.render_rgba(head.gaussians, cam)
    supersampled = synth_mod.render_rgba(head.gaussians, cam, supersample=4)
    assert supersampled.shape == native.shape == (32, 32, 4)
    err_native = np.abs(alpha(native) - reference).mean()
    err_super = np.abs(alpha(supersampled) - reference).mean()
    assert err_super < 0.5 * err_native
    assert alpha(native).sum() > alpha(supersampled).sum()  # the native silhouette is the fatter one

    with pytest.raises(FaceliftError, match="supersample"):
        SynthConfig(supersample=0).validate()
    synth(tmp_path / "ds", cfg, progress=False)
    with pytest.raises(FaceliftError, match="supersample"):
        synth(tmp_path / "ds", SynthConfig(identities=1, appearances=1, resolution=32, random_views=0,
                                           spacing=0.045, supersample=2), progress=False)
    meta = json.loads((tmp_path / "ds" / "id00000_app000" / "meta.json").read_text())
    assert meta["supersample"] == 1


def test_extras_reach_the_dataset_and_leave_the_default_data_as_it_was(tmp_path, dataset):
    out = tmp_path / "extras"
    assert main(["data", "synth", "-o", str(out), "--preset", "tiny", "--identities", "6", "--appearances", "2",
                 "--resolution", "16", "--random-views", "0", "--extras", "--set", "spacing=0.05"]) == 0
    assert json.loads((out / "index.json").read_text())["config"]["extras"] is True
    metas = [json.loads(p.read_text()) for p in sorted(out.glob("*/meta.json"))]
    assert len(metas) == 12 and all("glasses" in m["appearance"] for m in metas)
    kinds = {(m["appearance"]["glasses"], m["appearance"]["hat"], m["appearance"]["clothes_pattern"]) for m in metas}
    assert kinds != {("none", "none", "plain")}  # some head got something
    # The default dataset's heads carry none of them.
    for p in sorted(dataset.glob("*/meta.json")):
        app = json.loads(p.read_text())["appearance"]
        assert (app["glasses"], app["hat"], app["clothes_pattern"], app["freckles"]) == ("none", "none", "plain", 0.0)
