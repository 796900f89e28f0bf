"""Stage I model and pipeline: multi-view attention, conv_in expansion, CFG, loading."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import PIL.Image
import pytest
import torch
from diffusers.models.attention_processor import Attention, AttnProcessor2_0

from facelift.errors import FaceliftError
from facelift.cameras import VIEW_NAMES
from facelift.mvdiff import FaceLiftMultiViewPipeline, build_pipeline
from facelift.mvdiff.attention import MultiViewAttnProcessor, install_multiview_attention, multiview_setting
from facelift.mvdiff.config import ModelConfig, TinyArchitecture, VIEW_PROMPT
from facelift.mvdiff.pipeline import ViewEmbeddings, combine_guidance, encode_view_prompts, to_image_batch
from facelift.mvdiff.unet import expand_conv_in

TEST_ARCH = TinyArchitecture(
    unet_block_out_channels=(32, 64), unet_layers_per_block=1, unet_attention_head_dim=8,
    unet_norm_num_groups=8, cross_attention_dim=32, view_embedding_tokens=2,
    vae_block_out_channels=(8, 16), vae_latent_channels=4, vae_norm_num_groups=8,
    clip_hidden_size=32, clip_intermediate_size=64, clip_num_layers=1, clip_num_heads=2,
    clip_image_size=16, clip_patch_size=8, clip_projection_dim=16,
)


def tiny_model(**kw) -> ModelConfig:
    return ModelConfig(image_size=16, tiny=TEST_ARCH, **kw)


@pytest.fixture(scope="module")
def pipe() -> FaceLiftMultiViewPipeline:
    p = build_pipeline(tiny_model(), seed=0)
    p.set_progress_bar_config(disable=True)
    return p


def _attention() -> Attention:
    torch.manual_seed(0)
    return Attention(query_dim=16, heads=2, dim_head=8).eval()


def _run(attn: Attention, proc, x: torch.Tensor) -> torch.Tensor:
    attn.set_processor(proc)
    with torch.no_grad():
        return attn(x)


# ---------------------------------------------------------------- attention processors
def test_sparse_attention_front_view_changes_every_view():
    attn, x = _attention(), torch.randn(6, 5, 16)
    proc = MultiViewAttnProcessor(num_views=6, mode="sparse")
    base = _run(attn, proc, x)
    x2 = x.clone()
    x2[0] += torch.randn(5, 16)
    out = _run(attn, proc, x2)
    for v in range(6):
        assert not torch.allclose(out[v], base[v], atol=1e-5), f"view {v} ignored the front view"


def test_sparse_attention_other_views_do_not_leak():
    attn, x = _attention(), torch.randn(6, 5, 16)
    proc = MultiViewAttnProcessor(num_views=6, mode="sparse")
    base = _run(attn, proc, x)
    x2 = x.clone()
    x2[3] += torch.randn(5, 16)
    out = _run(attn, proc, x2)
    assert not torch.allclose(out[3], base[3], atol=1e-5)
    torch.testing.assert_close(out[4], base[4], rtol=0, atol=1e-6)
    torch.testing.assert_close(out[0], base[0], rtol=0, atol=1e-6)


def test_dense_attention_every_view_sees_every_view():
    attn, x = _attention(), torch.randn(6, 5, 16)
    proc = MultiViewAttnProcessor(num_views=6, mode="dense")
    base = _run(attn, proc, x)
    x2 = x.clone()
    x2[3] += torch.randn(5, 16)
    out = _run(attn, proc, x2)
    assert not torch.allclose(out[4], base[4], atol=1e-5)


def test_dense_attention_equals_attention_over_concatenated_views():
    attn, x = _attention(), torch.randn(6, 5, 16)
    out = _run(attn, MultiViewAttnProcessor(num_views=6, mode="dense"), x)
    # Reference: one sequence of all 30 tokens through plain self-attention; each view's
    # queries see all tokens, so its rows of the result are that view's output.
    ref = _run(attn, AttnProcessor2_0(), x.reshape(1, 30, 16)).reshape(6, 5, 16)
    torch.testing.assert_close(out, ref, rtol=1e-5, atol=1e-6)


def test_single_view_is_plain_self_attention():
    attn, x = _attention(), torch.randn(4, 7, 16)
    for mode in ("sparse", "dense"):
        out = _run(attn, MultiViewAttnProcessor(num_views=1, mode=mode), x)
        ref = _run(attn, AttnProcessor2_0(), x)
        torch.testing.assert_close(out, ref, rtol=0, atol=1e-6)


def test_sparse_front_view_output_is_its_own_self_attention():
    attn, x = _attention(), torch.randn(6, 5, 16)
    out = _run(attn, MultiViewAttnProcessor(num_views=6, mode="sparse"), x)
    ref = _run(attn, AttnProcessor2_0(), x[:1])
    torch.testing.assert_close(out[:1], ref, rtol=1e-5, atol=1e-6)


def test_samples_in_a_batch_do_not_mix():
    attn, x = _attention(), torch.randn(12, 5, 16)
    for mode in ("sparse", "dense"):
        proc = MultiViewAttnProcessor(num_views=6, mode=mode)
        base = _run(attn, proc, x)
        x2 = x.clone()
        x2[:6] += 1.0
        out = _run(attn, proc, x2)
        torch.testing.assert_close(out[6:], base[6:], rtol=0, atol=1e-6)


def test_batch_not_multiple_of_views_is_an_error():
    with pytest.raises(FaceliftError, match="multiple of num_views"):
        _run(_attention(), MultiViewAttnProcessor(num_views=6), torch.randn(5, 3, 16))


def test_install_puts_processors_on_self_attention_only(pipe):
    unet = copy.deepcopy(pipe.unet)
    before = {k: v.clone() for k, v in unet.state_dict().items()}
    install_multiview_attention(unet, num_views=4, mode="dense")
    for name, proc in unet.attn_processors.items():
        assert isinstance(proc, MultiViewAttnProcessor) == name.endswith("attn1.processor")
    assert multiview_setting(unet) == (4, "dense")
    after = unet.state_dict()
    assert before.keys() == after.keys() and all(torch.equal(before[k], after[k]) for k in before)


# ---------------------------------------------------------------- UNet input expansion
def test_zero_expanded_conv_in_matches_base_model():
    from facelift.mvdiff.tiny import build_unet

    torch.manual_seed(1)
    base = build_unet(TEST_ARCH, latent_size=8, in_channels=4).eval()
    expanded = expand_conv_in(copy.deepcopy(base), 8)
    assert expanded.config.in_channels == 8 and expanded.conv_in.in_channels == 8
    assert torch.count_nonzero(expanded.conv_in.weight[:, 4:]) == 0
    x = torch.randn(2, 4, 8, 8)
    ctx = torch.randn(2, 2, 32)
    labels = torch.randn(2, 32)
    with torch.no_grad():
        ref = base(x, 10, encoder_hidden_states=ctx, class_labels=labels).sample
        out = expanded(torch.cat([x, torch.zeros_like(x)], 1), 10, encoder_hidden_states=ctx,
                       class_labels=labels).sample
    torch.testing.assert_close(out, ref, rtol=0, atol=1e-6)


# ---------------------------------------------------------------- guidance and sampling
def test_guidance_combines_uncond_and_cond():
    uncond, cond = torch.full((3, 2), 1.0), torch.full((3, 2), 3.0)
    out = combine_guidance(torch.cat([uncond, cond]), 3.0)
    torch.testing.assert_close(out, torch.full((3, 2), 1.0 + 3.0 * 2.0))


class _UNetSpy:
    """Records every UNet call's inputs."""

    def __init__(self, unet):
        self.calls = []
        self.handle = unet.register_forward_pre_hook(self.hook, with_kwargs=True)

    def hook(self, module, args, kwargs):
        self.calls.append({"sample": args[0].clone(), "class_labels": kwargs["class_labels"].clone(),
                           "context": kwargs["encoder_hidden_states"].clone()})

    def remove(self):
        self.handle.remove()


