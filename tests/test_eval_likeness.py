"""``facelift eval likeness``: renders of the head compared with the original photo by dlib
(and ArcFace), the issue's targets, the report files and the CLI's argument errors.

The reconstruction is faked: a head whose every render is the photo itself (same person,
distance 0) or a flat grey image (no face), so the tests measure the evaluation, not a model."""

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import torch
from PIL import Image

from facelift.cli import main
from facelift.errors import FaceliftError

pytest.importorskip("dlib")
pytest.importorskip("face_recognition_models")

from facelift.eval import likeness as L  # noqa: E402
from facelift.eval.identity import ARCFACE_TEMPLATE, ArcFaceDistance, DlibIdentity  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"
GREY = 0.5


class _Render:
    def __init__(self, rgb: torch.Tensor) -> None:
        self.rgb = rgb


class _Head:
    """FaceLiftOutput stand-in: every render is ``photo`` resized to the camera, or flat grey."""

    def __init__(self, photo: np.ndarray | None) -> None:
        self.photo = photo

    def render(self, camera) -> _Render:
        if self.photo is None:
            return _Render(torch.full((camera.height, camera.width, 3), GREY))
        img = Image.fromarray(self.photo).resize((camera.width, camera.height), Image.Resampling.BICUBIC)
        return _Render(torch.from_numpy(np.asarray(img, np.float32) / 255.0))


def _same_person(path: Path) -> _Head:
    return _Head(np.asarray(Image.open(path).convert("RGB")))


def _blob(path: Path) -> _Head:
    return _Head(None)


def _grey_photo(path: Path) -> Path:
    Image.fromarray(np.full((128, 128, 3), 128, np.uint8)).save(path)
    return path


@pytest.fixture(scope="module")
def dlib_identity():
    return DlibIdentity()


@pytest.fixture(scope="module")
def same_face(dlib_identity, tmp_path_factory):
    sheets = tmp_path_factory.mktemp("sheets")
    report = L.evaluate_likeness([EXAMPLE], _same_person, dlib_identity, None, size=512, progress=False,
                                 save_dir=sheets)
    return report, sheets


def test_renders_identical_to_the_photo_have_distance_zero_and_pass(same_face):
    report, _ = same_face
    (photo,) = report.photos
    assert photo.name == "astronaut"
    assert [v.azimuth for v in photo.views] == list(L.ANGLES)
    assert all(v.face_found for v in photo.views)
    assert max(v.dlib for v in photo.views) < 1e-6  # the render at 512² is the photo, pixel for pixel
    assert all(v.arcface is None for v in photo.views)
    assert [t.passed for t in report.targets()] == [True, True]
    assert report.passed


def test_summary_counts_faces_and_takes_median_per_angle(same_face):
    report, _ = same_face
    for s in report.summary():
        assert (s.faces_found, s.photos, s.face_share) == (1, 1, 1.0)
        assert s.median_dlib < 1e-6 and s.median_arcface is None


def test_contact_sheet_shows_the_photo_then_the_renders_by_azimuth(same_face):
    report, sheets = same_face
    size = 512
    sheet = np.asarray(Image.open(sheets / report.photos[0].contact_sheet))
    band = 2 * max(L.LABEL_MIN_PX, round(size * L.LABEL_SHARE))
    assert sheet.shape == (size + band, (1 + len(L.ANGLES)) * size, 3)
    photo = np.asarray(Image.open(EXAMPLE).convert("RGB"))
    front = sorted(L.ANGLES).index(0) + 1  # tile 0 is the photo
    np.testing.assert_array_equal(sheet[band:, front * size:(front + 1) * size], photo)
    assert (sheet[:band] < 128).any()  # the labels are drawn


def test_report_json_and_markdown_are_written_and_parse(same_face, tmp_path):
    report, _ = same_face
    paths = report.write(tmp_path / "rep")
    assert [p.name for p in paths] == ["report.json", "report.md"]
    data = json.loads(paths[0].read_text())
    assert data["passed"] is True and data["angles"] == list(L.ANGLES) and data["size"] == 512
    assert data["photos"][0]["views"][0] == {"azimuth": 0, "face_found": True, "dlib": 0.0, "arcface": None}
    assert [t["passed"] for t in data["targets"]] == [True, True]
    assert len(data["summary"]) == len(L.ANGLES) and data["summary"][0]["face_share"] == 1.0
    md = paths[1].read_text()
    header = "| photo | face yaw | " + " | ".join(L.angle_label(a) for a in sorted(L.ANGLES)) + " |"
    assert header in md and "| -60° | -45° |" in header
    assert "| astronaut | ? | " + " | ".join(["0.00"] * len(L.ANGLES)) + " |" in md
    assert "| **faces found** | | " + " | ".join(["1/1"] * len(L.ANGLES)) + " |" in md
    assert "| **median** |" in md and md.count("**PASS**") == 3  # two targets and the overall line
    assert not list((tmp_path / "rep").glob(".*"))  # no temporary files left behind


