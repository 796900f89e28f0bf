from pathlib import Path

import numpy as np
import pytest

from facelift.errors import FaceliftError
from facelift.reanimate import Reanimator, make_reanimator
from facelift.reanimate.landmarks import (RIGID, LandmarkReanimator, fit_similarity, head_pose, mouth_opening,
                                         transfer_motion)
from facelift.reanimate.synthetic import nodding_talking_clip
from facelift.reanimate.warp import INNER_LIPS, backward_map, remap, warp_face

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


@pytest.fixture(scope="module")
def face():
    """The example photo framed at 512² and its face mesh."""
    from facelift.preprocess import preprocess_image

    pre = preprocess_image(EXAMPLE, size=512)
    return np.asarray(pre.image), pre.landmarks


def _rotation_x(degrees: float) -> np.ndarray:
    a = np.radians(degrees)
    return np.array([[1.0, 0, 0], [0, np.cos(a), -np.sin(a)], [0, np.sin(a), np.cos(a)]])


def test_a_moved_triangle_carries_its_pixels():
    image = np.full((64, 64, 3), 255, np.uint8)
    image[20:24, 20:24] = (255, 0, 0)  # a red square inside the triangle below
    points = np.array([[10.0, 10.0], [50.0, 10.0], [10.0, 50.0]])
    moved = points + [7.0, 5.0]
    out = remap(image, backward_map(points, moved, 64, 64, triangles=np.array([[0, 1, 2]])))
    red = np.argwhere((out[..., 0] > 200) & (out[..., 1] < 50))
    assert red.min(0).tolist() == [25, 27] and red.max(0).tolist() == [28, 30]


def test_the_warp_is_the_identity_when_nothing_moves(face):
    image, landmarks = face
    assert np.array_equal(warp_face(image, landmarks, landmarks), image)


def test_reanimating_with_the_first_frame_returns_the_photo(face):
    image, _ = face
    driving = np.ascontiguousarray(image[:, ::-1])  # any face will do as the driving video
    out = LandmarkReanimator()(image, driving, driving.copy())
    assert isinstance(LandmarkReanimator(), Reanimator)
    assert out.shape == image.shape and np.abs(out.astype(int) - image).max() <= 1


def test_motion_transfer_applies_the_relative_pose_and_the_scaled_expression():
    rng = np.random.default_rng(0)
    first = rng.normal(0, 40, (478, 3)) + [200, 220, 0]
    mouth = list(INNER_LIPS)
    expression = np.zeros_like(first)
    expression[mouth, 1] = 6.0  # the lips move down 6 px in the driving face's own frame
    turn = _rotation_x(9.0)
    centre = first[list(RIGID)].mean(0)
    driving = centre + (first + expression - centre) @ turn.T + [3.0, -2.0, 0.0]
    source = 2.0 * first + [10.0, 5.0, 0.0]  # the photo's face: twice as large, elsewhere
    target = transfer_motion(source, first, driving)
    centre_s = source[list(RIGID)].mean(0)
    expected = centre_s + [6.0, -4.0, 0.0] + (source + 2.0 * expression - centre_s) @ turn.T
    assert np.allclose(target, expected, atol=1e-6)
    assert np.allclose(transfer_motion(source, first, first), source)
    pitch, yaw, roll = fit_similarity(first, first @ turn.T).euler_degrees()
    assert pitch == pytest.approx(9.0) and abs(yaw) < 1e-6 and abs(roll) < 1e-6