def _first_call(pipe, x=None, seed=0):
    spy = _UNetSpy(pipe.unet)
    try:
        pipe(torch.rand(3, 16, 16) if x is None else x, num_inference_steps=2, guidance_scale=3.0,
             generator=torch.Generator().manual_seed(seed), output_type="pt")
    finally:
        spy.remove()
    return spy.calls[0]


def test_unconditional_branch_zeroes_the_whole_class_label_and_input_latents(pipe):
    """The release's CFG: the unconditional class label is all zeros (CLIP embedding and the
    noise-level embedding appended to it), and the input latents are zero."""
    assert pipe.config.uncond_label == "zeros"
    call = _first_call(pipe)
    V, D = 6, TEST_ARCH.clip_projection_dim
    assert call["sample"].shape[0] == 2 * V
    uncond, cond = call["sample"][:V], call["sample"][V:]
    assert torch.count_nonzero(uncond[:, 4:]) == 0
    assert torch.count_nonzero(cond[:, 4:]) > 0
    torch.testing.assert_close(uncond[:, :4], cond[:, :4])  # same noisy latents in both branches
    labels = call["class_labels"]
    assert torch.count_nonzero(labels[:V]) == 0
    assert labels[V:, :D].abs().max() > 0.1
    # Level 0's sinusoidal embedding: sin(0) = 0 for the first half, cos(0) = 1 for the second
    # (flip_sin_to_cos puts cos first).
    level = labels[V:, D:]
    torch.testing.assert_close(level[:, : D // 2], torch.ones(V, D // 2))
    torch.testing.assert_close(level[:, D // 2:], torch.zeros(V, D // 2))
    # Every view gets its own context, the same in both branches.
    ctx = call["context"]
    torch.testing.assert_close(ctx[:V], pipe.view_embeddings().detach())
    torch.testing.assert_close(ctx[V:], ctx[:V])


def test_each_view_draws_its_own_label_noise(pipe):
    """The release encodes the input once per view, so each view's CLIP label has its own
    embedding noise: the views' labels differ by that noise alone (std ~1e-2 at level 0)."""
    labels = _first_call(pipe)["class_labels"][6:, : TEST_ARCH.clip_projection_dim]
    spread = (labels - labels.mean(0)).abs()
    assert 1e-4 < spread.max() < 0.05
    assert all(not torch.equal(labels[0], labels[i]) for i in range(1, 6))


def test_zero_clip_weights_keep_their_trained_unconditional_label(pipe):
    """Weights trained with the old convention (the bundled tiny Stage I) keep it: CLIP
    zeroed before noising, the level embedding appended."""
    legacy = copy.deepcopy(pipe)
    legacy.register_to_config(uncond_label="zero_clip")
    labels = _first_call(legacy)["class_labels"]
    V, D = 6, TEST_ARCH.clip_projection_dim
    assert labels[:V, :D].abs().max() < 0.05  # noised zeros
    torch.testing.assert_close(labels[:V, D:], labels[V:, D:])  # level embedding kept
    with pytest.raises(FaceliftError, match="uncond_label"):
        FaceLiftMultiViewPipeline(**{k: getattr(pipe, k) for k in (
            "unet", "vae", "image_encoder", "feature_extractor", "image_normalizer",
            "image_noising_scheduler", "scheduler", "view_embeddings")}, uncond_label="none")


def test_uncond_label_is_stored_and_older_facelift_folders_read_as_zero_clip(pipe, tmp_path):
    pipe.save_pretrained(tmp_path / "p")
    index_path = tmp_path / "p" / "model_index.json"
    assert json.loads(index_path.read_text())["uncond_label"] == "zeros"
    assert FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "p").config.uncond_label == "zeros"
    index = json.loads(index_path.read_text())
    del index["uncond_label"]  # saved by facelift before the key: trained with zero_clip
    index_path.write_text(json.dumps(index))
    assert FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "p").config.uncond_label == "zero_clip"
    from facelift.weights.locate import bundled_weights_dir

    bundled = json.loads((bundled_weights_dir("tiny") / "mvdiff" / "model_index.json").read_text())
    assert bundled["uncond_label"] == "zero_clip"


def test_weights_stored_in_float16_load_as_float32_and_sample_the_same(pipe, tmp_path):
    from safetensors import safe_open

    pipe.save_pretrained(tmp_path / "fp32")
    pipe.save_pretrained(tmp_path / "fp16", weights_dtype=torch.float16)
    for name in ("unet", "vae", "image_encoder"):
        (path,) = (tmp_path / "fp16" / name).glob("*.safetensors")
        with safe_open(path, "pt") as f:
            assert {f.get_tensor(k).dtype for k in f.keys()} == {torch.float16}
        (full,) = (tmp_path / "fp32" / name).glob("*.safetensors")
        assert path.stat().st_size < 0.6 * full.stat().st_size
    (emb,) = (tmp_path / "fp16" / "view_embeddings").glob("*.safetensors")
    with safe_open(emb, "pt") as f:
        assert {f.get_tensor(k).dtype for k in f.keys()} == {torch.float32}
    a = FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "fp32")
    b = FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "fp16")
    assert {p.dtype for p in b.unet.parameters()} == {torch.float32}
    image = torch.rand(1, 3, 32, 32, generator=torch.Generator().manual_seed(0))
    out = [m(image, num_inference_steps=2, generator=torch.Generator().manual_seed(0), output_type="pt").images
           for m in (a, b)]
    assert (out[0] - out[1]).abs().max() < 0.02


