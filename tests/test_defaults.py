"""Sampling defaults have one definition (facelift.defaults) that every entry point reads."""

import inspect

import pytest

from facelift import defaults
from facelift.cli import build_parser


def _default(fn, name):
    return inspect.signature(fn).parameters[name].default


def test_library_entry_points_default_to_the_one_definition():
    from facelift.app.demo import Demo
    from facelift.mvdiff.config import SampleConfig
    from facelift.eval.mvdiff import pipeline_generator
    from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline
    from facelift.pipeline import FaceLiftPipeline

    call = FaceLiftMultiViewPipeline.__call__
    assert (_default(call, "num_inference_steps"), _default(call, "guidance_scale"), _default(call, "eta")) == (
        defaults.NUM_INFERENCE_STEPS, defaults.GUIDANCE_SCALE, defaults.DDIM_ETA)
    assert SampleConfig() == SampleConfig(defaults.NUM_INFERENCE_STEPS, defaults.GUIDANCE_SCALE, defaults.DDIM_ETA)
    assert _default(pipeline_generator, "num_inference_steps") == defaults.NUM_INFERENCE_STEPS
    assert _default(pipeline_generator, "guidance_scale") == defaults.GUIDANCE_SCALE
    assert _default(Demo.reconstruct, "steps") == defaults.NUM_INFERENCE_STEPS
    assert _default(Demo.reconstruct, "guidance") == defaults.GUIDANCE_SCALE
    # Weights without facelift.json "defaults" sample with the library's.
    pipe = FaceLiftPipeline(None, None, "cpu")
    assert pipe.defaults["num_inference_steps"] == defaults.NUM_INFERENCE_STEPS
    assert pipe.defaults["guidance_scale"] == defaults.GUIDANCE_SCALE and pipe.defaults["seed"] == defaults.SEED
    assert pipe.defaults["eta"] == defaults.DDIM_ETA


def test_the_weights_ddim_eta_reaches_stage_one_and_a_bad_one_is_refused():
    from types import SimpleNamespace

    from PIL import Image

    from facelift.errors import FaceliftError
    from facelift.pipeline import FaceLiftPipeline

    seen = {}

    def stage_one(image, **kwargs):
        seen.update(kwargs)
        return SimpleNamespace(images=[[image] * 6])

    def pipeline(**kwargs):
        pipe = FaceLiftPipeline(None, None, "cpu", **kwargs)
        pipe.mvdiff = stage_one  # a stand-in Stage I that records how it is called
        return pipe

    image = Image.new("RGB", (8, 8))
    pipeline(defaults={"eta": 0}).generate_views(image)
    assert seen["eta"] == 0.0 and isinstance(seen["eta"], float)
    pipeline().generate_views(image)
    assert seen["eta"] == defaults.DDIM_ETA
    for bad in (1.5, -0.1, "0", True):
        with pytest.raises(FaceliftError, match="eta"):
            pipeline(defaults={"eta": bad}, name="w")


def test_sampling_defaults_fill_in_check_and_name_the_bad_key():
    import math


    from facelift.errors import FaceliftError
    from facelift.weights.meta import sampling_defaults

    assert sampling_defaults({}) == {"num_inference_steps": defaults.NUM_INFERENCE_STEPS,
                                     "guidance_scale": defaults.GUIDANCE_SCALE, "eta": defaults.DDIM_ETA,
                                     "seed": defaults.SEED}
    got = sampling_defaults({"num_inference_steps": 25, "guidance_scale": 2, "eta": 0, "seed": 4, "refine": 40})
    assert got == {"num_inference_steps": 25, "guidance_scale": 2.0, "eta": 0.0, "seed": 4, "refine": 40}
    assert isinstance(got["guidance_scale"], float) and isinstance(got["eta"], float)
    got = sampling_defaults({"num_inference_steps": 50.0, "seed": 4.0})  # whole numbers written as floats
    assert got["num_inference_steps"] == 50 and isinstance(got["num_inference_steps"], int)
    assert got["seed"] == 4 and isinstance(got["seed"], int)
    bad = {"num_inference_steps": (0, 2.5, "50", True), "guidance_scale": (-1, "high", math.nan, math.inf),
           "eta": (1.01, -0.5, "1", False), "seed": (-1, 1.5, "4", True)}
    for key, values in bad.items():
        for value in values:
            with pytest.raises(FaceliftError, match=f"^{key} must be"):
                sampling_defaults({key: value})


def test_cli_defaults_and_their_help_come_from_the_one_definition():
    parser = build_parser()
    args = parser.parse_args(["export-weights", "--mvdiff", "a", "--lrm", "b", "-o", "c"])
    assert (args.steps, args.guidance) == (defaults.NUM_INFERENCE_STEPS, defaults.GUIDANCE_SCALE)
    # eval mvdiff leaves them unset: the weights' facelift.json decides, else the library.
    args = parser.parse_args(["eval", "mvdiff", "--weights", "w", "--data", "d"])
    assert (args.steps, args.guidance) == (None, None)


