"""Calibrate our face-mesh box against the public release's detector (MTCNN), reproducibly.

The release frames faces with the box of facenet-pytorch's MTCNN (thresholds 0.6/0.7/0.7,
factor 0.709, min face 20 px; largest face with probability > 0.8; face size = mean of the box's
width and height; centre = box centre). We detect with mediapipe instead, so
:mod:`facelift.preprocess.crop` maps the face-mesh *oval* box (the extent of the 36 face-oval
landmarks) to an MTCNN-convention box with four constants. This script measures them.

MTCNN's weights ship inside the facenet-pytorch wheel (MIT licence); it is not a dependency
of facelift, only of this calibration. To re-run::

    pip download facenet-pytorch==2.6.0 --no-deps -d /tmp/fnp && cd /tmp/fnp && unzip -o *.whl
    python tools/calibrate_face_box.py --facenet /tmp/fnp PHOTO [PHOTO ...]

facenet-pytorch imports torchvision for two helpers; a minimal stand-in (NMS in torch) is
installed in ``sys.modules`` for the run so torchvision need not be installed.

Every photo is measured at several scales and mirrored, so the fit averages over MTCNN's
scale-pyramid quantisation. The result prints as the constants to paste into ``crop.py``,
with the per-sample residuals.
"""

from __future__ import annotations

import argparse
import sys
import types
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from facelift.preprocess.crop import oval_box as crop_oval_box
from facelift.preprocess.detect import detect_faces
from facelift.preprocess.io import load_image

def oval_box(landmarks: np.ndarray) -> tuple[float, float, float, float]:
    """(cx, cy, w, h) of the face-oval landmarks' extent, pixels."""
    return tuple(float(v) for v in crop_oval_box(landmarks).as_cxcywh())


def _nms(boxes: torch.Tensor, scores: torch.Tensor, threshold: float) -> torch.Tensor:
    order = torch.argsort(scores, descending=True)
    keep = []
    areas = (boxes[:, 2] - boxes[:, 0]).clamp(min=0) * (boxes[:, 3] - boxes[:, 1]).clamp(min=0)
    suppressed = torch.zeros(len(boxes), dtype=torch.bool)
    for i in order.tolist():
        if suppressed[i]:
            continue
        keep.append(i)
        xx0 = torch.maximum(boxes[i, 0], boxes[:, 0])
        yy0 = torch.maximum(boxes[i, 1], boxes[:, 1])
        xx1 = torch.minimum(boxes[i, 2], boxes[:, 2])
        yy1 = torch.minimum(boxes[i, 3], boxes[:, 3])
        inter = (xx1 - xx0).clamp(min=0) * (yy1 - yy0).clamp(min=0)
        iou = inter / (areas[i] + areas - inter + 1e-12)
        suppressed |= iou > threshold
    return torch.tensor(keep, dtype=torch.long)


def _batched_nms(boxes, scores, idxs, threshold):
    keep = []
    for value in torch.unique(idxs):
        sel = torch.nonzero(idxs == value).flatten()
        keep.append(sel[_nms(boxes[sel], scores[sel], threshold)])
    if not keep:
        return torch.zeros(0, dtype=torch.long)
    keep = torch.cat(keep)
    return keep[torch.argsort(scores[keep], descending=True)]


def _install_torchvision_stand_in() -> None:
    tv = types.ModuleType("torchvision")
    ops = types.ModuleType("torchvision.ops")
    boxes = types.ModuleType("torchvision.ops.boxes")
    boxes.batched_nms = _batched_nms
    transforms = types.ModuleType("torchvision.transforms")
    functional = types.ModuleType("torchvision.transforms.functional")
    tv.ops, ops.boxes, tv.transforms, transforms.functional = ops, boxes, transforms, functional
    for name, module in {
        "torchvision": tv, "torchvision.ops": ops, "torchvision.ops.boxes": boxes,
        "torchvision.transforms": transforms, "torchvision.transforms.functional": functional,
    }.items():
        sys.modules.setdefault(name, module)


