"""``facelift view``: what it opens, how it places splats and cameras, and the page in a real browser."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image

from app_helpers import blob, color_fraction, wait_for
from facelift.cameras import RADIUS, facelift_cameras
from facelift.errors import FaceliftError
from facelift.formats.splats import save_gaussians
from facelift.gaussians import Gaussians, quat_to_matrix

pytest.importorskip("viser")

from facelift.app import free_port  # noqa: E402
from facelift.app.viewer import Viewer, frustum_pose, open_scene, splat_arrays  # noqa: E402

RED, BLUE = (0.9, 0.1, 0.1), (0.1, 0.2, 0.9)


# ------------------------------------------------------------------ opening


def test_single_ply_opens_as_one_frame_with_the_standard_rig(tmp_path):
    blob((0, 0, 0), RED, n=50).save_ply(tmp_path / "head.ply")
    scene = open_scene(tmp_path / "head.ply")
    assert len(scene) == 1
    assert len(scene.frame(0)) == 50
    torch.testing.assert_close(scene.cameras.c2w, facelift_cameras().c2w)
    assert scene.view_images is None


def test_reconstruction_folder_shows_recorded_cameras_and_view_tiles(tmp_path):
    from facelift.outputs import TurntableSpec, cameras_record

    save_gaussians(blob((0, 0, 0), RED, n=20), tmp_path / "gaussians.splat")
    rig = facelift_cameras(azimuth_offset=10.0)  # not the default: must come from cameras.json
    (tmp_path / "cameras.json").write_text(json.dumps(cameras_record(rig, TurntableSpec(frames=2))))
    # views.png is a 3x2 grid, row by row; tile i gets grey level 40 * i.
    grid = np.zeros((2 * 64, 3 * 64, 3), np.uint8)
    for i in range(6):
        r, c = divmod(i, 3)
        grid[r * 64:(r + 1) * 64, c * 64:(c + 1) * 64] = 40 * i
    Image.fromarray(grid).save(tmp_path / "views.png")

    scene = open_scene(tmp_path)
    assert len(scene) == 1 and scene.frame_paths[0].name == "gaussians.splat"
    torch.testing.assert_close(scene.cameras.c2w, rig.c2w, atol=1e-5, rtol=0)
    assert [int(np.median(t)) for t in scene.view_images] == [0, 40, 80, 120, 160, 200]


def test_reconstruction_folder_with_an_spz_head(tmp_path):
    save_gaussians(blob((0, 0, 0), RED, n=30), tmp_path / "gaussians.spz")
    scene = open_scene(tmp_path)
    assert scene.frame_paths[0].name == "gaussians.spz" and len(scene.frame(0)) == 30
    assert len(open_scene(tmp_path / "gaussians.spz").frame(0)) == 30


def test_damaged_cameras_json_falls_back_to_the_standard_rig(tmp_path):
    blob((0, 0, 0), RED, n=5).save_ply(tmp_path / "gaussians.ply")
    (tmp_path / "cameras.json").write_text("{not json")
    torch.testing.assert_close(open_scene(tmp_path).cameras.c2w, facelift_cameras().c2w)


def test_video_folder_opens_frames_in_time_order(tmp_path):
    from facelift.sequence import write_sequence_index

    (tmp_path / "frames").mkdir()
    for i, n in enumerate([3, 4, 5]):
        blob((0, 0, 0), RED, n=n).save_ply(tmp_path / "frames" / f"{i:05d}.ply")
    write_sequence_index(tmp_path, [f"frames/{i:05d}.ply" for i in range(3)], [0.0, 0.5, 1.0], 2.0, "clip.mp4")
    scene = open_scene(tmp_path)
    assert [len(scene.frame(i)) for i in range(3)] == [3, 4, 5]
    np.testing.assert_allclose(scene.times, [0.0, 0.5, 1.0])


@pytest.mark.parametrize("name,setup,needle", [
    ("missing.ply", None, "no such file"),
    ("head.obj", "file", "expected a .ply, .splat or .spz"),
    ("empty", "dir", "no head in this folder"),
    ("none.ply", "no_gaussians", "the head has no Gaussians; nothing to show"),
    ("bad.spz", "corrupt_spz", "not an .spz file"),
])
def test_unusable_paths_get_a_one_line_error_naming_them(tmp_path, name, setup, needle):
    """Also a head that cannot be shown: the first frame is read before any server starts."""
    path = tmp_path / name
    if setup == "file":
        path.write_text("v 0 0 0\n")
    elif setup == "dir":
        path.mkdir()
    elif setup == "no_gaussians":
        Gaussians.empty().save_ply(path)
    elif setup == "corrupt_spz":
        path.write_bytes(b"hello, not gzip")
    with pytest.raises(FaceliftError, match=needle) as err:
        open_scene(path)
    assert name in str(err.value) and "\n" not in str(err.value)


def test_cli_view_of_a_missing_file_exits_2_with_one_line(tmp_path, capsys):
    from facelift.cli import main

    assert main(["view", str(tmp_path / "nothing.ply")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "nothing.ply" in err


# --------------------------------------------------------- splats and cameras


def test_splat_covariance_of_an_unrotated_gaussian_is_its_squared_scales():
    g = blob((0, 0, 0), RED, n=2)
    g.scales = torch.tensor([[0.1, 0.2, 0.3], [0.5, 0.5, 0.5]])
    a = splat_arrays(g)
    assert a["centers"].shape == (2, 3) and a["opacities"].shape == (2, 1) and a["rgbs"].shape == (2, 3)
    np.testing.assert_allclose(a["covariances"][0], np.diag([0.01, 0.04, 0.09]), atol=1e-7)
    np.testing.assert_allclose(a["opacities"][:, 0], 0.95, atol=1e-6)


def test_frusta_sit_on_the_input_cameras_and_look_at_the_head():
    cams = facelift_cameras()
    for i in range(len(cams)):
        wxyz, position = frustum_pose(cams.c2w[i])
        R = quat_to_matrix(torch.as_tensor(wxyz)).numpy()
        np.testing.assert_allclose(R, cams.c2w[i, :3, :3].double().numpy(), atol=1e-6)
        np.testing.assert_allclose(np.linalg.norm(position), RADIUS, atol=1e-5)
        # viser frusta look along their local +Z, as OpenCV cameras do: toward the origin.
        np.testing.assert_allclose(R[:, 2], -position / RADIUS, atol=1e-5)
    np.testing.assert_allclose(frustum_pose(cams.c2w[0])[1], [0.0, -RADIUS, 0.0], atol=1e-5)


def test_min_opacity_slider_hides_faint_gaussians(tmp_path):
    from facelift.gaussians import Gaussians

    faint, solid = blob((0, 0, 0), RED, n=30), blob((0, 0, 0), BLUE, n=20)
    faint.opacities = torch.full((30,), 0.1)
    Gaussians.cat([faint, solid]).save_ply(tmp_path / "head.ply")
    viewer = Viewer(open_scene(tmp_path / "head.ply"), port=free_port())
    try:
        assert viewer._info.content.endswith("50 Gaussians")
        viewer.min_opacity.value = 0.5  # as if dragged in the page
        wait_for(lambda: "shown" in viewer._info.content, timeout=5)
        assert viewer._info.content.endswith("50 Gaussians (20 shown)")
    finally:
        viewer.close()


# ------------------------------------------------------------------- browser


def _canvas_image(page) -> np.ndarray:
    """The page's largest canvas as an (H, W, 3) uint8 image (a headless screenshot)."""
    import io

    boxes = [c.bounding_box() for c in page.locator("canvas").all()]
    box = max((b for b in boxes if b), key=lambda b: b["width"] * b["height"])
    png = page.screenshot(clip=box)
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_viewer_page_draws_the_splats_and_the_screenshot_button_saves_them(new_page, tmp_path):
    """Red splats on the white page: the canvas must show red pixels; the button saves a PNG."""
    blob((0, 0, 0), RED, n=1500, spread=0.3).save_ply(tmp_path / "head.ply")
    shots = tmp_path / "shots"
    viewer = Viewer(open_scene(tmp_path / "head.ply"), port=free_port(), screenshot_dir=shots)
    try:
        assert viewer.url.startswith("http://127.0.0.1:")
        page = new_page(viewport={"width": 800, "height": 600})
        page.goto(viewer.url)
        page.wait_for_selector("canvas", timeout=90_000)
        red = wait_for(lambda: color_fraction(_canvas_image(page), (230, 25, 25)) > 0.02)
        Image.fromarray(_canvas_image(page)).save(tmp_path / "viewer-page.png")  # test artifact
        assert red, f"no red splats on the canvas (see {tmp_path / 'viewer-page.png'})"
        background = color_fraction(_canvas_image(page), (255, 255, 255), tol=8)
        assert background > 0.3, "the page background should stay white around the head"

        saved: list = []
        viewer.screenshot_saved = saved.append
        page.get_by_role("button", name="Screenshot").click()
        assert wait_for(lambda: saved), "the screenshot button saved nothing"
        assert [p.name for p in shots.iterdir()] == [saved[0].name]  # no temporary left behind
        shot = np.asarray(Image.open(saved[0]).convert("RGB"))
        assert color_fraction(shot, (230, 25, 25)) > 0.02
    finally:
        viewer.close()


