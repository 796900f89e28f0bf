"""Head file formats: every one a head is written in, and the Gaussian files read back.

- :mod:`facelift.formats.write`: :func:`write_head`, any format by suffix (what ``facelift export``
  and a reconstruction's ``--format`` list use); :mod:`facelift.formats.axes`: the up-axis option.
- :mod:`facelift.formats.splats`: Gaussian files read and written by suffix (``.ply``, ``.splat``,
  ``.spz``); :mod:`facelift.formats.spz`: Niantic's compressed ``.spz``.
- :mod:`facelift.formats.html`: a self-contained web page that shows a head as splats.
- :mod:`facelift.formats.mesh`: a watertight vertex-coloured mesh of a head (``.glb``, ``.obj``, mesh ``.ply``).
"""

from facelift.formats.write import FORMATS, check_export, parse_formats, write_head

__all__ = ["FORMATS", "check_export", "parse_formats", "write_head"]
