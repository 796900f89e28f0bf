"""Convert the public release's GS-LRM checkpoint into our safetensors layout.

The release (``wlyu/OpenFaceLift``) ships GS-LRM as a torch pickle with top-level ``model``,
``optimizer``, ``lr_scheduler`` and step counters. We read it with
``torch.load(weights_only=True)`` (never arbitrary unpickling), keep the model's tensors, rename
them to our modules and check every shape. Key mapping (release → ours)::

    patch_embedder.1.weight                      [D, 9p²]   → patch_embed.weight
    gaussian_position_embeddings                 [2, D]     → free_tokens
    input_layer_norm.weight                      [D]        → input_norm.weight
    transformer_layers.{i}.norm1.weight          [D]        → blocks.{i}.norm1.weight
    transformer_layers.{i}.attn.to_qkv.weight    [3D, D]    → blocks.{i}.attn.qkv.weight
    transformer_layers.{i}.attn.fc.weight        [D, D]     → blocks.{i}.attn.proj.weight
    transformer_layers.{i}.norm2.weight          [D]        → blocks.{i}.norm2.weight
    transformer_layers.{i}.mlp.mlp.0.weight      [4D, D]    → blocks.{i}.mlp.fc1.weight
    transformer_layers.{i}.mlp.mlp.2.weight      [D, 4D]    → blocks.{i}.mlp.fc2.weight
    gaussian_upsampler.layernorm.weight          [D]        → free_head.norm.weight
    gaussian_upsampler.linear.weight             [14, D]    → free_head.linear.weight
    pixel_gaussian_decoder.0.weight              [D]        → pixel_head.norm.weight
    pixel_gaussian_decoder.1.weight              [p²·14, D] → pixel_head.linear.weight
    loss_calculator.*                                       → dropped (the training loss's VGG19;
                                                              optionally saved on its own for
                                                              our perceptual loss)

The mapping is a pure rename with identical tensor layouts (same patch-feature order, same
q/k/v split, same per-token decoder layout), so the converted model's forward equals the
release's by construction; ``tests/test_lrm_convert.py`` checks this on a fake checkpoint.
"""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path

import torch
from torch import Tensor

from facelift.errors import FaceliftError
from facelift.lrm.config import LRMConfig
from facelift.lrm.model import GAUSSIAN_PARAMS, IN_CHANNELS, GSLRM

log = logging.getLogger(__name__)

_FIXED = {
    "patch_embedder.1.weight": "patch_embed.weight",
    "gaussian_position_embeddings": "free_tokens",
    "input_layer_norm.weight": "input_norm.weight",
    "gaussian_upsampler.layernorm.weight": "free_head.norm.weight",
    "gaussian_upsampler.linear.weight": "free_head.linear.weight",
    "pixel_gaussian_decoder.0.weight": "pixel_head.norm.weight",
    "pixel_gaussian_decoder.1.weight": "pixel_head.linear.weight",
}
_LAYER = {
    "norm1.weight": "norm1.weight",
    "attn.to_qkv.weight": "attn.qkv.weight",
    "attn.fc.weight": "attn.proj.weight",
    "norm2.weight": "norm2.weight",
    "mlp.mlp.0.weight": "mlp.fc1.weight",
    "mlp.mlp.2.weight": "mlp.fc2.weight",
}
_LAYER_KEY = re.compile(r"^transformer_layers\.(\d+)\.(.+)$")
_DROPPED_PREFIXES = ("loss_calculator.",)
_VGG_KEY = re.compile(r"(?:^|\.)(conv\d+\.(?:weight|bias))$")


def release_key_to_ours(key: str) -> str | None:
    """Our parameter name for a release key; ``None`` for keys that are dropped."""
    if key.startswith(_DROPPED_PREFIXES):
        return None
    if key in _FIXED:
        return _FIXED[key]
    m = _LAYER_KEY.match(key)
    if m and m.group(2) in _LAYER:
        return f"blocks.{m.group(1)}.{_LAYER[m.group(2)]}"
    raise FaceliftError(f"unknown key {key!r} in the GS-LRM checkpoint (not part of the released architecture)")


def ours_key_to_release(key: str) -> str:
    """Inverse of :func:`release_key_to_ours` (for exporting back and for tests)."""
    inverse = {v: k for k, v in _FIXED.items()}
    if key in inverse:
        return inverse[key]
    m = re.match(r"^blocks\.(\d+)\.(.+)$", key)
    layer_inverse = {v: k for k, v in _LAYER.items()}
    if m and m.group(2) in layer_inverse:
        return f"transformer_layers.{m.group(1)}.{layer_inverse[m.group(2)]}"
    raise FaceliftError(f"no release name for parameter {key!r}")


