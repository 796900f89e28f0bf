"""Training utilities shared by every stage: optimiser, schedule, checkpoints, logs, Accelerate.

The pieces, each usable on its own:

* :func:`param_groups` / :func:`build_optimizer`: AdamW with weight decay on matrices only
  (biases, norms, embeddings vectors — every 1-D parameter — are not decayed).
* :func:`warmup_cosine_lambda` / :func:`build_scheduler`: linear warm-up then cosine decay.
* :class:`CheckpointManager`: ``RUN/checkpoints/step_NNNNNNNN/`` folders written atomically,
  each with ``model.safetensors`` (the weights, loadable without this package),
  ``training_state.pt`` (optimizer, scheduler, step, RNG of every rank; read back with
  ``torch.load(weights_only=True)``), ``config.json`` and ``meta.json``. The last N are kept.
* :func:`capture_rng_state` / :func:`restore_rng_state`: Python, NumPy, torch CPU and CUDA
  generators, in a form that loads with ``weights_only=True``.
* :class:`RunLogger`: scalars to ``RUN/logs/metrics.csv`` and TensorBoard, images to
  ``RUN/samples/`` and TensorBoard; on resume the CSV drops rows after the resumed step, so the
  curve has no duplicate steps.
* :func:`make_accelerator`: an :class:`accelerate.Accelerator` with bf16 on GPU and fp32 on CPU.

Exact resume: a trainer that draws its batches from ``(seed, step, rank)`` (rather than from a
running generator) and restores the RNG with :meth:`CheckpointManager.load` continues with the
loss curve of the uninterrupted run; ``tests/test_train_harness.py`` and the stage tests check it.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import numpy as np
import torch
from torch import nn

from facelift.atomic import atomic_dir, atomic_path, atomic_write_text
from facelift.config import save_config
from facelift.defaults import OptimConfig
from facelift.errors import FaceliftError
from facelift.weights.locate import STATE_FILE, checkpoints, latest_checkpoint
from facelift.weights.store import MODEL_FILE, load_into, load_weights, save_weights

log = logging.getLogger(__name__)

CONFIG_FILE = "config.json"
META_FILE = "meta.json"


# ---------------------------------------------------------------------------- optimiser


def param_groups(model: nn.Module, weight_decay: float) -> list[dict]:
    """Two AdamW groups: decayed matrices / convolutions, and undecayed 1-D parameters.

    Norm gains, biases and single learned vectors are 1-D; decaying them pulls LayerNorm gains
    toward zero, which is why the usual transformer recipes exempt them. Frozen parameters are
    left out.
    """
    decay, no_decay = [], []
    for _, p in model.named_parameters():
        if not p.requires_grad:
            continue
        (decay if p.ndim >= 2 else no_decay).append(p)
    groups = []
    if decay:
        groups.append({"params": decay, "weight_decay": weight_decay})
    if no_decay:
        groups.append({"params": no_decay, "weight_decay": 0.0})
    if not groups:
        raise FaceliftError("model has no trainable parameters")
    return groups


def build_optimizer(model: nn.Module, cfg: OptimConfig) -> torch.optim.AdamW:
    return torch.optim.AdamW(
        param_groups(model, cfg.weight_decay), lr=cfg.lr, betas=(cfg.beta1, cfg.beta2), eps=cfg.eps
    )


def warmup_cosine_lambda(step: int, warmup_steps: int, total_steps: int, min_ratio: float = 0.0) -> float:
    """LR multiplier: linear from 1/warmup to 1 over ``warmup_steps``, then cosine to ``min_ratio``.

    ``step`` counts optimiser updates already made (0 for the first update).
    """
    if warmup_steps > 0 and step < warmup_steps:
        return (step + 1) / warmup_steps
    span = max(1, total_steps - warmup_steps)
    progress = min(1.0, (step - warmup_steps) / span)
    return min_ratio + (1.0 - min_ratio) * 0.5 * (1.0 + math.cos(math.pi * progress))


def build_scheduler(optimizer: torch.optim.Optimizer, cfg: OptimConfig, total_steps: int
                    ) -> torch.optim.lr_scheduler.LambdaLR:
    """Warm-up + cosine over ``total_steps`` updates (picklable state: only ``last_epoch``)."""
    return torch.optim.lr_scheduler.LambdaLR(
        optimizer, _WarmupCosine(cfg.warmup_steps, total_steps, cfg.min_lr_ratio)
    )


class _WarmupCosine:
    # A class rather than a closure so the scheduler's state_dict stays plain data.
    def __init__(self, warmup: int, total: int, min_ratio: float):
        self.warmup, self.total, self.min_ratio = warmup, total, min_ratio

    def __call__(self, step: int) -> float:
        return warmup_cosine_lambda(step, self.warmup, self.total, self.min_ratio)


def optimizer_update(accelerator, model: nn.Module, loss: torch.Tensor, optimizer: torch.optim.Optimizer,
                     scheduler: Any, max_norm: float) -> None:
    """One plain update: zero the gradients, back-propagate ``loss``, clip to ``max_norm``
    (0: no clipping), step the optimizer and the LR schedule."""
    optimizer.zero_grad(set_to_none=True)
    accelerator.backward(loss)
    clip_grad_norm(accelerator, model, max_norm)
    optimizer.step()
    scheduler.step()


def clip_grad_norm(accelerator, model: nn.Module, max_norm: float) -> float:
    """Clip through Accelerate (handles DDP and mixed precision); returns the pre-clip norm."""
    if max_norm <= 0:
        return float("nan")
    norm = accelerator.clip_grad_norm_(model.parameters(), max_norm)
    return float(norm)


# --------------------------------------------------------------------------- accelerate


def make_accelerator(mixed_precision: str = "auto", cpu: bool = False, log_with: Any = None):
    """An Accelerator: ``auto`` means bf16 on CUDA and fp32 elsewhere (CPU bf16 is opt-in).

    Works in a plain ``python`` process (one process) and under ``accelerate launch`` /
    ``torchrun`` (reads the usual environment variables); CPU multi-process uses gloo.
    """
    from accelerate import Accelerator

    if mixed_precision == "auto":
        mixed_precision = "bf16" if (torch.cuda.is_available() and not cpu) else "no"
    if mixed_precision not in ("no", "bf16", "fp16"):
        raise FaceliftError(f"mixed_precision must be auto, no, bf16 or fp16, got {mixed_precision!r}")
    return Accelerator(mixed_precision=mixed_precision, cpu=cpu, log_with=log_with)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % (2**32))
    torch.manual_seed(seed)


# ---------------------------------------------------------------------------------- RNG


def capture_rng_state() -> dict:
    """All generators a training step may touch, as tensors and ints (``weights_only``-safe)."""
    py_version, py_state, py_gauss = random.getstate()
    np_name, np_keys, np_pos, np_has_gauss, np_gauss = np.random.get_state()
    state = {
        "python": {"version": py_version, "state": list(py_state), "gauss": py_gauss},
        "numpy": {"name": np_name, "keys": torch.from_numpy(np_keys.astype(np.int64)), "pos": int(np_pos),
                  "has_gauss": int(np_has_gauss), "gauss": float(np_gauss)},
        "torch": torch.get_rng_state(),
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def restore_rng_state(state: Mapping) -> None:
    py = state["python"]
    random.setstate((py["version"], tuple(py["state"]), py["gauss"]))
    npst = state["numpy"]
    np.random.set_state((npst["name"], npst["keys"].numpy().astype(np.uint32), npst["pos"],
                         npst["has_gauss"], npst["gauss"]))
    torch.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def _all_ranks_rng_state() -> list[dict]:
    """Every rank's RNG state (collective call when torch.distributed is initialised)."""
    mine = capture_rng_state()
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        gathered: list = [None] * torch.distributed.get_world_size()
        torch.distributed.all_gather_object(gathered, mine)
        return gathered
    return [mine]


