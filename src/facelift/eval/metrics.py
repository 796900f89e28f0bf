"""Pixel metrics of the paper's protocol (§4.1): PSNR, SSIM, their masked variants, silhouette IoU.

Conventions (shared by every metric in :mod:`facelift.eval`):

- images are float tensors ``(..., H, W, C)`` in [0, 1], channels last, as rendered by
  :func:`facelift.render.rasterize` and as read by :func:`load_image`; any leading batch shape;
- masks are ``(..., H, W)`` floats in [0, 1] (or bool);
- every metric returns one value per image, shape ``(...)`` (the batch shape), float64 on CPU
  so averages over a whole benchmark are not hurt by float32 round-off.

SSIM is the standard one of Wang et al. 2004 as implemented by scikit-image with
``gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=1``: an 11×11
Gaussian window (σ = 1.5, truncated at 3.5σ), constants K1 = 0.01 and K2 = 0.03, the SSIM map
averaged over the pixels whose window lies fully inside the image (skimage filters with
reflection and then crops the 5-pixel border, which is the same thing), then averaged over
channels.

Masked variants (for heads on a white background, where the background would otherwise
dominate the average):

- :func:`masked_psnr`: the mean squared error is a mask-weighted mean over pixels (all channels),
  ``MSE = Σ m·(x−y)² / (C·Σ m)``; PSNR = −10·log10(MSE). A mask that is empty gives NaN.
- :func:`masked_ssim`: the SSIM map is computed on the full images (so windows near the
  silhouette still see the real neighbourhood), then averaged with the mask as weights over the
  same valid (border-cropped) region. An empty mask gives NaN.

The same SSIM formula, differentiable, on ``(N, C, H, W)`` batches: :func:`ssim_nchw_map`, the
one implementation behind :func:`ssim_map` here and the training / photo-fit losses
(:mod:`facelift.train.losses`), which call it with a window of their own dtype and size.

Silhouette IoU binarises both masks at ``threshold`` (alpha > 0.5 by default); two empty
silhouettes count as a perfect match (IoU = 1). An RGB image on white without alpha (a Stage I
view) has the silhouette :func:`foreground`: the pixels some channel of which is more than
``FOREGROUND_DELTA`` from white.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor

from facelift.errors import FaceliftError
from facelift.views import composite as over

SSIM_WIN_SIGMA = 1.5
SSIM_TRUNCATE = 3.5  # scipy/skimage default: radius = int(3.5 * 1.5 + 0.5) = 5 -> 11×11
SSIM_K1 = 0.01
SSIM_K2 = 0.03


def _check_pair(pred: Tensor, target: Tensor, dtype: torch.dtype = torch.float64) -> tuple[Tensor, Tensor]:
    pred = torch.as_tensor(pred)
    target = torch.as_tensor(target)
    if pred.shape != target.shape:
        raise FaceliftError(f"metric inputs differ in shape: {tuple(pred.shape)} vs {tuple(target.shape)}")
    if pred.ndim < 3:
        raise FaceliftError(f"images must be (..., H, W, C), got shape {tuple(pred.shape)}")
    return pred.to(dtype), target.to(dtype)


def _check_mask(mask: Tensor, image: Tensor) -> Tensor:
    mask = torch.as_tensor(mask).double()
    if mask.shape != image.shape[:-1]:
        raise FaceliftError(f"mask shape {tuple(mask.shape)} does not match images {tuple(image.shape)} (want (..., H, W))")
    return mask


def mse(pred: Tensor, target: Tensor) -> Tensor:
    """Mean squared error per image: (..., H, W, C) → (...)."""
    pred, target = _check_pair(pred, target)
    return ((pred - target) ** 2).mean(dim=(-3, -2, -1))


def psnr_from_mse(err: Tensor, data_range: float = 1.0) -> Tensor:
    """PSNR in dB of a mean squared error, ``−10·log10(MSE / data_range²)``; 0 gives +inf, NaN NaN."""
    return -10.0 * torch.log10(err / data_range**2)


def psnr(pred: Tensor, target: Tensor, data_range: float = 1.0) -> Tensor:
    """PSNR in dB per image, ``10·log10(data_range² / MSE)``; identical images give +inf.

    pred, target: (..., H, W, C) in [0, data_range]. Returns (...) float64.
    """
    return psnr_from_mse(mse(pred, target), data_range)


def masked_psnr(pred: Tensor, target: Tensor, mask: Tensor, data_range: float = 1.0) -> Tensor:
    """PSNR over the masked pixels only (mask-weighted MSE, see module docstring). mask: (..., H, W)."""
    pred, target = _check_pair(pred, target)
    mask = _check_mask(mask, pred)
    sq = ((pred - target) ** 2).sum(dim=-1)  # (..., H, W), summed over channels
    weight = mask.sum(dim=(-2, -1)) * pred.shape[-1]
    err = (sq * mask).sum(dim=(-2, -1)) / weight  # 0/0 -> NaN for an empty mask, on purpose
    return psnr_from_mse(err, data_range)


def mean_gradient(images: Tensor, mask: Tensor) -> Tensor:
    """Mean gradient magnitude (forward differences, averaged over channels) over the pixels whose
    right and lower neighbours are masked too, so a silhouette's edge against the background does
    not count: how much texture an image carries there. images (..., H, W, C), mask (..., H, W).

    The ratio of a generated view's value to the true view's (same mask) reads as detail: 1 as
    much as the truth, below 1 blurrier, above 1 noisier. PSNR alone rewards blur."""
    images = _check_pair(images, images)[0]
    mask = _check_mask(mask, images)
    dx = images[..., :-1, 1:, :] - images[..., :-1, :-1, :]
    dy = images[..., 1:, :-1, :] - images[..., :-1, :-1, :]
    grad = (dx**2 + dy**2).sqrt().mean(dim=-1)  # (..., H-1, W-1)
    inner = mask[..., :-1, :-1] * mask[..., :-1, 1:] * mask[..., 1:, :-1]
    return (grad * inner).sum(dim=(-2, -1)) / inner.sum(dim=(-2, -1))  # 0/0 -> NaN for an empty mask


def gaussian_kernel(size: int, sigma: float = SSIM_WIN_SIGMA, dtype: torch.dtype = torch.float64,
                    device: torch.device | str | None = None) -> Tensor:
    """The normalised 1-D Gaussian of ``size`` taps centred between its ends, computed in ``dtype``."""
    x = torch.arange(size, device=device, dtype=dtype) - (size - 1) / 2
    g = torch.exp(-(x**2) / (2 * sigma**2))
    return g / g.sum()


def gaussian_window(sigma: float = SSIM_WIN_SIGMA, truncate: float = SSIM_TRUNCATE) -> Tensor:
    """The normalised 1-D Gaussian of SSIM, (2r+1,) with r = int(truncate·σ + 0.5) (scipy's rule)."""
    return gaussian_kernel(2 * int(truncate * sigma + 0.5) + 1, sigma)


def _blur_valid(x: Tensor, window: Tensor) -> Tensor:
    """Separable Gaussian filter, 'valid' region only. x: (N, C, H, W) → (N, C, H−2r, W−2r)."""
    c = x.shape[1]
    k = window.to(x)
    x = F.conv2d(x, k.view(1, 1, 1, -1).expand(c, 1, 1, -1), groups=c)
    return F.conv2d(x, k.view(1, 1, -1, 1).expand(c, 1, -1, 1), groups=c)


def ssim_nchw_map(x: Tensor, y: Tensor, kernel: Tensor, data_range: float = 1.0,
                  offset: Tensor | None = None) -> Tensor:
    """Per-pixel, per-channel SSIM of (N, C, H, W) images (differentiable): the separable 1-D
    ``kernel`` of k taps, valid convolution -> (N, C, H−k+1, W−k+1), in the images' dtype.

    ``offset`` (broadcastable, e.g. (N, C, 1, 1)) is subtracted from both images before the
    moments and added back to the means: the SSIM does not change, but the variances'
    cancellation E[x²] − μ² happens near zero, harmless in float32 (see :func:`ssim_map`).
    """
    if offset is not None:
        x, y = x - offset, y - offset
    mx, my = _blur_valid(x, kernel), _blur_valid(y, kernel)
    vx = _blur_valid(x * x, kernel) - mx**2
    vy = _blur_valid(y * y, kernel) - my**2
    cov = _blur_valid(x * y, kernel) - mx * my
    if offset is not None:
        mx, my = mx + offset, my + offset
    c1 = (SSIM_K1 * data_range) ** 2
    c2 = (SSIM_K2 * data_range) ** 2
    return ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx**2 + my**2 + c1) * (vx + vy + c2))


