"""The writer slot `hkstp-warehouse` (flows/writer.py) on the session's real Prefect API (SQLite-backed).

What a user would see: while one step writes, the limit shows one active slot and another step waits; after it,
the slot is free; and a load task does not sit out Prefect's 2 s back-off because the server was busy recording
that very task (the client logs each such back-off: "Another attempt will be made in 2s").
"""

from __future__ import annotations

import logging
import threading
import time

import pytest
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows.writer import WAREHOUSE_LIMIT, warehouse_writer


def _active_slots() -> int:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return client.read_global_concurrency_limit_by_name(WAREHOUSE_LIMIT).active_slots


@pytest.fixture
def client_backoffs(caplog):
    """The Prefect client's retry messages for the concurrency endpoints, as logged."""
    caplog.set_level(logging.DEBUG, logger="prefect.client")

    def backoffs() -> list[str]:
        return [r.getMessage() for r in caplog.records
                if r.name.startswith("prefect.client") and "Another attempt will be made" in r.getMessage()]
    return backoffs


def test_load_tasks_take_the_slot_without_a_backoff_and_free_it(prefect_harness, client_backoffs):
    seen: list[int] = []

    @task(cache_policy=NO_CACHE)
    def load(i: int) -> None:
        with warehouse_writer():
            seen.append(_active_slots())

    @flow
    def loads() -> None:
        for i in range(6):  # each task start is recorded by the server while the task asks for the slot
            load(i)

    loads()
    assert seen == [1] * 6  # held while writing
    assert _active_slots() == 0  # and free afterwards
    assert client_backoffs() == []


def test_a_second_writer_waits_for_the_first(prefect_harness):
    order: list[str] = []
    first_in = threading.Event()

    def first() -> None:
        with warehouse_writer():
            order.append("first in")
            first_in.set()
            time.sleep(0.8)
            order.append("first out")

    def second() -> None:
        first_in.wait(30)
        with warehouse_writer():
            order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert order == ["first in", "first out", "second in"]
    assert _active_slots() == 0


def test_a_failed_write_frees_the_slot(prefect_harness):
    with pytest.raises(RuntimeError, match="disk full"):
        with warehouse_writer():
            assert _active_slots() == 1
            raise RuntimeError("disk full")
    assert _active_slots() == 0
