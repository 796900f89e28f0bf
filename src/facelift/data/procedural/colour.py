"""Colours: skin, lips, brows, hair, beard, clothes and a hat on the surface samples, and the eyes."""

from __future__ import annotations

import math

import numpy as np

from facelift.data import sdf
from facelift.data.procedural.geometry import _SCALE, HeadShape, _smoothstep
from facelift.data.procedural.params import _HAIR_COLOURS, PART, _rng


def _mix(a: np.ndarray, b, w: np.ndarray) -> np.ndarray:
    return a * (1 - w[:, None]) + np.asarray(b, np.float32) * w[:, None]


def _surface_colours(shape: HeadShape, p: np.ndarray, spacing: float) -> tuple[np.ndarray, np.ndarray]:
    """Albedo (N, 3) and part labels (N,) of skin / hair / beard surface points ``spacing`` apart."""
    i, a = shape.ident, shape.app
    n = len(p)
    q = shape.to_head(p)
    parts = shape.parts(p)
    names = list(parts)
    which = np.argmin(np.stack([parts[k] for k in names]), axis=0)
    labels = np.array([PART[k] for k in names])[which]
    skin_rgb = np.asarray(i.skin_rgb, np.float32)
    albedo = np.tile(skin_rgb, (n, 1)) * (1 + 0.035 * shape.skin_noise(q))[:, None]

    # Cheeks and nose are a little redder; the lips are a darker, redder skin.
    blush = np.exp(-(((np.abs(q[:, 0]) - 0.17) / 0.07) ** 2 + ((q[:, 2] + 0.06) / 0.06) ** 2)) * (q[:, 1] < -0.1)
    dn = q - shape.nose_tip
    blush += 0.6 * np.exp(-sdf.dot(dn, dn) / 0.03 ** 2)
    albedo = _mix(albedo, skin_rgb * np.array([1.0, 0.72, 0.7], np.float32), 0.35 * np.clip(blush, 0, 1))
    upper, lower = shape.lips(q)
    lip_w = 1 - _smoothstep(0.0, 0.006, np.minimum(upper, lower))
    lip_rgb = skin_rgb * np.array([0.85, 0.62, 0.62], np.float32) + np.array([0.03, 0.0, 0.0], np.float32)
    albedo = _mix(albedo, lip_rgb, lip_w)
    labels = np.where((labels == PART["skin"]) & (lip_w > 0.5), PART["lips"], labels)
    # Closed lips meet in a dark line; an open mouth shows a dark cavity and upper teeth.
    w = shape._lip_frame(q)
    front = q[:, 1] < shape.mouth_y + 0.04
    if a.mouth_open > 0:
        cav = shape.mouth_cavity(q)
        inside = (cav < 0.004) & front & (np.minimum(upper, lower) > -0.002)
        rel = (w[:, 2] - (shape.mouth_z - 0.0175 * a.mouth_open)) / (0.003 + 0.024 * a.mouth_open)
        teeth = inside & (rel > 0.25) & (np.abs(q[:, 0]) < 0.045 * i.lip_width)
        albedo[inside] = (0.28, 0.07, 0.08)
        albedo[teeth] = (0.93, 0.91, 0.85)
        labels = np.where(inside & np.isin(labels, [PART["skin"], PART["lips"]]), PART["mouth"], labels)
    else:
        line = np.exp(-((w[:, 2] - shape.mouth_z) / 0.004) ** 2) * (np.abs(q[:, 0]) < 0.07 * i.lip_width) * front
        albedo = _mix(albedo, lip_rgb * 0.35, np.clip(line, 0, 1).astype(np.float32))

    # Eyebrows: an arched band above each eye, hairs suggested by fine noise.
    brow_rgb = np.asarray(i.natural_hair_rgb, np.float32) * 0.8
    ax = np.abs(q[:, 0]) - i.eye_spacing / 2
    arch = 0.012 * i.brow_arch * (1 - (ax / 0.07) ** 2)
    zb = shape.eye_z + 0.075 + a.brow_raise + arch - 0.15 * np.clip(ax, 0, None) ** 2 * 10
    band = (1 - _smoothstep(i.brow_thickness * 0.35, i.brow_thickness * 0.6, np.abs(q[:, 2] - zb)))
    band *= 1 - _smoothstep(0.055, 0.075, np.abs(ax + 0.01))
    band *= (q[:, 1] < -0.15)
    band *= np.clip(0.75 + 0.5 * shape.fine_noise(q), 0, 1)
    albedo = _mix(albedo, brow_rgb, band.astype(np.float32))
    labels = np.where((labels == PART["skin"]) & (band > 0.5), PART["brow"], labels)

    # Stubble tints the beard area; a full beard is its own surface, coloured like hair.
    beard_rgb = np.asarray(a.hair_rgb if a.hair_colour in _HAIR_COLOURS else i.natural_hair_rgb, np.float32)
    if a.beard == "stubble":
        stub = (1 - _smoothstep(-0.01, 0.02, shape.beard_region(q))) * (labels == PART["skin"])
        albedo = _mix(albedo, beard_rgb * 0.8 + skin_rgb * 0.2, 0.3 * stub.astype(np.float32))

    # Clothes: the torso below a crew or V neckline.
    m = shape.to_model(p)
    ax = np.abs(m[:, 0])
    neck_z = -0.86 + 0.35 * ax ** 2 if a.neckline == "crew" else -0.98 + 0.9 * ax
    cloth = (m[:, 2] < neck_z) & (labels == PART["skin"])
    fabric = 1 + 0.05 * shape.fine_noise(m)
    albedo[cloth] = np.asarray(a.clothes_rgb, np.float32) * fabric[cloth, None]
    if a.clothes_pattern != "plain" and cloth.any():
        # Soft-edged stripes (across the chest) or checks, ~0.12 model units apart.
        wave = 2 * math.pi / 0.12
        z = np.sin(wave * m[cloth, 2])
        pattern = z if a.clothes_pattern == "stripes" else z * np.sin(wave * m[cloth, 0])
        w = _smoothstep(-0.3, 0.3, pattern).astype(np.float32)
        albedo[cloth] = _mix(albedo[cloth], np.asarray(a.pattern_rgb, np.float32)[None] * fabric[cloth, None], w)
    labels = np.where(cloth, PART["clothes"], labels)
    if a.freckles > 0:
        # Small darker spots over the nose and upper cheeks, denser with ``freckles``.
        w = (0.6 * _freckles(shape, q) * (labels == PART["skin"])).astype(np.float32)
        albedo = _mix(albedo, skin_rgb * np.array([0.78, 0.6, 0.48], np.float32), w)

    # Hair: strands as streaks running from the crown, plus slow colour variation.
    hair = (labels == PART["hair"]) | (labels == PART["beard"])
    if hair.any():
        v = q[hair] - shape.cranium_c
        az = sdf.atan2(v[:, 0], -v[:, 1])
        # Strands fade out when the samples are too sparse to resolve them (low resolution):
        # sampled below ~2 points per period they would alias into blotches.
        period = 2 * math.pi * float(shape.cranium_r[0]) * _SCALE / 70
        resolve = float(_smoothstep(1.5, 3.0, np.float32(period / spacing)))
        streak = np.sin(70 * az + 1.5 * shape.hair_noise(q[hair])) * 0.5 + 0.5
        shade = 0.72 + 0.28 * (0.5 + resolve * (streak - 0.5)) + 0.08 * resolve * shape.fine_noise(q[hair])
        base = np.where((labels[hair] == PART["beard"])[:, None], beard_rgb, np.asarray(a.hair_rgb, np.float32))
        # Very dark hair needs a lighter sheen to show strands at all.
        albedo[hair] = base * shade[:, None] + 0.05 * resolve * streak[:, None] * (1 - base)

    # A hat's fabric, with a little texture (the glasses are sampled on their own: build_head).
    hat = labels == PART["hat"]
    if hat.any():
        albedo[hat] = np.asarray(a.hat_rgb, np.float32) * (1 + 0.08 * shape.fine_noise(q[hat]))[:, None]
    return np.clip(albedo, 0, 1).astype(np.float32), labels.astype(np.int64)


