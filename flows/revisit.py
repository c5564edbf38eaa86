"""The revisit policy in a run: which release pages to ask for (new, lastmod moved, due for a re-check).

Discovery says which releases the site lists now; the warehouse says which pages we know and when each was
last answered; transforms/revisit.py decides which known pages are due. Known pages that are due are asked
for even when this run's discovery did not list them (hourly-new reads only the first listing pages), so the
re-checks of a day spread over every run of the day instead of making one long run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from prefect import task
from prefect.cache_policies import NO_CACHE

import warehouse
from flows.discover import DiscoveredPage
from flows.http import PoliteSession
from flows.profile import language_code, release_match
from transforms.revisit import PageHistory, why_due

__all__ = ["RevisitPlan", "choose_pages", "plan_revisits"]


@dataclass
class RevisitPlan:
    pages: list[DiscoveredPage]  # what to fetch, discovered pages first
    reasons: Counter = field(default_factory=Counter)  # new | lastmod | recheck -> pages
    not_due: int = 0  # known pages left alone in this run


def plan_revisits(
    discovered: list[DiscoveredPage],
    history: dict[str, PageHistory],
    profile: dict,
    session: PoliteSession,
    base_url: str,
    now: datetime,
    recheck_days: float,
    languages: list[str] | None = None,
    since: date | None = None,
) -> RevisitPlan:
    """Keep the discovered pages that are new or due, and add the known pages that are due."""
    plan = RevisitPlan(pages=[])
    listed = set()
    for page in discovered:
        listed.add(page.url)
        known = history.get(page.url)
        reason = "new" if known is None else why_due(known, now, recheck_days, lastmod=page.lastmod)
        if reason:
            plan.pages.append(page)
            plan.reasons[reason] += 1
        else:
            plan.not_due += 1
    here = _hosts_of_run(profile, base_url)
    wanted = {language_code(profile, lang) for lang in languages} if languages else None
    for url, known in history.items():
        if url in listed:
            continue
        match = release_match(profile, url)
        if match is None or session.is_allowed(url) or urlsplit(url).netloc.lower() not in here:
            continue  # not a release of this site (another press room, a mirror on another port)
        if wanted and match.language not in wanted:
            continue
        if since and known.published_on and known.published_on < since:
            continue
        reason = why_due(known, now, recheck_days)
        if reason:
            plan.pages.append(DiscoveredPage(url, match.layout, match.language, match.slug, None, "revisit"))
            plan.reasons[reason] += 1
        else:
            plan.not_due += 1
    return plan


def _hosts_of_run(profile: dict, base_url: str) -> set[str]:
    """host[:port] of the pages this run may revisit: the base URL's, or the profile's hosts when it is the site."""
    netloc = urlsplit(base_url).netloc.lower()
    hosts = set(profile["site"]["hosts"])
    return {netloc} | hosts if (urlsplit(base_url).hostname or "").lower() in hosts else {netloc}


@task(cache_policy=NO_CACHE, task_run_name="choose-pages")
def choose_pages(
    db: Path,
    discovered: list[DiscoveredPage],
    profile: dict,
    session: PoliteSession,
    base_url: str,
    recheck_days: float,
    languages: list[str] | None = None,
    since: date | None = None,
    now: datetime | None = None,
) -> list[DiscoveredPage]:
    """The pages this run fetches: new ones, those whose sitemap lastmod moved, and those due a re-check."""
    plan = plan_revisits(discovered, warehouse.revisit_history(db), profile, session, base_url,
                         now or datetime.now(timezone.utc), recheck_days, languages, since)
    reasons = ", ".join(f"{n} {why}" for why, n in sorted(plan.reasons.items())) or "nothing"
    print(f"revisit: fetching {len(plan.pages)} pages ({reasons}); {plan.not_due} known pages not due")
    return plan.pages
