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
