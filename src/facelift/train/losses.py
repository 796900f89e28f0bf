"""Image losses for training renders: L2, SSIM, and a VGG19 perceptual loss.

PSNR and SSIM are :mod:`facelift.eval.metrics`' (one SSIM formula for evaluation and
optimisation), here on (N, C, H, W) batches in the images' dtype and averaged over the batch.

The perceptual loss follows GS-LRM's (after Chen & Koltun's CRN): L1 distances between VGG19
activations relu1_2, relu2_2, relu3_2, relu4_2, relu5_2 (pooling by averaging) and between the
images themselves, weighted 1, 1/2.6, 1/4.8, 1/3.7, 1/5.6, 10/1.5 and divided by 255, on
images scaled to [0, 255] minus the ImageNet mean (the MatConvNet VGG19 convention).

Weights are never downloaded. :func:`find_vgg19_weights` looks, in order, at an explicit
path, ``$FACELIFT_VGG19``, ``~/.cache/facelift/vgg19.safetensors`` and torchvision's cache
(``~/.cache/torch/hub/checkpoints/vgg19-*.pth``, read with ``weights_only=True``). Accepted
layouts: ours (``conv1.weight`` … ``conv16.bias``, as ``facelift convert-official --vgg-out``
extracts from the GS-LRM release), the release's own key names, and torchvision's
``features.N.*`` (whose model expects mean/std-normalised input; handled).
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from facelift.errors import FaceliftError
from facelift.eval.metrics import gaussian_kernel, psnr_from_mse, ssim_nchw_map

log = logging.getLogger(__name__)

_CHANNELS = [64, 64, 128, 128, 256, 256, 256, 256, 512, 512, 512, 512, 512, 512, 512, 512]
_POOL_AFTER = {2, 4, 8, 12}  # conv indices (1-based) followed by 2×2 pooling
_CONTENT = (2, 4, 6, 10, 14)  # relu1_2, relu2_2, relu3_2, relu4_2, relu5_2
_WEIGHTS = (1.0, 1 / 2.6, 1 / 4.8, 1 / 3.7, 1 / 5.6, 10 / 1.5)
_TORCHVISION_INDEX = [0, 2, 5, 7, 10, 12, 14, 16, 19, 21, 23, 25, 28, 30, 32, 34]
_CAFFE_MEAN = (123.68, 116.779, 103.939)
_TV_MEAN, _TV_STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def l2_loss(pred: Tensor, target: Tensor, mask: Tensor | None = None) -> Tensor:
    """Mean squared error; with ``mask`` (broadcastable, {0,1}) the mean over masked pixels."""
    err = (pred - target) ** 2
    if mask is None:
        return err.mean()
    mask = mask.expand_as(err)
    return (err * mask).sum() / mask.sum().clamp_min(1.0)


def psnr(pred: Tensor, target: Tensor, mask: Tensor | None = None) -> Tensor:
    """PSNR in dB for images in [0, 1] (over ``mask`` when given), of the whole batch."""
    return psnr_from_mse(l2_loss(pred.float(), target.float(), mask).clamp_min(1e-10))


def ssim(pred: Tensor, target: Tensor, window: int = 11, sigma: float = 1.5, data_range: float = 1.0,
         reduce: bool = True) -> Tensor:
    """Structural similarity (Wang et al. 2004), Gaussian window 11 / σ 1.5, valid convolution.

    Args:
        pred, target: (N, C, H, W). Images smaller than the window use a window of their size.
        reduce: mean over everything (scalar) or per image (N,).
    """
    s = ssim_map(pred, target, window, sigma, data_range)
    return s.mean() if reduce else s.flatten(1).mean(1)


def ssim_map(pred: Tensor, target: Tensor, window: int = 11, sigma: float = 1.5,
             data_range: float = 1.0) -> Tensor:
    """Per-pixel SSIM (N, C, H − w + 1, W − w + 1) for the window w = min(window, H, W), in the
    images' dtype (:func:`facelift.eval.metrics.ssim_nchw_map`)."""
    if pred.shape != target.shape or pred.ndim != 4:
        raise FaceliftError(f"ssim needs two (N, C, H, W) images of one shape, got {tuple(pred.shape)} "
                            f"and {tuple(target.shape)}")
    window = min(window, pred.shape[-1], pred.shape[-2])
    return ssim_nchw_map(pred, target, gaussian_kernel(window, sigma, pred.dtype, pred.device), data_range)


