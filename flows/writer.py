"""One writer across deployments: the Prefect global concurrency limit `hkstp-warehouse` (limit 1).

Every load and check step holds it (`with warehouse_writer(): ...`), so `daily`, `hourly-new` and the weekly
catch-up never write at the same time even when their runs overlap; a step that finds it taken waits its
turn. The limit is created with limit 1 when missing (by `serve` and by the first step that needs it); a
team may raise it once the warehouse takes several writers (DuckLake, see DESIGN.md).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from prefect.concurrency.sync import concurrency

WAREHOUSE_LIMIT = "hkstp-warehouse"
log = logging.getLogger("hkstp_monitor")
_ensured: set[str] = set()

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


@contextmanager
def warehouse_writer():
    """Hold the `hkstp-warehouse` slot for the duration of the block (waits while another run holds it)."""
    if WAREHOUSE_LIMIT not in _ensured and ensure_warehouse_limit():
        _ensured.add(WAREHOUSE_LIMIT)
    with concurrency(WAREHOUSE_LIMIT, occupy=1, lease_duration=600):
        yield
