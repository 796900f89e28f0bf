"""``facelift data synth``: a multi-view dataset of procedural heads (paper §3.1, SPEC §4).

Per subject (one identity x one appearance, under one lighting): the six Stage I views (SPEC §3; optionally
all turned by a random azimuth α per subject, the paper's near-frontal input angle) and
``random_views`` Stage II views with azimuth uniform over 360° and elevation uniform in
``elevation_range``, all at radius 2.7 and 50° field of view, written in the layout of
:mod:`facelift.data.layout`.

Lighting: ``lighting_mode="random"`` draws one of ``lighting`` per subject;
``"each"`` renders every appearance under every listed kind (subjects
``idNNNNN_appMMM_<kind>``): the same head, pose and cameras, only the light differs. The
``"hdri"`` kind lights each subject with one of the maps in ``hdri`` (a folder of .hdr/.exr
environment maps; :mod:`facelift.data.procedural.envmap`), read and checked before any subject.

Runs are resumable (finished subject folders are skipped; a subject interrupted mid-way
was never renamed into place and is redone), parallel across processes, and
reproducible: subject ``idNNNNN_appMMM`` is always the head of identity seed
``identity_seed(seed, NNNNN)`` and appearance seed ``appearance_seed(seed, NNNNN, MMM)``,
whatever the number of workers.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from tqdm import tqdm

from facelift.cameras import FOV_DEG, RADIUS, VIEW_AZIMUTHS, VIEW_NAMES, Camera, orbit_camera
from facelift.config import PresetRegistry, from_dict
from facelift.data import layout
from facelift.data.procedural import (GENERATOR_VERSION, HDRI_LIGHTING, LIGHTINGS, build_head, sample_appearance,
                                      sample_identity, spacing_for_resolution)
from facelift.data.procedural.envmap import load_envlights
from facelift.errors import FaceliftError
from facelift.render import rasterize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SynthConfig:
    """Settings of a procedural dataset (stored in ``index.json``; a rerun must match)."""

    identities: int = 200
    appearances: int = 50
    resolution: int = 512
    random_views: int = 32
    elevation_range: tuple[float, float] = (-20.0, 40.0)
    lighting: tuple[str, ...] = LIGHTINGS
    lighting_mode: str = "random"   # "random": one kind per subject; "each": every kind, paired
    azimuth_jitter: float = 0.0     # max |α| of the Stage I rig, degrees (0 = SPEC §3 exactly)
    max_head_pose: float = 10.0     # max head yaw, degrees
    spacing: float = 0.0            # surface-sample spacing; 0 = chosen from the resolution
    # Render at supersample x resolution and box-filter down: each pixel is then the head's
    # average over its area, as in a photo or a downscaled image. 1 renders at the resolution
    # itself, where the rasterizer's 0.3 px² low-pass widens silhouettes by about half a pixel.
    supersample: int = 1
    # Glasses, hats, patterned tops and freckles on a share of heads (off: the data as it was
    # before they existed, which the bundled models' TRAINING.md commands rebuild).
    extras: bool = False
    # A folder of real HDR environment maps (.hdr/.exr) for the "hdri" lighting kind: each
    # subject lit by one of them, turned and exposed at random (facelift.data.procedural.envmap).
    hdri: str = ""
    seed: int = 0
    val_fraction: float = 0.05
    test_fraction: float = 0.05

    def validate(self) -> None:
        if self.identities < 1 or self.appearances < 1:
            raise FaceliftError(f"need at least one identity and one appearance, got {self.identities} and "
                                f"{self.appearances}")
        if not 16 <= self.resolution <= 4096:
            raise FaceliftError(f"--resolution must be in [16, 4096], got {self.resolution}")
        if self.random_views < 0:
            raise FaceliftError(f"--random-views must be >= 0, got {self.random_views}")
        lo, hi = self.elevation_range
        if not -90 < lo <= hi < 90:
            raise FaceliftError(f"elevation range must satisfy -90 < low <= high < 90, got {self.elevation_range}")
        kinds = LIGHTINGS + (HDRI_LIGHTING,)
        bad = [k for k in self.lighting if k not in kinds]
        if bad or not self.lighting:
            raise FaceliftError(f"--lighting must be a comma list of {', '.join(kinds)}, got "
                                f"{','.join(self.lighting) or 'nothing'}")
        if HDRI_LIGHTING in self.lighting and not self.hdri:
            raise FaceliftError("--lighting hdri needs a folder of environment maps: --hdri FOLDER")
        if self.hdri and HDRI_LIGHTING not in self.lighting:
            raise FaceliftError(f"--hdri {self.hdri} is given but --lighting ({','.join(self.lighting)}) "
                                "does not include hdri")
        if self.spacing and not 0.003 <= self.spacing <= 0.1:
            raise FaceliftError(f"spacing must be 0 (automatic) or in [0.003, 0.1], got {self.spacing}")
        if not 1 <= self.supersample <= 8:
            raise FaceliftError(f"supersample must be in [1, 8], got {self.supersample}")
        if self.lighting_mode not in ("random", "each"):
            raise FaceliftError(f"lighting mode must be 'random' or 'each', got {self.lighting_mode!r}")
        if not 0 <= self.azimuth_jitter <= 90:
            raise FaceliftError(f"azimuth jitter must be in [0, 90] degrees, got {self.azimuth_jitter}")


SYNTH_PRESETS = PresetRegistry("synth")


@SYNTH_PRESETS.register("paper")
def _paper() -> SynthConfig:
    """Paper §3.1: 200 identities x 50 appearances, 512², 6 + 32 views, both lightings."""
    return SynthConfig()


@SYNTH_PRESETS.register("tiny")
def _tiny() -> SynthConfig:
    """The bundled tiny models' data: 64², 1000 subjects, fast on a CPU."""
    return SynthConfig(identities=100, appearances=10, resolution=64)