def test_time_slider_switches_frames_in_the_page(new_page, tmp_path):
    """A two-frame video folder: red, then blue. Moving the slider in the page shows blue."""
    (tmp_path / "frames").mkdir()
    blob((0, 0, 0), RED, n=1000, spread=0.3).save_ply(tmp_path / "frames" / "00000.ply")
    blob((0, 0, 0), BLUE, n=1000, spread=0.3).save_ply(tmp_path / "frames" / "00001.ply")
    viewer = Viewer(open_scene(tmp_path), port=free_port(), screenshot_dir=tmp_path)
    try:
        page = new_page(viewport={"width": 800, "height": 600})
        page.goto(viewer.url)
        page.wait_for_selector("canvas", timeout=90_000)
        assert wait_for(lambda: color_fraction(_canvas_image(page), (230, 25, 25)) > 0.02)
        # viser's sliders have no accessible name: find the one in the row labelled "Frame".
        row = page.get_by_text("Frame", exact=True).locator("xpath=ancestor::*[.//*[@role='slider']][1]")
        row.get_by_role("slider").focus()
        page.keyboard.press("ArrowRight")
        assert wait_for(lambda: viewer.current_frame == 1)
        blue = wait_for(lambda: color_fraction(_canvas_image(page), (25, 50, 230)) > 0.02)
        Image.fromarray(_canvas_image(page)).save(tmp_path / "viewer-frame1.png")
        assert blue, "the second frame's blue splats never appeared"
        assert color_fraction(_canvas_image(page), (230, 25, 25)) < 0.005
    finally:
        viewer.close()


