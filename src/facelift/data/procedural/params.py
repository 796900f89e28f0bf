"""Head parameters: identities, appearances and lighting, sampled from seeds."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from facelift.data.procedural.envmap import rotate_sh, rotation_z
from facelift.errors import FaceliftError


GENERATOR_VERSION = "facelift-procedural-1"
HAIR_STYLES = ("bald", "short", "long", "bun", "fringe", "ponytail")
BEARD_STYLES = ("none", "stubble", "full")
LIGHTINGS = ("ambient", "environment")
#: Lighting by a real HDR environment map (:mod:`facelift.data.procedural.envmap`): only with
#: maps to draw from, so not among the default kinds.
HDRI_LIGHTING = "hdri"
#: Accessories and detail that ``sample_appearance(..., extras=True)`` draws (off by default,
#: so datasets made before they existed are rebuilt bit for bit).
GLASSES_STYLES = ("none", "round", "rect")
HAT_STYLES = ("none", "cap", "beanie")
CLOTHES_PATTERNS = ("plain", "stripes", "checks")
#: Per-Gaussian part labels of :class:`ProceduralHead` (index = label value).
PARTS = ("skin", "lips", "brow", "eye", "hair", "beard", "clothes", "mouth", "glasses", "hat")
PART = {name: i for i, name in enumerate(PARTS)}


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
    with soft shadows from ``sun_direction`` (unit, pointing toward the light).
    ``hdri``: a real map's irradiance as nine SH coefficients ``sh`` (RGB each, radiance units,
    see :mod:`~facelift.data.procedural.envmap`) plus its sun; ``source`` names the map, its
    turn about Z (degrees) and exposure."""

    kind: str
    ambient: float = 1.0
    lobes: tuple[tuple[tuple[float, float, float], tuple[float, float, float]], ...] = ()
    sun_direction: tuple[float, float, float] = (0.0, -1.0, 0.0)
    sun_rgb: tuple[float, float, float] = (0.0, 0.0, 0.0)
    sh: tuple[tuple[float, float, float], ...] = ()
    source: str = ""


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
    # Extras (``extras=True``); the defaults are a head without them.
    glasses: str = "none"     # one of GLASSES_STYLES
    glasses_rgb: tuple[float, float, float] = (0.1, 0.1, 0.1)
    hat: str = "none"         # one of HAT_STYLES
    hat_rgb: tuple[float, float, float] = (0.2, 0.2, 0.25)
    clothes_pattern: str = "plain"  # one of CLOTHES_PATTERNS
    pattern_rgb: tuple[float, float, float] = (1.0, 1.0, 1.0)
    freckles: float = 0.0     # 0 none ... 1 many (dark spots over the nose and cheeks)


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


#: Mean radiance a turned HDR map is scaled to (its sun included): around the procedural
#: environments' mean irradiance over all normals (5-95%: 0.59-0.90 over 500 draws).
HDRI_EXPOSURE = (0.6, 0.9)


def sample_lighting(kind: str, r: np.random.Generator, envlights: tuple = ()) -> Lighting:
    """Random lighting of ``kind`` ("ambient", "environment", or "hdri": one of ``envlights``,
    :class:`~facelift.data.procedural.envmap.EnvLight`, turned about Z and exposed at random)."""
    if kind == "ambient":
        return Lighting("ambient", ambient=round(float(r.uniform(0.95, 1.1)), 6))
    if kind == HDRI_LIGHTING:
        return _sample_hdri(r, envlights)
    if kind != "environment":
        raise FaceliftError(f"unknown lighting {kind!r}; choose from {', '.join(LIGHTINGS + (HDRI_LIGHTING,))}")

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


def _sample_hdri(r: np.random.Generator, envlights: tuple) -> Lighting:
    if not envlights:
        raise FaceliftError("hdri lighting needs environment maps (--hdri FOLDER)")
    env = envlights[int(r.integers(len(envlights)))]
    turn = float(r.uniform(0.0, 360.0))
    exposure = float(r.uniform(*HDRI_EXPOSURE)) / max(env.mean_luminance, 1e-9)
    rot = rotation_z(math.radians(turn))
    sh = rotate_sh(env.sh, rot) * exposure
    return Lighting(
        HDRI_LIGHTING, ambient=0.0,
        sun_direction=_tuple3(rot @ env.sun_direction), sun_rgb=_tuple3(env.sun_rgb * exposure),
        sh=tuple(_tuple3(c) for c in sh),
        source=f"{env.name} turned {turn:.1f} deg, x{exposure:.4g}",
    )


def sample_appearance(identity: Identity, seed: int, lighting: str | tuple[str, ...] = LIGHTINGS,
                      max_head_pose: float = 10.0, extras: bool = False, envlights: tuple = ()) -> Appearance:
    """A random appearance of ``identity``, a pure function of (identity.seed, seed, options).

    Args:
        lighting: a lighting kind, or several to pick one from at random.
        max_head_pose: largest head yaw in degrees (pitch and roll get 0.6x and 0.4x).
        extras: also draw glasses, a hat, a patterned top and freckles (from a stream of their
            own: the rest of the appearance is the same with or without them).
        envlights: the environment maps "hdri" lighting draws from (:func:`~facelift.data.
            procedural.envmap.load_envlights`).
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
    light = sample_lighting(kinds[int(rl.integers(len(kinds)))] if len(kinds) > 1 else kinds[0], rl, envlights)
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
        **(sample_extras(identity, seed, clothes) if extras else {}),
    )


def sample_extras(identity: Identity, seed: int, clothes_rgb: np.ndarray) -> dict:
    """The extras of appearance ``seed``: accessories and detail, each on a share of heads."""
    r = _rng(identity.seed, seed, 7)
    glasses = str(r.choice(GLASSES_STYLES, p=[0.7, 0.15, 0.15]))
    # Frames: black, tortoiseshell brown or metal grey.
    glasses_rgb = [(0.05, 0.05, 0.05), (0.30, 0.17, 0.08), (0.62, 0.62, 0.64)][int(r.integers(3))]
    hat = str(r.choice(HAT_STYLES, p=[0.8, 0.1, 0.1]))
    hat_rgb = _hsv_to_rgb(r.uniform(0, 1), r.uniform(0.1, 0.8), r.uniform(0.15, 0.9))
    pattern = str(r.choice(CLOTHES_PATTERNS, p=[0.6, 0.25, 0.15]))
    # The pattern's second colour: light or dark against the top's own.
    light = float(np.mean(clothes_rgb)) < 0.5
    pattern_rgb = _hsv_to_rgb(r.uniform(0, 1), r.uniform(0.0, 0.5), r.uniform(0.75, 0.95) if light
                              else r.uniform(0.05, 0.3))
    # Freckles mostly on lighter skin.
    freckles = float(r.uniform(0.3, 1.0)) if r.uniform() < 0.3 * (1.0 - identity.skin_tone) else 0.0
    return {"glasses": glasses, "glasses_rgb": _tuple3(glasses_rgb), "hat": hat, "hat_rgb": _tuple3(hat_rgb),
            "clothes_pattern": pattern, "pattern_rgb": _tuple3(pattern_rgb), "freckles": freckles}


def _hsv_to_rgb(h: float, s: float, v: float) -> np.ndarray:
    k = (np.array([5.0, 3.0, 1.0]) + h * 6.0) % 6.0
    return v - v * s * np.clip(np.minimum(k, 4.0 - k), 0.0, 1.0)
