"""Torch datasets over the multi-view layout (:mod:`facelift.data.layout`) for both stages.

* :class:`StageIDataset` (multi-view diffusion, paper §3.2): the frontal view as input
  and the six Stage I views as targets, with their cameras.
* :class:`SubjectFolders` (GS-LRM, paper §3.3 / suppl. C.2): every posed view of a subject
  as :class:`facelift.views.Views`, at one square working size, for training
  (:mod:`facelift.train.lrm` draws the input and supervision views) and its held-out
  evaluation (:mod:`facelift.eval.lrm`).

Images are stored RGBA and composited onto ``background`` (white by default, as the public
release; for Stage I ``"random"`` draws one grey level per sample). :class:`StageIDataset`
validates the folder up front (index, each subject's ``transforms.json``, ``meta.json`` and
image files) and raises :class:`FaceliftError` naming the subject and file at fault; a corrupt
image is reported when it is read (or up front with ``verify_images=True``).
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

from facelift.cameras import Camera, read_transforms
from facelift.data import layout
from facelift.errors import FaceliftError
from facelift.views import Views, composite


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
    rgb = composite(rgb_pm, alpha, bg[:, None, None], premultiplied=True)
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


def _subject_folders(root: Path, split: str) -> list[Path]:
    """The subject folders of one dataset root (see :class:`SubjectFolders`)."""
    if not root.is_dir():
        raise FaceliftError(f"{root}: dataset folder not found")
    if (root / "transforms.json").is_file():
        return [root]  # a single subject folder works too
    if (root / "index.json").is_file():
        entries = layout.read_index(root)["subjects"]
        found = [root / e["name"] for e in entries if split == "all" or e.get("split", "train") == split]
        if not found:
            raise FaceliftError(f"{root}: no subjects in split {split!r}")
        return found
    found = sorted(p.parent for p in root.glob("*/transforms.json"))
    if not found:
        raise FaceliftError(f"{root}: no subject folders with a transforms.json inside")
    return found


class SubjectFolders:
    """A multi-view dataset in the one on-disk layout (:mod:`facelift.data.layout`):
    ``ROOT/index.json`` (optional; subjects and their train/val/test split) and
    ``ROOT/<subject>/transforms.json`` + RGBA images. Images are resized to ``size``
    (intrinsics rescaled) and cached as uint8, so a CPU run decodes each PNG once.

    Args:
        root: dataset folder, or a single subject folder; or several of them, read as one.
        size: square working resolution.
        background: RGB the RGBA images are composited over.
        split: subjects of this split when ``index.json`` exists (``"all"``: every subject).
    """

    def __init__(self, root: str | Path | Sequence[str | Path], size: int,
                 background: Sequence[float] = (1.0, 1.0, 1.0), split: str = "train"):
        self.roots = [Path(r) for r in ([root] if isinstance(root, (str, Path)) else root)]
        if not self.roots:
            raise FaceliftError("no dataset folder given")
        # Several roots are one dataset of all their subjects (e.g. the same heads rendered two ways).
        self.subjects = [folder for r in self.roots for folder in _subject_folders(r, split)]
        self.size = size
        self.background = torch.tensor(background, dtype=torch.float32).view(1, 3, 1, 1)
        self._cache: dict[int, tuple[Tensor, Tensor, Camera, int]] = {}

    def __len__(self) -> int:
        return len(self.subjects)

    def _load(self, i: int) -> tuple[Tensor, Tensor, Camera, int]:
        if i in self._cache:
            return self._cache[i]
        folder = self.subjects[i]
        cams, names, meta = read_transforms(folder / "transforms.json")
        if cams.width != cams.height:
            raise FaceliftError(f"{folder}: GS-LRM training needs square images, got {cams.width}x{cams.height}")
        rgba = []
        for name in names:
            path = folder / name
            try:
                img = Image.open(path)
                img.load()
            except (OSError, ValueError) as e:
                raise FaceliftError(f"{path}: cannot read image ({e})") from None
            img = img.convert("RGBA")
            if img.size != (self.size, self.size):
                img = img.resize((self.size, self.size), Image.Resampling.BOX if img.width > self.size
                                 else Image.Resampling.BICUBIC)
            rgba.append(np.asarray(img))
        data = torch.from_numpy(np.stack(rgba)).permute(0, 3, 1, 2).contiguous()  # (V, 4, S, S) uint8
        # The layout marks the first views as the fixed Stage I rig (facelift.data.layout).
        num_fixed = int(meta.get("facelift_fixed_views", 0)) if isinstance(meta, dict) else 0
        item = (data[:, :3], data[:, 3:], cams.resized(self.size), min(num_fixed, len(names)))
        self._cache[i] = item
        return item

    def views(self, i: int) -> Views:
        """All views of subject ``i``."""
        rgb, alpha, cams, _ = self._load(i)
        a = alpha.float() / 255.0
        return Views(images=composite(rgb.float() / 255.0, a, self.background), alphas=a, cameras=cams)

    def num_fixed(self, i: int) -> int:
        """How many leading views are the fixed Stage I rig (0 when the dataset does not say)."""
        return self._load(i)[3]
