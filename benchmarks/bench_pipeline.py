"""End to end: the monitor flow over a synthetic press room served on 127.0.0.1, rate limit off.

    .venv/bin/python -m benchmarks.bench_pipeline --pages 1000            # quick
    .venv/bin/python -m benchmarks.bench_pipeline --pages 10000           # the figures of issue 8
    .venv/bin/python -m benchmarks.bench_pipeline --pages 1000 --profile  # + pyinstrument profiles

Three runs, each in its own subprocess with Prefect in a temporary home (PREFECT_HOME, analytics off, logs
at WARNING, no PREFECT_API_URL), so a user's Prefect state is never touched:
  1. backfill: `flows.monitor.monitor(base_url=..., db=..., min_gap_s=0.0)` into an empty warehouse;
  2. incremental: the same flow again over the unchanged site, into the same warehouse;
  3. plain: the same flow body (`monitor.fn`) with every task replaced by its `.fn` and Prefect's artifact
     calls stubbed, into another empty warehouse: the same work with no Prefect at all.
The site (benchmarks/corpus.py) is served by flows.loopback.LoopbackServer in this process, so the child's
CPU seconds and peak RSS are the monitor's own, and the server's log counts the requests of each run.

Prefect's overhead is measured two ways. "wall": (backfill wall - plain wall) / backfill wall. "gaps": every
task body is timed in both runs (its `.fn` wrapped); the time of a run outside task bodies is its flow body
plus, under Prefect, the orchestration; (gap under Prefect - gap in the plain run) / backfill wall is
Prefect's share without the noise of the task bodies' own run-to-run drift; "gaps and writer" adds the time spent
entering the writer limit `hkstp-warehouse` (flows/writer.py), which is inside the load and check task bodies. Prefect's one-off start of its
temporary API server is reported apart (`prefect_startup_s`): a deployment served by `prefect server` pays
it once, not per run.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
TASK_NAMES = ("discover_releases", "choose_pages", "fetch_pages", "parse_and_extract", "load_batch",
              "record_site_signals", "run_checks", "publish_run")
CHILD_TIMEOUT_S = 1_200


# ------------------------------------------------------------------------------------ in the child

def _cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _proc_children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _proc_cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _proc_status_mb(pid: int | str, key: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


class _RssSampler:
    """Samples the process's RSS every 20 ms; keeps the largest seen while each task body ran."""

    def __init__(self) -> None:
        self.current = "flow body"
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="rss-sampler")

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            rss = _proc_status_mb("self", "VmRSS") or 0.0
            self.peaks[self.current] = max(self.peaks.get(self.current, 0.0), rss)

    def __enter__(self) -> "_RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _unquote(value):
    """What Prefect would hand a task body: quote()d arguments unwrapped (the plain run calls bodies itself)."""
    from prefect.utilities.annotations import BaseAnnotation

    return value.unquote() if isinstance(value, BaseAnnotation) else value


