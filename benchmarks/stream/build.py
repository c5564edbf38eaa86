#!/usr/bin/env python3
"""Build the blind stream press room (standard library only, deterministic).

    python3 build.py            # writes site/, expected-findings.yaml, traps.yaml

Pages follow the `news-room` generation of samples/LAYOUTS.md. The expected findings are computed from the
standing figures annotated in content.py (the writer's own reading of each sentence), never from the monitor.
"""
import datetime as dt
import html
import json
import os
import shutil
import sys
from itertools import combinations

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import content  # noqa: E402

BASE = "https://www.hkstp.org"
SITE = os.path.join(HERE, "site")
PER_PAGE = 10
LANGS = ["en", "zh-hant", "zh-hans"]
HREFLANG = {"en": "en", "zh-hant": "zh-hk", "zh-hans": "zh-cn"}
HTML_LANG = {"en": "en", "zh-hant": "zh-Hant-HK", "zh-hans": "zh-Hans-CN"}
LISTING = {"en": "/news-room/", "zh-hant": "/zh-hk/news-room/", "zh-hans": "/zh-cn/press-room/"}


def url_path(lang, slug):
    return {"en": f"/news-room/{slug}/", "zh-hant": f"/zh-hk/news-room/{slug}/",
            "zh-hans": f"/zh-cn/press-room/{slug}/"}[lang]


def fmt_date(lang, iso):
    d = dt.date.fromisoformat(iso)
    if lang == "en":
        return d.strftime("%d %b %Y")
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


E = html.escape

CHROME = {
    "en": dict(nav=[("/", "Home"), ("/about-us/", "About Us"), ("/news-room/", "News Room"),
                    ("/contact-us/", "Contact Us")],
               cookie="We use cookies to improve your experience. By continuing, you accept our cookie policy.",
               footer=["Hong Kong Science and Technology Parks Corporation",
                       "8/F, Bio-Informatics Centre, No.2 Science Park West Avenue, Hong Kong Science Park, "
                       "Shatin, N.T., Hong Kong",
                       "Tel: +852 2629 1818 | Fax: +852 2629 1833",
                       "© 2025 HKSTP. All rights reserved."],
               label="Corporate News", takeaways="Key Takeaways",
               about_heading="About Hong Kong Science and Technology Parks Corporation",
               contact=["Media Contact:", "Hong Kong Science and Technology Parks Corporation",
                        "Corporate Communications", "Tel: +852 2629 6818", "Email: media@hkstp.example"]),
    "zh-hant": dict(nav=[("/zh-hk/", "主頁"), ("/zh-hk/about-us/", "關於我們"), ("/zh-hk/news-room/", "新聞中心"),
                         ("/zh-hk/contact-us/", "聯絡我們")],
                    cookie="本網站使用Cookies以改善你的瀏覽體驗。",
                    footer=["香港科技園公司", "香港新界沙田香港科學園科技大道西2號生物資訊中心8樓",
                            "電話：+852 2629 1818　傳真：+852 2629 1833", "© 2025 香港科技園公司 版權所有"],
                    label="公司新聞", takeaways="重點摘要", about_heading="關於香港科技園公司",
                    contact=["傳媒查詢：", "香港科技園公司 企業傳訊部", "電話：+852 2629 6818",
                             "電郵：media@hkstp.example"]),
    "zh-hans": dict(nav=[("/zh-cn/", "主页"), ("/zh-cn/about-us/", "关于我们"), ("/zh-cn/press-room/", "新闻中心"),
                         ("/zh-cn/contact-us/", "联络我们")],
                    cookie="本网站使用Cookies以改善你的浏览体验。",
                    footer=["香港科技园公司", "香港新界沙田香港科学园科技大道西2号生物资讯中心8楼",
                            "电话：+852 2629 1818　传真：+852 2629 1833", "© 2025 香港科技园公司 版权所有"],
                    label="公司新闻", takeaways="重点摘要", about_heading="",
                    contact=["媒体查询：香港科技园公司企业传讯部 电话 +852 2629 6818 电邮 media@hkstp.example"]),
}


def page(lang, title, head_extra, main):
    c = CHROME[lang]
    nav = "".join(f'<li><a href="{h}">{E(t)}</a></li>' for h, t in c["nav"])
    foot = "".join(f"<p>{E(x)}</p>" for x in c["footer"])
    return (f'<!DOCTYPE html>\n<html lang="{HTML_LANG[lang]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{E(title)} | HKSTP</title>\n{head_extra}</head>\n<body>\n"
            f'<header class="site-header"><a class="logo" href="/">HKSTP</a><nav><ul>{nav}</ul></nav></header>\n'
            f'<div class="cookie-banner"><p>{E(c["cookie"])}</p><button>OK</button></div>\n'
            f"<main>\n{main}\n</main>\n<footer class=\"site-footer\">{foot}</footer>\n</body>\n</html>\n")


