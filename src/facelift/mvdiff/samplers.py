"""Stage I samplers: ``--scheduler ddim|dpm++``.

* ``ddim``: the weights' own scheduler as stored (DDIM with eta 1 for the release and the
  bundled tiny model: the release's stochastic sampler, 50 steps).
* ``dpm++``: diffusers' ``DPMSolverMultistepScheduler`` (DPM-Solver++ 2M, deterministic), made
  from the same noise schedule and prediction type: a second-order multistep solver that
  reaches DDIM-50's quality in fewer UNet calls (how many: ``benchmarks/README.md``, *Fewer
  steps*). Each step is one UNet call in both, so the time is proportional to the steps.
"""

from __future__ import annotations

from typing import Any

from facelift.errors import FaceliftError

SCHEDULERS = ("ddim", "dpm++")


def make_scheduler(name: str, stored: Any) -> Any:
    """The sampler ``name`` on the noise schedule of ``stored`` (the weights' own scheduler)."""
    key = str(name).strip().lower()
    if key not in SCHEDULERS:
        raise FaceliftError(f"scheduler must be one of {', '.join(SCHEDULERS)}, got {name!r}")
    if key == "ddim":
        return stored
    from diffusers import DPMSolverMultistepScheduler

    cfg = stored.config
    return DPMSolverMultistepScheduler(
        num_train_timesteps=cfg.num_train_timesteps, beta_start=cfg.beta_start, beta_end=cfg.beta_end,
        beta_schedule=cfg.beta_schedule, trained_betas=cfg.get("trained_betas"),
        prediction_type=cfg.prediction_type, algorithm_type="dpmsolver++", solver_order=2,
        # "trailing" starts at the last training timestep, as few-step sampling needs; "leading"
        # (DDIM's spacing here) would skip the noisiest part of the schedule at low step counts.
        timestep_spacing="trailing", rescale_betas_zero_snr=cfg.get("rescale_betas_zero_snr", False),
    )


__all__ = ["SCHEDULERS", "make_scheduler"]
