"""The head's geometry: its parts as signed-distance fields in the head's own frame."""

from __future__ import annotations

import math

import numpy as np

from facelift.data import sdf
from facelift.data.procedural.params import Appearance, Identity, _rng


_PIVOT = np.array([0.0, 0.05, -0.35], dtype=np.float32)  # top of the neck: head pose turns about it
_FLOOR_Z = -1.2  # the bust is cut flat here (world z ≈ -1.45), below what orbit cameras see
# The parts are modelled in "model" units; the world head is model * _SCALE + _OFFSET,
# sized and placed so the face box frames like the release's crop (SPEC §2.1).
_SCALE = 1.15
_OFFSET = np.array([0.0, 0.0, -0.067], dtype=np.float32)
_BOX_LO = tuple(np.array([-0.98, -0.78, _FLOOR_Z - 0.02]) * _SCALE + _OFFSET)
_BOX_HI = tuple(np.array([0.98, 0.85, 0.9]) * _SCALE + _OFFSET)


def _smoothstep(e0: float, e1: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3 - 2 * t)


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

    # ----------------------------------------------------------- accessories
    def hat(self, q: np.ndarray) -> np.ndarray | None:
        """A cap (crown over the top of the head and a brim over the forehead) or a beanie (a
        deeper knitted crown with a folded band), over the hair: thicker than the thickest hair."""
        style = self.app.hat
        if style == "none":
            return None
        t = self.app.hair_thickness + (0.035 if style == "cap" else 0.05)
        centre = self.cranium_c + np.array([0.0, 0.01, 0.02], np.float32)
        if style == "cap":
            line = self._hairline(q, 28.0, 12.0, 2.0)
            crown = np.maximum(sdf.ellipsoid(q, centre, self.cranium_r + t), line)
            # The brim leaves the crown's front edge, a flat oval drooping a little forward.
            front = np.radians(28.0)
            edge_y = float(centre[1] - (self.cranium_r[1] + t) * math.cos(front))
            edge_z = float(centre[2] + (self.cranium_r[2] + t) * math.sin(front))
            tilt = sdf.rotation_matrix(0.0, -12.0, 0.0)
            brim = sdf.ellipsoid(q, (0.0, edge_y - 0.05, edge_z - 0.01), (0.23, 0.17, 0.014), tilt)
            brim = np.maximum(brim, q[:, 1] - (edge_y + 0.12))  # only in front of the forehead
            return sdf.smin(crown, brim, 0.01)
        line = self._hairline(q, 20.0, 2.0, -8.0)
        # Knit ribs: a fine vertical ripple; the band: the last few centimetres folded up, thicker.
        v = q - self.cranium_c
        ribs = 0.003 * np.sin(90.0 * sdf.atan2(v[:, 0], -v[:, 1]))
        band = 0.012 * (1.0 - _smoothstep(-0.09, -0.05, line))
        return np.maximum(sdf.ellipsoid(q, centre, self.cranium_r + t) - ribs - band, line)

    def glasses(self, q: np.ndarray) -> np.ndarray | None:
        """Round or rectangular rims in front of the eyes, a bridge over the nose and temple
        arms back to the ears (no lenses: they would need refraction, not splats)."""
        style = self.app.glasses
        if style == "none":
            return None
        rx, rz, power, wire = (0.052, 0.05, 2.0, 0.0055) if style == "round" else (0.062, 0.042, 4.0, 0.0075)
        y = min(float(self.eye_c[0, 1]) - self.eye_r - 0.035, float(self.nose_root[1]) - 0.015)
        d = None
        for c in self.eye_c:
            dx, dz = (q[:, 0] - c[0]) / rx, (q[:, 2] - c[2]) / rz
            # A superellipse outline in the lens plane, then a wire of radius ``wire`` around it.
            e = ((np.abs(dx) ** power + np.abs(dz) ** power) ** (1.0 / power) - 1.0) * min(rx, rz)
            rim = np.hypot(e, q[:, 1] - y) - wire
            s = 1.0 if c[0] > 0 else -1.0
            outer = (float(c[0]) + s * rx, y, float(c[2]))
            ear = self._ear_centre(int(s))
            arm = sdf.capsule(q, outer, (float(ear[0]) - s * 0.01, float(ear[1]) - 0.04, float(c[2]) + 0.01),
                              wire * 0.8)
            d = np.minimum(rim, arm) if d is None else np.minimum(d, np.minimum(rim, arm))
        inner = float(self.eye_c[1, 0]) - rx
        bridge = sdf.capsule(q, (-inner, y, float(self.eye_c[0, 2]) + 0.012),
                             (inner, y, float(self.eye_c[0, 2]) + 0.012), wire * 0.8)
        return np.minimum(d, bridge)

    # ----------------------------------------------------------------- scene
    def parts(self, p: np.ndarray) -> dict[str, np.ndarray]:
        """Distances of the skin, hair, beard and hat surfaces at world points (N, 3)."""
        q = self.to_head(p)
        head = self.head_skin(q)
        out = {"skin": sdf.smin(head, self.body(self.to_model(p)), 0.08) * _SCALE}
        h = self.hair(q)
        if h is not None:
            out["hair"] = h * _SCALE
        b = self.beard(q, head)
        if b is not None:
            out["beard"] = b * _SCALE
        h = self.hat(q)
        if h is not None:
            out["hat"] = h * _SCALE
        return out

    def glasses_world(self, p: np.ndarray) -> np.ndarray:
        """Distance (world units) to the glasses at world points (N, 3). Not one of :meth:`parts`:
        their wire is far thinner than a low-resolution head's sample spacing, so
        :func:`~facelift.data.procedural.assembly.build_head` samples them finer on their own."""
        d = self.glasses(self.to_head(p))
        return np.full(len(p), np.inf, np.float32) if d is None else d * _SCALE

    def scene(self, p: np.ndarray) -> np.ndarray:
        parts = self.parts(p)
        d = parts["skin"]
        for name in ("hair", "beard", "hat"):
            if name in parts:
                d = np.minimum(d, parts[name])
        return d