def edition_text(ed, lang):
    """All text of an edition the figures may come from (for checking annotations)."""
    parts = [ed["title"]] + ed["paras"] + ed["captions"] + ed["takeaways"]
    if ed["about"]:
        parts += about_of(lang, ed["about"])[0]
    return "\n".join(parts)


def about_of(lang, key):
    return (content.ABOUT_EN if lang == "en" else content.ABOUT_ZH)[key]


def render_release(rel, lang):
    ed = rel["eds"][lang]
    c = CHROME[lang]
    path = url_path(lang, rel["slug"])
    head = f'<link rel="canonical" href="{BASE}{path}">\n'
    for other in LANGS:
        if other in rel["eds"]:
            head += f'<link rel="alternate" hreflang="{HREFLANG[other]}" href="{BASE}{url_path(other, rel["slug"])}">\n'
    out = ['<article class="news-article">', f'<p class="news-label">{E(ed["label"] or c["label"])}</p>',
           f'<h1 class="news-title">{E(ed["title"])}</h1>']
    if ed["subtitle"]:
        out.append(f'<p class="news-subtitle">{E(ed["subtitle"])}</p>')
    out.append(f'<p class="news-date">{fmt_date(lang, rel["date"])}</p>')
    out.append(f'<img class="news-hero" alt="{E(ed["title"])}">')
    if ed["takeaways"]:
        lis = "".join(f"<li>{E(x)}</li>" for x in ed["takeaways"])
        out.append(f'<div class="key-takeaways"><h3>{E(c["takeaways"])}</h3><ul>{lis}</ul></div>')
    out.append('<div class="news-content">')
    for p in ed["paras"]:
        if p.startswith("## "):
            out.append(f"<p><b>{E(p[3:])}</b></p>")
        else:
            out.append(f"<p>{E(p)}</p>")
    if ed["captions"]:
        out.append('<div class="news-captions">' + "".join(f"<p>{E(x)}</p>" for x in ed["captions"]) + "</div>")
    if lang == "zh-hans":
        out.append("<p>###</p>")
        out.append('<div class="media-contact">' + "".join(f"<p>{E(x)}</p>" for x in c["contact"]) + "</div>")
        out.append('<form class="contact-form" action="/zh-cn/contact-us/" method="post">'
                   '<label>姓名<input name="name"></label><label>电邮<input name="email"></label>'
                   '<label>电话<input name="phone"></label><textarea name="message"></textarea>'
                   '<button type="submit">提交</button></form>')
    else:
        if ed["about"]:
            out.append(f'<h3 class="about-heading">{E(c["about_heading"])}</h3>')
            out.append('<div class="about">' + "".join(f"<p>{E(x)}</p>" for x in about_of(lang, ed["about"])[0])
                       + "</div>")
        out.append('<div class="media-contact"><p>' + "<br>".join(E(x) for x in c["contact"]) + "</p></div>")
    out.append("</div>\n</article>")
    return path, page(lang, ed["title"], head, "\n".join(out))


def write(path, text):
    fs = os.path.join(SITE, path.lstrip("/"))
    if path.endswith("/"):
        fs = os.path.join(fs, "index.html")
    os.makedirs(os.path.dirname(fs), exist_ok=True)
    with open(fs, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def listing_pages(lang, rels):
    items = sorted([r for r in rels if lang in r["eds"]], key=lambda r: (r["date"], r["slug"]), reverse=True)
    base = LISTING[lang]
    chunks = [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)]
    title = {"en": "News Room", "zh-hant": "新聞中心", "zh-hans": "新闻中心"}[lang]
    nxt = {"en": "Next", "zh-hant": "下一頁", "zh-hans": "下一页"}[lang]
    for n, chunk in enumerate(chunks, 1):
        path = base if n == 1 else f"{base}page/{n}/"
        lis = "\n".join(f'<li><span class="date">{fmt_date(lang, r["date"])}</span> '
                        f'<a href="{url_path(lang, r["slug"])}">{E(r["eds"][lang]["title"])}</a></li>'
                        for r in chunk)
        main = f'<h1>{title}</h1>\n<ul class="news-list">\n{lis}\n</ul>\n<div class="pagination">'
        if n < len(chunks):
            main += f'<a class="next" href="{base}page/{n + 1}/">{nxt}</a>'
        main += "</div>"
        head = f'<link rel="canonical" href="{BASE}{path}">\n'
        write(path, page(lang, title, head, main))
        yield path, [url_path(lang, r["slug"]) for r in chunk]


