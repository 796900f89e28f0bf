"""LPIPS-AlexNet: weight loading from the reference file layouts, and the computation checked
against a direct re-derivation with plain conv2d calls on random weights made here."""

import pytest
import torch
import torch.nn.functional as F

from facelift.errors import FaceliftError
from facelift.eval import perceptual as P


def _random_reference_files(folder, seed=0):
    """Write random weights in the two reference layouts: torchvision's AlexNet checkpoint
    (features.* + classifier.*) and lpips' alex.pth (lin{k}.model.1.weight)."""
    g = torch.Generator().manual_seed(seed)
    alex = {}
    shapes = {0: (64, 3, 11, 11), 3: (192, 64, 5, 5), 6: (384, 192, 3, 3), 8: (256, 384, 3, 3), 10: (256, 256, 3, 3)}
    for i, s in shapes.items():
        fan_in = s[1] * s[2] * s[3]
        alex[f"features.{i}.weight"] = torch.randn(s, generator=g) / fan_in**0.5
        alex[f"features.{i}.bias"] = 0.01 * torch.randn(s[0], generator=g)
    alex["classifier.1.weight"] = torch.randn(8, 4, generator=g)  # ignored by LPIPS
    lin = {f"lin{k}.model.1.weight": torch.rand(1, c, 1, 1, generator=g) for k, c in enumerate(P.LPIPS_CHANNELS)}
    folder.mkdir(parents=True, exist_ok=True)
    torch.save(alex, folder / P.ALEXNET_FILE)
    torch.save(lin, folder / P.LPIPS_LIN_FILE)
    return alex, lin


def _direct_lpips(alex, lin, x, y):
    """LPIPS written out from the paper's definition, independent of the module."""
    shift = torch.tensor(P.LPIPS_SHIFT).view(1, 3, 1, 1)
    scale = torch.tensor(P.LPIPS_SCALE).view(1, 3, 1, 1)

    def feats(img):
        h = ((img.permute(0, 3, 1, 2) * 2 - 1) - shift) / scale
        out = []
        h = F.relu(F.conv2d(h, alex["features.0.weight"], alex["features.0.bias"], stride=4, padding=2)); out.append(h)
        h = F.max_pool2d(h, 3, 2)
        h = F.relu(F.conv2d(h, alex["features.3.weight"], alex["features.3.bias"], padding=2)); out.append(h)
        h = F.max_pool2d(h, 3, 2)
        for i in (6, 8, 10):
            h = F.relu(F.conv2d(h, alex[f"features.{i}.weight"], alex[f"features.{i}.bias"], padding=1)); out.append(h)
        return out

    total = 0
    for k, (a, b) in enumerate(zip(feats(x), feats(y))):
        na = a / (a.norm(dim=1, keepdim=True) + 1e-10)
        nb = b / (b.norm(dim=1, keepdim=True) + 1e-10)
        w = lin[f"lin{k}.model.1.weight"].view(1, -1, 1, 1)
        total = total + ((na - nb) ** 2 * w).sum(dim=1).mean(dim=(1, 2))
    return total


@pytest.fixture()
def weights(tmp_path, monkeypatch):
    monkeypatch.delenv("FACELIFT_WEIGHTS", raising=False)
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch_home"))
    return tmp_path / "w", *_random_reference_files(tmp_path / "w")


def test_lpips_matches_the_direct_formula(weights):
    folder, alex, lin = weights
    model = P.load_lpips(folder)
    g = torch.Generator().manual_seed(1)
    x = torch.rand(2, 64, 64, 3, generator=g)
    y = (x + 0.2 * torch.randn(2, 64, 64, 3, generator=g)).clamp(0, 1)
    d = model(x, y)
    assert d.shape == (2,)
    assert torch.allclose(d.float(), _direct_lpips(alex, lin, x, y), rtol=1e-4, atol=1e-6)
    assert (d > 0).all()


def test_lpips_of_identical_images_is_zero(weights):
    model = P.load_lpips(weights[0])
    x = torch.rand(1, 3, 64, 64, 3)
    assert torch.allclose(model(x, x), torch.zeros(1, 3, dtype=torch.float64))


def test_lpips_safetensors_round_trip_and_env_lookup(weights, tmp_path, monkeypatch):
    folder, alex, lin = weights
    out = P.convert_lpips_weights(tmp_path / "env" / P.LPIPS_COMBINED_FILE, folder / P.ALEXNET_FILE, folder / P.LPIPS_LIN_FILE)
    monkeypatch.setenv("FACELIFT_WEIGHTS", str(out.parent))
    model = P.load_lpips()  # found through $FACELIFT_WEIGHTS
    assert torch.equal(model.features[3].weight, alex["features.3.weight"])
    assert torch.equal(model.lin4.model[1].weight, lin["lin4.model.1.weight"])


