"""Stage I training: loss weighting, dropout, backgrounds, a falling loss, exact resume."""

from __future__ import annotations

import json
import math

import pytest
import torch
import torch.nn.functional as F
from diffusers import DDIMScheduler

from facelift.mvdiff import build_pipeline
from facelift.mvdiff.config import ModelConfig, MVDiffConfig, TinyArchitecture, TrainConfig
from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline
from facelift.train.harness import read_metrics
from facelift.weights.store import load_weights
from facelift.train.mvdiff import (
    BACKGROUNDS, MVDiffTrainable, batch_indices, diffusion_loss, make_batch, min_snr_weights,
    resolve_config, step_generator, train_mvdiff, train_vae,
)

ARCH = TinyArchitecture(
    unet_block_out_channels=(32, 64), unet_layers_per_block=1, unet_attention_head_dim=8,
    unet_norm_num_groups=8, cross_attention_dim=32, view_embedding_tokens=2,
    vae_block_out_channels=(8, 16), vae_latent_channels=4, vae_norm_num_groups=8,
    clip_hidden_size=32, clip_intermediate_size=64, clip_num_layers=1, clip_num_heads=2,
    clip_image_size=16, clip_patch_size=8, clip_projection_dim=16,
)


def config(**train) -> MVDiffConfig:
    base = dict(batch_size=1, max_steps=4, vae_max_steps=2, checkpoint_every=2, validate_every=4,
                validation_steps=2, log_every=1, lr_warmup_steps=0, keep_checkpoints=3)
    base.update(train)
    return MVDiffConfig(model=ModelConfig(image_size=16, tiny=ARCH), train=TrainConfig(**base))


def dataset(n: int = 3, size: int = 16) -> list[dict]:
    """Random RGBA heads: a coloured disc per view on a transparent background (premultiplied)."""
    g = torch.Generator().manual_seed(0)
    yy, xx = torch.meshgrid(torch.linspace(-1, 1, size), torch.linspace(-1, 1, size), indexing="ij")
    items = []
    for _ in range(n):
        colour = torch.rand(3, generator=g)
        views = []
        for v in range(6):
            r = 0.5 + 0.1 * math.cos(v)
            alpha = ((xx**2 + yy**2) < r**2).float()[None]
            rgb = colour.view(3, 1, 1) * (0.6 + 0.4 * torch.rand(1, size, size, generator=g))
            views.append(torch.cat([rgb * alpha, alpha]))  # premultiplied
        views = torch.stack(views)
        items.append({"input": views[0], "views": views})
    return items


def test_min_snr_weights_follow_the_prediction_type():
    sched = DDIMScheduler(beta_schedule="scaled_linear", beta_start=0.00085, beta_end=0.012)
    t = torch.tensor([0, 500, 999])
    ac = sched.alphas_cumprod[t]
    snr = ac / (1 - ac)
    g = 5.0
    torch.testing.assert_close(min_snr_weights(sched, t, g, "epsilon"), torch.minimum(snr, torch.tensor(g)) / snr)
    torch.testing.assert_close(min_snr_weights(sched, t, g, "v_prediction"),
                               torch.minimum(snr, torch.tensor(g)) / (snr + 1))
    torch.testing.assert_close(min_snr_weights(sched, t, g, "sample"), torch.minimum(snr, torch.tensor(g)))
    assert min_snr_weights(sched, t, g, "epsilon")[0] < 0.01  # nearly clean: down-weighted
    assert min_snr_weights(sched, t, g, "epsilon")[2] == pytest.approx(1.0)


def test_batches_are_permutations_per_epoch_and_reproducible():
    seen = [i for s in range(5) for i in batch_indices(10, 2, s, 0, 1, seed=3)]
    assert sorted(seen) == list(range(10))
    assert batch_indices(10, 2, 7, 0, 1, 3) == batch_indices(10, 2, 7, 0, 1, 3)
    # Two ranks draw disjoint parts of the same epoch.
    r0 = batch_indices(10, 2, 0, 0, 2, 3) + batch_indices(10, 2, 1, 0, 2, 3)
    r1 = batch_indices(10, 2, 0, 1, 2, 3) + batch_indices(10, 2, 1, 1, 2, 3)
    assert not set(r0) & set(r1)


