"""The report as a person sees it: the sample warehouse's report opened in headless Chromium. What the page shows
(the summary, a chart per metric with its names in both languages, the findings with their marked sentences) is
read from the rendered DOM; the screenshot, kept in data/screenshots/report.png, must show a page, not a blank."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import warehouse
from conftest import png_colours
from flows.report import CORE_METRICS, SEVERITY_COLOURS, write_report
from transforms.metrics import load_vocabulary

REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "data" / "screenshots"

pytestmark = pytest.mark.browser


def _section(dom: str, name: str) -> str:
    return dom.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0]


def _plain(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def test_report_in_chromium_shows_summary_charts_and_marked_sentences(sample_warehouse, chromium, tmp_path):
    db = sample_warehouse["db"]
    report = write_report(db, tmp_path / "report.html")
    dom = chromium.dom(report.as_uri())
    shown = warehouse.report_data(db)["findings"]
    vocab = load_vocabulary()

    # what changed: one line per critical or warning change, in words, naming the metric in both languages
    summary = _section(dom, "summary")
    lines = [_plain(li) for li in re.findall(r"<li\b.*?</li>", summary, flags=re.S)]
    serious = [f for f in shown if f["severity"] in ("critical", "warning")]
    assert 0 < len(lines) <= len(serious)
    for f in serious:
        if f["metric"]:
            m = vocab[f["metric"]]
            assert any(m.label_en.lower() in line.lower() and m.label_zh in line for line in lines), (f, lines)
    assert not any("info" == line.split()[0] for line in lines)

    # a chart per About metric the warehouse holds: both names, a date axis, qualifier words where figures move
    _, rows = warehouse.query(db, "select distinct metric from metric_timeline")
    held = {r[0] for r in rows}
    for key in [k for k in CORE_METRICS if k in held]:
        chart = dom.split(f'<figure id="chart-{key}">', 1)[1].split("</figure>", 1)[0]
        caption = _plain(chart.split("</figcaption>", 1)[0])
        assert vocab[key].label_en.lower() in caption.lower() and vocab[key].label_zh in caption, caption
        assert "<svg" in chart and "<polyline" in chart
        assert re.search(r">20\d\d</text>", chart), f"no year on the time axis of {key}"
    tech = dom.split('<figure id="chart-tech_companies">', 1)[1].split("</figure>", 1)[0]
    assert re.search(r">over [\d,]+</text>", tech) and re.search(r">about [\d,]+</text>", tech)

    # every finding the report keeps has its row, its old and new sentence with the figure marked
    findings = _section(dom, "findings")
    rows_shown = re.findall(r'<tr id="f-([0-9a-f]+)"', findings)
    assert sorted(rows_shown) == sorted(f["finding_id"] for f in shown)
    marks = [m for m in re.findall(r"<mark>(.*?)</mark>", findings, flags=re.S) if m.strip()]
    assert len(marks) >= 2 * len(shown) - 2  # a figure only added or removed by a revision has one side

    # and the page is drawn: mostly white with text, the critical badge in its red (inline styles pass the CSP)
    png = chromium.screenshot(report.as_uri(), SCREENSHOTS / "report.png")
    ink, colours = png_colours(png)
    assert 0.02 < ink < 0.9 and len(colours) > 50, (ink, len(colours))
    red = bytes.fromhex(SEVERITY_COLOURS["critical"][1:])
    assert any(f["severity"] == "critical" for f in shown) <= (red in colours)
