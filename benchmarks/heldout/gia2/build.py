#!/usr/bin/env python3
"""Deterministic generator of the held-out GIA-style set `gia2` (standard library only).

Writes:  site/   the Government-style press-release site (serve at its root)
         hkstp/  a tiny HKSTP press room (news-room layout; serve at its root)
         hkstp-said.yaml, expected.yaml
Run:     python3 build.py            (re-running gives byte-identical output)
"""
import datetime as dt
import html
import json
import os
import random
import shutil
import sys
from email.utils import format_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import content as C  # noqa: E402

SITE = os.path.join(HERE, "site")
ROOM = os.path.join(HERE, "hkstp")
GIA_HOST = "https://www.info.gov.hk"
SC_MIRROR = "https://sc.isd.gov.hk/TuniS/www.info.gov.hk"
HKSTP_HOST = "https://www.hkstp.org"
FIRST_DAY = dt.date(2025, 5, 26)
LAST_DAY = dt.date(2025, 7, 11)
FEED_ITEMS = 40
HKT = dt.timezone(dt.timedelta(hours=8))
WD_ZH = "一二三四五六日"
ZH_NUM = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


def zh_day(n):
    if n <= 10:
        return "十" if n == 10 else ZH_NUM[n]
    if n < 20:
        return "十" + ZH_NUM[n - 10]
    t, u = divmod(n, 10)
    return ZH_NUM[t] + "十" + (ZH_NUM[u] if u else "")


def md_en(d):
    return f"{d.strftime('%B')} {d.day}"


def md_zh(d):
    return f"{ZH_NUM[d.month]}月{zh_day(d.day)}日"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def esc(s):
    return html.escape(s, quote=True)


# ------------------------------------------------------------------ YAML (tiny emitter; JSON scalars)
def yaml_dump(obj, indent=0):
    pad = "  " * indent
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}{k}:")
                out.append(yaml_dump(v, indent + 1))
            else:
                out.append(f"{pad}{k}: {scalar(v)}")
    elif isinstance(obj, list):
        for v in obj:
            if isinstance(v, dict) and v:
                first = True
                for k, vv in v.items():
                    lead = f"{pad}- " if first else f"{pad}  "
                    first = False
                    if isinstance(vv, (dict, list)) and vv:
                        out.append(f"{lead}{k}:")
                        out.append(yaml_dump(vv, indent + 2))
                    else:
                        out.append(f"{lead}{k}: {scalar(vv)}")
            else:
                out.append(f"{pad}- {scalar(v)}")
    return "\n".join(out)


def scalar(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, (dict, list)):
        return "{}" if isinstance(v, dict) else "[]"
    return json.dumps(str(v), ensure_ascii=False)


# ------------------------------------------------------------------ HKSTP timeline
def hkstp_said():
    rows, zh_rows = [], []
    for r in C.HKSTP_RELEASES:
        tq, t, u, rq, rp, c = C.ABOUT[r["date"]]
        url = f"/news-room/{r['slug']}/"
        base = dict(date=r["date"], language="en", url_path=url, section="about")
        rows_zh_start = len(rows)
        rows.append(dict(base, subject="hkstp", metric="tech_companies", qualifier=tq, value=t))
        rows.append(dict(base, subject="hkstp", metric="unicorns", qualifier="exact", value=u))
        rows.append(dict(base, subject="hkstp", metric="research_professionals", qualifier=rq, value=rp))
        rows.append(dict(base, subject="hkstp", metric="countries_regions", qualifier="exact", value=c))
        for subj, metric, q, v in r["extra_said"]:
            rows.append(dict(base, section="body", subject=subj, metric=metric, qualifier=q, value=v))
        for x in rows[rows_zh_start:]:
            zh_rows.append(dict(x, language="zh-hant", url_path="/zh-hk" + url))
    return rows, zh_rows


def latest_by(rows, subject, metric, as_of):
    cands = [r for r in rows if r["subject"] == subject and r["metric"] == metric and r["date"] <= as_of]
    return cands[-1] if cands else None