def test_the_synthetic_clip_nods_and_opens_the_mouth_as_the_face_mesh_sees_it(face):
    from facelift.preprocess import face_landmarks

    image, landmarks = face
    clip = nodding_talking_clip(image, landmarks, frames=4, pitch=10.0, jaw=0.12)
    seen = [face_landmarks(f) for f in clip.frames]
    opening = [mouth_opening(s) for s in seen]
    pitch = [head_pose(seen[0], s)[0] for s in seen]
    assert opening[1] > opening[0] + 0.05 and opening[3] > opening[0] + 0.05  # mouth open at 1 and 3
    assert abs(opening[2] - opening[0]) < 0.02
    assert pitch[1] > 3.0 and pitch[3] < -3.0  # chin down, then up
    # The inside of the opened mouth is drawn dark.
    lips = clip.frames[1][int(seen[1][13, 1]) + 4:int(seen[1][14, 1]) - 2, int(seen[1][13, 0])]
    assert lips.mean() < 150


def test_the_reanimated_photo_follows_the_driving_mouth(face):
    from facelift.preprocess import face_landmarks

    image, landmarks = face
    clip = nodding_talking_clip(image, landmarks, frames=4, pitch=0.0, jaw=0.12)
    reanimator = LandmarkReanimator()
    photo = np.ascontiguousarray(image[:, ::-1])  # a "different" photo: the mirrored one
    out = reanimator(photo, clip.frames[1], clip.frames[0])
    assert mouth_opening(face_landmarks(out)) > mouth_opening(face_landmarks(photo)) + 0.05


def test_a_frame_without_a_face_is_one_clear_error(face):
    image, _ = face
    blank = np.full_like(image, 255)
    with pytest.raises(FaceliftError, match="no face found in the driving frame"):
        LandmarkReanimator()(image, blank, image)


def test_unknown_reanimator_names_the_choices():
    with pytest.raises(FaceliftError, match="landmarks, liveportrait"):
        make_reanimator("nope")


def _with_blue_dot(image: np.ndarray, x: int, y: int) -> np.ndarray:
    out = image.copy()
    out[y - 3:y + 3, x - 3:x + 3] = (0, 0, 255)
    return out


def test_liveportrait_adapter_moves_the_photo_by_the_driving_motion(face):
    from facelift.preprocess import face_landmarks
    from facelift.reanimate.liveportrait import LivePortraitReanimator
    from liveportrait_standin import LivePortraitWrapper, get_rotation_matrix

    image, landmarks = face
    wrapper = LivePortraitWrapper()
    reanimator = LivePortraitReanimator(wrapper, get_rotation_matrix)
    first = _with_blue_dot(image, 60, 60)
    same = reanimator(image, first, first)
    inner = np.abs(same.astype(int) - image)[150:400, 150:400]
    assert same.shape == image.shape and inner.mean() < 3  # only the 512 -> 256 -> 512 resampling
    moved = reanimator(image, _with_blue_dot(image, 60 + 24, 60), first)
    nose = face_landmarks(moved)[1, :2] - landmarks[1, :2]
    assert nose[0] == pytest.approx(24, abs=3) and abs(nose[1]) < 2
    assert isinstance(reanimator, Reanimator) and wrapper.calls == 2


def test_liveportrait_not_set_up_is_one_clear_line(tmp_path, monkeypatch):
    from facelift.reanimate.liveportrait import WEIGHT_FILES

    monkeypatch.delenv("LIVEPORTRAIT_DIR", raising=False)
    with pytest.raises(FaceliftError, match="clone https://github.com/KwaiVGI/LivePortrait"):
        make_reanimator("liveportrait")
    with pytest.raises(FaceliftError, match="not a LivePortrait checkout"):
        make_reanimator("liveportrait", liveportrait_dir=tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "live_portrait_wrapper.py").write_text("import a_module_nobody_has\n")
    with pytest.raises(FaceliftError, match="weights missing"):
        make_reanimator("liveportrait", liveportrait_dir=tmp_path)
    for name in WEIGHT_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    try:
        with pytest.raises(FaceliftError, match="cannot be imported .*a_module_nobody_has"):
            make_reanimator("liveportrait", liveportrait_dir=tmp_path)
    finally:
        _forget_checkout(tmp_path)


