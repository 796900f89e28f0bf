import numpy as np
import pytest
import torch

from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.sequence import GaussianSequence, smooth_boxes, write_sequence_index


def _one(x: float) -> Gaussians:
    return Gaussians(torch.tensor([[x, 0.0, 0.0]]), torch.full((1, 3), 0.1), torch.tensor([[1.0, 0, 0, 0]]),
                     torch.tensor([0.9]), torch.tensor([[0.2, 0.4, 0.6]]))


def test_smoothing_removes_jitter_but_keeps_a_constant_track():
    rng = np.random.default_rng(0)
    base = np.tile([256.0, 280.0, 194.0, 194.0], (40, 1))
    assert np.allclose(smooth_boxes(base), base)
    noisy = base + rng.normal(0, 5, base.shape)
    smoothed = smooth_boxes(noisy, sigma=3)
    assert np.abs(smoothed - base).std() < 0.5 * np.abs(noisy - base).std()


def test_smoothing_fills_missed_detections_and_fails_when_none():
    track = np.tile([10.0, 20.0, 30.0, 40.0], (5, 1))
    track[2] = np.nan
    assert np.allclose(smooth_boxes(track, sigma=1), 10 * np.array([1, 2, 3, 4.0]))
    with pytest.raises(FaceliftError, match="no face"):
        smooth_boxes(np.full((3, 4), np.nan))


def test_sequence_loads_frames_by_time(tmp_path):
    (tmp_path / "frames").mkdir()
    files = []
    for i in range(3):
        _one(float(i)).save_ply(tmp_path / "frames" / f"{i:05d}.ply")
        files.append(f"frames/{i:05d}.ply")
    write_sequence_index(tmp_path, files, [0.0, 0.5, 1.0], fps=2.0, source="clip.mp4")
    seq = GaussianSequence.load(tmp_path)
    assert len(seq) == 3 and seq.duration == 1.0
    assert seq.at(0.6).means[0, 0].item() == 1.0
    assert seq.at(99).means[0, 0].item() == 2.0


def test_sequence_reports_missing_frames(tmp_path):
    write_sequence_index(tmp_path, ["frames/00000.ply"], [0.0], fps=1.0, source="x")
    with pytest.raises(FaceliftError, match="missing"):
        GaussianSequence.load(tmp_path)
    with pytest.raises(FaceliftError, match="no frames"):
        GaussianSequence.load(tmp_path / "empty")
