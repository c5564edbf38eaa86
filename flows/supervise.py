"""A CLI run that leaves nothing behind: the temporary Prefect server dies with the run, however the run dies.

Without PREFECT_API_URL, Prefect starts a temporary API server (a uvicorn subprocess) on the first flow call
and stops it at exit; a `kill -9` skips that stop and the server lives on. So `run` and `demo` work like this:

    hkstp-monitor run ...            the supervisor: starts the worker, waits, passes its exit code on
      └─ worker (own process group)  the same command; its Prefect server is started inside that group

- The supervisor holds the write end of a pipe; the worker watches the read end in a thread. When the
  supervisor dies (even by SIGKILL) the pipe reaches end-of-file and the worker kills its whole process
  group: itself and the Prefect server.
- When the worker ends (even by SIGKILL), the supervisor kills what is left of the worker's group.
- Ctrl-C and SIGTERM on the supervisor are passed on to the worker, which stops its flow run cleanly.

With PREFECT_API_URL set (a long-lived `prefect server start`) there is no temporary server and no worker.
"""

from __future__ import annotations

import os
import signal
import sys

WATCH_ENV = "HKSTP_SUPERVISOR_FD"  # set in the worker: the pipe end that reaches EOF when the supervisor dies

__all__ = ["WATCH_ENV", "needs_supervisor", "run_supervised", "watch_supervisor"]


def needs_supervisor(command: str) -> bool:
    """True for a command that would start a temporary Prefect server and is not already supervised."""
    return (
        command in ("run", "demo", "rebuild")
        and not os.environ.get("PREFECT_API_URL")
        and WATCH_ENV not in os.environ
        and hasattr(os, "killpg")
    )


def _kill_group(pgid: int, sig: int = signal.SIGKILL) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass  # nothing left


def run_supervised(argv: list[str]) -> int:
    """Run `hkstp-monitor argv` in a worker process group and return its exit code."""
    import subprocess  # here, not at the top: every command imports this module, only run and demo need it

    read_end, write_end = os.pipe()
    env = {**os.environ, WATCH_ENV: str(read_end)}
    worker = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *argv], env=env, pass_fds=(read_end,), start_new_session=True
    )
    os.close(read_end)  # the worker has it; we keep only the write end, and never write to it

    def forward(signum, _frame):
        # SIGTERM: the whole group (the worker and its server); Ctrl-C: the worker, which stops its run cleanly.
        if signum == signal.SIGTERM:
            _kill_group(worker.pid, signal.SIGTERM)
        else:
            try:
                worker.send_signal(signum)
            except ProcessLookupError:
                pass

    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        while True:
            try:
                code = worker.wait()
                break
            except KeyboardInterrupt:  # pragma: no cover - the handler above takes SIGINT
                continue
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        _kill_group(worker.pid)  # whatever the worker left behind (its Prefect server, if it died hard)
        os.close(write_end)
    return 128 - code if code < 0 else code


def watch_supervisor() -> None:
    """In the worker: kill this process group (this process and its Prefect server) when the supervisor dies."""
    fd = os.environ.pop(WATCH_ENV, None)
    if fd is None:
        return
    fd = int(fd)

    def watch() -> None:
        try:
            while os.read(fd, 1):
                pass
        except OSError:
            pass
        _kill_group(os.getpgid(0))

    import threading

    threading.Thread(target=watch, name="supervisor-watch", daemon=True).start()
