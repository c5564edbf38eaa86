"""Polite HTTP fetching: one GET that never raises for network or HTTP faults.

    session = PoliteSession("my-monitor/1.0 (+contact)", allowed_hosts={"www.hkstp.org"})
    result = session.fetch(url, etag=old_etag, last_modified=old_last_modified)
    result.not_modified   # True on 304: nothing to store, nothing to parse
    result.body           # bytes on 2xx, else None and result.record.error says why

Politeness: a minimum gap between the end of one request to a host and the start of the next
(DEFAULT_MIN_GAP_S, shared by threads); retries with exponential backoff and jitter on connection
errors, timeouts, 429 and 5xx, honouring Retry-After; bodies are streamed and cut at max_bytes;
redirects are followed by hand so that they too stay on the allowed hosts and ports (flows/urlcheck.py).

A deadline per response (deadline_s, default 60 s) bounds connect, headers and the whole body together:
the read timeout alone applies to each socket read, so a server trickling a byte every few seconds would
otherwise hold a run forever. At the deadline a watchdog shuts the socket down, which ends a blocked read.
"""

from __future__ import annotations

import hashlib
import random
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ReadTimeoutError

from flows.settings import DEFAULTS
from flows.urlcheck import UrlCheck
from transforms.model import FetchRecord

# The rate limit: minimum seconds between two requests to one host (HKSTP_MIN_GAP_S). Benchmarks may set it
# to 0 (before creating a session) to measure the crawler rather than the politeness.
DEFAULT_MIN_GAP_S = DEFAULTS.min_gap_s
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CHUNK_BYTES = 64 * 1024
DISCARD_MAX_BYTES = 64 * 1024  # error bodies up to this size are read to keep the connection alive
DEFAULT_DEADLINE_S = DEFAULTS.response_deadline_s  # one response, connect to last byte (HKSTP_RESPONSE_DEADLINE_S)

__all__ = ["DEFAULT_MIN_GAP_S", "FetchResult", "PoliteSession", "retry_after_seconds"]


@dataclass(slots=True)
class FetchResult:
    """The outcome of one fetch: its record (what the warehouse keeps), the body, and whether it was a 304."""

    record: FetchRecord
    body: bytes | None = None
    not_modified: bool = False
    final_url: str | None = None  # after redirects
    attempts: int = 0  # requests made, counting retries and redirects

    @property
    def ok(self) -> bool:
        return self.record.error is None


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _seconds(value: float) -> str:
    return f"{value:g}s"


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class _HostGate:
    """Per-host minimum gap: requests to one host go one at a time, `gap` seconds after the previous ended."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._last_end: dict[str, float] = {}

    def lock_for(self, host: str) -> threading.Lock:
        with self._lock:
            return self._host_locks.setdefault(host, threading.Lock())

    def wait(self, host: str, gap: float) -> None:
        """Call with the host's lock held."""
        last = self._last_end.get(host)
        if last is not None and gap > 0:
            delay = last + gap - time.monotonic()
            if delay > 0:
                time.sleep(delay)

    def done(self, host: str) -> None:
        self._last_end[host] = time.monotonic()


class _Deadline:
    """A watchdog for one response: at `seconds` it shuts down the socket the response is read from."""

    _local = threading.local()

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.01, self.at - time.monotonic())

    def __enter__(self) -> "_Deadline":
        _Deadline._local.current = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        _Deadline._local.current = None

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            sock = self._sock
        if sock is not None:
            _shutdown(sock)

    @classmethod
    def watch(cls, sock: socket.socket | None) -> None:
        """Called by the connection of this thread just before it reads a response."""
        current = getattr(cls._local, "current", None)
        if current is None or sock is None:
            return
        with current._lock:
            current._sock = sock
            expired = current.expired
        if expired:
            _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


class _WatchedHTTPConnection(HTTPConnection):
    def getresponse(self):  # type: ignore[override]
        _Deadline.watch(self.sock)
        return super().getresponse()