def load_release_checkpoint(path: str | Path) -> dict[str, Tensor]:
    """The release's raw model state dict (``module.`` prefixes of DDP stripped).

    Accepts the release's training pickle (``{"model": ..., "optimizer": ..., ...}``), a bare
    state dict pickle, or a safetensors file with release key names.
    """
    path = Path(path)
    if not path.is_file():
        raise FaceliftError(f"{path}: GS-LRM checkpoint not found")
    if path.suffix == ".safetensors":
        from facelift.weights.store import load_weights

        raw = load_weights(path)
    else:
        try:
            raw = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as e:  # noqa: BLE001 - any unpickling failure is a bad/unsafe file to the user
            raise FaceliftError(
                f"{path}: cannot read as a weights-only torch checkpoint ({str(e).splitlines()[0]}); "
                "we never unpickle arbitrary objects"
            ) from None
        if isinstance(raw, dict) and isinstance(raw.get("model"), dict):
            raw = raw["model"]
        elif isinstance(raw, dict) and isinstance(raw.get("state_dict"), dict):
            raw = raw["state_dict"]
    if not isinstance(raw, dict) or not all(isinstance(v, Tensor) for v in raw.values()):
        raise FaceliftError(f"{path}: no model state dict inside (expected a 'model' entry of tensors)")
    return {(k[7:] if k.startswith("module.") else k): v for k, v in raw.items()}


def infer_config(release_state: dict[str, Tensor], head_dim: int = 64) -> LRMConfig:
    """Architecture from tensor shapes (head dim is not visible in shapes: 64 in the release)."""
    try:
        embed = release_state["patch_embedder.1.weight"]
        free = release_state["gaussian_position_embeddings"]
    except KeyError as e:
        raise FaceliftError(f"GS-LRM checkpoint lacks {e.args[0]!r}; is this the release's GS-LRM?") from None
    width, feat = embed.shape
    p = int(round(math.sqrt(feat / IN_CHANNELS)))
    if p * p * IN_CHANNELS != feat:
        raise FaceliftError(f"patch_embedder.1.weight has {feat} input features, not 9·p² for any patch size p")
    layers = 1 + max((int(m.group(1)) for k in release_state if (m := _LAYER_KEY.match(k))), default=-1)
    dec = release_state.get("pixel_gaussian_decoder.1.weight")
    if dec is not None and dec.shape[0] != p * p * GAUSSIAN_PARAMS:
        raise FaceliftError(
            f"pixel_gaussian_decoder.1.weight decodes {dec.shape[0]} numbers per token; we support SH degree 0 "
            f"({p * p * GAUSSIAN_PARAMS})"
        )
    mlp = release_state.get("transformer_layers.0.mlp.mlp.0.weight")
    ratio = int(mlp.shape[0] // width) if mlp is not None else 4
    return LRMConfig(image_size=512, patch_size=p, width=int(width), layers=layers, head_dim=head_dim,
                     mlp_ratio=ratio, num_free_gaussians=int(free.shape[0]))


def extract_vgg19(release_state: dict[str, Tensor]) -> dict[str, Tensor]:
    """The perceptual loss's VGG19 weights (``conv1.weight`` … ``conv16.bias``) if the checkpoint
    holds them under ``loss_calculator.*``; empty otherwise."""
    out = {}
    for k, v in release_state.items():
        if k.startswith("loss_calculator.") and "perceptual" in k:
            m = _VGG_KEY.search(k)
            if m:
                out[m.group(1)] = v.float().contiguous()
    return out


def convert_official_gslrm(path: str | Path, head_dim: int = 64) -> tuple[dict[str, Tensor], LRMConfig]:
    """Release checkpoint → (our state dict, its config). Every shape is checked against
    :class:`~facelift.lrm.model.GSLRM` built from the inferred config; missing keys are an error."""
    release = load_release_checkpoint(path)
    config = infer_config(release, head_dim=head_dim)
    ours: dict[str, Tensor] = {}
    dropped = 0
    for k, v in release.items():
        name = release_key_to_ours(k)
        if name is None:
            dropped += 1
            continue
        ours[name] = v.float().contiguous()
    with torch.device("meta"):
        reference = GSLRM(config).state_dict()
    missing = sorted(set(reference) - set(ours))
    if missing:
        raise FaceliftError(f"{path}: GS-LRM checkpoint is missing {len(missing)} tensors, e.g. {missing[:3]}")
    for k, ref in reference.items():
        if tuple(ours[k].shape) != tuple(ref.shape):
            raise FaceliftError(
                f"{path}: {ours_key_to_release(k)} has shape {tuple(ours[k].shape)}, expected {tuple(ref.shape)}"
            )
    log.info("converted %d tensors (%d loss-network tensors dropped); width %d, %d layers, patch %d",
             len(ours), dropped, config.width, config.layers, config.patch_size)
    return ours, config


def convert_official_gslrm_to_folder(path: str | Path, out: str | Path, vgg_out: str | Path | None = None,
                                     head_dim: int = 64) -> Path:
    """Write ``out/model.safetensors`` + ``out/config.json`` (loadable by ``GSLRM.from_pretrained``);
    with ``vgg_out``, also the VGG19 weights for the perceptual loss."""
    state, config = convert_official_gslrm(path, head_dim=head_dim)
    model = GSLRM(config)
    model.load_state_dict(state, strict=True)
    folder = model.save_pretrained(out)
    if vgg_out is not None:
        vgg = extract_vgg19(load_release_checkpoint(path))
        if not vgg:
            raise FaceliftError(f"{path}: no VGG19 weights (loss_calculator.*perceptual*) in this checkpoint")
        from safetensors.torch import save_file

        from facelift.atomic import atomic_path

        with atomic_path(vgg_out) as tmp:
            save_file(vgg, str(tmp), metadata={"format": "pt", "source": "GS-LRM release loss_calculator"})
        log.info("wrote %d VGG19 tensors to %s", len(vgg), vgg_out)
    return folder
