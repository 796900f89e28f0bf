"""The one on-disk layout of every multi-view head dataset (procedural, Blender, converted).

::

    DATASET/
      index.json              subjects, their splits, how the dataset was made
      <subject>/
        images/000.png ...    RGBA, straight (unassociated) alpha from the render
        transforms.json       nerfstudio cameras, one frame per image (SPEC §3)
        meta.json             identity, appearance, lighting, generator, per-view info

Images ``000`` .. ``005`` are the six Stage I views in the order of
:data:`facelift.cameras.VIEW_NAMES` (front, front_right, right, back, left, front_left;
elevation 0, radius 2.7, 50° field of view); the rest are the random Stage II views.
``transforms.json`` is the truth for every camera; ``meta.json["views"]`` repeats the
azimuth/elevation of each for convenience. Images keep the render's alpha so a loader
can composite them onto any background (white by default, as the release does).

A subject folder is written with :func:`facelift.atomic.atomic_dir`: it appears
complete or not at all, so a killed run never leaves a half-written subject.
"""

from __future__ import annotations

import io
import json
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

from facelift.atomic import atomic_dir, atomic_write_text
from facelift.cameras import Camera, read_transforms, write_transforms
from facelift.errors import FaceliftError

LAYOUT_VERSION = "facelift-multiview-1"
INDEX_NAME = "index.json"
NUM_FIXED_VIEWS = 6
SPLITS = ("train", "val", "test")


def image_name(i: int) -> str:
    return f"images/{i:03d}.png"


def encode_png(rgba: np.ndarray, compress_level: int = 4) -> bytes:
    """(H, W, 4) uint8 -> PNG bytes (deterministic for a given input)."""
    buf = io.BytesIO()
    Image.fromarray(rgba, mode="RGBA").save(buf, format="PNG", compress_level=compress_level)
    return buf.getvalue()


def write_subject(folder: Path, images: list[np.ndarray], cameras: Camera, meta: dict) -> None:
    """Write one subject atomically.

    Args:
        images: V arrays (H, W, 4) uint8 RGBA (straight alpha).
        cameras: (V, ...) cameras of those images.
        meta: JSON-ready dict for ``meta.json``.
    """
    if len(images) != len(cameras):
        raise FaceliftError(f"{folder}: {len(images)} images but {len(cameras)} cameras")
    with atomic_dir(folder) as tmp:
        (tmp / "images").mkdir()
        names = [image_name(i) for i in range(len(images))]
        for name, rgba in zip(names, images):
            (tmp / name).write_bytes(encode_png(rgba))
        write_transforms(tmp / "transforms.json", cameras, names,
                         extra={"facelift_layout": LAYOUT_VERSION, "facelift_fixed_views": NUM_FIXED_VIEWS})
        (tmp / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True))


def is_complete(folder: Path) -> bool:
    """A subject folder counts as done when its last-written parts exist (the folder
    only appears after everything inside was written)."""
    return (folder / "meta.json").is_file() and (folder / "transforms.json").is_file()


def write_index(root: Path, subjects: list[dict], info: dict) -> None:
    data = {"format": LAYOUT_VERSION, **info, "subjects": subjects}
    atomic_write_text(root / INDEX_NAME, json.dumps(data, indent=2))


def read_index(root: str | Path) -> dict:
    """Read ``index.json``; a folder without one is scanned for subject folders (split "train")."""
    root = Path(root)
    if not root.is_dir():
        raise FaceliftError(f"{root}: dataset folder not found")
    path = root / INDEX_NAME
    if not path.exists():
        names = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")
                       and (p / "transforms.json").exists())
        if not names:
            raise FaceliftError(f"{root}: no {INDEX_NAME} and no subject folders with transforms.json")
        return {"format": LAYOUT_VERSION, "subjects": [{"name": n, "split": "train", "identity": n} for n in names]}
    try:
        data = json.loads(path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise FaceliftError(f"{path}: not valid JSON ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("subjects"), list):
        raise FaceliftError(f"{path}: no 'subjects' list")
    return data


def split_identities(identities: list[str], seed: int, val_fraction: float, test_fraction: float) -> dict[str, str]:
    """Assign whole identities to train / val / test, so no identity crosses splits.

    Each identity draws its split from a seeded hash of its name, so the assignment of
    an identity never changes when a dataset is extended with more identities. Train
    always keeps at least one identity.
    """
    if not (0 <= val_fraction < 1 and 0 <= test_fraction < 1 and val_fraction + test_fraction < 1):
        raise FaceliftError(f"split fractions must be in [0, 1) and sum below 1, got val={val_fraction}, "
                            f"test={test_fraction}")
    out = {}
    for name in sorted(set(identities)):
        u = np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(name.encode()), 77])).uniform()
        out[name] = "test" if u < test_fraction else "val" if u < test_fraction + val_fraction else "train"
    if out and "train" not in out.values():
        out[min(out)] = "train"
    return out


def load_rgba(path: Path, subject: str) -> np.ndarray:
    """(H, W, 4) uint8 from a PNG/JPEG; RGB files get an opaque alpha. Errors name the subject and file."""
    try:
        with Image.open(path) as im:
            im.load()
            if im.mode != "RGBA":
                im = im.convert("RGBA")
            return np.asarray(im)
    except FileNotFoundError:
        raise FaceliftError(f"subject {subject}: image {path} is missing") from None
    except (OSError, ValueError, SyntaxError) as e:
        raise FaceliftError(f"subject {subject}: image {path} is corrupt or unreadable ({e})") from None


def read_subject_cameras(folder: Path) -> tuple[Camera, list[str]]:
    """Cameras and image paths of one subject, with errors naming the subject."""
    path = folder / "transforms.json"
    if not path.exists():
        raise FaceliftError(f"subject {folder.name}: {path} is missing")
    try:
        cams, files, _ = read_transforms(path)
    except FaceliftError as e:
        raise FaceliftError(f"subject {folder.name}: {e}") from None
    return cams, files


def read_meta(folder: Path) -> dict:
    path = folder / "meta.json"
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise FaceliftError(f"subject {folder.name}: {path} is missing") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise FaceliftError(f"subject {folder.name}: {path} is not valid JSON ({e})") from None
