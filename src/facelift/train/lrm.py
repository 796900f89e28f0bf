"""Training the GS-LRM reconstructor (``facelift train lrm``), SPEC §2.3.

One step, per process: draw ``batch_size`` subjects and, for each, ``num_input_views`` input
and ``num_target_views`` supervision views (targets may repeat inputs, as the release trains);
reconstruct Gaussians from the inputs; render every supervision view with
:func:`facelift.render.rasterize` (one camera per call); loss = L2 + 0.5·perceptual (``paper``)
or L2 + 0.5·(1 − SSIM) + MSE of the alpha masks (``tiny``); AdamW, warm-up + cosine, grad-norm clip 1.0.

Engine: Hugging Face Accelerate, so ``python -m facelift train lrm ...`` on one CPU and
``accelerate launch [--multi_gpu | --num_processes 2 --cpu] -m facelift train lrm ...`` (or
torchrun) on many devices run the same code. Batches are drawn from a generator seeded with
``(seed, step, rank)``, so ``--resume`` continues exactly the curve of an uninterrupted run.

Run folder::

    RUN/config.json                 the full config (preset + overrides)
    RUN/checkpoints/step_N/         model.safetensors, training_state.pt, config.json (last N kept)
    RUN/logs/metrics.csv, logs/tb/  loss, PSNR, learning rate, grad norm, speed
    RUN/samples/val_N.png           input views | predicted | ground truth
    RUN/final/                      model.safetensors + config.json (GSLRM.from_pretrained)
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import torch
from torch import Tensor

from facelift.cameras import Camera
from facelift.config import apply_overrides, load_config, save_config
from facelift.data.loaders import SubjectFolders
from facelift.errors import FaceliftError
from facelift.lrm.config import LRM_PRESETS, LRMTrainConfig
from facelift.lrm.model import GAUSSIAN_PARAMS, IN_CHANNELS, GSLRM, LRMOutput
from facelift.train.harness import (
    CheckpointManager,
    RunLogger,
    build_optimizer,
    build_scheduler,
    make_accelerator,
    progress,
    seed_everything,
)
from facelift.train.losses import ImageLoss, masked_ssim, psnr, ssim
from facelift.views import Views
from facelift.weights.locate import resolve_lrm_path
from facelift.weights.store import load_into, load_weights

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------- data


def _step_generator(seed: int, step: int, rank: int) -> torch.Generator:
    digest = hashlib.sha256(f"{seed}:{step}:{rank}".encode()).digest()
    return torch.Generator().manual_seed(int.from_bytes(digest[:8], "little"))


def sample_views(n_views: int, n_in: int, n_target: int, target_has_input: bool,
                 gen: torch.Generator, num_fixed: int = 0, input_views: str = "any") -> tuple[Tensor, Tensor]:
    """Indices of input and supervision views (no repeats inside each group).

    ``input_views``: ``"any"`` draws inputs from every view; ``"fixed"`` from the first
    ``num_fixed`` (the Stage I rig, what the reconstructor sees at inference, in rig order);
    ``"random"`` from the others. Supervision views come from every view, or from the views
    that are not inputs when ``target_has_input`` is false.
    """
    if input_views == "fixed":
        pool = torch.arange(num_fixed)
    elif input_views == "random":
        pool = torch.arange(num_fixed, n_views)
    elif input_views == "any":
        pool = torch.arange(n_views)
    else:
        raise FaceliftError(f"input_views must be any, fixed or random, got {input_views!r}")
    if len(pool) < n_in:
        raise FaceliftError(f"a subject has {len(pool)} {input_views} views but training needs {n_in} input views")
    inputs = pool[torch.randperm(len(pool), generator=gen)[:n_in]]
    if input_views == "fixed":
        inputs = inputs.sort().values
    rest = torch.arange(n_views) if target_has_input else \
        torch.tensor([i for i in range(n_views) if i not in set(inputs.tolist())], dtype=torch.long)
    if len(rest) < n_target:
        raise FaceliftError(f"a subject has {n_views} views but training needs {n_in + n_target} "
                            f"({n_in} input + {n_target} supervision, target_has_input={target_has_input})")
    targets = rest[torch.randperm(len(rest), generator=gen)[:n_target]]
    return inputs, targets


def step_inputs(cfg: LRMTrainConfig, gen: torch.Generator) -> tuple[int | None, str]:
    """This step's number of input views and the pool they come from (``sample_views``'s
    ``input_views``): ``(None, "fixed")``, the whole rig, for a share ``fixed_input_share`` of
    steps; else ``cfg.input_views`` with a count drawn in [min_input_views, num_input_views]
    (num_input_views when min_input_views is 0)."""
    if cfg.fixed_input_share > 0 and float(torch.rand((), generator=gen)) < cfg.fixed_input_share:
        return None, "fixed"
    if cfg.min_input_views > 0:
        return int(torch.randint(cfg.min_input_views, cfg.num_input_views + 1, (), generator=gen)), cfg.input_views
    return cfg.num_input_views, cfg.input_views


@dataclass
class Batch:
    """B training samples: inputs (B, Vi, ...), targets (B, Vt, ...)."""

    inputs: Tensor
    input_cameras: Camera
    targets: Tensor
    target_alphas: Tensor
    target_cameras: Camera


def make_batch(data: SubjectFolders, cfg: LRMTrainConfig, step: int, rank: int, world: int) -> Batch:
    gen = _step_generator(cfg.seed, step, rank)
    n_in, source = step_inputs(cfg, gen)
    ins, in_cams, tgs, tg_alpha, tg_cams = [], [], [], [], []
    for _ in range(cfg.batch_size):
        subject = int(torch.randint(len(data), (1,), generator=gen))
        views = data.views(subject)
        n_fixed = data.num_fixed(subject)
        i_idx, t_idx = sample_views(len(views), n_fixed if n_in is None else n_in, cfg.num_target_views,
                                    cfg.target_has_input, gen, n_fixed, source)
        vi, vt = views.select(i_idx), views.select(t_idx)
        ins.append(vi.images)
        in_cams.append(vi.cameras)
        tgs.append(vt.images)
        tg_alpha.append(vt.alphas)
        tg_cams.append(vt.cameras)
    return Batch(torch.stack(ins), Camera.stack(in_cams), torch.stack(tgs), torch.stack(tg_alpha),
                 Camera.stack(tg_cams))


# --------------------------------------------------------------------------- rendering


def render_views(model_out, cameras: Camera, background: Sequence[float]) -> tuple[Tensor, Tensor]:
    """Render each reconstruction of ``model_out`` from its cameras (B, V).

    Returns (B, V, 3, H, W) RGB and (B, V, 1, H, W) alpha, differentiable.
    """
    from facelift.render import rasterize

    B, V = cameras.batch_shape
    rgbs, alphas = [], []
    for b in range(B):
        g = model_out.gaussians(b)
        for v in range(V):
            out = rasterize(g, cameras[b, v], background=background)
            rgbs.append(out.rgb.permute(2, 0, 1))
            alphas.append(out.alpha[None])
    H, W = cameras.height, cameras.width
    return torch.stack(rgbs).view(B, V, 3, H, W), torch.stack(alphas).view(B, V, 1, H, W)


CLAMP_WARN_FRACTION = 0.05


def clamped_fraction(out: LRMOutput, min_opacity: float = 0.1) -> Tensor:
    """Share of the visible pixel Gaussians (opacity > ``min_opacity``) whose training-mode centre
    sits on the ``clip_xyz`` box's surface: subject parts the clamp holds inside [−1, 1]³, with
    no depth gradient. A few percent means the data reach out of the box and ``clip_xyz``
    should be off. A 0-d tensor on the model's device (no host sync on the training path)."""
    nf = out.num_free
    on_box = (out.means[:, nf:].detach().abs() >= 1.0 - 1e-6).any(-1)  # (B, N_pix)
    visible = out.opacities[:, nf:].detach() > min_opacity
    return (on_box & visible).sum() / visible.sum().clamp_min(1)


