"""Procedural 3D heads as Gaussian splats: no assets needed.

A head is built in 3D from parts, each a signed-distance field (SDF) in the head's own
frame: skull, face and jaw, chin, cheeks, brow ridge, nose, lips (open or closed mouth,
smile), ears, eyeballs with eyelids (sclera, iris, pupil, gaze), eyebrows, a hair shell
in one of :data:`HAIR_STYLES`, an optional beard, and a neck and shoulders wearing a
coloured top. The union's surface is sampled about ``spacing`` apart
(:func:`facelift.data.sdf.surface_points`) and every sample becomes a flat Gaussian
lying in the surface (two tangent axes of ``0.7 * spacing``, a thin normal axis), so
renders are hole-free at any angle; the eyes get finer samples for the iris and pupil.

Conventions are SPEC §3 (:mod:`facelift.cameras`): world Z up, head at the origin inside
about [-1, 1]³, the face looking toward -Y, the subject's right at -X. Heads are sized
and placed so that the front view is framed like the public release's crop (SPEC §2.1):
measured with our preprocessing's release-convention face box on 512² front renders,
the box averages ~193 px (release: 194.3) centred near (256, 278) (release: (251.8, 280.0)).

Randomness has two levels, as in the paper (§3.1: identities x appearances):

* :class:`Identity` (``identity_seed``): head shape, skin tone, eye colour, natural hair
  colour, brow and lip shape.
* :class:`Appearance` (``identity_seed``, ``appearance_seed``): hairstyle and hair colour,
  beard, expression (mouth, smile, brows), gaze, head pose, clothes, lighting.

Every head is reproducible from the two seeds (:func:`make_head`).

Lighting (paper §4.6 ablation): ``"ambient"`` is uniform white light, shaded only by
ambient occlusion (what Cycles gives under a constant world); ``"environment"`` is a
random directional "sun" with soft shadows plus a coloured environment made of a few
random lobes, each the order-2 spherical-harmonics irradiance of a distant light.
Shading is baked into each Gaussian's colour from its part's surface normal, so the
Gaussians render as seen under that light from every camera.

Make the bundled example head with::

    python -m facelift.data.procedural --example src/facelift/assets/example_head.ply
"""

from __future__ import annotations

import argparse
import logging
import math
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import torch

from facelift.data import sdf
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians

log = logging.getLogger(__name__)

GENERATOR_VERSION = "facelift-procedural-1"
HAIR_STYLES = ("bald", "short", "long", "bun", "fringe", "ponytail")
BEARD_STYLES = ("none", "stubble", "full")
LIGHTINGS = ("ambient", "environment")
#: Per-Gaussian part labels of :class:`ProceduralHead` (index = label value).
PARTS = ("skin", "lips", "brow", "eye", "hair", "beard", "clothes", "mouth")
PART = {name: i for i, name in enumerate(PARTS)}

#: Spacing of the surface samples of the bundled example head (≈ 40k Gaussians).
EXAMPLE_SPACING = 0.016
EXAMPLE_SEEDS = (3, 3)

# Skin albedos (sRGB) from very light to very dark; identities interpolate along them.
_SKIN_TONES = np.array([
    [0.97, 0.84, 0.76], [0.93, 0.76, 0.65], [0.86, 0.65, 0.52], [0.76, 0.55, 0.40],
    [0.64, 0.44, 0.31], [0.49, 0.33, 0.23], [0.36, 0.24, 0.17], [0.24, 0.15, 0.11],
], dtype=np.float32)
_EYE_COLOURS = {
    "dark_brown": (0.20, 0.11, 0.06), "brown": (0.36, 0.21, 0.10), "hazel": (0.45, 0.36, 0.17),
    "green": (0.30, 0.45, 0.25), "blue": (0.30, 0.48, 0.70), "grey": (0.50, 0.55, 0.58),
    "amber": (0.62, 0.42, 0.15),
}
_EYE_WEIGHTS = (0.35, 0.2, 0.1, 0.08, 0.15, 0.07, 0.05)
_HAIR_COLOURS = {
    "black": (0.05, 0.04, 0.04), "dark_brown": (0.17, 0.10, 0.06), "brown": (0.32, 0.20, 0.11),
    "light_brown": (0.50, 0.35, 0.20), "blonde": (0.80, 0.66, 0.42), "platinum": (0.90, 0.86, 0.76),
    "red": (0.55, 0.20, 0.08), "auburn": (0.40, 0.15, 0.08),
}
_HAIR_WEIGHTS = (0.3, 0.2, 0.15, 0.1, 0.1, 0.03, 0.06, 0.06)
_GREY_HAIR = {"grey": (0.55, 0.55, 0.55), "white": (0.88, 0.88, 0.86)}
_DYED_HAIR = {"blue": (0.15, 0.30, 0.70), "pink": (0.85, 0.40, 0.60), "purple": (0.40, 0.18, 0.50),
              "teal": (0.10, 0.50, 0.50)}
_HAIR_STYLE_WEIGHTS = (0.12, 0.3, 0.22, 0.1, 0.13, 0.13)


