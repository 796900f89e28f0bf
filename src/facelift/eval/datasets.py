"""Benchmark datasets in their published layouts, the paper's view lists, and camera transfer.

**Cafca** (Bühler et al. 2024; suppl. C.3): ``ROOT/[CHUNK/]SUBJECT/EXP_ENV/`` with
``color_image/Cxx.png``, ``foreground_mask/Cxx.png`` and ``cameras_json/Cxx.json`` (30 cameras
C00–C29; ``K`` and ``cam2world`` in the OpenCV convention, the world origin at the head's
centre). The paper uses expression/environment folder ``00000_000``. Chunk folders such as
``00000-00099/`` between the root and the subjects are found automatically.

**Ava-256** (Martinez et al. 2024): ``ROOT/m--DATE--TIME--SID--GHS/decoder/`` with
``camera_calibration.json`` (``{"KRT": [{"cameraId", "K", "T", ...}]}``, ``K`` and the
world-to-camera ``T`` stored transposed, column by column) and images in
``image/cam{ID}.zip`` (members ``cam{ID}/{frame:06d}.avif``) or an extracted
``image/cam{ID}/{frame:06d}.{avif,png,jpg}``. A subject folder may also be named by the SID
alone. The paper's input camera is 401168.

**Camera transfer** (suppl. C.1): the dataset's cameras live in their own world; ours sit on a
sphere of radius 2.7 around the head (:mod:`facelift.cameras`). For a test camera we
(1) re-centre the dataset world at the mean of all camera positions (Ava-256 only; Cafca's
origin already is the head), (2) take the rotation that carries the dataset's input camera
onto the test camera, (3) apply it to *our* input camera, and (4) rescale the distance to our
radius. Written with camera-to-world rotations R and positions p: with ``A = R_ours_in ·
R_in⁻¹`` (the change of world axes fixed by the two input cameras), the test camera in our
world has rotation ``A · R_test`` and position ``A · p_test · radius / ‖p_test‖``. A dataset
whose rig is ours up to a rotation, scale and shift therefore transfers back to ours exactly
(tested).

Intrinsics: renders use our own intrinsics (FOV 50°) at the evaluation size; the dataset
image is centre-cropped to a square and resized to the same size (:func:`square_resize`).
The remaining framing difference is what the paper corrected by hand ("crop and scale") and
what landmark alignment (``--aligned``) removes.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import zipfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor

from facelift.cameras import RADIUS, Camera, orbit_camera
from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

CAFCA_FOLDER = "00000_000"
CAFCA_CAMERAS = tuple(f"C{i:02d}" for i in range(30))
AVA_INPUT_CAMERA = "401168"


# ----------------------------------------------------------------------------- view lists


@dataclass(frozen=True)
class SubjectViews:
    """One row of a benchmark list: a subject, its input view and its (aligned) test views.

    ``frame`` is Ava-256's frame id (empty for Cafca). Camera names are the dataset's own
    (``C07`` for Cafca, ``401168`` for Ava-256).
    """

    subject: str
    input_view: str
    test_views: tuple[str, ...]
    frame: str = ""


def read_view_list(path_or_name: str | Path) -> list[SubjectViews]:
    """Read a view list CSV (``subject,input_view,test_views[,frame]``; views space-separated).

    A bare name (``cafca`` / ``ava256``) reads the paper's list shipped in ``facelift/eval/data``.
    """
    name = str(path_or_name)
    if name in ("cafca", "ava256"):
        text = resources.files("facelift.eval").joinpath("data", f"{name}_views.csv").read_text()
        source = f"facelift/eval/data/{name}_views.csv"
    else:
        p = Path(path_or_name)
        if not p.is_file():
            raise FaceliftError(f"view list not found: {p}")
        text, source = p.read_text(), str(p)
    rows = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    out = []
    for r in csv.DictReader(rows):
        try:
            out.append(SubjectViews(subject=r["subject"].strip(), input_view=r["input_view"].strip(),
                                    test_views=tuple(r["test_views"].split()), frame=(r.get("frame") or "").strip()))
        except (KeyError, AttributeError):
            raise FaceliftError(f"{source}: rows need subject,input_view,test_views columns") from None
    return out


def cafca_view_name(view: str | int) -> str:
    """``7`` / ``"07"`` / ``"C07"`` → ``"C07"`` (suppl. Table 3 writes bare numbers)."""
    s = str(view).strip().upper().lstrip("C")
    if not s.isdigit() or not 0 <= int(s) < 30:
        raise FaceliftError(f"not a Cafca camera (C00–C29): {view!r}")
    return f"C{int(s):02d}"


# ----------------------------------------------------------------------------- data classes


@dataclass
class BenchmarkView:
    """One image of a benchmark subject with its camera in the dataset's world.

    camera: single :class:`Camera` (OpenCV c2w, dataset units; K for ``width × height``).
    """

    name: str
    camera: Camera
    image: Path | tuple[Path, str]  # a file, or (zip archive, member)
    mask: Path | None = None

    def load(self) -> Tensor:
        """(H, W, 3|4) float32 in [0, 1]; with a mask file the mask becomes the alpha channel."""
        from facelift.eval.metrics import load_image

        if isinstance(self.image, tuple):
            archive, member = self.image
            with zipfile.ZipFile(archive) as zf:
                data = zf.read(member)
            from PIL import Image

            with Image.open(io.BytesIO(data)) as im:
                img = torch.from_numpy(np.asarray(im.convert("RGB"), np.float32) / 255.0)
        else:
            img = load_image(self.image)
        if self.mask is not None:
            alpha = load_image(self.mask)[..., 0]
            if alpha.shape != img.shape[:2]:
                raise FaceliftError(f"mask {self.mask} does not match its image size")
            img = torch.cat([img[..., :3], alpha[..., None]], dim=-1)
        return img


@dataclass
class BenchmarkSubject:
    """A subject ready for evaluation: the input view, the test views, and the world centre."""

    subject: str
    input_view: BenchmarkView
    test_views: list[BenchmarkView]
    center: Tensor = field(default_factory=lambda: torch.zeros(3, dtype=torch.float64))


# ----------------------------------------------------------------------------- Cafca


def _find_subject_dir(root: Path, subject: str, match=lambda name, s: name == s) -> Path:
    if not root.is_dir():
        raise FaceliftError(f"dataset root not found: {root}")
    for d in sorted(root.iterdir()):
        if d.is_dir() and match(d.name, subject):
            return d
    for chunk in sorted(root.iterdir()):  # one level of chunk folders (Cafca's 00000-00099/)
        if chunk.is_dir():
            for d in sorted(chunk.iterdir()):
                if d.is_dir() and match(d.name, subject):
                    return d
    raise FaceliftError(f"subject {subject} not found under {root}")


def _image_size(path: Path) -> tuple[int, int]:
    from PIL import Image

    try:
        with Image.open(path) as im:
            return im.size
    except (FileNotFoundError, OSError) as e:
        raise FaceliftError(f"cannot read image {path}: {e}") from None


def _camera(c2w: np.ndarray, K: np.ndarray, width: int, height: int, source: str) -> Camera:
    c2w = np.asarray(c2w, np.float64)
    K = np.asarray(K, np.float64)
    if c2w.shape == (3, 4):
        c2w = np.vstack([c2w, [0, 0, 0, 1]])
    if c2w.shape != (4, 4) or K.shape != (3, 3):
        raise FaceliftError(f"{source}: camera matrices have shapes {c2w.shape} and {K.shape}")
    return Camera(c2w=torch.from_numpy(c2w), K=torch.from_numpy(K), width=int(width), height=int(height))


class CafcaDataset:
    """Cafca in its published layout (see the module docstring)."""

    name = "cafca"
    cameras = CAFCA_CAMERAS

    def __init__(self, root: str | Path, folder: str = CAFCA_FOLDER) -> None:
        self.root = Path(root)
        self.folder = folder

    def scene_dir(self, subject: str) -> Path:
        d = _find_subject_dir(self.root, subject) / self.folder
        if not d.is_dir():
            raise FaceliftError(f"Cafca subject {subject} has no {self.folder} folder: {d}")
        return d

    def view(self, subject: str, camera: str) -> BenchmarkView:
        camera = cafca_view_name(camera)
        d = self.scene_dir(subject)
        path = d / "color_image" / f"{camera}.png"
        cam_file = d / "cameras_json" / f"{camera}.json"
        try:
            meta = json.loads(cam_file.read_text())
        except FileNotFoundError:
            raise FaceliftError(f"Cafca camera file missing: {cam_file}") from None
        except json.JSONDecodeError as e:
            raise FaceliftError(f"malformed Cafca camera file {cam_file}: {e}") from None
        if "cam2world" in meta:
            c2w = np.asarray(meta["cam2world"], np.float64)
        elif "world2cam" in meta:
            w2c = np.asarray(meta["world2cam"], np.float64)
            w2c = np.vstack([w2c, [0, 0, 0, 1]]) if w2c.shape == (3, 4) else w2c
            c2w = np.linalg.inv(w2c)
        else:
            raise FaceliftError(f"{cam_file}: no cam2world or world2cam")
        if "K" not in meta:
            raise FaceliftError(f"{cam_file}: no intrinsics K")
        w, h = (meta["width"], meta["height"]) if "width" in meta and "height" in meta else _image_size(path)
        mask = d / "foreground_mask" / f"{camera}.png"
        return BenchmarkView(camera, _camera(c2w, meta["K"], w, h, str(cam_file)), path, mask if mask.is_file() else None)

    def available_cameras(self, subject: str) -> list[str]:
        d = self.scene_dir(subject) / "cameras_json"
        return sorted(p.stem for p in d.glob("C*.json"))

    def subject(self, row: SubjectViews, aligned: bool = True) -> BenchmarkSubject:
        """Aligned protocol: the row's test views; unaligned: all cameras of the subject."""
        tests = row.test_views if aligned else self.available_cameras(row.subject)
        inp = self.view(row.subject, row.input_view)
        return BenchmarkSubject(row.subject, inp, [self.view(row.subject, v) for v in tests])


