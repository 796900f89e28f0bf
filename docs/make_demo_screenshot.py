"""Regenerate ``docs/demo.png``: the web demo after reconstructing the example photo.

    python docs/make_demo_screenshot.py [--weights tiny] [--upload-only] [--out docs/demo.png]

Starts ``facelift demo`` in-process on a free loopback port, drives Debian's Chromium
(headless, through playwright) to upload ``examples/astronaut.jpg`` and press Reconstruct,
and saves the page, palette-quantised to stay small. ``--upload-only`` stops after the upload
(no weights needed), which shows the form but no result.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader",
                 "--enable-unsafe-swiftshader", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weights", default="tiny")
    ap.add_argument("--upload-only", action="store_true")
    ap.add_argument("--photo", type=Path, default=ROOT / "examples" / "astronaut.jpg")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "demo.png")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--width", type=int, default=1000, help="width of the saved image")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from facelift.app import free_port
    from facelift.app.demo import Demo, load_pipeline

    pipe = None if args.upload_only else load_pipeline(args.weights)
    demo = Demo(pipe, defaults={"frames": 30})
    demo.launch(port=free_port(), block=False)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(demo.url)
            page.locator("#photo input[type=file]").set_input_files(str(args.photo))
            page.wait_for_selector("#preview img", timeout=60_000)
            if not args.upload_only:
                page.locator("#run").click()
                page.wait_for_selector("#status :text('Done'), #status :text('Error')", timeout=600_000)
                page.wait_for_selector("#model3d canvas", timeout=60_000)
                time.sleep(2.0)  # let the splat viewer and the video draw
            png = page.screenshot(full_page=True)
            browser.close()
    finally:
        demo.close()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((args.width, round(image.height * args.width / image.width)), Image.LANCZOS)
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(args.out, optimize=True)
    print(f"{args.out}: {image.width}x{image.height}, {args.out.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