# ----------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Identity:
    """Who the head is: shape, skin, eyes. Scales are relative to an average head (1.0)."""

    seed: int
    skin_tone: float          # 0 = very light ... 1 = very dark
    skin_rgb: tuple[float, float, float]
    head_width: float
    head_depth: float
    head_height: float
    jaw_width: float
    chin_size: float
    chin_forward: float       # world units
    cheek_fullness: float
    nose_length: float
    nose_width: float
    nose_tip_height: float    # world units, positive = upturned
    ear_size: float
    ear_angle: float          # degrees the ears stand out
    eye_spacing: float        # distance between eyeball centres
    eye_height: float         # offset from the default eye line
    eye_openness: float       # 0..1 height of the eyelid opening
    eye_colour: str
    eye_rgb: tuple[float, float, float]
    brow_thickness: float
    brow_arch: float
    lip_width: float
    lip_fullness: float
    neck_width: float
    natural_hair: str
    natural_hair_rgb: tuple[float, float, float]


@dataclass(frozen=True)
class Lighting:
    """Baked lighting. ``ambient``: uniform white (``ambient`` is its strength).
    ``environment``: ``lobes`` of (direction, rgb) as order-2 SH irradiance plus a sun
    with soft shadows from ``sun_direction`` (unit, pointing toward the light)."""

    kind: str
    ambient: float = 1.0
    lobes: tuple[tuple[tuple[float, float, float], tuple[float, float, float]], ...] = ()
    sun_direction: tuple[float, float, float] = (0.0, -1.0, 0.0)
    sun_rgb: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Appearance:
    """How the identity looks in one render set: hair, beard, expression, pose, clothes, light."""

    seed: int
    hair_style: str
    hair_colour: str
    hair_rgb: tuple[float, float, float]
    hair_thickness: float
    hair_length: float        # bottom of long hair / ponytail, world z
    beard: str
    mouth_open: float         # 0 closed ... 1 wide open
    smile: float              # -0.3 frown ... 1 broad smile
    brow_raise: float         # world units
    gaze_yaw: float           # degrees, positive toward the subject's left (+X)
    gaze_pitch: float         # degrees, positive up
    head_yaw: float           # degrees about +Z
    head_pitch: float         # degrees about +X
    head_roll: float          # degrees about +Y
    clothes_rgb: tuple[float, float, float]
    neckline: str             # "crew" or "v"
    lighting: Lighting = field(default_factory=lambda: Lighting("ambient"))


def _rng(*keys: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([int(k) & 0xFFFFFFFF for k in keys]))


def _tuple3(x) -> tuple[float, float, float]:
    return tuple(round(float(v), 6) for v in x)  # type: ignore[return-value]


def sample_identity(seed: int) -> Identity:
    """A random identity, a pure function of ``seed``."""
    r = _rng(seed, 1)
    tone = float(r.uniform(0, 1))
    pos = tone * (len(_SKIN_TONES) - 1)
    i = min(int(pos), len(_SKIN_TONES) - 2)
    skin = _SKIN_TONES[i] * (1 - (pos - i)) + _SKIN_TONES[i + 1] * (pos - i)
    # Undertone: a little warmer / cooler / more olive, per person.
    skin = np.clip(skin * (1 + r.normal(0, 0.025, 3)), 0, 1)
    eye = r.choice(list(_EYE_COLOURS), p=np.array(_EYE_WEIGHTS) / sum(_EYE_WEIGHTS))
    hair = r.choice(list(_HAIR_COLOURS), p=np.array(_HAIR_WEIGHTS) / sum(_HAIR_WEIGHTS))
    if tone > 0.55 and hair in ("blonde", "platinum", "red"):
        hair = "black"  # light natural hair is rare with dark skin; keep the mix plausible
    return Identity(
        seed=int(seed), skin_tone=round(tone, 6), skin_rgb=_tuple3(skin),
        head_width=float(r.uniform(0.92, 1.08)), head_depth=float(r.uniform(0.93, 1.07)),
        head_height=float(r.uniform(0.94, 1.06)), jaw_width=float(r.uniform(0.82, 1.15)),
        chin_size=float(r.uniform(0.75, 1.3)), chin_forward=float(r.uniform(-0.02, 0.03)),
        cheek_fullness=float(r.uniform(0.75, 1.25)), nose_length=float(r.uniform(0.8, 1.25)),
        nose_width=float(r.uniform(0.8, 1.3)), nose_tip_height=float(r.uniform(-0.015, 0.02)),
        ear_size=float(r.uniform(0.85, 1.15)), ear_angle=float(r.uniform(8, 28)),
        eye_spacing=float(r.uniform(0.22, 0.26)), eye_height=float(r.uniform(-0.015, 0.015)),
        eye_openness=float(r.uniform(0.6, 1.0)), eye_colour=str(eye), eye_rgb=_EYE_COLOURS[eye],
        brow_thickness=float(r.uniform(0.012, 0.024)), brow_arch=float(r.uniform(0.0, 1.0)),
        lip_width=float(r.uniform(0.85, 1.2)), lip_fullness=float(r.uniform(0.7, 1.3)),
        neck_width=float(r.uniform(0.9, 1.12)), natural_hair=str(hair), natural_hair_rgb=_HAIR_COLOURS[hair],
    )