def release_detector(facenet_dir: Path):
    """facenet-pytorch's MTCNN with the release's settings, from an unpacked wheel folder."""
    _install_torchvision_stand_in()
    sys.path.insert(0, str(facenet_dir))
    from facenet_pytorch.models.mtcnn import MTCNN

    return MTCNN(image_size=512, margin=0, min_face_size=20, thresholds=[0.6, 0.7, 0.7], factor=0.709,
                 post_process=True, device="cpu")


def release_box(mtcnn, rgb: np.ndarray) -> np.ndarray | None:
    """(x0, y0, x1, y1) of the largest face with probability > 0.8, as the release selects it."""
    boxes, probs = mtcnn.detect(rgb)
    if boxes is None:
        return None
    good = [b for b, p in zip(boxes, probs) if p is not None and p > 0.8]
    if not good:
        return None
    return np.asarray(max(good, key=lambda b: (b[2] - b[0]) * (b[3] - b[1])), dtype=np.float64)


def measure(mtcnn, photos: list[Path], scales=(0.6, 0.8, 1.0, 1.3, 1.7)) -> np.ndarray:
    """Rows (oval cx, cy, w, h, mtcnn cx, cy, w, h, blazeface cx, cy, w, h) over photos x scales x mirror."""
    rows = []
    for photo in photos:
        base = Image.fromarray(load_image(photo).rgb)
        for scale in scales:
            for mirror in (False, True):
                img = base.resize((round(base.width * scale), round(base.height * scale)), Image.Resampling.LANCZOS)
                if mirror:
                    img = img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
                rgb = np.asarray(img)
                dets = detect_faces(rgb)
                ref = release_box(mtcnn, rgb)
                if not dets or dets[0].landmarks is None or ref is None:
                    print(f"skip {photo.name} x{scale} mirror={mirror}: a detector found nothing")
                    continue
                ours = oval_box(dets[0].landmarks)
                theirs = ((ref[0] + ref[2]) / 2, (ref[1] + ref[3]) / 2, ref[2] - ref[0], ref[3] - ref[1])
                rows.append((*ours, *theirs, *dets[0].box.as_cxcywh()))
                print(f"{photo.name} x{scale} mirror={mirror}: oval {np.round(ours, 1)} mtcnn {np.round(theirs, 1)}")
    return np.asarray(rows, dtype=np.float64)


def fit(rows: np.ndarray) -> dict[str, float]:
    """Constants of: centre = oval centre + (dx·w, dy·h); width = sw·w; height = sh·h (means of ratios)."""
    ocx, ocy, ow, oh, mcx, mcy, mw, mh = rows.T[:8]
    return {
        "dx": float(np.mean((mcx - ocx) / ow)),
        "dy": float(np.mean((mcy - ocy) / oh)),
        "sw": float(np.mean(mw / ow)),
        "sh": float(np.mean(mh / oh)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facenet", type=Path, required=True, help="folder with the unpacked facenet-pytorch wheel")
    parser.add_argument("photos", type=Path, nargs="+")
    args = parser.parse_args(argv)
    mtcnn = release_detector(args.facenet)
    rows = measure(mtcnn, args.photos)
    if len(rows) == 0:
        print("no usable samples")
        return 1
    print(f"samples: {len(rows)}")
    for label, ours in (("face-mesh oval box", rows[:, :4]), ("BlazeFace box", rows[:, 8:12])):
        print(f"--- {label} -> release (MTCNN) box")
        report(np.concatenate([ours, rows[:, 4:8]], axis=1))
    return 0


def report(rows: np.ndarray) -> None:
    constants = fit(rows)
    ocx, ocy, ow, oh, mcx, mcy, mw, mh = rows.T
    pred_cx = ocx + constants["dx"] * ow
    pred_cy = ocy + constants["dy"] * oh
    pred_size = 0.5 * (constants["sw"] * ow + constants["sh"] * oh)
    size = 0.5 * (mw + mh)
    print("constants:", {k: round(v, 4) for k, v in constants.items()})
    for label, err in (("centre x", (pred_cx - mcx) / size), ("centre y", (pred_cy - mcy) / size),
                       ("size", pred_size / size - 1)):
        print(f"{label} error relative to the face size: rms {np.sqrt(np.mean(err ** 2)):.2%}, "
              f"max {np.abs(err).max():.2%}")


if __name__ == "__main__":
    raise SystemExit(main())