def test_sampling_clip_input_is_the_image_processor_on_the_uint8_image(pipe):
    """At sampling time the CLIP encoder sees what the release's CLIPImageProcessor makes of
    the PIL image; training keeps the differentiable tensor resize."""
    import numpy as np

    rgb = np.random.default_rng(0).integers(0, 256, (40, 40, 3), dtype=np.uint8)
    image = torch.from_numpy(rgb).permute(2, 0, 1)[None].float() / 255.0
    expected = pipe.feature_extractor(images=[PIL.Image.fromarray(rgb)], return_tensors="pt").pixel_values
    torch.testing.assert_close(pipe.clip_pixels_uint8(image), expected, rtol=0, atol=1e-6)
    assert expected.shape[-1] == TEST_ARCH.clip_image_size
    # The tensor path differs (antialiased torch bicubic, no rounding), but not by much.
    diff = (pipe.clip_pixels(image) - expected).abs()
    assert 0 < diff.mean() < 0.5


def test_guidance_scale_one_runs_a_single_branch(pipe):
    spy = _UNetSpy(pipe.unet)
    try:
        pipe(torch.rand(3, 16, 16), num_inference_steps=2, guidance_scale=1.0, output_type="pt")
    finally:
        spy.remove()
    assert spy.calls[0]["sample"].shape[0] == 6


