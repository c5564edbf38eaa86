"""Two processes: the monitor holding the write connection, and an analyst's reader that waits, then answers."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import warehouse
from transforms.errors import WarehouseBusy
from warehouse.testing import claim, document

PYTHON = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "python"
if not PYTHON.exists():
    PYTHON = Path(sys.executable)


def start_writer(db: Path, hold_s: float, flag: Path) -> subprocess.Popen:
    """A process that opens the write connection, loads a release, and holds the file `hold_s` seconds."""
    code = textwrap.dedent(f"""
        import time
        from pathlib import Path
        import warehouse
        from warehouse.testing import claim, document
        with warehouse.write_connection({str(db)!r}) as con:
            Path({str(flag)!r}).write_text("holding")
            time.sleep({hold_s})
        warehouse.load_documents({str(db)!r}, [document("r2", "en", "2024-03-01", [claim("unicorns", 12, "over")])])
    """)
    return subprocess.Popen([str(PYTHON), "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(flag: Path, proc: subprocess.Popen) -> None:
    for _ in range(600):
        if flag.exists():
            return
        if proc.poll() is not None:
            raise AssertionError(f"writer died: {proc.stderr.read()}")
        time.sleep(0.05)
    raise AssertionError("writer never took the lock")


def test_reader_waits_with_a_message_then_answers(tmp_path, capfd):
    db = tmp_path / "wh.duckdb"
    warehouse.load_documents(db, [document("r1", "en", "2024-02-28", [claim("unicorns", 10, "over")])])
    flag = tmp_path / "holding"
    writer = start_writer(db, 1.5, flag)
    try:
        wait_for(flag, writer)
        cols, rows = warehouse.query(db, "select count(*) from releases", timeout=60)
    finally:
        writer.wait(60)
    assert writer.returncode == 0, writer.stderr.read()
    assert rows[0][0] >= 1  # an answer (from before or after the writer's load), never a stack trace
    assert "waiting for the monitor to finish writing" in capfd.readouterr().err


def test_reader_gives_up_with_warehouse_busy(tmp_path):
    db = tmp_path / "wh.duckdb"
    warehouse.migrate(db)
    flag = tmp_path / "holding"
    writer = start_writer(db, 1.5, flag)
    try:
        wait_for(flag, writer)
        with pytest.raises(WarehouseBusy, match="still locked by another process"):
            warehouse.query(db, "select 1", timeout=0.3)
    finally:
        writer.wait(60)


def test_reader_process_while_this_process_writes(tmp_path):
    """The other way round: the reader is a separate process (as `hkstp-monitor sql` would be)."""
    db = tmp_path / "wh.duckdb"
    warehouse.load_documents(db, [document("r1", "en", "2024-02-28", [claim("unicorns", 10, "over")])])
    flag = tmp_path / "reading"
    code = textwrap.dedent(f"""
        from pathlib import Path
        import warehouse
        Path({str(flag)!r}).write_text("querying")
        print(warehouse.query({str(db)!r}, 'select count(*) from claims')[1][0][0])
    """)
    with warehouse.write_connection(db):
        reader = subprocess.Popen([str(PYTHON), "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
        wait_for(flag, reader)
        time.sleep(0.5)  # the reader is now waiting on the lock
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    assert out.strip() == "1"
    assert "waiting for the monitor to finish writing" in err
    assert "Traceback" not in err
