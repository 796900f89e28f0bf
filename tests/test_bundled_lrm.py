"""The bundled tiny Stage II reconstructs a procedural head it never saw, through `reconstruct --views`."""

import shutil
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from facelift.cameras import read_transforms, write_transforms
from facelift.gaussians import Gaussians
from facelift.weights.locate import bundled_weights_dir
from facelift.render import rasterize

pytestmark = pytest.mark.skipif(not (bundled_weights_dir("tiny") / "lrm").is_dir(),
                                reason="bundled tiny Stage II weights are not in this checkout")


def _on_white(path):
    rgba = np.asarray(Image.open(path).convert("RGBA")).astype(np.float32) / 255.0
    return rgba[..., :3] * rgba[..., 3:] + (1.0 - rgba[..., 3:])


def test_reconstruct_views_from_a_new_procedural_subject(tmp_path, procedural_subject):
    subject = procedural_subject(4242, random_views=2)
    cams, names, _ = read_transforms(subject / "transforms.json")
    # Inputs: the 6 fixed Stage I views only; the 2 random views are held out.
    views = tmp_path / "views"
    (views / "images").mkdir(parents=True)
    for name in names[:6]:
        shutil.copy(subject / name, views / name)
    write_transforms(views / "transforms.json", cams[:6], names[:6])

    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "facelift", "reconstruct", "--views", str(views), "-o", str(out),
                           "--frames", "4", "--size", "64"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    head = Gaussians.load_ply(out / "views" / "gaussians.ply")
    psnrs, blanks = [], []
    for i in (6, 7):
        render = rasterize(head, cams[i]).rgb.numpy()
        truth = _on_white(subject / names[i])
        psnrs.append(-10 * np.log10(((render - truth) ** 2).mean()))
        blanks.append(-10 * np.log10(((1.0 - truth) ** 2).mean()))  # an empty (all-white) render
    # The shipped model averages 31.9 dB over held-out views (TRAINING.md); steep views of
    # one subject vary, so this asks for a clearly learned head, not the average.
    assert np.mean(psnrs) > 20.0 and min(p - b for p, b in zip(psnrs, blanks)) > 8.0, (psnrs, blanks)


def _masked_psnr(head, cam, path) -> float:
    rgba = np.asarray(Image.open(path).convert("RGBA")).astype(np.float32) / 255.0
    truth = rgba[..., :3] * rgba[..., 3:] + (1.0 - rgba[..., 3:])
    out = rasterize(head, cam)
    m = (rgba[..., 3] > 0.5) | (out.alpha.numpy() > 0.5)
    return float(-10 * np.log10(((out.rgb.numpy() - truth) ** 2)[m].mean()))


def test_views_fit_sharpens_four_128px_views_and_their_unseen_neighbours(tmp_path, procedural_subject):
    from facelift.pipeline import FaceLiftPipeline

    subject = procedural_subject(4243, random_views=2, resolution=128)
    cams, names, _ = read_transforms(subject / "transforms.json")
    given = [0, 2, 3, 4]  # front, sides, back; the 45° views (1, 5) and 2 random views are held out
    views = tmp_path / "views"
    (views / "images").mkdir(parents=True)
    for i in given:
        shutil.copy(subject / names[i], views / names[i])
    write_transforms(views / "transforms.json", cams[given], [names[i] for i in given])
    pipe = FaceLiftPipeline.from_pretrained("tiny", device="cpu")
    plain = pipe.reconstruct_views(views, refine="off")
    fitted = pipe.reconstruct_views(views, refine="auto", progress=False)
    assert "views_fit_steps" not in plain.info
    assert fitted.info["views_fit_psnr_after"] > fitted.info["views_fit_psnr_before"] + 3.0, fitted.info
    held = [_masked_psnr(fitted.gaussians, cams[i], subject / names[i]) - _masked_psnr(plain.gaussians, cams[i], subject / names[i])
            for i in (1, 5, 6, 7)]
    # 6 unseen heads at 128²: +2.9 dB on average over such views (README); one head varies
    assert np.mean(held) > 1.0 and min(held) > -0.5, held
