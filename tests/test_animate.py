import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from facelift.animate import SHARED_VIEWS, AnimateOptions, flicker, lift_animation, reanimate_video
from facelift.cameras import VIEW_NAMES
from facelift.gaussians import Gaussians
from facelift.media import video_info, write_video
from facelift.sequence import GaussianSequence

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


@pytest.fixture(scope="module")
def driving_clip(tmp_path_factory):
    """4 frames, 256²: the mirrored example face nodding and opening its mouth (written by the test)."""
    from facelift.preprocess import preprocess_image
    from facelift.reanimate.synthetic import nodding_talking_clip

    pre = preprocess_image(np.ascontiguousarray(np.asarray(Image.open(EXAMPLE).convert("RGB"))[:, ::-1]), size=256)
    clip = nodding_talking_clip(np.asarray(pre.image), pre.landmarks, frames=4)
    path = tmp_path_factory.mktemp("driving") / "nod.mp4"
    write_video(path, clip.frames, fps=4)
    return path


def _animate(out, driving, weights, *extra):
    cmd = [sys.executable, "-m", "facelift", "animate", str(EXAMPLE), "--driving", str(driving), "-o", str(out),
           "--weights", str(weights), "--steps", "1", "--size", "64", *extra]
    return subprocess.run(cmd, capture_output=True, text=True)


def test_animate_writes_the_2d_and_4d_results_and_resumes(random_weights, driving_clip, tmp_path):
    out = tmp_path / "out"
    proc = _animate(out, driving_clip, random_weights)
    assert proc.returncode == 0, proc.stderr
    plys = sorted((out / "frames").glob("*.ply"))
    assert [p.name for p in plys] == [f"{i:05d}.ply" for i in range(4)]
    assert video_info(out / "animated_2d.mp4")["nframes"] == 4 and video_info(out / "novel_view.mp4")["nframes"] == 4
    assert sorted(p.stem for p in (out / "shared").glob("*.png")) == sorted(VIEW_NAMES)
    seq = GaussianSequence.load(out)
    assert len(seq) == 4 and seq.duration == pytest.approx(0.75, abs=1e-6)
    # Resume: a deleted frame is redone, finished ones and the 2D frames are kept as they are.
    kept, frame_png = plys[0].stat().st_mtime_ns, (out / "animated" / "00002.png").stat().st_mtime_ns
    plys[2].unlink()
    proc = _animate(out, driving_clip, random_weights)
    assert proc.returncode == 0, proc.stderr
    assert plys[2].is_file() and plys[0].stat().st_mtime_ns == kept
    assert (out / "animated" / "00002.png").stat().st_mtime_ns == frame_png
    # The same folder with other settings is refused, in one line.
    proc = _animate(out, driving_clip, random_weights, "--consistency", "off")
    assert proc.returncode == 2 and "holds another animation (different consistency)" in proc.stderr


class _StandInPipe:
    """Records what Stage II and photo-fit are given; Stage I makes views from the frame's mean colour."""

    defaults = {"refine": 0, "seed": 0}

    def __init__(self):
        self.seeds, self.views, self.fitted = [], [], []

    def generate_views(self, image, seed, steps, guidance):
        self.seeds.append(seed)
        base = np.asarray(image, np.float32).mean((0, 1))
        return [Image.fromarray(np.full((16, 16, 3), (base + 7 * i) % 256, np.uint8)) for i in range(6)]

    def reconstruct_gaussians(self, views, cameras):
        self.views.append([np.asarray(v).copy() for v in views])
        return Gaussians(torch.tensor([[len(self.views), 0.0, 0.0]]), torch.full((1, 3), 0.1),
                         torch.tensor([[1.0, 0, 0, 0]]), torch.tensor([0.9]), torch.tensor([[0.5, 0.5, 0.5]]))

    def photo_fit(self, gaussians, photo, mask, landmarks, views, cameras, iterations, seed, progress=True):
        self.fitted.append((gaussians.means[0, 0].item(), float(photo.mean()), len(views), seed))
        self.mattes = getattr(self, "mattes", []) + [np.array(mask)]
        return type("Fit", (), {"gaussians": gaussians})()


