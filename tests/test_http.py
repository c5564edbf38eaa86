"""PoliteSession against a real loopback server: validators, retries, faults, limits, politeness."""

from __future__ import annotations

import hashlib
import threading
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

import flows.http
from flows.http import PoliteSession, retry_after_seconds
from flows.loopback import Fault, LoopbackServer, Page

UA = "hkstp-monitor-test/1.0 (+https://example.invalid/contact)"
PAGE = "<html><body><h1>Park news</h1><p>Over 1,700 technology companies.</p></body></html>"


@pytest.fixture
def server():
    with LoopbackServer(routes={"/news-room/a/": PAGE}) as srv:
        yield srv


def session(**overrides) -> PoliteSession:
    options = dict(min_gap_s=0.05, timeout=(2, 2), retries=2, backoff_s=0.05, allowed_hosts={"127.0.0.1:*"})
    options.update(overrides)
    return PoliteSession(UA, **options)


def requests_for(server: LoopbackServer, path: str):
    return [entry for entry in server.log if entry.path == path]


def test_fetch_returns_body_and_the_validators_to_keep(server):
    result = session().fetch(server.url("/news-room/a/"))

    assert result.ok and not result.not_modified
    assert result.body == PAGE.encode()
    record = result.record
    assert record.status == 200
    assert record.sha256 == hashlib.sha256(PAGE.encode()).hexdigest()
    assert record.etag == f'"{record.sha256}"'
    assert record.last_modified and record.last_modified.endswith("GMT")
    assert record.bytes == len(PAGE.encode())
    assert record.content_type.startswith("text/html")
    assert record.fetched_at.endswith("Z")
    assert requests_for(server, "/news-room/a/")[0].headers["User-Agent"] == UA


def test_known_page_asked_with_etag_is_answered_304_without_body(server):
    http = session()
    first = http.fetch(server.url("/news-room/a/"))
    second = http.fetch(server.url("/news-room/a/"), etag=first.record.etag, last_modified=first.record.last_modified)

    assert second.not_modified and second.ok
    assert second.body is None
    assert second.record.status == 304
    assert second.record.etag == first.record.etag
    assert second.record.sha256 is None and second.record.bytes == 0
    sent = requests_for(server, "/news-room/a/")[1].headers
    assert sent["If-None-Match"] == first.record.etag
    assert sent["If-Modified-Since"] == first.record.last_modified


def test_last_modified_alone_gives_304_when_the_site_sends_no_etag():
    with LoopbackServer(routes={"/p/": PAGE}, etags=False) as srv:
        http = session()
        first = http.fetch(srv.url("/p/"))
        assert first.record.etag is None
        second = http.fetch(srv.url("/p/"), last_modified=first.record.last_modified)
        assert second.not_modified and second.record.status == 304


def test_edited_page_comes_back_whole_despite_the_old_etag(server):
    http = session()
    first = http.fetch(server.url("/news-room/a/"))
    server.set_route("/news-room/a/", PAGE.replace("1,700", "1,800"))
    second = http.fetch(server.url("/news-room/a/"), etag=first.record.etag, last_modified=first.record.last_modified)

    assert not second.not_modified
    assert b"1,800" in second.body
    assert second.record.sha256 != first.record.sha256


def test_503_with_retry_after_twice_then_200_is_loaded_after_waiting(server):
    server.fault("/news-room/a/", [Fault(503, {"Retry-After": "1"}), Fault(503, {"Retry-After": "1"}), 200])
    result = session(retries=3).fetch(server.url("/news-room/a/"))

    assert result.ok and result.body == PAGE.encode()
    assert result.attempts == 3
    log = requests_for(server, "/news-room/a/")
    assert [entry.status for entry in log] == [503, 503, 200]
    assert all(b.t - a.t >= 1.0 for a, b in zip(log, log[1:]))  # Retry-After honoured