def identity_seed(seed: int, index: int) -> int:
    return int(np.random.SeedSequence([seed, index, 101]).generate_state(1)[0])


def appearance_seed(seed: int, identity_index: int, appearance_index: int) -> int:
    return int(np.random.SeedSequence([seed, identity_index, appearance_index, 202]).generate_state(1)[0])


def subject_name(identity_index: int, appearance_index: int, lighting: str | None = None) -> str:
    """``idNNNNN_appMMM``, with ``_<lighting>`` appended in the "each" lighting mode."""
    base = f"id{identity_index:05d}_app{appearance_index:03d}"
    return base if lighting is None else f"{base}_{lighting}"


def subject_cameras(cfg: SynthConfig, identity_index: int, appearance_index: int) -> tuple[Camera, list[dict]]:
    """The 6 + K cameras of one subject and their view descriptions."""
    r = np.random.default_rng(np.random.SeedSequence([cfg.seed, identity_index, appearance_index, 303]))
    alpha = float(r.uniform(-cfg.azimuth_jitter, cfg.azimuth_jitter)) if cfg.azimuth_jitter > 0 else 0.0
    views = [{"name": n, "kind": "fixed", "azimuth": (az + alpha) % 360.0, "elevation": 0.0}
             for n, az in zip(VIEW_NAMES, VIEW_AZIMUTHS)]
    lo, hi = cfg.elevation_range
    for k in range(cfg.random_views):
        views.append({"name": f"random_{k:03d}", "kind": "random", "azimuth": float(r.uniform(0.0, 360.0)),
                      "elevation": float(r.uniform(lo, hi))})
    cams = Camera.stack([orbit_camera(v["azimuth"], v["elevation"], RADIUS, FOV_DEG, cfg.resolution)
                         for v in views])
    for v in views:
        v["azimuth"], v["elevation"] = round(v["azimuth"], 6), round(v["elevation"], 6)
    return cams, views


def render_rgba(gaussians, camera: Camera, supersample: int = 1) -> np.ndarray:
    """(H, W, 4) uint8 RGBA with straight alpha: render over black (premultiplied colour),
    at ``supersample`` x the camera's size averaged over k x k blocks (in premultiplied
    colour, so edges blend as they would in a photo), and divide by alpha."""
    k = int(supersample)  # k = 1: the camera itself, and the block average is the identity
    with torch.no_grad():
        out = rasterize(gaussians, camera.resized(camera.width * k, camera.height * k), background=(0.0, 0.0, 0.0))
    premult = torch.cat([out.rgb, out.alpha[..., None]], dim=-1)                  # (kH, kW, 4)
    premult = F.avg_pool2d(premult.permute(2, 0, 1)[None], k)[0].permute(1, 2, 0)  # (H, W, 4)
    alpha = premult[..., 3].clamp(0, 1)
    rgb = torch.where(alpha[..., None] > 1e-4, premult[..., :3] / alpha[..., None].clamp_min(1e-4),
                      torch.zeros_like(premult[..., :3]))
    rgba = torch.cat([rgb.clamp(0, 1), alpha[..., None]], dim=-1)
    return (rgba * 255.0 + 0.5).to(torch.uint8).numpy()


def make_subject(cfg: SynthConfig, identity_index: int, appearance_index: int, folder: Path,
                 lighting: str | None = None) -> str:
    """Build, render and write one subject (atomically). Returns its name.

    ``lighting`` forces one kind (the "each" mode); by default one of ``cfg.lighting``
    is drawn for the subject.
    """
    id_seed = identity_seed(cfg.seed, identity_index)
    app_seed = appearance_seed(cfg.seed, identity_index, appearance_index)
    ident = sample_identity(id_seed)
    envlights = load_envlights(cfg.hdri) if cfg.hdri else ()
    app = sample_appearance(ident, app_seed, lighting=lighting or cfg.lighting, max_head_pose=cfg.max_head_pose,
                            extras=cfg.extras, envlights=envlights)
    spacing = cfg.spacing or spacing_for_resolution(cfg.resolution)
    head = build_head(ident, app, spacing)
    cams, views = subject_cameras(cfg, identity_index, appearance_index)
    images = [render_rgba(head.gaussians, cams[i], cfg.supersample) for i in range(len(cams))]
    meta = {
        **head.meta(),
        "subject": folder.name,
        "identity_index": identity_index, "appearance_index": appearance_index,
        "identity_seed": id_seed, "appearance_seed": app_seed,
        "resolution": cfg.resolution, "spacing": spacing, "supersample": cfg.supersample,
        "num_fixed_views": layout.NUM_FIXED_VIEWS, "views": views,
        "alpha": "straight",
    }
    layout.write_subject(folder, images, cams, meta)
    return folder.name