def test_backgrounds_random_in_training_white_in_validation():
    data = dataset(4)
    colours = set()
    for step in range(12):
        b = make_batch(data, 4, step, 0, 1, seed=0, backgrounds="random")
        corner = b.views[:, :, :, 0, 0]  # transparent pixel: pure background
        assert torch.allclose(corner, corner[:, :1].expand_as(corner))  # one background per head
        torch.testing.assert_close(b.cond[:, :, 0, 0], corner[:, 0])
        colours |= {tuple(round(float(c), 3) for c in row) for row in corner[:, 0]}
    assert colours == set(BACKGROUNDS)
    white = make_batch(data, 4, 0, 0, 1, seed=0, backgrounds="white")
    assert torch.equal(white.views[:, :, :, 0, 0], torch.ones(4, 6, 3))


def test_condition_dropout_zeroes_what_it_says():
    cfg = config()
    pipe = build_pipeline(cfg.model)
    model = MVDiffTrainable(pipe, True, True)
    seen = {}

    def hook(module, args, kwargs):
        seen["x"], seen["labels"] = args[0].clone(), kwargs["class_labels"].clone()

    h = pipe.unet.register_forward_pre_hook(hook, with_kwargs=True)
    cond = torch.rand(3, 3, 16, 16)
    cond_lat = torch.randn(3, 4, 8, 8)
    with torch.no_grad():
        model(cond, cond_lat, torch.randn(18, 4, 8, 8), torch.tensor([10, 20, 30]),
              drop_clip=torch.tensor([True, True, False]), drop_latents=torch.tensor([False, True, True]))
    h.remove()
    x, labels = seen["x"].view(3, 6, 8, 8, 8), seen["labels"].view(3, 6, -1)
    D = ARCH.clip_projection_dim
    assert torch.count_nonzero(x[0, :, 4:]) > 0 and torch.count_nonzero(x[1:, :, 4:]) == 0
    assert labels[:2, :, :D].abs().max() < 0.05 and labels[2, :, :D].abs().max() > 0.1


def test_training_steps_lower_the_loss_on_a_fixed_batch():
    torch.manual_seed(0)
    cfg = config(drop_clip=0.0, drop_both=0.0, drop_latents=0.0)
    pipe = build_pipeline(cfg.model)
    model = MVDiffTrainable(pipe, True, True).train()
    batch = make_batch(dataset(2), 2, 0, 0, 1, seed=0)
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3)

    def loss_now():
        return diffusion_loss(model, pipe, batch, cfg, step_generator(0, 0, 0), torch.device("cpu"))[0]

    with torch.no_grad():
        before = float(loss_now())
    for _ in range(5):
        opt.zero_grad()
        loss_now().backward()
        opt.step()
    with torch.no_grad():
        after = float(loss_now())
    assert after < 0.7 * before, (before, after)


def test_training_run_resumes_exactly_and_exports_a_pipeline(tmp_path):
    data = dataset(3)
    cfg = config(max_steps=2, checkpoint_every=1, validate_every=2, vae_max_steps=1)
    train_vae(cfg, data, tmp_path / "a")
    assert (tmp_path / "a" / "vae" / "config.json").is_file()
    vae = tmp_path / "a" / "vae"
    full = train_mvdiff(cfg, data, tmp_path / "a", vae_path=vae)
    assert full.step == 2
    part = train_mvdiff(cfg, data, tmp_path / "b", vae_path=vae, max_steps_this_run=1)
    assert part.step == 1
    resumed = train_mvdiff(cfg, data, tmp_path / "b", vae_path=vae)
    assert resumed.step == 2
    a = load_weights(tmp_path / "a" / "checkpoints" / "step_00000002")
    b = load_weights(tmp_path / "b" / "checkpoints" / "step_00000002")
    assert any(k.startswith("ema.unet.") for k in a) and any(k.startswith("model.unet.") for k in a)
    for k in a:
        assert torch.equal(a[k], b[k]), k
    losses_a = [r["loss"] for r in read_metrics(tmp_path / "a") if "loss" in r]
    losses_b = [r["loss"] for r in read_metrics(tmp_path / "b") if "loss" in r]
    assert len(losses_a) == 2 and losses_a == pytest.approx(losses_b)
    assert list((tmp_path / "a" / "samples").glob("val_*.png"))
    pipe = FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "a" / "pipeline")
    # The exported pipeline carries the EMA weights.
    ema = {k[len("ema.unet."):]: v for k, v in a.items() if k.startswith("ema.unet.")}
    for k, v in pipe.unet.state_dict().items():
        assert torch.equal(v, ema[k]), k
    out = pipe(data[0]["input"], num_inference_steps=2, output_type="pt").images
    assert out.shape == (1, 6, 3, 16, 16)


