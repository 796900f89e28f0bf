"""``facelift view``: an interactive viewer of Gaussian heads in the browser, built on viser.

What it opens (:func:`open_scene`):

- a splat file (``.ply`` in the 3DGS layout, ``.splat`` or ``.spz``);
- a ``facelift reconstruct`` output folder (``gaussians.ply`` / ``.splat`` / ``.spz``, with
  ``cameras.json`` and ``views.png`` shown as the input cameras and their images);
- a ``facelift video`` output folder (``frames/NNNNN.ply`` + ``sequence.json``): a time
  slider and a play button step through the frames, loaded on demand.

The page shows the splats (viser sorts and blends them in WebGL), the six Stage I cameras as
frusta (SPEC §3; world Z-up, OpenCV cameras, which is also viser's camera convention, so the
poses go in unchanged), and a button that saves a screenshot of the current view on the
machine running the viewer and offers it as a download in the browser.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import torch
from PIL import Image

from facelift.app import LOOPBACK, require, warn_if_public
from facelift.atomic import atomic_path
from facelift.cameras import RADIUS, VIEW_NAMES, Camera, facelift_cameras, intrinsics_matrix, orbit_position
from facelift.errors import FaceliftError
from facelift.formats.splats import SPLAT_SUFFIXES, load_gaussians
from facelift.gaussians import Gaussians, matrix_to_quat

log = logging.getLogger(__name__)

DEFAULT_PORT = 8080
#: Distance of the initial viewpoint: a little behind the input cameras, so their frusta are in view.
INITIAL_DISTANCE = 1.6 * RADIUS
INITIAL_VIEW = (30.0, 20.0)  # azimuth, elevation in degrees (facelift.cameras.orbit_position)
FRUSTUM_SCALE = 0.25
VIEWS_GRID_COLUMNS = 3  # facelift.outputs writes views.png as a 3x2 grid, row by row


@dataclass
class ViewerScene:
    """What the viewer shows.

    Attributes:
        source: the file or folder that was opened.
        frame_paths: one splat file per time step (one entry for a static head).
        times: (T,) seconds of each frame (zeros for a static head).
        cameras: the input cameras (batch of up to 6), OpenCV camera-to-world.
        view_images: optional (H, W, 3) uint8 image per input camera, drawn inside its frustum.
        cache_size: frames of a sequence kept in memory.
    """

    source: Path
    frame_paths: list[Path]
    times: np.ndarray
    cameras: Camera
    view_images: list[np.ndarray] | None = None
    cache_size: int = 4
    _cache: dict[int, Gaussians] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.frame_paths)

    def frame(self, index: int) -> Gaussians:
        """The Gaussians of frame ``index``, loaded on first use (a few frames are cached)."""
        if index not in self._cache:
            if len(self._cache) >= self.cache_size:
                self._cache.pop(next(iter(self._cache)))
            self._cache[index] = load_gaussians(self.frame_paths[index])
        return self._cache[index]


def open_scene(path: str | Path) -> ViewerScene:
    """Find what to show at ``path`` (a splat file or a facelift output folder)."""
    path = Path(path)
    if not path.exists():
        raise FaceliftError(f"{path}: no such file or folder")
    if path.is_file():
        if path.suffix.lower() not in SPLAT_SUFFIXES:
            raise FaceliftError(f"{path}: expected a .ply, .splat or .spz file, or a facelift output folder")
        folder, frames, times = path.parent, [path], np.zeros(1)
    else:
        folder = path
        if (path / "frames").is_dir() or (path / "sequence.json").is_file():
            from facelift.sequence import GaussianSequence

            seq = GaussianSequence.load(path)
            frames, times = list(seq.paths), np.asarray(seq.times, dtype=np.float64)
        else:
            from facelift.outputs import head_file

            frames, times = [head_file(path)], np.zeros(1)
    cameras = _read_view_cameras(folder / "cameras.json")
    images = _read_view_images(folder / "views.png", len(cameras))
    scene = ViewerScene(source=path, frame_paths=frames, times=times, cameras=cameras, view_images=images)
    # The first frame now (it is cached): a damaged or empty head fails here, in one line, before a
    # server starts, rather than as a blank page.
    if len(scene.frame(0)) == 0:
        raise FaceliftError(f"{frames[0]}: the head has no Gaussians; nothing to show")
    return scene


def _read_view_cameras(path: Path) -> Camera:
    """The input cameras recorded in ``cameras.json`` (facelift.outputs), else the standard rig."""
    if not path.is_file():
        return facelift_cameras()
    try:
        views = json.loads(path.read_text())["views"]
        cams = [Camera(c2w=torch.tensor(v["c2w_opencv"], dtype=torch.float32),
                       K=intrinsics_matrix(v["fl_x"], v["fl_y"], v["cx"], v["cy"]),
                       width=int(v["w"]), height=int(v["h"])) for v in views]
        if not cams:
            raise ValueError("no views")
        return Camera.stack(cams)
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
        # The cameras only decorate the view; a damaged record should not stop it.
        log.warning("%s: cannot read the input cameras (%s); showing the standard FaceLift rig", path, e)
        return facelift_cameras()


def _read_view_images(path: Path, count: int) -> list[np.ndarray] | None:
    if not path.is_file():
        return None
    try:
        grid = np.asarray(Image.open(path).convert("RGB"))
    except OSError as e:
        log.warning("%s: cannot read the views (%s)", path, e)
        return None
    rows = math.ceil(count / VIEWS_GRID_COLUMNS)
    tile_h, tile_w = grid.shape[0] // rows, grid.shape[1] // VIEWS_GRID_COLUMNS
    if tile_h == 0 or tile_w == 0:
        return None
    tiles = []
    for i in range(count):
        r, c = divmod(i, VIEWS_GRID_COLUMNS)
        tile = Image.fromarray(grid[r * tile_h:(r + 1) * tile_h, c * tile_w:(c + 1) * tile_w])
        # Frustum images are textures sent to every client: a small thumbnail is plenty.
        tiles.append(np.asarray(tile.resize((128, round(128 * tile_h / tile_w)), Image.BILINEAR)))
    return tiles


def splat_arrays(g: Gaussians) -> dict[str, np.ndarray]:
    """The arrays viser's ``add_gaussian_splats`` takes: centers (N,3), covariances (N,3,3),
    rgbs (N,3) in [0,1], opacities (N,1)."""
    g = g.detach().to("cpu", torch.float32)
    return {
        "centers": g.means.numpy(),
        "covariances": g.covariances().numpy(),
        "rgbs": g.colors.clamp(0, 1).numpy(),
        "opacities": g.opacities.clamp(0, 1)[:, None].numpy(),
    }


def frustum_pose(c2w: torch.Tensor) -> tuple[np.ndarray, np.ndarray]:
    """(wxyz, position) of an OpenCV camera-to-world matrix, as viser's scene nodes take them."""
    c2w = c2w.double()
    return matrix_to_quat(c2w[:3, :3]).numpy(), c2w[:3, 3].numpy()


