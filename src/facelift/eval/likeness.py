"""Likeness: does the reconstructed head look like the person in the photo?

Each photo is reconstructed, the head is rendered on the orbit at the azimuths of
:data:`ANGLES` (elevation 0, white background), and every render is compared with the
**original photo** (not the preprocessed crop: the reference must not inherit the pipeline's
own mistakes; in a group photo, the face the pipeline framed, found as the photo's face most
like the preprocessed input) by dlib's face-recognition distance (:class:`facelift.eval.identity.DlibIdentity`,
Euclidean between 128-D descriptors; below 0.6 is dlib's "same person") and, when a model is
available, the ArcFace cosine distance. A render where dlib finds no face counts as a miss.

The targets (the issue's definition of "looks like the person"):

* a face is found in every render at 0° and ±30°;
* the dlib distance is below 0.6 at 0° for every photo, and at ±30° for at least 80% of the
  (photo, angle) pairs.

Photos in which dlib finds no face cannot be compared; they are skipped with a warning and
listed in the report. Per photo a contact sheet (the photo, then the renders by azimuth, each
labelled with its distance) lets a person check the numbers by eye.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageOps
from torch import Tensor
from tqdm.auto import tqdm

from facelift.atomic import atomic_path, atomic_write_text
from facelift.cameras import orbit_camera
from facelift.errors import FaceliftError
from facelift.eval.identity import ArcFaceDistance, DlibIdentity, cosine_distance, find_arcface
from facelift.outputs import output_names

if TYPE_CHECKING:
    from facelift.pipeline import FaceLiftOutput

log = logging.getLogger(__name__)

#: Render azimuths in degrees (elevation 0), in the order they are evaluated.
ANGLES: tuple[float, ...] = (0, -15, 15, -30, 30, -45, 45, -60, 60)
#: dlib's "same person" threshold on its descriptor distance (dlib's face_recognition docs).
DLIB_SAME_PERSON = 0.6
FRONT_ANGLE = 0
SIDE_ANGLES = (-30, 30)
#: Share of the (photo, ±30°) pairs that must be below the threshold.
SIDE_SHARE = 0.8
# dlib's HOG detector upsamples the whole image once; on a 12-megapixel photo that costs
# seconds and gigabytes, and its descriptor is computed on a 150² aligned chip anyway.
REFERENCE_MAX_SIDE = 1024
REPORT_JSON = "report.json"
REPORT_MD = "report.md"
# Contact-sheet labels: font height as a share of the tile, never below a readable minimum.
LABEL_SHARE = 1 / 24
LABEL_MIN_PX = 12

Reconstruct = Callable[[Path], "FaceLiftOutput"]


@dataclass
class ViewResult:
    """One render of one head: azimuth in degrees, whether dlib found a face, the distances
    to the photo (None where a face is missing in the render or, for ArcFace, in the photo)."""

    azimuth: float
    face_found: bool
    dlib: float | None = None
    arcface: float | None = None


@dataclass
class PhotoResult:
    """One photo: its name in the report, its path, one :class:`ViewResult` per angle, and the
    contact sheet's file name (relative to the report folder) when one was saved."""

    name: str
    path: str
    views: list[ViewResult]
    contact_sheet: str | None = None
    #: where the photo's face looks (``facelift.refine.face_prior.face_yaw``), when known: a face
    #: turned by y is seen at azimuth − y, so at +30° a face turned by −20° is 50° off head-on.
    face_yaw: float | None = None

    def view(self, azimuth: float) -> ViewResult | None:
        return next((v for v in self.views if v.azimuth == azimuth), None)


@dataclass
class SkippedPhoto:
    name: str
    path: str
    reason: str


@dataclass
class AngleSummary:
    """Over the evaluated photos at one azimuth: renders with a face, and the median distances
    over those renders (None when no render had a face)."""

    azimuth: float
    faces_found: int
    photos: int
    median_dlib: float | None
    median_arcface: float | None

    @property
    def face_share(self) -> float:
        return self.faces_found / self.photos if self.photos else 0.0


