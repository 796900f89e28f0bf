"""Throughput of the evaluation metrics on CPU (and CUDA for the torch ones when available).

Times each metric on a batch of 512×512 image pairs (a FaceLift view's size) and prints a
markdown table: milliseconds per image pair. LPIPS runs with random weights of the real
architecture (the reference weights are not downloadable here; speed does not depend on them).

    python benchmarks/bench_eval.py [--batch 6] [--size 512] [--repeats 3]
"""

from __future__ import annotations

import argparse
import platform
import time

import torch


def _time(fn, repeats: int) -> float:
    fn()  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    from facelift.eval import metrics as M
    from facelift.eval.perceptual import LPIPS

    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=6)
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    g = torch.Generator().manual_seed(0)
    a = torch.rand(args.batch, args.size, args.size, 3, generator=g)
    b = (a + 0.1 * torch.randn(a.shape, generator=g)).clamp(0, 1)
    mask = (torch.rand(args.batch, args.size, args.size, generator=g) > 0.3).float()
    lp = LPIPS()
    rows = [
        ("PSNR", lambda: M.psnr(a, b)),
        ("SSIM (11×11 Gaussian)", lambda: M.ssim(a, b)),
        ("masked PSNR + masked SSIM", lambda: (M.masked_psnr(a, b, mask), M.masked_ssim(a, b, mask))),
        ("silhouette IoU", lambda: M.silhouette_iou(mask, mask.flip(-1))),
        ("LPIPS-AlexNet", lambda: lp(a, b)),
    ]
    try:
        from facelift.eval.identity import DlibIdentity

        from skimage import data

        face = torch.from_numpy(data.astronaut() / 255.0).float()
        face = torch.nn.functional.interpolate(face.permute(2, 0, 1)[None], size=(args.size, args.size))[0].permute(1, 2, 0)
        faces = face.expand(args.batch, -1, -1, -1)
        dl = DlibIdentity()
        rows.append(("dlib-id (HOG detect + ResNet, per pair)", lambda: dl(faces, faces)))
    except Exception as e:  # optional extra not installed
        print(f"(dlib-id skipped: {e})")
    print(f"{args.batch} pairs of {args.size}×{args.size}, best of {args.repeats}; torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads, {platform.processor() or platform.machine()}")
    print()
    print("| metric | CPU ms / pair |")
    print("|---|---|")
    for name, fn in rows:
        print(f"| {name} | {1000 * _time(fn, args.repeats) / args.batch:.1f} |")


if __name__ == "__main__":
    main()
