"""``facelift demo``: a Gradio web app around :class:`facelift.pipeline.FaceLiftPipeline`.

Upload a photo (or pick an example), choose seed / steps / guidance / cropping, follow the
progress stage by stage, and get the preprocessed input, the six generated views, an
interactive 3D view of the Gaussians (Gradio's ``Model3D`` renders splat PLYs), the turntable
video and the PLY to download.

Limits, so a public demo on a CPU box stays usable:

- one job at a time (the pipeline is not re-entrant and a CPU has nothing to spare); the
  others wait in a queue of bounded size and see their position in it;
- uploads larger than :attr:`DemoLimits.max_file_size` are refused by the server, images
  with more than :attr:`DemoLimits.max_pixels` pixels by us, before decoding;
- every :class:`FaceliftError` (not an image, no face found, ...) is shown as its one-line
  message in the page, never as a crash; anything else is logged with its traceback and
  shown as an internal error;
- each job writes into its own folder under one temporary folder; only the last
  :attr:`DemoLimits.keep_jobs` are kept, and the whole folder (and Gradio's cache) goes when
  the app closes.

The pipeline is any object with the call signature of ``FaceLiftPipeline``:
``pipe(image, seed=, num_inference_steps=, guidance_scale=, crop=, refine=, progress=)`` returning
an output with ``input_image``, ``views``, ``gaussians`` and
``save(folder, turntable=TurntableSpec, format=, progress=)``. Its ``progress`` callback is
called as ``progress(stage: str, fraction: float)``; known stage names get friendlier labels.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import torch
from PIL import Image

from facelift.app import LOOPBACK, free_port, require, warn_if_public
from facelift.cameras import VIEW_NAMES
from facelift.defaults import GUIDANCE_SCALE, NUM_INFERENCE_STEPS, SEED
from facelift.errors import FaceliftError
from facelift.outputs import TurntableSpec

log = logging.getLogger(__name__)

DEFAULT_PORT = 7860
TITLE = "FaceLift: a 3D head from one photo"
#: Gradio's splat viewer (gsplat.js) uses the original 3DGS convention: Y down, its default
#: camera on -Z looking toward +Z. Our world is Z-up with the face toward -Y (SPEC §3).
#: Rotating +90° about X maps (x, y, z) -> (x, -z, y): up becomes -Y and the face looks toward
#: -Z, at that camera, the subject's right on the viewer's left. Only the displayed copy is rotated.
_WORLD_TO_DISPLAY = torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0]])
#: That camera orbits at distance 5 with a ~25° field of view, so it sees about ±1.1 units:
#: our head, inside [-1, 1]³, would touch the frame; shrunk, it sits in it with a margin.
DISPLAY_SCALE = 0.6
#: What the page says while the pipeline is in one of its stages.
STAGE_LABELS = {
    "preprocess": "Preprocessing: finding the face, removing the background",
    "views": "Stage I: generating the six views",
    "gaussians": "Stage II: reconstructing the 3D Gaussians",
    "refine": "Photo-fit: fitting the head to your photo",
    "done": "Reconstructed",
}


#: Command-line advice in library messages, said the way the page offers it.
_PAGE_HINTS = {
    "pass --no-crop (crop=False)": 'untick "Detect and crop the face"',
    "--no-crop": 'untick "Detect and crop the face"',
}


def for_the_page(message: str) -> str:
    """A library error message with its command-line hints turned into the page's controls."""
    for cli, page in _PAGE_HINTS.items():
        message = message.replace(cli, page)
    return message


@dataclass
class DemoLimits:
    """What one visitor may ask of the server.

    Attributes:
        max_file_size: largest upload, bytes or a string like ``"10MB"`` (checked by Gradio).
        max_pixels: largest image, width x height, checked from the header before decoding.
        queue_size: visitors that may wait; further ones are told the queue is full.
        keep_jobs: finished jobs whose files stay on disk (older ones are deleted).
        max_steps: upper end of the diffusion steps slider.
        max_frames: upper end of the turntable frames slider.
        cache_age: seconds after which Gradio's copies of results are deleted.
    """

    max_file_size: str | int = "20MB"
    max_pixels: int = 40_000_000
    queue_size: int = 20
    keep_jobs: int = 4
    max_steps: int = 100
    max_frames: int = 120
    cache_age: int = 3600


@dataclass
class DemoResult:
    """What one job returns to the page (paths inside the job folder)."""

    input_image: Path
    views: list[tuple[Path, str]]
    display_ply: Path
    video: Path
    ply: Path
    message: str


