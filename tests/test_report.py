"""The HTML report a user opens: charts per metric, findings with their sentences, problems; hostile release
text renders as text. And the progress bars of `run`, which --quiet silences."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

import warehouse
from flows.cli import main
from flows.loopback import LoopbackServer
from flows.report import write_report
from warehouse.testing import claim, document, parse_failure

SITE_A = Path(__file__).resolve().parents[1] / "samples" / "site" / "A"
HOSTILE = '<script>alert("owned")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def loaded(tmp_path) -> Path:
    db = tmp_path / "r.duckdb"
    warehouse.migrate(db)
    warehouse.load_documents(db, [
        document("r1", "en", "2024-01-10", [claim("tech_companies", 1700, "about")]),
        document("r2", "en", "2024-03-10", [claim("tech_companies", 1800, "about", text=f"1,800 firms {HOSTILE}")]),
        document("r3", "en", "2024-05-10", [claim("tech_companies", 1900, "about")]),
        parse_failure(f"https://www.hkstp.org/news-room/bad/?q={HOSTILE}", reason=f"no release title found {HOSTILE}"),
    ])
    warehouse.run_checks(db)
    return db


def test_report_is_self_contained_and_escapes_release_text(loaded, tmp_path):
    out = write_report(loaded, tmp_path / "report.html")
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;alert(" in html  # the release's markup shows as text
    assert not re.search(r"""(src|href)=["']?https?://(?!www\.hkstp\.org)""", html)  # nothing fetched from a CDN
    assert "default-src 'none'" in html  # the strict CSP stays
    assert html.count("<svg") >= 1 and "Technology companies" in html and "科技公司" in html
    assert "figure_changed" in html and "1,700" in html and "1,800" in html
    assert "no release title found" in html  # the parse problem is listed


@pytest.fixture
def newsworthy(tmp_path) -> Path:
    """A year of About figures in English and Traditional Chinese: a critical fall, a translation slip, a rise,
    a figure said "over" then exact; and one finding a reviewer rejected as a misreading."""
    db = tmp_path / "news.duckdb"
    warehouse.migrate(db)
    en = "Science Park is home to over 1,700 technology companies from 28 countries and regions."
    warehouse.load_documents(db, [
        document("r1", "en", "2024-01-15", [replace(claim("tech_companies", 1700, "over",
                                                          text="over 1,700 technology companies"), sentence=en),
                                            claim("countries_regions", 28, text="28 countries and regions")], body=en),
        document("r1", "zh-hant", "2024-01-15", [claim("countries_regions", 26, text="26個國家及地區")]),
        document("r2", "en", "2024-02-20", [claim("tech_companies", 1800, text="1,800 technology companies"),
                                            claim("countries_regions", 25, text="25 countries and regions")]),
        document("r3", "en", "2024-12-01", [claim("tech_companies", 2200, "over", text="over 2,200 technology companies"),
                                            claim("unicorns", 14)]),
        document("r4", "en", "2025-01-05", [claim("unicorns", 20)]),
    ])
    warehouse.run_checks(db)
    [unicorns] = [f for f in warehouse.list_findings(db) if f["metric"] == "unicorns"]
    with warehouse.write_connection(db) as con:  # what `review` does when someone answers "wrong"
        con.execute("update core.findings set status = 'rejected' where finding_id = ?", [unicorns["finding_id"]])
    return db


def _section(html: str, name: str) -> str:
    return html.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0]


def test_report_opens_with_what_changed_in_words(newsworthy, tmp_path):
    html = write_report(newsworthy, tmp_path / "report.html").read_text(encoding="utf-8")
    summary = _section(html, "summary")
    lines = re.findall(r"<li.*?</li>", summary, flags=re.S)
    text = [re.sub(r"<[^>]+>", "", line).split() for line in lines]
    words = [" ".join(t) for t in text]
    # the critical fall and the translation slip, one line each, in words, worst first; the rise (info) is not here
    assert len(words) == 2, words
    assert words[0].startswith("critical Countries and regions 國家及地區 fell from 28 to 25 (-10.7%)"), words[0]
    assert "the English edition says 28, the Traditional Chinese edition 26" in words[1]
    assert "rose" not in summary and "smaller change" in summary
    # a finding rejected as a misreading appears nowhere
    assert "Unicorns" not in _section(html, "findings") and "from 14 to 20" not in html


