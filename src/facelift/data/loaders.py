"""Torch datasets over the multi-view layout (:mod:`facelift.data.layout`) for both stages.

* :class:`StageIDataset` (multi-view diffusion, paper §3.2): the frontal view as input
  and the six Stage I views as targets, with their cameras.
* :class:`StageIIDataset` (GS-LRM, paper §3.3 / suppl. C.2): V input views and V
  supervision views drawn from a subject's random views (default 4 + 4), with cameras
  and per-pixel ray maps (:func:`facelift.cameras.ray_map`, code ``"nearest"``).

Images are stored RGBA; samples are composited onto ``background`` (white by default, as
the public release; ``"random"`` draws one grey level per sample). Both datasets
validate the folder up front (index, each subject's ``transforms.json``, ``meta.json``
and image files) and raise :class:`FaceliftError` naming the subject and file at fault;
a corrupt image is reported when it is read (or up front with ``verify_images=True``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import torch
from PIL import Image
from torch import Tensor
from torch.utils.data import Dataset

from facelift.cameras import Camera, ray_map
from facelift.data import layout
from facelift.errors import FaceliftError


@dataclass(frozen=True)
class _Subject:
    name: str
    folder: Path
    cameras: Camera
    files: list[str]
    num_fixed: int


def _open_subjects(root: Path, split: str | Sequence[str], verify_images: bool) -> list[_Subject]:
    index = layout.read_index(root)
    splits = (split,) if isinstance(split, str) else tuple(split)
    if "all" not in splits:
        bad = [s for s in splits if s not in layout.SPLITS]
        if bad:
            raise FaceliftError(f"unknown split {bad[0]!r}; choose from {', '.join(layout.SPLITS)} or all")
    subjects = []
    for entry in index["subjects"]:
        if "all" not in splits and entry.get("split", "train") not in splits:
            continue
        name = entry["name"]
        folder = root / name
        if not folder.is_dir():
            raise FaceliftError(f"subject {name}: folder {folder} is missing (an unfinished synth run? "
                                "rerun it to complete the dataset)")
        cams, files = layout.read_subject_cameras(folder)
        meta = layout.read_meta(folder)
        for f in files:
            path = folder / f
            if not path.is_file():
                raise FaceliftError(f"subject {name}: image {path} is missing")
            if verify_images:
                try:
                    with Image.open(path) as im:
                        im.verify()
                except Exception as e:  # PIL raises many types for broken files
                    raise FaceliftError(f"subject {name}: image {path} is corrupt ({e})") from None
        subjects.append(_Subject(name, folder, cams, files, int(meta.get("num_fixed_views", layout.NUM_FIXED_VIEWS))))
    if not subjects:
        raise FaceliftError(f"{root}: no subjects in split {'/'.join(splits)}")
    return subjects


def _background(background, generator: torch.Generator | None) -> Tensor:
    """(3,) background of one sample: fixed RGB, or one random grey level for "random"."""
    if isinstance(background, str):
        return torch.rand((), generator=generator).expand(3).clone()
    return torch.as_tensor(background, dtype=torch.float32)


def _load_view(subject: _Subject, i: int, size: int | None, bg: Tensor) -> tuple[Tensor, Tensor]:
    """(3, H, W) colour composited on the background and (1, H, W) alpha, float in [0, 1]."""
    rgba = layout.load_rgba(subject.folder / subject.files[i], subject.name)
    if size is not None and rgba.shape[:2] != (size, size):
        # Resize premultiplied colour so the silhouette does not pick up dark fringes.
        a = rgba[..., 3:4].astype(np.float32) / 255.0
        pm = np.concatenate([rgba[..., :3].astype(np.float32) / 255.0 * a, a], axis=-1)
        chans = [np.asarray(Image.fromarray(pm[..., c]).resize((size, size), Image.BOX if size < rgba.shape[0]
                                                                 else Image.BILINEAR)) for c in range(4)]
        pm = np.stack(chans, axis=-1)
        t = torch.from_numpy(pm).permute(2, 0, 1)
        rgb_pm, alpha = t[:3], t[3:4].clamp(0, 1)
    else:
        t = torch.from_numpy(rgba.astype(np.float32) / 255.0).permute(2, 0, 1)
        alpha = t[3:4]
        rgb_pm = t[:3] * alpha
    rgb = rgb_pm + (1 - alpha) * bg[:, None, None]
    return rgb.clamp(0, 1), alpha


def _check_background(background) -> None:
    if isinstance(background, str):
        if background != "random":
            raise FaceliftError(f"background must be 3 numbers or 'random', got {background!r}")
    elif len(tuple(background)) != 3:
        raise FaceliftError(f"background must be 3 numbers (R, G, B), got {background!r}")


class StageIDataset(Dataset):
    """Samples for the multi-view diffusion model.

    Each item is a dict:

    * ``input``: (3, H, W) the frontal view (view 0), composited on the background;
    * ``images``: (6, 3, H, W) the six Stage I views (front, front_right, right, back,
      left, front_left); ``alphas``: (6, 1, H, W);
    * ``c2w``: (6, 4, 4) OpenCV camera-to-world; ``K``: (6, 3, 3) for H x W;
    * ``subject``: the subject folder name.

    The paper's near-frontal input azimuth α is baked in at synthesis time
    (``SynthConfig.azimuth_jitter`` turns the whole 6-view rig, input included), and
    the procedural heads' random head yaw varies it further; the cameras here are always
    the ones the images were rendered with.

    Args:
        root: dataset folder. split: "train", "val", "test", "all", or a list.
        resolution: output size (default: as stored). background: RGB or "random".
    """

    def __init__(self, root: str | Path, split: str | Sequence[str] = "train", resolution: int | None = None,
                 background: Sequence[float] | str = (1.0, 1.0, 1.0), verify_images: bool = False):
        _check_background(background)
        self.root = Path(root)
        self.resolution = resolution
        self.background = background
        self.subjects = _open_subjects(self.root, split, verify_images)
        for s in self.subjects:
            if s.num_fixed < 6 or len(s.files) < 6:
                raise FaceliftError(f"subject {s.name}: needs the 6 Stage I views, has {min(s.num_fixed, len(s.files))}")

    def __len__(self) -> int:
        return len(self.subjects)

    def __getitem__(self, idx: int) -> dict:
        s = self.subjects[idx]
        bg = _background(self.background, None)
        views = [_load_view(s, i, self.resolution, bg) for i in range(6)]
        cams = s.cameras[:6]
        if self.resolution is not None:
            cams = cams.resized(self.resolution)
        images = torch.stack([v[0] for v in views])
        return {"input": images[0].clone(), "images": images, "alphas": torch.stack([v[1] for v in views]),
                "c2w": cams.c2w.clone(), "K": cams.K.clone(), "subject": s.name}


class StageIIDataset(Dataset):
    """Samples for GS-LRM.

    Each item draws ``num_input + num_supervision`` distinct views from the subject's
    random views (``views="random"``, the paper's setup) or from all views
    (``views="all"``) and returns a dict:

    * ``input_images``: (V, 3, H, W); ``input_rays``: (V, 6, H, W) ray direction then
      the ray code (``ray_code``: "nearest" point to the origin, or Plücker "moment");
      ``input_c2w``: (V, 4, 4); ``input_K``: (V, 3, 3);
    * ``target_images``: (T, 3, H, W); ``target_alphas``: (T, 1, H, W); ``target_c2w``,
      ``target_K``; T = num_supervision, plus the V inputs first when
      ``include_inputs_in_targets``;
    * ``subject``: the subject folder name; ``view_ids``: (V + S,) the image indices.

    ``seed``: None draws views with torch's global generator (seed DataLoader workers as
    usual); an int makes the draw for each index reproducible.
    """

    def __init__(self, root: str | Path, split: str | Sequence[str] = "train", num_input: int = 4,
                 num_supervision: int = 4, resolution: int | None = None,
                 background: Sequence[float] | str = (1.0, 1.0, 1.0), views: str = "random",
                 ray_code: str = "nearest", include_inputs_in_targets: bool = False, seed: int | None = None,
                 verify_images: bool = False):
        _check_background(background)
        if views not in ("random", "all"):
            raise FaceliftError(f"views must be 'random' or 'all', got {views!r}")
        if ray_code not in ("nearest", "moment"):
            raise FaceliftError(f"ray_code must be 'nearest' or 'moment', got {ray_code!r}")
        if num_input < 1 or num_supervision < 0:
            raise FaceliftError(f"need num_input >= 1 and num_supervision >= 0, got {num_input}, {num_supervision}")
        self.root = Path(root)
        self.num_input, self.num_supervision = num_input, num_supervision
        self.resolution, self.background = resolution, background
        self.views, self.ray_code = views, ray_code
        self.include_inputs = include_inputs_in_targets
        self.seed = seed
        self.subjects = _open_subjects(self.root, split, verify_images)
        need = num_input + num_supervision
        for s in self.subjects:
            pool = len(self._pool(s))
            if pool < need:
                raise FaceliftError(f"subject {s.name}: has {pool} {views} views, needs {need} "
                                    f"({num_input} input + {num_supervision} supervision)")

    def _pool(self, s: _Subject) -> list[int]:
        first = s.num_fixed if self.views == "random" else 0
        return list(range(first, len(s.files)))

    def __len__(self) -> int:
        return len(self.subjects)

    def __getitem__(self, idx: int) -> dict:
        s = self.subjects[idx]
        gen = torch.Generator().manual_seed(self.seed * 1_000_003 + idx) if self.seed is not None else None
        pool = self._pool(s)
        need = self.num_input + self.num_supervision
        pick = [pool[k] for k in torch.randperm(len(pool), generator=gen)[:need].tolist()]
        bg = _background(self.background, gen)
        loaded = [_load_view(s, i, self.resolution, bg) for i in pick]
        cams = Camera.stack([s.cameras[i] for i in pick])
        if self.resolution is not None:
            cams = cams.resized(self.resolution)
        v = self.num_input
        inp = cams[:v]
        tgt_ids = list(range(need)) if self.include_inputs else list(range(v, need))
        images = torch.stack([x[0] for x in loaded])
        alphas = torch.stack([x[1] for x in loaded])
        return {
            "input_images": images[:v], "input_rays": ray_map(inp, code=self.ray_code),
            "input_c2w": inp.c2w.clone(), "input_K": inp.K.clone(),
            "target_images": images[tgt_ids], "target_alphas": alphas[tgt_ids],
            "target_c2w": cams.c2w[tgt_ids].clone(), "target_K": cams.K[tgt_ids].clone(),
            "subject": s.name, "view_ids": torch.tensor(pick),
        }
