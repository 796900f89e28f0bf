"""The benchmarks: the paper's Cafca / Ava-256 protocol (Tables 1 and 2) and the in-house
procedural benchmark, with the paper's numbers printed beside ours.

The reconstruction itself is injected, so this module runs with any method:

- a :data:`SingleImageReconstructor` ``(image) -> Gaussians`` (image: (H, W, 3) float in
  [0, 1]) for the real-data benchmarks and the end-to-end procedural row;
- a :data:`ViewGenerator` ``(image) -> (6, H, W, 3)`` (Stage I alone) and a
  :data:`MultiViewReconstructor` ``(views, cameras) -> Gaussians`` (Stage II alone) for the
  procedural benchmark.

The CLI builds them from the pipeline (:func:`pipeline_hooks`); tests pass tiny functions.
Renders come from :func:`facelift.render.rasterize` on a white background unless a ``render``
function is given; landmark alignment (``aligned=True``, suppl. Algorithm 1) calls an
``aligner(render, target) -> aligned render | None`` (None: no face, the view is excluded and
listed, as in the paper), by default :func:`facelift.preprocess.align.align_to_target`.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import torch
from torch import Tensor
from tqdm import tqdm

from facelift.atomic import atomic_path, atomic_write_text
from facelift.cameras import Camera, facelift_cameras
from facelift.errors import FaceliftError
from facelift.eval import metrics as M
from facelift.eval.datasets import SubjectViews, open_dataset, our_test_cameras, square_resize
from facelift.eval.report import HIGHER_IS_BETTER, EvalTable, MetricSuite, fmt, resize_image

log = logging.getLogger(__name__)

SingleImageReconstructor = Callable[[Tensor], "Gaussians"]  # noqa: F821
ViewGenerator = Callable[[Tensor], Tensor]
MultiViewReconstructor = Callable[[Tensor, Camera], "Gaussians"]  # noqa: F821
RenderFn = Callable[["Gaussians", Camera], Tensor]  # noqa: F821  -> (H, W, 4) RGBA on white
# (gaussians, front view RGBA (H, W, 4), generated views (6, H, W, 3|4), their cameras) -> Gaussians
PhotoFit = Callable[["Gaussians", Tensor, Tensor, Camera], "Gaussians"]  # noqa: F821
# (render, target), both (H, W, 3) float32 in [0, 1] -> aligned render (array-like, same scale) or None
Aligner = Callable[[np.ndarray, np.ndarray], "np.ndarray | None"]

METRIC_ORDER = ("PSNR", "SSIM", "LPIPS", "DreamSim", "ArcFace")

# The paper's Table 1 (Cafca; † = before landmark alignment) and Table 2 (Ava-256).
PAPER_TABLE1_UNALIGNED = {
    "PanoHead": {"PSNR": 10.34, "SSIM": 0.7282, "LPIPS": 0.3856, "DreamSim": 0.2507},
    "Era3D": {"PSNR": 11.41, "SSIM": 0.6935, "LPIPS": 0.3884, "DreamSim": 0.3623},
    "LGM": {"PSNR": 12.41, "SSIM": 0.7394, "LPIPS": 0.4013, "DreamSim": 0.2433},
    "FaceLift": {"PSNR": 13.77, "SSIM": 0.7514, "LPIPS": 0.3464, "DreamSim": 0.1678},
}
PAPER_TABLE1_ALIGNED = {
    "PanoHead": {"PSNR": 10.72, "SSIM": 0.7594, "LPIPS": 0.3351, "DreamSim": 0.2048, "ArcFace": 0.2183},
    "Era3D": {"PSNR": 13.69, "SSIM": 0.7230, "LPIPS": 0.3662, "DreamSim": 0.2892, "ArcFace": 0.2978},
    "LGM": {"PSNR": 16.52, "SSIM": 0.7933, "LPIPS": 0.3060, "DreamSim": 0.1552, "ArcFace": 0.2557},
    "FaceLift": {"PSNR": 16.61, "SSIM": 0.7968, "LPIPS": 0.2694, "DreamSim": 0.1096, "ArcFace": 0.1573},
}
PAPER_TABLE2 = {
    "Era3D": {"PSNR": 14.77, "SSIM": 0.7963, "LPIPS": 0.2538, "DreamSim": 0.2515, "ArcFace": 0.3721},
    "LGM": {"PSNR": 14.05, "SSIM": 0.8136, "LPIPS": 0.2476, "DreamSim": 0.1496, "ArcFace": 0.3142},
    "FaceLift": {"PSNR": 16.52, "SSIM": 0.8271, "LPIPS": 0.2277, "DreamSim": 0.1065, "ArcFace": 0.1871},
}


def paper_numbers(dataset: str, aligned: bool) -> tuple[str, dict[str, dict[str, float]]]:
    """(caption, {method: {metric: value}}) of the paper's table for this protocol."""
    if dataset == "cafca":
        if aligned:
            return "paper Table 1 (Cafca, landmark-aligned)", PAPER_TABLE1_ALIGNED
        return "paper Table 1 (Cafca, before alignment, †)", PAPER_TABLE1_UNALIGNED
    return "paper Table 2 (Ava-256)", PAPER_TABLE2


