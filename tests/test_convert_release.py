"""`facelift convert-official DIR`: a tiny fake release folder (built here) becomes a --weights folder."""

import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).parent))
from test_lrm_convert import _fake_checkpoint  # noqa: E402
from test_mvdiff import _release_folder, tiny_model  # noqa: E402

from facelift.cli import main  # noqa: E402
from facelift.convert_release import find_release_parts  # noqa: E402
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
