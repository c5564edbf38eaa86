"""`pip install .` (not editable), then `hkstp-monitor demo` and `report`, far from the source tree: the sample
press room and the report's templates ship with the package."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "samples" / "site" / "expected-findings.yaml"


@pytest.mark.slow
def test_pip_install_dot_then_demo_works_without_the_source_tree(tmp_path, harness_api_url):
    import yaml

    # a copy of the project as a user would clone it (no .venv, no data, no build leftovers)
    src = tmp_path / "src"
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(
        ".venv", "data", ".git", "__pycache__", "*.egg-info", "build", ".pytest_cache", ".hypothesis",
        "benchmarks"))
    # a fresh virtualenv that borrows the dependencies (and pip, setuptools) of the test environment through a
    # path file, without its editable install of this project (.pth files of a borrowed folder are not run)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API") and k != "PYTHONPATH"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    env["PREFECT_API_URL"] = harness_api_url  # the session's Prefect API: no temporary server to wait for
    install = subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--no-deps",
                              "--disable-pip-version-check", str(src)],
                             capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert install.returncode == 0, install.stderr[-3000:]
    shutil.rmtree(src)  # the demo must not need it

    where = subprocess.run([str(py), "-c", "import flows, samples; print(flows.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True).stdout
    assert where.startswith(str(site)), where  # the installed copy, not the checkout
    db = tmp_path / "demo.duckdb"
    out = subprocess.run([str(env_dir / "bin" / "hkstp-monitor"), "demo", "--db", str(db), "--json"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    planted = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))["planted"]
    assert {c["check_name"] for c in planted} <= {f["check_name"] for f in result["findings"]}
    assert result["counts"]["releases"] > 0
    # the report's templates ship too
    report = subprocess.run([str(env_dir / "bin" / "hkstp-monitor"), "report", "--db", str(db), "--out",
                             str(tmp_path / "report.html")], capture_output=True, text=True, env=env, cwd=tmp_path,
                            timeout=300)
    assert report.returncode == 0, report.stderr[-3000:]
    assert "What changed" in (tmp_path / "report.html").read_text(encoding="utf-8")