def test_init_starts_from_a_trained_pipeline_and_refuses_other_shapes(tmp_path):
    from dataclasses import replace

    from facelift.errors import FaceliftError

    data = dataset(3)
    cfg = config(max_steps=2, checkpoint_every=1, validate_every=0, vae_max_steps=1)
    train_vae(cfg, data, tmp_path / "a")
    train_mvdiff(cfg, data, tmp_path / "a", vae_path=tmp_path / "a" / "vae")
    # The source learned guidance with the older label (as the bundled tiny Stage I did).
    index_path = tmp_path / "a" / "pipeline" / "model_index.json"
    index_path.write_text(json.dumps({**json.loads(index_path.read_text()), "uncond_label": "zero_clip"}))
    trained = FaceLiftMultiViewPipeline.from_pretrained(tmp_path / "a" / "pipeline")
    # With lr 0 the step changes nothing: the run holds exactly the source's weights and its VAE.
    first = train_mvdiff(config(max_steps=1, checkpoint_every=1, validate_every=0, lr=0.0), data, tmp_path / "b",
                         init=tmp_path / "a" / "pipeline")
    for name in ("unet", "image_encoder", "view_embeddings", "vae"):
        got, want = getattr(first.pipeline, name).state_dict(), getattr(trained, name).state_dict()
        assert got.keys() == want.keys() and all(torch.equal(got[k], want[k]) for k in want), name
    assert first.pipeline.vae.config.scaling_factor == trained.vae.config.scaling_factor
    # It keeps the source's guidance label, in the run's config too.
    assert first.pipeline.config.uncond_label == "zero_clip"
    assert json.loads((tmp_path / "b" / "config.json").read_text())["model"]["uncond_label"] == "zero_clip"
    # The run keeps that VAE and label, so it resumes without --init.
    resumed = train_mvdiff(resolve_config(None, ["train.max_steps=2"], tmp_path / "b", resume=True), data, tmp_path / "b")
    assert resumed.step == 2 and resumed.pipeline.vae.config.scaling_factor == trained.vae.config.scaling_factor
    assert resumed.pipeline.config.uncond_label == "zero_clip"
    # A label set in the config switches it.
    switched = config(max_steps=1, checkpoint_every=1, validate_every=0, lr=0.0)
    switched = replace(switched, model=replace(switched.model, uncond_label="zeros"))
    assert train_mvdiff(switched, data, tmp_path / "d", init=tmp_path / "a" / "pipeline").pipeline.config.uncond_label == "zeros"
    # A pipeline of other shapes is one clear error, before any training.
    other = config(max_steps=1, validate_every=0)
    other = replace(other, model=replace(other.model, tiny=replace(ARCH, unet_block_out_channels=(16, 32))))
    with pytest.raises(FaceliftError, match="--init"):
        train_mvdiff(other, data, tmp_path / "c", init=tmp_path / "a" / "pipeline")
    assert not (tmp_path / "c" / "checkpoints").exists()


def test_several_dataset_folders_read_as_one(tmp_path):
    import numpy as np

    from facelift.cameras import facelift_cameras
    from facelift.data import layout
    from facelift.train.mvdiff import load_dataset

    rng = np.random.default_rng(1)
    for root, n in (("d1", 2), ("d2", 3)):
        for i in range(n):
            rgba = [rng.integers(0, 256, (16, 16, 4), dtype=np.uint8) for _ in range(6)]
            layout.write_subject(tmp_path / root / f"s{i}", rgba, facelift_cameras(16), {"num_fixed_views": 6})
    both = load_dataset([tmp_path / "d1", tmp_path / "d2"], 16)
    assert len(both) == len(load_dataset(tmp_path / "d1", 16)) + len(load_dataset(tmp_path / "d2", 16)) == 5
    assert torch.equal(both[4]["views"], load_dataset(tmp_path / "d2", 16)[2]["views"])