# ------------------------------------------------------------------ the oracle
def claims_of(rels):
    """One standing figure per release, language, subject and metric (the About block's when it has one)."""
    out = []
    for rel in rels:
        for lang, ed in rel["eds"].items():
            text = edition_text(ed, lang)
            chosen = {}
            if ed["about"]:
                for metric, value, q, words in about_of(lang, ed["about"])[1]:
                    assert words in text, (rel["slug"], lang, words)
                    chosen[("hkstp", metric)] = dict(subject="hkstp", metric=metric, value=value, q=q, text=words,
                                                     section="about")
            for s in ed["standing"]:
                assert s["text"] in text, (rel["slug"], lang, s["text"])
                key = (s["subject"], s["metric"])
                if key in chosen:
                    assert chosen[key]["value"] == s["value"], ("body disagrees with About", rel["slug"], lang, key)
                    continue
                chosen[key] = dict(s, section="body")
            for t in ed["traps"]:
                assert t[0] in text, (rel["slug"], lang, t[0])
            for c in chosen.values():
                out.append(dict(c, lang=lang, slug=rel["slug"], published=rel["date"],
                                as_of=c.get("as_of") or rel["date"], url_path=url_path(lang, rel["slug"])))
    return out


NOTES = {
    ("figure_changed", "hkstp/science-park", "tech_companies", "en", "hkstp-corporate-venture-fund-grows-to-hk-600-million"):
        "ordered by as_of: the March 2021 release's figure is as at end-January 2021 (2021-01-31), so it comes "
        "before the February 2021 release's 'about 950'",
    ("figure_changed", "hkstp", "tech_companies", "en", "hkstp-start-up-community-passes-800"):
        "1,800 (21 Jun 2024) back to over 1,700 four days later: a decrease",
    ("figure_conflict", "hkstp", "tech_companies", "en", "hkstp-start-up-community-passes-800"):
        "two English releases four days apart: '1,800' vs 'over 1,700'",
    ("qualifier_changed", "hkstp", "tech_companies", "en", "hkstp-welcomes-2024-25-budget"):
        "same value 1,700, 'over' becomes 'Around'",
    ("translation_mismatch", "hkstp", "countries_regions", "en/zh-hant", "hkstp-welcomes-2024-25-budget"):
        "the Traditional Chinese About paragraph still says 24 while the English one says 26",
    ("figure_changed", "hkstp", "unicorns", "en", "climate-tech-summit-draws-over-800-attendees"):
        "14 unicorns become 'over 10': a fall of 28.6%",
    ("figure_changed", "hkstp", "unicorns", "zh-hant", "climate-tech-summit-draws-over-800-attendees"):
        "14家 become 超過10家: a fall of 28.6%",
    ("figure_changed", "hkstp", "countries_regions", "zh-hant", "park-companies-join-delegation-to-riyadh-for-leap-2024"):
        "the Chinese About catches up with the English one (24 -> 26) one release later",
}


def severity(old, new):
    if new > old:
        return "info"
    return "critical" if (old - new) / old > 0.10 else "warning"


def finding(check, a, b, lang, sev, why):
    key = (check, a["subject"], a["metric"], lang, b["slug"])
    note = NOTES.get(key)
    return dict(check_name=check, subject=a["subject"], metric=a["metric"], language=lang,
                old_value=a["value"], new_value=b["value"], old_qualifier=a["q"], new_qualifier=b["q"],
                old_published_on=a["published"], new_published_on=b["published"],
                old_as_of=a["as_of"], new_as_of=b["as_of"],
                old_url_path=a["url_path"], new_url_path=b["url_path"], old_text=a["text"], new_text=b["text"],
                change_pct=round((b["value"] - a["value"]) * 100.0 / a["value"], 2),
                severity=sev, why=why + (f"; {note}" if note else ""))