def verify_verdict(rows, st, as_of):
    """Re-derive the expected verdict of a statement from the timeline; raise if content.py disagrees."""
    v = st["verdict"]
    if v not in ("current", "stale", "mismatch"):
        return None
    last = latest_by(rows, st["subject"], st["metric"], as_of)
    assert last, st
    ever = [r for r in rows if r["subject"] == st["subject"] and r["metric"] == st["metric"]]
    same_as_last = (last["value"], last["qualifier"]) == (st["value"], st["qualifier"])
    said_before = any((r["value"], r["qualifier"]) == (st["value"], st["qualifier"]) and r["date"] <= as_of for r in ever)
    far = all(abs(st["value"] - r["value"]) / r["value"] > 0.10 for r in ever)
    derived = "current" if same_as_last else ("stale" if said_before else ("mismatch" if far else "ambiguous"))
    assert derived == v, (st, derived)
    return last


# ------------------------------------------------------------------ GIA site
def gia_release_path(day, pnum, lang_suffix=""):
    return f"/gia/general/{day:%Y%m}/{day:%d}/{pnum}{lang_suffix}.htm"


CHROME_EN_HEAD = '<div id="topbar"><a href="/gia/general/today.htm">Press Releases</a>'
FOOTER_EN = ('<div id="footer"><p>2025 | <a href="/gia/general/notices.htm">Important notices</a> | '
             'Privacy Policy</p></div>')
FOOTER_ZH = ('<div id="footer"><p>2025 | <a href="/gia/general/notices.htm">重要告示</a> | 私隱政策</p></div>')


def ends_en(day, time):
    return f"Ends/{day.strftime('%A')}, {day.strftime('%B')} {day.day}, {day.year}<br>\nIssued at HKT {time}<br>\n<br>\nNNNN"


def ends_zh(day, time):
    hh, mm = time.split(":")
    return (f"完<br>\n{day.year}年{day.month}月{day.day}日（星期{WD_ZH[day.weekday()]}）<br>\n"
            f"香港時間{int(hh)}時{mm}分<br>\n<br>\nNNNN")


def table_html(head, rows):
    out = ['<table border="1" cellpadding="4" class="PRTable">', "<tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>"]
    for r in rows:
        out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def release_page(rel, lang, printable=False):
    """rel: dict with day, time, en/zh titles, paragraphs, paths."""
    day, time = rel["day"], rel["time"]
    if lang == "en":
        title, paras, after = rel["en_title"], rel["en"], rel.get("en_after", [])
        links = [CHROME_EN_HEAD]
        if rel.get("zh_path"):
            links.append(f' | <a href="{rel["zh_path"]}">Traditional Chinese</a>')
            links.append(f' | <a href="{SC_MIRROR}{rel["zh_path"]}">Simplified Chinese</a>')
        links.append("</div>")
        tbl = rel.get("table") and table_html(rel["table"]["en_head"], rel["table"]["en_rows"])
        ends = ends_en(day, time)
        footer = FOOTER_EN
        htmllang = "en"
        photo = rel.get("photo_en")
        photo_label = "Photo"
        print_path = rel["en_path"][:-4] + "_print.htm"
    else:
        title, paras, after = rel["zh_title"], rel["zh"], rel.get("zh_after", [])
        links = ['<div id="topbar"><a href="/gia/general/ctoday.htm">新聞公報</a>',
                 f' | <a href="{rel["en_path"]}">English</a>',
                 f' | <a href="{SC_MIRROR}{rel["zh_path"]}">簡體版</a>', "</div>"]
        tbl = rel.get("table") and table_html(rel["table"]["zh_head"], rel["table"]["zh_rows"])
        ends = ends_zh(day, time)
        footer = FOOTER_ZH
        htmllang = "zh-HK"
        photo = rel.get("photo_zh")
        photo_label = "圖片"
        print_path = rel["zh_path"][:-4] + "_print.htm"
    body = "<br>\n<br>\n".join(esc(p) for p in paras)
    if tbl:
        body += "<br>\n<br>\n" + tbl
    if after:
        body += "\n<br>\n" + "<br>\n<br>\n".join(esc(p) for p in after)
    parts = ["<!DOCTYPE html>", f'<html lang="{htmllang}"><head><meta charset="utf-8">',
             f"<title>{esc(title)}</title>", "</head><body>"]
    if not printable:
        parts.append("".join(links))
    parts += ['<div id="contentBody">',
              f'<span id="PRHeadlineSpan" class="PRHeadline"><h1 id="PRHeadline">{esc(title)}</h1></span>',
              '<div id="pressrelease" class="PRContent">', body + "<br>\n<br>\n" + ends, "</div>"]
    if photo and not printable:
        parts.append(f'<div class="photoList"><a href="{photo}">{photo_label}</a></div>')
    if not printable:
        parts.append(f'<div class="tools"><a href="{print_path}">Print</a></div>')
    parts += ["</div>", "" if printable else footer, "</body></html>", ""]
    return "\n".join(parts)


