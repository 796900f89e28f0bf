"""Learned perceptual distances of the paper's protocol: LPIPS (AlexNet, v0.1) and DreamSim.

LPIPS (Zhang et al. 2018) is implemented here, without torchvision: the AlexNet ``features``
stack is rebuilt layer for layer (same indices, so the reference ImageNet checkpoint's
``features.*`` tensors load unchanged) and the five learned 1×1 "lin" layers of LPIPS v0.1
(keys ``lin{k}.model.1.weight``, as in the lpips package's ``weights/v0.1/alex.pth``) sit beside
it. The distance, for images x, y in [0, 1]:

1. map to [−1, 1] and apply LPIPS' fixed scaling layer ``(z − shift) / scale``;
2. take the ReLU outputs after conv1..conv5 (64, 192, 384, 256, 256 channels);
3. unit-normalise each feature vector over channels, ``f / (‖f‖₂ + 1e-10)``;
4. square the difference, weight channels with the lin layer (a 1×1 conv, no bias), average
   over space, and sum over the five layers.

Weights (never downloaded; loaded from disk, tensors only, ``torch.load(weights_only=True)``).
:func:`find_lpips_weights` looks, in order, at:

1. the ``path`` you pass (a ``.safetensors`` file or a folder holding the files below);
2. ``$FACELIFT_WEIGHTS/lpips_alex.safetensors`` — one file with both parts, made by
   :func:`convert_lpips_weights` / ``facelift eval convert-lpips``;
3. ``$FACELIFT_WEIGHTS/alexnet-owt-7be5be79.pth`` + ``$FACELIFT_WEIGHTS/alex.pth``;
4. torch hub's cache ``$TORCH_HOME/hub/checkpoints/alexnet-owt-7be5be79.pth`` (by default
   ``~/.cache/torch/hub/checkpoints/``; torchvision's ImageNet AlexNet) + the lpips package's
   ``lpips/weights/v0.1/alex.pth`` when ``pip install --no-deps lpips==0.1.4`` is installed
   (found without importing lpips, which would import torchvision).

DreamSim (Fu et al. 2023) is also our own code (:mod:`facelift.eval.dreamsim`: one plain ViT
for its DINO / CLIP / OpenCLIP ViT-B/16 backbones, the LoRA adapter merged in), without the
``dreamsim`` package or torchvision. It loads the reference checkpoints from
``$FACELIFT_WEIGHTS/dreamsim`` (or ``~/.cache/dreamsim``), see :func:`load_dreamsim`. They cannot
be downloaded here, so it is tested only on tiny checkpoints in the reference layouts built by
the tests, not against the released weights.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from facelift.errors import FaceliftError
from facelift.eval.dreamsim import load_dreamsim_model

log = logging.getLogger(__name__)

ALEXNET_FILE = "alexnet-owt-7be5be79.pth"
LPIPS_LIN_FILE = "alex.pth"
LPIPS_COMBINED_FILE = "lpips_alex.safetensors"
LPIPS_CHANNELS = (64, 192, 384, 256, 256)
# Indices, in AlexNet's ``features`` Sequential, of the ReLUs whose outputs LPIPS compares.
LPIPS_TAPS = (1, 4, 7, 9, 11)
# LPIPS' fixed input normalisation (applied to images already mapped to [-1, 1]).
LPIPS_SHIFT = (-0.030, -0.088, -0.188)
LPIPS_SCALE = (0.458, 0.448, 0.450)


def weights_dir() -> Path | None:
    """``$FACELIFT_WEIGHTS`` as a Path, or None when unset."""
    value = os.environ.get("FACELIFT_WEIGHTS")
    return Path(value).expanduser() if value else None


def alexnet_features() -> nn.Sequential:
    """AlexNet's convolutional trunk with torchvision's layer indices (so ``features.N.*`` keys load)."""
    return nn.Sequential(
        nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2),  # 0
        nn.ReLU(),  # 1  tap
        nn.MaxPool2d(kernel_size=3, stride=2),  # 2
        nn.Conv2d(64, 192, kernel_size=5, padding=2),  # 3
        nn.ReLU(),  # 4  tap
        nn.MaxPool2d(kernel_size=3, stride=2),  # 5
        nn.Conv2d(192, 384, kernel_size=3, padding=1),  # 6
        nn.ReLU(),  # 7  tap
        nn.Conv2d(384, 256, kernel_size=3, padding=1),  # 8
        nn.ReLU(),  # 9  tap
        nn.Conv2d(256, 256, kernel_size=3, padding=1),  # 10
        nn.ReLU(),  # 11 tap
    )


class _Lin(nn.Module):
    """LPIPS' per-layer channel weighting; named ``model.1`` so ``lin{k}.model.1.weight`` loads."""

    def __init__(self, channels: int) -> None:
        super().__init__()
        self.model = nn.Sequential(nn.Dropout(p=0.5), nn.Conv2d(channels, 1, kernel_size=1, bias=False))

    def forward(self, x: Tensor) -> Tensor:
        return self.model(x)


