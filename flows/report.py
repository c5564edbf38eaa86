"""`hkstp-monitor report`: one self-contained HTML file (no script, no network, a strict CSP) about the warehouse,
the page a communications team reads first.

From the top: what changed (the critical and warning findings, one line each, in words); a chart per metric on
a real time axis (points placed by date, a line per language, a marker per qualifier, the figure written where
it changes, findings ringed); every finding with its old and new sentence, the figure highlighted; the pages
that could not be used. Metric names come from the vocabulary in English and Chinese.

This module only shapes the data (words, coordinates); `flows/templates/report.html.j2` writes the HTML with
Jinja2's autoescape on, so release text that contains markup renders as text.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import warehouse
from flows.display import fmt_number

CORE_METRICS = ["tech_companies", "research_professionals", "unicorns", "countries_regions", "startups",
                "community_size"]
LANG_NAMES = {"en": "English", "zh-hant": "Traditional Chinese", "zh-hans": "Simplified Chinese"}
LANG_NATIVE = {"en": "English", "zh-hant": "繁體中文", "zh-hans": "简体中文"}
LANG_COLOURS = {"en": "#1f6feb", "zh-hant": "#cf222e", "zh-hans": "#8250df"}
SEVERITY_COLOURS = {"critical": "#cf222e", "warning": "#bf8700", "info": "#0969da"}
HEADLINE_SEVERITIES = ("critical", "warning")
QUALIFIER_EN = {"exact": "", "about": "about", "over": "over", "at_least": "at least", "nearly": "nearly",
                "under": "under", "up_to": "up to"}
QUALIFIER_ZH = {"exact": "", "about": "約", "over": "逾", "at_least": "至少", "nearly": "近", "under": "不足",
                "up_to": "多達"}
# marker per qualifier class: a triangle up for "over"-like, down for "under"-like, a diamond for "about"
SHAPES = {"exact": "circle", "about": "diamond", "over": "up", "at_least": "up", "nearly": "down", "under": "down",
          "up_to": "down"}

W, H = 540, 250
LEFT, RIGHT, TOP, BOTTOM = 64, 18, 26, 34


# --- words ------------------------------------------------------------------------------------------------


def _as_date(v) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def day(v) -> str:
    """2024-06-21 -> "21 Jun 2024"."""
    d = _as_date(v)
    return f"{d.day} {d:%b %Y}" if d else ""


def figure(value, qualifier: str | None, language: str = "en") -> str:
    """A figure with its qualifier in words: "over 1,700"; "逾1,700" for a Chinese edition."""
    if value is None:
        return ""
    if language.startswith("zh"):
        return f"{QUALIFIER_ZH.get(qualifier or 'exact', '')}{fmt_number(value)}"
    words = QUALIFIER_EN.get(qualifier or "exact", qualifier or "")
    return f"{words} {fmt_number(value)}".strip()


def _quoted(text: str | None) -> str:
    return f"“{text}”"


def describe(f: dict, languages: list[str] | None = None) -> str:
    """What a finding says, in words, without the metric's name (the template puts the name first); `languages`
    names the timelines when one change was seen in several (English and Traditional Chinese releases)."""
    check = f.get("check_name")
    codes = languages or [f.get("new_language") or f.get("language") or ""]
    lang = " and ".join(LANG_NAMES.get(c, c) for c in codes)
    old = figure(f.get("old_value"), f.get("old_qualifier"))
    new = figure(f.get("new_value"), f.get("new_qualifier"))
    span = f"{day(f.get('old_published_on'))} → {day(f.get('new_published_on'))}"
    if check == "figure_changed":
        rose = (f.get("new_value") or 0) >= (f.get("old_value") or 0)
        pct = f.get("change_pct")
        change = f" ({pct:+.1f}%)" if pct is not None else ""
        return f"{'rose' if rose else 'fell'} from {old} to {new}{change} in {lang} releases, {span}"
    if check == "qualifier_changed":
        return f"went from “{old}” to “{new}” in {lang} releases, {span}"
    if check == "figure_conflict":
        d_old, d_new = _as_date(f.get("old_published_on")), _as_date(f.get("new_published_on"))
        apart = f"{(d_new - d_old).days} days apart" if d_old and d_new else "close together"
        return (f"{lang} releases {apart} disagree: {old} on {day(d_old)}, "
                f"{new} on {day(d_new)}")
    if check == "translation_mismatch":
        first = LANG_NAMES.get(f.get("old_language") or "", f.get("old_language") or "")
        second = LANG_NAMES.get(f.get("new_language") or "", f.get("new_language") or "")
        return (f"the {first} edition says {old}, the {second} edition {new} "
                f"(release of {day(f.get('new_published_on'))})")
    if check == "release_revised":
        if f.get("metric") and f.get("old_value") is not None and f.get("new_value") is not None:
            what = f"{old} became {new}"
        elif not f.get("old_text"):
            what = f"{_quoted(f.get('new_text'))} was added"
        elif not f.get("new_text"):
            what = f"{_quoted(f.get('old_text'))} was removed"
        else:
            what = f"{_quoted(f.get('old_text'))} became {_quoted(f.get('new_text'))}"
        return f"the {lang} release of {day(f.get('new_published_on'))} was edited after publication: {what}"
    if check in ("echo_stale", "echo_mismatch"):  # another source repeats HKSTP's figure (issue 21)
        source = _source_of(f.get("new_url"))
        said = f"HKSTP had said {old} on {day(f.get('old_published_on'))}" if f.get("old_value") is not None else ""
        if check == "echo_stale":
            return f"{source} said {new} on {day(f.get('new_published_on'))}, a figure HKSTP had replaced: {said}"
        return f"{source} said {new} on {day(f.get('new_published_on'))}, a figure HKSTP never gave; {said}"
    text = f.get("new_text") or f.get("old_text") or ""
    return f"{(check or 'finding').replace('_', ' ')}: {text}".strip()


def _source_of(url: str | None) -> str:
    """Who said it, from where: the Government for its press releases, else the site's host."""
    from urllib.parse import urlsplit

    if url and "/gia/general/" in url:
        return "the Government"
    return urlsplit(url or "").hostname or "another source"


