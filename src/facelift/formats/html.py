"""The ``.html`` export: one self-contained web page that shows a Gaussian head, offline.

The page holds everything it needs and asks the network for nothing: the splats, as an
``.spz`` (version 2, the newest that the renderer reads) in base64, and the WebGL renderer,
``assets/web/splat-viewer.js``: Mark Kellogg's GaussianSplats3D with three.js (both MIT),
bundled by ``tools/build_web_viewer.sh`` at the versions in ``splat-viewer.versions.json``.
Their licences go into the page as a comment.

Axes: the renderer draws the numbers it is given. By default (``up="z"``) they are our
world's as they are (Z up, the face toward -Y), and the page makes +Z the camera's up axis,
so the head stands upright with no conversion of the data; it starts at our front camera
(``orbit_camera(0)``: (0, -2.7, 0) looking along +Y at the origin, 50° field of view).
``up="y"`` stores the head turned Y-up (:func:`facelift.formats.axes.turn_up`) with the
camera's up and start turned the same way, so the page looks the same and the embedded
``.spz`` suits Y-up tools. Drag orbits about the origin, the wheel zooms, right-drag pans.
"""

from __future__ import annotations

import base64
import html
import json
from importlib import resources
from pathlib import Path

from facelift.atomic import atomic_write_text
from facelift.cameras import FOV_DEG, RADIUS
from facelift.errors import FaceliftError
from facelift.formats.axes import Z_UP_TO_Y_UP, Up, turn_up
from facelift.gaussians import Gaussians

#: The renderer bundle and its licences, in the package's assets.
VIEWER_JS = "web/splat-viewer.js"
VIEWER_LICENSE = "web/splat-viewer.LICENSE.txt"

#: The highest SH degree the renderer draws (GaussianSplats3D stops at 2).
MAX_VIEWER_SH_DEGREE = 2

#: The ``id`` of the element that holds the base64 ``.spz``.
DATA_ELEMENT_ID = "facelift-head-spz"

_BACKGROUND = "#1e1e1e"  # the page colour behind the head


def _asset_text(name: str) -> str:
    """The text of a packaged asset; a clear error if the package was built without it."""
    path = resources.files("facelift") / "assets" / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FaceliftError(
            f"the web viewer asset {name} is missing from the facelift package; "
            "rebuild it with tools/build_web_viewer.sh"
        ) from None


def _in_frame(v: tuple[float, float, float], up: Up) -> list[float]:
    """A point or direction of our world in the frame the page's data is stored in."""
    if up == "z":
        return list(v)
    return [sum(r * x for r, x in zip(row, v)) for row in Z_UP_TO_Y_UP]


def html_page(g: Gaussians, title: str = "facelift head", up: Up = "z", name: str | None = None) -> str:
    """The page, as text: ``g`` (our world frame) as a base64 ``.spz`` with the renderer that draws
    it, stored with ``up`` ("z" or "y") as its up axis (module docstring). ``name`` (default: the
    title) starts error messages.

    Raises :class:`FaceliftError` for an empty head, a head ``.spz`` cannot hold (positions beyond
    its 24-bit fixed point) or a missing renderer asset.
    """
    from facelift.formats.spz import to_spz_bytes

    name = name or title
    if len(g) == 0:
        raise FaceliftError(f"{name}: the head has no Gaussians; nothing to show")
    script = _asset_text(VIEWER_JS)
    licences = _asset_text(VIEWER_LICENSE)
    # An inline script ends at the first "</script"; the build checks for it, so does this.
    if "</script" in script.lower():
        raise FaceliftError(f"the web viewer asset {VIEWER_JS} contains '</script' and cannot be inlined")
    if up not in ("y", "z"):
        raise FaceliftError(f"page up axis must be 'y' or 'z', got {up!r}")
    data = base64.b64encode(to_spz_bytes(turn_up(g, up), version=2, name=name)).decode("ascii")
    settings = {
        "dataId": DATA_ELEMENT_ID,
        "shDegree": min(g.sh_degree, MAX_VIEWER_SH_DEGREE),
        "cameraPosition": _in_frame((0.0, -RADIUS, 0.0), up),
        "lookAt": [0.0, 0.0, 0.0],
        "up": _in_frame((0.0, 0.0, 1.0), up),
        "fov": FOV_DEG,
        "count": len(g),
    }
    return _TEMPLATE.format(
        title=html.escape(title),
        up=up.upper(),
        background=_BACKGROUND,
        licences=licences.replace("--", "- -"),  # nothing in a comment may close it
        count=f"{len(g):,}",
        data_id=DATA_ELEMENT_ID,
        data=data,
        viewer=script,
        settings=json.dumps(settings),
        boot=_BOOT,
    )