def comparison_markdown(ours: dict[str, float], dataset: str, aligned: bool, label: str = "ours (this run)") -> str:
    """The paper's table with our mean row appended (same columns, same precision)."""
    caption, table = paper_numbers(dataset, aligned)
    cols = [c for c in METRIC_ORDER if any(c in row for row in table.values())]
    extra = [c for c in ours if c not in cols and c not in ("views",)]
    arrow = {True: " ↑", False: " ↓", None: ""}
    header = "| method | " + " | ".join(f"{c}{arrow[HIGHER_IS_BETTER.get(c)]}" for c in cols + extra) + " |"
    lines = [f"{caption}, with this run's means:", "", header, "|" + "---|" * (len(cols) + len(extra) + 1)]
    for method, row in table.items():
        lines.append(f"| {method} (paper) | " + " | ".join(fmt(c, row.get(c, math.nan)) for c in cols + extra) + " |")
    lines.append(f"| **{label}** | " + " | ".join(fmt(c, ours.get(c, math.nan)) for c in cols + extra) + " |")
    return "\n".join(lines) + "\n"


def default_render(gaussians, camera: Camera) -> Tensor:
    """RGBA (H, W, 4) render on white with our rasterizer."""
    from facelift.render import rasterize

    with torch.no_grad():
        out = rasterize(gaussians, camera, background=(1.0, 1.0, 1.0))
    return torch.cat([out.rgb, out.alpha[..., None]], dim=-1).detach().cpu()


def default_aligner() -> Aligner:
    try:
        from facelift.preprocess.align import align_to_target  # type: ignore[attr-defined]
    except ImportError:
        raise FaceliftError("--aligned needs landmark alignment (facelift.preprocess.align.align_to_target), which this install lacks") from None
    return align_to_target


def _to_uint8(img: Tensor) -> np.ndarray:
    return (img[..., :3].clamp(0, 1).numpy() * 255 + 0.5).astype(np.uint8)


def _save_side_by_side(path: Path, *images: Tensor) -> None:
    """Images (H, W, 3+) next to each other, written atomically as PNG."""
    from PIL import Image

    row = np.concatenate([_to_uint8(i) for i in images], axis=1)
    with atomic_path(path) as tmp:
        Image.fromarray(row).save(tmp, format="PNG")


@dataclass
class BenchmarkResult:
    """Per-view rows, per-subject means, excluded views and the paper comparison."""

    per_view: EvalTable
    per_subject: EvalTable
    excluded: list[str] = field(default_factory=list)
    comparison: str = ""

    def means(self) -> dict[str, float]:
        return self.per_view.means()


