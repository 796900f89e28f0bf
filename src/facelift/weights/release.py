"""``--weights openfacelift``: the authors' release, downloaded once, converted once, cached.

One job: turn the name ``openfacelift`` into a converted weights folder. In order:

1. ``$FACELIFT_CACHE/openfacelift`` (``FACELIFT_CACHE`` defaults to ``~/.cache/facelift``)
   when it holds a complete conversion: no network, no licence flag.
2. Otherwise, with the licence accepted, the release's files are downloaded from the Hugging
   Face hub (model repo ``wlyu/OpenFaceLift``: ``mvdiffusion/pipeckpts/**`` without the
   non-safetensors weight duplicates, and the newest ``gslrm/ckpt_*.pt`` only) into
   ``$FACELIFT_CACHE/downloads/openfacelift``, each file checked against the hub's hash, and
   converted by :func:`facelift.weights.convert.convert_release`. ``facelift.json`` records the
   repo, the commit and every file's sha256. The download folder is removed afterwards: the
   converted folder is all that runs, and the release is several GB.

The release's fixed view embeddings (``clr_embeds.pt``) are not in the model repo but in the
release's code tree (GitHub); they are fetched best effort from the authors' Space
``wlyu/FaceLift``, which serves that code (without them the converter computes the embeddings
from the text encoder, and says so in ``facelift.json``).

Crash safety: finished files in the download folder survive a kill and are not fetched again
(huggingface_hub keeps no partial file across runs, but retries a dropped connection within a
run from where it stopped, with an HTTP Range request). The converted folder is assembled under
a hidden name and renamed into place only when complete, with its provenance written, so a
killed run never leaves a folder that a later run takes as done.

Environment: ``FACELIFT_ACCEPT_LICENSE=1``, ``FACELIFT_OPENFACELIFT_REPO`` /
``FACELIFT_OPENFACELIFT_REVISION`` (a mirror, a pinned commit), ``FACELIFT_OPENFACELIFT_SPACE``
(``none``: do not look for the embeddings), and huggingface_hub's own ``HF_ENDPOINT``,
``HF_HUB_OFFLINE``, ``HF_TOKEN``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from facelift.errors import FaceliftError
from facelift.weights.meta import META_FILE, WeightsMeta, read_meta, write_meta

log = logging.getLogger(__name__)

NAME = "openfacelift"
REPO_ID = "wlyu/OpenFaceLift"
SPACE_ID = "wlyu/FaceLift"
#: Where the Space keeps the embeddings, and where the release's code tree (and so the
#: converter, :data:`facelift.weights.convert.VIEW_EMBEDDING_PATHS`) expects them.
EMBEDDINGS_IN_ROOT = "mvdiffusion/data/fixed_prompt_embeds_6view/clr_embeds.pt"
#: Where the Space may keep them, first match wins: the code tree's own path (the GitHub
#: release has the file there, git blob 6d7331b2...), else one level up.
SPACE_EMBEDDINGS_PATHS = (EMBEDDINGS_IN_ROOT, "mvdiffusion/fixed_prompt_embeds_6view/clr_embeds.pt")
LICENSE_NAME = "Adobe Research License v1.2"
LICENSE_URL = "https://github.com/weijielyu/FaceLift/blob/main/Adobe%20Research%20License%20v1.2.txt"

ENV_CACHE = "FACELIFT_CACHE"
ENV_ACCEPT = "FACELIFT_ACCEPT_LICENSE"
ENV_REPO = "FACELIFT_OPENFACELIFT_REPO"
ENV_REVISION = "FACELIFT_OPENFACELIFT_REVISION"
ENV_SPACE = "FACELIFT_OPENFACELIFT_SPACE"

STAGE1_PREFIX = "mvdiffusion/pipeckpts/"
#: Weight formats other than safetensors: in the release's diffusers folder they are duplicates
#: (and pickles), so they are never downloaded.
NON_SAFETENSORS_WEIGHTS = (".bin", ".ckpt", ".pt", ".pth")
_CHECKPOINT = re.compile(r"^gslrm/ckpt_(\d+)\.pt$")
_TRUE = {"1", "true", "yes", "on"}

T = TypeVar("T")


@dataclass(frozen=True)
class ReleaseSource:
    """Where the release comes from (the defaults, or a mirror / pinned commit from the environment)."""

    repo_id: str = REPO_ID
    revision: str | None = None
    space_id: str | None = SPACE_ID
    endpoint: str | None = None

    @classmethod
    def from_env(cls) -> "ReleaseSource":
        space = os.environ.get(ENV_SPACE, SPACE_ID).strip()
        return cls(
            repo_id=os.environ.get(ENV_REPO, "").strip() or REPO_ID,
            revision=os.environ.get(ENV_REVISION, "").strip() or None,
            space_id=None if space.lower() in ("", "none", "off") else space,
            # Read at call time: huggingface_hub reads HF_ENDPOINT once, at its import.
            endpoint=os.environ.get("HF_ENDPOINT", "").strip().rstrip("/") or None,
        )


@dataclass(frozen=True)
class RemoteFile:
    """One file of the hub repository and the hash the hub gives for it."""

    path: str
    size: int
    sha256: str | None  # LFS files: the content's sha256
    git_oid: str | None  # every file: git's blob id (sha1 of "blob SIZE\0" + content)


# ----------------------------------------------------------------------------- places
def cache_root() -> Path:
    return Path(os.environ.get(ENV_CACHE, "").strip() or "~/.cache/facelift").expanduser()


def converted_dir() -> Path:
    return cache_root() / NAME


def download_dir() -> Path:
    return cache_root() / "downloads" / NAME


# ----------------------------------------------------------------------------- messages
def license_accepted(accept_license: bool = False) -> bool:
    return bool(accept_license) or os.environ.get(ENV_ACCEPT, "").strip().lower() in _TRUE


def license_notice() -> str:
    """What a user sees before the first download (the CLI prints it)."""
    return (f"The OpenFaceLift weights are licensed by their authors under the {LICENSE_NAME} "
            f"(non-commercial research use only); read it at {LICENSE_URL}")


def manual_steps(source: ReleaseSource | None = None) -> str:
    """How to install the weights without a network here (part of one-line error messages)."""
    repo = (source or ReleaseSource()).repo_id
    return (f"download them on a machine with internet access ('hf download {repo} --local-dir DIR'), copy "
            f"DIR here, run 'facelift convert-official DIR -o OUT' and use '--weights OUT' (with OUT = "
            f"{converted_dir()}, '--weights {NAME}' finds them)")


# ----------------------------------------------------------------------------- the cache
def complete_meta(folder: Path) -> WeightsMeta | None:
    """A weights folder's ``facelift.json``, or None when the folder is not a complete conversion."""
    if not ((folder / "lrm").is_dir() and (folder / "mvdiff").is_dir() and (folder / META_FILE).is_file()):
        return None
    try:
        return read_meta(folder)
    except FaceliftError:
        return None


