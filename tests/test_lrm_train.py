"""GS-LRM training: overfitting, exact resume, 2-process (gloo) data parallelism, CLI.

The subjects are built here: random coloured Gaussians rendered by the rasteriser to posed
RGBA views in the dataset layout (``subject/transforms.json`` + ``images/``).
"""

import os
import socket

import numpy as np
import pytest
import torch
import torch.multiprocessing as mp
from PIL import Image

from facelift.cameras import Camera, facelift_cameras, orbit_camera, write_transforms
from facelift.cli import main
from facelift.config import apply_overrides
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.lrm import GSLRM, LRM_PRESETS
from facelift.render import rasterize
from facelift.train.harness import read_metrics
from facelift.weights.store import load_weights
from facelift.data.loaders import SubjectFolders
from facelift.train.lrm import sample_views, train_lrm

MICRO = ["model.image_size=16", "model.width=64", "model.head_dim=32", "model.layers=2", "log_every=1",
         "val_every=0", "batch_size=1", "loss.ssim=0", "input_views=any", "loss.mask=0",
         "model.scale_bias=-2.3", "model.opacity_bias=-2.0", "optim.warmup_steps=10", "optim.lr=3e-3"]

pytestmark = pytest.mark.usefixtures("one_thread")



def make_subject(folder, seed, size=16, n_views=4, n=300, fixed=False):
    """A blob of ``n`` random coloured Gaussians in [-0.6, 0.6]³ seen from random orbit cameras
    (after the 6 fixed Stage I cameras when ``fixed``, marked as the data layout does)."""
    g = torch.Generator().manual_seed(seed)
    blob = Gaussians(
        means=(torch.rand(n, 3, generator=g) * 2 - 1) * 0.6, scales=torch.full((n, 3), 0.08),
        rotations=torch.tensor([[1.0, 0, 0, 0]]).repeat(n, 1), opacities=torch.full((n,), 0.9),
        colors=torch.rand(n, 3, generator=g))
    az = torch.rand(n_views, generator=g) * 360
    el = torch.rand(n_views, generator=g) * 40 - 20
    cams = Camera.stack([orbit_camera(float(a), float(e), size=size) for a, e in zip(az, el)])
    if fixed:
        rig = facelift_cameras(size)
        cams = Camera(c2w=torch.cat([rig.c2w, cams.c2w]), K=torch.cat([rig.K, cams.K]), width=size, height=size)
        n_views += 6
    (folder / "images").mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n_views):
        out = rasterize(blob, cams[i], background=(0, 0, 0))
        a = out.alpha.clamp(0, 1)[..., None]
        rgb = (out.rgb / a.clamp_min(1e-6)).clamp(0, 1)  # un-premultiply for straight-alpha PNG
        rgba = (torch.cat([rgb, a], -1).numpy() * 255 + 0.5).astype(np.uint8)
        Image.fromarray(rgba, "RGBA").save(folder / f"images/{i:03d}.png")
        names.append(f"images/{i:03d}.png")
    write_transforms(folder / "transforms.json", cams, names, extra={"facelift_fixed_views": 6} if fixed else None)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("lrm_data")
    for s in range(2):
        make_subject(root / f"subject_{s}", s)
    return root


def test_dataset_reads_views_composited_on_white(dataset):
    data = SubjectFolders(dataset, 16)
    views = data.views(0)
    assert len(data) == 2 and views.images.shape == (4, 3, 16, 16) and views.cameras.width == 16
    background = views.alphas[:, 0] == 0
    assert background.any() and torch.allclose(views.images.permute(0, 2, 3, 1)[background], torch.ones(3))
    with pytest.raises(FaceliftError, match="no subject folders"):
        SubjectFolders(dataset / "subject_0" / "images", 16)


def test_several_dataset_folders_are_read_as_one(dataset, tmp_path):
    other = tmp_path / "other"
    make_subject(other / "subject_9", 9)
    both = SubjectFolders([dataset, other], 16)
    assert [p.name for p in both.subjects] == ["subject_0", "subject_1", "subject_9"]
    torch.testing.assert_close(both.views(2).images, SubjectFolders(other, 16).views(0).images)
    with pytest.raises(FaceliftError, match="missing.*not found"):
        SubjectFolders([dataset, tmp_path / "missing"], 16)


