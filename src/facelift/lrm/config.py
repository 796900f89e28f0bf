"""Configs and presets of the Stage II reconstructor (GS-LRM) and of its training.

Presets (``facelift train lrm --preset NAME``, ``LRM_PRESETS.get_preset(NAME)``):

* ``paper``: the public release's architecture, 512², width 1024, 24 layers, 16 heads of 64,
  ≈0.3 B parameters; its converted weights load with identical shapes (SPEC §2.3). Trains with
  L2 + 0.5 VGG19 perceptual, 4 input + 4 supervision views, AdamW(0.9, 0.95), wd 0.05, bf16.
* ``tiny``: the same transformer at 64², width 256, 4 layers (4 heads of 64); trains on a 2-core
  CPU. The VGG19 weights cannot be downloaded here and the network would dominate a CPU step,
  so its loss is L2 + 0.5·(1 − SSIM) + an alpha-mask MSE instead, and it says so in ``loss``;
  its initial Gaussians are smaller and fainter, and its colours are offsets from the input
  pixels' (``color_residual``; see :func:`tiny`).

Anything in between is a preset plus ``key=value`` overrides (``model.layers=8``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from facelift.config import PresetRegistry
from facelift.defaults import OptimConfig


@dataclass
class LRMConfig:
    """The reconstructor's architecture and output activations (SPEC §2.3).

    Attributes:
        image_size: training / default inference resolution (any multiple of ``patch_size``
            works at inference).
        patch_size: square patch side; tokens are ``patch_size``² pixels × 9 channels.
        width: transformer width; ``width // head_dim`` heads.
        layers: number of pre-LN transformer blocks.
        head_dim: attention head dimension (64 in the release).
        mlp_ratio: MLP hidden width / ``width``.
        num_free_gaussians: learned tokens decoded to Gaussians not tied to a pixel (2).
        depth_range: pixel ray distance t = (2σ(x̄) − 1)·depth_range + (−o·d).
        scale_bias, max_log_scale: log-scale = min(raw + scale_bias, max_log_scale).
        min_log_scale: a floor the release does not have, far below any trained value, so that
            extreme raw outputs cannot underflow to scale 0 (log 0 = −inf in a PLY).
        opacity_bias: opacity = σ(raw + opacity_bias).
        clip_xyz: clamp pixel Gaussian centres to [−1, 1]³ in training mode only. Off, as the
            release runs: its configs set ``clip_xyz: true`` but gate the clamp on
            ``not config.inference``, and every config it ships has an ``inference:`` section,
            so the clamp never acts (``gslrm/model/gslrm.py``). The clamp also stops the depth
            gradient; subjects reaching out of the box inside the views (our procedural heads'
            shoulders and chest do) then lie flat on its walls.
        norm_eps: LayerNorm epsilon.
        grad_checkpoint: recompute each block in the backward pass (saves activation memory).
        color_residual: a pixel Gaussian's colour is its input pixel's colour + SH-DC·C0 instead
            of SH-DC·C0 + 0.5. Not in the release (off for ``paper``); a small model then spends
            no capacity carrying 64 pixels' colours through a narrow token.
    """

    image_size: int = 512
    patch_size: int = 8
    width: int = 1024
    layers: int = 24
    head_dim: int = 64
    mlp_ratio: int = 4
    num_free_gaussians: int = 2
    depth_range: float = 1.8
    scale_bias: float = -2.3
    max_log_scale: float = -1.2
    min_log_scale: float = -20.0
    opacity_bias: float = -2.0
    clip_xyz: bool = False
    norm_eps: float = 1e-5
    grad_checkpoint: bool = False
    color_residual: bool = False

    @property
    def heads(self) -> int:
        return self.width // self.head_dim


@dataclass
class LossConfig:
    """Image loss = l2·MSE + perceptual·VGG19 + ssim·(1 − SSIM) (+ mask·MSE of alpha), renders in [0, 1].

    ``vgg_weights``: a local safetensors file with the VGG19 weights (``conv1.weight`` …
    ``conv16.bias``; ``facelift convert-official --vgg-out`` extracts them from the release).
    Empty: ``$FACELIFT_VGG19`` or ``~/.cache/facelift/vgg19.safetensors`` when present. Nothing
    is downloaded: a perceptual weight > 0 without weights is a clear error.
    """

    l2: float = 1.0
    perceptual: float = 0.5
    ssim: float = 0.0
    #: weight of MSE(rendered alpha, ground-truth alpha): not in the release's recipe (0 for
    #: ``paper``); short CPU runs need it, or background pixels' Gaussians learn to be white
    #: fog in front of the head instead of transparent (a local minimum seen in practice)
    mask: float = 0.0
    vgg_weights: str = ""


@dataclass
class ExportConfig:
    """Pruning before export, with the public release's defaults (its demo's filter switches).

    * ``min_opacity``: keep opacity > 0.04.
    * ``max_scale``: drop Gaussians whose largest axis exceeds 0.2 — only in the lower half
      (z ≤ 0), as the release does: large splats there are floaters below the neck, while hair
      at the top legitimately uses big ones. ``None`` disables.
    * ``floater``: drop centres beyond ±0.75 in both x and y (the box corners) with z < −0.75.
    * ``box``: keep centres inside [box_xy]² × [box_z_min, box_z_max].
    * ``input_low_pass``: not a filter of the release (off by default, as it runs): fold this
      many px² of each input view's low-pass into its pixel Gaussians' 3D scales, so that a
      model keeps its input-resolution footprint when rendered finer
      (:mod:`facelift.lrm.footprint`); the bundled 64² model sets 0.3.
    """

    min_opacity: float = 0.04
    max_scale: float | None = 0.2
    floater: float | None = 0.75
    box_xy: float | None = 0.91
    box_z_min: float = -1.0
    box_z_max: float = 1.0
    input_low_pass: float | None = None


@dataclass
class LRMTrainConfig:
    """Everything a ``facelift train lrm`` run needs; saved as ``RUN/config.json``."""

    model: LRMConfig = field(default_factory=LRMConfig)
    optim: OptimConfig = field(default_factory=lambda: OptimConfig(lr=1e-4, warmup_steps=500))
    loss: LossConfig = field(default_factory=LossConfig)
    steps: int = 20_000
    batch_size: int = 2
    num_input_views: int = 4
    num_target_views: int = 4
    #: allow supervision views to repeat the input views (the release: target_has_input)
    target_has_input: bool = True
    #: where inputs come from: any view, the fixed Stage I rig, or the random views
    input_views: Literal["any", "fixed", "random"] = "any"
    #: when > 0, each step draws its number of inputs in [min_input_views, num_input_views]
    #: (a model for users' own views: 2-6 of them), the same for every sample of the step
    min_input_views: int = 0
    #: this share of steps takes the whole fixed rig as inputs whatever ``input_views`` says
    #: (keeps a model trained on other views good at what the pipeline feeds it)
    fixed_input_share: float = 0.0
    split: str = "train"
    val_split: str = "val"
    background: tuple[float, float, float] = (1.0, 1.0, 1.0)
    seed: int = 0
    mixed_precision: Literal["auto", "no", "bf16", "fp16"] = "auto"
    log_every: int = 10
    val_every: int = 500
    #: validate on this many subjects of the val split (their mean is logged): one subject's
    #: score moved 2.7 dB away from the test split's in a run (lrm/TRAINING.md, 4×4 patches)
    val_subjects: int = 8
    ckpt_every: int = 1000
    keep_last: int = 3
    num_workers: int = 0


LRM_PRESETS = PresetRegistry("lrm")


@LRM_PRESETS.register("paper")
def paper() -> LRMTrainConfig:
    return LRMTrainConfig(
        model=LRMConfig(image_size=512, width=1024, layers=24, head_dim=64, grad_checkpoint=True),
        # The release's head fine-tuning: lr 1e-4, 500 warm-up steps, 20k steps.
        optim=OptimConfig(lr=1e-4, warmup_steps=500),
        loss=LossConfig(l2=1.0, perceptual=0.5, ssim=0.0),
        steps=20_000,
        batch_size=2,
    )


@LRM_PRESETS.register("tiny")
def tiny() -> LRMTrainConfig:
    """What the bundled tiny model was trained with (one CPU process, one thread).

    Deliberate departures from the release, for 64² on a CPU budget and our procedural data:

    * ``scale_bias`` −3.5 and ``opacity_bias`` −4.5 (release: −2.3, −2.0). The release's constants
      suit 512², where its initial Gaussians (σ ≈ 0.1) are a few pixels wide; at 64² a pixel is
      8× larger relative to them, every pixel starts under hundreds of semi-transparent
      Gaussians, and short runs settle in a "white fog" minimum (background Gaussians turn white
      instead of transparent). Smaller, fainter initial Gaussians avoid it.
    * an alpha-mask loss (``loss.mask``) and SSIM instead of the VGG19 term (see module doc).
    * ``color_residual``: pixel Gaussians' colours are offsets from their input pixels'. At width
      256 a token must squeeze 8×8 pixels × 9 channels through 256 numbers, and the 4-layer
      model could not even re-render its own input views (23 dB); with the offset the same
      model reached +0.56 dB masked PSNR on held-out subjects (lrm/TRAINING.md).
    * ``clip_xyz`` off (as everywhere now; the tiny model's earlier cycles trained with it on):
      the procedural bodies reach below z = −1 inside the views; clamped, those Gaussians lay
      flat on the box's floor with no depth gradient, and the chest and shoulders faded. Unclamped, 6000 more steps took held-out masked PSNR from
      22.83 to 27.90 dB (lrm/TRAINING.md).
    """
    return LRMTrainConfig(
        model=LRMConfig(image_size=64, width=256, layers=4, head_dim=64, scale_bias=-3.5, opacity_bias=-4.5,
                        color_residual=True, clip_xyz=False),
        optim=OptimConfig(lr=8e-4, warmup_steps=100),  # betas, decay: the GS-LRM recipe's
        # No VGG19 on a 2-core CPU (and no download): SSIM stands in for the perceptual term.
        loss=LossConfig(l2=1.0, perceptual=0.0, ssim=0.5, mask=1.0),
        steps=2400,
        batch_size=1,
        # The bundled model serves the pipeline, which feeds it the 6 Stage I views: train on
        # exactly that rig (supervised by the random views too), not on 4 random views.
        num_input_views=6,
        input_views="fixed",
        num_target_views=4,
        log_every=20,
        val_every=300,
        ckpt_every=100,
    )
