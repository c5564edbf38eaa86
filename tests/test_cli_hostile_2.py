"""The command line against hostile input, round 2 (issue 24): page text that tries to drive the terminal or a
spreadsheet, settings out of range, an endless query, Ctrl-C, a reader holding the file, a read-only or full
warehouse. What the user sees: the data shown as written (never interpreted), one line saying what is wrong and
what to do, exit 2 (130 for Ctrl-C), and the warehouse still answering afterwards."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import warehouse
from flows.cli import main
from warehouse.testing import claim, document

EXE = Path(sys.executable).with_name("hkstp-monitor")
# What a page could hold: OSC 52 (sets the clipboard), ESC[2J (clears the screen), BEL, rich markup, a formula.
HOSTILE_TITLE = ('=HYPERLINK("http://evil.example/?x","open") \x1b]52;c;aGVsbG8=\x07 [/bold] '
                 "[link=http://evil.example]click[/link] \x1b[2J done")
HOSTILE_TEXT = "over 1,800 [red]technology companies\x1b[2J"
LONG_QUERY = "select count(*) from range(100000000000) as a(x), range(100000) as b(y) where a.x * b.y = -1"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "HKSTP_"))}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    """A warehouse whose releases and claims hold hostile text, with a finding about them."""
    db = tmp_path_factory.mktemp("hostile") / "w.duckdb"
    first = document("first", "en", "2024-06-01", [claim("tech_companies", 1800, text=HOSTILE_TEXT)],
                     title=HOSTILE_TITLE)
    second = document("second", "en", "2024-06-20", [claim("tech_companies", 1500, text="1,500 companies")],
                      title="-2+3 @SUM(A1) plain")
    warehouse.load_documents(db, [first, second])
    warehouse.run_checks(db)
    return db


def _assert_nothing_for_the_terminal(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text, repr(text[:300])


def test_sql_prints_page_text_as_written_never_as_terminal_codes_or_markup(hostile_db, capsys):
    code, out, err = run_cli(capsys, "sql", "select title from releases order by title", "--db", str(hostile_db))
    assert (code, err) == (0, "")
    _assert_nothing_for_the_terminal(out)
    flat = " ".join(out.split())
    assert "[/bold]" in flat and "[link=http://evil.example]click[/link]" in flat
    assert "\u241b]52;c;aGVsbG8=\u2407" in flat  # ESC and BEL shown as their pictures, visibly
    assert "2 row(s)" in out


def test_findings_and_extract_print_hostile_text_without_interpreting_it(hostile_db, tmp_path, capsys):
    code, out, err = run_cli(capsys, "findings", "--db", str(hostile_db))
    assert code == 0 and "figure_changed" in out, err
    _assert_nothing_for_the_terminal(out)

    code, out, err = run_cli(capsys, "extract", "--text", f"HKSTP is home to {HOSTILE_TEXT} [/bold].")
    assert code == 0, err  # no MarkupError
    _assert_nothing_for_the_terminal(out)
    assert "over 1,800" in out

    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>t</title></head><body><article><h1>{HOSTILE_TITLE}</h1>"
                    "<p>(Hong Kong, 3 June 2024) – The park said it is now home to over 1,800 technology companies"
                    " from 26 countries and regions, and that more are arriving every month.</p>"
                    "<p>It added that a second shared workshop opens next year for hardware teams.</p>"
                    "</article></body></html>", encoding="utf-8")
    code, out, err = run_cli(capsys, "extract", str(page))
    assert code == 0, err
    _assert_nothing_for_the_terminal(out)
    assert "[/bold]" in out


def test_csv_export_neutralises_cells_a_spreadsheet_would_run(hostile_db, tmp_path, capsys):
    code, _, err = run_cli(capsys, "export", str(tmp_path / "out"), "--format", "csv", "--db", str(hostile_db))
    assert code == 0, err
    with (tmp_path / "out" / "releases.csv").open(encoding="utf-8", newline="") as fh:
        titles = sorted(r["title"] for r in csv.DictReader(fh))
    assert titles == ["'-2+3 @SUM(A1) plain", "'" + HOSTILE_TITLE]
    with (tmp_path / "out" / "findings.csv").open(encoding="utf-8", newline="") as fh:
        changes = [r["change_pct"] for r in csv.DictReader(fh) if r["check_name"] == "figure_changed"]
    assert changes and changes[0].startswith("-16.6")  # a negative number stays a number


@pytest.mark.parametrize("setting, allowed", [
    ("HKSTP_BATCH_SIZE=0", "greater than or equal to 1"),
    ("HKSTP_MAX_BYTES=0", "greater than or equal to 1024"),
    ("HKSTP_RESPONSE_DEADLINE_S=0", "greater than 0"),
    ("HKSTP_MIN_GAP_S=-1", "greater than or equal to 0"),
    ("HKSTP_MIN_GAP_S=abc", "a valid number"),
])
def test_a_setting_out_of_range_stops_at_start_with_one_line(tmp_path, setting, allowed):
    name, value = setting.split("=")
    proc = subprocess.run([str(EXE), "run", "--db", str(tmp_path / "w.duckdb"), "--base-url", "http://127.0.0.1:9"],
                          env=_env(**{name: value}), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"error: {name}={value}: must be {proc.stderr.split('must be ')[1].strip()}"]
    assert allowed in proc.stderr and "Traceback" not in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "w.duckdb").exists()  # stopped before any work


def test_an_endless_query_is_stopped_at_the_time_limit(hostile_db):
    started = time.monotonic()
    proc = subprocess.run([str(EXE), "sql", LONG_QUERY, "--db", str(hostile_db)], env=_env(HKSTP_SQL_TIMEOUT_S="1"),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and time.monotonic() - started < 60
    assert proc.stderr.strip().splitlines() == [
        "error: the query ran longer than 1s and was stopped (HKSTP_SQL_TIMEOUT_S); narrow it (a WHERE, a LIMIT) "
        "or raise the limit"]
    assert warehouse.query(hostile_db, "select count(*) from releases")[1] == [(2,)]  # unharmed, and free


def test_ctrl_c_stops_sql_with_one_line(hostile_db):
    for _ in range(3):  # the issue saw Ctrl-C missed in 4 of 11 tries
        proc = subprocess.Popen([str(EXE), "sql", LONG_QUERY, "--db", str(hostile_db)], env=_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2.5)  # the query is running
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 130, err
        assert err.strip().splitlines() == ["interrupted"] and out == ""
    assert warehouse.query(hostile_db, "select count(*) from releases")[1] == [(2,)]


def test_a_writer_waiting_on_a_reader_says_a_reader_holds_the_file(hostile_db):
    reader = subprocess.Popen([str(EXE), "sql", LONG_QUERY, "--db", str(hostile_db)], env=_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(2.5)
        proc = subprocess.run([str(EXE), "check", "--db", str(hostile_db)], env=_env(HKSTP_DB_WRITE_TIMEOUT="1"),
                              capture_output=True, text=True, timeout=120)
    finally:
        reader.send_signal(signal.SIGINT)
        reader.communicate(timeout=30)
    assert proc.returncode == 2
    last = proc.stderr.strip().splitlines()[-1]
    assert "a reader (`hkstp-monitor sql`" in last and f"process {reader.pid}" in last, proc.stderr
    assert "monitor run has finished" not in last


def test_a_read_only_warehouse_is_called_read_only_not_damaged(hostile_db, tmp_path):
    db = tmp_path / "ro.duckdb"
    db.write_bytes(hostile_db.read_bytes())
    if os.geteuid() == 0:  # root writes through a mode of 0444: make the file immutable instead
        if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
            pytest.skip("running as root where chattr +i is not allowed")
    else:
        db.chmod(0o444)
    try:
        proc = subprocess.run([str(EXE), "check", "--db", str(db)], env=_env(), capture_output=True, text=True,
                              timeout=120)
        reads = subprocess.run([str(EXE), "sql", "select count(*) as n from releases", "--db", str(db)], env=_env(),
                               capture_output=True, text=True, timeout=120)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(db)], capture_output=True)
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert "is read-only here" in line and "move it aside" not in line
    assert reads.returncode == 0 and "1 row(s)" in reads.stdout  # reading it still works


def test_a_full_disk_gives_one_line_and_loses_nothing(hostile_db, capsys):
    code, out, err = run_cli(capsys, "report", "--out", "/dev/full", "--db", str(hostile_db))
    assert code == 2 and out == ""
    assert err.startswith("error: no space left on device at ") and "nothing loaded was lost" in err
    assert len(err.strip().splitlines()) == 1
    assert warehouse.query(hostile_db, "select count(*) from releases")[1] == [(2,)]


def test_a_review_note_is_cut_at_its_limit_with_a_mark():
    from flows.review import MAX_NOTE_CHARS, NOTE_CUT_MARK, Decision

    note = Decision(finding_id="abc", decision="wrong", note="the release says 1,800. " * 50_000).note
    assert len(note) == MAX_NOTE_CHARS + len(NOTE_CUT_MARK) and note.endswith(NOTE_CUT_MARK)
    assert Decision(finding_id="abc", decision="wrong", note="short").note == "short"


def test_jsonl_lines_orjson_cannot_write_go_through_json(capsys):
    from flows.display import write_jsonl

    write_jsonl([{"id": "a", "claims": [{"value": 10**30, "text": "十億億億"}]}, {"id": "b", "claims": []}])
    out = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["id"] for x in out] == ["a", "b"] and json.loads(out[0])["claims"][0]["value"] == 10**30


@pytest.mark.slow
def test_a_failed_run_prints_no_prefect_traceback_above_its_one_line_error(tmp_path):
    profile = tmp_path / "broken.yaml"
    profile.write_text("name: broken\nsite: {}\n", encoding="utf-8")
    env = _env(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="300")
    proc = subprocess.run([str(EXE), "run", "--db", str(tmp_path / "w.duckdb"), "--base-url", "http://127.0.0.1:9",
                           "--profile", str(profile)], env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and 'File "' not in proc.stderr, proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith(f"error: {profile}: site.base_url")


def test_the_demos_echo_lines_print_page_text_as_written(capsys):
    """The demo prints both sentences of each echo finding: text from pages, so no escape reaches the terminal and
    no rich markup in it is read."""
    from flows.demo import print_echoes

    print_echoes([{"check_name": "echo_stale", "severity": "warning", "metric": "tech_companies",
                   "finding_id": "abcdef123456", "old_published_on": "2025-01-01",
                   "old_sentence": "HKSTP has [bold]over[/bold] 2,200 \x1b[2J companies", "old_url": "http://x/[link=y]z",
                   "new_published_on": "2025-02-01", "new_text": "over 1,700", "new_url": None}])
    out = capsys.readouterr().out
    assert "\x1b[2J" not in out and "␛[2J" in out
    assert "[bold]over[/bold] 2,200" in out and "[link=y]" in out