def test_view_sampling_keeps_groups_distinct():
    gen = torch.Generator().manual_seed(0)
    ins, tgs = sample_views(8, 4, 4, False, gen)
    assert len(set(ins.tolist()) | set(tgs.tolist())) == 8
    with pytest.raises(FaceliftError, match="needs 8"):
        sample_views(6, 4, 4, False, gen)


def test_overfitting_one_subject_drives_l2_down_tenfold(tmp_path, dataset):
    cfg = apply_overrides(LRM_PRESETS.get_preset("tiny"), MICRO + [
        "steps=80", "ckpt_every=1000", "num_input_views=4", "num_target_views=4"])
    train_lrm(cfg, dataset / "subject_0", tmp_path / "run")
    l2 = [r["l2"] for r in read_metrics(tmp_path / "run") if "l2" in r]
    assert len(l2) == 80
    assert np.mean(l2[:5]) / np.mean(l2[-5:]) >= 10.0
    final = GSLRM.from_pretrained(tmp_path / "run" / "final")
    assert final.config.width == 64


def test_clamped_fraction_counts_visible_pixel_gaussians_on_the_box():
    from facelift.lrm.model import LRMOutput
    from facelift.train.lrm import clamped_fraction

    means = torch.tensor([[[5.0, 5.0, 5.0],  # a free Gaussian: never counted
                           [0.0, 0.0, 0.0], [0.0, 0.0, -1.0], [0.5, 1.0, 0.0], [0.2, 0.2, 0.2]]])
    opacities = torch.tensor([[0.9, 0.9, 0.9, 0.05, 0.9]])  # the third pixel is invisible
    out = LRMOutput(means=means, scales=torch.ones(1, 5, 3), rotations=torch.ones(1, 5, 4),
                    opacities=opacities, colors=torch.ones(1, 5, 3), depths=torch.ones(1, 1, 2, 2),
                    num_free=1, views=1, height=2, width=2)
    assert float(clamped_fraction(out)) == pytest.approx(1 / 3)
    out.opacities = torch.zeros(1, 5)  # nothing visible: 0, not a division by zero
    assert float(clamped_fraction(out)) == 0.0


def test_training_logs_the_clamped_share_and_warns_when_it_is_high(tmp_path, dataset, caplog, monkeypatch):
    import logging

    import facelift.train.lrm as train_module

    monkeypatch.setattr(train_module, "CLAMP_WARN_FRACTION", -1.0)  # any share warns
    cfg = apply_overrides(LRM_PRESETS.get_preset("tiny"), MICRO + [
        "steps=3", "ckpt_every=1000", "num_input_views=2", "num_target_views=2", "model.clip_xyz=true",
        "optim.warmup_steps=1"])
    with caplog.at_level(logging.WARNING, logger="facelift.train.lrm"):
        train_lrm(cfg, dataset, tmp_path / "run")
    rows = read_metrics(tmp_path / "run")
    assert all(0.0 <= r["clamped"] <= 1.0 for r in rows)
    assert sum("model.clip_xyz=false" in r.message for r in caplog.records) == 1  # once, not every log
    unclamped = apply_overrides(cfg, ["model.clip_xyz=false"])
    train_lrm(unclamped, dataset, tmp_path / "free")
    assert all("clamped" not in r for r in read_metrics(tmp_path / "free"))


def test_resume_continues_the_uninterrupted_curve(tmp_path, dataset):
    cfg = apply_overrides(LRM_PRESETS.get_preset("tiny"), MICRO + [
        "steps=6", "ckpt_every=3", "num_input_views=2", "num_target_views=2", "batch_size=2"])
    train_lrm(cfg, dataset, tmp_path / "straight")
    train_lrm(cfg, dataset, tmp_path / "split", max_steps_this_run=3)
    assert [r["step"] for r in read_metrics(tmp_path / "split")] == [1, 2, 3]
    train_lrm(cfg, dataset, tmp_path / "split", resume=True)
    straight = read_metrics(tmp_path / "straight")
    split = read_metrics(tmp_path / "split")
    assert [r["step"] for r in split] == [1, 2, 3, 4, 5, 6]
    assert [r["loss"] for r in split] == pytest.approx([r["loss"] for r in straight], rel=1e-5)
    a = load_weights(tmp_path / "straight" / "final")
    b = load_weights(tmp_path / "split" / "final")
    assert all(torch.allclose(a[k], b[k], atol=1e-6) for k in a)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ddp_worker(rank: int, world: int, port: int, data: str, out: str) -> None:
    os.environ.update({"MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port), "WORLD_SIZE": str(world),
                       "RANK": str(rank), "LOCAL_RANK": str(rank), "LOCAL_WORLD_SIZE": str(world)})
    import numba

    torch.set_num_threads(1)
    numba.set_num_threads(1)
    cfg = apply_overrides(LRM_PRESETS.get_preset("tiny"), MICRO + [
        "steps=1", "ckpt_every=1", "num_input_views=2", "num_target_views=2"])
    result = train_lrm(cfg, data, out, cpu=True)
    from safetensors.torch import save_file

    save_file({k: v.contiguous() for k, v in result.model.state_dict().items()}, f"{out}/rank{rank}.safetensors")


