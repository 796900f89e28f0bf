"""Stage I: one face image -> 6 consistent views by multi-view diffusion (SPEC §2.2).

* :mod:`facelift.mvdiff.config`: presets ``tiny`` and ``paper``.
* :mod:`facelift.mvdiff.attention`: sparse / dense multi-view attention processors.
* :mod:`facelift.mvdiff.unet`: the 8-channel UNet, SD 2.1-unCLIP / release loading.
* :mod:`facelift.mvdiff.pipeline`: :class:`FaceLiftMultiViewPipeline`.
* :mod:`facelift.mvdiff.tiny`: builders of the small components.
"""

from __future__ import annotations

import torch

from facelift.mvdiff.attention import MultiViewAttnProcessor, install_multiview_attention
from facelift.mvdiff.config import MVDIFF_PRESETS, ModelConfig, MVDiffConfig
from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline, MultiViewOutput, ViewEmbeddings


def build_pipeline(model: ModelConfig, seed: int = 0) -> FaceLiftMultiViewPipeline:
    """The Stage I pipeline a model config describes.

    ``model.base`` set: load it (local folder or cached hub id; SD 2.1-unCLIP gets its
    conv_in zero-expanded and its view embeddings computed from the text encoder), then
    apply the config's prediction type, attention mode and, when set, guidance label. ``base``
    None: fresh tiny components (random weights, seeded).
    """
    from facelift.mvdiff import tiny

    if model.base is not None:
        pipe = FaceLiftMultiViewPipeline.from_pretrained(model.base, attention=model.attention)
        if pipe.scheduler.config.get("prediction_type") != model.prediction_type:
            pipe.scheduler = type(pipe.scheduler).from_config(pipe.scheduler.config, prediction_type=model.prediction_type)
        if model.uncond_label is not None:
            pipe.register_to_config(uncond_label=model.uncond_label)
        return pipe
    arch = model.tiny
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        vae = tiny.build_vae(arch)
        factor = 2 ** (len(arch.vae_block_out_channels) - 1)
        if model.image_size % factor:
            raise ValueError(f"image_size {model.image_size} is not a multiple of the VAE factor {factor}")
        unet = tiny.build_unet(arch, model.image_size // factor)
        image_encoder = tiny.build_image_encoder(arch)
    views = ViewEmbeddings.from_tensor(
        tiny.init_view_embeddings(model.num_views, arch.view_embedding_tokens, arch.cross_attention_dim, seed)
    )
    return FaceLiftMultiViewPipeline(
        unet=unet, vae=vae, image_encoder=image_encoder,
        feature_extractor=tiny.build_feature_extractor(arch.clip_image_size),
        image_normalizer=tiny.build_image_normalizer(arch.clip_projection_dim),
        image_noising_scheduler=tiny.build_image_noising_scheduler(),
        scheduler=tiny.build_scheduler(model), view_embeddings=views, attention=model.attention,
        uncond_label=model.uncond_label or "zeros",
    )


__all__ = [
    "FaceLiftMultiViewPipeline", "MVDIFF_PRESETS", "MVDiffConfig", "ModelConfig", "MultiViewAttnProcessor",
    "MultiViewOutput", "ViewEmbeddings", "build_pipeline", "install_multiview_attention",
]
