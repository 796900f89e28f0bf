"""Landmark alignment (paper suppl. Algorithm 1): known scale + shift are recovered."""

from pathlib import Path

import numpy as np
import pytest

from facelift.preprocess import CropTransform, preprocess_image, warp
from facelift.preprocess.align import align_to_target, fit_scale_translation

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


@pytest.fixture(scope="module")
def target():
    return np.asarray(preprocess_image(EXAMPLE).image)


def test_least_squares_fit_is_exact_on_noiseless_points():
    rng = np.random.default_rng(0)
    points = rng.uniform(0, 500, (50, 2))
    fit, residual = fit_scale_translation(points, 1.37 * points + [12.5, -40.0])
    assert fit.scale == pytest.approx(1.37) and (fit.tx, fit.ty) == pytest.approx((12.5, -40.0))
    assert residual == pytest.approx(0.0, abs=1e-9)


def test_least_squares_scale_is_the_projection_of_centred_sets():
    rng = np.random.default_rng(1)
    a = rng.normal(size=(30, 2))
    b = 0.8 * a + rng.normal(scale=0.1, size=(30, 2)) + 3.0
    fit, _ = fit_scale_translation(a, b)
    ca, cb = a - a.mean(0), b - b.mean(0)
    assert fit.scale == pytest.approx((ca * cb).sum() / (ca * ca).sum())
    # The translation maps centroid to centroid.
    np.testing.assert_allclose(fit.apply(a.mean(0)), b.mean(0), atol=1e-12)


@pytest.mark.parametrize("scale,shift", [(0.85, (30.0, -12.0)), (1.12, (-40.0, 25.0))])
def test_known_scale_and_shift_are_recovered(target, scale, shift):
    # The "render" is the target scaled about the origin and shifted (what camera transfer
    # leaves behind); alignment must find the inverse map.
    known = CropTransform(scale, *shift)
    render = warp(target, known, 512, fill=255)
    result = align_to_target(render, target)
    assert result is not None
    expected = known.inverse()
    assert result.scale == pytest.approx(expected.scale, rel=0.01)
    # Where the face is, the recovered map agrees with the true one to a pixel.
    face = np.array([[200.0, 200.0], [300.0, 200.0], [250.0, 280.0], [200.0, 360.0], [300.0, 360.0]])
    in_render = known.apply(face)
    assert np.abs(result.transform.apply(in_render) - face).max() < 1.0
    assert result.residual < 2.0
    # And the warped render matches the target over the face.
    diff = np.abs(result.image.astype(float) - target.astype(float))[200:360, 190:310]
    assert diff.mean() < 6


def test_float_images_keep_their_dtype_and_white_fill(target):
    render = warp(target.astype(np.float32) / 255.0, CropTransform(0.9, 20.0, 10.0), 512, fill=1.0)
    result = align_to_target(render, target.astype(np.float32) / 255.0)
    assert result.image.dtype == np.float32 and result.image.shape == (512, 512, 3)
    assert result.image[-1, -1].min() == pytest.approx(1.0)  # uncovered corner is white
    np.testing.assert_array_equal(np.asarray(result), result.image)  # usable as the image itself


def test_view_without_a_face_is_reported_as_none(target):
    blank = np.full((512, 512, 3), 255, np.uint8)
    blank[100:400, 150:350] = (80, 60, 50)  # the back of a head: hair, no face
    assert align_to_target(blank, target) is None
    assert align_to_target(target, blank) is None