def test_two_process_gloo_step_leaves_identical_weights_on_both_ranks(tmp_path, dataset):
    out = tmp_path / "ddp"
    out.mkdir()
    mp.spawn(_ddp_worker, args=(2, _free_port(), str(dataset), str(out)), nprocs=2, join=True)
    r0, r1 = load_weights(out / "rank0.safetensors"), load_weights(out / "rank1.safetensors")
    init = GSLRM(apply_overrides(LRM_PRESETS.get_preset("tiny"), MICRO).model)
    assert all(torch.equal(r0[k], r1[k]) for k in r0)
    # the step moved the weights (same seed ⇒ same init on both ranks, then one shared update)
    torch.manual_seed(0)
    assert not torch.equal(r0["pixel_head.linear.weight"], init.pixel_head.linear.weight)
    assert (out / "checkpoints" / "step_00000001" / "model.safetensors").is_file()


def test_cli_trains_and_reports_bad_overrides(tmp_path, dataset, capsys):
    assert main(["train", "lrm", "--data", str(dataset), "--out", str(tmp_path / "cli"), *MICRO,
                 "steps=2", "ckpt_every=2", "num_input_views=2", "num_target_views=2", "loss.mask=1"]) == 0
    assert (tmp_path / "cli" / "final" / "model.safetensors").is_file()
    rows = read_metrics(tmp_path / "cli")
    assert rows[-1]["mask"] > 0 and rows[-1]["loss"] > rows[-1]["l2"]  # the alpha-mask term is in the loss
    assert main(["train", "lrm", "--data", str(dataset), "--out", str(tmp_path / "bad"), "model.widht=3"]) == 2
    assert "widht" in capsys.readouterr().err
    assert main(["train", "lrm", "--data", str(tmp_path / "nope"), "--out", str(tmp_path / "bad")]) == 2


def test_heldout_evaluation_scores_model_and_sphere_baseline(tmp_path):
    import json

    from facelift.lrm import LRMConfig
    from facelift.eval.lrm import evaluate_heldout, score_renders, sphere_baseline

    make_subject(tmp_path / "a", 0, n_views=8, fixed=True)
    make_subject(tmp_path / "b", 1, n_views=8, fixed=True)
    (tmp_path / "index.json").write_text(json.dumps({"subjects": [
        {"name": "a", "split": "train"}, {"name": "b", "split": "test"}]}))
    report = evaluate_heldout(GSLRM(LRMConfig(image_size=16, width=64, head_dim=32, layers=1)), tmp_path,
                              split="test", n_views=8, progress=False)
    assert report["subjects"] == 1 and report["per_subject"]["model"][0]["subject"] == "b"
    for name in ("model", "baseline"):
        assert all(np.isfinite(v) for v in report[name].values())
    # perfect renders score SSIM 1 and a very high PSNR
    img = torch.rand(2, 3, 16, 16)
    perfect = score_renders(img, torch.ones(2, 1, 16, 16), img, torch.ones(2, 1, 16, 16))
    assert perfect["ssim"] == pytest.approx(1.0) and perfect["psnr_masked"] > 60
    # the baseline puts the centre pixel of the front view on the sphere at (0, -1, 0)
    cam = facelift_cameras(16)[:1]
    image = torch.ones(1, 3, 16, 16)
    image[0, :, 7:9, 7:9] = torch.tensor([0.2, 0.4, 0.6])[:, None, None]
    g = sphere_baseline(image, cam)
    assert len(g) == 4 and torch.allclose(g.means[:, 1], torch.full((4,), -1.0), atol=0.02)
    assert torch.allclose(g.colors, torch.tensor([0.2, 0.4, 0.6]).expand(4, 3))


