"""Which floating-point precision the models run in: ``--dtype auto|float32|bfloat16``.

``auto`` picks bf16 only where it is faster:

* CUDA: as before this option existed: weights stay float32 and the GS-LRM runs under bf16
  autocast (:meth:`facelift.lrm.model.GSLRM.reconstruct`).
* CPU: bf16 only when the CPU has native bf16 matrix units (AMX tiles or AVX512-BF16; on
  CPUs without them, e.g. AVX2-only, PyTorch emulates bf16 and it runs 4–7× *slower* than
  fp32), confirmed by a one-time micro-check (a bf16 matmul must beat the fp32 one by
  :data:`MIN_SPEEDUP`), and only for models of at least :data:`MIN_BF16_PARAMS` parameters
  (the bundled tiny models are overhead-bound: on a 2-core AMX Xeon bf16 saved ~0.2 s of a
  1.5 s 10-step Stage I and 16 ms of the GS-LRM, so they keep their fp32 results). The micro-check's
  result is cached per machine in ``$FACELIFT_CACHE/precision.json`` (default
  ``~/.cache/facelift``), keyed by CPU model, its bf16 flags and the torch version.

What stays float32 whatever the setting (see also ``README.md``, *Paper-scale models*): the
sampler's arithmetic (latents between steps, guidance combination, scheduler), the unCLIP
embedding noising, the GS-LRM's ray inputs and its Gaussian activations (positions, scales,
opacities, colours are computed in float32 from the heads' outputs), the exported Gaussians,
the rasterizer and photo-fit (:mod:`facelift.refine`). Inside the models only the matrices
run in bf16: the GS-LRM keeps its residual stream and LayerNorms in float32
(:meth:`facelift.lrm.model.GSLRM.cast`), and Stage I's UNet, VAE and CLIP image encoder keep
every activation, norm, residual and embedding in float32, their convolutions and linear layers
taking bf16 copies of their inputs (:func:`cast_matrices`; attention runs on bf16 queries, keys
and values). Random paper-shaped UNet, one step at 6×256²: 1.19% relative error against fp32
with the whole UNet in bf16, 0.94% with only its matrices, which costs ~11% of the bf16 UNet's
speed there (``benchmarks/README.md``, ``bench_unet_cast.py``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from pathlib import Path

import torch

from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

DTYPE_SETTINGS = ("auto", "float32", "bfloat16")
_DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16}
#: The CPU flags (``/proc/cpuinfo``) that mean hardware bf16 matrix arithmetic.
BF16_FLAGS = ("amx_bf16", "avx512_bf16")
#: bf16 must be at least this much faster than fp32 in the micro-check.
MIN_SPEEDUP = 1.5
#: ``auto`` keeps smaller models in fp32: below this their time is per-kernel overhead, not
#: arithmetic (the bundled tiny models, 0.1–6.7 M parameters, gain little from bf16).
MIN_BF16_PARAMS = 50_000_000
CACHE_FILE = "precision.json"
CHECK_SIZE = 768  # fp32 ~5 ms on a 2-core AMX Xeon; bf16 ~0.5 ms there


def parse_dtype_setting(setting: str | torch.dtype | None) -> str:
    """``"auto"`` / ``"float32"`` / ``"bfloat16"`` (or the torch dtype, or None = auto) -> the name."""
    if setting is None:
        return "auto"
    if isinstance(setting, torch.dtype):
        for name, dtype in _DTYPES.items():
            if dtype == setting:
                return name
        raise FaceliftError(f"dtype must be one of {', '.join(DTYPE_SETTINGS)}, got {setting}")
    text = str(setting).strip().lower()
    if text not in DTYPE_SETTINGS:
        raise FaceliftError(f"dtype must be one of {', '.join(DTYPE_SETTINGS)}, got {setting!r}")
    return text


def cpu_flags(cpuinfo: str | Path = "/proc/cpuinfo") -> tuple[str, set[str]]:
    """(CPU model name, its feature flags) from ``/proc/cpuinfo``; ("", {}) where unreadable."""
    try:
        text = Path(cpuinfo).read_text(errors="replace")
    except OSError:
        return "", set()
    model, flags = "", set()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "model name" and not model:
            model = value.strip()
        elif key in ("flags", "Features") and not flags:
            flags = set(value.split())
    return model, flags


def cpu_bf16_native(flags: set[str] | None = None) -> bool:
    """Whether this CPU has bf16 matrix units: the cpuinfo flags, else torch's own check."""
    if flags is None:
        flags = cpu_flags()[1]
    if flags:
        return any(f in flags for f in BF16_FLAGS)
    cpu = torch.cpu  # where /proc/cpuinfo is missing (macOS, Windows): ask torch's cpuinfo
    checks = [getattr(cpu, name, None) for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")]
    return any(bool(check()) for check in checks if check is not None)


def matmul_seconds(dtype: torch.dtype, n: int = CHECK_SIZE, repeats: int = 3) -> float:
    """Best wall time of one n×n×n matmul in ``dtype`` on the CPU (after one warm-up)."""
    a = torch.randn(n, n).to(dtype)
    b = torch.randn(n, n).to(dtype)
    a @ b
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t)
    return best


