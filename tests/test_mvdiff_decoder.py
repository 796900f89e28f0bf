"""Stage I decoder fine-tuning: only the decoder moves, the UNet's latent space stays, the
round trip improves, runs resume exactly, x0 estimates are read right, bad settings fail early."""

from __future__ import annotations

import subprocess
import sys
import pytest
import torch

from facelift.errors import FaceliftError
from facelift.mvdiff import build_pipeline
from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline
from facelift.train.harness import read_metrics
from facelift.train.mvdiff_decoder import decoder_latents, train_decoder, unet_x0_latents
from facelift.weights.store import load_weights
from test_mvdiff_train import config, dataset


def _pipeline_folder(tmp_path):
    pipe = build_pipeline(config().model, seed=0)
    folder = tmp_path / "source"
    pipe.save_pretrained(folder)
    return folder


def _decoder_config(**train):
    return config(**{"decoder_batch_images": 6, **train})


def test_decoder_stage_trains_the_decoder_only_and_lowers_the_round_trip_error(tmp_path):
    source = _pipeline_folder(tmp_path)
    data = dataset(1)
    cfg = _decoder_config(decoder_max_steps=40, decoder_lr=3e-3, checkpoint_every=40, decoder_jitter=0.0,
                          decoder_unet_share=0.0)
    out = train_decoder(cfg, data, tmp_path / "run", init=source)
    before = FaceLiftMultiViewPipeline.from_pretrained(source)
    after = FaceLiftMultiViewPipeline.from_pretrained(out)
    vb, va = before.vae.state_dict(), after.vae.state_dict()
    frozen = [k for k in vb if k.startswith(("encoder.", "quant_conv."))]
    trained = [k for k in vb if k.startswith(("decoder.", "post_quant_conv."))]
    assert frozen and trained
    assert all(torch.equal(vb[k], va[k]) for k in frozen)
    assert any(not torch.equal(vb[k], va[k]) for k in trained)
    # The latent space is kept: same scaling factor, and the UNet and the rest untouched.
    assert after.vae.config.scaling_factor == before.vae.config.scaling_factor
    for name in ("unet", "image_encoder", "view_embeddings"):
        sb, sa = getattr(before, name).state_dict(), getattr(after, name).state_dict()
        assert all(torch.equal(sb[k], sa[k]) for k in sb), name
    # Overfitting one head: the round trip of its views gets better.
    views = data[0]["views"][:, :3] + (1 - data[0]["views"][:, 3:])  # premultiplied over white

    def round_trip_mse(pipe):
        with torch.no_grad():
            return float(((pipe.decode_latents(pipe.encode_latents(views)) - views) ** 2).mean())

    assert round_trip_mse(after) < 0.5 * round_trip_mse(before)
    losses = [r["decoder_loss"] for r in read_metrics(tmp_path / "run" / "decoder_logs") if "decoder_loss" in r]
    assert len(losses) == 40 and sum(losses[-5:]) < sum(losses[:5])


def test_decoder_stage_resumes_exactly(tmp_path):
    source = _pipeline_folder(tmp_path)
    data = dataset(3)
    cfg = _decoder_config(decoder_max_steps=2, checkpoint_every=1, decoder_unet_share=0.5)
    train_decoder(cfg, data, tmp_path / "a", init=source)
    train_decoder(cfg, data, tmp_path / "b", init=source, max_steps_this_run=1)
    assert not (tmp_path / "b" / "pipeline").exists()
    train_decoder(cfg, data, tmp_path / "b", init=source)
    a = load_weights(tmp_path / "a" / "decoder_checkpoints" / "step_00000002")
    b = load_weights(tmp_path / "b" / "decoder_checkpoints" / "step_00000002")
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    assert (tmp_path / "b" / "pipeline" / "model_index.json").is_file()


@pytest.mark.parametrize("kind", ["epsilon", "v_prediction", "sample"])
def test_unet_x0_estimates_are_read_in_every_prediction_type(tmp_path, kind, monkeypatch):
    pipe = FaceLiftMultiViewPipeline.from_pretrained(_pipeline_folder(tmp_path))
    pipe.scheduler.register_to_config(prediction_type=kind)
    g = torch.Generator().manual_seed(0)
    latents = torch.randn(6, 4, 4, 4, generator=g)
    t = torch.tensor([700])
    alpha = pipe.scheduler.alphas_cumprod[700]

    def perfect_unet(noisy, timesteps, cond_latents, labels):
        # What a perfect model predicts, from the noisy latents and the truth.
        noise = (noisy - alpha.sqrt() * latents) / (1 - alpha).sqrt()
        return {"epsilon": noise, "v_prediction": alpha.sqrt() * noise - (1 - alpha).sqrt() * latents,
                "sample": latents}[kind]

    monkeypatch.setattr(pipe, "unet_forward", perfect_unet)
    x0 = unet_x0_latents(pipe, torch.rand(1, 3, 16, 16), latents, t, torch.Generator().manual_seed(1))
    assert torch.allclose(x0, latents, atol=1e-4)


