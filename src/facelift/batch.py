"""A batch of reconstructions: which inputs, which output folder each gets, which are already
done, which this process takes, and which cannot be read, all decided before a model loads.

What ``facelift reconstruct`` runs, callable from Python::

    items = [i for i in plan_batch(["photos/"], out="heads") if not i.done]
    readable, errors = check_readable(items)   # decode every photo first: bad files cost nothing
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facelift.errors import FaceliftError
from facelift.outputs import is_complete, output_names

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif"}


def expand_inputs(items: Sequence[str | Path]) -> list[Path]:
    """Files, folders (their images, sorted) and glob patterns -> a de-duplicated list of files.

    A pattern or path that matches nothing is an error: a typo should not silently
    produce an empty batch.
    """
    found: list[Path] = []
    for item in map(str, items):
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())
            if not files:
                raise FaceliftError(f"{path}: folder has no images ({', '.join(sorted(IMAGE_SUFFIXES))})")
            found += files
        elif path.exists():
            found.append(path)
        elif glob.has_magic(item):
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
            if not matches:
                raise FaceliftError(f"{item}: pattern matches no files")
            found += matches
        else:
            raise FaceliftError(f"{path}: no such file or folder")
    seen, unique = set(), []
    for p in found:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def process_share() -> tuple[int, int]:
    """(rank, world size) of this process: under ``accelerate launch`` / torchrun each process
    takes every world-size-th input; (0, 1) otherwise."""
    return int(os.environ.get("RANK", 0)), int(os.environ.get("WORLD_SIZE", 1))


@dataclass(frozen=True)
class BatchItem:
    """One input: a photo (``kind="image"``) or a posed-views folder (``"views"``), the folder it
    is written to, and whether that folder already holds every expected file."""

    kind: str
    path: Path
    out: Path
    done: bool


def plan_batch(images: Sequence[str | Path], views: Sequence[str | Path] = (), out: str | Path = ".",
               formats: str | Sequence[str] = "ply", rank: int = 0, world: int = 1) -> list[BatchItem]:
    """This process's share of the inputs, each with its output folder ``out/<name>`` (names
    from the whole batch, so every process agrees on them) and whether it is done."""
    jobs = [("image", p) for p in expand_inputs(images)] + [("views", Path(v)) for v in views]
    names = output_names([p for _, p in jobs])
    out = Path(out)
    return [BatchItem(kind, path, out / name, is_complete(out / name, formats))
            for i, ((kind, path), name) in enumerate(zip(jobs, names)) if i % world == rank]


def check_readable(items: Sequence[BatchItem]) -> tuple[list[BatchItem], list[FaceliftError]]:
    """Decode every photo -> (the readable items, one error per unreadable one). The pipeline
    decodes a photo again when it runs (cheap next to Stage I; holding a large batch's decoded
    photos in memory would not be)."""
    from facelift.preprocess.io import load_image

    readable, errors = [], []
    for item in items:
        try:
            if item.kind == "image":
                load_image(item.path)
            readable.append(item)
        except FaceliftError as e:
            errors.append(e)
    return readable, errors


__all__ = ["BatchItem", "IMAGE_SUFFIXES", "check_readable", "expand_inputs", "plan_batch", "process_share"]
