"""samples/gia is what samples/build_gia.py writes, byte for byte, and its layout is the facts file's."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import yaml

from flows.profile import load_profile
from transforms.parsing.gia import canonical_release_url, index_links

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "gia"


def _differences(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b)
    out = [str(a / n) for n in cmp.left_only + cmp.right_only + cmp.diff_files]
    for sub in cmp.common_dirs:
        out += _differences(a / sub, b / sub)
    return out


def test_the_committed_sample_is_what_the_generator_writes(tmp_path):
    subprocess.run([sys.executable, str(REPO / "samples" / "build_gia.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True)
    assert _differences(SAMPLE / "site", tmp_path / "site") == []
    assert (SAMPLE / "expected-echoes.yaml").read_bytes() == (tmp_path / "expected-echoes.yaml").read_bytes()


def test_the_sample_has_forty_days_two_feeds_and_a_dozen_quoting_releases():
    profile = load_profile("gia")
    indexes = sorted((SAMPLE / "site" / "gia" / "general").glob("*/[0-9][0-9].htm"))
    assert len(indexes) >= 40 and len(list((SAMPLE / "site" / "gia" / "general").glob("*/[0-9][0-9]c.htm"))) >= 40
    assert (SAMPLE / "site/gia/rss/general_en.xml").is_file() and (SAMPLE / "site/gia/rss/general_zh.xml").is_file()
    releases = {u for i in indexes for u, _ in index_links(i.read_bytes(), "https://www.info.gov.hk/gia/general/"
                                                              + i.parent.name + "/" + i.name, profile)}
    assert len(releases) > 100 and all(canonical_release_url(u, profile) == u for u in releases)
    quoting = yaml.safe_load((SAMPLE / "expected-echoes.yaml").read_text(encoding="utf-8"))["quoting"]
    assert len(quoting) >= 12
    assert {q["verdict"] for q in quoting} >= {"current", "stale", "mismatch", "unknown", "other", "event"}