def test_unet_share_replaces_the_jittered_latents_with_x0_estimates(tmp_path, monkeypatch):
    pipe = FaceLiftMultiViewPipeline.from_pretrained(_pipeline_folder(tmp_path))
    views = torch.rand(2, 6, 3, 16, 16)
    cond = views[:, 0]
    pick = torch.arange(12)
    with torch.no_grad():
        true = pipe.encode_latents(views.flatten(0, 1))
    marker = torch.full(true.shape, 7.0)
    monkeypatch.setattr("facelift.train.mvdiff_decoder.unet_x0_latents", lambda *a, **k: marker)
    sf = pipe.vae.config.scaling_factor
    all_x0 = decoder_latents(pipe, _decoder_config(decoder_unet_share=1.0), cond, views, pick, torch.Generator())
    assert torch.allclose(all_x0, marker / sf)
    none = decoder_latents(pipe, _decoder_config(decoder_unet_share=0.0, decoder_jitter=0.0), cond, views, pick,
                           torch.Generator())
    assert torch.allclose(none, true / sf)


@pytest.mark.parametrize("override, message", [
    ({"decoder_unet_share": 1.5}, "decoder_unet_share"),
    ({"decoder_jitter": -0.1}, "decoder_jitter"),
    ({"decoder_unet_max_t": 0}, "decoder_unet_max_t"),
])
def test_bad_decoder_settings_fail_before_training(tmp_path, override, message):
    with pytest.raises(FaceliftError, match=message):
        train_decoder(_decoder_config(**override), dataset(1), tmp_path / "run", init=tmp_path / "missing")
    assert not (tmp_path / "run").exists()


def test_a_resolution_mismatch_fails_before_the_pipeline_loads(tmp_path, monkeypatch):
    from dataclasses import replace

    folder = _pipeline_folder(tmp_path)  # a 16² pipeline

    def no_loading(*a, **k):
        raise AssertionError("the pipeline loaded before the resolution was checked")

    monkeypatch.setattr(FaceLiftMultiViewPipeline, "from_pretrained", no_loading)
    cfg = _decoder_config()
    cfg = replace(cfg, model=replace(cfg.model, image_size=32))
    with pytest.raises(FaceliftError, match=r"works at 16², the data would be read at 32² \(set model.image_size=16\)"):
        train_decoder(cfg, dataset(1, size=32), tmp_path / "run", init=folder)
    assert not (tmp_path / "run").exists()
    # Through the CLI: one line, before the data is read (there is none at --data).
    proc = subprocess.run([sys.executable, "-m", "facelift", "train", "mvdiff", "--stage", "decoder", "--init",
                           str(folder), "--data", str(tmp_path / "nothing"), "--out", str(tmp_path / "run"),
                           "model.image_size=32"], capture_output=True, text=True)
    assert proc.returncode != 0 and "works at 16²" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_decoder_stage_needs_init(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "facelift", "train", "mvdiff", "--stage", "decoder",
                           "--data", str(tmp_path), "--out", str(tmp_path / "run")], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "--init" in proc.stderr and "Traceback" not in proc.stderr


def test_vae_round_trip_is_scored_on_the_true_views(tmp_path):
    from facelift.eval.mvdiff import Scores, evaluate, score_views, vae_round_trip
    from test_mvdiff_train import _eval_items

    items = _eval_items()
    # Given the truth, an identity generator is the oracle.
    oracle = evaluate(lambda views: views, items, progress=False, from_truth=True)["model"]
    assert oracle["masked_psnr"] == pytest.approx(100.0) and oracle["iou"] == pytest.approx(1.0)
    pipe = FaceLiftMultiViewPipeline.from_pretrained(_pipeline_folder(tmp_path))
    got = evaluate(vae_round_trip(pipe), items, progress=False, from_truth=True)["model"]
    want = Scores()
    with torch.no_grad():
        for it in items:
            decoded = pipe.decode_latents(pipe.encode_latents(it["images"]))
            score_views(decoded, it["images"], it["alphas"], it["input"], want)
    assert got == pytest.approx(want.summary())
    assert got["masked_psnr"] < 60.0  # an untrained VAE loses detail
