"""Settings with one definition each, read by the library, the trainers and the CLI's help.

Nothing here imports beyond the standard library, so every layer can read it.
"""

from __future__ import annotations

from dataclasses import dataclass


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


__all__ = ["OptimConfig"]
