"""DreamSim (Fu et al. 2023) in plain PyTorch, loading the reference checkpoints from disk.

No ``dreamsim``, torchvision, timm, open_clip or peft: the three ViT-B/16 backbones are one
small pre-LN ViT class here, the reference checkpoints' tensors are mapped onto it, and the
LoRA deltas of the released peft adapter are merged into its linear layers.

What the reference package (``dreamsim`` 0.2.x) computes, and we reproduce, for images in [0, 1]
already resized to 224×224 (the package resizes PIL images with bicubic filtering):

- ``ensemble`` = DINO ViT-B/16 + OpenAI CLIP ViT-B/16 + OpenCLIP ViT-B/16 (LAION-400M), LoRA
  adapter ``ensemble_lora/``; ``dino_vitb16`` = DINO alone, adapter ``dino_vitb16_single_lora/``.
- Per backbone, normalise with its own mean/std (ImageNet for DINO, OpenAI's for both CLIPs).
- DINO contributes the CLS token as it leaves the last block (block 11 of 12), *before* the
  final LayerNorm (768 values). The CLIPs contribute their image embedding: final LayerNorm of
  the CLS token times the ``proj`` matrix (512 values each). LayerNorm eps is 1e-6 for DINO and
  1e-5 for the CLIPs; the MLPs use exact GELU except OpenAI CLIP's QuickGELU
  ``x·sigmoid(1.702x)``; the CLIPs apply a LayerNorm (``ln_pre``) to the tokens before the blocks.
- Concatenate (1792 values for the ensemble), subtract the vector's mean, divide by its norm,
  and the distance is ``1 − cos(e₁, e₂)``, in [0, 2].

Files, in the cache folder (``$FACELIFT_WEIGHTS/dreamsim`` or ``~/.cache/dreamsim``; the
release's ``dreamsim_ensemble_checkpoint.zip`` unzips there):

- ``clip_vitb16_pretrain.pth.tar`` / ``open_clip_vitb16_pretrain.pth.tar``: torch zip files
  holding ``{"state_dict": ...}`` in DINO's ViT key layout (``patch_embed.proj.*``,
  ``cls_token``, ``pos_embed``, ``blocks.N.{norm1,attn.qkv,attn.proj,norm2,mlp.fc1,mlp.fc2}.*``,
  ``norm.*``) plus ``pos_drop.*`` (CLIP's ``ln_pre``) and ``proj`` (width × 512).
- ``checkpoints/dino_vitbase16_pretrain.pth``: the DINO backbone. The reference loads it through
  ``torch.hub.load('facebookresearch/dino:main', 'dino_vitb16')`` with the hub folder set to the
  cache folder, so torch hub leaves it in ``<cache>/checkpoints/`` on first use; it is DINO's
  published backbone file (flat DINO ViT layout, no ``proj``). The zip's own
  ``dino_vitb16_pretrain.pth`` (a DINO training checkpoint) only feeds the reference's DINO
  projection head, which the ``cls`` feature never uses, so we do not read it.
- ``<tag>_lora/adapter_config.json`` + ``adapter_model.safetensors`` (or ``adapter_model.bin``):
  a peft LoRA adapter on the reference ``PerceptualModel``, keys
  ``base_model.model.extractor_list.{i}.model.blocks.{j}.attn.qkv.lora_{A,B}.weight``
  (i = backbone in the order above). Merged as ``W + s·B·A`` with ``s = lora_alpha / r``
  (``/ √r`` under ``use_rslora``).

The checkpoints do not record the number of attention heads; every backbone here uses 64-wide
heads (ViT-B: 768 = 12 × 64), so heads = width / 64. Anything in the files we cannot place is a
FaceliftError naming the keys, never a silent guess.
"""

from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

HEAD_DIM = 64
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
OPENAI_CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)
OPENAI_CLIP_STD = (0.26862954, 0.26130258, 0.27577711)
ADAPTER_CONFIG = "adapter_config.json"
ADAPTER_WEIGHTS = ("adapter_model.safetensors", "adapter_model.bin")
DINO_BACKBONE_FILE = "dino_vitbase16_pretrain.pth"
DINO_BACKBONE_URL = "https://dl.fbaipublicfiles.com/dino/dino_vitbase16_pretrain/dino_vitbase16_pretrain.pth"
# peft saves the adapter relative to the wrapped reference PerceptualModel.
_PEFT_PREFIX = "base_model.model."


