import os
import stat

import pytest

from facelift.atomic import atomic_dir, atomic_path, atomic_write_text


def test_atomic_path_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_atomic_write_gives_normal_permissions(tmp_path):
    atomic_write_text(tmp_path / "a.txt", "x")
    mode = stat.S_IMODE(os.stat(tmp_path / "a.txt").st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_safetensors_written_through_atomic_path_get_normal_permissions(tmp_path):
    import torch

    from facelift.weights.store import save_weights

    save_weights(torch.nn.Linear(2, 2), tmp_path / "w.safetensors")  # safetensors itself writes 0600
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(tmp_path / "w.safetensors").st_mode) == 0o666 & ~umask


def test_atomic_dir_replaces_only_on_success(tmp_path):
    out = tmp_path / "result"
    with atomic_dir(out) as d:
        (d / "f").write_text("1")
    assert (out / "f").read_text() == "1"
    with pytest.raises(ValueError):
        with atomic_dir(out) as d:
            (d / "f").write_text("2")
            raise ValueError
    assert (out / "f").read_text() == "1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result"]