def _freckles(shape: HeadShape, q: np.ndarray) -> np.ndarray:
    """Weight (N,) in [0, 1] of freckles at head-frame points: round spots 0.004-0.009 across,
    seeded, scattered over the nose and upper cheeks (up to ~600 of them at ``freckles`` 1)."""
    from scipy.spatial import cKDTree

    r = _rng(shape.ident.seed, shape.app.seed, 8)
    n = int(600 * shape.app.freckles)
    # Spot centres in the front view's (x, z), denser toward the cheekbones and nose bridge.
    x = r.normal(0.0, 0.12, n)
    z = shape.eye_z - 0.11 + r.normal(0.0, 0.045, n)
    radius = r.uniform(0.002, 0.0045, n)
    front = q[:, 1] < shape.mouth_y + 0.1
    dist, nearest = cKDTree(np.stack([x, z], 1)).query(q[:, [0, 2]])
    return (1.0 - _smoothstep(0.6, 1.0, dist / radius[nearest])) * front


def _eye_points(shape: HeadShape, spacing: float
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Visible eyeball samples: world points, normals, albedo, labels, and a mask of the
    catchlight (the key light's reflection on the cornea, as a front camera sees it)."""
    i, a = shape.ident, shape.app
    light = a.lighting
    key = np.asarray(light.sun_direction if light.kind != "ambient" else (-0.35, -0.75, 0.55), np.float32)
    key = sdf.matmul3(key[None], shape.R)[0]  # into the head frame
    half_vec = key / np.sqrt(sdf.dot(key[None], key[None]))[0] + np.array([0.0, -1.0, 0.0], np.float32)
    half_vec = half_vec / np.sqrt(sdf.dot(half_vec[None], half_vec[None]))[0]
    r = shape.eye_r
    n = max(64, int(4 * math.pi * (r * _SCALE) ** 2 / spacing ** 2))
    dirs = sdf.fibonacci_sphere(n)
    # Gaze: rotate the eye's forward axis (-Y) by yaw (toward +X) and pitch (up).
    gy, gp = math.radians(a.gaze_yaw), math.radians(a.gaze_pitch)
    gaze = np.array([math.sin(gy) * math.cos(gp), -math.cos(gy) * math.cos(gp), math.sin(gp)], np.float32)
    pts, nrm, alb, lab, gl = [], [], [], [], []
    for c in shape.eye_c:
        q = c + r * dirs
        cos_t = sdf.dot(dirs, gaze)
        theta = np.arccos(np.clip(cos_t, -1, 1))
        iris_t, pupil_t = 0.56, 0.22  # angular radii (rad): iris ≈ 0.027, pupil ≈ 0.011 wide
        col = np.tile(np.array([0.93, 0.91, 0.87], np.float32), (n, 1))
        col = _mix(col, (0.85, 0.6, 0.58), _smoothstep(0.9, 1.5, theta).astype(np.float32) * 0.4)
        iris = np.asarray(i.eye_rgb, np.float32)
        radial = 0.8 + 0.35 * np.sin(40 * sdf.atan2(dirs[:, 0], dirs[:, 2]))  # iris fibres
        ring = _smoothstep(iris_t * 0.75, iris_t, theta)  # darker limbal ring
        iris_col = iris[None] * (radial * (1 - 0.5 * ring))[:, None]
        w_iris = 1 - _smoothstep(iris_t - 0.04, iris_t + 0.02, theta)
        col = col * (1 - w_iris[:, None]) + iris_col * w_iris[:, None]
        w_pupil = 1 - _smoothstep(pupil_t - 0.03, pupil_t + 0.02, theta)
        col = _mix(col, (0.02, 0.02, 0.02), w_pupil.astype(np.float32))
        # Eyelids: outside an almond-shaped opening the eyeball is covered by skin.
        dx = (q[:, 0] - c[0]) / (0.95 * r)
        dz = (q[:, 2] - c[2]) / r
        half = (1 - dx ** 2).clip(0, None)
        # The upper lid rests over the top of the iris, the lower one just below it.
        upper = (0.3 + 0.22 * i.eye_openness) * half ** 0.6 + 0.03 - 0.06 * max(a.smile, 0)
        lower = -(0.3 + 0.15 * i.eye_openness) * half ** 0.7 + 0.02
        open_ = (dz < upper) & (dz > lower) & (np.abs(dx) < 1)
        lid = ~open_
        lash = (dz > upper - 0.12) & open_
        col = np.where(lid[:, None], np.asarray(i.skin_rgb, np.float32) * 0.92, col)
        col = np.where(lash[:, None], col * 0.25, col)
        label = np.where(lid, PART["skin"], PART["eye"])
        glint = open_ & ~lash & (sdf.dot(dirs, half_vec) > math.cos(0.14))
        world = shape.to_world(q)
        keep = shape.skin(world) > -0.3 * spacing  # only what pokes out of the skin
        pts.append(world[keep])
        nrm.append(sdf.matmul3(dirs, shape.R.T)[keep])
        alb.append(col[keep])
        lab.append(label[keep])
        gl.append(glint[keep])
    return (np.concatenate(pts), np.concatenate(nrm), np.clip(np.concatenate(alb), 0, 1).astype(np.float32),
            np.concatenate(lab), np.concatenate(gl))
