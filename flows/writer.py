"""One writer across deployments: the Prefect global concurrency limit `hkstp-warehouse` (limit 1).

Every load and check step holds it (`with warehouse_writer(): ...`), so `daily`, `hourly-new` and the weekly
catch-up never write at the same time even when their runs overlap; a step that finds it taken waits its
turn. The limit is created with limit 1 when missing (by `serve` and by the first step that needs it); a
team may raise it once the warehouse takes several writers (DuckLake, see DESIGN.md).
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from contextlib import contextmanager

WAREHOUSE_LIMIT = "hkstp-warehouse"
log = logging.getLogger("hkstp_monitor")
_ensured: set[str] = set()
LINGER_S = 10.0  # a step with keep=True holds the slot this long for the next step of the same process
LEASE_S = 60.0  # the server frees a slot whose holder vanished (kill -9) after this long (its minimum); renewed
# every LEASE_S / 3 while this process holds the slot

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


class _Slot:
    """The `hkstp-warehouse` slot as this process holds it.

    Acquiring costs a round trip to the Prefect API, and under load the server often took ~2 s to grant a slot
    this very run had just released (a 10,000-page backfill paid it once per batch: 320 s instead of 194 s). So
    a step that another follows within seconds (`keep=True`: a backfill's loads) keeps the slot for the next
    one, which reuses it; a step without `keep` lets it go when done, and a timer does after LINGER_S unused,
    so another deployment's run waits at most that much longer. Steps of one process take turns through a
    lock, as they did through the limit.
    """

    def __init__(self) -> None:
        self.turn = threading.RLock()  # one writing step at a time in this process
        self.state = threading.Lock()  # guards lease_id and timer
        self.lease_id = None
        self.timer: threading.Timer | None = None
        self.at_exit = False
        self.limits: list[dict] = []
        self.acquired_event = None

    def enter(self) -> None:
        self.turn.acquire()
        with self.state:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            lease_id = self.lease_id
        if lease_id is not None and _renew(lease_id):
            return
        granted = _acquire()
        with self.state:
            self.lease_id, self.limits = granted if granted else (None, [])
            self.acquired_event = _event("acquired", self.limits)
        if self.lease_id is not None:
            threading.Thread(target=self._keep_alive, args=(self.lease_id,), daemon=True,
                             name="hkstp-warehouse-lease").start()
            if not self.at_exit:  # registered after the temporary API server's own: runs before it stops
                atexit.register(self.release, at_exit=True)
                self.at_exit = True

    def _keep_alive(self, lease_id) -> None:
        """Renew the lease while this process holds it (a step, or the wait for the next one)."""
        while True:
            time.sleep(LEASE_S / 3)
            with self.state:
                if self.lease_id != lease_id:
                    return
            _renew(lease_id)

    def leave(self, keep: bool) -> None:
        if not keep:
            self.release()
        with self.state:
            if self.lease_id is not None:
                self.timer = threading.Timer(LINGER_S, self.release)
                self.timer.daemon = True
                self.timer.start()
        self.turn.release()

    def release(self, at_exit: bool = False) -> None:
        with self.state:
            if self.timer is not None:
                self.timer.cancel()
            lease_id, self.lease_id = self.lease_id, None
            self.timer = None
        if lease_id is not None:
            _release(lease_id)
            if not at_exit:  # at exit Prefect's event worker is gone; the release itself is what matters
                _event("released", self.limits, follows=self.acquired_event)


def _client():
    from prefect.client.orchestration import get_client

    return get_client(sync_client=True)


def _acquire():
    """A lease on the slot; waits (asking again every second at most) while another run holds it. None when the
    API has no such limit or cannot be reached (the DuckDB file lock still keeps writers apart)."""
    import httpx

    delay, waited, told = 0.05, 0.0, False
    while True:
        try:
            with _client() as client:
                response = client.increment_concurrency_slots_with_lease(
                    names=[WAREHOUSE_LIMIT], slots=1, mode="concurrency", lease_duration=LEASE_S)
            body = response.json()
            if not body.get("limits"):
                return None
            return body["lease_id"], body["limits"]
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code != 423:
                raise
        if waited >= 5.0 and not told:
            log.warning("waiting for another run to finish writing to the warehouse (%s)", WAREHOUSE_LIMIT)
            told = True
        time.sleep(delay)  # shorter than the server's Retry-After (the slot's average occupancy, ~2 s)
        waited += delay
        delay = min(delay * 2, 1.0)


def _event(phase: str, limits: list[dict], follows=None):
    """The event Prefect's own `concurrency()` emits for an acquisition or release (the UI and automations see
    who held the limit when)."""
    from prefect.events import emit_event

    event = None
    for limit in limits:
        event = emit_event(f"prefect.concurrency-limit.{phase}", follows=follows, resource={
            "prefect.resource.id": f"prefect.concurrency-limit.{limit['id']}",
            "prefect.resource.name": limit["name"], "slots-acquired": "1", "limit": str(limit["limit"]),
        })
    return event


def _renew(lease_id) -> bool:
    try:
        with _client() as client:
            client.renew_concurrency_lease(lease_id=lease_id, lease_duration=LEASE_S)
        return True
    except Exception:  # expired meanwhile: acquire anew
        return False


def _release(lease_id) -> None:
    try:
        with _client() as client:
            client.release_concurrency_slots_with_lease(lease_id=lease_id)
    except Exception as exc:  # the lease expires by itself after LEASE_S
        log.warning("could not release the %s slot: %s", WAREHOUSE_LIMIT, exc)


_slot = _Slot()


@contextmanager
def warehouse_writer(keep: bool = False):
    """Hold the `hkstp-warehouse` slot for the duration of the block (waits while another run holds it).

    keep=True: a step that another writing step follows within seconds (a backfill's loads) keeps the slot for
    the next one; the next step without `keep` lets it go, and a timer does after LINGER_S unused.
    """
    if WAREHOUSE_LIMIT not in _ensured and ensure_warehouse_limit():
        _ensured.add(WAREHOUSE_LIMIT)
    _slot.enter()
    try:
        yield
    finally:
        _slot.leave(keep)