def _forget_checkout(root):
    import sys

    for name in [m for m in sys.modules if m == "src" or m.startswith("src.")]:
        del sys.modules[name]
    while str(root.resolve()) in sys.path:
        sys.path.remove(str(root.resolve()))


def test_liveportrait_loads_from_a_checkout(tmp_path, monkeypatch):
    import shutil

    from facelift.reanimate.liveportrait import LivePortraitReanimator, WEIGHT_FILES

    for name in WEIGHT_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    for sub in ("src", "src/config", "src/utils"):
        (tmp_path / sub).mkdir(exist_ok=True)
        (tmp_path / sub / "__init__.py").write_text("")
    shutil.copy(Path(__file__).with_name("liveportrait_standin.py"), tmp_path / "src" / "live_portrait_wrapper.py")
    (tmp_path / "src" / "utils" / "camera.py").write_text("from ..live_portrait_wrapper import get_rotation_matrix\n")
    (tmp_path / "src" / "config" / "inference_config.py").write_text(
        "class InferenceConfig:\n    flag_force_cpu = False\n    flag_use_half_precision = True\n")
    monkeypatch.setenv("LIVEPORTRAIT_DIR", str(tmp_path))
    try:
        reanimator = make_reanimator("liveportrait", device="cpu")
        assert isinstance(reanimator, LivePortraitReanimator)
        config = reanimator.wrapper.inference_cfg
        assert config.flag_force_cpu and not config.flag_use_half_precision
    finally:
        _forget_checkout(tmp_path)


def test_the_opened_mouth_shows_the_photos_own_teeth_moving_with_the_lips(face):
    from facelift.reanimate.warp import CAVITY_RGB, LOWER_LIP_CENTER, UPPER_LIP_CENTER, mouth_fill

    _, landmarks = face
    source = landmarks.copy()
    ring = list(INNER_LIPS)
    upper_y, lower_y = source[UPPER_LIP_CENTER, 1], source[LOWER_LIP_CENTER, 1]
    # Open the photo's mouth to a 10 px gap and paint its inside: green above the middle, blue below.
    source[ring[11:], 1] += 10.0 - (lower_y - upper_y)
    upper_y, lower_y = source[UPPER_LIP_CENTER, 1], source[LOWER_LIP_CENTER, 1]
    x = int(source[UPPER_LIP_CENTER, 0])
    photo = np.full((512, 512, 3), 200, np.uint8)
    middle = int(round(0.5 * (upper_y + lower_y)))
    photo[int(upper_y) - 2:middle, :] = (0, 255, 0)
    photo[middle:int(lower_y) + 3, :] = (0, 0, 255)
    # The target drops the jaw by 30 px: the lower lip and everything on the jaw move down.
    target = source.copy()
    target[ring[11:], 1] += 30.0
    out = mouth_fill(photo, source, target, photo=photo).astype(int)
    column = out[:, x]
    top, bottom = int(target[UPPER_LIP_CENTER, 1]), int(target[LOWER_LIP_CENTER, 1])
    assert column[top + 2, 1] > 200 and column[top + 2, 2] < 60  # upper teeth stay under the upper lip
    assert column[bottom - 3, 2] > 200 and column[bottom - 3, 1] < 60  # lower teeth came down with the jaw
    gap = column[top + 8:bottom - 10]
    assert len(gap) > 5 and (gap[:, 1] < 120).all() and (gap[:, 2] < 120).all()  # between them: the cavity
    assert abs(gap[0, 0] - CAVITY_RGB[0]) < 40
    # A closed mouth in the photo gets the plain band of teeth instead of its (absent) own.
    closed = source.copy()
    closed[ring, 1] = upper_y  # the inner lips meet: no opening to take teeth from
    band = mouth_fill(photo, closed, target, photo=photo).astype(int)[top + 2, x]
    assert band.min() > 150 and abs(band[0] - band[1]) < 30  # the teeth band's off-white, not green
