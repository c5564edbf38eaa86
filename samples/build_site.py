#!/usr/bin/env python3
"""Build the bundled sample press room: two static snapshots (A, B) of an HKSTP-like site.

    python samples/build_site.py            # rewrites samples/site/{A,B}/ and samples/site/expected-findings.yaml
    python samples/build_site.py --out DIR  # writes the same tree under DIR (the tests use this to check determinism)

Every sentence is this project's own writing; figures and dates follow ../shared/facts/hkstp-figures.csv.
Markup follows samples/LAYOUTS.md. Standard library only; the output is byte-for-byte reproducible.

URL -> file: a URL ending in "/" is served from "<path>index.html"; a park-life release URL has no trailing
slash and is served from the extension-less file at that path (serve it as text/html).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # samples/ is no package: find sitegen/ beside this file

# Names benchmarks/corpus.py reuses from this module are imported here too (BASE_URL, Rel, esc, page, ...).
from sitegen.model import BASE_URL, PAGE_SIZE, RELEASES, SITE_LANGS, SNAPSHOTS, Rel  # noqa: E402,F401
from sitegen.oracle import expected_document  # noqa: E402
from sitegen.render import (CSS, LISTING, PHOTO_SVG, ROBOTS, esc, listing_pages, other_pages, page,  # noqa: E402,F401
                            page_date_plain, render_release, sitemaps, url_to_file)
from sitegen.yamlout import YAML_HEADER, yaml_dump  # noqa: E402

SITE_DIR = Path(__file__).resolve().parent / "site"

# ---------------------------------------------------------------------------------------------- build

def build_snapshot(releases: list, snap: str, root: Path) -> int:
    files = {}
    for rel in releases:
        for lang in rel.editions:
            files[rel.path(lang)] = render_release(rel, lang, snap)
    for lang in SITE_LANGS:
        files.update(listing_pages(releases, lang, snap))
    files.update(other_pages(releases))
    files.update(sitemaps(releases))
    files["/robots.txt"] = ROBOTS
    files["/assets/site.css"] = CSS
    files["/assets/photo.svg"] = PHOTO_SVG
    total = 0
    for url_path, text in sorted(files.items()):
        target = url_to_file(root, url_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        total += len(data)
    return total


def check_phrases(releases: list) -> None:
    """Each declared figure phrase must be in the text of its edition (so tests and findings match the pages)."""
    for rel in releases:
        for fig in rel.figs:
            for lang, phrase in fig.texts.items():
                ed = rel.editions[lang]
                text = " ".join([ed.title, ed.lead, *ed.body, *ed.takeaways])
                assert phrase in text, f"{rel.key} {lang}: {phrase!r} not in the text"


def build(out_dir: Path = SITE_DIR) -> dict:
    releases = sorted(RELEASES, key=lambda r: r.published)
    check_phrases(releases)
    sizes = {}
    for snap in SNAPSHOTS:
        root = out_dir / snap
        if root.exists():
            shutil.rmtree(root)
        sizes[snap] = build_snapshot([r for r in releases if r.in_snapshot(snap)], snap, root)
    doc = expected_document(releases)
    (out_dir / "expected-findings.yaml").write_text(YAML_HEADER + yaml_dump(doc) + "\n", encoding="utf-8")
    return {"bytes": sizes, **doc["counts"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SITE_DIR, help="folder to write A/, B/ and expected-findings.yaml")
    args = parser.parse_args()
    summary = build(args.out)
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
