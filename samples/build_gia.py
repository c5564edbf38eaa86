#!/usr/bin/env python3
"""Build the bundled Government-style source: a static mirror of press releases laid out like www.info.gov.hk/gia.

    python samples/build_gia.py            # rewrites samples/gia/site/ and samples/gia/expected-echoes.yaml
    python samples/build_gia.py --out DIR  # the same tree under DIR (tests/test_gia_sample.py checks determinism)

45 days (2025-09-01 to 2025-10-15) of English and Chinese daily indexes (`/gia/general/YYYYMM/DD.htm`,
`DDc.htm`), two RSS feeds with the newest items (`/gia/rss/general_en.xml`, `general_zh.xml`), many releases
about other things and thirteen that quote HKSTP: current, stale and mismatched figures, a Science Park subset,
Cyberport's own figure, an event, an "(English only)" speech and a LegCo reply with a table. The HKSTP figures
follow the demo's press room (samples/site, snapshot B): over 2,200 technology companies, over 15,000 research
professionals, over 14 unicorns, 25 countries and regions since 2025. Every sentence is this project's own
writing; the URL patterns are the real site's (../shared/facts/gia.md). Standard library only; byte-for-byte
reproducible.
"""

from __future__ import annotations

import argparse
import html
import shutil
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "gia"
BASE = "https://www.info.gov.hk"
FIRST, LAST = date(2025, 9, 1), date(2025, 10, 15)
FEED_ITEMS = 40
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ZH_WEEKDAYS = "一二三四五六日"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# Releases that quote HKSTP (or its neighbours): (day, key, verdict, en title, en paragraphs, zh title, zh paragraphs).
# zh None: "(English only)". A paragraph that is a list is a table (rows of cells).
QUOTING = [
    ("2025-09-03", "visit-current", "current",
     "Secretary for Innovation visits start-ups at Science Park",
     ["The Secretary for Innovation, Technology and Industry today toured laboratories at the Hong Kong Science Park "
      "and met founders of robotics and health technology start-ups.",
      "The Hong Kong Science and Technology Parks Corporation (HKSTP) is now home to over 2,200 technology "
      "companies, the Secretary noted, and its incubation programmes keep growing.",
      "The Secretary also chatted with graduates who joined park companies this summer."],
     "創新科技及工業局局長參觀科學園初創企業",
     ["創新科技及工業局局長今日參觀香港科學園的實驗室，並與機械人及醫療科技初創企業的創辦人會面。",
      "局長表示，香港科技園公司現有逾2,200間科技公司，其培育計劃持續擴展。",
      "局長亦與今年夏天加入園區公司的畢業生交流。"]),
    ("2025-09-10", "legco-stale", "stale",
     "LCQ7: Support for technology start-ups",
     ["Following is a question by the Hon Member and a written reply by the Secretary for Innovation, Technology "
      "and Industry in the Legislative Council today:",
      "Question: Will the Government tell this Council of the number of companies at the parks of the "
      "Hong Kong Science and Technology Parks Corporation?",
      "Reply: The Hong Kong Science and Technology Parks Corporation (HKSTP) has over 1,700 technology companies.",
      [["Year", "Incubatees admitted"], ["2022", "158"], ["2023", "171"], ["2024", "186"]],
      "The Government will continue to support the parks' development."],
     "立法會七題：支援科技初創企業",
     ["以下是今日在立法會會議上議員的提問和創新科技及工業局局長的書面答覆：",
      "問題：政府可否告知本會，香港科技園公司轄下園區的公司數目？",
      "答覆：香港科技園公司現有逾1,700間科技公司。",
      [["年份", "獲取錄培育公司"], ["2022", "158"], ["2023", "171"], ["2024", "186"]],
      "政府會繼續支持園區發展。"]),
    ("2025-09-16", "subset-science-park", "unknown",
     "Science Park opens new wet laboratories",
     ["New wet laboratories opened today at the Hong Kong Science Park for life science ventures.",
      "The Hong Kong Science Park alone houses about 1,200 companies, and demand for laboratory space "
      "remains strong."],
     "科學園新濕實驗室啓用",
     ["香港科學園今日啓用新的濕實驗室，供生命科學企業使用。",
      "單是香港科學園已有約1,200間公司，實驗室空間需求殷切。"]),
    ("2025-09-18", "talent-stale", "stale",
     "Government steps up technology talent schemes",
     ["The Government today announced more places under its technology talent schemes.",
      "The Hong Kong Science and Technology Parks Corporation (HKSTP) has more than 13,000 research "
      "professionals working at its parks, a spokesman said."],
     "政府加強科技人才計劃",
     ["政府今日宣布增加科技人才計劃的名額。",
      "發言人表示，香港科技園公司有超過13,000名研發人員在其園區工作。"]),
    ("2025-09-22", "cyberport-own", "other",
     "Cyberport welcomes fintech delegation",
     ["A fintech delegation visited Cyberport today.",
      "Cyberport has over 1,800 companies in its community, its spokesman said."],
     "數碼港迎接金融科技代表團",
     ["金融科技代表團今日到訪數碼港。",
      "發言人表示，數碼港社群有逾1,800間公司。"]),
    ("2025-09-24", "mismatch-1900", "mismatch",
     "Financial Secretary meets technology investors",
     ["The Financial Secretary met overseas technology investors today.",
      "The Hong Kong Science and Technology Parks Corporation (HKSTP) has some 1,900 technology companies, "
      "the Financial Secretary told the investors."],
     "財政司司長與科技投資者會面",
     ["財政司司長今日與海外科技投資者會面。",
      "財政司司長向投資者表示，香港科技園公司約有1,900間科技公司。"]),
    ("2025-09-26", "event-delegation", "event",
     "Start-up delegation to depart for Europe",
     ["A delegation of 30 start-ups from the Hong Kong Science and Technology Parks Corporation (HKSTP) will "
      "attend a technology fair in Europe next week."],
     "初創企業代表團啓程前往歐洲",
     ["由香港科技園公司30間初創企業組成的代表團下星期將參加歐洲科技展覽。"]),
    ("2025-10-02", "speech-too-big", "mismatch",
     "Speech by Secretary at technology summit (English only)",
     ["Distinguished guests, ladies and gentlemen,",
      "The Hong Kong Science and Technology Parks Corporation (HKSTP) is home to over 3,000 technology companies "
      "today, and our innovation ecosystem keeps drawing talent from around the world.",
      "Thank you."],
     None, None),
    ("2025-10-08", "talent-current", "current",
     "Research talent gathers at innovation forum",
     ["Researchers from universities and park companies gathered at an innovation forum today.",
      "The Hong Kong Science and Technology Parks Corporation (HKSTP) has over 15,000 research professionals, "
      "the Permanent Secretary said in her opening remarks."],
     "研發人才聚首創新論壇",
     ["大學及園區公司的研究人員今日出席創新論壇。",
      "常任秘書長致辭時表示，香港科技園公司有逾15,000名研發人員。"]),
    ("2025-10-10", "unicorns-current", "current",
     "Government welcomes new unicorn milestone",
     ["The Government welcomed news of another technology company valued over US$1 billion.",
      "The Hong Kong Science and Technology Parks Corporation (HKSTP) has nurtured over 14 unicorns, "
      "a spokesman said."],
     "政府歡迎新獨角獸里程碑",
     ["政府歡迎又一間估值逾10億美元的科技公司誕生。",
      "發言人表示，香港科技園公司已培育逾14間獨角獸企業。"]),
    ("2025-10-13", "stale-zh-only-figure", "stale",
     "Innovation and technology week opens",
     ["Innovation and technology week opened today with exhibitions across the city.",
      "The Hong Kong Science and Technology Parks Corporation (HKSTP) has over 1,700 technology companies from "
      "25 countries and regions, the Under Secretary said."],
     "創新科技周開幕",
     ["創新科技周今日開幕，全城多區設有展覽。",
      "副局長表示，香港科技園公司有逾1,700間來自25個國家和地區的科技公司。"]),
    ("2025-10-14", "innocentre-subset", "unknown",
     "InnoCentre hosts design showcase",
     ["A design showcase opened today at InnoCentre in Kowloon Tong.",
      "InnoCentre houses around 200 design and technology companies, its manager said."],
     "創新中心舉辦設計展",
     ["設計展今日在九龍塘創新中心開幕。",
      "創新中心經理表示，中心有約200間設計及科技公司。"]),
]

