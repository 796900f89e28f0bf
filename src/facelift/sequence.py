"""4D heads: one Gaussian set per video frame, rendered at any (time, camera) (paper §4.5).

A sequence lives on disk as ``frames/NNNNN.ply`` plus a ``sequence.json`` with the frame
rate and the source frame indices, so it can be far larger than memory: frames are loaded
on demand and only the most recent few are cached.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from facelift.atomic import atomic_write_text
from facelift.cameras import Camera
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians

SEQUENCE_FILE = "sequence.json"


@dataclass
class GaussianSequence:
    """Gaussian sets over time.

    Attributes:
        paths: one PLY per kept frame, in time order.
        times: (T,) seconds of each kept frame in the source video.
        cache_size: how many loaded frames to keep in memory.
    """

    paths: list[Path]
    times: np.ndarray
    cache_size: int = 4

    def __post_init__(self) -> None:
        if len(self.paths) == 0:
            raise FaceliftError("a Gaussian sequence needs at least one frame")
        if len(self.paths) != len(self.times):
            raise FaceliftError(f"{len(self.paths)} frame files but {len(self.times)} timestamps")
        self._cache: OrderedDict[int, Gaussians] = OrderedDict()

    def __len__(self) -> int:
        return len(self.paths)

    @property
    def duration(self) -> float:
        return float(self.times[-1] - self.times[0])

    @classmethod
    def load(cls, folder: str | Path) -> "GaussianSequence":
        """Open a ``facelift video`` output folder (or any folder of ``frames/*.ply``)."""
        folder = Path(folder)
        meta_path = folder / SEQUENCE_FILE
        if meta_path.is_file():
            try:
                meta = json.loads(meta_path.read_text())
                frames = meta["frames"]
                paths = [folder / f["file"] for f in frames]
                times = np.array([float(f["time"]) for f in frames])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                raise FaceliftError(f"{meta_path}: malformed sequence file ({e})") from None
        else:
            paths = sorted((folder / "frames").glob("*.ply"))
            times = np.arange(len(paths), dtype=np.float64) / 30.0
        missing = [p for p in paths if not p.is_file()]
        if not paths:
            raise FaceliftError(f"{folder}: no frames/*.ply found")
        if missing:
            raise FaceliftError(f"{folder}: frame file {missing[0]} is missing")
        return cls(paths=paths, times=times)

    def frame(self, index: int) -> Gaussians:
        """The Gaussians of kept frame ``index`` (cached)."""
        if not 0 <= index < len(self):
            raise IndexError(f"frame {index} out of range 0..{len(self) - 1}")
        if index in self._cache:
            self._cache.move_to_end(index)
            return self._cache[index]
        g = Gaussians.load_ply(self.paths[index])
        self._cache[index] = g
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return g

    def index_at(self, time: float) -> int:
        """The kept frame nearest to ``time`` seconds (clamped to the sequence)."""
        return int(np.argmin(np.abs(self.times - time)))

    def at(self, time: float) -> Gaussians:
        return self.frame(self.index_at(time))

    def render(self, time: float, camera: Camera, background=(1.0, 1.0, 1.0)):
        """Render the head at ``time`` seconds from ``camera``; returns a RenderOutput."""
        from facelift.render import rasterize

        return rasterize(self.at(time), camera, background=background)


def write_sequence_index(folder: Path, files: list[str], times: list[float], fps: float, source: str) -> None:
    """Write ``sequence.json`` for the frames written so far (atomically)."""
    atomic_write_text(folder / SEQUENCE_FILE, json.dumps({
        "source": source, "fps": fps,
        "frames": [{"file": f, "time": t} for f, t in zip(files, times)],
    }, indent=1))


def smooth_boxes(boxes: np.ndarray, sigma: float = 2.0) -> np.ndarray:
    """Smooth a (T, 4) track of face boxes (cx, cy, w, h) over time with a Gaussian of ``sigma`` frames.

    Frames where the face was not found are NaN rows; they are filled from their
    neighbours, so one missed detection neither jumps the crop nor fails the video.
    Edges are handled by renormalising the kernel (no shrinking toward zero).
    """
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise FaceliftError(f"face box track must be (T, 4), got {boxes.shape}")
    valid = ~np.isnan(boxes).any(axis=1)
    if not valid.any():
        raise FaceliftError("no face was found in any frame of the video (try --no-crop)")
    if sigma <= 0:
        out = boxes.copy()
    else:
        radius = int(np.ceil(3 * sigma))
        offsets = np.arange(-radius, radius + 1)
        kernel = np.exp(-0.5 * (offsets / sigma) ** 2)
        T = len(boxes)
        out = np.empty_like(boxes)
        filled = np.where(valid[:, None], boxes, 0.0)
        for t in range(T):
            idx = t + offsets
            inside = (idx >= 0) & (idx < T)
            w = kernel[inside] * valid[idx[inside]]
            if w.sum() == 0:  # a long gap: take the nearest detection
                nearest = np.flatnonzero(valid)[np.argmin(np.abs(np.flatnonzero(valid) - t))]
                out[t] = boxes[nearest]
            else:
                out[t] = (w[:, None] * filled[idx[inside]]).sum(0) / w.sum()
    return out