def test_grey_blob_has_no_face_and_fails_the_targets(dlib_identity, tmp_path):
    report = L.evaluate_likeness([EXAMPLE], _blob, dlib_identity, None, size=256, angles=(0, -30, 30),
                                 progress=False)
    views = report.photos[0].views
    assert [(v.face_found, v.dlib) for v in views] == [(False, None)] * 3
    assert [t.passed for t in report.targets()] == [False, False]
    assert not report.passed
    md = report.to_markdown()
    assert "| astronaut | ? | no face | no face | no face |" in md
    assert "| **faces found** | | 0/1 | 0/1 | 0/1 |" in md and "| **median** | | – | – | – |" in md


def test_photo_without_a_face_is_skipped_with_a_warning(dlib_identity, tmp_path, caplog):
    grey = _grey_photo(tmp_path / "wall.png")
    called = []

    def reconstruct(path):
        called.append(path)
        return _same_person(path)

    with caplog.at_level("WARNING", logger="facelift.eval.likeness"):
        report = L.evaluate_likeness([grey, EXAMPLE], reconstruct, dlib_identity, None, size=256, angles=(0,),
                                     progress=False)
    assert called == [EXAMPLE]  # never reconstructed
    assert [p.name for p in report.photos] == ["astronaut"]
    assert [(s.name, s.reason.split(":")[0]) for s in report.skipped] == [("wall", "no reference face")]
    assert any("wall.png" in r.getMessage() and "no face" in r.getMessage() for r in caplog.records)
    assert "## Skipped" in report.to_markdown()


def test_no_face_in_any_photo_is_an_error_before_reconstructing(dlib_identity, tmp_path):
    grey = _grey_photo(tmp_path / "wall.png")
    with pytest.raises(FaceliftError, match="no face in any"):
        L.evaluate_likeness([grey], lambda p: pytest.fail("reconstructed"), dlib_identity, None, size=64,
                            progress=False)


def test_failed_reconstruction_is_skipped_and_the_rest_evaluated(dlib_identity, tmp_path):
    other = tmp_path / "again.jpg"
    other.write_bytes(EXAMPLE.read_bytes())

    def reconstruct(path):
        if path == other:
            raise FaceliftError("no face to crop")
        return _same_person(path)

    report = L.evaluate_likeness([other, EXAMPLE], reconstruct, dlib_identity, None, size=256, angles=(0,),
                                 progress=False)
    assert [p.name for p in report.photos] == ["astronaut"]
    assert report.skipped[0].reason == "reconstruction failed: no face to crop"


def test_arcface_distances_when_a_model_is_given(dlib_identity):
    def landmarks(image):  # any image with structure "has" a face at the template points
        arr = np.asarray(image, np.float64)
        return None if arr.std() < 1e-3 else ARCFACE_TEMPLATE * (arr.shape[1] / 112)

    def embedder(faces):  # mean colour per image row band: equal crops, equal embeddings
        return faces.reshape(len(faces), 8, -1).mean(-1).astype(np.float64) + 1.0

    arcface = ArcFaceDistance(embedder, landmarks)
    report = L.evaluate_likeness([EXAMPLE], _same_person, dlib_identity, arcface, size=512, angles=(0, 30),
                                 progress=False)
    assert report.arcface
    assert all(v.arcface is not None and abs(v.arcface) < 1e-9 for v in report.photos[0].views)
    assert "## ArcFace" in report.to_markdown()


# ------------------------------------------------------------------- targets, by hand
def _photo(name: str, d0: float | None, d_left: float | None, d_right: float | None) -> L.PhotoResult:
    views = [L.ViewResult(a, d is not None, d) for a, d in ((0, d0), (-30, d_left), (30, d_right))]
    return L.PhotoResult(name, f"{name}.jpg", views)


def test_distance_target_needs_every_front_and_80_percent_of_side_pairs():
    # 5 photos, 10 side pairs: 8 close (80%) passes, 7 (70%) fails; a missing face is not close.
    eight = [_photo("a", 0.3, 0.5, 0.5), _photo("b", 0.3, 0.5, 0.5), _photo("c", 0.3, 0.5, 0.5),
             _photo("d", 0.3, 0.5, 0.7), _photo("e", 0.3, None, 0.5)]
    report = L.LikenessReport((0, -30, 30), 64, eight)
    face, distance = report.targets()
    assert distance.passed and "8/10" in distance.detail
    assert face.passed is False and "14/15" in face.detail  # photo e has no face at -30°
    seven = eight[:4] + [_photo("e", 0.3, None, 0.6)]  # 0.6 itself is not below the threshold
    assert L.LikenessReport((0, -30, 30), 64, seven).targets()[1].passed is False
    front_miss = [_photo("a", 0.61, 0.1, 0.1)] + [_photo(n, 0.3, 0.1, 0.1) for n in "bcd"]
    assert L.LikenessReport((0, -30, 30), 64, front_miss).targets()[1].passed is False


def test_targets_are_not_measured_without_their_angles_or_photos():
    report = L.LikenessReport((0, 15), 64, [L.PhotoResult("a", "a.jpg", [L.ViewResult(0, True, 0.1),
                                                                        L.ViewResult(15, True, 0.1)])])
    assert [t.passed for t in report.targets()] == [None, None]
    assert "-30°, +30° not rendered" in report.targets()[0].detail
    assert not report.passed
    assert [t.passed for t in L.LikenessReport(L.ANGLES, 64, []).targets()] == [None, None]