def _rank() -> int:
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        return torch.distributed.get_rank()
    return 0


# --------------------------------------------------------------------------- checkpoints


@dataclass
class LoadedCheckpoint:
    """What :meth:`CheckpointManager.load` restored."""

    path: Path
    step: int
    extra: dict


class CheckpointManager:
    """Numbered checkpoint folders under ``root`` (normally ``RUN/checkpoints``).

    Only the main process writes; every process must call :meth:`save` (it gathers the RNG
    state of all ranks, a collective operation under torch.distributed).
    """

    def __init__(self, root: str | Path, keep_last: int = 3):
        if keep_last < 1:
            raise FaceliftError(f"keep_last must be at least 1, got {keep_last}")
        self.root = Path(root)
        self.keep_last = keep_last

    def step_dir(self, step: int) -> Path:
        return self.root / f"step_{step:08d}"

    def list(self) -> list[tuple[int, Path]]:
        """Complete checkpoints, oldest first (temporary folders of a killed write are ignored)."""
        return checkpoints(self.root)

    def latest(self) -> Path | None:
        return latest_checkpoint(self.root)

    def save(self, step: int, model: nn.Module, optimizer: torch.optim.Optimizer | None = None,
             scheduler: Any = None, config: Any = None, extra: dict | None = None,
             is_main: bool | None = None) -> Path:
        """Write checkpoint ``step`` atomically and prune old ones; returns its folder.

        ``model`` should be the unwrapped module (``accelerator.unwrap_model``). ``extra`` holds
        small plain data (ints, floats, strings, tensors) restored by :meth:`load`.
        """
        rng = _all_ranks_rng_state()
        is_main = (_rank() == 0) if is_main is None else is_main
        path = self.step_dir(step)
        if not is_main:
            return path
        state = {
            "step": int(step),
            "optimizer": optimizer.state_dict() if optimizer is not None else None,
            "scheduler": scheduler.state_dict() if scheduler is not None else None,
            "rng": rng,
            "extra": extra or {},
        }
        with atomic_dir(path) as tmp:
            save_weights(model, tmp / MODEL_FILE, metadata={"step": str(step), "format": "pt"})
            torch.save(state, tmp / STATE_FILE)
            if config is not None:
                save_config(config, tmp / CONFIG_FILE)
            atomic_write_text(tmp / META_FILE, json.dumps({"step": int(step), "time": time.time()}))
        self._prune()
        log.info("saved checkpoint %s", path)
        return path

    def _prune(self) -> None:
        items = self.list()
        for _, p in items[: max(0, len(items) - self.keep_last)]:
            shutil.rmtree(p, ignore_errors=True)

    def load(self, path: str | Path | None, model: nn.Module, optimizer: torch.optim.Optimizer | None = None,
             scheduler: Any = None, restore_rng: bool = True) -> LoadedCheckpoint:
        """Restore a checkpoint folder (``None``: the latest) into model, optimizer, scheduler, RNG."""
        if path is None:
            path = self.latest()
            if path is None:
                raise FaceliftError(f"{self.root}: no checkpoint to resume from")
        path = Path(path)
        if not (path / STATE_FILE).is_file():
            raise FaceliftError(f"{path}: not a checkpoint folder (no {STATE_FILE})")
        load_into(model, load_weights(path / MODEL_FILE), strict=True, what=str(path))
        try:
            state = torch.load(path / STATE_FILE, map_location="cpu", weights_only=True)
        except Exception as e:  # noqa: BLE001 - any unpickling failure is a bad file to the user
            raise FaceliftError(f"{path / STATE_FILE}: cannot read training state ({e})") from None
        if optimizer is not None and state.get("optimizer") is not None:
            optimizer.load_state_dict(state["optimizer"])
        if scheduler is not None and state.get("scheduler") is not None:
            scheduler.load_state_dict(state["scheduler"])
        if restore_rng and state.get("rng"):
            rngs = state["rng"]
            rank = _rank()
            if rank < len(rngs):
                restore_rng_state(rngs[rank])
            else:
                log.warning("%s: saved with %d ranks, no RNG state for rank %d", path, len(rngs), rank)
        log.info("resumed from %s (step %d)", path, state["step"])
        return LoadedCheckpoint(path=path, step=int(state["step"]), extra=dict(state.get("extra") or {}))


