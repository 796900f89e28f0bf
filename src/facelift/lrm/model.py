"""GS-LRM: posed views → one 3D Gaussian per input pixel (+ 2 free Gaussians), SPEC §2.3.

Data flow, shapes for B reconstructions of V views at H×W, patch p, width D::

    images (B, V, 3, H, W) in [0, 1] ──▶ RGB·2−1 ┐
    cameras (B, V) ──▶ ray dir d, point o+(−o·d)d ┴▶ (B, V, 9, H, W)
        ──▶ p×p patches, features ordered (row-in-patch, col-in-patch, channel): (B, V·h·w, 9p²)
        ──▶ Linear(9p² → D, no bias)                 no positional embedding: the ray code
        ──▶ [2 learned free tokens ; image tokens]   tells each token where it looks from
        ──▶ LayerNorm ──▶ N × pre-LN block (SDPA attention, heads of 64, 4× GELU MLP, no biases)
        ──▶ free tokens:  LayerNorm ──▶ Linear(D → 14)        ("gaussian_upsampler" in the release)
        ──▶ image tokens: LayerNorm ──▶ Linear(D → p²·14)     ("pixel_gaussian_decoder")
        ──▶ unpatchify: 14 numbers per pixel ──▶ activations ──▶ Gaussians

The 14 numbers, in the release's order: position 3, SH-DC colour 3, scale 3, quaternion 4
(w, x, y, z), opacity 1. Activations (release values, configurable in :class:`LRMConfig`):

* pixel Gaussians sit on their pixel's ray: t = (2σ(mean of the 3 position numbers) − 1)·1.8
  + (−o·d), centre = o + t·d, so t spans ±1.8 around the ray's point nearest the origin (the
  head is inside [−1, 1]³); with ``clip_xyz`` (off by default: the release's gate never
  lets its clamp act) centres are clamped to [−1, 1]³ in training mode;
* the free Gaussians' positions are used as predicted (no ray to sit on);
* log-scale = min(raw − 2.3, −1.2), scale = exp(log-scale) (at most e^−1.2 ≈ 0.30; floored at
  e^−20 so extreme outputs cannot underflow to 0);
* opacity = σ(raw − 2) (starts mostly transparent);
* quaternion normalised; colour = SH-DC·C0 + 0.5 (degree 0); with ``color_residual`` (not in
  the release; the bundled tiny model) a pixel Gaussian's colour is its input pixel's colour +
  SH-DC·C0, so a narrow token need not carry its 64 pixels' colours through the transformer.

Reading of the release's key list (documented because the paper does not spell it out): its
``gaussian_upsampler.{layernorm,linear}`` decode the 2 free-Gaussian tokens to 14 numbers each
(linear [14, D]), and ``pixel_gaussian_decoder.{0,1}`` is LayerNorm + Linear [p²·14, D] decoding
image tokens; :mod:`facelift.lrm.convert` maps those names to ours.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.utils.checkpoint import checkpoint

from facelift.cameras import Camera, ray_directions
from facelift.config import from_dict, to_dict
from facelift.errors import FaceliftError
from facelift.gaussians import SH_C0, Gaussians
from facelift.lrm.config import ExportConfig, LRMConfig
from facelift.weights.locate import latest_checkpoint, resolve_lrm_path

log = logging.getLogger(__name__)

#: numbers per Gaussian: xyz 3 + SH-DC 3 + scale 3 + quaternion 4 + opacity 1
GAUSSIAN_PARAMS = 14
IN_CHANNELS = 9
WEIGHTS_FILE = "model.safetensors"
CONFIG_FILE = "config.json"


# ------------------------------------------------------------------------ transformer


class Float32LayerNorm(nn.LayerNorm):
    """LayerNorm computed in float32 whatever the input's or its gain's precision.

    Under ``--dtype bfloat16`` the residual stream stays float32 and only the matrices run in
    bf16 (:meth:`GSLRM.cast`): 24 blocks adding bf16-rounded updates to a bf16 stream drifted
    from fp32 (random paper-shaped weights, 6×128²: renders 35.9 dB apart against 39.6 dB with
    the stream in float32, at the same speed).
    """

    def forward(self, x: Tensor) -> Tensor:
        weight = None if self.weight is None else self.weight.float()
        return F.layer_norm(x.float(), self.normalized_shape, weight, None, self.eps)


class Attention(nn.Module):
    """Multi-head self-attention through ``F.scaled_dot_product_attention`` (flash / mem-efficient
    kernels on GPU), fused bias-free QKV and output projections."""

    def __init__(self, width: int, head_dim: int):
        super().__init__()
        if width % head_dim:
            raise FaceliftError(f"width {width} must be a multiple of head_dim {head_dim}")
        self.heads, self.head_dim = width // head_dim, head_dim
        self.qkv = nn.Linear(width, 3 * width, bias=False)
        self.proj = nn.Linear(width, width, bias=False)

    def forward(self, x: Tensor) -> Tensor:
        B, L, D = x.shape
        # (B, L, 3D) -> 3 × (B, heads, L, head_dim); q, k, v are the three consecutive D-blocks.
        q, k, v = self.qkv(x).view(B, L, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        y = F.scaled_dot_product_attention(q, k, v)
        return self.proj(y.transpose(1, 2).reshape(B, L, D))


class MLP(nn.Module):
    def __init__(self, width: int, ratio: int):
        super().__init__()
        self.fc1 = nn.Linear(width, ratio * width, bias=False)
        self.fc2 = nn.Linear(ratio * width, width, bias=False)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(F.gelu(self.fc1(x)))


class Block(nn.Module):
    """Pre-LN transformer block without biases (LayerNorms have a gain only)."""

    def __init__(self, width: int, head_dim: int, mlp_ratio: int, eps: float):
        super().__init__()
        self.norm1 = Float32LayerNorm(width, eps=eps, bias=False)
        self.attn = Attention(width, head_dim)
        self.norm2 = Float32LayerNorm(width, eps=eps, bias=False)
        self.mlp = MLP(width, mlp_ratio)

    def forward(self, x: Tensor) -> Tensor:
        """x: (B, L, D) float32 residual stream; the attention and MLP run in their weights' dtype."""
        dtype = self.mlp.fc1.weight.dtype
        x = x + self.attn(self.norm1(x).to(dtype))
        return x + self.mlp(self.norm2(x).to(dtype))