@pytest.mark.parametrize("steps", [1, 4])
def test_sampler_runs_exactly_the_requested_steps(pipe, steps):
    spy = _UNetSpy(pipe.unet)
    try:
        pipe(torch.rand(3, 16, 16), num_inference_steps=steps, output_type="pt")
    finally:
        spy.remove()
    assert len(spy.calls) == steps
    assert len(pipe.scheduler.timesteps) == steps


def test_output_has_six_views_in_spec_order(pipe):
    out = pipe(PIL.Image.new("RGB", (40, 40), (200, 120, 90)), num_inference_steps=2)
    assert out.view_names == VIEW_NAMES
    assert len(out.images) == 1 and len(out.images[0]) == 6
    assert out.images[0][0].size == (16, 16)
    pt = pipe([torch.rand(3, 16, 16), torch.rand(3, 16, 16)], num_inference_steps=1, output_type="pt").images
    assert pt.shape == (2, 6, 3, 16, 16) and 0.0 <= pt.min() and pt.max() <= 1.0


def test_sampling_is_deterministic_per_generator(pipe):
    x = torch.rand(3, 16, 16)
    a = pipe(x, num_inference_steps=3, generator=torch.Generator().manual_seed(5), output_type="pt").images
    b = pipe(x, num_inference_steps=3, generator=torch.Generator().manual_seed(5), output_type="pt").images
    c = pipe(x, num_inference_steps=3, generator=torch.Generator().manual_seed(6), output_type="pt").images
    assert torch.equal(a, b)
    assert not torch.allclose(a, c)


def test_bad_arguments_raise_clear_errors(pipe):
    with pytest.raises(FaceliftError, match="num_inference_steps"):
        pipe(torch.rand(3, 16, 16), num_inference_steps=0)
    with pytest.raises(FaceliftError, match="output_type"):
        pipe(torch.rand(3, 16, 16), num_inference_steps=1, output_type="jpg")
    with pytest.raises(FaceliftError, match="input image"):
        pipe(torch.rand(2, 16, 16), num_inference_steps=1)


def test_input_alpha_is_composited_on_white_and_padded_square():
    rgba = torch.zeros(4, 20, 10)
    rgba[0] = 1.0  # red where opaque
    rgba[3, :, :5] = 1.0
    out = to_image_batch(rgba, 20)
    assert out.shape == (1, 3, 20, 20)
    torch.testing.assert_close(out[0, :, 10, 7], torch.tensor([1.0, 0.0, 0.0]))  # opaque red
    torch.testing.assert_close(out[0, :, 10, 13], torch.ones(3))  # transparent -> white
    torch.testing.assert_close(out[0, :, 10, 1], torch.ones(3))  # padding -> white