def machine_key(model: str, flags: set[str]) -> str:
    """The cache key of this machine's check: CPU model, its bf16 flags, torch version."""
    text = json.dumps([model, sorted(f for f in flags if f in BF16_FLAGS or f.startswith(("amx", "avx512"))),
                       torch.__version__])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def cache_path() -> Path:
    # The root facelift.weights.release caches the release under (that module is a layer up).
    root = os.environ.get("FACELIFT_CACHE", "").strip() or "~/.cache/facelift"
    return Path(root).expanduser() / CACHE_FILE


def read_cache(path: Path) -> dict:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_cache(path: Path, key: str, entry: dict) -> None:
    """Add ``entry`` under ``key`` (atomically; a cache that cannot be written is only logged)."""
    from facelift.atomic import atomic_write_text

    data = read_cache(path)
    data[key] = entry
    try:
        atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True))
    except OSError as err:
        log.info("could not cache the bf16 check in %s (%s)", path, err)


def cpu_bf16_check(cache: Path | None = None, timer=None) -> dict:
    """This CPU's bf16 verdict: ``{"cpu", "bf16_native", "fp32_s", "bf16_s", "bf16_faster"}``.

    CPUs without bf16 flags are not timed. With them, the micro-check runs once per machine
    and torch version; later calls read the cache.
    """
    model, flags = cpu_flags()
    native = cpu_bf16_native(flags)
    entry = {"cpu": model, "bf16_native": native, "fp32_s": None, "bf16_s": None, "bf16_faster": False}
    if not native:
        return entry
    path = cache or cache_path()
    key = machine_key(model, flags)
    cached = read_cache(path).get(key)
    if isinstance(cached, dict) and isinstance(cached.get("bf16_faster"), bool):
        return cached
    timer = timer or matmul_seconds
    fp32_s, bf16_s = timer(torch.float32), timer(torch.bfloat16)
    entry.update(fp32_s=fp32_s, bf16_s=bf16_s, bf16_faster=bool(bf16_s * MIN_SPEEDUP <= fp32_s))
    log.info("bf16 check on %s: fp32 %.2f ms, bf16 %.2f ms per %d² matmul", model or "this CPU",
             1e3 * fp32_s, 1e3 * bf16_s, CHECK_SIZE)
    write_cache(path, key, entry)
    return entry


def choose_dtype(setting: str | torch.dtype | None, device: torch.device | str,
                 num_parameters: int | None = None) -> torch.dtype:
    """The precision a model's weights run in (module docstring).

    ``num_parameters``: the model's size; ``auto`` keeps models under :data:`MIN_BF16_PARAMS`
    in fp32 (None: size not considered).
    """
    name = parse_dtype_setting(setting)
    if name != "auto":
        return _DTYPES[name]
    if torch.device(device).type != "cpu":
        return torch.float32  # CUDA: as before (fp32 weights, GS-LRM under bf16 autocast)
    if num_parameters is not None and num_parameters < MIN_BF16_PARAMS:
        return torch.float32
    return torch.bfloat16 if cpu_bf16_check()["bf16_faster"] else torch.float32


#: Layers whose bf16 outputs are kept as they are: attention's queries, keys and values (the
#: softmax accumulates in float32 either way, and bf16 attention is the faster kernel).
LOW_PRECISION_OUTPUTS = ("to_q", "to_k", "to_v")


def _input_to_weight_dtype(module: torch.nn.Module, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    return (args[0].to(module.weight.dtype),) + tuple(args[1:]), kwargs


def _output_to_float32(module: torch.nn.Module, args: tuple, output: torch.Tensor) -> torch.Tensor:
    return output.float()


def cast_matrices(module: torch.nn.Module, dtype: torch.dtype) -> torch.nn.Module:
    """Run ``module``'s linear and convolution layers in ``dtype`` and everything else in float32.

    Their weights are cast once; each casts its input to ``dtype`` and its output back to
    float32 (except :data:`LOW_PRECISION_OUTPUTS`), so norms, residual sums, activations and
    embeddings stay float32 between them. ``float32`` casts the module whole. Calling it again
    re-casts the weights and keeps one pair of hooks per layer.
    """
    module.float()
    if dtype == torch.float32:
        return module
    for name, layer in module.named_modules():
        if not isinstance(layer, (torch.nn.Linear, torch.nn.Conv1d, torch.nn.Conv2d)):
            continue
        layer.to(dtype)
        if getattr(layer, "_facelift_cast_hooks", None) is None:
            hooks = [layer.register_forward_pre_hook(_input_to_weight_dtype, with_kwargs=True)]
            if not name.endswith(LOW_PRECISION_OUTPUTS):
                hooks.append(layer.register_forward_hook(_output_to_float32))
            layer._facelift_cast_hooks = hooks
    return module


__all__ = ["DTYPE_SETTINGS", "LOW_PRECISION_OUTPUTS", "cast_matrices", "choose_dtype", "cpu_bf16_check",
           "cpu_bf16_native", "parse_dtype_setting"]
