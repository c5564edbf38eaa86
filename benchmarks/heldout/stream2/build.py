#!/usr/bin/env python3
"""Deterministic generator of the held-out press room `stream2` (standard library only).

Writes site/ (pages, listings, robots.txt, sitemap.xml), expected-findings.yaml and traps.yaml from content.py,
then validates what it wrote. Run: python3 build.py
"""
import datetime as dt
import html
import json
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from content import RELEASES, T  # noqa: E402

SITE = os.path.join(HERE, "site")
BASE = "https://www.hkstp.org"
PER_PAGE = 10
LANG_CODE = {"en": "en", "zh": "zh-hant", "cn": "zh-hans"}
HREFLANG = {"en": "en", "zh": "zh-hk", "cn": "zh-cn"}
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MONTHS_LONG = ("January February March April May June July August September October November December").split()

# numbers in titles are traps too
TITLE_WHY = {
    "incubation-class-of-2019-raises-hk-134-million": "title: graduating class's fundraising and a year",
    "108-start-ups-complete-hkstp-programmes": "title: a graduating class",
    "epic-2020-crowns-winners-from-476-entries": "title: competition entries",
    "corporate-venture-fund-grows-to-hk-600-million": "title: fund size (no vocabulary metric of the five)",
    "career-expo-offers-over-2900-i-t-jobs": "title: expo job count",
    "global-internship-programme-places-100-students": "title: programme cohort",
    "epic-2023-draws-600-applications": "title: competition applications",
    "talent-power-up-expo-lists-3000-openings": "title: expo job count",
    "autumn-career-fair-brings-4000-jobs-to-the-park": "title: expo job count",
    "science-park-marks-15-years-of-innovation": "title: anniversary years",
}


def url_path(rel, ed):
    slug, lay = rel["slug"], rel["layout"]
    if ed == "cn":
        return f"/zh-cn/press-room/{slug}/"
    if lay == "news-room":
        return f"/news-room/{slug}/" if ed == "en" else f"/zh-hk/news-room/{slug}/"
    return (f"/en/park-life/news-and-events/news/{slug}" if ed == "en"
            else f"/zh-hk/park-life/news-and-events/news/{slug}")


def editions(rel):
    return [e for e in ("en", "zh", "cn") if rel.get(e)]


def sentence(item):
    return item[2] if isinstance(item, tuple) else item


def para_text(para, ed):
    return ("" if ed != "en" else " ").join(sentence(i) for i in para)


def esc(s):
    return html.escape(s, quote=False)


def d(rel):
    return dt.date.fromisoformat(rel["date"])


def dateline(rel, ed):
    x = d(rel)
    if ed == "en":
        comma = "," if rel["date"] == "2024-03-08" else ""   # the real site's stray comma variant
        return f"(Hong Kong, {x.day} {MONTHS_LONG[x.month - 1]}{comma} {x.year}) – "
    if rel["layout"] == "park-life" and ed == "zh":
        return f"(香港, {x.year} 年 {x.month} 月 {x.day} 日)—"
    return f"(香港,{x.year}年{x.month}月{x.day}日) "


def first_para(rel, ed, body):
    paras = [para_text(p, ed) for p in body]
    if paras and not paras[0].startswith("("):
        paras[0] = dateline(rel, ed) + paras[0]
    return paras


CHROME_HEAD = """<header><nav><a href="/">Home</a> <a href="/about-us/">About Us</a> <a href="/news-room/">News Room</a> <a href="/zh-hk/news-room/">繁</a> <a href="/zh-cn/press-room/">简</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
"""
CHROME_FOOT = """<footer><p>Hong Kong Science and Technology Parks Corporation, 8th Floor, Bio-Informatics Centre, No.2 Science Park West Avenue, Hong Kong Science Park, Shatin, N.T.</p>
<p>Tel: +852 2629 1818 | Fax: +852 2629 1833</p><p>&copy; 2025 HKSTP. All rights reserved.</p>
<p><a href="/privacy/">Privacy</a> <a href="/contact-us/">Contact Us</a></p></footer>
"""


def head(rel, ed, title, extra=""):
    path = url_path(rel, ed)
    links = "".join(f'<link rel="alternate" hreflang="{HREFLANG[e]}" href="{BASE}{url_path(rel, e)}">\n'
                    for e in editions(rel))
    lang = {"en": "en", "zh": "zh-HK", "cn": "zh-CN"}[ed]
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">\n<title>{esc(title)} | HKSTP</title>\n'
            f'<link rel="canonical" href="{BASE}{path}">\n{links}{extra}</head>\n<body>\n{CHROME_HEAD}')


