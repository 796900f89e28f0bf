"""``facelift preprocess``: writes the framed PNG; bad inputs give one line and exit code 2."""

import json
from pathlib import Path

from PIL import Image

from facelift.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


def test_preprocess_writes_png_and_json(tmp_path):
    out, info = tmp_path / "in.png", tmp_path / "in.json"
    assert main(["preprocess", str(EXAMPLE), "-o", str(out), "--json", str(info)]) == 0
    assert Image.open(out).size == (512, 512)
    data = json.loads(info.read_text())
    x0, y0, x1, y1 = data["face_box_xyxy"]
    assert abs((x0 + x1) / 2 - 251.8) < 0.1 and abs((y0 + y1) / 2 - 280.0) < 0.1
    assert data["num_faces"] == 1


def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, capsys):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    out = tmp_path / "out.png"
    assert main(["preprocess", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("facelift: error:") and str(bad) in err and "\n" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]
