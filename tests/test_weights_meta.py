"""facelift.json: one typed record, read and written in one place."""

import json

import pytest

from facelift.errors import FaceliftError
from facelift.weights.locate import bundled_weights_dir
from facelift.weights.meta import META_FILE, WeightsMeta, read_meta, write_meta


def test_a_written_meta_reads_back_equal_and_keeps_unknown_keys(tmp_path):
    meta = WeightsMeta(name="w", stage2="lrm/", defaults={"seed": 4, "guidance_scale": 1.5},
                       export={"max_scale": None}, notes={"export_why": "because"}, extra={"future_key": [1, 2]})
    write_meta(tmp_path, meta)
    raw = json.loads((tmp_path / META_FILE).read_text())
    assert raw == {"name": "w", "stage2": "lrm/", "defaults": {"seed": 4, "guidance_scale": 1.5},
                   "export": {"max_scale": None}, "export_why": "because", "future_key": [1, 2]}
    assert read_meta(tmp_path) == meta


def test_the_bundled_meta_round_trips_to_the_same_object(tmp_path):
    folder = bundled_weights_dir("tiny")
    meta = read_meta(folder)
    assert meta.name == "tiny" and meta.defaults["refine"] == 40 and "refine_why" in meta.notes
    assert meta.to_json() == json.loads((folder / META_FILE).read_text())


def test_a_folder_without_the_file_has_empty_meta(tmp_path):
    assert read_meta(tmp_path) == WeightsMeta()
    assert WeightsMeta().to_json() == {}


@pytest.mark.parametrize("text, message", [
    ("{not json", "not readable JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"defaults": 3}', '"defaults" must be an object'),
    ('{"export": [1]}', '"export" must be an object'),
])
def test_a_bad_file_is_one_line_naming_it(tmp_path, text, message):
    (tmp_path / META_FILE).write_text(text)
    with pytest.raises(FaceliftError, match=message) as err:
        read_meta(tmp_path)
    assert str(tmp_path / META_FILE) in str(err.value) and "\n" not in str(err.value)
