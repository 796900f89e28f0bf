"""A ``--weights`` folder: found from a name (:func:`resolve_weights`), written from two stages
(:func:`save_weights_folder`).

The layout::

    WEIGHTS/
      facelift.json    # optional (facelift.weights.meta): name, licence, defaults, export filter
      mvdiff/          # a FaceLiftMultiViewPipeline folder (diffusers layout, safetensors)
      lrm/             # a GSLRM folder (model.safetensors + config.json)

Names: ``"tiny"`` (bundled), ``"openfacelift"`` (the authors' release, downloaded and converted
once on first use: :mod:`facelift.weights.release`), a local folder, or a hub id already in the
local Hugging Face cache (nothing is downloaded).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facelift.atomic import atomic_dir
from facelift.errors import FaceliftError
from facelift.weights.locate import BUNDLED, bundled_weights, cached_hub_snapshot, is_hub_id
from facelift.weights.meta import WeightsMeta, write_meta
from facelift.weights.release import NAME as RELEASE_NAME


def resolve_weights(name_or_path: str | Path, accept_license: bool = False) -> Path:
    """A bundled name, ``"openfacelift"``, a local folder, or a hub id in the local cache -> a
    weights folder. ``accept_license``: the release's, needed only when it is to be downloaded."""
    text = str(name_or_path)
    if text == RELEASE_NAME:  # a folder of that name: pass it as ./openfacelift
        from facelift.weights.release import resolve_openfacelift

        return resolve_openfacelift(accept_license=accept_license)
    if text in BUNDLED:
        return bundled_weights(text)
    path = Path(text).expanduser()
    if path.exists():
        if not path.is_dir():
            raise FaceliftError(f"{path}: weights must be a folder with mvdiff/ and lrm/")
        return path
    if is_hub_id(text):
        snapshot = cached_hub_snapshot(text)
        if snapshot is None:
            raise FaceliftError(f"weights {text!r}: not a local folder, and the hub id is not in the local "
                                "Hugging Face cache (facelift downloads only '--weights openfacelift'; fetch "
                                "it yourself, then run 'facelift convert-official' if it is the authors' "
                                "release)")
        return snapshot
    raise FaceliftError(f"weights {text!r}: no such folder (use 'tiny', 'openfacelift', a folder, or a cached hub id)")


def save_weights_folder(folder: str | Path, mvdiff: Any, lrm: Any, meta: WeightsMeta | None = None,
                        lrm_dtype: Any = None) -> Path:
    """Assemble a weights folder (mvdiff/, lrm/, facelift.json) from the two stages, atomically;
    ``lrm_dtype`` (e.g. ``torch.float16``) is the precision Stage II is stored at."""
    folder = Path(folder)
    with atomic_dir(folder) as tmp:
        mvdiff.save_pretrained(tmp / "mvdiff")
        lrm.save_pretrained(tmp / "lrm", dtype=lrm_dtype)
        write_meta(tmp, meta or WeightsMeta())
    return folder


__all__ = ["RELEASE_NAME", "resolve_weights", "save_weights_folder"]