def ssim_map(pred: Tensor, target: Tensor, data_range: float = 1.0) -> Tensor:
    """Per-pixel SSIM, channel-averaged, on the valid region: (..., H, W, C) → (..., H−10, W−10)."""
    pred, target = _check_pair(pred, target, torch.float32)
    window = gaussian_window()
    r = (window.numel() - 1) // 2
    *batch, h, w, c = pred.shape
    if h <= 2 * r or w <= 2 * r:
        raise FaceliftError(f"SSIM needs images larger than {2 * r + 1}×{2 * r + 1}, got {h}×{w}")
    x = pred.reshape(-1, h, w, c).permute(0, 3, 1, 2).contiguous()
    y = target.reshape(-1, h, w, c).permute(0, 3, 1, 2).contiguous()
    # The blur runs in float32 (CPU convolutions in float64 are ~15× slower). To keep the
    # variances' cancellation (E[x²] − μ²) harmless in float32, both images are first shifted by
    # a common per-channel offset (variances and covariance do not change; the means are shifted
    # back): results agree with a float64 computation to ~1e-6 even on near-flat images.
    off = 0.5 * (x.mean(dim=(2, 3), keepdim=True, dtype=torch.float64) + y.mean(dim=(2, 3), keepdim=True, dtype=torch.float64)).float()
    s = ssim_nchw_map(x, y, window.float(), data_range, offset=off)
    s = s.double().mean(dim=1)  # skimage averages the per-channel means; equal to averaging the map first
    return s.reshape(*batch, h - 2 * r, w - 2 * r)