def test_stage1_views_from_the_dataset_layout_composite_on_any_background(tmp_path):
    import numpy as np

    from facelift.cameras import facelift_cameras
    from facelift.data import layout
    from facelift.train.mvdiff import composite, load_dataset

    rng = np.random.default_rng(0)
    rgba = [rng.integers(0, 256, (16, 16, 4), dtype=np.uint8) for _ in range(6)]
    layout.write_subject(tmp_path / "s0", rgba, facelift_cameras(16), {"num_fixed_views": 6})
    data = load_dataset(tmp_path, 16)
    item = data[0]
    assert item["views"].shape == (6, 4, 16, 16) and torch.equal(item["input"], item["views"][0])
    straight = torch.from_numpy(np.stack(rgba)).permute(0, 3, 1, 2).float() / 255.0
    a = straight[:, 3:]
    for bg in BACKGROUNDS:
        expected = straight[:, :3] * a + torch.tensor(bg).view(1, 3, 1, 1) * (1 - a)
        got = composite(item["views"][None], torch.tensor([bg]))[0]
        torch.testing.assert_close(got, expected, atol=1e-5, rtol=0)


def _eval_items(n: int = 2, size: int = 16) -> list[dict]:
    out = []
    for it in dataset(n, size):
        white = torch.ones(1, 3)
        from facelift.train.mvdiff import composite

        out.append({"input": composite(it["input"][None], white)[0], "images": composite(it["views"][None], white)[0],
                    "alphas": it["views"][:, 3:]})
    return out


def test_eval_copy_baseline_and_oracle_scores():
    from facelift.eval.mvdiff import copy_baseline, evaluate, meets_targets

    items = _eval_items()
    # A generator that copies the input scores exactly the baseline.
    same = evaluate(copy_baseline, items, progress=False)
    assert same["model"] == same["copy input"]
    # The oracle (true views) has IoU 1, capped PSNR, and its back view equals the true back.
    by_input = {id(it["input"]): it for it in items}
    oracle = evaluate(lambda image: by_input[id(image)]["images"], items, progress=False)
    m = oracle["model"]
    assert m["iou"] == pytest.approx(1.0) and m["masked_psnr"] == pytest.approx(100.0)
    assert m["back_mse_true"] == 0.0 and m["back_closer_to_true"] == 1.0
    assert m["detail"] == pytest.approx(1.0)
    # The true views blurred: PSNR stays high, detail says what was lost.
    blur = lambda views: F.avg_pool2d(F.pad(views, (1, 1, 1, 1), mode="replicate"), 3, stride=1)  # noqa: E731
    big = _eval_items(size=48)
    big_by_input = {id(it["input"]): it for it in big}
    blurred = evaluate(lambda image: blur(big_by_input[id(image)]["images"]), big, progress=False)["model"]
    assert 0.05 < blurred["detail"] < 0.6  # i.i.d. texture: a 3×3 box keeps ~0.18 of its gradient
    assert all(meets_targets(oracle).values())
    assert not any(meets_targets(same).values())


def test_a_bad_matte_share_fails_before_training(tmp_path):
    from dataclasses import replace

    from facelift.errors import FaceliftError

    for share, data, match in ((1.5, dataset(2), r"within \[0, 1\]"),
                               (0.3, [{"input": torch.rand(3, 16, 16), "views": torch.rand(6, 3, 16, 16)}], "RGBA")):
        cfg = config(max_steps=1)
        cfg = replace(cfg, train=replace(cfg.train, matte_share=share))
        with pytest.raises(FaceliftError, match=match):
            train_mvdiff(cfg, data, tmp_path / "run")
        assert not (tmp_path / "run").exists()