def sample_lighting(kind: str, r: np.random.Generator) -> Lighting:
    """Random lighting of ``kind`` ("ambient" or "environment")."""
    if kind == "ambient":
        return Lighting("ambient", ambient=round(float(r.uniform(0.95, 1.1)), 6))
    if kind != "environment":
        raise FaceliftError(f"unknown lighting {kind!r}; choose from {', '.join(LIGHTINGS)}")

    def direction(min_z: float = -1.0) -> np.ndarray:
        while True:
            v = r.normal(size=3)
            v /= math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2])
            if v[2] >= min_z:
                return v

    # A sky-ish lobe from above, a ground bounce from below, and 1-2 coloured lobes
    # anywhere: together a smooth coloured environment, as a random HDR map gives.
    sky = np.clip(np.array([0.55, 0.6, 0.7]) * r.uniform(0.6, 1.0) + r.normal(0, 0.08, 3), 0.05, 1.2)
    lobes = [(direction(0.5), sky), (np.array([0.0, 0.0, -1.0]), np.clip(r.uniform(0.05, 0.3) * np.ones(3)
                                                                          + r.normal(0, 0.04, 3), 0, 1))]
    for _ in range(int(r.integers(1, 3))):
        # Tinted, not saturated: real environments rarely light skin pure green or pink.
        hue = r.uniform(0.55, 1.0, 3)
        lobes.append((direction(), hue / hue.max() * r.uniform(0.2, 0.7)))
    sun_dir = direction(-0.2)
    warm = np.array([1.0, r.uniform(0.85, 1.0), r.uniform(0.65, 1.0)])
    sun = warm * r.uniform(0.4, 1.1)
    return Lighting(
        "environment",
        # A uniform floor so no side of the head sinks into black (a real HDR map
        # always has some light from every direction).
        ambient=round(float(r.uniform(0.15, 0.35)), 6),
        lobes=tuple((_tuple3(d), _tuple3(c)) for d, c in lobes),
        sun_direction=_tuple3(sun_dir), sun_rgb=_tuple3(sun),
    )


def sample_appearance(identity: Identity, seed: int, lighting: str | tuple[str, ...] = LIGHTINGS,
                      max_head_pose: float = 10.0) -> Appearance:
    """A random appearance of ``identity``, a pure function of (identity.seed, seed, options).

    Args:
        lighting: a lighting kind, or several to pick one from at random.
        max_head_pose: largest head yaw in degrees (pitch and roll get 0.6x and 0.4x).
    """
    r = _rng(identity.seed, seed, 2)
    kinds = (lighting,) if isinstance(lighting, str) else tuple(lighting)
    if not kinds:
        raise FaceliftError("at least one lighting kind is needed")
    style = str(r.choice(HAIR_STYLES, p=np.array(_HAIR_STYLE_WEIGHTS) / sum(_HAIR_STYLE_WEIGHTS)))
    u = r.uniform()
    if u < 0.75:
        hair_name, hair_rgb = identity.natural_hair, identity.natural_hair_rgb
    elif u < 0.9:
        hair_name = str(r.choice(list(_GREY_HAIR)))
        hair_rgb = _GREY_HAIR[hair_name]
    else:
        hair_name = str(r.choice(list(_DYED_HAIR)))
        hair_rgb = _DYED_HAIR[hair_name]
    beard = str(r.choice(BEARD_STYLES, p=[0.65, 0.17, 0.18]))
    mouth_open = 0.0 if r.uniform() < 0.6 else float(r.uniform(0.2, 1.0))
    hsv = (r.uniform(0, 1), r.uniform(0.1, 0.8), r.uniform(0.15, 0.95))
    clothes = _hsv_to_rgb(*hsv)
    # Lighting draws from its own stream, so one appearance under different lighting
    # kinds is the same head (paired data, see SynthConfig.lighting_mode).
    rl = _rng(identity.seed, seed, 6)
    light = sample_lighting(kinds[int(rl.integers(len(kinds)))] if len(kinds) > 1 else kinds[0], rl)
    return Appearance(
        seed=int(seed), hair_style=style, hair_colour=hair_name, hair_rgb=_tuple3(hair_rgb),
        hair_thickness=float(r.uniform(0.03, 0.065)), hair_length=float(r.uniform(-0.75, -0.3)),
        beard=beard, mouth_open=mouth_open, smile=float(r.uniform(-0.3, 1.0)),
        brow_raise=float(r.uniform(-0.008, 0.02)),
        gaze_yaw=float(r.uniform(-12, 12)), gaze_pitch=float(r.uniform(-8, 8)),
        head_yaw=float(r.uniform(-1, 1) * max_head_pose),
        head_pitch=float(r.uniform(-1, 1) * 0.6 * max_head_pose),
        head_roll=float(r.uniform(-1, 1) * 0.4 * max_head_pose),
        clothes_rgb=_tuple3(clothes), neckline=str(r.choice(["crew", "v"])), lighting=light,
    )


def _hsv_to_rgb(h: float, s: float, v: float) -> np.ndarray:
    k = (np.array([5.0, 3.0, 1.0]) + h * 6.0) % 6.0
    return v - v * s * np.clip(np.minimum(k, 4.0 - k), 0.0, 1.0)


# ------------------------------------------------------------------------ geometry

_PIVOT = np.array([0.0, 0.05, -0.35], dtype=np.float32)  # top of the neck: head pose turns about it
_FLOOR_Z = -1.2  # the bust is cut flat here (world z ≈ -1.45), below what orbit cameras see
# The parts are modelled in "model" units; the world head is model * _SCALE + _OFFSET,
# sized and placed so the face box frames like the release's crop (SPEC §2.1).
_SCALE = 1.15
_OFFSET = np.array([0.0, 0.0, -0.067], dtype=np.float32)
_BOX_LO = tuple(np.array([-0.98, -0.78, _FLOOR_Z - 0.02]) * _SCALE + _OFFSET)
_BOX_HI = tuple(np.array([0.98, 0.85, 0.9]) * _SCALE + _OFFSET)


