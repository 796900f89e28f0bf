"""Settings with one definition each, read by the library, the trainers and the CLI's help.

Nothing here imports beyond the standard library, so every layer can read it. A weights
folder's ``facelift.json`` ``"defaults"`` (:mod:`facelift.weights.meta`) override the sampling
ones for those weights (the bundled tiny samples with guidance 1.5, the release with seed 4).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Stage I sampling, SPEC §2.2 (the release's inference.py): DDIM steps, classifier-free
#: guidance scale, and DDIM eta (1: the release's stochastic DDIM).
NUM_INFERENCE_STEPS = 50
GUIDANCE_SCALE = 3.0
DDIM_ETA = 1.0
#: Stage I's seed when neither the caller nor the weights name one.
SEED = 0


@dataclass
class OptimConfig:
    """AdamW + warm-up/cosine settings (defaults: the GS-LRM recipe of SPEC §2.3)."""

    lr: float = 4e-4
    beta1: float = 0.9
    beta2: float = 0.95
    weight_decay: float = 0.05
    eps: float = 1e-8
    warmup_steps: int = 100
    min_lr_ratio: float = 0.0
    grad_clip: float = 1.0


__all__ = ["DDIM_ETA", "GUIDANCE_SCALE", "NUM_INFERENCE_STEPS", "OptimConfig", "SEED"]