def test_error_budget_splits_the_masked_error_by_where_it_lies(tmp_path):
    import json

    from facelift.lrm import LRMConfig
    from facelift.eval.lrm import error_budget

    gt, pred = torch.zeros(1, 3, 6, 6), torch.zeros(1, 3, 6, 6)
    gt_alpha, pred_alpha = torch.ones(1, 1, 6, 6), torch.ones(1, 1, 6, 6)
    pred_alpha[0, 0, 0, 0] = 0  # missing: the ground truth has it, the render does not
    pred[0, :, 0, 0] = 1.0  # error 1
    gt_alpha[0, 0, 1, 1] = 0  # extra: only the render has it
    pred[0, :, 1, 1] = 0.5  # error 0.25
    pred[0, :, 5, 3] = 1.0  # error 1 in the lower third (rows 4-5 of 6)
    b = error_budget(pred, pred_alpha, gt, gt_alpha)
    assert b["missing"] == pytest.approx({"error": 1 / 2.25, "pixels": 1 / 36})
    assert b["extra"] == pytest.approx({"error": 0.25 / 2.25, "pixels": 1 / 36})
    assert b["lower_third"] == pytest.approx({"error": 1 / 2.25, "pixels": 12 / 36})
    # background pixels (neither alpha) carry no share, whatever their error
    gt_alpha[0, 0, 2, 2] = pred_alpha[0, 0, 2, 2] = 0
    pred[0, :, 2, 2] = 1.0
    assert error_budget(pred, pred_alpha, gt, gt_alpha)["missing"]["error"] == pytest.approx(1 / 2.25)

    make_subject(tmp_path / "a", 0, n_views=8, fixed=True)
    (tmp_path / "index.json").write_text(json.dumps({"subjects": [{"name": "a", "split": "test"}]}))
    GSLRM(LRMConfig(image_size=16, width=64, head_dim=32, layers=1)).save_pretrained(tmp_path / "m")
    assert main(["eval", "lrm", "--weights", str(tmp_path / "m"), "--data", str(tmp_path), "-o",
                 str(tmp_path / "r.json")]) == 0
    report = json.loads((tmp_path / "r.json").read_text())
    assert set(report["error_budget"]) == {"missing", "extra", "lower_third"}
    assert all(0 <= v["error"] <= 1 and 0 <= v["pixels"] <= 1 for v in report["error_budget"].values())


def test_heldout_evaluation_takes_input_views_a_finer_size_and_the_footprint(tmp_path, capsys):
    import json

    from facelift.lrm import ExportConfig, LRMConfig
    from facelift.eval.lrm import evaluate_heldout

    make_subject(tmp_path / "a", 0, size=32, n_views=8, fixed=True)
    model = GSLRM(LRMConfig(image_size=16, width=64, head_dim=32, layers=1))
    raw = evaluate_heldout(model, tmp_path, split="all", progress=False, input_views=[0, 2, 3, 4], size=32)
    assert raw["resolution"] == 32 and raw["model_resolution"] == 16 and raw["input_views"] == [0, 2, 3, 4]
    assert all(np.isfinite(v) for v in raw["model"].values())
    keep_all = ExportConfig(min_opacity=0.0, max_scale=None, floater=None, box_xy=None)
    # an export with every filter off and no footprint scores exactly as the raw reconstruction
    same = evaluate_heldout(model, tmp_path, split="all", progress=False, input_views=[0, 2, 3, 4], size=32,
                            export=keep_all)
    assert same["model"] == pytest.approx(raw["model"])
    wide = evaluate_heldout(model, tmp_path, split="all", progress=False, input_views=[0, 2, 3, 4], size=32,
                            export=ExportConfig(**{**keep_all.__dict__, "input_low_pass": 0.3}))
    assert wide["model"] != pytest.approx(raw["model"]) and wide["input_low_pass"] == 0.3
    fitted = evaluate_heldout(model, tmp_path, split="all", progress=False, input_views=[0, 2, 3, 4], size=32,
                              fit_iterations=5)
    assert fitted["fit_iterations"] == 5 and fitted["model"] != pytest.approx(raw["model"])
    for bad in ([], [0, 0], [6]):
        with pytest.raises(FaceliftError, match="input views"):
            evaluate_heldout(model, tmp_path, split="all", progress=False, input_views=bad)
    model.save_pretrained(tmp_path / "m")
    assert main(["eval", "lrm", "--weights", str(tmp_path / "m"), "--data", str(tmp_path), "--split", "all",
                 "--input-views", "0,3", "--size", "32", "--input-low-pass", "0.3", "-o", str(tmp_path / "r.json")]) == 0
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["input_views"] == [0, 3] and report["resolution"] == 32
    assert "fixed views [0, 3] in at 16²" in capsys.readouterr().out
    assert main(["eval", "lrm", "--weights", str(tmp_path / "m"), "--data", str(tmp_path),
                 "--input-views", "front"]) != 0
    assert "--input-views takes comma-separated integers" in capsys.readouterr().err
    assert main(["eval", "lrm", "--weights", str(tmp_path / "m"), "--data", str(tmp_path), "--views-fit", "-1"]) != 0
    assert "--views-fit" in capsys.readouterr().err


