"""Detection, segmentation and the release's framing (SPEC §2.1) on the bundled example photo."""

import logging
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from facelift.errors import FaceliftError
from facelift.preprocess import FACE_CENTER, FACE_SIZE, CropTransform, FaceBox, preprocess_image, warp
from facelift.preprocess import prepare
from facelift.preprocess.crop import fit_transform, framing_transform
from facelift.preprocess.detect import BUNDLED_MODELS, check_bundled_models, detect_faces
from facelift.preprocess.io import load_image
from facelift.preprocess.prepare import find_face

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


@pytest.fixture(scope="module")
def example_rgb():
    return load_image(EXAMPLE).rgb


@pytest.fixture(scope="module")
def framed():
    return preprocess_image(EXAMPLE)


def redetect(image) -> FaceBox:
    return find_face(load_image(image)).box


def test_mediapipe_models_are_bundled_not_downloaded():
    root = check_bundled_models()
    for name in BUNDLED_MODELS:
        assert (root / name).stat().st_size > 50_000


def test_example_photo_has_one_face(example_rgb):
    dets = detect_faces(example_rgb)
    assert len(dets) == 1 and dets[0].score > 0.8
    assert dets[0].landmarks.shape == (478, 3)
    # The face is in the upper-left quarter of the photo (Eileen Collins' portrait).
    cx, cy = dets[0].box.center
    assert 150 < cx < 300 and 60 < cy < 200


def test_framing_puts_the_face_box_at_the_release_place(framed):
    assert framed.image.size == (512, 512) and framed.image.mode == "RGB"
    assert framed.num_faces == 1
    # Detect again on the output: the face must now be where the release puts it.
    box = redetect(framed.image)
    assert abs(box.center[0] - FACE_CENTER[0]) < 3 and abs(box.center[1] - FACE_CENTER[1]) < 3
    assert abs(box.size - FACE_SIZE) < 0.03 * FACE_SIZE
    assert framed.transform.scale == pytest.approx(FACE_SIZE / redetect(EXAMPLE).size, rel=1e-6)


def test_background_is_white_and_mask_matches(framed):
    rgb = np.asarray(framed.image).astype(int)
    assert framed.mask.shape == (512, 512)
    background = framed.mask < 0.01
    assert background.mean() > 0.2  # the flag and shuttle are gone
    # Away from the silhouette (the colour resampler's kernel is wider than the mask's) it is white.
    far = ndimage.binary_erosion(background, iterations=4)
    assert (rgb[far] >= 254).all()
    assert framed.mask[280, 252] > 0.99  # the face centre is foreground
    # Top corners were the flag (red/white/blue) and studio backdrop: now white.
    assert (rgb[:20, :20] >= 254).all() and (rgb[:20, -20:] >= 254).all()


def test_keep_background_option(framed):
    kept = preprocess_image(EXAMPLE, remove_background=False)
    assert kept.mask is None
    assert kept.transform == framed.transform
    rgb = np.asarray(kept.image).astype(int)
    # Where the source covers the canvas the backdrop stays (the studio backdrop is not white).
    assert np.abs(rgb[60:120, 400:460] - 255).mean() > 20


def test_crop_is_invariant_to_where_the_face_is(example_rgb, framed):
    # Shrink the photo and paste it off-centre on a larger canvas: the framing must undo it.
    small = Image.fromarray(example_rgb).resize((358, 358), Image.Resampling.LANCZOS)
    canvas = Image.new("RGB", (700, 600), (90, 120, 90))
    canvas.paste(small, (300, 200))
    moved = preprocess_image(canvas)
    # The source face box maps to the same output place; both photos' crops look alike.
    assert abs(moved.face_box.center[0] - framed.face_box.center[0]) < 1e-6
    diff = np.abs(np.asarray(moved.image, float) - np.asarray(framed.image, float))
    assert diff[150:420, 150:360].mean() < 12  # face region agrees (detector jitter only)


def test_several_faces_choose_the_largest_and_warn(example_rgb, caplog):
    face = Image.fromarray(example_rgb).crop((130, 10, 330, 260))  # head and shoulders
    canvas = Image.new("RGB", (900, 520), (200, 200, 200))
    canvas.paste(face.resize((160, 200)), (40, 300))  # small copy, lower left
    canvas.paste(face.resize((320, 400)), (500, 60))  # large copy, right
    with caplog.at_level(logging.WARNING):
        result = preprocess_image(canvas, remove_background=False)
    assert result.num_faces == 2
    assert any("found 2 faces" in r.getMessage() and "largest" in r.getMessage() for r in caplog.records)
    # The chosen face is the large copy: its source box lies in the right half.
    source_box = result.transform.inverse().apply_box(result.face_box)
    assert source_box.center[0] > 500 and source_box.width > 120