def test_listening_beyond_loopback_warns(caplog):
    from facelift.app import warn_if_public

    with caplog.at_level("WARNING"):
        warn_if_public("127.0.0.1")
    assert caplog.records == []
    with caplog.at_level("WARNING"):
        warn_if_public("0.0.0.0")
    assert "anyone who can reach this machine" in caplog.text


def test_cli_view_serves_the_page_until_interrupted(tmp_path):
    """The real command in its own process: it prints its address, the page answers there on
    loopback, and Ctrl-C ends it cleanly."""
    import os
    import signal
    import subprocess
    import sys
    import threading
    import urllib.request

    blob((0, 0, 0), RED, n=100).save_ply(tmp_path / "head.ply")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "facelift", "view", str(tmp_path / "head.ply"),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines: list[str] = []
    def read():
        for line in proc.stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert wait_for(lambda: any(url in line for line in lines), timeout=90), \
            f"facelift view never printed its address:\n{''.join(lines)}"
        with urllib.request.urlopen(url + "/", timeout=10) as r:
            assert r.status == 200 and b"<html" in r.read(2000).lower()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        reader.join(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, "".join(lines)  # the CLI's code for an interrupt
    assert "Traceback" not in "".join(lines)


def test_an_interrupted_viewer_exits_even_when_a_thread_hangs_at_shutdown():
    """After Ctrl-C the view command arms a hard exit: a worker thread stuck at interpreter
    shutdown (which would otherwise keep the process alive forever) cannot hold it."""
    import subprocess
    import sys

    code = ("import threading, time\n"
            "from facelift.cli.view import _exit_after\n"
            "threading.Thread(target=lambda: time.sleep(600)).start()  # non-daemon: blocks exit\n"
            "_exit_after(0.5, 130)\n")
    proc = subprocess.run([sys.executable, "-c", code], timeout=60)
    assert proc.returncode == 130
