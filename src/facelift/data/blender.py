"""``facelift data render-assets``: the paper's data pipeline (§3.1) for user-owned head assets.

Each asset (``.glb .gltf .obj .fbx .blend``) is imported into Blender, run as a Python
module (``bpy``, the optional extra ``pip install 'facelift[blender]'``), normalised to the
SPEC §3 frame, and rendered with Cycles from the same cameras as the procedural data
(:func:`facelift.data.synth.subject_cameras`: the 6 Stage I views and K random views,
radius 2.7, 50° field of view) into the layout of :mod:`facelift.data.layout`, with a
transparent film (RGBA PNG, straight alpha) at 512² by default.

Normalisation (:func:`normalisation`): Blender's importers already turn glTF / OBJ / FBX
into Blender's Z-up frame with the asset's "forward" (+Z in glTF and OBJ) toward -Y,
which is SPEC §3's face direction. The bounding box of all meshes is then centred at the
origin and scaled so its largest half-extent is ``fit`` (0.9: inside about [-1, 1]³);
``yaw`` turns assets that face elsewhere.

Lighting (:func:`sample_lighting`): "ambient" is a uniform white world; "environment" is
an HDR map drawn from ``--hdri`` with a random rotation about Z and a random strength.
Without ``--hdri`` every subject is ambient.

Cameras: our OpenCV camera-to-world becomes Blender's ``matrix_world`` by flipping the
camera's y and z axes (Blender cameras look down their -Z with +Y up); the focal length
and principal point become ``lens``/``sensor_width`` and ``shift_x``/``shift_y``
(:func:`blender_camera_params`). A test renders a marker with both renderers and checks
it lands on the same pixel.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from PIL import Image
from tqdm import tqdm

from facelift.atomic import atomic_dir
from facelift.cameras import Camera, opencv_to_opengl, write_transforms
from facelift.data import layout
from facelift.data.inputs import find_files
from facelift.data.procedural.envmap import find_hdris
from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

ASSET_EXTENSIONS = (".glb", ".gltf", ".obj", ".fbx", ".blend")
RENDERER_VERSION = "facelift-blender-1"
_SENSOR_WIDTH_MM = 36.0


@dataclass(frozen=True)
class AssetRenderConfig:
    resolution: int = 512
    random_views: int = 32
    elevation_range: tuple[float, float] = (-20.0, 40.0)
    samples: int = 128
    ambient_fraction: float = 0.5       # share of ambient-lit subjects when HDRIs are given
    ambient_strength: tuple[float, float] = (0.9, 1.1)
    hdri_strength: tuple[float, float] = (0.5, 2.0)
    fit: float = 0.9                    # largest half-extent after normalisation
    yaw: float = 0.0                    # extra turn about +Z after import, degrees
    seed: int = 0
    val_fraction: float = 0.05
    test_fraction: float = 0.05

    def validate(self) -> None:
        if not 16 <= self.resolution <= 4096:
            raise FaceliftError(f"--resolution must be in [16, 4096], got {self.resolution}")
        if self.random_views < 0 or self.samples < 1:
            raise FaceliftError("--random-views must be >= 0 and --samples >= 1")
        if not 0 <= self.ambient_fraction <= 1:
            raise FaceliftError(f"--ambient-fraction must be in [0, 1], got {self.ambient_fraction}")
        if not 0 < self.fit <= 1.5:
            raise FaceliftError(f"fit must be in (0, 1.5], got {self.fit}")


# ------------------------------------------------------------------ pure logic


def normalisation(bbox_min, bbox_max, fit: float = 0.9, yaw: float = 0.0) -> np.ndarray:
    """(4, 4) world transform that centres the box at the origin, scales its largest
    half-extent to ``fit`` and turns it by ``yaw`` degrees about +Z."""
    lo = np.asarray(bbox_min, dtype=np.float64)
    hi = np.asarray(bbox_max, dtype=np.float64)
    if lo.shape != (3,) or hi.shape != (3,) or not np.all(np.isfinite(lo)) or not np.all(hi >= lo):
        raise FaceliftError(f"invalid asset bounding box {lo.tolist()} .. {hi.tolist()}")
    half = float((hi - lo).max()) / 2
    if half <= 0:
        raise FaceliftError("asset has no extent (all vertices at one point)")
    s = fit / half
    c = (lo + hi) / 2
    a = math.radians(yaw)
    rz = np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]])
    m = np.eye(4)
    m[:3, :3] = s * rz
    m[:3, 3] = -s * rz @ c
    return m


def blender_camera_params(camera: Camera) -> dict:
    """Blender camera settings reproducing one pinhole ``camera`` (no batch).

    Returns ``matrix_world`` (4x4 nested lists, OpenGL axes), ``lens`` and
    ``sensor_width`` in mm (horizontal sensor fit), ``shift_x``/``shift_y`` (fractions
    of the larger image side), and the resolution.
    """
    if camera.batch_shape:
        raise FaceliftError("blender_camera_params takes a single camera")
    w, h = camera.width, camera.height
    fx, fy = float(camera.fx), float(camera.fy)
    if abs(fx - fy) > 1e-3 * fx:
        raise FaceliftError(f"Blender cameras need square pixels, got fx={fx}, fy={fy}")
    # Blender measures the sensor along the larger side under sensor_fit AUTO; we fit
    # horizontally and scale the shift by the larger side, as Blender defines it.
    lens = fx * _SENSOR_WIDTH_MM / w
    side = max(w, h)
    return {
        "matrix_world": opencv_to_opengl(camera.c2w.double()).tolist(),
        "lens": lens, "sensor_width": _SENSOR_WIDTH_MM,
        "shift_x": (w / 2 - float(camera.cx)) / side,
        "shift_y": (float(camera.cy) - h / 2) / side,
        "resolution": (w, h),
    }


def sample_lighting(rng: np.random.Generator, hdris: list[Path], cfg: AssetRenderConfig) -> dict:
    """Ambient or a random HDR environment (path, rotation about Z, strength)."""
    if not hdris or rng.uniform() < cfg.ambient_fraction:
        return {"kind": "ambient", "strength": float(rng.uniform(*cfg.ambient_strength))}
    return {"kind": "environment", "hdri": str(hdris[int(rng.integers(len(hdris)))]),
            "rotation_z": float(rng.uniform(0.0, 360.0)), "strength": float(rng.uniform(*cfg.hdri_strength))}


def find_assets(folder: Path) -> list[Path]:
    return find_files(folder, ASSET_EXTENSIONS, "--assets", "head assets")


def subject_names(assets: list[Path], root: Path) -> list[str]:
    """Folder-safe, unique subject names from the asset paths."""
    names, seen = [], {}
    for p in assets:
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", str(p.relative_to(root).with_suffix(""))).strip("_") or "asset"
        k = seen.get(stem, 0)
        seen[stem] = k + 1
        names.append(stem if k == 0 else f"{stem}_{k}")
    return names


# ------------------------------------------------------------------------- bpy


def _require_bpy():
    try:
        import bpy  # noqa: F401
    except ImportError as e:
        raise FaceliftError("Blender rendering needs the bpy module: pip install 'facelift[blender]' "
                            f"(Python 3.11, Linux/macOS/Windows x86-64) ({e})") from None
    return bpy


@contextlib.contextmanager
def _quiet_stdout():
    """Blender prints a line per render and import straight to file descriptor 1; keep
    it off the terminal (and the progress bar) unless debugging."""
    if log.isEnabledFor(logging.DEBUG):
        yield
        return
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _import_asset(bpy, path: Path) -> None:
    ext = path.suffix.lower()
    try:
        if ext in (".glb", ".gltf"):
            bpy.ops.import_scene.gltf(filepath=str(path))
        elif ext == ".obj":
            bpy.ops.wm.obj_import(filepath=str(path))
        elif ext == ".fbx":
            bpy.ops.import_scene.fbx(filepath=str(path))
        elif ext == ".blend":
            with bpy.data.libraries.load(str(path), link=False) as (src, dst):
                dst.objects = list(src.objects)
            for ob in dst.objects:
                if ob is not None and ob.type != "CAMERA" and ob.type != "LIGHT":
                    bpy.context.scene.collection.objects.link(ob)
        else:
            raise FaceliftError(f"{path}: unsupported asset type {ext}")
    except RuntimeError as e:  # bpy operators report failures as RuntimeError
        raise FaceliftError(f"{path}: Blender could not import it ({str(e).strip()})") from None


def _mesh_bbox(bpy) -> tuple[np.ndarray, np.ndarray]:
    depsgraph = bpy.context.evaluated_depsgraph_get()
    lo, hi = np.full(3, np.inf), np.full(3, -np.inf)
    for ob in bpy.context.scene.objects:
        if ob.type != "MESH":
            continue
        ev = ob.evaluated_get(depsgraph)
        mesh = ev.to_mesh()
        if len(mesh.vertices):
            co = np.empty(len(mesh.vertices) * 3)
            mesh.vertices.foreach_get("co", co)
            co = co.reshape(-1, 3)
            m = np.array(ob.matrix_world)
            world = co @ m[:3, :3].T + m[:3, 3]
            lo, hi = np.minimum(lo, world.min(0)), np.maximum(hi, world.max(0))
        ev.to_mesh_clear()
    if not np.all(np.isfinite(lo)):
        raise FaceliftError("asset has no mesh vertices")
    return lo, hi


def _setup_scene(bpy, cfg: AssetRenderConfig, lighting: dict) -> None:
    import mathutils

    scene = bpy.context.scene
    scene.render.engine = "CYCLES"
    scene.cycles.device = "CPU"
    scene.cycles.samples = cfg.samples
    scene.render.film_transparent = True
    # Keep the scene's render data (BVH, the environment's importance map) between the
    # views: only the camera moves.
    scene.render.use_persistent_data = True
    scene.render.resolution_x = scene.render.resolution_y = cfg.resolution
    scene.render.resolution_percentage = 100
    scene.render.image_settings.file_format = "PNG"
    scene.render.image_settings.color_mode = "RGBA"
    scene.render.image_settings.color_depth = "8"
    scene.view_settings.view_transform = "Standard"  # no filmic tone curve: albedo stays albedo
    world = bpy.data.worlds.new("facelift_world")
    scene.world = world
    nodes = world.node_tree.nodes
    links = world.node_tree.links
    nodes.clear()
    out = nodes.new("ShaderNodeOutputWorld")
    bg = nodes.new("ShaderNodeBackground")
    bg.inputs["Strength"].default_value = lighting["strength"]
    links.new(bg.outputs["Background"], out.inputs["Surface"])
    if lighting["kind"] == "ambient":
        bg.inputs["Color"].default_value = (1.0, 1.0, 1.0, 1.0)
    else:
        env = nodes.new("ShaderNodeTexEnvironment")
        env.image = bpy.data.images.load(lighting["hdri"])
        mapping = nodes.new("ShaderNodeMapping")
        coord = nodes.new("ShaderNodeTexCoord")
        mapping.inputs["Rotation"].default_value = mathutils.Euler((0.0, 0.0, math.radians(lighting["rotation_z"])))
        links.new(coord.outputs["Generated"], mapping.inputs["Vector"])
        links.new(mapping.outputs["Vector"], env.inputs["Vector"])
        links.new(env.outputs["Color"], bg.inputs["Color"])


def render_asset(asset: Path, folder: Path, cameras: Camera, views: list[dict], lighting: dict,
                 cfg: AssetRenderConfig, extra_meta: dict | None = None) -> None:
    """Import, normalise and render one asset into subject ``folder`` (atomically)."""
    bpy = _require_bpy()
    import mathutils

    with _quiet_stdout():
        bpy.ops.wm.read_factory_settings(use_empty=True)
        _import_asset(bpy, asset)
    lo, hi = _mesh_bbox(bpy)
    norm = normalisation(lo, hi, cfg.fit, cfg.yaw)
    m = mathutils.Matrix(norm.tolist())
    for ob in bpy.context.scene.objects:
        if ob.parent is None:
            ob.matrix_world = m @ ob.matrix_world
    _setup_scene(bpy, cfg, lighting)
    scene = bpy.context.scene
    cam_data = bpy.data.cameras.new("facelift_camera")
    cam_obj = bpy.data.objects.new("facelift_camera", cam_data)
    scene.collection.objects.link(cam_obj)
    scene.camera = cam_obj
    cam_data.sensor_fit = "HORIZONTAL"
    cam_data.clip_start, cam_data.clip_end = 0.01, 100.0
    with atomic_dir(folder) as tmp:
        (tmp / "images").mkdir()
        names = [layout.image_name(i) for i in range(len(cameras))]
        for i, name in enumerate(names):
            p = blender_camera_params(cameras[i])
            cam_obj.matrix_world = mathutils.Matrix(p["matrix_world"])
            cam_data.lens, cam_data.sensor_width = p["lens"], p["sensor_width"]
            cam_data.shift_x, cam_data.shift_y = p["shift_x"], p["shift_y"]
            scene.render.filepath = str(tmp / name)
            with _quiet_stdout():
                bpy.ops.render.render(write_still=True)
            with Image.open(tmp / name) as im:  # Blender writes straight alpha; make sure it is RGBA
                if im.mode != "RGBA":
                    im.convert("RGBA").save(tmp / name)
        write_transforms(tmp / "transforms.json", cameras, names,
                         extra={"facelift_layout": layout.LAYOUT_VERSION,
                                "facelift_fixed_views": layout.NUM_FIXED_VIEWS})
        meta = {"generator": RENDERER_VERSION, "asset": str(asset), "lighting": lighting["kind"],
                "lighting_params": lighting, "normalisation": norm.tolist(),
                "bbox": [lo.tolist(), hi.tolist()], "resolution": cfg.resolution,
                "num_fixed_views": layout.NUM_FIXED_VIEWS, "views": views, "alpha": "straight",
                "blender": bpy.app.version_string, **(extra_meta or {})}
        (tmp / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True))


def render_assets(assets_dir: str | Path, out: str | Path, hdri_dir: str | Path | None = None,
                  cfg: AssetRenderConfig | None = None, progress: bool = True) -> Path:
    """Render every asset under ``assets_dir`` into the dataset ``out`` (resumable).

    Subjects are named after the asset paths; each asset is one identity for the
    train / val / test split. Returns the path of ``index.json``.
    """
    from facelift.data.synth import SynthConfig, subject_cameras

    cfg = cfg or AssetRenderConfig()
    cfg.validate()
    assets_dir, out = Path(assets_dir), Path(out)
    assets = find_assets(assets_dir)
    hdris = find_hdris(Path(hdri_dir) if hdri_dir is not None else None)
    _require_bpy()
    out.mkdir(parents=True, exist_ok=True)
    for p in out.iterdir():
        if p.is_dir() and p.name.startswith(".") and p.name.endswith((".tmp", ".old")):
            shutil.rmtree(p, ignore_errors=True)
    names = subject_names(assets, assets_dir)
    splits = layout.split_identities(names, cfg.seed, cfg.val_fraction, cfg.test_fraction)
    entries = [{"name": n, "split": splits[n], "identity": n, "asset": str(a)} for n, a in zip(names, assets)]
    info = {"generator": RENDERER_VERSION, "config": asdict(cfg)}
    layout.write_index(out, entries, {**info, "complete": False})
    rig = SynthConfig(resolution=cfg.resolution, random_views=cfg.random_views,
                      elevation_range=cfg.elevation_range, seed=cfg.seed)
    todo = [k for k, n in enumerate(names) if not layout.is_complete(out / n)]
    with tqdm(total=len(names), initial=len(names) - len(todo), unit="asset", disable=not progress,
              desc="render-assets") as bar:
        for k in todo:
            cams, views = subject_cameras(rig, k, 0)
            rng = np.random.default_rng(np.random.SeedSequence([cfg.seed, k, 404]))
            lighting = sample_lighting(rng, hdris, cfg)
            render_asset(assets[k], out / names[k], cams, views, lighting, cfg, {"subject": names[k]})
            bar.update(1)
    layout.write_index(out, entries, {**info, "complete": True})
    return out / layout.INDEX_NAME
