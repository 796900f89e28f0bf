"""``--weights openfacelift``: downloaded from a loopback fake hub (the release's file layout,
tiny weights), converted once, cached; licence, offline, resume and corruption paths."""

import hashlib
import io
import json
import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).parent))
from fake_hub import FakeHub, Repo, folder_files  # noqa: E402
from test_lrm_convert import _fake_checkpoint  # noqa: E402
from test_mvdiff import _release_folder, tiny_model  # noqa: E402

from facelift.weights import release as release_weights  # noqa: E402
from facelift.cli import main  # noqa: E402
from facelift.errors import FaceliftError  # noqa: E402
from facelift.mvdiff import build_pipeline  # noqa: E402
from facelift.pipeline import FaceLiftPipeline  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"
CKPT = "gslrm/ckpt_0000000000021000.pt"
OLD_CKPT = "gslrm/ckpt_0000000000001000.pt"
#: The second place the Space may keep them (the first is tried, absent, then this one).
SPACE_EMBEDDINGS = release_weights.SPACE_EMBEDDINGS_PATHS[1]
UNET = "mvdiffusion/pipeckpts/unet/diffusion_pytorch_model.safetensors"
PICKLED_DUPLICATE = "mvdiffusion/pipeckpts/unet/diffusion_pytorch_model.bin"


@pytest.fixture(scope="module")
def release_files(tmp_path_factory) -> dict[str, bytes]:
    """The model repo's files: the release's layout, tiny weights, plus what must not be fetched."""
    root = tmp_path_factory.mktemp("OpenFaceLift")
    (root / "mvdiffusion").mkdir()
    _release_folder(build_pipeline(tiny_model(), seed=0), root / "mvdiffusion")
    (root / "gslrm").mkdir()
    _fake_checkpoint(root / CKPT)
    files = folder_files(root)
    files[OLD_CKPT] = b"an older checkpoint: never downloaded"
    files[PICKLED_DUPLICATE] = b"a pickled duplicate of the safetensors: never downloaded"
    files["README.md"] = b"# OpenFaceLift\n"
    return files


@pytest.fixture(scope="module")
def embeddings() -> bytes:
    out = io.BytesIO()
    torch.save(torch.randn(6, 77, tiny_model().tiny.cross_attention_dim).half(), out)
    return out.getvalue()


@pytest.fixture
def hub(release_files, embeddings, tmp_path, monkeypatch):
    fake = FakeHub({
        f"model:{release_weights.REPO_ID}": Repo(dict(release_files)),
        f"space:{release_weights.SPACE_ID}": Repo({SPACE_EMBEDDINGS: embeddings,
                                                    "app.py": b"print()\n"}, commit="f" * 40),
    })
    endpoint = fake.start()
    monkeypatch.setenv("HF_ENDPOINT", endpoint)
    monkeypatch.setenv(release_weights.ENV_CACHE, str(tmp_path / "cache"))
    for name in ("HF_HUB_OFFLINE", release_weights.ENV_ACCEPT, release_weights.ENV_REPO,
                 release_weights.ENV_REVISION, release_weights.ENV_SPACE):
        monkeypatch.delenv(name, raising=False)
    yield fake
    fake.stop()


def _downloaded(hub: FakeHub) -> set[str]:
    return {path.split("/resolve/", 1)[1].split("/", 1)[1] for method, path, _ in hub.requests
            if method == "GET" and "/resolve/" in path}


