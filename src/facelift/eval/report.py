"""Metric suites, folder-vs-folder evaluation and the tables they produce (markdown + CSV).

A :class:`MetricSuite` is the set of metrics one run reports; each metric maps a pair of
images (and optionally masks) to one number. :func:`evaluate_folders` backs
``facelift eval images PRED_DIR GT_DIR``: files are matched by name (stem, so ``C07.png``
matches ``C07.jpg``), RGBA images are composited over white (the pipeline's background), and
with ``mask_from_alpha`` the ground truth's alpha is the mask of the masked metrics and the
silhouette IoU compares the two alphas.
"""

from __future__ import annotations

import csv
import io
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import torch.nn.functional as F
from torch import Tensor
from tqdm import tqdm

from facelift.atomic import atomic_write_text
from facelift.errors import FaceliftError
from facelift.eval import metrics as M

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".avif")
# Direction of each metric, for the table header (↑ higher is better).
HIGHER_IS_BETTER = {"PSNR": True, "SSIM": True, "PSNR-masked": True, "SSIM-masked": True, "IoU": True,
                    "LPIPS": False, "DreamSim": False, "ArcFace": False, "dlib-id": False}
ALL_METRICS = ("psnr", "ssim", "lpips", "dreamsim", "arcface", "dlib-id")
COUNT_COLUMNS = ("subjects", "views")
PairFn = Callable[[Tensor, Tensor], Tensor]


@dataclass
class MetricSuite:
    """Which metrics to compute. Learned metrics are callables ``(pred, target) → (...)``."""

    psnr: bool = True  # with a mask also PSNR-masked
    ssim: bool = True  # with a mask also SSIM-masked
    learned: dict[str, PairFn] = field(default_factory=dict)  # column name → distance function

    @property
    def columns(self) -> list[str]:
        return ["PSNR"] * self.psnr + ["SSIM"] * self.ssim + list(self.learned)

    def __call__(self, pred: Tensor, target: Tensor, mask: Tensor | None = None,
                 pred_alpha: Tensor | None = None) -> dict[str, float]:
        """One pair of (H, W, 3) images in [0, 1] → {column: value}. With ``mask`` (H, W) the
        masked variants are added, and with ``pred_alpha`` (H, W) the silhouette IoU."""
        row: dict[str, float] = {}
        if self.psnr:
            row["PSNR"] = float(M.psnr(pred, target))
        if self.ssim:
            row["SSIM"] = float(M.ssim(pred, target))
        if mask is not None:
            if self.psnr:
                row["PSNR-masked"] = float(M.masked_psnr(pred, target, mask))
            if self.ssim:
                row["SSIM-masked"] = float(M.masked_ssim(pred, target, mask))
            if pred_alpha is not None:
                row["IoU"] = float(M.silhouette_iou(pred_alpha, mask))
        for name, fn in self.learned.items():
            row[name] = float(fn(pred[None], target[None])[0])
        return row


def build_suite(names: Sequence[str] | None = None, *, lpips_weights: str | Path | None = None,
                arcface: str | Path | None = None, dreamsim_cache: str | Path | None = None,
                device: str = "cpu") -> MetricSuite:
    """A suite from metric names (``ALL_METRICS``). ``None`` means "auto": PSNR/SSIM plus every
    learned metric whose weights are found here (the others are logged as skipped); an
    explicitly requested metric that cannot load raises FaceliftError naming what is missing."""
    from facelift.eval import identity, perceptual

    auto = names is None
    wanted = list(ALL_METRICS) if auto else [n.strip().lower() for n in names if n.strip()]
    unknown = [n for n in wanted if n not in ALL_METRICS]
    if unknown:
        raise FaceliftError(f"unknown metric {unknown[0]!r}; choose from {', '.join(ALL_METRICS)}")
    loaders: dict[str, tuple[str, Callable[[], PairFn]]] = {
        "lpips": ("LPIPS", lambda: perceptual.load_lpips(lpips_weights, device)),
        "dreamsim": ("DreamSim", lambda: perceptual.load_dreamsim(dreamsim_cache, device)),
        "arcface": ("ArcFace", lambda: identity.ArcFaceDistance.from_onnx(arcface)),
        "dlib-id": ("dlib-id", lambda: identity.DlibIdentity()),
    }
    suite = MetricSuite(psnr=auto or "psnr" in wanted, ssim=auto or "ssim" in wanted)
    for key in wanted:
        if key not in loaders:
            continue
        column, load = loaders[key]
        try:
            suite.learned[column] = load()
        except FaceliftError as e:
            if not auto:
                raise
            log.warning("skipping %s: %s", column, e)
    return suite


