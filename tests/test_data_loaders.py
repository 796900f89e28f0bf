"""Stage I / Stage II datasets: documented shapes, cameras, rays, resizing, clear errors."""

import json
import shutil

import numpy as np
import pytest
import torch
from PIL import Image
from torch.utils.data import DataLoader

from facelift.cameras import read_transforms
from facelift.data.loaders import StageIDataset, SubjectFolders
from facelift.data.synth import SynthConfig, synth
from facelift.errors import FaceliftError

CFG = SynthConfig(identities=2, appearances=1, resolution=32, random_views=6, spacing=0.045,
                  val_fraction=0.0, test_fraction=0.0)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("loaders") / "ds"
    synth(root, CFG, progress=False)
    return root


def _copy(dataset, tmp_path):
    dst = tmp_path / "copy"
    shutil.copytree(dataset, dst)
    return dst


def test_stage1_sample_shapes_and_cameras(dataset):
    ds = StageIDataset(dataset)
    assert len(ds) == 2
    x = ds[1]
    assert x["input"].shape == (3, 32, 32) and x["images"].shape == (6, 3, 32, 32)
    assert x["alphas"].shape == (6, 1, 32, 32)
    assert x["c2w"].shape == (6, 4, 4) and x["K"].shape == (6, 3, 3)
    assert torch.equal(x["input"], x["images"][0])
    cams, _, _ = read_transforms(dataset / x["subject"] / "transforms.json")
    assert torch.allclose(x["c2w"], cams.c2w[:6])
    # Composited on white: the empty corner is white, the head is not.
    assert torch.allclose(x["images"][:, :, 0, 0], torch.ones(6, 3))
    assert x["images"][0, :, 16, 16].max() < 0.99
    batch = next(iter(DataLoader(ds, batch_size=2)))
    assert batch["images"].shape == (2, 6, 3, 32, 32)


def test_stage1_background_and_resolution(dataset):
    black = StageIDataset(dataset, background=(0, 0, 0), resolution=16)[0]
    assert black["images"].shape == (6, 3, 16, 16)
    assert torch.allclose(black["images"][:, :, 0, 0], torch.zeros(6, 3))
    assert torch.allclose(black["K"][0, 0, 0], StageIDataset(dataset)[0]["K"][0, 0, 0] / 2)
    white = StageIDataset(dataset, resolution=16)[0]
    # Same colour where the head is opaque, whatever the background.
    solid = black["alphas"] > 0.99
    assert torch.allclose(black["images"][solid.expand_as(black["images"])],
                          white["images"][solid.expand_as(white["images"])], atol=0.011)


def test_stage2_subject_views_shapes_cameras_and_fixed_rig(dataset):
    data = SubjectFolders(dataset, 32)
    assert len(data) == 2
    views = data.views(1)
    n = 6 + CFG.random_views
    assert len(views) == n and views.images.shape == (n, 3, 32, 32) and views.alphas.shape == (n, 1, 32, 32)
    cams, _, _ = read_transforms(dataset / data.subjects[1].name / "transforms.json")
    assert torch.allclose(views.cameras.c2w, cams.c2w) and torch.allclose(views.cameras.K, cams.K)
    assert data.num_fixed(1) == 6
    # Composited over white: where nothing covers a pixel, it is white.
    empty = views.alphas[:, 0] == 0
    assert empty.any() and torch.equal(views.images.permute(0, 2, 3, 1)[empty], torch.ones(int(empty.sum()), 3))
    picked = views.select([7, 2])
    assert torch.equal(picked.images, views.images[[7, 2]]) and torch.equal(picked.cameras.K, views.cameras.K[[7, 2]])


def test_stage2_lower_resolution_box_filters_and_rescales_intrinsics(dataset):
    full, small = SubjectFolders(dataset, 32).views(0), SubjectFolders(dataset, 16).views(0)
    assert small.images.shape[-2:] == (16, 16)
    assert small.cameras.K[0, 0, 2].item() == pytest.approx(full.cameras.K[0, 0, 2].item() / 2)
    down = torch.nn.functional.avg_pool2d(full.images, 2)
    assert (down - small.images).abs().mean() < 0.02


def test_missing_transforms_names_subject_and_file(dataset, tmp_path):
    root = _copy(dataset, tmp_path)
    (root / "id00001_app000" / "transforms.json").unlink()
    with pytest.raises(FaceliftError, match=r"id00001_app000.*transforms\.json"):
        StageIDataset(root)


def test_corrupt_png_names_subject_and_file(dataset, tmp_path):
    root = _copy(dataset, tmp_path)
    bad = root / "id00000_app000" / "images" / "003.png"
    bad.write_bytes(bad.read_bytes()[:60])
    with pytest.raises(FaceliftError, match=r"id00000_app000.*003\.png"):
        StageIDataset(root, verify_images=True)
    ds = StageIDataset(root)  # lazily: reported when the sample is read
    with pytest.raises(FaceliftError, match=r"id00000_app000.*003\.png.*corrupt"):
        ds[0]


def test_missing_image_and_subject_folder(dataset, tmp_path):
    root = _copy(dataset, tmp_path)
    (root / "id00000_app000" / "images" / "007.png").unlink()
    with pytest.raises(FaceliftError, match=r"id00000_app000.*007\.png.*missing"):
        StageIDataset(root)
    with pytest.raises(FaceliftError, match=r"id00000_app000.*007\.png.*cannot read"):
        SubjectFolders(root, 32, split="all").views(0)
    shutil.rmtree(root / "id00000_app000")
    with pytest.raises(FaceliftError, match=r"id00000_app000.*missing"):
        StageIDataset(root)


def test_split_selection_and_folder_without_index(dataset, tmp_path):
    with pytest.raises(FaceliftError, match="no subjects in split val"):
        StageIDataset(dataset, split="val")
    with pytest.raises(FaceliftError, match="unknown split"):
        StageIDataset(dataset, split="dev")
    root = _copy(dataset, tmp_path)
    (root / "index.json").unlink()
    assert len(StageIDataset(root, split="all")) == 2
    with pytest.raises(FaceliftError, match="not found"):
        StageIDataset(tmp_path / "nowhere")
    # An RGB dataset (no alpha) from elsewhere loads as opaque images.
    img = root / "id00000_app000" / "images" / "000.png"
    Image.open(img).convert("RGB").save(img)
    x = StageIDataset(root, split="all", background=(0, 0, 0))[0]
    assert torch.all(x["alphas"][0] == 1)
    assert json.loads((dataset / "index.json").read_text())["subjects"][0]["split"] == "train"
    assert np.isfinite(x["images"].numpy()).all()
