"""Image and video files: PNG frames, grids, and MP4 through the ffmpeg that imageio-ffmpeg bundles.

Every writer is atomic (temporary name, then rename), so an interrupted run never leaves a
playable-looking but truncated video behind.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import torch
from PIL import Image

from facelift.atomic import atomic_path
from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

VIDEO_SUFFIXES = {".mp4", ".mov", ".mkv", ".webm", ".avi", ".gif"}


def to_uint8(image: torch.Tensor | np.ndarray) -> np.ndarray:
    """(H, W, 3) float in [0, 1] (tensor or array) -> (H, W, 3) uint8."""
    if isinstance(image, torch.Tensor):
        image = image.detach().float().cpu().numpy()
    if image.dtype == np.uint8:
        return image
    return (np.clip(image, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)


def save_image(path: str | Path, image: torch.Tensor | np.ndarray) -> None:
    """Save an (H, W, 3|4) image atomically; format from the suffix."""
    path = Path(path)
    with atomic_path(path) as tmp:
        Image.fromarray(to_uint8(image)).save(tmp, format=Image.registered_extensions().get(path.suffix.lower(), "PNG"))


def image_grid(images: list[torch.Tensor | np.ndarray], columns: int | None = None) -> np.ndarray:
    """Tile equally sized (H, W, 3) images into one (rows*H, columns*W, 3) uint8 grid."""
    if not images:
        raise FaceliftError("image_grid needs at least one image")
    tiles = [to_uint8(im) for im in images]
    h, w = tiles[0].shape[:2]
    columns = columns or len(tiles)
    rows = -(-len(tiles) // columns)
    grid = np.full((rows * h, columns * w, tiles[0].shape[2]), 255, dtype=np.uint8)
    for i, tile in enumerate(tiles):
        r, c = divmod(i, columns)
        grid[r * h:(r + 1) * h, c * w:(c + 1) * w] = tile
    return grid


def write_video(path: str | Path, frames: Iterable[torch.Tensor | np.ndarray], fps: float = 30.0) -> int:
    """Stream frames to an H.264 MP4 (or other container by suffix); returns the frame count.

    Frames are encoded as they arrive, so memory does not grow with the video's length.
    """
    import imageio.v2 as imageio

    path = Path(path)
    count = 0
    with atomic_path(path) as tmp:
        # yuv420p needs even sizes; macro_block_size=2 pads odd ones instead of resizing to 16.
        writer = imageio.get_writer(tmp, fps=fps, codec="libx264" if path.suffix.lower() == ".mp4" else None,
                                    quality=8, macro_block_size=2, ffmpeg_log_level="error",
                                    format="FFMPEG")
        try:
            for frame in frames:
                writer.append_data(to_uint8(frame))
                count += 1
        finally:
            writer.close()
        if count == 0:
            raise FaceliftError(f"{path}: no frames to write")
    return count


def write_frames(folder: str | Path, frames: Iterable[torch.Tensor | np.ndarray], start: int = 0) -> int:
    """Write frames as numbered PNGs ``00000.png, 00001.png, ...`` into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for i, frame in enumerate(frames, start=start):
        save_image(folder / f"{i:05d}.png", frame)
        count += 1
    return count


def video_info(path: str | Path) -> dict:
    """Metadata of a video file (fps, size, duration, nframes when known)."""
    import imageio.v2 as imageio

    try:
        reader = imageio.get_reader(Path(path), format="FFMPEG")
    except Exception as e:  # imageio raises several unrelated types for unreadable files
        raise FaceliftError(f"{path}: cannot open as a video ({type(e).__name__}: {str(e).splitlines()[0]})") from None
    try:
        meta = dict(reader.get_meta_data())
        meta["nframes"] = reader.count_frames()
    finally:
        reader.close()
    return meta


def read_video(path: str | Path, stride: int = 1, max_frames: int | None = None) -> Iterator[tuple[int, np.ndarray]]:
    """Yield (frame_index, (H, W, 3) uint8) for every ``stride``-th frame, streaming."""
    import imageio.v2 as imageio

    path = Path(path)
    if not path.is_file():
        raise FaceliftError(f"{path}: video file not found")
    if stride < 1:
        raise FaceliftError(f"--stride must be >= 1, got {stride}")
    try:
        reader = imageio.get_reader(path, format="FFMPEG")
    except Exception as e:
        raise FaceliftError(f"{path}: cannot open as a video ({type(e).__name__}: {str(e).splitlines()[0]})") from None
    emitted = 0
    try:
        for index, frame in enumerate(reader):
            if index % stride:
                continue
            yield index, np.asarray(frame)[..., :3]
            emitted += 1
            if max_frames is not None and emitted >= max_frames:
                break
    finally:
        reader.close()
