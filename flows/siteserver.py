"""A static site served on 127.0.0.1 from a folder, the way a careful web server would.

Used by `hkstp-monitor demo` to serve the bundled sample press room. Each response carries a strong ETag
(the sha256 of the body) so that conditional GETs answer 304 only when the bytes are really the same;
file modification times are not used, because a fresh git clone gives every file the same one.
The folder can be swapped while serving (`serve_root`), which is how the demo moves from snapshot A to B.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit



class _Handler(BaseHTTPRequestHandler):
    server_version = "hkstp-sample-site/1"

    def log_message(self, format: str, *args) -> None:  # quiet: the monitor reports what it fetched
        self.server.request_log.append((self.command, self.path))  # type: ignore[attr-defined]

    def _resolve(self) -> Path | None:
        root: Path = self.server.root  # type: ignore[attr-defined]
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        candidate = (root / rel).resolve()
        if root.resolve() not in candidate.parents and candidate != root.resolve():
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        elif not candidate.exists() and not Path(rel).suffix:
            # release URLs without a trailing slash ("/en/park-life/.../news/<slug>") live as <slug>/index.html
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self._resolve()
        if path is None:
            body = b"<html><body><h1>404 Not Found</h1></body></html>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        body = path.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        if etag in [t.strip() for t in (self.headers.get("If-None-Match") or "").split(",")]:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/xml",):
            ctype += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


class StaticSite:
    """`with StaticSite(folder) as site: site.base_url` serves `folder` until the block ends."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0):
        self._server = ThreadingHTTPServer((host, port), _Handler)
        self._server.daemon_threads = True
        self._server.root = Path(root)  # type: ignore[attr-defined]
        self._server.request_log = []  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, name="sample-site", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> list[tuple[str, str]]:
        return self._server.request_log  # type: ignore[attr-defined]

    def serve_root(self, root: Path) -> None:
        self._server.root = Path(root)  # type: ignore[attr-defined]

    def __enter__(self) -> "StaticSite":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
