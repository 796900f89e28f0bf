"""Assemble a ``--weights`` folder (mvdiff/ + lrm/ + facelift.json) from training runs.

Either stage may be given as a finished folder (a pipeline folder with ``model_index.json``;
a GS-LRM folder with ``model.safetensors``) or as a training run, in which case the newest
checkpoint is used (Stage I: its EMA weights, with the run's own trained VAE for the tiny
preset). That lets a long training run be shipped at any checkpoint.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from facelift.errors import FaceliftError
from facelift.weights.meta import WeightsMeta

log = logging.getLogger(__name__)


def load_stage1(path: str | Path) -> Any:
    """A Stage I pipeline from a pipeline folder or from a ``facelift train mvdiff`` run."""
    from diffusers import AutoencoderKL

    from facelift.config import load_config
    from facelift.mvdiff import build_pipeline
    from facelift.mvdiff.config import MVDiffConfig
    from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline
    from facelift.train.mvdiff import load_checkpoint_into_pipeline
    from facelift.weights.locate import latest_checkpoint
    from facelift.weights.store import MODEL_FILE

    path = Path(path)
    if (path / "model_index.json").is_file():
        return FaceLiftMultiViewPipeline.from_pretrained(path)
    if (path / "pipeline" / "model_index.json").is_file():
        return FaceLiftMultiViewPipeline.from_pretrained(path / "pipeline")
    latest = latest_checkpoint(path / "checkpoints")
    if latest is None or not (path / "config.json").is_file():
        raise FaceliftError(f"{path}: neither a Stage I pipeline folder nor a 'facelift train mvdiff' run "
                            "with config.json and checkpoints/")
    cfg = load_config(MVDiffConfig, path / "config.json")
    pipe = build_pipeline(cfg.model, seed=cfg.train.seed)
    if cfg.model.base is None:
        if not (path / "vae" / "config.json").is_file():
            raise FaceliftError(f"{path}: tiny Stage I run has no trained vae/ folder")
        pipe.vae = AutoencoderKL.from_pretrained(path / "vae", use_safetensors=True)
    log.info("Stage I from %s (EMA weights)", latest)
    return load_checkpoint_into_pipeline(pipe, latest / MODEL_FILE, cfg, use_ema=True)


def export_weights(mvdiff: str | Path, lrm: str | Path, out: str | Path, meta: WeightsMeta | None = None,
                   lrm_fp16: bool = False) -> Path:
    """Write the weights folder ``out`` from the two stages (atomically); ``lrm_fp16`` stores
    Stage II at half precision."""
    import torch

    from facelift.lrm.model import GSLRM
    from facelift.weights.folder import save_weights_folder

    stage1 = load_stage1(mvdiff)
    stage2 = GSLRM.from_pretrained(lrm)
    return save_weights_folder(out, stage1, stage2, meta, lrm_dtype=torch.float16 if lrm_fp16 else None)