def test_eval_with_matted_inputs_gives_both_generators_the_same_cut_out():
    from facelift.eval.mvdiff import copy_baseline, evaluate, matted_input

    # Two opaque discs on white, 6 identical views each.
    ys, xs = torch.meshgrid(torch.arange(32.0), torch.arange(32.0), indexing="ij")
    alpha = (9.5 - ((xs - 15.5) ** 2 + (ys - 15.5) ** 2).sqrt()).clamp(0, 1)[None]
    items = []
    for colour in ((0.8, 0.3, 0.2), (0.2, 0.4, 0.7)):
        image = torch.tensor(colour).view(3, 1, 1) * alpha + (1 - alpha)
        items.append({"input": image, "images": image.expand(6, 3, 32, 32), "alphas": alpha.expand(6, 1, 32, 32)})
    seen = []
    matted = evaluate(lambda image: seen.append(image) or copy_baseline(image), items, progress=False, matte_seed=7)
    # The copy baseline scores what the model that copies does: both saw the same matted input ...
    assert matted["model"] == matted["copy input"]
    # ... which is the item's input cut out again (seeded per subject), not the clean one.
    for k, (image, item) in enumerate(zip(seen, items)):
        assert torch.equal(image, matted_input(item, 7 + k))
        assert not torch.equal(image, item["input"])
        # Where the subject is opaque 3 px around (beyond the matte's reach) it is unchanged.
        inside = (-torch.nn.functional.max_pool2d(-alpha[None], 7, stride=1, padding=3))[0, 0] > 0.999
        assert inside.sum() > 50
        assert torch.allclose(image[:, inside], item["input"][:, inside], atol=2e-3)
    assert matted["model"] != evaluate(copy_baseline, items, progress=False)["model"]


def test_paper_style_training_keeps_encoder_and_view_embeddings_frozen():
    cfg = config(train_image_encoder=False, train_view_embeddings=False)
    cfg.model.prediction_type = "v_prediction"
    pipe = build_pipeline(cfg.model)
    pipe.image_encoder.requires_grad_(False)
    pipe.view_embeddings.requires_grad_(False)
    model = MVDiffTrainable(pipe, False, False)
    assert set(n.split(".")[0] for n, _ in model.named_parameters()) == {"unet"}
    assert pipe.scheduler.config.prediction_type == "v_prediction"
    batch = make_batch(dataset(1), 1, 0, 0, 1, seed=0)
    loss, _ = diffusion_loss(model, pipe, batch, cfg, step_generator(0, 0, 0), torch.device("cpu"))
    loss.backward()
    assert pipe.unet.conv_in.weight.grad is not None and pipe.unet.conv_in.weight.grad.abs().sum() > 0
    assert all(p.grad is None for p in pipe.image_encoder.parameters())
    assert pipe.view_embeddings.embeddings.grad is None


def test_cli_registers_train_and_eval_commands():
    from facelift.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["train", "mvdiff", "--data", "d", "--out", "o", "--stage", "vae", "train.lr=1e-3"])
    assert args.stage == "vae" and args.overrides == ["train.lr=1e-3"] and callable(args.func)
    args = parser.parse_args(["eval", "mvdiff", "--weights", "w", "--data", "d", "--limit", "3"])
    assert args.limit == 3 and args.split == "test"


def test_unknown_override_is_a_clear_error(tmp_path):
    from facelift.errors import FaceliftError

    with pytest.raises(FaceliftError, match="unknown key"):
        resolve_config("tiny", ["train.learning_rate=1"], tmp_path, resume=False)
    assert resolve_config("paper", [], tmp_path, resume=False).model.prediction_type == "v_prediction"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ddp_worker(rank: int, world: int, port: int, data: list, vae: str, out: str) -> None:
    import os

    os.environ.update({"MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port), "WORLD_SIZE": str(world),
                       "RANK": str(rank), "LOCAL_RANK": str(rank), "LOCAL_WORLD_SIZE": str(world)})
    torch.set_num_threads(1)
    cfg = config(max_steps=1, checkpoint_every=1, validate_every=0)
    result = train_mvdiff(cfg, data, out, vae_path=vae, cpu=True)
    from safetensors.torch import save_file

    save_file({k: v.contiguous() for k, v in result.pipeline.unet.state_dict().items()}, f"{out}/rank{rank}.safetensors")


