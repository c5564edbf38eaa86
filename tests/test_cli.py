"""The command line as a user meets it: the JSON contracts of DESIGN.md, clear errors, no stack traces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


from flows.cli import main

REPO = Path(__file__).resolve().parents[1]


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_extract_text_json_contract(capsys):
    code, out, _ = run_cli(capsys, "extract", "--json", "--text",
                           "HKSTP supports around 1,700 technology companies from 26 countries and regions.")
    assert code == 0
    doc = json.loads(out)
    assert doc["release"] is None
    companies = [c for c in doc["claims"] if c["metric"] == "tech_companies"]
    assert companies and companies[0]["value"] == 1700 and companies[0]["qualifier"] == "about"
    assert set(companies[0]) >= {"metric", "value", "value_high", "qualifier", "kind", "unit", "currency", "text",
                                 "sentence", "section"}
    assert any(c["metric"] == "countries_regions" and c["value"] == 26 for c in doc["claims"])


def test_extract_chinese_text_gives_the_same_claim(capsys):
    code, out, _ = run_cli(capsys, "extract", "--json", "--text", "科技園匯聚約1,700間科技公司。")
    assert code == 0
    claim = [c for c in json.loads(out)["claims"] if c["metric"] == "tech_companies"][0]
    assert (claim["value"], claim["qualifier"]) == (1700, "about")


def test_extract_jsonl_keeps_order(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in [
            {"id": "b", "text": "The fund has HK$1 billion."},
            {"id": "a", "text": "逾10家獨角獸企業", "language": "zh-hant"},
            {"id": "c", "text": "No figures here."},
        ]),
        encoding="utf-8",
    )
    code, out, _ = run_cli(capsys, "extract", "--jsonl", str(src))
    assert code == 0
    lines = [json.loads(x) for x in out.strip().splitlines()]
    assert [x["id"] for x in lines] == ["b", "a", "c"]
    money = lines[0]["claims"][0]
    assert (money["value"], money["currency"], money["kind"]) == (1_000_000_000, "HKD", "money")
    assert (lines[1]["claims"][0]["value"], lines[1]["claims"][0]["qualifier"]) == (10, "over")
    assert lines[2]["claims"] == []


def test_extract_file_prints_release_fields(tmp_path, capsys):
    page = REPO / "samples" / "site" / "A"
    htmls = sorted(p for p in page.rglob("index.html") if "news-room" in p.parts and "page" not in p.parts
                   and p.parent.name != "news-room")
    assert htmls, "sample site has news-room releases"
    code, out, _ = run_cli(capsys, "extract", "--json", str(htmls[0]))
    assert code == 0
    doc = json.loads(out)
    assert doc["release"]["title"] and doc["release"]["published_on"]
    assert doc["release"]["language"] in ("en", "zh-hant", "zh-hans")


def test_extract_missing_file_is_a_clear_error(tmp_path, capsys):
    code, _, err = run_cli(capsys, "extract", str(tmp_path / "nope.html"))
    assert code == 2
    assert "cannot read" in err and "Traceback" not in err


def test_sql_refuses_writes_and_ingest_loads_files(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    doc = tmp_path / "release.txt"
    doc.write_text(
        "HKSTP Opens a New Lab\n\n(Hong Kong, 3 March 2025) – HKSTP opened a lab for more than 50 park companies.\n\n"
        "About Hong Kong Science and Technology Parks Corporation\n\nHKSTP supports over 14 unicorns with more than "
        "15,000 research professionals and over 2,200 technology companies from 25 countries and regions.\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "ingest", "--db", str(db), "--json", str(doc))
    assert code == 0, err
    assert json.loads(out)["documents"] == 1
    code, out, _ = run_cli(capsys, "sql", "--db", str(db), "--json",
                           "select metric, value from claims where metric = 'tech_companies' and section = 'about'")
    assert json.loads(out) == [{"metric": "tech_companies", "value": 2200}]
    code, _, err = run_cli(capsys, "sql", "--db", str(db), "drop table claims")
    assert code == 2 and "read-only" in err.lower()


def test_unknown_finding_id_is_a_clear_error(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    import warehouse

    warehouse.migrate(db)
    code, _, err = run_cli(capsys, "ack", "--db", str(db), "deadbeef")
    assert code == 2 and "deadbeef" in err


def test_console_script_is_installed():
    exe = Path(sys.executable).with_name("hkstp-monitor")
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    for command in ("run", "demo", "ingest", "extract", "check", "findings", "report", "sql", "serve"):
        assert command in out.stdout


def test_findings_listing_filters_and_mute(tmp_path, capsys):
    import warehouse
    from warehouse.testing import claim, document

    db = tmp_path / "f.duckdb"
    warehouse.migrate(db)
    warehouse.load_documents(db, [
        document("r1", "en", "2024-01-10", [claim("unicorns", 14)]),
        document("r2", "en", "2024-03-10", [claim("unicorns", 10, "over")]),
        document("r3", "en", "2024-05-10", [claim("tech_companies", 1700, "about")]),
        document("r4", "en", "2024-07-10", [claim("tech_companies", 1800, "about")]),
    ])
    warehouse.run_checks(db)
    code, out, _ = run_cli(capsys, "findings", "--db", str(db), "--json")
    listed = json.loads(out)
    assert code == 0 and {(f["metric"], f["severity"]) for f in listed if f["check_name"] == "figure_changed"} == {
        ("unicorns", "critical"), ("tech_companies", "info")}
    critical = json.loads(run_cli(capsys, "findings", "--db", str(db), "--json", "--severity", "critical")[1])
    assert [f["metric"] for f in critical] == ["unicorns"]
    run_cli(capsys, "mute", "--db", str(db), critical[0]["finding_id"][:6])
    assert all(f["finding_id"] != critical[0]["finding_id"]
               for f in json.loads(run_cli(capsys, "findings", "--db", str(db), "--json")[1]))
    muted = [f for f in json.loads(run_cli(capsys, "findings", "--db", str(db), "--json", "--all")[1])
             if f["finding_id"] == critical[0]["finding_id"]]
    assert muted[0]["status"] == "muted"


def test_findings_piped_to_another_program_keep_one_line_each(tmp_path):
    """stdout is a pipe (a log, CI, `| grep`): each finding is one whole line, not fragments wrapped at 80 columns."""
    import os

    import warehouse
    from warehouse.testing import claim, document

    db = tmp_path / "pipe.duckdb"
    warehouse.migrate(db)
    warehouse.load_documents(db, [
        document("r1", "en", "2024-07-19", [claim("countries_regions", 28)]),
        document("r1", "zh-hant", "2024-07-19", [claim("countries_regions", 26)]),
        document("r2", "en", "2025-03-17", [claim("countries_regions", 25, "about")]),
    ])
    warehouse.run_checks(db)
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE")}
    out = subprocess.run([sys.executable, "-m", "flows.cli", "findings", "--db", str(db)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    wanted = {
        "translation_mismatch": ["countries_regions", "en/zh-hant", "28 -> 26", "2024-07-19 -> 2024-07-19", "open"],
        "figure_changed": ["countries_regions", "critical", "28 -> ~25", "2024-07-19 -> 2025-03-17", "open"],
    }
    for check, parts in wanted.items():
        lines = [line for line in out.stdout.splitlines() if check in line]
        assert len(lines) == 1 and all(p in lines[0] for p in parts), out.stdout
    assert max(len(line) for line in out.stdout.splitlines()) > 80  # written at full width, not cut at 80
    assert "\x1b[" not in out.stdout  # and without terminal colour codes


def test_a_day_that_does_not_exist_is_a_usage_error_that_says_so(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit) as stopped:
        main(["rebuild", "--db", str(tmp_path / "w.duckdb"), "--since", "2025-13-01"])
    assert stopped.value.code == 2
    assert "not a day: '2025-13-01'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["run", "--source", "gia", "--since", "2025-09-01", "--until", "2025-02-30"])
    assert "not a day: '2025-02-30'" in capsys.readouterr().err


def test_rebuild_without_a_warehouse_says_so_before_any_flow_runs(tmp_path, capsys):
    code, _, err = run_cli(capsys, "rebuild", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2
    assert "no warehouse at" in err and "Traceback" not in err
