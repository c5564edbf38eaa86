"""A synthetic HKSTP-like press room of any size, written as a static site, for the benchmarks.

    .venv/bin/python -m benchmarks.corpus --pages 1000            # -> benchmarks/out/corpus-1000-real/
    .venv/bin/python -m benchmarks.corpus --pages 10000
    .venv/bin/python -m benchmarks.corpus --pages 100000 --huge   # about 4 GB on disk
    .venv/bin/python -m benchmarks.corpus --pages 1000 --chrome sample --out DIR

`--pages` counts release pages (one language edition is one page: what the monitor fetches and parses).
The releases reuse the bundled sample site's own writing (samples/build_site.py): its 36 complete releases
are cycled as templates with new slugs and dates spread over 2019-2025, so every page carries real figure
sentences and an About block whose figures follow the era of its date. Every page generation of
samples/LAYOUTS.md and flows/profiles/hkstp.yaml is present: press-room, news-room (English, Traditional and
Simplified), park-life (with and without /en/), and bilingual events pages (found through the sitemap
only). Beside them: robots.txt, a sitemap index over urlsets of at most 5,000 URLs, and paginated listings
(10 a page, newest first, like the sample site) for each language.

`--chrome real` (the default) wraps every page in about 38 KB of site chrome (inline style and script, a
mega menu with icons, a link-heavy footer), so a release page weighs about 40 KB like the page issue 8 set
its parse targets on; `--chrome sample` keeps the sample site's light 4 KB chrome.

A built corpus is reused while its manifest.json matches the parameters and the generator's source.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
BUILD_SITE = ROOT / "samples" / "build_site.py"
SITEMAP_CHUNK = 5_000  # URLs per urlset file (the protocol allows 50,000; smaller files exercise the index)
EVENTS_EVERY = 40  # one release in this many is a bilingual events page
FIRST_DAY, LAST_DAY = date(2019, 1, 2), date(2025, 12, 31)  # the sample's About eras start in 2019
GENERATIONS = ("press-room", "news-room", "park-life")
EVENTS_PATH = "/zh-cn/our-community/events-and-happenings/{slug}/"
HUGE = 20_000  # more pages than this need --huge


def load_build_site():
    """samples/build_site.py as a module (samples/ is not a package)."""
    if "build_site" in sys.modules:
        return sys.modules["build_site"]
    spec = importlib.util.spec_from_file_location("build_site", BUILD_SITE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_site"] = module  # its dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


bs = load_build_site()
LISTING_FIRST = {first for first, _ in bs.LISTING.values()}


@dataclass(frozen=True)
class CorpusPage:
    path: str  # URL path on the site
    layout: str  # press-room | news-room | park-life | events
    language: str  # site language: en | zh-hk | zh-cn (events pages: zh-cn, with English too)


@dataclass
class Corpus:
    root: Path
    pages: int  # release pages
    chrome: str
    manifest: dict

    @property
    def release_paths(self) -> list[str]:
        return self.manifest["release_paths"]


# ------------------------------------------------------------------------------------------ chrome

def _real_chrome() -> tuple[str, str, str]:
    """(head, top of body, bottom of body): about 38 KB of markup a corporate CMS puts around an article."""
    style = "<style>\n" + "".join(
        f".c{i}{{margin:{i % 7}px auto;padding:{i % 5}px {i % 9}px;color:#{(i * 2654435761) % 0xFFFFFF:06x};"
        f"font:{12 + i % 6}px/1.4 sans-serif}}\n" for i in range(120)) + "</style>\n"
    script = ("<script>\nwindow.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}\n"
              + "".join(f"var cfg{i}={{id:'{i:04d}',path:'/section-{i % 12}/page-{i}/',flags:[{i % 3},{i % 5},"
                        f"{i % 7}],label:'Menu entry number {i}'}};\n" for i in range(80))
              + "</script>\n")
    icons = "".join(f'<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M{i % 24} 0L24 {i % 24}'
                    f'L{24 - i % 24} 24L0 {24 - i % 24}Z"/></svg>' for i in range(40))
    menu = "".join(
        f'<li class="mega"><a href="/section-{s}/">Section {s}</a><ul>'
        + "".join(f'<li><a href="/section-{s}/page-{p}/">Page {s}.{p} of the corporate site</a></li>'
                  for p in range(12))
        + "</ul></li>" for s in range(12))
    top = f'<div class="mega-menu"><ul>{menu}</ul><div class="icons">{icons}</div></div>\n'
    footer = ('<div class="site-map-footer"><ul>'
              + "".join(f'<li><a href="/site-map/{i}/">Site map entry {i}</a></li>' for i in range(110))
              + "</ul></div>\n")
    return style + script, top, footer


REAL_CHROME = _real_chrome()


def dress(html: str, chrome: str) -> str:
    if chrome == "sample":
        return html
    head, top, bottom = REAL_CHROME
    html = html.replace("</head>", head + "</head>", 1)
    html = html.replace("<body>\n", "<body>\n" + top, 1)
    return html.replace("</body>", bottom + "</body>", 1)


# ------------------------------------------------------------------------------------------ releases

def _templates() -> list:
    return [r for r in bs.RELEASES if not r.truncated]


def plan_releases(pages: int) -> list:
    """Synthetic releases (build_site.Rel, or ("events", Rel) for an events page) holding exactly `pages` pages."""
    templates = _templates()
    bilingual = [t for t in templates if "en" in t.editions and ("zh-hk" in t.editions or "zh-cn" in t.editions)]
    planned: list = []
    total = 0
    i = 0
    while total < pages:
        n = i + 1
        if n % EVENTS_EVERY == 0:
            planned.append(("events", bilingual[(n // EVENTS_EVERY) % len(bilingual)], n))
            total += 1
        else:
            template = templates[i % len(templates)]
            langs = list(template.editions)[: pages - total]
            planned.append(("release", template, n, langs))
            total += len(langs)
        i += 1
    span = (LAST_DAY - FIRST_DAY).days
    out = []
    for k, item in enumerate(planned):
        published = FIRST_DAY + timedelta(days=k * span // max(1, len(planned) - 1))
        if item[0] == "events":
            _, template, n = item
            out.append(("events", dataclasses.replace(template, slug=f"{template.slug}-{n:06d}", published=published)))
            continue
        _, template, n, langs = item
        editions = {lang: template.editions[lang] for lang in langs}
        generation = "news-room" if "zh-cn" in editions else GENERATIONS[n % 3]  # zh-cn pages are news-room only
        out.append(dataclasses.replace(
            template,
            slug=f"{template.slug}-{n:06d}",
            published=published,
            generation=generation,
            editions=editions,
            revision=None,
            truncated=False,
            snapshot="A",
            dateline=("standard", "extracomma", "nospace", "none")[n % 4],
            zh_dateline=("compact", "spaced")[n % 2],
            en_prefix=("/en", "")[(n // 3) % 2],
            meta_time=n % 5 != 0,
        ))
    return out


def render_events(rel) -> str:
    """An events page: the Chinese and the English text of one release on one page (2019 generation)."""
    zh_lang = "zh-cn" if "zh-cn" in rel.editions else "zh-hk"
    zh, en = rel.editions[zh_lang], rel.editions["en"]
    d = rel.published
    paragraphs = [zh.lead, *zh.body, en.lead, *en.body]
    body = "\n".join(f"<p>{bs.esc(p[3:] if p.startswith('## ') else p)}</p>" for p in paragraphs)
    main = (f'<div class="event-detail">\n<h1 class="event-title">{bs.esc(zh.title)} {bs.esc(en.title)}</h1>\n'
            f'<div class="event-date">{d.year}年{d.month:02d}月{d.day:02d}日</div>\n'
            f'<div class="event-body">\n{body}\n</div>\n</div>')
    return bs.page("zh-cn", f"{zh.title} | {en.title}", main)


def listing_pages(entries: list, lang: str) -> dict:
    """url path -> html of the listing pages of one language; entries are (date, path, title)."""
    first, heading = bs.LISTING[lang]
    entries = sorted(entries, key=lambda e: (e[0], e[1]), reverse=True)
    size = bs.PAGE_SIZE
    chunks = [entries[i:i + size] for i in range(0, len(entries), size)] or [[]]
    pages = {}
    for n, chunk in enumerate(chunks, start=1):
        path = first if n == 1 else f"{first}page/{n}/"
        items = "\n".join(f'<li><span class="news-list-date">{bs.page_date_plain(d, lang)}</span> '
                          f'<a href="{href}">{bs.esc(title)}</a></li>' for d, href, title in chunk)
        nav = [f"<span>{n} / {len(chunks)}</span>"]
        if n > 1:
            nav.insert(0, f'<a class="prev" href="{first if n == 2 else f"{first}page/{n - 1}/"}">&lt;</a>')
        if n < len(chunks):
            nav.append(f'<a class="next" href="{first}page/{n + 1}/">&gt;</a>')
        main = (f'<div class="listing">\n<h1>{bs.esc(heading)}</h1>\n<ul class="news-list">\n{items}\n</ul>\n'
                f'<nav class="pagination">{" ".join(nav)}</nav>\n</div>')
        pages[path] = bs.page(lang, heading, main, f'<link rel="canonical" href="{bs.BASE_URL}{path}">\n')
    return pages


def sitemaps(rows_by_group: dict) -> dict:
    """A sitemap index over urlsets of at most SITEMAP_CHUNK URLs; rows are (path, lastmod)."""
    files, index_rows = {}, []
    for group, rows in rows_by_group.items():
        rows = sorted(rows, key=lambda r: (r[1], r[0]), reverse=True)
        for k in range(0, len(rows), SITEMAP_CHUNK):
            chunk = rows[k:k + SITEMAP_CHUNK]
            name = f"/sitemap-{group}-{k // SITEMAP_CHUNK + 1}.xml"
            body = "\n".join(f"  <url><loc>{bs.BASE_URL}{p}</loc><lastmod>{m}</lastmod></url>" for p, m in chunk)
            files[name] = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
                           f'sitemap/0.9">\n{body}\n</urlset>\n')
            index_rows.append((name, max(m for _, m in chunk)))
    body = "\n".join(f"  <sitemap><loc>{bs.BASE_URL}{n}</loc><lastmod>{m}</lastmod></sitemap>" for n, m in index_rows)
    files["/sitemap.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/'
                             f'schemas/sitemap/0.9">\n{body}\n</sitemapindex>\n')
    return files


def iter_site_files(pages: int, chrome: str = "real", release_pages: list | None = None):
    """Yield (url path, text) for every file of the site, release pages first in publication order; each
    release page is also appended to `release_pages` as a CorpusPage. Streams: 100,000 pages never sit in memory."""
    release_pages = release_pages if release_pages is not None else []
    listings = {lang: [] for lang in bs.SITE_LANGS}
    rows = {"en": [], "zh": []}
    plain_releases = []
    for item in plan_releases(pages):
        if isinstance(item, tuple):
            rel = item[1]
            path = EVENTS_PATH.format(slug=rel.slug)
            release_pages.append(CorpusPage(path, "events", "zh-cn"))
            rows["zh"].append((path, rel.published.isoformat()))
            yield path, dress(render_events(rel), chrome)
            continue
        plain_releases.append(item)
        for lang in item.editions:
            path = item.path(lang)
            release_pages.append(CorpusPage(path, item.generation, lang))
            listings[lang].append((item.published, path, item.editions[lang].title))
            rows["en" if lang == "en" else "zh"].append((path, item.published.isoformat()))
            yield path, dress(bs.render_release(item, lang, "A"), chrome)
    for lang in bs.SITE_LANGS:
        for path, text in listing_pages(listings[lang], lang).items():
            yield path, dress(text, chrome)
    for path, text in bs.other_pages(plain_releases).items():
        yield path, dress(text, chrome)
    rows["en"] += [("/", LAST_DAY.isoformat()), ("/news-room/", LAST_DAY.isoformat())]
    yield from sitemaps(rows).items()
    yield "/robots.txt", bs.ROBOTS
    yield "/assets/site.css", bs.CSS
    yield "/assets/photo.svg", bs.PHOTO_SVG


def _fingerprint(pages: int, chrome: str) -> str:
    h = hashlib.sha256(f"{pages}|{chrome}".encode())
    h.update(Path(__file__).read_bytes())
    h.update(BUILD_SITE.read_bytes())
    return h.hexdigest()[:16]


def default_dir(pages: int, chrome: str = "real") -> Path:
    return OUT / f"corpus-{pages}-{chrome}"


def build_corpus(pages: int, out_dir: Path | None = None, chrome: str = "real", force: bool = False) -> Corpus:
    """Write the site for `pages` release pages under out_dir (reused when already built with these settings)."""
    if chrome not in ("real", "sample"):
        raise ValueError("chrome must be 'real' or 'sample'")
    out_dir = Path(out_dir or default_dir(pages, chrome))
    manifest_path = out_dir / "manifest.json"
    fingerprint = _fingerprint(pages, chrome)
    if not force and manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("fingerprint") == fingerprint:
            return Corpus(out_dir / "site", pages, chrome, manifest)
    started = time.perf_counter()
    site = out_dir / "site"
    if site.exists():
        shutil.rmtree(site)
    manifest_path.unlink(missing_ok=True)
    release_pages: list[CorpusPage] = []
    total = release_bytes = files = listings = sitemap_files = 0
    for url_path, text in iter_site_files(pages, chrome, release_pages):
        target = bs.url_to_file(site, url_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        files += 1
        total += len(data)
        if release_pages and release_pages[-1].path == url_path:
            release_bytes += len(data)
        listings += url_path in LISTING_FIRST or "/page/" in url_path
        sitemap_files += url_path.startswith("/sitemap")
    by_layout = Counter(f"{p.layout}/{p.language}" for p in release_pages)
    manifest = {
        "fingerprint": fingerprint,
        "pages": pages,
        "chrome": chrome,
        "release_pages": len(release_pages),
        "files": files,
        "listing_pages": listings,
        "sitemap_files": sitemap_files,
        "bytes_total": total,
        "release_page_kb_mean": round(release_bytes / max(1, len(release_pages)) / 1024, 1),
        "by_layout_and_language": dict(sorted(by_layout.items())),
        "build_seconds": round(time.perf_counter() - started, 1),
        "release_paths": [p.path for p in release_pages],
    }
    manifest_path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return Corpus(site, pages, chrome, manifest)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1_000, help="release pages (1,000 and 10,000; 100,000 with --huge)")
    ap.add_argument("--chrome", choices=("real", "sample"), default="real")
    ap.add_argument("--out", type=Path, default=None, help="folder (default benchmarks/out/corpus-PAGES-CHROME)")
    ap.add_argument("--huge", action="store_true", help=f"allow more than {HUGE:,} pages")
    ap.add_argument("--force", action="store_true", help="rebuild even if an identical corpus is there")
    args = ap.parse_args()
    if args.pages > HUGE and not args.huge:
        ap.error(f"{args.pages:,} pages need --huge (about 40 KB a page on disk)")
    corpus = build_corpus(args.pages, args.out, args.chrome, force=args.force)
    summary = {k: v for k, v in corpus.manifest.items() if k != "release_paths"}
    print(json.dumps({"site": str(corpus.root), **summary}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
