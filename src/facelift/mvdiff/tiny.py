"""Builders for the small, trainable-from-scratch components of the ``tiny`` preset.

Every component is the diffusers / transformers class the paper-scale model uses, with
small sizes, so the same pipeline, loader and trainer run both. Also used by the tests
(with even smaller sizes) to build release-shaped folders without any download.
"""

from __future__ import annotations

import torch
from diffusers import AutoencoderKL, DDIMScheduler, DDPMScheduler, UNet2DConditionModel
from diffusers.pipelines.stable_diffusion.stable_unclip_image_normalizer import StableUnCLIPImageNormalizer
from transformers import CLIPImageProcessorPil, CLIPVisionConfig, CLIPVisionModelWithProjection

from facelift.mvdiff.config import ModelConfig, TinyArchitecture

# OpenAI CLIP's normalisation constants, as in every CLIP feature extractor config.
CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)
CLIP_STD = (0.26862954, 0.26130258, 0.27577711)


def build_unet(arch: TinyArchitecture, latent_size: int, in_channels: int = 8) -> UNet2DConditionModel:
    """SD-2-style UNet (linear projections, unCLIP projection class embedding), small sizes.

    The class-embedding input is the CLIP embedding concatenated with its noise-level
    embedding (unCLIP), hence ``2 * clip_projection_dim``.
    """
    n = len(arch.unet_block_out_channels)
    return UNet2DConditionModel(
        sample_size=latent_size,
        in_channels=in_channels,
        out_channels=4 if arch.vae_latent_channels == 4 else arch.vae_latent_channels,
        down_block_types=("CrossAttnDownBlock2D",) * (n - 1) + ("DownBlock2D",),
        up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * (n - 1),
        block_out_channels=arch.unet_block_out_channels,
        layers_per_block=arch.unet_layers_per_block,
        transformer_layers_per_block=arch.unet_transformer_layers_per_block,
        attention_head_dim=arch.unet_attention_head_dim,
        norm_num_groups=arch.unet_norm_num_groups,
        cross_attention_dim=arch.cross_attention_dim,
        use_linear_projection=True,
        flip_sin_to_cos=True,
        freq_shift=0,
        class_embed_type="projection",
        projection_class_embeddings_input_dim=2 * arch.clip_projection_dim,
    )


def build_vae(arch: TinyArchitecture) -> AutoencoderKL:
    """KL autoencoder with ``2**(len(blocks)-1)``x down-sampling (4x for the default 3 blocks)."""
    n = len(arch.vae_block_out_channels)
    return AutoencoderKL(
        in_channels=3,
        out_channels=3,
        down_block_types=("DownEncoderBlock2D",) * n,
        up_block_types=("UpDecoderBlock2D",) * n,
        block_out_channels=arch.vae_block_out_channels,
        layers_per_block=1,
        latent_channels=arch.vae_latent_channels,
        norm_num_groups=arch.vae_norm_num_groups,
        sample_size=64,
        scaling_factor=1.0,
    )


def build_image_encoder(arch: TinyArchitecture) -> CLIPVisionModelWithProjection:
    config = CLIPVisionConfig(
        hidden_size=arch.clip_hidden_size,
        intermediate_size=arch.clip_intermediate_size,
        num_hidden_layers=arch.clip_num_layers,
        num_attention_heads=arch.clip_num_heads,
        image_size=arch.clip_image_size,
        patch_size=arch.clip_patch_size,
        projection_dim=arch.clip_projection_dim,
    )
    return CLIPVisionModelWithProjection(config)


def build_feature_extractor(size: int) -> CLIPImageProcessorPil:
    # The PIL-backed processor: transformers' default one needs torchvision, which we avoid.
    return CLIPImageProcessorPil(
        do_resize=True,
        size={"shortest_edge": size},
        do_center_crop=True,
        crop_size={"height": size, "width": size},
        do_normalize=True,
        image_mean=list(CLIP_MEAN),
        image_std=list(CLIP_STD),
        do_convert_rgb=True,
    )


def build_image_normalizer(dim: int) -> StableUnCLIPImageNormalizer:
    """Identity statistics (mean 0, std 1): with noise level 0 it passes embeddings through."""
    return StableUnCLIPImageNormalizer(embedding_dim=dim)


def build_image_noising_scheduler() -> DDPMScheduler:
    """The unCLIP embedding-noise schedule of SD 2.1-unCLIP (squared cosine, 1000 steps)."""
    return DDPMScheduler(num_train_timesteps=1000, beta_schedule="squaredcos_cap_v2", clip_sample=True)


def build_scheduler(model: ModelConfig) -> DDIMScheduler:
    """DDIM with SD 2.1's training schedule and the preset's prediction type."""
    return DDIMScheduler(
        num_train_timesteps=model.num_train_timesteps,
        beta_start=model.beta_start,
        beta_end=model.beta_end,
        beta_schedule=model.beta_schedule,
        prediction_type=model.prediction_type,
        clip_sample=False,
        set_alpha_to_one=False,
        steps_offset=1,
        timestep_spacing="leading",
    )


def init_view_embeddings(num_views: int, tokens: int, dim: int, seed: int = 0) -> torch.Tensor:
    """Distinct random starting points for the learned per-view embeddings, (V, tokens, dim)."""
    g = torch.Generator().manual_seed(seed)
    return torch.randn(num_views, tokens, dim, generator=g)
