"""LPIPS-AlexNet and DreamSim: weight loading from the reference file layouts, and the
computations checked against direct re-derivations on random weights made here."""

import json
import math

import pytest
import torch
import torch.nn.functional as F

from facelift.errors import FaceliftError
from facelift.eval import dreamsim as DS
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


# --------------------------------------------------------------------------------------------
# DreamSim: tiny checkpoints in the reference layouts (DINO hub file, CLIP/OpenCLIP
# {"state_dict": ...} files, peft LoRA adapter), checked against a computation written out
# here from those raw tensors, with the LoRA kept un-merged.

TINY = dict(width=128, depth=2, patch=4, grid=3, hidden=256, proj=48)  # 128 = two 64-wide heads
TINY_SIZE = TINY["patch"] * TINY["grid"]
LORA_R, LORA_ALPHA = 4, 8.0
# What the reference package does per backbone, written down here independently of the module:
# checkpoint file (nested under "state_dict"?), normalisation, LayerNorm eps, QuickGELU, ln_pre,
# and the feature ("cls": last block's CLS before the final norm; "emb": norm(CLS) @ proj).
IMAGENET = ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
OPENAI = ((0.48145466, 0.4578275, 0.40821073), (0.26862954, 0.26130258, 0.27577711))
REF = {
    "dino_vitb16": dict(file="checkpoints/dino_vitbase16_pretrain.pth", nested=False, norm=IMAGENET, eps=1e-6, quick=False, ln_pre=False, feat="cls"),
    "clip_vitb16": dict(file="clip_vitb16_pretrain.pth.tar", nested=True, norm=OPENAI, eps=1e-5, quick=True, ln_pre=True, feat="emb"),
    "open_clip_vitb16": dict(file="open_clip_vitb16_pretrain.pth.tar", nested=True, norm=OPENAI, eps=1e-5, quick=False, ln_pre=True, feat="emb"),
}
REF_TYPES = {"ensemble": (("dino_vitb16", "clip_vitb16", "open_clip_vitb16"), "ensemble_lora"),
             "dino_vitb16": (("dino_vitb16",), "dino_vitb16_single_lora")}


def _tiny_vit_state(g, clip):
    w, p, h = TINY["width"], TINY["patch"], TINY["hidden"]

    def rnd(*shape, scale=1.0):
        return scale * torch.randn(shape, generator=g)

    sd = {"cls_token": rnd(1, 1, w, scale=0.5), "pos_embed": rnd(1, TINY["grid"] ** 2 + 1, w, scale=0.5),
          "patch_embed.proj.weight": rnd(w, 3, p, p, scale=(3 * p * p) ** -0.5), "patch_embed.proj.bias": rnd(w, scale=0.1)}
    for j in range(TINY["depth"]):
        for name, (o, i) in {"attn.qkv": (3 * w, w), "attn.proj": (w, w), "mlp.fc1": (h, w), "mlp.fc2": (w, h)}.items():
            sd[f"blocks.{j}.{name}.weight"] = rnd(o, i, scale=i ** -0.5)
            sd[f"blocks.{j}.{name}.bias"] = rnd(o, scale=0.1)
        for n in ("norm1", "norm2"):
            sd[f"blocks.{j}.{n}.weight"] = 1 + rnd(w, scale=0.1)
            sd[f"blocks.{j}.{n}.bias"] = rnd(w, scale=0.1)
    sd["norm.weight"], sd["norm.bias"] = 1 + rnd(w, scale=0.1), rnd(w, scale=0.1)
    if clip:
        sd["pos_drop.weight"], sd["pos_drop.bias"] = 1 + rnd(w, scale=0.1), rnd(w, scale=0.1)
        sd["proj"] = rnd(w, TINY["proj"], scale=w ** -0.5)
    return sd