def test_init_reports_missing_and_mismatched_keys(tmp_path, caplog):
    import logging

    from facelift.lrm import LRMConfig
    from facelift.train.lrm import load_init_weights

    src = GSLRM(LRMConfig(image_size=16, width=64, head_dim=32, layers=2))
    src.save_pretrained(tmp_path / "src")
    deeper = GSLRM(LRMConfig(image_size=16, width=64, head_dim=32, layers=3, patch_size=16))
    with caplog.at_level(logging.WARNING):
        load_init_weights(deeper, tmp_path / "src")
    text = caplog.text
    assert "missing keys" in text and "blocks.2." in text  # the extra block stays at init
    assert "mismatched shapes" in text and "patch_embed.weight" in text  # 16² patches: no map from 8²
    assert torch.equal(deeper.blocks[1].attn.qkv.weight, src.blocks[1].attn.qkv.weight)
    with pytest.raises(FaceliftError, match="no model.safetensors"):
        load_init_weights(deeper, tmp_path)


def test_init_grows_a_deeper_model_that_computes_what_the_checkpoint_did(tmp_path):
    from facelift.lrm import LRMConfig
    from facelift.train.lrm import load_init_weights

    torch.manual_seed(0)
    src = GSLRM(LRMConfig(image_size=16, width=64, head_dim=32, layers=2)).eval()
    src.save_pretrained(tmp_path / "src")
    deeper = GSLRM(LRMConfig(image_size=16, width=64, head_dim=32, layers=4)).eval()
    load_init_weights(deeper, tmp_path / "src")
    images, cams = torch.rand(2, 3, 16, 16), facelift_cameras(16)[:2]
    a, b = src(images, cams), deeper(images, cams)
    for name in ("means", "scales", "opacities", "colors"):
        assert torch.allclose(getattr(a, name), getattr(b, name), atol=1e-6), name
    # the new blocks are identities, not dead ends: their zeroed projections get gradients
    b.colors.sum().backward()
    assert deeper.blocks[3].mlp.fc2.weight.grad.abs().sum() > 0
    assert deeper.blocks[2].attn.proj.weight.grad.abs().sum() > 0


def test_init_switching_on_color_residual_keeps_geometry_and_starts_from_pixel_colours(tmp_path):
    from dataclasses import replace

    from facelift.lrm import LRMConfig
    from facelift.train.lrm import load_init_weights

    torch.manual_seed(0)
    cfg = LRMConfig(image_size=16, width=64, head_dim=32, layers=2)
    src = GSLRM(cfg).eval()
    src.save_pretrained(tmp_path / "src")
    res = GSLRM(replace(cfg, color_residual=True)).eval()
    load_init_weights(res, tmp_path / "src")
    images, cams = torch.rand(2, 3, 16, 16), facelift_cameras(16)[:2]
    a, b = src(images, cams), res(images, cams)
    assert torch.allclose(a.means, b.means, atol=1e-6) and torch.allclose(a.opacities, b.opacities, atol=1e-6)
    assert torch.allclose(b.pixel("colors")[0], images.permute(0, 2, 3, 1), atol=1e-6)
    # a source already trained with the residual is loaded as is
    with torch.no_grad():
        res.pixel_head.linear.weight.add_(0.1)  # colour rows no longer zero
    res.save_pretrained(tmp_path / "res")
    again = GSLRM(replace(cfg, color_residual=True))
    load_init_weights(again, tmp_path / "res")
    assert torch.equal(again.pixel_head.linear.weight, res.pixel_head.linear.weight)


