"""The paper GS-LRM's self-attention on this CPU: how fast, in each precision, against the matmul peak.

    python benchmarks/bench_attention.py --size 256     # 6 views at 256²: 6 146 tokens, 16 heads of 64

At 512² the attention is 80% of the GS-LRM's FLOPs (benchmarks/README.md, paper scale on a
CPU), so its speed decides how close the GS-LRM gets to the machine's matmul peak. One
attention call of the paper shapes (6 views of (size/8)² patch tokens plus the 2 free
tokens, width 1024 as 16 heads of 64) in float32 and bfloat16, both through PyTorch's fused
``F.scaled_dot_product_attention`` (what the GS-LRM runs) and through a query-chunked
matmul + softmax + matmul (the alternative), side by side in one process, each the best of
``--repeats`` calls after a warm-up. FLOPs counted as 4·L²·d per head (the two matmuls); the
peak is a 2048² matmul in the same precision, measured in the same run. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import platform
import time

import torch
import torch.nn.functional as F

from bench_paper_cpu import matmul_gflops

HEADS, HEAD_DIM, VIEWS, PATCH, FREE_TOKENS = 16, 64, 6, 8, 2


def chunked_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, chunk: int = 1024) -> torch.Tensor:
    """Softmax attention over (B, H, L, d), ``chunk`` queries at a time (the scores of one chunk in memory)."""
    out = torch.empty_like(q)
    kt = k.transpose(-1, -2) * HEAD_DIM ** -0.5
    for i in range(0, q.shape[-2], chunk):
        out[..., i:i + chunk, :] = torch.softmax(q[..., i:i + chunk, :] @ kt, dim=-1) @ v
    return out


def best_time(fn, repeats: int) -> tuple[torch.Tensor, float]:
    out = fn()  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return out, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=256, help="input views' size (tokens: 6 × (size/8)² + 2)")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()

    tokens = VIEWS * (args.size // PATCH) ** 2 + FREE_TOKENS
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(1, HEADS, tokens, HEAD_DIM, generator=g) for _ in range(3))
    flops = 4 * tokens**2 * HEAD_DIM * HEADS
    peaks = {d: matmul_gflops(d) for d in ("float32", "bfloat16")}
    ref = None
    rows = []
    with torch.no_grad():
        for name, fn in (("fused SDPA", F.scaled_dot_product_attention), ("chunked matmul-softmax", chunked_attention)):
            for dtype_name in ("float32", "bfloat16"):
                dtype = getattr(torch, dtype_name)
                a, b, c = q.to(dtype), k.to(dtype), v.to(dtype)
                out, t = best_time(lambda: fn(a, b, c), args.repeats)
                out = out.float()
                ref = out if ref is None else ref
                err = float((out - ref).norm() / ref.norm())
                rows.append((name, dtype_name, t, flops / t / 1e9, err))
    peaks = {d: max(p, matmul_gflops(d)) for d, p in peaks.items()}  # the better of before and after

    print(f"{platform.processor() or platform.machine()}, {torch.get_num_threads()} threads, torch {torch.__version__}, "
          f"{tokens} tokens × {HEADS} heads of {HEAD_DIM} (6 views at {args.size}²); 2048² matmul: "
          f"float32 {peaks['float32']:.0f} GFLOP/s, bfloat16 {peaks['bfloat16']:.0f} GFLOP/s")
    print()
    print("| attention | precision | time | GFLOP/s | of the precision's matmul peak | relative error vs fp32 SDPA |")
    print("|---|---|---|---|---|---|")
    for name, dtype_name, t, gf, err in rows:
        print(f"| {name} | {dtype_name} | {t:.2f} s | {gf:.0f} | {100 * gf / peaks[dtype_name]:.0f}% | {100 * err:.2f}% |")


if __name__ == "__main__":
    main()
