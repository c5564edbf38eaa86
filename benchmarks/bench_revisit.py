"""What the revisit policy costs the site: REQUESTS (not seconds) over a simulated month of the 10,000-page
corpus, with the real schedule of deployments/prefect.yaml.

    .venv/bin/python -m benchmarks.bench_revisit                 # N = 10,000, 30 days -> benchmarks/results-revisit.json
    .venv/bin/python -m benchmarks.bench_revisit --pages 1000 --days 14

Time is simulated: an injected clock (`now`) moves from run to run; nothing sleeps and nothing is fetched.
Which known page a run asks for is decided by the real rule (transforms/revisit.why_due), on the pages of
benchmarks/corpus.py (their URLs, languages, publication dates shifted so the newest is the day before the
month starts, sitemap lastmod = publication date, listings of 10 per language, sitemap index + urlsets).
Each run costs: robots.txt, the listing pages it reads, the sitemap files (runs that read them), the new
release pages it finds, and the known pages that are due. Discovery follows issue 14's plan: a run reads a
language's listing pages up to the first one whose releases are all known (engineer 11a's change to
flows/discover.py); "today" is the current daily run: every listing page (up to the profile's cap of 200 a
language), the sitemaps, and every known release page with a conditional GET.

Events, drawn from a fixed seed: `--new-per-week` new releases a week (each in 1-3 languages, 1 in 40 an
events page that only the sitemap lists), published at random daytime hours; `--silent-edits` pages edited
in place at random moments (the body changes, the sitemap lastmod does not). A silent edit is seen by the
first request for the page after it. A run's duration is its requests times the gap (1 s).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from benchmarks.corpus import EVENTS_PATH, SITEMAP_CHUNK, bs, plan_releases
from transforms.revisit import PageHistory, why_due

ROOT = Path(__file__).resolve().parents[1]
HKT = timezone(timedelta(hours=8))
START = datetime(2026, 1, 5, 0, 0, tzinfo=HKT)  # a Monday
LISTING_CAP = 200  # flows/profiles/hkstp.yaml listing.max_pages
GAP_S = 1.0


@dataclass
class Page:
    url: str
    language: str  # site language (events pages: zh-cn)
    listed: bool  # on a listing (events pages are in the sitemap only)
    published_on: date
    appears_at: datetime  # when the site starts to list it (corpus pages: before the month)
    last_checked_at: datetime | None = None
    edited_at: datetime | None = None  # a silent edit not seen yet


def corpus_pages(n: int, first_day: date) -> list[Page]:
    pages = []
    for item in plan_releases(n):
        if isinstance(item, tuple):
            rel = item[1]
            pages.append(Page(EVENTS_PATH.format(slug=rel.slug), "zh-cn", False, rel.published, START))
            continue
        for lang in item.editions:
            pages.append(Page(item.path(lang), lang, True, item.published, START))
    shift = first_day - max(p.published_on for p in pages)
    for p in pages:
        p.published_on += shift
        p.appears_at = datetime.combine(p.published_on, datetime.min.time(), HKT)
    return pages


def schedule(days: int) -> list[tuple[datetime, str]]:
    """(start, deployment) of every run in the month: prefect.yaml's crons in Asia/Hong_Kong."""
    runs = []
    for d in range(days):
        day = START + timedelta(days=d)
        runs += [(day + timedelta(hours=h, minutes=15), "hourly-new") for h in range(24)]
        runs.append((day + timedelta(hours=9), "daily"))
        if day.weekday() == 6:
            runs.append((day + timedelta(hours=4), "weekly-catchup"))
    return sorted(runs)


def plan_events(rng: random.Random, days: int, new_per_week: int, silent_edits: int, known: list[Page]):
    new, edits = [], []
    for k in range(round(new_per_week * days / 7)):
        at = START + timedelta(days=rng.uniform(0, days - 0.5))
        at = at.replace(hour=rng.randint(9, 18), minute=rng.randint(0, 59))
        if k % 40 == 39:
            new.append(Page(EVENTS_PATH.format(slug=f"new-event-{k}"), "zh-cn", False, at.date(), at))
            continue
        for lang in rng.sample(bs.SITE_LANGS, rng.randint(1, 3)):
            new.append(Page(f"/{lang}/news-room/new-release-{k}/", lang, True, at.date(), at))
    for page in rng.sample(known, silent_edits):
        edits.append((START + timedelta(days=rng.uniform(0, days - 8)), page))
    return new, sorted(edits, key=lambda e: e[0])


