import subprocess
import sys
from pathlib import Path

import pytest

from facelift.cameras import orbit_camera
from facelift.gaussians import Gaussians
from facelift.media import video_info, write_video
from facelift.render import rasterize
from facelift.sequence import GaussianSequence

EXAMPLE_HEAD = Path(__file__).resolve().parents[1] / "src" / "facelift" / "assets" / "example_head.ply"


@pytest.fixture(scope="module")
def turning_head_clip(tmp_path_factory):
    """8 frames of the example head turning from -14° to +14°, 192² (the test writes it)."""
    head = Gaussians.load_ply(EXAMPLE_HEAD)
    path = tmp_path_factory.mktemp("clip") / "turn.mp4"
    frames = (rasterize(head, orbit_camera(-14 + 4 * i, 5.0, size=192)).rgb for i in range(8))
    write_video(path, frames, fps=8)
    return path


def test_video_to_4d_writes_one_ply_per_frame_and_a_video(random_weights, turning_head_clip, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "facelift", "video", str(turning_head_clip), "-o", str(out), "--weights",
           str(random_weights), "--steps", "1", "--size", "64", "--camera", "orbit"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    plys = sorted((out / "frames").glob("*.ply"))
    assert [p.name for p in plys] == [f"{i:05d}.ply" for i in range(8)]
    assert video_info(out / "novel_view.mp4")["nframes"] == 8
    seq = GaussianSequence.load(out)
    assert len(seq) == 8 and seq.duration == pytest.approx(7 / 8, abs=1e-6)
    # Resume: a deleted frame is redone, the others are kept as they are.
    kept = plys[0].stat().st_mtime_ns
    plys[3].unlink()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert plys[3].is_file() and plys[0].stat().st_mtime_ns == kept


def test_video_photo_fits_each_frame_when_asked(random_weights, turning_head_clip, tmp_path):
    counts = {}
    for refine in ("off", "2"):
        out = tmp_path / refine
        cmd = [sys.executable, "-m", "facelift", "video", str(turning_head_clip), "-o", str(out), "--weights",
               str(random_weights), "--steps", "1", "--size", "64", "--max-frames", "2", "--refine", refine]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        counts[refine] = [len(Gaussians.load_ply(p)) for p in sorted((out / "frames").glob("*.ply"))]
    # The random weights' own default is off; asked for, every frame gets its photo layer.
    assert len(counts["2"]) == 2 and all(n > m + 1000 for n, m in zip(counts["2"], counts["off"]))


def test_video_errors_are_one_line(tmp_path):
    bad = tmp_path / "clip.mp4"
    bad.write_text("not a video")
    for args, msg in ((["missing.mp4"], "not found"), ([str(bad)], "cannot open as a video")):
        proc = subprocess.run([sys.executable, "-m", "facelift", "video", *args, "-o", str(tmp_path / "o")],
                              capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and msg in proc.stderr, proc.stderr