def photo_page(rel, lang, path, caption):
    back = rel["en_path"] if lang == "en" else rel["zh_path"]
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{"en" if lang == "en" else "zh-HK"}"><head><meta charset="utf-8">',
        f"<title>{esc(rel['en_title'] if lang == 'en' else rel['zh_title'])} - Photo</title></head><body>",
        '<div id="photoBody">', f'<img src="{path[:-4]}.jpg" alt="photo">', f'<p class="caption">{esc(caption)}</p>',
        f'<p><a href="{back}">{"Back to press release" if lang == "en" else "返回新聞公報"}</a></p>',
        "</div>", "</body></html>", ""])


def build_gia(said_rows):
    rng = random.Random(20250526)
    hk_by_date = {}
    for g in C.GIA_HKSTP:
        hk_by_date.setdefault(g["date"], []).append(g)
    days = []
    d = FIRST_DAY
    while d <= LAST_DAY:
        days.append(d)
        d += dt.timedelta(days=1)

    all_rel = []
    for day in days:
        n_unrel = 18 if day.weekday() < 5 else 7
        times = sorted({f"{rng.randint(0, 14) + 9:02d}:{rng.choice(range(0, 60, 5)):02d}" for _ in range(n_unrel * 2)})
        times = sorted(rng.sample(times, min(n_unrel, len(times))))
        rels = []
        tmpl_idx = rng.sample(range(len(C.UNRELATED)), n_unrel) if n_unrel <= len(C.UNRELATED) else \
            [rng.randrange(len(C.UNRELATED)) for _ in range(n_unrel)]
        for i, (ti, time) in enumerate(zip(tmpl_idx, times)):
            et, zt, ep, zp = C.UNRELATED[ti]
            dd, dz = rng.choice(C.DISTRICTS)
            hh = int(time[:2])
            vals = dict(d=dd, dz=dz, n1=rng.randint(2, 19), n2=rng.randint(20, 480), n3=f"{rng.randint(11, 99)},{rng.randint(0, 999):03d}",
                        t=rng.randint(3, 6), age=rng.randint(20, 89), md=md_en(day), mdz=md_zh(day),
                        hh=f"{hh % 12 or 12}.{time[3:]}{'am' if hh < 12 else 'pm'}", hhz=f"{'上午' if hh < 12 else '下午'}{hh % 12 or 12}時{time[3:]}分")
            rels.append(dict(kind="unrelated", day=day, time=time,
                             en_title=et.format(**vals), zh_title=zt.format(**vals),
                             en=[p.format(**vals) for p in ep], zh=[p.format(**vals) for p in zp]))
        for g in hk_by_date.get(day.isoformat(), []):
            rels.append(dict(g, kind="hkstp", day=day))
        rels.sort(key=lambda r: (r["time"], r["en_title"]))
        serial = rng.randint(120, 340)
        for r in rels:
            serial += rng.randint(4, 11)
            pday = day - dt.timedelta(days=r.get("p_days_earlier", 0))
            en_p = f"P{pday:%Y%m%d}{serial:05d}"
            zh_p = f"P{pday:%Y%m%d}{serial + rng.choice([1, 2]):05d}"
            r["en_path"] = gia_release_path(day, en_p)
            r["zh_path"] = gia_release_path(day, zh_p) if r.get("zh_title") else None
        all_rel.extend(rels)
    paths = [r["en_path"] for r in all_rel] + [r["zh_path"] for r in all_rel if r["zh_path"]]
    assert len(paths) == len(set(paths)), "duplicate P-number"

    # sanity: which releases mention HKSTP
    def mentions(r):
        text = " ".join([r["en_title"], r.get("zh_title") or ""] + r["en"] + (r.get("zh") or []))
        if r.get("table"):
            text += " ".join(sum(r["table"]["en_rows"] + r["table"]["zh_rows"], []))
        return any(w in text for w in C.MENTION_WORDS)
    for r in all_rel:
        assert mentions(r) == (r["kind"] == "hkstp"), (r["en_title"], r["kind"])
        if r["kind"] == "hkstp" and r.get("zh"):
            assert any(w in " ".join([r["zh_title"]] + r["zh"]) for w in C.MENTION_WORDS[5:]), r["key"]

    # photo pages
    unrelated_photo = next(r for r in all_rel if r["kind"] == "unrelated" and r["day"] == dt.date(2025, 6, 20))
    for r in all_rel:
        if r.get("photo"):
            r["photo_en"] = r["en_path"][:-4] + "_photo_001.htm"
            r["photo_zh"] = r["zh_path"][:-4] + "_photo_001.htm"
            write(SITE + r["photo_en"], photo_page(r, "en", r["photo_en"], r["photo_caption_en"]))
            write(SITE + r["photo_zh"], photo_page(r, "zh", r["photo_zh"], r["photo_caption_zh"]))
    unrelated_photo["photo_en"] = unrelated_photo["en_path"][:-4] + "_photo_001.htm"
    write(SITE + unrelated_photo["photo_en"], photo_page(unrelated_photo, "en", unrelated_photo["photo_en"],
                                                         "Photo shows the scene of the event."))

    # release pages and variants
    variants = []
    for r in all_rel:
        write(SITE + r["en_path"], release_page(r, "en"))
        write(SITE + r["en_path"][:-4] + "_print.htm", release_page(r, "en", printable=True))
        if r.get("zh_path"):
            write(SITE + r["zh_path"], release_page(r, "zh"))
            write(SITE + r["zh_path"][:-4] + "_print.htm", release_page(r, "zh", printable=True))
    # index link choices (variants in the indexes and feeds)
    for i, r in enumerate(all_rel):
        r["en_link"] = r["en_path"]
        r["zh_link"] = r["zh_path"]
        r["en_extra"] = None
        if r.get("en_index_variant") == "?fontSize=1":
            r["en_link"] = r["en_path"] + "?fontSize=1"
            variants.append(dict(url=r["en_link"], canonical=r["en_path"], where="English daily index"))
        if r.get("zh_index_variant") == "p.htm":
            r["zh_link"] = r["zh_path"][:-4] + "p.htm"
            write(SITE + r["zh_link"], release_page(r, "zh"))
            variants.append(dict(url=r["zh_link"], canonical=r["zh_path"], where="Chinese daily index"))
        if r.get("print_variant_in_index") == "en" or (r["kind"] == "unrelated" and i % 37 == 5):
            r["en_extra"] = r["en_path"][:-4] + "_print.htm"
            variants.append(dict(url=r["en_extra"], canonical=r["en_path"], where="English daily index (second link)"))
        if r["kind"] == "unrelated" and i % 41 == 7 and r.get("zh_path"):
            r["zh_link"] = r["zh_path"][:-4] + "p.htm"
            write(SITE + r["zh_link"], release_page(r, "zh"))
            variants.append(dict(url=r["zh_link"], canonical=r["zh_path"], where="Chinese daily index"))

    # daily index pages
    for k, day in enumerate(days):
        rels = [r for r in all_rel if r["day"] == day]
        prev_d = days[k - 1] if k else None
        next_d = days[k + 1] if k + 1 < len(days) else None
        for lang in ("en", "zh"):
            sfx = "" if lang == "en" else "c"
            other = f"/gia/general/{day:%Y%m}/{day:%d}{'c' if lang == 'en' else ''}.htm"
            if lang == "en":
                head = f"Press Releases - {day.strftime('%A')}, {day.strftime('%B')} {day.day}, {day.year}"
                langlink = f'<a href="{other}">中文</a>'
            else:
                head = f"新聞公報 - {day.year}年{day.month}月{day.day}日（星期{WD_ZH[day.weekday()]}）"
                langlink = f'<a href="{other}">English</a>'
            rows = []
            for r in rels:
                if lang == "en":
                    link, title = r["en_link"], r["en_title"]
                    extra = f' <a class="print" href="{r["en_extra"]}">[Print]</a>' if r.get("en_extra") else ""
                    if r.get("photo_en"):
                        extra += f' <a class="photo" href="{r["photo_en"]}">(Photo)</a>'
                else:
                    if r.get("zh_path"):
                        link, title = r["zh_link"], r["zh_title"]
                    else:
                        link, title = r["en_path"], r["zh_index_title"]
                    extra = f' <a class="photo" href="{r["photo_zh"]}">(圖片)</a>' if r.get("photo_zh") else ""
                rows.append(f'<tr><td class="time">{r["time"]}</td><td class="title"><a href="{link}">{esc(title)}</a>{extra}</td></tr>')
            nav = []
            if prev_d:
                nav.append(f'<a class="prev" href="/gia/general/{prev_d:%Y%m}/{prev_d:%d}{sfx}.htm">{"Previous day" if lang == "en" else "前一日"}</a>')
            if next_d:
                nav.append(f'<a class="next" href="/gia/general/{next_d:%Y%m}/{next_d:%d}{sfx}.htm">{"Next day" if lang == "en" else "後一日"}</a>')
            page = "\n".join([
                "<!DOCTYPE html>", f'<html lang="{"en" if lang == "en" else "zh-HK"}"><head><meta charset="utf-8">',
                f"<title>{esc(head)}</title></head><body>",
                f'<div id="topbar">{langlink}</div>', f"<h1>{esc(head)}</h1>",
                '<table id="PRList" class="PRList">', *rows, "</table>",
                f'<div class="daynav">{" | ".join(nav)}</div>', FOOTER_EN if lang == "en" else FOOTER_ZH, "</body></html>", ""])
            write(SITE + f"/gia/general/{day:%Y%m}/{day:%d}{sfx}.htm", page)
            if day == LAST_DAY:
                write(SITE + f"/gia/general/{'today' if lang == 'en' else 'ctoday'}.htm", page)

    # RSS feeds: the newest FEED_ITEMS items of each language
    def feed(lang):
        items = [r for r in all_rel if lang == "en" or r.get("zh_path")]
        items.sort(key=lambda r: (r["day"], r["time"], r["en_path"]), reverse=True)
        items = items[:FEED_ITEMS]
        out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0">', "<channel>",
               f"<title>{'GovHK - Press Releases' if lang == 'en' else '香港政府新聞公報'}</title>",
               f"<link>{GIA_HOST}/gia/general/{'today' if lang == 'en' else 'ctoday'}.htm</link>",
               f"<description>{'Press releases of the HKSAR Government' if lang == 'en' else '香港特別行政區政府新聞公報'}</description>",
               f"<language>{'en' if lang == 'en' else 'zh-hk'}</language>"]
        for r in items:
            path = r["en_path"] if lang == "en" else r["zh_path"]
            link = path
            if lang == "en" and r.get("feed_variant_en"):
                link = path + r["feed_variant_en"]
                variants.append(dict(url=link, canonical=path, where="English RSS feed"))
            title = r["en_title"] if lang == "en" else r["zh_title"]
            desc = (r["en"] if lang == "en" else r["zh"])[0]
            hh, mm = map(int, r["time"].split(":"))
            pub = format_datetime(dt.datetime(r["day"].year, r["day"].month, r["day"].day, hh, mm, tzinfo=HKT))
            out += ["<item>", f"<title>{esc(title)}</title>", f"<link>{GIA_HOST}{esc(link)}</link>",
                    f"<description>{esc(desc)}</description>", f"<pubDate>{pub}</pubDate>",
                    f'<guid isPermaLink="false">{esc(path)}</guid>', "</item>"]
        out += ["</channel>", "</rss>", ""]
        write(SITE + f"/gia/rss/general_{lang}.xml", "\n".join(out))
        return [r["en_path"] if lang == "en" else r["zh_path"] for r in items]

    feed_en = feed("en")
    feed_zh = feed("zh")
    write(SITE + "/robots.txt", "User-agent: *\nDisallow: /isd/40anniversary/\n")
    write(SITE + "/isd/40anniversary/index.htm",
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>40th anniversary</title></head><body>"
          "<p>Archive page (disallowed by robots.txt).</p></body></html>\n")
    write(SITE + "/gia/general/notices.htm",
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Important notices</title></head><body>"
          "<p>Important notices.</p></body></html>\n")
    write(SITE + "/index.html",
          '<!DOCTYPE html><html><head><meta charset="utf-8"><title>GovHK press releases</title></head><body>'
          '<a href="/gia/general/today.htm">Press Releases</a> <a href="/gia/general/ctoday.htm">新聞公報</a></body></html>\n')
    return all_rel, days, variants, feed_en, feed_zh, unrelated_photo