def run_benchmark(dataset: str, root: str | Path, rows: Sequence[SubjectViews], reconstruct: SingleImageReconstructor | None,
                  suite: MetricSuite, out_dir: str | Path, *, aligned: bool = False, size: int = 512,
                  render: RenderFn | None = None, aligner: Aligner | None = None,
                  renders_dir: str | Path | None = None) -> BenchmarkResult:
    """Run the paper's protocol on ``rows`` of a dataset and write the report into ``out_dir``.

    With ``renders_dir`` instead of ``reconstruct``, another method's renders are evaluated:
    ``renders_dir/SUBJECT/VIEW.png`` (RGB or RGBA), made for the cameras that
    :func:`export_protocol` wrote (any size; resized to ``size``²).

    For each subject: the input view (composited on white where the dataset has a mask) goes to
    ``reconstruct``; each test camera is transferred into our system
    (:func:`facelift.eval.datasets.our_test_cameras`) and rendered at ``size``²; the target is the
    dataset image, centre-cropped and resized to ``size``², on white where masked. Aligned runs
    warp each render onto its target's landmarks first and drop views without a face. Where the
    dataset has foreground masks (Cafca), masked PSNR/SSIM (and, unaligned, the silhouette IoU
    of the render's alpha) are reported as extra columns beside the paper's metrics.

    Writes ``per_view.{csv,md}``, ``per_subject.{csv,md}``, ``summary.md`` (our means over all
    evaluated views beside the paper's table), ``excluded.txt`` (views without a face, subjects
    whose reconstruction failed) and ``images/SUBJECT_VIEW.png`` (render | target).
    """
    if (reconstruct is None) == (renders_dir is None):
        raise FaceliftError("give either a reconstruction function (--weights) or a folder of renders (--renders)")
    ds = open_dataset(dataset, root)
    render = render or default_render
    if aligned and aligner is None:
        aligner = default_aligner()
    out_dir = Path(out_dir)
    per_view = EvalTable(key="view", columns=list(suite.columns))
    per_subject = EvalTable(key="subject", columns=list(suite.columns))
    excluded: list[str] = []
    for row in tqdm(rows, desc=f"{dataset} subjects", unit="subject"):
        subject = ds.subject(row, aligned=aligned)
        gaussians = None
        if reconstruct is not None:
            inp = subject.input_view.load()
            inp = M.composite(inp) if inp.shape[-1] == 4 else inp
            try:
                gaussians = reconstruct(inp)
            except FaceliftError as e:  # e.g. no face in the input photo: report it, go on with the rest
                excluded.append(f"{subject.subject}: reconstruction failed: {e}")
                log.warning("subject %s skipped: %s", subject.subject, e)
                continue
        cams = our_test_cameras(subject, size)
        sub_table = EvalTable(key="view", columns=list(suite.columns))
        for i, view in enumerate(subject.test_views):
            target = square_resize(view.load(), size)
            mask = target[..., 3] if target.shape[-1] == 4 else None  # Cafca's foreground mask
            target = M.composite(target) if target.shape[-1] == 4 else target
            key = f"{subject.subject}/{view.name}"
            if gaussians is not None:
                rgba = render(gaussians, cams[i])
            else:
                rgba = _load_render(Path(renders_dir), subject.subject, view.name, size)
                if rgba is None:
                    excluded.append(f"{key}: no render in {renders_dir}")
                    continue
            pred = rgba[..., :3]
            pred_alpha = rgba[..., 3] if rgba.shape[-1] == 4 else None
            if aligned:
                pred_alpha = None  # the warp moves pixels; the render's silhouette no longer applies
                warped = aligner(pred.float().numpy(), target.float().numpy())
                if warped is None:
                    excluded.append(f"{key}: no face detected")
                    log.info("excluded %s (no face)", key)
                    continue
                pred = torch.from_numpy(np.array(warped, dtype=np.float32))
            values = suite(pred, target, mask, pred_alpha)
            per_view.add(key, values)
            sub_table.add(view.name, values)
            _save_side_by_side(out_dir / "images" / f"{subject.subject}_{view.name}.png", pred, target)
        if sub_table.rows:
            per_subject.add(subject.subject, sub_table.means())
    if not per_view.rows:
        raise FaceliftError(f"no test view could be evaluated ({len(excluded)} excluded)")
    means = per_view.means()
    comparison = comparison_markdown(means, dataset, aligned)
    result = BenchmarkResult(per_view, per_subject, excluded, comparison)
    per_view.write(out_dir / "per_view.csv")
    per_subject.write(out_dir / "per_subject.csv")
    summary = [f"# {dataset} benchmark ({'landmark-aligned' if aligned else 'unaligned'}), "
               f"{len(per_subject.rows)} subjects, {len(per_view.rows)} views, {size}×{size}", "",
               "Our row is the mean over all evaluated views.", "", comparison, "",
               "Per subject (mean over its views):", "", per_subject.to_markdown()]
    if excluded:
        summary += ["", f"{len(excluded)} views excluded (see excluded.txt)."]
    atomic_write_text(out_dir / "summary.md", "\n".join(summary) + "\n")
    atomic_write_text(out_dir / "excluded.txt", "".join(f"{e}\n" for e in excluded))
    return result