def contact(ed):
    if ed == "en":
        return "<p>Media Contact: Corporate Communications, HKSTP<br>Tel: +852 2629 6800<br>Email: media@hkstp.example</p>"
    return "<p>傳媒查詢：香港科技園公司企業傳訊部<br>電話：+852 2629 6800<br>電郵：media@hkstp.example</p>"


def render_newsroom(rel, ed):
    e = rel[ed]
    x = d(rel)
    date = f"{x.day:02d} {MONTHS[x.month - 1]} {x.year}" if ed == "en" else f"{x.year}年{x.month:02d}月{x.day:02d}日"
    label = "Corporate News" if ed == "en" else ("企業新聞" if ed == "zh" else "企业新闻")
    out = [head(rel, ed, e["title"]), '<main><article class="news-article">\n',
           f'<p class="news-label">{label}</p>\n<h1 class="news-title">{esc(e["title"])}</h1>\n',
           f'<p class="news-date">{date}</p>\n<img class="news-hero" src="/img/{rel["slug"]}.jpg" alt="{esc(e["title"])}">\n',
           '<div class="news-content">\n']
    for p in first_para(rel, ed, e["body"]):
        out.append(f"<p>{esc(p)}</p>\n")
    if e.get("captions"):
        out.append('<div class="news-captions">' + "".join(f"<p>{esc(sentence(c))}</p>" for c in e["captions"]) + "</div>\n")
    if ed == "cn":
        out.append("<p>###</p>\n<p>传媒查询：香港科技园公司企业传讯部 电话：+852 2629 6800</p>\n")
        out.append('<form class="contact-form"><label>姓名</label><input name="name"><label>电话</label><input name="tel">'
                   '<button>提交</button></form>\n')
    else:
        heading = "About Hong Kong Science and Technology Parks Corporation" if ed == "en" else "關於香港科技園公司"
        out.append(f'<h3 class="about-heading">{heading}</h3>\n<div class="about">'
                   + "".join(f"<p>{esc(p)}</p>" for p in e["about"]) + "</div>\n")
        out.append(f'<div class="media-contact">{contact(ed)}</div>\n')
    out.append("</div>\n</article></main>\n" + CHROME_FOOT + "</body></html>\n")
    return "".join(out)


def render_parklife(rel, ed):
    e = rel[ed]
    x = d(rel)
    date = f"{x.day} {MONTHS[x.month - 1]} {x.year}" if ed == "en" else f"{x.year}年{x.month:02d}月{x.day:02d}日"
    meta = f'<meta property="article:published_time" content="{rel["date"]}">\n'
    out = [head(rel, ed, e["title"], meta), '<main><section class="news-detail">\n',
           f'<div class="detail-date">{date}</div>\n<h2 class="detail-title">{esc(e["title"])}</h2>\n',
           '<div class="detail-body">\n']
    if e.get("takeaways"):
        out.append('<div class="takeaways"><strong>Key Takeaways</strong><ul>'
                   + "".join(f"<li>{esc(sentence(t))}</li>" for t in e["takeaways"]) + "</ul></div>\n")
    for p in first_para(rel, ed, e["body"]):
        out.append(f"<p>{esc(p)}</p>\n")
    for c in e.get("captions", []):
        out.append(f"<p><em>{esc(sentence(c))}</em></p>\n")
    heading = "About Hong Kong Science and Technology Parks Corporation" if ed == "en" else "關於香港科技園公司"
    out.append(f"<p><strong>{heading}</strong></p>\n" + "".join(f"<p>{esc(p)}</p>\n" for p in e["about"]))
    out.append(contact(ed).replace("<p>Media Contact: ", "<p><strong>Media Contact</strong><br>")
               .replace("<p>傳媒查詢：", "<p><strong>傳媒查詢</strong><br>") + "\n")
    out.append("</div>\n</section></main>\n" + CHROME_FOOT + "</body></html>\n")
    return "".join(out)


