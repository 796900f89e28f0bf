"""Photo-fit with and without the mirror completion of a turned face (facelift.refine.mirror).

    python benchmarks/bench_mirror.py PHOTO [PHOTO ...] [--repeats 2]

Each photo goes through preprocessing and Stages I and II once (bundled tiny weights); then
photo-fit (40 steps) runs with ``mirror_face`` off and on, alternating, ``--repeats`` times.
Prints per photo the face yaw, seconds per setting (median) and the Gaussians added.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import torch

from facelift.cameras import facelift_cameras
from facelift.lrm.footprint import narrow_from_input_footprint
from facelift.mvdiff.pipeline import to_image_batch
from facelift.pipeline import FaceLiftPipeline
from facelift.refine import RefineConfig, refine_head
from facelift.refine.face_prior import face_yaw


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("photos", nargs="+")
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    pipe = FaceLiftPipeline.from_pretrained("tiny")
    size = pipe.lrm.config.image_size
    print("| photo | face yaw | photo-fit, mirror off (s) | photo-fit, mirror on (s) | Gaussians added |")
    print("|---|---|---|---|---|")
    for path in args.photos:
        pre = pipe.preprocess(path)
        out = pipe.from_preprocessed(pre, refine="off")
        head = narrow_from_input_footprint(out.gaussians, facelift_cameras(size), pipe.export.input_low_pass or 0.0)
        views = to_image_batch(out.views[1:], out.views[1].width).float()
        cams = facelift_cameras(views.shape[-1])[1:]
        photo = np.asarray(pre.image.convert("RGB"))
        times: dict[bool, list[float]] = {False: [], True: []}
        counts = {}
        for _ in range(args.repeats):
            for mirror in (False, True):
                t = time.perf_counter()
                r = refine_head(head, photo, pre.mask, pre.landmarks, views, cams,
                                RefineConfig(iterations=40, mirror_face=mirror), progress=False)
                times[mirror].append(time.perf_counter() - t)
                counts[mirror] = len(r.gaussians)
        yaw = "–" if pre.landmarks is None else f"{face_yaw(pre.landmarks):+.0f}°"
        print(f"| {path.rsplit('/', 1)[-1]} | {yaw} | {statistics.median(times[False]):.1f} | "
              f"{statistics.median(times[True]):.1f} | {counts[True] - counts[False]:,} |", flush=True)


if __name__ == "__main__":
    torch.set_grad_enabled(True)
    main()