def test_lpips_finds_the_torch_hub_cache(weights, tmp_path, monkeypatch):
    folder, alex, _ = weights
    hub = tmp_path / "torch_home" / "hub" / "checkpoints"
    hub.mkdir(parents=True)
    (folder / P.ALEXNET_FILE).rename(hub / P.ALEXNET_FILE)
    monkeypatch.setenv("FACELIFT_WEIGHTS", str(folder))  # alex.pth only here
    found = P.find_lpips_weights()
    assert found.alexnet == hub / P.ALEXNET_FILE and found.lin == folder / P.LPIPS_LIN_FILE


def test_missing_lpips_weights_name_the_files_and_places(tmp_path, monkeypatch):
    monkeypatch.setenv("FACELIFT_WEIGHTS", str(tmp_path / "empty"))
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "th"))
    monkeypatch.setattr(P, "_lpips_package_lin", lambda: None)
    with pytest.raises(FaceliftError) as e:
        P.load_lpips()
    msg = str(e.value)
    assert P.ALEXNET_FILE in msg and P.LPIPS_LIN_FILE in msg and str(tmp_path / "th") in msg
    assert "\n" not in msg


def test_lpips_rejects_wrong_shapes(tmp_path, monkeypatch):
    monkeypatch.delenv("FACELIFT_WEIGHTS", raising=False)
    alex, lin = _random_reference_files(tmp_path)
    lin["lin0.model.1.weight"] = torch.rand(1, 32, 1, 1)
    torch.save(lin, tmp_path / P.LPIPS_LIN_FILE)
    with pytest.raises(FaceliftError, match="shapes"):
        P.load_lpips(tmp_path)


def test_dreamsim_without_package_or_weights_is_a_clear_error(tmp_path):
    with pytest.raises(FaceliftError, match="dreamsim"):
        P.load_dreamsim(tmp_path)


@pytest.fixture()
def _forget_dreamsim():
    import sys

    yield
    sys.modules.pop("dreamsim", None)  # the stand-in must not leak into later tests


def test_dreamsim_wrapper_checks_the_cache_and_batches(tmp_path, monkeypatch, _forget_dreamsim):
    # A stand-in for the reference package with the same entry point, to test our wrapper:
    # it refuses to run without the checkpoints and feeds the model 224² batches.
    pkg = tmp_path / "pkgs" / "dreamsim"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text(
        "import torch\n"
        "calls = []\n"
        "def dreamsim(pretrained=True, device='cuda', cache_dir='./models', normalize_embeds=True, dreamsim_type='ensemble'):\n"
        "    calls.append((cache_dir, dreamsim_type))\n"
        "    def model(a, b):\n"
        "        assert a.shape[1:] == (3, 224, 224)\n"
        "        return (a - b).abs().mean(dim=(1, 2, 3))\n"
        "    return model, None\n")
    monkeypatch.syspath_prepend(str(tmp_path / "pkgs"))
    cache = tmp_path / "cache"
    cache.mkdir()
    with pytest.raises(FaceliftError, match="ensemble_lora"):
        P.load_dreamsim(cache)
    for name in P.DREAMSIM_FILES["ensemble"]:
        (cache / name).touch()
    fn = P.load_dreamsim(cache)
    x = torch.zeros(2, 3, 40, 40, 3)
    d = fn(x, x + 0.25)
    assert d.shape == (2, 3) and torch.allclose(d, torch.full((2, 3), 0.25, dtype=torch.float64), atol=1e-6)
    import dreamsim

    assert dreamsim.calls == [(str(cache), "ensemble")]


def test_convert_lpips_cli_writes_a_loadable_file(weights, tmp_path):
    from facelift.cli import main

    folder, alex, _ = weights
    out = tmp_path / "packed" / P.LPIPS_COMBINED_FILE
    assert main(["eval", "convert-lpips", "--alexnet", str(folder / P.ALEXNET_FILE), "--lin", str(folder / P.LPIPS_LIN_FILE),
                 "-o", str(out)]) == 0
    assert torch.equal(P.load_lpips(out).features[0].weight, alex["features.0.weight"])
    assert main(["eval", "convert-lpips", "--alexnet", str(tmp_path / "nope.pth"), "--lin", str(folder / P.LPIPS_LIN_FILE),
                 "-o", str(out)]) == 2
