"""See and share results in the browser: the interactive 3D viewer (``facelift view``, viser)
and the web demo (``facelift demo``, Gradio). Both need the ``app`` extra:
``pip install 'facelift[app]'``.
"""

from __future__ import annotations

import logging
import socket

from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"


def require(module: str, what: str):
    """Import an optional dependency of the ``app`` extra, or say how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise FaceliftError(
            f"{what} needs the optional package {module!r}: pip install 'facelift[app]'") from None


def warn_if_public(host: str) -> None:
    """Binding beyond loopback shares the app with everyone who can reach this machine."""
    if host not in (LOOPBACK, "localhost", "::1"):
        log.warning("listening on %s: anyone who can reach this machine on that address can use "
                    "this app (no authentication); use the default 127.0.0.1 to keep it private", host)


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port that was free a moment ago (for tests and ``--port 0``)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])
