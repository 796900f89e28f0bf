"""The up axis a head file is written with (``"z"``: our world; ``"y"``: turned Y-up), shared by
every writer in this package; what it means is in :mod:`facelift.formats.write`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from facelift.gaussians import Gaussians

Up = Literal["y", "z"]
UP_AXES: tuple[Up, ...] = ("y", "z")
#: Our world (Z up, the face toward -Y) to Y-up (the face toward +Z): a -90° turn about X.
Z_UP_TO_Y_UP = ((1.0, 0.0, 0.0), (0.0, 0.0, 1.0), (0.0, -1.0, 0.0))


def turn_up(gaussians: "Gaussians", up: Up) -> "Gaussians":
    """The set in the frame ``up`` names: itself for ``"z"``, turned by :data:`Z_UP_TO_Y_UP` for ``"y"``
    (means, orientations and SH together: :meth:`Gaussians.transformed`)."""
    import torch

    if up == "z":
        return gaussians
    return gaussians.transformed(rotation=torch.tensor(Z_UP_TO_Y_UP, dtype=gaussians.means.dtype))