def test_charts_place_figures_by_date_with_names_and_qualifiers(newsworthy, tmp_path):
    html = write_report(newsworthy, tmp_path / "report.html").read_text(encoding="utf-8")
    chart = html.split('<figure id="chart-tech_companies">', 1)[1].split("</figure>", 1)[0]
    assert "Technology companies" in chart and "科技公司" in chart
    # points spaced by date: Jan 15 -> Feb 20 (36 days) is a much shorter step than Feb 20 -> Dec 1 (285 days)
    tips = re.findall(r'<g class="point"><title>([^<]*)</title>', chart)
    assert len(tips) == 3, tips
    shapes = re.findall(r'<g class="point">.*?</g>', chart, flags=re.S)
    x = [_x_of(s) for s in shapes]
    assert x[0] < x[1] < x[2]
    assert (x[2] - x[1]) / (x[1] - x[0]) == pytest.approx(285 / 36, rel=0.02)
    # a date axis: under a year of figures, quarters
    assert re.findall(r'text-anchor="middle" fill="#57606a">([^<]+)</text>', chart) == [
        "2024", "Apr 2024", "Jul 2024", "Oct 2024"]
    # qualifiers written where the figure moves, and drawn: a triangle for "over", a dot for an exact figure
    labels = re.findall(r'font-weight="600"[^>]*>([^<]+)</text>', chart)
    assert labels == ["over 1,700", "1,800", "over 2,200"], labels
    assert "<polygon" in shapes[0] and "<polygon" not in shapes[1]
    # the Chinese edition's figure that English did not state is labelled in Chinese words
    countries = html.split('<figure id="chart-countries_regions">', 1)[1].split("</figure>", 1)[0]
    assert "26" in re.findall(r'lang="zh-Hant">([^<]+)</text>', countries)
    assert 'stroke="#cf222e" stroke-width="2.5"' in countries  # the critical finding is ringed in red


def _x_of(shape: str) -> float:
    """x of a point's marker: a dot's centre, or the apex of a triangle or diamond (drawn from the point)."""
    return float(re.search(r'<circle cx="([\d.]+)"[^>]*r="4"|<polygon points="([\d.]+),', shape).group(1) or
                 re.search(r'<polygon points="([\d.]+),', shape).group(1))


def test_findings_show_old_and_new_sentences_with_the_figure_marked(newsworthy, tmp_path):
    html = write_report(newsworthy, tmp_path / "report.html").read_text(encoding="utf-8")
    findings = _section(html, "findings")
    assert ("Science Park is home to <mark>over 1,700 technology companies</mark> from 28 countries and regions."
            in findings)
    assert "<mark>26個國家及地區</mark>" in findings
    assert len(re.findall(r'<tr id="f-', findings)) == 4  # rejected one left out


@pytest.mark.usefixtures("prefect_harness")
def test_run_shows_stage_progress_and_quiet_silences_it(tmp_path, capsys):
    with LoopbackServer(root=SITE_A) as site:
        code = main(["run", "--base-url", site.base_url, "--db", str(tmp_path / "p.duckdb"), "--min-gap", "0"])
        shown = capsys.readouterr().out
        code_quiet = main(["run", "--base-url", site.base_url, "--db", str(tmp_path / "p.duckdb"), "--min-gap", "0",
                           "--quiet"])
        quiet = capsys.readouterr().out
    assert code == code_quiet == 0
    for stage in ("fetch", "parse", "load", "check"):
        assert re.search(rf"{stage}\b.*\d+/\d+", shown), shown[-2000:]
    assert not re.search(r"fetch\b.*\d+/\d+", quiet)
    assert "new findings" in quiet  # the one-line outcome is still printed


def test_one_chart_per_metric_and_subject_and_each_finding_says_whose(tmp_path):
    """The Science Park's own count is its own chart beside HKSTP's, and its finding names the Science Park."""
    db = tmp_path / "subjects.duckdb"
    warehouse.migrate(db)

    def said(value, subject):
        c = claim("tech_companies", value, "over", text=f"over {value} technology companies")
        c.subject, c.scope = subject, "standing"
        return c

    warehouse.load_documents(db, [
        document(f"r{i}", "en", day, [said(hkstp, "hkstp"), said(park, "hkstp/science-park")])
        for i, (day, hkstp, park) in enumerate([("2023-01-10", 1400, 1000), ("2023-06-10", 1500, 1000),
                                                 ("2023-12-10", 1500, 1100)])
    ])
    warehouse.run_checks(db)
    html = write_report(db, tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<figure id="chart-tech_companies">' in html
    park_chart = html.split('<figure id="chart-tech_companies--hkstp-science-park">', 1)[1].split("</figure>", 1)[0]
    assert "Hong Kong Science Park" in park_chart and "1,100" in park_chart and "1,500" not in park_chart
    rows = html.split('<section id="findings">', 1)[1]
    assert "whose: Hong Kong Science Park" in rows and "whose: Hong Kong Science and Technology Parks Corporation" in rows