class Head(nn.Module):
    """LayerNorm (gain only) + bias-free Linear."""

    def __init__(self, width: int, out: int, eps: float):
        super().__init__()
        self.norm = Float32LayerNorm(width, eps=eps, bias=False)
        self.linear = nn.Linear(width, out, bias=False)

    def forward(self, x: Tensor) -> Tensor:
        return self.linear(self.norm(x).to(self.linear.weight.dtype))


# ----------------------------------------------------------------------------- output


@dataclass
class LRMOutput:
    """Batched Gaussians as predicted (activated), free Gaussians first, then pixels (V, H, W).

    Attributes:
        means: (B, N, 3) centres; N = num_free + V·H·W.
        scales: (B, N, 3) linear standard deviations.
        rotations: (B, N, 4) unit quaternions (w, x, y, z).
        opacities: (B, N) in (0, 1).
        colors: (B, N, 3) RGB from the SH-DC term (not clamped; the rasteriser sees it as is).
        depths: (B, V, H, W) distance t along each pixel's unit ray.
        num_free, views, height, width: layout of the N axis.
    """

    means: Tensor
    scales: Tensor
    rotations: Tensor
    opacities: Tensor
    colors: Tensor
    depths: Tensor
    num_free: int
    views: int
    height: int
    width: int

    @property
    def batch_size(self) -> int:
        return self.means.shape[0]

    def pixel(self, name: str) -> Tensor:
        """A per-pixel attribute as (B, V, H, W, C) (``opacities``: (B, V, H, W))."""
        t = getattr(self, name)[:, self.num_free:]
        return t.reshape(self.batch_size, self.views, self.height, self.width, *t.shape[2:])

    def gaussians(self, index: int = 0) -> Gaussians:
        """Reconstruction ``index`` as one :class:`Gaussians` merged over its views (float32)."""
        return Gaussians(
            means=self.means[index].float(),
            scales=self.scales[index].float(),
            rotations=self.rotations[index].float(),
            opacities=self.opacities[index].float(),
            colors=self.colors[index].float(),
        )


# ------------------------------------------------------------------------------ model


