from dataclasses import dataclass, field
from typing import Literal

import pytest

from facelift.config import PresetRegistry, apply_overrides, load_config, save_config
from facelift.errors import FaceliftError


@dataclass(frozen=True)
class Model:
    width: int = 64
    dropout: float = 0.0
    kind: Literal["a", "b"] = "a"
    sizes: tuple[int, ...] = (1, 2)
    path: str | None = None


@dataclass(frozen=True)
class Run:
    model: Model = field(default_factory=Model)
    lr: float = 1e-3
    bf16: bool = False


def test_overrides_parse_to_field_types():
    cfg = apply_overrides(Run(), ["model.width=256", "lr=3e-4", "bf16=true", "model.kind=b",
                                  "model.sizes=4,8", "model.path=/x", "model.dropout=0.1"])
    assert cfg == Run(Model(256, 0.1, "b", (4, 8), "/x"), 3e-4, True)
    assert apply_overrides(cfg, ["model.path=none"]).model.path is None


@pytest.mark.parametrize("bad,msg", [("model.widht=3", "unknown key 'widht'"), ("lr=fast", "expected float"),
                                     ("model.kind=c", "one of"), ("lr", "key=value"), ("lr.x=1", "not a config")])
def test_bad_overrides_give_clear_errors(bad, msg):
    with pytest.raises(FaceliftError, match=msg):
        apply_overrides(Run(), [bad])


def test_save_load_round_trip(tmp_path):
    cfg = apply_overrides(Run(), ["model.sizes=3,5,7", "lr=0.5"])
    save_config(cfg, tmp_path / "c.json")
    assert load_config(Run, tmp_path / "c.json") == cfg


def test_preset_registry():
    presets = PresetRegistry("toy")

    @presets.register("tiny")
    def _tiny():
        return Run(lr=1.0)

    assert presets.get_preset("tiny").lr == 1.0
    with pytest.raises(FaceliftError, match="unknown toy preset 'huge'"):
        presets.get_preset("huge")
