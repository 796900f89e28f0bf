"""Sampling defaults have one definition (facelift.defaults) that every entry point reads."""

import inspect

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


def test_cli_defaults_and_their_help_come_from_the_one_definition():
    parser = build_parser()
    for argv in (["eval", "mvdiff", "--weights", "w", "--data", "d"],
                 ["export-weights", "--mvdiff", "a", "--lrm", "b", "-o", "c"]):
        args = parser.parse_args(argv)
        assert (args.steps, args.guidance) == (defaults.NUM_INFERENCE_STEPS, defaults.GUIDANCE_SCALE), argv
