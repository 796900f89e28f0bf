"""``facelift export HEAD -o OUT.html``: one self-contained page that shows the head as splats."""

from __future__ import annotations

import base64
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app_helpers import blob, wait_for
from facelift.cli import main
from facelift.errors import FaceliftError
from facelift.formats.html import DATA_ELEMENT_ID, html_page, save_html
from facelift.formats.splats import load_gaussians
from facelift.formats.spz import from_spz_bytes
from facelift.gaussians import Gaussians

ASSETS = Path(__file__).resolve().parents[1] / "src" / "facelift" / "assets"
EXAMPLE_HEAD = ASSETS / "example_head.ply"
WEB = ASSETS / "web"
BACKGROUND = (30, 30, 30)  # the page's #1e1e1e
RED, BLUE = (0.9, 0.1, 0.1), (0.1, 0.2, 0.9)


class _Page(HTMLParser):
    """The tags, attributes and script bodies of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: dict[str, str] = {}
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs).get("id") or f"script{len(self.scripts)}"
            self.scripts[self._script] = ""

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self.scripts[self._script] += data


def _parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


# ------------------------------------------------------------------ the file


def test_page_is_self_contained_and_holds_the_head(tmp_path):
    g = blob((0, 0, 0), RED, n=200)
    save_html(g, tmp_path / "head.html")
    text = (tmp_path / "head.html").read_text(encoding="utf-8")
    page = _parse(text)
    for tag, attrs in page.tags:
        for name in ("src", "href", "srcset", "data", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value, f"<{tag} {name}={value!r}>: the page must load nothing"
    assert not [t for t, _ in page.tags if t in ("link", "iframe", "img", "object", "embed", "base")]
    assert "import(" not in text and "importScripts(" not in text  # nor does any script fetch code
    # The splats: the base64 .spz in its element decodes to the same Gaussians.
    back = from_spz_bytes(base64.b64decode(page.scripts[DATA_ELEMENT_ID]))
    assert len(back) == 200
    assert (back.means - g.means).abs().max() < 1e-3
    settings = json.loads(page.scripts["facelift-settings"])
    assert settings["up"] == [0, 0, 1] and settings["cameraPosition"] == [0, -2.7, 0]
    # The renderer is inlined whole, with its licences.
    assert (WEB / "splat-viewer.js").read_text(encoding="utf-8") in text
    assert "Mark Kellogg" in text and "three.js authors" in text


def test_viewer_asset_is_small_and_has_its_licences_and_versions():
    js = WEB / "splat-viewer.js"
    assert js.stat().st_size < 1_000_000
    assert "</script" not in js.read_text(encoding="utf-8").lower()
    licences = (WEB / "splat-viewer.LICENSE.txt").read_text(encoding="utf-8")
    assert licences.count("MIT License") == 2
    versions = json.loads((WEB / "splat-viewer.versions.json").read_text())["packages"]
    build = (Path(__file__).resolve().parents[1] / "tools" / "build_web_viewer.sh").read_text()
    assert f"SPLATS_VERSION={versions['@mkkellogg/gaussian-splats-3d']} " in build
    assert f"THREE_VERSION={versions['three']} " in build


def test_empty_head_is_refused():
    with pytest.raises(FaceliftError, match="no Gaussians"):
        html_page(Gaussians.empty())


def test_a_head_spz_cannot_hold_is_one_line_naming_the_page_and_writes_nothing(tmp_path, capsys):
    g = blob((0, 0, 0), BLUE, n=20)
    g.means[0, 0] = 1e9  # beyond .spz's 24-bit fixed point, which the page embeds
    g.save_ply(tmp_path / "far.ply")
    assert main(["export", str(tmp_path / "far.ply"), "-o", str(tmp_path / "far.html")]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and f"{tmp_path / 'far.html'}: a position of magnitude 1e+09" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["far.ply"]


def test_export_command_writes_the_page(tmp_path, capsys):
    g = blob((0, 0, 0), BLUE, n=50)
    g.save_ply(tmp_path / "head.ply")
    assert main(["export", str(tmp_path / "head.ply"), "-o", str(tmp_path / "out" / "head.html")]) == 0
    assert "wrote" in capsys.readouterr().out
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["head.html"]  # no temporary left
    text = (tmp_path / "out" / "head.html").read_text(encoding="utf-8")
    assert len(from_spz_bytes(base64.b64decode(_parse(text).scripts[DATA_ELEMENT_ID]))) == 50


# ------------------------------------------------------------------ in a browser


def _open(new_page, path: Path):
    """Open ``path`` from disk; the page's console errors and any request it makes beyond it."""
    page = new_page(viewport={"width": 512, "height": 512})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: None if r.url.startswith(("file:", "blob:", "data:"))
            else problems.append(f"request: {r.url}"))
    page.goto(path.as_uri())
    page.wait_for_function("window.faceliftViewer && window.faceliftViewer !== 'loading'")
    assert page.evaluate("window.faceliftViewer") == "ready"
    return page, problems


