"""--dtype: the auto choice (mocked CPU flags and timings), its per-machine cache, bad settings."""

import json

import pytest
import torch

from facelift import precision
from facelift.errors import FaceliftError

AMX = {"fpu", "avx2", "avx512f", "amx_tile", "amx_bf16", "avx512_bf16"}
AVX2 = {"fpu", "sse4_2", "avx2", "fma"}


def fake_cpu(monkeypatch, flags, model="Test CPU"):
    monkeypatch.setattr(precision, "cpu_flags", lambda cpuinfo="/proc/cpuinfo": (model, set(flags)))


class Timer:
    """Fake matmul timings: records calls, no clock involved."""

    def __init__(self, fp32, bf16):
        self.times = {torch.float32: fp32, torch.bfloat16: bf16}
        self.calls = []

    def __call__(self, dtype):
        self.calls.append(dtype)
        return self.times[dtype]


def test_settings_parse_and_bad_setting_is_one_line():
    assert precision.parse_dtype_setting(None) == "auto"
    assert precision.parse_dtype_setting(" BFloat16 ") == "bfloat16"
    assert precision.parse_dtype_setting(torch.float32) == "float32"
    assert precision.choose_dtype("float32", "cpu") is torch.float32
    assert precision.choose_dtype("bfloat16", "cpu") is torch.bfloat16
    for bad in ("fp16", "half", torch.float16):
        with pytest.raises(FaceliftError) as err:
            precision.choose_dtype(bad, "cpu")
        assert "\n" not in str(err.value) and "auto, float32, bfloat16" in str(err.value)


def test_cpuinfo_flags_are_read(tmp_path):
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nmodel name\t: Some Xeon\nflags\t\t: fpu avx2 amx_bf16\n\n"
                    "processor\t: 1\nmodel name\t: Some Xeon\nflags\t\t: fpu avx2 amx_bf16\n")
    model, flags = precision.cpu_flags(info)
    assert model == "Some Xeon" and flags == {"fpu", "avx2", "amx_bf16"}
    assert precision.cpu_flags(tmp_path / "missing") == ("", set())
    assert precision.cpu_bf16_native(flags)
    assert precision.cpu_bf16_native({"avx512_bf16"})
    assert not precision.cpu_bf16_native(AVX2)


def test_auto_needs_native_flags_and_a_faster_check(monkeypatch, tmp_path):
    cache = tmp_path / "precision.json"
    monkeypatch.setattr(precision, "cache_path", lambda: cache)
    big = 10 * precision.MIN_BF16_PARAMS

    fake_cpu(monkeypatch, AVX2)
    timer = Timer(1.0, 0.1)  # would say bf16 is faster, but is never asked
    monkeypatch.setattr(precision, "matmul_seconds", timer)
    assert precision.choose_dtype("auto", "cpu", big) is torch.float32
    assert timer.calls == [] and not cache.exists()

    fake_cpu(monkeypatch, AMX, model="Fast Xeon")
    assert precision.choose_dtype("auto", "cpu", big) is torch.bfloat16
    assert timer.calls == [torch.float32, torch.bfloat16]
    # small models stay fp32 and are not timed; CUDA keeps its own behaviour
    assert precision.choose_dtype("auto", "cpu", precision.MIN_BF16_PARAMS - 1) is torch.float32
    assert precision.choose_dtype("auto", "cuda", big) is torch.float32

    fake_cpu(monkeypatch, AMX, model="Xeon whose bf16 is emulated")
    monkeypatch.setattr(precision, "matmul_seconds", Timer(1.0, 0.9))  # not MIN_SPEEDUP faster
    assert precision.choose_dtype("auto", "cpu", big) is torch.float32


def test_check_is_cached_per_machine(monkeypatch, tmp_path):
    cache = tmp_path / "sub" / "precision.json"
    fake_cpu(monkeypatch, AMX, model="Xeon A")
    timer = Timer(0.004, 0.0005)
    first = precision.cpu_bf16_check(cache=cache, timer=timer)
    assert first["bf16_faster"] and first["cpu"] == "Xeon A" and len(timer.calls) == 2
    stored = json.loads(cache.read_text())
    assert list(stored.values()) == [first]
    assert precision.cpu_bf16_check(cache=cache, timer=timer) == first
    assert len(timer.calls) == 2  # read back, not timed again
    assert not list(cache.parent.glob(".*tmp*"))  # written atomically, no leftovers

    fake_cpu(monkeypatch, AMX, model="Xeon B")  # another machine: its own entry
    slow = Timer(0.004, 0.004)
    assert not precision.cpu_bf16_check(cache=cache, timer=slow)["bf16_faster"]
    assert len(slow.calls) == 2 and len(json.loads(cache.read_text())) == 2

    cache.write_text("{not json")  # a damaged cache is checked again and rewritten
    again = Timer(0.004, 0.0005)
    assert precision.cpu_bf16_check(cache=cache, timer=again)["bf16_faster"] and len(again.calls) == 2
    assert len(json.loads(cache.read_text())) == 1


class TinyBlock(torch.nn.Module):
    """A residual stack of norm -> attention-style q/k/v -> MLP, like the Stage I models' blocks."""

    def __init__(self, width=64, depth=6):
        super().__init__()
        self.norms = torch.nn.ModuleList(torch.nn.LayerNorm(width) for _ in range(depth))
        self.to_q = torch.nn.Linear(width, width)
        self.mlps = torch.nn.ModuleList(torch.nn.Linear(width, width) for _ in range(depth))

    def forward(self, x):
        self.q_dtype = self.to_q(x).dtype
        for norm, mlp in zip(self.norms, self.mlps):
            x = x + 0.3 * torch.tanh(mlp(norm(x)))
        return x


def test_cast_matrices_keeps_everything_but_the_matrices_fp32_and_is_closer_to_fp32():
    torch.manual_seed(0)
    ref_model = TinyBlock()
    x = torch.randn(32, 64)
    with torch.no_grad():
        ref = ref_model(x)
        whole = TinyBlock()
        whole.load_state_dict(ref_model.state_dict())
        whole.to(torch.bfloat16)
        err_whole = ((whole(x.bfloat16()).float() - ref).norm() / ref.norm()).item()
        mixed = TinyBlock()
        mixed.load_state_dict(ref_model.state_dict())
        precision.cast_matrices(mixed, torch.bfloat16)
        precision.cast_matrices(mixed, torch.bfloat16)  # again: one pair of hooks per layer
        assert all(len(m._forward_pre_hooks) == 1 for m in mixed.mlps)
        assert {p.dtype for m in mixed.mlps for p in m.parameters()} == {torch.bfloat16}
        assert {p.dtype for m in mixed.norms for p in m.parameters()} == {torch.float32}
        out = mixed(x)
        assert out.dtype == torch.float32 and mixed.q_dtype == torch.bfloat16  # q/k/v stay bf16
        err_mixed = ((out - ref).norm() / ref.norm()).item()
    assert 0 < err_mixed < 0.8 * err_whole
    # float32 casts the model whole (its weights keep their bf16 rounding).
    precision.cast_matrices(mixed, torch.float32)
    assert {p.dtype for p in mixed.parameters()} == {torch.float32}
    with torch.no_grad():
        assert mixed(x).dtype == torch.float32 and mixed.q_dtype == torch.float32
