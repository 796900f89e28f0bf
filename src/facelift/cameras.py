"""Cameras: pinhole intrinsics, poses, the FaceLift orbit rig, ray maps, transforms.json.

Conventions (SPEC §3, the public release's, so its weights see the rays they were
trained on):

* World is **Z-up**; the head sits at the origin inside about [-1, 1]^3 and looks
  toward **-Y**. The subject's right is world -X.
* Cameras are stored in the **OpenCV** convention (x right, y down, z forward) as
  camera-to-world 4x4 matrices ``c2w``. OpenGL / Blender / nerfstudio use x right,
  y up, z back; :func:`opencv_to_opengl` converts (it is its own inverse).
* Orbit cameras sit on a sphere of radius 2.7 with a 50° field of view
  (fx = fy = 548.99, cx = cy = 256 at 512²). Azimuth 0 is the frontal camera at
  (0, -2.7, 0); positive azimuth moves the camera toward the subject's right
  (world -X), so azimuth 90° is the "right" view at (-2.7, 0, 0). Positive elevation
  lifts the camera toward +Z.
* Pixel centres are at +0.5: pixel (u, v) spans [u, u+1) x [v, v+1).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import torch
from torch import Tensor

from facelift.atomic import atomic_write_text
from facelift.errors import FaceliftError

RADIUS = 2.7
FOV_DEG = 50.0
IMAGE_SIZE = 512

#: The six Stage I views of FaceLift, in the release's order, as (name, azimuth°).
FACELIFT_VIEWS: tuple[tuple[str, float], ...] = (
    ("front", 0.0),
    ("front_right", 45.0),
    ("right", 90.0),
    ("back", 180.0),
    ("left", 270.0),
    ("front_left", 315.0),
)
VIEW_NAMES: tuple[str, ...] = tuple(name for name, _ in FACELIFT_VIEWS)
VIEW_AZIMUTHS: tuple[float, ...] = tuple(az for _, az in FACELIFT_VIEWS)

# Flipping y and z turns an OpenCV camera frame into an OpenGL one and back.
_CV_GL_FLIP = torch.diag(torch.tensor([1.0, -1.0, -1.0, 1.0], dtype=torch.float64))


def focal_from_fov(fov_deg: float, size: int) -> float:
    """Focal length in pixels for a field of view spanning ``size`` pixels."""
    if not 0.0 < fov_deg < 180.0:
        raise FaceliftError(f"field of view must be in (0, 180) degrees, got {fov_deg}")
    return 0.5 * size / math.tan(math.radians(fov_deg) / 2.0)


def fov_from_focal(focal: float, size: int) -> float:
    """Inverse of :func:`focal_from_fov`, in degrees."""
    return math.degrees(2.0 * math.atan(0.5 * size / focal))


def intrinsics_matrix(fx: float, fy: float, cx: float, cy: float) -> Tensor:
    """3x3 pinhole matrix K (float32)."""
    return torch.tensor([[fx, 0.0, cx], [0.0, fy, cy], [0.0, 0.0, 1.0]], dtype=torch.float32)


def opencv_to_opengl(c2w: Tensor) -> Tensor:
    """Convert camera-to-world matrices (..., 4, 4) between OpenCV and OpenGL.

    The same right-multiplication by diag(1, -1, -1, 1) works in both directions.
    """
    return c2w @ _CV_GL_FLIP.to(c2w)


opengl_to_opencv = opencv_to_opengl


@dataclass(frozen=True)
class Camera:
    """One pinhole camera (or a batch, sharing the image size).

    Attributes:
        c2w: (..., 4, 4) camera-to-world, OpenCV convention, float32.
        K: (..., 3, 3) intrinsics in pixels for a ``width`` x ``height`` image.
        width, height: image size in pixels.
    """

    c2w: Tensor
    K: Tensor
    width: int
    height: int

    def __post_init__(self) -> None:
        if self.c2w.shape[-2:] != (4, 4) or self.K.shape[-2:] != (3, 3):
            raise FaceliftError(
                f"camera needs c2w (...,4,4) and K (...,3,3), got {tuple(self.c2w.shape)} "
                f"and {tuple(self.K.shape)}"
            )
        if self.width <= 0 or self.height <= 0:
            raise FaceliftError(f"camera image size must be positive, got {self.width}x{self.height}")

    @classmethod
    def from_fov(cls, c2w: Tensor, fov_deg: float, width: int, height: int | None = None) -> "Camera":
        """Square pixels, principal point at the image centre, ``fov_deg`` across the width."""
        height = width if height is None else height
        f = focal_from_fov(fov_deg, width)
        K = intrinsics_matrix(f, f, width / 2.0, height / 2.0)
        c2w = c2w.to(torch.float32)
        return cls(c2w=c2w, K=K.expand(*c2w.shape[:-2], 3, 3).clone(), width=width, height=height)

    @property
    def w2c(self) -> Tensor:
        """(..., 4, 4) world-to-camera (the "viewmat" of gsplat)."""
        return torch.linalg.inv(self.c2w)

    @property
    def position(self) -> Tensor:
        """(..., 3) camera centre in world coordinates."""
        return self.c2w[..., :3, 3]

    @property
    def fx(self) -> Tensor:
        return self.K[..., 0, 0]

    @property
    def fy(self) -> Tensor:
        return self.K[..., 1, 1]

    @property
    def cx(self) -> Tensor:
        return self.K[..., 0, 2]

    @property
    def cy(self) -> Tensor:
        return self.K[..., 1, 2]

    @property
    def batch_shape(self) -> torch.Size:
        return self.c2w.shape[:-2]

    def __len__(self) -> int:
        if not self.batch_shape:
            raise TypeError("a single camera has no length")
        return self.batch_shape[0]

    def __getitem__(self, index) -> "Camera":
        if not self.batch_shape:
            raise TypeError("a single camera cannot be indexed")
        return replace(self, c2w=self.c2w[index], K=self.K[index])

    def to(self, device: torch.device | str) -> "Camera":
        return replace(self, c2w=self.c2w.to(device), K=self.K.to(device))

    def resized(self, width: int, height: int | None = None) -> "Camera":
        """The same camera for an image resampled to ``width`` x ``height``."""
        height = width if height is None else height
        scale = torch.tensor([width / self.width, height / self.height, 1.0], dtype=self.K.dtype)
        K = self.K * scale.to(self.K.device)[:, None]
        return replace(self, K=K, width=width, height=height)

    @staticmethod
    def stack(cameras: Sequence["Camera"]) -> "Camera":
        """Stack single cameras of one image size into a batch (N, ...)."""
        if not cameras:
            raise FaceliftError("cannot stack an empty list of cameras")
        sizes = {(c.width, c.height) for c in cameras}
        if len(sizes) != 1:
            raise FaceliftError(f"cameras to stack must share an image size, got {sorted(sizes)}")
        w, h = sizes.pop()
        return Camera(
            c2w=torch.stack([c.c2w for c in cameras]),
            K=torch.stack([c.K for c in cameras]),
            width=w,
            height=h,
        )


def look_at(eye: Tensor, target: Tensor | None = None, up: Tensor | None = None) -> Tensor:
    """OpenCV camera-to-world (4, 4) at ``eye`` looking at ``target`` with world ``up`` (+Z).

    Raises if the viewing direction is parallel to ``up`` (straight above or below).
    """
    eye = torch.as_tensor(eye, dtype=torch.float64)
    target = torch.zeros(3, dtype=torch.float64) if target is None else torch.as_tensor(target, dtype=torch.float64)
    up = torch.tensor([0.0, 0.0, 1.0], dtype=torch.float64) if up is None else torch.as_tensor(up, dtype=torch.float64)
    forward = target - eye
    forward = forward / forward.norm()
    right = torch.linalg.cross(forward, up)
    if right.norm() < 1e-8:
        raise FaceliftError("look_at: viewing direction is parallel to the up vector (elevation ±90°)")
    right = right / right.norm()
    down = torch.linalg.cross(forward, right)
    c2w = torch.eye(4, dtype=torch.float64)
    c2w[:3, 0], c2w[:3, 1], c2w[:3, 2], c2w[:3, 3] = right, down, forward, eye
    return c2w.to(torch.float32)


def orbit_position(azimuth_deg: float, elevation_deg: float = 0.0, radius: float = RADIUS) -> Tensor:
    """World position (3,) of an orbit camera (azimuth 0 = front at -Y, 90 = subject's right at -X)."""
    az, el = math.radians(azimuth_deg), math.radians(elevation_deg)
    return torch.tensor(
        [-math.sin(az) * math.cos(el) * radius, -math.cos(az) * math.cos(el) * radius, math.sin(el) * radius],
        dtype=torch.float64,
    )


def orbit_camera(
    azimuth: float,
    elevation: float = 0.0,
    radius: float = RADIUS,
    fov: float = FOV_DEG,
    size: int | tuple[int, int] = IMAGE_SIZE,
) -> Camera:
    """A camera on the orbit sphere, looking at the origin, image-up toward world +Z.

    Args:
        azimuth, elevation: degrees; see the module docstring for the convention.
        radius: distance to the origin.
        fov: field of view in degrees across the image width.
        size: square size in pixels, or (width, height).
    """
    if not -90.0 < elevation < 90.0:
        raise FaceliftError(f"orbit elevation must be strictly between -90 and 90 degrees, got {elevation}")
    if radius <= 0:
        raise FaceliftError(f"orbit radius must be positive, got {radius}")
    width, height = (size, size) if isinstance(size, int) else size
    return Camera.from_fov(look_at(orbit_position(azimuth, elevation, radius)), fov, width, height)


def facelift_cameras(size: int = IMAGE_SIZE, azimuth_offset: float = 0.0) -> Camera:
    """The six Stage I cameras (6, ...) in the order of :data:`FACELIFT_VIEWS`."""
    return Camera.stack([orbit_camera(az + azimuth_offset, 0.0, RADIUS, FOV_DEG, size) for az in VIEW_AZIMUTHS])


def turntable_cameras(
    frames: int,
    elevation: float = 0.0,
    radius: float = RADIUS,
    fov: float = FOV_DEG,
    size: int | tuple[int, int] = IMAGE_SIZE,
    start_azimuth: float = 0.0,
    toward: str = "left",
) -> Camera:
    """``frames`` cameras evenly spaced over 360° of azimuth, starting at the front.

    ``toward``: the side the camera moves to first, the subject's ``"left"`` (as the
    release's ``render_turntable``: its azimuths run 270° → 630° in world XY, so from the
    front toward +X) or ``"right"``.
    """
    if frames < 1:
        raise FaceliftError(f"a turntable needs at least one frame, got {frames}")
    if toward not in ("left", "right"):
        raise FaceliftError(f"turntable direction must be 'left' or 'right', got {toward!r}")
    # Positive azimuth moves toward the subject's right (module docstring).
    step = (360.0 if toward == "right" else -360.0) / frames
    return Camera.stack(
        [orbit_camera(start_azimuth + i * step, elevation, radius, fov, size) for i in range(frames)]
    )


# ----------------------------------------------------------------------------- rays


def ray_directions(camera: Camera) -> tuple[Tensor, Tensor]:
    """Per-pixel rays through the pixel centres.

    Returns:
        origins: (..., 3, H, W) camera centre, broadcast per pixel.
        directions: (..., 3, H, W) unit directions in world space.
    """
    H, W = camera.height, camera.width
    device = camera.c2w.device
    v, u = torch.meshgrid(
        torch.arange(H, dtype=torch.float32, device=device) + 0.5,
        torch.arange(W, dtype=torch.float32, device=device) + 0.5,
        indexing="ij",
    )  # (H, W)
    fx, fy, cx, cy = (t[..., None, None] for t in (camera.fx, camera.fy, camera.cx, camera.cy))
    x = (u - cx) / fx
    y = (v - cy) / fy
    dirs_cam = torch.stack([x, y, torch.ones_like(x)], dim=-3)  # (..., 3, H, W)
    R = camera.c2w[..., :3, :3]
    dirs = torch.einsum("...ij,...jhw->...ihw", R, dirs_cam)
    dirs = dirs / dirs.norm(dim=-3, keepdim=True)
    origins = camera.position[..., :, None, None].expand_as(dirs)
    return origins, dirs


def ray_map(camera: Camera, code: str = "nearest") -> Tensor:
    """A (..., 6, H, W) ray map: unit direction d, then a 3-vector ray code.

    ``code="nearest"``: the ray's point nearest the origin, o + (-o·d) d (what the
    public GS-LRM feeds its transformer). ``code="moment"``: the Plücker moment o x d.
    Both are independent of which point on the ray is taken as o.
    """
    origins, dirs = ray_directions(camera)
    if code == "nearest":
        t = -(origins * dirs).sum(dim=-3, keepdim=True)
        second = origins + t * dirs
    elif code == "moment":
        second = torch.linalg.cross(origins, dirs, dim=-3)
    else:
        raise FaceliftError(f"unknown ray code {code!r}: expected 'nearest' or 'moment'")
    return torch.cat([dirs, second], dim=-3)


# ------------------------------------------------------------------ transforms.json


def write_transforms(path: str | Path, camera: Camera, file_paths: Sequence[str] | None = None,
                     extra: dict | None = None) -> None:
    """Write a batch of cameras (N, ...) as a nerfstudio ``transforms.json`` (atomically).

    Each frame gets its own ``transform_matrix`` (camera-to-world, OpenGL) and its
    own intrinsics, so rigs with differing focal lengths survive the round trip.
    """
    cams = camera if camera.batch_shape else Camera.stack([camera])
    n = len(cams)
    if file_paths is None:
        file_paths = [f"images/{i:03d}.png" for i in range(n)]
    if len(file_paths) != n:
        raise FaceliftError(f"write_transforms: {n} cameras but {len(file_paths)} file paths")
    gl = opencv_to_opengl(cams.c2w.double())
    frames = []
    for i in range(n):
        frames.append({
            "file_path": str(file_paths[i]),
            "transform_matrix": gl[i].tolist(),
            "fl_x": float(cams.fx[i]), "fl_y": float(cams.fy[i]),
            "cx": float(cams.cx[i]), "cy": float(cams.cy[i]),
            "w": cams.width, "h": cams.height,
        })
    data = {
        "camera_model": "OPENCV",
        "fl_x": frames[0]["fl_x"], "fl_y": frames[0]["fl_y"],
        "cx": frames[0]["cx"], "cy": frames[0]["cy"],
        "w": cams.width, "h": cams.height,
        **(extra or {}),
        "frames": frames,
    }
    atomic_write_text(Path(path), json.dumps(data, indent=2))


def read_transforms(path: str | Path) -> tuple[Camera, list[str], dict]:
    """Read a nerfstudio / instant-ngp ``transforms.json``.

    Accepts per-frame or top-level intrinsics (``fl_x``/``fl_y``/``cx``/``cy``/``w``/``h``,
    or ``camera_angle_x`` as instant-ngp writes). Returns the cameras (N, ...) in
    OpenCV convention, the frames' ``file_path`` strings, and the whole JSON.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError:
        raise FaceliftError(f"{path}: transforms.json not found") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise FaceliftError(f"{path}: not valid JSON ({e})") from None
    frames = data.get("frames") if isinstance(data, dict) else None
    if not frames:
        raise FaceliftError(f"{path}: no 'frames' list")
    c2ws, Ks, names, sizes = [], [], [], set()
    for i, fr in enumerate(frames):
        def get(key, _fr=fr):
            return _fr.get(key, data.get(key))
        try:
            w, h = int(get("w")), int(get("h"))
            if get("fl_x") is not None:
                fx = float(get("fl_x"))
                fy = float(get("fl_y") if get("fl_y") is not None else fx)
            elif get("camera_angle_x") is not None:
                fx = fy = 0.5 * w / math.tan(0.5 * float(get("camera_angle_x")))
            else:
                raise KeyError("fl_x")
            cx = float(get("cx")) if get("cx") is not None else w / 2.0
            cy = float(get("cy")) if get("cy") is not None else h / 2.0
            m = torch.tensor(fr["transform_matrix"], dtype=torch.float64)
            if m.shape == (3, 4):
                m = torch.cat([m, torch.tensor([[0.0, 0.0, 0.0, 1.0]], dtype=torch.float64)])
            if m.shape != (4, 4):
                raise ValueError(f"transform_matrix has shape {tuple(m.shape)}")
        except (KeyError, TypeError, ValueError) as e:
            raise FaceliftError(f"{path}: frame {i} is missing or has a bad {e}") from None
        sizes.add((w, h))
        c2ws.append(opengl_to_opencv(m).float())
        Ks.append(intrinsics_matrix(fx, fy, cx, cy))
        names.append(str(fr.get("file_path", "")))
    if len(sizes) != 1:
        raise FaceliftError(f"{path}: frames have different image sizes {sorted(sizes)}")
    w, h = sizes.pop()
    return Camera(c2w=torch.stack(c2ws), K=torch.stack(Ks), width=w, height=h), names, data