def view_grid(inputs: Tensor, pred: Tensor, target: Tensor) -> Tensor:
    """(H·3, W·max(Vi, Vt), 3) image: input views | predicted | ground truth rows."""
    cols = max(inputs.shape[0], pred.shape[0])

    def row(x: Tensor) -> Tensor:
        pad = torch.ones(cols - x.shape[0], *x.shape[1:])
        x = torch.cat([x.detach().float().cpu(), pad])
        return torch.cat(list(x), dim=2)  # (3, H, W·cols)

    return torch.cat([row(inputs), row(pred), row(target)], dim=1).permute(1, 2, 0).clamp(0, 1)


# ----------------------------------------------------------------------------- metrics


@dataclass
class ReconstructionMetrics:
    """Means over views. ``*_masked`` use the union of the ground-truth and rendered alpha > 0.5
    (so neither the white background nor missing / extra geometry is hidden)."""

    psnr: float
    ssim: float
    psnr_masked: float
    ssim_masked: float
    views: int


@torch.no_grad()
def evaluate_views(model: GSLRM, inputs: Views, targets: Views, background=(1.0, 1.0, 1.0)
                   ) -> tuple[ReconstructionMetrics, Tensor]:
    """Reconstruct from ``inputs``, render ``targets``; returns metrics and the renders (V,3,H,W)."""
    from facelift.render import rasterize

    g = model.reconstruct(inputs.images, inputs.cameras)
    preds, masks = [], []
    for v in range(len(targets)):
        out = rasterize(g, targets.cameras[v], background=background)
        preds.append(out.rgb.permute(2, 0, 1))
        masks.append(((out.alpha > 0.5) | (targets.alphas[v, 0] > 0.5)).float()[None])
    pred = torch.stack(preds).clamp(0, 1)
    mask = torch.stack(masks)
    gt = targets.images
    per_view = [(float(psnr(pred[i], gt[i])), float(psnr(pred[i], gt[i], mask[i])),
                 float(ssim(pred[i: i + 1], gt[i: i + 1])),
                 float(masked_ssim(pred[i: i + 1], gt[i: i + 1], mask[i: i + 1]))) for i in range(len(targets))]
    a = np.array(per_view)
    return ReconstructionMetrics(psnr=float(a[:, 0].mean()), psnr_masked=float(a[:, 1].mean()),
                                 ssim=float(a[:, 2].mean()), ssim_masked=float(a[:, 3].mean()),
                                 views=len(targets)), pred