class GSLRM(nn.Module):
    """The Stage II reconstructor; see the module docstring for the architecture."""

    def __init__(self, config: LRMConfig | None = None):
        super().__init__()
        cfg = config or LRMConfig()
        if cfg.patch_size < 1 or cfg.image_size % cfg.patch_size:
            raise FaceliftError(f"image_size {cfg.image_size} must be a multiple of patch_size {cfg.patch_size}")
        self.config = cfg
        p, D = cfg.patch_size, cfg.width
        self.patch_embed = nn.Linear(IN_CHANNELS * p * p, D, bias=False)
        self.free_tokens = nn.Parameter(torch.zeros(cfg.num_free_gaussians, D))
        self.input_norm = Float32LayerNorm(D, eps=cfg.norm_eps, bias=False)
        self.blocks = nn.ModuleList(
            [Block(D, cfg.head_dim, cfg.mlp_ratio, cfg.norm_eps) for _ in range(cfg.layers)]
        )
        self.free_head = Head(D, GAUSSIAN_PARAMS, cfg.norm_eps)
        self.pixel_head = Head(D, p * p * GAUSSIAN_PARAMS, cfg.norm_eps)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        # Truncated normal σ=0.02 for every matrix and the free tokens, unit LayerNorm gains
        # (the ViT / GS-LRM initialisation).
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.trunc_normal_(m.weight, std=0.02)
            elif isinstance(m, nn.LayerNorm):
                nn.init.ones_(m.weight)
        nn.init.trunc_normal_(self.free_tokens, std=0.02)

    # ---------------------------------------------------------------- inputs
    @staticmethod
    def _batched(images: Tensor, cameras: Camera) -> tuple[Tensor, Camera]:
        if images.ndim == 4:
            images = images[None]
        if images.ndim != 5 or images.shape[2] != 3:
            raise FaceliftError(f"GS-LRM images must be (B, V, 3, H, W) or (V, 3, H, W), got {tuple(images.shape)}")
        B, V, _, H, W = images.shape
        if tuple(cameras.batch_shape) == (V,):
            cameras = Camera(c2w=cameras.c2w.expand(B, V, 4, 4), K=cameras.K.expand(B, V, 3, 3),
                             width=cameras.width, height=cameras.height)
        if tuple(cameras.batch_shape) != (B, V):
            raise FaceliftError(f"GS-LRM got {B}x{V} images but cameras of batch shape {tuple(cameras.batch_shape)}")
        if (cameras.width, cameras.height) != (W, H):
            raise FaceliftError(f"GS-LRM images are {W}x{H} but cameras are for {cameras.width}x{cameras.height}")
        return images, cameras

    def posed_input(self, images: Tensor, cameras: Camera) -> tuple[Tensor, Tensor, Tensor]:
        """The 9-channel input (B, V, 9, H, W) and the rays: origins, unit dirs (B, V, 3, H, W)."""
        origins, dirs = ray_directions(cameras.to(images.device))
        origins, dirs = origins.to(images.dtype), dirs.to(images.dtype)
        t0 = -(origins * dirs).sum(dim=2, keepdim=True)
        nearest = origins + t0 * dirs
        return torch.cat([images * 2.0 - 1.0, dirs, nearest], dim=2), origins, dirs

    # --------------------------------------------------------------- forward
    def forward(self, images: Tensor, cameras: Camera) -> LRMOutput:
        """Reconstruct B sets of V posed views.

        Args:
            images: (B, V, 3, H, W) or (V, 3, H, W) RGB in [0, 1]; H and W multiples of the
                patch size (any size, not only the training one).
            cameras: batch shape (B, V) or (V,), OpenCV, for H×W images.
        """
        p = self.config.patch_size
        images, cameras = self._batched(images, cameras)
        H, W = images.shape[-2:]
        if H % p or W % p:
            raise FaceliftError(f"GS-LRM image size {W}x{H} must be a multiple of the patch size {p}")
        x, origins, dirs = self.posed_input(images.float(), cameras)
        free_raw, pix_raw = self.raw_outputs(x)
        return self._activate(free_raw, pix_raw, origins.float(), dirs.float(), images.float())

    def raw_outputs(self, x: Tensor) -> tuple[Tensor, Tensor]:
        """The transformer on a 9-channel input (B, V, 9, H, W) → raw (pre-activation) numbers:
        free Gaussians (B, nf, 14) and pixel Gaussians (B, V, H, W, 14), float32."""
        cfg, p = self.config, self.config.patch_size
        B, V, _, H, W = x.shape
        h, w = H // p, W // p
        # Features within a patch ordered (row, column, channel), as the release's patchify.
        tokens = (x.reshape(B, V, IN_CHANNELS, h, p, w, p).permute(0, 1, 3, 5, 4, 6, 2)
                  .reshape(B, V * h * w, p * p * IN_CHANNELS))
        # The matrices run in their weights' precision (--dtype); the residual stream, the
        # LayerNorms, the rays and the activations stay float32.
        tokens = self.patch_embed(tokens.to(self.patch_embed.weight.dtype)).float()
        free = self.free_tokens.float()[None].expand(B, -1, -1)
        x = self.input_norm(torch.cat([free, tokens], dim=1))
        use_ckpt = cfg.grad_checkpoint and self.training and torch.is_grad_enabled()
        for block in self.blocks:
            x = checkpoint(block, x, use_reentrant=False) if use_ckpt else block(x)
        nf = cfg.num_free_gaussians
        free_raw = self.free_head(x[:, :nf]).float()  # (B, nf, 14)
        pix_raw = self.pixel_head(x[:, nf:]).float()  # (B, V·h·w, p²·14)
        pix_raw = (pix_raw.reshape(B, V, h, w, p, p, GAUSSIAN_PARAMS).permute(0, 1, 2, 4, 3, 5, 6)
                   .reshape(B, V, H, W, GAUSSIAN_PARAMS))
        return free_raw, pix_raw

    def _activate(self, free_raw: Tensor, pix_raw: Tensor, origins: Tensor, dirs: Tensor,
                  images: Tensor) -> LRMOutput:
        cfg = self.config
        B, V, H, W, _ = pix_raw.shape
        o = origins.permute(0, 1, 3, 4, 2)  # (B, V, H, W, 3)
        d = dirs.permute(0, 1, 3, 4, 2)
        t_near = -(o * d).sum(-1)
        depth = (2.0 * torch.sigmoid(pix_raw[..., 0:3].mean(-1)) - 1.0) * cfg.depth_range + t_near
        centres = o + depth[..., None] * d
        if cfg.clip_xyz and self.training:
            centres = centres.clamp(-1.0, 1.0)
        raw = torch.cat([free_raw, pix_raw.reshape(B, V * H * W, GAUSSIAN_PARAMS)], dim=1)
        means = torch.cat([free_raw[..., 0:3], centres.reshape(B, V * H * W, 3)], dim=1)
        log_scale = torch.clamp(raw[..., 6:9] + cfg.scale_bias, min=cfg.min_log_scale, max=cfg.max_log_scale)
        # SH-DC colour around grey, or (color_residual) around each pixel Gaussian's input pixel
        base = torch.full_like(raw[..., 3:6], 0.5)  # (B, N, 3)
        if cfg.color_residual:
            base[:, free_raw.shape[1]:] = images.permute(0, 1, 3, 4, 2).reshape(B, V * H * W, 3)
        colors = raw[..., 3:6] * SH_C0 + base
        return LRMOutput(
            means=means,
            scales=torch.exp(log_scale),
            rotations=F.normalize(raw[..., 9:13], dim=-1, eps=1e-8),
            opacities=torch.sigmoid(raw[..., 13] + cfg.opacity_bias),
            colors=colors,
            depths=depth,
            num_free=free_raw.shape[1],
            views=V,
            height=H,
            width=W,
        )

    # ------------------------------------------------------------- inference
    @torch.no_grad()
    def reconstruct(self, images: Tensor, cameras: Camera, export: ExportConfig | None = None,
                    autocast: bool | None = None) -> Gaussians:
        """One head from V posed views (V, 3, H, W) → merged Gaussians (pruned if ``export``).

        ``autocast``: bf16 autocast; default on for CUDA, off on CPU (the weights' precision:
        on a CPU with native bf16, ``model.to(torch.bfloat16)`` was as fast as autocast or
        faster, and closer to fp32, since autocast re-casts every weight on every call). The
        Gaussians are float32 either way.
        """
        was_training = self.training
        self.eval()
        device = next(self.parameters()).device
        images = images.to(device)
        if images.ndim == 5 and images.shape[0] != 1:
            raise FaceliftError("reconstruct takes one head (V, 3, H, W); call the model for batches")
        use_amp = (device.type == "cuda") if autocast is None else autocast
        try:
            with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=use_amp):
                out = self(images, cameras.to(device))
        finally:
            self.train(was_training)
        gaussians = out.gaussians(0)
        if export is not None:
            from facelift.lrm.footprint import widen_to_input_footprint
            from facelift.lrm.prune import export_filter

            gaussians = export_filter(gaussians, export)
            if export.input_low_pass:
                gaussians = widen_to_input_footprint(gaussians, cameras, export.input_low_pass)
        return gaussians

    def cast(self, dtype: torch.dtype) -> GSLRM:
        """Run the matrices in ``dtype`` (``--dtype``): every weight is cast once except the
        LayerNorm gains, which stay float32 with the residual stream they normalise."""
        self.to(dtype)
        for module in self.modules():
            if isinstance(module, nn.LayerNorm):
                module.float()
        return self

    # ------------------------------------------------------------ save / load
    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def save_pretrained(self, folder: str | Path, dtype: torch.dtype | None = None) -> Path:
        """``folder/model.safetensors`` + ``folder/config.json`` (written atomically); ``dtype``
        (e.g. ``torch.float16``) stores the weights at that precision, half the size in fp16;
        :meth:`from_pretrained` loads them back into an fp32 model."""
        from facelift.atomic import atomic_dir, atomic_write_text
        from facelift.weights.store import save_weights

        folder = Path(folder)
        with atomic_dir(folder) as tmp:
            save_weights(self, tmp / WEIGHTS_FILE, metadata={"format": "pt", "model": "facelift.lrm.GSLRM"},
                         dtype=dtype)
            atomic_write_text(tmp / CONFIG_FILE, json.dumps(to_dict(self.config), indent=2, sort_keys=True))
        return folder

    @classmethod
    def from_pretrained(cls, path: str | Path, config: LRMConfig | None = None, strict: bool = True,
                        device: str | torch.device = "cpu") -> "GSLRM":
        """Load a folder (``model.safetensors`` + ``config.json``), a training checkpoint folder, a
        training run (its latest checkpoint), or a bare ``.safetensors`` file with ``config``."""
        from facelift.weights.store import load_into, load_weights

        path = resolve_lrm_path(path)
        if path.is_dir() and not (path / WEIGHTS_FILE).is_file():
            latest = latest_checkpoint(path / "checkpoints")
            if latest is None:
                raise FaceliftError(f"{path}: no {WEIGHTS_FILE} and no checkpoints/ inside")
            path = latest
        weights = path / WEIGHTS_FILE if path.is_dir() else path
        if config is None:
            cfg_path = (path if path.is_dir() else path.parent) / CONFIG_FILE
            config = read_model_config(cfg_path)
        model = cls(config)
        load_into(model, load_weights(weights), strict=strict, what=str(weights))
        return model.to(device)


def read_model_config(path: str | Path) -> LRMConfig:
    """An :class:`LRMConfig` from ``config.json``: a model config or a training config's ``model``."""
    path = Path(path)
    if not path.is_file():
        raise FaceliftError(f"{path}: config.json not found (pass config= explicitly)")
    try:
        data = json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise FaceliftError(f"{path}: not valid JSON ({e})") from None
    if isinstance(data, dict) and isinstance(data.get("model"), dict):
        data = data["model"]
    return from_dict(LRMConfig, data)


def transformer_flops(config: LRMConfig, views: int, height: int, width: int) -> float:
    """Multiply-add FLOPs (×2) of one forward of the transformer + heads for one reconstruction."""
    p, D = config.patch_size, config.width
    L = views * (height // p) * (width // p) + config.num_free_gaussians
    per_layer = 2 * L * D * (3 * D + D + 2 * config.mlp_ratio * D) + 2 * 2 * L * L * D
    embed = 2 * L * D * IN_CHANNELS * p * p
    head = 2 * L * D * p * p * GAUSSIAN_PARAMS
    return float(config.layers * per_layer + embed + head)


__all__ = ["GSLRM", "LRMOutput", "GAUSSIAN_PARAMS", "read_model_config", "transformer_flops"]
