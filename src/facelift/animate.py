"""Photo + driving video → animated 3D head (paper §4.5, 3D facial animation).

Two passes, both resumable:

1. **Reanimate** (no FaceLift weights): a 2D reanimator (:mod:`facelift.reanimate`) moves the
   framed photo as the driving video moves, relative to the driving video's first kept frame;
   each animated frame is kept as ``animated/NNNNN.png`` and together they make
   ``animated_2d.mp4``. The frames stay in the photo's framing, so no per-frame face
   tracking (and no crop jitter) is needed.
2. **Lift** every animated frame to 3D (:func:`facelift.video4d.write_heads`, shared with
   ``facelift video``): ``frames/NNNNN.ply``, ``sequence.json``, ``novel_view.mp4``.

Temporal consistency. The paper notes flicker when frames are lifted independently. What
should not change across frames is shared (:class:`AnimateOptions` ``consistency``):

- the seed, and with it Stage I's starting noise (the generator is re-seeded per frame);
- the back and sides: by default (``"head"``) the first frame's whole Stage II head, which
  every later frame is photo-fitted onto, so Stages I and II run once; with ``"views"`` the
  first frame's right, back and left Stage I views (:data:`SHARED_VIEWS`) replace every later
  frame's, and Stages I and II run per frame (the first frame's views and head are kept in
  ``shared/`` for resuming);
- photo-fit (:mod:`facelift.refine`) puts each animated frame's own face on the front.

:func:`flicker` measures what is left: the mean frame-to-frame change of renders at a fixed
novel camera in the regions the driving motion does not move (``benchmarks/bench_animate.py``
compares it with independent lifting).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from tqdm.auto import tqdm

from facelift.atomic import atomic_write_text
from facelift.cameras import VIEW_NAMES, Camera, facelift_cameras
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.media import read_video, save_image, video_info, write_video
from facelift.sequence import GaussianSequence
from facelift.video4d import VideoOptions, render_sequence, write_heads

log = logging.getLogger(__name__)

ANIMATED_DIR = "animated"
SHARED_DIR = "shared"
FIRST_HEAD_FILE = "stage2.ply"
STATE_FILE = "animate.json"
INPUT_FILE = "input.png"
#: Stage I views taken from the first frame for every later one: what the face's motion does not change.
SHARED_VIEWS = ("right", "back", "left")
#: What later frames take from the first (:class:`AnimateOptions`).
CONSISTENCY = ("head", "views", "off")


@dataclass
class AnimateOptions(VideoOptions):
    """``facelift animate``'s settings: :class:`facelift.video4d.VideoOptions` plus

    Attributes:
        reanimator: which 2D reanimator made the frames (recorded; see :mod:`facelift.reanimate`).
        consistency: what later frames take from the first: ``"head"`` its whole Stage II head
            (Stages I and II run once; each frame is photo-fitted onto it, so only the
            photo-seeded front follows the face), ``"views"`` its right, back and left Stage I
            views (Stages I and II run per frame), ``"off"`` nothing (every frame lifted on its
            own, as ``facelift video`` does: the flicker baseline). ``"head"`` without photo-fit
            would not move at all, so it falls back to ``"views"`` then.
    """

    reanimator: str = "landmarks"
    consistency: str = "head"

    def __post_init__(self) -> None:
        if self.consistency not in CONSISTENCY:
            raise FaceliftError(f"consistency must be one of {', '.join(CONSISTENCY)}, got {self.consistency!r}")


@dataclass
class AnimatedFrames:
    """What pass 1 made: ``paths`` (one PNG per kept driving frame), their ``times`` (seconds)
    and the frame rate of the kept frames."""

    paths: list[Path]
    times: list[float]
    fps: float


def _state(photo_name: str, driving: Path, opts: AnimateOptions) -> dict:
    return {"photo": photo_name, "driving": str(driving), "stride": opts.stride, "max_frames": opts.max_frames,
            "reanimator": opts.reanimator, "consistency": opts.consistency, "seed": opts.seed,
            "steps": opts.num_inference_steps, "guidance": opts.guidance_scale, "refine": opts.refine}


def claim_folder(out: Path, state: dict) -> None:
    """Record what ``out`` animates; a folder holding another animation is refused (one line)."""
    path = out / STATE_FILE
    if path.is_file():
        try:
            old = json.loads(path.read_text())
        except json.JSONDecodeError:
            old = None
        if old != state:
            changed = sorted(k for k in state if not isinstance(old, dict) or old.get(k) != state[k])
            raise FaceliftError(f"{out} holds another animation (different {', '.join(changed) or 'settings'}); "
                                "choose another output folder or delete it")
        return
    atomic_write_text(path, json.dumps(state, indent=1))


def reanimate_video(source: Any, driving: str | Path, out: str | Path, reanimator,
                    opts: AnimateOptions | None = None) -> AnimatedFrames:
    """Pass 1: the photo moved by every kept driving frame, ``out/animated/NNNNN.png`` and
    ``out/animated_2d.mp4`` (no FaceLift weights needed).

    Args:
        source: the framed photo, a :class:`facelift.preprocess.PreprocessResult` (its
            ``image`` is used) or an (H, W, 3) uint8 array.
        reanimator: a :class:`facelift.reanimate.Reanimator`.

    Raises:
        FaceliftError: unreadable video, no frames, or no face in the first driving frame. A
            later frame without a face repeats the previous animated frame (with a warning).
    """
    opts = opts or AnimateOptions()
    driving, out = Path(driving), Path(out)
    image = np.asarray(source.image.convert("RGB")) if hasattr(source, "image") else np.asarray(source)[..., :3]
    fps = float(video_info(driving).get("fps") or 30.0)
    folder = out / ANIMATED_DIR
    frames = read_video(driving, opts.stride, 1)
    start = next(frames, None)
    frames.close()
    if start is None:
        raise FaceliftError(f"{driving}: no frames decoded")
    first = start[1]
    if not (folder / "00000.png").is_file():  # before the progress bar: a face-less video fails in one line
        try:
            rest = np.asarray(reanimator(image, first, first), np.uint8)
        except FaceliftError as e:
            raise FaceliftError(f"{driving}: {e}") from None
        _check_shape(rest, image, reanimator)
        save_image(folder / "00000.png", rest)
    paths, times, previous = [], [], None
    for k, (index, frame) in enumerate(tqdm(read_video(driving, opts.stride, opts.max_frames),
                                            desc="animate: 2D", unit="frame")):
        path = folder / f"{k:05d}.png"
        paths.append(path)
        times.append(index / fps)
        if path.is_file():
            previous = None
            continue
        try:
            animated = np.asarray(reanimator(image, frame, first), np.uint8)
        except FaceliftError as e:
            log.warning("%s frame %d: %s; repeating the previous frame", driving, index, e)
            animated = previous if previous is not None else np.asarray(Image.open(paths[k - 1]).convert("RGB"))
        _check_shape(animated, image, reanimator)
        save_image(path, animated)
        previous = animated
    if not paths:
        raise FaceliftError(f"{driving}: no frames decoded")
    frames = AnimatedFrames(paths, times, fps / opts.stride)
    write_video(out / "animated_2d.mp4", (np.asarray(Image.open(p).convert("RGB")) for p in paths), fps=frames.fps)
    return frames


def _check_shape(animated: np.ndarray, image: np.ndarray, reanimator) -> None:
    if animated.shape != image.shape:
        raise FaceliftError(f"reanimator {getattr(reanimator, 'name', reanimator)!r} returned {animated.shape}, "
                            f"expected the photo's {image.shape}")


def _first_views(pipe, out: Path, first_frame: Path, opts: AnimateOptions) -> list[Image.Image]:
    """The first frame's six Stage I views, from ``out/shared/`` or made (and kept) now."""
    paths = [out / SHARED_DIR / f"{name}.png" for name in VIEW_NAMES]
    if not all(p.is_file() for p in paths):
        views = pipe.generate_views(Image.open(first_frame).convert("RGB"), opts.seed, opts.num_inference_steps,
                                    opts.guidance_scale)
        for view, p in zip(views, paths):
            save_image(p, np.asarray(view.convert("RGB")))
    return [Image.open(p).convert("RGB") for p in paths]