# ------------------------------------------------------------------------------ trainer


def resolve_config(preset: str | None, overrides: Sequence[str], run_dir: Path, resume: bool) -> LRMTrainConfig:
    """Preset + overrides; on resume the run's saved config (overrides still apply on top)."""
    saved = run_dir / "config.json"
    if resume and saved.is_file():
        cfg = load_config(LRMTrainConfig, saved)
    else:
        cfg = LRM_PRESETS.get_preset(preset or "tiny")
    return apply_overrides(cfg, list(overrides))


def load_init_weights(model: GSLRM, path: str | Path) -> None:
    """``--init``: a folder / safetensors of ours, a training run, or the release's checkpoint.
    Missing and unexpected keys are reported; shapes that differ are skipped with a warning."""
    path = resolve_lrm_path(path)
    if path.is_dir():
        candidates = [path / "model.safetensors"]
        latest = CheckpointManager(path / "checkpoints").latest()
        if latest is not None:
            candidates.append(latest / "model.safetensors")
        weights = next((c for c in candidates if c.is_file()), None)
        if weights is None:
            raise FaceliftError(f"{path}: no model.safetensors (or checkpoints/) to initialise from")
        state = load_weights(weights)
    elif path.suffix == ".safetensors":
        state = load_weights(path)
        if "patch_embedder.1.weight" in state:
            from facelift.lrm.convert import convert_official_gslrm

            state, _ = convert_official_gslrm(path)
    else:
        from facelift.lrm.convert import convert_official_gslrm

        state, _ = convert_official_gslrm(path)
    state = _adapt_patch_size(model, state, path)
    missing, unexpected = load_into(model, state, strict=False, what=f"--init {path}")
    if model.config.color_residual and not _source_has_color_residual(path):
        _zero_pixel_colour_rows(model)
        log.info("--init %s: the checkpoint predicts colours outright; this model adds them to the input "
                 "pixel's colour, so its colour outputs start at zero (each Gaussian starts with its "
                 "pixel's colour)", path)
    grown = _identity_new_blocks(model, missing)
    if grown:
        log.info("--init %s: blocks %s are not in the checkpoint; they start as identity maps (zero "
                 "output projections), so the grown model computes what the checkpoint did", path, grown)
    log.info("--init %s: %d tensors loaded, %d missing, %d unexpected/mismatched",
             path, len(state) - len(unexpected), len(missing), len(unexpected))


