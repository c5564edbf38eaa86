"""Where parse and extract run: Prefect's Dask task runner (prefect-dask), on a cluster of our own or a user's.

    @flow(task_runner=dask_runner())                       # the default: a local cluster, started on first use
    rebuild.with_options(task_runner=dask_runner(workers=4, address="tcp://10.0.0.5:8786"))

Without an address (`--dask-address`, HKSTP_DASK_ADDRESS) the runner starts a LocalCluster of `workers`
processes (default: the machine's cores), one thread each: parsing is pure Python and holds the GIL. The
cluster starts when the first task is submitted, so a flow that submits nothing (the hourly run) pays nothing.
Raw bytes travel to the workers with the task, so a remote cluster needs no access to the raw store.
"""

from __future__ import annotations

import os

import distributed
from prefect.context import FlowRunContext
from prefect_dask import DaskTaskRunner

from flows.settings import get_settings
from transforms.errors import HkstpMonitorError

__all__ = ["dask_runner", "release_workers", "share_prefect_api", "start_cluster", "worker_count"]


def share_prefect_api() -> None:
    """Let Dask workers started from this process report their task runs to this process's Prefect API.

    Without PREFECT_API_URL, Prefect starts a temporary API server in each process that runs a flow or task, so
    every worker of a local cluster started one of its own (~200 MB and ~10 s each) and its task runs showed in
    no UI. Workers inherit the environment when they start: call this before the first task is submitted. A
    remote cluster's workers need PREFECT_API_URL of a server they can reach (`prefect server start`).
    """
    if os.environ.get("PREFECT_API_URL"):
        return
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:  # the temporary server, started if it was not yet
        os.environ["PREFECT_API_URL"] = str(client.api_url)


_OWN_CLUSTERS: set[int] = set()  # the runners (by id) that started a cluster of their own, not a user's


def start_cluster() -> None:
    """Start the flow's Dask cluster (or connect to the given one) now rather than on the first submit, so its
    start is timed apart. Nothing for another task runner."""
    context = FlowRunContext.get()
    runner = context.task_runner if context else None
    if not isinstance(runner, DaskTaskRunner):
        return
    _OWN_CLUSTERS.discard(id(runner))  # an id left by a runner that failed before its release may be reused
    # prefect-dask joins a cluster given by address, or the one of a Dask client already made in this process
    # (a user's); only otherwise does it start a LocalCluster of its own
    try:
        distributed.get_client()
        joins_a_users = True
    except ValueError:
        joins_a_users = bool(runner.address)
    try:
        runner.client  # noqa: B018 - created on first access: the local cluster starts, or the user's is joined
    except (OSError, TimeoutError) as exc:
        if not runner.address:
            raise
        raise HkstpMonitorError(
            f"cannot reach the Dask scheduler at {runner.address} ({exc}); check --dask-address or "
            "HKSTP_DASK_ADDRESS, or leave both unset for a local cluster") from None
    if not joins_a_users:
        _OWN_CLUSTERS.add(id(runner))


def release_workers() -> None:
    """Stop the workers of a local cluster this flow's runner started, once the flow has nothing more for them:
    they close while the flow goes on (a rebuild swaps and checks meanwhile), so their memory is free for that
    and the runner's exit has no worker left to wait for. A user's cluster (by address, or a client already made
    in this process) is left alone."""
    context = FlowRunContext.get()
    runner = context.task_runner if context else None
    if not isinstance(runner, DaskTaskRunner) or id(runner) not in _OWN_CLUSTERS:
        return
    _OWN_CLUSTERS.discard(id(runner))
    cluster = runner.client.cluster  # the LocalCluster the runner made
    if cluster is not None:
        cluster.scale(0)  # asynchronous: the workers are retired on the cluster's own event loop


def worker_count(workers: int | None = None) -> int:
    """The worker processes of a local cluster: `workers`, else HKSTP_DASK_WORKERS, else the machine's cores."""
    chosen = workers or get_settings().dask_workers
    if not chosen:
        chosen = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, int(chosen or 1))


def dask_runner(workers: int | None = None, address: str | None = None) -> DaskTaskRunner:
    """A Dask task runner: the cluster at `address` (else HKSTP_DASK_ADDRESS), or a local one of `workers`."""
    address = address or get_settings().dask_address
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={
        "n_workers": worker_count(workers),
        "threads_per_worker": 1,
        "processes": True,
        "dashboard_address": ":0",  # any free port: several monitors may share a machine
    })
