"""`hkstp-monitor report`: one self-contained HTML file (no scripts, no network) about the warehouse.

A chart per core metric (each language its own line, findings marked on the points), the findings with old
and new sentences side by side, and the pages that could not be fetched or parsed. Every piece of release
text is escaped, so a release that contains markup renders as text.
"""

from __future__ import annotations

import html
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import warehouse

CORE_METRICS = ["tech_companies", "research_professionals", "unicorns", "countries_regions", "startups",
                "community_size"]
LANG_COLOURS = {"en": "#1f6feb", "zh-hant": "#d1242f", "zh-hans": "#8250df"}
SEVERITY_COLOURS = {"critical": "#d1242f", "warning": "#bf8700", "info": "#0969da"}
W, H, PAD = 640, 220, 52


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _num(v) -> str:
    if v is None:
        return ""
    v = float(v)
    return f"{int(v):,}" if v.is_integer() else f"{v:,.2f}"


def _as_date(v) -> date | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def chart_svg(metric: str, points: list[dict], findings: list[dict]) -> str:
    """A line per language; a ringed dot where a finding points at that figure."""
    pts = [(p, _as_date(p["published_on"])) for p in points if p.get("value") is not None]
    pts = [(p, d) for p, d in pts if d]
    if not pts:
        return ""
    days = [d.toordinal() for _, d in pts]
    values = [float(p["value"]) for p, _ in pts]
    x0, x1 = min(days), max(days) or 1
    # Zoom on the figures' own range: a move from 1,700 to 1,800 must be visible, not flattened against zero.
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.15 or max(abs(hi) * 0.05, 1.0)
    y0, y1 = lo - pad, hi + pad
    span_x, span_y = max(1, x1 - x0), max(1e-9, y1 - y0)

    def xy(d: date, v: float) -> tuple[float, float]:
        return (PAD + (d.toordinal() - x0) / span_x * (W - 2 * PAD), H - PAD + 10 - (v - y0) / span_y * (H - 2 * PAD))

    marked = {(f.get("language"), str(_as_date(f.get("new_published_on")))): f for f in findings
              if f.get("metric") == metric and f.get("new_published_on")}
    parts = [f'<svg viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-label="{esc(metric)} over time">',
             f'<line x1="{PAD}" y1="{H - PAD + 10}" x2="{W - PAD}" y2="{H - PAD + 10}" stroke="#888"/>',
             f'<text x="{PAD}" y="{H - 8}" font-size="11">{esc(date.fromordinal(x0))}</text>',
             f'<text x="{W - PAD}" y="{H - 8}" font-size="11" text-anchor="end">{esc(date.fromordinal(x1))}</text>',
             f'<text x="4" y="{xy(date.fromordinal(x0), hi)[1] + 4:.1f}" font-size="11">{esc(_num(hi))}</text>',
             f'<text x="4" y="{xy(date.fromordinal(x0), lo)[1] + 4:.1f}" font-size="11">{esc(_num(lo))}</text>']
    by_lang: dict[str, list] = defaultdict(list)
    for p, d in pts:
        by_lang[p["language"]].append((d, float(p["value"]), p))
    for i, (lang, series) in enumerate(sorted(by_lang.items(), key=lambda kv: kv[0] == "en")):
        series.sort(key=lambda t: t[0])
        colour = LANG_COLOURS.get(lang, "#555")
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(d, v) for d, v, _ in series))
        # English solid on top, Chinese editions dashed and wider beneath, so equal figures stay visible.
        dash = "" if lang == "en" else ' stroke-dasharray="6 4"'
        width = 2 if lang == "en" else 4
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="{width}"{dash} opacity="0.85" '
                     f'points="{coords}"/>')
        parts.append(f'<text x="{W - PAD - 90}" y="{14 + 14 * i}" font-size="11" fill="{colour}">{esc(lang)}</text>')
        for d, v, p in series:
            x, y = xy(d, v)
            tip = f"{d} {lang}: {p.get('qualifier') or ''} {_num(v)} | {p.get('text') or ''}"
            f = marked.get((lang, str(d)))
            if f:
                ring = SEVERITY_COLOURS.get(f.get("severity"), "#000")
                tip += f" | {f.get('check_name')} ({f.get('severity')}): {_num(f.get('old_value'))} -> {_num(f.get('new_value'))}"
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="none" stroke="{ring}" stroke-width="2.5"/>')
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"><title>{esc(tip)}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def render_report(data: dict) -> str:
    timelines = data.get("timelines", [])
    findings = data.get("findings", [])
    problems = data.get("problems", [])
    by_metric: dict[str, list] = defaultdict(list)
    for row in timelines:
        by_metric[row["metric"]].append(row)
    metrics = [m for m in CORE_METRICS if m in by_metric] + sorted(
        m for m in by_metric if m not in CORE_METRICS and len({r["published_on"] for r in by_metric[m]}) >= 3
        and len({r["value"] for r in by_metric[m]}) >= 2
    )
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        "<title>hkstp-monitor report</title><style>",
        "body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px;color:#1f2328}",
        "table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #d0d7de;padding:4px 6px;"
        "vertical-align:top;text-align:left}th{background:#f6f8fa}.sev-critical{color:#d1242f;font-weight:bold}"
        ".sev-warning{color:#9a6700;font-weight:bold}.sev-info{color:#0969da}.charts{display:flex;flex-wrap:wrap;gap:1rem}"
        "figure{margin:0;border:1px solid #d0d7de;padding:.5rem}figcaption{font-weight:bold}",
        "</style></head><body>",
        "<h1>hkstp-monitor report</h1>",
        f"<p>{len(timelines)} figures on {len(by_metric)} metrics; {len(findings)} findings; "
        f"{len(problems)} pages that could not be used. Generated {esc(data.get('generated_at', ''))}.</p>",
        "<h2>Figures over time</h2><p>One line per language; a ringed point carries a finding "
        "(red critical, amber warning, blue info). Hover a point for its sentence.</p><div class='charts'>",
    ]
    for m in metrics:
        svg = chart_svg(m, by_metric[m], findings)
        if svg:
            out.append(f"<figure><figcaption>{esc(m)}</figcaption>{svg}</figure>")
    out.append("</div><h2>Findings</h2>")
    if findings:
        out.append("<table><tr><th>check</th><th>severity</th><th>metric</th><th>lang</th><th>old</th><th>new</th>"
                   "<th>old sentence</th><th>new sentence</th><th>status</th></tr>")
        for f in findings:
            sev = esc(f.get("severity"))
            out.append(
                f"<tr><td>{esc(f.get('check_name'))}</td><td class='sev-{sev}'>{sev}</td><td>{esc(f.get('metric'))}</td>"
                f"<td>{esc(f.get('language'))}</td>"
                f"<td>{esc(f.get('old_qualifier') or '')} {esc(_num(f.get('old_value')))}<br>{esc(f.get('old_published_on'))}</td>"
                f"<td>{esc(f.get('new_qualifier') or '')} {esc(_num(f.get('new_value')))}<br>{esc(f.get('new_published_on'))}</td>"
                f"<td>{esc(f.get('old_text'))}<br><a href='{esc(f.get('old_url'))}'>{esc(f.get('old_url'))}</a></td>"
                f"<td>{esc(f.get('new_text'))}<br><a href='{esc(f.get('new_url'))}'>{esc(f.get('new_url'))}</a></td>"
                f"<td>{esc(f.get('status'))}</td></tr>"
            )
        out.append("</table>")
    else:
        out.append("<p>No findings.</p>")
    out.append("<h2>Pages that could not be used</h2>")
    if problems:
        out.append("<table><tr><th>stage</th><th>url</th><th>reason</th><th>seen</th></tr>")
        for p in problems:
            out.append(f"<tr><td>{esc(p.get('stage'))}</td><td>{esc(p.get('url'))}</td><td>{esc(p.get('reason'))}</td>"
                       f"<td>{esc(p.get('seen_at'))}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>None.</p>")
    out.append("</body></html>")
    return "\n".join(out)


def write_report(db: Path, out: Path) -> Path:
    data = warehouse.report_data(db)
    data.setdefault("generated_at", datetime.now().isoformat(timespec="seconds"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(data), encoding="utf-8")
    return out