def masked_ssim(pred: Tensor, target: Tensor, mask: Tensor, window: int = 11) -> Tensor:
    """Mean SSIM over the pixels of ``mask`` (N, 1, H, W): the SSIM map (valid convolution) is
    averaged where the mask, cropped to the map's centred extent, is set."""
    s = ssim_map(pred, target, window).mean(1, keepdim=True)
    w = pred.shape[-1] - s.shape[-1]
    lo = w // 2
    m = mask[..., lo: lo + s.shape[-2], lo: lo + s.shape[-1]].to(s.dtype)
    return (s * m).sum() / m.sum().clamp_min(1.0)


class VGG19Features(nn.Module):
    """The 16 convolutions of VGG19 (``conv1`` … ``conv16``), average pooling, content outputs."""

    def __init__(self):
        super().__init__()
        cin = 3
        for i, cout in enumerate(_CHANNELS, start=1):
            setattr(self, f"conv{i}", nn.Conv2d(cin, cout, 3, padding=1))
            cin = cout

    def forward(self, x: Tensor) -> list[Tensor]:
        feats = []
        for i in range(1, max(_CONTENT) + 1):
            x = F.relu(getattr(self, f"conv{i}")(x))
            if i in _CONTENT:
                feats.append(x)
            if i in _POOL_AFTER:
                x = F.avg_pool2d(x, 2)
        return feats


def find_vgg19_weights(path: str | Path | None = None) -> Path | None:
    """The first existing VGG19 weights file among the documented places, or ``None``."""
    candidates = []
    if path:
        p = Path(path).expanduser()
        if not p.is_file():
            raise FaceliftError(f"{p}: VGG19 weights file not found")
        return p
    if os.environ.get("FACELIFT_VGG19"):
        candidates.append(Path(os.environ["FACELIFT_VGG19"]).expanduser())
    candidates.append(Path.home() / ".cache" / "facelift" / "vgg19.safetensors")
    hub = Path(os.environ.get("TORCH_HOME", Path.home() / ".cache" / "torch")) / "hub" / "checkpoints"
    if hub.is_dir():
        candidates += sorted(hub.glob("vgg19-*.pth"))
    return next((c for c in candidates if c.is_file()), None)


def load_vgg19_state(path: str | Path) -> tuple[dict[str, Tensor], str]:
    """(state dict in our ``convN`` names, input convention ``"caffe"`` or ``"torchvision"``)."""
    path = Path(path)
    if path.suffix == ".safetensors":
        from facelift.weights.store import load_weights

        raw = load_weights(path)
    else:
        try:
            raw = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as e:  # noqa: BLE001
            raise FaceliftError(f"{path}: cannot read VGG19 weights ({str(e).splitlines()[0]})") from None
    out, convention = {}, "caffe"
    if any(k.startswith("features.") for k in raw):
        convention = "torchvision"
        for i, idx in enumerate(_TORCHVISION_INDEX, start=1):
            for kind in ("weight", "bias"):
                key = f"features.{idx}.{kind}"
                if key in raw:
                    out[f"conv{i}.{kind}"] = raw[key]
    else:
        for k, v in raw.items():
            m = re.search(r"(?:^|\.)(conv\d+\.(?:weight|bias))$", k)
            if m:
                out[m.group(1)] = v
    needed = {f"conv{i}.{k}" for i in range(1, 17) for k in ("weight", "bias")}
    if not needed <= set(out):
        raise FaceliftError(f"{path}: not VGG19 weights (missing e.g. {sorted(needed - set(out))[:2]})")
    return {k: v.float() for k, v in out.items() if k in needed}, convention


