"""``facelift demo``: the web demo (Gradio) on this machine."""

from __future__ import annotations

import argparse
import logging

from facelift.app import LOOPBACK
from facelift.cli._args import DTYPE_CHOICES, DTYPE_HELP
from facelift.cli._weights import add_weights_arguments, announce_download
from facelift.cli.view import _port

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo", help="web demo: upload a photo, get views, 3D Gaussians, a turntable and the PLY",
        description="Serve the FaceLift web demo (Gradio) and print its address. One job runs at a "
                    "time; others queue. Needs: pip install 'facelift[app]'.",
    )
    p.add_argument("--port", type=_port, default=7860, help="port (default 7860; 0: any free port)")
    p.add_argument("--host", default=LOOPBACK,
                   help="address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 shares it "
                        "with your network, without authentication)")
    add_weights_arguments(p)
    p.add_argument("--device", default=None, help="torch device, e.g. cuda (default: the pipeline's choice)")
    p.add_argument("--dtype", choices=DTYPE_CHOICES, default="auto", help=DTYPE_HELP)
    p.add_argument("--max-file-size", default="20MB", help="largest upload, e.g. 20MB (default 20MB)")
    p.add_argument("--max-megapixels", type=float, default=40.0, help="largest image in megapixels (default 40)")
    p.add_argument("--queue-size", type=int, default=20, help="visitors that may wait for their turn (default 20)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.app.demo import Demo, DemoLimits, load_pipeline
    from facelift.errors import FaceliftError

    if args.max_megapixels <= 0 or args.queue_size < 1:
        raise FaceliftError("--max-megapixels must be positive and --queue-size at least 1")
    announce_download(args.weights, args.accept_license)
    pipe = load_pipeline(args.weights, device=args.device, accept_license=args.accept_license, dtype=args.dtype)
    limits = DemoLimits(max_file_size=args.max_file_size, max_pixels=int(args.max_megapixels * 1e6),
                        queue_size=args.queue_size)
    demo = Demo(pipe, limits=limits)
    demo.launch(host=args.host, port=args.port, block=False)
    log.info("facelift demo (weights %s) at %s  (Ctrl-C to stop)", args.weights, demo.url)
    try:
        demo.blocks.block_thread()
    finally:
        demo.close()
    return 0