def _lift(tmp_path, **options):
    video = tmp_path / "clip.mp4"
    write_video(video, [np.full((32, 32, 3), 40 * i, np.uint8) for i in range(3)], fps=3)
    opts = AnimateOptions(size=16, seed=5, **options)
    frames = reanimate_video(np.zeros((32, 32, 3), np.uint8), video, tmp_path / "out", lambda s, d, f: d, opts)
    pipe = _StandInPipe()
    lift_animation(pipe, frames, tmp_path / "out", opts)
    return pipe


@pytest.mark.parametrize("consistency", ["views", "off"])
def test_later_frames_take_the_first_frames_back_and_sides(tmp_path, consistency):
    pipe = _lift(tmp_path, consistency=consistency, refine="off")
    shared = [VIEW_NAMES.index(n) for n in SHARED_VIEWS]
    first, *later = pipe.views
    assert len(later) == 2
    for views in later:
        for i in range(6):
            same = np.array_equal(views[i], first[i])
            assert same == (consistency == "views" and i in shared), (i, consistency)
    assert set(pipe.seeds) == {5}  # one seed, so one starting noise, for every frame
    assert len(pipe.seeds) == 3  # Stage I runs once per frame (the first frame's views are kept, not remade)


def test_later_frames_are_photo_fitted_onto_the_first_frames_head(tmp_path):
    pipe = _lift(tmp_path, consistency="head", refine=2)
    assert len(pipe.seeds) == 1 and len(pipe.views) == 1  # Stages I and II ran once, for the first frame
    heads, brightness, views, seeds = zip(*pipe.fitted)
    assert heads == (1.0, 1.0, 1.0) and len(set(brightness)) == 3  # one head, each frame's own photo
    assert views == (6, 6, 6) and set(seeds) == {5}
    # Without photo-fit the head would never move: views are shared instead.
    pipe = _lift(tmp_path / "nofit", consistency="head", refine="off")
    assert len(pipe.views) == 3 and not pipe.fitted


def test_flicker_is_zero_for_a_still_head_and_measures_the_change():
    still = np.full((3, 8, 8, 3), 0.5, np.float32)
    region = np.zeros((8, 8), bool)
    region[:4] = True
    assert flicker(still, region) == 0.0
    changing = still.copy()
    changing[1, :2] += 0.2  # half the region changes by 0.2 in frame 1, then back
    assert flicker(changing, region) == pytest.approx(0.1)
    changing[2, 6:] = 0.0  # outside the region: not counted
    assert flicker(changing, region) == pytest.approx(0.1)


def test_animate_errors_are_one_line_and_come_before_the_weights(tmp_path):
    white = tmp_path / "white.mp4"
    write_video(white, [np.full((64, 64, 3), 255, np.uint8)] * 2, fps=2)
    bad = tmp_path / "bad.mp4"
    bad.write_text("not a video")
    missing_weights = tmp_path / "no-weights"
    cases = (
        (["missing.jpg", "--driving", str(white)], "photo not found"),
        ([str(EXAMPLE), "--driving", "missing.mp4"], "video file not found"),
        ([str(EXAMPLE), "--driving", str(bad)], "cannot open as a video"),
        ([str(EXAMPLE), "--driving", str(white)], "no face found in the first driving frame"),
        ([str(EXAMPLE), "--driving", str(white), "--reanimator", "liveportrait"], "needs LivePortrait"),
    )
    for i, (args, msg) in enumerate(cases):
        proc = subprocess.run([sys.executable, "-m", "facelift", "animate", *args, "-o", str(tmp_path / f"o{i}"),
                               "--weights", str(missing_weights)], capture_output=True, text=True, cwd=tmp_path,
                              env={**os.environ, "LIVEPORTRAIT_DIR": ""})
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and msg in proc.stderr, proc.stderr
    assert not list((tmp_path / "o3").glob("frames/*"))
    assert json.loads((tmp_path / "o3" / "animate.json").read_text())["reanimator"] == "landmarks"