class _WatchedHTTPSConnection(HTTPSConnection):
    def getresponse(self):  # type: ignore[override]
        _Deadline.watch(self.sock)
        return super().getresponse()


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _DeadlineAdapter(HTTPAdapter):
    """requests' adapter whose connections hand their socket to the current _Deadline."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _Attempt:
    """What one request attempt gave: a response (headers read, body not yet) or an error reason."""

    __slots__ = ("response", "error", "retryable")

    def __init__(self, response: requests.Response | None = None, error: str | None = None, retryable: bool = False):
        self.response = response
        self.error = error
        self.retryable = retryable


class PoliteSession:
    """A requests.Session wrapper that is polite to the site and records every fetch.

    min_gap_s: seconds between requests to one host (default DEFAULT_MIN_GAP_S); timeout: (connect, read)
    seconds; max_bytes: larger bodies are refused; retries: extra attempts after the first;
    allowed_hosts: "host" (default ports) or "host:port" entries that may be fetched (None: any host), or
    url_check: a flows.urlcheck.UrlCheck; deadline_s: seconds for one whole response (connect to last byte).
    gate: the per-host gap keeper (default: within this process; flows.ratelimit.FileHostGate: across processes).
    """

    def __init__(
        self,
        user_agent: str,
        min_gap_s: float | None = None,
        timeout: tuple[float, float] = (DEFAULTS.connect_timeout_s, DEFAULTS.read_timeout_s),
        max_bytes: int = DEFAULTS.max_bytes,
        retries: int = DEFAULTS.retries,
        backoff_s: float = 0.5,
        allowed_hosts: set[str] | None = None,
        session: requests.Session | None = None,
        max_retry_after_s: float = DEFAULTS.max_retry_after_s,
        max_redirects: int = DEFAULTS.max_redirects,
        url_check: UrlCheck | None = None,
        deadline_s: float = DEFAULT_DEADLINE_S,
        gate=None,
    ) -> None:
        self.user_agent = user_agent
        self.min_gap_s = DEFAULT_MIN_GAP_S if min_gap_s is None else float(min_gap_s)
        self.timeout = (timeout, timeout) if isinstance(timeout, (int, float)) else tuple(timeout)
        self.max_bytes = int(max_bytes)
        self.retries = max(0, int(retries))
        self.backoff_s = float(backoff_s)
        self.max_retry_after_s = float(max_retry_after_s)  # a longer Retry-After is recorded as failed, not waited
        self.max_redirects = int(max_redirects)
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None
        self.url_check = url_check or UrlCheck(allowed_hosts)
        self.deadline_s = float(deadline_s)
        self.session = session or requests.Session()
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, _DeadlineAdapter())
        self._gate = gate or _HostGate()  # flows/ratelimit.FileHostGate shares the gap across processes
        self._host_gaps: dict[str, float] = {}
        self._sleep = time.sleep

    # -- politeness -------------------------------------------------------------------------------

    def set_host_gap(self, host: str, seconds: float) -> None:
        """Raise the gap for one host (e.g. from a robots.txt Crawl-delay); never lowers it below min_gap_s."""
        self._host_gaps[host.lower()] = max(self.min_gap_s, float(seconds))

    def gap_for(self, host: str) -> float:
        return self._host_gaps.get(host.lower(), self.min_gap_s)

    def is_allowed(self, url: str) -> str | None:
        """None if `url` may be fetched, else the reason it may not (see flows/urlcheck.py)."""
        return self.url_check.check(url)

    def _backoff(self, attempt: int) -> float:
        base = self.backoff_s * (2**attempt)
        return base + random.uniform(0, base)  # jitter: spread the retries of parallel clients

    # -- one request ------------------------------------------------------------------------------

    def _request(self, url: str, headers: dict[str, str], deadline: _Deadline) -> _Attempt:
        timeout = (min(self.timeout[0], deadline.remaining()), min(self.timeout[1], deadline.remaining()))
        try:
            response = self.session.get(url, headers=headers, timeout=timeout, stream=True, allow_redirects=False)
        except requests.exceptions.ConnectTimeout:
            return _Attempt(error=f"timeout after {_seconds(self.timeout[0])} (connect)", retryable=True)
        except requests.exceptions.ReadTimeout:
            return _Attempt(error=f"timeout after {_seconds(self.timeout[1])}", retryable=True)
        except requests.exceptions.ConnectionError as exc:
            return _Attempt(error=_connection_reason(exc), retryable=True)
        except requests.exceptions.RequestException as exc:
            return _Attempt(error=f"request failed: {type(exc).__name__}: {exc}")
        return _Attempt(response=response)

    def _read_body(self, response: requests.Response) -> tuple[bytes | None, str | None, bool]:
        """(body, error, retryable): the body streamed up to max_bytes."""
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes and "Content-Encoding" not in response.headers:
            response.close()
            return None, f"body over {self.max_bytes} bytes", False
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(CHUNK_BYTES):
                size += len(chunk)
                if size > self.max_bytes:
                    response.close()
                    return None, f"body over {self.max_bytes} bytes", False
                chunks.append(chunk)
        except requests.exceptions.ConnectionError as exc:
            if any(isinstance(a, ReadTimeoutError) for a in exc.args):
                return None, f"timeout after {_seconds(self.timeout[1])}", True
            return None, _connection_reason(exc), True
        except requests.exceptions.RequestException as exc:  # e.g. a broken gzip stream
            return None, f"body unreadable: {type(exc).__name__}", True
        finally:
            response.close()
        return b"".join(chunks), None, False

    @staticmethod
    def _discard_body(response: requests.Response) -> None:
        """Read a small or empty body (a 304, an error page) so the connection goes back to the pool;
        closing it instead costs a new TCP connection per request, which dominates a run of 304s."""
        declared = response.headers.get("Content-Length", "")
        if response.status_code == 304 or (declared.isdigit() and int(declared) <= DISCARD_MAX_BYTES):
            try:
                response.content  # noqa: B018 (reading is the point)
                return
            except requests.exceptions.RequestException:
                pass
        response.close()

    # -- public -----------------------------------------------------------------------------------

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET `url`, conditionally when etag/last_modified from an earlier fetch are given.

        Never raises for HTTP or network faults: a failure is a FetchRecord with `error` set
        ("http 404", "timeout after 20s", "body over 5000000 bytes", "off-site host", "connection refused").
        """
        record = FetchRecord(url=url, fetched_at=_now_iso())
        reason = self.is_allowed(url)
        if reason:
            record.error = reason
            return FetchResult(record=record, final_url=url)

        headers = {"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        current = UrlCheck.normalise(url)
        attempts = 0
        failures = 0  # retryable failures so far (redirects do not count)
        redirects = 0
        while True:
            host = urlsplit(current).netloc.lower()
            host_lock = self._gate.lock_for(host)
            with host_lock:
                self._gate.wait(host, self.gap_for(host))
                started = time.monotonic()
                record.fetched_at = _now_iso()
                attempts += 1
                try:
                    with _Deadline(self.deadline_s) as deadline:
                        attempt = self._request(current, headers, deadline)
                        body = error = None
                        retryable = attempt.retryable
                        response = attempt.response
                        if response is not None and 200 <= response.status_code < 300:
                            body, error, retryable = self._read_body(response)
                        elif response is not None:
                            self._discard_body(response)
                    if deadline.expired:  # whatever was read is incomplete
                        body, retryable = None, True
                        error = f"no complete response within the {_seconds(self.deadline_s)} deadline"
                        if response is None:
                            attempt.error = error
                finally:
                    record.elapsed_ms = round((time.monotonic() - started) * 1000, 1)
                    self._gate.done(host)

            delay = None
            if response is None:
                record.status, record.error = None, attempt.error
            else:
                record.status = response.status_code
                record.etag = response.headers.get("ETag") or (etag if response.status_code == 304 else None)
                record.last_modified = response.headers.get("Last-Modified") or (
                    last_modified if response.status_code == 304 else None
                )
                record.content_type = response.headers.get("Content-Type")
                status = response.status_code
                if status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                    target, blocked = self.url_check.resolve(current, response.headers["Location"])
                    redirects += 1
                    if blocked or redirects > self.max_redirects:
                        record.error = f"redirect to {blocked}" if blocked else f"over {self.max_redirects} redirects"
                        return FetchResult(record=record, final_url=target, attempts=attempts)
                    current = UrlCheck.normalise(target)
                    continue
                if status == 304:
                    record.error = None
                    return FetchResult(record=record, not_modified=True, final_url=current, attempts=attempts)
                if 200 <= status < 300:
                    record.error = error
                    if body is not None:
                        record.sha256 = hashlib.sha256(body).hexdigest()
                        record.bytes = len(body)
                        return FetchResult(record=record, body=body, final_url=current, attempts=attempts)
                else:
                    record.error = f"http {status}"
                    retryable = status in RETRY_STATUSES
                    delay = retry_after_seconds(response.headers.get("Retry-After"))

            if not retryable or failures >= self.retries:
                return FetchResult(record=record, final_url=current, attempts=attempts)
            if delay is not None and delay > self.max_retry_after_s:
                record.error += f" (retry-after {delay:.0f}s too long)"
                return FetchResult(record=record, final_url=current, attempts=attempts)
            self._sleep(delay if delay is not None else self._backoff(failures))
            failures += 1

    @classmethod
    def from_profile(cls, profile: dict, base_url: str | None = None, **overrides) -> "PoliteSession":
        """A session with the profile's user agent, allowed to reach its hosts (plus base_url's host and port)."""
        overrides.setdefault("url_check", UrlCheck.from_profile(profile, base_url))
        return cls(profile["site"]["user_agent"], **overrides)

    def close(self) -> None:
        self.session.close()


def _connection_reason(exc: Exception) -> str:
    text = str(exc)
    lowered = text.lower()
    if "refused" in lowered:
        return "connection refused"
    if "name or service not known" in lowered or "nodename nor servname" in lowered or "getaddrinfo" in lowered:
        return "host not found"
    if "reset" in lowered:
        return "connection reset"
    if "timed out" in lowered:
        return "timeout"
    return f"connection error: {text[:160]}"
