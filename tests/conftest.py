import os
import tempfile

import pytest
import torch

# Gradio caches uploads by content hash in one machine-wide folder, and an app that closes
# deletes its files there: give this test process its own, so a demo test never loses the
# example photo to another process's demo.
os.environ.setdefault("GRADIO_TEMP_DIR", tempfile.mkdtemp(prefix="facelift-tests-gradio-"))


@pytest.fixture
def one_thread():
    """One thread each for torch and numba: on a shared, busy machine oversubscribed thread
    pools make tiny training steps 20-50x slower; one thread is also what the tiny sizes need."""
    import numba

    torch_threads, numba_threads = torch.get_num_threads(), numba.get_num_threads()
    torch.set_num_threads(1)
    numba.set_num_threads(1)
    yield
    torch.set_num_threads(torch_threads)
    numba.set_num_threads(numba_threads)


@pytest.fixture(scope="session")
def random_weights(tmp_path_factory):
    """A complete weights folder (mvdiff/ + lrm/) of randomly initialised tiny models."""
    from facelift.lrm.config import LRMConfig
    from facelift.lrm.model import GSLRM
    from facelift.mvdiff import MVDIFF_PRESETS, build_pipeline
    from facelift.weights.folder import save_weights_folder
    from facelift.weights.meta import WeightsMeta

    with torch.random.fork_rng():
        torch.manual_seed(0)
        mv = build_pipeline(MVDIFF_PRESETS.get_preset("tiny").model)
        lrm = GSLRM(LRMConfig(image_size=64, width=64, layers=1, head_dim=32))
    folder = tmp_path_factory.mktemp("weights") / "tiny-random"
    return save_weights_folder(folder, mv, lrm, WeightsMeta(defaults={"num_inference_steps": 2, "guidance_scale": 3.0}))


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (the viewer and demo page tests)."""
    from app_helpers import chromium

    with chromium() as b:
        yield b


@pytest.fixture
def new_page(browser):
    """``new_page(**options)`` opens a page (in its own context), closed after the test."""
    pages = []

    def make(**options):
        page = browser.new_page(**options)
        # Generous: WebGL runs on the CPU (SwiftShader), which a busy machine slows a lot;
        # a passing test never waits this long.
        page.set_default_timeout(90_000)
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.close()


@pytest.fixture
def procedural_subject(tmp_path):
    """``make(seed, random_views, resolution=64)`` -> the folder of one new procedural head, written by
    ``facelift data synth`` (as a user would), with the 6 fixed views first."""
    import subprocess
    import sys

    def make(seed: int, random_views: int = 0, resolution: int = 64):
        data = tmp_path / f"synth_{seed}_{resolution}"
        subprocess.run([sys.executable, "-m", "facelift", "data", "synth", "-o", str(data), "--identities", "1",
                        "--appearances", "1", "--resolution", str(resolution), "--random-views", str(random_views),
                        "--seed", str(seed), "--workers", "1"], check=True, capture_output=True)
        return next(p for p in data.iterdir() if p.is_dir())

    return make
