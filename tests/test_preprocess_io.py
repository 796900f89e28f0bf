"""Robust loading: formats, EXIF, modes, and one-line errors for every bad input class."""

import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from facelift.errors import FaceliftError
from facelift.preprocess.io import MIN_SIDE, downscale_for_detection, load_image


def gradient(w=96, h=80):
    y, x = np.mgrid[0:h, 0:w]
    return np.stack([x * 255 // (w - 1), y * 255 // (h - 1), np.full_like(x, 128)], -1).astype(np.uint8)


def png_header_only(path, width, height):
    """A PNG whose header claims ``width`` x ``height`` pixels but carries almost no data."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 16))
                     + chunk(b"IEND", b""))


@pytest.mark.parametrize("ext,tolerance", [("png", 0), ("bmp", 0), ("tiff", 0), ("webp", 12), ("jpg", 12)])
def test_common_formats_decode_to_the_same_pixels(tmp_path, ext, tolerance):
    rgb = gradient()
    path = tmp_path / f"img.{ext}"
    kwargs = {"quality": 98} if ext in ("jpg", "webp") else {}
    Image.fromarray(rgb).save(path, **kwargs)
    loaded = load_image(path)
    assert loaded.rgb.shape == (80, 96, 3) and loaded.rgb.dtype == np.uint8
    assert np.abs(loaded.rgb.astype(int) - rgb).mean() <= tolerance
    assert loaded.alpha is None
    assert loaded.name == str(path)


def test_exif_orientation_is_applied(tmp_path):
    # Stored landscape: left half red, right half blue. Orientation 6 means "rotate 90° clockwise
    # to display", so the displayed portrait has red on top.
    stored = np.zeros((70, 100, 3), np.uint8)
    stored[:, :50] = (255, 0, 0)
    stored[:, 50:] = (0, 0, 255)
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "rotated.jpg"
    Image.fromarray(stored).save(path, exif=exif, quality=95)
    loaded = load_image(path)
    assert loaded.rgb.shape == (100, 70, 3)
    assert loaded.rgb[10, 35, 0] > 200 and loaded.rgb[10, 35, 2] < 60  # top is red
    assert loaded.rgb[90, 35, 2] > 200 and loaded.rgb[90, 35, 0] < 60  # bottom is blue


def test_rgba_alpha_becomes_the_mask(tmp_path):
    rgba = np.zeros((80, 96, 4), np.uint8)
    rgba[..., :3] = gradient()
    rgba[20:60, 30:70, 3] = 255
    rgba[20:60, 30:31, 3] = 128
    path = tmp_path / "cutout.png"
    Image.fromarray(rgba, "RGBA").save(path)
    loaded = load_image(path)
    assert loaded.alpha is not None and loaded.alpha.shape == (80, 96)
    assert loaded.alpha[40, 50] == 1.0 and loaded.alpha[0, 0] == 0.0
    assert loaded.alpha[40, 30] == pytest.approx(128 / 255)
    np.testing.assert_array_equal(loaded.rgb[40, 50], rgba[40, 50, :3])


def test_fully_opaque_alpha_is_not_a_mask(tmp_path):
    rgba = np.concatenate([gradient(), np.full((80, 96, 1), 255, np.uint8)], -1)
    path = tmp_path / "opaque.png"
    Image.fromarray(rgba, "RGBA").save(path)
    assert load_image(path).alpha is None


def test_grayscale_palette_and_one_bit_become_rgb(tmp_path):
    gray = gradient()[..., 0]
    Image.fromarray(gray, "L").save(tmp_path / "gray.png")
    loaded = load_image(tmp_path / "gray.png")
    assert loaded.rgb.shape == (80, 96, 3)
    np.testing.assert_array_equal(loaded.rgb[..., 1], gray)

    Image.fromarray(gradient()).quantize(16).save(tmp_path / "palette.png")
    pal = load_image(tmp_path / "palette.png")
    assert pal.rgb.shape == (80, 96, 3) and np.abs(pal.rgb.astype(int) - gradient()).mean() < 20

    Image.fromarray(gray > 128).convert("1").save(tmp_path / "bits.bmp")
    bits = load_image(tmp_path / "bits.bmp")
    assert set(np.unique(bits.rgb)) <= {0, 255}


def test_palette_transparency_becomes_the_mask(tmp_path):
    pal = Image.fromarray(np.zeros((80, 96), np.uint8), "P")
    pal.putpalette([255, 255, 255, 200, 10, 10] + [0] * 762)
    pixels = np.zeros((80, 96), np.uint8)
    pixels[10:50, 10:50] = 1
    pal = Image.fromarray(pixels, "P")
    pal.putpalette([255, 255, 255, 200, 10, 10] + [0] * 762)
    pal.info["transparency"] = 0
    pal.save(tmp_path / "pal.png", transparency=0)
    loaded = load_image(tmp_path / "pal.png")
    assert loaded.alpha is not None
    assert loaded.alpha[20, 20] == 1.0 and loaded.alpha[70, 70] == 0.0
    assert tuple(loaded.rgb[20, 20]) == (200, 10, 10)


@pytest.mark.parametrize("ext", ["png", "tiff"])
def test_sixteen_bit_grayscale_is_rescaled_not_clipped(tmp_path, ext):
    values = (gradient()[..., 0].astype(np.uint16) * 257)  # full 16-bit range
    path = tmp_path / f"deep.{ext}"
    Image.fromarray(values).save(path)  # uint16 -> mode I;16
    assert Image.open(path).mode.startswith("I")
    loaded = load_image(path)
    assert loaded.rgb.dtype == np.uint8
    np.testing.assert_allclose(loaded.rgb[..., 0].astype(int), gradient()[..., 0].astype(int), atol=1)


def test_sixteen_bit_rgb_png(tmp_path):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    values = np.random.default_rng(0).integers(0, 65536, (70, 80, 3)).astype(np.uint16)
    raw = b"".join(b"\0" + row.astype(">u2").tobytes() for row in values)
    path = tmp_path / "deep_rgb.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 80, 70, 16, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    loaded = load_image(path)
    assert loaded.rgb.shape == (70, 80, 3) and loaded.rgb.dtype == np.uint8
    assert np.abs(loaded.rgb.astype(int) - values / 257.0).max() <= 1.0


def test_float_tiff_in_unit_range(tmp_path):
    values = gradient()[..., 1].astype(np.float32) / 255.0
    Image.fromarray(values).save(tmp_path / "float.tiff")
    loaded = load_image(tmp_path / "float.tiff")
    np.testing.assert_allclose(loaded.rgb[..., 0].astype(int), gradient()[..., 1].astype(int), atol=1)


def test_cmyk_jpeg_is_converted(tmp_path):
    rgb = np.zeros((80, 96, 3), np.uint8)
    rgb[:, :48] = (220, 30, 30)
    rgb[:, 48:] = (30, 30, 220)
    Image.fromarray(rgb).convert("CMYK").save(tmp_path / "cmyk.jpg", quality=95)
    assert Image.open(tmp_path / "cmyk.jpg").mode == "CMYK"
    loaded = load_image(tmp_path / "cmyk.jpg")
    assert loaded.rgb.shape == (80, 96, 3)
    assert np.abs(loaded.rgb[40, 10].astype(int) - (220, 30, 30)).max() < 20
    assert np.abs(loaded.rgb[40, 80].astype(int) - (30, 30, 220)).max() < 20


def test_pil_images_and_arrays_are_accepted():
    rgb = gradient()
    assert np.array_equal(load_image(Image.fromarray(rgb)).rgb, rgb)
    assert np.array_equal(load_image(rgb).rgb, rgb)
    assert load_image(rgb.astype(np.float32) / 255.0).rgb.shape == (80, 96, 3)


def expect_error(path, *words):
    with pytest.raises(FaceliftError) as info:
        load_image(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message, message
    for word in words:
        assert word in message, message


def test_missing_file(tmp_path):
    expect_error(tmp_path / "nope.jpg", "no such file")


def test_folder_is_not_an_image(tmp_path):
    expect_error(tmp_path, "folder")


def test_not_an_image(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("this is not a photo\n" * 20)
    expect_error(path, "not an image")


@pytest.mark.parametrize("ext", ["jpg", "png"])
def test_truncated_file(tmp_path, ext):
    rng = np.random.default_rng(0)
    path = tmp_path / f"cut.{ext}"
    Image.fromarray(rng.integers(0, 255, (200, 200, 3), dtype=np.uint8)).save(path)
    payload = path.read_bytes()
    path.write_bytes(payload[: len(payload) // 2])
    expect_error(path, "truncated")


def test_too_small(tmp_path):
    path = tmp_path / "tiny.png"
    Image.fromarray(gradient(MIN_SIDE - 1, 200)).save(path)
    expect_error(path, "too small", "63x200")


@pytest.mark.parametrize("side", [10_000, 20_000])  # above PIL's warning limit, and its error limit
def test_decompression_bomb_is_refused_before_decoding(tmp_path, side):
    path = tmp_path / "bomb.png"
    png_header_only(path, side, side)
    assert path.stat().st_size < 1000
    expect_error(path, "decompression bomb", "MAX_IMAGE_PIXELS")


def test_downscale_for_detection_bounds_the_long_side():
    rgb = np.zeros((300, 1000, 3), np.uint8)
    small, factor = downscale_for_detection(rgb, max_side=500)
    assert small.shape == (150, 500, 3) and factor == pytest.approx(0.5)
    same, one = downscale_for_detection(rgb, max_side=2000)
    assert same is rgb and one == 1.0
