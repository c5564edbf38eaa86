"""The layers of DESIGN.md hold, and the commands that run no flow stay light.

- `lint-imports` checks the contracts in pyproject.toml ([tool.importlinter]): flows -> warehouse -> transforms,
  transforms imports no requests/prefect/duckdb, warehouse no flows/prefect/requests, deployments/ no code.
- No two modules of the project import each other, directly or round a longer loop (function-level imports
  count too: a cycle hidden inside a function is still a cycle).
- `extract` and `--help` import neither Prefect nor DuckDB, nor yaml, nor OpenCC for English text (read from
  sys.modules in a fresh interpreter, not timed: speed is benchmarks/bench_cli.py's business).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("flows", "transforms", "warehouse", "deployments")


def test_the_layer_contracts_of_the_design_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def _cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(imports):
        if root in index:
            continue
        work = [(root, iter(sorted(imports[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(imports.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_planted_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def _module_imports() -> dict[str, set[str]]:
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    modules = {m for m in graph.modules if m.split(".")[0] in PACKAGES}
    return {m: {x for x in graph.find_modules_directly_imported_by(m) if x in modules} for m in modules}


def test_no_module_of_the_project_imports_itself_round_a_loop():
    imports = _module_imports()
    # a package imports its own submodules by nature ("from transforms.parsing import noise" inside
    # transforms.parsing.html names the package): only edges between distinct modules that are not a
    # package and its own child count
    for module, targets in imports.items():
        imports[module] = {t for t in targets if not module.startswith(t + ".")}
    assert _cycles(imports) == []


FAST_PROBE = """
import json, sys
from flows.cli import main
argv = json.loads(sys.argv[1])
try:
    main(argv)
except SystemExit:
    pass
heavy = sorted({m.split('.')[0] for m in sys.modules}
               & {'prefect', 'duckdb', 'warehouse', 'requests', 'apprise', 'yaml', 'opencc'})
sys.stderr.write('HEAVY=' + json.dumps(heavy) + '\\n')
"""


@pytest.mark.parametrize("argv", [
    ["--help"],
    ["extract", "--text", "Around 1,700 technology companies work in the parks."],
    ["extract", "--json", "--text", "約1,700間科技公司"],
])
def test_commands_that_run_no_flow_import_neither_prefect_nor_duckdb(argv, tmp_path):
    out = subprocess.run([sys.executable, "-c", FAST_PROBE, json.dumps(argv)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    line = [x for x in out.stderr.splitlines() if x.startswith("HEAVY=")]
    assert line, out.stderr
    # yaml: the vocabulary is Python data; opencc: only Chinese text needs the script converter
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in argv[-1])
    assert json.loads(line[-1][len("HEAVY="):]) == (["opencc"] if chinese else [])
    if argv[0] == "extract":
        assert "1,700" in out.stdout or "1700" in out.stdout


def _definitions(pattern: str) -> list[str]:
    import re

    found = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*")):
            # migrations are history: applied once, never edited, so an old copy of a rule may stay there
            if path.suffix in (".py", ".sql") and path.is_file() and "migrations" not in path.parent.name:
                found += [f"{path.relative_to(REPO)}" for _ in re.finditer(pattern, path.read_text(encoding="utf-8"))]
    return found


@pytest.mark.parametrize("what, pattern", [
    ("the language detector", r"\ndef detect_language\("),
    ("the JSON value converter", r"\ndef _?jsonable\("),
    ("the UTC clock of the warehouse", r"\ndef _?(?:utc_)?now\("),
    ("the reader of Chinese numerals", r"\ndef (?:parse_chinese|_zh_small_number)\("),
    ("the section precedence (about, key takeaways, body, ...)", r"when 'about' then 0"),
])
def test_one_of_each_helper(what, pattern):
    assert len(_definitions(pattern)) == 1, f"{what}: {_definitions(pattern)}"