def _timed(fn, name: str, sink: dict, sampler: _RssSampler):
    """fn, adding its run time to sink[name] and telling the sampler which task body runs."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        sampler.current = name
        try:
            return fn(*[_unquote(a) for a in args], **{k: _unquote(v) for k, v in kwargs.items()})
        finally:
            sampler.current = "outside task bodies"
            sink[name] = sink.get(name, 0.0) + time.perf_counter() - started
    return wrapper


def _timed_writer(writer, sink: dict[str, float]):
    """The writer slot (flows/writer.py) with the time spent waiting to enter it added to sink["writer_wait"]."""
    @contextlib.contextmanager
    def timed():
        started = time.perf_counter()
        with writer():
            sink["writer_wait"] = sink.get("writer_wait", 0.0) + time.perf_counter() - started
            yield
    return timed


def child(mode: str, base_url: str, db: str, result_path: Path, profile_dir: Path | None) -> None:
    """Run one monitor pass and write what it cost to result_path (JSON)."""
    import flows.monitor as fm

    bodies: dict[str, float] = {}
    waits: dict[str, float] = {}
    sampler = _RssSampler()
    result: dict = {"mode": mode}
    if mode == "plain":
        import flows.publish as fp

        for name in TASK_NAMES:  # the flow body now calls plain functions
            setattr(fm, name, _timed(getattr(getattr(fm, name), "fn", getattr(fm, name)), name, bodies, sampler))
        for name in ("create_markdown_artifact", "create_table_artifact", "create_link_artifact"):
            setattr(fp, name, lambda *a, **k: None)  # Prefect-only side effects
        fp.emit_findings = lambda *a, **k: 0  # Prefect events: no API to send them to
        fm.warehouse_writer = lambda **_: contextlib.nullcontext()  # the writer limit lives in Prefect's API
        run = functools.partial(fm.monitor.fn, base_url=base_url, db=db, min_gap_s=0.0)
        result["prefect_startup_s"] = 0.0
    else:
        from prefect import flow

        for name in TASK_NAMES if mode != "dask" else ():  # dask: the flow travels to the workers; the
            task = getattr(fm, name)                        # timing wrappers (they hold a lock) cannot
            if hasattr(task, "fn"):
                task.fn = _timed(task.fn, name, bodies, sampler)
            else:  # a plain function the flow calls (publish_run)
                setattr(fm, name, _timed(task, name, bodies, sampler))
        fm.warehouse_writer = _timed_writer(fm.warehouse_writer, waits)  # inside the load and check bodies

        @flow(name="bench-warm-up")
        def warm_up() -> None:
            return None

        started = time.perf_counter()
        warm_up()  # starts Prefect's temporary API server, once per process
        result["prefect_startup_s"] = round(time.perf_counter() - started, 2)
        run = functools.partial(fm.monitor, base_url=base_url, db=db, min_gap_s=0.0)

    servers = _proc_children(os.getpid())
    server_cpu0 = sum(_proc_cpu_seconds(p) for p in servers)
    rss_before = _proc_status_mb("self", "VmRSS")
    profiler = None
    if profile_dir is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
    cpu0, wall0 = _cpu_seconds(), time.perf_counter()
    with sampler:
        summary = run()
    wall = time.perf_counter() - wall0
    cpu = _cpu_seconds() - cpu0
    if profiler is not None:
        profiler.stop()
        profile_dir.mkdir(parents=True, exist_ok=True)
        (profile_dir / f"{mode}.txt").write_text(profiler.output_text(unicode=True, color=False, show_all=False))
        (profile_dir / f"{mode}.html").write_text(profiler.output_html())
        profiler.last_session.save(str(profile_dir / f"{mode}.pyisession"))  # pyinstrument --load-prev/--load
    result.update({
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "prefect_server_cpu_s": round(sum(_proc_cpu_seconds(p) for p in servers) - server_cpu0, 2),
        "rss_before_mb": rss_before,
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec, so a child of a big parent
        # would report the parent's size
        "peak_rss_mb": _proc_status_mb("self", "VmHWM"),
        "prefect_server_peak_rss_mb": max((_proc_status_mb(p, "VmHWM") or 0 for p in servers), default=0),
        "task_bodies_s": {k: round(v, 2) for k, v in bodies.items()},
        "outside_task_bodies_s": round(wall - sum(bodies.values()), 2),
        "writer_wait_s": round(waits.get("writer_wait", 0.0), 2),  # entering hkstp-warehouse (Prefect modes)
        "peak_rss_by_step_mb": sampler.peaks,
        "summary": {k: v for k, v in (summary or {}).items() if isinstance(v, (int, float, str))},
        "batch_size": fm.MonitorSettings().batch_size,
    })
    result_path.write_text(json.dumps(result, indent=2))


# ----------------------------------------------------------------------------------- in the parent

def child_env(prefect_home: Path) -> dict:
    env = dict(os.environ)
    for key in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_PROFILE", "HKSTP_DB", "HKSTP_DATA_DIR",
                "HKSTP_NOTIFY_URL", "HKSTP_MIN_GAP_S", "HKSTP_BASE_URL"):
        env.pop(key, None)  # never a user's server, warehouse or alert target
    env.update({
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(prefect_home / "results"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",  # a busy 2-core machine starts it slowly
        "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    })
    return env


def _is_conditional(headers: dict) -> bool:
    names = {k.lower() for k in headers}
    return "if-none-match" in names or "if-modified-since" in names


def request_stats(entries, release_paths: set[str]) -> dict:
    """Counts of one run's requests, split into release pages and discovery (robots, sitemaps, listings)."""
    release = [e for e in entries if urlsplit(e.path).path in release_paths]
    other = [e for e in entries if urlsplit(e.path).path not in release_paths]
    statuses: dict[str, int] = {}
    for e in entries:
        statuses[str(e.status)] = statuses.get(str(e.status), 0) + 1
    return {
        "requests": len(entries),
        "release_requests": len(release),
        "discovery_requests": len(other),
        "conditional": sum(_is_conditional(e.headers) for e in entries),
        "release_conditional": sum(_is_conditional(e.headers) for e in release),
        "not_modified_304": statuses.get("304", 0),
        "by_status": statuses,
    }


