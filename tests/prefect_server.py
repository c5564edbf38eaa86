"""A real `prefect server start` on a loopback port, for the tests that need a server of their own (deployments,
review, signals). One helper so the three agree on how a server is started, waited for and stopped.

The port is found free, released, and bound by the server seconds later; under pytest-xdist another worker can take
it in between. So the server counts as up only when the port answers /health AND the listening socket belongs to
the process started here (read from /proc); a server that lost its port is stopped and started on another.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import requests

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, what: str, proc: subprocess.Popen | None = None, log: Path | None = None):
    """The first truthy value of predicate(), polled each second; fails with the log's tail when `proc` exits or
    time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{what}: process exited {proc.returncode}: {log.read_text()[-3000:] if log else ''}")
        try:
            value = predicate()
            if value:
                return value
        except (requests.RequestException, ValueError, KeyError):
            pass
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}: {log.read_text()[-3000:] if log else ''}")


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as f:
            for line in list(f)[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # 0A: LISTEN
                    inodes.add(fields[9])
    return inodes


def _process_tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError), open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    return tree


def owns_port(pid: int, port: int) -> bool:
    """True when `pid` or one of its descendants holds the socket listening on `port`."""
    wanted = {f"socket:[{inode}]" for inode in _listening_inodes(port)}
    for p in _process_tree(pid):
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{p}/fd"):
                with contextlib.suppress(OSError):
                    if os.readlink(f"/proc/{p}/fd/{fd}") in wanted:
                        return True
    return False


def stop(proc: subprocess.Popen | None) -> None:
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def prefect_server(tmp: Path, timeout: float = 180, **env_extra: str) -> Iterator[dict]:
    """Start a server with its own PREFECT_HOME under `tmp`; yield {"api", "port", "env", "log"}. `env` is the
    environment a client process of this server should get (no PREFECT_* of the caller's, plus env_extra)."""
    log = tmp / "server.log"
    for attempt in range(3):
        port = free_port()
        api = f"http://127.0.0.1:{port}/api"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(PREFECT_HOME=str(tmp / "home"), PREFECT_API_URL=api, PREFECT_SERVER_ANALYTICS_ENABLED="false",
                   PREFECT_LOGGING_LEVEL="WARNING", **env_extra)
        server = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=log.open("a"), stderr=subprocess.STDOUT,
        )

        def up() -> bool:
            return requests.get(f"{api}/health", timeout=2).ok and owns_port(server.pid, port)

        try:
            wait_for(up, timeout, "prefect server", server, log)
        except AssertionError:
            stop(server)
            if attempt == 2:
                raise
            continue
        try:
            yield {"api": api, "port": port, "env": env, "log": log}
        finally:
            stop(server)
        return
