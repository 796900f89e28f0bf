"""``FaceLiftMultiViewPipeline``: one face image -> the 6 Stage I views (SPEC §2.2).

Components, named as in Stable Diffusion 2.1-unCLIP (and the release's
``mvdiffusion/pipeckpts`` folder):

=========================  ==============================================================
``unet``                   ``UNet2DConditionModel``, 8 input channels, multi-view
                           attention processors on every ``attn1``
``vae``                    ``AutoencoderKL``
``image_encoder``          ``CLIPVisionModelWithProjection`` (input image -> embedding)
``feature_extractor``      ``CLIPImageProcessor`` (its size / mean / std are used)
``image_normalizer``       ``StableUnCLIPImageNormalizer``
``image_noising_scheduler`` the unCLIP embedding-noise schedule (noise level 0 here)
``scheduler``              sampler (DDIM, eta 1, 50 steps by default)
``view_embeddings``        :class:`ViewEmbeddings`, the (V, L, D) cross-attention context of
                           each view (paper: SD text-encoder embeddings of the release's
                           prompts, stored; tiny: learned)
``text_encoder``,          optional (present in SD 2.1-unCLIP and the release); used only
``tokenizer``              to compute ``view_embeddings`` when the folder has none
=========================  ==============================================================

Batch layout: B input images make a UNet batch of B·V, the V views of each sample
consecutive, in the order of :data:`facelift.cameras.VIEW_NAMES`. Each view gets its own unCLIP
class label (the release encodes the input once per view, so each view's embedding noise is
its own draw). Classifier-free guidance runs the unconditional branch in the same UNet call,
input latents zeroed and the class label as the weights were trained (``uncond_label``), and
combines ``uncond + s·(cond − uncond)`` (linear in the model output, so valid for epsilon, v
and x0 prediction alike).

``uncond_label`` (stored in ``model_index.json``):

* ``"zeros"`` (the release, and the default): the whole class label is zero, the CLIP
  embedding and the noise-level embedding appended to it, as the release's pipeline and
  trainer both do.
* ``"zero_clip"``: the CLIP embedding is zeroed before noising and the level embedding is
  appended as usual. The bundled tiny Stage I was trained this way, so it keeps it.

The CLIP input at sampling time is the release's: the image as uint8 through the folder's
``CLIPImageProcessor`` (PIL bicubic resize, centre crop, normalise). Training uses the
release trainer's tensor path (:meth:`FaceLiftMultiViewPipeline.clip_pixels`); the two
differ by the uint8 rounding and the resampling kernel, as in the release.

Loading is offline: a local folder, or a hub id resolved only from the local Hugging Face
cache; weights are read from safetensors only.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import PIL.Image
import torch
import torch.nn.functional as F
from diffusers import AutoencoderKL, DiffusionPipeline
from diffusers.configuration_utils import ConfigMixin, register_to_config
from diffusers.models.embeddings import get_timestep_embedding
from diffusers.models.modeling_utils import ModelMixin
from diffusers.pipelines.stable_diffusion.stable_unclip_image_normalizer import StableUnCLIPImageNormalizer
from diffusers.schedulers.scheduling_utils import SchedulerMixin
from diffusers.utils.torch_utils import randn_tensor
from torch import Tensor, nn

from facelift.atomic import atomic_dir, atomic_write_text
from facelift.cameras import VIEW_NAMES
from facelift.defaults import DDIM_ETA, GUIDANCE_SCALE, NUM_INFERENCE_STEPS
from facelift.errors import FaceliftError
from facelift.mvdiff.attention import install_multiview_attention, multiview_setting
from facelift.mvdiff.config import VIEW_PROMPT
from facelift.mvdiff.unet import load_unet
from facelift.views import composite
from facelift.weights.locate import resolve_pretrained
from facelift.weights.store import recast_weights

log = logging.getLogger(__name__)

COMPONENTS = (
    "unet", "vae", "image_encoder", "feature_extractor", "image_normalizer",
    "image_noising_scheduler", "scheduler", "view_embeddings", "text_encoder", "tokenizer",
)
OPTIONAL_COMPONENTS = ("text_encoder", "tokenizer")
#: The components ``save_pretrained(weights_dtype=...)`` may store in lower precision.
STORED_CAST = ("unet", "vae", "image_encoder")
#: How the unconditional branch's class label is made (module docstring).
UNCOND_LABELS = ("zeros", "zero_clip")


class ViewEmbeddings(ModelMixin, ConfigMixin):
    """The per-view cross-attention context, a (num_views, num_tokens, dim) tensor."""

    @register_to_config
    def __init__(self, num_views: int = 6, num_tokens: int = 77, dim: int = 1024):
        super().__init__()
        self.embeddings = nn.Parameter(torch.zeros(num_views, num_tokens, dim))

    def forward(self) -> Tensor:
        return self.embeddings

    @classmethod
    def from_tensor(cls, embeddings: Tensor) -> "ViewEmbeddings":
        v, n, d = embeddings.shape
        module = cls(num_views=v, num_tokens=n, dim=d)
        with torch.no_grad():
            module.embeddings.copy_(embeddings)
        return module


@torch.no_grad()
def encode_view_prompts(text_encoder: nn.Module, tokenizer: Any, view_names: Sequence[str] = VIEW_NAMES) -> Tensor:
    """SD-2 text-encoder embeddings of the release's view prompts, (V, 77, D).

    As Stable Diffusion 2's pipelines do: padded to the tokenizer's max length, last hidden
    state (the SD 2 text encoder config already stops one layer early).
    """
    prompts = [VIEW_PROMPT.format(view=name) for name in view_names]
    tokens = tokenizer(prompts, padding="max_length", max_length=tokenizer.model_max_length,
                       truncation=True, return_tensors="pt")
    device = next(text_encoder.parameters()).device
    return text_encoder(tokens.input_ids.to(device))[0].float().cpu()


@dataclass
class MultiViewOutput:
    """The generated views.

    Attributes:
        images: ``output_type="pil"``: B lists of V PIL images; ``"pt"``: a (B, V, 3, H, W)
            float tensor in [0, 1]; ``"np"``: a (B, V, H, W, 3) float array in [0, 1].
        view_names: the name of each view, SPEC §3 order.
    """

    images: Any
    view_names: tuple[str, ...]


def to_image_batch(image: Any, size: int) -> Tensor:
    """Input image(s) -> (B, 3, size, size) float in [0, 1] on CPU.

    Accepts a PIL image or a list of them, a uint8 / float array (H, W, C), or a float
    tensor (C, H, W) / (B, C, H, W) in [0, 1]. Alpha (RGBA) is composited onto white (the
    release's background); grey images become RGB; non-square images are padded with white
    to a square before resizing.
    """
    if isinstance(image, (list, tuple)):
        if not image:
            raise FaceliftError("no input image given")
        return torch.cat([to_image_batch(im, size) for im in image])
    if isinstance(image, PIL.Image.Image):
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
        t = torch.from_numpy(np.asarray(image, dtype=np.float32) / 255.0).permute(2, 0, 1)
    elif isinstance(image, np.ndarray):
        arr = image.astype(np.float32) / (255.0 if image.dtype == np.uint8 else 1.0)
        if arr.ndim == 2:
            arr = arr[..., None]
        t = torch.from_numpy(arr).permute(2, 0, 1)
    elif isinstance(image, Tensor):
        t = image.detach().float().cpu()
    else:
        raise FaceliftError(f"unsupported input image type {type(image).__name__}")
    if t.ndim == 3:
        t = t[None]
    if t.ndim != 4 or t.shape[1] not in (1, 3, 4):
        raise FaceliftError(f"input image must be (B, C, H, W) with C in 1, 3, 4; got {tuple(t.shape)}")
    if t.shape[1] == 4:
        t = composite(t[:, :3], t[:, 3:], 1.0)
    elif t.shape[1] == 1:
        t = t.expand(-1, 3, -1, -1)
    h, w = t.shape[-2:]
    if h != w:
        pad = abs(h - w)
        pads = (pad // 2, pad - pad // 2, 0, 0) if h > w else (0, 0, pad // 2, pad - pad // 2)
        t = F.pad(t, pads, value=1.0)
    if t.shape[-1] != size:
        t = F.interpolate(t, size=(size, size), mode="bilinear", antialias=True, align_corners=False)
    return t.clamp(0.0, 1.0)


def _scheduler_from_folder(folder: Path) -> SchedulerMixin:
    import diffusers

    config_path = folder / "scheduler_config.json"
    if not config_path.is_file():
        raise FaceliftError(f"{folder}: no scheduler_config.json")
    name = json.loads(config_path.read_text()).get("_class_name", "DDIMScheduler")
    cls = getattr(diffusers, name, None)
    if not (isinstance(cls, type) and issubclass(cls, SchedulerMixin)):
        raise FaceliftError(f"{config_path}: unknown scheduler class {name!r}")
    return cls.from_pretrained(folder)


class FaceLiftMultiViewPipeline(DiffusionPipeline):
    """Stage I of FaceLift: one frontal face image -> V views (see the module docstring).

    Build one with :meth:`from_pretrained` (a folder saved by :meth:`save_pretrained`,
    SD 2.1-unCLIP, or the public release's ``mvdiffusion/pipeckpts``), or from
    components (``facelift.mvdiff.build_pipeline`` for the presets).
    """

    _optional_components = list(OPTIONAL_COMPONENTS)
    model_cpu_offload_seq = "image_encoder->unet->vae"

    def __init__(
        self,
        unet: nn.Module,
        vae: AutoencoderKL,
        image_encoder: nn.Module,
        feature_extractor: Any,
        image_normalizer: StableUnCLIPImageNormalizer,
        image_noising_scheduler: SchedulerMixin,
        scheduler: SchedulerMixin,
        view_embeddings: ViewEmbeddings,
        text_encoder: nn.Module | None = None,
        tokenizer: Any = None,
        attention: str = "sparse",
        uncond_label: str = "zeros",
    ):
        super().__init__()
        if uncond_label not in UNCOND_LABELS:
            raise FaceliftError(f"uncond_label must be one of {UNCOND_LABELS}, got {uncond_label!r}")
        self.register_modules(
            unet=unet, vae=vae, image_encoder=image_encoder, feature_extractor=feature_extractor,
            image_normalizer=image_normalizer, image_noising_scheduler=image_noising_scheduler,
            scheduler=scheduler, view_embeddings=view_embeddings, text_encoder=text_encoder,
            tokenizer=tokenizer,
        )
        for module in (unet, vae, image_encoder, image_normalizer, view_embeddings, text_encoder):
            if module is not None:
                module.eval()  # inference mode by default; the trainer switches what it trains
        num_views = view_embeddings.config.num_views
        self.register_to_config(attention=attention, uncond_label=uncond_label)
        install_multiview_attention(unet, num_views=num_views, mode=attention)

    # ------------------------------------------------------------------ properties
    @property
    def num_views(self) -> int:
        return int(self.view_embeddings.config.num_views)

    @property
    def vae_scale_factor(self) -> int:
        return 2 ** (len(self.vae.config.block_out_channels) - 1)

    @property
    def image_size(self) -> int:
        return int(self.unet.config.sample_size) * self.vae_scale_factor

    @property
    def view_names(self) -> tuple[str, ...]:
        return VIEW_NAMES if self.num_views == len(VIEW_NAMES) else tuple(f"view{i}" for i in range(self.num_views))

    # ------------------------------------------------------------------ conditioning
    def clip_pixels(self, images: Tensor) -> Tensor:
        """(B, 3, H, W) in [0, 1] -> CLIP encoder input (B, 3, S, S), normalised.

        A tensor path (bicubic resize of the full square frame) used identically in
        training and sampling, with the feature extractor's size, mean and std.
        """
        fe = self.feature_extractor
        crop = fe.crop_size
        size = int(crop["height"] if isinstance(crop, dict) else getattr(crop, "height", crop))
        x = F.interpolate(images, size=(size, size), mode="bicubic", antialias=True, align_corners=False)
        mean = torch.tensor(fe.image_mean, device=x.device, dtype=x.dtype).view(1, 3, 1, 1)
        std = torch.tensor(fe.image_std, device=x.device, dtype=x.dtype).view(1, 3, 1, 1)
        return (x.clamp(0, 1) - mean) / std

    def clip_pixels_uint8(self, images: Tensor) -> Tensor:
        """(B, 3, H, W) in [0, 1] -> CLIP encoder input (B, 3, S, S) the way the release samples.

        The release hands its PIL (uint8) input image to ``CLIPImageProcessor``; so do we,
        after rounding to uint8 (exact for an 8-bit input).
        """
        arr = (images.detach().float().clamp(0, 1) * 255.0).round().to(torch.uint8).permute(0, 2, 3, 1).cpu().numpy()
        pixels = self.feature_extractor(images=[PIL.Image.fromarray(a) for a in arr], return_tensors="pt").pixel_values
        return pixels.to(images.device)

    def encode_clip(self, images: Tensor, uint8: bool = False) -> Tensor:
        """(B, 3, H, W) in [0, 1] -> CLIP image embeddings (B, D).

        ``uint8``: the sampling path (:meth:`clip_pixels_uint8`); else the differentiable
        training path (:meth:`clip_pixels`).
        """
        dtype = next(self.image_encoder.parameters()).dtype
        pixels = self.clip_pixels_uint8(images) if uint8 else self.clip_pixels(images)
        return self.image_encoder(pixels.to(dtype)).image_embeds

    def encode_latents(self, images: Tensor, sample: bool = False, generator: torch.Generator | None = None) -> Tensor:
        """(B, 3, H, W) in [0, 1] -> scaled VAE latents (B, 4, H/f, W/f) (distribution mode by default)."""
        dist = self.vae.encode((images * 2.0 - 1.0).to(self.vae.dtype)).latent_dist
        latents = dist.sample(generator) if sample else dist.mode()
        return latents * self.vae.config.scaling_factor

    def decode_latents(self, latents: Tensor, chunk: int = 6) -> Tensor:
        """Scaled latents (N, 4, h, w) -> images (N, 3, H, W) in [0, 1] (decoded ``chunk`` at a time)."""
        out = []
        for part in latents.split(chunk):
            part = part.to(self.vae.dtype) / self.vae.config.scaling_factor
            out.append(((self.vae.decode(part).sample.float() + 1.0) / 2.0).clamp(0.0, 1.0))
        return torch.cat(out)

    def noise_image_embeddings(self, embeds: Tensor, noise_level: int = 0,
                               generator: torch.Generator | None = None) -> Tensor:
        """unCLIP class labels: noised CLIP embedding ⊕ noise-level embedding, (B, 2D).

        As in SD 2.1-unCLIP: normalise, add noise at ``noise_level`` with the unCLIP
        schedule, un-normalise, then append the sinusoidal embedding of the level (FaceLift
        uses level 0). A zeroed (dropped) embedding still gets the level embedding.
        """
        noise = randn_tensor(embeds.shape, generator=generator, device=embeds.device, dtype=embeds.dtype)
        levels = torch.full((embeds.shape[0],), noise_level, device=embeds.device, dtype=torch.long)
        norm = self.image_normalizer
        mean, std = norm.mean.to(embeds), norm.std.to(embeds)
        x = (embeds - mean) / std
        x = self.image_noising_scheduler.add_noise(x, noise, levels)
        x = x * std + mean
        level_emb = get_timestep_embedding(levels, embeds.shape[-1], flip_sin_to_cos=True, downscale_freq_shift=0)
        return torch.cat([x, level_emb.to(x.dtype)], dim=1)

    def class_labels(self, clip: Tensor, drop: Tensor | None = None, noise_level: int = 0,
                     generator: torch.Generator | None = None) -> Tensor:
        """The unCLIP class label of every view, (B·V, 2D), from CLIP embeddings (B, D).

        One label per view, each with its own embedding noise (the release repeats the input
        image per view before encoding). ``drop``: (B,) bools, the samples that get the
        unconditional label (classifier-free guidance dropout), made as ``uncond_label``
        says: all zeros, or the noised zero embedding ⊕ the level embedding.
        """
        V = self.num_views
        clip = clip.repeat_interleave(V, dim=0)
        keep = None if drop is None else (~drop).repeat_interleave(V).to(clip.dtype)[:, None]
        legacy = self.config.uncond_label == "zero_clip"
        if keep is not None and legacy:
            clip = clip * keep
        labels = self.noise_image_embeddings(clip, noise_level, generator)
        if keep is not None and not legacy:
            labels = labels * keep
        return labels

    def view_context(self, batch: int) -> Tensor:
        """Cross-attention context for ``batch`` samples, (batch·V, L, D)."""
        emb = self.view_embeddings()
        return emb.to(self.unet.dtype).repeat(batch, 1, 1)

    def unet_forward(self, noisy: Tensor, timesteps: Tensor, cond_latents: Tensor, class_labels: Tensor) -> Tensor:
        """One UNet call on a multi-view batch.

        Args:
            noisy: (B·V, 4, h, w) noisy latents. timesteps: (B·V,) or scalar.
            cond_latents: (B, 4, h, w) input-image latents (zeros when dropped).
            class_labels: (B·V, 2D) unCLIP class labels from :meth:`class_labels`.
        Returns the model output (B·V, 4, h, w) in the scheduler's prediction type.
        """
        V = self.num_views
        B = cond_latents.shape[0]
        if class_labels.shape[0] != B * V:
            raise FaceliftError(f"class_labels must have one row per view ({B * V}), got {class_labels.shape[0]}")
        x = torch.cat([noisy, cond_latents.repeat_interleave(V, dim=0).to(noisy.dtype)], dim=1)
        return self.unet(
            x.to(self.unet.dtype), timesteps, encoder_hidden_states=self.view_context(B),
            class_labels=class_labels.to(self.unet.dtype),
        ).sample

    # ------------------------------------------------------------------ sampling
    @torch.no_grad()
    def __call__(
        self,
        image: Any,
        num_inference_steps: int = NUM_INFERENCE_STEPS,
        guidance_scale: float = GUIDANCE_SCALE,
        eta: float = DDIM_ETA,
        generator: torch.Generator | None = None,
        latents: Tensor | None = None,
        noise_level: int = 0,
        output_type: str = "pil",
    ) -> MultiViewOutput:
        """Generate the V views of each input image.

        Args:
            image: PIL image(s), array or tensor, see :func:`to_image_batch`.
            num_inference_steps: sampler steps (exactly this many UNet calls).
            guidance_scale: classifier-free guidance scale; <= 1 disables the unconditional
                branch.
            eta: DDIM eta (1.0: the release's stochastic DDIM).
            generator: makes the result deterministic.
            latents: optional starting noise (B·V, 4, h, w).
            output_type: "pil", "pt" or "np" (see :class:`MultiViewOutput`).
        """
        if num_inference_steps < 1:
            raise FaceliftError(f"num_inference_steps must be >= 1, got {num_inference_steps}")
        if output_type not in ("pil", "pt", "np"):
            raise FaceliftError(f"output_type must be 'pil', 'pt' or 'np', got {output_type!r}")
        device = self._execution_device
        images = to_image_batch(image, self.image_size).to(device)
        B, V = images.shape[0], self.num_views
        do_cfg = guidance_scale > 1.0

        clip = self.encode_clip(images, uint8=True).float()
        class_labels = self.class_labels(clip, None, noise_level, generator)
        cond_latents = self.encode_latents(images).float()
        if do_cfg:
            # Unconditional branch: input latents zeroed, the class label as trained. An
            # all-zero label draws no noise, so the generator then runs as in the release.
            if self.config.uncond_label == "zeros":
                uncond_labels = torch.zeros_like(class_labels)
            else:
                uncond_labels = self.class_labels(clip, torch.ones(B, dtype=torch.bool, device=device),
                                                  noise_level, generator)
            class_labels = torch.cat([uncond_labels, class_labels])
            cond_latents = torch.cat([torch.zeros_like(cond_latents), cond_latents])

        self.scheduler.set_timesteps(num_inference_steps, device=device)
        shape = (B * V, self.unet.config.out_channels, *cond_latents.shape[-2:])
        if latents is None:
            latents = randn_tensor(shape, generator=generator, device=device, dtype=torch.float32)
        elif tuple(latents.shape) != shape:
            raise FaceliftError(f"latents must have shape {shape}, got {tuple(latents.shape)}")
        latents = latents.to(device, torch.float32) * self.scheduler.init_noise_sigma

        step_kwargs = {}
        step_params = inspect.signature(self.scheduler.step).parameters
        if "eta" in step_params:
            step_kwargs["eta"] = eta
        if "generator" in step_params:
            step_kwargs["generator"] = generator

        for t in self.progress_bar(self.scheduler.timesteps):
            model_in = torch.cat([latents] * 2) if do_cfg else latents
            model_in = self.scheduler.scale_model_input(model_in, t)
            out = self.unet_forward(model_in, t, cond_latents, class_labels).float()
            if do_cfg:
                out = combine_guidance(out, guidance_scale)
            latents = self.scheduler.step(out, t, latents, **step_kwargs).prev_sample

        views = self.decode_latents(latents).cpu().view(B, V, 3, self.image_size, self.image_size)
        if output_type == "pt":
            return MultiViewOutput(views, self.view_names)
        arr = views.permute(0, 1, 3, 4, 2).numpy()
        if output_type == "np":
            return MultiViewOutput(arr, self.view_names)
        pil = [[PIL.Image.fromarray((a * 255.0).round().astype(np.uint8)) for a in sample] for sample in arr]
        return MultiViewOutput(pil, self.view_names)

    # ------------------------------------------------------------------ persistence
    def save_pretrained(self, save_directory: str | Path, weights_dtype: torch.dtype | None = None, **_: Any) -> None:
        """Write a diffusers-layout folder (safetensors weights, one sub-folder per component).

        ``weights_dtype`` (e.g. ``torch.float16``) stores the UNet's, VAE's and CLIP encoder's
        floating-point tensors in that precision, halving the folder; their configs are left as
        they are, so :meth:`from_pretrained` still builds float32 models and upcasts on load.
        The view embeddings, added to every prompt, stay float32. The folder is written to a
        temporary sibling and renamed when complete.
        """
        save_directory = Path(save_directory)
        index: dict[str, Any] = {
            "_class_name": type(self).__name__,
            "_diffusers_version": __import__("diffusers").__version__,
            "attention": self.config.attention,
            "uncond_label": self.config.uncond_label,
        }
        with atomic_dir(save_directory) as tmp:
            for name in COMPONENTS:
                module = getattr(self, name, None)
                if module is None:
                    continue
                index[name] = [type(module).__module__.split(".")[0], type(module).__name__]
                # diffusers and transformers both default to safetensors here.
                module.save_pretrained(tmp / name)
                if weights_dtype is not None and name in STORED_CAST:
                    for path in (tmp / name).glob("*.safetensors"):
                        recast_weights(path, weights_dtype, metadata={"format": "pt"})
            index["view_embeddings"] = ["facelift.mvdiff.pipeline", "ViewEmbeddings"]
            atomic_write_text(tmp / "model_index.json", json.dumps(index, indent=2, sort_keys=True))

    @classmethod
    def from_pretrained(
        cls,
        pretrained_model_name_or_path: str | Path,
        subfolder: str | None = None,
        torch_dtype: torch.dtype | None = None,
        attention: str | None = None,
        cache_dir: str | Path | None = None,
        view_embeddings: str | Path | Tensor | None = None,
        **_: Any,
    ) -> "FaceLiftMultiViewPipeline":
        """Load a pipeline folder: ours, SD 2.1-unCLIP's, or the release's ``pipeckpts``.

        A 4-channel UNet (the SD 2.1-unCLIP base) gets zero-expanded to 8 channels; a folder
        without ``view_embeddings`` computes them from its text encoder and the release's
        prompts. ``attention`` overrides the saved multi-view mode. ``view_embeddings``
        replaces the per-view context with a (V, L, D) tensor, or a file holding one: a
        ``.safetensors`` file, or a tensor-only torch file such as the release's
        ``clr_embeds.pt`` (read with ``weights_only=True``).
        """
        from transformers import AutoTokenizer, CLIPImageProcessorPil, CLIPTextModel, CLIPVisionModelWithProjection

        folder = resolve_pretrained(pretrained_model_name_or_path, subfolder, cache_dir)
        index = json.loads((folder / "model_index.json").read_text())
        for name in COMPONENTS:
            if name in OPTIONAL_COMPONENTS or name == "view_embeddings":
                continue
            if not (folder / name).is_dir():
                raise FaceliftError(f"{folder}: pipeline component folder {name!r} is missing")
        dtype_kw = {"torch_dtype": torch_dtype} if torch_dtype is not None else {}
        unet, mv = load_unet(folder / "unet", torch_dtype=torch_dtype)
        vae = AutoencoderKL.from_pretrained(folder / "vae", use_safetensors=True, **dtype_kw)
        image_encoder = _load_transformers(CLIPVisionModelWithProjection, folder / "image_encoder", torch_dtype)
        feature_extractor = CLIPImageProcessorPil.from_pretrained(folder / "feature_extractor")
        image_normalizer = StableUnCLIPImageNormalizer.from_pretrained(folder / "image_normalizer", use_safetensors=True)
        image_noising_scheduler = _scheduler_from_folder(folder / "image_noising_scheduler")
        scheduler = _scheduler_from_folder(folder / "scheduler")
        text_encoder = tokenizer = None
        if (folder / "text_encoder").is_dir():
            text_encoder = _load_transformers(CLIPTextModel, folder / "text_encoder", torch_dtype)
        if (folder / "tokenizer").is_dir():
            tokenizer = AutoTokenizer.from_pretrained(folder / "tokenizer")
        if view_embeddings is not None:
            view_embeddings = ViewEmbeddings.from_tensor(read_view_embeddings(view_embeddings))
        elif (folder / "view_embeddings").is_dir():
            view_embeddings = ViewEmbeddings.from_pretrained(folder / "view_embeddings", use_safetensors=True)
        elif text_encoder is not None and tokenizer is not None:
            log.info("computing the per-view prompt embeddings with %s/text_encoder", folder)
            names = VIEW_NAMES if mv.get("num_views", 6) == 6 else VIEW_NAMES[: mv["num_views"]]
            view_embeddings = ViewEmbeddings.from_tensor(encode_view_prompts(text_encoder, tokenizer, names))
        else:
            raise FaceliftError(f"{folder}: has neither view_embeddings nor text_encoder + tokenizer")
        view_embeddings.requires_grad_(False)
        mode = attention or index.get("attention") or mv.get("attention") or "sparse"
        if mv.get("num_views") not in (None, view_embeddings.config.num_views):
            raise FaceliftError(f"{folder}: UNet config has num_views={mv['num_views']} but "
                                f"{view_embeddings.config.num_views} view embeddings")
        return cls(
            unet=unet, vae=vae, image_encoder=image_encoder, feature_extractor=feature_extractor,
            image_normalizer=image_normalizer, image_noising_scheduler=image_noising_scheduler,
            scheduler=scheduler, view_embeddings=view_embeddings, text_encoder=text_encoder,
            tokenizer=tokenizer, attention=mode, uncond_label=stored_uncond_label(index),
        )


def stored_uncond_label(index: dict) -> str:
    """A folder's ``uncond_label``: as stored; absent, ``"zero_clip"`` for a folder facelift
    saved before the key existed (it trained that way), else the release's ``"zeros"``."""
    if "uncond_label" in index:
        return str(index["uncond_label"])
    return "zero_clip" if index.get("_class_name") == "FaceLiftMultiViewPipeline" else "zeros"


def read_view_embeddings(source: str | Path | Tensor) -> Tensor:
    """A (V, L, D) per-view embedding tensor from a tensor, .safetensors or tensor-only .pt file."""
    if isinstance(source, Tensor):
        emb = source
    else:
        path = Path(source)
        if not path.is_file():
            raise FaceliftError(f"{path}: view embeddings file not found")
        if path.suffix == ".safetensors":
            from safetensors.torch import load_file

            tensors = load_file(str(path))
            if len(tensors) != 1:
                raise FaceliftError(f"{path}: expected one tensor, found {sorted(tensors)}")
            emb = next(iter(tensors.values()))
        else:
            try:
                emb = torch.load(path, map_location="cpu", weights_only=True)
            except Exception as e:  # noqa: BLE001 - any unpickling failure means a bad file here
                raise FaceliftError(f"{path}: not a tensor-only torch file ({e})") from None
            if isinstance(emb, dict) and len(emb) == 1:
                emb = next(iter(emb.values()))
    if not isinstance(emb, Tensor) or emb.ndim != 3:
        raise FaceliftError(f"view embeddings must be a (V, L, D) tensor, got "
                            f"{tuple(emb.shape) if isinstance(emb, Tensor) else type(emb).__name__}")
    return emb.detach().float().cpu()


def combine_guidance(out: Tensor, guidance_scale: float) -> Tensor:
    """Classifier-free guidance on a stacked [uncond; cond] model output (2N, ...) -> (N, ...)."""
    uncond, cond = out.chunk(2)
    return uncond + guidance_scale * (cond - uncond)


def _load_transformers(cls: Any, folder: Path, torch_dtype: torch.dtype | None) -> nn.Module:
    if not any(folder.glob("*.safetensors")):
        raise FaceliftError(f"{folder}: no safetensors weights (pickled checkpoints are not loaded)")
    kwargs = {"use_safetensors": True}
    if torch_dtype is not None:
        kwargs["dtype"] = torch_dtype
    with _no_loading_bar():
        return cls.from_pretrained(folder, **kwargs)


@contextlib.contextmanager
def _no_loading_bar():
    """Hide transformers' "Loading weights" bar: reading a local folder takes a moment and the bar
    is noise on the CLI. Its switch also turns the hub's download bars off, which must stay as
    they were (a first ``--weights openfacelift`` run shows its download that way)."""
    from huggingface_hub.utils import are_progress_bars_disabled, disable_progress_bars, enable_progress_bars
    from transformers.utils import logging as hf_logging

    bar_was_on, hub_bars_off = hf_logging.is_progress_bar_enabled(), are_progress_bars_disabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if bar_was_on:
            hf_logging.enable_progress_bar()
        (disable_progress_bars if hub_bars_off else enable_progress_bars)()


__all__ = [
    "FaceLiftMultiViewPipeline", "MultiViewOutput", "ViewEmbeddings", "combine_guidance",
    "encode_view_prompts", "multiview_setting", "to_image_batch",
]