class PerceptualLoss(nn.Module):
    """GS-LRM's VGG19 perceptual loss (see the module docstring); frozen, eval mode."""

    def __init__(self, weights: str | Path | None = None, state: dict[str, Tensor] | None = None,
                 convention: str = "caffe"):
        super().__init__()
        self.net = VGG19Features()
        if state is None:
            found = find_vgg19_weights(weights)
            if found is None:
                raise FaceliftError(
                    "perceptual loss needs VGG19 weights and nothing is downloaded: pass loss.vgg_weights=PATH, "
                    "set $FACELIFT_VGG19, or use loss.perceptual=0 (e.g. with loss.ssim=0.5)"
                )
            state, convention = load_vgg19_state(found)
            log.info("VGG19 perceptual loss weights from %s", found)
        self.net.load_state_dict(state)
        self.convention = convention
        self.net.eval().requires_grad_(False)

    def train(self, mode: bool = True) -> "PerceptualLoss":
        return super().train(False)  # the loss network never leaves eval mode

    def _prep(self, x: Tensor) -> Tensor:
        if self.convention == "torchvision":
            mean = torch.tensor(_TV_MEAN, device=x.device, dtype=x.dtype).view(1, 3, 1, 1)
            std = torch.tensor(_TV_STD, device=x.device, dtype=x.dtype).view(1, 3, 1, 1)
            return (x - mean) / std
        return x * 255.0 - torch.tensor(_CAFFE_MEAN, device=x.device, dtype=x.dtype).view(1, 3, 1, 1)

    def forward(self, pred: Tensor, target: Tensor) -> Tensor:
        """pred, target: (N, 3, H, W) in [0, 1] → scalar."""
        p, t = self._prep(pred), self._prep(target)
        loss = _WEIGHTS[0] * (p - t).abs().mean()
        for w, fp, ft in zip(_WEIGHTS[1:], self.net(p), self.net(t)):
            loss = loss + w * (fp - ft).abs().mean()
        # The caffe-convention activations are ×255 larger; /255 puts the loss near L1 of [0,1] images.
        return loss / 255.0 if self.convention == "caffe" else loss


@dataclass
class LossTerms:
    total: Tensor
    terms: dict[str, Tensor]


class ImageLoss(nn.Module):
    """``l2``·MSE + ``perceptual``·VGG19 + ``ssim``·(1 − SSIM) over (N, 3, H, W) images in [0, 1]."""

    def __init__(self, l2: float = 1.0, perceptual: float = 0.0, ssim: float = 0.0,
                 vgg_weights: str | Path | None = None):
        super().__init__()
        if min(l2, perceptual, ssim) < 0 or l2 + perceptual + ssim <= 0:
            raise FaceliftError(f"loss weights must be >= 0 and not all 0, got l2={l2} perceptual={perceptual} ssim={ssim}")
        self.w_l2, self.w_perc, self.w_ssim = l2, perceptual, ssim
        self.perceptual = PerceptualLoss(vgg_weights or None) if perceptual > 0 else None

    def forward(self, pred: Tensor, target: Tensor) -> LossTerms:
        pred, target = pred.float(), target.float()
        terms: dict[str, Tensor] = {}
        total = pred.new_zeros(())
        mse = l2_loss(pred, target)
        terms["l2"] = mse
        if self.w_l2 > 0:
            total = total + self.w_l2 * mse
        if self.perceptual is not None:
            terms["perceptual"] = self.perceptual(pred, target)
            total = total + self.w_perc * terms["perceptual"]
        if self.w_ssim > 0:
            terms["ssim"] = ssim(pred, target)
            total = total + self.w_ssim * (1.0 - terms["ssim"])
        return LossTerms(total=total, terms=terms)
