"""Stage I decoder fine-tuning (``facelift train mvdiff --stage decoder --init PIPELINE``).

The small VAE caps what Stage I can score: even the *true* views, encoded and decoded again,
lose detail and silhouette (``weights/tiny/mvdiff/TRAINING.md``). Training the decoder on with
the encoder frozen keeps the latent space, so the pipeline's UNet stays valid unchanged, and
only the last step (latents → pixels) improves.

Each step decodes ``decoder_batch_images`` views on white (the background Stage I generates
on at inference) from one of two kinds of latents, and is scored with L1 + MSE against the
true view:

* the encoder's latent of the true view, jittered by Gaussian noise of up to
  ``decoder_jitter`` of the latents' standard deviation (generated latents are never exact);
* with probability ``decoder_unet_share`` per image, the pipeline's own UNet's x0 estimate
  from that latent noised to a random timestep below ``decoder_unet_max_t``: a one-step
  stand-in for the latents the sampler hands to the decoder, so the decoder learns to read them.

Run folder: ``config.json``, ``decoder_checkpoints/`` (resumable exactly: every draw of step
``s`` is seeded by (seed, s, rank)), ``decoder_logs/``, and ``pipeline/``: the source pipeline
with the new VAE (written whole at the end).
"""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from facelift.config import save_config
from facelift.defaults import OptimConfig
from facelift.errors import FaceliftError
from facelift.mvdiff.config import MVDiffConfig
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
from facelift.train.mvdiff import make_batch, step_generator

log = logging.getLogger(__name__)


class _Decoder(nn.Module):
    """The VAE's trained half as one module (for DDP and the optimizer): unscaled latents
    (N, C, h, w) → images (N, 3, H, W) in [-1, 1]. The encoder rides along frozen."""

    def __init__(self, vae: nn.Module):
        super().__init__()
        self.vae = vae
        vae.encoder.requires_grad_(False)
        if getattr(vae, "quant_conv", None) is not None:
            vae.quant_conv.requires_grad_(False)

    def forward(self, z: Tensor) -> Tensor:
        return self.vae.decode(z).sample


def check_decoder_config(cfg: MVDiffConfig) -> None:
    """One clear error for settings the stage cannot use (before any model loads)."""
    t = cfg.train
    if not 0.0 <= t.decoder_unet_share <= 1.0:
        raise FaceliftError(f"train.decoder_unet_share must be within [0, 1], got {t.decoder_unet_share}")
    if t.decoder_jitter < 0:
        raise FaceliftError(f"train.decoder_jitter must be >= 0, got {t.decoder_jitter}")
    if t.decoder_batch_images < 1 or t.decoder_max_steps < 1:
        raise FaceliftError("train.decoder_batch_images and train.decoder_max_steps must be >= 1")
    if not 0 < t.decoder_unet_max_t <= 1000:
        raise FaceliftError(f"train.decoder_unet_max_t must be within (0, 1000], got {t.decoder_unet_max_t}")


def check_init_resolution(init: str | Path, image_size: int) -> None:
    """One clear error when the ``init`` pipeline works at another resolution than
    ``image_size`` (the data's), read from its UNet and VAE configs before anything loads."""
    from facelift.weights.locate import resolve_pretrained

    folder = resolve_pretrained(init)
    try:
        unet = json.loads((folder / "unet" / "config.json").read_text())
        vae = json.loads((folder / "vae" / "config.json").read_text())
        size = int(unet["sample_size"]) * 2 ** (len(vae["block_out_channels"]) - 1)
    except (OSError, ValueError, KeyError, TypeError):
        return  # not a plain diffusers layout: the check after loading still catches it
    if size != image_size:
        raise FaceliftError(f"--init {init} works at {size}², the data would be read at {image_size}² "
                            f"(set model.image_size={size})")


@torch.no_grad()
def unet_x0_latents(pipe: FaceLiftMultiViewPipeline, cond: Tensor, latents: Tensor, t: Tensor,
                    generator: torch.Generator) -> Tensor:
    """The UNet's x0 estimate of scaled ``latents`` (B·V, C, h, w) noised to per-head timesteps
    ``t`` (B,), conditioned on the input images ``cond`` (B, 3, H, W) (conditional branch only)."""
    V = pipe.num_views
    sched = pipe.scheduler
    t_views = t.repeat_interleave(V)
    noise = torch.randn(latents.shape, generator=generator).to(latents)
    noisy = sched.add_noise(latents, noise, t_views)
    labels = pipe.class_labels(pipe.encode_clip(cond).float(), None, 0, generator)
    pred = pipe.unet_forward(noisy, t_views, pipe.encode_latents(cond).float(), labels).float()
    kind = sched.config.prediction_type
    if kind == "sample":
        return pred
    alpha = sched.alphas_cumprod.to(latents)[t_views].view(-1, 1, 1, 1)
    if kind == "epsilon":
        return (noisy - (1 - alpha).sqrt() * pred) / alpha.sqrt()
    if kind == "v_prediction":
        return alpha.sqrt() * noisy - (1 - alpha).sqrt() * pred
    raise FaceliftError(f"unknown prediction type {kind!r}")