class LPIPS(nn.Module):
    """LPIPS-AlexNet v0.1. ``forward(pred, target)``: (..., H, W, 3) in [0, 1] → (...) distances.

    State-dict keys: ``features.{0,3,6,8,10}.{weight,bias}`` (AlexNet) and
    ``lin{0..4}.model.1.weight`` (LPIPS v0.1 heads). Always in eval mode (dropout off).
    """

    def __init__(self) -> None:
        super().__init__()
        self.features = alexnet_features()
        for k, c in enumerate(LPIPS_CHANNELS):
            self.add_module(f"lin{k}", _Lin(c))
        self.register_buffer("shift", torch.tensor(LPIPS_SHIFT).view(1, 3, 1, 1), persistent=False)
        self.register_buffer("scale", torch.tensor(LPIPS_SCALE).view(1, 3, 1, 1), persistent=False)
        self.eval()
        self.requires_grad_(False)

    def taps(self, x: Tensor) -> list[Tensor]:
        """Feature maps at the five ReLU taps. x: (N, 3, H, W) in [0, 1]."""
        h = ((x * 2 - 1) - self.shift) / self.scale
        out = []
        for i, layer in enumerate(self.features):
            h = layer(h)
            if i in LPIPS_TAPS:
                out.append(h)
        return out

    def forward(self, pred: Tensor, target: Tensor) -> Tensor:
        if pred.shape != target.shape or pred.shape[-1] != 3:
            raise FaceliftError(f"LPIPS wants two (..., H, W, 3) images, got {tuple(pred.shape)} and {tuple(target.shape)}")
        batch = pred.shape[:-3]
        dev = self.shift.device
        x = pred.reshape(-1, *pred.shape[-3:]).permute(0, 3, 1, 2).float().to(dev)
        y = target.reshape(-1, *target.shape[-3:]).permute(0, 3, 1, 2).float().to(dev)
        total = torch.zeros(x.shape[0], device=dev)
        for k, (fx, fy) in enumerate(zip(self.taps(x), self.taps(y))):
            fx = fx / (fx.pow(2).sum(dim=1, keepdim=True).sqrt() + 1e-10)
            fy = fy / (fy.pow(2).sum(dim=1, keepdim=True).sqrt() + 1e-10)
            total = total + getattr(self, f"lin{k}")((fx - fy) ** 2).mean(dim=(1, 2, 3))
        return total.double().cpu().reshape(batch)


@dataclass(frozen=True)
class LpipsWeights:
    """Where LPIPS' weights were found: one combined safetensors file, or the two reference files."""

    combined: Path | None = None
    alexnet: Path | None = None
    lin: Path | None = None


def _lpips_package_lin() -> Path | None:
    """The lpips package's bundled ``weights/v0.1/alex.pth``, located without importing lpips."""
    try:
        spec = importlib.util.find_spec("lpips")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "weights" / "v0.1" / LPIPS_LIN_FILE
    return path if path.is_file() else None


def _hub_checkpoint_dir() -> Path:
    torch_home = os.environ.get("TORCH_HOME")
    base = Path(torch_home).expanduser() if torch_home else Path(os.environ.get("XDG_CACHE_HOME", "~/.cache")).expanduser() / "torch"
    return base / "hub" / "checkpoints"


def find_lpips_weights(path: str | Path | None = None) -> LpipsWeights:
    """Locate LPIPS-AlexNet weights (search order in the module docstring) or raise FaceliftError."""
    folders: list[Path] = []
    if path is not None:
        path = Path(path).expanduser()
        if path.is_file():
            if path.suffix != ".safetensors":
                raise FaceliftError(f"LPIPS weights file must be a .safetensors made by `facelift eval convert-lpips`, or a folder: {path}")
            return LpipsWeights(combined=path)
        if not path.is_dir():
            raise FaceliftError(f"LPIPS weights not found: {path} (a {LPIPS_COMBINED_FILE} file or a folder holding {ALEXNET_FILE} and {LPIPS_LIN_FILE})")
        folders.append(path)
    env = weights_dir()
    if env is not None:
        folders.append(env)
    for folder in folders:
        if (folder / LPIPS_COMBINED_FILE).is_file():
            return LpipsWeights(combined=folder / LPIPS_COMBINED_FILE)
        if (folder / ALEXNET_FILE).is_file() and (folder / LPIPS_LIN_FILE).is_file():
            return LpipsWeights(alexnet=folder / ALEXNET_FILE, lin=folder / LPIPS_LIN_FILE)
    hub = _hub_checkpoint_dir() / ALEXNET_FILE
    lin = _lpips_package_lin()
    for folder in folders:
        lin = lin or ((folder / LPIPS_LIN_FILE) if (folder / LPIPS_LIN_FILE).is_file() else None)
    if hub.is_file() and lin is not None:
        return LpipsWeights(alexnet=hub, lin=lin)
    missing = []
    if not hub.is_file():
        missing.append(f"{ALEXNET_FILE} (torchvision's ImageNet AlexNet; put it in {hub.parent} or $FACELIFT_WEIGHTS)")
    if lin is None:
        missing.append(f"{LPIPS_LIN_FILE} (LPIPS v0.1 linear layers from the lpips package's weights/v0.1/; put it in $FACELIFT_WEIGHTS or `pip install --no-deps lpips==0.1.4`)")
    where = ", ".join(str(f) for f in folders) or "$FACELIFT_WEIGHTS unset"
    raise FaceliftError(f"LPIPS-AlexNet weights missing: {'; '.join(missing)}; or one {LPIPS_COMBINED_FILE} in $FACELIFT_WEIGHTS (searched: {where})")