def load_pipeline(weights: str | Path = "tiny", device: str | None = None, accept_license: bool = False,
                  dtype: str = "auto"):
    """``FaceLiftPipeline.from_pretrained(weights)`` (bundled ``tiny``, ``openfacelift``, a folder,
    or a hub id); ``accept_license``: the release's, for its first download; ``dtype``: the
    models' precision for every job (:mod:`facelift.precision`)."""
    try:
        from facelift.pipeline import FaceLiftPipeline
    except ImportError as e:
        raise FaceliftError(f"the FaceLift pipeline is not available in this installation ({e})") from None
    return FaceLiftPipeline.from_pretrained(str(weights), device=device, dtype=dtype, accept_license=accept_license)


def default_examples() -> list[Path]:
    """The example photos of a source checkout (``examples/`` beside ``src/``), if any."""
    from facelift.batch import IMAGE_SUFFIXES

    folder = Path(__file__).resolve().parents[3] / "examples"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())


def display_copy(gaussians):
    """The Gaussians turned Y-down and scaled to fit Gradio's viewer (the downloaded PLY keeps
    our Z-up world and scale)."""
    return gaussians.detach().to("cpu").transformed(rotation=_WORLD_TO_DISPLAY, scale=DISPLAY_SCALE)


class Demo:
    """The web demo: a pipeline, its limits, a work folder and the Gradio app.

    Args:
        pipeline: a FaceLiftPipeline (or an object with its call signature).
        limits: upload, queue and disk limits.
        workdir: parent of the per-job folders (a fresh temporary folder by default;
            removed by :meth:`close` only when created here).
        defaults: initial values of the controls (seed, steps, guidance, crop, refine, frames).
        turntable_size: side of the turntable video in pixels.
        examples: photos offered as one-click examples (default: the repository's
            ``examples/`` folder, when this is a source checkout).
    """

    def __init__(self, pipeline: Any, limits: DemoLimits | None = None, workdir: str | Path | None = None,
                 defaults: dict | None = None, turntable_size: int = 512,
                 examples: list[str | Path] | None = None) -> None:
        disable_telemetry()
        self.gr = require("gradio", "facelift demo")
        self.pipeline = pipeline
        self.limits = limits or DemoLimits()
        self._own_workdir = workdir is None
        self.workdir = Path(tempfile.mkdtemp(prefix="facelift-demo-")) if workdir is None else Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        # The weights' own sampling defaults (facelift.json, e.g. the tiny model's guidance 1.5)
        # come before the paper's, and explicit ``defaults`` before both.
        stored = getattr(pipeline, "defaults", None) or {}
        from_weights = {key: stored[name] for key, name in (("steps", "num_inference_steps"), ("guidance", "guidance_scale"),
                                                          ("seed", "seed"))
                        if name in stored}
        # Photo-fit starts ticked when the weights refine by default; ticked, it is refine="on"
        # (the weights' iterations, or the library's default when the weights have none).
        self.defaults = {"seed": SEED, "steps": NUM_INFERENCE_STEPS, "guidance": GUIDANCE_SCALE, "crop": True, "frames": 60,
                         "refine": bool(stored.get("refine")), **from_weights, **(defaults or {})}
        self.turntable_size = int(turntable_size)
        self.examples = [Path(p) for p in (default_examples() if examples is None else examples)]
        self._jobs: list[Path] = []
        self._job_counter = 0
        self._jobs_lock = threading.Lock()
        self.blocks = None
        self.url: str | None = None

    # ------------------------------------------------------------------- jobs
    def _new_job_dir(self) -> Path:
        with self._jobs_lock:
            self._job_counter += 1
            job = Path(tempfile.mkdtemp(prefix=f"job{self._job_counter:05d}-", dir=self.workdir))
            self._jobs.append(job)
            while len(self._jobs) > self.limits.keep_jobs:
                shutil.rmtree(self._jobs.pop(0), ignore_errors=True)
        return job

    def check_upload(self, path: str | Path, name: str) -> None:
        """Refuse what the limits exclude, reading only the image header."""
        path = Path(path)
        try:
            with Image.open(path) as im:
                width, height = im.size
        except Exception:
            return  # not an image at all: the pipeline's loader says so in its own words
        if width * height > self.limits.max_pixels:
            raise FaceliftError(f"{name}: {width}x{height} pixels is more than this demo accepts "
                                f"({self.limits.max_pixels / 1e6:.0f} megapixels); please upload a smaller photo")

    def reconstruct(self, path: str | Path, seed: int = SEED, steps: int = NUM_INFERENCE_STEPS,
                    guidance: float = GUIDANCE_SCALE,
                    crop: bool = True, frames: int = 60, name: str | None = None,
                    progress: Callable[[float, str], None] | None = None, refine: bool = True) -> DemoResult:
        """Run the pipeline on one uploaded file and write everything the page shows.

        Raises:
            FaceliftError: a bad upload or a bad photo, with a one-line message naming ``name``.
        """
        name = name or Path(path).name
        report = progress or (lambda fraction, desc: None)
        steps = int(steps)
        if not 1 <= steps <= self.limits.max_steps:
            raise FaceliftError(f"steps must be between 1 and {self.limits.max_steps}, got {steps}")
        if not 1 <= int(frames) <= self.limits.max_frames:
            raise FaceliftError(f"turntable frames must be between 1 and {self.limits.max_frames}, got {frames}")
        self.check_upload(path, name)
        job = self._new_job_dir()
        # The upload sits in Gradio's cache under a hashed folder; give the pipeline a copy
        # named as the visitor named it, so its error messages mention that name.
        upload = job / "upload" / Path(name).name
        upload.parent.mkdir()
        shutil.copyfile(path, upload)

        def on_stage(stage: str, fraction: float = 0.0, *_: Any) -> None:
            # Pipeline work is the first 85 %; writing the turntable the rest.
            report(0.85 * max(0.0, min(1.0, float(fraction))), STAGE_LABELS.get(str(stage), str(stage)))

        report(0.0, "Preprocessing")
        copy_name = str(upload)
        try:
            out = self.pipeline(str(upload), seed=int(seed), num_inference_steps=steps,
                                guidance_scale=float(guidance), crop=bool(crop), progress=on_stage,
                                refine="on" if refine else "off")
            report(0.85, "Rendering the turntable")
            result_dir = job / "result"
            out.save(result_dir, turntable=TurntableSpec(frames=int(frames), size=self.turntable_size),
                     format="ply", progress=False)
        except FaceliftError as e:
            raise FaceliftError(for_the_page(str(e).replace(copy_name, name))) from None

        views = []
        for i, view in enumerate(out.views):
            p = job / "views" / f"{i}_{VIEW_NAMES[i] if i < len(VIEW_NAMES) else i}.png"
            p.parent.mkdir(exist_ok=True)
            view.convert("RGB").save(p)
            views.append((p, VIEW_NAMES[i] if i < len(VIEW_NAMES) else f"view {i}"))
        display_ply = job / "display" / "gaussians.ply"
        display_ply.parent.mkdir()
        display_copy(out.gaussians).save_ply(display_ply)
        report(1.0, "Done")
        return DemoResult(
            input_image=result_dir / "input.png", views=views, display_ply=display_ply,
            video=result_dir / "turntable.mp4", ply=result_dir / "gaussians.ply",
            message=f"**Done**: {len(out.gaussians):,} Gaussians from *{name}* "
                    f"(seed {int(seed)}, {steps} steps, guidance {float(guidance):g}, "
                    f"{'cropped' if crop else 'not cropped'}, photo-fit {'on' if refine else 'off'}).",
        )

    # --------------------------------------------------------------------- UI
    def _run(self, upload, seed, steps, guidance, crop, frames, progress=None, refine=True):
        """One job from the page. Errors come back as a message in the page (status line and
        a toast), never as a traceback; the result panels are cleared."""
        gr = self.gr
        failed = (None, None, None, None, gr.update(value=None, interactive=False))
        if upload is None:
            gr.Warning("Please upload a photo first.", title="No photo")
            return (*failed, "**Error**: please upload a photo first.")
        path = upload if isinstance(upload, str) else getattr(upload, "path", None) or upload.name
        # Gradio keeps the visitor's file name as the last part of the cached upload's path.
        name = Path(getattr(upload, "orig_name", None) or path).name
        try:
            r = self.reconstruct(path, seed, steps, guidance, crop, frames, name=name,
                                 progress=(lambda f, d: progress(f, desc=d)) if progress is not None else None,
                                 refine=refine)
        except FaceliftError as e:
            log.info("demo: %s", e)
            message = str(e)
        except Exception as e:  # the page must say something, whatever went wrong
            log.exception("demo: internal error on %s", name)
            message = f"internal error ({type(e).__name__}: {e}); the server log has the details"
        else:
            return (str(r.input_image), [(str(p), label) for p, label in r.views], str(r.display_ply),
                    str(r.video), gr.update(value=str(r.ply), interactive=True), r.message)
        gr.Warning(message, title="Could not reconstruct", duration=None)
        return (*failed, f"**Error**: {message}")

    def _preview(self, upload):
        """Show the uploaded photo at once, or say right away why it cannot be used."""
        gr = self.gr
        if upload is None:
            return None, ""
        path = upload if isinstance(upload, str) else upload.name
        name = Path(path).name
        try:
            self.check_upload(path, name)
            from facelift.preprocess.io import load_image

            img = load_image(path, name=name)
        except FaceliftError as e:
            return None, f"**Error**: {for_the_page(str(e))}"
        return Image.fromarray(img.rgb), f"{name}: {img.width}x{img.height} px. Press **Reconstruct**."

    def build(self):
        """The Gradio Blocks of the demo (not yet launched)."""
        gr = self.gr
        d, lim = self.defaults, self.limits
        with gr.Blocks(title=TITLE, analytics_enabled=False,
                       delete_cache=(max(60, lim.cache_age // 4), lim.cache_age)) as blocks:
            gr.Markdown(f"# {TITLE}\nUpload a roughly frontal photo of a face. FaceLift generates six views "
                        "of the head (multi-view diffusion) and turns them into 3D Gaussians (GS-LRM).")
            with gr.Row():
                with gr.Column(scale=1):
                    upload = gr.File(label="Photo (JPEG, PNG, WebP, ...)", type="filepath",
                                     elem_id="photo")
                    preview = gr.Image(label="Your photo", interactive=False, height=240, elem_id="preview")
                    with gr.Accordion("Settings", open=True):
                        seed = gr.Number(label="Seed", value=d["seed"], precision=0, elem_id="seed")
                        steps = gr.Slider(1, lim.max_steps, value=d["steps"], step=1, label="Diffusion steps",
                                          elem_id="steps")
                        guidance = gr.Slider(1.0, 10.0, value=d["guidance"], step=0.1,
                                             label="Guidance scale", elem_id="guidance")
                        crop = gr.Checkbox(value=d["crop"], label="Detect and crop the face "
                                           "(untick for already-prepared 512x512 inputs)", elem_id="crop")
                        refine = gr.Checkbox(value=d["refine"], label="Photo-fit: fit the head to the photo "
                                             "(keeps the person's likeness; ~10 s on a CPU)", elem_id="refine")
                        frames = gr.Slider(8, lim.max_frames, value=d["frames"], step=1,
                                           label="Turntable frames", elem_id="frames")
                    run = gr.Button("Reconstruct", variant="primary", elem_id="run")
                    status = gr.Markdown("", elem_id="status")
                    if self.examples:
                        gr.Examples([[str(p)] for p in self.examples], inputs=upload, label="Example photos",
                                    cache_examples=False, elem_id="examples")
                with gr.Column(scale=2):
                    with gr.Row():
                        input_image = gr.Image(label="Preprocessed input", interactive=False,
                                               height=256, elem_id="input-image")
                        video = gr.Video(label="Turntable", interactive=False, height=256, autoplay=True,
                                         loop=True, elem_id="turntable")
                    views = gr.Gallery(label="Six generated views", columns=6, height=200,
                                       object_fit="contain", elem_id="views")
                    model = gr.Model3D(label="3D Gaussians (drag to orbit, scroll to zoom)", height=400,
                                       clear_color=(1.0, 1.0, 1.0, 1.0), elem_id="model3d")
                    download = gr.DownloadButton("Download gaussians.ply", value=None, interactive=False,
                                                 elem_id="download")

            # .change, not .upload: picking an example sets the value without an upload.
            upload.change(self._preview, inputs=upload, outputs=[preview, status], queue=False)

            def run_fn(upload, seed, steps, guidance, crop, refine, frames, progress=gr.Progress()):
                return self._run(upload, seed, steps, guidance, crop, frames, progress, refine)

            run.click(run_fn, inputs=[upload, seed, steps, guidance, crop, refine, frames],
                      outputs=[input_image, views, model, video, download, status],
                      concurrency_limit=1, concurrency_id="pipeline")
        blocks.queue(max_size=lim.queue_size, default_concurrency_limit=1)
        self.blocks = blocks
        return blocks

    def launch(self, host: str = LOOPBACK, port: int = DEFAULT_PORT, block: bool = True) -> str:
        """Serve the demo; returns its URL (and returns at once when ``block`` is False)."""
        warn_if_public(host)
        if self.blocks is None:
            self.build()
        gr = self.gr
        # Offline-friendly: system fonts instead of a web font fetched from the internet.
        theme = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"],
                                  font_mono=["ui-monospace", "monospace"])
        self.blocks.launch(server_name=host, server_port=port or free_port(host), prevent_thread_lock=True,
                           max_file_size=self.limits.max_file_size, quiet=True, show_error=True,
                           inbrowser=False, share=False, ssr_mode=False, theme=theme,
                           allowed_paths=[str(self.workdir), *{str(p.parent) for p in self.examples}],
                           footer_links=[])
        self.url = self.blocks.local_url.rstrip("/")
        if block:
            try:
                self.blocks.block_thread()
            finally:
                self.close()
        return self.url

    def close(self) -> None:
        if self.blocks is not None:
            self.blocks.close()
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


def disable_telemetry() -> None:
    """Gradio phones home for analytics and version checks unless told not to."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
