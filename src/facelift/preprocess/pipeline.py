"""``preprocess_image``: any photo -> the 512² white-background, release-framed input of Stage I."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from PIL import Image

from facelift.errors import FaceliftError
from facelift.preprocess.crop import (
    RELEASE_SIZE, CropTransform, fit_transform, framing_transform, release_box_from_blazeface,
    release_box_from_landmarks, warp,
)
from facelift.preprocess.detect import FaceBox, detect_faces
from facelift.preprocess.io import ImageInput, LoadedImage, load_image
from facelift.preprocess.segment import composite_on_white, segment_person

logger = logging.getLogger(__name__)

WHITE = (255, 255, 255)


@dataclass
class FaceFound:
    """The face chosen in a source image.

    Attributes:
        box: release-convention (MTCNN-like) face box, source pixels.
        num_faces: how many faces the detector found (the largest was chosen).
        landmarks: (478, 3) face-mesh landmarks in source pixels, or None if the mesh failed.
    """

    box: FaceBox
    num_faces: int
    landmarks: np.ndarray | None


@dataclass
class PreprocessResult:
    """What :func:`preprocess_image` made.

    Attributes:
        image: ``size``² RGB PIL image, background white unless kept.
        mask: (size, size) float32 foreground alpha in [0, 1] (from segmentation or the input's
            alpha); None when the background was kept and the input had no alpha.
        face_box: release-convention face box in output pixels (None with ``crop=False``).
        num_faces: faces found in the input (None with ``crop=False``: no search is made).
        transform: the scale + translation applied, source pixels -> output pixels.
        landmarks: (478, 3) face-mesh landmarks in output pixels (None if unavailable).
        source_size: (width, height) of the decoded input, after EXIF rotation.
        name: the input's name (path) for messages.
    """

    image: Image.Image
    mask: np.ndarray | None
    face_box: FaceBox | None
    num_faces: int | None
    transform: CropTransform
    landmarks: np.ndarray | None
    source_size: tuple[int, int]
    name: str


def find_face(loaded: LoadedImage) -> FaceFound:
    """Detect the largest face of ``loaded`` and its release-convention box.

    Raises:
        FaceliftError: no face was found (the message suggests ``--no-crop``).
    """
    # Detect on the photo as it is: a cut-out (alpha) input is detected on white, as the release
    # composites before running its detector.
    rgb = composite_on_white(loaded.rgb, loaded.alpha)
    dets = detect_faces(rgb)
    if not dets:
        raise FaceliftError(
            f"{loaded.name}: no face found; if the image is already a prepared head crop, pass --no-crop "
            "(crop=False)"
        )
    if len(dets) > 1:
        logger.warning("%s: found %d faces; using the largest", loaded.name, len(dets))
    main = dets[0]
    if main.landmarks is not None:
        box = release_box_from_landmarks(main.landmarks)
    else:
        logger.info("%s: face mesh did not fit; framing from the detector box", loaded.name)
        box = release_box_from_blazeface(main.box)
    return FaceFound(box=box, num_faces=len(dets), landmarks=main.landmarks)


def foreground_alpha(loaded: LoadedImage) -> np.ndarray:
    """The input's own alpha if it has one, else the portrait segmentation. (H, W) float32."""
    return loaded.alpha if loaded.alpha is not None else segment_person(loaded.rgb)


def frame_image(
    loaded: LoadedImage,
    transform: CropTransform,
    size: int = RELEASE_SIZE,
    remove_background: bool = True,
    alpha: np.ndarray | None = None,
) -> tuple[Image.Image, np.ndarray | None]:
    """Apply ``transform`` to ``loaded`` onto a white ``size``² canvas.

    Args:
        alpha: foreground alpha (H, W) to use; computed (input alpha or segmentation) when None
            and ``remove_background`` is set. An input alpha is always composited.

    Returns:
        (RGB PIL image, (size, size) float32 alpha or None).
    """
    if alpha is None:
        if loaded.alpha is not None:
            alpha = loaded.alpha
        elif remove_background:
            alpha = segment_person(loaded.rgb)
    rgb = composite_on_white(loaded.rgb, alpha)
    out = warp(rgb, transform, size, fill=255)
    mask = None if alpha is None else np.clip(warp(alpha.astype(np.float32), transform, size, fill=0.0), 0, 1)
    return Image.fromarray(out, "RGB"), mask


def preprocess_image(
    source: ImageInput,
    size: int = RELEASE_SIZE,
    crop: bool = True,
    remove_background: bool = True,
) -> PreprocessResult:
    """Turn a photo into Stage I's input: background onto white, face framed as in the release.

    Args:
        source: a path, PIL image or (H, W[, C]) uint8 array (see :func:`load_image`).
        size: output side in pixels (the release's framing is defined at 512 and scales with it).
        crop: frame the largest face (SPEC §2.1). ``False`` is for already-prepared inputs:
            the image is only resized to fit ``size``² and padded with white, and an alpha
            channel, if present, is composited onto white (no segmentation is run).
        remove_background: replace the background with white using portrait segmentation (or
            the input's alpha). ``False`` keeps the photo's background (padding is still white).

    Raises:
        FaceliftError: unreadable input (see :func:`load_image`) or no face found with ``crop``.
    """
    loaded = load_image(source)
    if not crop:
        transform = fit_transform(loaded.width, loaded.height, size)
        image, mask = frame_image(loaded, transform, size, remove_background=False)
        return PreprocessResult(image=image, mask=mask, face_box=None, num_faces=None, transform=transform,
                                landmarks=None, source_size=(loaded.width, loaded.height), name=loaded.name)
    face = find_face(loaded)
    transform = framing_transform(face.box, size)
    image, mask = frame_image(loaded, transform, size, remove_background=remove_background)
    landmarks = None
    if face.landmarks is not None:
        landmarks = face.landmarks.copy()
        landmarks[:, :2] = transform.apply(face.landmarks[:, :2])
        landmarks[:, 2] *= transform.scale
    return PreprocessResult(
        image=image, mask=mask, face_box=transform.apply_box(face.box), num_faces=face.num_faces,
        transform=transform, landmarks=landmarks, source_size=(loaded.width, loaded.height), name=loaded.name,
    )