def _load_render(folder: Path, subject: str, view: str, size: int) -> Tensor | None:
    """``folder/SUBJECT/VIEW.{png,jpg,webp}`` as (size, size, 3|4), RGBA composited later; None if absent."""
    for ext in (".png", ".jpg", ".jpeg", ".webp"):
        path = folder / subject / f"{view}{ext}"
        if path.is_file():
            img = M.load_image(path)
            if img.shape[0] != size or img.shape[1] != size:
                img = resize_image(img, size, size)
            if img.shape[-1] == 4:  # a render on a transparent film: composite like ours (white)
                return torch.cat([M.composite(img), img[..., 3:]], dim=-1)
            return img
    return None


def export_protocol(dataset: str, root: str | Path, rows: Sequence[SubjectViews], out_dir: str | Path, *,
                    aligned: bool = False, size: int = 512) -> list[Path]:
    """Write what another method needs to be evaluated under this protocol, per subject:
    ``SUBJECT/input.png`` (the input view, on white where masked) and ``SUBJECT/transforms.json``
    (our transferred test cameras, nerfstudio format, ``file_path`` = ``VIEW.png``).
    Render each camera to ``RENDERS/SUBJECT/VIEW.png``, then run
    ``facelift eval benchmark ... --renders RENDERS``. Returns the subject folders."""
    from PIL import Image

    from facelift.cameras import write_transforms

    ds = open_dataset(dataset, root)
    out_dir = Path(out_dir)
    folders = []
    for row in tqdm(rows, desc=f"{dataset} cameras", unit="subject"):
        subject = ds.subject(row, aligned=aligned)
        folder = out_dir / subject.subject
        inp = subject.input_view.load()
        inp = M.composite(inp) if inp.shape[-1] == 4 else inp
        with atomic_path(folder / "input.png") as tmp:
            Image.fromarray(_to_uint8(inp)).save(tmp, format="PNG")
        cams = our_test_cameras(subject, size)
        write_transforms(folder / "transforms.json", cams, [f"{v.name}.png" for v in subject.test_views],
                         extra={"facelift_benchmark": {"dataset": dataset, "subject": subject.subject,
                                                       "input_view": subject.input_view.name, "aligned": aligned}})
        folders.append(folder)
    return folders


# ----------------------------------------------------------------------------- procedural


@dataclass
class ProceduralSubject:
    """A held-out procedural head: the six Stage I views and the other (random) views.

    fixed_images: (6, H, W, 4) RGBA in the order of ``facelift_cameras``; fixed: their cameras.
    other_images: (N, H, W, 4); other: their cameras (N, ...).
    """

    name: str
    fixed_images: Tensor
    fixed: Camera
    other_images: Tensor
    other: Camera


def load_procedural_subject(folder: str | Path, tol: float = 1e-3) -> ProceduralSubject:
    """Read ``folder/transforms.json`` + images; the six views whose cameras coincide with
    :func:`facelift_cameras` (up to ``tol`` in position) are the Stage I views."""
    from facelift.cameras import read_transforms

    folder = Path(folder)
    cams, files, _ = read_transforms(folder / "transforms.json")
    images = []
    for f in files:
        img = M.load_image(folder / f)
        if img.shape[-1] == 3:  # no alpha: everything counts as foreground
            img = torch.cat([img, torch.ones_like(img[..., :1])], dim=-1)
        images.append(img)
    images = torch.stack(images)
    ref = facelift_cameras(cams.width).position.double()
    pos = cams.position.double()
    fixed_idx = []
    for p in ref:
        d = (pos - p).norm(dim=-1)
        j = int(d.argmin())
        if float(d[j]) > tol * ref.norm(dim=-1).max():
            raise FaceliftError(f"{folder}: no camera at the Stage I view position {p.tolist()}")
        fixed_idx.append(j)
    other_idx = [i for i in range(len(files)) if i not in fixed_idx]
    if not other_idx:
        raise FaceliftError(f"{folder}: no held-out (random) views besides the six Stage I views")
    return ProceduralSubject(folder.name, images[fixed_idx], cams[fixed_idx], images[other_idx], cams[other_idx])


