"""facelift: single image to 3D head with multi-view diffusion and GS-LRM."""

__version__ = "0.1.0"

from facelift.errors import FaceliftError

__all__ = ["FaceliftError", "__version__"]