@dataclass
class Target:
    """One of the issue's targets. ``passed`` is None when it could not be measured (no photo
    evaluated, or its angles were not rendered)."""

    description: str
    passed: bool | None
    detail: str


@dataclass
class LikenessReport:
    """Everything one likeness run measured; :meth:`write` puts it on disk.

    ``info`` says what produced the heads (weights, seed ...), filled by the caller.
    """

    angles: tuple[float, ...]
    size: int
    photos: list[PhotoResult]
    skipped: list[SkippedPhoto] = field(default_factory=list)
    arcface: bool = False
    info: dict = field(default_factory=dict)

    # ----------------------------------------------------------------- numbers
    def summary(self) -> list[AngleSummary]:
        out = []
        for a in self.angles:
            views = [v for p in self.photos if (v := p.view(a)) is not None]
            dlib = [v.dlib for v in views if v.dlib is not None]
            arc = [v.arcface for v in views if v.arcface is not None]
            out.append(AngleSummary(a, sum(v.face_found for v in views), len(views),
                                    float(np.median(dlib)) if dlib else None,
                                    float(np.median(arc)) if arc else None))
        return out

    def targets(self) -> list[Target]:
        return [self._face_target(), self._distance_target()]

    @property
    def passed(self) -> bool:
        return all(t.passed is True for t in self.targets())

    def _missing(self, angles: Sequence[float]) -> str | None:
        if not self.photos:
            return "not measured: no photo was evaluated"
        absent = [a for a in angles if a not in self.angles]
        return f"not measured: {', '.join(angle_label(a) for a in absent)} not rendered" if absent else None

    def _face_target(self) -> Target:
        angles = (FRONT_ANGLE, *SIDE_ANGLES)
        text = "face found in every render at 0° and ±30°"
        if (why := self._missing(angles)) is not None:
            return Target(text, None, why)
        views = [p.view(a) for p in self.photos for a in angles]
        found = sum(v.face_found for v in views)
        return Target(text, found == len(views), f"{found}/{len(views)} renders with a face")

    def _distance_target(self) -> Target:
        text = (f"dlib distance < {DLIB_SAME_PERSON} at 0° for every photo, and at ±30° for at least "
                f"{SIDE_SHARE:.0%} of (photo, angle) pairs")
        if (why := self._missing((FRONT_ANGLE, *SIDE_ANGLES))) is not None:
            return Target(text, None, why)

        def close(v: ViewResult) -> bool:  # a render without a face is not close
            return v.dlib is not None and v.dlib < DLIB_SAME_PERSON

        front = sum(close(p.view(FRONT_ANGLE)) for p in self.photos)
        side = [p.view(a) for p in self.photos for a in SIDE_ANGLES]
        side_ok = sum(close(v) for v in side)
        passed = front == len(self.photos) and side_ok / len(side) >= SIDE_SHARE
        detail = (f"0°: {front}/{len(self.photos)} photos; ±30°: {side_ok}/{len(side)} pairs "
                  f"({side_ok / len(side):.0%})")
        return Target(text, passed, detail)

    # ----------------------------------------------------------------- output
    def to_dict(self) -> dict:
        return {
            "angles": list(self.angles), "size": self.size, "elevation": 0, "arcface": self.arcface,
            "dlib_threshold": DLIB_SAME_PERSON, "info": self.info,
            "photos": [asdict(p) for p in self.photos],
            "skipped": [asdict(s) for s in self.skipped],
            "summary": [{**asdict(s), "face_share": s.face_share} for s in self.summary()],
            "targets": [asdict(t) for t in self.targets()],
            "passed": self.passed,
        }

    def to_markdown(self) -> str:
        lines = ["# Likeness", ""]
        if self.info:
            lines += [", ".join(f"{k}: {v}" for k, v in self.info.items()), ""]
        lines += [f"dlib face distance between each photo and its head rendered at azimuth A "
                  f"(elevation 0, {self.size}² px); lower is closer, below {DLIB_SAME_PERSON} is dlib's "
                  f"\"same person\".", "", self._table("dlib"), "## Targets", ""]
        for t in self.targets():
            verdict = {True: "PASS", False: "FAIL", None: "N/A"}[t.passed]
            lines.append(f"- **{verdict}** {t.description} ({t.detail})")
        lines += ["", f"Overall: **{'PASS' if self.passed else 'FAIL'}**", ""]
        if self.arcface:
            lines += ["## ArcFace", "", "ArcFace cosine distance (1 − cos), lower is closer.", "",
                      self._table("arcface")]
        if self.skipped:
            lines += ["## Skipped", ""] + [f"- {s.name} ({s.path}): {s.reason}" for s in self.skipped] + [""]
        return "\n".join(lines)

    def _table(self, metric: str) -> str:
        """Rows = photos, columns = azimuths left to right; summary rows below."""
        order = sorted(self.angles)
        summary = {s.azimuth: s for s in self.summary()}
        lines = ["| photo | face yaw | " + " | ".join(angle_label(a) for a in order) + " |",
                 "|---|---|" + "---|" * len(order)]
        for p in self.photos:
            cells = []
            for a in order:
                v = p.view(a)
                value = getattr(v, metric)
                cells.append("no face" if not v.face_found and metric == "dlib" else
                             "–" if value is None else f"{value:.2f}")
            yaw = "?" if p.face_yaw is None else angle_label(round(p.face_yaw))
            lines.append(f"| {p.name} | {yaw} | " + " | ".join(cells) + " |")
        lines.append("| **faces found** | | " + " | ".join(f"{summary[a].faces_found}/{summary[a].photos}" for a in order) + " |")
        medians = [getattr(summary[a], f"median_{metric}") for a in order]
        lines.append("| **median** | | " + " | ".join("–" if m is None else f"{m:.2f}" for m in medians) + " |")
        return "\n".join(lines) + "\n"

    def write(self, folder: str | Path) -> list[Path]:
        """Write ``folder/report.json`` and ``folder/report.md``, each atomically."""
        folder = Path(folder)
        paths = [folder / REPORT_JSON, folder / REPORT_MD]
        atomic_write_text(paths[0], json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n")
        atomic_write_text(paths[1], self.to_markdown())
        return paths


# --------------------------------------------------------------------- evaluation
@dataclass
class _Reference:
    name: str
    path: Path
    image: np.ndarray  # (H, W, 3) uint8, on white
    faces: list  # every dlib face of the photo: ((left, top, right, bottom), descriptor), largest first
    dlib: np.ndarray | None = None
    arcface: np.ndarray | None = None

    def choose(self, reconstructed_input, identity: DlibIdentity, arcface: ArcFaceDistance | None) -> None:
        """Take as the reference the photo's face that the pipeline reconstructed: in a group
        photo, the one most like the preprocessed input (``reconstructed_input``, or the
        largest face when that has none)."""
        box, self.dlib = self.faces[0]
        if len(self.faces) > 1 and reconstructed_input is not None:
            crop = identity.embed(np.asarray(reconstructed_input.convert("RGB")))
            if crop is not None:
                box, self.dlib = min(self.faces, key=lambda f: float(np.linalg.norm(f[1] - crop)))
        if arcface is not None:
            region = self.image
            if box != self.faces[0][0]:
                # ArcFace finds its own (largest) face: show it only the chosen one, with context.
                left, top, right, bottom = box
                pad = max(right - left, bottom - top)
                h, w = self.image.shape[:2]
                region = self.image[max(0, top - pad):min(h, bottom + pad), max(0, left - pad):min(w, right + pad)]
            self.arcface = arcface.embed(region)
            if self.arcface is None:
                log.warning("%s: ArcFace's detector finds no face in the photo; no ArcFace distances for it",
                            self.path)


def angle_label(azimuth: float) -> str:
    return "0°" if azimuth == 0 else f"{azimuth:+g}°"


def load_reference(path: Path) -> np.ndarray:
    """The original photo as (H, W, 3) uint8, alpha composited onto white, long side at most
    :data:`REFERENCE_MAX_SIDE`. FaceliftError when it is missing or not an image."""
    from facelift.preprocess import load_image
    from facelift.preprocess.segment import composite_on_white

    loaded = load_image(path)
    img = Image.fromarray(composite_on_white(loaded.rgb, loaded.alpha))
    if max(img.size) > REFERENCE_MAX_SIDE:
        img.thumbnail((REFERENCE_MAX_SIDE, REFERENCE_MAX_SIDE), Image.Resampling.LANCZOS)
    return np.asarray(img)


def load_arcface(path: str | Path | None = None) -> ArcFaceDistance | None:
    """ArcFace from ``path`` (errors are the caller's: it asked for it), else from
    ``$FACELIFT_WEIGHTS/arcface.onnx`` when present and loadable, else None (dlib only)."""
    if path is not None:
        return ArcFaceDistance.from_onnx(path)
    try:
        found = find_arcface()
    except FaceliftError:
        log.info("no ArcFace model found ($FACELIFT_WEIGHTS/arcface.onnx); measuring with dlib only")
        return None
    try:
        return ArcFaceDistance.from_onnx(found)
    except FaceliftError as e:
        log.warning("ArcFace model %s found but not usable (%s); measuring with dlib only", found, e)
        return None


def _render_uint8(rgb) -> np.ndarray:
    """A render's (H, W, 3) float [0, 1] tensor or array -> uint8."""
    arr = rgb.detach().float().cpu().numpy() if isinstance(rgb, Tensor) else np.asarray(rgb, np.float32)
    return (np.clip(arr[..., :3], 0.0, 1.0) * 255 + 0.5).astype(np.uint8)


def _references(photos: Sequence[Path], identity: DlibIdentity) -> tuple[list[_Reference], list[SkippedPhoto]]:
    refs, skipped = [], []
    for name, path in zip(output_names(list(photos)), photos):
        image = load_reference(path)
        faces = identity.embed_all(image)
        if not faces:  # a small face in a large photo: look once more at twice the resolution
            faces = identity.embed_all(image, upsample=identity.upsample + 1)
        if not faces:
            log.warning("%s: dlib finds no face in the photo; skipped (no reference face)", path)
            skipped.append(SkippedPhoto(name, str(path), "no reference face: dlib finds no face in the photo"))
            continue
        refs.append(_Reference(name, Path(path), image, faces))
    return refs, skipped


def evaluate_likeness(photos: list[Path], reconstruct: Reconstruct, identity: DlibIdentity,
                      arcface: ArcFaceDistance | None, size: int, angles: Sequence[float] = ANGLES,
                      progress: bool = True, save_dir: Path | None = None) -> LikenessReport:
    """Reconstruct each photo, render it at ``angles`` and measure the identity distances.

    Args:
        photos: image files.
        reconstruct: path -> :class:`facelift.pipeline.FaceLiftOutput` (anything with
            ``render(camera).rgb`` as (H, W, 3) float in [0, 1]).
        identity: the dlib metric; it also decides whether a render shows a face.
        arcface: the ArcFace metric, or None.
        size: render size in pixels (square).
        angles: azimuths in degrees, elevation 0 (see :mod:`facelift.cameras`).
        save_dir: where to write one contact sheet per photo (``NAME.png``), or None.

    Every photo is loaded and searched for a reference face before the first reconstruction,
    so a bad file fails fast (FaceliftError). Photos without a face, and photos whose
    reconstruction raises FaceliftError, are skipped with a warning and listed in the report;
    FaceliftError when no photo has a face at all.
    """
    if size < 1:
        raise FaceliftError(f"render size must be a positive number of pixels, got {size}")
    angles = tuple(angles)
    if not angles:
        raise FaceliftError("likeness needs at least one render angle")
    refs, skipped = _references(photos, identity)
    if not refs:
        raise FaceliftError(f"dlib finds no face in any of the {len(photos)} photo(s): "
                            f"{', '.join(str(p) for p in photos)}")
    cameras = {a: orbit_camera(azimuth=float(a), elevation=0.0, size=size) for a in angles}
    results = []
    for ref in tqdm(refs, desc="likeness", unit="photo", disable=not progress):
        try:
            head = reconstruct(ref.path)
        except FaceliftError as e:
            log.warning("%s: reconstruction failed (%s); skipped", ref.path, e)
            skipped.append(SkippedPhoto(ref.name, str(ref.path), f"reconstruction failed: {e}"))
            continue
        ref.choose(getattr(head, "input_image", None), identity, arcface)
        renders = {a: _render_uint8(head.render(cameras[a]).rgb) for a in angles}
        views = [_measure(a, renders[a], ref, identity, arcface) for a in angles]
        result = PhotoResult(ref.name, str(ref.path), views,
                             face_yaw=(getattr(head, "info", None) or {}).get("face_yaw"))
        if save_dir is not None:
            sheet = Path(save_dir) / f"{ref.name}.png"
            save_contact_sheet(sheet, ref.image, renders, views, size)
            result.contact_sheet = sheet.name
        results.append(result)
        log.debug("%s: %s", ref.name, ", ".join(f"{angle_label(v.azimuth)} {v.dlib}" for v in views))
    return LikenessReport(angles, size, results, skipped, arcface=arcface is not None)


def _measure(azimuth: float, render: np.ndarray, ref: _Reference, identity: DlibIdentity,
             arcface: ArcFaceDistance | None) -> ViewResult:
    emb = identity.embed(render)
    view = ViewResult(azimuth, emb is not None)
    if emb is not None:
        view.dlib = float(np.linalg.norm(emb - ref.dlib))
    if arcface is not None and ref.arcface is not None:
        arc = arcface.embed(render)
        if arc is not None:
            view.arcface = float(cosine_distance(arc[None], ref.arcface[None])[0])
    return view


def save_contact_sheet(path: Path, photo: np.ndarray, renders: dict[float, np.ndarray],
                       views: Sequence[ViewResult], size: int) -> None:
    """One PNG: the photo (fitted on white), then the renders by increasing azimuth, each
    ``size``² under a label with its angle and dlib distance. Written atomically.

    The sheet is ``(1 + len(renders)) * size`` wide and ``size + label band`` high.
    """
    font_px = max(LABEL_MIN_PX, round(size * LABEL_SHARE))
    band = 2 * font_px
    font = ImageFont.load_default(size=font_px)
    by_angle = {v.azimuth: v for v in views}
    tiles = [("photo", ImageOps.pad(Image.fromarray(photo), (size, size), color=(255, 255, 255)))]
    for a in sorted(renders):
        v = by_angle[a]
        label = f"{angle_label(a)}  " + ("no face" if v.dlib is None else f"dlib {v.dlib:.2f}")
        tile = Image.fromarray(renders[a])
        if tile.size != (size, size):
            tile = tile.resize((size, size), Image.Resampling.BICUBIC)
        tiles.append((label, tile))
    sheet = Image.new("RGB", (len(tiles) * size, size + band), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    for i, (label, tile) in enumerate(tiles):
        sheet.paste(tile, (i * size, band))
        draw.text((i * size + font_px // 2, font_px // 2), label, fill=(0, 0, 0), font=font)
    with atomic_path(path) as tmp:
        sheet.save(tmp, format="PNG")


__all__ = ["ANGLES", "DLIB_SAME_PERSON", "AngleSummary", "LikenessReport", "PhotoResult", "SkippedPhoto",
           "Target", "ViewResult", "evaluate_likeness", "load_arcface", "load_reference", "save_contact_sheet"]