def _pixel_row(pred_rgba: Tensor, target_rgba: Tensor) -> dict[str, float]:
    """PSNR/SSIM on white, masked by the target's alpha, and silhouette IoU. Inputs (..., H, W, 4)."""
    pred, target = M.composite(pred_rgba), M.composite(target_rgba)
    mask = target_rgba[..., 3]
    return {
        "PSNR": M.nan_mean(M.psnr(pred, target).reshape(-1)),
        "SSIM": M.nan_mean(M.ssim(pred, target).reshape(-1)),
        "PSNR-masked": M.nan_mean(M.masked_psnr(pred, target, mask).reshape(-1)),
        "SSIM-masked": M.nan_mean(M.masked_ssim(pred, target, mask).reshape(-1)),
        "IoU": M.nan_mean(M.silhouette_iou(pred_rgba[..., 3], mask).reshape(-1)),
    }


AZIMUTH_GROUPS = (("front 0-60°", 0.0, 60.0), ("side 60-120°", 60.0, 120.0), ("back 120-180°", 120.0, 180.01))


def azimuth_groups(cameras: Camera) -> dict[str, list[int]]:
    """Indices of a batch of orbit cameras by |azimuth| (:mod:`facelift.cameras`: 0 = front),
    in the bins of :data:`AZIMUTH_GROUPS`; empty bins are left out."""
    pos = cameras.position.double()
    azimuth = torch.rad2deg(torch.atan2(-pos[:, 0], -pos[:, 1])).abs()
    groups = {name: [i for i, a in enumerate(azimuth.tolist()) if lo <= a < hi] for name, lo, hi in AZIMUTH_GROUPS}
    return {name: idx for name, idx in groups.items() if idx}


def run_procedural(subject_dirs: Sequence[str | Path], *, generate_views: ViewGenerator | None = None,
                   reconstruct_views: MultiViewReconstructor | None = None, render: RenderFn | None = None,
                   photo_fit: PhotoFit | None = None) -> EvalTable:
    """The in-house benchmark. Rows (each a mean over subjects):

    - ``stage1``: generated views vs the six ground-truth views (from the front view);
    - ``stage2``: Gaussians from the six ground-truth views, rendered at the held-out views;
    - ``end-to-end``: Gaussians from the generated views, rendered at the held-out views;
    - ``end-to-end+fit``: those Gaussians refined against the true front view (its RGBA as the
      photo) by ``photo_fit(gaussians, front_rgba (H, W, 4), generated (6, H, W, 3|4), cameras)``,
      rendered at the held-out views (none of which is the front view); with it, both end-to-end
      rows are also given per azimuth group (front: within 60° of the input view, side: 60–120°,
      back: beyond), so a gain in front cannot hide a loss at the back.

    A stage whose function is None is skipped. Generated views are (6, H, W, 3|4), resized to
    the data's size when they differ; for RGB ones (on white) the silhouette is every pixel
    that differs from white by more than :data:`facelift.eval.metrics.FOREGROUND_DELTA`.
    """
    render = render or default_render
    rows: dict[str, list[dict[str, float]]] = {"stage1": [], "stage2": [], "end-to-end": [], "end-to-end+fit": []}
    for folder in tqdm(subject_dirs, desc="procedural subjects", unit="subject"):
        s = load_procedural_subject(folder)
        front = M.composite(s.fixed_images[0])
        generated = None
        if generate_views is not None:
            generated = generate_views(front)
            if generated.ndim != 4 or generated.shape[0] != 6:
                raise FaceliftError(f"view generator returned shape {tuple(generated.shape)}, want (6, H, W, 3|4)")
            if generated.shape[-1] == 3:
                # RGB views on white: the silhouette is what differs from white, by the same rule
                # as ``facelift eval mvdiff`` (calling them opaque made Stage I's IoU meaningless).
                alpha = M.foreground(generated.movedim(-1, -3))[..., None].to(generated.dtype)  # (6, H, W, 1)
                generated = torch.cat([generated, alpha], dim=-1)
            h, w = s.fixed_images.shape[1:3]
            if generated.shape[1:3] != (h, w):  # Stage I's resolution may differ from the data's
                generated = torch.stack([resize_image(v, h, w) for v in generated])
            rows["stage1"].append(_pixel_row(generated, s.fixed_images))
        if reconstruct_views is not None:
            for key, views in (("stage2", M.composite(s.fixed_images)), ("end-to-end", None if generated is None else M.composite(generated))):
                if views is None:
                    continue
                gaussians = reconstruct_views(views, s.fixed)
                renders = torch.stack([render(gaussians, s.other[i]) for i in range(len(s.other))])
                rows[key].append(_pixel_row(renders, s.other_images))
                if key == "end-to-end" and photo_fit is not None:
                    fitted = photo_fit(gaussians, s.fixed_images[0], generated, s.fixed)
                    fitted_renders = torch.stack([render(fitted, s.other[i]) for i in range(len(s.other))])
                    rows["end-to-end+fit"].append(_pixel_row(fitted_renders, s.other_images))
                    for group, idx in azimuth_groups(s.other).items():
                        for name, r in (("end-to-end", renders), ("end-to-end+fit", fitted_renders)):
                            rows.setdefault(f"{name}, {group}", []).append(_pixel_row(r[idx], s.other_images[idx]))
    cols = ["PSNR", "SSIM", "PSNR-masked", "SSIM-masked", "IoU"]
    table = EvalTable(key="setting", columns=list(cols))
    for key, values in rows.items():
        if values:
            table.add(key, {c: M.nan_mean(v[c] for v in values) for c in cols} | {"subjects": float(len(values))})
    if not table.rows:
        raise FaceliftError("nothing to evaluate: give a view generator and/or a multi-view reconstructor")
    return table