def save_html(g: Gaussians, path: str | Path, title: str | None = None, up: Up = "z") -> None:
    """Write :func:`html_page` of ``g`` to ``path`` atomically (the title defaults to the file name)."""
    path = Path(path)
    atomic_write_text(path, html_page(g, title=title or path.stem, up=up, name=str(path)))


# The renderer's own camera has a 50° vertical field of view, as ours; it is set again from
# the settings in case that default changes. `window.faceliftViewer` says how the load went
# ("loading", "ready" or "error: ..."), for tests and for anyone who opens the console.
_BOOT = """
(async () => {
  const settings = JSON.parse(document.getElementById('facelift-settings').textContent);
  const status = document.getElementById('status');
  window.faceliftViewer = 'loading';
  try {
    const text = document.getElementById(settings.dataId).textContent.trim();
    const raw = atob(text);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    const GS = GaussianSplats3D;
    const viewer = new GS.Viewer({
      rootElement: document.getElementById('view'),
      cameraUp: settings.up,
      initialCameraPosition: settings.cameraPosition,
      initialCameraLookAt: settings.lookAt,
      sphericalHarmonicsDegree: settings.shDegree,
      sharedMemoryForWorkers: false,  // a file:// page is not cross-origin isolated
      gpuAcceleratedSort: false,
      useBuiltInControls: true,
      sceneRevealMode: GS.SceneRevealMode.Instant,  // no fade-in: the whole head at once
      logLevel: GS.LogLevel.None,
    });
    viewer.camera.fov = settings.fov;
    viewer.camera.updateProjectionMatrix();
    const splats = await GS.SpzLoader.loadFromFileData(bytes.buffer, 1, 0, true, settings.shDegree);
    await viewer.addSplatBuffers([splats], [{}], true, false, false);
    viewer.start();
    window.faceliftViewer = 'ready';
    status.textContent = '';
  } catch (e) {
    window.faceliftViewer = 'error: ' + e;
    status.textContent = 'Could not show the head: ' + e;
    console.error(e);
  }
})();
"""

_TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="facelift export">
<title>{title}</title>
<!--
The splat renderer below is GaussianSplats3D with three.js, under these licences:

{licences}
-->
<style>
html, body {{ margin: 0; height: 100%; background: {background}; overflow: hidden; }}
#view {{ position: absolute; inset: 0; }}
#help, #status {{ position: absolute; left: 12px; font: 13px/1.4 system-ui, sans-serif;
  color: #ccc; pointer-events: none; }}
#help {{ top: 10px; right: 12px; }}
#status {{ bottom: 10px; }}
</style>
</head>
<body>
<div id="view"></div>
<div id="status">Loading {count} Gaussians…</div>
<div id="help">{title} · {count} Gaussians · drag: orbit · wheel: zoom · right-drag: pan ·
{up} is up in this file, the view starts at the front camera</div>
<script type="application/octet-stream" id="{data_id}">{data}</script>
<script type="application/json" id="facelift-settings">{settings}</script>
<script>{viewer}</script>
<script>{boot}</script>
</body>
</html>
"""

__all__ = ["DATA_ELEMENT_ID", "html_page", "save_html"]
