"""Signs of site drift in what a run fetched and parsed (discovery raises its own in flows/discover.py).

    signals = parsed_signals(pages, docs, profile, prior_generic=(3, 120), generic_jump=0.3)

Each signal names what was seen, where, and the key of the site profile to look at; the warehouse turns the
drift signals of the latest run into `site_drift` findings (warehouse/checks/site_drift.sql).
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

from lxml import etree, html as lxml_html

from flows.discover import DiscoveredPage
from transforms.model import DocumentResult, FetchRecord, SiteSignal
from transforms.parsing.html import find_layout, select_one

MIN_PRIOR_RELEASES = 5  # a generic-share jump needs this many releases loaded before...
MIN_RUN_RELEASES = 3  # ...and this many parsed in the run


def _prefix(url: str) -> str:
    """The folder of a URL: /en/media/press-releases/ for /en/media/press-releases/some-slug/."""
    path = urlsplit(url).path.rstrip("/")
    return path.rsplit("/", 1)[0] + "/" if "/" in path else "/"


def found_by_content(pages: list[DiscoveredPage], loaded_urls: set[str]) -> list[SiteSignal]:
    """One signal per URL folder holding releases that no release pattern matches (loaded now or before)."""
    folders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for page in pages:
        if page.by_content and page.url in loaded_urls:
            folders[(_prefix(page.url), page.language)].append(page.url)
    out = []
    for (folder, language), urls in sorted(folders.items()):
        out.append(SiteSignal(
            "found_by_content", urls[0].rsplit(folder, 1)[0] + folder, "site.release_patterns",
            f"{len(urls)} release page(s) under {folder} ({language}) were found only by their content: no release "
            f"pattern matches their URLs (e.g. {urls[0]})", language=language,
        ))
    return out


def parsed_signals(pages: list[DiscoveredPage], docs: list[DocumentResult], profile: dict,
                   prior_generic: tuple[int, int], generic_jump: float) -> list[SiteSignal]:
    """Signals from the releases parsed in this run: a generic-fallback share that jumps, dates out of place."""
    by_url = {p.url: p for p in pages}
    layouts = profile.get("layouts") or {}
    out: list[SiteSignal] = []
    matched = [d for d in docs if d.release is not None and not getattr(by_url.get(d.url), "by_content", False)]
    generic = [d for d in matched if d.release.layout == "generic"]
    prior_generic_n, prior_total = prior_generic
    if prior_total >= MIN_PRIOR_RELEASES and len(matched) >= MIN_RUN_RELEASES:
        before = prior_generic_n / prior_total
        now = len(generic) / len(matched)
        if now - before >= generic_jump:
            out.append(SiteSignal(
                "generic_share_jump", generic[0].url, "layouts",
                f"{len(generic)} of {len(matched)} release pages parsed in this run matched no layout of the profile "
                f"and fell back on generic parsing ({now:.0%}, against {before:.0%} of the releases loaded before): "
                "the release markup may have changed",
            ))
    undated: dict[str, list[str]] = defaultdict(list)
    for d in matched:
        spec = layouts.get(d.release.layout) or {}
        if spec.get("date") and d.release.date_source != "page_date":
            undated[d.release.layout].append(d.url)
    for name, urls in sorted(undated.items()):
        out.append(SiteSignal(
            "layout_date_missing", urls[0], f"layouts.{name}.date",
            f"{len(urls)} release page(s) of layout {name} show no date where the profile expects it "
            f"({layouts[name]['date']!r}); their date came from elsewhere or is missing",
        ))
    return out


def title_missing(pages: list[DiscoveredPage], docs: list[DocumentResult], profile: dict, body_of) -> list[SiteSignal]:
    """Pages parsed generically although a profile layout's `detect` matches them: its title selector missed.

    `body_of(sha256)` gives a document's raw bytes; only pages that fell back on generic parsing are read again.
    """
    by_url = {p.url: p for p in pages}
    missed: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        page = by_url.get(d.url)
        if d.release is None or d.release.layout != "generic" or page is None or page.by_content:
            continue
        try:
            doc = lxml_html.document_fromstring(body_of(d.sha256))
        except (etree.ParserError, ValueError, KeyError, OSError):
            continue
        found = find_layout(doc, d.url, profile)
        if found is None:
            continue
        name, spec, root = found
        if spec.get("release") is not False and spec.get("title") and select_one(root, spec["title"]) is None:
            missed[name].append(d.url)
    layouts = profile.get("layouts") or {}
    return [
        SiteSignal("layout_title_missing", urls[0], f"layouts.{name}.title",
                   f"{len(urls)} release page(s) of layout {name} have no title where the profile expects it "
                   f"({layouts[name]['title']!r}) and were parsed by the generic fallback")
        for name, urls in sorted(missed.items())
    ]


def _unreached(record: FetchRecord) -> bool:
    """No usable answer from the site: no HTTP status at all (DNS, refused, timeout) or a server error."""
    return bool(record.error) and (record.status is None or record.status >= 500)


def site_unreachable(base_url: str, discovery: list[FetchRecord], page_fetches: list[FetchRecord]) -> list[SiteSignal]:
    """One `site_unreachable` signal when the run could not reach the site: robots.txt unreachable (nothing else is
    then asked), every discovery request (robots, sitemaps, listings) failed, or every release page it tried to
    fetch failed. A run that saw nothing must not look like a quiet day."""
    robots = next((r for r in discovery if urlsplit(r.url).path.endswith("/robots.txt")), None)
    if robots is not None and _unreached(robots):
        what = f"robots.txt could not be read ({robots.error}), so nothing else was asked"
        where = robots.url
    elif discovery and all(_unreached(r) for r in discovery):
        what = (f"none of the {len(discovery)} discovery requests (robots.txt, sitemaps, listing pages) was "
                f"answered (e.g. {discovery[0].error})")
        where = discovery[0].url
    elif page_fetches and all(_unreached(r) for r in page_fetches):
        what = f"none of the {len(page_fetches)} release pages of this run could be fetched (e.g. {page_fetches[0].error})"
        where = page_fetches[0].url
    else:
        return []
    return [SiteSignal("site_unreachable", where, "site.base_url",
                       f"the site {base_url} could not be reached: {what}; this run saw no release", "warning")]