# ----------------------------------------------------------------------------- CLI glue


@dataclass
class PipelineHooks:
    single_image: SingleImageReconstructor
    generate_views: ViewGenerator | None
    reconstruct_views: MultiViewReconstructor | None
    photo_fit: PhotoFit | None = None


def pipeline_hooks(weights: str | None, device: str | None = None) -> PipelineHooks:
    """The reconstruction functions from :class:`facelift.pipeline.FaceLiftPipeline`.

    single image: ``pipe(photo)`` (preprocessing with face crop, both stages) → ``.gaussians``;
    Stage I alone: ``pipe.generate_views(PIL)`` on an already-framed view;
    Stage II alone: ``pipe.reconstruct_gaussians(views (V, 3, H, W), cameras)``.
    """
    from PIL import Image

    try:
        from facelift.pipeline import FaceLiftPipeline
    except ImportError:
        raise FaceliftError("the reconstruction pipeline (facelift.pipeline) is not available in this install") from None
    pipe = FaceLiftPipeline.from_pretrained(weights or "tiny", device=device)

    def single_image(image: Tensor):
        return pipe(_to_uint8(image)).gaussians

    def generate(image: Tensor) -> Tensor:
        views = pipe.generate_views(Image.fromarray(_to_uint8(image)))
        return torch.stack([torch.from_numpy(np.asarray(v.convert("RGB"), np.float32) / 255.0) for v in views])

    def reconstruct(views: Tensor, cameras: Camera):
        return pipe.reconstruct_gaussians(views[..., :3].permute(0, 3, 1, 2), cameras)

    def photo_fit(gaussians, front_rgba: Tensor, generated: Tensor, cameras: Camera):
        from facelift.pipeline import refine_iterations

        return pipe.photo_fit(gaussians, _to_uint8(M.composite(front_rgba)), front_rgba[..., 3].numpy(), None,
                              generated[..., :3].permute(0, 3, 1, 2), cameras,
                              refine_iterations("on", pipe.defaults["refine"]), progress=False).gaussians

    return PipelineHooks(single_image, generate, reconstruct, photo_fit)


def procedural_subjects(data: str | Path, split: str = "test") -> list[Path]:
    """Subject folders of a dataset in the :mod:`facelift.data.layout` layout, in ``split``
    (``index.json``; a folder without an index counts every subject as "train"). ``split="all"``
    takes every subject."""
    from facelift.data.layout import read_index

    data = Path(data)
    index = read_index(data)
    subjects = index["subjects"]
    chosen = [e["name"] for e in subjects if split == "all" or e.get("split") == split]
    if not chosen:
        have = sorted({e.get("split", "?") for e in subjects})
        raise FaceliftError(f"{data}: no subjects in split {split!r} (splits here: {', '.join(have)}; use --split)")
    return [data / name for name in chosen]