def _init_worker() -> None:
    # Processes already share the cores; nested thread pools would only fight.
    torch.set_num_threads(1)
    try:
        import numba

        numba.set_num_threads(1)
    except Exception:  # numba is a dependency, but a thread-count failure is harmless
        pass


def _worker(cfg_dict: dict, i: int, j: int, folder: str, lighting: str | None) -> str:
    cfg = from_dict(SynthConfig, cfg_dict)
    return make_subject(cfg, i, j, Path(folder), lighting)


_TMP_RE = re.compile(r"^\.id\d+_app\d+(_[a-z]+)?\..*\.(tmp|old)$")


def synth(out: str | Path, cfg: SynthConfig, workers: int = 1, progress: bool = True) -> Path:
    """Generate (or finish) the dataset in ``out``; returns the path of ``index.json``.

    Args:
        workers: processes; 1 runs in this process.
    """
    cfg.validate()
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise FaceliftError(f"{out}: exists and is not a folder")
    if cfg.hdri:
        load_envlights(cfg.hdri)  # every map read and checked before any subject is made
    out.mkdir(parents=True, exist_ok=True)
    cfg_dict = asdict(cfg)
    info = {"generator": GENERATOR_VERSION, "config": cfg_dict}
    index_path = out / layout.INDEX_NAME
    if index_path.exists():
        old = layout.read_index(out)
        old_cfg = old.get("config", {})
        render_keys = [k for k in cfg_dict if k not in ("identities", "appearances")]
        # A key an older index lacks was added later with its old behaviour as the default.
        defaults = asdict(SynthConfig())
        diff = [k for k in render_keys if _jsonish(old_cfg.get(k, defaults[k])) != _jsonish(cfg_dict[k])]
        if old.get("generator") != GENERATOR_VERSION or diff:
            what = ", ".join(f"{k}={old_cfg.get(k)!r} (now {cfg_dict[k]!r})" for k in diff) or "generator version"
            raise FaceliftError(f"{out}: already holds a dataset made with other settings: {what}; "
                                "use another folder or the same settings")
    # Leftovers of subjects that were being written when a previous run died.
    for p in out.iterdir():
        if p.is_dir() and _TMP_RE.match(p.name):
            shutil.rmtree(p, ignore_errors=True)

    kinds = list(cfg.lighting) if cfg.lighting_mode == "each" else [None]
    jobs = [(i, j, k) for i in range(cfg.identities) for j in range(cfg.appearances) for k in kinds]
    names = {job: subject_name(*job) for job in jobs}
    splits = layout.split_identities([f"id{i:05d}" for i in range(cfg.identities)], cfg.seed,
                                     cfg.val_fraction, cfg.test_fraction)
    entries = [{"name": names[i, j, k], "split": splits[f"id{i:05d}"], "identity": f"id{i:05d}",
                "identity_index": i, "appearance_index": j, **({"lighting": k} if k else {})}
               for i, j, k in jobs]
    layout.write_index(out, entries, {**info, "complete": False})
    todo = [job for job in jobs if not layout.is_complete(out / names[job])]
    if len(todo) < len(jobs):
        log.info("resuming: %d of %d subjects already done", len(jobs) - len(todo), len(jobs))
    bar = tqdm(total=len(jobs), initial=len(jobs) - len(todo), unit="subject", disable=not progress,
               desc="synth")
    try:
        if workers <= 1 or len(todo) <= 1:
            for i, j, k in todo:
                make_subject(cfg, i, j, out / names[i, j, k], k)
                bar.update(1)
        else:
            ctx = get_context("spawn")  # fork + torch/numba thread pools is not safe
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker)
            try:
                futures = [pool.submit(_worker, cfg_dict, i, j, str(out / names[i, j, k]), k) for i, j, k in todo]
                for f in as_completed(futures):
                    f.result()
                    bar.update(1)
            except BaseException:
                # A failed subject or Ctrl-C: drop the queued subjects instead of finishing them;
                # finished folders stay, and a rerun resumes from there.
                pool.shutdown(wait=True, cancel_futures=True)
                raise
            pool.shutdown(wait=True)
    finally:
        bar.close()
    layout.write_index(out, entries, {**info, "complete": True})
    log.info("wrote %d subjects to %s", len(jobs), out)
    return index_path


def _jsonish(v):
    return list(v) if isinstance(v, tuple) else v


def default_workers() -> int:
    return max(1, min(8, (os.cpu_count() or 1)))


__all__ = ["SynthConfig", "SYNTH_PRESETS", "synth", "make_subject", "subject_cameras", "render_rgba",
           "identity_seed", "appearance_seed", "subject_name"]