def is_ready(folder: Path, source: ReleaseSource) -> bool:
    """Whether ``folder`` is a complete conversion of what ``source`` asks for.

    A conversion made here records its repo and commit; one made by hand with
    ``convert-official -o`` into the cache records none and is taken as the user's choice.
    """
    meta = complete_meta(folder)
    if meta is None:
        return False
    record = meta.download
    if not isinstance(record, dict):
        return True
    if record.get("repo_id") != source.repo_id:
        return False
    return source.revision is None or source.revision in (record.get("revision"), record.get("requested_revision"))


def needs_download(source: ReleaseSource | None = None) -> bool:
    """Whether ``--weights openfacelift`` would download now (for the CLI's licence notice)."""
    return not is_ready(converted_dir(), source or ReleaseSource.from_env())


def offline() -> bool:
    from huggingface_hub import constants

    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in _TRUE or constants.is_offline_mode()


def resolve_openfacelift(accept_license: bool = False) -> Path:
    """The converted release's folder: from the cache, or downloaded and converted now."""
    source = ReleaseSource.from_env()
    final = converted_dir()
    if is_ready(final, source):
        return final
    # Everything that can fail without the network fails here, before any request.
    if not license_accepted(accept_license):
        raise FaceliftError(f"weights '{NAME}': the authors' weights are under the {LICENSE_NAME} "
                            f"(non-commercial; read it at {LICENSE_URL}); to download them, accept it with "
                            f"--accept-license (Python: accept_license=True; or {ENV_ACCEPT}=1)")
    if offline():
        raise FaceliftError(f"weights '{NAME}' are not in {final} and HF_HUB_OFFLINE is set, so they cannot "
                            f"be downloaded; {manual_steps(source)}")
    try:
        download_dir().mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise FaceliftError(f"{cache_root()}: cannot write facelift's cache ({err.strerror or err}); set "
                            f"{ENV_CACHE} to a writable folder") from None
    with _cache_lock(cache_root() / f".{NAME}.lock"):
        if is_ready(final, source):  # another process finished it while we waited
            return final
        return _download_and_convert(source, final)


