"""What ``facelift reconstruct --format`` costs: one reconstruction, then its result folder written
ply-only and with every format, alternating, in one process (so Stage I's run-to-run time does
not hide the difference), then each format's writer alone.

    python benchmarks/bench_formats.py [PHOTO]   (default: examples/astronaut.jpg, bundled tiny weights)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from facelift.formats.write import FORMATS, write_head
from facelift.outputs import TurntableSpec
from facelift.pipeline import FaceLiftPipeline

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    photo = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "astronaut.jpg"
    pipe = FaceLiftPipeline.from_pretrained("tiny")
    pipe.require_stage1()
    start = time.perf_counter()
    out = pipe(photo)
    print(f"reconstruct {photo.name}: {time.perf_counter() - start:.1f} s, {len(out.gaussians)} Gaussians")
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(2):
            for formats in ("ply", ",".join(FORMATS)):
                start = time.perf_counter()
                out.save(Path(tmp) / f"{run}_{len(formats)}", turntable=TurntableSpec(), format=formats,
                         progress=False)
                print(f"save --format {formats}: {time.perf_counter() - start:.1f} s", flush=True)
        for name in FORMATS:
            start = time.perf_counter()
            written = write_head(out.gaussians, Path(tmp) / f"head.{name}")
            print(f"write {name}: {time.perf_counter() - start:.2f} s  {written.describe()}")


if __name__ == "__main__":
    main()