def _adapt_patch_size(model: GSLRM, state: dict[str, Tensor], path: Path) -> dict[str, Tensor]:
    """Map a checkpoint with patch side P onto this model's finer patch p (P = k·p).

    The new patch embedding sums each k×k block of the old one, so a p-patch token equals the
    old P-patch token of the same patch upsampled k× (nearest); the new pixel decoder averages
    the old decoder's rows over each k×k block. The finer model thus starts as "the old model
    on a k×-upsampled input, its outputs k×k average-pooled" and only has to adapt from there.
    """
    key_in, key_out = "patch_embed.weight", "pixel_head.linear.weight"
    if key_in not in state or key_out not in state:
        return state
    D, p = model.config.width, model.config.patch_size
    old_in, old_out = state[key_in], state[key_out]
    P2 = old_in.shape[1] // IN_CHANNELS
    P = int(round(P2 ** 0.5))
    if P == p or P * P * IN_CHANNELS != old_in.shape[1] or old_in.shape[0] != D:
        return state
    if P % p:
        log.warning("--init %s: patch %d cannot be mapped onto patch %d (not a multiple)", path, P, p)
        return state
    k = P // p
    # (D, P·P·9) ordered (row, col, channel) -> sum over each k×k block of rows/cols
    w_in = old_in.reshape(D, p, k, p, k, IN_CHANNELS).sum(dim=(2, 4)).reshape(D, p * p * IN_CHANNELS)
    # (P·P·14, D) ordered (row, col, param) -> mean over each k×k block
    w_out = (old_out.reshape(p, k, p, k, GAUSSIAN_PARAMS, D).mean(dim=(1, 3))
             .reshape(p * p * GAUSSIAN_PARAMS, D))
    log.info("--init %s: patch %d -> %d: embedding summed and decoder averaged over %dx%d blocks",
             path, P, p, k, k)
    return {**state, key_in: w_in, key_out: w_out}


def _source_has_color_residual(path: Path) -> bool:
    """Whether an --init source was trained with ``color_residual`` (its config.json says so)."""
    from facelift.lrm.model import read_model_config

    folder = path if path.is_dir() else path.parent
    for cfg in (folder / "config.json", folder.parent.parent / "config.json"):  # folder, or run/checkpoints/N
        if cfg.is_file():
            try:
                return read_model_config(cfg).color_residual
            except FaceliftError as e:
                log.warning("--init %s: cannot read %s (%s); assuming colours predicted outright", path, cfg, e)
                return False
    return False


def _zero_pixel_colour_rows(model: GSLRM) -> None:
    with torch.no_grad():
        w = model.pixel_head.linear.weight  # (p²·14, D), rows ordered (pixel in patch, parameter)
        k = torch.arange(w.shape[0]) % GAUSSIAN_PARAMS
        w[(k >= 3) & (k < 6)] = 0.0


def _identity_new_blocks(model: GSLRM, missing: list[str]) -> list[int]:
    """Zero the output projections of blocks the checkpoint lacks entirely (a deeper model grown
    from a shallower one): a pre-LN block whose attention and MLP outputs are zero is the identity,
    and the zero projections still receive gradients, so the blocks learn from there."""
    gone = set(missing)
    grown = []
    for i, block in enumerate(model.blocks):
        names = [f"blocks.{i}.{k}" for k, _ in block.named_parameters()]
        if names and all(n in gone for n in names):
            with torch.no_grad():
                block.attn.proj.weight.zero_()
                block.mlp.fc2.weight.zero_()
            grown.append(i)
    return grown


@dataclass
class TrainResult:
    """What :func:`train_lrm` leaves: the run folder, the last step, this process's model."""

    run_dir: Path
    step: int
    model: GSLRM