def expected(claims):
    found = []
    series = {}
    for c in claims:
        series.setdefault((c["subject"], c["metric"], c["lang"]), []).append(c)
    for (subject, metric, lang), cs in sorted(series.items()):
        cs.sort(key=lambda c: (c["as_of"], c["published"], c["url_path"]))
        for a, b in zip(cs, cs[1:]):
            if a["value"] != b["value"]:
                found.append(finding("figure_changed", a, b, lang, severity(a["value"], b["value"]),
                                     f"{subject} {metric} ({lang}) moves {a['value']:,} -> {b['value']:,} between "
                                     f"consecutive standing statements"))
            elif a["q"] != b["q"]:
                found.append(finding("qualifier_changed", a, b, lang, "info",
                                     f"{subject} {metric} ({lang}) stays {a['value']:,} but its qualifier moves "
                                     f"{a['q']} -> {b['q']}"))
        for a, b in combinations(sorted(cs, key=lambda c: (c["published"], c["url_path"])), 2):
            days = (dt.date.fromisoformat(b["published"]) - dt.date.fromisoformat(a["published"])).days
            if a["slug"] != b["slug"] and days <= 7 and a["value"] != b["value"]:
                found.append(finding("figure_conflict", a, b, lang, "warning",
                                     f"{subject} {metric} ({lang}): releases {days} days apart state "
                                     f"{a['value']:,} and {b['value']:,}"))
    by_rel = {}
    for c in claims:
        by_rel.setdefault((c["slug"], c["subject"], c["metric"]), {})[c["lang"]] = c
    for (slug, subject, metric), eds in sorted(by_rel.items()):
        if "en" not in eds:
            continue
        for other in ("zh-hant", "zh-hans"):
            if other in eds and eds[other]["value"] != eds["en"]["value"]:
                a, b = eds["en"], eds[other]
                found.append(finding("translation_mismatch", a, b, f"en/{other}", "warning",
                                     f"{subject} {metric}: English edition {a['value']:,}, {other} edition "
                                     f"{b['value']:,} in the same release"))
    order = {"figure_changed": 0, "qualifier_changed": 1, "figure_conflict": 2, "translation_mismatch": 3}
    found.sort(key=lambda f: (order[f["check_name"]], f["language"], f["subject"], f["metric"],
                              f["new_as_of"], f["new_published_on"]))
    return found