@dataclass(frozen=True)
class BackboneSpec:
    """One reference backbone: where its weights are and how it embeds an image."""

    name: str  # the reference's model_type
    files: tuple[str, ...]  # candidate paths inside the cache folder, first found wins
    mean: tuple[float, float, float]
    std: tuple[float, float, float]
    eps: float
    quick_gelu: bool
    ln_pre: bool
    # "cls": CLS token after the last block, before the final norm (the reference's layer-11
    # hook); "embedding": final norm of the CLS token @ proj.
    feature: str
    nested: bool  # weights under a "state_dict" entry


BACKBONES = {
    "dino_vitb16": BackboneSpec("dino_vitb16", (f"checkpoints/{DINO_BACKBONE_FILE}", DINO_BACKBONE_FILE),
                                IMAGENET_MEAN, IMAGENET_STD, 1e-6, False, False, "cls", False),
    "clip_vitb16": BackboneSpec("clip_vitb16", ("clip_vitb16_pretrain.pth.tar",),
                                OPENAI_CLIP_MEAN, OPENAI_CLIP_STD, 1e-5, True, True, "embedding", True),
    "open_clip_vitb16": BackboneSpec("open_clip_vitb16", ("open_clip_vitb16_pretrain.pth.tar",),
                                     OPENAI_CLIP_MEAN, OPENAI_CLIP_STD, 1e-5, False, True, "embedding", True),
}
# dreamsim_type -> (backbones in embedding order, LoRA adapter folder)
DREAMSIM_TYPES = {
    "ensemble": (("dino_vitb16", "clip_vitb16", "open_clip_vitb16"), "ensemble_lora"),
    "dino_vitb16": (("dino_vitb16",), "dino_vitb16_single_lora"),
}


# --------------------------------------------------------------------------------------------
# The ViT


