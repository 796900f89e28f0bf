"""Photo to 3D head, end to end: preprocess → Stage I (6 views) → Stage II (Gaussians).

A weights folder holds both stages (layout: :mod:`facelift.weights.folder`; its
``facelift.json``: :mod:`facelift.weights.meta`).

``FaceLiftPipeline.from_pretrained("tiny")`` loads the small models bundled in the package
(trained by this repo's scripts on procedural heads; see the README for what they can and
cannot do). ``"openfacelift"`` is the authors' public release, downloaded and converted once
into facelift's cache on first use (its licence must be accepted then; see
:mod:`facelift.weights.release`). A local folder in that layout works, and so does a hub id
already in the local Hugging Face cache (nothing is downloaded). ``facelift convert-official``
turns a release download made by hand into this layout.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import numpy as np
import torch
from PIL import Image

from facelift.cameras import Camera, facelift_cameras, read_transforms
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.outputs import TurntableSpec, write_result
from facelift.render import RenderOutput, rasterize
from facelift.views import composite, resize_images
from facelift.weights.folder import resolve_weights
from facelift.weights.meta import META_FILE, read_meta, sampling_defaults

if TYPE_CHECKING:
    from facelift.lrm.config import ExportConfig

log = logging.getLogger(__name__)

ProgressFn = Callable[[str, float], None]
#: ``refine=``: "auto" (the weights' ``facelift.json`` ``defaults.refine``, else off), "on" (the
#: weights' iterations, else the library's), "off", or a number of photo-fit iterations.
RefineSetting = str | int


def refine_iterations(setting: RefineSetting, default: int = 0) -> int:
    """``"auto"`` -> ``default``; ``"on"`` -> ``default`` or :class:`facelift.refine.RefineConfig`'s
    iterations when that is 0; ``"off"`` (or 0) -> 0; a positive number -> itself."""
    if isinstance(setting, str):
        text = setting.strip().lower()
        if text == "auto":
            return int(default)
        if text == "on":
            from facelift.refine import RefineConfig

            return int(default) or RefineConfig().iterations
        if text == "off":
            return 0
        try:
            setting = int(text)
        except ValueError:
            raise FaceliftError(f"refine must be 'auto', 'on', 'off' or a number of iterations, got {setting!r}") from None
    if isinstance(setting, bool) or not isinstance(setting, int) or setting < 0:
        raise FaceliftError(f"refine must be 'auto', 'on', 'off' or a number of iterations, got {setting!r}")
    return setting


def export_config(overrides: dict | None, name: str = "") -> ExportConfig:
    """The release's export filter with a weights folder's own overrides (``facelift.json``'s
    ``"export"``; ``null`` switches a filter off).

    The release's thresholds are in world units tuned for its 512² model; a model at another
    resolution predicts differently sized Gaussians (the bundled 64² GS-LRM carries neck and
    shoulders on a few large splats that ``max_scale`` would drop, ~5 dB on held-out views),
    so the weights say which filters suit them.
    """
    from dataclasses import fields

    from facelift.lrm.config import ExportConfig

    overrides = overrides or {}
    if not isinstance(overrides, dict):
        raise FaceliftError(f"weights {name!r}: {META_FILE}'s \"export\" must be an object of settings")
    known = {f.name for f in fields(ExportConfig)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise FaceliftError(f"weights {name!r}: {META_FILE} has unknown export settings {unknown} "
                            f"(known: {sorted(known)})")
    bad = sorted(k for k, v in overrides.items() if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))))
    if bad:
        raise FaceliftError(f"weights {name!r}: {META_FILE} export settings {bad} must be numbers or null")
    return ExportConfig(**overrides)


def cast_models(mvdiff: Any, lrm: Any, setting: str | torch.dtype, device: torch.device) -> dict[str, str]:
    """Cast Stage I's UNet, VAE and CLIP image encoder and the GS-LRM once to the precision
    ``setting`` chooses for each stage (:func:`facelift.precision.choose_dtype`; ``auto`` weighs
    each stage's size) -> ``{"stage1": name, "lrm": name}``. Everything else stays as it is
    (float32): view embeddings, the unCLIP noising, the sampler, the Gaussians."""
    from facelift.precision import cast_matrices, choose_dtype

    chosen = {}
    if mvdiff is not None:
        parts = [mvdiff.unet, mvdiff.vae, mvdiff.image_encoder]
        dtype = choose_dtype(setting, device, sum(p.numel() for m in parts for p in m.parameters()))
        for module in parts:
            cast_matrices(module, dtype)
        chosen["stage1"] = str(dtype).removeprefix("torch.")
    if lrm is not None:
        dtype = choose_dtype(setting, device, lrm.num_parameters())
        lrm.cast(dtype)
        chosen["lrm"] = str(dtype).removeprefix("torch.")
    return chosen


@dataclass
class FaceLiftOutput:
    """One reconstruction.

    Attributes:
        input_image: the preprocessed input (Stage I's resolution or 512², RGB, white background).
        views: the 6 Stage I views (PIL, :data:`facelift.cameras.VIEW_NAMES` order), or the
            user's own views with ``reconstruct_views``.
        cameras: the cameras of ``views`` (batch of V).
        gaussians: the head, merged over views and pruned for export.
        info: what produced it (weights, seed, steps, guidance, face box ...).
    """

    input_image: Image.Image
    views: list[Image.Image]
    cameras: Camera
    gaussians: Gaussians
    info: dict = field(default_factory=dict)

    def render(self, camera: Camera, background=(1.0, 1.0, 1.0)) -> RenderOutput:
        with torch.no_grad():
            return rasterize(self.gaussians, camera, background=background)

    def save(self, folder: str | Path, turntable: TurntableSpec | None = None, format: str = "ply",
             progress: bool = True) -> Path:
        """Write input.png, views.png, gaussians.ply|splat, turntable.mp4, cameras.json (atomically)."""
        return write_result(folder, self.input_image, self.views, self.cameras, self.gaussians,
                            turntable or TurntableSpec(), format=format, extra={"info": self.info}, progress=progress)


class FaceLiftPipeline:
    """Both stages plus preprocessing; diffusers-like construction and call."""

    def __init__(self, mvdiff: Any, lrm: Any, device: torch.device | str = "cpu",
                 defaults: dict | None = None, name: str = "", export: dict | None = None,
                 dtype: str | torch.dtype = "auto"):
        self.mvdiff = mvdiff
        self.lrm = lrm
        self.device = torch.device(device)
        self.dtypes = cast_models(mvdiff, lrm, dtype, self.device)
        # Photo-fit is off unless the weights ask for it (the bundled tiny does; release
        # weights reconstruct at 512² and are left as the authors' model makes them).
        try:  # a malformed facelift.json fails here, at load, naming the weights
            self.defaults = sampling_defaults({"refine": 0, **(defaults or {})})
            refine_iterations(self.defaults["refine"])
        except FaceliftError as err:
            raise FaceliftError(f"weights {name!r}: {META_FILE}'s \"defaults\": {err}") from None
        self.export = export_config(export, name)
        self.name = name

    @classmethod
    def from_pretrained(cls, name_or_path: str | Path = "tiny", device: str | torch.device | None = None,
                        dtype: str | torch.dtype = "auto", accept_license: bool = False) -> "FaceLiftPipeline":
        """Load both stages. ``device`` defaults to CUDA when available; ``dtype``: ``"auto"``,
        ``"float32"`` or ``"bfloat16"`` for Stage I's UNet, VAE and CLIP encoder and the GS-LRM
        (:mod:`facelift.precision`; on GPU Stage II also runs bf16 autocast).
        ``accept_license``: accept the release's licence, needed when ``"openfacelift"`` is not
        downloaded yet."""
        from facelift.lrm.model import GSLRM
        from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline
        from facelift.precision import parse_dtype_setting

        parse_dtype_setting(dtype)  # a bad value fails before any download
        device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
        if device.type == "cuda" and not torch.cuda.is_available():  # before any download
            raise FaceliftError(f"--device {device}: CUDA is not available on this machine")
        folder = resolve_weights(name_or_path, accept_license=accept_license)
        if not (folder / "lrm").is_dir():
            raise FaceliftError(f"{folder}: weights folder has no lrm/ (expected mvdiff/ and lrm/; "
                                "convert the authors' release with 'facelift convert-official')")
        meta = read_meta(folder)
        mv = None  # Stage II alone still reconstructs from posed views (reconstruct --views)
        if (folder / "mvdiff").is_dir():
            mv = FaceLiftMultiViewPipeline.from_pretrained(folder / "mvdiff").to(device)
            mv.set_progress_bar_config(desc="Stage I: views", leave=False)
        lrm = GSLRM.from_pretrained(folder / "lrm", device=device).eval()
        return cls(mv, lrm, device, defaults=meta.defaults, name=str(name_or_path), export=meta.export,
                   dtype=dtype)

    def set_scheduler(self, name: str) -> None:
        """Stage I's sampler: ``"ddim"`` (the weights' own) or ``"dpm++"`` (fewer steps;
        :mod:`facelift.mvdiff.samplers`)."""
        from facelift.mvdiff.samplers import make_scheduler

        if self.mvdiff is None:
            return
        if not hasattr(self, "_stored_scheduler"):
            self._stored_scheduler = self.mvdiff.scheduler
        self.mvdiff.scheduler = make_scheduler(name, self._stored_scheduler)

    # ------------------------------------------------------------------ stages
    def require_stage1(self) -> None:
        if self.mvdiff is None:
            raise FaceliftError(f"weights {self.name!r} have no Stage I (mvdiff/), so they cannot make views "
                                "from a photo; reconstruct from your own posed views with --views DIR, or use "
                                "weights that include Stage I")

    def preprocess(self, image: Any, crop: bool = True, remove_background: bool = True):
        from facelift.preprocess import preprocess_image

        return preprocess_image(image, size=512, crop=crop, remove_background=remove_background)

    def generate_views(self, image: Image.Image, seed: int | None = None, num_inference_steps: int | None = None,
                       guidance_scale: float | None = None) -> list[Image.Image]:
        """Stage I: the 6 views of a preprocessed 512² input (``seed`` None: the weights' default)."""
        self.require_stage1()
        generator = torch.Generator(device="cpu").manual_seed(self.defaults["seed"] if seed is None else seed)
        out = self.mvdiff(
            image,
            num_inference_steps=num_inference_steps or self.defaults["num_inference_steps"],
            guidance_scale=self.defaults["guidance_scale"] if guidance_scale is None else guidance_scale,
            eta=self.defaults["eta"],
            generator=generator,
            output_type="pil",
        )
        return list(out.images[0])

    def reconstruct_gaussians(self, views: list[Image.Image] | torch.Tensor, cameras: Camera) -> Gaussians:
        """Stage II: posed views (PIL list or (V, 3, H, W) in [0, 1]) -> pruned Gaussians.

        Views are resized to the model's training resolution, with the cameras' intrinsics
        scaled to match, so any input size works.
        """
        size = self.lrm.config.image_size
        if isinstance(views, torch.Tensor):
            images = views.float()
        else:
            from facelift.mvdiff.pipeline import to_image_batch

            images = torch.cat([to_image_batch(v, size) for v in views])
        images = resize_images(images, size)
        if (cameras.width, cameras.height) != (size, size):
            cameras = cameras.resized(size, size)
        return self.lrm.reconstruct(images.clamp(0, 1), cameras, export=self.export)

    # -------------------------------------------------------------------- call
    def __call__(self, image: Any, seed: int | None = None, num_inference_steps: int | None = None,
                 guidance_scale: float | None = None, crop: bool = True, remove_background: bool = True,
                 progress: ProgressFn | None = None, refine: RefineSetting = "auto") -> FaceLiftOutput:
        """Photo (path, PIL or array) -> :class:`FaceLiftOutput`.

        ``progress(stage, fraction)`` is called as stages finish (for UIs). ``refine``: photo-fit
        (:mod:`facelift.refine`): "auto" (the weights' default), "on", "off", or iterations.
        ``seed``, steps and guidance left at None take the weights' defaults (``facelift.json``;
        the release's seed is 4, ours 0).
        """
        self.require_stage1()
        iterations = refine_iterations(refine, self.defaults["refine"])  # bad values fail before any work
        report = progress or (lambda stage, frac: None)
        report("preprocess", 0.0)
        pre = self.preprocess(image, crop=crop, remove_background=remove_background)
        return self.from_preprocessed(pre, seed, num_inference_steps, guidance_scale, progress=report,
                                      refine=iterations)

    def from_preprocessed(self, pre: Any, seed: int | None = None, num_inference_steps: int | None = None,
                          guidance_scale: float | None = None,
                          progress: ProgressFn | None = None, refine: RefineSetting = "auto") -> FaceLiftOutput:
        """Stages I and II (and photo-fit, see ``__call__``) on a
        :class:`facelift.preprocess.PreprocessResult`."""
        iterations = refine_iterations(refine, self.defaults["refine"])
        report = progress or (lambda stage, frac: None)
        steps = num_inference_steps or self.defaults["num_inference_steps"]
        guidance = self.defaults["guidance_scale"] if guidance_scale is None else guidance_scale
        seed = self.defaults["seed"] if seed is None else seed
        report("views", 0.1)
        views = self.generate_views(pre.image, seed, steps, guidance)
        report("gaussians", 0.7)
        cameras = facelift_cameras(views[0].width)
        # 8-bit PIL views on purpose, not Stage I's float tensors: the release's inference.py
        # feeds its GS-LRM np.array(view) / 255 of the pipeline's PIL outputs, so Stage II sees
        # the same quantised views here.
        gaussians = self.reconstruct_gaussians(views, cameras)
        box = pre.face_box
        info = {
            "weights": self.name, "seed": seed, "num_inference_steps": steps, "guidance_scale": guidance,
            "eta": self.defaults["eta"],
            "dtype": self.dtypes,
            "num_faces": pre.num_faces, "face_box": None if box is None else [box.x0, box.y0, box.x1, box.y1],
        }
        if pre.landmarks is not None:
            from facelift.refine.face_prior import face_yaw

            info["face_yaw"] = round(face_yaw(pre.landmarks), 1)  # where the photo's face looks
        if iterations:
            report("refine", 0.8)
            refined = self.photo_fit(gaussians, np.asarray(pre.image.convert("RGB")), pre.mask, pre.landmarks,
                                     views, cameras, iterations, seed)
            gaussians = refined.gaussians
            info.update(refined.info())
        info["num_gaussians"] = len(gaussians)
        report("done", 1.0)
        return FaceLiftOutput(pre.image, views, cameras, gaussians, info)

    def photo_fit(self, gaussians: Gaussians, photo: np.ndarray, mask: np.ndarray | None,
                  landmarks: np.ndarray | None, views: list[Image.Image] | torch.Tensor | None,
                  view_cameras: Camera | None, iterations: int, seed: int = 0, progress: bool = True):
        """Refine a head against its front photo (:func:`facelift.refine.refine_head`).

        Args:
            photo: (H, W, 3) uint8 on white, the front view; mask: (H, W) its alpha or None.
            landmarks: its face-mesh landmarks, or None to run the face mesh on ``photo`` (a
                ``--no-crop`` input, a video frame framed by its smoothed track, a render).
            views, view_cameras: Stage I's six views (PIL list, or (6, 3, h, w) in [0, 1]) and
                their cameras, or None. The front one (index 0) is a generated copy of the
                photo, so only the others take part.
        """
        from facelift.lrm.footprint import narrow_from_input_footprint
        from facelift.mvdiff.pipeline import to_image_batch
        from facelift.preprocess.detect import face_landmarks
        from facelift.refine import RefineConfig, refine_head, widen_behind_photo

        if landmarks is None:
            landmarks = face_landmarks(photo)
        if views is not None:
            if view_cameras is None or len(views) != len(view_cameras):
                raise FaceliftError("photo_fit: give one camera per Stage I view")
            others = views[1:] if isinstance(views, torch.Tensor) else to_image_batch(views[1:], views[1].width)
            views = others.float()
            view_cameras = view_cameras[1:].resized(views.shape[-1], views.shape[-2])
        # A head from reconstruct_gaussians carries the export's input footprint: the fit runs
        # on the narrow head, then the footprint goes back where it cannot show from the front
        # (facelift.refine.widen_behind_photo says why).
        low_pass = self.export.input_low_pass or 0.0
        size = self.lrm.config.image_size
        rig = facelift_cameras(size)
        head = narrow_from_input_footprint(gaussians.to("cpu", torch.float32), rig, low_pass)
        result = refine_head(head, photo, mask, landmarks, views, view_cameras,
                             RefineConfig(iterations=iterations, seed=seed), progress=progress)
        if low_pass and mask is not None:
            result.gaussians = widen_behind_photo(result, np.asarray(mask, np.float32), rig, low_pass)
        return result

    def reconstruct_views(self, folder: str | Path, refine: RefineSetting = "auto", seed: int = 0,
                          progress: bool = True) -> FaceLiftOutput:
        """Skip Stage I: reconstruct from the user's own posed views (a transforms.json folder).

        ``refine``: views-fit (:mod:`facelift.refine.views_fit`), the head optimised against the
        views at their own resolution: "auto" (on where the weights photo-fit by default: the
        bundled tiny), "on", "off", or iterations.
        """
        from facelift.preprocess import load_image
        from facelift.refine.views_fit import ViewsFitConfig, fit_views

        default = ViewsFitConfig().iterations if self.defaults["refine"] else 0
        iterations = refine_iterations(refine, default)  # bad values fail before any work
        folder = Path(folder)
        cameras, names, _ = read_transforms(folder / "transforms.json")
        views, alphas = [], []
        for name in names:
            path = folder / name
            if not path.suffix and not path.exists():
                path = path.with_suffix(".png")
            loaded = load_image(path)
            rgb = loaded.rgb.astype("float32")
            if loaded.alpha is not None:  # views on a transparent film: composite onto white
                rgb = composite(rgb, loaded.alpha[..., None], 255.0)
            views.append(Image.fromarray(rgb.round().clip(0, 255).astype("uint8")))
            alphas.append(loaded.alpha)
        sizes = {v.size for v in views}
        if sizes != {(cameras.width, cameras.height)}:
            raise FaceliftError(f"{folder}: image sizes {sorted(sizes)} do not match transforms.json's "
                                f"{cameras.width}x{cameras.height}")
        gaussians = self.reconstruct_gaussians(views, cameras)
        info = {"weights": self.name, "views_from": str(folder)}
        if iterations:
            images = torch.stack([torch.from_numpy(np.asarray(v, np.float32) / 255.0).permute(2, 0, 1) for v in views])
            # Silhouettes: the views' own alpha where every view has one, else what differs from white.
            silhouettes = (torch.stack([torch.from_numpy(a.astype(np.float32))[None] for a in alphas])
                           if all(a is not None for a in alphas) else None)
            gaussians, report = fit_views(gaussians, images, cameras, silhouettes,
                                          ViewsFitConfig(iterations=iterations, seed=seed), progress=progress)
            info.update({"views_fit_steps": report.steps, "views_fit_psnr_before": round(report.front_psnr_before, 2),
                         "views_fit_psnr_after": round(report.front_psnr_after, 2)})
        info["num_gaussians"] = len(gaussians)
        return FaceLiftOutput(views[0], views, cameras, gaussians, info)


__all__ = ["FaceLiftPipeline", "FaceLiftOutput"]