def write(path, text):
    fs = os.path.join(SITE, path.lstrip("/"))
    if path.endswith("/"):
        fs = os.path.join(fs, "index.html")
    os.makedirs(os.path.dirname(fs), exist_ok=True)
    with open(fs, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def listing(prefix, title, items):
    """items newest first: (path, title, date)."""
    pages = [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [[]]
    paths = [prefix] + [f"{prefix}page/{n}/" for n in range(2, len(pages) + 1)]
    for n, chunk in enumerate(pages):
        lis = "".join(f'<li><span class="date">{dd}</span> <a href="{p}">{esc(t)}</a></li>\n' for p, t, dd in chunk)
        nxt = f'<a class="next" href="{paths[n + 1]}">Next</a>\n' if n + 1 < len(pages) else ""
        write(paths[n], f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head><body>\n'
              f'{CHROME_HEAD}<main><h1>{title}</h1>\n<ul class="news-list">\n{lis}</ul>\n{nxt}</main>\n{CHROME_FOOT}</body></html>\n')
    return paths


def yscalar(v):
    if v is None:
        return "null"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


def ylist(rows):
    out = []
    for r in rows:
        first = True
        for k, v in r.items():
            out.append(("- " if first else "  ") + f"{k}: {yscalar(v)}")
            first = False
    return "\n".join(out) + "\n"


def oracle():
    """Expected findings, from the planted standing figures (subject hkstp)."""
    findings = []
    for ed in ("en", "zh"):
        lang = LANG_CODE[ed]
        rows = sorted(((rel["date"], rel, rel[ed]) for rel in RELEASES if rel.get(ed) and rel[ed].get("figs")),
                      key=lambda r: r[0])
        metrics = sorted({m for _, _, e in rows for m in e["figs"]})
        for m in metrics:
            tl = [(date, rel, e["figs"][m]) for date, rel, e in rows if m in e["figs"]]
            for (d0, r0, f0), (d1, r1, f1) in zip(tl, tl[1:]):
                base = dict(subject="hkstp", metric=m, language=lang, old_value=f0[0], new_value=f1[0],
                            old_qualifier=f0[1], new_qualifier=f1[1], old_published_on=d0, new_published_on=d1,
                            old_url_path=url_path(r0, ed), new_url_path=url_path(r1, ed), old_text=f0[2],
                            new_text=f1[2])
                if f0[0] != f1[0]:
                    pct = round((f1[0] - f0[0]) * 100.0 / f0[0], 2)
                    sev = "info" if pct > 0 else ("critical" if pct < -10 else "warning")
                    why = (f"standing {m} moves from {f0[1]} {f0[0]} to {f1[1]} {f1[0]} ({pct:+.2f}%) "
                           f"between consecutive statements")
                    findings.append(dict(check_name="figure_changed", **base, severity=sev, change_pct=pct, why=why))
                elif f0[1] != f1[1]:
                    findings.append(dict(check_name="qualifier_changed", **base, severity="info", change_pct=0,
                                         why=f"same value {f0[0]}, qualifier {f0[1]} -> {f1[1]}"))
            for i, (d0, r0, f0) in enumerate(tl):
                for d1, r1, f1 in tl[i + 1:]:
                    gap = (dt.date.fromisoformat(d1) - dt.date.fromisoformat(d0)).days
                    if gap <= 7 and f0[0] != f1[0]:
                        findings.append(dict(
                            check_name="figure_conflict", subject="hkstp", metric=m, language=lang,
                            old_value=f0[0], new_value=f1[0], old_qualifier=f0[1], new_qualifier=f1[1],
                            old_published_on=d0, new_published_on=d1, old_url_path=url_path(r0, ed),
                            new_url_path=url_path(r1, ed), old_text=f0[2], new_text=f1[2], severity="warning",
                            change_pct=round((f1[0] - f0[0]) * 100.0 / f0[0], 2),
                            why=f"two releases {gap} days apart state different {m}"))
    for rel in RELEASES:
        if rel.get("en") and rel.get("zh"):
            fe, fz = rel["en"].get("figs", {}), rel["zh"].get("figs", {})
            for m in sorted(set(fe) & set(fz)):
                if fe[m][0] != fz[m][0]:
                    findings.append(dict(
                        check_name="translation_mismatch", subject="hkstp", metric=m, language="en/zh-hant",
                        old_value=fe[m][0], new_value=fz[m][0], old_qualifier=fe[m][1], new_qualifier=fz[m][1],
                        old_published_on=rel["date"], new_published_on=rel["date"],
                        old_url_path=url_path(rel, "en"), new_url_path=url_path(rel, "zh"),
                        old_text=fe[m][2], new_text=fz[m][2], severity="warning",
                        change_pct=round((fz[m][0] - fe[m][0]) * 100.0 / fe[m][0], 2),
                        why=f"English edition says {fe[m][0]}, Traditional Chinese edition says {fz[m][0]}"))
    findings.sort(key=lambda f: (f["new_published_on"], f["language"], f["metric"], f["check_name"]))
    return findings


def traps():
    out = []
    for rel in RELEASES:
        for ed in editions(rel):
            e = rel[ed]
            path = url_path(rel, ed)
            if ed == "en" and rel["slug"] in TITLE_WHY:
                out.append(dict(url_path=path, sentence=e["title"], why=TITLE_WHY[rel["slug"]]))
            for item in [i for p in e["body"] for i in p] + list(e.get("captions", [])) + list(e.get("takeaways", [])):
                if isinstance(item, tuple) and item[0] == T:
                    out.append(dict(url_path=path, sentence=item[2], why=item[1]))
    out.append(dict(url_path=url_path(RELEASES[0], "en"), sentence="Tel: +852 2629 6800",
                    why="phone number in the media contact (on every page; footer +852 2629 1818 too)"))
    out.append(dict(url_path=url_path(RELEASES[-1], "en"), sentence="Tel: +852 2629 1818 | Fax: +852 2629 1833",
                    why="phone and fax numbers in the site footer"))
    return out


def page_text(path):
    fs = os.path.join(SITE, path.lstrip("/"))
    if path.endswith("/"):
        fs = os.path.join(fs, "index.html")
    with open(fs, encoding="utf-8") as f:
        raw = f.read()
    return raw, html.unescape(re.sub(r"<[^>]+>", " ", raw))


def main():
    if os.path.isdir(SITE):
        shutil.rmtree(SITE)
    lists = {"en": [], "zh": [], "cn": []}
    allpaths = []
    for rel in sorted(RELEASES, key=lambda r: r["date"]):
        for ed in editions(rel):
            path = url_path(rel, ed)
            page = render_newsroom(rel, ed) if (rel["layout"] == "news-room" or ed == "cn") else render_parklife(rel, ed)
            write(path, page)
            allpaths.append((path, rel["date"]))
            lists[ed].append((path, rel[ed]["title"], rel["date"]))
    listing_paths = []
    for ed, prefix, title in (("en", "/news-room/", "News Room"), ("zh", "/zh-hk/news-room/", "新聞室"),
                              ("cn", "/zh-cn/press-room/", "新闻室")):
        items = sorted(lists[ed], key=lambda t: t[2], reverse=True)
        listing_paths += listing(prefix, title, items)
    write("/index.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>HKSTP</title></head><body>"
          + CHROME_HEAD + "<main><p>Welcome to HKSTP.</p></main>" + CHROME_FOOT + "</body></html>\n")
    write("/robots.txt", f"User-agent: *\nDisallow: /search/\nSitemap: {BASE}/sitemap.xml\n")
    urls = "".join(f"  <url><loc>{BASE}{p}</loc><lastmod>{dd}</lastmod></url>\n" for p, dd in allpaths)
    write("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
          f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')

    findings = oracle()
    trap_rows = traps()
    hdr = ("# Expected findings of the held-out press room stream2 (written from content.py by build.py).\n"
           "# Standing figures of subject hkstp only; one figure per release per metric (the About paragraph's).\n"
           "# severity of qualifier_changed / figure_conflict / translation_mismatch is this writer's choice.\n")
    with open(os.path.join(HERE, "expected-findings.yaml"), "w", encoding="utf-8") as f:
        f.write(hdr + "findings:\n" + "\n".join("  " + l for l in ylist(findings).splitlines()) + "\n")
    with open(os.path.join(HERE, "traps.yaml"), "w", encoding="utf-8") as f:
        f.write("# Sentences whose numbers must raise no finding.\ntraps:\n"
                + "\n".join("  " + l for l in ylist(trap_rows).splitlines()) + "\n")

    # ---- validation
    problems = []
    known = {p for p, _ in allpaths}
    for fnd in findings:
        for side in ("old", "new"):
            p = fnd[f"{side}_url_path"]
            if p not in known:
                problems.append(f"finding path missing: {p}")
            elif fnd[f"{side}_text"] not in page_text(p)[1]:
                problems.append(f"text {fnd[side + '_text']!r} not in {p}")
    for t in trap_rows:
        if t["sentence"] not in page_text(t["url_path"])[1]:
            problems.append(f"trap sentence not in {t['url_path']}: {t['sentence']}")
    linked = set()
    for lp in listing_paths:
        linked |= set(re.findall(r'<li>.*?<a href="([^"]+)"', page_text(lp)[0]))
    for p in known - linked:
        problems.append(f"release not linked from any listing: {p}")
    for p in known:
        raw = page_text(p)[0]
        if f'rel="canonical" href="{BASE}{p}"' not in raw:
            problems.append(f"canonical wrong: {p}")
    for rel in RELEASES:  # every figure text of an edition sits in its About paragraph
        for ed in editions(rel):
            for m, (v, q, text) in rel[ed].get("figs", {}).items():
                where = " ".join(rel[ed]["about"]) + " " + " ".join(para_text(p, ed) for p in rel[ed]["body"])
                if text not in where:
                    problems.append(f"fig text {text!r} not in {url_path(rel, ed)}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    n_ed = len(allpaths)
    print(f"releases {len(RELEASES)}, editions {n_ed} (en {len(lists['en'])}, zh-hk {len(lists['zh'])}, "
          f"zh-cn {len(lists['cn'])}), listing pages {len(listing_paths)}, findings {len(findings)}, traps {len(trap_rows)}")


if __name__ == "__main__":
    main()