def _first_head(pipe, out: Path, views: list[Image.Image]) -> Gaussians:
    """The first frame's Stage II head (before photo-fit), from ``out/shared/stage2.ply`` or made (and kept) now."""
    path = out / SHARED_DIR / FIRST_HEAD_FILE
    if not path.is_file():
        pipe.reconstruct_gaussians(views, facelift_cameras(views[0].width)).save_ply(path)
    return Gaussians.load_ply(path)


def changed_pixels(frames: np.ndarray, first: np.ndarray, tolerance: float, grow_px: int) -> np.ndarray:
    """(H, W) bool: where any of ``frames`` ((T, H, W, 3) or (H, W, 3)) differs from ``first``
    ((H, W, 3), same units) by more than ``tolerance`` in a channel, grown by ``grow_px`` pixels."""
    from scipy import ndimage

    diff = np.abs(np.asarray(frames, np.float32) - np.asarray(first, np.float32))
    moved = diff.reshape(-1, *diff.shape[-3:]).max(axis=(0, 3)) > tolerance
    return ndimage.binary_dilation(moved, iterations=grow_px) if grow_px else moved


def steady_matte(frame: np.ndarray, first: np.ndarray, first_matte: np.ndarray, matte: np.ndarray,
                 tolerance: float = 2.0 / 255, grow_px: int = 3) -> np.ndarray:
    """A later frame's matte (H, W) that changes only where the frame does: its own ``matte``
    where ``frame`` differs from ``first`` (by more than ``tolerance`` in a channel, grown by
    ``grow_px`` pixels), ``first_matte`` elsewhere.

    Segmenting every animated frame again lets the matte of unmoved hair, ears and shoulders
    wobble from frame to frame, and photo-fit carries that wobble into the head (flicker).

    Args:
        frame, first: (H, W, 3) uint8, the frame and the first frame.
        first_matte, matte: (H, W) float in [0, 1], their segmentations.
    """
    if frame.shape != first.shape or matte.shape != first_matte.shape or matte.shape != frame.shape[:2]:
        raise FaceliftError(f"steady_matte: frames {frame.shape} / {first.shape} and mattes {matte.shape} / "
                            f"{first_matte.shape} differ in size")
    moved = changed_pixels(frame, first, tolerance * 255, grow_px)
    return np.where(moved, matte, first_matte).astype(np.float32)


