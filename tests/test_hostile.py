"""A hostile site on loopback: links and redirects that try to leave the allowed host and port, and a page
that never finishes. What the user sees: nothing reaches the other server, the run ends, the problems view
says what was refused."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

import warehouse
from flows.http import PoliteSession
from flows.loopback import Fault, LoopbackServer, Page
from flows.monitor import monitor
from flows.urlcheck import UrlCheck

SITE_A = Path(__file__).resolve().parents[1] / "samples" / "site" / "A"
RELEASE = (SITE_A / "news-room" / "career-expo-offers-over-2900-i-t-jobs" / "index.html").read_bytes()
UA = "hkstp-monitor-test/1.0 (+https://example.invalid/contact)"


def _problems(db: Path) -> dict[str, str]:
    return dict(warehouse.query(db, "select url, reason from problems where stage = 'fetch'")[1])


def _site(witness: LoopbackServer, port: int) -> dict[str, Page | str]:
    """A small press room whose sitemap, listing and redirects point at the witness in every disguise."""
    w = witness.port
    tricks = [
        f"http://127.0.0.1:{w}\\@127.0.0.1:{port}/news-room/backslash/",  # urlsplit: our host; requests: the witness
        f"http://localhost:{w}\\@127.0.0.1:{port}/news-room/backslash-name/",
        f"http://www.hkstp.org@127.0.0.1:{w}/news-room/userinfo/",
        f"http://127.0.0.1:{port}@127.0.0.1:{w}/news-room/userinfo-port/",
        f"http://127.0.0.1:{w}/news-room/other-port/",
    ]
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in [f"http://127.0.0.1:{port}/news-room/kept/", *tricks])
    links = "".join(f'<li><a href="{u}">x</a></li>' for u in tricks)
    redirect = lambda target: Page(b"", status=302, headers={"Location": target})  # noqa: E731
    return {
        "/robots.txt": "User-agent: *\nDisallow: /admin/\n",
        "/sitemap.xml": Page(f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             f"{locs}</urlset>".encode(), content_type="application/xml"),
        "/news-room/": f'<html><body><ul class="news-list">{links}'
                       '<li><a href="/news-room/moved-1/">a</a></li><li><a href="/news-room/moved-2/">b</a></li>'
                       '<li><a href="/news-room/moved-3/">c</a></li></ul></body></html>',
        "/news-room/kept/": Page(RELEASE),
        "/news-room/moved-1/": redirect(f"http://localhost:{w}\\@127.0.0.1:{port}/news-room/kept/"),
        "/news-room/moved-2/": redirect(f"//user:pw@127.0.0.1:{w}/news-room/kept/"),
        "/news-room/moved-3/": redirect(f"http://127.0.0.1:{w}/news-room/kept/"),
    }


@pytest.mark.usefixtures("prefect_harness")
def test_a_witness_on_another_port_receives_nothing_from_a_run_against_a_hostile_site(tmp_path):
    db = tmp_path / "hostile.duckdb"
    with LoopbackServer(routes={"/": "witness"}) as witness, LoopbackServer() as site:
        for path, content in _site(witness, site.port).items():
            site.set_route(path, content)
        result = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        witness_log = list(witness.log)

    assert witness_log == []
    loaded = [url for (url,) in warehouse.query(db, "select url from releases")[1]]
    assert loaded == [site.url("/news-room/kept/")]
    problems = _problems(db)
    assert "backslash" in problems[site.url("/news-room/moved-1/")]
    assert "user name or password" in problems[site.url("/news-room/moved-2/")]
    assert problems[site.url("/news-room/moved-3/")] == f"redirect to off-site port {witness.port}"
    assert result["new_releases"] == 1


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1:8080/news-room/a/", None),
        ("HTTP://127.0.0.1:8080/news-room/a/#top", None),
        ("http://127.0.0.1:8081/news-room/a/", "off-site port 8081"),
        ("http://127.0.0.1:8081\\@127.0.0.1:8080/a/", "backslash in the host part of the URL"),
        ("http://me@127.0.0.1:8080/a/", "user name or password in the host part of the URL"),
        ("http://127.0.0.1:8080\n.evil/a/", "control character in URL"),
        ("http://127.0.0.1 :8080/a/", "whitespace in the host part of the URL"),
        ("http://127.0.0.%31:8080/a/", "percent sign in the host part of the URL"),
        ("https://www.hkstp.org/news-room/a/", None),
        ("https://www.hkstp.org:8443/news-room/a/", "off-site port 8443"),
        ("https://hkstp.org.evil.example/", "off-site host"),
        ("file:///etc/passwd", "unsupported scheme 'file'"),
    ],
)
def test_the_url_check_allows_only_the_profiles_hosts_on_their_ports(url, reason):
    check = UrlCheck.from_profile({"site": {"hosts": ["www.hkstp.org", "hkstp.org"]}}, "http://127.0.0.1:8080")
    assert check.check(url) == reason


def test_a_body_that_trickles_is_cut_off_at_the_deadline_and_recorded():
    with LoopbackServer(routes={"/news-room/slow/": "never sent"}) as site:
        site.fault("/news-room/slow/", [Fault.trickle(2.0)], forever=True)
        http = PoliteSession(UA, min_gap_s=0, timeout=(2, 5), retries=0, deadline_s=3, allowed_hosts={site.host + ":*"})
        started = time.monotonic()
        result = http.fetch(site.url("/news-room/slow/"))
        took = time.monotonic() - started

    assert result.body is None
    assert result.record.error == "no complete response within the 3s deadline"
    assert took < 30  # generous: without the deadline it never returns


@pytest.mark.usefixtures("prefect_harness")
def test_a_run_with_a_trickling_page_ends_and_records_the_page_as_a_fetch_problem(tmp_path, monkeypatch):
    monkeypatch.setenv("HKSTP_RESPONSE_DEADLINE_S", "3")
    monkeypatch.setenv("HKSTP_RETRIES", "0")
    db = tmp_path / "trickle.duckdb"
    slow = "/news-room/slow/"
    with LoopbackServer() as site:
        site.set_route("/news-room/", '<html><body><ul class="news-list"><li><a href="/news-room/kept/">k</a></li>'
                                      f'<li><a href="{slow}">s</a></li></ul></body></html>')
        site.set_route("/news-room/kept/", RELEASE)
        site.set_route(slow, RELEASE)
        site.fault(slow, [Fault.trickle(2.0)], forever=True)
        # Should the deadline not work, stop the trickle after two minutes so the test fails instead of hanging.
        safety = threading.Timer(120, site._stopping.set)
        safety.start()
        try:
            started = time.monotonic()
            monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
            took = time.monotonic() - started
        finally:
            safety.cancel()

    assert _problems(db)[site.url(slow)] == "no complete response within the 3s deadline"
    assert [url for (url,) in warehouse.query(db, "select url from releases")[1]] == [site.url("/news-room/kept/")]
    assert took < 100  # generous; the safety timer would have ended the trickle at 120 s


def test_the_same_404_on_every_run_stays_one_problem_row_with_a_count(tmp_path):
    from transforms.model import FetchRecord

    db = tmp_path / "w.duckdb"
    gone = "http://127.0.0.1:8080/news-room/gone/"
    for day in ("2025-03-01", "2025-03-02", "2025-03-03"):  # three runs, the same 404 each time
        warehouse.record_fetches(db, [FetchRecord(url=gone, fetched_at=f"{day}T09:00:00.000Z", status=404,
                                                  error="http 404")])
    warehouse.record_fetches(db, [FetchRecord(url=gone, fetched_at="2025-03-04T09:00:00.000Z", status=503,
                                              error="http 503")])

    rows = warehouse.query(db, "select reason, times_seen, first_seen_at::date::varchar, seen_at::date::varchar "
                               "from problems order by reason")[1]
    assert rows == [("http 404", 3, "2025-03-01", "2025-03-03"), ("http 503", 1, "2025-03-04", "2025-03-04")]