def _shot(page) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(page.screenshot())).convert("RGB"))


def _drawn(image: np.ndarray) -> np.ndarray:
    """Where the image is not the page background."""
    return np.abs(image.astype(np.int16) - np.asarray(BACKGROUND)).max(axis=-1) > 40


def test_example_head_page_draws_the_head_offline(new_page, tmp_path):
    save_html(load_gaussians(EXAMPLE_HEAD), tmp_path / "head.html")
    page, problems = _open(new_page, tmp_path / "head.html")
    shots = []  # a screenshot takes seconds on SwiftShader: each one is looked at once

    def centre_covered():
        shots.append(_shot(page))
        return _drawn(shots[-1])[128:384, 128:384].mean() > 0.5

    covered = wait_for(centre_covered)
    Image.fromarray(shots[-1]).save(tmp_path / "html-page.png")  # test artifact
    assert covered, f"the head does not cover the centre of the page (see {tmp_path / 'html-page.png'})"
    assert _drawn(shots[-1])[:, :40].mean() < 0.05, "the page edges should stay background"
    assert problems == []


@pytest.mark.parametrize("up", ["z", "y"])
def test_page_starts_at_the_front_camera_with_the_head_upright(new_page, tmp_path, up):
    """Red at +X, blue at +Z: seen from the front camera (0, -2.7, 0), red is on the right
    (the subject's left, as in a photo) and blue on top; the same when the page stores the
    head turned Y-up (``up="y"``), whose camera turns with it."""
    g = Gaussians.cat([blob((0.6, 0, 0), RED, n=400, spread=0.1, seed=1),
                       blob((0, 0, 0.6), BLUE, n=400, spread=0.1, seed=2)])
    save_html(g, tmp_path / "axes.html", up=up)
    stored = from_spz_bytes(base64.b64decode(_parse((tmp_path / "axes.html").read_text()).scripts[DATA_ELEMENT_ID]))
    blue_axis = 2 if up == "z" else 1  # the blue blob sits up the file's up axis
    assert float(stored.means[400:, blue_axis].mean()) > 0.5
    page, problems = _open(new_page, tmp_path / "axes.html")

    shots = []

    def where(rgb):
        mask = np.abs(shots[-1].astype(np.int16) - np.asarray(rgb)).max(axis=-1) <= 60
        return None if mask.sum() < 50 else np.argwhere(mask).mean(axis=0)  # (row, col)

    wait_for(lambda: shots.append(_shot(page)) or where((230, 25, 25)) is not None)
    red, blue = where((230, 25, 25)), where((25, 50, 230))
    Image.fromarray(shots[-1]).save(tmp_path / "axes-page.png")
    assert red is not None and blue is not None, f"see {tmp_path / 'axes-page.png'}"
    assert red[1] > 300 and abs(red[0] - 256) < 40, f"red (+X) should be right of centre: {red}"
    assert blue[0] < 200 and abs(blue[1] - 256) < 40, f"blue (+Z) should be above the centre: {blue}"
    assert problems == []