def test_traced_still_region_follows_the_moved_front_pixels_through_the_head():
    import torch

    from facelift.animate import traced_still_region
    from facelift.cameras import orbit_camera
    from facelift.errors import FaceliftError
    from facelift.gaussians import Gaussians

    # A flat sheet of small splats facing the front camera: left half and right half.
    front, novel = orbit_camera(0.0, 0.0, size=64), orbit_camera(20.0, 0.0, size=64)
    ys, xs = torch.meshgrid(torch.linspace(-0.8, 0.8, 80), torch.linspace(-0.8, 0.8, 80), indexing="ij")
    n = xs.numel()
    means = torch.stack([xs.flatten(), torch.zeros(n), ys.flatten()], -1)  # the x-z plane faces the front camera
    sheet = Gaussians(means, torch.full((n, 3), 0.015), torch.tensor([[1.0, 0, 0, 0]]).repeat(n, 1),
                      torch.full((n,), 0.99), torch.full((n, 3), 0.5))
    frames = np.full((3, 64, 64, 3), 0.5, np.float32)
    still = traced_still_region(sheet, frames, front, novel)
    covered = still.sum()
    assert covered > 1000  # nothing moved: the whole sheet is still at the novel camera
    # The image's left half changes in frame 2: at the novel camera about half the sheet is left.
    frames[2, :, :32] = 0.9
    half = traced_still_region(sheet, frames, front, novel)
    assert 0.3 * covered < half.sum() < 0.6 * covered and not (half & ~still).any()
    # Which half: the sheet's right part (image right at the front) stays.
    cols = np.nonzero(half.any(0))[0]
    assert cols.min() > 20
    with pytest.raises(FaceliftError, match="frames must be"):
        traced_still_region(sheet, frames[:, :16], front, novel)


def test_steady_matte_keeps_the_first_frames_matte_where_the_frame_did_not_change():
    from facelift.animate import steady_matte
    from facelift.errors import FaceliftError

    first = np.full((20, 20, 3), 100, np.uint8)
    frame = first.copy()
    frame[:, :5] = 200  # the left quarter moved
    first_matte = np.full((20, 20), 0.75, np.float32)
    fresh = np.full((20, 20), 0.25, np.float32)  # a new segmentation that disagrees everywhere
    out = steady_matte(frame, first, first_matte, fresh, grow_px=2)
    assert np.all(out[:, :5] == 0.25) and np.all(out[:, 5:7] == 0.25)  # moved, and its grown rim
    assert np.all(out[:, 7:] == 0.75)  # unmoved: the first frame's matte
    assert np.array_equal(steady_matte(first, first, first_matte, fresh), first_matte)  # nothing moved
    frame[0, 10] = 101  # below the tolerance (2 levels): still unmoved
    assert steady_matte(frame, first, first_matte, fresh, grow_px=0)[0, 10] == 0.75
    with pytest.raises(FaceliftError, match="differ in size"):
        steady_matte(frame[:10], first, first_matte, fresh)


def test_head_consistency_holds_the_first_frames_matte_where_the_frame_did_not_change(tmp_path, monkeypatch):
    import facelift.preprocess

    calls = []

    def segment(frame):  # each segmentation disagrees with the last: 0.1, 0.2, ...
        calls.append(1)
        return np.full(frame.shape[:2], 0.1 * len(calls), np.float32)

    monkeypatch.setattr(facelift.preprocess, "segment_person", segment)
    video = tmp_path / "clip.mp4"
    frames = [np.full((32, 32, 3), 128, np.uint8) for _ in range(3)]
    frames[2][:, :12] = 30  # only the left part of the last frame changes
    write_video(video, frames, fps=3)
    opts = AnimateOptions(size=32, seed=5, consistency="head", refine=2)
    animated = reanimate_video(np.zeros((32, 32, 3), np.uint8), video, tmp_path / "out", lambda s, d, f: d, opts)
    pipe = _StandInPipe()
    lift_animation(pipe, animated, tmp_path / "out", opts)
    first, _, last = pipe.mattes
    assert len(calls) == 3  # frame 0 once, then each later frame once
    assert np.allclose(first, 0.1)
    assert np.allclose(pipe.mattes[1], 0.1)  # frame 1 equals frame 0 (up to the codec): all held
    assert np.allclose(last[:, 20:], 0.1) and np.allclose(last[:, :8], 0.3)  # held right, fresh left