# Releases about other things: (en title, en sentence, zh title, zh sentence); figures in them are not HKSTP's.
OTHER = [
    ("Weather outlook for the weekend", "Temperatures will range between 26 and 31 degrees, the Observatory said.",
     "周末天氣展望", "天文台表示，氣溫介乎26至31度。"),
    ("Tender invited for road resurfacing works", "The works cover 12 kilometres of roads and will take 18 months.",
     "道路重鋪工程招標", "工程涵蓋12公里道路，為期18個月。"),
    ("Public libraries extend opening hours", "Eight libraries will open until 10pm from next month.",
     "公共圖書館延長開放時間", "八間圖書館下月起開放至晚上10時。"),
    ("Vaccination drive reaches elderly homes", "Over 300 elderly homes have joined the programme so far.",
     "疫苗接種計劃進入安老院舍", "至今已有逾300間安老院舍參與計劃。"),
    ("Red tide sighted off southern waters", "The Agriculture, Fisheries and Conservation Department is monitoring it.",
     "南面水域發現紅潮", "漁農自然護理署正監察情況。"),
    ("Temporary traffic arrangements for marathon", "About 40 roads will be closed on the morning of the race.",
     "馬拉松臨時交通安排", "比賽當日早上約40條道路將會封閉。"),
    ("Land sale programme for next quarter", "Four residential sites will be offered, providing about 2,800 flats.",
     "下季賣地計劃", "四幅住宅用地將推出，提供約2,800個單位。"),
    ("Consumer price index for the month", "Overall consumer prices rose by 1.2 per cent over a year earlier.",
     "本月消費物價指數", "整體消費物價按年上升1.2%。"),
    ("Fire safety inspections of old buildings", "Inspectors visited 450 buildings last month.",
     "舊樓消防安全巡查", "巡查人員上月巡查了450幢樓宇。"),
    ("Water supply interruption notice", "Fresh water supply will be interrupted for eight hours in parts of Sha Tin.",
     "暫停供水通告", "沙田部分地區將暫停食水供應八小時。"),
    ("Cyberport start-ups join trade mission", "Twelve Cyberport start-ups will join a trade mission to Southeast Asia.",
     "數碼港初創企業參與貿易團", "十二間數碼港初創企業將參加東南亞貿易團。"),
    ("Hospital waiting times update", "Median waiting time at emergency departments was 95 minutes.",
     "醫院輪候時間更新", "急症室輪候時間中位數為95分鐘。"),
]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def en_date(d: date) -> str:
    return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}"


def zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日（星期{ZH_WEEKDAYS[d.weekday()]}）"


def rfc822(d: date, hh: int, mm: int) -> str:
    return f"{WEEKDAYS[d.weekday()][:3]}, {d.day:02d} {MONTHS[d.month - 1][:3]} {d.year} {hh:02d}:{mm:02d}:00 +0800"


def release_path(d: date, serial: int) -> str:
    return f"/gia/general/{d:%Y%m}/{d:%d}/P{d:%Y%m%d}{serial:05d}.htm"


def body_html(paragraphs: list) -> str:
    out = []
    for p in paragraphs:
        if isinstance(p, list):
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in p)
            out.append(f'<table border="1">{rows}</table><br>')
        else:
            out.append(f"&nbsp;&nbsp;&nbsp;&nbsp; {esc(p)}<br><br>\n")
    return "".join(out)


def release_page(lang: str, title: str, paragraphs: list, d: date, hh: int, mm: int, links: dict[str, str],
                 photo: str | None) -> str:
    nav = " | ".join(f'<a href="{esc(href)}">{esc(label)}</a>' for label, href in links.items())
    if lang == "en":
        ending = f"Ends/{en_date(d)}<br>\nIssued at HKT {hh:02d}:{mm:02d}<br><br>\nNNNN"
    else:
        ending = f"完<br>\n{zh_date(d)}<br>\n香港時間{hh}時{mm:02d}分<br><br>\nNNNN"
    photo_link = f'<p><a href="{esc(photo)}">Photo</a></p>' if photo else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-HK"}">\n<head><meta charset="utf-8">'
        f"<title>{esc(title)}</title></head>\n<body>\n"
        f'<div id="topbar"><a href="/gia/general/today.htm">Press Releases</a> | {nav}</div>\n'
        f'<div id="contentBody">\n<span id="PRHeadlineSpan">{esc(title)}</span><br><br>\n'
        f'<span id="pressrelease">\n{body_html(paragraphs)}{ending}\n</span>\n</div>\n{photo_link}\n'
        f'<div id="footer">2025 | Important notices</div>\n</body>\n</html>\n'
    )


