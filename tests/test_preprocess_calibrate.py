"""The calibration tool that measured our face-box -> release (MTCNN) box constants."""

import sys
from pathlib import Path

import numpy as np
import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from calibrate_face_box import _batched_nms, fit  # noqa: E402
from facelift.preprocess.crop import OVAL_TO_RELEASE, oval_box, release_box_from_landmarks


def test_fit_recovers_known_constants():
    rng = np.random.default_rng(0)
    ours = np.column_stack([rng.uniform(100, 400, 12), rng.uniform(100, 400, 12),
                            rng.uniform(50, 200, 12), rng.uniform(60, 240, 12)])
    cx, cy, w, h = ours.T
    theirs = np.column_stack([cx - 0.01 * w, cy - 0.05 * h, 0.96 * w, 1.06 * h])
    constants = fit(np.concatenate([ours, theirs], axis=1))
    assert constants == pytest.approx({"dx": -0.01, "dy": -0.05, "sw": 0.96, "sh": 1.06})


def test_release_box_applies_the_measured_constants():
    landmarks = np.zeros((478, 3))
    landmarks[:, 0] = np.linspace(100, 200, 478)  # oval spans x 100..200
    landmarks[:, 1] = np.linspace(50, 170, 478)  # and y 50..170
    landmarks[[10, 152, 234, 454], :2] = [[150, 50], [150, 170], [100, 110], [200, 110]]
    oval = oval_box(landmarks)
    box = release_box_from_landmarks(landmarks)
    assert box.center[1] == pytest.approx(oval.center[1] + OVAL_TO_RELEASE["dy"] * oval.height)
    assert box.width == pytest.approx(OVAL_TO_RELEASE["sw"] * oval.width)
    assert box.height == pytest.approx(OVAL_TO_RELEASE["sh"] * oval.height)


def test_stand_in_nms_keeps_the_best_of_overlapping_boxes_per_group():
    boxes = torch.tensor([[0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60], [0, 0, 10, 10.0]])
    scores = torch.tensor([0.9, 0.95, 0.5, 0.8])
    groups = torch.tensor([0, 0, 0, 1])
    keep = _batched_nms(boxes, scores, groups, 0.5)
    assert sorted(keep.tolist()) == [1, 2, 3]  # box 0 loses to 1; box 3 is alone in its group
    assert keep.tolist() == [1, 3, 2]  # ordered by score