# ----------------------------------------------------------------------------- Ava-256


def read_ava_calibration(path: str | Path) -> dict[str, Camera]:
    """``camera_calibration.json`` → {camera id: Camera (OpenCV c2w, dataset units)}."""
    path = Path(path)
    try:
        data = json.loads(path.read_text())["KRT"]
    except FileNotFoundError:
        raise FaceliftError(f"Ava-256 calibration missing: {path}") from None
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        raise FaceliftError(f"malformed Ava-256 calibration {path}: {e}") from None
    cams = {}
    for entry in data:
        # Both matrices are stored column by column: transpose to get K and [R | t].
        K = np.asarray(entry["K"], np.float64).T
        T = np.asarray(entry["T"], np.float64).T
        w2c = np.eye(4)
        w2c[:3, :4] = T[:3, :4]
        cams[str(entry["cameraId"])] = _camera(np.linalg.inv(w2c), K, entry.get("width", 2 * K[0, 2]),
                                               entry.get("height", 2 * K[1, 2]), str(path))
    return cams


class Ava256Dataset:
    """Ava-256 in its published layout (see the module docstring)."""

    name = "ava256"

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self._calib: dict[str, dict[str, Camera]] = {}

    def decoder_dir(self, subject: str) -> Path:
        sid = subject.upper()
        d = _find_subject_dir(self.root, subject, lambda name, s: name.upper() == sid or f"--{sid}--" in name.upper())
        return d / "decoder" if (d / "decoder").is_dir() else d

    def calibration(self, subject: str) -> dict[str, Camera]:
        if subject not in self._calib:
            self._calib[subject] = read_ava_calibration(self.decoder_dir(subject) / "camera_calibration.json")
        return self._calib[subject]

    def center(self, subject: str) -> Tensor:
        """Mean of all camera positions: the paper's re-centring (≈ the head's centre)."""
        cams = self.calibration(subject)
        return torch.stack([c.position for c in cams.values()]).mean(0)

    def _image(self, subject: str, camera: str, frame: str) -> Path | tuple[Path, str]:
        d = self.decoder_dir(subject) / "image"
        stem = f"{int(frame):06d}" if frame.isdigit() else frame
        archive = d / f"cam{camera}.zip"
        if archive.is_file():
            with zipfile.ZipFile(archive) as zf:
                names = set(zf.namelist())
            for member in (f"cam{camera}/{stem}.avif", f"{stem}.avif", f"cam{camera}/{stem}.png", f"{stem}.png"):
                if member in names:
                    return archive, member
            raise FaceliftError(f"frame {stem} not in {archive}")
        for ext in (".avif", ".png", ".jpg"):
            p = d / f"cam{camera}" / f"{stem}{ext}"
            if p.is_file():
                return p
        raise FaceliftError(f"Ava-256 image missing: {archive} or {d / f'cam{camera}' / (stem + '.avif')}")

    def view(self, subject: str, camera: str, frame: str) -> BenchmarkView:
        cams = self.calibration(subject)
        if camera not in cams:
            raise FaceliftError(f"camera {camera} not in the calibration of Ava-256 subject {subject}")
        return BenchmarkView(camera, cams[camera], self._image(subject, camera, frame))

    def subject(self, row: SubjectViews, aligned: bool = True) -> BenchmarkSubject:
        if not row.frame:
            raise FaceliftError(f"Ava-256 subject {row.subject}: the view list needs a frame id")
        inp = self.view(row.subject, row.input_view or AVA_INPUT_CAMERA, row.frame)
        tests = [self.view(row.subject, c, row.frame) for c in row.test_views]
        return BenchmarkSubject(row.subject, inp, tests, center=self.center(row.subject))