def test_two_process_gloo_step_keeps_ranks_in_sync(tmp_path):
    import torch.multiprocessing as mp

    from facelift.mvdiff.tiny import build_vae

    build_vae(ARCH).save_pretrained(tmp_path / "vae")
    out = tmp_path / "ddp"
    out.mkdir()
    mp.spawn(_ddp_worker, args=(2, _free_port(), dataset(4), str(tmp_path / "vae"), str(out)), nprocs=2, join=True)
    r0, r1 = load_weights(out / "rank0.safetensors"), load_weights(out / "rank1.safetensors")
    assert all(torch.equal(r0[k], r1[k]) for k in r0)
    init = build_pipeline(config().model).unet.state_dict()  # same seed: the starting weights
    assert not torch.equal(r0["conv_in.weight"], init["conv_in.weight"])
    assert (out / "checkpoints" / "step_00000001" / "model.safetensors").is_file()
    assert (out / "pipeline" / "model_index.json").is_file()


def test_init_grows_the_unet_with_identity_transformer_blocks():
    """A pipeline with 2 transformer blocks per attention layer starts from a 1-block one: the
    new blocks are identity maps, so the grown UNet predicts what the source did, and they train."""
    from dataclasses import replace

    from facelift.train.mvdiff import init_from_pipeline

    small = build_pipeline(config().model, seed=1)
    grown_cfg = replace(config().model, tiny=replace(ARCH, unet_transformer_layers_per_block=2))
    grown = build_pipeline(grown_cfg, seed=2)
    assert len(grown.unet.state_dict()) > len(small.unet.state_dict())
    init_from_pipeline(grown, small, what="small")
    g = torch.Generator().manual_seed(0)
    latents = torch.randn(6, 8, 8, 8, generator=g)  # 4 noisy + 4 condition latent channels
    t = torch.tensor([500] * 6)
    text = torch.randn(6, 3, ARCH.cross_attention_dim, generator=g)
    label = torch.randn(6, 2 * ARCH.clip_projection_dim, generator=g)
    with torch.no_grad():
        want = small.unet(latents, t, encoder_hidden_states=text, class_labels=label).sample
        got = grown.unet(latents, t, encoder_hidden_states=text, class_labels=label).sample
    assert torch.allclose(got, want, atol=1e-5)
    # The new blocks' zero projections receive gradients (they are not frozen at identity).
    new_block = grown.unet.down_blocks[0].attentions[0].transformer_blocks[1]
    assert not new_block.ff.net[-1].weight.detach().any()
    grown.unet(latents, t, encoder_hidden_states=text, class_labels=label).sample.square().mean().backward()
    assert float(new_block.ff.net[-1].weight.grad.abs().sum()) > 0.0
    # Shrinking (or any other difference) is still one clear error.
    from facelift.errors import FaceliftError

    with pytest.raises(FaceliftError, match="--init small"):
        init_from_pipeline(build_pipeline(config().model, seed=3), grown, what="small")


def test_eval_mvdiff_report_paths_keep_dots_in_the_name():
    from pathlib import Path

    from facelift.cli.eval import report_paths

    assert report_paths(Path("out/guidance_1.5")) == (Path("out/guidance_1.5.md"), Path("out/guidance_1.5.json"))
    assert report_paths(Path("out/eval.md")) == (Path("out/eval.md"), Path("out/eval.json"))
    assert report_paths(Path("out/eval.JSON")) == (Path("out/eval.md"), Path("out/eval.json"))


