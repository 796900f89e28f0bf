"""The benchmarks end to end through the real pipeline (random tiny weights from conftest), the
real rasterizer and the CLI: the wiring a user's `facelift eval benchmark|procedural` run takes."""

import csv
import json
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from facelift.cameras import Camera, facelift_cameras, orbit_camera, turntable_cameras, write_transforms
from facelift.cli import main

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


def test_benchmark_cli_runs_the_pipeline_on_a_cafca_layout(random_weights, tmp_path, capsys):
    # One Cafca subject whose input view is a real photo (the pipeline must find a face in it).
    d = tmp_path / "cafca" / "00007" / "00000_000"
    cams = turntable_cameras(30, size=64)
    photo = np.asarray(Image.open(EXAMPLE).convert("RGB").resize((64, 64)))
    for v in (9, 11):
        name = f"C{v:02d}"
        (d / "color_image").mkdir(parents=True, exist_ok=True)
        (d / "cameras_json").mkdir(parents=True, exist_ok=True)
        Image.fromarray(photo).save(d / "color_image" / f"{name}.png")
        (d / "cameras_json" / f"{name}.json").write_text(json.dumps(
            {"K": cams.K[v].tolist(), "cam2world": cams.c2w[v].tolist()}))
    lst = tmp_path / "list.csv"
    lst.write_text("subject,input_view,test_views\n00007,C09,C09 C11\n")
    out = tmp_path / "report"
    assert main(["eval", "benchmark", "--dataset", "cafca", "--root", str(tmp_path / "cafca"), "--subjects", str(lst),
                 "--weights", str(random_weights), "-o", str(out), "--size", "32", "--metrics", "psnr,ssim"]) == 0
    assert "FaceLift (paper)" in capsys.readouterr().out
    rows = list(csv.DictReader((out / "per_view.csv").open()))
    assert [r["view"] for r in rows] == ["00007/C09", "00007/C11", "mean"]
    assert all(math.isfinite(float(r["PSNR"])) for r in rows)
    side = Image.open(out / "images" / "00007_C11.png")
    assert side.size == (64, 32)  # render | target


def test_procedural_cli_runs_both_stages_of_the_pipeline(random_weights, tmp_path, capsys):
    subject = tmp_path / "data" / "head_000"
    cams = Camera.stack([*[facelift_cameras(32)[i] for i in range(6)], orbit_camera(40, 15, size=32)])
    names = []
    rng = np.random.default_rng(0)
    for i in range(len(cams)):
        img = np.zeros((32, 32, 4), np.uint8)
        img[6:26, 8:24, :3] = rng.integers(0, 256, 3)
        img[6:26, 8:24, 3] = 255
        names.append(f"images/{i:03d}.png")
        (subject / "images").mkdir(parents=True, exist_ok=True)
        Image.fromarray(img).save(subject / names[-1])
    write_transforms(subject / "transforms.json", cams, names)
    assert main(["eval", "procedural", "--data", str(tmp_path / "data"), "--split", "all",
                 "--weights", str(random_weights)]) == 0
    out = capsys.readouterr().out
    for setting in ("stage1", "stage2", "end-to-end"):
        assert f"| {setting} |" in out
