"""`facelift convert-official DIR`: a tiny fake release folder (built here) becomes a --weights folder."""

import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).parent))
from test_lrm_convert import _fake_checkpoint  # noqa: E402
from test_mvdiff import _release_folder, tiny_model  # noqa: E402

from facelift.cli import main  # noqa: E402
from facelift.weights.convert import convert_release, find_release_parts  # noqa: E402
from facelift.errors import FaceliftError  # noqa: E402
from facelift.mvdiff import build_pipeline  # noqa: E402
from facelift.pipeline import FaceLiftPipeline  # noqa: E402


@pytest.fixture
def fake_release(tmp_path):
    pipe = build_pipeline(tiny_model(), seed=0)
    root = tmp_path / "OpenFaceLift"
    (root / "mvdiffusion").mkdir(parents=True)
    _release_folder(pipe, root / "mvdiffusion")
    (root / "gslrm").mkdir()
    _fake_checkpoint(root / "gslrm" / "ckpt_0000000000021000.pt")
    torch.save({"model": {}}, root / "gslrm" / "ckpt_0000000000001000.pt")
    return root


def test_release_folder_converts_to_a_loadable_weights_folder(fake_release, tmp_path, capsys):
    out = tmp_path / "weights"
    assert main(["convert-official", str(fake_release), "-o", str(out)]) == 0
    assert "non-commercial" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == ["facelift.json", "lrm", "mvdiff"]
    assert not list((out / "lrm").glob("*.pt")) and list((out / "lrm").glob("*.safetensors"))
    pipe = FaceLiftPipeline.from_pretrained(out, device="cpu")
    assert pipe.lrm.config.layers >= 1 and pipe.mvdiff.num_views == 6


def test_newest_checkpoint_is_chosen_and_missing_parts_are_named(fake_release, tmp_path):
    _, ckpt = find_release_parts(fake_release)
    assert ckpt.name == "ckpt_0000000000021000.pt"
    with pytest.raises(FaceliftError, match="pipeckpts"):
        find_release_parts(tmp_path / "OpenFaceLift" / "gslrm")


def test_the_release_fixed_view_embeddings_are_used_when_present(fake_release, tmp_path):
    """The release samples with its shipped fp16 clr_embeds.pt; the converter takes it from the
    download's code-tree path when there, else computes the embeddings from the text encoder."""
    import json

    from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline, encode_view_prompts

    computed = tmp_path / "computed"
    convert_release(fake_release, computed)
    mv = FaceLiftMultiViewPipeline.from_pretrained(computed / "mvdiff")
    release_mv = FaceLiftMultiViewPipeline.from_pretrained(fake_release / "mvdiffusion" / "pipeckpts")
    torch.testing.assert_close(mv.view_embeddings(), encode_view_prompts(release_mv.text_encoder, release_mv.tokenizer))
    meta = json.loads((computed / "facelift.json").read_text())
    assert "computed" in meta["view_embeddings"]
    assert meta["defaults"] == {"num_inference_steps": 50, "guidance_scale": 3.0, "seed": 4}

    fixed = torch.randn(6, 77, mv.view_embeddings().shape[-1]).half()
    path = fake_release / "mvdiffusion" / "data" / "fixed_prompt_embeds_6view" / "clr_embeds.pt"
    path.parent.mkdir(parents=True)
    torch.save(fixed, path)
    shipped = tmp_path / "shipped"
    assert main(["convert-official", str(fake_release), "-o", str(shipped)]) == 0
    mv = FaceLiftMultiViewPipeline.from_pretrained(shipped / "mvdiff")
    assert torch.equal(mv.view_embeddings(), fixed.float())  # the fp16 values, exactly
    assert "clr_embeds.pt" in json.loads((shipped / "facelift.json").read_text())["view_embeddings"]


def test_a_missing_view_embeddings_file_is_named_before_any_work(fake_release, tmp_path, capsys):
    out = tmp_path / "w"
    assert main(["convert-official", str(fake_release), "-o", str(out), "--view-embeddings",
                 str(tmp_path / "nope.pt")]) != 0
    assert "nope.pt" in capsys.readouterr().err and not out.exists()