def lift_frame(pipe, frame: np.ndarray, opts: AnimateOptions, shared: dict[int, Image.Image] | None = None,
               head: Gaussians | None = None, matte: np.ndarray | None = None) -> Gaussians:
    """One animated frame (framed, on white, (H, W, 3) uint8) to a head.

    Stage I (with the ``shared`` views in place of its own at those indices; all six given:
    Stage I is skipped), Stage II (skipped when ``head``, a Stage II head, is given), then
    photo-fit per ``opts.refine`` against the frame itself and its ``matte`` ((H, W) in [0, 1];
    None segments the frame).
    """
    from facelift.pipeline import refine_iterations
    from facelift.preprocess import segment_person

    iterations = refine_iterations(opts.refine, pipe.defaults["refine"])
    shared = shared or {}
    if len(shared) == len(VIEW_NAMES):
        views = [shared[i] for i in range(len(VIEW_NAMES))]
    else:
        if head is not None:
            raise FaceliftError("lift_frame: a shared head needs all six of its views")
        views = pipe.generate_views(Image.fromarray(frame), opts.seed, opts.num_inference_steps, opts.guidance_scale)
        for i, view in shared.items():
            views[i] = view.resize(views[i].size, Image.Resampling.BILINEAR) if view.size != views[i].size else view
    cameras: Camera = facelift_cameras(views[0].width)
    gaussians = pipe.reconstruct_gaussians(views, cameras) if head is None else head
    if iterations:
        seed = pipe.defaults["seed"] if opts.seed is None else opts.seed
        matte = segment_person(frame) if matte is None else matte
        gaussians = pipe.photo_fit(gaussians, frame, matte, None, views, cameras, iterations,
                                   seed, progress=False).gaussians
    return gaussians


