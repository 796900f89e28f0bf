"""``facelift.json``: what a weights folder says about itself, read and written here only.

Every key is optional; a folder without the file has the library's defaults. Keys this version
does not know are kept as they are (``extra``), so reading and writing a folder loses nothing.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from facelift.atomic import atomic_write_text
from facelift.defaults import DDIM_ETA, GUIDANCE_SCALE, NUM_INFERENCE_STEPS, SEED
from facelift.errors import FaceliftError

META_FILE = "facelift.json"
#: Keys ending in this are explanations for people (``export_why``, ``refine_why``).
_NOTE_SUFFIX = "_why"


@dataclass
class WeightsMeta:
    """A weights folder's ``facelift.json``.

    Attributes:
        name: a label for logs and outputs.
        source: where the weights came from (a download's repo@commit, a folder).
        stage1, stage2: which Stage I / Stage II models the folder holds.
        license: the terms that come with the weights.
        view_embeddings: how Stage I's per-view prompt embeddings were made (converted release).
        defaults: sampling and seed defaults (``num_inference_steps``, ``guidance_scale``,
            ``eta`` (DDIM), ``seed``; ``refine``: photo-fit iterations), checked by the pipeline
            at load.
        export: overrides of :class:`facelift.lrm.config.ExportConfig` (``null`` switches a
            filter off), checked by :func:`facelift.pipeline.export_config`.
        download: the provenance of a release download (:mod:`facelift.weights.release`).
        notes: the ``*_why`` explanations, by key.
        extra: any other keys, kept for the next write.
    """

    name: str = ""
    source: str | None = None
    stage1: str | None = None
    stage2: str | None = None
    license: str | None = None
    view_embeddings: str | None = None
    defaults: dict[str, Any] = field(default_factory=dict)
    export: dict[str, Any] | None = None
    download: dict[str, Any] | None = None
    notes: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The file's object: unset fields (None, empty) are left out."""
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("notes", "extra"):
                data.update(value)
            elif value is not None and value != "" and value != {}:
                data[f.name] = value
        return data

    @classmethod
    def from_json(cls, data: Any, where: str = META_FILE) -> "WeightsMeta":
        if not isinstance(data, dict):
            raise FaceliftError(f"{where}: must be a JSON object, got {type(data).__name__}")
        known = {f.name for f in fields(cls)} - {"notes", "extra"}
        meta = cls()
        for key, value in data.items():
            if key in known:
                setattr(meta, key, value)
            elif key.endswith(_NOTE_SUFFIX):
                meta.notes[key] = value
            else:
                meta.extra[key] = value
        for key in ("defaults", "export", "download"):
            value = getattr(meta, key)
            if value is not None and not isinstance(value, dict):
                raise FaceliftError(f"{where}: \"{key}\" must be an object of settings, got {value!r}")
        if meta.defaults is None:
            meta.defaults = {}
        if not isinstance(meta.name, str):
            raise FaceliftError(f"{where}: \"name\" must be a string, got {meta.name!r}")
        return meta


def _whole(value: Any, lowest: int) -> bool:
    # 50.0 is accepted as 50: JSON writers differ on whole numbers.
    return _number(value) and float(value).is_integer() and value >= lowest


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def sampling_defaults(defaults: Mapping[str, Any]) -> dict[str, Any]:
    """A ``"defaults"`` object with its sampling keys checked and the library's values filled in.

    ``num_inference_steps`` (whole number >= 1), ``guidance_scale`` (number >= 0), ``eta`` (number in
    [0, 1]) and ``seed`` (whole number >= 0) come back as int / float; other keys (``refine``, checked
    by the pipeline) pass through. A bad value is a one-line :class:`FaceliftError` naming the
    key, so a malformed ``facelift.json`` fails when the weights load, not mid-sampling.
    """
    out = {"num_inference_steps": NUM_INFERENCE_STEPS, "guidance_scale": GUIDANCE_SCALE, "eta": DDIM_ETA,
           "seed": SEED, **defaults}
    checks = (("num_inference_steps", lambda v: _whole(v, 1), int, "an integer >= 1"),
              ("guidance_scale", lambda v: _number(v) and v >= 0, float, "a number >= 0"),
              ("eta", lambda v: _number(v) and 0 <= v <= 1, float, "a number in [0, 1] (DDIM)"),
              ("seed", lambda v: _whole(v, 0), int, "a non-negative integer"))
    for key, ok, kind, what in checks:
        if not ok(out[key]):
            raise FaceliftError(f"{key} must be {what}, got {out[key]!r}")
        out[key] = kind(out[key])
    return out


def read_meta(folder: str | Path) -> WeightsMeta:
    """``folder/facelift.json`` (the defaults when there is none); a file that is not a JSON
    object is a one-line error naming it."""
    path = Path(folder) / META_FILE
    if not path.is_file():
        return WeightsMeta()
    try:
        data = json.loads(path.read_text())
    except (ValueError, OSError) as err:
        raise FaceliftError(f"{path}: not readable JSON ({err})") from None
    return WeightsMeta.from_json(data, str(path))


def stage_meta(stage_folder: str | Path) -> WeightsMeta:
    """The ``facelift.json`` that governs one stage's folder: its own, else its pipeline
    folder's (``tiny/mvdiff`` -> ``tiny/facelift.json``), else the defaults."""
    folder = Path(stage_folder)
    for candidate in (folder, folder.parent):
        if (candidate / META_FILE).is_file():
            return read_meta(candidate)
    return WeightsMeta()


def write_meta(folder: str | Path, meta: WeightsMeta) -> Path:
    """Write ``folder/facelift.json`` atomically."""
    path = Path(folder) / META_FILE
    atomic_write_text(path, json.dumps(meta.to_json(), indent=2))
    return path


__all__ = ["stage_meta", "META_FILE", "WeightsMeta", "read_meta", "sampling_defaults", "write_meta"]
