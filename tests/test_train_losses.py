"""Image losses: L2 / PSNR, SSIM, and the VGG19 perceptual loss loaded from local files only."""

import pytest
import torch
from safetensors.torch import save_file

from facelift.errors import FaceliftError
from facelift.train.losses import (
    ImageLoss,
    PerceptualLoss,
    VGG19Features,
    l2_loss,
    load_vgg19_state,
    masked_ssim,
    psnr,
    ssim,
)


def test_psnr_and_masked_l2_analytic():
    a = torch.zeros(1, 3, 4, 4)
    b = torch.full((1, 3, 4, 4), 0.1)
    assert psnr(a, b).item() == pytest.approx(20.0, abs=1e-4)  # MSE 0.01
    mask = torch.zeros(1, 1, 4, 4)
    mask[..., :2, :] = 1
    b[..., 2:, :] = 0.5  # errors outside the mask do not count
    assert l2_loss(a, b, mask).item() == pytest.approx(0.01)


def test_ssim_is_one_for_identical_images_and_drops_with_noise():
    torch.manual_seed(0)
    x = torch.rand(2, 3, 32, 32)
    assert ssim(x, x).item() == pytest.approx(1.0, abs=1e-5)
    noisy = (x + 0.2 * torch.randn_like(x)).clamp(0, 1)
    assert ssim(x, noisy).item() < 0.9
    full = torch.ones(2, 1, 32, 32)
    assert masked_ssim(x, noisy, full).item() == pytest.approx(ssim(x, noisy).item(), abs=1e-5)


def _random_vgg(path):
    torch.manual_seed(0)
    state = {k: v.contiguous() for k, v in VGG19Features().state_dict().items()}
    save_file(state, str(path))
    return state


def test_perceptual_loss_from_a_local_safetensors_file(tmp_path):
    _random_vgg(tmp_path / "vgg19.safetensors")
    loss = PerceptualLoss(tmp_path / "vgg19.safetensors")
    x = torch.rand(1, 3, 32, 32)
    y = torch.rand(1, 3, 32, 32, requires_grad=True)
    assert loss(x, x).item() == 0.0
    value = loss(y, x)
    value.backward()
    assert value.item() > 0 and y.grad.abs().sum() > 0
    assert not any(p.requires_grad for p in loss.parameters())
    loss.train()
    assert not loss.net.training  # the loss network stays in eval mode


def test_torchvision_layout_is_accepted(tmp_path):
    state = _random_vgg(tmp_path / "ours.safetensors")
    index = [0, 2, 5, 7, 10, 12, 14, 16, 19, 21, 23, 25, 28, 30, 32, 34]
    tv = {}
    for i, idx in enumerate(index, start=1):
        tv[f"features.{idx}.weight"] = state[f"conv{i}.weight"]
        tv[f"features.{idx}.bias"] = state[f"conv{i}.bias"]
    tv["classifier.0.weight"] = torch.zeros(2, 2)
    torch.save(tv, tmp_path / "vgg19-dcbb9e9d.pth")
    loaded, convention = load_vgg19_state(tmp_path / "vgg19-dcbb9e9d.pth")
    assert convention == "torchvision" and torch.equal(loaded["conv16.weight"], state["conv16.weight"])


def test_missing_vgg_weights_are_a_clear_error_and_nothing_is_downloaded(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.delenv("FACELIFT_VGG19", raising=False)
    with pytest.raises(FaceliftError, match="nothing is downloaded"):
        ImageLoss(l2=1.0, perceptual=0.5)
    with pytest.raises(FaceliftError, match="not found"):
        PerceptualLoss(tmp_path / "absent.safetensors")
    _random_vgg(tmp_path / "v.safetensors")
    monkeypatch.setenv("FACELIFT_VGG19", str(tmp_path / "v.safetensors"))
    combined = ImageLoss(l2=1.0, perceptual=0.5, ssim=0.5)
    x, y = torch.rand(2, 3, 32, 32), torch.rand(2, 3, 32, 32)
    out = combined(x, y)
    expected = out.terms["l2"] + 0.5 * out.terms["perceptual"] + 0.5 * (1 - out.terms["ssim"])
    assert out.total.item() == pytest.approx(expected.item(), rel=1e-6)
    with pytest.raises(FaceliftError, match="loss weights"):
        ImageLoss(l2=0.0)


def test_training_and_evaluation_ssim_are_one_formula():
    # The losses' SSIM (N, C, H, W, differentiable) and eval's (channels last, float64 mean,
    # skimage-compatible) both run facelift.eval.metrics.ssim_nchw_map: on one pair they agree
    # to float32 round-off, and the loss still has a gradient.
    from facelift.eval import metrics

    gen = torch.Generator().manual_seed(3)
    a = torch.rand(2, 3, 32, 40, generator=gen, requires_grad=True)
    b = (a.detach() + 0.1 * torch.randn(2, 3, 32, 40, generator=gen)).clamp(0, 1)
    per_image = ssim(a, b, reduce=False)
    evaluated = metrics.ssim(a.detach().permute(0, 2, 3, 1), b.permute(0, 2, 3, 1))
    assert torch.allclose(per_image.double(), evaluated, atol=1e-6)
    kernel = metrics.gaussian_kernel(11, 1.5, torch.float32)
    assert torch.equal(ssim(a, b), metrics.ssim_nchw_map(a, b, kernel).mean())
    (grad,) = torch.autograd.grad(ssim(a, b), a)
    assert grad.abs().sum() > 0
