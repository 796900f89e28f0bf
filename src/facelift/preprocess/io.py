"""Robust image loading: any photo a user is likely to throw at us becomes RGB uint8 + optional alpha.

What is handled, and why:

- Formats: whatever Pillow decodes (JPEG, PNG, WebP, BMP, TIFF, GIF, ...).
- EXIF orientation is applied (phones store portraits as rotated landscapes plus a tag).
- Modes: ``RGBA``/``LA``/``PA`` and palette images with transparency keep their alpha, which
  later serves as the foreground mask (a user who cut out the head already did our job);
  grayscale, 1-bit, palette, CMYK, YCbCr and LAB are converted to RGB; 16-bit and 32-bit
  integer / float single-channel images are rescaled to 8 bits from their real range rather
  than clipped (``I;16`` PNGs and TIFFs from scanners and raw converters).
- An embedded ICC profile (Adobe RGB, Display P3, CMYK profiles) is converted to sRGB when
  Pillow has LittleCMS, so colours look as the user saw them.
- Decompression bombs (more pixels than ``PIL.Image.MAX_IMAGE_PIXELS``, about 89 MP) are
  refused before any pixel is decoded; a file that is not an image, is truncated, or is
  smaller than :data:`MIN_SIDE` pixels gets a one-line :class:`FaceliftError` naming the file.

Large images are *not* shrunk here: the crop reads the full-resolution pixels so a small face
in a huge photo keeps its detail. Detection works on a downscaled copy
(:func:`downscale_for_detection`).
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from facelift.errors import FaceliftError

logger = logging.getLogger(__name__)

#: Smallest accepted side in pixels: below this no detector finds a usable face.
MIN_SIDE = 64
#: Longest side of the copy that detection and segmentation run on (mediapipe's networks see
#: 128-256 px crops anyway; larger only costs time).
DETECT_MAX_SIDE = 2048

ImageInput = Union[str, Path, Image.Image, np.ndarray]


@dataclass
class LoadedImage:
    """A decoded photo.

    Attributes:
        rgb: (H, W, 3) uint8, EXIF orientation applied, sRGB.
        alpha: (H, W) float32 in [0, 1] when the file had a non-trivial alpha channel, else None.
        name: how the input is named in messages (the path, or ``"<PIL image>"``).
    """

    rgb: np.ndarray
    alpha: np.ndarray | None
    name: str

    @property
    def width(self) -> int:
        return int(self.rgb.shape[1])

    @property
    def height(self) -> int:
        return int(self.rgb.shape[0])


def load_image(source: ImageInput, name: str | None = None) -> LoadedImage:
    """Decode ``source`` (a path, a PIL image, or an (H, W[, C]) uint8 array) into a :class:`LoadedImage`.

    Raises:
        FaceliftError: the file is missing, not an image, truncated, a decompression bomb, or
            smaller than :data:`MIN_SIDE` pixels on a side. The message names the file.
    """
    if isinstance(source, np.ndarray):
        name = name or "<array>"
        image = _image_from_array(source, name)
    elif isinstance(source, Image.Image):
        name = name or "<PIL image>"
        image = source
    else:
        path = Path(source)
        name = name or str(path)
        image = _open_file(path, name)

    try:
        image = ImageOps.exif_transpose(image)
    except Exception as exc:  # a corrupt EXIF block must not sink an otherwise fine photo
        logger.warning("%s: ignoring unreadable EXIF orientation (%s)", name, exc)
    if min(image.size) < MIN_SIDE:
        raise FaceliftError(
            f"{name}: image is too small ({image.width}x{image.height} px); need at least {MIN_SIDE} px on each side"
        )
    image = _to_srgb(image, name)
    rgb, alpha = _split_rgb_alpha(image, name)
    return LoadedImage(rgb=rgb, alpha=alpha, name=name)


def _open_file(path: Path, name: str) -> Image.Image:
    if not path.exists():
        raise FaceliftError(f"{name}: no such file")
    if path.is_dir():
        raise FaceliftError(f"{name}: is a folder, not an image file")
    with warnings.catch_warnings():
        # Pillow only *warns* between MAX_IMAGE_PIXELS and twice that; we refuse at the
        # documented limit itself, before decoding, so a bomb never reaches memory.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            payload = path.read_bytes()
            image = Image.open(io.BytesIO(payload))
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise FaceliftError(
                f"{name}: refused as a possible decompression bomb ({exc}); the limit is "
                f"PIL.Image.MAX_IMAGE_PIXELS = {Image.MAX_IMAGE_PIXELS} pixels"
            ) from None
        except UnidentifiedImageError:
            raise FaceliftError(f"{name}: not an image file (or a format Pillow cannot read)") from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            # Pillow reports truncation as OSError("image file is truncated ...") and broken
            # headers/chunks as SyntaxError or ValueError.
            raise FaceliftError(f"{name}: image file is truncated or corrupt ({_one_line(exc)})") from None
    return image


def _image_from_array(array: np.ndarray, name: str) -> Image.Image:
    if array.ndim == 2 or (array.ndim == 3 and array.shape[2] in (1, 3, 4)):
        if array.ndim == 3 and array.shape[2] == 1:
            array = array[..., 0]
        if array.dtype != np.uint8:
            if np.issubdtype(array.dtype, np.floating):
                array = np.clip(array * 255.0 + 0.5, 0, 255).astype(np.uint8)
            else:
                raise FaceliftError(f"{name}: array images must be uint8 or float in [0, 1], got {array.dtype}")
        return Image.fromarray(np.ascontiguousarray(array))
    raise FaceliftError(f"{name}: array image must be (H, W), (H, W, 3) or (H, W, 4), got {tuple(array.shape)}")


def _to_srgb(image: Image.Image, name: str) -> Image.Image:
    """Convert an embedded ICC profile to sRGB where LittleCMS is available."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image
    try:
        from PIL import ImageCms

        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        dst = ImageCms.createProfile("sRGB")
        alpha = image.getchannel("A") if image.mode == "RGBA" else None
        base = image.convert("RGB") if image.mode == "RGBA" else image
        converted = ImageCms.profileToProfile(base, src, dst, outputMode="RGB")
        if converted is None:  # pragma: no cover - only with inPlace=True
            return image
        if alpha is not None:
            converted.putalpha(alpha)
        return converted
    except Exception as exc:  # an unusable profile: keep the pixels as they are
        logger.debug("%s: ICC profile ignored (%s)", name, exc)
        return image