def test_init_onto_a_finer_patch_equals_the_coarse_model_on_an_upsampled_input(tmp_path, caplog):
    from dataclasses import replace

    from facelift.lrm import LRMConfig
    from facelift.train.lrm import load_init_weights

    torch.manual_seed(0)
    cfg = LRMConfig(image_size=16, patch_size=8, width=64, head_dim=32, layers=2)
    coarse = GSLRM(cfg).eval()
    coarse.save_pretrained(tmp_path / "p8")
    fine = GSLRM(replace(cfg, patch_size=4)).eval()
    with caplog.at_level("INFO"):
        load_init_weights(fine, tmp_path / "p8")
    assert "patch 8 -> 4" in caplog.text and "mismatched shapes" not in caplog.text
    x = torch.randn(1, 2, 9, 16, 16)  # a 9-channel posed input (B, V, 9, H, W)
    with torch.no_grad():
        free_f, pix_f = fine.raw_outputs(x)
        free_c, pix_c = coarse.raw_outputs(x.repeat_interleave(2, -1).repeat_interleave(2, -2))
    # the 4-patch token of a patch is the 8-patch token of that patch upsampled 2x; the decoder
    # averages the 2x2 outputs each fine pixel covers
    pooled = pix_c.reshape(1, 2, 16, 2, 16, 2, 14).mean(dim=(3, 5))
    assert torch.allclose(pix_f, pooled, atol=1e-4, rtol=1e-4)
    assert torch.allclose(free_f, free_c, atol=1e-4, rtol=1e-4)


def test_steps_draw_their_input_count_and_a_share_take_the_fixed_rig():
    from facelift.train.lrm import step_inputs

    cfg = apply_overrides(LRM_PRESETS.get_preset("tiny"), ["input_views=any", "num_input_views=6",
                                                           "min_input_views=2", "fixed_input_share=0.25"])
    draws = [step_inputs(cfg, torch.Generator().manual_seed(s)) for s in range(400)]
    rig = [d for d in draws if d == (None, "fixed")]
    counts = [n for n, src in draws if src == "any"]
    assert 70 < len(rig) < 130  # a quarter of 400
    assert set(counts) == {2, 3, 4, 5, 6}
    plain = apply_overrides(LRM_PRESETS.get_preset("tiny"), [])
    assert step_inputs(plain, torch.Generator().manual_seed(0)) == (6, "fixed")


def test_bad_input_view_settings_fail_before_training(tmp_path, dataset):
    for bad, match in ((["min_input_views=5", "num_input_views=4"], "min_input_views"),
                       (["fixed_input_share=1.5"], "fixed_input_share"), (["val_subjects=0"], "val_subjects")):
        cfg = apply_overrides(LRM_PRESETS.get_preset("tiny"), MICRO + bad)
        with pytest.raises(FaceliftError, match=match):
            train_lrm(cfg, dataset, tmp_path / "run", cpu=True)


def test_validation_scores_the_mean_of_several_subjects(tmp_path, dataset, monkeypatch):
    import facelift.train.lrm as train_mod

    other = tmp_path / "val"
    for k in range(3):
        make_subject(other / f"subject_{k}", 20 + k)
    seen = []
    real = train_mod.evaluate_views

    def spy(model, inputs, targets, background):
        metrics, pred = real(model, inputs, targets, background)
        seen.append(metrics.psnr_masked)
        return metrics, pred

    monkeypatch.setattr(train_mod, "evaluate_views", spy)
    for n, expect in ((2, 2), (8, 3)):  # never more subjects than the split has
        seen.clear()
        cfg = apply_overrides(LRM_PRESETS.get_preset("tiny"), MICRO + [
            "steps=1", "val_every=1", f"val_subjects={n}", "num_input_views=2", "num_target_views=2"])
        train_lrm(cfg, dataset, tmp_path / f"run{n}", val_dir=other)
        logged = [r for r in read_metrics(tmp_path / f"run{n}") if "val_psnr_masked" in r]
        assert len(seen) == expect and len(logged) == 1
        assert logged[0]["val_psnr_masked"] == pytest.approx(np.mean(seen), rel=1e-6)
        assert len(set(np.round(seen, 4))) == expect  # different subjects, not one scored twice