# ---------------------------------------------------------------- persistence
def test_save_then_load_gives_identical_samples(pipe, tmp_path):
    pipe.save_pretrained(tmp_path / "pipe")
    assert not list((tmp_path / "pipe").rglob("*.bin"))
    loaded = FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "pipe")
    loaded.set_progress_bar_config(disable=True)
    x = torch.rand(3, 16, 16)
    a = pipe(x, num_inference_steps=3, generator=torch.Generator().manual_seed(2), output_type="pt").images
    b = loaded(x, num_inference_steps=3, generator=torch.Generator().manual_seed(2), output_type="pt").images
    assert torch.equal(a, b)
    assert multiview_setting(loaded.unet) == (6, "sparse")


def test_hub_id_resolves_from_local_cache_only(pipe, tmp_path):
    cache = tmp_path / "hub"
    snap = cache / "models--someone--tiny-mv" / "snapshots" / ("a" * 40)
    pipe.save_pretrained(snap)
    (cache / "models--someone--tiny-mv" / "refs").mkdir(parents=True)
    (cache / "models--someone--tiny-mv" / "refs" / "main").write_text("a" * 40)
    loaded = FaceLiftMultiViewPipeline.from_pretrained("someone/tiny-mv", cache_dir=cache)
    assert loaded.num_views == 6
    with pytest.raises(FaceliftError, match="not in the local Hugging Face cache"):
        FaceLiftMultiViewPipeline.from_pretrained("someone/not-there", cache_dir=cache)
    with pytest.raises(FaceliftError, match="no such folder"):
        FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "missing" / "x" / "y")


def _tiny_text_components(dim: int):
    """A CLIP text encoder + BPE tokenizer small enough to build offline."""
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    return CLIPTextModel(CLIPTextConfig(
        vocab_size=64, hidden_size=dim, intermediate_size=2 * dim, num_hidden_layers=1,
        num_attention_heads=2, max_position_embeddings=77, projection_dim=dim,
        bos_token_id=0, eos_token_id=1, pad_token_id=1,
    )).eval(), CLIPTokenizer


def _write_tokenizer(folder: Path):
    from transformers import CLIPTokenizer

    folder.mkdir(parents=True)
    letters = "abcdefghijklmnopqrstuvwxyz,."
    vocab = {"<|startoftext|>": 0, "<|endoftext|>": 1}
    for ch in letters:
        vocab[ch] = len(vocab)
        vocab[ch + "</w>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab))
    (folder / "merges.txt").write_text("#version: 0.2\n")
    tok = CLIPTokenizer(str(folder / "vocab.json"), str(folder / "merges.txt"), model_max_length=77)
    shutil.rmtree(folder)
    tok.save_pretrained(folder)
    return tok


def _release_folder(pipe, root: Path) -> Path:
    """A folder shaped like the release's ``mvdiffusion/pipeckpts``: MV2D UNet config,
    text encoder + tokenizer, no stored view embeddings."""
    folder = root / "pipeckpts"
    pipe.save_pretrained(folder)
    shutil.rmtree(folder / "view_embeddings")
    cfg = json.loads((folder / "unet" / "config.json").read_text())
    cfg["_class_name"] = "UNetMV2DConditionModel"
    cfg["down_block_types"] = [b.replace("CrossAttnDownBlock2D", "CrossAttnDownBlockMV2D") for b in cfg["down_block_types"]]
    cfg["up_block_types"] = [b.replace("CrossAttnUpBlock2D", "CrossAttnUpBlockMV2D") for b in cfg["up_block_types"]]
    cfg["mid_block_type"] = "UNetMidBlockMV2DCrossAttn"
    cfg.update(num_views=6, multiview_attention=True, sparse_mv_attention=True, selfattn_block="custom",
               cd_attention_last=False, cd_attention_mid=False, addition_downsample=False)
    (folder / "unet" / "config.json").write_text(json.dumps(cfg))
    text_encoder, _ = _tiny_text_components(TEST_ARCH.cross_attention_dim)
    text_encoder.save_pretrained(folder / "text_encoder")
    _write_tokenizer(folder / "tokenizer")
    index = json.loads((folder / "model_index.json").read_text())
    index.pop("view_embeddings")
    index.pop("attention")
    index.pop("uncond_label")
    index.update(_class_name="StableUnCLIPImg2ImgPipeline", text_encoder=["transformers", "CLIPTextModel"],
                 tokenizer=["transformers", "CLIPTokenizer"])
    (folder / "model_index.json").write_text(json.dumps(index))
    return folder


def test_release_shaped_folder_loads(pipe, tmp_path):
    folder = _release_folder(pipe, tmp_path)
    loaded = FaceLiftMultiViewPipeline.from_pretrained(folder)
    loaded.set_progress_bar_config(disable=True)
    assert multiview_setting(loaded.unet) == (6, "sparse")
    assert loaded.text_encoder is not None and loaded.tokenizer is not None
    # View embeddings = the text encoder's encoding of the release's 6 prompts.
    expected = encode_view_prompts(loaded.text_encoder, loaded.tokenizer)
    assert expected.shape == (6, 77, TEST_ARCH.cross_attention_dim)
    torch.testing.assert_close(loaded.view_embeddings().detach(), expected)
    assert not torch.allclose(expected[0], expected[3])  # "front" and "back" prompts differ
    assert VIEW_PROMPT.format(view="front_left") == "a rendering image of 3D models, front_left view, color map."
    # The UNet weights came through unchanged.
    for k, v in pipe.unet.state_dict().items():
        assert torch.equal(loaded.unet.state_dict()[k], v), k
    # It saves in our layout (with the computed embeddings) and loads back identically.
    loaded.save_pretrained(tmp_path / "ours")
    again = FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "ours")
    again.set_progress_bar_config(disable=True)
    x = torch.rand(3, 16, 16)
    a = loaded(x, num_inference_steps=2, generator=torch.Generator().manual_seed(0), output_type="pt").images
    b = again(x, num_inference_steps=2, generator=torch.Generator().manual_seed(0), output_type="pt").images
    assert torch.equal(a, b)


