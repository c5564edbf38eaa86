"""The sample press room's model: releases, editions and figures, loaded from samples/content/*.json.

The content (every sentence, figure and date) is data: samples/content/releases.json (one object a release)
and samples/content/site.json (the About block's figures per period, qualifier words, closing paragraphs,
press contacts, the planted dead link). This module only gives it shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
BASE_URL = "https://www.hkstp.org"
PAGE_SIZE = 10
SNAPSHOTS = ("A", "B")
SITE_LANGS = ("en", "zh-hk", "zh-cn")
CONTENT_LANG = {"en": "en", "zh-hk": "zh-hant", "zh-cn": "zh-hans"}
HTML_LANG = {"en": "en", "zh-hk": "zh-Hant-HK", "zh-cn": "zh-Hans-CN"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]


@dataclass(frozen=True)
class Fig:
    """A figure stated in a release body: what a correct extractor should find, and where (per site language)."""

    metric: str
    value: float
    qualifier: str
    texts: dict  # site language -> the phrase as written in that edition


@dataclass
class Edition:
    title: str
    lead: str  # first paragraph, without its dateline
    body: list  # further paragraphs; "## text" is a bold sub-head
    subtitle: str | None = None
    takeaways: list = field(default_factory=list)
    captions: list = field(default_factory=list)


@dataclass
class Rel:
    key: str
    slug: str
    published: date
    generation: str  # press-room | news-room | park-life
    editions: dict  # site language -> Edition
    figs: list = field(default_factory=list)
    about_overrides: dict = field(default_factory=dict)  # (site lang, metric) -> (qualifier, value)
    snapshot: str = "A"  # first snapshot holding it
    dateline: str = "standard"  # en: standard | extracomma | nospace | none
    zh_dateline: str = "compact"  # compact "(香港,2022年1月12日)" | spaced "(香港, 2025 年 3 月 17 日)—"
    en_prefix: str = "/en"  # park-life only: "/en" or "" (older links)
    meta_time: bool = True  # park-life only: <meta property="article:published_time">
    category: str = "Corporate News"
    truncated: bool = False  # snapshot A and B hold a copy cut off inside <head>
    revision: dict | None = None  # B's silent edit: {"lang", "old", "new", "metric", "old_value", "new_value"}
    closers: int = 1  # how many generic closing paragraphs to add

    def path(self, lang: str) -> str:
        if self.generation == "press-room":
            return f"/press-room/{self.slug}/" if lang == "en" else f"/{lang}/press-room/{self.slug}/"
        if self.generation == "news-room":
            return {"en": f"/news-room/{self.slug}/", "zh-hk": f"/zh-hk/news-room/{self.slug}/",
                    "zh-cn": f"/zh-cn/press-room/{self.slug}/"}[lang]
        prefix = self.en_prefix if lang == "en" else f"/{lang}"
        return f"{prefix}/park-life/news-and-events/news/{self.slug}"

    def in_snapshot(self, snap: str) -> bool:
        return SNAPSHOTS.index(self.snapshot) <= SNAPSHOTS.index(snap)


def about_figures(rel: Rel, lang: str) -> dict:
    """metric -> (qualifier class, value) of the About block of one edition (none for zh-cn)."""
    if lang == "zh-cn":
        return {}
    figures = {}
    for start, era in ABOUT_ERAS:
        if rel.published >= start:
            figures = dict(era)
    for (olang, metric), value in rel.about_overrides.items():
        if olang == lang:
            figures[metric] = value
    return figures



# ------------------------------------------------------------------------------------------- content

def _load(name: str):
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))


def _release(d: dict) -> Rel:
    d = dict(d)
    d["published"] = date.fromisoformat(d["published"])
    d["editions"] = {lang: Edition(**e) for lang, e in d["editions"].items()}
    d["figs"] = [Fig(**f) for f in d.get("figs", [])]
    d["about_overrides"] = {(o["lang"], o["metric"]): (o["qualifier"], o["value"])
                            for o in d.get("about_overrides", [])}
    return Rel(**d)


_SITE = _load("site.json")
# Qualifier classes (DESIGN.md) -> the words a page may use for them; rotated so that equal classes
# are written differently ("over" / "more than") without being a qualifier change.
QUALIFIER_WORDS: dict = _SITE["qualifier_words"]
# The About block's figures per period: metric -> (qualifier class, value). A period runs from its start
# date until the next period starts. Changes between periods are the findings the sample plants or lists.
ABOUT_ERAS = [(date.fromisoformat(e["from"]), {k: tuple(v) for k, v in e["figures"].items()})
              for e in _SITE["about_eras"]]
ABOUT_METRIC_ORDER = ("unicorns", "research_professionals", "tech_companies", "countries_regions")
GENERIC_CLOSERS: dict = _SITE["generic_closers"]
CONTACTS = {era: {lang: tuple(v) for lang, v in by_lang.items()} for era, by_lang in _SITE["contacts"].items()}
# A listing link whose page does not exist (planted 404). Listed on /news-room/ only, not in the sitemap.
DEAD_LINK = {**_SITE["dead_link"], "published": date.fromisoformat(_SITE["dead_link"]["published"])}
RELEASES = [_release(d) for d in _load("releases.json")]
# Position of each release in date order: rotates qualifier wording ("over" / "more than") deterministically.
RELEASE_TURN = {r.key: i for i, r in enumerate(sorted(RELEASES, key=lambda r: r.published))}
