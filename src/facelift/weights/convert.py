"""Turn the authors' public release (OpenFaceLift) into a facelift weights folder.

The release's download holds the Stage I diffusers folder ``mvdiffusion/pipeckpts`` and
GS-LRM training checkpoints ``gslrm/ckpt_*.pt``. We load the diffusers folder with our
pipeline class (safetensors only), store it back with the per-view prompt embeddings
precomputed, and convert the newest GS-LRM checkpoint (loaded weights-only) to
safetensors, so ``--weights OUT`` needs no pickle and no text encoder at run time.

The per-view prompt embeddings: the release samples with the fixed fp16 tensor it ships in
its code tree (``mvdiffusion/data/fixed_prompt_embeds_6view/clr_embeds.pt``, made once with
SD 2.1-unCLIP's text encoder in fp16). When that file is in the download (or given), it is
used as is (its fp16 values, stored exactly in fp32); otherwise the embeddings are computed
from the folder's text encoder in fp32, which differs from the file by fp16 rounding.
``facelift.json`` records which.

Defaults written to ``facelift.json``: the release's sampling (50 DDIM steps, guidance 3,
seed 4) and its demo's export filter (``gradio_app.py``: max scale 0.2, floaters 0.75, which
is :class:`facelift.lrm.config.ExportConfig`'s default). Its batch script ``inference.py``
prunes harder (0.1, 0.6); put ``"export": {"max_scale": 0.1, "floater": 0.6}`` in the
folder's ``facelift.json`` for that. We follow the demo, the release's interactive path.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from facelift.atomic import atomic_dir
from facelift.defaults import GUIDANCE_SCALE, NUM_INFERENCE_STEPS
from facelift.errors import FaceliftError
from facelift.weights.meta import WeightsMeta, write_meta

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


#: Where the release's fixed view embeddings may sit in a download (its code tree's path first).
VIEW_EMBEDDING_PATHS = (
    "mvdiffusion/data/fixed_prompt_embeds_6view/clr_embeds.pt",
    "fixed_prompt_embeds_6view/clr_embeds.pt",
    "clr_embeds.pt",
)
#: The release's sampling defaults (its inference.py: 50 steps, guidance 3.0, seed 4, eta 1): the
#: paper's (facelift.defaults), with the release's own seed.
RELEASE_DEFAULTS = {"num_inference_steps": NUM_INFERENCE_STEPS, "guidance_scale": GUIDANCE_SCALE, "seed": 4}


def find_view_embeddings(root: str | Path) -> Path | None:
    """The release's ``clr_embeds.pt`` inside a download, if it is there."""
    return next((Path(root) / p for p in VIEW_EMBEDDING_PATHS if (Path(root) / p).is_file()), None)


def convert_release(root: str | Path, out: str | Path, vgg_out: str | Path | None = None,
                    view_embeddings: str | Path | None = None) -> Path:
    """Write ``out/{mvdiff, lrm, facelift.json}`` from a release download (atomically); with
    ``vgg_out``, also the VGG19 perceptual-loss weights found in the GS-LRM checkpoint.

    ``view_embeddings``: the release's ``clr_embeds.pt`` (default: found in ``root``, else
    computed from the text encoder; module docstring)."""
    from facelift.lrm.convert import convert_official_gslrm_to_folder
    from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline

    root = Path(root)
    mv_folder, ckpt = find_release_parts(root)
    if view_embeddings is not None and not Path(view_embeddings).is_file():
        raise FaceliftError(f"{view_embeddings}: view embeddings file not found")
    embeddings = Path(view_embeddings) if view_embeddings is not None else find_view_embeddings(root)
    log.info("Stage I: %s", mv_folder)
    log.info("Stage II: %s", ckpt)
    log.info("view embeddings: %s", embeddings or "computed from the text encoder (no clr_embeds.pt found)")
    out = Path(out)
    with atomic_dir(out) as tmp:
        FaceLiftMultiViewPipeline.from_pretrained(mv_folder, view_embeddings=embeddings).save_pretrained(tmp / "mvdiff")
        convert_official_gslrm_to_folder(ckpt, tmp / "lrm", vgg_out=vgg_out)
        write_meta(tmp, WeightsMeta(
            name="OpenFaceLift (converted)", source=str(root.resolve()),
            stage1=str(mv_folder.relative_to(root)) if mv_folder != root else ".",
            stage2=ckpt.name, license=LICENSE_NOTICE,
            view_embeddings=(f"{embeddings.name} (the release's fixed fp16 embeddings)" if embeddings
                             else "computed in fp32 from the release's text encoder (no clr_embeds.pt given)"),
            defaults=dict(RELEASE_DEFAULTS),
            notes={"export_why": "the release demo's filter (gradio_app.py: max scale 0.2, floaters 0.75); its "
                                 "inference.py uses 0.1 / 0.6: set \"export\": {\"max_scale\": 0.1, \"floater\": 0.6} "
                                 "for that"},
        ))
    return out
