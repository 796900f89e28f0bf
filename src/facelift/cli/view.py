"""``facelift view``: open a Gaussian head (or a facelift output folder) in the browser."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading
from pathlib import Path

from facelift.app import LOOPBACK

log = logging.getLogger(__name__)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number 0..65535, got {text!r}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "view", help="interactive 3D viewer of a Gaussian head in the browser",
        description="Serve an interactive viewer (orbit, zoom, the six input cameras, a time slider "
                    "for 'facelift video' folders, screenshots) and print its address. PATH is a "
                    ".ply/.splat/.spz file or a facelift output folder. Needs: pip install 'facelift[app]'.",
    )
    p.add_argument("path", type=Path, help=".ply / .splat / .spz file, or a 'facelift reconstruct' / 'facelift video' folder")
    p.add_argument("--port", type=_port, default=8080, help="port (default 8080; the next free one if taken; 0: any)")
    p.add_argument("--host", default=LOOPBACK,
                   help="address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 shares it "
                        "with your network, without authentication)")
    p.add_argument("--screenshots", type=Path, default=Path("."),
                   help="folder for the screenshot button's PNGs (default: current folder)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.app.viewer import Viewer, open_scene

    scene = open_scene(args.path)
    viewer = Viewer(scene, host=args.host, port=args.port, screenshot_dir=args.screenshots)
    log.info("facelift view: %s (%d frame%s) at %s  (Ctrl-C to stop)", args.path, len(scene),
             "" if len(scene) == 1 else "s", viewer.url)
    # Ctrl-C must end the command. Stopping the server is bounded, but a callback stuck in one of
    # its threads could hold the process (seen once in CI: still running 30 s after SIGINT), so
    # the interrupt also arms a hard exit that fires only if the normal one has not happened.
    signal.signal(signal.SIGINT, _interrupt)
    viewer.serve_forever()
    return 0


def _interrupt(signum, frame) -> None:
    _exit_after(SHUTDOWN_GRACE_S, 130)
    raise KeyboardInterrupt


#: Seconds a Ctrl-C'd viewer may take to exit before the process is ended outright.
SHUTDOWN_GRACE_S = 10.0


def _exit_after(seconds: float, code: int) -> None:
    timer = threading.Timer(seconds, lambda: os._exit(code))
    timer.daemon = True
    timer.start()