# ------------------------------------------------------------------------------- logging


class RunLogger:
    """Scalars to ``logs/metrics.csv`` (+ TensorBoard), images to ``samples/`` (+ TensorBoard).

    Only the main process should create one (pass ``enabled=False`` elsewhere). ``resume_step``
    drops CSV rows after that step, so a resumed run continues one clean curve.
    """

    def __init__(self, run_dir: str | Path, enabled: bool = True, tensorboard: bool = True,
                 resume_step: int | None = None):
        self.run_dir = Path(run_dir)
        self.enabled = enabled
        self.csv_path = self.run_dir / "logs" / "metrics.csv"
        self._columns: list[str] = []
        self._rows: list[dict] = []
        self._tb = None
        if not enabled:
            return
        self.csv_path.parent.mkdir(parents=True, exist_ok=True)
        if self.csv_path.is_file():
            with open(self.csv_path, newline="") as f:
                reader = csv.DictReader(f)
                self._columns = list(reader.fieldnames or [])
                self._rows = [r for r in reader
                              if resume_step is None or int(float(r.get("step", 0))) <= resume_step]
            self._rewrite()
        if tensorboard:
            try:
                from torch.utils.tensorboard import SummaryWriter

                self._tb = SummaryWriter(str(self.run_dir / "logs" / "tb"), purge_step=resume_step)
            except ImportError:  # pragma: no cover - tensorboard is a dependency, but stay usable
                log.warning("tensorboard not installed; logging to CSV only")

    def _rewrite(self) -> None:
        with atomic_path(self.csv_path) as tmp:
            with open(tmp, "w", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=self._columns)
                writer.writeheader()
                writer.writerows(self._rows)

    def log(self, step: int, scalars: Mapping[str, float]) -> None:
        if not self.enabled:
            return
        row = {"step": int(step), **{k: float(v) for k, v in scalars.items()}}
        new_cols = [k for k in row if k not in self._columns]
        self._rows.append({k: row.get(k, "") for k in row})
        if new_cols or not self.csv_path.is_file():
            self._columns += new_cols
            self._rewrite()
        else:
            with open(self.csv_path, "a", newline="") as f:
                csv.DictWriter(f, fieldnames=self._columns).writerow(row)
        if self._tb is not None:
            for k, v in scalars.items():
                self._tb.add_scalar(k, float(v), int(step))

    def log_image(self, step: int, tag: str, image: np.ndarray | torch.Tensor) -> Path | None:
        """Save an (H, W, 3) image in [0, 1] (float) or uint8 as ``samples/{tag}_{step}.png``."""
        if not self.enabled:
            return None
        from PIL import Image

        if isinstance(image, torch.Tensor):
            image = image.detach().float().cpu().numpy()
        if image.dtype != np.uint8:
            image = (np.clip(image, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
        path = self.run_dir / "samples" / f"{tag.replace('/', '_')}_{step:08d}.png"
        with atomic_path(path) as tmp:
            Image.fromarray(image).save(tmp, format="PNG")
        if self._tb is not None:
            self._tb.add_image(tag, image, int(step), dataformats="HWC")
        return path

    def read(self) -> list[dict]:
        """The CSV rows logged so far (strings -> floats)."""
        return [{k: float(v) for k, v in r.items() if v not in ("", None)} for r in self._rows]

    def close(self) -> None:
        if self._tb is not None:
            self._tb.flush()
            self._tb.close()
            self._tb = None


def read_metrics(run_dir: str | Path) -> list[dict]:
    """Rows of ``RUN/logs/metrics.csv`` as dicts of floats."""
    path = Path(run_dir) / "logs" / "metrics.csv"
    if not path.is_file():
        return []
    with open(path, newline="") as f:
        return [{k: float(v) for k, v in r.items() if v not in ("", None)} for r in csv.DictReader(f)]


def progress(total: int, initial: int = 0, enabled: bool = True, desc: str = "train"):
    """A tqdm bar with ETA over optimisation steps (silent on non-main processes)."""
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, disable=not enabled, desc=desc, dynamic_ncols=True,
                smoothing=0.05)


def unwrap(accelerator, model: nn.Module) -> nn.Module:
    return accelerator.unwrap_model(model) if accelerator is not None else model


def count_parameters(params: Iterable[torch.nn.Parameter]) -> int:
    return sum(p.numel() for p in params)
