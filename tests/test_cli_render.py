import subprocess
import sys

import numpy as np
import pytest
import torch
from PIL import Image

from facelift.cli import main
from facelift.gaussians import Gaussians
from facelift.media import video_info
from facelift.turntable import parse_background


@pytest.fixture
def ball_ply(tmp_path):
    n = 400
    g = torch.Generator().manual_seed(0)
    d = torch.randn(n, 3, generator=g)
    d = d / d.norm(dim=1, keepdim=True) * 0.6
    head = Gaussians(d, torch.full((n, 3), 0.08), torch.tensor([[1.0, 0, 0, 0]]).repeat(n, 1),
                     torch.full((n,), 0.9), torch.tensor([[0.8, 0.2, 0.1]]).repeat(n, 1))
    path = tmp_path / "ball.ply"
    head.save_ply(path)
    return path


def test_render_writes_mp4_with_requested_frames(tmp_path, ball_ply):
    out = tmp_path / "t.mp4"
    assert main(["render", str(ball_ply), "-o", str(out), "--frames", "5", "--size", "32"]) == 0
    info = video_info(out)
    assert info["nframes"] == 5 and info["size"] == (32, 32)


def test_render_png_frames_show_the_head_on_the_chosen_background(tmp_path, ball_ply):
    out = tmp_path / "frames"
    assert main(["render", str(ball_ply), "-o", str(out), "--frames", "3", "--size", "32",
                 "--background", "0,0,255"]) == 0
    files = sorted(out.glob("*.png"))
    assert [f.name for f in files] == ["00000.png", "00001.png", "00002.png"]
    img = np.asarray(Image.open(files[0])).astype(int)
    assert tuple(img[0, 0]) == (0, 0, 255)           # corner: background
    assert img[16, 16, 0] > 150 and img[16, 16, 2] < 100  # centre: the red ball


@pytest.mark.parametrize("args,msg", [
    (["missing.ply", "-o", "x.mp4"], "no such file"),
    (["{empty}", "-o", "x.mp4"], "no head in this folder"),
    (["{empty}/gaussians.spz", "-o", "x.mp4"], "no such file"),
    (["{obj}", "-o", "x.mp4"], "expected a .ply, .splat or .spz file"),
    (["{no_gaussians}", "-o", "x.mp4"], "the head has no Gaussians; nothing to render"),
    (["{ply}", "-o", "x.mp4", "--frames", "0"], "positive integer"),
    (["{ply}", "-o", "x.mp4", "--background", "pink"], "background"),
    (["{ply}", "-o", "x.xyz"], "unknown output type"),
    (["{bad}", "-o", "x.mp4"], "not a PLY"),
])
def test_render_bad_input_is_one_line_exit_2(tmp_path, ball_ply, args, msg):
    bad = tmp_path / "bad.ply"
    bad.write_text("garbage")
    (tmp_path / "empty").mkdir()
    (tmp_path / "head.obj").write_text("v 0 0 0\n")
    Gaussians.empty().save_ply(tmp_path / "none.ply")
    args = [a.format(ply=ball_ply, bad=bad, empty=tmp_path / "empty", obj=tmp_path / "head.obj",
                     no_gaussians=tmp_path / "none.ply") for a in args]
    proc = subprocess.run([sys.executable, "-m", "facelift", "render", *args], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and msg in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert not list(tmp_path.glob("x.*")) and not list(tmp_path.glob(".x*"))


def test_render_reads_a_reconstruction_folder_with_an_spz_head(tmp_path, ball_ply):
    from facelift.formats.splats import load_gaussians, save_gaussians

    folder = tmp_path / "result"
    folder.mkdir()
    save_gaussians(load_gaussians(ball_ply), folder / "gaussians.spz")
    assert main(["render", str(folder), "-o", str(tmp_path / "frames"), "--frames", "1", "--size", "32"]) == 0
    img = np.asarray(Image.open(tmp_path / "frames" / "00000.png")).astype(int)
    assert img[16, 16, 0] > 150 and img[16, 16, 2] < 100  # the red ball


def test_parse_background():
    assert parse_background("white") == (1.0, 1.0, 1.0)
    assert parse_background("0.5,0.25,0") == (0.5, 0.25, 0.0)
    assert parse_background("255,0,0") == (1.0, 0.0, 0.0)