# ------------------------------------------------------------------------------ CLI
class _FakePipe:
    def __init__(self) -> None:
        self.calls: list[dict] = []

    def require_stage1(self) -> None:
        pass

    def __call__(self, path, **kwargs):
        self.calls.append(kwargs)
        return _same_person(path)


@pytest.fixture()
def fake_pipeline(monkeypatch, tmp_path):
    from facelift.pipeline import FaceLiftPipeline

    pipe = _FakePipe()
    monkeypatch.setattr(FaceLiftPipeline, "from_pretrained", classmethod(lambda cls, *a, **k: pipe))
    monkeypatch.setenv("FACELIFT_WEIGHTS", str(tmp_path / "no-weights"))  # no ArcFace model
    return pipe


def test_cli_writes_the_report_and_prints_the_table(fake_pipeline, tmp_path, capsys):
    out = tmp_path / "likeness"
    assert main(["eval", "likeness", str(EXAMPLE), "-o", str(out), "--size", "256", "--refine", "2",
                 "--seed", "3", "--no-crop"]) == 0
    assert fake_pipeline.calls == [{"seed": 3, "crop": False, "refine": 2}]
    stdout = capsys.readouterr().out
    assert "| photo | face yaw | -60° |" in stdout and "| astronaut |" in stdout
    data = json.loads((out / "report.json").read_text())
    assert data["info"] == {"weights": "tiny", "seed": 3, "refine": 2, "crop": False, "detector": "hog"}
    assert data["passed"] is True and data["arcface"] is False
    assert Image.open(out / "astronaut.png").size[0] == (1 + len(L.ANGLES)) * 256


def _exit_code(argv) -> int:
    try:
        return main(argv)
    except SystemExit as e:
        return e.code


@pytest.mark.parametrize("args, message", [
    (["{missing}"], "no such file or folder"),
    (["{photo}", "--refine", "zero"], "argument --refine: expected 'auto', 'on', 'off' or a positive number of iterations, got 'zero'"),
    (["{photo}", "--refine", "0"], "got '0'"),
    (["{photo}", "--size", "0"], "argument --size"),
])
def test_cli_bad_arguments_are_one_line_and_write_nothing(args, message, tmp_path, monkeypatch, capsys):
    from facelift.pipeline import FaceLiftPipeline

    monkeypatch.setattr(FaceLiftPipeline, "from_pretrained", classmethod(lambda cls, *a, **k: pytest.fail("loaded")))
    out = tmp_path / "rep"
    argv = [a.format(missing=tmp_path / "nope.jpg", photo=EXAMPLE) for a in args]
    assert _exit_code(["eval", "likeness", *argv, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out.exists()


def test_cli_without_dlib_fails_before_loading_the_pipeline(tmp_path, monkeypatch, capsys):
    from facelift.pipeline import FaceLiftPipeline

    monkeypatch.setitem(sys.modules, "dlib", None)  # find_spec reports it absent
    monkeypatch.setattr(FaceLiftPipeline, "from_pretrained", classmethod(lambda cls, *a, **k: pytest.fail("loaded")))
    out = tmp_path / "rep"
    assert main(["eval", "likeness", str(EXAMPLE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "dlib" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_group_photo_reference_is_the_face_that_was_reconstructed():
    # Two people; the pipeline framed the smaller one. The reference must be that face (the one
    # most like the preprocessed input), not the photo's largest.
    big, small = np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])

    class TwoPeople:  # descriptors by fiat: every single-face image (input, renders) is "small"
        def embed_all(self, image):
            return [((0, 0, 100, 100), big), ((200, 0, 250, 50), small)]

        def embed(self, image):
            return small

    class Head:
        input_image = Image.new("RGB", (64, 64))

        def render(self, camera):
            return SimpleNamespace(rgb=torch.zeros(camera.height, camera.width, 3))

    report = L.evaluate_likeness([EXAMPLE], lambda p: Head(), TwoPeople(), None, size=64, angles=(0, 30),
                                 progress=False)
    assert [v.dlib for v in report.photos[0].views] == [0.0, 0.0]  # sqrt(2) against the largest


def test_a_small_reference_face_is_looked_for_again_at_twice_the_resolution():
    seen = []

    class SmallFaceOnly:  # finds the face only when asked to upsample once more
        upsample = 0

        def embed_all(self, image, upsample=None):
            seen.append(upsample)
            return [((0, 0, 10, 10), np.zeros(3))] if upsample == 1 else []

        def embed(self, image):
            return np.zeros(3)

    class Head:
        input_image = None

        def render(self, camera):
            return SimpleNamespace(rgb=torch.zeros(camera.height, camera.width, 3))

    report = L.evaluate_likeness([EXAMPLE], lambda p: Head(), SmallFaceOnly(), None, size=32, angles=(0,),
                                 progress=False)
    assert seen == [None, 1] and not report.skipped and report.photos[0].views[0].dlib == 0.0