def test_lr_min_ratio_anneals_the_unet_stage_by_a_cosine(tmp_path):
    from dataclasses import replace

    from facelift.errors import FaceliftError

    data = dataset(2)
    base = config(max_steps=4, checkpoint_every=4, validate_every=0, lr=1e-3, vae_max_steps=1)
    train_vae(base, data, tmp_path / "vae_run")
    vae = tmp_path / "vae_run" / "vae"

    def lrs(cfg, name):
        train_mvdiff(cfg, data, tmp_path / name, vae_path=vae)
        return [r["lr"] for r in read_metrics(tmp_path / name) if "lr" in r]

    assert lrs(base, "constant") == pytest.approx([1e-3] * 4)  # the default: constant after warm-up
    annealed = replace(base, train=replace(base.train, lr_min_ratio=0.2))
    # Cosine from lr at step 0 to 0.2·lr at max_steps: lr·(0.2 + 0.8·(1 + cos(π·s/4))/2), s = 0..3.
    expected = [1e-3 * (0.2 + 0.8 * 0.5 * (1 + math.cos(math.pi * s / 4))) for s in range(4)]
    assert lrs(annealed, "annealed") == pytest.approx(expected)
    bad = replace(base, train=replace(base.train, lr_min_ratio=1.5))
    with pytest.raises(FaceliftError, match=r"lr_min_ratio must be within \[0, 1\]"):
        train_mvdiff(bad, data, tmp_path / "bad", vae_path=vae)
    assert not (tmp_path / "bad").exists()


def test_mirror_order_swaps_left_and_right_views():
    from facelift.errors import FaceliftError
    from facelift.train.mvdiff import mirror_order

    assert mirror_order() == [0, 5, 4, 3, 2, 1]  # 0, 45, 90, 180, 270, 315° -> 0, 315, 270, 180, 90, 45°
    order = mirror_order((0, 90, 180, 270))
    assert [order[j] for j in order] == [0, 1, 2, 3]  # mirroring twice is the identity
    with pytest.raises(FaceliftError, match="no view at 330"):
        mirror_order((0, 30, 90, 270))


def test_mirrored_views_are_what_the_mirrored_world_looks_like():
    from facelift.cameras import facelift_cameras
    from facelift.train.mvdiff import mirror_order

    size = 64
    cams = facelift_cameras(size)
    order = mirror_order()
    right = cams.c2w[0, :3, 0]  # the front camera's right: the mirror plane's normal
    mirror = torch.eye(3) - 2 * torch.outer(right, right)
    points = torch.randn(50, 3, generator=torch.Generator().manual_seed(0)) * 0.3

    def project(cam_index, pts):
        w2c = torch.linalg.inv(cams.c2w[cam_index])
        cam = pts @ w2c[:3, :3].T + w2c[:3, 3]
        uvw = cam @ cams.K[cam_index].T
        return uvw[:, :2] / uvw[:, 2:]

    for j in range(6):
        uv = project(order[j], points)        # a point seen by the view the mirror takes to j
        uv_m = project(j, points @ mirror.T)  # its mirror image seen by view j
        # ... is the same point flipped left to right: u -> width - u (pixel-edge coordinates).
        torch.testing.assert_close(uv_m[:, 0], size - uv[:, 0], atol=1e-3, rtol=0)
        torch.testing.assert_close(uv_m[:, 1], uv[:, 1], atol=1e-3, rtol=0)


def test_mirror_share_mirrors_whole_subjects_in_the_batch(tmp_path):
    from dataclasses import replace

    from facelift.errors import FaceliftError
    from facelift.train.mvdiff import check_mirror_share, make_batch, mirror_order, mirrored

    data = dataset(4)
    plain = make_batch(data, 4, step=0, rank=0, world=1, seed=0, backgrounds="white")
    flipped = make_batch(data, 4, step=0, rank=0, world=1, seed=0, backgrounds="white", mirror_share=1.0)
    assert torch.equal(flipped.views, mirrored(plain.views, mirror_order()))
    assert torch.equal(flipped.cond, plain.cond.flip(-1))
    some = make_batch(data, 4, step=3, rank=0, world=1, seed=0, backgrounds="white", mirror_share=0.5)
    assert torch.equal(some.views, make_batch(data, 4, step=3, rank=0, world=1, seed=0, backgrounds="white",
                                              mirror_share=0.5).views)  # reproducible per step
    for share, views, match in ((1.5, 6, r"within \[0, 1\]"), (0.5, 4, "6 fixed views")):
        with pytest.raises(FaceliftError, match=match):
            check_mirror_share(share, views)
    cfg = config(max_steps=1)
    cfg = replace(cfg, train=replace(cfg.train, mirror_share=2.0))
    with pytest.raises(FaceliftError, match="mirror_share"):
        train_mvdiff(cfg, data, tmp_path / "run")
    assert not (tmp_path / "run").exists()
