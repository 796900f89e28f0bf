"""Where weights are, without loading any: bundled names, local folders, hub ids already in the
local Hugging Face cache, and training runs (their newest complete checkpoint).

Nothing here imports a model, so the models themselves can find their weights through it. The
authors' release (``--weights openfacelift``, downloaded and converted on first use) is found by
:func:`facelift.weights.folder.resolve_weights`, a layer up: converting it needs the models.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from facelift.errors import FaceliftError
from facelift.weights.store import MODEL_FILE

#: Weights shipped inside the package (``src/facelift/weights/NAME/``).
BUNDLED = ("tiny",)
#: A training checkpoint folder's optimiser / scheduler / RNG state (next to its MODEL_FILE).
STATE_FILE = "training_state.pt"
_STEP_DIR = re.compile(r"^step_(\d{8})$")


def bundled_weights_dir(name: str) -> Path:
    return Path(str(resources.files("facelift") / "weights" / name))


def bundled_weights(name: str) -> Path:
    """The folder of a bundled name, or a one-line error when this installation lacks it."""
    folder = bundled_weights_dir(name)
    if not (folder / "lrm").is_dir():
        raise FaceliftError(f"the bundled '{name}' weights are not in this installation ({folder}); pass "
                            "--weights DIR with weights from 'facelift export-weights' or "
                            "'facelift convert-official' (README, Models)")
    return folder


def is_hub_id(text: str) -> bool:
    """``owner/name``: the shape of a Hugging Face hub id (a path like ./a or /a is not one)."""
    return text.count("/") == 1 and not text.startswith((".", "/"))


def cached_hub_snapshot(repo_id: str, cache_dir: str | Path | None = None) -> Path | None:
    """The local snapshot of a hub repository, or None when it is not in the cache (never
    downloads). ``cache_dir`` defaults to the Hugging Face hub cache (``HF_HUB_CACHE`` / ``HF_HOME``)."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        return Path(snapshot_download(repo_id, local_files_only=True, cache_dir=cache_dir))
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None


def resolve_pretrained(name_or_path: str | Path, subfolder: str | None = None,
                       cache_dir: str | Path | None = None) -> Path:
    """A Stage I pipeline folder: a bundled name (``tiny``), a local folder, or a hub id found in
    the local Hugging Face cache (never downloads), with ``subfolder``; it must hold
    ``model_index.json``. A pipeline weights folder (``mvdiff/`` + ``lrm/``) leads to its ``mvdiff/``."""
    if str(name_or_path) in BUNDLED:
        return bundled_weights(str(name_or_path)) / "mvdiff"
    path = Path(name_or_path).expanduser()
    if not path.exists():
        text = str(name_or_path)
        if not is_hub_id(text):
            raise FaceliftError(f"{name_or_path}: no such folder (and not a hub id like owner/name)")
        snapshot = cached_hub_snapshot(text, cache_dir)
        if snapshot is None:
            raise FaceliftError(
                f"{name_or_path}: not in the local Hugging Face cache; download it first "
                f"(e.g. `hf download {name_or_path}`) or pass a local folder"
            )
        path = snapshot
    if subfolder:
        path = path / subfolder
    elif not (path / "model_index.json").is_file() and (path / "mvdiff" / "model_index.json").is_file():
        path = path / "mvdiff"
    if not (path / "model_index.json").is_file():
        raise FaceliftError(f"{path}: not a diffusers pipeline folder (no model_index.json)")
    return path


def resolve_lrm_path(path: str | Path) -> Path:
    """Where a reconstructor's weights are: a bundled name (``tiny``) or a pipeline weights folder
    (``mvdiff/`` + ``lrm/``) lead to its ``lrm/``; anything else must exist as given."""
    if str(path) in BUNDLED:
        return bundled_weights(str(path)) / "lrm"
    path = Path(path)
    if not path.exists():
        raise FaceliftError(f"{path}: no such file or folder (use 'tiny', a GS-LRM folder, a pipeline "
                            "weights folder, a training run or a .safetensors file)")
    if path.is_dir() and not (path / MODEL_FILE).is_file() and (path / "lrm" / MODEL_FILE).is_file():
        return path / "lrm"
    return path


def checkpoints(root: str | Path) -> list[tuple[int, Path]]:
    """(step, folder) of the complete checkpoints under ``root`` (a run's ``checkpoints/``), oldest
    first; the temporary folders of a killed write are ignored."""
    root = Path(root)
    if not root.is_dir():
        return []
    found = []
    for p in root.iterdir():
        m = _STEP_DIR.match(p.name)
        if m and (p / MODEL_FILE).is_file() and (p / STATE_FILE).is_file():
            found.append((int(m.group(1)), p))
    return sorted(found)


def latest_checkpoint(root: str | Path) -> Path | None:
    """The newest complete checkpoint folder under ``root``, or None."""
    items = checkpoints(root)
    return items[-1][1] if items else None


__all__ = ["BUNDLED", "bundled_weights", "bundled_weights_dir", "cached_hub_snapshot", "checkpoints",
           "is_hub_id", "latest_checkpoint", "resolve_lrm_path", "resolve_pretrained"]
