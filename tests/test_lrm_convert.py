"""Converting the release's GS-LRM checkpoint: a fake one with the release's key layout,
its own independent forward (written from the release's description), and ours after conversion."""

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from facelift.cameras import Camera, orbit_camera, ray_directions
from facelift.cli import main
from facelift.errors import FaceliftError
from facelift.lrm import GSLRM
from facelift.lrm.convert import convert_official_gslrm, convert_official_gslrm_to_folder
from facelift.train.losses import load_vgg19_state

D, LAYERS, P, HEAD = 64, 2, 8, 32


class FakeRelease(nn.Module):
    """The release's module names and shapes at width 64, with a straightforward forward."""

    def __init__(self):
        super().__init__()
        self.patch_embedder = nn.Sequential(nn.Identity(), nn.Linear(9 * P * P, D, bias=False))
        self.gaussian_position_embeddings = nn.Parameter(torch.randn(2, D))
        self.input_layer_norm = nn.LayerNorm(D, bias=False)
        self.transformer_layers = nn.ModuleList()
        for _ in range(LAYERS):
            layer = nn.Module()
            layer.norm1, layer.norm2 = nn.LayerNorm(D, bias=False), nn.LayerNorm(D, bias=False)
            layer.attn = nn.Module()
            layer.attn.to_qkv = nn.Linear(D, 3 * D, bias=False)
            layer.attn.fc = nn.Linear(D, D, bias=False)
            layer.mlp = nn.Module()
            layer.mlp.mlp = nn.Sequential(nn.Linear(D, 4 * D, bias=False), nn.GELU(), nn.Linear(4 * D, D, bias=False))
            self.transformer_layers.append(layer)
        self.gaussian_upsampler = nn.Module()
        self.gaussian_upsampler.layernorm = nn.LayerNorm(D, bias=False)
        self.gaussian_upsampler.linear = nn.Linear(D, 14, bias=False)
        self.pixel_gaussian_decoder = nn.Sequential(nn.LayerNorm(D, bias=False), nn.Linear(D, P * P * 14, bias=False))
        # the training loss's VGG19 lives in the release checkpoint too
        self.loss_calculator = nn.Module()
        self.loss_calculator.perceptual_loss_module = nn.Module()
        self.loss_calculator.perceptual_loss_module.net = nn.Module()
        cin = 3
        for i, c in enumerate([64, 64, 128, 128, 256, 256, 256, 256] + [512] * 8, start=1):
            setattr(self.loss_calculator.perceptual_loss_module.net, f"conv{i}", nn.Conv2d(cin, c, 3, padding=1))
            cin = c
        with torch.no_grad():
            for p in self.parameters():
                if p.ndim == 1 and p.shape[0] == D:
                    p.uniform_(0.5, 1.5)  # non-trivial LayerNorm gains

    def forward(self, images, ray_o, ray_d):
        """images (B, V, 3, H, W) in [0, 1], rays (B, V, 3, H, W) → (xyz, rgb, scale, rot, opacity)."""
        B, V, _, H, W = images.shape
        nearest = ray_o + (-(ray_o * ray_d).sum(2, keepdim=True)) * ray_d
        x = torch.cat([images * 2 - 1, ray_d, nearest], dim=2).reshape(B * V, 9, H, W)
        # unfold gives features ordered (channel, row, col); the release orders (row, col, channel)
        cols = F.unfold(x, P, stride=P).view(B * V, 9, P, P, -1).permute(0, 4, 2, 3, 1)
        tok = self.patch_embedder[1](cols.reshape(B * V, -1, P * P * 9)).reshape(B, -1, D)
        h = torch.cat([self.gaussian_position_embeddings.expand(B, -1, -1), tok], 1)
        h = F.layer_norm(h, (D,), self.input_layer_norm.weight)
        for layer in self.transformer_layers:
            y = F.layer_norm(h, (D,), layer.norm1.weight)
            q, k, v = layer.attn.to_qkv(y).split(D, dim=2)
            heads = lambda t: t.view(B, -1, D // HEAD, HEAD).transpose(1, 2)  # noqa: E731
            att = torch.softmax(heads(q) @ heads(k).transpose(-1, -2) / math.sqrt(HEAD), -1) @ heads(v)
            h = h + layer.attn.fc(att.transpose(1, 2).reshape(B, -1, D))
            h = h + layer.mlp.mlp(F.layer_norm(h, (D,), layer.norm2.weight))
        free = self.gaussian_upsampler.linear(F.layer_norm(h[:, :2], (D,), self.gaussian_upsampler.layernorm.weight))
        pix = self.pixel_gaussian_decoder(h[:, 2:]).reshape(B, V, H // P, W // P, P, P, 14)
        img = torch.zeros(B, V, H, W, 14)
        for i in range(P):
            for j in range(P):
                img[:, :, i::P, j::P] = pix[:, :, :, :, i, j]
        o, d = ray_o.permute(0, 1, 3, 4, 2), ray_d.permute(0, 1, 3, 4, 2)
        t = (2 * torch.sigmoid(img[..., :3].mean(-1, keepdim=True)) - 1) * 1.8 - (o * d).sum(-1, keepdim=True)
        xyz_pix = (o + t * d).reshape(B, -1, 3)
        raw = torch.cat([free, img.reshape(B, -1, 14)], 1)
        xyz = torch.cat([free[..., :3], xyz_pix], 1)
        rgb = raw[..., 3:6] * 0.28209479177387814 + 0.5
        scale = torch.exp((raw[..., 6:9] - 2.3).clamp(max=-1.2))
        rot = raw[..., 9:13] / raw[..., 9:13].norm(dim=-1, keepdim=True)
        opacity = torch.sigmoid(raw[..., 13] - 2.0)
        return xyz, rgb, scale, rot, opacity


def _fake_checkpoint(path):
    torch.manual_seed(0)
    fake = FakeRelease()
    model = fake.state_dict()
    torch.save({"model": model, "optimizer": {"state": {}, "param_groups": []},
                "lr_scheduler": {"last_epoch": 5}, "fwdbwd_pass_step": 5, "param_update_step": 5}, path)
    return fake


def test_converted_checkpoint_reproduces_the_release_forward(tmp_path):
    fake = _fake_checkpoint(tmp_path / "ckpt.pt")
    state, config = convert_official_gslrm(tmp_path / "ckpt.pt", head_dim=HEAD)
    assert (config.width, config.layers, config.patch_size, config.num_free_gaussians) == (D, LAYERS, P, 2)
    assert not any("loss_calculator" in k or "conv" in k for k in state)
    model = GSLRM(config).eval()
    model.load_state_dict(state, strict=True)

    torch.manual_seed(1)
    cams = Camera.stack([orbit_camera(a, e, size=(24, 16)) for a, e in ((0, 0), (120, 10))])
    images = torch.rand(1, 2, 3, 16, 24)
    o, d = ray_directions(cams)
    with torch.no_grad():
        xyz, rgb, scale, rot, opacity = fake(images, o[None], d[None])
        ours = model(images, cams)
    assert torch.allclose(ours.means, xyz, atol=1e-4)
    assert torch.allclose(ours.colors, rgb, atol=1e-5)
    assert torch.allclose(ours.scales, scale, atol=1e-6)
    assert torch.allclose(ours.rotations, rot, atol=1e-5)
    assert torch.allclose(ours.opacities, opacity, atol=1e-6)


def test_convert_cli_writes_a_loadable_folder_and_the_vgg_weights(tmp_path):
    _fake_checkpoint(tmp_path / "ckpt.pt")
    code = main(["convert-official", "--gslrm", str(tmp_path / "ckpt.pt"), "-o", str(tmp_path / "out"),
                 "--vgg-out", str(tmp_path / "vgg19.safetensors")])
    assert code == 0
    # head_dim is not visible in shapes; the release's (64) is assumed and stored
    loaded = GSLRM.from_pretrained(tmp_path / "out")
    assert loaded.config.width == D and loaded.config.head_dim == 64
    vgg, convention = load_vgg19_state(tmp_path / "vgg19.safetensors")
    assert convention == "caffe" and vgg["conv16.weight"].shape == (512, 512, 3, 3)


def test_unknown_or_truncated_checkpoints_are_clear_errors(tmp_path):
    fake = FakeRelease().state_dict()
    torch.save({"model": {**fake, "view_type_embeddings": torch.zeros(2, D)}}, tmp_path / "extra.pt")
    with pytest.raises(FaceliftError, match="unknown key 'view_type_embeddings'"):
        convert_official_gslrm(tmp_path / "extra.pt")
    torch.save({"model": {k: v for k, v in fake.items() if "transformer_layers.1.attn.fc" not in k}}, tmp_path / "cut.pt")
    with pytest.raises(FaceliftError, match="missing 1 tensors"):
        convert_official_gslrm(tmp_path / "cut.pt")
    (tmp_path / "junk.pt").write_bytes(b"not a checkpoint")
    with pytest.raises(FaceliftError, match="weights-only"):
        convert_official_gslrm(tmp_path / "junk.pt")


def test_pickles_with_arbitrary_objects_are_refused(tmp_path):
    torch.save({"model": FakeRelease().state_dict(), "config": Camera}, tmp_path / "evil.pt")
    with pytest.raises(FaceliftError, match="weights-only"):
        convert_official_gslrm_to_folder(tmp_path / "evil.pt", tmp_path / "out")