def test_eval_mvdiff_samples_with_the_weights_own_defaults(tmp_path):
    from facelift.weights.locate import bundled_weights, resolve_pretrained
    from facelift.weights.meta import WeightsMeta, stage_meta, write_meta

    # 'tiny' and a pipeline weights folder both lead to their Stage I folder ...
    stage1 = resolve_pretrained("tiny")
    assert stage1 == bundled_weights("tiny") / "mvdiff"
    assert resolve_pretrained(bundled_weights("tiny")) == stage1
    # ... whose governing facelift.json is the pipeline folder's (the bundled samples at 1.5).
    assert stage_meta(stage1).defaults["guidance_scale"] == 1.5
    # A folder with its own facelift.json takes that one; a bare folder the library's defaults.
    own = tmp_path / "pipe" / "mvdiff"
    own.mkdir(parents=True)
    write_meta(tmp_path / "pipe", WeightsMeta(name="p", defaults={"guidance_scale": 2.5}))
    assert stage_meta(own).defaults == {"guidance_scale": 2.5}
    write_meta(own, WeightsMeta(name="s", defaults={"guidance_scale": 4.0}))
    assert stage_meta(own).defaults == {"guidance_scale": 4.0}
    assert stage_meta(tmp_path).defaults == {}


def test_eval_mvdiff_refuses_bad_paths_before_loading(tmp_path, capsys, monkeypatch):
    from facelift.cli import main
    from facelift.mvdiff import FaceLiftMultiViewPipeline

    def no_loading(*a, **k):
        raise AssertionError("weights loaded before the paths were checked")

    monkeypatch.setattr(FaceLiftMultiViewPipeline, "from_pretrained", no_loading)
    rc = main(["eval", "mvdiff", "--weights", "tiny", "--data", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc != 0 and "not a dataset folder (no index.json)" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "index.json").write_text("{}")
    rc = main(["eval", "mvdiff", "--weights", "tiny", "--data", str(tmp_path), "-o", str(tmp_path / "no" / "r")])
    err = capsys.readouterr().err
    assert rc != 0 and "no such folder for the report" in err and len(err.strip().splitlines()) == 1
    # A facelift.json whose defaults are not numbers: one line, still before loading.
    stage1 = tmp_path / "pipe" / "mvdiff"
    stage1.mkdir(parents=True)
    (stage1 / "model_index.json").write_text("{}")
    (tmp_path / "pipe" / "facelift.json").write_text('{"defaults": {"guidance_scale": "high"}}')
    rc = main(["eval", "mvdiff", "--weights", str(tmp_path / "pipe"), "--data", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc != 0 and "guidance_scale must be a number >= 0, got 'high'" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "pipe" / "facelift.json").write_text('{"defaults": {"eta": 2}}')
    rc = main(["eval", "mvdiff", "--weights", str(tmp_path / "pipe"), "--data", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc != 0 and "eta must be a number in [0, 1] (DDIM), got 2" in err and len(err.strip().splitlines()) == 1


def test_eval_mvdiff_runs_with_either_sampler_and_reports_it(tmp_path, capsys):
    import json

    import numpy as np

    from facelift.cameras import facelift_cameras
    from facelift.cli import main
    from facelift.data import layout

    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[:64, :64]
    disc = (((yy - 32) ** 2 + (xx - 32) ** 2) < 20**2) * 255  # a head-sized silhouette
    rgba = [np.dstack([rng.integers(0, 256, (64, 64, 3)), disc]).astype(np.uint8) for _ in range(6)]
    layout.write_subject(tmp_path / "data" / "s0", rgba, facelift_cameras(64), {"num_fixed_views": 6})
    layout.write_index(tmp_path / "data", [{"name": "s0", "split": "test", "identity": "s0"}], {})
    reports = {}
    for sampler in ("ddim", "dpm++"):
        out = tmp_path / f"r_{sampler}"
        rc = main(["eval", "mvdiff", "--weights", "tiny", "--data", str(tmp_path / "data"), "--steps", "2",
                   "--scheduler", sampler, "-o", str(out)])
        assert rc == 0
        assert f"{sampler} 2 steps" in capsys.readouterr().out
        reports[sampler] = json.loads(out.with_suffix(".json").read_text())
        assert reports[sampler]["scheduler"] == sampler
        assert 0 < reports[sampler]["results"]["model"]["detail"] < 10
    # Different samplers, different views; the copy baseline does not sample.
    assert reports["ddim"]["results"]["model"] != reports["dpm++"]["results"]["model"]
    assert reports["ddim"]["results"]["copy input"] == reports["dpm++"]["results"]["copy input"]
    with pytest.raises(SystemExit) as exit_info:  # argparse's own one-line usage error
        main(["eval", "mvdiff", "--weights", "tiny", "--data", str(tmp_path / "data"), "--scheduler", "euler"])
    assert exit_info.value.code != 0
