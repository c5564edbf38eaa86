"""The revisit rule (transforms/revisit.py) and its use on discovered pages (flows/revisit.py), with an
injected clock: which known pages a run asks for."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone

from flows.discover import DiscoveredPage
from flows.http import PoliteSession
from flows.profile import load_profile
from flows.revisit import plan_revisits
from transforms.revisit import PageHistory, is_due, jitter, lastmod_moved, why_due

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
OLD = date(2023, 5, 17)


def _urls(n: int) -> list[str]:
    return [f"https://www.hkstp.org/news-room/release-{i:05d}-of-a-busy-park/" for i in range(n)]


def test_a_page_checked_a_minute_ago_is_not_due():
    page = PageHistory("https://www.hkstp.org/press-room/x/", T0, OLD)
    assert why_due(page, T0 + timedelta(minutes=1), recheck_days=7) is None


def test_rechecks_after_a_backfill_spread_over_the_interval_and_reach_every_page():
    urls = _urls(700)
    last = {u: T0 for u in urls}
    per_day = Counter()
    times = Counter()
    for hour in range(1, 7 * 24 + 1):  # hourly runs for a week; a run re-checks what is due
        now = T0 + timedelta(hours=hour)
        for u in urls:
            if is_due(PageHistory(u, last[u], OLD), now, recheck_days=7):
                last[u] = now
                per_day[(hour - 1) // 24] += 1
                times[u] += 1
    # each page at least once in the week; a slot is an hour shorter than the week, so a page whose slot
    # opens in the week's first hour comes round twice (about 1 in 168)
    assert set(times) == set(urls) and max(times.values()) <= 2
    assert sum(per_day.values()) <= len(urls) * 1.02
    assert all(len(urls) / 7 * 0.75 < per_day[d] < len(urls) / 7 * 1.25 for d in range(7)), per_day


def test_a_silent_edit_is_seen_within_recheck_days_with_hourly_runs():
    for u in _urls(100):
        checked = T0
        # the edit lands just after the check; the next check that sees it must come within 7 days
        seen = next(T0 + timedelta(hours=h) for h in range(1, 24 * 8)
                    if is_due(PageHistory(u, checked, OLD), T0 + timedelta(hours=h), recheck_days=7))
        assert seen - checked <= timedelta(days=7), (u, seen - checked)


def test_a_release_of_last_week_is_rechecked_daily_an_old_one_weekly():
    url = "https://www.hkstp.org/press-room/a-new-fund/"
    recent = PageHistory(url, T0, T0.date() - timedelta(days=6))
    old = PageHistory(url, T0, OLD)
    day_later = T0 + timedelta(days=1)
    assert is_due(recent, day_later, recheck_days=7)
    two_days = [T0 + timedelta(hours=h) for h in range(1, 49)]
    assert sum(is_due(old, t, recheck_days=7) for t in two_days) <= 48  # not due every hour...
    assert not all(is_due(old, t, recheck_days=7) for t in two_days)


def test_sitemap_lastmod_after_the_last_fetch_makes_a_page_due():
    checked = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    assert lastmod_moved("2026-03-02T12:00:00+08:00", checked) is False  # 04:00 UTC, before the fetch
    assert lastmod_moved("2026-03-02T18:00:00+08:00", checked) is True  # 10:00 UTC, after it
    assert lastmod_moved("2026-03-02", checked) is True  # date only, same day: an edit later that day
    assert lastmod_moved("2026-03-01", checked) is False
    assert lastmod_moved("not a date", checked) is False
    page = PageHistory("https://www.hkstp.org/press-room/y/", checked, OLD)
    assert why_due(page, checked + timedelta(hours=2), 7, lastmod="2026-03-02T11:00:00Z") == "lastmod"


def test_recheck_days_zero_asks_for_every_known_page():
    page = PageHistory("https://www.hkstp.org/press-room/z/", T0, OLD)
    assert why_due(page, T0 + timedelta(seconds=1), recheck_days=0) == "recheck"


def test_jitter_is_stable_and_spread():
    values = [jitter(u) for u in _urls(1000)]
    assert values == [jitter(u) for u in _urls(1000)]
    assert 0.45 < sum(values) / len(values) < 0.55


def test_plan_keeps_new_and_due_pages_and_adds_due_pages_discovery_did_not_list():
    profile = load_profile()
    session = PoliteSession.from_profile(profile)
    base = "https://www.hkstp.org"
    known_listed = f"{base}/press-room/hkstp-opens-a-new-wet-lab/"
    known_unlisted = f"{base}/press-room/an-older-release-far-down-the-list/"
    fresh = f"{base}/press-room/a-release-published-this-morning/"
    other_site = "http://127.0.0.1:9/press-room/a-mirror-on-another-port/"
    history = {u: PageHistory(u, T0, OLD) for u in (known_listed, known_unlisted, other_site)}
    discovered = [DiscoveredPage(u, "press-room", "en", u.rsplit("/", 2)[-2], None, f"{base}/press-room/")
                  for u in (fresh, known_listed)]
    soon = plan_revisits(discovered, history, profile, session, base, T0 + timedelta(minutes=5), 7)
    assert [p.url for p in soon.pages] == [fresh] and soon.not_due == 2
    later = plan_revisits(discovered, history, profile, session, base, T0 + timedelta(days=8), 7)
    assert {p.url for p in later.pages} == {fresh, known_listed, known_unlisted}
    assert later.reasons == Counter({"new": 1, "recheck": 2})
