"""Shared by the viewer and demo tests: a headless Chromium, and a stand-in pipeline.

The browser is Debian's ``chromium`` driven by playwright's Python client (``.ci/run``
installs it; ``playwright install`` would download a browser, which CI cannot). WebGL runs
on SwiftShader, Chromium's software renderer, since the flags disable the GPU.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

CHROMIUM = os.environ.get("FACELIFT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    # Without a GPU, WebGL needs SwiftShader, which recent Chromium only enables when asked.
    "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
]
EXAMPLE_PHOTO = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


def _unavailable(reason: str):
    # CI installs everything the browser tests need: there, a missing piece is a failure.
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run in CI: {reason}")
    pytest.skip(reason)


@contextlib.contextmanager
def chromium():
    """A headless Chromium browser (playwright ``Browser``), closed on exit."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).is_file():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
        try:
            yield browser
        finally:
            browser.close()


def blob(center, color, n=600, spread=0.25, scale=0.05, seed=0):
    """An opaque ball of ``n`` round Gaussians of one colour."""
    from facelift.gaussians import Gaussians

    g = torch.Generator().manual_seed(seed)
    means = torch.randn(n, 3, generator=g) * spread + torch.tensor(center, dtype=torch.float32)
    return Gaussians(means=means, scales=torch.full((n, 3), scale),
                     rotations=torch.tensor([[1.0, 0.0, 0.0, 0.0]]).repeat(n, 1),
                     opacities=torch.full((n,), 0.95), colors=torch.tensor([color]).repeat(n, 1))


def color_fraction(image: np.ndarray, rgb, tol: int = 60) -> float:
    """Fraction of pixels of an (H, W, 3) uint8 image within ``tol`` of colour ``rgb`` on every channel."""
    diff = np.abs(image[..., :3].astype(np.int16) - np.asarray(rgb, dtype=np.int16))
    return float((diff.max(axis=-1) <= tol).mean())


@dataclass
class FakeOutput:
    input_image: Image.Image
    views: list
    gaussians: object

    def save(self, folder, turntable=None, format="ply", progress=True):
        from facelift.cameras import facelift_cameras
        from facelift.outputs import TurntableSpec, write_result

        return write_result(folder, self.input_image, self.views, facelift_cameras(), self.gaussians,
                            turntable or TurntableSpec(), format=format, progress=progress)


class FakePipeline:
    """The call signature and outputs of ``FaceLiftPipeline``, without models.

    It runs the real preprocessing (so a non-image or a photo without a face fails with the
    real message; ``real_preprocess=False`` only decodes the image), reports progress like the
    pipeline, and returns a blue ball of Gaussians as "Stage II". ``calls`` records the
    keyword arguments of each call.
    """

    def __init__(self, real_preprocess: bool = False):
        self.calls: list[dict] = []
        self.real_preprocess = real_preprocess

    def __call__(self, image, seed=0, num_inference_steps=50, guidance_scale=3.0, crop=True, progress=None,
                 refine="auto"):
        from facelift.preprocess.io import load_image

        self.calls.append(dict(seed=seed, num_inference_steps=num_inference_steps,
                               guidance_scale=guidance_scale, crop=crop, refine=refine))
        if progress:
            progress("preprocess", 0.0)
        if self.real_preprocess:
            from facelift.preprocess import preprocess_image

            inp = preprocess_image(image, crop=crop).image
        else:
            inp = Image.fromarray(load_image(image).rgb).resize((512, 512))
        if progress:
            progress("views", 0.1)
        views = [Image.fromarray((np.asarray(inp) * (0.4 + 0.1 * i)).astype(np.uint8)) for i in range(6)]
        if progress:
            progress("gaussians", 0.8)
        return FakeOutput(inp, views, blob((0, 0, 0), (0.2, 0.3, 0.9), n=1500, seed=seed))


def wait_for(predicate, timeout=60.0, interval=0.25):
    """Poll ``predicate`` until it returns something truthy or ``timeout`` seconds pass; its last value."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()