def _split_rgb_alpha(image: Image.Image, name: str) -> tuple[np.ndarray, np.ndarray | None]:
    mode = image.mode
    if mode == "P" or mode == "PA":
        # Palette transparency lives in info["transparency"]; RGBA conversion resolves it.
        has_alpha = mode == "PA" or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
        mode = image.mode
    if mode in ("I", "I;16", "I;16L", "I;16B", "I;16N", "F"):
        rgb = np.repeat(_high_bit_depth_to_uint8(np.asarray(image)), 3).reshape(image.height, image.width, 3)
        return rgb, None
    alpha = None
    if mode in ("RGBA", "LA", "RGBa", "La"):
        if mode in ("RGBa", "La"):  # premultiplied: un-premultiply first
            image = image.convert(mode.replace("a", "A"))
        a = np.asarray(image.getchannel("A"), dtype=np.float32) / 255.0
        if a.min() < 1.0:  # a fully opaque alpha carries no mask: let segmentation decide
            alpha = a
    # Colour under fully transparent pixels is arbitrary (often black); callers composite.
    rgb = np.asarray(image.convert("RGB"), dtype=np.uint8)
    return np.ascontiguousarray(rgb), alpha


def _high_bit_depth_to_uint8(values: np.ndarray) -> np.ndarray:
    """Map a 16/32-bit integer or float channel to uint8 using its nominal range."""
    values = values.astype(np.float64)
    vmax = float(values.max()) if values.size else 0.0
    vmin = float(values.min()) if values.size else 0.0
    if vmin >= 0.0 and vmax <= 1.0:
        scale = 255.0  # float images in [0, 1]
    elif vmin >= 0.0 and vmax <= 255.0:
        scale = 1.0
    elif vmin >= 0.0 and vmax <= 65535.0:
        scale = 255.0 / 65535.0  # 16-bit
    else:  # unknown range (signed / 32-bit): stretch to the data
        values = values - vmin
        scale = 255.0 / max(vmax - vmin, 1e-12)
    return np.clip(values * scale + 0.5, 0, 255).astype(np.uint8)


def downscale_for_detection(rgb: np.ndarray, max_side: int = DETECT_MAX_SIDE) -> tuple[np.ndarray, float]:
    """A copy of ``rgb`` (H, W, 3) whose longer side is at most ``max_side``, and its scale factor (<= 1).

    Coordinates found on the copy map back to the original by dividing by the factor.
    """
    h, w = rgb.shape[:2]
    factor = min(1.0, max_side / max(h, w))
    if factor >= 1.0:
        return rgb, 1.0
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    # reducing_gap=1: box-reduce by the integer part first (fast), then Lanczos; plenty for detection.
    small = Image.fromarray(rgb).resize(size, Image.Resampling.LANCZOS, reducing_gap=1.0)
    logger.info("downscaled %dx%d image to %dx%d for detection", w, h, size[0], size[1])
    return np.asarray(small), size[0] / w


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