def _torch_load_tensors(path: Path) -> dict[str, Tensor]:
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as e:  # a corrupt or non-tensor file: name it, no traceback for the user
        raise FaceliftError(f"cannot load weights from {path}: {e}") from None
    if not isinstance(state, dict):
        raise FaceliftError(f"weights file {path} does not hold a state dict")
    return state


def lpips_state_dict(weights: LpipsWeights) -> dict[str, Tensor]:
    """The LPIPS module's state dict from the located files (AlexNet ``classifier.*`` is dropped)."""
    if weights.combined is not None:
        from safetensors.torch import load_file

        try:
            return load_file(str(weights.combined))
        except Exception as e:
            raise FaceliftError(f"cannot read LPIPS weights {weights.combined}: {e}") from None
    alex = _torch_load_tensors(weights.alexnet)
    lin = _torch_load_tensors(weights.lin)
    state = {k: v for k, v in alex.items() if k.startswith("features.")}
    state.update({k: v for k, v in lin.items() if k.startswith("lin")})
    return state


def load_lpips(path: str | Path | None = None, device: str | torch.device = "cpu") -> LPIPS:
    """LPIPS-AlexNet with reference weights from disk (see :func:`find_lpips_weights`)."""
    weights = find_lpips_weights(path)
    model = LPIPS()
    state = lpips_state_dict(weights)
    expected = set(model.state_dict())
    missing = sorted(expected - set(state))
    if missing:
        raise FaceliftError(f"LPIPS weights {weights.combined or weights.alexnet} lack {len(missing)} tensors, e.g. {missing[0]}")
    try:
        model.load_state_dict({k: state[k] for k in expected})
    except RuntimeError as e:
        raise FaceliftError(f"LPIPS weights do not fit AlexNet/LPIPS v0.1 shapes: {str(e).splitlines()[-1].strip()}") from None
    log.debug("LPIPS weights: %s", weights)
    return model.to(device)


def convert_lpips_weights(out: str | Path, alexnet: str | Path, lin: str | Path) -> Path:
    """Write the two reference files as one ``lpips_alex.safetensors`` (atomically)."""
    from safetensors.torch import save_file

    from facelift.atomic import atomic_path

    state = lpips_state_dict(LpipsWeights(alexnet=Path(alexnet), lin=Path(lin)))
    model = LPIPS()
    model.load_state_dict(state)  # validates shapes before writing anything
    out = Path(out)
    with atomic_path(out) as tmp:
        save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(tmp))
    return out


# --------------------------------------------------------------------------------------------
# DreamSim


def dreamsim_cache_dir(cache_dir: str | Path | None = None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir).expanduser()
    env = weights_dir()
    return (env / "dreamsim") if env is not None else Path("~/.cache/dreamsim").expanduser()


def load_dreamsim(cache_dir: str | Path | None = None, device: str | torch.device = "cpu",
                  dreamsim_type: str = "ensemble") -> Callable[[Tensor, Tensor], Tensor]:
    """DreamSim distance (our implementation, :mod:`facelift.eval.dreamsim`) from the reference
    checkpoints in ``cache_dir`` (default :func:`dreamsim_cache_dir`).

    Returns ``fn(pred, target)``: (..., H, W, 3) in [0, 1] → (...) distances in [0, 2]. Images
    are first resized to the backbones' input size (224×224 for the released weights; bicubic,
    antialiased, standing in for the reference's PIL bicubic resize). Raises FaceliftError
    naming the missing files when the checkpoints are not in the folder (never downloads).
    """
    folder = dreamsim_cache_dir(cache_dir)
    model = load_dreamsim_model(folder, dreamsim_type).to(device)
    size = model.image_size

    def prep(img: Tensor) -> Tensor:
        x = img.reshape(-1, *img.shape[-3:]).permute(0, 3, 1, 2).float().to(device)  # (N, 3, H, W)
        if x.shape[-2:] != (size, size):
            x = F.interpolate(x, size=(size, size), mode="bicubic", antialias=True, align_corners=False).clamp(0, 1)
        return x

    def distance(pred: Tensor, target: Tensor) -> Tensor:
        if pred.shape != target.shape or pred.shape[-1] != 3:
            raise FaceliftError(f"DreamSim wants two (..., H, W, 3) images, got {tuple(pred.shape)} and {tuple(target.shape)}")
        with torch.no_grad():
            d = model(prep(pred), prep(target))
        return d.double().cpu().reshape(pred.shape[:-3])

    return distance
