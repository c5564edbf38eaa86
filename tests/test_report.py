"""The HTML report a user opens: charts per metric, findings with their sentences, problems; hostile release
text renders as text. And the progress bars of `run`, which --quiet silences."""

from __future__ import annotations

import re
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
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in html
    assert not re.search(r"""(src|href)=["']?https?://(?!www\.hkstp\.org)""", html)  # nothing fetched from a CDN
    assert html.count("<svg") >= 1 and "tech_companies" in html
    assert "figure_changed" in html and "1,700" in html and "1,800" in html
    assert "no release title found" in html  # the parse problem is listed


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
