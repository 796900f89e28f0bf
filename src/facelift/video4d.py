"""Video → 4D head (paper §4.5): one reconstruction per frame, rendered at a novel camera.

Two passes over the video keep memory flat whatever its length: the first finds the face
box of every kept frame (only four numbers per frame are kept) and smooths the track over
time, so the crop does not jitter; the second decodes again, frames each image with its
smoothed box, reconstructs it with the same seed, and writes ``frames/NNNNN.ply``. Both
passes resume: boxes are cached in ``boxes.json`` and finished PLYs are skipped.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from tqdm.auto import tqdm

from facelift.atomic import atomic_write_text
from facelift.cameras import FOV_DEG, RADIUS, orbit_camera
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.media import read_video, video_info, write_video
from facelift.sequence import GaussianSequence, smooth_boxes, write_sequence_index

log = logging.getLogger(__name__)

BOXES_FILE = "boxes.json"


@dataclass
class VideoOptions:
    stride: int = 1
    max_frames: int | None = None
    camera: str = "fixed"          # "fixed" or "orbit"
    azimuth: float = 30.0
    elevation: float = 0.0
    size: int = 512
    seed: int | None = None  # None: the weights' default
    num_inference_steps: int | None = None
    guidance_scale: float | None = None
    crop: bool = True
    remove_background: bool = True
    smooth_sigma: float = 2.0
    refine: str | int = "auto"     # photo-fit per frame: "auto", "off" or iterations


def novel_camera(opts: VideoOptions, index: int, count: int):
    """The camera of output frame ``index`` of ``count``: fixed, or orbiting once over the video."""
    if opts.camera == "fixed":
        azimuth = opts.azimuth
    elif opts.camera == "orbit":
        azimuth = opts.azimuth + 360.0 * index / max(count, 1)
    else:
        raise FaceliftError(f"--camera must be 'fixed' or 'orbit', got {opts.camera!r}")
    return orbit_camera(azimuth, opts.elevation, RADIUS, FOV_DEG, opts.size)


def face_track(video: Path, out: Path, opts: VideoOptions) -> tuple[list[int], np.ndarray]:
    """Pass 1: (frame indices, smoothed (T, 4) cx, cy, w, h boxes), cached in ``out/boxes.json``."""
    from facelift.preprocess import find_face, load_image

    cache = out / BOXES_FILE
    key = {"video": str(video), "stride": opts.stride, "max_frames": opts.max_frames}
    if cache.is_file():
        data = json.loads(cache.read_text())
        if data.get("key") == key:
            return data["indices"], smooth_boxes(np.array(data["raw"], dtype=np.float64), opts.smooth_sigma)
    indices, raw = [], []
    for index, frame in tqdm(read_video(video, opts.stride, opts.max_frames), desc="video: faces", unit="frame"):
        indices.append(index)
        try:
            raw.append(find_face(load_image(frame, name=f"{video} frame {index}")).box.as_cxcywh().tolist())
        except FaceliftError as e:
            log.warning("%s", e)
            raw.append([float("nan")] * 4)
    if not indices:
        raise FaceliftError(f"{video}: no frames decoded")
    atomic_write_text(cache, json.dumps({"key": key, "indices": indices, "raw": raw}))
    return indices, smooth_boxes(np.array(raw, dtype=np.float64), opts.smooth_sigma)


def reconstruct_video(pipe, video: str | Path, out: str | Path, opts: VideoOptions | None = None) -> Path:
    """Reconstruct every kept frame of ``video`` into ``out/frames/`` and render ``out/novel_view.mp4``."""
    from facelift.preprocess import FaceBox, preprocess_image

    opts = opts or VideoOptions()
    video, out = Path(video), Path(out)
    meta = video_info(video)
    fps = float(meta.get("fps") or 30.0)
    (out / "frames").mkdir(parents=True, exist_ok=True)
    if opts.crop:
        indices, boxes = face_track(video, out, opts)
    else:
        indices, boxes = None, None

    def heads():
        for k, (index, frame) in enumerate(read_video(video, opts.stride, opts.max_frames)):
            def lift(k=k, frame=frame):
                box = None if boxes is None else FaceBox.from_cxcywh(boxes[k])
                pre = preprocess_image(frame, crop=opts.crop, remove_background=opts.remove_background, face_box=box)
                return pipe.from_preprocessed(pre, seed=opts.seed, num_inference_steps=opts.num_inference_steps,
                                              guidance_scale=opts.guidance_scale, refine=opts.refine).gaussians
            yield index / fps, lift

    count = write_heads(out, heads(), fps / opts.stride, str(video), desc="video: heads")
    if not count:
        raise FaceliftError(f"{video}: no frames decoded")
    if indices is not None and len(indices) != count:
        raise FaceliftError(f"{video}: decoded {count} frames but the face track has {len(indices)}; "
                            f"delete {out / BOXES_FILE} and rerun")
    render_sequence(GaussianSequence.load(out), out / "novel_view.mp4", opts, fps / opts.stride)
    return out


def write_heads(out: Path, heads: Iterable[tuple[float, Callable[[], Gaussians]]], fps: float, source: str,
                desc: str = "heads") -> int:
    """Write ``out/frames/NNNNN.ply`` for each ``(time, lift)`` in order and keep
    ``out/sequence.json`` up to date after each; returns how many frames there are.

    Resumable: a frame whose PLY exists is kept and its ``lift`` is not called. Each PLY is
    written atomically, so an interrupted run leaves only whole frames behind.
    """
    files, times = [], []
    for k, (time, lift) in enumerate(tqdm(heads, desc=desc, unit="frame")):
        name = f"frames/{k:05d}.ply"
        files.append(name)
        times.append(time)
        if (out / name).is_file():
            continue  # resumed run: this frame is done
        lift().save_ply(out / name)
        write_sequence_index(out, files, times, fps, source)
    if files:
        write_sequence_index(out, files, times, fps, source)
    return len(files)


def render_sequence(seq: GaussianSequence, path: Path, opts: VideoOptions, fps: float) -> int:
    """Render each frame of ``seq`` at the novel camera into a video (one frame in memory)."""
    from facelift.render import rasterize

    def frames():
        for i in tqdm(range(len(seq)), desc="video: render", unit="frame"):
            yield rasterize(seq.frame(i), novel_camera(opts, i, len(seq))).rgb

    return write_video(path, frames(), fps=fps)
