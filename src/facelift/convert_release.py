"""Turn the authors' public release (OpenFaceLift) into a facelift weights folder.

The release's download holds the Stage I diffusers folder ``mvdiffusion/pipeckpts`` and
GS-LRM training checkpoints ``gslrm/ckpt_*.pt``. We load the diffusers folder with our
pipeline class (safetensors only), store it back with the per-view prompt embeddings
precomputed, and convert the newest GS-LRM checkpoint (loaded weights-only) to
safetensors, so ``--weights OUT`` needs no pickle and no text encoder at run time.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from facelift.atomic import atomic_dir
from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

LICENSE_NOTICE = (
    "The FaceLift release weights (OpenFaceLift) are distributed by their authors under a non-commercial "
    "licence: you may use the converted weights only under the terms of that licence (research, "
    "non-commercial use). facelift's own code licence does not extend to them."
)


def find_release_parts(root: str | Path) -> tuple[Path, Path]:
    """(pipeckpts folder, newest GS-LRM checkpoint) inside a release download."""
    root = Path(root)
    if not root.is_dir():
        raise FaceliftError(f"{root}: release folder not found")
    candidates = [root / "mvdiffusion" / "pipeckpts", root / "pipeckpts", root]
    mv = next((c for c in candidates if (c / "model_index.json").is_file()), None)
    if mv is None:
        raise FaceliftError(f"{root}: no Stage I diffusers folder (expected mvdiffusion/pipeckpts/model_index.json)")
    ckpts = sorted((root / "gslrm").glob("*.pt")) + sorted(root.glob("ckpt_*.pt"))
    if not ckpts:
        raise FaceliftError(f"{root}: no GS-LRM checkpoint (expected gslrm/ckpt_*.pt)")

    def step(p: Path) -> int:
        m = re.search(r"(\d+)", p.stem)
        return int(m.group(1)) if m else -1

    return mv, max(ckpts, key=step)


def convert_release(root: str | Path, out: str | Path, vgg_out: str | Path | None = None) -> Path:
    """Write ``out/{mvdiff, lrm, facelift.json}`` from a release download (atomically); with
    ``vgg_out``, also the VGG19 perceptual-loss weights found in the GS-LRM checkpoint."""
    from facelift.lrm.convert import convert_official_gslrm_to_folder
    from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline

    mv_folder, ckpt = find_release_parts(root)
    log.info("Stage I: %s", mv_folder)
    log.info("Stage II: %s", ckpt)
    out = Path(out)
    with atomic_dir(out) as tmp:
        FaceLiftMultiViewPipeline.from_pretrained(mv_folder).save_pretrained(tmp / "mvdiff")
        convert_official_gslrm_to_folder(ckpt, tmp / "lrm", vgg_out=vgg_out)
        (tmp / "facelift.json").write_text(json.dumps({
            "name": "OpenFaceLift (converted)", "source": str(Path(root).resolve()),
            "stage1": str(mv_folder.relative_to(Path(root))) if mv_folder != Path(root) else ".",
            "stage2": ckpt.name, "license": LICENSE_NOTICE,
            "defaults": {"num_inference_steps": 50, "guidance_scale": 3.0},
        }, indent=2))
    return out
