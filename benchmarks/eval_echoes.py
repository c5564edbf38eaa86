"""Echo precision and recall on a Government-style site the engineers had not seen (issue 21).

    .venv/bin/python benchmarks/eval_echoes.py [--show]

benchmarks/heldout/gia2/ was written by someone who had read neither the code nor the project's own Government
sample: a generator (build.py, content.py; standard library only) of 47 days of daily indexes, two RSS feeds,
about 1,460 releases in two languages of which 35 pages quote HKSTP, and a tiny HKSTP press room; expected.yaml
lists the pages that mention HKSTP (these must be loaded, no other), the echo findings and the statements that
must raise none. The scorer builds the site into a temporary folder, serves the press room and the Government
site on 127.0.0.1, runs the monitor flow on the first and the gia source (a backfill of the 47 days) on the second
into a fresh DuckDB file, and compares.

A finding matches an expected one on check_name, page path, metric, subject and value (each matched once).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent / "heldout" / "gia2"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="list false and missed findings")
    args = ap.parse_args(argv)
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # its temporary server phones no one
    import yaml

    import warehouse
    from flows.loopback import LoopbackServer
    from flows.monitor import monitor
    from flows.sources.gia import gia_source

    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "gia2"
        built.mkdir()
        for name in ("build.py", "content.py"):
            shutil.copy(HERE / name, built / name)
        subprocess.run([sys.executable, str(built / "build.py")], check=True, stdout=subprocess.DEVNULL)
        expected = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))
        db = Path(tmp) / "echoes.duckdb"
        with LoopbackServer(root=built / "hkstp") as room:
            monitor(base_url=room.base_url, db=str(db), min_gap_s=0.0)
        with LoopbackServer(root=built / "site") as gov:
            gia_source(since=date.fromisoformat(expected["since"]), until=date.fromisoformat(expected["until"]),
                       db=str(db), base_url=gov.base_url, min_gap_s=0.0)
        _, rows = warehouse.query(db, "select url from releases where source not in ('hkstp', 'web')")
        loaded = {urlparse(r[0]).path for r in rows}
        cols, rows = warehouse.query(db, "select * from findings where check_name like 'echo%'")
    mentions = set(expected["mentions"])
    print(f"pages loaded {len(loaded)}, expected {len(mentions)}: missing {len(mentions - loaded)}, "
          f"not about HKSTP {len(loaded - mentions)}")
    found = Counter((f["check_name"], urlparse(f["new_url"] or "").path, f["metric"], f.get("subject"),
                     float(f["new_value"])) for f in (dict(zip(cols, r)) for r in rows))
    wanted = Counter((e["check_name"], e["url_path"], e["metric"], e["subject"], float(e["value"]))
                     for e in expected["findings"])
    matched = sum((found & wanted).values())
    n_found, n_wanted = sum(found.values()), sum(wanted.values())
    print(f"echo findings {n_found}, expected {n_wanted}, matched {matched}: "
          f"precision {matched / n_found if n_found else 1.0:.3f}, recall {matched / n_wanted if n_wanted else 1.0:.3f}")
    if args.show:
        for label, rest in (("false", found - wanted), ("missed", wanted - found)):
            for key in rest.elements():
                print(f"  {label}: {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
