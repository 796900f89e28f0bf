"""Shared training utilities: optimiser groups, schedule, checkpoints, RNG, logs."""

import math
import random

import numpy as np
import pytest
import torch
from torch import nn

from facelift.defaults import OptimConfig
from facelift.errors import FaceliftError
from facelift.train.harness import (
    CheckpointManager,
    RunLogger,
    build_optimizer,
    build_scheduler,
    capture_rng_state,
    param_groups,
    read_metrics,
    restore_rng_state,
    warmup_cosine_lambda,
)


def _model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.Linear(8, 2))


def test_one_dimensional_parameters_get_no_weight_decay():
    groups = param_groups(_model(), 0.05)
    decayed = {id(p) for p in groups[0]["params"]}
    assert groups[0]["weight_decay"] == 0.05 and groups[1]["weight_decay"] == 0.0
    assert all(p.ndim == 2 for p in groups[0]["params"])
    assert all(p.ndim == 1 for p in groups[1]["params"])
    assert len(decayed) == 2 and len(groups[1]["params"]) == 4  # 2 biases + LN weight + LN bias


def test_warmup_then_cosine_schedule():
    assert warmup_cosine_lambda(0, 10, 110) == pytest.approx(0.1)
    assert warmup_cosine_lambda(9, 10, 110) == pytest.approx(1.0)
    assert warmup_cosine_lambda(60, 10, 110) == pytest.approx(0.5)
    assert warmup_cosine_lambda(110, 10, 110, min_ratio=0.1) == pytest.approx(0.1)
    opt = build_optimizer(_model(), OptimConfig(lr=1.0, warmup_steps=4))
    sched = build_scheduler(opt, OptimConfig(lr=1.0, warmup_steps=4), total_steps=20)
    lrs = []
    for _ in range(6):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    assert lrs[:4] == pytest.approx([0.25, 0.5, 0.75, 1.0])
    assert lrs[5] == pytest.approx(0.5 * (1 + math.cos(math.pi * 1 / 16)))


def test_rng_state_round_trip():
    state = capture_rng_state()
    a = (random.random(), np.random.rand(), torch.rand(3))
    restore_rng_state(state)
    b = (random.random(), np.random.rand(), torch.rand(3))
    assert a[0] == b[0] and a[1] == b[1] and torch.equal(a[2], b[2])


def _train_steps(model, opt, sched, n):
    losses = []
    for _ in range(n):
        x = torch.randn(16, 4)  # drawn from the global RNG: resume must restore it
        loss = (model(x) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        losses.append(loss.item())
    return losses


def test_checkpoint_resume_continues_the_same_curve(tmp_path):
    cfg = OptimConfig(lr=1e-2, warmup_steps=2)
    torch.manual_seed(1)
    model = _model()
    opt = build_optimizer(model, cfg)
    sched = build_scheduler(opt, cfg, 10)
    reference = _train_steps(model, opt, sched, 6)

    torch.manual_seed(1)
    model = _model()
    opt = build_optimizer(model, cfg)
    sched = build_scheduler(opt, cfg, 10)
    first = _train_steps(model, opt, sched, 3)
    ckpts = CheckpointManager(tmp_path / "ckpt", keep_last=2)
    ckpts.save(3, model, opt, sched, extra={"epoch": 7})
    torch.rand(100)  # disturb the RNG: load must put it back

    model2 = nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.Linear(8, 2))
    opt2 = build_optimizer(model2, cfg)
    sched2 = build_scheduler(opt2, cfg, 10)
    loaded = ckpts.load(None, model2, opt2, sched2)
    assert loaded.step == 3 and loaded.extra == {"epoch": 7}
    second = _train_steps(model2, opt2, sched2, 3)
    assert first + second == pytest.approx(reference, rel=0, abs=0)


def test_keep_last_n_and_atomic_folders(tmp_path):
    model = _model()
    ckpts = CheckpointManager(tmp_path, keep_last=2)
    for step in (1, 2, 3):
        ckpts.save(step, model)
    (tmp_path / ".step_00000004.abc.tmp").mkdir()  # a write killed half-way
    assert [s for s, _ in ckpts.list()] == [2, 3]
    assert ckpts.latest().name == "step_00000003"
    with pytest.raises(FaceliftError, match="no checkpoint"):
        CheckpointManager(tmp_path / "empty").load(None, model)


def test_loading_a_mismatched_checkpoint_is_a_clear_error(tmp_path):
    ckpts = CheckpointManager(tmp_path)
    ckpts.save(1, _model())
    other = nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.Linear(8, 3))
    with pytest.raises(FaceliftError, match="mismatched"):
        ckpts.load(None, other)


def test_csv_log_is_truncated_on_resume(tmp_path):
    logger = RunLogger(tmp_path, tensorboard=True)
    for step in range(1, 6):
        logger.log(step, {"loss": 1.0 / step})
    logger.log(6, {"loss": 0.1, "psnr": 20.0})  # a new column appears later
    logger.close()
    rows = read_metrics(tmp_path)
    assert [r["step"] for r in rows] == [1, 2, 3, 4, 5, 6] and rows[-1]["psnr"] == 20.0
    assert (tmp_path / "logs" / "tb").is_dir()
    resumed = RunLogger(tmp_path, tensorboard=False, resume_step=3)
    resumed.log(4, {"loss": 0.3})
    resumed.close()
    assert [r["step"] for r in read_metrics(tmp_path)] == [1, 2, 3, 4]
