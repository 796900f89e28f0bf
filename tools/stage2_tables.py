"""Measure a Stage II model on the tables of lrm/TRAINING.md and the README (masked PSNR).

    python tools/stage2_tables.py WEIGHTS OUT --data runs/lrm_data --area runs/lrm_data_ss4 \
        --unseen runs/held256 [--views-fit 60] [--compare OTHER_OUT]

Runs `facelift eval lrm` once per cell (each report kept as OUT/<cell>.json, so a stopped run
resumes) and writes OUT/tables.md: the test split's native and area-sampled renders at the
model's size, the unseen heads at 64/128/256 (footprint on above 64, as the bundled weights
export), and with --views-fit the same after views-fit. The datasets are the ones
lrm/TRAINING.md names; --compare puts another run's numbers beside each cell.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

#: The fixed-rig input sets of the tables: indices 0 front, 1/5 at 45°, 2/4 sides, 3 back.
INPUT_SETS = {"6": "0,1,2,3,4,5", "4": "0,2,3,4", "3": "0,2,4", "2": "0,3"}
SIZES = (64, 128, 256)
LOW_PASS = 0.3  # the bundled weights' export "input_low_pass"


def _cells(args: argparse.Namespace) -> dict[str, list[str]]:
    """Cell name -> extra `facelift eval lrm` arguments."""
    cells: dict[str, list[str]] = {}
    for n, views in INPUT_SETS.items():
        cells[f"test_native_{n}v"] = ["--data", args.data, "--input-views", views]
        if args.area:
            cells[f"test_area_{n}v"] = ["--data", args.area, "--input-views", views]
        if args.unseen:
            for size in SIZES:
                extra = ["--input-low-pass", str(LOW_PASS)] if size > 64 else []
                base = ["--data", args.unseen, "--split", "all", "--input-views", views, "--size", str(size)]
                cells[f"unseen_{size}_{n}v"] = base + extra
                if args.views_fit:
                    cells[f"fit_{size}_{n}v"] = base + extra + ["--views-fit", str(args.views_fit)]
    return cells


def _score(path: Path) -> float | None:
    if not path.exists():
        return None
    return json.loads(path.read_text())["model"]["psnr_masked"]


def _table(out: Path, compare: Path | None) -> str:
    def cell(name: str) -> str:
        value = _score(out / f"{name}.json")
        if value is None:
            return "–"
        text = f"{value:.2f}"
        if compare is not None and (other := _score(compare / f"{name}.json")) is not None:
            text += f" ({other:.2f}, {value - other:+.2f})"
        return text

    rows = ["| input views | test native | test area | unseen 64² | unseen 128² | unseen 256² |"
            " fit 64² | fit 128² | fit 256² |", "|" + "---|" * 9]
    for n in INPUT_SETS:
        names = [f"test_native_{n}v", f"test_area_{n}v"] + [f"unseen_{s}_{n}v" for s in SIZES]
        names += [f"fit_{s}_{n}v" for s in SIZES]
        rows.append(f"| {n} | " + " | ".join(cell(name) for name in names) + " |")
    return "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("weights")
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", required=True, help="native 64² dataset (test split)")
    parser.add_argument("--area", help="its area-sampled twin (test split)")
    parser.add_argument("--unseen", help="unseen heads at 256² (all of them)")
    parser.add_argument("--views-fit", type=int, default=0, help="also score views-fit with N steps")
    parser.add_argument("--compare", type=Path, help="another run's OUT, shown beside each cell")
    args = parser.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    facelift = str(Path(sys.executable).with_name("facelift"))
    for name, extra in _cells(args).items():
        report = args.out / f"{name}.json"
        if report.exists():
            continue
        cmd = [facelift, "eval", "lrm", "--weights", args.weights, *extra, "-o", str(report)]
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            last = done.stderr.strip().splitlines()[-1:] or ["no message"]
            sys.exit(f"{name}: facelift eval lrm failed: {last[0]}")
        print(f"{name}: {_score(report):.2f}", flush=True)
    (args.out / "tables.md").write_text(_table(args.out, args.compare))
    print(_table(args.out, args.compare))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
