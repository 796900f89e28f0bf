"""Stage I / Stage II datasets: documented shapes, cameras, rays, resizing, clear errors."""

import json
import shutil

import numpy as np
import pytest
import torch
from PIL import Image
from torch.utils.data import DataLoader

from facelift.cameras import ray_map, read_transforms
from facelift.data.loaders import StageIDataset, StageIIDataset
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


def test_stage2_sample_shapes_rays_and_views(dataset):
    ds = StageIIDataset(dataset, num_input=2, num_supervision=3, seed=0)
    y = ds[0]
    assert y["input_images"].shape == (2, 3, 32, 32) and y["input_rays"].shape == (2, 6, 32, 32)
    assert y["input_c2w"].shape == (2, 4, 4) and y["input_K"].shape == (2, 3, 3)
    assert y["target_images"].shape == (3, 3, 32, 32) and y["target_alphas"].shape == (3, 1, 32, 32)
    assert y["target_c2w"].shape == (3, 4, 4)
    ids = y["view_ids"].tolist()
    assert len(set(ids)) == 5 and min(ids) >= 6  # distinct, from the random views only
    cams, _, _ = read_transforms(dataset / y["subject"] / "transforms.json")
    assert torch.allclose(y["input_rays"], ray_map(cams[ids[:2]]), atol=1e-5)
    assert torch.allclose(y["input_rays"][:, :3].norm(dim=1), torch.ones(2, 32, 32), atol=1e-5)
    # Reproducible draws with a seed; the same index redraws the same views.
    assert ds[0]["view_ids"].tolist() == ids
    assert {tuple(ds[0]["view_ids"].tolist()) for _ in range(3)} == {tuple(ids)}


def test_stage2_lower_resolution_and_inputs_in_targets(dataset):
    ds = StageIIDataset(dataset, num_input=4, num_supervision=2, resolution=16, include_inputs_in_targets=True,
                        ray_code="moment", seed=1)
    y = ds[1]
    assert y["input_images"].shape == (4, 3, 16, 16) and y["input_rays"].shape == (4, 6, 16, 16)
    assert y["target_images"].shape == (6, 3, 16, 16)
    assert torch.equal(y["target_images"][:4], y["input_images"])
    assert y["input_K"][0, 0, 2].item() == pytest.approx(8.0)
    # Downsampling averages the stored image (box filter).
    full = StageIIDataset(dataset, num_input=4, num_supervision=2, include_inputs_in_targets=True, seed=1)[1]
    down = torch.nn.functional.avg_pool2d(full["input_images"], 2)
    assert (down - y["input_images"]).abs().mean() < 0.02


def test_stage2_needs_enough_views(dataset):
    with pytest.raises(FaceliftError, match="needs 8"):
        StageIIDataset(dataset, num_input=4, num_supervision=4)
    assert len(StageIIDataset(dataset, num_input=4, num_supervision=4, views="all")) == 2


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
        StageIIDataset(root, num_input=2, num_supervision=2)
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
