"""``facelift eval ...``, the whole group: the paper's metrics on image folders, the Cafca / Ava-256
benchmark protocol, the in-house procedural benchmark, each stage on held-out procedural subjects
(``eval mvdiff``, ``eval lrm``) and likeness. Thin: parse, call :mod:`facelift.eval`, print."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from facelift.cli import group
from facelift.cli._args import REFINE_HELP, SCHEDULER_CHOICES, SCHEDULER_HELP, positive_int, refine_setting
from facelift.defaults import GUIDANCE_SCALE, NUM_INFERENCE_STEPS, SEED
from facelift.errors import FaceliftError

#: ``facelift.eval.identity.DlibIdentity.DETECTORS`` (named here so that --help needs no dlib).
DLIB_DETECTORS = ("hog", "cnn")

log = logging.getLogger(__name__)


def _add_metric_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--metrics", default=None,
                   help="comma-separated subset of psnr,ssim,lpips,dreamsim,arcface,dlib-id "
                        "(default: PSNR/SSIM plus every learned metric whose weights are found)")
    p.add_argument("--lpips", default=None, metavar="PATH",
                   help="LPIPS-AlexNet weights: lpips_alex.safetensors or a folder with alexnet-owt-7be5be79.pth + alex.pth "
                        "(default: $FACELIFT_WEIGHTS, then the torch hub cache)")
    p.add_argument("--arcface", default=None, metavar="ONNX", help="ArcFace ONNX model (default: $FACELIFT_WEIGHTS/arcface.onnx)")
    p.add_argument("--dreamsim-cache", default=None, metavar="DIR", help="DreamSim checkpoint folder (default: $FACELIFT_WEIGHTS/dreamsim)")
    p.add_argument("--device", default="cpu", help="torch device for the learned metrics (default: cpu)")


def _suite(args):
    from facelift.eval.report import build_suite

    names = args.metrics.split(",") if args.metrics else None
    return build_suite(names, lpips_weights=args.lpips, arcface=args.arcface, dreamsim_cache=args.dreamsim_cache, device=args.device)


def _images(args) -> int:
    from facelift.eval.report import evaluate_folders

    suite = _suite(args)
    table = evaluate_folders(args.pred_dir, args.gt_dir, suite, mask_from_alpha=args.mask_from_alpha,
                             mask_dir=args.masks, resize=args.resize)
    sys.stdout.write(table.to_markdown())
    if args.output:
        for path in table.write(args.output):
            log.info("wrote %s", path)
    return 0


def _convert_lpips(args) -> int:
    from facelift.eval.perceptual import convert_lpips_weights

    out = convert_lpips_weights(args.output, args.alexnet, args.lin)
    log.info("wrote %s", out)
    return 0


def _view_list(args) -> list:
    from facelift.eval.datasets import read_view_list

    rows = read_view_list(args.subjects or args.dataset)
    if not rows:
        raise FaceliftError(f"the {args.dataset} view list is empty (the paper's Ava-256 Table 4 is not in our "
                            "copy of the paper): pass --subjects FILE")
    return rows[: args.limit] if args.limit else rows


def _benchmark(args) -> int:
    from facelift.eval.protocol import pipeline_hooks, run_benchmark

    suite = _suite(args)
    rows = _view_list(args)
    reconstruct = None
    if not args.renders:
        reconstruct = pipeline_hooks(args.weights, None if args.device == "cpu" else args.device).single_image
    result = run_benchmark(args.dataset, args.root, rows, reconstruct, suite, args.output,
                           aligned=args.aligned, size=args.size, renders_dir=args.renders)
    print(result.comparison)
    log.info("report in %s (%d views, %d excluded)", args.output, len(result.per_view.rows), len(result.excluded))
    return 0


def _export_cameras(args) -> int:
    from facelift.eval.protocol import export_protocol

    folders = export_protocol(args.dataset, args.root, _view_list(args), args.output, aligned=args.aligned,
                              size=args.size)
    log.info("wrote cameras and inputs of %d subjects to %s", len(folders), args.output)
    return 0


def _procedural(args) -> int:
    from facelift.eval.protocol import pipeline_hooks, procedural_subjects, run_procedural
    from facelift.eval.report import EvalTable

    if args.output:
        EvalTable.check_path(args.output)  # before the hours of work, not after
    subjects = procedural_subjects(args.data, args.split)
    if args.limit:
        subjects = subjects[: args.limit]
    hooks = pipeline_hooks(args.weights)
    table = run_procedural(subjects, generate_views=hooks.generate_views, reconstruct_views=hooks.reconstruct_views,
                           photo_fit=hooks.photo_fit if args.photo_fit else None)
    print(table.to_markdown(with_mean=False))
    if args.output:
        table.write(args.output)
    return 0


def report_paths(output: Path) -> tuple[Path, Path]:
    """``OUT.md`` and ``OUT.json`` for ``-o OUT``; an ``OUT`` already ending in .md or .json
    names the pair too. A dot elsewhere stays part of the name (``-o guidance_1.5``)."""
    stem = output.with_suffix("") if output.suffix.lower() in (".md", ".json") else output
    return stem.with_name(stem.name + ".md"), stem.with_name(stem.name + ".json")


def _mvdiff(args: argparse.Namespace) -> int:
    from facelift.atomic import atomic_write_text
    from facelift.data.loaders import StageIDataset
    from facelift.eval.mvdiff import evaluate, meets_targets, pipeline_generator, to_markdown, vae_round_trip
    from facelift.mvdiff import FaceLiftMultiViewPipeline
    from facelift.mvdiff.samplers import make_scheduler
    from facelift.weights.locate import resolve_pretrained
    from facelift.weights.meta import sampling_defaults, stage_meta

    # Everything a typo can break is checked before the weights load.
    folder = resolve_pretrained(args.weights)
    if not (args.data / "index.json").is_file():
        raise FaceliftError(f"{args.data}: not a dataset folder (no index.json)")
    if args.output is not None and not args.output.parent.is_dir():
        raise FaceliftError(f"{args.output.parent}: no such folder for the report")
    # Unset sampling options take the weights' own (the bundled tiny samples at guidance 1.5).
    try:
        defaults = sampling_defaults(stage_meta(folder).defaults)
    except FaceliftError as err:
        raise FaceliftError(f"{folder}: the facelift.json \"defaults\": {err}") from None
    steps = args.steps if args.steps is not None else defaults["num_inference_steps"]
    guidance = args.guidance if args.guidance is not None else defaults["guidance_scale"]
    eta = defaults["eta"]
    pipe = FaceLiftMultiViewPipeline.from_pretrained(folder)
    pipe.set_progress_bar_config(disable=True)
    pipe.scheduler = make_scheduler(args.scheduler, pipe.scheduler)
    data = StageIDataset(args.data, split=args.split, resolution=pipe.image_size)
    if args.vae_round_trip:
        gen, sampling = vae_round_trip(pipe), "model = the VAE's round trip of the true views (no diffusion)"
    else:
        gen = pipeline_generator(pipe, steps, guidance, eta=eta, seed=args.seed)
        eta_text = f", eta {eta}" if args.scheduler == "ddim" else ""  # DPM-Solver++ is deterministic
        sampling = f"{args.scheduler} {steps} steps, guidance {guidance}{eta_text}, seed {args.seed}"
    results = evaluate(gen, data, limit=args.limit, matte_seed=args.matted, from_truth=args.vae_round_trip)
    n = len(data) if args.limit is None else min(args.limit, len(data))
    table = to_markdown(results)
    checks = meets_targets(results)
    matted = "" if args.matted is None else f", inputs matted (seed {args.matted})"
    text = (f"{table}\n\n{n} subjects ({args.split} split of {args.data}), {sampling}{matted}\n" + "".join(f"- {k}: {'yes' if v else 'no'}\n" for k, v in checks.items()))
    sys.stdout.write(text)
    if args.output is not None:
        md_path, json_path = report_paths(args.output)
        atomic_write_text(md_path, text)
        atomic_write_text(json_path,
                          json.dumps({"results": results, "checks": checks, "subjects": n, "scheduler": args.scheduler,
                                      "steps": steps,
                                      "guidance": guidance, "seed": args.seed, "matte_seed": args.matted,
                                      "vae_round_trip": args.vae_round_trip},
                                     indent=2))
    return 0


def _index_list(text: str | None, flag: str) -> list[int] | None:
    """``"0,2,3"`` -> [0, 2, 3]; None stays None."""
    if text is None:
        return None
    try:
        return [int(t) for t in text.split(",") if t.strip()]
    except ValueError:
        raise FaceliftError(f"{flag} takes comma-separated integers, got {text!r}") from None


def _lrm(args: argparse.Namespace) -> int:
    from facelift.atomic import atomic_write_text
    from facelift.eval.lrm import check_input_views, evaluate_heldout
    from facelift.lrm import GSLRM, ExportConfig

    # Every check before the weights load.
    inputs = _index_list(args.input_views, "--input-views")
    if inputs is not None:
        check_input_views(inputs)
    if args.views_fit < 0:
        raise FaceliftError(f"--views-fit takes a number of steps >= 0, got {args.views_fit}")
    if args.size is not None and args.size < 8:
        raise FaceliftError(f"--size must be at least 8 pixels, got {args.size}")
    # Only the footprint: no pruning, so the score differs from the raw one by the filter alone.
    export = None if args.input_low_pass is None else ExportConfig(
        min_opacity=0.0, max_scale=None, floater=None, box_xy=None, input_low_pass=args.input_low_pass)
    model = GSLRM.from_pretrained(args.weights).eval()
    report = evaluate_heldout(model, args.data, split=args.split, n_views=args.views, limit=args.limit,
                              input_views=inputs, size=args.size, export=export, fit_iterations=args.views_fit)
    print(f"{report['subjects']} subjects ({args.split}), fixed views {report['input_views']} in at "
          f"{report['model_resolution']}², {args.views} random views each scored at {report['resolution']}²"
          + ("" if export is None else f", input low-pass {export.input_low_pass:g} px²")
          + (f", views-fit {args.views_fit} steps" if args.views_fit else ""))
    print("| method | PSNR | SSIM | PSNR (masked) | SSIM (masked) |")
    print("|---|---|---|---|---|")
    for name in ("model", "baseline"):
        m = report[name]
        label = "GS-LRM" if name == "model" else "sphere baseline"
        print(f"| {label} | {m['psnr']:.2f} | {m['ssim']:.4f} | {m['psnr_masked']:.2f} | {m['ssim_masked']:.4f} |")
    b = report["error_budget"]
    print("GS-LRM masked squared error: " + ", ".join(
        f"{100 * b[k]['error']:.0f}% {label} ({100 * b[k]['pixels']:.0f}% of the masked pixels)"
        for k, label in (("missing", "inside the true silhouette where the render's alpha is <= 0.5"),
                         ("extra", "where only the render has alpha"),
                         ("lower_third", "in the image's lower third"))))
    if args.output:
        atomic_write_text(args.output, json.dumps(report, indent=2))
    return 0


def _likeness(args) -> int:
    from facelift.batch import expand_inputs
    from facelift.eval.identity import DlibIdentity
    from facelift.eval.likeness import evaluate_likeness, load_arcface

    # Everything that can be wrong with the command is found before the first reconstruction.
    photos = expand_inputs(args.photos)
    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise FaceliftError(f"{out}: -o must be a folder (it is a file)")
    identity = DlibIdentity(upsample=1 if args.detector == "hog" else 0, detector=args.detector)
    arcface = load_arcface(args.arcface)

    from facelift.pipeline import FaceLiftPipeline

    pipe = FaceLiftPipeline.from_pretrained(args.weights)
    pipe.require_stage1()
    seed = pipe.defaults["seed"] if args.seed is None else args.seed
    crop, refine = not args.no_crop, args.refine
    report = evaluate_likeness(photos, lambda p: pipe(p, seed=seed, crop=crop, refine=refine), identity, arcface,
                               args.size, save_dir=out)
    report.info = {"weights": args.weights, "seed": seed, "refine": refine, "crop": crop, "detector": args.detector}
    for path in report.write(out):
        log.info("wrote %s", path)
    sys.stdout.write(report.to_markdown())
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = group(subparsers, "eval", "evaluate: the paper's metrics and benchmark protocol")

    p = sub.add_parser("images", help="compare a folder of predictions with a folder of ground truth (matched by file name)",
                       description="PSNR, SSIM (+ masked variants and silhouette IoU with masks), LPIPS, DreamSim, "
                                   "ArcFace and the offline dlib identity distance, per image and averaged.")
    p.add_argument("pred_dir", metavar="PRED_DIR")
    p.add_argument("gt_dir", metavar="GT_DIR")
    masks = p.add_mutually_exclusive_group()
    masks.add_argument("--mask-from-alpha", action="store_true",
                       help="use the ground truth's alpha channel as the mask (masked PSNR/SSIM; IoU against the prediction's alpha)")
    masks.add_argument("--masks", default=None, metavar="DIR", help="folder of same-named mask images")
    p.add_argument("--resize", action="store_true", help="resize predictions to their ground truth's size instead of failing")
    p.add_argument("-o", "--output", default=None, metavar="REPORT",
                   help="write the table to REPORT (.csv or .md) and the other format beside it")
    _add_metric_args(p)
    p.set_defaults(func=_images)

    p = sub.add_parser("convert-lpips", help="pack AlexNet + LPIPS v0.1 weights into one lpips_alex.safetensors")
    p.add_argument("--alexnet", required=True, metavar="PTH", help="alexnet-owt-7be5be79.pth (torchvision ImageNet AlexNet)")
    p.add_argument("--lin", required=True, metavar="PTH", help="alex.pth from the lpips package (weights/v0.1/)")
    p.add_argument("-o", "--output", required=True, metavar="SAFETENSORS")
    p.set_defaults(func=_convert_lpips)

    p = sub.add_parser("benchmark", help="the paper's Cafca / Ava-256 protocol (Tables 1 and 2)",
                       description="Reconstruct each listed subject from its input view, render the test views "
                                   "with transferred cameras, and write per-subject and mean tables beside the paper's numbers.")
    p.add_argument("--dataset", required=True, choices=("cafca", "ava256"))
    p.add_argument("--root", required=True, metavar="DIR", help="dataset root in its published layout")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--weights", default=None, metavar="W", help="pipeline weights (bundled name or folder) for the reconstruction (default: tiny)")
    source.add_argument("--renders", default=None, metavar="DIR",
                        help="evaluate another method's renders DIR/SUBJECT/VIEW.png, made for the cameras of `facelift eval export-cameras`")
    p.add_argument("-o", "--output", required=True, metavar="REPORT_DIR", help="output folder (tables, side-by-side images)")
    p.add_argument("--aligned", action="store_true", help="landmark-align renders to targets (suppl. Algorithm 1) and use the aligned view lists")
    p.add_argument("--subjects", default=None, metavar="FILE",
                   help="subject/view list (CSV as in facelift/eval/data); default: the paper's list for the dataset")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="evaluate only the first N subjects")
    p.add_argument("--size", type=int, default=512, help="render and compare at SIZE×SIZE (default 512)")
    _add_metric_args(p)
    p.set_defaults(func=_benchmark)

    p = sub.add_parser("export-cameras", help="write each benchmark subject's input image and transferred test cameras (transforms.json) for other methods",
                       description="Per subject: SUBJECT/input.png and SUBJECT/transforms.json with our transferred test cameras. "
                                   "Render them with any method into RENDERS/SUBJECT/VIEW.png and evaluate with "
                                   "`facelift eval benchmark ... --renders RENDERS`.")
    p.add_argument("--dataset", required=True, choices=("cafca", "ava256"))
    p.add_argument("--root", required=True, metavar="DIR", help="dataset root in its published layout")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--aligned", action="store_true", help="the aligned protocol's view lists")
    p.add_argument("--subjects", default=None, metavar="FILE", help="subject/view list (default: the paper's list)")
    p.add_argument("--limit", type=int, default=None, metavar="N")
    p.add_argument("--size", type=int, default=512)
    p.set_defaults(func=_export_cameras)

    p = sub.add_parser("procedural", help="in-house benchmark on held-out procedural heads (Stage I, Stage II, end to end)")
    p.add_argument("--data", required=True, metavar="DIR", help="dataset folder (a folder per subject with images/ and transforms.json)")
    p.add_argument("--weights", default=None, metavar="W", help="pipeline weights (preset name or folder)")
    p.add_argument("-o", "--output", default=None, metavar="REPORT", help="write the tables (.md and .csv)")
    p.add_argument("--split", default="test", help="which split of index.json to evaluate: train, val, test or all (default: test, the held-out identities)")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="evaluate only the first N subjects")
    p.add_argument("--photo-fit", action="store_true",
                   help="add an 'end-to-end+fit' row: the end-to-end head refined against the true front "
                        "view (facelift.refine), scored at the same held-out views")
    p.set_defaults(func=_procedural)

    p = sub.add_parser("likeness", help="does the 3D head look like the person? dlib (and ArcFace) distance of renders at 0°..±60° to the photo",
                       description="Reconstruct each photo, render the head at azimuths 0, ±15, ±30, ±45, ±60 (elevation 0) and "
                                   "measure the face-recognition distance of each render to the original photo. Writes "
                                   "REPORT/report.json, REPORT/report.md and one contact sheet per photo (REPORT/NAME.png).")
    p.add_argument("photos", nargs="+", metavar="PHOTO", help="image files, folders of images, or glob patterns")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="REPORT", help="report folder")
    p.add_argument("--weights", default="tiny", metavar="W", help="'tiny' (bundled), a local folder, or a hub id (default tiny)")
    p.add_argument("--refine", type=refine_setting, default="auto", metavar="auto|off|N", help=REFINE_HELP)
    p.add_argument("--seed", type=int, default=None, help="random seed of Stage I (default: the weights')")
    p.add_argument("--size", type=positive_int, default=512, help="render size in pixels (default 512)")
    p.add_argument("--arcface", default=None, metavar="ONNX",
                   help="ArcFace ONNX model (default: $FACELIFT_WEIGHTS/arcface.onnx if present, else dlib only)")
    p.add_argument("--no-crop", action="store_true", help="photos are already prepared, centred faces: do not detect/crop")
    p.add_argument("--detector", choices=DLIB_DETECTORS, default="hog",
                   help="dlib face detector: hog (default; the frontal detector, misses faces turned beyond ~30°) "
                        "or cnn (finds turned faces; a few seconds per render on a CPU)")
    p.set_defaults(func=_likeness)

    p = sub.add_parser(
        "mvdiff", help="Stage I views from the front view vs the truth, beside the copy-the-input baseline",
        description="Generate the 6 views of each held-out subject from its front view and score the 5 novel "
                    "views (masked PSNR, silhouette IoU, back view vs true back / input, detail against the true "
                    "views' texture) for the model and for "
                    "copying the input into every view. Prints a markdown table.",
    )
    p.add_argument("--weights", required=True,
                   help="'tiny', a pipeline weights folder, a Stage I pipeline folder or a cached hub id")
    p.add_argument("--data", type=Path, required=True, help="dataset folder (index.json with identity splits)")
    p.add_argument("--split", default="test", help="train, val, test or all (default test: held-out identities)")
    p.add_argument("--steps", type=int, default=None,
                   help=f"sampler steps (default: the weights' facelift.json, else {NUM_INFERENCE_STEPS})")
    p.add_argument("--guidance", type=float, default=None,
                   help=f"classifier-free guidance scale (default: the weights' facelift.json, else {GUIDANCE_SCALE:g})")
    p.add_argument("--seed", type=int, default=SEED, help=f"Stage I seed (default {SEED})")
    p.add_argument("--scheduler", choices=SCHEDULER_CHOICES, default="ddim", help=SCHEDULER_HELP)
    p.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N subjects")
    p.add_argument("--matted", type=int, default=None, metavar="SEED",
                   help="cut each input out with an imperfect matte over a random scene first, as a photo's "
                        "background removal leaves it (facelift.data.matting; drawn from SEED)")
    p.add_argument("--vae-round-trip", action="store_true",
                   help="score the VAE's round trip of the true views instead of generating them: the most "
                        "the UNet could reach through this decoder")
    p.add_argument("-o", "--output", type=Path, default=None, help="also write the table (.md) and numbers (.json)")
    p.set_defaults(func=_mvdiff)

    p = sub.add_parser(
        "lrm", help="held-out GS-LRM scores: 6 fixed views in, random views rendered (vs. a sphere baseline)",
        description="For each subject of a split: reconstruct from its 6 fixed views, render N of its random "
                    "views, report PSNR/SSIM over the image and over the union of the ground-truth and rendered "
                    "alpha masks, for the model and for a no-learning baseline (input pixels on a unit sphere).",
    )
    p.add_argument("--weights", required=True,
                   help="'tiny' (bundled), a GS-LRM folder (model.safetensors + config.json), a pipeline "
                        "weights folder (its lrm/), a checkpoint folder or a training run")
    p.add_argument("--data", type=Path, required=True, help="dataset folder (index.json with splits)")
    p.add_argument("--split", default="test", help="split to evaluate (default test)")
    p.add_argument("--views", type=int, default=8, help="random views rendered per subject (default 8)")
    p.add_argument("--limit", type=int, default=None, help="only the first N subjects")
    p.add_argument("--input-views", default=None, metavar="I,J,...",
                   help="which fixed views go in: indices 0 front, 1 and 5 at 45°, 2 and 4 the sides, 3 the back "
                        "(default all six), e.g. 0,2,3,4")
    p.add_argument("--size", type=int, default=None,
                   help="score the renders at this square size (default the model's; inputs are still resized "
                        "to the model's)")
    p.add_argument("--input-low-pass", type=float, default=None, metavar="PX2",
                   help="fold this low-pass (px² of the input views) into the splats, as the weights' "
                        "facelift.json export setting input_low_pass does (default: raw reconstruction)")
    p.add_argument("--views-fit", type=int, default=0, metavar="N",
                   help="fit each reconstruction to its input views at --size for N steps, as reconstruct --views "
                        "does (default 0: off)")
    p.add_argument("-o", "--output", type=Path, default=None, help="also write the full report as JSON")
    p.set_defaults(func=_lrm)