def build(out: Path) -> dict:
    site = out / "site"
    if site.exists():
        shutil.rmtree(site)
    files: dict[str, str] = {}
    index: dict[tuple[date, str], list[tuple[str, str]]] = {}
    feed: dict[str, list[tuple[date, int, int, str, str, str]]] = {"en": [], "zh": []}
    quoting = {date.fromisoformat(q[0]): q for q in QUOTING}
    expected = []
    day = FIRST
    n = 0
    while day <= LAST:
        serial = 100 + day.day * 3
        todays = [OTHER[(day.toordinal() + k) % len(OTHER)] for k in range(3 if day.weekday() < 5 else 2)]
        entries = [("other", t) for t in todays]
        if day in quoting:
            entries.insert(1, ("quote", quoting[day]))
        for kind, item in entries:
            n += 1
            hh, mm = 10 + n % 8, (n * 7) % 60
            en_path = release_path(day, serial)
            zh_path = release_path(day, serial + 1)
            serial += 2
            if kind == "other":
                en_title, en_text, zh_title, zh_text = item
                en_paras, zh_paras = [en_text], [zh_text]
                verdict = None
            else:
                _, key, verdict, en_title, en_paras, zh_title, zh_paras = item
            english_only = zh_title is None
            links_en = {} if english_only else {
                "Traditional Chinese": zh_path,
                "Simplified Chinese": "https://sc.isd.gov.hk/TuniS/www.info.gov.hk" + zh_path}
            photo = en_path.replace(".htm", "_photo_001.htm") if n % 5 == 0 else None
            files[en_path] = release_page("en", en_title, en_paras, day, hh, mm, links_en, photo)
            if photo:
                files[photo] = (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Photo</title></head>'
                                f'<body><img src="/gia/photo.jpg" alt="{esc(en_title)}"></body></html>\n')
            # the index links some releases by a variant URL: the crawler must fold them into one
            en_link = en_path.replace(".htm", "p.htm") if n % 4 == 0 else en_path
            index.setdefault((day, "en"), []).append((en_link, en_title))
            feed["en"].append((day, hh, mm, en_path + ("?fontSize=1" if n % 6 == 0 else ""), en_title, en_paras[0]))
            if not english_only:
                files[zh_path] = release_page("zh", zh_title, zh_paras, day, hh, mm,
                                              {"English": en_path,
                                               "Simplified Chinese": "https://sc.isd.gov.hk/TuniS/www.info.gov.hk" + zh_path},
                                              None)
                index.setdefault((day, "zh"), []).append((zh_path, zh_title))
                feed["zh"].append((day, hh, mm, zh_path, zh_title, zh_paras[0]))
            if verdict:
                expected.append({"key": key, "date": day.isoformat(), "verdict": verdict, "en": en_path,
                                 "zh": None if english_only else zh_path})
        day += timedelta(days=1)

    for (d, lang), links in sorted(index.items()):
        name = f"{d:%d}.htm" if lang == "en" else f"{d:%d}c.htm"
        heading = f"Press Releases - {en_date(d)}" if lang == "en" else f"新聞公報 - {zh_date(d)}"
        items = "".join(f'<li><a href="{esc(href)}">{esc(t)}</a></li>\n' for href, t in links)
        files[f"/gia/general/{d:%Y%m}/{name}"] = (
            f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{esc(heading)}</title></head>\n<body>\n'
            f"<h1>{esc(heading)}</h1>\n<ul>\n{items}</ul>\n</body>\n</html>\n")
    for lang, items in feed.items():
        newest = sorted(items, key=lambda x: (x[0], x[1], x[2]), reverse=True)[:FEED_ITEMS]
        body = "".join(
            f"<item><title>{esc(t)}</title><link>{BASE}{esc(p)}</link><description>{esc(desc)}</description>"
            f"<pubDate>{rfc822(d, hh, mm)}</pubDate></item>\n" for d, hh, mm, p, t, desc in newest)
        title = "Press Releases" if lang == "en" else "新聞公報"
        files[f"/gia/rss/general_{lang}.xml"] = (
            f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f"<link>{BASE}/gia/general/today.htm</link><description>{title}</description>\n{body}</channel></rss>\n")
    files["/robots.txt"] = "User-agent: *\nDisallow: /isd/40anniversary/\n"
    for path, text in files.items():
        target = site / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    lines = ["# What the quoting releases of samples/gia say, by verdict. GENERATED by samples/build_gia.py.",
             "# verdict: the echoes view's (current, stale, mismatch, unknown); other = another organisation's",
             "# figure, event = one event's figure: neither is an echo.", "quoting:"]
    for e in expected:
        lines += [f"  - key: {e['key']}", f"    date: \"{e['date']}\"", f"    verdict: {e['verdict']}",
                  f"    en: \"{e['en']}\"", f"    zh: {'null' if e['zh'] is None else chr(34) + e['zh'] + chr(34)}"]
    (out / "expected-echoes.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"files": len(files), "quoting": len(expected)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print(build(args.out))


if __name__ == "__main__":
    main()