@contextlib.contextmanager
def _cache_lock(path: Path) -> Iterator[None]:
    """One downloader at a time (``accelerate launch`` starts one process per GPU, all asking
    for the same weights): the others wait, then find the conversion done."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; huggingface_hub still locks per file
        yield
        return
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("waiting for another facelift process that is preparing %s", converted_dir())
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ----------------------------------------------------------------------------- the hub
def _hub(source: ReleaseSource, what: str, call: Callable[[], T]) -> T:
    """Run one huggingface_hub call; its failures become one-line :class:`FaceliftError`s."""
    import httpx2
    from huggingface_hub import errors

    where = source.endpoint or "the Hugging Face hub"
    try:
        return call()
    except errors.OfflineModeIsEnabled:
        raise FaceliftError(f"{what}: HF_HUB_OFFLINE is set; {manual_steps(source)}") from None
    except errors.GatedRepoError:
        raise FaceliftError(f"{what}: the repository is gated: accept its terms on its hub page and log in "
                            "('hf auth login'), then run again") from None
    except errors.RepositoryNotFoundError:
        raise FaceliftError(f"{what}: repository {source.repo_id!r} not found on {where} (check {ENV_REPO}); "
                            f"or {manual_steps(source)}") from None
    except errors.RevisionNotFoundError:
        raise FaceliftError(f"{what}: revision {source.revision!r} not found in {source.repo_id} "
                            f"(check {ENV_REVISION})") from None
    except (httpx2.TransportError, errors.LocalEntryNotFoundError) as err:
        # LocalEntryNotFoundError: the hub could not be reached and the file is not here yet.
        raise FaceliftError(f"{what}: cannot reach {where} ({_first_line(err)}); {manual_steps(source)}") from None
    except errors.HfHubHTTPError as err:
        status = err.response.status_code if err.response is not None else "?"
        raise FaceliftError(f"{what}: {where} answered HTTP {status}; run again later (finished files are kept) "
                            f"or {manual_steps(source)}") from None
    except OSError as err:  # a short read that retries could not complete, disk full, permissions
        raise FaceliftError(f"{what}: {_first_line(err)}; run again to resume") from None


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


def remote_files(siblings: list[Any] | None) -> list[RemoteFile]:
    """The files ``--weights openfacelift`` needs, out of the repository's listing."""
    files = {s.rfilename: RemoteFile(s.rfilename, int(s.size or 0), s.lfs.sha256 if s.lfs else None, s.blob_id)
             for s in siblings or []}
    stage1 = [f for p, f in files.items()
              if p.startswith(STAGE1_PREFIX) and not p.lower().endswith(NON_SAFETENSORS_WEIGHTS)]
    if f"{STAGE1_PREFIX}model_index.json" not in files:
        raise FaceliftError(f"the release repository has no {STAGE1_PREFIX}model_index.json (Stage I): "
                            "is it the OpenFaceLift release?")
    checkpoints = [(int(m.group(1)), p) for p in files if (m := _CHECKPOINT.match(p))]
    if not checkpoints:
        raise FaceliftError("the release repository has no gslrm/ckpt_*.pt (Stage II): is it the OpenFaceLift release?")
    return sorted(stage1, key=lambda f: f.path) + [files[max(checkpoints)[1]]]


def file_digests(path: Path) -> tuple[str, str]:
    """(sha256, git blob id) of a file, in one read."""
    sha256, git = hashlib.sha256(), hashlib.sha1()
    git.update(b"blob %d\0" % path.stat().st_size)
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            sha256.update(chunk)
            git.update(chunk)
    return sha256.hexdigest(), git.hexdigest()


def check(path: Path, expected: RemoteFile) -> tuple[str, str | None]:
    """(the file's sha256, None when it has the hub's content, else what differs)."""
    sha256, git_oid = file_digests(path)
    if expected.sha256 and sha256 != expected.sha256:
        return sha256, f"sha256 {sha256[:12]}..., the hub says {expected.sha256[:12]}..."
    if not expected.sha256 and expected.git_oid and git_oid != expected.git_oid:
        return sha256, f"git blob id {git_oid[:12]}..., the hub says {expected.git_oid[:12]}..."
    return sha256, None


def _fetch(source: ReleaseSource, commit: str, file: RemoteFile, root: Path, repo_type: str = "model",
           repo_id: str | None = None) -> tuple[Path, str]:
    """Download one file into ``root`` (or take the finished copy there) and check its hash;
    returns its path and sha256.

    A copy that does not match (edited on disk, or a bad transfer) is removed and fetched once
    more; a second mismatch is an error, and the bad file is not left behind.
    """
    from huggingface_hub import hf_hub_download

    repo_id = repo_id or source.repo_id
    what = f"{repo_id}/{file.path}"

    def download(force: bool) -> Path:
        return Path(_hub(source, f"downloading {what}", lambda: hf_hub_download(
            repo_id, file.path, repo_type=repo_type, revision=commit, local_dir=root, endpoint=source.endpoint,
            force_download=force)))

    path = download(force=False)
    sha256, problem = check(path, file)
    if problem is None:
        return path, sha256
    log.warning("%s: the copy in %s does not match the hub (%s); downloading it again", what, root, problem)
    path.unlink(missing_ok=True)
    path = download(force=True)
    sha256, problem = check(path, file)
    if problem is not None:
        path.unlink(missing_ok=True)
        raise FaceliftError(f"{what}: the downloaded file is corrupt ({problem}); it was removed: run again, or "
                            f"{manual_steps(source)}")
    return path, sha256


