"""Stage I training: the multi-view diffusion model (``facelift train mvdiff``).

Recipe (suppl. C.2, SPEC §2.2): AdamW lr 1e-4 after a short warm-up, constant; the
preset's prediction type (v for ``paper``, x0 for ``tiny``); min-SNR loss weighting γ=5
(``paper``; ``tiny`` uses plain x0 MSE, ``train.snr_gamma=0``);
EMA of the trained weights, saved beside the raw ones; condition dropout 5% each for
CLIP-only / both / latents-only; the same timestep for the 6 views of a head; random
white / black / grey backgrounds per head in training, white in validation (optionally a
share of the inputs cut out with an imperfect matte, ``train.matte_share``); fp16/bf16 and
gradient checkpointing on GPU; multi-GPU through ``accelerate launch``.

Stages (``stage``):

* ``vae`` (tiny preset): trains the tiny ``AutoencoderKL`` alone on view images (random
  backgrounds; L1 + MSE + a small KL), then fixes its ``scaling_factor`` to 1/std of the
  latents.
  Latent diffusion needs a fixed latent space, so the VAE is trained first, not jointly.
* ``unet``: trains the UNet, and for ``tiny`` jointly the small CLIP image encoder (its
  embedding reaches the loss through the unCLIP class embedding) and the learned per-view
  embeddings. The ``paper`` preset keeps the CLIP encoder and the text-derived view
  embeddings frozen, like the release.
* ``all`` (default): ``vae`` if the preset builds its VAE and the run has none yet, then ``unet``.

Run folder: ``config.json``; ``vae/`` (final VAE) and ``vae_checkpoints/``; ``checkpoints/
step_NNNNNNNN/model.safetensors`` holding ``model.*`` (raw) and ``ema.*`` (EMA) weights plus
the optimizer state (:mod:`facelift.train.harness`); ``logs/metrics.csv`` + TensorBoard;
``samples/val_*.png`` grids (rows: input, 6 generated views, 6 targets); ``pipeline/``: the
final pipeline (EMA weights) loadable with ``FaceLiftMultiViewPipeline.from_pretrained``, and
``pipeline_latest/``, the same refreshed at every validation while the run goes on.

Exact resume: every random draw of step ``s`` (batch, backgrounds, noise, timesteps,
dropout) comes from a generator seeded by (seed, s, rank), so a resumed run repeats the
uninterrupted one.

Data: any dataset whose items are ``{"input": (C, H, W), "views": (V, C, H, W)}`` floats in
[0, 1], C = 4 (premultiplied RGBA, backgrounds composited here) or 3 (used as is).
:class:`StageIViews` adapts :class:`facelift.data.loaders.StageIDataset` (the project's
on-disk layout, identity splits) to that.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import math
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Collection, Sequence

import torch
import torch.nn.functional as F
from diffusers.training_utils import compute_snr
from torch import Tensor, nn

from facelift.atomic import atomic_dir
from facelift.cameras import VIEW_AZIMUTHS
from facelift.config import apply_overrides, load_config, save_config
from facelift.data.matting import matted_inputs
from facelift.defaults import OptimConfig
from facelift.errors import FaceliftError
from facelift.mvdiff import build_pipeline
from facelift.mvdiff.config import MVDIFF_PRESETS, MVDiffConfig
from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline
from facelift.train.harness import (
    CheckpointManager,
    RunLogger,
    build_optimizer,
    build_scheduler,
    make_accelerator,
    optimizer_update,
    progress,
    seed_everything,
)
from facelift.views import composite as composite_over
from facelift.weights.store import load_into, load_weights

log = logging.getLogger(__name__)

#: Training backgrounds (the release's "three_choices"): white, black, grey.
BACKGROUNDS = ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0), (0.5, 0.5, 0.5))


# ------------------------------------------------------------------------------ data
class StageIViews:
    """Stage I samples with alpha, from :class:`facelift.data.StageIDataset` (project layout).

    Items: ``input`` (4, H, W) and ``views`` (6, 4, H, W), RGBA with premultiplied colour,
    so :func:`composite` can put any background behind them.
    """

    def __init__(self, root: str | Path, size: int, split: str | Sequence[str] = "train"):
        from facelift.data.loaders import StageIDataset

        self.data = StageIDataset(root, split=split, resolution=size, background=(0.0, 0.0, 0.0))

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, k: int) -> dict[str, Tensor]:
        item = self.data[k]
        # Composited on black, the colour is exactly the premultiplied colour.
        views = torch.cat([item["images"], item["alphas"]], dim=1)
        return {"input": views[0], "views": views}


def composite(rgba: Tensor, background: Tensor) -> Tensor:
    """(B, ..., 4, H, W) premultiplied RGBA over per-sample colours (B, 3) -> RGB.

    3-channel input is returned as is (already composited)."""
    if rgba.shape[-3] == 3:
        return rgba
    bg = background.view(background.shape[0], *([1] * (rgba.ndim - 4)), 3, 1, 1).to(rgba)
    return composite_over(rgba[..., :3, :, :], rgba[..., 3:, :, :], bg, premultiplied=True).clamp(0.0, 1.0)


def step_generator(seed: int, step: int, rank: int, salt: str = "") -> torch.Generator:
    digest = hashlib.sha256(f"mvdiff:{salt}:{seed}:{step}:{rank}".encode()).digest()
    return torch.Generator().manual_seed(int.from_bytes(digest[:8], "little"))


def batch_indices(n: int, batch: int, step: int, rank: int, world: int, seed: int) -> list[int]:
    """Sample indices of ``step`` on ``rank``: epochs are seeded permutations, so any step is
    reproducible without replaying the ones before it."""
    out = []
    for j in range(batch):
        pos = (step * world + rank) * batch + j
        epoch, k = divmod(pos, n)
        perm = torch.randperm(n, generator=step_generator(seed, epoch, 0, "epoch"))
        out.append(int(perm[k]))
    return out


@dataclass
class Batch:
    """One training batch: ``cond`` (B, 3, H, W) input images, ``views`` (B, V, 3, H, W) targets."""

    cond: Tensor
    views: Tensor


def mirror_order(azimuths: Sequence[float] = VIEW_AZIMUTHS) -> list[int]:
    """View ``j`` of a mirrored subject is view ``order[j]`` flipped left to right: mirroring the
    world through the plane of the front camera and the vertical axis takes the camera at
    azimuth ``a`` to ``-a`` (all views at one elevation, looking at the head's centre)."""
    key = [round(a % 360.0, 6) for a in azimuths]
    order = []
    for a in key:
        mirrored = round((-a) % 360.0, 6)
        if mirrored not in key:
            raise FaceliftError(f"train.mirror_share needs views whose azimuths mirror onto each other; "
                                f"{a}° has no view at {mirrored}°")
        order.append(key.index(mirrored))
    return order


def mirrored(views: Tensor, order: Sequence[int]) -> Tensor:
    """(…, V, C, H, W) views of a subject -> the views of its mirror image (:func:`mirror_order`)."""
    return views[..., list(order), :, :, :].flip(-1)


def make_batch(dataset: Any, batch_size: int, step: int, rank: int, world: int, seed: int,
               backgrounds: str = "random", matte_share: float = 0.0, mirror_share: float = 0.0) -> Batch:
    """The batch of ``step`` on ``rank``; ``matte_share``: the share of RGBA inputs given an
    imperfect matte over a random scene (:func:`facelift.data.matting.matted_inputs`);
    ``mirror_share``: the share of subjects replaced by their mirror image (:func:`mirrored`:
    every view flipped, left and right views swapped; the input is the front view, flipped)."""
    idx = batch_indices(len(dataset), batch_size, step, rank, world, seed)
    items = [dataset[i] for i in idx]
    cond = torch.stack([it["input"] for it in items]).float()
    views = torch.stack([it["views"] for it in items]).float()
    if mirror_share > 0:
        flip = torch.rand(len(items), generator=step_generator(seed, step, rank, "mirror")) < mirror_share
        if bool(flip.any()):
            views = torch.where(flip.view(-1, 1, 1, 1, 1), mirrored(views, mirror_order()), views)
            cond = torch.where(flip.view(-1, 1, 1, 1), cond.flip(-1), cond)
    if backgrounds == "random":
        g = step_generator(seed, step, rank, "background")
        choice = torch.randint(len(BACKGROUNDS), (len(items),), generator=g)
        bg = torch.tensor(BACKGROUNDS)[choice]
    else:
        bg = torch.ones(len(items), 3)
    if matte_share > 0:
        cond_rgb = matted_inputs(cond, bg, matte_share, step_generator(seed, step, rank, "matte"))
    else:
        cond_rgb = composite(cond, bg)
    return Batch(cond=cond_rgb, views=composite(views, bg))


# ------------------------------------------------------------------------------ model
class MVDiffTrainable(nn.Module):
    """The trained parts of a pipeline, as one module (for DDP, the optimizer, checkpoints).

    Holds the pipeline's own ``unet`` (and, when trained, ``image_encoder`` /
    ``view_embeddings``) so updates show in the pipeline; the frozen components are reached
    through the pipeline, outside this module's parameters.
    """

    def __init__(self, pipe: FaceLiftMultiViewPipeline, train_image_encoder: bool, train_view_embeddings: bool):
        super().__init__()
        self.unet = pipe.unet
        if train_image_encoder:
            self.image_encoder = pipe.image_encoder
        if train_view_embeddings:
            self.view_embeddings = pipe.view_embeddings
        object.__setattr__(self, "_pipe", pipe)  # not a sub-module: frozen parts stay out of the state

    def forward(self, cond: Tensor, cond_latents: Tensor, noisy: Tensor, timesteps: Tensor,
                drop_clip: Tensor, drop_latents: Tensor, generator: torch.Generator | None = None) -> Tensor:
        """Model output (B·V, 4, h, w) for noisy latents (B·V, 4, h, w) at per-sample timesteps (B,).

        ``drop_clip`` / ``drop_latents``: (B,) bools giving a sample the unconditional class
        label (the pipeline's ``uncond_label``) / zeroed input latents (classifier-free
        guidance dropout).
        """
        pipe = self._pipe
        V = pipe.num_views
        labels = pipe.class_labels(pipe.encode_clip(cond).float(), drop_clip, 0, generator)
        cond_latents = cond_latents * (~drop_latents).to(cond_latents.dtype)[:, None, None, None]
        return pipe.unet_forward(noisy, timesteps.repeat_interleave(V), cond_latents, labels)


class EMAPair(nn.Module):
    """Raw and EMA weights side by side: one checkpoint file holds ``model.*`` and ``ema.*``."""

    def __init__(self, model: nn.Module, ema: nn.Module):
        super().__init__()
        self.model = model
        self.ema = ema


def make_ema(model: MVDiffTrainable) -> nn.Module:
    ema = nn.Module()
    for name, child in model.named_children():
        ema.add_module(name, copy.deepcopy(child))
    ema.requires_grad_(False)
    return ema


@torch.no_grad()
def update_ema(ema: nn.Module, model: nn.Module, decay: float) -> None:
    for e, p in zip(ema.parameters(), model.parameters()):
        e.lerp_(p.detach().to(e.dtype), 1.0 - decay)


def ema_decay_at(step: int, decay: float) -> float:
    """Warm-up of the EMA decay, (1+s)/(10+s) capped at ``decay``, so early EMA follows the model."""
    return min(decay, (1.0 + step) / (10.0 + step))


def min_snr_weights(scheduler: Any, timesteps: Tensor, gamma: float, prediction_type: str) -> Tensor:
    """Min-SNR-γ loss weights (Hang et al. 2023) for an MSE on the given prediction type.

    epsilon: min(SNR, γ)/SNR; v: min(SNR, γ)/(SNR+1); x0 ("sample"): min(SNR, γ).
    """
    snr = compute_snr(scheduler, timesteps.cpu()).to(timesteps.device).float()
    clipped = torch.clamp(snr, max=gamma)
    if prediction_type == "epsilon":
        return clipped / snr
    if prediction_type == "v_prediction":
        return clipped / (snr + 1.0)
    if prediction_type == "sample":
        return clipped
    raise FaceliftError(f"unknown prediction type {prediction_type!r}")


def diffusion_loss(model: nn.Module, pipe: FaceLiftMultiViewPipeline, batch: Batch, cfg: MVDiffConfig,
                   generator: torch.Generator, device: torch.device) -> tuple[Tensor, dict[str, float]]:
    """The weighted denoising loss of one batch (plus logging scalars)."""
    t_cfg = cfg.train
    B, V = batch.views.shape[:2]
    views = batch.views.to(device).flatten(0, 1)
    cond = batch.cond.to(device)
    with torch.no_grad():
        latents = pipe.encode_latents(views, sample=True, generator=generator).float()
        cond_latents = pipe.encode_latents(cond).float()
    sched = pipe.scheduler
    T = sched.config.num_train_timesteps
    t = torch.randint(0, T, (B,), generator=generator).to(device)
    noise = torch.randn(latents.shape, generator=generator).to(device)
    t_views = t.repeat_interleave(V)  # one timestep for the 6 views of a head
    noisy = sched.add_noise(latents, noise, t_views)
    r = torch.rand(B, generator=generator).to(device)
    p1, p2, p3 = t_cfg.drop_clip, t_cfg.drop_both, t_cfg.drop_latents
    drop_clip = r < p1 + p2
    drop_latents = (r >= p1) & (r < p1 + p2 + p3)
    pred = model(cond, cond_latents, noisy, t, drop_clip, drop_latents, generator).float()
    kind = sched.config.prediction_type
    if kind == "epsilon":
        target = noise
    elif kind == "v_prediction":
        target = sched.get_velocity(latents, noise, t_views)
    else:
        target = latents
    per_view = F.mse_loss(pred, target, reduction="none").mean(dim=(1, 2, 3))
    weights = min_snr_weights(sched, t_views, t_cfg.snr_gamma, kind) if t_cfg.snr_gamma > 0 else torch.ones_like(per_view)
    loss = (weights * per_view).mean()
    return loss, {"loss": float(loss.detach()), "mse": float(per_view.detach().mean())}


# ------------------------------------------------------------------------------ config
def resolve_config(preset: str | None, overrides: Sequence[str], run_dir: Path, resume: bool) -> MVDiffConfig:
    """Preset + overrides; on resume the run's saved config (overrides still apply on top)."""
    saved = Path(run_dir) / "config.json"
    if resume and saved.is_file():
        cfg = load_config(MVDiffConfig, saved)
    else:
        cfg = MVDIFF_PRESETS.get_preset(preset or "tiny")
    return apply_overrides(cfg, list(overrides))


@dataclass
class TrainResult:
    run_dir: Path
    step: int
    pipeline: FaceLiftMultiViewPipeline


# ------------------------------------------------------------------------------ VAE stage
def train_vae(cfg: MVDiffConfig, dataset: Any, run_dir: str | Path, resume: bool = True, cpu: bool = False,
              max_steps_this_run: int | None = None) -> Path:
    """Train the tiny preset's VAE on all view images; writes ``RUN/vae`` when finished."""
    run_dir = Path(run_dir)
    t_cfg = cfg.train
    accelerator = make_accelerator(t_cfg.mixed_precision, cpu=cpu)
    rank, world, is_main = accelerator.process_index, accelerator.num_processes, accelerator.is_main_process
    seed_everything(t_cfg.seed)
    pipe = build_pipeline(cfg.model, seed=t_cfg.seed)
    vae = _VAERecon(pipe.vae.train())
    optim_cfg = OptimConfig(lr=t_cfg.vae_lr, beta1=0.9, beta2=0.999, weight_decay=0.0, warmup_steps=50,
                            min_lr_ratio=0.1, grad_clip=t_cfg.max_grad_norm)
    optimizer = build_optimizer(vae, optim_cfg)
    scheduler = build_scheduler(optimizer, optim_cfg, t_cfg.vae_max_steps)
    ckpts = CheckpointManager(run_dir / "vae_checkpoints", keep_last=t_cfg.keep_checkpoints)
    step = 0
    if resume and ckpts.latest() is not None:
        step = ckpts.load(None, vae.vae, optimizer, scheduler).step
    vae, optimizer = accelerator.prepare(vae, optimizer)
    logger = RunLogger(run_dir / "vae_logs", enabled=is_main, resume_step=step if resume else None)
    end = t_cfg.vae_max_steps if max_steps_this_run is None else min(t_cfg.vae_max_steps, step + max_steps_this_run)
    bar = progress(t_cfg.vae_max_steps, initial=step, enabled=is_main, desc="train mvdiff vae")
    device = accelerator.device
    window: list[tuple[float, float, float, float]] = []
    try:
        while step < end:
            batch = make_batch(dataset, t_cfg.batch_size, step, rank, world, t_cfg.seed, t_cfg.backgrounds)
            g = step_generator(t_cfg.seed, step, rank, "vae")
            x = batch.views.flatten(0, 1)
            pick = torch.randperm(x.shape[0], generator=g)[: t_cfg.vae_batch_images]
            x = x[pick].to(device) * 2.0 - 1.0
            with accelerator.autocast():
                rec, kl = vae(x, g)
            l1 = (rec.float() - x).abs().mean()
            mse = F.mse_loss(rec.float(), x)
            kl = kl.float().mean()
            loss = l1 + mse + t_cfg.vae_kl_weight * kl
            optimizer_update(accelerator, vae, loss, optimizer, scheduler, t_cfg.max_grad_norm)
            step += 1
            bar.update(1)
            window.append((float(loss.detach()), float(l1.detach()), float(mse.detach()), float(kl.detach())))
            if step % t_cfg.log_every == 0 or step == end:
                # Means over the logging window: single batches swing with their background colour.
                lw, l1w, msew, klw = (sum(c) / len(window) for c in zip(*window))
                window.clear()
                psnr = -10.0 * math.log10(max(msew / 4.0, 1e-10))  # images in [-1, 1]
                logger.log(step, {"vae_loss": lw, "vae_l1": l1w, "vae_psnr": psnr, "vae_kl": klw})
                bar.set_postfix(loss=f"{lw:.4f}", psnr=f"{psnr:.2f}")
            if step % t_cfg.checkpoint_every == 0 or step == end:
                accelerator.wait_for_everyone()
                ckpts.save(step, accelerator.unwrap_model(vae).vae, optimizer, scheduler, config=cfg, is_main=is_main)
        accelerator.wait_for_everyone()
        out = run_dir / "vae"
        if is_main and step >= t_cfg.vae_max_steps:
            final = accelerator.unwrap_model(vae).vae.eval()
            final.register_to_config(scaling_factor=latent_scaling_factor(final, dataset, device))
            save_vae(final, out)
            log.info("VAE finished: %s (scaling_factor %.4f)", out, final.config.scaling_factor)
    finally:
        bar.close()
        logger.close()
    return out


def check_lr_min_ratio(ratio: float) -> None:
    """``train.lr_min_ratio`` is a fraction of ``train.lr`` (one clear error before any model loads)."""
    if not 0.0 <= ratio <= 1.0:
        raise FaceliftError(f"train.lr_min_ratio must be within [0, 1], got {ratio}")


def check_mirror_share(share: float, num_views: int) -> None:
    """``train.mirror_share`` must be a share, and the views the fixed rig (one clear error
    before any model loads)."""
    if not 0.0 <= share <= 1.0:
        raise FaceliftError(f"train.mirror_share must be within [0, 1], got {share}")
    if share > 0 and num_views != len(VIEW_AZIMUTHS):
        raise FaceliftError(f"train.mirror_share needs the {len(VIEW_AZIMUTHS)} fixed views, the model has {num_views}")


def check_matte_share(share: float, dataset: Any) -> None:
    """``train.matte_share`` must be a share, and needs inputs with alpha to cut out (one
    clear error before any model loads)."""
    if not 0.0 <= share <= 1.0:
        raise FaceliftError(f"train.matte_share must be within [0, 1], got {share}")
    if share > 0 and len(dataset) and dataset[0]["input"].shape[0] != 4:
        raise FaceliftError("train.matte_share needs RGBA inputs (a dataset in the project's layout); "
                            "these are already composited RGB")


def save_vae(vae: nn.Module, out: Path) -> None:
    """``out/``: the VAE as a diffusers folder, written whole or not at all (a run finding
    ``out/config.json`` takes it as finished)."""
    with atomic_dir(out) as tmp:
        vae.save_pretrained(tmp, safe_serialization=True)


class _VAERecon(nn.Module):
    """VAE round trip as one forward (so DDP sees it): reconstruction and KL per image."""

    def __init__(self, vae: nn.Module):
        super().__init__()
        self.vae = vae

    def forward(self, x: Tensor, generator: torch.Generator) -> tuple[Tensor, Tensor]:
        dist = self.vae.encode(x).latent_dist
        z = dist.mean + dist.std * torch.randn(dist.mean.shape, generator=generator).to(x.device)
        return self.vae.decode(z).sample, dist.kl()


@torch.no_grad()
def latent_scaling_factor(vae: nn.Module, dataset: Any, device: torch.device, samples: int = 32) -> float:
    """1 / std of the VAE latents over a few dataset images (SD's 0.18215 was found the same way)."""
    zs = []
    for k in range(min(samples, len(dataset))):
        views = composite(dataset[k]["views"][None].float(), torch.ones(1, 3))[0]
        zs.append(vae.encode(views.to(device) * 2.0 - 1.0).latent_dist.mode().float().cpu())
    return float(1.0 / torch.cat(zs).std().clamp_min(1e-6))


# ------------------------------------------------------------------------------ UNet stage
def train_mvdiff(cfg: MVDiffConfig, dataset: Any, run_dir: str | Path, val_dataset: Any = None,
                 resume: bool = True, cpu: bool = False, max_steps_this_run: int | None = None,
                 vae_path: str | Path | None = None, init: str | Path | None = None) -> TrainResult:
    """Train (or resume) the Stage I diffusion model. See the module docstring.

    ``vae_path``: a trained VAE folder for the tiny preset (default ``RUN/vae``; required
    when the preset builds its components, since the UNet trains in that VAE's latent space).
    ``init``: start from a trained pipeline instead (``tiny``, a pipeline folder, or a run's
    ``pipeline/``): its UNet, image encoder, view embeddings and VAE, which must have this
    config's shapes. A run that has checkpoints resumes from them instead.
    """
    run_dir = Path(run_dir)
    t_cfg = cfg.train
    check_matte_share(t_cfg.matte_share, dataset)
    check_lr_min_ratio(t_cfg.lr_min_ratio)
    check_mirror_share(t_cfg.mirror_share, cfg.model.num_views)
    accelerator = make_accelerator(t_cfg.mixed_precision, cpu=cpu)
    rank, world, is_main = accelerator.process_index, accelerator.num_processes, accelerator.is_main_process
    seed_everything(t_cfg.seed)
    source = None
    if init is not None:
        source = FaceLiftMultiViewPipeline.from_pretrained(init)
        if cfg.model.uncond_label is None:
            # Guidance dropout keeps the label the source learned; it lands in RUN/config.json,
            # so a resumed run keeps it too.
            cfg = replace(cfg, model=replace(cfg.model, uncond_label=source.config.uncond_label))
        elif cfg.model.uncond_label != source.config.uncond_label:
            log.warning("--init %s was trained with uncond_label %r; this run switches it to %r",
                        init, source.config.uncond_label, cfg.model.uncond_label)
    pipe = build_pipeline(cfg.model, seed=t_cfg.seed)
    pipe.set_progress_bar_config(disable=True)
    ckpts = CheckpointManager(run_dir / "checkpoints", keep_last=t_cfg.keep_checkpoints)
    if source is not None:
        # The VAE comes along: the UNet was trained in its latent space. It is kept as RUN/vae,
        # so that the run also resumes without --init.
        init_from_pipeline(pipe, source, what=str(init))
        if is_main and not (run_dir / "vae" / "config.json").is_file():
            save_vae(pipe.vae, run_dir / "vae")
    elif cfg.model.base is None:
        from diffusers import AutoencoderKL

        vae_path = Path(vae_path) if vae_path is not None else run_dir / "vae"
        if not (vae_path / "config.json").is_file():
            raise FaceliftError(f"{vae_path}: no trained VAE; run 'facelift train mvdiff --stage vae' first")
        pipe.vae = AutoencoderKL.from_pretrained(vae_path, use_safetensors=True).eval()
    pipe.vae.requires_grad_(False)
    pipe.image_encoder.requires_grad_(t_cfg.train_image_encoder)
    pipe.view_embeddings.requires_grad_(t_cfg.train_view_embeddings)
    if t_cfg.gradient_checkpointing:
        pipe.unet.enable_gradient_checkpointing()
    device = accelerator.device
    pipe.to(device)

    model = MVDiffTrainable(pipe, t_cfg.train_image_encoder, t_cfg.train_view_embeddings)
    ema = make_ema(model)
    pair = EMAPair(model, ema)
    optim_cfg = OptimConfig(lr=t_cfg.lr, beta1=t_cfg.adam_beta1, beta2=t_cfg.adam_beta2,
                            weight_decay=t_cfg.weight_decay, warmup_steps=t_cfg.lr_warmup_steps,
                            min_lr_ratio=t_cfg.lr_min_ratio, grad_clip=t_cfg.max_grad_norm)
    optimizer = build_optimizer(model, optim_cfg)
    scheduler = build_scheduler(optimizer, optim_cfg, t_cfg.max_steps)
    step = 0
    if resume and ckpts.latest() is not None:
        step = ckpts.load(None, pair, optimizer, scheduler).step
    if is_main:
        run_dir.mkdir(parents=True, exist_ok=True)
        save_config(cfg, run_dir / "config.json")
    # The LR scheduler is stepped by hand once per update (Accelerate would step it per process).
    model, optimizer = accelerator.prepare(model, optimizer)
    logger = RunLogger(run_dir, enabled=is_main, resume_step=step if resume else None)
    n_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    log.info("training %.2f M parameters on %d samples, from step %d", n_params / 1e6, len(dataset), step)

    end = t_cfg.max_steps if max_steps_this_run is None else min(t_cfg.max_steps, step + max_steps_this_run)
    accum = max(1, t_cfg.gradient_accumulation_steps)
    bar = progress(t_cfg.max_steps, initial=step, enabled=is_main, desc="train mvdiff")
    t_last, since = time.perf_counter(), 0
    window: list[tuple[float, float]] = []
    try:
        while step < end:
            model.train()
            optimizer.zero_grad(set_to_none=True)
            scalars: dict[str, float] = {}
            for micro in range(accum):
                g = step_generator(t_cfg.seed, step * accum + micro, rank)
                batch = make_batch(dataset, t_cfg.batch_size, step * accum + micro, rank, world, t_cfg.seed,
                                   t_cfg.backgrounds, t_cfg.matte_share, t_cfg.mirror_share)
                sync = micro == accum - 1
                ctx = accelerator.no_sync(model) if (not sync and world > 1) else _null()
                with ctx:
                    with accelerator.autocast():
                        loss, terms = diffusion_loss(model, pipe, batch, cfg, g, device)
                    accelerator.backward(loss / accum)
                for k, v in terms.items():
                    scalars[k] = scalars.get(k, 0.0) + v / accum
            grad_norm = float(accelerator.clip_grad_norm_(model.parameters(), t_cfg.max_grad_norm)) \
                if t_cfg.max_grad_norm > 0 else float("nan")
            lr = optimizer.param_groups[0]["lr"]
            optimizer.step()
            scheduler.step()
            if step >= t_cfg.ema_start_step:
                update_ema(ema, accelerator.unwrap_model(model), ema_decay_at(step, t_cfg.ema_decay))
            step += 1
            since += 1
            bar.update(1)
            window.append((scalars["loss"], scalars["mse"]))
            if step % t_cfg.log_every == 0 or step == end:
                now = time.perf_counter()
                # Means over the logging window (and over processes).
                lw, msew = (sum(c) / len(window) for c in zip(*window))
                window.clear()
                loss_all = float(accelerator.reduce(torch.tensor(lw, device=device), reduction="mean"))
                logger.log(step, {"loss": loss_all, "mse": msew, "lr": lr, "grad_norm": grad_norm,
                                  "steps_per_s": since / max(now - t_last, 1e-9)})
                t_last, since = now, 0
                bar.set_postfix(loss=f"{loss_all:.4f}")
            if is_main and t_cfg.validate_every > 0 and (step % t_cfg.validate_every == 0 or step == end):
                validate(pipe, accelerator.unwrap_model(model), ema, val_dataset or dataset, cfg, step, logger)
            if step % t_cfg.checkpoint_every == 0 or step == end:
                accelerator.wait_for_everyone()
                ckpts.save(step, EMAPair(accelerator.unwrap_model(model), ema), optimizer, scheduler,
                           config=cfg, is_main=is_main)
                if is_main and t_cfg.validate_every > 0 and step % t_cfg.validate_every == 0 and step < t_cfg.max_steps:
                    # A usable snapshot while a long run goes on (the final one is written below).
                    export_pipeline(pipe, accelerator.unwrap_model(model), ema, run_dir / "pipeline_latest")
        accelerator.wait_for_everyone()
        if is_main and step >= t_cfg.max_steps:
            export_pipeline(pipe, accelerator.unwrap_model(model), ema, run_dir / "pipeline")
    finally:
        bar.close()
        logger.close()
    accelerator.end_training()
    return TrainResult(run_dir=run_dir, step=step, pipeline=pipe)


class _null:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


class swapped_weights:
    """Context: ``model``'s parameters temporarily replaced by ``ema``'s (same structure)."""

    def __init__(self, model: nn.Module, ema: nn.Module):
        self.model, self.ema = model, ema

    def __enter__(self):
        self.saved = [p.detach().clone() for p in self.model.parameters()]
        with torch.no_grad():
            for p, e in zip(self.model.parameters(), self.ema.parameters()):
                p.copy_(e)

    def __exit__(self, *exc):
        with torch.no_grad():
            for p, s in zip(self.model.parameters(), self.saved):
                p.copy_(s)
        return False


@torch.no_grad()
def validate(pipe: FaceLiftMultiViewPipeline, model: nn.Module, ema: nn.Module, dataset: Any, cfg: MVDiffConfig,
             step: int, logger: RunLogger, samples: int = 2) -> Tensor:
    """Sample the 6 views (EMA weights, white background) for the first dataset items; log a grid.

    Grid rows per sample: input + generated views, then input + target views. Returns it (H, W, 3).
    """
    was_training = model.training
    model.eval()
    rows = []
    n = min(samples, len(dataset))
    items = [dataset[k] for k in range(n)]
    white = torch.ones(n, 3)
    cond = composite(torch.stack([it["input"] for it in items]).float(), white)
    views = composite(torch.stack([it["views"] for it in items]).float(), white)
    with swapped_weights(model, ema):
        gen = pipe(cond, num_inference_steps=cfg.train.validation_steps, guidance_scale=cfg.sample.guidance_scale,
                   eta=cfg.sample.eta, generator=torch.Generator().manual_seed(0), output_type="pt").images
    mse = F.mse_loss(gen[:, 1:], views[:, 1:]).item()
    for k in range(n):
        rows.append(torch.cat([cond[k], *gen[k]], dim=2))
        rows.append(torch.cat([cond[k], *views[k]], dim=2))
    grid = torch.cat(rows, dim=1).permute(1, 2, 0)
    logger.log(step, {"val_mse_novel": mse, "val_psnr_novel": -10.0 * math.log10(max(mse, 1e-10))})
    logger.log_image(step, "val", grid)
    model.train(was_training)
    return grid


def export_pipeline(pipe: FaceLiftMultiViewPipeline, model: nn.Module, ema: nn.Module, out: str | Path) -> Path:
    """Save the pipeline with the EMA weights (the raw ones are in the checkpoints)."""
    with swapped_weights(model, ema):
        pipe.save_pretrained(out)
    log.info("pipeline saved: %s", out)
    return Path(out)


def init_from_pipeline(pipe: FaceLiftMultiViewPipeline, source: FaceLiftMultiViewPipeline, what: str) -> None:
    """Load a trained pipeline's UNet, image encoder, view embeddings and VAE into ``pipe``
    (built from a config of the same shapes; a mismatch is one clear error naming ``what``).

    The one difference allowed is growth: ``pipe``'s UNet may have more transformer blocks per
    attention layer than the source's (``unet_transformer_layers_per_block``). Those blocks
    start as identity maps (:func:`identity_new_transformer_blocks`), so the grown UNet
    predicts exactly what the source did and training goes on from there.
    """
    for name in ("image_encoder", "view_embeddings"):
        load_into(getattr(pipe, name), getattr(source, name).state_dict(), strict=True, what=f"--init {what} ({name})")
    source_state, own = source.unet.state_dict(), pipe.unet.state_dict()
    grown = identity_new_transformer_blocks(pipe.unet, set(own) - set(source_state))
    # The grown blocks keep their own (now identity) weights: ``own`` holds the live tensors.
    # Everything else must match exactly.
    kept = {k: own[k] for block in grown for k in _param_names(pipe.unet, block)}
    load_into(pipe.unet, {**source_state, **kept}, strict=True, what=f"--init {what} (unet)")
    if grown:
        log.info("--init %s: %d transformer blocks are new; they start as identity maps (zero output "
                 "projections)", what, len(grown))
    pipe.vae = source.vae.eval()  # whole: its config carries the latent scaling factor the UNet learned with
    log.info("--init %s: UNet, image encoder, view embeddings and VAE loaded", what)


def _param_names(model: nn.Module, prefix: str) -> list[str]:
    return [f"{prefix}.{k}" for k in model.get_submodule(prefix).state_dict()]


def identity_new_transformer_blocks(unet: nn.Module, new_keys: Collection[str]) -> list[str]:
    """Zero the output projections of the UNet's transformer blocks whose state keys are all in
    ``new_keys`` (a UNet grown to more blocks per attention layer); returns their names.

    A diffusers ``BasicTransformerBlock`` adds each of its self-attention, cross-attention and
    feed-forward outputs to its input, so with those three output projections at zero it is
    the identity; the zero projections still get gradients, so the blocks learn from there.
    """
    gone = set(new_keys)
    grown = []
    for name, module in unet.named_modules():
        if type(module).__name__ != "BasicTransformerBlock":
            continue
        names = _param_names(unet, name)
        if not names or not all(n in gone for n in names):
            continue
        with torch.no_grad():
            attns = [a for a in (module.attn1, module.attn2) if a is not None]
            for out in [a.to_out[0] for a in attns] + [module.ff.net[-1]]:
                out.weight.zero_()
                if out.bias is not None:
                    out.bias.zero_()
        grown.append(name)
    return grown


def load_checkpoint_into_pipeline(pipe: FaceLiftMultiViewPipeline, checkpoint: str | Path, cfg: MVDiffConfig,
                                  use_ema: bool = True) -> FaceLiftMultiViewPipeline:
    """Put a training checkpoint's (EMA) weights into ``pipe`` (built from the same config)."""
    t_cfg = cfg.train
    model = MVDiffTrainable(pipe, t_cfg.train_image_encoder, t_cfg.train_view_embeddings)
    state = load_weights(checkpoint)
    prefix = "ema." if use_ema else "model."
    load_into(model, {k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)}, strict=True,
              what=str(checkpoint))
    return pipe


def load_dataset(root: str | Path | Sequence[str | Path], size: int, split: str | Sequence[str] = "train") -> Any:
    """The Stage I dataset at ``root``, or several read as one (project layout, see :class:`StageIViews`)."""
    if isinstance(root, (str, Path)):
        return StageIViews(root, size, split)
    parts = [StageIViews(r, size, split) for r in root]
    return parts[0] if len(parts) == 1 else torch.utils.data.ConcatDataset(parts)
