"""``facelift eval images``: name matching, masks from alpha, tables on stdout and on disk."""

import csv
import math

import numpy as np
import pytest
from PIL import Image

from facelift.cli import main


def _write(path, arr):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(arr).save(path)


@pytest.fixture()
def folders(tmp_path):
    rng = np.random.default_rng(0)
    gt, pred = tmp_path / "gt", tmp_path / "pred"
    for name in ("a", "b"):
        img = rng.integers(0, 256, (24, 24, 4), dtype=np.uint8)
        img[..., 3] = 0
        img[4:20, 4:20, 3] = 255
        _write(gt / f"{name}.png", img)
        noisy = img.copy()
        noisy[..., :3] = np.clip(img[..., :3].astype(int) + rng.integers(-20, 21, img[..., :3].shape), 0, 255)
        _write(pred / f"{name}.png", noisy)
    _write(gt / "only_gt.png", np.zeros((24, 24, 3), np.uint8))
    return pred, gt


def test_eval_images_writes_csv_and_markdown(folders, tmp_path, capsys):
    pred, gt = folders
    out = tmp_path / "rep" / "report.csv"
    assert main(["eval", "images", str(pred), str(gt), "--metrics", "psnr,ssim", "--mask-from-alpha", "-o", str(out)]) == 0
    stdout = capsys.readouterr().out
    assert "| image | PSNR ↑ | SSIM ↑ |" in stdout and "**mean**" in stdout
    rows = list(csv.DictReader(out.open()))
    assert [r["image"] for r in rows] == ["a", "b", "mean"]
    assert {"PSNR", "SSIM", "PSNR-masked", "SSIM-masked", "IoU"} <= set(rows[0])
    assert float(rows[0]["IoU"]) == 1.0  # same alpha in prediction and ground truth
    # The masked PSNR equals the one computed by hand over the alpha>0 square, composited on white.
    g = np.asarray(Image.open(gt / "a.png"), np.float64) / 255
    p = np.asarray(Image.open(pred / "a.png"), np.float64) / 255
    sel = g[..., 3] > 0
    mse = ((p[..., :3] - g[..., :3])[sel] ** 2).mean()
    assert math.isclose(float(rows[0]["PSNR-masked"]), -10 * math.log10(mse), rel_tol=1e-5)
    assert (tmp_path / "rep" / "report.md").read_text().startswith("| image |")


def test_eval_images_errors_are_one_line(folders, tmp_path, capsys):
    pred, gt = folders
    assert main(["eval", "images", str(pred), str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert main(["eval", "images", str(pred), str(gt), "--metrics", "psnr,bogus"]) == 2
    assert "unknown metric 'bogus'" in capsys.readouterr().err
    _write(pred / "a.png", np.zeros((10, 10, 3), np.uint8))
    assert main(["eval", "images", str(pred), str(gt), "--metrics", "psnr"]) == 2
    assert "--resize" in capsys.readouterr().err
    assert main(["eval", "images", str(pred), str(gt), "--metrics", "psnr", "--resize"]) == 0


def test_explicit_lpips_without_weights_fails_clearly(folders, tmp_path, monkeypatch, capsys):
    pred, gt = folders
    monkeypatch.setenv("FACELIFT_WEIGHTS", str(tmp_path / "none"))
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "th"))
    from facelift.eval import perceptual

    monkeypatch.setattr(perceptual, "_lpips_package_lin", lambda: None)
    assert main(["eval", "images", str(pred), str(gt), "--metrics", "lpips"]) == 2
    assert "alexnet-owt-7be5be79.pth" in capsys.readouterr().err


def test_metrics_option_selects_columns(folders, capsys):
    pred, gt = folders
    assert main(["eval", "images", str(pred), str(gt), "--metrics", "ssim"]) == 0
    out = capsys.readouterr().out
    assert "SSIM" in out and "PSNR" not in out