def test_retry_after_as_http_date_and_as_seconds():
    now = datetime(2025, 3, 17, 8, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now) == 30.0
    assert retry_after_seconds(format_datetime(now - timedelta(seconds=30), usegmt=True), now=now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_429_is_retried(server):
    server.fault("/news-room/a/", [429, 200])
    result = session().fetch(server.url("/news-room/a/"))
    assert result.ok and result.attempts == 2


def test_persistent_500_gives_up_after_the_retries(server):
    server.fault("/news-room/a/", [500], forever=True)
    result = session(retries=2).fetch(server.url("/news-room/a/"))

    assert result.record.error == "http 500"
    assert result.record.status == 500 and result.body is None
    assert len(requests_for(server, "/news-room/a/")) == 3


def test_retry_after_longer_than_we_wait_is_an_error_not_a_stall(server):
    server.fault("/news-room/a/", [Fault(503, {"Retry-After": "86400"})], forever=True)
    result = session().fetch(server.url("/news-room/a/"))
    assert result.record.error == "http 503 (retry-after 86400s too long)"
    assert len(requests_for(server, "/news-room/a/")) == 1


def test_404_is_recorded_and_not_retried(server):
    result = session().fetch(server.url("/news-room/missing/"))
    assert result.record.error == "http 404" and result.record.status == 404
    assert result.body is None
    assert len(requests_for(server, "/news-room/missing/")) == 1


def test_a_hang_past_the_read_timeout_is_a_timeout_error_and_the_next_fetch_works(server):
    server.fault("/slow/", [Fault.hang(5)], forever=True)
    http = session(timeout=(1, 0.3), retries=1)
    slow = http.fetch(server.url("/slow/"))
    fine = http.fetch(server.url("/news-room/a/"))

    assert slow.record.error == "timeout after 0.3s"
    assert slow.body is None and slow.record.status is None
    assert len(requests_for(server, "/slow/")) == 2  # one retry
    assert fine.ok


@pytest.mark.parametrize("declare_length", [True, False], ids=["content-length", "streamed"])
def test_a_10_mb_body_is_refused_at_max_bytes(server, declare_length):
    server.fault("/huge/", [Fault.big(10_000_000, declare_length=declare_length)], forever=True)
    result = session(max_bytes=5_000_000).fetch(server.url("/huge/"))

    assert result.record.error == "body over 5000000 bytes"
    assert result.body is None and result.record.sha256 is None
    assert len(requests_for(server, "/huge/")) == 1  # not retried: it would be as big again


def test_off_site_and_non_http_urls_are_never_requested(server):
    http = session()
    other_host = server.url("/news-room/a/").replace("127.0.0.1", "localhost")

    assert http.fetch(other_host).record.error == "off-site host"
    assert http.fetch("file:///etc/passwd").record.error == "unsupported scheme 'file'"
    assert http.fetch("ftp://127.0.0.1/x").record.error == "unsupported scheme 'ftp'"
    assert server.log == []


def test_redirects_are_followed_on_site_but_not_off_site(server):
    server.set_route("/old/", Page(b"", status=301, headers={"Location": "/news-room/a/"}))
    offsite = server.url("/news-room/a/").replace("127.0.0.1", "localhost")
    server.set_route("/away/", Page(b"", status=302, headers={"Location": offsite}))
    http = session()

    moved = http.fetch(server.url("/old/"))
    assert moved.ok and moved.body == PAGE.encode()
    assert moved.final_url == server.url("/news-room/a/")

    away = http.fetch(server.url("/away/"))
    assert away.record.error == "redirect to off-site host"
    assert [e.path for e in server.log] == ["/old/", "/news-room/a/", "/away/"]


def test_connection_refused_is_recorded_after_retries():
    with LoopbackServer() as srv:
        url = srv.url("/gone/")
    result = session(retries=1).fetch(url)  # the server has stopped: nothing listens on that port
    assert result.record.error == "connection refused"
    assert result.attempts == 2


def test_requests_to_one_host_keep_the_default_one_second_gap(server):
    http = PoliteSession(UA, allowed_hosts={"127.0.0.1:*"})  # default gap: DEFAULT_MIN_GAP_S
    assert http.min_gap_s == flows.http.DEFAULT_MIN_GAP_S == 1.0
    for _ in range(3):
        http.fetch(server.url("/news-room/a/"))
    assert len(server.log) == 3
    assert server.min_gap_s() >= 1.0


def test_the_gap_holds_across_threads(server):
    http = session(min_gap_s=0.1)
    threads = [threading.Thread(target=lambda: [http.fetch(server.url("/news-room/a/")) for _ in range(2)]) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(server.log) == 8
    assert server.min_gap_s() >= 0.1


def test_the_rate_limit_constant_can_be_set_to_zero_for_benchmarks(monkeypatch):
    monkeypatch.setattr(flows.http, "DEFAULT_MIN_GAP_S", 0.0)
    assert PoliteSession(UA).min_gap_s == 0.0
