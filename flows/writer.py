"""One writer across deployments: the Prefect global concurrency limit `hkstp-warehouse` (limit 1).

Every load and check step holds it (`with warehouse_writer(): ...`), so `daily`, `hourly-new` and the weekly
catch-up never write at the same time even when their runs overlap; a step that finds it taken waits its
turn. The limit is created with limit 1 when missing (by `serve` and by the first step that needs it); a
team may raise it once the warehouse takes several writers (DuckLake, see DESIGN.md).

Why not only `prefect.concurrency.sync.concurrency`: on a Prefect server backed by SQLite (the default of
`prefect server start` and of the test harness) the request that takes the slot often meets the server
recording the very task run that asks for it; SQLite refuses the second writer and the server answers 503,
and Prefect's client waits 2 s before it asks again (its back-off for a 503 without Retry-After). Every load
paid those 2 s: 50 loads of a 10,000-page backfill spent 100 s waiting on a free slot. So the slot is first
asked for here, once and then again after a few tens of milliseconds while the server is busy; a slot held by
another run (423), a server that refuses the short path, or a Prefect without it falls back to Prefect's own
`concurrency()`, which waits as long as the server advises. Either way the same lease, renewal and
`prefect.concurrency-limit.acquired/released` events as Prefect's.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from typing import Any

import httpx
from prefect.concurrency.sync import concurrency

WAREHOUSE_LIMIT = "hkstp-warehouse"
LEASE_S = 600  # renewed while held; a run killed holding it frees it when the server expires the lease
BUSY_RETRIES_S = (0.02, 0.05, 0.1, 0.2, 0.4)  # waits after a 503 (server busy), before Prefect's own loop
log = logging.getLogger("hkstp_monitor")
_ensured: set[str] = set()

try:  # the pieces Prefect's own concurrency() is made of
    from prefect.client.schemas.responses import ConcurrencyLimitWithLeaseResponse
    from prefect.concurrency._events import emit_concurrency_acquisition_events, emit_concurrency_release_events
    from prefect.concurrency._leases import maintain_concurrency_lease
    from prefect.concurrency._sync import release_concurrency_slots_with_lease
    _SHORT_PATH = True
except ImportError:  # a later Prefect moved them: its concurrency() alone still keeps writers apart
    _SHORT_PATH = False

__all__ = ["WAREHOUSE_LIMIT", "ensure_warehouse_limit", "warehouse_writer"]


def ensure_warehouse_limit(limit: int = 1) -> bool:
    """Create the `hkstp-warehouse` limit when the Prefect API has none; True when it exists afterwards."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

    try:
        with get_client(sync_client=True) as client:
            try:
                client.read_global_concurrency_limit_by_name(WAREHOUSE_LIMIT)
            except ObjectNotFound:
                try:
                    client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=WAREHOUSE_LIMIT, limit=limit))
                    log.info("created the global concurrency limit %s (limit %s)", WAREHOUSE_LIMIT, limit)
                except ObjectAlreadyExists:
                    pass  # another run created it meanwhile
        return True
    except Exception as exc:  # no reachable API: the DuckDB file lock still keeps writers apart
        log.warning("could not check the concurrency limit %s: %s", WAREHOUSE_LIMIT, exc)
        return False


def _post_without_backoff(path: str, body: dict[str, Any]) -> httpx.Response | None:
    """POST to the Prefect API once, retrying only a 503 (server busy) after a short wait; None when the
    client is not the expected one or the API cannot be reached (the caller then uses Prefect's own path)."""
    from prefect.client.orchestration import get_client

    try:
        with get_client(sync_client=True) as client:
            http = getattr(client, "_client", None)
            if not isinstance(http, httpx.Client):
                return None
            response = None
            for wait in (0.0, *BUSY_RETRIES_S):
                time.sleep(wait)
                # httpx's own send: the same base URL, headers and auth, without Prefect's 2 s back-off
                response = httpx.Client.send(http, http.build_request("POST", path, json=body))
                if response.status_code != 503:
                    break
            return response
    except httpx.HTTPError:
        return None


def _acquire_quickly() -> Any | None:
    """The slot's lease when it was free, else None (held by another run, no such limit, or no short path)."""
    response = _post_without_backoff("/v2/concurrency_limits/increment-with-lease", {
        "names": [WAREHOUSE_LIMIT], "slots": 1, "mode": "concurrency", "lease_duration": LEASE_S,
    })
    if response is None or response.status_code != 200:
        return None  # 423: another run writes; Prefect's loop waits the time the server advises
    lease = ConcurrencyLimitWithLeaseResponse.model_validate(response.json())
    return lease if lease.limits else None


def _release(lease_id) -> None:
    response = _post_without_backoff("/v2/concurrency_limits/decrement-with-lease", {"lease_id": str(lease_id)})
    if response is None or response.status_code >= 300:
        release_concurrency_slots_with_lease(lease_id)  # Prefect's client, with its retries


@contextmanager
def warehouse_writer():
    """Hold the `hkstp-warehouse` slot for the duration of the block (waits while another run holds it)."""
    if WAREHOUSE_LIMIT not in _ensured and ensure_warehouse_limit():
        _ensured.add(WAREHOUSE_LIMIT)
    lease = _acquire_quickly() if _SHORT_PATH and WAREHOUSE_LIMIT in _ensured else None
    if lease is None:
        with concurrency(WAREHOUSE_LIMIT, occupy=1, lease_duration=LEASE_S):
            yield
        return
    events = emit_concurrency_acquisition_events(lease.limits, 1)
    try:
        with maintain_concurrency_lease(lease.lease_id, LEASE_S):
            yield
    finally:
        _release(lease.lease_id)
        emit_concurrency_release_events(lease.limits, 1, events)
