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
from facelift.preprocess.segment import composite_on_white, segment_person_small

logger = logging.getLogger(__name__)

#: Another face counts as a neighbour to split off when its box is at least this share of the
#: chosen face's width.
MIN_NEIGHBOUR_SIZE = 0.4


@dataclass
class FaceFound:
    """The face chosen in a source image.

    Attributes:
        box: release-convention (MTCNN-like) face box, source pixels.
        num_faces: how many faces the detector found (the largest was chosen); None when the
            box was given rather than detected.
        landmarks: (478, 3) face-mesh landmarks in source pixels, or None if the mesh failed.
        detected: the detector's box of the chosen face (None when the box was given);
            others: the other faces' detector boxes (their people are kept out of the mask).
    """

    box: FaceBox
    num_faces: int | None
    landmarks: np.ndarray | None
    detected: FaceBox | None = None
    others: tuple[FaceBox, ...] = ()


@dataclass
class PreprocessResult:
    """What :func:`preprocess_image` made.

    Attributes:
        image: ``size``² RGB PIL image, background white unless kept.
        mask: (size, size) float32 foreground alpha in [0, 1] (from segmentation or the input's
            alpha); None when the background was kept and the input had no alpha.
        face_box: release-convention face box in output pixels (None with ``crop=False``).
        num_faces: faces found in the input (None with ``crop=False`` or a given ``face_box``:
            no search is made).
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
    return FaceFound(box=box, num_faces=len(dets), landmarks=main.landmarks, detected=main.box,
                     others=tuple(d.box for d in dets[1:]))


def _source_region(transform: CropTransform, width: int, height: int, size: int) -> tuple[int, int, int, int]:
    """Integer source rect (x0, y0, x1, y1) that covers the output canvas plus the resampler's reach."""
    inv = transform.inverse()
    (x0, y0), (x1, y1) = inv.apply(np.array([[0.0, 0.0], [size, size]]))
    margin = 4.0 / min(transform.scale, 1.0) + 2.0  # Lanczos-3 support, in source pixels
    return (
        max(0, int(np.floor(x0 - margin))), max(0, int(np.floor(y0 - margin))),
        min(width, int(np.ceil(x1 + margin))), min(height, int(np.ceil(y1 + margin))),
    )


def frame_image(
    loaded: LoadedImage,
    transform: CropTransform,
    size: int = RELEASE_SIZE,
    remove_background: bool = True,
    alpha: np.ndarray | None = None,
    face: FaceFound | None = None,
) -> tuple[Image.Image, np.ndarray | None]:
    """Apply ``transform`` to ``loaded`` onto a white ``size``² canvas.

    Args:
        remove_background: composite the person onto white (segmentation, or the input's alpha).
        alpha: a full-resolution (H, W) foreground alpha to use instead of the above.
            An input's own alpha is always composited, whatever ``remove_background`` says.
        face: the framed face: segmentation keeps the person under it, and splits off the
            people touching that one at the other faces it lists.

    Only the part of the photo that lands on the canvas is processed, so a 12-MP phone photo
    costs little more than a small one.

    Returns:
        (RGB PIL image, (size, size) float32 alpha or None).
    """
    if alpha is None and loaded.alpha is not None:
        alpha = loaded.alpha
    x0, y0, x1, y1 = _source_region(transform, loaded.width, loaded.height, size)
    local = CropTransform(transform.scale, transform.tx + transform.scale * x0, transform.ty + transform.scale * y0)
    rgb = loaded.rgb[y0:y1, x0:x1]
    if alpha is not None:
        # Composite before resampling: colour under transparent pixels is arbitrary (often
        # black) and must not bleed into the edge.
        a = alpha[y0:y1, x0:x1].astype(np.float32)
        out = warp(composite_on_white(rgb, a), local, size, fill=255)
        mask = np.clip(warp(a, local, size, fill=0.0), 0.0, 1.0)
        return Image.fromarray(out, "RGB"), mask
    out = warp(rgb, local, size, fill=255)
    if not remove_background:
        return Image.fromarray(out, "RGB"), None
    # Segmentation runs at low resolution; resample its mask straight onto the canvas and
    # composite there (the background under it is real photo content, nothing to bleed).
    focus, others, focus_size = (None if face is None else face.box.center), (), None
    if face is not None and face.detected is not None:
        # Only faces of a comparable size are people beside this one (not a face on a shirt or poster).
        focus, focus_size = face.detected.center, face.detected.width
        others = [(*b.center, b.width) for b in face.others if b.width >= MIN_NEIGHBOUR_SIZE * focus_size]
    small, factor = segment_person_small(loaded.rgb, focus=focus, others=others, focus_size=focus_size)
    mask = np.clip(warp(small, CropTransform(transform.scale / factor, transform.tx, transform.ty), size, fill=0.0),
                   0.0, 1.0)
    return Image.fromarray(composite_on_white(out, mask), "RGB"), mask


def preprocess_image(
    source: ImageInput,
    size: int = RELEASE_SIZE,
    crop: bool = True,
    remove_background: bool = True,
    face_box: FaceBox | None = None,
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
        face_box: a release-convention face box in source pixels to frame instead of detecting
            one (video: per-frame boxes from :func:`find_face`, smoothed over time). With it,
            ``num_faces`` and ``landmarks`` of the result are None.

    Raises:
        FaceliftError: unreadable input (see :func:`load_image`) or no face found with ``crop``.
    """
    loaded = load_image(source)
    if not crop:
        transform = fit_transform(loaded.width, loaded.height, size)
        image, mask = frame_image(loaded, transform, size, remove_background=False)
        return PreprocessResult(image=image, mask=mask, face_box=None, num_faces=None, transform=transform,
                                landmarks=None, source_size=(loaded.width, loaded.height), name=loaded.name)
    face = find_face(loaded) if face_box is None else FaceFound(box=face_box, num_faces=None, landmarks=None)
    transform = framing_transform(face.box, size)
    image, mask = frame_image(loaded, transform, size, remove_background=remove_background, face=face)
    landmarks = None
    if face.landmarks is not None:
        landmarks = face.landmarks.copy()
        landmarks[:, :2] = transform.apply(face.landmarks[:, :2])
        landmarks[:, 2] *= transform.scale
    return PreprocessResult(
        image=image, mask=mask, face_box=transform.apply_box(face.box), num_faces=face.num_faces,
        transform=transform, landmarks=landmarks, source_size=(loaded.width, loaded.height), name=loaded.name,
    )