# ------------------------------------------------------------------ HKSTP press room (news-room layout)
CHROME_HEAD = ('<header><nav><a href="/">Home</a> <a href="/news-room/">News Room</a> '
               '<a href="/zh-hk/news-room/">繁</a></nav></header>\n'
               '<div class="cookie-banner">This website uses cookies. <button>Accept</button></div>')
CHROME_FOOT = ('<footer><p>Hong Kong Science and Technology Parks Corporation, 8th Floor, Building 5E, Hong Kong Science Park, '
               'Shatin, New Territories. Tel: +852 2629 1818</p><a href="/privacy/">Privacy</a></footer>')


def build_room():
    rels = sorted(C.HKSTP_RELEASES, key=lambda r: r["date"], reverse=True)
    for r in rels:
        d = dt.date.fromisoformat(r["date"])
        en_url, zh_url = f"/news-room/{r['slug']}/", f"/zh-hk/news-room/{r['slug']}/"
        for lang in ("en", "zh"):
            if lang == "en":
                title, body, about = r["title"], r["body"], C.about_en(r["date"])
                date_s = d.strftime("%d %b %Y")
                dateline = f"(Hong Kong, {d.day} {d.strftime('%B')} {d.year}) – "
                heading = "About Hong Kong Science and Technology Parks Corporation"
                label, contact = "Corporate News", "Media Contact: Corporate Communications, HKSTP. Tel: +852 2629 6800"
                canon = en_url
            else:
                title, body, about = r["zh_title"], r["zh_body"], C.about_zh(r["date"])
                date_s = f"{d.year}年{d.month:02d}月{d.day:02d}日"
                dateline = f"（香港，{d.year}年{d.month}月{d.day}日）— "
                heading = "關於香港科技園公司"
                label, contact = "企業新聞", "傳媒查詢：科技園公司企業傳訊部 電話：+852 2629 6800"
                canon = zh_url
            paras = [f"<p>{esc(dateline + body[0])}</p>"] + [f"<p>{esc(p)}</p>" for p in body[1:]]
            page = "\n".join([
                "<!DOCTYPE html>", f'<html lang="{"en" if lang == "en" else "zh-HK"}"><head><meta charset="utf-8">',
                f"<title>{esc(title)} | HKSTP</title>",
                f'<link rel="canonical" href="{HKSTP_HOST}{canon}">',
                f'<link rel="alternate" hreflang="en" href="{HKSTP_HOST}{en_url}">',
                f'<link rel="alternate" hreflang="zh-hk" href="{HKSTP_HOST}{zh_url}">',
                "</head><body>", CHROME_HEAD, "<main>", '<article class="news-article">',
                f'<p class="news-label">{label}</p>', f'<h1 class="news-title">{esc(title)}</h1>',
                f'<p class="news-date">{date_s}</p>', f'<img class="news-hero" alt="{esc(title)}" src="/img/{r["slug"]}.jpg">',
                '<div class="news-content">', *paras,
                f'<h3 class="about-heading">{heading}</h3>', f'<div class="about"><p>{esc(about)}</p></div>',
                f'<div class="media-contact"><p>{esc(contact)}</p></div>',
                "</div>", "</article>", "</main>", CHROME_FOOT, "</body></html>", ""])
            write(ROOM + canon + "index.html", page)
    for lang, prefix, label in (("en", "", "News Room"), ("zh", "/zh-hk", "新聞中心")):
        items = [f'<li><a href="{prefix}/news-room/{r["slug"]}/">{esc(r["title"] if lang == "en" else r["zh_title"])}</a> '
                 f'<span class="date">{r["date"]}</span></li>' for r in rels]
        write(ROOM + f"{prefix}/news-room/index.html", "\n".join([
            "<!DOCTYPE html>", f'<html><head><meta charset="utf-8"><title>{label} | HKSTP</title></head><body>',
            CHROME_HEAD, "<main>", f"<h1>{label}</h1>", '<ul class="news-list">', *items, "</ul>", "</main>",
            CHROME_FOOT, "</body></html>", ""]))
    write(ROOM + "/robots.txt", f"User-agent: *\nAllow: /\nSitemap: {HKSTP_HOST}/sitemap.xml\n")
    write(ROOM + "/sitemap.xml", "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        f"<sitemap><loc>{HKSTP_HOST}/sitemap-en.xml</loc></sitemap>",
        f"<sitemap><loc>{HKSTP_HOST}/sitemap-zh.xml</loc></sitemap>", "</sitemapindex>", ""]))
    for lang, prefix in (("en", ""), ("zh", "/zh-hk")):
        urls = [f"<url><loc>{HKSTP_HOST}{prefix}/news-room/{r['slug']}/</loc><lastmod>{r['date']}</lastmod></url>" for r in rels]
        write(ROOM + f"/sitemap-{lang}.xml", "\n".join([
            '<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
            *urls, "</urlset>", ""]))
    write(ROOM + "/index.html", '<!DOCTYPE html><html><head><meta charset="utf-8"><title>HKSTP</title></head><body>'
          + CHROME_HEAD + '<main><a href="/news-room/">News Room</a></main>' + CHROME_FOOT + "</body></html>\n")


