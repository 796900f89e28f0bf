"""``python -m facelift.data.procedural``: see :mod:`facelift.data.procedural.cli`."""

from facelift.data.procedural.cli import main

raise SystemExit(main())
