"""``--weights`` and ``--accept-license``, shared by the commands that load a pipeline."""

from __future__ import annotations

import argparse

WEIGHTS_HELP = ("'tiny' (bundled), 'openfacelift' (the authors' release: downloaded and converted on first "
                "use, needs --accept-license then), a local folder, or a cached hub id (default tiny)")


def add_weights_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--weights", default="tiny", help=WEIGHTS_HELP)
    p.add_argument("--accept-license", action="store_true",
                   help="accept the licence of the authors' weights (non-commercial), needed for the first "
                        "download of --weights openfacelift (or set FACELIFT_ACCEPT_LICENSE=1)")


def announce_download(weights: str, accept_license: bool) -> None:
    """Print the release's licence before its first download (the library only logs)."""
    from facelift.weights import release

    if weights != release.NAME:
        return
    if release.license_accepted(accept_license) and release.needs_download():
        print(f"{release.license_notice()}.\nFirst use of --weights {release.NAME}: downloading the "
              f"release and converting it once into {release.converted_dir()}.", flush=True)