# ------------------------------------------------------------------ expected.yaml
def build_expected(said_rows, all_rel, days, variants, feed_en, feed_zh, unrelated_photo, said_zh=()):
    mentions, findings, no_finding = [], [], []
    for r in all_rel:
        if r["kind"] != "hkstp":
            continue
        mentions.append(r["en_path"])
        if r.get("zh_path"):
            mentions.append(r["zh_path"])
        for st in r["statements"]:
            as_of = st.get("as_of", r["day"].isoformat())
            last = verify_verdict(said_rows, st, as_of)
            for lang in ("en", "zh-hant"):
                path = r["en_path"] if lang == "en" else r.get("zh_path")
                if not path:
                    continue
                text = st["en"] if lang == "en" else st["zh"]
                base = dict(source="gia", url_path=path, language=lang, published_on=r["day"].isoformat(),
                            subject=st["subject"], metric=st["metric"], value=st["value"], qualifier=st["qualifier"],
                            as_of=as_of)
                if st["verdict"] in ("stale", "mismatch"):
                    hq, hv, hd = st["hkstp"]
                    assert (last["qualifier"], last["value"]) == (hq, hv), (st, last)
                    hd = last["date"]  # the latest HKSTP release stating that figure by the echo's as_of
                    first_d = min(x["date"] for x in said_rows if x["subject"] == st["subject"] and x["metric"] == st["metric"]
                                  and (x["qualifier"], x["value"]) == (hq, hv))
                    ever_max = max(x["value"] for x in said_rows if x["subject"] == st["subject"] and x["metric"] == st["metric"])
                    sev = "warning" if st["verdict"] == "stale" else ("critical" if st["value"] > ever_max else "warning")
                    why = (f"HKSTP said {hq} {hv:,} on {first_d}" + (f" (repeated up to {hd})" if hd != first_d else "") + f", replacing {st['qualifier']} {st['value']:,} before this echo's as_of {as_of}"
                           if st["verdict"] == "stale" else
                           f"HKSTP never gave {st['value']:,} for {st['subject']} {st['metric']} (its figures: "
                           + ", ".join(sorted({f"{x['qualifier']} {x['value']:,}" for x in said_rows if x['subject'] == st['subject'] and x['metric'] == st['metric']}))
                           + f"); last by {as_of}: {hq} {hv:,} ({hd})")
                    findings.append(dict(check_name=f"echo_{st['verdict']}", **base, hkstp_value=hv, hkstp_qualifier=hq,
                                         hkstp_published_on=hd, hkstp_first_said_on=first_d, severity_hint=sev, group=r["key"], text=text, why=why))
                else:
                    why = {
                        "current": lambda: f"current: HKSTP's last figure by {as_of} was {last['qualifier']} {last['value']:,} ({last['date']})",
                        "subset": lambda: "subset: the Science Park alone (subject hkstp/science-park); HKSTP said over 1,300 for the Science Park on 2025-03-17, so it is current for its own subject and must not be compared with HKSTP's all-parks figure",
                        "other_org": lambda: f"another organisation's figure ({st['subject']}), never HKSTP's",
                        "event": lambda: "one event / delegation / participants: scope event, not a standing figure",
                        "target": lambda: "an aim for end-2027: scope target, not a standing figure",
                    }[st["verdict"]]()
                    if st["verdict"] == "subset":
                        latest_by(said_rows, "hkstp/science-park", "tech_companies", as_of)
                    no_finding.append(dict(kind=st["verdict"], **base, group=r["key"], text=text, why=why))
    mentions_set = set(mentions)
    traps = []
    for r in all_rel:
        if r["kind"] == "unrelated" and any(w in r["en_title"] + " ".join(r["en"]) for w in
                                             ("Science Museum", "Cyberport", "Innovation and Technology", "Hong Kong Park", "country parks")):
            traps.append(dict(url_path=r["en_path"], title=r["en_title"], why="looks related (science / I&T / park / another organisation) but never names HKSTP or its sites: must not be loaded"))
    photo_pages = []
    for r in all_rel:
        for k in ("photo_en", "photo_zh"):
            if r.get(k):
                photo_pages.append(dict(url_path=r[k], mentions_hkstp=r["kind"] == "hkstp",
                                        why="photo page: not a release, never loaded as one"))
    n_en = sum(1 for r in all_rel)
    n_zh = sum(1 for r in all_rel if r.get("zh_path"))
    stale = sum(1 for f in findings if f["check_name"] == "echo_stale")
    mism = len(findings) - stale
    exp = dict(
        set="gia2",
        description="Held-out Government-style (GIA) press-release site for issue 21 (media monitoring). Serve site/ at the root of one HTTP server (the `gia` source's base URL) and hkstp/ at the root of another (the press room's base URL, loaded first). Feed links and the HKSTP sitemap use the real hosts (www.info.gov.hk, www.hkstp.org); index pages use root-relative links.",
        since=FIRST_DAY.isoformat(), until=LAST_DAY.isoformat(),
        hkstp_reference="hkstp-said.yaml (what HKSTP's own press room said; the pages are in hkstp/)",
        counts=dict(index_days=len(days), releases_en=n_en, releases_zh=n_zh, hkstp_releases=len(C.GIA_HKSTP),
                    mention_pages=len(mentions), findings=len(findings), echo_stale=stale, echo_mismatch=mism,
                    no_finding=len(no_finding), feed_items_en=len(feed_en), feed_items_zh=len(feed_zh)),
        scoring_notes=[
            "A finding matches an expected one on (check_name, url_path canonical, language, subject, metric, value); hkstp_value is what HKSTP had said last by the echo's as_of (compare it when the monitor gives old_value).",
            "Each edition (en, zh-hant) states the figure on its own page, so each has its own finding; `group` names the release. A scorer that counts one finding per release and statement may dedupe by (group, subject, metric, value, check_name).",
            "Numbers in a few releases use a space as thousands separator (GIA style: '1 800', '20 000', '3 000', '13 000').",
            "The LegCo reply LCQ7 (group G) holds its figures in a table with 'As at end-December 2024' / 'As at end-April 2025' columns: the as_of comes from the column.",
            "severity_hint is informational only (critical: a mismatch larger than anything HKSTP ever said for the metric).",
        ],
        mentions=sorted(mentions_set),
        findings=findings,
        no_finding=no_finding,
        url_variants=variants,
        photo_pages=photo_pages,
        non_mention_traps=traps,
        english_only=[r["en_path"] for r in all_rel if r["kind"] == "hkstp" and not r.get("zh_path")],
        feed_newest=dict(en=feed_en[:3], zh=feed_zh[:3]),
    )
    write(os.path.join(HERE, "expected.yaml"), "# generated by build.py: do not edit\n" + yaml_dump(exp) + "\n")
    said = dict(subject_note="HKSTP's own standing statements (its press room, hkstp/); the reference timeline for the echoes",
                note="Every statement is made in both editions (en at url_path, zh-hant at /zh-hk + url_path) with the same figure; the timeline is language-independent.",
                statements=said_rows + list(said_zh))
    write(os.path.join(HERE, "hkstp-said.yaml"), "# generated by build.py: do not edit\n" + yaml_dump(said) + "\n")
    return exp


def main():
    for d in (SITE, ROOM):
        if os.path.isdir(d):
            shutil.rmtree(d)
    said_rows, said_zh = hkstp_said()
    all_rel, days, variants, feed_en, feed_zh, uphoto = build_gia(said_rows)
    build_room()
    exp = build_expected(said_rows, all_rel, days, variants, feed_en, feed_zh, uphoto, said_zh)
    print(json.dumps(exp["counts"]))


if __name__ == "__main__":
    main()