def train_lrm(cfg: LRMTrainConfig, data_dir: str | Path | Sequence[str | Path], run_dir: str | Path, init: str | Path | None = None,
              resume: bool = False, val_dir: str | Path | None = None, cpu: bool = False,
              max_steps_this_run: int | None = None) -> TrainResult:
    """Train (or resume) a GS-LRM. See the module docstring.

    ``max_steps_this_run`` stops early (after saving a checkpoint) without changing the
    schedule, e.g. to split a long run into sessions.
    """
    run_dir = Path(run_dir)
    if not 0 <= cfg.min_input_views <= cfg.num_input_views:
        raise FaceliftError(f"min_input_views must be in [0, num_input_views={cfg.num_input_views}], "
                            f"got {cfg.min_input_views}")
    if not 0.0 <= cfg.fixed_input_share <= 1.0:
        raise FaceliftError(f"fixed_input_share must be in [0, 1], got {cfg.fixed_input_share}")
    if cfg.val_subjects < 1:
        raise FaceliftError(f"val_subjects must be >= 1, got {cfg.val_subjects}")
    accelerator = make_accelerator(cfg.mixed_precision, cpu=cpu)
    rank, world, is_main = accelerator.process_index, accelerator.num_processes, accelerator.is_main_process
    seed_everything(cfg.seed)
    m = cfg.model
    data = SubjectFolders(data_dir, m.image_size, cfg.background, split=cfg.split)
    if val_dir is not None:
        val = SubjectFolders(val_dir, m.image_size, cfg.background, split=cfg.val_split)
    else:
        try:
            val = SubjectFolders(data_dir, m.image_size, cfg.background, split=cfg.val_split)
        except FaceliftError:
            val = data
    log.info("training data: %d subjects from %s", len(data), ", ".join(map(str, data.roots)))

    model = GSLRM(m)
    if init is not None and not resume:
        load_init_weights(model, init)
    loss_fn = ImageLoss(cfg.loss.l2, cfg.loss.perceptual, cfg.loss.ssim, cfg.loss.vgg_weights or None)
    optimizer = build_optimizer(model, cfg.optim)
    scheduler = build_scheduler(optimizer, cfg.optim, cfg.steps)
    ckpts = CheckpointManager(run_dir / "checkpoints", keep_last=cfg.keep_last)

    step = 0
    if resume:
        if ckpts.latest() is not None:
            step = ckpts.load(None, model, optimizer, scheduler).step
        else:
            log.warning("--resume: no checkpoint in %s, starting from step 0", run_dir / "checkpoints")
    if is_main:
        run_dir.mkdir(parents=True, exist_ok=True)
        save_config(cfg, run_dir / "config.json")
    # The scheduler is stepped by hand once per update: Accelerate's wrapper would step it once
    # per process, changing the schedule with the world size.
    model, optimizer = accelerator.prepare(model, optimizer)
    loss_fn.to(accelerator.device)
    logger = RunLogger(run_dir, enabled=is_main, resume_step=step if resume else None)

    end = cfg.steps if max_steps_this_run is None else min(cfg.steps, step + max_steps_this_run)
    bar = progress(cfg.steps, initial=step, enabled=is_main, desc="train lrm")
    t_last, steps_since, sums = time.perf_counter(), 0, {}
    warned_clamp = False
    try:
        while step < end:
            model.train()
            batch = make_batch(data, cfg, step, rank, world)
            device = accelerator.device
            with accelerator.autocast():
                out = model(batch.inputs.to(device), batch.input_cameras.to(device))
            pred, pred_alpha = render_views(out, batch.target_cameras.to(device), cfg.background)
            if cfg.model.clip_xyz:
                sums["clamped"] = sums.get("clamped", 0.0) + clamped_fraction(out)
            target = batch.targets.to(device)
            B, Vt = target.shape[:2]
            terms = loss_fn(pred.reshape(B * Vt, 3, *pred.shape[-2:]), target.reshape(B * Vt, 3, *target.shape[-2:]))
            if cfg.loss.mask > 0:
                terms.terms["mask"] = torch.mean((pred_alpha - batch.target_alphas.to(device)) ** 2)
                terms.total = terms.total + cfg.loss.mask * terms.terms["mask"]
            optimizer.zero_grad(set_to_none=True)
            accelerator.backward(terms.total)
            grad_norm = float(accelerator.clip_grad_norm_(model.parameters(), cfg.optim.grad_clip)) \
                if cfg.optim.grad_clip > 0 else float("nan")
            lr = optimizer.param_groups[0]["lr"]
            optimizer.step()
            scheduler.step()
            step += 1
            steps_since += 1
            bar.update(1)
            for k, v in terms.terms.items():
                sums[k] = sums.get(k, 0.0) + v.detach()
            sums["loss"] = sums.get("loss", 0.0) + terms.total.detach()
            if step % cfg.log_every == 0 or step == end:
                # Means over the steps since the last log (and over processes), not one noisy step.
                means = {k: float(accelerator.reduce(v / steps_since, reduction="mean")) for k, v in sums.items()}
                now = time.perf_counter()
                scalars = {"loss": means.pop("loss"), "l2": means["l2"],
                           "psnr": -10.0 * float(np.log10(max(means.pop("l2"), 1e-10))),
                           "lr": lr, "grad_norm": grad_norm,
                           "steps_per_s": steps_since / max(now - t_last, 1e-9), **means}
                t_last, steps_since, sums = now, 0, {}
                logger.log(step, scalars)
                if "clamped" in scalars and scalars["clamped"] > CLAMP_WARN_FRACTION and not warned_clamp \
                        and step > cfg.optim.warmup_steps:
                    warned_clamp = True
                    log.warning("%.0f%% of the visible pixel Gaussians sit on the [-1, 1]^3 box that "
                                "model.clip_xyz clamps them to (no depth gradient there): the subjects reach "
                                "out of the box in the views; consider model.clip_xyz=false",
                                100 * scalars["clamped"])
                bar.set_postfix(loss=f"{scalars['loss']:.4f}", psnr=f"{scalars['psnr']:.2f}")
            if is_main and cfg.val_every > 0 and (step % cfg.val_every == 0 or step == end):
                _validate(accelerator.unwrap_model(model), val, cfg, step, logger)
            if step % cfg.ckpt_every == 0 or step == end:
                accelerator.wait_for_everyone()
                ckpts.save(step, accelerator.unwrap_model(model), optimizer, scheduler, config=cfg,
                           is_main=is_main)
        accelerator.wait_for_everyone()
        if is_main and step >= cfg.steps:
            accelerator.unwrap_model(model).save_pretrained(run_dir / "final")
            log.info("finished: %s", run_dir / "final")
    finally:
        bar.close()
        logger.close()
    accelerator.end_training()
    return TrainResult(run_dir=run_dir, step=step, model=accelerator.unwrap_model(model))


