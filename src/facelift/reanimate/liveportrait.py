"""LivePortrait (Guo et al. 2024), the reanimator the paper used, when the user has it.

LivePortrait is not a pip package: it is a repository (github.com/KwaiVGI/LivePortrait)
whose ``pretrained_weights/`` the user downloads (its README's *Download pretrained
weights*). Point facelift at the checkout::

    git clone https://github.com/KwaiVGI/LivePortrait && cd LivePortrait
    pip install -r requirements.txt          # its own dependencies, into the same environment
    huggingface-cli download KwaiVGI/LivePortrait --local-dir pretrained_weights
    facelift animate photo.jpg --driving clip.mp4 -o out/ --reanimator liveportrait --liveportrait-dir .

(or set ``LIVEPORTRAIT_DIR``). Nothing of it is imported until it is asked for.

How it is driven: LivePortrait works on 256² face crops. The photo is cropped around its face
(:data:`CROP_SCALE` times the face outline's size), every driving frame around the *first*
driving frame's face (a fixed crop, so the head's movement in the frame is motion, not
re-centred away). Motion is relative to the first driving frame, as LivePortrait's own
``flag_relative_motion``: rotation ``R_d · R_d0ᵀ · R_s``, expression ``exp_s + exp_d − exp_d0``,
scale ``scale_s · scale_d / scale_d0``, translation ``t_s + t_d − t_d0`` (in-plane), then its
stitching network and its warping/decoding network. The decoded 256² face is pasted back
into the photo under a feathered square.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import sys
from pathlib import Path
from typing import Any, Callable

import cv2
import numpy as np

from facelift.errors import FaceliftError
from facelift.preprocess.crop import oval_box

log = logging.getLogger(__name__)

#: Crop side over the face outline box's longer side (LivePortrait's own cropper uses 2.3 on
#: a slightly smaller landmark box).
CROP_SCALE = 2.2
#: LivePortrait's network input side.
INPUT_SIZE = 256
#: Paste-back: the crop's outer share that fades into the photo.
FEATHER = 0.12
#: The weight files a checkout must hold (relative to it).
WEIGHT_FILES = tuple(f"pretrained_weights/liveportrait/base_models/{name}.pth" for name in
                     ("appearance_feature_extractor", "motion_extractor", "spade_generator", "warping_module"))
INSTALL_HINT = ("clone https://github.com/KwaiVGI/LivePortrait, install its requirements and download its "
                "pretrained_weights, then pass --liveportrait-dir DIR (or set LIVEPORTRAIT_DIR)")

RotationFn = Callable[[Any, Any, Any], Any]


def _crop_matrix(centre: np.ndarray, side: float, size: int) -> np.ndarray:
    """(2, 3) affine taking the square of ``side`` about ``centre`` (pixels) onto ``size``²."""
    s = size / side
    return np.array([[s, 0.0, size / 2 - s * centre[0]], [0.0, s, size / 2 - s * centre[1]]])


def _crop(image: np.ndarray, matrix: np.ndarray, size: int) -> np.ndarray:
    # warpAffine's pixel centres are at integers; the continuous convention's at +0.5: same offset both sides.
    m = matrix.copy()
    m[:, 2] += m[:, :2].sum(1) * 0.5 - 0.5
    return cv2.warpAffine(image, m, (size, size), flags=cv2.INTER_AREA if m[0, 0] < 1 else cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255))


def _face_square(landmarks: np.ndarray) -> tuple[np.ndarray, float]:
    box = oval_box(landmarks)
    return np.array(box.center), CROP_SCALE * max(box.width, box.height)


def _key(image: np.ndarray) -> bytes:
    return hashlib.blake2b(np.ascontiguousarray(image).tobytes(), digest_size=16).digest()


class LivePortraitReanimator:
    """Reanimate with LivePortrait's networks (module docstring).

    Args:
        wrapper: a ``LivePortraitWrapper`` (its ``src/live_portrait_wrapper.py``) or anything
            with the same methods (``prepare_source``, ``get_kp_info``, ``extract_feature_3d``,
            ``transform_keypoint``, ``stitching``, ``warp_decode``, ``parse_output``).
        rotation_matrix: LivePortrait's ``get_rotation_matrix(pitch, yaw, roll)`` (degrees,
            (B, 1) tensors -> (B, 3, 3), applied as ``kp @ R``).
        landmarker: image -> (478, 3) face mesh or None (finds the faces to crop); default
            :func:`facelift.preprocess.face_landmarks`.
    """

    name = "liveportrait"

    def __init__(self, wrapper: Any, rotation_matrix: RotationFn,
                 landmarker: Callable[[np.ndarray], np.ndarray | None] | None = None) -> None:
        if landmarker is None:
            from facelift.preprocess import face_landmarks as landmarker
        self.wrapper = wrapper
        self.rotation_matrix = rotation_matrix
        self.landmarker = landmarker
        self._source: tuple[bytes, dict] | None = None
        self._first: tuple[bytes, dict] | None = None

    @classmethod
    def from_checkout(cls, root: str | Path | None = None, device: str | None = None) -> "LivePortraitReanimator":
        """Load LivePortrait from a checkout with its weights (``root`` or ``$LIVEPORTRAIT_DIR``).

        Raises:
            FaceliftError: no checkout, weights missing, or its code cannot be imported (one line).
        """
        root = root or os.environ.get("LIVEPORTRAIT_DIR")
        if not root:
            raise FaceliftError(f"the liveportrait reanimator needs LivePortrait, which is not set up: {INSTALL_HINT}")
        root = Path(root).expanduser().resolve()
        if not (root / "src" / "live_portrait_wrapper.py").is_file():
            raise FaceliftError(f"{root}: not a LivePortrait checkout (no src/live_portrait_wrapper.py); "
                                f"{INSTALL_HINT}")
        missing = [name for name in WEIGHT_FILES if not (root / name).is_file()]
        if missing:
            raise FaceliftError(f"{root}: LivePortrait weights missing ({missing[0]}); download its pretrained_weights "
                                "(its README, 'Download pretrained weights')")
        if str(root) not in sys.path:
            sys.path.insert(0, str(root))
        try:
            wrapper_module = importlib.import_module("src.live_portrait_wrapper")
            config_module = importlib.import_module("src.config.inference_config")
            camera_module = importlib.import_module("src.utils.camera")
        except Exception as e:  # its own dependencies missing, or another package named src
            raise FaceliftError(f"{root}: LivePortrait cannot be imported ({type(e).__name__}: "
                                f"{str(e).splitlines()[0] if str(e) else ''}); install its requirements.txt") from None
        import torch

        config = config_module.InferenceConfig()
        on_cpu = (device or ("cuda" if torch.cuda.is_available() else "cpu")).startswith("cpu")
        for attr, value in (("flag_force_cpu", on_cpu), ("flag_use_half_precision", not on_cpu),
                            ("flag_do_torch_compile", False)):
            if hasattr(config, attr):
                setattr(config, attr, value)
        if on_cpu and not hasattr(config, "flag_force_cpu"):
            raise FaceliftError(f"{root}: this LivePortrait version runs only on CUDA; update the checkout")
        log.info("LivePortrait from %s (%s)", root, "cpu" if on_cpu else "cuda")
        return cls(wrapper_module.LivePortraitWrapper(inference_cfg=config), camera_module.get_rotation_matrix)

    # ------------------------------------------------------------------ state
    def _landmarks(self, image: np.ndarray, what: str) -> np.ndarray:
        found = self.landmarker(np.ascontiguousarray(image[..., :3]))
        if found is None:
            raise FaceliftError(f"no face found in the {what}")
        return np.asarray(found, np.float64)

    def _kp(self, crop: np.ndarray) -> dict:
        return self.wrapper.get_kp_info(self.wrapper.prepare_source(crop), flag_refine_info=True)

    def _source_state(self, source: np.ndarray) -> dict:
        key = _key(source)
        if self._source is None or self._source[0] != key:
            centre, side = _face_square(self._landmarks(source, "photo"))
            matrix = _crop_matrix(centre, side, INPUT_SIZE)
            x = self.wrapper.prepare_source(_crop(source, matrix, INPUT_SIZE))
            info = self.wrapper.get_kp_info(x, flag_refine_info=True)
            state = {"matrix": matrix, "info": info, "feature": self.wrapper.extract_feature_3d(x),
                     "rotation": self.rotation_matrix(info["pitch"], info["yaw"], info["roll"]),
                     "kp": self.wrapper.transform_keypoint(info)}
            self._source = (key, state)
        return self._source[1]

    def _first_state(self, first: np.ndarray) -> dict:
        key = _key(first)
        if self._first is None or self._first[0] != key:
            centre, side = _face_square(self._landmarks(first, "first driving frame"))
            matrix = _crop_matrix(centre, side, INPUT_SIZE)
            info = self._kp(_crop(first, matrix, INPUT_SIZE))
            self._first = (key, {"matrix": matrix, "info": info,
                                 "rotation": self.rotation_matrix(info["pitch"], info["yaw"], info["roll"])})
        return self._first[1]

    # -------------------------------------------------------------------- call
    def __call__(self, source: np.ndarray, driving: np.ndarray, first: np.ndarray) -> np.ndarray:
        src, ref = self._source_state(source), self._first_state(first)
        drv = self._kp(_crop(driving, ref["matrix"], INPUT_SIZE))
        rotation = self.rotation_matrix(drv["pitch"], drv["yaw"], drv["roll"])
        s, r = src["info"], ref["info"]
        rotation_new = rotation @ ref["rotation"].transpose(1, 2) @ src["rotation"]
        expression = s["exp"] + (drv["exp"] - r["exp"])
        scale = s["scale"] * (drv["scale"] / r["scale"])
        shift = s["t"] + (drv["t"] - r["t"])
        shift[..., 2] = 0
        kp_driving = scale[..., None] * (s["kp"] @ rotation_new + expression) + shift[:, None, :]
        kp_driving = self.wrapper.stitching(src["kp"], kp_driving)
        out = self.wrapper.warp_decode(src["feature"], src["kp"], kp_driving)["out"]
        face = np.asarray(self.wrapper.parse_output(out)[0], np.uint8)
        return self._paste_back(source, face, src["matrix"])

    @staticmethod
    def _paste_back(source: np.ndarray, face: np.ndarray, matrix: np.ndarray) -> np.ndarray:
        """Warp the decoded crop back into the photo under a feathered square."""
        h, w = source.shape[:2]
        size = face.shape[0]
        inverse = cv2.invertAffineTransform(matrix)
        m = inverse.copy()
        m[:, 2] += m[:, :2].sum(1) * 0.5 - 0.5
        back = cv2.warpAffine(face, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        ramp = np.clip(np.minimum(np.arange(size) + 0.5, size - 0.5 - np.arange(size)) / (FEATHER * size), 0, 1)
        square = np.minimum(ramp[:, None], ramp[None, :]).astype(np.float32)
        alpha = cv2.warpAffine(square, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0.0)[..., None]
        out = source[..., :3].astype(np.float32) * (1 - alpha) + back.astype(np.float32) * alpha
        return np.clip(out + 0.5, 0, 255).astype(np.uint8)
