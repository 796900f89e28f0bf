"""The Stage I UNet: diffusers' ``UNet2DConditionModel`` with 8 input channels.

Input = 4 noisy latents + 4 scaled VAE latents of the input image (SPEC §2.2). Starting
from a 4-channel base (SD 2.1-unCLIP), :func:`expand_conv_in` adds input channels whose
weights are zero, so the expanded model computes exactly what the base model computed
until training moves them.

The public release saves its UNet as ``UNetMV2DConditionModel`` (a copy of diffusers'
UNet whose blocks are renamed ``*MV2D*`` and whose self-attention is multi-view). With
multi-view attention inside ``attn1`` and no cross-domain attention, its weights have the
same names and shapes as a ``UNet2DConditionModel``'s, so :func:`load_unet` maps the config
and loads the weights into the plain diffusers class; the multi-view behaviour comes from
the processors in :mod:`facelift.mvdiff.attention`.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import torch
from diffusers import UNet2DConditionModel
from torch import nn

from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

#: Block names of the release's UNet -> the diffusers blocks with the same weights.
_RELEASE_BLOCKS = {
    "CrossAttnDownBlockMV2D": "CrossAttnDownBlock2D",
    "CrossAttnUpBlockMV2D": "CrossAttnUpBlock2D",
    "UNetMidBlockMV2DCrossAttn": "UNetMidBlock2DCrossAttn",
}
#: Config keys of the release's UNet that describe behaviour we provide with processors.
_RELEASE_KEYS = (
    "num_views", "cd_attention_last", "cd_attention_mid", "multiview_attention",
    "sparse_mv_attention", "selfattn_block", "addition_downsample", "addition_channels",
    "mvcd_attention", "num_regress_blocks", "regress_elevation", "regress_focal_length",
    "use_dino", "zero_init_conv_in", "zero_init_camera_projection", "camera_input_dim",
    "camera_embedding_type", "projection_camera_embeddings_input_dim",
)


def expand_conv_in(unet: UNet2DConditionModel, in_channels: int = 8) -> UNet2DConditionModel:
    """Give ``unet`` ``in_channels`` input channels; the added ones start at zero (in place).

    The existing channels keep their weights, so with zeros in the extra inputs the
    output is unchanged.
    """
    old = unet.conv_in
    if old.in_channels == in_channels:
        return unet
    if old.in_channels > in_channels:
        raise FaceliftError(f"cannot shrink conv_in from {old.in_channels} to {in_channels} channels")
    new = nn.Conv2d(in_channels, old.out_channels, old.kernel_size, old.stride, old.padding)
    new = new.to(device=old.weight.device, dtype=old.weight.dtype)
    with torch.no_grad():
        new.weight.zero_()
        new.weight[:, : old.in_channels].copy_(old.weight)
        new.bias.copy_(old.bias)
    unet.conv_in = new
    unet.register_to_config(in_channels=in_channels)
    return unet


def release_unet_config(config: dict) -> tuple[dict, dict]:
    """Split a release ``UNetMV2DConditionModel`` config into (diffusers config, MV settings).

    MV settings: ``num_views`` and ``attention`` ("sparse" / "dense" / None when the
    release's multi-view attention was off). Raises for options that add weights we do not
    model (cross-domain attention, row-wise attention).
    """
    cfg = {k: v for k, v in config.items() if not k.startswith("_")}
    if cfg.get("cd_attention_last") or cfg.get("cd_attention_mid") or cfg.get("mvcd_attention"):
        raise FaceliftError("release UNet uses cross-domain attention, which the FaceLift release does not; unsupported")
    if cfg.get("selfattn_block", "custom") not in ("custom", "self"):
        raise FaceliftError(f"release UNet selfattn_block={cfg['selfattn_block']!r} is unsupported (expected 'custom')")
    if cfg.get("addition_downsample"):
        raise FaceliftError("release UNet with addition_downsample=true is unsupported")
    mv = {
        "num_views": int(cfg.get("num_views", 1)),
        "attention": (
            ("sparse" if cfg.get("sparse_mv_attention", False) else "dense")
            if cfg.get("multiview_attention", True) else None
        ),
    }
    for key in _RELEASE_KEYS:
        cfg.pop(key, None)
    for key in ("down_block_types", "up_block_types"):
        cfg[key] = [_RELEASE_BLOCKS.get(b, b) for b in cfg[key]]
    if cfg.get("mid_block_type"):
        cfg["mid_block_type"] = _RELEASE_BLOCKS.get(cfg["mid_block_type"], cfg["mid_block_type"])
    return cfg, mv


def _weights_file(folder: Path) -> Path:
    for name in ("diffusion_pytorch_model.safetensors", "model.safetensors"):
        if (folder / name).is_file():
            return folder / name
    if any(folder.glob("diffusion_pytorch_model-*.safetensors")):
        return folder
    if (folder / "diffusion_pytorch_model.bin").is_file():
        raise FaceliftError(f"{folder}: only a pickled .bin checkpoint found; convert it to safetensors first")
    raise FaceliftError(f"{folder}: no diffusion_pytorch_model.safetensors found")


def _load_safetensors(path: Path) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    if path.is_dir():
        state: dict[str, torch.Tensor] = {}
        for shard in sorted(path.glob("diffusion_pytorch_model-*.safetensors")):
            state.update(load_file(str(shard)))
        return state
    return load_file(str(path))


def load_unet(folder: str | Path, in_channels: int = 8, torch_dtype: torch.dtype | None = None
              ) -> tuple[UNet2DConditionModel, dict]:
    """Load a UNet folder (ours, SD 2.1-unCLIP's, or the release's) as ``UNet2DConditionModel``.

    A 4-channel base gets its ``conv_in`` zero-expanded to ``in_channels``. Returns the
    model and the multi-view settings found in the folder's config (empty for plain
    diffusers UNets).
    """
    folder = Path(folder)
    config_path = folder / "config.json"
    if not config_path.is_file():
        raise FaceliftError(f"{folder}: not a UNet folder (no config.json)")
    config = json.loads(config_path.read_text())
    mv: dict = {}
    if config.get("_class_name") == "UNetMV2DConditionModel":
        config, mv = release_unet_config(config)
    elif config.get("_class_name", "UNet2DConditionModel") != "UNet2DConditionModel":
        raise FaceliftError(f"{config_path}: unsupported UNet class {config.get('_class_name')!r}")
    config = {k: v for k, v in config.items() if not k.startswith("_")}
    unet = UNet2DConditionModel.from_config(config)
    state = _load_safetensors(_weights_file(folder))
    missing, unexpected = unet.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise FaceliftError(
            f"{folder}: UNet weights do not match its config (missing {sorted(missing)[:5]}..., "
            f"unexpected {sorted(unexpected)[:5]}...)"
            if missing and unexpected else
            f"{folder}: UNet weights do not match its config "
            f"({'missing' if missing else 'unexpected'} {sorted(missing or unexpected)[:8]})"
        )
    if torch_dtype is not None:
        unet = unet.to(torch_dtype)
    expand_conv_in(unet, in_channels)
    log.debug("loaded UNet from %s (%s)", folder, mv or "diffusers")
    return unet, mv
