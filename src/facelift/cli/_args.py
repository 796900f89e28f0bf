"""Argument types shared by the CLI modules."""

from __future__ import annotations

import argparse


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def refine_setting(text: str) -> str | int:
    """``--refine``: "auto", "on", "off", or a positive number of photo-fit iterations."""
    value = text.strip().lower()
    if value in ("auto", "on", "off"):
        return value
    try:
        return positive_int(value)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"expected 'auto', 'on', 'off' or a positive number of iterations, "
                                         f"got {text!r}") from None


REFINE_HELP = ("photo-fit refinement, the person's likeness (facelift.refine): 'auto' (the weights' "
               "default: on for the bundled tiny, off for release weights), 'on', 'off', or N iterations")
