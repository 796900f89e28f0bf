"""How Stage I's models run in bf16: the whole model cast, or only its matrices (what
``--dtype bfloat16`` does, :func:`facelift.precision.cast_matrices`), against fp32.

    python benchmarks/bench_unet_cast.py --size 256              # UNet: 6 views × CFG at 256² (32² latents)
    python benchmarks/bench_unet_cast.py --size 256 --model vae  # SD's VAE decoding 6 views at 256²

Random weights with the release's shapes: SD 2.1-unCLIP's UNet (8 input channels, the
project's multi-view attention), one call on the CFG batch (2 × 6 views); or SD's VAE decoder
on 6 latents. Timed as the best of two calls after a warm-up, all three variants side by side
in one process. Reports the time and the relative L2 error of each output against fp32's.
Prints a markdown table.
"""

from __future__ import annotations

import argparse
import copy
import platform
import time

import torch

from bench_mvdiff import paper_unet
from facelift.mvdiff.attention import install_multiview_attention
from facelift.precision import cast_matrices

NUM_VIEWS = 6


class _Decoder(torch.nn.Module):
    """The VAE's decode path as a module whose output has ``.sample`` (as the UNet's)."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, z):
        return self.vae.decode(z.to(self.vae.post_quant_conv.weight.dtype))


def timed_call(model, inputs: dict, repeats: int = 2) -> tuple[torch.Tensor, float]:
    with torch.no_grad():
        out = model(**inputs).sample  # warm-up
        best = float("inf")
        for _ in range(repeats):
            t = time.perf_counter()
            out = model(**inputs).sample
            best = min(best, time.perf_counter() - t)
    return out.float(), best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=256, help="image size (latents are size/8)")
    parser.add_argument("--model", choices=("unet", "vae"), default="unet")
    args = parser.parse_args()

    torch.manual_seed(0)
    g = torch.Generator().manual_seed(1)
    latent = args.size // 8
    if args.model == "unet":
        base = paper_unet()
        install_multiview_attention(base, NUM_VIEWS)
        n = 2 * NUM_VIEWS
        inputs = {"sample": torch.randn(n, 8, latent, latent, generator=g), "timestep": torch.tensor(500),
                  "encoder_hidden_states": torch.randn(n, 77, 1024, generator=g),
                  "class_labels": torch.randn(n, 2048, generator=g)}
        work = f"{NUM_VIEWS} views × CFG at {args.size}² ({latent}² latents), one UNet call"
    else:
        from diffusers import AutoencoderKL

        vae = AutoencoderKL(  # SD's VAE
            down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
            block_out_channels=(128, 256, 512, 512), layers_per_block=2, latent_channels=4, sample_size=args.size)
        base = _Decoder(vae)
        inputs = {"z": torch.randn(NUM_VIEWS, 4, latent, latent, generator=g)}
        work = f"VAE decode of {NUM_VIEWS} views at {args.size}²"
    base.eval()
    ref, t_fp32 = timed_call(base, inputs)
    rows = [("float32", t_fp32, 0.0)]

    whole = copy.deepcopy(base)
    torch.nn.Module.to(whole, torch.bfloat16)
    pred, t = timed_call(whole, {k: v.to(torch.bfloat16) if v.is_floating_point() else v for k, v in inputs.items()})
    rows.append(("bf16, whole model", t, float((pred - ref).norm() / ref.norm())))
    del whole

    mixed = cast_matrices(copy.deepcopy(base), torch.bfloat16)
    pred, t = timed_call(mixed, inputs)
    rows.append(("bf16, matrices only (--dtype bfloat16)", t, float((pred - ref).norm() / ref.norm())))

    print(f"{platform.processor() or platform.machine()}, {torch.get_num_threads()} threads, torch {torch.__version__}, "
          f"{work}")
    print()
    print(f"| {args.model.upper()} | time | × fp32 | relative error vs fp32 |")
    print("|---|---|---|---|")
    for name, t, err in rows:
        print(f"| {name} | {t:.2f} s | {t_fp32 / t:.2f}× | {err * 100:.2f}% |")


if __name__ == "__main__":
    main()