def lift_animation(pipe, frames: AnimatedFrames, out: str | Path, opts: AnimateOptions | None = None,
                   source: str = "") -> GaussianSequence:
    """Pass 2: every animated frame lifted to 3D (``out/frames``, ``sequence.json``,
    ``novel_view.mp4``), taking from the first frame what ``opts.consistency`` says."""
    from facelift.pipeline import refine_iterations
    from facelift.preprocess import segment_person

    opts = opts or AnimateOptions()
    out = Path(out)
    mode = opts.consistency
    if mode == "head" and not refine_iterations(opts.refine, pipe.defaults["refine"]):
        log.warning("consistency 'head' needs photo-fit to move the face; photo-fit is off, so sharing views instead")
        mode = "views"
    cache: dict[str, Any] = {}

    def first() -> tuple[list[Image.Image], Gaussians | None]:
        if "views" not in cache:
            cache["views"] = _first_views(pipe, out, frames.paths[0], opts)
            cache["head"] = _first_head(pipe, out, cache["views"]) if mode == "head" else None
        return cache["views"], cache["head"]

    def lift(k: int, path: Path) -> Gaussians:
        frame = np.asarray(Image.open(path).convert("RGB"))
        if mode == "off":
            return lift_frame(pipe, frame, opts)
        views, head = first()
        if mode == "head":
            # Every frame's matte keeps the first frame's where the frame did not change.
            if "first" not in cache:  # frame 0 now, or re-read when a resumed run starts later
                first_frame = frame if k == 0 else np.asarray(Image.open(frames.paths[0]).convert("RGB"))
                cache["first"] = (first_frame, segment_person(first_frame))
            first_frame, first_matte = cache["first"]
            matte = first_matte if k == 0 else steady_matte(frame, first_frame, first_matte, segment_person(frame))
            return lift_frame(pipe, frame, opts, dict(enumerate(views)), head, matte=matte)
        if k == 0:
            return lift_frame(pipe, frame, opts, dict(enumerate(views)))
        return lift_frame(pipe, frame, opts, {VIEW_NAMES.index(n): views[VIEW_NAMES.index(n)] for n in SHARED_VIEWS})

    def heads():
        for k, (path, time) in enumerate(zip(frames.paths, frames.times)):
            yield time, (lambda k=k, path=path: lift(k, path))

    count = write_heads(out, heads(), frames.fps, source, desc="animate: heads")
    if count != len(frames.paths):  # pragma: no cover - write_heads writes one per frame
        raise FaceliftError(f"{out}: lifted {count} of {len(frames.paths)} frames")
    seq = GaussianSequence.load(out)
    render_sequence(seq, out / "novel_view.mp4", opts, frames.fps)
    return seq


def animate_photo(pipe, photo: Any, driving: str | Path, out: str | Path, opts: AnimateOptions | None = None,
                  reanimator=None) -> GaussianSequence:
    """Photo + driving video -> animated 3D head in ``out`` (the module docstring's two passes).

    Args:
        pipe: a :class:`facelift.pipeline.FaceLiftPipeline`.
        photo: a path, PIL image or array (preprocessed here: framed, on white), or a
            :class:`facelift.preprocess.PreprocessResult` already made.
        driving: the driving video (anything ffmpeg reads).
        reanimator: a :class:`facelift.reanimate.Reanimator`; default the built-in
            :class:`facelift.reanimate.landmarks.LandmarkReanimator`.

    Returns:
        The :class:`facelift.sequence.GaussianSequence` of ``out`` (renders any (time, camera)).
    """
    opts = opts or AnimateOptions()
    out = Path(out)
    pre = prepare_photo(photo, opts)
    if reanimator is None:
        from facelift.reanimate import make_reanimator

        reanimator = make_reanimator(opts.reanimator)
    start_animation(pre, driving, out, opts)
    frames = reanimate_video(pre, driving, out, reanimator, opts)
    return lift_animation(pipe, frames, out, opts, source=str(driving))


def prepare_photo(photo: Any, opts: AnimateOptions):
    """The photo framed as Stage I's input (a PreprocessResult is passed through)."""
    from facelift.preprocess import PreprocessResult, preprocess_image

    if isinstance(photo, PreprocessResult):
        return photo
    return preprocess_image(photo, crop=opts.crop, remove_background=opts.remove_background)


def start_animation(pre, driving: str | Path, out: Path, opts: AnimateOptions) -> None:
    """Claim ``out`` for this photo, video and settings and keep the framed photo as ``input.png``."""
    out.mkdir(parents=True, exist_ok=True)
    claim_folder(out, _state(pre.name, Path(driving), opts))
    if not (out / INPUT_FILE).is_file():
        save_image(out / INPUT_FILE, np.asarray(pre.image.convert("RGB")))


# ----------------------------------------------------------------------- flicker
def render_at(seq: GaussianSequence, camera: Camera) -> tuple[np.ndarray, np.ndarray]:
    """Every frame of ``seq`` at ``camera``: (T, H, W, 3) colours and (T, H, W) alphas, float32."""
    from facelift.render import rasterize

    rgb, alpha = [], []
    for i in range(len(seq)):
        r = rasterize(seq.frame(i), camera)
        rgb.append(r.rgb.numpy())
        alpha.append(r.alpha.numpy())
    return np.stack(rgb).astype(np.float32), np.stack(alpha).astype(np.float32)