def yval(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


def yaml_list(name, rows, header):
    lines = [f"# {line}" for line in header] + [f"{name}:"]
    for r in rows:
        first = True
        for k, v in r.items():
            lines.append(("  - " if first else "    ") + f"{k}: {yval(v)}")
            first = False
    return "\n".join(lines) + "\n"


def main():
    rels = sorted(content.RELEASES, key=lambda r: (r["date"], r["slug"]))
    slugs = [r["slug"] for r in rels]
    assert len(set(slugs)) == len(slugs)
    if os.path.isdir(SITE):
        shutil.rmtree(SITE)
    os.makedirs(SITE)
    all_paths = []
    for rel in rels:
        for lang in LANGS:
            if lang in rel["eds"]:
                path, text = render_release(rel, lang)
                write(path, text)
                all_paths.append((path, rel["date"]))
    listings = {}
    for lang in LANGS:
        listings[lang] = list(listing_pages(lang, rels))
    # home page (not a release)
    home = '<h1>Hong Kong Science and Technology Parks Corporation</h1>\n<ul class="home-links">' + "".join(
        f'<li><a href="{p}">{t}</a></li>' for p, t in
        [("/news-room/", "News Room"), ("/zh-hk/news-room/", "新聞中心"), ("/zh-cn/press-room/", "新闻中心")]) + "</ul>"
    write("/", page("en", "Home", f'<link rel="canonical" href="{BASE}/">\n', home))
    with open(os.path.join(SITE, "robots.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"User-agent: *\nDisallow: /search/\n\nSitemap: {BASE}/sitemap.xml\n")
    sm = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, date in all_paths:
        sm.append(f"  <url><loc>{BASE}{path}</loc><lastmod>{date}</lastmod></url>")
    sm.append("</urlset>")
    with open(os.path.join(SITE, "sitemap.xml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(sm) + "\n")

    claims = claims_of(rels)
    found = expected(claims)
    header = ["Expected findings of the blind stream press room (site/), written from content.py by build.py.",
              "Every figure check compares standing claims of one subject, metric and language, in as_of order.",
              "url paths are on https://www.hkstp.org (the crawler maps the host to its base URL).",
              f"{len(found)} findings; nothing else is expected (traps.yaml lists what must raise nothing)."]
    with open(os.path.join(HERE, "expected-findings.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(yaml_list("findings", found, header))
    traps = []
    for rel in rels:
        for lang in LANGS:
            if lang in rel["eds"]:
                for sentence, kind, why in rel["eds"][lang]["traps"]:
                    traps.append(dict(url_path=url_path(lang, rel["slug"]), language=lang,
                                      published_on=rel["date"], kind=kind, sentence=sentence, why=why))
    # site chrome on every page (one entry per language stands for all pages)
    for lang, rel in (("en", rels[0]), ("zh-hant", rels[0]), ("zh-hans", rels[6])):
        assert lang in rel["eds"]
        traps.append(dict(url_path=url_path(lang, rel["slug"]), language=lang, published_on=rel["date"],
                          kind="phone", sentence=CHROME[lang]["footer"][2],
                          why="footer phone and fax numbers on every page (site chrome): not a claim"))
    with open(os.path.join(HERE, "traps.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(yaml_list("traps", traps, [
            "Figures planted in the blind stream that must raise NO finding (in addition to every figure not in",
            "expected-findings.yaml). kind: event, graduating_class, survey, signing, expo, competition, target,",
            "history, other_org, site, as_of, year, phone, page_photo, subset, single.",
            f"{len(traps)} traps."]))
    with open(os.path.join(HERE, "standing-claims.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(sorted(claims, key=lambda c: (c["lang"], c["subject"], c["metric"], c["as_of"])), f,
                  ensure_ascii=False, indent=1)
        f.write("\n")
    eds = {lang: sum(lang in r["eds"] for r in rels) for lang in LANGS}
    write_readme(rels, found, traps, eds, listings)
    print(f"releases {len(rels)}, editions {eds}, listing pages "
          f"{ {k: len(v) for k, v in listings.items()} }, findings {len(found)}, traps {len(traps)}")
    return rels, found, traps, listings


README_HEAD = """# Blind stream press room (evaluation set for issue 19)

An HKSTP-like press room written by an outside test writer, for scoring hkstp-monitor's figure checks
(`figure_changed`, `qualifier_changed`, `figure_conflict`, `translation_mismatch`) on ten years (2015-2025) of
standing figures, with traps that must raise nothing. Every sentence is this writer's own; figures follow
`../../shared/facts/hkstp-figures.csv` roughly; spokespersons are fictional. The expected findings were written
down from the content before the monitor was run on it; nobody tuned them to the monitor.

## What is where
| path | what |
|---|---|
| `content.py` | the releases as data: every edition's text, the About paragraph of each era (with the standing figures it states), body standing figures (`standing=`) and traps (`traps=`) |
| `build.py` | standard-library generator: writes `site/`, `expected-findings.yaml`, `traps.yaml`, `standing-claims.json`, this README; deterministic |
| `validate.py` | checks that every url_path of the YAML files exists under `site/`, every listing links every release of its language, the sitemap lists every release, the YAML parses |
| `site/` | the static site (news-room generation of `samples/LAYOUTS.md`) |
| `expected-findings.yaml` | the findings a correct run must give, and no others |
| `traps.yaml` | each planted trap: url_path, sentence, kind, why it must raise nothing |
| `standing-claims.json` | every standing figure the writer put in (subject, metric, value, qualifier, as_of, words): the oracle's input |

## Rebuild and serve
```
python3 build.py          # rewrites site/ and the YAML files
python3 validate.py       # consistency checks (uses PyYAML when available)
```
Serve `site/` with any static server where a URL ending in `/` is `<path>index.html`
(e.g. `python3 -m http.server -d site`), then run the monitor with `--base-url` pointing at it. Absolute URLs in
pages (canonical, hreflang, sitemap) name `https://www.hkstp.org`; links in listings are root-relative.

## Site
- Releases: `/news-room/<slug>/`, `/zh-hk/news-room/<slug>/`, `/zh-cn/press-room/<slug>/`; editions of one release
  share the slug and name each other with `<link rel="alternate" hreflang="en|zh-hk|zh-cn">`, and carry a canonical
  link to their own URL. Markup: `article.news-article`, `h1.news-title`, `p.news-date` ("16 Apr 2015",
  "2015年04月16日"), `div.key-takeaways` (English, 2023 on), `div.news-content` with a dateline first paragraph,
  `div.news-captions`, `h3.about-heading` + `div.about`, `div.media-contact`. Simplified pages end with `###`, a
  media line and a contact form, with no About block (their standing figures are in the body).
- Listings: `/news-room/` (+ `/news-room/page/N/`), `/zh-hk/news-room/` (+ pages), `/zh-cn/press-room/`; 10 per
  page, newest first, `ul.news-list`, `a.next`. `robots.txt` names `sitemap.xml` (one urlset of every release).
- Not releases: `/` (home page), listing pages. Navigation links to `/about-us/`, `/contact-us/` lead nowhere
  (chrome only; neither listings nor the sitemap name them).

## How the expected findings are derived
Only `standing` figures of the six About metrics (`tech_companies`, `research_professionals`, `unicorns`,
`countries_regions`, `startups`, `community_size`) are annotated. Per release, language, subject and metric one
figure (the About paragraph's when it has one; body figures always agree with it). Timelines per subject, metric
and language are ordered by `as_of` (publication date unless the text says "as at ..."); consecutive different
values give `figure_changed` (increase info; decrease warning, critical when the fall exceeds 10%); same value with
a different qualifier class gives `qualifier_changed`; releases of one language published at most 7 days apart
with different values give `figure_conflict`; English and Chinese editions of one release with different values
give `translation_mismatch` (language `en/zh-hant`, old = English). Severities of `qualifier_changed` (info),
`figure_conflict` and `translation_mismatch` (warning) are this writer's choice; the contract fixes only the
`figure_changed` ones. Other organisations' figures and other metrics are each stated once per language (or
with one value), so they imply no finding.

Note the as_of case: the Science Park's "around 900 companies" is "as at end-January 2021" in a release of
18 Mar 2021, so it precedes the Science Park's "about 950 companies" of 24 Feb 2021 in the science-park timeline
(old = the March release, new = the February one).
"""


def write_readme(rels, found, traps, eds, listings):
    from collections import Counter
    lines = [README_HEAD, "## Counts", "",
             f"- releases: {len(rels)} ({rels[0]['date']} to {rels[-1]['date']}); editions: "
             + ", ".join(f"{k} {v}" for k, v in eds.items())
             + f"; listing pages: " + ", ".join(f"{LISTING[k]} {len(v)}" for k, v in listings.items()),
             f"- expected findings: {len(found)}: " + ", ".join(
                 f"{c} {l}: {n}" for (c, l), n in sorted(Counter((f['check_name'], f['language']) for f in found).items())),
             f"- traps: {len(traps)}: " + ", ".join(f"{k} {n}" for k, n in Counter(t['kind'] for t in traps).most_common()),
             "", "## Planted findings", "",
             "| # | check | lang | subject | metric | old -> new | old (published / as_of) | new (published / as_of) | severity |",
             "|---|---|---|---|---|---|---|---|---|"]
    for i, f in enumerate(found, 1):
        lines.append(f"| {i} | {f['check_name']} | {f['language']} | {f['subject']} | {f['metric']} | "
                     f"{f['old_text']} -> {f['new_text']} | {f['old_published_on']} / {f['old_as_of']} | "
                     f"{f['new_published_on']} / {f['new_as_of']} | {f['severity']} |")
    lines += ["", "## The standing figures (English About paragraphs by period)", "",
              "| period | tech_companies | research_professionals | unicorns | countries_regions |",
              "|---|---|---|---|---|",
              "| 2015-2017 | over 600 | | | |", "| 2018-2019 | more than 800 | | | |",
              "| 2020 | over 1,000 | | | |", "| 2021 - Mar 2023 | over 1,100 | | | |",
              "| Jun - Sep 2023 | more than 1,400 | over 13,000 | 14 | 24 |",
              "| Dec 2023 | over 1,700 | more than 13,000 | over 10 | 24 |",
              "| Feb - Mar 2024 | around 1,700 | more than 13,000 | over 10 | 26 (zh-hant still 24 on 28 Feb) |",
              "| 21 Jun 2024 (en only) | 1,800 | more than 13,000 | over 10 | 26 |",
              "| 25 Jun - Oct 2024 | over 1,700 | more than 13,000 | over 10 | 26 |",
              "| 2025 | more than 2,200 | more than 15,000 | 14 | 25 |", "",
              "Traditional Chinese About paragraphs carry no figures before 2021 (then 逾1,100間 ... as above, ",
              "except the stale 24 of 28 Feb 2024 and the English-only 21 Jun 2024 release). Simplified Chinese ",
              "editions state 逾1,700家 (25 Jun 2024) and 超过2,200家 (2 Jun 2025) in their bodies. Science Park ",
              "(hkstp/science-park): about 950 (24 Feb 2021, en only), around 900 as at end-January 2021 (18 Mar 2021, ",
              "en and zh-hant), more than 1,100 (2 Jun 2023, en and zh-hant).", ""]
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
