"""Write facelift/assets/face_mesh_mirror.json: the mirror image of every MediaPipe face-mesh
landmark (used by :mod:`facelift.refine.mirror`).

    python tools/make_face_mirror.py [PHOTO]     # default: examples/astronaut.jpg

The table is a fact of the mesh's topology, read off one frontal face: its landmarks are
reflected in the face's plane of symmetry and matched one to one
(:func:`facelift.refine.mirror.mirror_index`). On a turned face the matching goes wrong (the
mesh's relative depth is not in exactly the units of x), hence a table made once. Checked
before writing: it is an involution and maps the anchor pairs onto each other. The bundled
astronaut gives the same table as the consensus of 26 near-frontal photos (|yaw| < 12°).
"""

import json
import sys
from pathlib import Path

import numpy as np

from facelift.atomic import atomic_write_text
from facelift.preprocess import preprocess_image
from facelift.refine.face_prior import face_yaw
from facelift.refine.mirror import ANCHOR_PAIRS, MIRROR_TABLE, mirror_index

root = Path(__file__).resolve().parents[1]
photo = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "examples" / "astronaut.jpg"
pre = preprocess_image(photo)
if pre.landmarks is None:
    sys.exit(f"{photo}: no face mesh")
yaw = face_yaw(pre.landmarks)
if abs(yaw) > 5:
    sys.exit(f"{photo}: the face is turned {yaw:.1f}°; use a frontal photo")
table = mirror_index(pre.landmarks)
if not (table[table] == np.arange(len(table))).all():
    sys.exit("the matching is not an involution")
for a, b in ANCHOR_PAIRS:
    if table[a] != b:
        sys.exit(f"landmark {a} is matched to {table[a]}, not {b}")
atomic_write_text(MIRROR_TABLE, json.dumps({"source": photo.name, "mirror": table.tolist()}) + "\n")
print(f"wrote {MIRROR_TABLE}: {int((table != np.arange(len(table))).sum())} landmarks off the midline")
