"""Benchmark facelift.render.rasterize on random head-like scenes.

Scenes: N Gaussians on and just under an ellipsoidal "head" surface (about the size and
place of a FaceLift head, so the frontal 50° camera at radius 2.7 sees it fill most of
the frame), with scales like GS-LRM's output (about a pixel at 512²) and random opacities.

For each (N, size): forward and forward + backward wall time (best of --repeats) with
the process CPU time of all threads in brackets (a steadier number on a shared machine),
peak extra memory (resident set size sampled every 2 ms, minus the size before the call)
and Gaussian-pixel evaluations per second, for the CPU backend and for the dense
pure-PyTorch reference of the tests (every Gaussian against every pixel, float32, in
pixel chunks). The dense cost is exactly proportional to N·H·W, so for big entries it is
timed on the first pixels only and scaled up (marked ≈). "Evaluations" are Σ over visible
Gaussians of their alpha >= 1/255 box area for the tiled backend and N·H·W for the dense
one, divided by the forward time. gsplat's pure-PyTorch reference is not included: gsplat
is a CUDA-only optional extra here.

    python benchmarks/bench_render.py                    # the full table (~10 minutes)
    python benchmarks/bench_render.py --counts 10000 100000 --sizes 256 --repeats 3
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import sys
import threading
import time
from pathlib import Path

import numba
import numpy as np
import torch

from facelift.cameras import orbit_camera
from facelift.gaussians import Gaussians
from facelift.render import _kernels as K
from facelift.render import rasterize

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from reference_rasterizer import reference_rasterize  # noqa: E402

#: Gaussian-pixel pairs per chunk of the dense reference (a few (N, P) float32 tensors
#: of this size plus autograd buffers: about 1 GB).
DENSE_CHUNK = 2**24


def head_scene(n: int, seed: int = 0) -> Gaussians:
    """N Gaussians in a head-sized shell: an ellipsoid 0.75 x 0.85 x 1.0 (x, y, z)."""
    gen = torch.Generator().manual_seed(seed)
    direction = torch.randn(n, 3, generator=gen)
    direction = direction / direction.norm(dim=1, keepdim=True)
    depth = 1.0 - 0.15 * torch.rand(n, 1, generator=gen)  # mostly near the surface
    means = direction * depth * torch.tensor([0.75, 0.85, 1.0])
    # Scale so the covered area stays similar across N (denser sets -> smaller splats),
    # about 1 px at 512² for 1.5 M as in GS-LRM's per-pixel Gaussians.
    base = 0.006 * math.sqrt(1.5e6 / n)
    scales = base * torch.exp(0.4 * torch.randn(n, 3, generator=gen))
    return Gaussians(
        means=means,
        scales=scales,
        rotations=torch.randn(n, 4, generator=gen),
        opacities=torch.sigmoid(torch.randn(n, generator=gen) * 1.5 + 0.5),
        colors=torch.rand(n, 3, generator=gen),
    )


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakMemory:
    """Peak resident set size above the starting point while the block runs (bytes)."""

    def __enter__(self):
        gc.collect()
        self.start = self.peak = _rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss())
            time.sleep(0.002)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())
        self.extra = self.peak - self.start


def _timed(fn, repeats: int) -> tuple[float, float, int]:
    """Best wall time and best process CPU time (all threads) of ``repeats`` runs, and the
    peak extra memory of the first."""
    times, cpu = [], []
    extra = 0
    for i in range(repeats):
        with PeakMemory() as mem:
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        if i == 0:
            extra = mem.extra
    return min(times), min(cpu), extra


def bench_cpu(g: Gaussians, cam, repeats: int) -> dict:
    n = len(g)
    arrays = [getattr(g, k).numpy() for k in ("means", "scales", "rotations", "opacities", "colors")]
    intr = np.array([cam.K[0, 0], cam.K[1, 1], cam.K[0, 2], cam.K[1, 2]], np.float32)
    packed = np.empty((n, K.PACKED), np.float32)
    n_tiles = np.empty(n, np.int64)
    K.project(*arrays, cam.w2c.numpy().astype(np.float32), intr, cam.width, cam.height, packed, n_tiles)
    b = packed[n_tiles > 0][:, K.P_X0:K.P_Y1 + 1].astype(np.int64)
    evals = int(((b[:, 2] - b[:, 0] + 1) * (b[:, 3] - b[:, 1] + 1)).sum())
    pairs = int(n_tiles.sum())

    def fwd():
        with torch.no_grad():
            rasterize(g, cam, backend="cpu")

    leaves = Gaussians(**{k: getattr(g, k).clone().requires_grad_(True)
                          for k in ("means", "scales", "rotations", "opacities", "colors")})

    def fwd_bwd():
        out = rasterize(leaves, cam, backend="cpu")
        (out.rgb.sum() + out.alpha.sum() + out.depth.sum()).backward()

    t_f, c_f, m_f = _timed(fwd, repeats)
    t_fb, c_fb, m_fb = _timed(fwd_bwd, repeats)
    return {"fwd": t_f, "fwd_cpu": c_f, "fwd_bwd": t_fb, "fwd_bwd_cpu": c_fb, "mem": max(m_f, m_fb),
            "evals": evals / t_f, "visible": len(b), "pairs": pairs}


def bench_dense(g: Gaussians, cam, repeats: int, max_pairs: float) -> dict:
    """The tests' dense reference in float32, in pixel chunks of about 2^24 Gaussian-pixel pairs.

    Its cost is exactly proportional to N·H·W whatever the scene, so beyond ``max_pairs``
    it renders only the first chunks (``max_pairs`` pairs' worth of pixels) and scales
    the times up; the result says which fraction it measured.
    """
    n, pixels = len(g), cam.width * cam.height
    w2c, K_ = cam.w2c, cam.K
    bg = torch.ones(3)
    chunk = max(1, DENSE_CHUNK // n)
    ranges = [(p, min(p + chunk, pixels)) for p in range(0, pixels, chunk)]
    done = 0
    kept = []
    for r in ranges:
        if kept and (done + r[1] - r[0]) * n > max_pairs:
            break
        kept.append(r)
        done += r[1] - r[0]
    fraction = done / pixels

    def fwd():
        with torch.no_grad():
            for r in kept:
                reference_rasterize(g.means, g.scales, g.rotations, g.opacities, g.colors, w2c, K_,
                                    cam.width, cam.height, bg, pixels=r)

    leaves = [getattr(g, k).clone().requires_grad_(True)
              for k in ("means", "scales", "rotations", "opacities", "colors")]

    def fwd_bwd():
        # Pixels are independent given the Gaussians, so per-chunk backward passes
        # accumulate the same gradients as one pass over the whole image.
        for r in kept:
            rgb, alpha, depth = reference_rasterize(*leaves, w2c, K_, cam.width, cam.height, bg, pixels=r)
            (rgb.sum() + alpha.sum() + depth.sum()).backward()

    t_f, c_f, m_f = _timed(fwd, 1 if fraction < 1 else repeats)
    t_fb, c_fb, m_fb = _timed(fwd_bwd, 1)
    return {"fwd": t_f / fraction, "fwd_cpu": c_f / fraction, "fwd_bwd": t_fb / fraction,
            "fwd_bwd_cpu": c_fb / fraction, "mem": max(m_f, m_fb), "evals": n * done / t_f, "fraction": fraction}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[10_000, 100_000, 1_500_000])
    parser.add_argument("--sizes", type=int, nargs="+", default=[256, 512])
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per entry; the best is reported")
    parser.add_argument("--dense-max", type=float, default=3e7,
                        help="Gaussian-pixel pairs the dense reference evaluates per entry before it "
                             "extrapolates (0: skip the dense reference)")
    args = parser.parse_args(argv)

    torch.set_num_threads(numba.config.NUMBA_NUM_THREADS)
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores visible, "
          f"numba threads {numba.config.NUMBA_NUM_THREADS}, torch threads {torch.get_num_threads()}, "
          f"torch {torch.__version__}, numba {numba.__version__}")
    # Compile (or load the kernel cache) outside the timings.
    warm = head_scene(1000)
    rasterize(Gaussians(**{k: getattr(warm, k).clone().requires_grad_(True)
                           for k in ("means", "scales", "rotations", "opacities", "colors")}),
              orbit_camera(0.0, size=32)).rgb.sum().backward()

    print("| N | size | backend | visible | (Gaussian, tile) pairs | forward s (CPU s) | fwd+bwd s (CPU s) "
          "| peak extra MB | Gauss-px evals/s | dense / cpu (fwd) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in args.counts:
        g = head_scene(n)
        for size in args.sizes:
            cam = orbit_camera(0.0, size=size)
            r = bench_cpu(g, cam, args.repeats)
            print(f"| {n:,} | {size}² | cpu (numba) | {r['visible']:,} | {r['pairs']:,} "
                  f"| {r['fwd']:.3f} ({r['fwd_cpu']:.3f}) | {r['fwd_bwd']:.3f} ({r['fwd_bwd_cpu']:.3f}) "
                  f"| {r['mem'] / 2**20:.0f} | {r['evals']:.2e} | |", flush=True)
            if args.dense_max > 0:
                d = bench_dense(g, cam, args.repeats, args.dense_max)
                approx = "" if d["fraction"] >= 1 else "≈"
                note = "" if d["fraction"] >= 1 else f" (timed on {100 * d['fraction']:.2g}% of the pixels)"
                print(f"| {n:,} | {size}² | dense torch{note} | {n:,} | | {approx}{d['fwd']:.3g} ({d['fwd_cpu']:.3g}) "
                      f"| {approx}{d['fwd_bwd']:.3g} ({d['fwd_bwd_cpu']:.3g}) | {d['mem'] / 2**20:.0f} "
                      f"| {d['evals']:.2e} | {d['fwd'] / r['fwd']:.0f}× |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
