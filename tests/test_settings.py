"""One settings class: every knob is a field of flows/settings.py, listed in the README's table with its
default, and the warehouse gets its values from the flows (it reads no environment)."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

import warehouse
from flows.settings import DEFAULTS, MonitorSettings, get_settings

REPO = Path(__file__).resolve().parents[1]


def _readme_settings_table() -> dict[str, str]:
    """variable -> default cell, from the table under '### Settings' in the README."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Settings", 1)[1].split("\n#", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].startswith("`HKSTP_"):
            for name in re.findall(r"`(HKSTP_[A-Z0-9_]+)`", cells[0]):
                rows[name] = cells[1]
    return rows


def test_every_setting_is_in_the_readme_table_and_every_row_is_a_setting():
    fields = {f"HKSTP_{name.upper()}" for name in MonitorSettings.model_fields}
    table = _readme_settings_table()
    assert sorted(fields - set(table)) == [], "settings missing from the README table"
    assert sorted(set(table) - fields) == [], "README rows that are no setting"


def test_the_readme_gives_each_numeric_default_as_the_class_has_it():
    table = _readme_settings_table()
    for name, field in MonitorSettings.model_fields.items():
        if isinstance(field.default, (int, float)) and not isinstance(field.default, bool):
            shown = table[f"HKSTP_{name.upper()}"].strip("`").replace(",", "")
            assert float(shown) == float(field.default), name


def test_each_field_has_its_one_line_comment():
    source = (REPO / "flows" / "settings.py").read_text(encoding="utf-8")
    for name in MonitorSettings.model_fields:
        line = next(x for x in source.splitlines() if re.match(rf"\s+{name}: ", x))
        assert "  # " in line, f"{name} has no comment"


def test_the_old_environment_names_still_work(monkeypatch):
    for var, value in {"HKSTP_DB_READ_TIMEOUT": "7", "HKSTP_DB_WRITE_TIMEOUT": "9", "HKSTP_DB": "x/y.duckdb",
                       "HKSTP_TRANSLATION_TOLERANCE_PCT": "5", "HKSTP_CONFLICT_WINDOW_DAYS": "14",
                       "HKSTP_CRITICAL_DECREASE_PCT": "25"}.items():
        monkeypatch.setenv(var, value)
    s = get_settings()
    assert (s.db_read_timeout, s.db_write_timeout, str(s.db)) == (7.0, 9.0, "x/y.duckdb")
    assert s.check_settings() == warehouse.CheckSettings(
        conflict_window_days=14, critical_decrease_pct=25.0, translation_tolerance_pct=5.0)


def test_the_warehouse_reads_no_environment_but_takes_what_the_flows_hand_it(monkeypatch):
    monkeypatch.setenv("HKSTP_CONFLICT_WINDOW_DAYS", "14")
    monkeypatch.setenv("HKSTP_DB_READ_TIMEOUT", "3")
    assert warehouse.CheckSettings().conflict_window_days == 7  # a plain dataclass: the environment is not its
    from warehouse import db

    saved = asdict(db.LOCK_WAITS)
    try:
        get_settings().configure_warehouse()
        assert (db.LOCK_WAITS.read_s, db.LOCK_WAITS.write_s) == (3.0, 300.0)
    finally:
        db.set_lock_waits(saved["read_s"], saved["write_s"])
    for module in (REPO / "warehouse").glob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "os.environ" not in text and "getenv" not in text and "pydantic_settings" not in text, module.name


def test_warehouse_defaults_are_the_settings_defaults():
    # the warehouse's own defaults serve callers that pass nothing (tests, notebooks); they must not drift
    assert warehouse.CheckSettings() == DEFAULTS.check_settings()
    from warehouse.db import LockWaits

    assert (LockWaits().read_s, LockWaits().write_s) == (DEFAULTS.db_read_timeout, DEFAULTS.db_write_timeout)


def test_the_command_line_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("HKSTP_DB", "from-env.duckdb")
    assert str(get_settings(db="elsewhere.duckdb").db) == "elsewhere.duckdb"
    assert str(get_settings(db=None).db) == "from-env.duckdb"