def decoder_latents(pipe: FaceLiftMultiViewPipeline, cfg: MVDiffConfig, cond: Tensor, views: Tensor,
                    pick: Tensor, generator: torch.Generator) -> Tensor:
    """Unscaled latents (N, C, h, w) to decode for the picked views ``pick`` (N,) of
    ``views`` (B, V, 3, H, W) on white: jittered true latents, a share of them replaced by
    the UNet's x0 estimates (module docstring)."""
    t_cfg = cfg.train
    B, V = views.shape[:2]
    with torch.no_grad():
        latents = pipe.encode_latents(views.flatten(0, 1)).float()  # scaled, (B·V, C, h, w)
        # Scaled latents have unit standard deviation (that is how scaling_factor was set).
        amount = t_cfg.decoder_jitter * torch.rand(latents.shape[0], 1, 1, 1, generator=generator)
        z = latents + (amount * torch.randn(latents.shape, generator=generator)).to(latents)
        if t_cfg.decoder_unet_share > 0:
            use = torch.rand(latents.shape[0], generator=generator) < t_cfg.decoder_unet_share
            if bool(use[pick].any()):
                t = torch.randint(0, t_cfg.decoder_unet_max_t, (B,), generator=generator).to(latents.device)
                x0 = unet_x0_latents(pipe, cond, latents, t, generator)
                z = torch.where(use.view(-1, 1, 1, 1).to(latents.device), x0, z)
    return z[pick.to(z.device)] / pipe.vae.config.scaling_factor


def train_decoder(cfg: MVDiffConfig, dataset: Any, run_dir: str | Path, init: str | Path, resume: bool = True,
                  cpu: bool = False, max_steps_this_run: int | None = None) -> Path:
    """Fine-tune the decoder of the pipeline ``init``; writes ``RUN/pipeline`` when finished."""
    check_decoder_config(cfg)
    check_init_resolution(init, cfg.model.image_size)
    run_dir = Path(run_dir)
    t_cfg = cfg.train
    accelerator = make_accelerator(t_cfg.mixed_precision, cpu=cpu)
    rank, world, is_main = accelerator.process_index, accelerator.num_processes, accelerator.is_main_process
    seed_everything(t_cfg.seed)
    pipe = FaceLiftMultiViewPipeline.from_pretrained(init)
    if len(dataset) and dataset[0]["views"].shape[-1] != pipe.image_size:
        raise FaceliftError(f"--init {init} works at {pipe.image_size}², the data was read at "
                            f"{dataset[0]['views'].shape[-1]}² (set model.image_size={pipe.image_size})")
    pipe.set_progress_bar_config(disable=True)
    pipe.unet.requires_grad_(False)
    pipe.image_encoder.requires_grad_(False)
    pipe.view_embeddings.requires_grad_(False)
    pipe.unet.eval()
    pipe.image_encoder.eval()
    device = accelerator.device
    pipe.to(device)
    decoder = _Decoder(pipe.vae.train())
    optim_cfg = OptimConfig(lr=t_cfg.decoder_lr, beta1=0.9, beta2=0.999, weight_decay=0.0,
                            warmup_steps=max(1, t_cfg.decoder_max_steps // 30), min_lr_ratio=0.0,
                            grad_clip=t_cfg.max_grad_norm)
    optimizer = build_optimizer(decoder, optim_cfg)
    scheduler = build_scheduler(optimizer, optim_cfg, t_cfg.decoder_max_steps)
    ckpts = CheckpointManager(run_dir / "decoder_checkpoints", keep_last=t_cfg.keep_checkpoints)
    step = 0
    if resume and ckpts.latest() is not None:
        step = ckpts.load(None, decoder.vae, optimizer, scheduler).step
    if is_main:
        save_config(cfg, run_dir / "config.json")
    decoder, optimizer = accelerator.prepare(decoder, optimizer)
    logger = RunLogger(run_dir / "decoder_logs", enabled=is_main, resume_step=step if resume else None)
    end = t_cfg.decoder_max_steps if max_steps_this_run is None else min(t_cfg.decoder_max_steps,
                                                                          step + max_steps_this_run)
    heads = math.ceil(t_cfg.decoder_batch_images / pipe.num_views)
    bar = progress(t_cfg.decoder_max_steps, initial=step, enabled=is_main, desc="train mvdiff decoder")
    window: list[tuple[float, float]] = []
    try:
        while step < end:
            batch = make_batch(dataset, heads, step, rank, world, t_cfg.seed, "white")
            g = step_generator(t_cfg.seed, step, rank, "decoder")
            views = batch.views.to(device)
            pick = torch.randperm(views.shape[0] * views.shape[1], generator=g)[: t_cfg.decoder_batch_images]
            z = decoder_latents(pipe, cfg, batch.cond.to(device), views, pick, g).to(device)
            target = views.flatten(0, 1)[pick] * 2.0 - 1.0
            with accelerator.autocast():
                rec = decoder(z)
            l1 = (rec.float() - target).abs().mean()
            mse = F.mse_loss(rec.float(), target)
            loss = l1 + mse
            optimizer_update(accelerator, decoder, loss, optimizer, scheduler, t_cfg.max_grad_norm)
            step += 1
            bar.update(1)
            window.append((float(loss.detach()), float(mse.detach())))
            if step % t_cfg.log_every == 0 or step == end:
                lw, msew = (sum(c) / len(window) for c in zip(*window))
                window.clear()
                psnr = -10.0 * math.log10(max(msew / 4.0, 1e-10))  # images in [-1, 1]
                logger.log(step, {"decoder_loss": lw, "decoder_psnr": psnr})
                bar.set_postfix(loss=f"{lw:.4f}", psnr=f"{psnr:.2f}")
            if step % t_cfg.checkpoint_every == 0 or step == end:
                accelerator.wait_for_everyone()
                ckpts.save(step, accelerator.unwrap_model(decoder).vae, optimizer, scheduler, config=cfg,
                           is_main=is_main)
        accelerator.wait_for_everyone()
        out = run_dir / "pipeline"
        if is_main and step >= t_cfg.decoder_max_steps:
            accelerator.unwrap_model(decoder).vae.eval()  # pipe.vae itself: the pipeline holds the new decoder
            pipe.save_pretrained(out)
            log.info("decoder finished: %s", out)
    finally:
        bar.close()
        logger.close()
    return out