def highlight(sentence: str | None, text: str | None) -> dict:
    """The sentence cut around the claim's words, so the template can mark the figure; the words alone when the
    sentence is unknown or does not hold them."""
    text = text or ""
    if sentence and text:
        at = sentence.find(text)
        if at < 0:
            at = sentence.lower().find(text.lower())
        if at >= 0:
            return {"before": sentence[:at], "mark": sentence[at:at + len(text)], "after": sentence[at + len(text):]}
    if sentence and not text:
        return {"before": sentence, "mark": "", "after": ""}
    return {"before": "", "mark": text, "after": ""}


def _labels(metrics: list[dict]) -> dict[str, tuple[str, str]]:
    out = {}
    for m in metrics:
        en = m.get("label_en") or m["key"].replace("_", " ")
        out[m["key"]] = (en[:1].upper() + en[1:], m.get("label_zh") or "")
    return out


# --- charts -----------------------------------------------------------------------------------------------


@dataclass
class Point:
    x: float
    y: float
    shape: str
    points: str  # polygon points for the non-circle shapes
    tip: str
    ring: str | None = None  # severity colour of a finding on this figure


@dataclass
class Label:
    x: float
    y: float
    text: str
    anchor: str
    lang: str


@dataclass
class Series:
    language: str
    name: str
    colour: str
    coords: str
    width: float
    dash: str
    hollow: bool
    points: list[Point] = field(default_factory=list)


@dataclass
class EchoMark:
    """Another source's statement of the figure (the `echoes` view): a square, coloured by its verdict, lettered
    by its source."""

    x: float
    y: float
    source: str
    letter: str
    colour: str
    tip: str


# an echo's square: current grey, stale amber, mismatch red, unknown outline only
VERDICT_COLOURS = {"current": "#8c959f", "stale": "#bf8700", "mismatch": "#cf222e", "unknown": "#d0d7de"}


@dataclass
class Chart:
    metric: str
    subject: str | None
    anchor: str  # the figure's id: chart-<metric>, chart-<metric>--<subject> for a subject other than HKSTP
    whose: str  # the subject in words ("Hong Kong Science Park"); empty for HKSTP itself
    label_en: str
    label_zh: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    series: list[Series]
    labels: list[Label]
    first: str
    last: str
    figures: int
    echoes: list[EchoMark] = field(default_factory=list)


def _nice_step(span: float, n: int = 4) -> float:
    raw = span / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _axis_number(v: float) -> str:
    if abs(v) >= 1e9:
        return f"{v / 1e9:g}bn"
    if abs(v) >= 1e6:
        return f"{v / 1e6:g}m"
    return fmt_number(int(v) if float(v).is_integer() else round(v, 2))


