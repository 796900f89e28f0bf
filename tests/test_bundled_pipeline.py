"""The bundled tiny weights end to end: the README's main command on the example photo, and
Stage I on a procedural head it never saw."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from facelift.cameras import VIEW_NAMES, facelift_cameras, read_transforms
from facelift.gaussians import Gaussians
from facelift.media import video_info
from facelift.eval.metrics import foreground
from facelift.pipeline import FaceLiftPipeline
from facelift.weights.locate import bundled_weights_dir

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"

pytestmark = pytest.mark.skipif(not (bundled_weights_dir("tiny") / "mvdiff").is_dir(),
                                reason="bundled tiny Stage I weights are not in this checkout")


def _on_white(path, size):
    rgba = Image.open(path).convert("RGBA").resize((size, size), Image.BILINEAR)
    rgba = np.asarray(rgba).astype(np.float32) / 255.0
    return rgba[..., :3] * rgba[..., 3:] + (1.0 - rgba[..., 3:])


def test_readme_main_command_on_the_example_photo(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "facelift", "reconstruct", str(EXAMPLE), "-o", str(out),
                           "--frames", "8", "--size", "128"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    result = out / "astronaut"
    assert sorted(p.name for p in result.iterdir()) == sorted(
        ["input.png", "views.png", "gaussians.ply", "turntable.mp4", "cameras.json"])
    head = Gaussians.load_ply(result / "gaussians.ply")
    assert len(head) > 1000 and torch.isfinite(head.means).all()
    assert video_info(result / "turntable.mp4")["nframes"] == 8
    cams = json.loads((result / "cameras.json").read_text())
    spec = facelift_cameras(512)
    assert [v["name"] for v in cams["views"]] == list(VIEW_NAMES)
    for i, view in enumerate(cams["views"]):
        assert torch.allclose(torch.tensor(view["c2w_opencv"]).float(), spec.c2w[i], atol=1e-4)
    # The head is in front of the frontal camera and fills a sensible part of the frame.
    render = (np.asarray(Image.open(result / "views.png").convert("RGB")).astype(np.float32) / 255.0)
    assert 0.1 < float(foreground(torch.from_numpy(render).movedim(-1, -3)).mean()) < 0.9


def test_stage1_generates_the_back_of_a_new_procedural_head(procedural_subject):
    subject = procedural_subject(777)
    _, names, _ = read_transforms(subject / "transforms.json")
    truth = [_on_white(subject / name, 64) for name in names[:6]]
    pipe = FaceLiftPipeline.from_pretrained("tiny", device="cpu")
    front = Image.fromarray((truth[0] * 255).round().astype(np.uint8))
    views = pipe.generate_views(front, seed=0)
    views = [np.asarray(v.convert("RGB").resize((64, 64), Image.BILINEAR)).astype(np.float32) / 255.0 for v in views]
    back = VIEW_NAMES.index("back")

    def mse(a, b):
        return float(((a - b) ** 2).mean())

    # A model that copied the face would be closer to the input than to the true back.
    assert mse(views[back], truth[back]) < mse(views[back], truth[0])
    for i in range(1, 6):
        a, b = (foreground(torch.from_numpy(x[i]).movedim(-1, -3)).bool() for x in (views, truth))
        iou = float((a & b).sum() / (a | b).sum())
        assert iou > 0.7, (VIEW_NAMES[i], iou)
