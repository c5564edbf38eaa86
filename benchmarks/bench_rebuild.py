"""`rebuild` over the synthetic press room: wall time, peak memory, and how it scales with Dask workers.

    .venv/bin/python -m benchmarks.bench_rebuild --pages 1000               # quick
    .venv/bin/python -m benchmarks.bench_rebuild --pages 10000              # the figures of issue 22
    .venv/bin/python -m benchmarks.bench_rebuild --pages 10000 --workers 1,2

The warehouse to rebuild is seeded without asking any server: every release page of the corpus
(benchmarks/corpus.py) is put in a raw store and recorded as fetched and loaded, as a warehouse an older
parser could not read would hold it (a document with a parse problem each), so the rebuild derives every
release, claim and finding from the raw store. Each rebuild then runs in a subprocess of its own on a fresh
copy of that warehouse (Prefect in a temporary home, its temporary API server started and timed before the
flow), as `rebuild.with_options(task_runner=dask_runner(workers=N))`: a local Dask cluster of N worker
processes, started inside the timed flow (its start-up is part of the wall). Peak memory is the high-water
sum over the rebuild's process and every process under it (the Dask scheduler runs in it; the nannies and
workers are its children) of the proportional set size (PSS: shared
library pages counted once, not once per process as a sum of RSS would), sampled every 500 ms (it was 200 ms:
reading PSS costs the kernel a walk of each process's page tables, ~1.1 CPU s a rebuild, taken from the cores
the rebuild runs on); PSS is read at every sample whose sum of RSS exceeds the peak PSS found so far (a sample
below cannot raise it: a process's PSS never exceeds its RSS). The sum of RSS is beside it, Prefect's API server
apart. `cpu_s` says where the CPU went over the same wall, the sampler's own apart.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
CHILD_TIMEOUT_S = 1_800
# how often the rebuild's memory and CPU are sampled: reading a process's PSS (smaps_rollup) makes the kernel walk
# its page tables, ~4 ms for a 200 MB process, and every 200 ms that cost ~1.1 CPU s a rebuild, taken from the
# rebuild it measures (the cores are shared)
SAMPLE_EVERY_S = 0.5


def seed(pages: int) -> Path:
    """A warehouse and raw store holding every release page of the corpus, none of them parsed yet."""
    import warehouse
    from benchmarks.corpus import build_corpus, bs
    from flows.rawstore import RawStore
    from transforms.model import DocumentResult, FetchRecord

    corpus = build_corpus(pages, chrome="real")
    work = OUT / f"rebuild-{pages}"
    db = work / "seed" / "hkstp.duckdb"
    stamp = work / "seed" / "manifest.json"
    if stamp.exists() and json.loads(stamp.read_text()) == corpus.manifest["fingerprint"]:
        return db
    shutil.rmtree(work / "seed", ignore_errors=True)
    store = RawStore(db.parent / "raw")
    fetched_at = datetime.now(UTC).isoformat()
    fetches, docs = [], []
    for path in corpus.release_paths:
        body = bs.url_to_file(corpus.root, path).read_bytes()
        sha = store.put(body)
        url = bs.BASE_URL + path
        fetches.append(FetchRecord(url=url, fetched_at=fetched_at, status=200, sha256=sha, bytes=len(body),
                                   content_type="text/html; charset=utf-8"))
        docs.append(DocumentResult(url=url, sha256=sha, fetched_at=fetched_at, error="not parsed yet (benchmark seed)"))
    warehouse.migrate(db)
    warehouse.record_fetches(db, fetches)
    for start in range(0, len(docs), 2_000):
        warehouse.load_documents(db, docs[start : start + 2_000])
    stamp.write_text(json.dumps(corpus.manifest["fingerprint"]))
    return db


# ------------------------------------------------------------------------------------ in the child

_HAS_CHILDREN_FILES = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()


def _tree(pid: int) -> list[int]:
    """`pid` and every process under it: from each thread's /proc/<pid>/task/<tid>/children (a few reads, not one
    of every process on the machine, ~0.02 ms against ~1.3 ms a sample); by a scan of /proc where the kernel has
    no such files."""
    if not _HAS_CHILDREN_FILES:
        return _tree_by_scan(pid)
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for tid in os.listdir(f"/proc/{p}/task"):
                todo += [int(c) for c in Path(f"/proc/{p}/task/{tid}/children").read_text().split()]
        except OSError:  # the process (or a thread of it) ended meanwhile
            continue
    return out


def _tree_by_scan(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def _rss_mb(pid: int, key: str = "VmRSS", source: str = "status") -> float:
    try:
        for line in Path(f"/proc/{pid}/{source}").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _pss_mb(pid: int) -> float:
    """Proportional set size: private memory plus a fair share of pages shared with other processes (the
    Python runtime, lxml, DuckDB's library), so a sum over processes counts each page once."""
    return _rss_mb(pid, "Pss", "smaps_rollup")


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _machine_busy_s() -> float:
    """CPU seconds the whole machine has spent busy (every process, ours and others')."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _external_cluster(workers: int):
    """A LocalCluster of `workers` processes started here, before the timing, its workers told where Prefect's
    API is and warmed (the monitor's modules imported), as a user's cluster would be (informational runs)."""
    import importlib

    import distributed

    from flows.parallel import share_prefect_api

    share_prefect_api()
    cluster = distributed.LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                                       dashboard_address=":0", env={"PREFECT_API_URL": os.environ["PREFECT_API_URL"]})
    with distributed.Client(cluster) as client:
        client.run(importlib.import_module, "flows.rebuild")
    return cluster


def child(db: str, workers: int, result_path: Path, batch_size: int | None = None, external: bool = False) -> None:
    from prefect import flow

    from flows.parallel import dask_runner
    from flows.rebuild import rebuild

    @flow(name="bench-warm-up")
    def warm_up() -> None:
        return None

    started = time.perf_counter()
    warm_up()  # Prefect's temporary API server, once per process
    startup = time.perf_counter() - started
    server = set(_tree(os.getpid())) - {os.getpid()}  # the API server started by the warm-up
    cluster = _external_cluster(workers) if external else None
    peak = {"rss": 0.0, "pss": 0.0, "processes": 0, "sampler_cpu_s": 0.0, "pss_skipped": 0}
    cpu_at_start = {p: _cpu_s(p) for p in _tree(os.getpid())}  # an external cluster's start is not counted
    at_peak: dict = {}  # when the peak was and the PSS (MB) of each process then
    wall0 = time.perf_counter()
    cpu_seen: dict[int, float] = {}  # the last CPU seconds seen of every process of the rebuild (workers exit)
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(SAMPLE_EVERY_S):
            peak["sampler_cpu_s"] = time.thread_time()  # this thread's own cost, told apart below
            pids = [p for p in _tree(os.getpid()) if p not in server]
            rss = sum(_rss_mb(p) for p in pids)
            peak["rss"] = max(peak["rss"], rss)
            peak["processes"] = max(peak["processes"], len(pids))
            for p in pids:
                cpu_seen[p] = max(cpu_seen.get(p, 0.0), _cpu_s(p))
            if rss <= peak["pss"]:  # PSS <= RSS in every process: this sample cannot raise the peak
                peak["pss_skipped"] += 1
                continue
            pss = {p: _pss_mb(p) for p in pids}
            if sum(pss.values()) > peak["pss"]:
                peak["pss"] = sum(pss.values())
                at_peak.update(at=round(time.perf_counter() - wall0, 1), flow_process=round(pss.pop(os.getpid(), 0.0)),
                               others=sorted((round(v) for v in pss.values()), reverse=True))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    wall0 = time.perf_counter()
    busy0 = _machine_busy_s()
    options = {"batch_size": batch_size} if batch_size else {}
    runner = dask_runner(address=cluster.scheduler_address) if cluster else dask_runner(workers=workers)
    summary = rebuild.with_options(task_runner=runner)(db=db, **options)
    wall = time.perf_counter() - wall0
    machine_busy = _machine_busy_s() - busy0
    stop.set()
    sampler.join()
    # where the CPU went (informational): this process (the flow: reads, submits, receives and loads; the Dask
    # scheduler's thread), its children (the nannies and workers: the parse), Prefect's API server, and the rest
    # of the machine (other users' processes, the OS) over the same wall
    me = os.getpid()
    cpu = {
        "flow_process": _cpu_s(me) - cpu_at_start[me] - peak.get("sampler_cpu_s", 0.0),
        "memory_sampler": peak.get("sampler_cpu_s", 0.0),
        "dask_processes": sum(v - cpu_at_start.get(p, 0.0) for p, v in cpu_seen.items() if p != me),
        "prefect_server": sum(_cpu_s(p) - cpu_at_start.get(p, 0.0) for p in server),
    }
    cpu["rest_of_machine"] = machine_busy - sum(cpu.values())
    if cluster:
        cluster.close()
    result_path.write_text(json.dumps({
        "workers": workers, "wall_s": round(wall, 2),
        "cluster": ("external LocalCluster, started and warmed before the timing (informational)" if external
                    else "local, started inside the timed flow"), "prefect_startup_s": round(startup, 2),
        "peak_pss_mb": round(peak["pss"], 1), "peak_pss_at": at_peak, "peak_rss_sum_mb": round(peak["rss"], 1),
        "processes": peak["processes"], "sample_every_s": SAMPLE_EVERY_S,
        "pss_samples_skipped": peak["pss_skipped"],
        "prefect_server_rss_mb": round(sum(_rss_mb(p) for p in server), 1),
        "cpu_s": {k: round(v, 2) for k, v in cpu.items()},
        "summary": {k: v for k, v in summary.items() if isinstance(v, (int, float, str, dict))},
    }, indent=2))


# ----------------------------------------------------------------------------------- in the parent

def run(pages: int = 1_000, workers: tuple[int, ...] = (1, 2), batch_size: int | None = None,
        external: bool = False) -> dict:
    from benchmarks.bench_pipeline import child_env

    seeded = seed(pages)
    work = seeded.parent.parent
    out: dict = {"pages": pages, "batch_size": batch_size, "runs": []}
    prefect_home = Path(tempfile.mkdtemp(prefix="hkstp-bench-prefect-"))
    env = child_env(prefect_home)
    env["HKSTP_DATA_DIR"] = str(seeded.parent / "raw")  # the seed's raw store (read only by a rebuild)
    try:
        for n, outside in [(n, False) for n in workers] + ([(n, True) for n in workers] if external else []):
            run_dir = work / f"workers-{n}{'-external' if outside else ''}"
            shutil.rmtree(run_dir, ignore_errors=True)
            run_dir.mkdir(parents=True)
            db = run_dir / "hkstp.duckdb"
            shutil.copy(seeded, db)
            result_path, log_path = run_dir / "result.json", run_dir / "run.log"
            cmd = [sys.executable, "-m", "benchmarks.bench_rebuild", "--child", "--db", str(db), "--workers", str(n),
                   "--result", str(result_path), *(["--batch-size", str(batch_size)] if batch_size else []),
                   *(["--external"] if outside else [])]
            with open(log_path, "w") as log:
                proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                      timeout=CHILD_TIMEOUT_S)
            if proc.returncode != 0 or not result_path.exists():
                tail = "\n".join(log_path.read_text(errors="replace").strip().splitlines()[-25:])
                raise RuntimeError(f"rebuild with {n} worker(s) failed (exit {proc.returncode}); log {log_path}:\n{tail}")
            out["runs"].append(json.loads(result_path.read_text()))
    finally:
        shutil.rmtree(prefect_home, ignore_errors=True)
    walls = {r["workers"]: r["wall_s"] for r in out["runs"] if not r["cluster"].startswith("external")}
    if 1 in walls and 2 in walls:
        out["speedup_2_vs_1"] = round(walls[1] / walls[2], 2)
    walls = {r["workers"]: r["wall_s"] for r in out["runs"] if r["cluster"].startswith("external")}
    if 1 in walls and 2 in walls:  # informational: the cluster's start (and workers' imports) not in the wall
        out["speedup_2_vs_1_external_cluster"] = round(walls[1] / walls[2], 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1_000)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts, one rebuild each")
    ap.add_argument("--batch-size", type=int, help="pages per parse task and per load (default: the flow's)")
    ap.add_argument("--external", action="store_true",
                    help="also time each worker count on a LocalCluster started (and warmed) before the timing, "
                         "given by address (informational: the issue's figure is the local cluster's)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.db, int(args.workers), args.result, args.batch_size, args.external)
        return
    result = run(args.pages, tuple(int(w) for w in args.workers.split(",")), args.batch_size, args.external)
    print(json.dumps(result, indent=2))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"results-rebuild-{args.pages}.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