def test_segmentation_keeps_the_framed_person_not_the_largest_blob():
    from facelift.preprocess.segment import _keep_main_component

    alpha = np.zeros((60, 100), np.float32)
    alpha[10:50, 5:45] = 1.0   # the larger person
    alpha[20:40, 70:85] = 1.0  # the framed face's person
    assert _keep_main_component(alpha)[30, 77] == 0 and _keep_main_component(alpha)[30, 20] == 1
    kept = _keep_main_component(alpha, focus=(77.0, 30.0))
    assert kept[30, 77] == 1 and kept[30, 20] == 0
    # A focus that falls in a gap picks the nearest person.
    kept = _keep_main_component(alpha, focus=(62.0, 30.0))
    assert kept[30, 77] == 1 and kept[30, 20] == 0


def test_touching_people_are_split_between_their_faces():
    from facelift.preprocess.segment import _split_from_others

    alpha = np.zeros((60, 100), np.float32)
    alpha[10:40, 10:40] = 1.0  # the framed head
    alpha[10:40, 60:90] = 1.0  # a neighbour's head
    alpha[35:60, 0:100] = 1.0  # their shoulders touch: one blob
    kept = _split_from_others(alpha, (25.0, 25.0), 20.0, [(75.0, 25.0, 20.0)])
    assert kept[25, 25] == 1 and kept[50, 10] == 1  # the framed head and its shoulder stay
    assert kept[25, 75] == 0 and kept[50, 90] == 0  # the neighbour goes
    # A nearer (larger) face claims more of the space between them.
    assert _split_from_others(alpha, (25.0, 25.0), 40.0, [(75.0, 25.0, 20.0)])[50, 55] == 1
    assert kept[50, 55] == 0
    # A face off the blob (another, separate person) cuts nothing.
    np.testing.assert_array_equal(_split_from_others(alpha, (25.0, 25.0), 20.0, [(75.0, 5.0, 20.0)]), alpha)


def test_a_standing_neighbours_body_beside_the_face_goes_with_their_face():
    # dlib's 2008_002470: a seated man's face, and right beside it the shirt of a man standing
    # behind him, whose face is far above. The shirt is nearer the seated face than the
    # standing one, yet it hangs below the standing face: it is his.
    from facelift.preprocess.segment import _split_from_others

    alpha = np.ones((100, 100), np.float32)  # one blob
    kept = _split_from_others(alpha, (40.0, 60.0), 12.0, [(70.0, 10.0, 12.0)])
    assert kept[60, 40] == 1 and kept[85, 40] == 1  # the seated face and his body below it
    assert kept[60, 70] == 0 and kept[10, 70] == 0  # the standing man's shirt and face
    assert kept[60, 55] == 1  # nearer the seated face horizontally: his


def test_someone_standing_behind_does_not_take_the_framed_head():
    # dlib's 2008_001009: a woman stands behind the framed one, her face straight above. The
    # framed head's hair lies below the standing woman's face, but it is the framed head's.
    from facelift.preprocess.segment import _split_from_others

    alpha = np.ones((100, 100), np.float32)
    kept = _split_from_others(alpha, (50.0, 60.0), 14.0, [(50.0, 25.0, 14.0)])
    assert kept[60, 50] == 1 and kept[47, 50] == 1 and kept[60, 40] == 1  # face, hair, side of the head
    assert kept[25, 50] == 0 and kept[35, 50] == 0  # the standing woman's face and chin


