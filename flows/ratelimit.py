"""The politeness gap across processes: runs of several deployments (or several `hkstp-monitor run`) on one
machine share it, so the site never sees two requests closer than the gap whoever sends them.

One small file per host in a folder of the data dir (`<HKSTP_DATA_DIR>/hosts/`): a request holds an exclusive
`flock` on the host's file while it waits for the gap and while it runs, and writes the wall-clock time it
ended into the file. The next request, from any process, reads that time and sleeps the rest of the gap.
The lock is released by the kernel when a process dies, so a killed run never blocks the others.
Several machines need a shared limiter instead (a Prefect rate limit per host, see DESIGN.md); this one is
for the one machine a press room fits on.
"""

from __future__ import annotations

import os
import re
import threading
import time
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: the gap then holds within one process only
    fcntl = None

__all__ = ["FileHostGate"]


class FileHostGate:
    """Drop-in for PoliteSession's in-process gate (lock_for, wait, done), shared through files in `folder`."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._thread_locks: dict[str, threading.Lock] = {}
        self._fds: dict[str, int] = {}

    def _file(self, host: str) -> Path:
        return self.folder / (re.sub(r"[^A-Za-z0-9._-]", "_", host) + ".gap")

    @contextmanager
    def lock_for(self, host: str):
        with self._lock:
            thread_lock = self._thread_locks.setdefault(host, threading.Lock())
        with thread_lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self._file(host), os.O_RDWR | os.O_CREAT, 0o644)
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                self._fds[host] = fd
                yield
            finally:
                self._fds.pop(host, None)
                os.close(fd)  # closing releases the flock

    def _last_end(self, host: str) -> float | None:
        fd = self._fds[host]
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 64).decode("ascii", errors="replace").strip()
        try:
            return float(text)
        except ValueError:
            return None  # a new (or torn) file: no request to wait for

    def wait(self, host: str, gap: float) -> None:
        """Call inside lock_for(host): sleep until `gap` seconds after the last request to `host` ended."""
        last = self._last_end(host)
        if last is not None and gap > 0:
            delay = last + gap - time.time()
            if delay > 0:
                time.sleep(min(delay, gap))  # min(): a clock set back never stalls a run for longer than one gap

    def done(self, host: str) -> None:
        fd = self._fds[host]
        stamp = f"{time.time():.6f}".encode("ascii")
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, stamp)