def _write_tiny_dreamsim(folder, dreamsim_type="ensemble", seed=0, config=None):
    """Write the files of one DreamSim type; returns ({model type: state}, {module: (A, B)})."""
    from safetensors.torch import save_file

    g = torch.Generator().manual_seed(seed)
    names, adapter = REF_TYPES[dreamsim_type]
    states = {}
    for name in names:
        ref = REF[name]
        states[name] = _tiny_vit_state(g, clip=ref["nested"])
        path = folder / ref["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        torch.save({"state_dict": states[name], "epoch": 32} if ref["nested"] else states[name], path)
    w = TINY["width"]
    lora, tensors = {}, {}
    for i in range(len(names)):
        for j in range(TINY["depth"]):
            module = f"extractor_list.{i}.model.blocks.{j}.attn.qkv"
            a, b = 0.1 * torch.randn(LORA_R, w, generator=g), 0.1 * torch.randn(3 * w, LORA_R, generator=g)
            lora[module] = (a, b)
            tensors[f"base_model.model.{module}.lora_A.weight"] = a
            tensors[f"base_model.model.{module}.lora_B.weight"] = b
    (folder / adapter).mkdir(parents=True, exist_ok=True)
    cfg = {"peft_type": "LORA", "r": LORA_R, "lora_alpha": LORA_ALPHA, "lora_dropout": 0.3, "bias": "none",
           "target_modules": ["qkv"], "fan_in_fan_out": False, "use_rslora": False, "use_dora": False,
           "rank_pattern": {}, "alpha_pattern": {}, "layers_to_transform": None, "modules_to_save": None}
    cfg.update(config or {})
    (folder / adapter / DS.ADAPTER_CONFIG).write_text(json.dumps(cfg))
    save_file(tensors, str(folder / adapter / "adapter_model.safetensors"))
    return states, lora


def _ln(x, w, b, eps):
    mu = x.mean(-1, keepdim=True)
    var = ((x - mu) ** 2).mean(-1, keepdim=True)
    return (x - mu) / torch.sqrt(var + eps) * w + b


def _ref_linear(x, sd, name, lora, prefix, scaling):
    y = x @ sd[f"{name}.weight"].T + sd[f"{name}.bias"]
    if f"{prefix}{name}" in lora:  # un-merged LoRA branch, as peft runs it: W x + s·B(A x)
        a, b = lora[f"{prefix}{name}"]
        y = y + scaling * ((x @ a.T) @ b.T)
    return y


def _ref_block(x, sd, j, ref, lora, prefix, scaling):
    n, t, c = x.shape
    heads = c // 64
    blk = f"blocks.{j}"
    h = _ln(x, sd[f"{blk}.norm1.weight"], sd[f"{blk}.norm1.bias"], ref["eps"])
    q, k, v = _ref_linear(h, sd, f"{blk}.attn.qkv", lora, prefix, scaling).split(c, dim=-1)
    q, k, v = (z.reshape(n, t, heads, c // heads).transpose(1, 2) for z in (q, k, v))
    att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(c // heads), dim=-1)
    o = (att @ v).transpose(1, 2).reshape(n, t, c)
    x = x + _ref_linear(o, sd, f"{blk}.attn.proj", lora, prefix, scaling)
    h = _ref_linear(_ln(x, sd[f"{blk}.norm2.weight"], sd[f"{blk}.norm2.bias"], ref["eps"]), sd, f"{blk}.mlp.fc1", lora, prefix, scaling)
    h = h * torch.sigmoid(1.702 * h) if ref["quick"] else 0.5 * h * (1 + torch.erf(h / math.sqrt(2)))
    return x + _ref_linear(h, sd, f"{blk}.mlp.fc2", lora, prefix, scaling)


def _ref_feature(img, sd, ref, lora, prefix, scaling):
    mean, std = ref["norm"]
    x = (img - torch.tensor(mean).view(1, 3, 1, 1)) / torch.tensor(std).view(1, 3, 1, 1)
    tok = F.conv2d(x, sd["patch_embed.proj.weight"], sd["patch_embed.proj.bias"], stride=TINY["patch"]).flatten(2).transpose(1, 2)
    tok = torch.cat([sd["cls_token"].expand(len(img), -1, -1), tok], dim=1) + sd["pos_embed"]
    if ref["ln_pre"]:
        tok = _ln(tok, sd["pos_drop.weight"], sd["pos_drop.bias"], ref["eps"])
    for j in range(TINY["depth"]):
        tok = _ref_block(tok, sd, j, ref, lora, prefix, scaling)
    if ref["feat"] == "cls":  # DINO: the last block's CLS, no final norm
        return tok[:, 0]
    return _ln(tok[:, 0], sd["norm.weight"], sd["norm.bias"], ref["eps"]) @ sd["proj"]


def _ref_distance(x, y, states, lora, scaling=LORA_ALPHA / LORA_R):
    """x, y: (N, 3, H, W) at the native size."""

    def embed(img):
        e = torch.cat([_ref_feature(img, sd, REF[name], lora, f"extractor_list.{i}.model.", scaling)
                       for i, (name, sd) in enumerate(states.items())], dim=-1)
        return e - e.mean(-1, keepdim=True)

    a, b = embed(x), embed(y)
    return 1 - (a * b).sum(-1) / (a.norm(dim=-1) * b.norm(dim=-1))


def _images(n, size=TINY_SIZE, seed=1):
    return torch.rand(n, 3, size, size, generator=torch.Generator().manual_seed(seed))


@pytest.mark.parametrize("dreamsim_type", ["ensemble", "dino_vitb16"])
def test_dreamsim_matches_the_written_out_computation(tmp_path, dreamsim_type):
    states, lora = _write_tiny_dreamsim(tmp_path, dreamsim_type)
    x, y = _images(3, seed=1), _images(3, seed=2)
    want = _ref_distance(x, y, states, lora)
    model = DS.load_dreamsim_model(tmp_path, dreamsim_type)
    assert torch.allclose(model(x, y), want, atol=1e-5)
    fn = P.load_dreamsim(tmp_path, dreamsim_type=dreamsim_type)  # native size: no resize
    got = fn(x.permute(0, 2, 3, 1), y.permute(0, 2, 3, 1))
    assert got.dtype == torch.float64 and torch.allclose(got.float(), want, atol=1e-5)
    assert want.abs().min() > 1e-3  # the check compares real distances, not zeros


def test_one_block_matches_explicit_softmax_attention(tmp_path):
    states, lora = _write_tiny_dreamsim(tmp_path)
    model = DS.load_dreamsim_model(tmp_path)
    tokens = torch.randn(2, 5, TINY["width"], generator=torch.Generator().manual_seed(3))
    assert model.names == list(REF)
    for i, name in enumerate(model.names):  # DINO (GELU, eps 1e-6), CLIP (QuickGELU), OpenCLIP
        assert {m.eps for m in model.extractors[i].modules() if isinstance(m, torch.nn.LayerNorm)} == {REF[name]["eps"]}
        for j in range(TINY["depth"]):
            want = _ref_block(tokens, states[name], j, REF[name], lora, f"extractor_list.{i}.model.", LORA_ALPHA / LORA_R)
            assert torch.allclose(model.extractors[i].blocks[j](tokens), want, atol=1e-5), (name, j)


def test_dreamsim_distance_properties_and_batching(tmp_path):
    _write_tiny_dreamsim(tmp_path)
    fn = P.load_dreamsim(tmp_path)
    g = torch.Generator().manual_seed(4)
    x = torch.rand(2, 3, 20, 20, 3, generator=g)  # off-size: resized to the native 12×12
    y = torch.rand(2, 3, 20, 20, 3, generator=g)
    d = fn(x, y)
    assert d.shape == (2, 3)
    assert torch.allclose(fn(y, x), d, atol=1e-6)
    assert fn(x, x).abs().max() < 1e-5
    assert (d >= 0).all() and (d <= 2).all() and d.min() > 1e-3
    assert torch.allclose(fn(x[1, 2], y[1, 2]), d[1, 2], atol=1e-6)  # batching changes nothing
    near = (x + 0.003 * torch.randn(x.shape, generator=g)).clamp(0, 1)
    assert (fn(x, near) < 0.1 * d).all()  # a tiny change moves little compared with unrelated images
    with pytest.raises(FaceliftError, match="H, W, 3"):
        fn(x, y[..., :2])


def test_dreamsim_forward_resamples_the_position_embedding_off_size(tmp_path):
    _write_tiny_dreamsim(tmp_path)
    model = DS.load_dreamsim_model(tmp_path)
    x, y = _images(2, size=16, seed=5), _images(2, size=16, seed=6)  # a 4×4 patch grid for a 3×3 table
    d = model(x, y)
    assert d.shape == (2,) and model(x, x).abs().max() < 1e-5 and (d > 0).all()
    pos = model.extractors[0].position_embedding(4, 4, 16, 16)
    assert pos.shape == (1, 17, TINY["width"]) and torch.equal(pos[:, 0], model.extractors[0].pos_embed[:, 0])


def test_lora_merge_changes_the_output_and_equals_the_unmerged_layer(tmp_path):
    states, lora = _write_tiny_dreamsim(tmp_path)
    model = DS.load_dreamsim_model(tmp_path)
    s = LORA_ALPHA / LORA_R
    x = torch.randn(4, TINY["width"], generator=torch.Generator().manual_seed(7))
    sd = states["clip_vitb16"]
    a, b = lora["extractor_list.1.model.blocks.1.attn.qkv"]
    unmerged = x @ sd["blocks.1.attn.qkv.weight"].T + sd["blocks.1.attn.qkv.bias"] + s * ((x @ a.T) @ b.T)
    assert torch.allclose(model.extractors[1].blocks[1].attn.qkv(x), unmerged, atol=1e-5)
    specs = [DS.BACKBONES[n] for n in model.names]
    plain = DS.DreamSim([DS.vit_from_reference(states[n], DS.BACKBONES[n]) for n in model.names], specs)
    u, v = _images(2, seed=8), _images(2, seed=9)
    assert torch.allclose(plain(u, v), _ref_distance(u, v, states, {}), atol=1e-5)
    assert (plain(u, v) - model(u, v)).abs().min() > 1e-4


def test_rslora_scaling_is_alpha_over_sqrt_rank(tmp_path):
    states, lora = _write_tiny_dreamsim(tmp_path, config={"use_rslora": True})
    x, y = _images(2, seed=1), _images(2, seed=2)
    want = _ref_distance(x, y, states, lora, scaling=LORA_ALPHA / math.sqrt(LORA_R))
    assert torch.allclose(DS.load_dreamsim_model(tmp_path)(x, y), want, atol=1e-5)


def test_reference_keys_round_trip(tmp_path):
    g = torch.Generator().manual_seed(0)
    for name, ref in REF.items():
        spec = DS.BACKBONES[name]
        state = _tiny_vit_state(g, clip=ref["nested"])
        vit = DS.vit_from_reference(state, spec, name)
        ours = vit.state_dict()
        assert set(ours) == {DS.reference_key_to_ours(k) for k in state} and len(ours) == len(state)
        assert all(torch.equal(ours[DS.reference_key_to_ours(k)], v) for k, v in state.items())
        assert vit.shape == DS.ViTShape(TINY["width"], TINY["depth"], TINY["patch"], TINY["grid"], TINY["hidden"],
                                        TINY["proj"] if ref["feat"] == "emb" else None)
        with pytest.raises(FaceliftError, match=r"unexpected keys blocks\.0\.attn\.q_norm\.weight"):
            DS.vit_from_reference({**state, "blocks.0.attn.q_norm.weight": torch.ones(3)}, spec, name)
        with pytest.raises(FaceliftError, match=r"missing keys blocks\.1\.norm2\.bias"):
            DS.vit_from_reference({k: v for k, v in state.items() if k != "blocks.1.norm2.bias"}, spec, name)
        if ref["ln_pre"]:  # named as in the file, not as in our module
            with pytest.raises(FaceliftError, match=r"missing keys pos_drop\.bias"):
                DS.vit_from_reference({k: v for k, v in state.items() if k != "pos_drop.bias"}, spec, name)
        with pytest.raises(FaceliftError, match=r"norm\.weight \(7,\)"):
            DS.vit_from_reference({**state, "norm.weight": torch.ones(7)}, spec, name)


def test_missing_dreamsim_files_are_named(tmp_path, monkeypatch):
    monkeypatch.setenv("FACELIFT_WEIGHTS", str(tmp_path / "w"))
    with pytest.raises(FaceliftError) as e:
        P.load_dreamsim()
    msg = str(e.value)
    assert str(tmp_path / "w" / "dreamsim") in msg and "\n" not in msg
    for name in ("checkpoints/dino_vitbase16_pretrain.pth", "clip_vitb16_pretrain.pth.tar", "open_clip_vitb16_pretrain.pth.tar",
                 "ensemble_lora/adapter_config.json", "ensemble_lora/adapter_model.safetensors"):
        assert name in msg
    _write_tiny_dreamsim(tmp_path / "c")
    (tmp_path / "c" / "clip_vitb16_pretrain.pth.tar").unlink()
    with pytest.raises(FaceliftError, match="missing in .*: clip_vitb16_pretrain.pth.tar \\(unzip"):
        P.load_dreamsim(tmp_path / "c")
    with pytest.raises(FaceliftError, match="unknown DreamSim type"):
        P.load_dreamsim(tmp_path / "c", dreamsim_type="lpips")


def test_dreamsim_rejects_adapters_it_cannot_place(tmp_path):
    from safetensors.torch import load_file, save_file

    _write_tiny_dreamsim(tmp_path / "a", config={"target_modules": ["qkv", "fc1"]})
    with pytest.raises(FaceliftError, match=r"select layers with no LoRA weights: extractor_list\.0\.model\.blocks\.0\.mlp\.fc1"):
        DS.load_dreamsim_model(tmp_path / "a")
    _write_tiny_dreamsim(tmp_path / "b", config={"use_dora": True})
    with pytest.raises(FaceliftError, match="unsupported LoRA options.*use_dora"):
        DS.load_dreamsim_model(tmp_path / "b")
    _write_tiny_dreamsim(tmp_path / "c")
    path = tmp_path / "c" / "ensemble_lora" / "adapter_model.safetensors"
    tensors = load_file(str(path))
    tensors["base_model.model.extractor_list.0.proj.mlp.0.lora_A.weight"] = torch.zeros(LORA_R, 8)
    tensors["base_model.model.extractor_list.0.proj.mlp.0.lora_B.weight"] = torch.zeros(8, LORA_R)
    save_file(tensors, str(path))
    with pytest.raises(FaceliftError, match=r"layers this DreamSim type does not have: extractor_list\.0\.proj\.mlp\.0"):
        DS.load_dreamsim_model(tmp_path / "c")


def test_dreamsim_reads_a_bin_adapter_and_rejects_a_wrong_top_level(tmp_path):
    from safetensors.torch import load_file

    states, lora = _write_tiny_dreamsim(tmp_path, "dino_vitb16")
    folder = tmp_path / "dino_vitb16_single_lora"
    torch.save(load_file(str(folder / "adapter_model.safetensors")), folder / "adapter_model.bin")
    (folder / "adapter_model.safetensors").unlink()
    x, y = _images(2, seed=1), _images(2, seed=2)
    assert torch.allclose(DS.load_dreamsim_model(tmp_path, "dino_vitb16")(x, y), _ref_distance(x, y, states, lora), atol=1e-5)
    _write_tiny_dreamsim(tmp_path / "e")
    torch.save(states["dino_vitb16"], tmp_path / "e" / "clip_vitb16_pretrain.pth.tar")  # flat, no "state_dict"
    with pytest.raises(FaceliftError, match="state_dict"):
        DS.load_dreamsim_model(tmp_path / "e")


def test_convert_lpips_cli_writes_a_loadable_file(weights, tmp_path):
    from facelift.cli import main

    folder, alex, _ = weights
    out = tmp_path / "packed" / P.LPIPS_COMBINED_FILE
    assert main(["eval", "convert-lpips", "--alexnet", str(folder / P.ALEXNET_FILE), "--lin", str(folder / P.LPIPS_LIN_FILE),
                 "-o", str(out)]) == 0
    assert torch.equal(P.load_lpips(out).features[0].weight, alex["features.0.weight"])
    assert main(["eval", "convert-lpips", "--alexnet", str(tmp_path / "nope.pth"), "--lin", str(folder / P.LPIPS_LIN_FILE),
                 "-o", str(out)]) == 2
