"""Preprocessing speed: model start-up, framing a photo at several sizes, landmark alignment.

Run: python benchmarks/bench_preprocess.py  (prints a markdown table)
"""

from __future__ import annotations

import platform
import statistics
import time
from pathlib import Path

import numpy as np
from PIL import Image

from facelift.preprocess import CropTransform, preprocess_image, warp
from facelift.preprocess.align import align_to_target

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    photo = Image.open(EXAMPLE).convert("RGB")
    start = time.perf_counter()
    first = preprocess_image(photo)
    rows = [("first call (loads 4 mediapipe graphs), 512² photo", time.perf_counter() - start)]
    for w, h in ((512, 512), (1920, 1080), (4000, 3000)):
        scaled = np.asarray(photo.resize((w, w), Image.Resampling.BICUBIC))
        canvas = np.full((h, w, 3), 200, np.uint8)
        side = min(w, h)
        canvas[:side, :side] = scaled[:side, :side]
        rows.append((f"preprocess_image, {w}x{h} photo", timed(lambda: preprocess_image(canvas))))
        rows.append((f"preprocess_image, {w}x{h}, keep background", timed(
            lambda: preprocess_image(canvas, remove_background=False))))
    target = np.asarray(first.image)
    render = warp(target, CropTransform(0.9, 20.0, -10.0), 512, fill=255)
    rows.append(("align_to_target, 512² render + target", timed(lambda: align_to_target(render, target))))
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}\n")
    print("| step | seconds (median of 5) |\n|---|---|")
    for name, sec in rows:
        print(f"| {name} | {sec:.3f} |")


if __name__ == "__main__":
    main()
