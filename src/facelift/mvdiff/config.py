"""Stage I configuration: the model, sampling and training settings, with named presets.

Two presets (``MVDIFF_PRESETS.get_preset(name)``):

* ``paper``: the FaceLift release's Stage I (SPEC §2.2): the Stable Diffusion 2.1-unCLIP
  UNet with 8 input channels, v-prediction, 512² images, sparse multi-view attention,
  fixed per-view text embeddings, DDIM 50 steps / eta 1 / guidance 3. Weights come from a
  local folder or a hub id already in the local Hugging Face cache
  (``stabilityai/stable-diffusion-2-1-unclip`` to fine-tune, or the release's
  ``mvdiffusion/pipeckpts`` folder to run it). Training follows suppl. C.2: AdamW 1e-4,
  min-SNR γ=5, EMA, fp16, 5% condition dropout each for CLIP-only / both / latents-only.
* ``tiny``: the same architecture scaled down to train on a 2-core CPU: 64² images, a
  small VAE (4x down-sampling, 16² latents), a small CLIP vision encoder and a 3.2 M-parameter
  UNet (a training step of 2 heads x 6 views takes ~0.4 s on one CPU core), all trained here. Its prediction type is x0 ("sample"): a CPU probe on simple heads
  reached silhouette IoU 0.87 in ~300 steps with x0 prediction while v-prediction was still
  speckled at 800 (issue 5), so the preset chooses it and ``paper`` stays v-prediction;
  and, like the probe, it trains with a plain (unweighted) x0 MSE (see ``tiny_preset``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from facelift.config import PresetRegistry
from facelift.defaults import DDIM_ETA, GUIDANCE_SCALE, NUM_INFERENCE_STEPS

#: The release's per-view prompts (encoded once by the SD 2.1 text encoder, then stored).
VIEW_PROMPT = "a rendering image of 3D models, {view} view, color map."

#: The hub id of the base model of the ``paper`` preset (never downloaded: local cache only).
SD21_UNCLIP_HUB_ID = "stabilityai/stable-diffusion-2-1-unclip"

PredictionType = Literal["epsilon", "v_prediction", "sample"]
AttentionMode = Literal["sparse", "dense"]


@dataclass
class TinyArchitecture:
    """Sizes of the components the ``tiny`` preset builds from scratch (ignored by ``paper``)."""

    unet_block_out_channels: tuple[int, ...] = (32, 64, 128)
    unet_layers_per_block: int = 1
    # Transformer blocks in each attention layer; a model grown from a shallower one
    # (``train mvdiff --init``) starts its new blocks as identity maps.
    unet_transformer_layers_per_block: int = 1
    unet_attention_head_dim: int = 8
    unet_norm_num_groups: int = 16
    cross_attention_dim: int = 64
    view_embedding_tokens: int = 4
    vae_block_out_channels: tuple[int, ...] = (16, 32, 64)
    vae_latent_channels: int = 4
    vae_norm_num_groups: int = 8
    clip_hidden_size: int = 64
    clip_intermediate_size: int = 128
    clip_num_layers: int = 2
    clip_num_heads: int = 4
    clip_image_size: int = 64
    clip_patch_size: int = 8
    clip_projection_dim: int = 64


@dataclass
class ModelConfig:
    """What the Stage I pipeline is built from.

    ``base``: for ``paper``, a local diffusers folder or hub id of SD 2.1-unCLIP (to start
    fine-tuning) or of a FaceLift / release pipeline folder; ``None`` builds the tiny
    components from ``tiny`` with random weights.

    ``uncond_label``: the classifier-free guidance label (``facelift.mvdiff.pipeline``'s
    docstring). ``None``: a ``base`` folder, or the pipeline a run starts from (``train mvdiff
    --init``), keeps the label it was trained with, and a new model gets ``"zeros"`` as the
    release trains; set, it replaces theirs.
    """

    base: Optional[str] = None
    image_size: int = 64
    num_views: int = 6
    attention: AttentionMode = "sparse"
    uncond_label: Optional[Literal["zeros", "zero_clip"]] = None
    prediction_type: PredictionType = "sample"
    num_train_timesteps: int = 1000
    beta_schedule: str = "scaled_linear"
    beta_start: float = 0.00085
    beta_end: float = 0.012
    tiny: TinyArchitecture = field(default_factory=TinyArchitecture)


@dataclass
class SampleConfig:
    """Inference defaults (SPEC §2.2; :mod:`facelift.defaults`: DDIM 50 steps, eta 1.0, guidance 3.0)."""

    num_inference_steps: int = NUM_INFERENCE_STEPS
    guidance_scale: float = GUIDANCE_SCALE
    eta: float = DDIM_ETA


@dataclass
class TrainConfig:
    """Training settings (suppl. C.2 for ``paper``).

    Condition dropout: each sample draws one of four cases, CLIP embedding dropped
    (``drop_clip``), both dropped (``drop_both``), input latents dropped
    (``drop_latents``), or nothing, so the sampler's unconditional branch (both zeroed) and
    the partial cases are all seen in training.
    """

    batch_size: int = 2
    gradient_accumulation_steps: int = 1
    max_steps: int = 6000
    lr: float = 1e-4
    lr_warmup_steps: int = 100
    # The UNet stage's learning rate after warm-up: 1 keeps it constant (the bundled cycles'
    # recipe, so raising max_steps simply trains on); below 1 it follows a cosine from lr down
    # to lr_min_ratio * lr at max_steps (a last, annealed cycle).
    lr_min_ratio: float = 1.0
    adam_beta1: float = 0.9
    adam_beta2: float = 0.999
    weight_decay: float = 1e-2
    max_grad_norm: float = 1.0
    snr_gamma: float = 5.0  # min-SNR-γ loss weighting; 0 turns it off (uniform weights)
    ema_decay: float = 0.999
    ema_start_step: int = 0
    drop_clip: float = 0.05
    drop_both: float = 0.05
    drop_latents: float = 0.05
    mixed_precision: Literal["no", "fp16", "bf16"] = "no"
    gradient_checkpointing: bool = False
    train_image_encoder: bool = True
    train_view_embeddings: bool = True
    backgrounds: Literal["random", "white"] = "random"
    # Share of the inputs cut out of a random scene with an imperfect matte, as a real photo's
    # background removal leaves them (facelift.data.matting); the targets stay exact.
    matte_share: float = 0.0
    # Share of subjects replaced by their mirror image (every view flipped left to right, the
    # left and right views swapped): twice the heads from the same identities.
    mirror_share: float = 0.0
    checkpoint_every: int = 250
    keep_checkpoints: int = 2
    validate_every: int = 500
    validation_steps: int = 25
    log_every: int = 10
    num_workers: int = 0
    seed: int = 0
    # The tiny VAE's own stage (``--stage vae``): reconstruction L1 + MSE + small KL, on
    # ``vae_batch_images`` views drawn from the batch's heads per step.
    vae_max_steps: int = 1200
    vae_batch_images: int = 4
    vae_lr: float = 2e-4
    vae_kl_weight: float = 1e-6
    # Decoder fine-tuning of a trained pipeline (``--stage decoder``, facelift.train.mvdiff_decoder):
    # the encoder frozen, ``decoder_batch_images`` white-background views per step, their
    # latents jittered by up to ``decoder_jitter`` of their std, or (share
    # ``decoder_unet_share``) the UNet's x0 estimate from a timestep below ``decoder_unet_max_t``.
    # Defaults: the bundled tiny decoder's recipe (weights/tiny/mvdiff/TRAINING.md).
    decoder_max_steps: int = 5000
    decoder_batch_images: int = 16
    decoder_lr: float = 2e-4
    decoder_jitter: float = 0.1
    decoder_unet_share: float = 0.5
    decoder_unet_max_t: int = 300


@dataclass
class MVDiffConfig:
    model: ModelConfig = field(default_factory=ModelConfig)
    sample: SampleConfig = field(default_factory=SampleConfig)
    train: TrainConfig = field(default_factory=TrainConfig)


MVDIFF_PRESETS = PresetRegistry("mvdiff")


@MVDIFF_PRESETS.register("tiny")
def tiny_preset() -> MVDiffConfig:
    # From scratch, a 3 M-parameter UNet tolerates (and needs) a higher LR than fine-tuning SD.
    # Two heads (12 views) per step run at ~2.7 steps/s on one idle CPU core, so the whole
    # recipe (VAE, then UNet) takes about 1.5 hours; this is what the bundled model ran.
    # snr_gamma=0: plain x0 MSE, as in the probe. Min-SNR-γ in x0 space weighs a step by
    # min(SNR, γ), i.e. by ~SNR ≈ 0.005 at the noisiest steps, which are the ones that
    # decide the unseen views' shape.
    return MVDiffConfig(train=TrainConfig(lr=2e-4, batch_size=2, max_steps=12000, snr_gamma=0.0,
                                          validate_every=1000, vae_max_steps=3000))


@MVDIFF_PRESETS.register("paper")
def paper_preset() -> MVDiffConfig:
    return MVDiffConfig(
        model=ModelConfig(
            base=SD21_UNCLIP_HUB_ID,
            image_size=512,
            prediction_type="v_prediction",
        ),
        train=TrainConfig(
            batch_size=8,
            max_steps=20000,
            lr_warmup_steps=10,
            ema_decay=0.9999,
            mixed_precision="fp16",
            gradient_checkpointing=True,
            train_image_encoder=False,
            train_view_embeddings=False,
            checkpoint_every=5000,
            keep_checkpoints=20,
            validate_every=1000,
            validation_steps=50,
            log_every=50,
        ),
    )