def open_dataset(name: str, root: str | Path) -> CafcaDataset | Ava256Dataset:
    if name == "cafca":
        return CafcaDataset(root)
    if name == "ava256":
        return Ava256Dataset(root)
    raise FaceliftError(f"unknown benchmark dataset {name!r} (cafca or ava256)")


# ----------------------------------------------------------------------------- camera transfer


def transfer_cameras(input_c2w: Tensor, test_c2w: Tensor, our_input: Camera | None = None,
                     center: Tensor | None = None, radius: float = RADIUS) -> Tensor:
    """Carry dataset test cameras into our camera system (suppl. C.1, module docstring).

    input_c2w: (4, 4) the dataset's input camera; test_c2w: (..., 4, 4) its test cameras
    (OpenCV, dataset world); our_input: our input camera (default: the front orbit camera);
    center: (3,) dataset point to re-centre on (None: the dataset origin).
    Returns (..., 4, 4) float32 camera-to-world matrices in our world, at distance ``radius``.
    """
    our = (orbit_camera(0.0) if our_input is None else our_input).c2w.double()
    cin = input_c2w.double()
    ct = test_c2w.double()
    c = torch.zeros(3, dtype=torch.float64) if center is None else center.double()
    A = our[:3, :3] @ cin[:3, :3].T
    pos = ct[..., :3, 3] - c
    dist = pos.norm(dim=-1, keepdim=True)
    if (dist < 1e-9).any():
        raise FaceliftError("a test camera sits at the re-centred world origin; cannot rescale it")
    out = torch.zeros_like(ct)
    out[..., :3, :3] = A @ ct[..., :3, :3]
    out[..., :3, 3] = (pos / dist * radius) @ A.T
    out[..., 3, 3] = 1.0
    return out.float()


def our_test_cameras(subject: BenchmarkSubject, size: int, our_input: Camera | None = None) -> Camera:
    """Our cameras (N, ...) for a subject's test views, FOV 50° at ``size``×``size``."""
    from facelift.cameras import FOV_DEG

    test = torch.stack([v.camera.c2w for v in subject.test_views])
    c2w = transfer_cameras(subject.input_view.camera.c2w, test, our_input, subject.center)
    return Camera.from_fov(c2w, FOV_DEG, size)


def square_resize(img: Tensor, size: int) -> Tensor:
    """Centre-crop (H, W, C) to a square and resize to ``size``×``size`` (bilinear, antialiased)."""
    h, w = img.shape[:2]
    s = min(h, w)
    y0, x0 = (h - s) // 2, (w - s) // 2
    crop = img[y0 : y0 + s, x0 : x0 + s].permute(2, 0, 1)[None].float()
    if s == size:
        return crop[0].permute(1, 2, 0)
    return F.interpolate(crop, size=(size, size), mode="bilinear", antialias=True, align_corners=False)[0].permute(1, 2, 0).clamp(0, 1)