class _Noise:
    """Smooth 3D noise in about [-1, 1]: a sum of random plane waves (cheap, seeded)."""

    def __init__(self, r: np.random.Generator, frequency: float, waves: int = 10):
        d = r.normal(size=(waves, 3))
        self.k = (d / np.sqrt(d[:, 0] ** 2 + d[:, 1] ** 2 + d[:, 2] ** 2)[:, None] * frequency
                  * r.uniform(0.6, 1.6, (waves, 1))).astype(np.float32)
        self.phase = r.uniform(0, 2 * np.pi, waves).astype(np.float32)
        self.scale = np.float32(math.sqrt(2.0 / waves))

    def __call__(self, p: np.ndarray) -> np.ndarray:
        waves = np.sin(sdf.matmul3(p, self.k.T) + self.phase)
        total = waves[:, 0].copy()
        for k in range(1, waves.shape[1]):
            total += waves[:, k]
        return total * self.scale


class HeadShape:
    """The SDFs of one head. Head parts live in the head frame (before pose); the neck
    and shoulders in the world frame; :meth:`to_head` maps world points to the head frame."""

    def __init__(self, ident: Identity, app: Appearance):
        self.ident, self.app = ident, app
        i = ident
        self.R = sdf.rotation_matrix(app.head_yaw, app.head_pitch, app.head_roll)
        self.cranium_c = np.array([0.0, 0.03, 0.2], np.float32)
        self.cranium_r = np.array([0.40 * i.head_width, 0.47 * i.head_depth, 0.45 * i.head_height], np.float32)
        self.eye_z = 0.075 + i.eye_height
        self.mouth_z = -0.215
        # Place the features on the surface of the base face, whatever its proportions.
        y_eye = self._surface_y(i.eye_spacing / 2, self.eye_z)
        self.eye_r = 0.055
        self.eye_c = np.array([[s * i.eye_spacing / 2, y_eye + 0.6 * self.eye_r, self.eye_z] for s in (-1, 1)],
                              np.float32)
        y_root = self._surface_y(0.0, self.eye_z - 0.01)
        z_tip = -0.085 + i.nose_tip_height
        y_tip = self._surface_y(0.0, z_tip) - 0.06 * i.nose_length
        self.nose_root = np.array([0.0, y_root + 0.01, self.eye_z - 0.01], np.float32)
        self.nose_tip = np.array([0.0, y_tip, z_tip], np.float32)
        y_mouth = self._surface_y(0.0, self.mouth_z)
        self.mouth_y = y_mouth
        self.hair_noise = _Noise(_rng(i.seed, app.seed, 3), 9.0)
        self.skin_noise = _Noise(_rng(i.seed, 4), 14.0)
        self.fine_noise = _Noise(_rng(i.seed, app.seed, 5), 45.0)

    # ---------------------------------------------------------------- frames
    @staticmethod
    def to_model(p: np.ndarray) -> np.ndarray:
        return (p - _OFFSET) / _SCALE

    def to_head(self, p: np.ndarray) -> np.ndarray:
        """World points -> the head frame (model units, before pose)."""
        return sdf.matmul3(self.to_model(p) - _PIVOT, self.R) + _PIVOT

    def to_world(self, q: np.ndarray) -> np.ndarray:
        return (sdf.matmul3(q - _PIVOT, self.R.T) + _PIVOT) * _SCALE + _OFFSET

    # ------------------------------------------------------------- the face
    def base_face(self, q: np.ndarray) -> np.ndarray:
        i = self.ident
        d = sdf.ellipsoid(q, self.cranium_c, self.cranium_r)
        face = sdf.ellipsoid(q, (0.0, -0.09, -0.08), (0.34 * i.head_width, 0.36 * i.head_depth, 0.40))
        d = sdf.smin(d, face, 0.08)
        jaw = sdf.ellipsoid(q, (0.0, -0.06, -0.26), (0.29 * i.jaw_width, 0.32, 0.22))
        d = sdf.smin(d, jaw, 0.06)
        chin_c = (0.0, -0.285 - i.chin_forward, -0.41)
        chin_r = np.array([0.09, 0.07, 0.07]) * i.chin_size
        d = sdf.smin(d, sdf.bounded(q, chin_c, float(chin_r.max()), lambda x: sdf.ellipsoid(x, chin_c, chin_r)), 0.06)
        cheek_r = np.array([0.11, 0.11, 0.10]) * i.cheek_fullness
        for s in (-1, 1):
            cheek_c = (s * 0.19, -0.235, -0.05)
            cheek = sdf.bounded(q, cheek_c, float(cheek_r.max()), lambda x, c=cheek_c: sdf.ellipsoid(x, c, cheek_r))
            d = sdf.smin(d, cheek, 0.06)
        brow = sdf.ellipsoid(q, (0.0, -0.285, 0.165), (0.29, 0.11, 0.075))
        return sdf.smin(d, brow, 0.05)

    def _surface_y(self, x: float, z: float) -> float:
        """y where a ray from the front (-Y) at (x, z) first meets the base face."""
        ys = np.arange(-0.9, 0.3, 0.002, dtype=np.float32)
        q = np.stack([np.full_like(ys, x), ys, np.full_like(ys, z)], axis=1)
        inside = np.nonzero(self.base_face(q) < 0)[0]
        return float(ys[inside[0]]) if len(inside) else 0.0

    def nose(self, q: np.ndarray) -> np.ndarray:
        i = self.ident
        d = sdf.capsule(q, self.nose_root, self.nose_tip + np.array([0, 0.01, 0.01], np.float32), 0.022, 0.03)
        tip = sdf.sphere(q, self.nose_tip, 0.03 * i.nose_width)
        d = sdf.smin(d, tip, 0.03)
        for s in (-1, 1):
            ala = sdf.sphere(q, self.nose_tip + np.array([s * 0.034 * i.nose_width, 0.035, -0.014], np.float32),
                             0.026 * i.nose_width)
            d = sdf.smin(d, ala, 0.02)
        return d

    def _lip_frame(self, q: np.ndarray) -> np.ndarray:
        # Smiling lifts the mouth corners: bend the lips' frame upward with |x|².
        w = q.copy()
        w[:, 2] -= self.app.smile * 3.0 * q[:, 0] ** 2
        return w

    def lips(self, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        i, a = self.ident, self.app
        w = self._lip_frame(q)
        y = self.mouth_y
        upper = sdf.ellipsoid(w, (0.0, y + 0.014, self.mouth_z + 0.016),
                              (0.072 * i.lip_width, 0.03, 0.017 * i.lip_fullness))
        lower = sdf.ellipsoid(w, (0.0, y + 0.016, self.mouth_z - 0.019 - 0.035 * a.mouth_open),
                              (0.064 * i.lip_width, 0.03, 0.02 * i.lip_fullness))
        return upper, lower

    def mouth_cavity(self, q: np.ndarray) -> np.ndarray:
        w = self._lip_frame(q)
        open_ = self.app.mouth_open
        return sdf.ellipsoid(w, (0.0, self.mouth_y + 0.01, self.mouth_z - 0.0175 * open_),
                             (0.055 * self.ident.lip_width, 0.05, 0.003 + 0.024 * open_))

    def _ear(self, q: np.ndarray, s: int) -> np.ndarray:
        i = self.ident
        a = math.radians(i.ear_angle) * -s  # the right ear (x<0) turns its back edge outward
        rz = np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]], np.float32)
        c = self._ear_centre(s)
        e = sdf.ellipsoid(q, c, np.array([0.03, 0.065, 0.11]) * i.ear_size, rz)
        bowl = sdf.ellipsoid(q, c + np.array([s * 0.032, -0.005, 0.0], np.float32),
                             np.array([0.02, 0.04, 0.075]) * i.ear_size, rz)
        return sdf.smax(e, -bowl, 0.01)

    def _ear_centre(self, s: int) -> np.ndarray:
        return np.array([s * (0.395 * self.ident.head_width), 0.07, 0.04], np.float32)

    def ears(self, q: np.ndarray) -> np.ndarray:
        r = 0.13 * self.ident.ear_size
        return np.minimum(*(sdf.bounded(q, self._ear_centre(s), r, lambda x, s=s: self._ear(x, s)) for s in (-1, 1)))

    def head_skin(self, q: np.ndarray) -> np.ndarray:
        d = self.base_face(q)
        nose_c = 0.5 * (self.nose_root + self.nose_tip)
        nose_r = 0.5 * math.dist(self.nose_root.tolist(), self.nose_tip.tolist()) + 0.07
        d = sdf.smin(d, sdf.bounded(q, nose_c, nose_r, self.nose), 0.035)
        mouth_c = (0.0, self.mouth_y + 0.015, self.mouth_z - 0.02)
        lips = sdf.bounded(q, mouth_c, 0.13, lambda x: np.minimum(*self.lips(x)))
        d = sdf.smin(d, lips, 0.02)
        if self.app.mouth_open > 0:
            d = sdf.smax(d, -sdf.bounded(q, mouth_c, 0.1, self.mouth_cavity), 0.008)
        for c in self.eye_c:
            d = sdf.smin(d, sdf.bounded(q, c, 1.3 * self.eye_r, lambda x, c=c: self._eyelids(x, c)), 0.012)
        return sdf.smin(d, self.ears(q), 0.02)

    def eye_opening(self) -> tuple[float, float]:
        """Heights (model units) of the upper and lower lid edges above / below the eye centre."""
        i, r = self.ident, self.eye_r
        up = (0.45 + 0.2 * i.eye_openness - 0.06 * max(self.app.smile, 0)) * r
        lo = (0.4 + 0.12 * i.eye_openness) * r
        return up, lo

    def _eyelids(self, q: np.ndarray, c: np.ndarray) -> np.ndarray:
        """Upper and lower lids: a skin shell hugging the eyeball, open in an almond whose
        edges curve down (upper) and up (lower) to meet at the eye corners."""
        r = self.eye_r
        up, lo = self.eye_opening()
        shell = sdf.ellipsoid(q, c, (1.12 * r, 1.1 * r, 1.12 * r))
        dx2 = ((q[:, 0] - c[0]) / (0.95 * r)) ** 2
        upper = np.maximum(shell, (c[2] + up * (1 - dx2) + 0.1 * r) - q[:, 2])
        lower = np.maximum(shell, q[:, 2] - (c[2] - lo * (1 - dx2) + 0.05 * r))
        return np.minimum(upper, lower)

    def body(self, p: np.ndarray) -> np.ndarray:
        i = self.ident
        neck = sdf.capsule(p, (0.0, 0.05, -0.2), (0.0, 0.07, -0.9), 0.175 * i.neck_width, 0.2 * i.neck_width)
        torso = sdf.ellipsoid(p, (0.0, 0.08, -1.27), (0.8, 0.34, 0.45))
        d = sdf.smin(neck, torso, 0.12)
        return np.maximum(d, _FLOOR_Z - p[:, 2])

    def skin(self, p: np.ndarray) -> np.ndarray:
        return sdf.smin(self.head_skin(self.to_head(p)), self.body(self.to_model(p)), 0.08) * _SCALE

    # ------------------------------------------------------------------ hair
    def _hairline(self, q: np.ndarray, front: float, side: float, back: float) -> np.ndarray:
        """Signed distance-like value < 0 where hair grows: above an elevation (degrees,
        seen from the cranium centre) that goes from ``front`` over ``side`` to ``back``."""
        v = q - self.cranium_c
        az = sdf.atan2(v[:, 0], -v[:, 1])  # 0 toward the face
        elev = np.degrees(sdf.atan2(v[:, 2], np.hypot(v[:, 0], v[:, 1])))
        c = np.cos(az)
        limit = side + (front - side) * np.clip(c, 0, 1) ** 1.5 + (back - side) * np.clip(-c, 0, 1)
        return np.radians(limit - elev) * 0.45

    def hair(self, q: np.ndarray) -> np.ndarray | None:
        a = self.app
        style = a.hair_style
        if style == "bald":
            return None
        t = a.hair_thickness
        wave = 0.008 * self.hair_noise(q)
        if style == "fringe":
            front, side, back = 8.0, 8.0, -48.0
        elif style == "long":
            front, side, back = 30.0, -5.0, -40.0
        else:
            front, side, back = 32.0, 12.0, -48.0
        line = self._hairline(q, front, side, back)
        # Hair thins out toward the hairline instead of ending in a step.
        taper = 0.2 + 0.8 * _smoothstep(0.0, 0.07, -line)
        shell = sdf.ellipsoid(q, self.cranium_c + np.array([0, 0.01, 0.01], np.float32),
                              self.cranium_r + (t * taper)[:, None]) + wave
        d = np.maximum(shell, line)
        if style == "fringe":
            # The fringe hangs over the forehead down to just above the brows.
            bangs = sdf.ellipsoid(q, (0.0, -0.22, 0.33), (0.36, 0.24, 0.2)) + wave
            bangs = np.maximum(bangs, (self.eye_z + 0.09) - q[:, 2])
            bangs = np.maximum(bangs, shell - 0.02)
            d = sdf.smin(d, bangs, 0.03)
        elif style == "long":
            top = float(self.cranium_c[2]) + 0.04
            bottom = a.hair_length
            flare = np.clip((top - q[:, 2]) / (top - bottom), 0, 1)
            # Slimmer than the cap where they meet, so the curtain grows out of the cap
            # without a ledge, then flares toward the ends.
            grow = _smoothstep(0.0, 0.18, top - q[:, 2])
            rx = self.cranium_r[0] + t * (0.5 + 0.5 * grow) + 0.03 * flare
            ry = self.cranium_r[1] + t * (0.5 + 0.5 * grow) + 0.02 * flare
            ell = (np.hypot(q[:, 0] / rx, (q[:, 1] - self.cranium_c[1]) / ry) - 1.0) * 0.42
            curtain = np.maximum(ell + wave, np.maximum(bottom - q[:, 2], q[:, 2] - top))
            curtain = np.maximum(curtain, -0.02 - q[:, 1])  # only behind the ears: the face stays clear
            d = sdf.smin(d, curtain, 0.05)
        elif style == "bun":
            c = self.cranium_c + np.array([0.0, 0.34, 0.36], np.float32) * (self.cranium_r / 0.45)
            d = sdf.smin(d, sdf.sphere(q, c, 0.13) + wave, 0.05)
        elif style == "ponytail":
            root = self.cranium_c + np.array([0.0, self.cranium_r[1] + t - 0.01, 0.08], np.float32)
            end = np.array([0.0, root[1] + 0.12, a.hair_length + 0.15], np.float32)
            tail = sdf.capsule(q, root, end, 0.07, 0.035) + 0.6 * wave
            d = sdf.smin(d, tail, 0.04)
        return d

    def beard_region(self, q: np.ndarray) -> np.ndarray:
        """< 0 on the jaw, chin and upper lip, with a gap around the lips."""
        ax = np.abs(q[:, 0])
        top = -0.19 + 0.3 * np.clip(ax / 0.36, 0, 1) ** 2
        d = np.maximum(np.maximum(q[:, 2] - top, q[:, 1] - 0.06), -0.52 - q[:, 2])
        # Leave the lips bare: an elliptic hole around the (smile-bent) mouth.
        w = self._lip_frame(q)
        hole = 1.0 - np.hypot(q[:, 0] / (0.09 * self.ident.lip_width),
                              (w[:, 2] - self.mouth_z + 0.015 * self.app.mouth_open) / (0.05 + 0.03 * self.app.mouth_open))
        return np.maximum(d, 0.05 * hole)

    def beard(self, q: np.ndarray, head_skin: np.ndarray) -> np.ndarray | None:
        if self.app.beard != "full":
            return None
        t = 0.45 * self.app.hair_thickness
        return np.maximum(head_skin - t + 0.006 * self.hair_noise(q), self.beard_region(q))

    # ----------------------------------------------------------------- scene
    def parts(self, p: np.ndarray) -> dict[str, np.ndarray]:
        """Distances of the skin, hair and beard surfaces at world points (N, 3)."""
        q = self.to_head(p)
        head = self.head_skin(q)
        out = {"skin": sdf.smin(head, self.body(self.to_model(p)), 0.08) * _SCALE}
        h = self.hair(q)
        if h is not None:
            out["hair"] = h * _SCALE
        b = self.beard(q, head)
        if b is not None:
            out["beard"] = b * _SCALE
        return out

    def scene(self, p: np.ndarray) -> np.ndarray:
        parts = self.parts(p)
        d = parts["skin"]
        for name in ("hair", "beard"):
            if name in parts:
                d = np.minimum(d, parts[name])
        return d


