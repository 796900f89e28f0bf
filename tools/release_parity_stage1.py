"""Stage I against the authors' own sampling code: the same tiny components, the same seed.

A developer check, not part of the test suite (the release's code is not ours to ship):

    git clone https://github.com/weijielyu/FaceLift RELEASE   # or any copy of that tree
    pip install einops
    python tools/release_parity_stage1.py RELEASE

It builds a tiny random facelift Stage I, hands its components to the release's
``StableUnCLIPImg2ImgPipeline`` (``mvdiffusion/pipelines/pipeline_mvdiffusion_unclip.py``)
and compares the UNet's class labels and the generated views with ours for a few seeds,
with and without guidance. Three adaptations let the release's module run here, and none
touches what it computes: torchvision is kept out of our environments, so its two
``torchvision.transforms.functional`` calls get small stand-ins; transformers 5 dropped the
``CLIPFeatureExtractor`` alias it imports; and its VAE input is cast to fp16 for a GPU fp16
VAE, which a CPU fp32 VAE cannot take, so the proxy casts back (we report the difference
with that fp16 rounding mirrored on our side too).
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import sys
import types
from pathlib import Path

import numpy as np
import PIL.Image
import torch
from torch import nn

RELEASE_MODULE = "mvdiffusion/pipelines/pipeline_mvdiffusion_unclip.py"


def _torchvision_standin() -> None:
    """``to_tensor`` / ``to_pil_image``, the only torchvision calls of the release's pipeline."""
    tvf = types.ModuleType("torchvision.transforms.functional")
    tvf.to_tensor = lambda img: torch.from_numpy(np.array(img, dtype=np.uint8)).permute(2, 0, 1).float() / 255.0
    tvf.to_pil_image = lambda t: PIL.Image.fromarray(
        (t.clamp(0, 1) * 255).round().byte().permute(1, 2, 0).numpy())
    tv, tvt = types.ModuleType("torchvision"), types.ModuleType("torchvision.transforms")
    tv.transforms, tvt.functional = tvt, tvf
    sys.modules.update({"torchvision": tv, "torchvision.transforms": tvt, "torchvision.transforms.functional": tvf})


def load_release_pipeline_class(release: Path) -> type:
    import transformers  # noqa: F401 - decides torchvision is absent before the stand-in exists

    source = (release / RELEASE_MODULE).read_text()
    source = source.replace("CLIPFeatureExtractor, ", "")  # only a type hint there
    source = "from transformers import CLIPImageProcessorPil as CLIPFeatureExtractor\n" + source
    _torchvision_standin()
    spec = importlib.util.spec_from_loader("release_mv_pipeline", loader=None)
    module = importlib.util.module_from_spec(spec)
    exec(compile(source, str(release / RELEASE_MODULE), "exec"), module.__dict__)  # noqa: S102 - a local checkout
    return module.StableUnCLIPImg2ImgPipeline


class _UNet(nn.Module):
    """The release calls ``unet(..., return_dict=False)`` and uses the result as the tensor."""

    def __init__(self, unet: nn.Module, labels: list):
        super().__init__()
        self.inner, self.config, self.labels = unet, unet.config, labels

    def forward(self, x, t, encoder_hidden_states, class_labels, cross_attention_kwargs=None, return_dict=False):
        self.labels.append(class_labels.clone())
        return self.inner(x, t, encoder_hidden_states=encoder_hidden_states, class_labels=class_labels).sample


class _VAE(nn.Module):
    """Undo the release's fp16 cast of the VAE input (for its GPU fp16 VAE) on a CPU fp32 one."""

    def __init__(self, vae: nn.Module):
        super().__init__()
        self.inner, self.config = vae, vae.config

    def encode(self, x):
        return self.inner.encode(x.float())

    def decode(self, z, return_dict=False):
        return self.inner.decode(z, return_dict=return_dict)


class _TextEncoder(nn.Module):
    dtype = torch.float32  # the release reads only its dtype when given prompt embeddings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("release", type=Path, help="a checkout of github.com/weijielyu/FaceLift")
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from test_mvdiff import tiny_model

    from facelift.mvdiff import build_pipeline

    release_cls = load_release_pipeline_class(args.release)

    class Release(release_cls):
        _execution_device = torch.device("cpu")  # its property walks modules the proxies lack

    ours = build_pipeline(tiny_model(), seed=0)
    ours.set_progress_bar_config(disable=True)
    their_labels: list = []
    theirs = Release(
        feature_extractor=ours.feature_extractor, image_encoder=ours.image_encoder,
        image_normalizer=ours.image_normalizer, image_noising_scheduler=copy.deepcopy(ours.image_noising_scheduler),
        tokenizer=None, text_encoder=_TextEncoder(), unet=_UNet(ours.unet, their_labels),
        scheduler=copy.deepcopy(ours.scheduler), vae=_VAE(ours.vae), num_views=ours.num_views)
    theirs.set_progress_bar_config(disable=True)
    context = ours.view_embeddings().detach()
    encode = ours.vae.encode
    worst = 0.0
    for seed in (0, 4):
        rgb = np.random.default_rng(seed).integers(0, 256, (ours.image_size, ours.image_size, 3), dtype=np.uint8)
        image = PIL.Image.fromarray(rgb)
        for guidance in (3.0, 1.0):
            their_labels.clear()
            ref = theirs(image, None, prompt_embeds=context, guidance_scale=guidance, num_images_per_prompt=1,
                         num_inference_steps=args.steps, generator=torch.Generator().manual_seed(seed), eta=1.0,
                         output_type="pt").images
            our_labels = []
            hook = ours.unet.register_forward_pre_hook(
                lambda m, a, k: our_labels.append(k["class_labels"].clone()), with_kwargs=True)
            results = []
            for mirror_fp16 in (False, True):
                ours.vae.encode = (lambda x, *a, **k: encode(x.half().float(), *a, **k)) if mirror_fp16 else encode
                out = ours(image, num_inference_steps=args.steps, guidance_scale=guidance, eta=1.0,
                           generator=torch.Generator().manual_seed(seed), output_type="pt").images[0]
                results.append((out - ref).abs().max().item())
            hook.remove()
            ours.vae.encode = encode
            label_diff = (their_labels[0] - our_labels[0]).abs().max().item()
            worst = max(worst, results[1], label_diff)
            print(f"seed {seed}, guidance {guidance}: class labels max |diff| {label_diff:.1e}; views max |diff| "
                  f"{results[0]:.1e} ({results[1]:.1e} with the release's fp16 VAE-input cast mirrored)")
    print("agree" if worst < 1e-4 else "DIFFER", f"(worst {worst:.1e})")
    return 0 if worst < 1e-4 else 1


if __name__ == "__main__":
    sys.exit(main())
