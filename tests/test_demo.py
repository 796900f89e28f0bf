"""``facelift demo``: jobs, limits, errors and clean-up, then the page in a real browser.

The jobs and limits are tested with :class:`app_helpers.FakePipeline` (the pipeline's call
signature and outputs, the real preprocessing). The page tests run the real
``FaceLiftPipeline``: the bundled tiny weights when the package has them, else the tiny
architectures with random weights.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from app_helpers import EXAMPLE_PHOTO, FakePipeline, blob
from facelift.cameras import VIEW_NAMES
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians

pytest.importorskip("gradio")

from facelift.app import free_port  # noqa: E402
from facelift.app.demo import DISPLAY_SCALE, Demo, DemoLimits, display_copy  # noqa: E402

FAST = {"steps": 1, "frames": 8}


@pytest.fixture
def demo(tmp_path):
    d = Demo(FakePipeline(), limits=DemoLimits(keep_jobs=2), workdir=tmp_path / "work", defaults=FAST,
             turntable_size=64)
    yield d
    d.close()


def _photo(path: Path, size=(96, 96)) -> Path:
    rng = np.random.default_rng(0)
    Image.fromarray(rng.integers(0, 255, (*size[::-1], 3), dtype=np.uint8)).save(path)
    return path


# ----------------------------------------------------------------------- jobs


def test_a_job_writes_everything_the_page_shows(demo, tmp_path):
    r = demo.reconstruct(_photo(tmp_path / "me.png"), seed=3, steps=7, guidance=2.5, crop=False, frames=4)
    # Photo-fit ticked is refine="on": the weights' iterations, or the library's (pipeline's job).
    assert demo.pipeline.calls == [dict(seed=3, num_inference_steps=7, guidance_scale=2.5, crop=False, refine="on")]
    for path in (r.input_image, r.video, r.ply, r.display_ply):
        assert path.is_file() and path.stat().st_size > 0, path
    assert [label for _, label in r.views] == list(VIEW_NAMES)
    assert all(Image.open(p).size == (512, 512) for p, _ in r.views)
    assert "me.png" in r.message and "seed 3" in r.message
    # The download keeps our world; the displayed copy is only rotated.
    shown, kept = Gaussians.load_ply(r.display_ply), Gaussians.load_ply(r.ply)
    torch.testing.assert_close(shown.means, display_copy(kept).means, atol=1e-5, rtol=0)


def test_photo_fit_checkbox_sets_the_pipelines_refine(demo, tmp_path):
    assert demo.defaults["refine"] is False  # the fake's weights do not ask for photo-fit
    demo.reconstruct(_photo(tmp_path / "me.png"), frames=4, refine=False)
    demo.pipeline.defaults = {"refine": 12}
    stored = Demo(demo.pipeline, workdir=tmp_path / "w", examples=[], turntable_size=64)
    assert stored.defaults["refine"] is True
    try:
        stored.reconstruct(_photo(tmp_path / "you.png"), frames=4, refine=True)
    finally:
        stored.close()
    assert [c["refine"] for c in demo.pipeline.calls] == ["off", "on"]


def test_progress_goes_through_the_pipeline_stages_to_done(demo, tmp_path):
    seen = []
    demo.reconstruct(_photo(tmp_path / "me.png"), frames=4, progress=lambda f, d: seen.append((f, d)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    stages = [d for _, d in seen]
    assert stages[0] == "Preprocessing"
    assert "Stage I: generating the six views" in stages and "Stage II: reconstructing the 3D Gaussians" in stages
    assert "Rendering the turntable" in stages and stages[-1] == "Done"


def test_display_copy_puts_the_head_upright_facing_gradios_camera():
    # gsplat.js, behind gr.Model3D: Y down, camera on -Z looking toward +Z.
    g = blob((0, 0, 0), (1, 0, 0), n=3)
    g.means = torch.tensor([[0.0, 0.0, 1.0], [0.0, -1.0, 0.0], [-1.0, 0.0, 0.0]])  # top, face, subject's right
    g.scales = torch.tensor([[0.1, 0.2, 0.3]] * 3)
    d = display_copy(g)
    k = DISPLAY_SCALE
    torch.testing.assert_close(d.means, k * torch.tensor([[0.0, -1.0, 0.0], [0.0, 0.0, -1.0], [-1.0, 0.0, 0.0]]))
    # A covariance rotates as R S R^T: the z extent (0.3) of the head becomes its y extent.
    torch.testing.assert_close(torch.diagonal(d.covariances()[0]), k**2 * torch.tensor([0.01, 0.09, 0.04]),
                               atol=1e-6, rtol=0)


def test_only_the_last_jobs_are_kept_and_close_removes_the_work_folder(tmp_path):
    d = Demo(FakePipeline(), limits=DemoLimits(keep_jobs=2), defaults=FAST, turntable_size=64)
    photo = _photo(tmp_path / "me.png")
    results = [d.reconstruct(photo, frames=2) for _ in range(3)]
    assert not results[0].ply.exists() and results[1].ply.exists() and results[2].ply.exists()
    assert len(list(d.workdir.iterdir())) == 2
    d.close()
    assert not d.workdir.exists()


def test_controls_start_at_the_weights_stored_sampling_defaults(tmp_path):
    pipe = FakePipeline()
    pipe.defaults = {"num_inference_steps": 20, "guidance_scale": 1.5}
    d = Demo(pipe, workdir=tmp_path)
    assert (d.defaults["steps"], d.defaults["guidance"]) == (20, 1.5)
    d = Demo(pipe, workdir=tmp_path, defaults={"guidance": 4.0})
    assert d.defaults["guidance"] == 4.0  # explicit settings still win


# --------------------------------------------------------------------- errors


def test_too_many_pixels_are_refused_before_the_pipeline_runs(tmp_path):
    d = Demo(FakePipeline(), limits=DemoLimits(max_pixels=96 * 96 - 1), workdir=tmp_path / "w")
    with pytest.raises(FaceliftError, match=r"big\.png: 96x96 pixels is more than this demo accepts"):
        d.reconstruct(_photo(tmp_path / "big.png"), frames=2)
    assert d.pipeline.calls == []


def test_errors_name_the_visitors_file_not_the_servers_copy(demo, tmp_path):
    upload = tmp_path / "gradio-cache" / "0123abcd" / "notes.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text("not a photo")
    with pytest.raises(FaceliftError) as err:
        demo.reconstruct(upload, frames=2)
    message = str(err.value)
    assert message.startswith("notes.txt: not an image file")
    assert str(tmp_path) not in message


@pytest.mark.parametrize("steps,frames,needle", [(0, 8, "steps"), (101, 8, "steps"), (2, 0, "frames")])
def test_out_of_range_settings_are_refused(demo, tmp_path, steps, frames, needle):
    with pytest.raises(FaceliftError, match=needle):
        demo.reconstruct(_photo(tmp_path / "me.png"), steps=steps, frames=frames)


@pytest.mark.filterwarnings("ignore::UserWarning")  # gr.Warning outside a request warns instead
def test_the_page_handler_turns_every_failure_into_a_message(demo, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    out = demo._run(str(bad), 0, 2, 3.0, True, 8)
    assert out[:4] == (None,) * 4 and out[4]["interactive"] is False
    assert out[5].startswith("**Error**: notes.txt: not an image")

    class Broken(FakePipeline):
        def __call__(self, *args, **kwargs):
            raise RuntimeError("boom")

    demo.pipeline = Broken()
    out = demo._run(str(_photo(tmp_path / "me.png")), 0, 2, 3.0, True, 8)
    assert out[5] == "**Error**: internal error (RuntimeError: boom); the server log has the details"
    assert demo._run(None, 0, 2, 3.0, True, 8)[5].startswith("**Error**: please upload")


def test_a_photo_without_a_face_gets_the_preprocessing_message_with_the_pages_advice(tmp_path):
    grey = tmp_path / "wall.png"
    Image.new("RGB", (256, 256), (128, 128, 128)).save(grey)
    d = Demo(FakePipeline(real_preprocess=True), workdir=tmp_path / "work")
    with pytest.warns(UserWarning, match="no face found"):  # gr.Warning outside a request
        out = d._run(str(grey), 0, 2, 3.0, True, 8)
    assert out[5].startswith("**Error**: wall.png: no face found")
    assert 'untick "Detect and crop the face"' in out[5] and "--no-crop" not in out[5]


def test_cli_demo_with_unusable_weights_exits_2_with_one_line(tmp_path, capsys):
    from facelift.cli import main

    assert main(["demo", "--weights", str(tmp_path / "no-such-weights"), "--port", "0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("facelift: error:") and "\n" not in err


def test_cli_demo_loads_the_weights_and_serves_the_page(random_weights, monkeypatch, caplog):
    """``facelift demo`` with real weights; where it would wait for Ctrl-C, the page is fetched."""
    import urllib.request

    import gradio as gr

    from facelift.cli import main

    port, pages = free_port(), []

    def fetch_instead_of_blocking(blocks):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as r:
            pages.append((r.status, r.read(5000).lower()))

    monkeypatch.setattr(gr.Blocks, "block_thread", fetch_instead_of_blocking)
    with caplog.at_level("INFO"):
        assert main(["demo", "--weights", str(random_weights), "--port", str(port)]) == 0
    assert pages and pages[0][0] == 200 and b"<html" in pages[0][1]
    assert f"http://127.0.0.1:{port}" in caplog.text
    with pytest.raises(OSError):  # closed on the way out
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)


# -------------------------------------------------------------------- browser


def _pipeline(random_weights):
    """The real pipeline: the bundled tiny weights when the package has them, else the same
    tiny architectures with random weights (the views are noise, but every stage, file and
    page element is the real thing)."""
    from facelift.pipeline import FaceLiftPipeline

    try:
        pipe = FaceLiftPipeline.from_pretrained("tiny", device="cpu")
        pipe.require_stage1()  # the bundled weights may ship Stage II alone
        return pipe
    except FaceliftError as e:
        print(f"demo browser tests use random tiny weights: {e}")
        return FaceLiftPipeline.from_pretrained(random_weights, device="cpu")


@pytest.fixture(scope="module")
def served(tmp_path_factory, random_weights):
    d = Demo(_pipeline(random_weights), workdir=tmp_path_factory.mktemp("demo-work"), defaults=FAST,
             turntable_size=64)
    d.launch(port=free_port(), block=False)
    yield d
    d.close()


def _open(new_page, url):
    page = new_page(viewport={"width": 1280, "height": 1100})
    page.goto(url)
    page.wait_for_selector("#photo input[type=file]", state="attached", timeout=90_000)
    return page


def test_uploading_the_example_photo_shows_views_video_and_3d_viewer(new_page, served, tmp_path):
    assert served.url.startswith("http://127.0.0.1:")
    page = _open(new_page, served.url)
    page.locator("#photo input[type=file]").set_input_files(str(EXAMPLE_PHOTO))
    page.wait_for_selector("#preview img", timeout=90_000)
    page.locator("#run").click()
    page.wait_for_selector("#status :text('Done')", timeout=180_000)
    page.wait_for_selector("#model3d canvas", timeout=90_000)
    time.sleep(1.0)  # let the splat viewer draw before the artifact screenshot
    page.screenshot(path=str(tmp_path / "demo-result.png"), full_page=True)

    assert page.locator("#input-image img").count() == 1
    assert page.locator("#views img").count() >= 6
    assert page.locator("#turntable video").get_attribute("src")
    with page.expect_download(timeout=90_000) as download:
        page.locator("#download").click(no_wait_after=True)
    assert download.value.suggested_filename == "gaussians.ply"
    ply = Path(download.value.path()).read_bytes()
    assert ply.startswith(b"ply\nformat binary_little_endian 1.0\n")
    assert len(Gaussians.load_ply(download.value.path())) > 0
    assert EXAMPLE_PHOTO.name in page.locator("#status").inner_text()


def test_clicking_the_example_photo_previews_it(new_page, served):
    assert EXAMPLE_PHOTO in served.examples
    page = _open(new_page, served.url)
    page.locator("#examples").get_by_role("button").first.click()
    page.wait_for_selector("#preview img", timeout=90_000)
    assert EXAMPLE_PHOTO.name in page.locator("#status").inner_text()


def test_uploading_a_non_image_shows_the_error_in_the_page(new_page, served, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("this is not a photo")
    page = _open(new_page, served.url)
    page.locator("#photo input[type=file]").set_input_files(str(notes))
    # Said at upload time already ...
    page.wait_for_selector("#status :text('notes.txt: not an image file')", timeout=90_000)
    # ... and again, as a toast, when the visitor insists.
    page.locator("#run").click()
    toast = page.locator("[data-testid=toast-body]").first
    toast.wait_for(timeout=90_000)
    assert "notes.txt: not an image file" in toast.inner_text()
    assert page.locator("#views img").count() == 0
    page.screenshot(path=str(tmp_path / "demo-error.png"))


def test_one_job_at_a_time_and_the_next_visitor_sees_the_queue(new_page, tmp_path):
    gate = threading.Event()
    entered = []

    class Held(FakePipeline):
        """Reports its first stage, then waits until the test lets it go."""

        def __call__(self, image, progress=None, **kwargs):
            entered.append(time.monotonic())
            if progress:
                progress("views", 0.1)
            assert gate.wait(60)
            return super().__call__(image, progress=None, **kwargs)

    d = Demo(Held(), workdir=tmp_path / "work", defaults=FAST, turntable_size=64)
    d.launch(port=free_port(), block=False)
    try:
        first, second = _open(new_page, d.url), _open(new_page, d.url)
        for page in (first, second):
            page.locator("#photo input[type=file]").set_input_files(str(EXAMPLE_PHOTO))
            page.wait_for_selector("#preview img", timeout=90_000)
        first.locator("#run").click()
        first.wait_for_selector("text=Stage I: generating the six views", timeout=90_000)
        second.locator("#run").click()
        second.wait_for_selector("text=queue: 1/1", timeout=90_000)
        time.sleep(1.0)
        assert len(entered) == 1, "a second job started while the first was running"
        gate.set()
        second.wait_for_selector("#status :text('Done')", timeout=90_000)
        first.wait_for_selector("#status :text('Done')", timeout=90_000)
    finally:
        gate.set()
        d.close()


def test_uploads_over_the_size_limit_are_refused_with_a_message(new_page, tmp_path):
    d = Demo(FakePipeline(), limits=DemoLimits(max_file_size="10KB"), workdir=tmp_path / "work")
    d.launch(port=free_port(), block=False)
    try:
        page = _open(new_page, d.url)
        page.locator("#photo input[type=file]").set_input_files(str(EXAMPLE_PHOTO))  # 125 KB
        toast = page.locator("[data-testid=toast-body]").first
        toast.wait_for(timeout=90_000)
        assert "exceed the maximum allowed size" in toast.inner_text()
        assert EXAMPLE_PHOTO.name in toast.inner_text()
    finally:
        d.close()
    assert d.pipeline.calls == []