def _date_ticks(d0: date, d1: date) -> list[date]:
    years = [date(y, 1, 1) for y in range(d0.year + 1, d1.year + 1)]
    if len(years) >= 2:
        step = max(1, math.ceil(len(years) / 7))
        return years[::step]
    quarters = [date(y, m, 1) for y in range(d0.year, d1.year + 1) for m in (1, 4, 7, 10)]
    return [q for q in quarters if d0 < q <= d1]


def _shape(kind: str, x: float, y: float, r: float = 4.5) -> str:
    if kind == "up":
        pts = [(x, y - r - 1), (x - r, y + r - 1), (x + r, y + r - 1)]
    elif kind == "down":
        pts = [(x, y + r + 1), (x - r, y - r + 1), (x + r, y - r + 1)]
    elif kind == "diamond":
        pts = [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)]
    else:
        return ""
    return " ".join(f"{a:.1f},{b:.1f}" for a, b in pts)


def build_chart(metric: str, rows: list[dict], findings: list[dict], labels: dict[str, tuple[str, str]],
                subject: str | None = None, echoes: list[dict] | None = None) -> Chart | None:
    """One metric's figures of one subject on a date axis (the date each figure describes: as_of): a series per
    language, a marker per figure, words where it moves; other sources' statements of it (`echoes`) as squares
    marked by source."""
    kinds = defaultdict(int)
    for r in rows:
        kinds[r.get("kind")] += 1
    kind = max(kinds, key=kinds.get) if kinds else None
    pts = [(r, _as_date(r.get("as_of") or r["published_on"])) for r in rows
           if r.get("value") is not None and r.get("kind") == kind]
    pts = [(r, d) for r, d in pts if d]
    if not pts:
        return None
    echo_pts = [(e, _as_date(e.get("as_of") or e["published_on"])) for e in echoes or ()
                if e.get("value") is not None and e.get("kind") == kind and _as_date(e.get("published_on"))]
    d0, d1 = min(d for _, d in pts + echo_pts), max(d for _, d in pts + echo_pts)
    pad_days = max(20, (d1 - d0).days // 30)
    x0, x1 = d0.toordinal() - pad_days, d1.toordinal() + pad_days
    values = [float(r["value"]) for r, _ in pts + echo_pts]
    lo, hi = min(values), max(values)
    step = _nice_step(hi - lo) if hi > lo else _nice_step(max(abs(hi), 1.0) * 0.2, 2)
    y0 = math.floor(lo / step) * step
    y1 = math.ceil(hi / step) * step
    if y1 - y0 < step * 2:
        y0, y1 = y0 - step, y1 + step
    if lo >= 0 > y0:
        y0 = 0.0
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def xy(d: date, v: float) -> tuple[float, float]:
        return (LEFT + (d.toordinal() - x0) / (x1 - x0) * plot_w, TOP + (y1 - v) / (y1 - y0) * plot_h)

    ticks = _date_ticks(date.fromordinal(x0), date.fromordinal(x1))
    x_ticks = [(xy(t, y0)[0], str(t.year) if t.month == 1 else f"{t:%b %Y}") for t in ticks]
    y_ticks = []
    v = y0
    while v <= y1 + step / 1000:
        y_ticks.append((xy(d0, v)[1], _axis_number(v)))
        v += step

    worst = {"critical": 0, "warning": 1, "info": 2}
    rings: dict[tuple[str, str], str] = {}
    for f in findings:
        if (f.get("metric") != metric or (f.get("subject") or DEFAULT_SUBJECT) != (subject or DEFAULT_SUBJECT)
                or not f.get("new_published_on")):
            continue
        when = f.get("new_as_of") or f["new_published_on"]
        key = (f.get("new_language") or f.get("language"), str(_as_date(when)))
        if key not in rings or worst.get(f["severity"], 3) < worst.get(rings[key], 3):
            rings[key] = f["severity"]

    by_lang: dict[str, list] = defaultdict(list)
    for r, d in pts:
        by_lang[r["language"]].append((d, float(r["value"]), r))
    english = {(r["release_id"], r.get("qualifier"), float(r["value"])) for _, _, r in by_lang.get("en", [])}
    order = sorted(by_lang, key=lambda lang: (lang != "en", lang))
    series, words = [], []
    placed: list[tuple[float, float]] = []
    for lang in reversed(order):  # Chinese editions drawn first, English on top
        line = sorted(by_lang[lang], key=lambda t: (t[0], t[2]["release_id"]))
        colour = LANG_COLOURS.get(lang, "#57606a")
        s = Series(language=lang, name=LANG_NATIVE.get(lang, lang), colour=colour,
                   coords=" ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(d, v) for d, v, _ in line)),
                   width=2 if lang == "en" else 3.5, dash="" if lang == "en" else "5 4", hollow=lang != "en")
        previous = None
        for d, v, r in line:
            x, y = xy(d, v)
            q = r.get("qualifier") or "exact"
            shape = SHAPES.get(q, "circle")
            ring = rings.get((lang, str(d)))
            tip = f"{day(d)} · {LANG_NAMES.get(lang, lang)}: {figure(v, q, lang)} — “{r.get('text') or ''}”"
            s.points.append(Point(x=x, y=y, shape=shape, points=_shape(shape, x, y), tip=tip,
                                  ring=SEVERITY_COLOURS.get(ring) if ring else None))
            moved = previous is None or previous != (v, q)
            previous = (v, q)
            # the figure in words where it moves; a Chinese edition only where it says something English did not
            if (moved or ring) and (lang == "en" or (r["release_id"], q, v) not in english):
                below = lang != "en"
                ly = y + 17 if below else y - 9
                for _ in range(4):  # step away from a label already there
                    if any(abs(px - x) < 58 and abs(py - ly) < 12 for px, py in placed):
                        ly += 12 if below else -12
                if ly < 11:  # no room above the plot: write it under the point
                    ly = y + 17
                placed.append((x, ly))
                anchor = "start" if x < LEFT + 30 else "end" if x > W - RIGHT - 40 else "middle"
                words.append(Label(x=x, y=ly, text=figure(v, q, lang), anchor=anchor, lang=lang))
        series.append(s)
    marks = []
    for e, d in echo_pts:
        x, y = xy(d, float(e["value"]))
        source = str(e.get("source") or "other")
        marks.append(EchoMark(x=x, y=y, source=source, letter=source[:1].upper(),
                              colour=VERDICT_COLOURS.get(e.get("verdict"), VERDICT_COLOURS["unknown"]),
                              tip=f"{day(d)} · {source} ({LANG_NAMES.get(e.get('language'), e.get('language'))}): "
                                  f"{figure(float(e['value']), e.get('qualifier'), e.get('language') or 'en')} — "
                                  f"“{e.get('text') or ''}” · {e.get('verdict')}"))
    label_en, label_zh = labels.get(metric, (metric.replace("_", " ").capitalize(), ""))
    anchor = f"chart-{metric}" if subject in (None, DEFAULT_SUBJECT) else f"chart-{metric}--{subject.replace('/', '-')}"
    whose = "" if subject in (None, DEFAULT_SUBJECT) else subject_name(subject)
    return Chart(echoes=marks, metric=metric, subject=subject, anchor=anchor, whose=whose, label_en=label_en, label_zh=label_zh, width=W, height=H, left=LEFT, right=RIGHT,
                 top=TOP, bottom=BOTTOM, x_ticks=x_ticks, y_ticks=y_ticks, series=series, labels=words,
                 first=day(d0), last=day(d1), figures=len(pts))


def _charted_metrics(by_metric: dict[tuple, list]) -> list[tuple]:
    """(metric, subject) to chart: HKSTP's About figures first, then any other metric and subject stated on at
    least three dates with at least two values."""
    def own(key):
        return key[0] in CORE_METRICS and key[1] in (None, DEFAULT_SUBJECT)

    extra = sorted((k for k in by_metric if not own(k)
                    and len({r["published_on"] for r in by_metric[k]}) >= 3
                    and len({r["value"] for r in by_metric[k]}) >= 2), key=lambda k: (k[0], k[1] or ""))
    core = sorted((k for k in by_metric if own(k)), key=lambda k: CORE_METRICS.index(k[0]))
    return core + extra


# the press room's own organisation: its figures are the plain charts and need no "whose"
DEFAULT_SUBJECT = "hkstp"


def subject_name(subject: str | None) -> str:
    """Whose figure, in words: the organisation vocabulary's first English name ("Hong Kong Science Park")."""
    if subject is None:
        return "not said"
    if subject == "other":
        return "another organisation"
    from transforms.context import organisations

    org = organisations(False).get(subject)
    return org.names[0] if org and org.names else subject


# --- the page ---------------------------------------------------------------------------------------------


def _finding_view(f: dict, labels: dict[str, tuple[str, str]]) -> dict:
    en, zh = labels.get(f.get("metric") or "", (None, None))
    if f.get("metric") and en is None:
        en, zh = f["metric"].replace("_", " ").capitalize(), ""
    return {
        **f,
        "label_en": en,
        "label_zh": zh,
        "whose": subject_name(f.get("subject")) if f.get("subject") else "",
        "words": describe(f),
        "colour": SEVERITY_COLOURS.get(f.get("severity"), "#57606a"),
        "old_figure": figure(f.get("old_value"), f.get("old_qualifier"), f.get("old_language") or "en"),
        "new_figure": figure(f.get("new_value"), f.get("new_qualifier"), f.get("new_language") or "en"),
        "old_day": day(f.get("old_published_on")),
        "new_day": day(f.get("new_published_on")),
        "old_lang": LANG_NATIVE.get(f.get("old_language") or "", f.get("old_language") or ""),
        "new_lang": LANG_NATIVE.get(f.get("new_language") or "", f.get("new_language") or ""),
        "old_href": _link(f.get("old_url")),
        "new_href": _link(f.get("new_url")),
        "old_said": highlight(f.get("old_sentence"), f.get("old_text")),
        "new_said": highlight(f.get("new_sentence"), f.get("new_text")),
    }


# one change seen in several language timelines makes one line of the summary
_SAME_CHANGE = ("check_name", "severity", "metric", "subject", "old_value", "new_value", "old_qualifier",
                "new_qualifier", "old_published_on", "new_published_on")


def headline(findings: list[dict]) -> list[dict]:
    """The critical and warning findings, worst first, one line each; a change that English and Chinese releases
    both show is one line naming both."""
    groups: dict[tuple, list[dict]] = {}
    for f in findings:
        if f.get("severity") not in HEADLINE_SEVERITIES:
            continue
        timeline = f.get("check_name") in ("figure_changed", "qualifier_changed", "figure_conflict")
        key = tuple(f.get(k) for k in _SAME_CHANGE) if timeline else (f["finding_id"],)
        groups.setdefault(key, []).append(f)
    lines = []
    for same in groups.values():
        languages = sorted({f.get("language") or "" for f in same}, key=lambda c: (c != "en", c))
        lines.append({**same[0], "words": describe(same[0], languages if len(same) > 1 else None)})
    return lines


def _link(url: str | None) -> str | None:
    """Only web addresses become links (a javascript: or data: URL from a hostile page stays text)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("flows", "templates"), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def render_report(data: dict) -> str:
    """The report's HTML from `warehouse.report_data`."""
    labels = _labels(data.get("metrics", []))
    findings = [_finding_view(f, labels) for f in data.get("findings", [])]
    by_metric: dict[tuple, list] = defaultdict(list)  # one chart per metric and subject
    for row in data.get("timelines", []):
        # a figure loaded before subjects were read is drawn with the press room's own, as it was compared
        by_metric[(row["metric"], row.get("subject") or DEFAULT_SUBJECT)].append(row)
    echoes_by_chart: dict[tuple, list] = defaultdict(list)  # other sources' statements, on their subject's chart
    for e in data.get("echoes", []):
        echoes_by_chart[(e["metric"], e.get("subject") or DEFAULT_SUBJECT)].append(e)
    charts = [c for c in (build_chart(m, by_metric[(m, s)], findings, labels, s, echoes_by_chart.get((m, s)))
                          for m, s in _charted_metrics(by_metric)) if c]
    summary = headline(findings)
    totals = data.get("totals", {})
    return _environment().get_template("report.html.j2").render(
        generated=day(data.get("generated_at")) + " " + str(data.get("generated_at") or "")[11:16] + " UTC",
        source=data.get("source", ""),
        totals=totals,
        last_check=day(totals.get("last_check_at")),
        headline=summary,
        others=sum(f.get("severity") not in HEADLINE_SEVERITIES for f in findings),
        findings=findings,
        charts=charts,
        problems=data.get("problems", []),
        languages=[(LANG_NATIVE[k], LANG_COLOURS[k], k != "en") for k in LANG_NATIVE],
        shapes=[("exact", "circle", _shape("circle", 10, 8)), ("over, at least", "up", _shape("up", 10, 8)),
                ("about", "diamond", _shape("diamond", 10, 8)), ("nearly, under, up to", "down", _shape("down", 10, 8))],
        severity_colours=SEVERITY_COLOURS,
        verdict_colours=VERDICT_COLOURS if data.get("echoes") else {},
    )


def write_report(db: Path, out: Path) -> Path:
    data = warehouse.report_data(db)
    data.setdefault("generated_at", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    data["source"] = str(db)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(data), encoding="utf-8")
    return out