def _ellipse(h, w, cy, cx, ry, rx):
    yy, xx = np.mgrid[0:h, 0:w]
    return ((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1.0


def test_a_crowd_head_touching_the_shoulder_is_dropped_but_the_own_head_and_shoulders_stay():
    # deepface's img41: a blurred head in the crowd touches the framed man's raised shoulder, so
    # segmentation gives one blob, and no face is found on it to split it off.
    from facelift.preprocess.segment import _drop_detours

    h, w = 200, 240
    head = _ellipse(h, w, 70, 100, 40, 32)
    neck = np.zeros((h, w), bool)
    neck[100:135, 85:115] = True
    body = _ellipse(h, w, 180, 110, 80, 120)           # shoulders rise above the chin (y = 111)
    bun = _ellipse(h, w, 45, 140, 14, 14)               # hair sticking out beside the head
    crowd = _ellipse(h, w, 60, 205, 30, 22)              # someone behind, right of the head
    bridge = np.zeros((h, w), bool)
    bridge[60:150, 205:220] = True                       # ... that reaches down to the shoulder
    alpha = (head | neck | body | bun | crowd | bridge).astype(np.float32)
    kept = _drop_detours(alpha, focus=(100.0, 75.0), focus_size=60.0)
    assert kept[60, 205] == 0 and kept[40, 205] == 0      # the crowd head goes
    assert kept[75, 100] == 1 and kept[35, 100] == 1 and kept[45, 148] == 1  # face, crown, bun
    assert kept[105, 75] == 1 and kept[105, 145] == 1     # both shoulders, above the chin too
    np.testing.assert_array_equal(kept[113:], alpha[113:])  # the body below the face is left alone
    # Without the bridge the crowd head is another blob: nothing here to drop (the main
    # component keeps the framed one), and a lone head is returned as it is.
    lone = (head | neck | body).astype(np.float32)
    np.testing.assert_array_equal(_drop_detours(lone, (100.0, 75.0), 60.0), lone)


def test_group_photo_keeps_the_neighbours_face_out_of_the_mask(example_rgb):
    # Two people leaning together (the same head twice, the framed one larger): segmentation
    # sees one blob; the neighbour's face must not come back beside the framed one.
    face = Image.fromarray(example_rgb).crop((130, 10, 330, 260))
    canvas = Image.new("RGB", (760, 520), (40, 90, 160))
    canvas.paste(face.resize((256, 320)), (150, 150))
    canvas.paste(face.resize((320, 400)), (300, 90))
    found = find_face(load_image(canvas))
    assert found.num_faces == 2 and len(found.others) == 1
    result = preprocess_image(canvas)
    neighbour = result.transform.apply(np.array([found.others[0].center]))[0]
    x, y = int(neighbour[0]), int(neighbour[1])
    assert 0 <= x < 512 and 0 <= y < 512, "the neighbour's face must be inside the crop for this test"
    assert result.mask[y, x] < 0.05
    cx, cy = (int(v) for v in result.face_box.center)
    assert result.mask[cy, cx] > 0.99


def test_face_mesh_keeps_the_mesh_on_the_box_not_a_neighbours(monkeypatch):
    # The mesh sees the chosen face with 2.2x context, which in a group photo holds a
    # neighbour's face too, and mediapipe may list that one first (dlib's 2008_002079 framed
    # the wrong person). The mesh centred on the box is kept; none, if no mesh lies on it.
    from types import SimpleNamespace

    from facelift.preprocess import detect

    def mesh_at(cx, cy):  # 478 normalised crop points around (cx, cy)
        t = np.linspace(0, 2 * np.pi, 478, endpoint=False)
        pts = [SimpleNamespace(x=cx + 0.05 * np.cos(a), y=cy + 0.05 * np.sin(a), z=0.0) for a in t]
        return SimpleNamespace(landmark=pts)

    fitted = {}  # what each mesh model finds in the crop
    monkeypatch.setattr(detect, "run_model", lambda name, rgb: SimpleNamespace(multi_face_landmarks=fitted[name]))
    rgb = np.zeros((400, 400, 3), np.uint8)
    box = FaceBox(150.0, 150.0, 250.0, 250.0)  # crop: 220 px wide from (90, 90)
    neighbour, face = mesh_at(0.15, 0.5), mesh_at(0.5, 0.5)
    # The one-face mesh fits the neighbour; the several-face one finds both, the neighbour first.
    fitted.update(mesh=[neighbour], mesh_multi=[neighbour, face])
    np.testing.assert_allclose(detect.face_landmarks(rgb, box)[:, :2].mean(axis=0), (200.0, 200.0), atol=1e-6)
    # Only the neighbour is ever fitted: no landmarks rather than the wrong face's.
    fitted.update(mesh=[neighbour], mesh_multi=[neighbour])
    assert detect.face_landmarks(rgb, box) is None
    # The one-face mesh on the box is kept as it is (the several-face model is not asked).
    fitted.update(mesh=[face], mesh_multi=[])
    np.testing.assert_allclose(detect.face_landmarks(rgb, box)[:, :2].mean(axis=0), (200.0, 200.0), atol=1e-6)


def test_no_face_suggests_no_crop(tmp_path):
    path = tmp_path / "wall.png"
    y, x = np.mgrid[0:256, 0:256]
    Image.fromarray(np.stack([x, y, (x + y) // 2], -1).astype(np.uint8)).save(path)
    with pytest.raises(FaceliftError) as info:
        preprocess_image(path)
    message = str(info.value)
    assert str(path) in message and "no face" in message and "--no-crop" in message and "\n" not in message


def test_no_crop_resizes_pads_and_composites_alpha(tmp_path):
    rgba = np.zeros((200, 300, 4), np.uint8)
    rgba[..., :3] = (10, 20, 200)
    rgba[50:150, 100:200, 3] = 255  # an opaque square, transparent elsewhere
    path = tmp_path / "cutout.png"
    Image.fromarray(rgba, "RGBA").save(path)
    result = preprocess_image(path, crop=False)
    assert result.face_box is None and result.num_faces is None
    assert result.transform == fit_transform(300, 200, 512)
    rgb = np.asarray(result.image).astype(int)
    assert (rgb[:60] == 255).all()  # white padding above (image is 512x341 centred)
    assert (rgb[256, 10] == 255).all()  # transparent area composited onto white
    np.testing.assert_allclose(rgb[256, 256], (10, 20, 200), atol=1)  # opaque square kept
    assert result.mask[256, 256] == pytest.approx(1.0) and result.mask[256, 10] == pytest.approx(0.0)


def test_rgba_alpha_is_used_instead_of_segmentation(example_rgb, monkeypatch, tmp_path):
    def fail(*_):
        raise AssertionError("segmentation must not run when the input has alpha")

    monkeypatch.setattr(prepare, "segment_person_small", fail)
    alpha = np.zeros(example_rgb.shape[:2], np.uint8)
    alpha[:, :340] = 255  # keep the left part (the person), cut the shuttle on the right
    path = tmp_path / "astronaut.png"
    Image.fromarray(np.dstack([example_rgb, alpha]), "RGBA").save(path)
    result = preprocess_image(path)
    src_x = result.transform.inverse().apply(np.array([[500.0, 100.0]]))[0, 0]
    assert src_x > 345  # output column 500 comes from the cut-away part ...
    assert (np.asarray(result.image)[90:110, 500:510] == 255).all()  # ... so it is white
    assert result.mask[100, 505] == 0.0 and result.mask[280, 252] == 1.0


def test_exif_rotated_photo_is_framed_like_the_upright_one(example_rgb, framed, tmp_path):
    stored = Image.fromarray(example_rgb).transpose(Image.Transpose.ROTATE_90)  # displayed after 90° CW
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "phone.jpg"
    stored.save(path, exif=exif, quality=95)
    result = preprocess_image(path)
    assert result.source_size == (512, 512)
    assert result.transform.scale == pytest.approx(framed.transform.scale, rel=0.03)
    assert abs(result.transform.tx - framed.transform.tx) < 6 and abs(result.transform.ty - framed.transform.ty) < 6


def test_large_photo_is_detected_on_a_downscaled_copy(example_rgb, framed, caplog):
    big = np.asarray(Image.fromarray(example_rgb).resize((2600, 2600), Image.Resampling.BICUBIC))
    with caplog.at_level(logging.INFO):
        result = preprocess_image(big, remove_background=False)
    assert any("for detection" in r.getMessage() for r in caplog.records)
    # Same framing as the original photo, expressed in the big photo's pixels.
    assert result.transform.scale * 2600 / 512 == pytest.approx(framed.transform.scale, rel=0.03)
    assert abs(result.transform.tx - framed.transform.tx) < 6


def test_warp_maps_points_by_the_transform():
    image = np.zeros((100, 120), np.float32)
    image[40:50, 60:70] = 1.0  # a square centred at (65, 45)
    t = CropTransform(scale=2.5, tx=-30.0, ty=17.0)
    out = warp(image, t, (256, 200), fill=0.0)
    assert out.shape == (200, 256)
    ys, xs = np.nonzero(out > 0.5)
    np.testing.assert_allclose([xs.mean() + 0.5, ys.mean() + 0.5], t.apply(np.array([65.0, 45.0])), atol=0.6)
    assert out.sum() == pytest.approx(100 * 2.5 ** 2, rel=0.02)


def test_framing_transform_is_the_release_geometry():
    box = FaceBox.from_cxcywh((400.0, 300.0, 100.0, 120.0))
    t = framing_transform(box)
    mapped = t.apply_box(box)
    assert mapped.center == pytest.approx(FACE_CENTER)
    assert mapped.size == pytest.approx(FACE_SIZE)
    half = framing_transform(box, size=256)
    assert half.scale == pytest.approx(t.scale / 2)
    np.testing.assert_allclose(FaceBox.from_cxcywh(box.as_cxcywh()).as_cxcywh(), box.as_cxcywh())


def test_given_face_box_skips_detection(framed, monkeypatch):
    box = find_face(load_image(EXAMPLE)).box
    monkeypatch.setattr(prepare, "find_face", lambda *_: (_ for _ in ()).throw(AssertionError("detected")))
    given = preprocess_image(EXAMPLE, face_box=box)
    assert given.transform == framed.transform and given.num_faces is None
    np.testing.assert_array_equal(np.asarray(given.image), np.asarray(framed.image))