def test_first_use_downloads_converts_and_reconstructs_then_stays_offline(hub, release_files, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["reconstruct", str(EXAMPLE), "-o", str(out), "--weights", "openfacelift", "--steps", "2",
            "--frames", "2", "--size", "32"]
    assert main(args + ["--accept-license"]) == 0
    printed = capsys.readouterr().out
    assert release_weights.LICENSE_NAME in printed and release_weights.LICENSE_URL in printed
    assert (out / "astronaut" / "gaussians.ply").is_file()

    # Only what the converter needs went over the wire: Stage I's safetensors and the newest checkpoint.
    wanted = {p for p in release_files if p.startswith("mvdiffusion/pipeckpts/") and not p.endswith(".bin")}
    assert _downloaded(hub) == wanted | {CKPT, SPACE_EMBEDDINGS}
    cache = Path(release_weights.converted_dir())
    assert sorted(p.name for p in cache.parent.iterdir()) == [".openfacelift.lock", "openfacelift"]
    meta = json.loads((cache / "facelift.json").read_text())
    record = meta["download"]
    assert record["repo_id"] == release_weights.REPO_ID and record["revision"] == hub.repos[
        f"model:{release_weights.REPO_ID}"].commit
    assert record["files"] == {p: hashlib.sha256(release_files[p]).hexdigest() for p in wanted | {CKPT}}
    assert record["view_embeddings"]["repo_type"] == "space" and "clr_embeds.pt" in meta["view_embeddings"]
    assert record["license"] == release_weights.LICENSE_NAME

    # Second use: the cache answers, no request is made, no licence flag is needed.
    hub.requests.clear()
    hub.down = True
    pipe = FaceLiftPipeline.from_pretrained("openfacelift", device="cpu")
    assert pipe.mvdiff.num_views == 6 and hub.requests == []
    assert main(args[:3] + [str(tmp_path / "again")] + args[4:]) == 0 and hub.requests == []


def test_without_the_licence_nothing_is_downloaded(hub, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["reconstruct", str(EXAMPLE), "-o", str(out), "--weights", "openfacelift"]) != 0
    err = capsys.readouterr().err
    assert "--accept-license" in err and release_weights.LICENSE_NAME in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert hub.requests == [] and not out.exists() and not Path(release_weights.converted_dir()).exists()
    with pytest.raises(FaceliftError, match="accept_license=True"):
        FaceLiftPipeline.from_pretrained("openfacelift")


def test_the_licence_can_be_accepted_from_the_environment(hub, monkeypatch):
    monkeypatch.setenv(release_weights.ENV_ACCEPT, "1")
    assert release_weights.resolve_openfacelift() == release_weights.converted_dir()


def test_offline_says_how_to_install_by_hand(hub, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert main(["reconstruct", str(EXAMPLE), "-o", str(tmp_path / "o"), "--weights", "openfacelift",
                 "--accept-license"]) != 0
    err = capsys.readouterr().err
    assert "HF_HUB_OFFLINE" in err and "convert-official" in err and len(err.strip().splitlines()) == 1
    assert hub.requests == []


def test_an_unreachable_hub_is_one_clear_error(hub, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens on the discard port
    with pytest.raises(FaceliftError, match="cannot reach.*convert-official"):
        release_weights.resolve_openfacelift(accept_license=True)


def test_a_dropped_connection_resumes_with_a_range_request(hub, release_files):
    hub.faults[CKPT] = ["truncate"]
    release_weights.resolve_openfacelift(accept_license=True)
    gets = hub.file_gets(CKPT)
    # The second GET starts where the written chunks of the first ended, not from zero.
    assert len(gets) == 2 and gets[0] is None and gets[1].startswith("bytes="), gets
    assert 0 < int(gets[1][len("bytes="):].rstrip("-")) <= len(release_files[CKPT]) // 2
    meta = json.loads((release_weights.converted_dir() / "facelift.json").read_text())
    assert meta["download"]["files"][CKPT] == hashlib.sha256(release_files[CKPT]).hexdigest()


def test_a_failed_run_keeps_finished_files_and_the_next_run_fetches_only_the_rest(hub):
    hub.faults[CKPT] = ["error"] * 10  # more than huggingface_hub's retries
    with pytest.raises(FaceliftError, match="HTTP 500"):
        release_weights.resolve_openfacelift(accept_license=True)
    assert not release_weights.converted_dir().exists()
    assert (release_weights.download_dir() / UNET).is_file()
    # A finished file edited on disk since is caught by its hash and fetched again.
    (release_weights.download_dir() / UNET).write_bytes(b"damaged")
    hub.faults.clear()
    hub.requests.clear()
    assert release_weights.resolve_openfacelift(accept_license=True).is_dir()
    assert _downloaded(hub) == {CKPT, UNET, SPACE_EMBEDDINGS}


def test_a_corrupt_download_is_detected_and_removed(hub):
    hub.faults[UNET] = ["corrupt", "corrupt"]
    with pytest.raises(FaceliftError, match="corrupt"):
        release_weights.resolve_openfacelift(accept_license=True)
    assert not (release_weights.download_dir() / UNET).exists()
    assert not release_weights.converted_dir().exists()
    # One bad transfer is retried once on its own.
    hub.faults[UNET] = ["corrupt"]
    assert release_weights.resolve_openfacelift(accept_license=True).is_dir()


def test_without_the_space_the_embeddings_are_computed(hub):
    del hub.repos[f"space:{release_weights.SPACE_ID}"]
    folder = release_weights.resolve_openfacelift(accept_license=True)
    meta = json.loads((folder / "facelift.json").read_text())
    assert meta["download"]["view_embeddings"] is None and "computed" in meta["view_embeddings"]


def test_a_half_converted_folder_is_not_taken_as_done(hub, tmp_path):
    final = release_weights.converted_dir()
    (final / "lrm").mkdir(parents=True)  # killed before mvdiff/ and facelift.json were written
    source = release_weights.ReleaseSource.from_env()
    assert not release_weights.is_ready(final, source)
    folder = release_weights.resolve_openfacelift(accept_license=True)
    assert release_weights.is_ready(folder, source)
    # Another pinned revision is not this conversion.
    other = release_weights.ReleaseSource(revision="f" * 40)
    assert not release_weights.is_ready(folder, other)


def test_a_wrong_repository_is_named(hub, monkeypatch):
    monkeypatch.setenv(release_weights.ENV_REPO, "someone/not-there")
    with pytest.raises(FaceliftError, match="someone/not-there"):
        release_weights.resolve_openfacelift(accept_license=True)
