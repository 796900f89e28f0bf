"""Model weights on disk: safetensors files, written atomically, read with one-line errors.

The one place weights are saved and loaded (models, training checkpoints, converters), so the
models need nothing from the trainer. Never a pickle: safetensors only.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Mapping

import torch
from torch import nn

from facelift.atomic import atomic_path
from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

#: A model folder's (or a checkpoint folder's) weights file.
MODEL_FILE = "model.safetensors"


def save_weights(model: nn.Module, path: str | Path, metadata: dict[str, str] | None = None,
                 dtype: torch.dtype | None = None) -> None:
    """Model weights as safetensors (contiguous CPU copies; shared tensors stored once each),
    floating-point tensors cast to ``dtype`` when given (loading casts them back to the model's)."""
    _save_state(model.state_dict(), path, metadata, dtype)


def recast_weights(path: str | Path, dtype: torch.dtype, metadata: dict[str, str] | None = None) -> None:
    """Rewrite a safetensors file with its floating-point tensors in ``dtype`` (atomically)."""
    _save_state(load_weights(path), path, metadata, dtype)


def _save_state(state: Mapping[str, torch.Tensor], path: str | Path, metadata: dict[str, str] | None,
                dtype: torch.dtype | None) -> None:
    from safetensors.torch import save_file

    def stored(v: torch.Tensor) -> torch.Tensor:
        v = v.detach().to("cpu")
        return (v.to(dtype) if dtype is not None and v.is_floating_point() else v).contiguous().clone()

    with atomic_path(path) as tmp:
        save_file({k: stored(v) for k, v in state.items()}, str(tmp), metadata=metadata or {})


def load_weights(path: str | Path) -> dict[str, torch.Tensor]:
    """A safetensors state dict (CPU), or a clear error for a missing / broken file."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    path = Path(path)
    if path.is_dir():
        path = path / MODEL_FILE
    if not path.is_file():
        raise FaceliftError(f"{path}: weights file not found")
    try:
        return load_file(str(path))
    except (SafetensorError, OSError, ValueError) as e:
        raise FaceliftError(f"{path}: not a readable safetensors file ({e})") from None


def load_into(model: nn.Module, state: Mapping[str, torch.Tensor], strict: bool = False,
              what: str = "checkpoint") -> tuple[list[str], list[str]]:
    """Load ``state`` into ``model``, logging missing / unexpected keys and shape mismatches.

    Keys whose shapes differ are reported and skipped (never a cryptic size-mismatch traceback).
    With ``strict`` any missing, unexpected or mismatched key is a :class:`FaceliftError`.
    Returns (missing, unexpected).
    """
    own = model.state_dict()
    mismatched = [k for k, v in state.items() if k in own and tuple(own[k].shape) != tuple(v.shape)]
    filtered = {k: v for k, v in state.items() if k not in mismatched}
    result = model.load_state_dict(filtered, strict=False)
    missing, unexpected = list(result.missing_keys), list(result.unexpected_keys)
    if mismatched:
        details = ", ".join(f"{k} {tuple(state[k].shape)} vs {tuple(own[k].shape)}" for k in mismatched[:5])
        log.warning("%s: %d keys with mismatched shapes skipped: %s", what, len(mismatched), details)
    if missing:
        log.warning("%s: %d missing keys (left at init): %s", what, len(missing), _short(missing))
    if unexpected:
        log.warning("%s: %d unexpected keys ignored: %s", what, len(unexpected), _short(unexpected))
    if not (missing or unexpected or mismatched):
        log.debug("%s: all %d keys loaded", what, len(own))  # the normal case: not worth a line
    if strict and (missing or unexpected or mismatched):
        raise FaceliftError(
            f"{what}: does not match the model ({len(missing)} missing, {len(unexpected)} unexpected, "
            f"{len(mismatched)} mismatched keys; first: {(missing + unexpected + mismatched)[:3]})"
        )
    return missing, unexpected + mismatched


def _short(keys: list[str], n: int = 6) -> str:
    return ", ".join(keys[:n]) + (f", ... (+{len(keys) - n})" if len(keys) > n else "")


__all__ = ["MODEL_FILE", "load_into", "load_weights", "save_weights"]