def ssim(pred: Tensor, target: Tensor, data_range: float = 1.0) -> Tensor:
    """SSIM per image (skimage-compatible, see module docstring): (..., H, W, C) → (...)."""
    return ssim_map(pred, target, data_range).mean(dim=(-2, -1))


def masked_ssim(pred: Tensor, target: Tensor, mask: Tensor, data_range: float = 1.0) -> Tensor:
    """SSIM map averaged with ``mask`` as weights (see module docstring). mask: (..., H, W)."""
    smap = ssim_map(pred, target, data_range)
    mask = _check_mask(mask, torch.as_tensor(pred))
    r = (mask.shape[-2] - smap.shape[-2]) // 2
    m = mask[..., r : mask.shape[-2] - r, r : mask.shape[-1] - r]
    return (smap * m).sum(dim=(-2, -1)) / m.sum(dim=(-2, -1))


def silhouette_iou(pred_mask: Tensor, target_mask: Tensor, threshold: float = 0.5) -> Tensor:
    """Intersection over union of two silhouettes binarised at ``threshold``: (..., H, W) → (...).

    Two empty silhouettes give 1.0 (nothing to disagree about).
    """
    a = torch.as_tensor(pred_mask).double()
    b = torch.as_tensor(target_mask).double()
    if a.shape != b.shape:
        raise FaceliftError(f"silhouettes differ in shape: {tuple(a.shape)} vs {tuple(b.shape)}")
    a = a > threshold
    b = b > threshold
    inter = (a & b).sum(dim=(-2, -1)).double()
    union = (a | b).sum(dim=(-2, -1)).double()
    return torch.where(union > 0, inter / union.clamp(min=1), torch.ones_like(union))


#: A pixel of an image on white is foreground when some channel is this far from white.
FOREGROUND_DELTA = 0.1


def foreground(images: Tensor) -> Tensor:
    """(..., 3, H, W) on white -> (..., H, W) float mask (channels first, as Stage I's views)."""
    return ((1.0 - images).amax(dim=-3) > FOREGROUND_DELTA).float()


def composite(rgba: Tensor, background: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> Tensor:
    """RGBA (..., H, W, 4) → RGB over ``background``: rgb·α + bg·(1 − α)."""
    bg = torch.tensor(background, dtype=rgba.dtype, device=rgba.device)
    return over(rgba[..., :3], rgba[..., 3:4], bg)


def load_image(path: str | Path) -> Tensor:
    """Read an image file as float32 (H, W, C) in [0, 1]; C is 3 (RGB) or 4 (RGBA kept).

    Grayscale becomes RGB; 16-bit PNGs are scaled by 65535. Unreadable files raise FaceliftError.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(path)
    try:
        with Image.open(path) as im:
            im = ImageOps.exif_transpose(im)
            if im.mode in ("I;16", "I;16B", "I;16L", "I"):
                arr = np.asarray(im, dtype=np.float64) / 65535.0
                arr = np.repeat(arr[..., None], 3, axis=-1)
                return torch.from_numpy(arr.astype(np.float32))
            if im.mode not in ("RGB", "RGBA"):
                im = im.convert("RGBA" if "A" in im.mode or "transparency" in im.info else "RGB")
            arr = np.asarray(im, dtype=np.float32) / 255.0
    except FileNotFoundError:
        raise FaceliftError(f"image not found: {path}") from None
    except (UnidentifiedImageError, OSError) as e:
        raise FaceliftError(f"cannot read image {path}: {e}") from None
    return torch.from_numpy(arr.copy())


def nan_mean(values) -> float:
    """Mean ignoring NaNs (NaN when nothing is left): NaN marks a value that does not exist,
    such as the identity distance of a view without a detectable face. +inf (the PSNR of
    identical images) is kept, so a perfect reconstruction averages to inf, not to a number."""
    arr = np.asarray([float(v) for v in values], dtype=np.float64)
    arr = arr[~np.isnan(arr)]
    return float(arr.mean()) if arr.size else math.nan
