"""A user's input files for dataset building (head assets, environment maps), found in a folder."""

from __future__ import annotations

from pathlib import Path

from facelift.errors import FaceliftError


def find_files(folder: Path, suffixes: tuple[str, ...], option: str, what: str) -> list[Path]:
    """Every file under ``folder`` (recursively, sorted) whose suffix is one of ``suffixes``
    (lower case, with the dot). A missing folder or one with no such file is one clear error
    naming the command-line ``option`` and ``what`` was looked for."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FaceliftError(f"{option} {folder}: folder not found")
    found = sorted(p for p in folder.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
    if not found:
        raise FaceliftError(f"{option} {folder}: no {what} ({', '.join(suffixes)})")
    return found
