"""A loopback HTTP server for tests, benchmarks and the offline demo.

    with LoopbackServer(root=site_dir) as server:          # or routes={"/a/": "<html>..."}
        server.fault("/flaky/", [Fault(503, {"Retry-After": "1"}), 503, 200])
        server.fault("/slow/", [Fault.hang(5)], forever=True)
        requests.get(server.url("/flaky/"))
        server.log                                         # every request: time, path, headers, status

It serves a directory and/or a dict of routes on 127.0.0.1 (a free port) from a background thread,
with a strong ETag (sha256 of the body) answered by If-None-Match -> 304, Last-Modified answered by
If-Modified-Since, and per-path fault injection (status sequences, hangs, huge bodies, 404s).
"""

from __future__ import annotations

import email.utils
import hashlib
import mimetypes
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["Fault", "LoopbackServer", "Page", "RequestLog"]


@dataclass
class Page:
    """A route's content; plain bytes or str routes become a Page with a guessed content type."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: float | None = None  # epoch seconds; default: when the route was set


@dataclass
class Fault:
    """One injected answer. A status of 200 (or None in a fault list) means: serve the page as usual."""

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    hang_s: float = 0.0  # wait this long before answering (a hang past the client's read timeout)
    size: int | None = None  # answer 200 with a body of this many bytes
    declare_length: bool = True  # for `size`: send Content-Length (False: stream with no length)
    trickle_s: float = 0.0  # send headers, then one byte of the body every trickle_s seconds until stopped

    @classmethod
    def trickle(cls, every_s: float) -> "Fault":
        """Headers at once, then a body that never ends: one byte every `every_s` seconds."""
        return cls(trickle_s=every_s)

    @classmethod
    def hang(cls, seconds: float) -> "Fault":
        return cls(hang_s=seconds)

    @classmethod
    def big(cls, size: int, declare_length: bool = True) -> "Fault":
        return cls(size=size, declare_length=declare_length)


@dataclass(frozen=True)
class RequestLog:
    """One request as the server saw it. `t` is time.monotonic() when its headers were read."""

    t: float
    timestamp: str  # ISO-8601 UTC
    method: str
    path: str  # with the query string, as requested
    headers: dict[str, str]
    status: int | None = None


def _http_date(epoch: float) -> str:
    return email.utils.formatdate(epoch, usegmt=True)


def _etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest() + '"'


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    wanted = etag.strip('"')
    for candidate in header.split(","):
        candidate = candidate.strip()
        if candidate.startswith("W/"):
            candidate = candidate[2:]
        if candidate.strip('"') == wanted:
            return True
    return False


class LoopbackServer:
    """Serve `root` (a directory) and `routes` (path -> Page | bytes | str) on 127.0.0.1:<free port>."""

    def __init__(
        self,
        root: Path | str | None = None,
        routes: dict[str, Page | bytes | str] | None = None,
        etags: bool = True,
        last_modified: bool = True,
    ) -> None:
        self.root = Path(root) if root is not None else None
        self.etags = etags
        self.last_modified = last_modified
        self._lock = threading.Lock()
        self._routes: dict[str, Page] = {}
        self._faults: dict[str, tuple[list[Fault | None], bool]] = {}
        self._log: list[RequestLog] = []
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        for path, content in (routes or {}).items():
            self.set_route(path, content)

    # -- content and faults -----------------------------------------------------------------------

    def set_route(self, path: str, content: Page | bytes | str, content_type: str | None = None) -> None:
        """Add or replace a route (replacing changes its ETag and Last-Modified, like an edited page)."""
        if isinstance(content, Page):
            page = content
        else:
            body = content.encode("utf-8") if isinstance(content, str) else content
            page = Page(body=body, content_type=content_type or _guess_type(path))
        if page.last_modified is None:
            page.last_modified = time.time()
        with self._lock:
            self._routes[path] = page

    def remove_route(self, path: str) -> None:
        with self._lock:
            self._routes.pop(path, None)

    def fault(self, path: str, steps: list[Fault | int | None], forever: bool = False) -> None:
        """Answer the next requests for `path` with `steps` in turn (an int is a bare status; 200 or None
        serves the page), then normally again; with forever=True the last step repeats."""
        normalised: list[Fault | None] = []
        for step in steps:
            if isinstance(step, int):
                step = None if step == 200 else Fault(status=step)
            normalised.append(step)
        with self._lock:
            self._faults[path] = (normalised, forever)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _next_fault(self, path: str) -> Fault | None:
        with self._lock:
            entry = self._faults.get(path)
            if not entry:
                return None
            steps, forever = entry
            if len(steps) == 1 and forever:
                return steps[0]
            step = steps.pop(0)
            if not steps:
                del self._faults[path]
            return step

    def _page(self, path: str) -> Page | None:
        with self._lock:
            page = self._routes.get(path)
        if page is not None:
            return page
        if self.root is None:
            return None
        relative = unquote(path).lstrip("/")
        target = (self.root / relative).resolve()
        root = self.root.resolve()
        if root != target and root not in target.parents:
            return None  # no escaping the root with ../
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return None
        return Page(body=target.read_bytes(), content_type=_guess_type(target.name), last_modified=target.stat().st_mtime)

    # -- the log ----------------------------------------------------------------------------------

    @property
    def log(self) -> list[RequestLog]:
        with self._lock:
            return list(self._log)

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    def requested_paths(self) -> list[str]:
        return [entry.path for entry in self.log]

    def min_gap_s(self) -> float | None:
        """The shortest time between two consecutive requests in the log (None with fewer than two)."""
        times = sorted(entry.t for entry in self.log)
        return min((b - a for a, b in zip(times, times[1:])), default=None)

    def _record(self, entry: RequestLog) -> int:
        with self._lock:
            self._log.append(entry)
            return len(self._log) - 1

    def _set_status(self, index: int, status: int) -> None:
        with self._lock:
            if index >= len(self._log):  # the log was cleared meanwhile
                return
            old = self._log[index]
            self._log[index] = RequestLog(old.t, old.timestamp, old.method, old.path, old.headers, status)

    # -- lifecycle --------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("server not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def port(self) -> int:
        return urlsplit(self.base_url).port

    def url(self, path: str = "/") -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def start(self) -> "LoopbackServer":
        handler = type("Handler", (_Handler,), {"server_ref": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="loopback-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # releases hanging handlers
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "LoopbackServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _guess_type(name: str) -> str:
    if name.endswith("/") or not Path(name).suffix:
        return "text/html; charset=utf-8"
    if name.endswith(".gz"):
        return "application/gzip"
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if guessed.startswith("text/") or guessed in ("application/xml", "application/json"):
        guessed += "; charset=utf-8"
    return guessed


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    server_ref: LoopbackServer

    _status_sent: int | None = None

    def log_message(self, format, *args):  # quiet: the request log is kept in memory
        pass

    _log_index: int | None = None

    def send_response(self, code, message=None):
        # Logged before any byte goes out: a client that has its answer must find it in the log.
        self._status_sent = code
        if self._log_index is not None:
            self.server_ref._set_status(self._log_index, code)
        super().send_response(code, message)

    def do_HEAD(self):
        self._serve(send_body=False)

    def do_GET(self):
        self._serve(send_body=True)

    def _serve(self, send_body: bool) -> None:
        srv = self.server_ref
        index = srv._record(
            RequestLog(
                t=time.monotonic(),
                timestamp=datetime.now(timezone.utc).isoformat(timespec="microseconds"),
                method=self.command,
                path=self.path,
                headers=dict(self.headers.items()),
            )
        )
        self._status_sent = None
        self._log_index = index
        path = urlsplit(self.path).path
        fault = srv._next_fault(path)
        try:
            status = self._answer(path, fault, send_body)
        except (BrokenPipeError, ConnectionResetError):
            status = self._status_sent  # the client gave up (a timeout or a refused big body)
            self.close_connection = True
        if status is not None:
            srv._set_status(index, status)

    def _send(self, status: int, headers: dict[str, str], body: bytes, send_body: bool) -> int:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)
        return status

    def _answer(self, path: str, fault: Fault | None, send_body: bool) -> int | None:
        srv = self.server_ref
        if fault is not None and fault.hang_s:
            if srv._stopping.wait(fault.hang_s):
                self.close_connection = True
                return None
        if fault is not None and fault.size is not None:
            return self._send_big(fault, send_body)
        if fault is not None and fault.trickle_s:
            return self._send_trickle(fault)
        if fault is not None and fault.status is not None and fault.status != 200:
            headers = {"Content-Type": "text/plain; charset=utf-8", **fault.headers}
            body = fault.body or f"injected status {fault.status}\n".encode()
            return self._send(fault.status, headers, body, send_body)

        page = srv._page(path)
        if page is None:
            return self._send(404, {"Content-Type": "text/plain; charset=utf-8"}, b"not found\n", send_body)
        headers = {"Content-Type": page.content_type, **page.headers}
        if fault is not None:
            headers.update(fault.headers)
        if page.status != 200:
            return self._send(page.status, headers, page.body, send_body)

        etag = _etag_of(page.body) if srv.etags else None
        last_modified = _http_date(page.last_modified) if srv.last_modified and page.last_modified else None
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        if self._not_modified(etag, page.last_modified if last_modified else None):
            return self._send(304, {k: v for k, v in headers.items() if k != "Content-Type"}, b"", False)
        return self._send(200, headers, page.body, send_body)

    def _not_modified(self, etag: str | None, last_modified: float | None) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:  # takes precedence over If-Modified-Since (RFC 9110 13.2.2)
            return etag is not None and _etag_matches(if_none_match, etag)
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since and last_modified is not None:
            try:
                since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError):
                return False
            return int(last_modified) <= since
        return False

    def _send_trickle(self, fault: Fault) -> int:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "1000000")
        self.end_headers()
        self.close_connection = True
        self.wfile.write(b"<")
        self.wfile.flush()
        while not self.server_ref._stopping.wait(fault.trickle_s):
            self.wfile.write(b"p")
            self.wfile.flush()
        return 200

    def _send_big(self, fault: Fault, send_body: bool) -> int:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if fault.declare_length:
            self.send_header("Content-Length", str(fault.size))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if send_body:
            chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
            remaining = fault.size
            while remaining > 0:
                piece = chunk[:remaining]
                self.wfile.write(piece)
                remaining -= len(piece)
        return 200