@dataclass
class EvalTable:
    """Rows of named values (first column is the key), with means and two output formats."""

    key: str
    columns: list[str]
    rows: list[dict] = field(default_factory=list)

    def add(self, name: str, values: dict[str, float]) -> None:
        for col in values:
            if col not in self.columns:
                self.columns.append(col)
        self.rows.append({self.key: name, **values})

    def means(self) -> dict[str, float]:
        return {c: M.nan_mean(r.get(c, math.nan) for r in self.rows) for c in self.columns}

    def counts(self) -> dict[str, int]:
        """How many rows have a finite value per column (identity metrics skip faceless views)."""
        return {c: sum(1 for r in self.rows if math.isfinite(r.get(c, math.nan))) for c in self.columns}

    def header(self) -> list[str]:
        arrows = {True: " ↑", False: " ↓", None: ""}
        return [self.key] + [f"{c}{arrows[HIGHER_IS_BETTER.get(c)]}" for c in self.columns]

    def to_csv(self, with_mean: bool = True) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([self.key] + self.columns)
        for r in self.rows:
            w.writerow([r[self.key]] + [_csv_num(r.get(c, math.nan)) for c in self.columns])
        if with_mean and self.rows:
            means = self.means()
            w.writerow(["mean"] + [_csv_num(means[c]) for c in self.columns])
        return buf.getvalue()

    def to_markdown(self, with_mean: bool = True) -> str:
        lines = ["| " + " | ".join(self.header()) + " |", "|" + "---|" * (len(self.columns) + 1)]
        for r in self.rows:
            lines.append("| " + " | ".join([str(r[self.key])] + [fmt(c, r.get(c, math.nan)) for c in self.columns]) + " |")
        if with_mean and self.rows:
            means = self.means()
            lines.append("| **mean** | " + " | ".join(f"**{fmt(c, means[c])}**" for c in self.columns) + " |")
        return "\n".join(lines) + "\n"

    @staticmethod
    def check_path(path: str | Path) -> Path:
        """``path`` if it can be written by :meth:`write` (ends in .csv or .md), else a clear error."""
        path = Path(path)
        if path.suffix.lower() not in (".csv", ".md"):
            raise FaceliftError(f"report path must end in .csv or .md: {path}")
        return path

    def write(self, path: str | Path) -> list[Path]:
        """Write ``path`` (.csv or .md) and the other format beside it, atomically."""
        path = self.check_path(path)
        csv_path, md_path = path.with_suffix(".csv"), path.with_suffix(".md")
        atomic_write_text(csv_path, self.to_csv())
        atomic_write_text(md_path, self.to_markdown())
        return [csv_path, md_path]


def fmt(column: str, value: float) -> str:
    """Paper-style precision: 2 decimals for PSNR (dB), 4 for everything else."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if column in COUNT_COLUMNS:
        return str(int(value))
    if math.isinf(value):
        return "inf"
    return f"{value:.2f}" if column.startswith("PSNR") else f"{value:.4f}"


def _csv_num(value: float) -> str:
    return "" if value is None or math.isnan(value) else repr(float(value))


def list_images(folder: str | Path) -> dict[str, Path]:
    """Image files directly in ``folder``, keyed by stem; FaceliftError for a missing folder or clashes."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FaceliftError(f"not a folder: {folder}")
    out: dict[str, Path] = {}
    for p in sorted(folder.iterdir()):
        if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES:
            if p.stem in out:
                raise FaceliftError(f"two images named {p.stem!r} in {folder}: {out[p.stem].name} and {p.name}")
            out[p.stem] = p
    return out


def _split_alpha(img: Tensor) -> tuple[Tensor, Tensor | None]:
    if img.shape[-1] == 4:
        return M.composite(img), img[..., 3]
    return img, None


def resize_image(img: Tensor, height: int, width: int) -> Tensor:
    """(H, W, C) → (height, width, C), bilinear with antialiasing."""
    x = img.permute(2, 0, 1)[None].float()
    return F.interpolate(x, size=(height, width), mode="bilinear", antialias=True, align_corners=False)[0].permute(1, 2, 0).clamp(0, 1)


def evaluate_folders(pred_dir: str | Path, gt_dir: str | Path, suite: MetricSuite, *,
                     mask_from_alpha: bool = False, mask_dir: str | Path | None = None,
                     resize: bool = False) -> EvalTable:
    """Compare every image of ``pred_dir`` with the same-named image of ``gt_dir``.

    Masks come from the ground truth's alpha (``mask_from_alpha``) or from same-named images in
    ``mask_dir`` (first channel, [0, 1]). With ``resize`` a prediction of another size is
    resized to its ground truth; otherwise a size mismatch is an error naming the file.
    """
    preds, gts = list_images(pred_dir), list_images(gt_dir)
    names = sorted(set(preds) & set(gts))
    for missing in sorted(set(gts) - set(preds)):
        log.warning("no prediction for %s", gts[missing].name)
    for extra in sorted(set(preds) - set(gts)):
        log.warning("no ground truth for %s", preds[extra].name)
    if not names:
        raise FaceliftError(f"no image names in common between {pred_dir} and {gt_dir}")
    masks = list_images(mask_dir) if mask_dir is not None else {}
    table = EvalTable(key="image", columns=list(suite.columns))
    for name in tqdm(names, desc="eval", unit="img", disable=len(names) < 4):
        pred, pred_alpha = _split_alpha(M.load_image(preds[name]))
        gt, gt_alpha = _split_alpha(M.load_image(gts[name]))
        if pred.shape != gt.shape:
            if not resize:
                raise FaceliftError(f"{preds[name].name}: size {pred.shape[1]}×{pred.shape[0]} differs from ground truth {gt.shape[1]}×{gt.shape[0]} (use --resize)")
            pred = resize_image(pred, gt.shape[0], gt.shape[1])
            if pred_alpha is not None:
                pred_alpha = resize_image(pred_alpha[..., None], gt.shape[0], gt.shape[1])[..., 0]
        mask = None
        if mask_from_alpha:
            if gt_alpha is None:
                raise FaceliftError(f"--mask-from-alpha: ground truth {gts[name].name} has no alpha channel")
            mask = gt_alpha
        elif masks:
            if name not in masks:
                raise FaceliftError(f"no mask named {name} in {mask_dir}")
            mask = M.load_image(masks[name])[..., 0]
            if mask.shape != gt.shape[:2]:
                raise FaceliftError(f"mask {masks[name].name} is {mask.shape[1]}×{mask.shape[0]}, image is {gt.shape[1]}×{gt.shape[0]}")
        table.add(name, suite(pred, gt, mask, pred_alpha if mask is not None else None))
    return table