def _run_child(mode, base_url, db, work, env, profile) -> dict:
    result_path = work / f"{mode}.json"
    log_path = work / f"{mode}.log"
    cmd = [sys.executable, "-m", "benchmarks.bench_pipeline", "--child", mode, "--base-url", base_url,
           "--db", str(db), "--result", str(result_path)]
    # Prefect's overhead is measured like for like: the backfill and the plain run both parse in process;
    # mode "dask" is the backfill as a user runs it, parsing on the flow's Dask task runner (flows/parallel.py)
    env = {**env, "HKSTP_PARALLEL_MIN_PAGES": "0" if mode == "dask" else str(10**9)}
    if profile:
        cmd += ["--profile-dir", str(work / "profiles")]
    started = time.perf_counter()
    with open(log_path, "w") as log:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=CHILD_TIMEOUT_S)
    if proc.returncode != 0 or not result_path.exists():
        tail = log_path.read_text(errors="replace").strip().splitlines()[-25:]
        raise RuntimeError(f"{mode} run failed (exit {proc.returncode}); log {log_path}:\n" + "\n".join(tail))
    result = json.loads(result_path.read_text())
    result["process_s"] = round(time.perf_counter() - started, 1)
    result["log"] = str(log_path)
    return result


def run(pages: int = 1_000, chrome: str = "real", profile: bool = False, keep: bool = False,
        modes: tuple[str, ...] = ("backfill", "incremental", "plain"), work: Path | None = None) -> dict:
    """Build (or reuse) the corpus, serve it, run the monitor passes; return every figure as a dict."""
    from benchmarks.corpus import build_corpus
    from flows.loopback import LoopbackServer

    corpus = build_corpus(pages, chrome=chrome)
    release_paths = set(corpus.release_paths)
    work = Path(work or OUT / f"pipeline-{pages}")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    prefect_home = Path(tempfile.mkdtemp(prefix="hkstp-bench-prefect-"))
    env = child_env(prefect_home)
    out: dict = {"pages": pages, "chrome": chrome, "corpus": {k: v for k, v in corpus.manifest.items()
                                                             if k != "release_paths"}}
    try:
        with LoopbackServer(root=corpus.root) as server:
            for mode in modes:
                db = work / (mode if mode in ("plain", "dask") else "prefect") / "hkstp.duckdb"
                mark = len(server.log)
                result = _run_child(mode, server.base_url, db, work, env, profile)
                result["requests"] = request_stats(server.log[mark:], release_paths)
                out[mode] = result
    finally:
        shutil.rmtree(prefect_home, ignore_errors=True)
        if not keep:
            for sub in ("prefect", "plain", "dask"):
                shutil.rmtree(work / sub, ignore_errors=True)
    if "backfill" in out and "plain" in out:
        b, p = out["backfill"], out["plain"]
        out["prefect_overhead"] = {
            "by_wall": round((b["wall_s"] - p["wall_s"]) / b["wall_s"], 3),
            "by_gaps": round((b["outside_task_bodies_s"] - p["outside_task_bodies_s"]) / b["wall_s"], 3),
            # the writer limit is Prefect's too, but its wait is inside the load and check task bodies
            "by_gaps_and_writer": round((b["outside_task_bodies_s"] - p["outside_task_bodies_s"]
                                         + b.get("writer_wait_s", 0.0)) / b["wall_s"], 3),
            "prefect_server_cpu_s": b["prefect_server_cpu_s"],
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1_000)
    ap.add_argument("--chrome", choices=("real", "sample"), default="real")
    ap.add_argument("--profile", action="store_true", help="profile each run with pyinstrument (slower runs)")
    ap.add_argument("--keep", action="store_true", help="keep the warehouses and raw stores under benchmarks/out/")
    ap.add_argument("--modes", default="backfill,incremental,plain")
    ap.add_argument("--child", choices=("backfill", "incremental", "plain", "dask"), help=argparse.SUPPRESS)
    ap.add_argument("--base-url", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--profile-dir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.base_url, args.db, args.result, args.profile_dir)
        return
    result = run(args.pages, args.chrome, args.profile, args.keep, tuple(args.modes.split(",")))
    print(json.dumps(result, indent=2))
    (OUT / f"results-pipeline-{args.pages}.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