def simulate(n: int, days: int, new_per_week: int, silent_edits: int, recheck_days: float, seed: int = 14) -> dict:
    rng = random.Random(seed)
    pages = corpus_pages(n, (START - timedelta(days=1)).date())
    backfill = START  # the backfill ends as the month begins; its first run is the 00:15 hourly-new
    for p in pages:
        p.last_checked_at = backfill  # the month starts right after a full backfill
    new, edits = plan_events(rng, days, new_per_week, silent_edits, pages)
    site = list(pages)  # the pages the site has, growing as releases appear
    pending_new = sorted(new, key=lambda p: p.appears_at)
    by_lang = {lang: sum(1 for p in pages if p.listed and p.language == lang) for lang in bs.SITE_LANGS}
    sitemap_files = 1 + sum(math.ceil(sum(1 for p in pages if (p.language == "en") == (g == "en")) / SITEMAP_CHUNK)
                            for g in ("en", "zh"))
    today_daily = 1 + sum(min(LISTING_CAP, math.ceil(c / bs.PAGE_SIZE)) for c in by_lang.values()) + sitemap_files + n

    per_day: dict[int, int] = defaultdict(int)
    new_on_day: dict[int, int] = defaultdict(int)
    runs_out, unseen = [], []
    edit_i = 0
    for now, name in schedule(days):
        now_utc = now.astimezone(timezone.utc)
        while pending_new and pending_new[0].appears_at <= now:
            page = pending_new.pop(0)
            site.append(page)
            new_on_day[(page.appears_at - START).days] += 1
        while edit_i < len(edits) and edits[edit_i][0] <= now:
            edits[edit_i][1].edited_at = edits[edit_i][0]
            edit_i += 1
        reads_sitemap = name != "hourly-new"
        requests = 1  # robots.txt
        fetch: list[Page] = []
        for lang in bs.SITE_LANGS:  # listing pages newest first, up to the first page with nothing new
            listed = sorted((p for p in site if p.listed and p.language == lang), key=lambda p: p.appears_at, reverse=True)
            unknown = [p.last_checked_at is None for p in listed]
            pages_read = 1
            while pages_read * bs.PAGE_SIZE <= len(unknown) and any(unknown[(pages_read - 1) * bs.PAGE_SIZE:pages_read * bs.PAGE_SIZE]):
                pages_read += 1
            if name == "hourly-new":
                pages_read = 1  # max_listing_pages: 1
            requests += pages_read
            fetch += [p for p in listed[: pages_read * bs.PAGE_SIZE] if p.last_checked_at is None]
        if reads_sitemap:
            requests += sitemap_files
            fetch += [p for p in site if p.last_checked_at is None and not p.listed]
        seen = {id(p) for p in fetch}
        for p in site:
            if p.last_checked_at is None or id(p) in seen:
                continue
            history = PageHistory(p.url, p.last_checked_at.astimezone(timezone.utc), p.published_on)
            lastmod = p.published_on.isoformat() if reads_sitemap else None
            if why_due(history, now_utc, recheck_days, lastmod=lastmod):
                fetch.append(p)
        for p in fetch:
            p.last_checked_at = now
            if p.edited_at is not None:
                unseen.append((now - p.edited_at).total_seconds() / 86400)
                p.edited_at = None
        requests += len(fetch)
        per_day[(now - START).days] += requests
        runs_out.append({"at": now.isoformat(), "deployment": name, "requests": requests,
                         "minutes_at_1s_gap": round(requests * GAP_S / 60, 1)})
    still_unseen = [(START + timedelta(days=days) - e[1].edited_at).total_seconds() / 86400
                    for e in edits if e[1].edited_at is not None]
    quiet_days = [per_day[d] for d in range(days) if not new_on_day[d]]
    longest = max(runs_out, key=lambda r: r["requests"])
    return {
        "pages": n, "days": days, "recheck_days": recheck_days, "new_pages": len(new), "silent_edits": len(edits),
        "today_daily_requests": today_daily,
        "requests_per_day_mean": round(sum(per_day.values()) / days, 1),
        "requests_per_day_max": max(per_day.values()),
        "quiet_day_requests_mean": round(sum(quiet_days) / len(quiet_days), 1) if quiet_days else None,
        "quiet_day_requests_max": max(quiet_days) if quiet_days else None,
        "quiet_day_share_of_today": round(max(quiet_days) / today_daily, 4) if quiet_days else None,
        "recheck_floor_share": round(n / recheck_days / today_daily, 4),
        "longest_run": longest,
        "runs_by_deployment_max_requests": {d: max(r["requests"] for r in runs_out if r["deployment"] == d)
                                            for d in {r["deployment"] for r in runs_out}},
        "silent_edit_unseen_days_max": round(max(unseen), 2) if unseen else None,
        "silent_edit_unseen_days_mean": round(sum(unseen) / len(unseen), 2) if unseen else None,
        "silent_edits_never_seen": len(still_unseen),
        "requests_per_day": [per_day[d] for d in range(days)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--new-per-week", type=int, default=4)
    parser.add_argument("--silent-edits", type=int, default=6)
    parser.add_argument("--recheck-days", type=float, nargs="*", default=[7.0, 30.0, 60.0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results-revisit.json")
    args = parser.parse_args()
    results = []
    for rd in args.recheck_days:
        t = time.monotonic()
        r = simulate(args.pages, args.days, args.new_per_week, args.silent_edits, rd)
        r["simulated_in_s"] = round(time.monotonic() - t, 1)
        results.append(r)
        print(f"recheck_days {rd:g}: today's daily {r['today_daily_requests']} requests; per day mean "
              f"{r['requests_per_day_mean']}, quiet day max {r['quiet_day_requests_max']} "
              f"({r['quiet_day_share_of_today']:.1%} of today's daily; floor N/recheck_days "
              f"{r['recheck_floor_share']:.1%}); longest run {r['longest_run']['requests']} requests = "
              f"{r['longest_run']['minutes_at_1s_gap']} min at 1 s ({r['longest_run']['deployment']}); "
              f"silent edits unseen max {r['silent_edit_unseen_days_max']} d, mean "
              f"{r['silent_edit_unseen_days_mean']} d, never seen {r['silent_edits_never_seen']}")
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