class QuickGELU(nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        return x * torch.sigmoid(1.702 * x)


class Attention(nn.Module):
    def __init__(self, width: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)

    def forward(self, x: Tensor) -> Tensor:
        n, t, c = x.shape
        q, k, v = self.qkv(x).view(n, t, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)  # each (N, heads, T, c/heads)
        out = F.scaled_dot_product_attention(q, k, v)  # scale 1/sqrt(head width), as all three backbones
        return self.proj(out.transpose(1, 2).reshape(n, t, c))


class Mlp(nn.Module):
    def __init__(self, width: int, hidden: int, quick_gelu: bool) -> None:
        super().__init__()
        self.fc1 = nn.Linear(width, hidden)
        self.act = QuickGELU() if quick_gelu else nn.GELU()
        self.fc2 = nn.Linear(hidden, width)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(self.act(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, width: int, heads: int, hidden: int, eps: float, quick_gelu: bool) -> None:
        super().__init__()
        self.norm1 = nn.LayerNorm(width, eps=eps)
        self.attn = Attention(width, heads)
        self.norm2 = nn.LayerNorm(width, eps=eps)
        self.mlp = Mlp(width, hidden, quick_gelu)

    def forward(self, x: Tensor) -> Tensor:
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


@dataclass(frozen=True)
class ViTShape:
    width: int
    depth: int
    patch: int
    grid: int  # the position embedding covers grid × grid patches
    hidden: int
    proj_dim: int | None

    @property
    def image_size(self) -> int:
        return self.patch * self.grid


class ViT(nn.Module):
    """Pre-LN ViT with a CLS token; ``forward`` returns the backbone's DreamSim feature (N, D)."""

    def __init__(self, shape: ViTShape, spec: BackboneSpec) -> None:
        super().__init__()
        if shape.width % HEAD_DIM:
            raise FaceliftError(f"{spec.name}: width {shape.width} is not a multiple of the {HEAD_DIM}-wide attention heads")
        self.shape, self.feature = shape, spec.feature
        w = shape.width
        self.patch_embed = nn.Conv2d(3, w, kernel_size=shape.patch, stride=shape.patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, w))
        self.pos_embed = nn.Parameter(torch.zeros(1, shape.grid**2 + 1, w))
        self.ln_pre = nn.LayerNorm(w, eps=spec.eps) if spec.ln_pre else None
        self.blocks = nn.ModuleList(Block(w, w // HEAD_DIM, shape.hidden, spec.eps, spec.quick_gelu) for _ in range(shape.depth))
        self.norm = nn.LayerNorm(w, eps=spec.eps)
        self.proj = nn.Parameter(torch.zeros(w, shape.proj_dim)) if spec.feature == "embedding" else None

    def position_embedding(self, rows: int, cols: int, height: int, width: int) -> Tensor:
        """(1, 1 + rows·cols, C). Other grids resample the patch part bicubically, with the
        reference's +0.1 scale-factor nudge, so off-size inputs still match it."""
        n = self.pos_embed.shape[1] - 1
        if rows * cols == n and height == width:
            return self.pos_embed
        g = self.shape.grid
        patch = self.pos_embed[:, 1:].reshape(1, g, g, -1).permute(0, 3, 1, 2)  # (1, C, g, g)
        r0, c0 = height // self.shape.patch + 0.1, width // self.shape.patch + 0.1
        patch = F.interpolate(patch, scale_factor=(r0 / g, c0 / g), mode="bicubic", align_corners=False)
        if patch.shape[-2:] != (rows, cols):
            raise FaceliftError(f"cannot resample a {g}×{g} position embedding to {rows}×{cols} patches")
        return torch.cat([self.pos_embed[:, :1], patch.flatten(2).transpose(1, 2)], dim=1)

    def tokens(self, x: Tensor) -> Tensor:
        """x: (N, 3, H, W) normalised → tokens after the last block, (N, 1 + patches, C)."""
        h = self.patch_embed(x)  # (N, C, H/p, W/p)
        rows, cols = h.shape[-2:]
        h = torch.cat([self.cls_token.expand(h.shape[0], -1, -1), h.flatten(2).transpose(1, 2)], dim=1)
        h = h + self.position_embedding(rows, cols, x.shape[-2], x.shape[-1])
        if self.ln_pre is not None:
            h = self.ln_pre(h)
        for block in self.blocks:
            h = block(h)
        return h

    def forward(self, x: Tensor) -> Tensor:
        cls = self.tokens(x)[:, 0]  # (N, C)
        if self.feature == "cls":
            return cls
        return self.norm(cls) @ self.proj  # (N, proj_dim)


# --------------------------------------------------------------------------------------------
# Reference checkpoints → ViT


def reference_key_to_ours(key: str) -> str:
    """DINO-layout checkpoint key → our ViT's state-dict key (only two names differ)."""
    if key.startswith("patch_embed.proj."):
        return "patch_embed." + key[len("patch_embed.proj."):]
    if key.startswith("pos_drop."):  # the reference puts CLIP's ln_pre in DINO's dropout slot
        return "ln_pre." + key[len("pos_drop."):]
    return key


def _reference_name(ours: str) -> str:
    """Inverse of :func:`reference_key_to_ours`, to name missing tensors as the file would."""
    for mine, theirs in (("patch_embed.", "patch_embed.proj."), ("ln_pre.", "pos_drop.")):
        if ours.startswith(mine):
            return theirs + ours[len(mine):]
    return ours


def _few(keys) -> str:
    keys = sorted(keys)
    return ", ".join(keys[:6]) + (f" … ({len(keys)} in all)" if len(keys) > 6 else "")


def load_torch_file(path: Path) -> dict:
    """A torch file's top-level dict, tensors and plain containers only (``weights_only``)."""
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as e:  # corrupt or not tensors-only: name the file, no traceback
        raise FaceliftError(f"cannot load {path}: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    if not isinstance(state, dict):
        raise FaceliftError(f"{path} does not hold a dict of tensors")
    return state


def reference_state(path: Path, spec: BackboneSpec) -> dict[str, Tensor]:
    """The backbone tensors of one reference checkpoint file, in its own key layout."""
    state = load_torch_file(path)
    if spec.nested:
        if not isinstance(state.get("state_dict"), dict):
            raise FaceliftError(f"{path}: expected the reference's {{'state_dict': ...}} layout, found keys {_few(map(str, state))}")
        state = state["state_dict"]
    odd = [str(k) for k, v in state.items() if not isinstance(v, Tensor)]
    if odd:
        raise FaceliftError(f"{path}: not a {spec.name} backbone state dict, non-tensor entries {_few(odd)}")
    return state


def infer_shape(state: dict[str, Tensor], spec: BackboneSpec, source: str) -> ViTShape:
    needed = ["cls_token", "pos_embed", "patch_embed.proj.weight", "blocks.0.mlp.fc1.weight"]
    needed += ["proj"] if spec.feature == "embedding" else []
    needed += ["pos_drop.weight"] if spec.ln_pre else []
    absent = [k for k in needed if k not in state]
    if absent:
        raise FaceliftError(f"{source}: not a {spec.name} checkpoint in the reference layout; missing {', '.join(absent)} (found {_few(state)})")
    conv, pos = state["patch_embed.proj.weight"], state["pos_embed"]  # (C, 3, p, p), (1, 1 + g², C)
    n = pos.shape[1] - 1 if pos.ndim == 3 else -1
    grid = math.isqrt(max(n, 0))
    if conv.ndim != 4 or conv.shape[-1] != conv.shape[-2] or grid * grid != n or (spec.feature == "embedding" and state["proj"].ndim != 2):
        raise FaceliftError(f"{source}: expected a square patch kernel, a (1, 1 + g², C) position embedding for a square grid"
                            f"{' and a 2-D proj' if spec.feature == 'embedding' else ''}; got patch_embed.proj.weight {tuple(conv.shape)},"
                            f" pos_embed {tuple(pos.shape)}")
    depth = 1 + max(int(m.group(1)) for k in state if (m := re.match(r"blocks\.(\d+)\.", k)))
    proj_dim = state["proj"].shape[1] if spec.feature == "embedding" else None
    return ViTShape(width=conv.shape[0], depth=depth, patch=conv.shape[-1], grid=grid,
                    hidden=state["blocks.0.mlp.fc1.weight"].shape[0], proj_dim=proj_dim)


def vit_from_reference(state: dict[str, Tensor], spec: BackboneSpec, source: str = "checkpoint") -> ViT:
    """Build a ViT sized from the checkpoint's shapes and load every one of its tensors."""
    model = ViT(infer_shape(state, spec, source), spec)
    mapped = {reference_key_to_ours(k): v for k, v in state.items()}
    if len(mapped) != len(state):
        raise FaceliftError(f"{source}: several keys land on one parameter: {_few(k for k in state if reference_key_to_ours(k) != k)}")
    ours = model.state_dict()
    unexpected = [k for k in state if reference_key_to_ours(k) not in ours]
    missing = [_reference_name(k) for k in ours if k not in mapped]
    if unexpected or missing:
        parts = ([f"unexpected keys {_few(unexpected)}"] if unexpected else []) + ([f"missing keys {_few(missing)}"] if missing else [])
        raise FaceliftError(f"{source}: does not fit the {spec.name} ViT: {'; '.join(parts)}")
    bad = [f"{k} {tuple(mapped[k].shape)} (want {tuple(v.shape)})" for k, v in ours.items() if mapped[k].shape != v.shape]
    if bad:
        raise FaceliftError(f"{source}: wrong tensor shapes for {spec.name}: {_few(bad)}")
    model.load_state_dict({k: v.float() for k, v in mapped.items()})
    return model.eval().requires_grad_(False)


# --------------------------------------------------------------------------------------------
# peft LoRA adapter


@dataclass(frozen=True)
class LoraAdapter:
    scaling: float
    rank: int
    target_modules: tuple[str, ...] | str
    pairs: dict[str, tuple[Tensor, Tensor]]  # reference module name -> (A (r, in), B (out, r))


def _targeted(name: str, targets: tuple[str, ...] | str) -> bool:
    """peft's rule: a regex must match the whole module name, a list entry its last parts."""
    if isinstance(targets, str):
        return re.fullmatch(targets, name) is not None
    return any(name == t or name.endswith("." + t) for t in targets)


def read_lora_adapter(folder: Path) -> LoraAdapter:
    """A peft LoRA adapter folder (config + weights) as merge-ready pairs."""
    try:
        config = json.loads((folder / ADAPTER_CONFIG).read_text())
    except (OSError, ValueError) as e:
        raise FaceliftError(f"cannot read {folder / ADAPTER_CONFIG}: {e}") from None
    if config.get("peft_type", "LORA") != "LORA":
        raise FaceliftError(f"{folder / ADAPTER_CONFIG}: peft_type {config.get('peft_type')!r}, expected LORA")
    # peft options that would change the computation beyond W + s·B·A; none is used by the
    # reference's training script, so meeting one means a file we do not understand.
    unsupported = {k: config[k] for k in ("use_dora", "rank_pattern", "alpha_pattern", "layers_to_transform", "modules_to_save")
                   if config.get(k)}
    if config.get("bias", "none") != "none":
        unsupported["bias"] = config["bias"]
    if unsupported:
        raise FaceliftError(f"{folder / ADAPTER_CONFIG}: unsupported LoRA options {unsupported}")
    try:
        rank, alpha, targets = int(config["r"]), float(config["lora_alpha"]), config["target_modules"]
    except (KeyError, TypeError, ValueError) as e:
        raise FaceliftError(f"{folder / ADAPTER_CONFIG}: missing or bad r / lora_alpha / target_modules ({e})") from None
    scaling = alpha / math.sqrt(rank) if config.get("use_rslora") else alpha / rank
    weights = next((folder / n for n in ADAPTER_WEIGHTS if (folder / n).is_file()), None)
    if weights is None:
        raise FaceliftError(f"LoRA weights missing in {folder}: {' or '.join(ADAPTER_WEIGHTS)}")
    if weights.suffix == ".safetensors":
        from safetensors.torch import load_file

        try:
            tensors = load_file(str(weights))
        except Exception as e:
            raise FaceliftError(f"cannot read {weights}: {e}") from None
    else:
        tensors = load_torch_file(weights)
    parts: dict[str, dict[str, Tensor]] = {}
    unexpected = []
    for key, value in tensors.items():
        m = re.fullmatch(re.escape(_PEFT_PREFIX) + r"(.+)\.lora_([AB])(?:\.default)?\.weight", key)
        if m is None or not isinstance(value, Tensor):
            unexpected.append(key)
            continue
        parts.setdefault(m.group(1), {})[m.group(2)] = value
    if unexpected:
        raise FaceliftError(f"{weights}: keys that are not LoRA A/B weights: {_few(unexpected)}")
    half = [name for name, p in parts.items() if len(p) != 2]
    if half:
        raise FaceliftError(f"{weights}: LoRA layers with only one of A/B: {_few(half)}")
    pairs = {name: (p["A"].float(), p["B"].float()) for name, p in parts.items()}
    targets = targets if isinstance(targets, str) else tuple(targets)
    return LoraAdapter(scaling=scaling, rank=rank, target_modules=targets, pairs=pairs)


def merge_lora(weight: Tensor, a: Tensor, b: Tensor, scaling: float) -> Tensor:
    """W + s·B·A. weight: (out, in), a: (r, in), b: (out, r)."""
    return weight + scaling * (b @ a)


def reference_linears(extractors: list[ViT]) -> dict[str, nn.Linear]:
    """Our linear layers under their names in the reference PerceptualModel."""
    return {f"extractor_list.{i}.model.{name}": m
            for i, vit in enumerate(extractors) for name, m in vit.named_modules() if isinstance(m, nn.Linear)}


def apply_lora(extractors: list[ViT], adapter: LoraAdapter, source: str = "adapter") -> int:
    """Merge the adapter into the targeted layers in place; returns how many were merged."""
    linears = reference_linears(extractors)
    unknown = [n for n in adapter.pairs if n not in linears]
    if unknown:
        raise FaceliftError(f"{source}: LoRA weights for layers this DreamSim type does not have: {_few(unknown)}")
    untrained = [n for n, m in linears.items() if _targeted(n, adapter.target_modules) and n not in adapter.pairs]
    if untrained:
        raise FaceliftError(f"{source}: target_modules {adapter.target_modules!r} select layers with no LoRA weights: {_few(untrained)}")
    for name, (a, b) in adapter.pairs.items():
        w = linears[name].weight
        if a.shape != (adapter.rank, w.shape[1]) or b.shape != (w.shape[0], adapter.rank):
            raise FaceliftError(f"{source}: LoRA shapes A {tuple(a.shape)}, B {tuple(b.shape)} do not fit {name} {tuple(w.shape)} at rank {adapter.rank}")
        with torch.no_grad():
            w.copy_(merge_lora(w, a, b, adapter.scaling))
    return len(adapter.pairs)


# --------------------------------------------------------------------------------------------
# DreamSim


class DreamSim(nn.Module):
    """``forward(x, y)``: (N, 3, H, W) in [0, 1] → (N,) distances ``1 − cos``, as the reference
    model's forward (no resizing here; the reference feeds it 224×224, see ``image_size``)."""

    def __init__(self, extractors: list[ViT], specs: list[BackboneSpec]) -> None:
        super().__init__()
        sizes = {vit.shape.image_size for vit in extractors}
        if len(sizes) != 1:
            raise FaceliftError(f"DreamSim backbones disagree on the input size: {sorted(sizes)}")
        self.image_size = sizes.pop()
        self.names = [s.name for s in specs]
        self.extractors = nn.ModuleList(extractors)
        self.register_buffer("mean", torch.tensor([s.mean for s in specs]).view(-1, 1, 3, 1, 1), persistent=False)  # (K, 1, 3, 1, 1)
        self.register_buffer("std", torch.tensor([s.std for s in specs]).view(-1, 1, 3, 1, 1), persistent=False)
        self.eval()
        self.requires_grad_(False)

    def embed(self, x: Tensor) -> Tensor:
        """(N, 3, H, W) in [0, 1] → (N, D) mean-centred unit embeddings."""
        e = torch.cat([vit((x - self.mean[k]) / self.std[k]) for k, vit in enumerate(self.extractors)], dim=-1)
        e = e - e.mean(dim=-1, keepdim=True)
        return e / e.norm(dim=-1, keepdim=True)

    def forward(self, x: Tensor, y: Tensor) -> Tensor:
        return 1 - F.cosine_similarity(self.embed(x), self.embed(y), dim=-1)


@dataclass(frozen=True)
class DreamSimFiles:
    backbones: tuple[tuple[str, Path], ...]  # (reference model type, checkpoint) in embedding order
    adapter: Path  # the peft adapter folder


def find_dreamsim_files(folder: Path, dreamsim_type: str = "ensemble") -> DreamSimFiles:
    """The checkpoint files one DreamSim type needs in ``folder``, or a FaceliftError naming
    every missing one."""
    if dreamsim_type not in DREAMSIM_TYPES:
        raise FaceliftError(f"unknown DreamSim type {dreamsim_type!r}; choose from {sorted(DREAMSIM_TYPES)}")
    names, adapter = DREAMSIM_TYPES[dreamsim_type]
    found, missing = [], []
    for name in names:
        spec = BACKBONES[name]
        path = next((folder / f for f in spec.files if (folder / f).is_file()), None)
        if path is None:
            hint = f" (DINO's backbone, which the reference fetches through torch hub from {DINO_BACKBONE_URL})" if name == "dino_vitb16" else ""
            missing.append(spec.files[0] + hint)
        found.append((name, path))
    if not (folder / adapter / ADAPTER_CONFIG).is_file():
        missing.append(f"{adapter}/{ADAPTER_CONFIG}")
    if not any((folder / adapter / w).is_file() for w in ADAPTER_WEIGHTS):
        missing.append(f"{adapter}/{ADAPTER_WEIGHTS[0]} (or {ADAPTER_WEIGHTS[1]})")
    if missing:
        raise FaceliftError(
            f"DreamSim {dreamsim_type} checkpoints missing in {folder}: {'; '.join(missing)} "
            f"(unzip the release's dreamsim_{dreamsim_type}_checkpoint.zip there; the folder is $FACELIFT_WEIGHTS/dreamsim "
            "or ~/.cache/dreamsim unless given; nothing is downloaded)")
    return DreamSimFiles(backbones=tuple(found), adapter=folder / adapter)


def load_dreamsim_model(folder: str | Path, dreamsim_type: str = "ensemble") -> DreamSim:
    """DreamSim with the reference weights and the LoRA adapter merged, on the CPU."""
    files = find_dreamsim_files(Path(folder), dreamsim_type)
    specs = [BACKBONES[name] for name, _ in files.backbones]
    extractors = [vit_from_reference(reference_state(path, spec), spec, str(path)) for spec, (_, path) in zip(specs, files.backbones)]
    merged = apply_lora(extractors, read_lora_adapter(files.adapter), str(files.adapter))
    log.debug("DreamSim %s: %s, %d LoRA layers merged", dreamsim_type, [str(p) for _, p in files.backbones], merged)
    return DreamSim(extractors, specs)