def still_region(render: np.ndarray, alpha: np.ndarray, margin: float = 0.15) -> np.ndarray:
    """(H, W) bool: the head in ``render`` ((H, W, 3) float in [0, 1], its (H, W) alpha) away
    from its face, where a driving face's motion (expression, lips, lids) does not reach:
    hair, ears, the back and sides, neck and shoulders. The face is the convex hull of the
    face mesh found on the render, grown by ``margin`` of its size.

    Raises:
        FaceliftError: no face found on the render.
    """
    import cv2

    from facelift.preprocess import face_landmarks

    image = (np.clip(render, 0, 1) * 255 + 0.5).astype(np.uint8)
    landmarks = face_landmarks(image)
    if landmarks is None:
        raise FaceliftError("no face found on the novel-view render, so the face cannot be left out")
    hull = cv2.convexHull(landmarks[:, :2].astype(np.float32))[:, 0]
    centre = hull.mean(0)
    grown = centre + (1 + margin) * (hull - centre)
    face = np.zeros(alpha.shape, np.uint8)
    cv2.fillPoly(face, [np.round(grown - 0.5).astype(np.int32)[:, None, :]], 1)
    return (alpha > 0.5) & (face == 0)


def traced_still_region(head: Gaussians, frames: np.ndarray, front: Camera, novel: Camera,
                        tolerance: float = 2.0 / 255, grow_px: int = 2) -> np.ndarray:
    """(H, W) bool at ``novel``: the pixels of ``head`` that no change of the 2D frames reaches.

    A front pixel is *moved* when any frame differs from the first there by more than
    ``tolerance`` (colour units; grown by ``grow_px`` for the splats' extent). Every Gaussian
    takes the value of the front pixel its centre projects to (centres outside the front image
    are still), and the head is rendered at ``novel`` with those values as its colour: a pixel
    is still where the head covers it (alpha > 0.5) and under 5% of what it shows comes from
    moved front pixels. Unlike :func:`still_region`, this follows the motion wherever the driving
    clip puts it (a nod moves hair and neck, a dropped jaw the chin), through the head to the
    novel camera; Gaussians hidden behind a moved pixel count as moved too (conservative).

    Args:
        head: the first frame's head.
        frames: (T, H, W, 3) the 2D frames the head was lifted from, float in [0, 1] or uint8,
            at ``front``'s size.
        front, novel: the front camera (the frames') and the camera the flicker is measured at.
    """
    import torch

    from facelift.refine.front_layer import front_pixels
    from facelift.render import rasterize

    f = np.asarray(frames)
    f = f.astype(np.float32) / 255.0 if f.dtype == np.uint8 else f.astype(np.float32)
    if f.ndim != 4 or f.shape[-1] != 3 or f.shape[1:3] != (front.height, front.width):
        raise FaceliftError(f"traced_still_region: frames must be (T, {front.height}, {front.width}, 3), "
                            f"got {f.shape}")
    moved = changed_pixels(f, f[0], tolerance, grow_px)
    u, v, _, inside = front_pixels(head.means, front, front.height, front.width)
    value = torch.from_numpy(moved)[v, u].float() * inside.float()
    marked = Gaussians(head.means, head.scales, head.rotations, head.opacities, value[:, None].expand(-1, 3).contiguous())
    with torch.no_grad():
        out = rasterize(marked, novel, background=(0.0, 0.0, 0.0))
    alpha = out.alpha.numpy()
    share = out.rgb[..., 0].numpy() / np.maximum(alpha, 1e-6)
    return (alpha > 0.5) & (share < 0.05)


def flicker(renders: np.ndarray, region: np.ndarray) -> float:
    """Mean absolute frame-to-frame change of ``renders`` (T, H, W, 3) in [0, 1] over the
    pixels of ``region`` (H, W) bool: 0 for a still head; in colour units (×255 for 8-bit)."""
    if len(renders) < 2:
        return 0.0
    if not region.any():
        raise FaceliftError("flicker: the region is empty")
    change = np.abs(np.diff(renders, axis=0)).mean(-1)  # (T-1, H, W)
    return float(change[:, region].mean())


__all__ = ["AnimateOptions", "AnimatedFrames", "CONSISTENCY", "SHARED_VIEWS", "animate_photo", "flicker", "lift_animation",
           "lift_frame", "reanimate_video", "render_at", "steady_matte", "still_region", "traced_still_region"]
