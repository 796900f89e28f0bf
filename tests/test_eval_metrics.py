"""PSNR / SSIM / masked variants / IoU against analytic answers and scikit-image."""

import math

import numpy as np
import pytest
import torch

from facelift.errors import FaceliftError
from facelift.eval import metrics as M


def _pair(seed=0, shape=(3, 37, 41, 3), noise=0.15):
    g = torch.Generator().manual_seed(seed)
    a = torch.rand(shape, generator=g)
    b = (a + noise * torch.randn(shape, generator=g)).clamp(0, 1)
    return a, b


def test_psnr_of_a_constant_offset_is_analytic():
    a = torch.full((2, 8, 8, 3), 0.5)
    b = a + 0.1  # MSE = 0.01 -> 20 dB
    assert torch.allclose(M.psnr(a, b), torch.full((2,), 20.0, dtype=torch.float64))


def test_psnr_of_identical_images_is_infinite():
    a, _ = _pair()
    assert torch.isinf(M.psnr(a, a)).all()


def test_ssim_matches_scikit_image_on_random_images():
    skm = pytest.importorskip("skimage.metrics")
    a, b = _pair()
    ours = M.ssim(a, b)
    for i in range(a.shape[0]):
        ref = skm.structural_similarity(a[i].double().numpy(), b[i].double().numpy(), gaussian_weights=True, sigma=1.5,
                                        use_sample_covariance=False, data_range=1, channel_axis=-1)
        assert abs(float(ours[i]) - ref) < 1e-4


def test_ssim_matches_scikit_image_on_near_flat_images():
    # Bright, almost constant images are where float32 moments would lose the variances.
    skm = pytest.importorskip("skimage.metrics")
    g = torch.Generator().manual_seed(4)
    a = torch.full((32, 32, 3), 0.9, dtype=torch.float64)
    b = a + 1e-3 * torch.randn(a.shape, generator=g, dtype=torch.float64)
    ref = skm.structural_similarity(a.numpy(), b.numpy(), gaussian_weights=True, sigma=1.5,
                                    use_sample_covariance=False, data_range=1, channel_axis=-1)
    assert abs(float(M.ssim(a, b)) - ref) < 1e-6


def test_ssim_of_identical_images_is_one_and_is_batched():
    a, b = _pair(shape=(2, 3, 20, 20, 3))
    assert torch.allclose(M.ssim(a, a), torch.ones(2, 3, dtype=torch.float64))
    s = M.ssim(a, b)
    assert s.shape == (2, 3)
    assert torch.allclose(s[1, 2], M.ssim(a[1, 2], b[1, 2]))


def test_gaussian_window_is_11_taps_sigma_1_5():
    w = M.gaussian_window()
    assert w.numel() == 11
    assert math.isclose(float(w.sum()), 1.0)
    assert math.isclose(float(w[5] / w[6]), math.exp(0.5 / 1.5**2), rel_tol=1e-12)


def test_masked_psnr_only_sees_masked_pixels():
    a = torch.zeros(16, 16, 3)
    b = a.clone()
    b[:, 8:] = 1.0  # right half totally wrong
    b[:, :8] = 0.1  # left half off by 0.1 -> 20 dB
    mask = torch.zeros(16, 16)
    mask[:, :8] = 1
    assert math.isclose(float(M.masked_psnr(b, a, mask)), 20.0, rel_tol=1e-6)
    assert float(M.psnr(b, a)) < 5
    assert math.isnan(float(M.masked_psnr(b, a, torch.zeros(16, 16))))


def test_masked_psnr_with_full_mask_equals_psnr():
    a, b = _pair()
    assert torch.allclose(M.masked_psnr(a, b, torch.ones(a.shape[:-1])), M.psnr(a, b))


def test_masked_ssim_weights_the_ssim_map():
    a, b = _pair(shape=(30, 30, 3))
    smap = M.ssim_map(a, b)
    mask = torch.zeros(30, 30)
    mask[10:20, 5:25] = 1
    expected = smap[5:15, 0:20].mean()  # mask cropped by the 5-pixel border like the map
    assert torch.allclose(M.masked_ssim(a, b, mask), expected)
    assert torch.allclose(M.masked_ssim(a, b, torch.ones(30, 30)), M.ssim(a, b))


def test_mean_gradient_of_a_ramp_is_its_slope_and_ignores_the_silhouette_edge():
    h = w = 8
    ramp = (0.05 * torch.arange(w, dtype=torch.float64)).expand(h, w)[..., None].expand(h, w, 3)
    mask = torch.zeros(h, w)
    mask[2:6, 1:7] = 1
    # Inside the mask the ramp rises 0.05 a pixel; the white background outside would add a
    # large jump at the edge, which the measure must not see.
    image = torch.where(mask[..., None] > 0, ramp, torch.ones(()).double())
    assert float(M.mean_gradient(image, mask)) == pytest.approx(0.05)
    assert float(M.mean_gradient(torch.ones(1, h, w, 3), torch.ones(1, h, w))) == 0.0
    assert math.isnan(float(M.mean_gradient(image, torch.zeros(h, w))))
    with pytest.raises(FaceliftError):
        M.mean_gradient(image, torch.ones(h, w - 1))


def test_silhouette_iou_of_two_offset_squares():
    a = torch.zeros(2, 10, 10)
    b = torch.zeros(2, 10, 10)
    a[0, 0:4, 0:4] = 1  # 16 px
    b[0, 2:6, 0:4] = 1  # overlap 8, union 24
    iou = M.silhouette_iou(a, b)
    assert math.isclose(float(iou[0]), 8 / 24)
    assert float(iou[1]) == 1.0  # both empty


def test_metrics_reject_mismatched_shapes():
    with pytest.raises(FaceliftError, match="shape"):
        M.psnr(torch.zeros(4, 4, 3), torch.zeros(4, 5, 3))
    with pytest.raises(FaceliftError, match="mask"):
        M.masked_psnr(torch.zeros(4, 4, 3), torch.zeros(4, 4, 3), torch.ones(4, 5))
    with pytest.raises(FaceliftError, match="larger"):
        M.ssim(torch.zeros(8, 8, 3), torch.zeros(8, 8, 3))


def test_load_image_reads_rgba_and_grey(tmp_path):
    from PIL import Image

    rgba = np.zeros((5, 6, 4), np.uint8)
    rgba[..., 3] = 255
    rgba[0, 0] = (255, 0, 0, 0)
    Image.fromarray(rgba, "RGBA").save(tmp_path / "a.png")
    Image.fromarray(np.full((5, 6), 128, np.uint8), "L").save(tmp_path / "g.png")
    img = M.load_image(tmp_path / "a.png")
    assert img.shape == (5, 6, 4) and float(img[0, 0, 3]) == 0.0
    assert M.load_image(tmp_path / "g.png").shape == (5, 6, 3)
    assert torch.allclose(M.composite(img)[0, 0], torch.ones(3))  # transparent -> white
    with pytest.raises(FaceliftError, match="not found"):
        M.load_image(tmp_path / "missing.png")