def _fetch_view_embeddings(source: ReleaseSource, root: Path) -> dict | None:
    """Best effort: the release's ``clr_embeds.pt`` from the authors' Space, placed where the
    release's code tree has it. Returns its provenance, or None when it is not to be had."""
    from huggingface_hub import HfApi

    if source.space_id is None:
        return None
    api = HfApi(endpoint=source.endpoint)
    try:
        info = _hub(source, f"listing the Space {source.space_id}",
                    lambda: api.space_info(source.space_id, files_metadata=True))
    except FaceliftError as err:
        log.warning("view embeddings: %s; they will be computed from the text encoder", err)
        return None
    by_path = {s.rfilename: s for s in info.siblings or []}
    sibling = next((by_path[p] for p in SPACE_EMBEDDINGS_PATHS if p in by_path), None)
    if sibling is None:
        log.warning("view embeddings: %s has no %s; they will be computed from the text encoder",
                    source.space_id, " or ".join(SPACE_EMBEDDINGS_PATHS))
        return None
    file = RemoteFile(sibling.rfilename, int(sibling.size or 0), sibling.lfs.sha256 if sibling.lfs else None,
                      sibling.blob_id)
    try:
        fetched, sha256 = _fetch(source, info.sha, file, root / ".space", repo_type="space",
                                 repo_id=source.space_id)
    except FaceliftError as err:
        log.warning("view embeddings: %s; they will be computed from the text encoder", err)
        return None
    target = root / EMBEDDINGS_IN_ROOT
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(fetched, target)
    return {"repo_id": source.space_id, "repo_type": "space", "revision": info.sha, "path": sibling.rfilename,
            "sha256": sha256}


def _check_disk_space(files: list[RemoteFile], root: Path) -> None:
    """Fail before downloading when the files and their conversion (about as large) cannot fit."""
    missing = sum(f.size for f in files if not (root / f.path).is_file())
    need = missing + sum(f.size for f in files)
    free = shutil.disk_usage(root).free
    if free < need:
        raise FaceliftError(f"{root}: {free / 1e9:.1f} GB free, the OpenFaceLift download and its conversion "
                            f"need about {need / 1e9:.1f} GB; free some space or set {ENV_CACHE} elsewhere")


def _download_and_convert(source: ReleaseSource, final: Path) -> Path:
    from huggingface_hub import HfApi

    from facelift.weights.convert import convert_release

    api = HfApi(endpoint=source.endpoint)
    info = _hub(source, f"listing {source.repo_id}",
                lambda: api.model_info(source.repo_id, revision=source.revision, files_metadata=True))
    files = remote_files(info.siblings)
    root = download_dir()
    _check_disk_space(files, root)
    log.info("downloading %d files of %s (commit %s, %.2f GB) into %s", len(files), source.repo_id, info.sha,
             sum(f.size for f in files) / 1e9, root)
    hashes = {f.path: _fetch(source, info.sha, f, root)[1] for f in files}
    embeddings = _fetch_view_embeddings(source, root)

    # Assembled under a hidden name, renamed into place only with its provenance written.
    staging = final.with_name(f".{final.name}.converting")
    shutil.rmtree(staging, ignore_errors=True)  # a killed earlier run's
    convert_release(root, staging)
    meta = read_meta(staging)
    meta.source = f"{source.repo_id}@{info.sha}"  # the download folder is gone after this
    meta.download = {
        "repo_id": source.repo_id, "revision": info.sha, "requested_revision": source.revision,
        "endpoint": source.endpoint or "https://huggingface.co", "files": hashes, "view_embeddings": embeddings,
        "license": LICENSE_NAME, "license_url": LICENSE_URL,
        "downloaded": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    write_meta(staging, meta)
    _move_into_place(staging, final)
    shutil.rmtree(root, ignore_errors=True)
    with contextlib.suppress(OSError):  # downloads/ itself, when nothing else is in it
        root.parent.rmdir()
    log.info("OpenFaceLift weights converted into %s", final)
    return final


def _move_into_place(staging: Path, final: Path) -> None:
    """Rename ``staging`` to ``final``, replacing an outdated conversion (another revision)."""
    if not final.exists():
        os.replace(staging, final)
        return
    log.info("replacing %s (it holds another revision or repository)", final)
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(final, old)
    os.replace(staging, final)
    shutil.rmtree(old, ignore_errors=True)


__all__ = ["NAME", "LICENSE_NAME", "LICENSE_URL", "ReleaseSource", "converted_dir", "license_notice",
           "needs_download", "resolve_openfacelift"]