class Viewer:
    """A running viser server showing a :class:`ViewerScene`.

    Args:
        scene: what to show.
        host: address to listen on (loopback by default: only this machine can connect).
        port: port to listen on; viser moves to the next free one if it is taken
            (:attr:`url` has the real one); 0 picks any free port.
        screenshot_dir: where the screenshot button saves its PNGs.
    """

    def __init__(self, scene: ViewerScene, host: str = LOOPBACK, port: int = DEFAULT_PORT,
                 screenshot_dir: str | Path = ".") -> None:
        viser = require("viser", "facelift view")
        warn_if_public(host)
        self.scene = scene
        self.host = host
        self.screenshot_dir = Path(screenshot_dir)
        self.server = viser.ViserServer(host=host, port=port, label="facelift", verbose=False)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._screenshots = 0
        self.current_frame = 0
        self.screenshot_saved: Callable[[Path], None] | None = None

        srv = self.server
        srv.scene.set_up_direction("+z")
        # A three-quarter view from a little above, further back than the input cameras, so
        # the face, its profile and the camera rig are all in sight.
        srv.initial_camera.position = tuple(orbit_position(*INITIAL_VIEW, radius=INITIAL_DISTANCE).tolist())
        srv.initial_camera.look_at = (0.0, 0.0, 0.0)
        srv.initial_camera.up = (0.0, 0.0, 1.0)

        self._info = srv.gui.add_markdown(self._describe(0))
        self._frustums = self._add_cameras()
        self.show_cameras = srv.gui.add_checkbox("Input cameras", initial_value=True,
                                                 hint="show the six Stage I cameras as frusta")
        self.show_cameras.on_update(lambda _: self._set_cameras_visible(self.show_cameras.value))
        self.min_opacity = srv.gui.add_slider(
            "Min opacity", min=0.0, max=0.95, step=0.01, initial_value=0.0,
            hint="hide Gaussians below this opacity (faint floaters)")
        self.min_opacity.on_update(lambda _: self.show_frame(self.current_frame))
        self.time_slider = None
        self.play = None
        if len(scene) > 1:
            with srv.gui.add_folder("Time"):
                self.time_slider = srv.gui.add_slider("Frame", min=0, max=len(scene) - 1, step=1,
                                                      initial_value=0)
                self.play = srv.gui.add_checkbox("Play", initial_value=False)
                self.fps = srv.gui.add_slider("Frames per second", min=1, max=30, step=1, initial_value=10)
            self.time_slider.on_update(lambda _: self.show_frame(int(self.time_slider.value)))
            threading.Thread(target=self._playback, name="facelift-view-play", daemon=True).start()
        self.screenshot_button = srv.gui.add_button("Screenshot", hint="save the current view as a PNG")
        self.screenshot_button.on_click(self._on_screenshot)
        self.show_frame(0)

    # ----------------------------------------------------------------- scene
    @property
    def port(self) -> int:
        return int(self.server.get_port())

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

    def _describe(self, index: int, shown: int | None = None) -> str:
        total = len(self.scene.frame(index))
        text = f"**{self.scene.source.name}**: {total:,} Gaussians"
        if shown is not None and shown != total:
            text += f" ({shown:,} shown)"
        if len(self.scene) > 1:
            text += f"; frame {index + 1} of {len(self.scene)} (t = {self.scene.times[index]:.2f} s)"
        return text

    def show_frame(self, index: int) -> None:
        """Show frame ``index`` of the scene (replacing the splats shown before)."""
        with self._lock:
            g = self.scene.frame(index)
            threshold = float(self.min_opacity.value) if hasattr(self, "min_opacity") else 0.0
            if threshold > 0:
                g = g.prune(min_opacity=threshold)
            # The same node name replaces the previous frame's splats in every client.
            self.server.scene.add_gaussian_splats("/head", **splat_arrays(g))
            self._info.content = self._describe(index, shown=len(g))
            self.current_frame = index

    def _add_cameras(self) -> list:
        cams = self.scene.cameras
        handles = []
        for i in range(len(cams)):
            cam = cams[i]
            wxyz, position = frustum_pose(cam.c2w)
            name = VIEW_NAMES[i] if i < len(VIEW_NAMES) else f"view_{i}"
            image = self.scene.view_images[i] if self.scene.view_images else None
            handles.append(self.server.scene.add_camera_frustum(
                f"/cameras/{name}", fov=2.0 * math.atan(0.5 * cam.height / float(cam.fy)),
                aspect=cam.width / cam.height, scale=FRUSTUM_SCALE, thickness=0.01, image=image,
                color=(40, 90, 200) if i == 0 else (90, 90, 90), wxyz=wxyz, position=position))
        return handles

    def _set_cameras_visible(self, visible: bool) -> None:
        for h in self._frustums:
            h.visible = visible

    def _playback(self) -> None:
        while not self._stop.is_set():
            if self.play is not None and self.play.value:
                self.time_slider.value = (int(self.time_slider.value) + 1) % len(self.scene)
                self._stop.wait(1.0 / max(1, int(self.fps.value)))
            else:
                self._stop.wait(0.1)

    # ------------------------------------------------------------ screenshot
    def screenshot(self, client=None, path: str | Path | None = None, timeout: float = 30.0) -> Path:
        """Render the current view of ``client`` (the first connected one by default) to a PNG.

        The browser renders it at its canvas size; the transparent background is composited
        onto white, the page's background.
        """
        if client is None:
            clients = list(self.server.get_clients().values())
            if not clients:
                raise FaceliftError("no browser is connected to the viewer, so there is no view to save")
            client = clients[0]
        width = max(1, int(getattr(client.camera, "image_width", 0) or 1024))
        height = max(1, int(getattr(client.camera, "image_height", 0) or 768))
        rgba = client.get_render(height=height, width=width, transport_format="png", timeout=timeout)
        image = Image.fromarray(rgba)
        if image.mode == "RGBA":
            white = Image.new("RGBA", image.size, (255, 255, 255, 255))
            image = Image.alpha_composite(white, image).convert("RGB")
        if path is None:
            self._screenshots += 1
            path = self.screenshot_dir / f"facelift-screenshot-{time.strftime('%Y%m%d-%H%M%S')}-{self._screenshots}.png"
        path = Path(path)
        with atomic_path(path) as tmp:
            image.save(tmp, format="PNG")
        log.info("saved screenshot %s", path)
        return path

    def _on_screenshot(self, event) -> None:
        try:
            path = self.screenshot(event.client)
        except Exception as e:  # a GUI callback must not take the server down
            log.error("screenshot failed: %s", e)
            if event.client is not None:
                event.client.add_notification("Screenshot failed", str(e), color="red")
            return
        if event.client is not None:
            event.client.send_file_download(path.name, path.read_bytes(), save_immediately=True)
            event.client.add_notification("Screenshot saved", str(path.resolve()), auto_close_seconds=5.0)
        if self.screenshot_saved is not None:
            self.screenshot_saved(path)

    # -------------------------------------------------------------- lifecycle
    def close(self) -> None:
        self._stop.set()
        self.server.stop()

    def __enter__(self) -> "Viewer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def serve_forever(self) -> None:
        """Block until Ctrl-C."""
        try:
            while not self._stop.wait(1.0):
                pass
        finally:
            self.close()