def test_sd21_unclip_shaped_base_gets_eight_channel_unet(pipe, tmp_path):
    from facelift.mvdiff.tiny import build_unet

    folder = _release_folder(pipe, tmp_path)
    base = build_unet(TEST_ARCH, latent_size=8, in_channels=4)
    shutil.rmtree(folder / "unet")
    base.save_pretrained(folder / "unet")
    loaded = FaceLiftMultiViewPipeline.from_pretrained(folder, attention="dense")
    assert loaded.unet.config.in_channels == 8
    assert torch.count_nonzero(loaded.unet.conv_in.weight[:, 4:]) == 0
    torch.testing.assert_close(loaded.unet.conv_in.weight[:, :4], base.conv_in.weight)
    assert multiview_setting(loaded.unet) == (6, "dense")


def test_folder_with_pickled_weights_only_is_refused(pipe, tmp_path):
    pipe.save_pretrained(tmp_path / "p")
    unet_dir = tmp_path / "p" / "unet"
    (unet_dir / "diffusion_pytorch_model.safetensors").rename(unet_dir / "diffusion_pytorch_model.bin")
    with pytest.raises(FaceliftError, match="safetensors"):
        FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "p")


def test_view_embeddings_round_trip(tmp_path):
    emb = ViewEmbeddings.from_tensor(torch.randn(6, 3, 8))
    emb.save_pretrained(tmp_path / "v")
    back = ViewEmbeddings.from_pretrained(tmp_path / "v")
    assert torch.equal(back(), emb())


def test_paper_style_build_from_a_base_folder_sets_the_prediction_type(pipe, tmp_path):
    from facelift.mvdiff.tiny import build_unet

    folder = _release_folder(pipe, tmp_path)
    shutil.rmtree(folder / "unet")
    build_unet(TEST_ARCH, latent_size=8, in_channels=4).save_pretrained(folder / "unet")
    built = build_pipeline(ModelConfig(base=str(folder), image_size=16, prediction_type="v_prediction",
                                       attention="sparse", tiny=TEST_ARCH))
    assert built.scheduler.config.prediction_type == "v_prediction"
    assert built.unet.config.in_channels == 8
    assert multiview_setting(built.unet) == (6, "sparse")


def test_view_embeddings_can_come_from_a_tensor_file(pipe, tmp_path):
    pipe.save_pretrained(tmp_path / "p")
    emb = torch.randn(6, 3, TEST_ARCH.cross_attention_dim)
    torch.save(emb, tmp_path / "clr_embeds.pt")
    loaded = FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "p", view_embeddings=tmp_path / "clr_embeds.pt")
    assert torch.equal(loaded.view_embeddings(), emb)
    torch.save({"x": torch.randn(6, 3)}, tmp_path / "bad.pt")
    with pytest.raises(FaceliftError, match=r"\(V, L, D\)"):
        FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "p", view_embeddings=tmp_path / "bad.pt")
