"""The command line as a user times it: whole processes, start-up included.

    .venv/bin/python benchmarks/bench_cli.py

- `hkstp-monitor --help` and `extract --text "..."`: wall time of the whole process, best of ROUNDS
  (targets: 0.3 s and 0.5 s; issue 15).
- `extract --jsonl` over N_SENTENCES English sentences (the annotated set's English sentences, cycled), start-up
  and JSON output included, beside quantulum3's in-process rate on the same sentences: each of JSONL_PAIRS runs
  is paired with a quantulum3 pass over the distinct sentences right after it; ratio = the median pair's
  sentences/s of ours over quantulum3's (target >= 20x).
Writes benchmarks/results-cli.json.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANNOTATED = ROOT / "tests" / "data" / "claims_annotated.jsonl"
EXE = Path(sys.executable).with_name("hkstp-monitor")
ROUNDS = 3
JSONL_PAIRS = 5  # extract --jsonl runs, each paired with a quantulum3 pass
N_SENTENCES = 20_000
TEXT = "HKSTP is home to around 1,700 technology companies and more than 13,000 research professionals."


def _run(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process, output thrown away. On a loaded machine the wall
    time waits for a core; the CPU time (user + system) is what the command itself costs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([str(EXE), *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _best(argv: list[str]) -> tuple[float, float]:
    runs = [_run(argv) for _ in range(ROUNDS)]
    return min(w for w, _ in runs), min(c for _, c in runs)


def english_sentences() -> list[str]:
    rows = [json.loads(x) for x in ANNOTATED.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r["text"] for r in rows if r["text"].isascii()]


def main() -> None:
    sentences = english_sentences()
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "sentences.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            for i in range(N_SENTENCES):
                fh.write(json.dumps({"id": i, "text": sentences[i % len(sentences)], "language": "en"}) + "\n")
        help_s, help_cpu = _best(["--help"])
        text_s, text_cpu = _best(["extract", "--text", TEXT])
        text_json_s, text_json_cpu = _best(["extract", "--json", "--text", TEXT])
        # The machine's speed swings within seconds, so each whole-process run is paired with a quantulum3 pass
        # right after it, and the median pair's ratio counts (the rates shown are each one's best).
        import quantulum3.parser as qp

        qp.parse("warm up 3 metres")
        runs, pair_ratios, theirs_rates = [], [], []
        for _ in range(JSONL_PAIRS):
            runs.append(_run(["extract", "--jsonl", str(jsonl)]))
            t0 = time.perf_counter()
            for s in sentences:
                qp.parse(s)
            theirs_rates.append(len(sentences) / (time.perf_counter() - t0))
            pair_ratios.append(N_SENTENCES / runs[-1][0] / theirs_rates[-1])
        jsonl_s, jsonl_cpu = min(w for w, _ in runs), min(c for _, c in runs)
    theirs = max(theirs_rates)
    ours = N_SENTENCES / jsonl_s
    ratio = statistics.median(pair_ratios)
    out = {
        "rounds": ROUNDS,
        "help_s": round(help_s, 3),
        "help_cpu_s": round(help_cpu, 3),
        "extract_text_s": round(text_s, 3),
        "extract_text_cpu_s": round(text_cpu, 3),
        "extract_text_json_s": round(text_json_s, 3),
        "extract_text_json_cpu_s": round(text_json_cpu, 3),
        "jsonl_sentences": N_SENTENCES,
        "jsonl_distinct_sentences": len(sentences),
        "jsonl_wall_s": round(jsonl_s, 3),
        "jsonl_cpu_s": round(jsonl_cpu, 3),
        "jsonl_per_s": round(ours),
        "quantulum3_in_process_per_s": round(theirs),
        "ratio": round(ratio, 1),
        "pair_ratios": [round(r, 1) for r in pair_ratios],
        "load_avg_at_start": os.getloadavg()[0],
    }
    print(f"--help {help_s:.3f} s (CPU {help_cpu:.3f} s; target < 0.3); extract --text {text_s:.3f} s "
          f"(CPU {text_cpu:.3f} s), --json {text_json_s:.3f} s (CPU {text_json_cpu:.3f} s) (target < 0.5); "
          f"best of {ROUNDS} whole processes, load average {os.getloadavg()[0]:.1f}")
    print(f"extract --jsonl, {N_SENTENCES:,} sentences: {jsonl_s:.2f} s whole process = {ours:,.0f}/s; "
          f"quantulum3 in process {theirs:,.0f}/s; ratio {ratio:.1f}x, the median of {[round(r, 1) for r in pair_ratios]} (target >= 20x)")
    (ROOT / "benchmarks" / "results-cli.json").write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
