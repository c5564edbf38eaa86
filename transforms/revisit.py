"""Which known release pages a run asks for again: the revisit rule, pure (no I/O, no clock of its own).

The rule, once, in words:
- a page never fetched is always asked for;
- a page whose sitemap `lastmod` moved since our last good fetch of it is asked for (a date-only lastmod
  counts as moved while it is not older than the day of our last fetch, so an edit later that day is not
  missed: it costs at most one extra request the day after);
- every other known page is asked for once per revisit interval: 1 day while its release is under
  `recent_days` old, `recheck_days` after that. The interval is cut into fixed slots, and each URL's slots
  start at its own stable offset (a hash of the URL), so the re-checks after a backfill fall evenly on every
  hour of the interval instead of all on one day. A page is due when a slot boundary has passed since its
  last good fetch; the slot is `margin` shorter than the interval, so that a silent edit made just after a
  check is seen within the interval even when the run that picks the slot up comes up to `margin` late
  (the hourly deployment's spacing);
- `recheck_days` 0 (or less) asks for every known page in every run.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

DAY = timedelta(days=1)
DEFAULT_MARGIN = timedelta(hours=1)  # the longest wait for the next run after a slot opens (hourly-new)
DEFAULT_RECENT_DAYS = 30  # releases younger than this are re-checked daily

__all__ = ["PageHistory", "interval_for", "is_due", "jitter", "lastmod_moved", "parse_lastmod", "why_due"]


@dataclass(frozen=True, slots=True)
class PageHistory:
    """What the warehouse knows of one release page."""

    url: str
    last_checked_at: datetime | None  # the last good fetch (200 or 304), UTC
    published_on: date | None = None  # of the release the page carries


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)


@lru_cache(maxsize=1 << 17)  # every run asks for every known page's offset; 10,000 pages fit many times over
def jitter(url: str) -> float:
    """A stable number in [0, 1) for a URL: the same on every machine and every run."""
    digest = hashlib.sha256(url.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def interval_for(published_on: date | None, now: datetime, recheck_days: float,
                 recent_days: int = DEFAULT_RECENT_DAYS) -> timedelta:
    """1 day for a release published in the last `recent_days`, else `recheck_days`."""
    if published_on is not None and (_utc(now).date() - published_on).days <= recent_days:
        return min(DAY, timedelta(days=recheck_days))
    return timedelta(days=recheck_days)


def _last_slot_start(url: str, now: datetime, period: timedelta) -> datetime:
    """The latest start of one of `url`'s slots at or before `now`."""
    period_s = period.total_seconds()
    offset_s = jitter(url) * period_s
    now_s = _utc(now).timestamp()
    return datetime.fromtimestamp(now_s - ((now_s - offset_s) % period_s), tz=timezone.utc)


def parse_lastmod(value: str | None) -> tuple[datetime, bool] | None:
    """A sitemap lastmod (W3C datetime) -> (UTC datetime, date_only); None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if len(text) == 10:
        try:
            return datetime.fromisoformat(text).replace(tzinfo=timezone.utc), True
        except ValueError:
            return None
    try:
        return _utc(datetime.fromisoformat(text.replace("Z", "+00:00"))), False
    except ValueError:
        return None


def lastmod_moved(lastmod: str | None, last_checked_at: datetime | None) -> bool:
    """True when the sitemap says the page changed after our last good fetch of it."""
    if last_checked_at is None:
        return True
    parsed = parse_lastmod(lastmod)
    if parsed is None:
        return False
    when, date_only = parsed
    checked = _utc(last_checked_at)
    return when.date() >= checked.date() if date_only else when > checked


def why_due(page: PageHistory, now: datetime, recheck_days: float, lastmod: str | None = None,
            recent_days: int = DEFAULT_RECENT_DAYS, margin: timedelta = DEFAULT_MARGIN) -> str | None:
    """Why the page is asked for in a run at `now` ("new", "lastmod", "recheck"), or None when it is not."""
    if page.last_checked_at is None:
        return "new"
    if lastmod_moved(lastmod, page.last_checked_at):
        return "lastmod"
    if recheck_days <= 0:  # no revisit interval: every known page, every run (conditional GET)
        return "recheck"
    interval = interval_for(page.published_on, now, recheck_days, recent_days)
    period = interval - margin if interval > 2 * margin else interval
    if _utc(page.last_checked_at) < _last_slot_start(page.url, now, period):
        return "recheck"
    return None


def is_due(page: PageHistory, now: datetime, recheck_days: float, lastmod: str | None = None,
           recent_days: int = DEFAULT_RECENT_DAYS, margin: timedelta = DEFAULT_MARGIN) -> bool:
    return why_due(page, now, recheck_days, lastmod, recent_days, margin) is not None
