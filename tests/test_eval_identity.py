"""Identity metrics: face alignment geometry, the ArcFace ONNX path on a tiny network exported
here, cosine distances, and the offline dlib metric on scikit-image's bundled astronaut photo."""

import math
import warnings

import numpy as np
import pytest
import torch

from facelift.errors import FaceliftError
from facelift.eval import identity as I


def test_similarity_transform_recovers_a_known_similarity():
    rng = np.random.default_rng(0)
    src = rng.uniform(0, 100, (5, 2))
    ang, s, t = 0.3, 1.7, np.array([4.0, -9.0])
    rot = np.array([[math.cos(ang), -math.sin(ang)], [math.sin(ang), math.cos(ang)]])
    dst = src @ (s * rot).T + t
    m = I.similarity_transform(src, dst)
    assert np.allclose(m[:, :2], s * rot) and np.allclose(m[:, 2], t)


def test_align_face_with_template_landmarks_is_the_identity_warp():
    rng = np.random.default_rng(1)
    img = rng.integers(0, 255, (112, 112, 3), dtype=np.uint8)
    out = I.align_face(img, I.ARCFACE_TEMPLATE)
    assert np.abs(out[2:-2, 2:-2].astype(int) - img[2:-2, 2:-2].astype(int)).max() <= 1


class _TinyEmbedder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.conv = torch.nn.Conv2d(3, 4, 5, stride=4)
        self.fc = torch.nn.Linear(4 * 27 * 27, 16)

    def forward(self, x):
        return self.fc(torch.relu(self.conv(x)).flatten(1))


@pytest.fixture(scope="module")
def tiny_onnx(tmp_path_factory):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    net = _TinyEmbedder().eval()
    path = tmp_path_factory.mktemp("onnx") / "arcface.onnx"
    with warnings.catch_warnings():  # the TorchScript exporter is deprecated, but needs no onnxscript
        warnings.simplefilter("ignore", DeprecationWarning)
        torch.onnx.export(net, (torch.zeros(1, 3, 112, 112),), str(path), dynamo=False, input_names=["input.1"],
                          dynamic_axes={"input.1": {0: "batch"}})
    return net, path


def test_onnx_embedder_runs_the_exported_network_with_arcface_normalisation(tiny_onnx):
    net, path = tiny_onnx
    emb = I.OnnxEmbedder(path)
    assert emb.size == 112 and not emb.channels_last
    faces = np.random.default_rng(2).integers(0, 255, (3, 112, 112, 3), dtype=np.uint8)
    ref = net((torch.from_numpy(faces).float().permute(0, 3, 1, 2) - 127.5) / 127.5).detach().numpy()
    assert np.allclose(emb(faces), ref, atol=1e-4)


def test_arcface_distance_is_the_cosine_distance_of_embeddings(tiny_onnx):
    net, path = tiny_onnx
    metric = I.ArcFaceDistance(I.OnnxEmbedder(path), landmarks=lambda img: I.ARCFACE_TEMPLATE.copy())
    rng = np.random.default_rng(3)
    a = torch.from_numpy(rng.random((2, 112, 112, 3)))
    b = torch.from_numpy(rng.random((2, 112, 112, 3)))
    d = metric(a, b)

    def emb(x):
        u8 = (x.numpy().clip(0, 1) * 255 + 0.5).astype(np.uint8)
        return net((torch.from_numpy(u8).float().permute(0, 3, 1, 2) - 127.5) / 127.5).detach().double()

    ea, eb = emb(a), emb(b)
    expected = 1 - torch.nn.functional.cosine_similarity(ea, eb, dim=-1)
    assert torch.allclose(d, expected, atol=1e-5)
    assert torch.allclose(metric(a, a), torch.zeros(2, dtype=torch.float64), atol=1e-6)


def test_arcface_without_a_face_gives_nan():
    metric = I.ArcFaceDistance(lambda faces: np.ones((len(faces), 4)), landmarks=lambda img: None)
    assert torch.isnan(metric(torch.zeros(1, 64, 64, 3), torch.zeros(1, 64, 64, 3))).all()


def test_missing_arcface_model_names_where_to_put_it(tmp_path, monkeypatch):
    monkeypatch.setenv("FACELIFT_WEIGHTS", str(tmp_path))
    with pytest.raises(FaceliftError, match=r"arcface\.onnx"):
        I.find_arcface()
    with pytest.raises(FaceliftError, match="not found"):
        I.find_arcface(tmp_path / "nope.onnx")


def _astronaut():
    data = pytest.importorskip("skimage.data")
    return torch.from_numpy(data.astronaut() / 255.0)


def test_mediapipe_landmarks_align_a_real_face_onto_the_template():
    img = _astronaut()
    lm = I.MediapipeLandmarks()
    pts = lm(img)
    assert pts is not None and pts.shape == (5, 2)
    crop = I.align_face(img, pts)
    again = lm(crop)
    assert again is not None
    # Eyes land within a few pixels of the template (mediapipe's eye centre is the corners' mean).
    assert np.abs(again[:2] - I.ARCFACE_TEMPLATE[:2]).max() < 6
    assert lm(torch.ones(64, 64, 3)) is None


def test_dlib_identity_same_face_is_close_and_no_face_is_nan():
    pytest.importorskip("dlib")
    pytest.importorskip("face_recognition_models")
    img = _astronaut()
    metric = I.DlibIdentity()
    assert metric.name == "dlib-id"
    mirrored_dimmer = img.flip(1) * 0.8 + 0.05  # same person, other pixels
    d = metric(torch.stack([img, img, img]), torch.stack([img, mirrored_dimmer, torch.ones_like(img)]))
    assert float(d[0]) == 0.0
    assert 0.0 < float(d[1]) < 0.6  # dlib's same-person threshold
    assert math.isnan(float(d[2]))


def test_dlib_cnn_detector_finds_the_face_the_hog_one_does_and_rejects_unknown_names():
    pytest.importorskip("dlib")
    pytest.importorskip("face_recognition_models")
    img = _astronaut()
    hog, cnn = I.DlibIdentity(), I.DlibIdentity(upsample=0, detector="cnn")
    (box_h, desc_h), = hog.embed_all(img)[:1]
    faces = cnn.embed_all(img)
    assert faces, "the CNN detector finds the astronaut's face"
    (box_c, desc_c) = faces[0]
    # The same face: overlapping boxes and descriptors of the same person.
    ix = min(box_h[2], box_c[2]) - max(box_h[0], box_c[0])
    iy = min(box_h[3], box_c[3]) - max(box_h[1], box_c[1])
    assert ix > 0 and iy > 0 and float(np.linalg.norm(desc_h - desc_c)) < 0.3
    assert cnn.embed(torch.ones_like(img)) is None
    with pytest.raises(FaceliftError, match="detector must be one of hog, cnn"):
        I.DlibIdentity(detector="mtcnn")
