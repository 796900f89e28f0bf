"""The ``facelift`` command line: a thin layer that parses, calls the library, formats errors.

Every module in this package that defines ``register(subparsers)`` adds its commands.
Commands that belong to a group (``facelift train lrm``, ``facelift data synth``) get the
group's sub-parsers from :func:`group`, so each stage owns its own CLI module.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from facelift import __version__
from facelift.errors import FaceliftError

_GROUPS: dict[str, argparse._SubParsersAction] = {}


def group(subparsers: argparse._SubParsersAction, name: str, help: str) -> argparse._SubParsersAction:
    """The sub-parsers of command group ``name`` (created on first use)."""
    if name not in _GROUPS:
        parser = subparsers.add_parser(name, help=help, description=help)
        _GROUPS[name] = parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND", required=True)
    return _GROUPS[name]


class _Parser(argparse.ArgumentParser):
    """Bad arguments get one line and exit code 2, not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"{self.prog}: error: {message} (see '{self.prog} --help')", file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    _GROUPS.clear()
    parser = _Parser(
        prog="facelift",
        description="Single image to 3D head as Gaussian splats (FaceLift: multi-view diffusion + GS-LRM).",
    )
    parser.add_argument("--version", action="version", version=f"facelift {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="say more: -v what each step did, -vv debug messages")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Quiet by default: progress bars, the commands' own lines (what was written, where a
    # server listens) and warnings; the library's INFO lines with -v, everything with -vv.
    logging.basicConfig(
        level={0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG),
        format="%(levelname)s %(name)s: %(message)s" if args.verbose > 1 else "%(message)s",
    )
    logging.getLogger("facelift.cli").setLevel(logging.INFO if args.verbose < 2 else logging.DEBUG)
    try:
        code = args.func(args)
    except FaceliftError as e:
        print(f"facelift: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # disk full, permission denied, ...: still one line, naming the file
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        print(f"facelift: error: {where}{e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("facelift: interrupted", file=sys.stderr)
        return 130
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