# ------------------------------------------------------------------------- colours


@dataclass
class ProceduralHead:
    """A generated head.

    Attributes:
        gaussians: the head as N Gaussians with shading baked into ``colors``.
        labels: (N,) int64 index into :data:`PARTS` per Gaussian.
        albedo: (N, 3) unshaded colours (for relighting or inspection).
        normals: (N, 3) unit surface normals (world).
        identity, appearance: the parameters it was built from.
    """

    gaussians: Gaussians
    labels: torch.Tensor
    albedo: torch.Tensor
    normals: torch.Tensor
    identity: Identity
    appearance: Appearance

    def meta(self) -> dict:
        """JSON-ready description (what ``meta.json`` stores)."""
        return {"generator": GENERATOR_VERSION, "identity": asdict(self.identity),
                "appearance": asdict(self.appearance), "lighting": self.appearance.lighting.kind,
                "num_gaussians": len(self.gaussians)}


def _smoothstep(e0: float, e1: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3 - 2 * t)


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
    labels = np.where(cloth, PART["clothes"], labels)

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
    return np.clip(albedo, 0, 1).astype(np.float32), labels.astype(np.int64)


def _eye_points(shape: HeadShape, spacing: float
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Visible eyeball samples: world points, normals, albedo, labels, and a mask of the
    catchlight (the key light's reflection on the cornea, as a front camera sees it)."""
    i, a = shape.ident, shape.app
    light = a.lighting
    key = np.asarray(light.sun_direction if light.kind == "environment" else (-0.35, -0.75, 0.55), np.float32)
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


# ------------------------------------------------------------------------- shading


def _sh_lobe(cos_t: np.ndarray) -> np.ndarray:
    """Order-2 SH irradiance of a unit distant light (clamped cosine, Legendre-truncated)."""
    return 0.25 + 0.5 * cos_t + 0.3125 * 0.5 * (3 * cos_t ** 2 - 1)


def _occlusion(field, p: np.ndarray, n: np.ndarray, samples: int = 5, step: float = 0.025) -> np.ndarray:
    """Ambient occlusion from the SDF: how much closer than expected the surface is
    along the normal (the standard SDF-AO estimate); 1 = open, lower = in a crease."""
    occ = np.zeros(len(p), np.float32)
    for k in range(1, samples + 1):
        h = step * k
        occ += (h - field(p + n * h)) / h * 0.5 ** k
    return np.clip(1 - 1.2 * occ, 0.45, 1.0)


def _soft_shadow(field, p: np.ndarray, light: np.ndarray, steps: int = 14) -> np.ndarray:
    """Soft shadow toward a distant light by sphere-tracing the SDF (penumbra from the
    closest miss)."""
    res = np.ones(len(p), np.float32)
    t = np.full(len(p), 0.03, np.float32)
    for _ in range(steps):
        d = field(p + light[None] * t[:, None])
        res = np.minimum(res, np.clip(8.0 * d / t, 0, 1))
        t = t + np.clip(d, 0.02, 0.25)
    return res * res * (3 - 2 * res)


def shade(albedo: np.ndarray, points: np.ndarray, normals: np.ndarray, lighting: Lighting,
          field, fast: bool = False) -> np.ndarray:
    """Bake ``lighting`` into colours (N, 3) for surface points with unit normals.

    ``fast`` takes fewer occlusion and shadow samples (enough for 64² renders).
    """
    ao = _occlusion(field, points, normals, samples=3 if fast else 5, step=0.04 if fast else 0.025)
    if lighting.kind == "ambient":
        return np.clip(albedo * (lighting.ambient * ao)[:, None], 0, 1)
    e = np.zeros_like(albedo)
    for d, c in lighting.lobes:
        e += _sh_lobe(sdf.dot(normals, np.asarray(d, np.float32)))[:, None] * np.asarray(c, np.float32)[None]
    e += lighting.ambient
    e *= ao[:, None]
    sun = np.asarray(lighting.sun_direction, np.float32)
    lam = np.clip(sdf.dot(normals, sun), 0, None)
    lit = lam > 0
    shadow = np.zeros(len(points), np.float32)
    if lit.any():
        shadow[lit] = _soft_shadow(field, points[lit] + normals[lit] * 0.01, sun, steps=8 if fast else 14)
    e += (lam * shadow)[:, None] * np.asarray(lighting.sun_rgb, np.float32)[None]
    # A gentle shoulder instead of a hard clip, so strong light does not flatten to white.
    rgb = albedo * e
    return np.clip(1.25 * rgb / (1 + 0.25 * rgb), 0, 1)


# ---------------------------------------------------------------------- assembling


def spacing_for_resolution(resolution: int) -> float:
    """Surface-sample spacing for renders at ``resolution``²: 0.016 at 512² (≈ 40k
    Gaussians, 3.7 px apart), growing as 1/sqrt(resolution) to 0.045 at 64² (≈ 5k,
    1.3 px apart), so low resolutions stay hole-free with few Gaussians."""
    return float(np.clip(0.016 * math.sqrt(512.0 / resolution), 0.008, 0.05))


def build_head(identity: Identity, appearance: Appearance, spacing: float = EXAMPLE_SPACING) -> ProceduralHead:
    """Build the Gaussians of one head.

    Args:
        spacing: distance between surface samples in world units; the Gaussian count
            grows as 1/spacing² (≈ 38k at 0.016, the 512² setting). Eyes are sampled 2.5x finer.
    """
    if not 0.003 <= spacing <= 0.1:
        raise FaceliftError(f"spacing must be in [0.003, 0.1], got {spacing}")
    shape = HeadShape(identity, appearance)
    pts, nrm = sdf.surface_points(shape.scene, _BOX_LO, _BOX_HI, spacing)
    alb, lab = _surface_colours(shape, pts, spacing)
    eye_spacing = spacing / 2.5
    ep, en, ea, el, glint = _eye_points(shape, eye_spacing)
    # Skin samples inside the eye openings would cover the eyeballs; drop them.
    points = np.concatenate([pts, ep])
    normals = np.concatenate([nrm, en])
    albedo = np.concatenate([alb, ea])
    labels = np.concatenate([lab, el])
    rgb = shade(albedo, points, normals, appearance.lighting, shape.scene, fast=spacing > 0.03)
    # The cornea mirrors the key light: a specular glint, bright whatever the diffuse shading.
    rgb[len(pts):][glint] = 0.96
    sigma = np.concatenate([np.full(len(pts), 0.7 * spacing, np.float32),
                            np.full(len(ep), 0.7 * eye_spacing, np.float32)])
    scales = np.stack([sigma, sigma, sigma * 0.15], axis=1)
    g = Gaussians(
        means=torch.from_numpy(points.astype(np.float32)),
        scales=torch.from_numpy(scales.astype(np.float32)),
        rotations=torch.from_numpy(sdf.normal_to_quaternion(normals).astype(np.float32)),
        opacities=torch.full((len(points),), 0.98),
        colors=torch.from_numpy(rgb.astype(np.float32)),
    )
    return ProceduralHead(g, torch.from_numpy(labels), torch.from_numpy(albedo), torch.from_numpy(normals),
                          identity, appearance)


def make_head(identity_seed: int, appearance_seed: int, spacing: float = EXAMPLE_SPACING,
              lighting: str | tuple[str, ...] = LIGHTINGS, max_head_pose: float = 10.0) -> ProceduralHead:
    """The head of (identity_seed, appearance_seed): same seeds, same head, bit for bit."""
    ident = sample_identity(identity_seed)
    app = sample_appearance(ident, appearance_seed, lighting=lighting, max_head_pose=max_head_pose)
    return build_head(ident, app, spacing)


#: A soft studio light for the example head: key light from the upper front left
#: (the subject's left, +X), a cool sky fill and a warm bounce from below.
EXAMPLE_LIGHTING = Lighting(
    "environment", ambient=0.0,
    lobes=(((0.0, -0.3, 0.95), (0.45, 0.48, 0.52)), ((0.0, 0.0, -1.0), (0.18, 0.16, 0.14)),
           ((0.0, -1.0, 0.0), (0.35, 0.35, 0.35)), ((-0.3, 0.9, 0.3), (0.4, 0.38, 0.36))),
    sun_direction=(0.5, -0.75, 0.43), sun_rgb=(0.62, 0.58, 0.52),
)


def example_head() -> ProceduralHead:
    """The bundled example head (``facelift/assets/example_head.ply``): identity
    ``EXAMPLE_SEEDS[0]``, appearance ``EXAMPLE_SEEDS[1]`` with a neutral pose, closed
    mouth, slight smile, no beard, under :data:`EXAMPLE_LIGHTING`."""
    ident = sample_identity(EXAMPLE_SEEDS[0])
    app = sample_appearance(ident, EXAMPLE_SEEDS[1], lighting="ambient", max_head_pose=0.0)
    app = replace(app, beard="none", mouth_open=0.0, smile=0.35, gaze_yaw=0.0, gaze_pitch=0.0,
                  lighting=EXAMPLE_LIGHTING)
    return build_head(ident, app, EXAMPLE_SPACING)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate procedural heads as Gaussian PLY files.")
    parser.add_argument("--example", type=Path, help="write the bundled example head to this .ply")
    parser.add_argument("--identity", type=int, default=0, help="identity seed")
    parser.add_argument("--appearance", type=int, default=0, help="appearance seed")
    parser.add_argument("--spacing", type=float, default=EXAMPLE_SPACING,
                        help="surface-sample spacing (default %(default)s: about 40k Gaussians)")
    parser.add_argument("-o", "--output", type=Path, help="write head (identity, appearance) to this .ply/.splat")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.example:
        head = example_head()
        head.gaussians.save(args.example)
        log.info("wrote %s (%d Gaussians)", args.example, len(head.gaussians))
    if args.output:
        head = make_head(args.identity, args.appearance, args.spacing)
        head.gaussians.save(args.output)
        log.info("wrote %s (%d Gaussians)", args.output, len(head.gaussians))
    if not args.example and not args.output:
        parser.error("give --example PATH and/or -o PATH")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
