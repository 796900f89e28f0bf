"""End to end on random tiny weights built here (the bundled weights have their own test)."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from facelift.cameras import VIEW_NAMES, facelift_cameras, write_transforms
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.media import video_info
from facelift.pipeline import FaceLiftPipeline
from facelift.weights.folder import resolve_weights

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


def test_photo_to_head_python_api(random_weights):
    pipe = FaceLiftPipeline.from_pretrained(random_weights, device="cpu")
    stages = []
    out = pipe(EXAMPLE, seed=1, progress=lambda stage, frac: stages.append(stage))
    assert stages == ["preprocess", "views", "gaussians", "done"]
    assert out.input_image.size == (512, 512)
    assert len(out.views) == len(VIEW_NAMES) == 6
    assert isinstance(out.gaussians, Gaussians) and len(out.gaussians) > 0
    assert (out.gaussians.opacities > 0.04).all()  # export filter applied
    again = pipe(EXAMPLE, seed=1)
    assert all(np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(out.views, again.views)), \
        "same seed must give the same views"
    render = out.render(facelift_cameras(32)[0])
    assert render.rgb.shape == (32, 32, 3)


def test_reconstruct_cli_writes_every_output_and_skips_bad_files(random_weights, tmp_path):
    bad = tmp_path / "notes.jpg"
    bad.write_text("this is not a photo")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "facelift", "reconstruct", str(EXAMPLE), str(bad), "-o", str(out),
                           "--weights", str(random_weights), "--frames", "4", "--size", "64", "--steps", "2"],
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr  # one input failed
    assert "notes.jpg" in proc.stderr and "Traceback" not in proc.stderr
    # Quiet by default: no library chatter, no model-loading bar from transformers.
    assert "Loading weights" not in proc.stderr and "computing" not in proc.stderr, proc.stderr
    assert "astronaut" in proc.stderr  # the command's own line: which photo went where
    result = out / "astronaut"
    assert sorted(p.name for p in result.iterdir()) == sorted(
        ["input.png", "views.png", "gaussians.ply", "turntable.mp4", "cameras.json"])
    assert not (out / "notes").exists()
    assert len(Gaussians.load_ply(result / "gaussians.ply")) > 0
    assert video_info(result / "turntable.mp4")["nframes"] == 4
    cams = json.loads((result / "cameras.json").read_text())
    spec = facelift_cameras(512)
    for i, view in enumerate(cams["views"]):
        assert view["name"] == VIEW_NAMES[i]
        assert torch.allclose(torch.tensor(view["c2w_opencv"]).float(), spec.c2w[i], atol=1e-4)
    assert Image.open(result / "views.png").size == (3 * 64, 2 * 64)
    # A rerun skips the finished input (and exits 0 when nothing fails).
    before = (result / "gaussians.ply").stat().st_mtime_ns
    proc = subprocess.run([sys.executable, "-m", "facelift", "reconstruct", str(EXAMPLE), "-o", str(out),
                           "--weights", str(random_weights)], capture_output=True, text=True)
    assert proc.returncode == 0 and "already done" in proc.stderr
    assert (result / "gaussians.ply").stat().st_mtime_ns == before


def test_reconstruct_with_only_bad_inputs_says_one_line_and_loads_no_weights(tmp_path):
    bad = tmp_path / "notimage.jpg"
    bad.write_text("this is not a photo")
    out = tmp_path / "out"
    # Weights that cannot load: reaching the loader would fail with another message.
    proc = subprocess.run([sys.executable, "-m", "facelift", "reconstruct", str(bad), "-o", str(out),
                           "--weights", str(tmp_path / "no-such-weights")], capture_output=True, text=True)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "notimage.jpg" in lines[0] and "not an image" in lines[0], proc.stderr
    assert not out.exists()


def test_reconstruct_of_a_missing_file_says_one_line_and_loads_no_weights(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "facelift", "reconstruct", str(tmp_path / "missing.jpg"), "-o",
                           str(out), "--weights", str(tmp_path / "no-such-weights")], capture_output=True, text=True)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "missing.jpg" in lines[0] and "no such file" in lines[0], proc.stderr
    assert not out.exists()


def test_reconstruct_from_own_posed_views(random_weights, tmp_path):
    views_dir = tmp_path / "views"
    (views_dir / "images").mkdir(parents=True)
    cams = facelift_cameras(64)
    for i in range(len(cams)):
        Image.new("RGB", (64, 64), (200, 120 + 10 * i, 90)).save(views_dir / "images" / f"{i:03d}.png")
    write_transforms(views_dir / "transforms.json", cams)
    pipe = FaceLiftPipeline.from_pretrained(random_weights, device="cpu")
    out = pipe.reconstruct_views(views_dir)
    assert len(out.views) == 6 and len(out.gaussians) > 0


def test_missing_weights_and_no_face_errors(random_weights, tmp_path):
    with pytest.raises(FaceliftError, match="no such folder"):
        resolve_weights(tmp_path / "nope")
    blank = tmp_path / "blank.png"
    Image.new("RGB", (256, 256), (90, 160, 200)).save(blank)
    pipe = FaceLiftPipeline.from_pretrained(random_weights, device="cpu")
    with pytest.raises(FaceliftError, match="--no-crop"):
        pipe(blank)


def test_export_weights_assembles_a_loadable_folder(random_weights, tmp_path):
    from facelift.cli import main

    out = tmp_path / "exported"
    assert main(["export-weights", "--mvdiff", str(random_weights / "mvdiff"), "--lrm", str(random_weights / "lrm"),
                 "-o", str(out), "--steps", "7"]) == 0
    pipe = FaceLiftPipeline.from_pretrained(out, device="cpu")
    assert pipe.defaults["num_inference_steps"] == 7
    original = FaceLiftPipeline.from_pretrained(random_weights, device="cpu")
    for a, b in zip(pipe.lrm.state_dict().values(), original.lrm.state_dict().values()):
        assert torch.equal(a, b)
    half = tmp_path / "half"
    assert main(["export-weights", "--mvdiff", str(random_weights / "mvdiff"), "--lrm", str(random_weights / "lrm"),
                 "-o", str(half), "--lrm-fp16"]) == 0
    size = lambda folder: (folder / "lrm" / "model.safetensors").stat().st_size  # noqa: E731
    assert size(half) < 0.55 * size(out)
    small = FaceLiftPipeline.from_pretrained(half, device="cpu")
    for a, b in zip(small.lrm.parameters(), original.lrm.parameters()):
        assert a.dtype == torch.float32 and torch.equal(a, b.half().float())
    from facelift.weights.export import load_stage1

    with pytest.raises(FaceliftError, match="neither a Stage I pipeline"):
        load_stage1(tmp_path)


def test_weights_folder_can_set_its_own_export_filter(random_weights, tmp_path):
    import shutil

    folder = tmp_path / "w"
    shutil.copytree(random_weights, folder)
    meta = folder / "facelift.json"
    data = json.loads(meta.read_text()) if meta.exists() else {}
    pipe = FaceLiftPipeline.from_pretrained(folder, device="cpu")
    assert pipe.export.max_scale == 0.2 and pipe.export.box_xy == 0.91  # the release's defaults
    meta.write_text(json.dumps({**data, "export": {"max_scale": None, "min_opacity": 0.1}}))
    pipe = FaceLiftPipeline.from_pretrained(folder, device="cpu")
    assert pipe.export.max_scale is None and pipe.export.min_opacity == 0.1 and pipe.export.box_xy == 0.91
    meta.write_text(json.dumps({**data, "export": {"max_size": 1.0}}))
    with pytest.raises(FaceliftError, match="unknown export settings.*max_size"):
        FaceLiftPipeline.from_pretrained(folder, device="cpu")
    meta.write_text(json.dumps({**data, "export": {"max_scale": "big"}}))
    with pytest.raises(FaceliftError, match="must be numbers or null"):
        FaceLiftPipeline.from_pretrained(folder, device="cpu")
    meta.write_text("{not json")
    with pytest.raises(FaceliftError, match="not readable JSON"):
        FaceLiftPipeline.from_pretrained(folder, device="cpu")


def test_the_weights_set_the_default_seed(random_weights, tmp_path):
    """facelift.json's defaults.seed (4 for converted release weights) is used when no seed
    is given; an explicit seed wins; a malformed one fails at load."""
    import shutil

    folder = tmp_path / "w"
    shutil.copytree(random_weights, folder)
    meta = folder / "facelift.json"
    data = json.loads(meta.read_text())
    meta.write_text(json.dumps({**data, "defaults": {**data["defaults"], "seed": 4}}))
    pipe = FaceLiftPipeline.from_pretrained(folder, device="cpu")
    image = Image.new("RGB", (512, 512), (190, 140, 110))
    as_array = lambda views: np.stack([np.asarray(v) for v in views])  # noqa: E731
    default = as_array(pipe.generate_views(image, num_inference_steps=2))
    assert np.array_equal(default, as_array(pipe.generate_views(image, seed=4, num_inference_steps=2)))
    assert not np.array_equal(default, as_array(pipe.generate_views(image, seed=0, num_inference_steps=2)))
    meta.write_text(json.dumps({**data, "defaults": {**data["defaults"], "seed": "four"}}))
    with pytest.raises(FaceliftError, match="seed must be a non-negative integer"):
        FaceLiftPipeline.from_pretrained(folder, device="cpu")


def test_an_output_path_that_is_a_file_fails_before_any_work(tmp_path, capsys):
    from facelift.cli import main

    taken = tmp_path / "out.txt"
    taken.write_text("a file, not a folder")
    assert main(["reconstruct", str(EXAMPLE), "-o", str(taken), "--weights", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "output must be a folder" in err[0]
    assert taken.read_text() == "a file, not a folder"
