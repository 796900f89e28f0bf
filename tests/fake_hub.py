"""A loopback stand-in for the Hugging Face hub, enough for huggingface_hub's ``model_info``,
``space_info`` and ``hf_hub_download``: the repository listing with hashes (``?blobs=true``) and
``/resolve/`` with HEAD, GET and Range. Faults can be injected per file, and every request is
logged, so tests can say exactly what went over the wire.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMMIT = "0123456789abcdef0123456789abcdef01234567"
SPACE_COMMIT = "89abcdef0123456789abcdef0123456789abcdef"
#: Files served as LFS (the hub's sha256 in the listing); the rest as plain git blobs.
LFS_SUFFIXES = (".safetensors", ".pt", ".bin")


@dataclass
class Repo:
    files: dict[str, bytes]
    commit: str = COMMIT

    def listing(self, repo_id: str) -> dict:
        siblings = []
        for path, data in sorted(self.files.items()):
            entry = {"rfilename": path, "size": len(data),
                     "blobId": hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()}
            if path.endswith(LFS_SUFFIXES):
                entry["lfs"] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "pointerSize": 134}
            siblings.append(entry)
        return {"id": repo_id, "sha": self.commit, "siblings": siblings, "private": False}


@dataclass
class FakeHub:
    """``repos``: ``"model:owner/name"`` or ``"space:owner/name"`` -> :class:`Repo`."""

    repos: dict[str, Repo]
    requests: list[tuple[str, str, str | None]] = field(default_factory=list)  # (method, path, Range)
    #: file path -> what to do on its next GETs: "truncate" (drop the connection half way),
    #: "error" (HTTP 500), "corrupt" (other bytes than the listing's hash). Consumed one per GET.
    faults: dict[str, list[str]] = field(default_factory=dict)
    down: bool = False  # every request answers 503

    def start(self) -> str:
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_HEAD(self):
                hub._serve(self, head=True)

            def do_GET(self):
                hub._serve(self, head=False)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def file_gets(self, path: str) -> list[str | None]:
        """The Range headers of the GETs of one file (None: from the start)."""
        return [rng for method, p, rng in self.requests if method == "GET" and p.endswith("/" + path)]

    # ------------------------------------------------------------------ serving
    def _serve(self, h: BaseHTTPRequestHandler, head: bool) -> None:
        path = unquote(urlsplit(h.path).path)
        self.requests.append(("HEAD" if head else "GET", path, h.headers.get("Range")))
        if self.down:
            return self._send(h, 503, b"down", head)
        parts = path.strip("/").split("/")
        if parts[0] == "api" and len(parts) >= 4 and parts[1] in ("models", "spaces"):
            kind = "model" if parts[1] == "models" else "space"
            repo = self.repos.get(f"{kind}:{parts[2]}/{parts[3]}")
            if repo is None:
                return self._send(h, 404, b'{"error":"Repository not found"}', head,
                                  {"X-Error-Code": "RepoNotFound", "Content-Type": "application/json"})
            body = json.dumps(repo.listing(f"{parts[2]}/{parts[3]}")).encode()
            return self._send(h, 200, body, head, {"Content-Type": "application/json"})
        kind = "model"
        if parts[0] == "spaces":
            kind, parts = "space", parts[1:]
        if len(parts) < 5 or parts[2] != "resolve":
            return self._send(h, 404, b"not found", head)
        repo = self.repos.get(f"{kind}:{parts[0]}/{parts[1]}")
        file = "/".join(parts[4:])
        if repo is None or file not in repo.files or parts[3] not in (repo.commit, "main"):
            return self._send(h, 404, b"not found", head, {"X-Error-Code": "EntryNotFound"})
        data = repo.files[file]
        headers = {"X-Repo-Commit": repo.commit, "ETag": f'"{hashlib.sha256(data).hexdigest()}"',
                   "Accept-Ranges": "bytes"}
        if head:
            return self._send(h, 200, data, True, headers)
        fault = self.faults.get(file, []).pop(0) if self.faults.get(file) else None
        if fault == "error":
            return self._send(h, 500, b"internal error", False)
        if fault == "corrupt":
            data = bytes(b ^ 0xFF for b in data)
        start = 0
        rng = h.headers.get("Range")
        if rng and rng.startswith("bytes="):
            start = int(rng[len("bytes="):].split("-")[0])
        body = data[start:]
        h.send_response(206 if start else 200)
        for key, value in headers.items():
            h.send_header(key, value)
        if start:
            h.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if fault == "truncate":
            h.wfile.write(body[: len(body) // 2])
            h.wfile.flush()
            h.close_connection = True
            return
        h.wfile.write(body)

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, head: bool, headers: dict | None = None) -> None:
        h.send_response(status)
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if not head:
            h.wfile.write(body)


def folder_files(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by its relative POSIX path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
