"""A minimal z-buffer rasteriser for vertex-coloured triangle meshes (tests only).

Used to measure how much a mesh export looks like the splats it came from: the same
OpenCV cameras as :func:`facelift.render.rasterize` (pixel centres at +0.5), unlit colours
(the splats are unlit too), perspective-correct interpolation of vertex colours, no
anti-aliasing, no back-face culling (the mesh is closed; the z-buffer picks the front).
"""

from __future__ import annotations

import numba
import numpy as np

from facelift.cameras import Camera


def render_mesh(vertices: np.ndarray, faces: np.ndarray, colors: np.ndarray, camera: Camera,
                background: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> tuple[np.ndarray, np.ndarray]:
    """Render (V, 3) vertices, (F, 3) faces, (V, 3) colours in [0, 1] from one camera.

    Returns: rgb (H, W, 3) float32 over ``background`` and a (H, W) bool coverage mask.
    """
    w2c = camera.w2c.double().numpy()
    K = camera.K.double().numpy()
    cam = vertices.astype(np.float64) @ w2c[:3, :3].T + w2c[:3, 3]
    z = cam[:, 2]
    safe = np.where(z > 1e-6, z, 1.0)
    px = K[0, 0] * cam[:, 0] / safe + K[0, 2]
    py = K[1, 1] * cam[:, 1] / safe + K[1, 2]
    rgb = np.empty((camera.height, camera.width, 3), np.float64)
    rgb[:] = background
    zbuf = np.full((camera.height, camera.width), np.inf)
    _raster(px, py, z, faces.astype(np.int64), colors.astype(np.float64), rgb, zbuf)
    return rgb.astype(np.float32), np.isfinite(zbuf)


@numba.njit(cache=True)
def _raster(px, py, z, faces, colors, rgb, zbuf):  # pragma: no cover - numba
    height, width = zbuf.shape
    for f in range(faces.shape[0]):
        a, b, c = faces[f, 0], faces[f, 1], faces[f, 2]
        if z[a] <= 1e-6 or z[b] <= 1e-6 or z[c] <= 1e-6:
            continue
        area = (px[b] - px[a]) * (py[c] - py[a]) - (px[c] - px[a]) * (py[b] - py[a])
        if abs(area) < 1e-12:
            continue
        x0 = max(int(np.floor(min(px[a], px[b], px[c]))), 0)
        x1 = min(int(np.ceil(max(px[a], px[b], px[c]))), width - 1)
        y0 = max(int(np.floor(min(py[a], py[b], py[c]))), 0)
        y1 = min(int(np.ceil(max(py[a], py[b], py[c]))), height - 1)
        for yy in range(y0, y1 + 1):
            cy = yy + 0.5
            for xx in range(x0, x1 + 1):
                cx = xx + 0.5
                wa = ((px[b] - cx) * (py[c] - cy) - (px[c] - cx) * (py[b] - cy)) / area
                wb = ((px[c] - cx) * (py[a] - cy) - (px[a] - cx) * (py[c] - cy)) / area
                wc = 1.0 - wa - wb
                if wa < 0.0 or wb < 0.0 or wc < 0.0:
                    continue
                # Perspective-correct: interpolate 1/z and attribute/z in screen space.
                iz = wa / z[a] + wb / z[b] + wc / z[c]
                depth = 1.0 / iz
                if depth >= zbuf[yy, xx]:
                    continue
                zbuf[yy, xx] = depth
                for ch in range(3):
                    rgb[yy, xx, ch] = depth * (wa * colors[a, ch] / z[a] + wb * colors[b, ch] / z[b]
                                               + wc * colors[c, ch] / z[c])


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """PSNR in dB of two images in [0, 1]."""
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return float("inf") if mse == 0 else 10.0 * np.log10(1.0 / mse)