def _validate(model: GSLRM, val: SubjectFolders, cfg: LRMTrainConfig, step: int, logger: RunLogger) -> None:
    """Reconstruct the first ``cfg.val_subjects`` validation subjects (the same views every time);
    log their mean masked PSNR/SSIM and the first one's image grid."""
    scores, grid = [], None
    for i in range(min(cfg.val_subjects, len(val))):
        gen = _step_generator(cfg.seed + 1, 0, i)
        views = val.views(i)
        i_idx, t_idx = sample_views(len(views), cfg.num_input_views, cfg.num_target_views,
                                    len(views) < cfg.num_input_views + cfg.num_target_views, gen,
                                    val.num_fixed(i), cfg.input_views)
        inputs, targets = views.select(i_idx), views.select(t_idx)
        metrics, pred = evaluate_views(model, inputs, targets, cfg.background)
        scores.append((metrics.psnr, metrics.psnr_masked, metrics.ssim, metrics.ssim_masked))
        if grid is None:
            grid = view_grid(inputs.images, pred, targets.images)
    model.train()
    mean = np.mean(np.array(scores), axis=0)
    logger.log(step, {"val_psnr": float(mean[0]), "val_psnr_masked": float(mean[1]),
                      "val_ssim": float(mean[2]), "val_ssim_masked": float(mean[3])})
    logger.log_image(step, "val", grid)
