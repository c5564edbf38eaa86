"""How often the parser finds the right publication day on pages of unknown layout, beside htmldate.

    .venv/bin/python benchmarks/eval_dates.py [--show-misses]

The set is tests/fixtures/dated/ (64 pages of our own writing in many site styles and languages, each with its
true day in manifest.json). Every page is read by four readers in one run, each given the page and its URL:
  - parser:             parse_document(page, url, profile=hkstp profile) -> Release.published_on
  - htmldate default:   htmldate.find_date(page, url=url) with the library's defaults
  - htmldate fast:      find_date(page, url=url, extensive_search=False, original_date=True)
  - htmldate extensive: find_date(page, url=url, extensive_search=True, original_date=True)
Accuracy = right day / pages. "refused" counts pages the parser rejected (a ParseError): every page in the set
is a good page, so any refusal is a fault. Writes benchmarks/results-dates.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.errors import ParseError  # noqa: E402
from transforms.parsing import parse_document  # noqa: E402

SET = ROOT / "tests" / "fixtures" / "dated"
PROFILE = yaml.safe_load((ROOT / "flows" / "profiles" / "hkstp.yaml").read_text(encoding="utf-8"))


def load_set() -> list[dict]:
    manifest = json.loads((SET / "manifest.json").read_text(encoding="utf-8"))
    return [dict(entry, body=(SET / entry["file"]).read_bytes()) for entry in manifest["pages"]]


def parser_day(body: bytes, url: str) -> tuple[str | None, str | None]:
    """(day, None) or (None, the reason the page was refused)."""
    try:
        release = parse_document(body, url=url, content_type="text/html", profile=PROFILE)
    except ParseError as exc:
        return None, str(exc)
    return (str(release.published_on) if release.published_on else None), None


def htmldate_reader(**options):
    from htmldate import find_date

    def read(body: bytes, url: str) -> tuple[str | None, str | None]:
        try:
            return find_date(body.decode("utf-8", errors="replace"), url=url, **options), None
        except Exception as exc:  # a library failure counts as a miss, not a crash of the evaluation
            return None, f"{type(exc).__name__}: {exc}"
    return read


READERS = {
    "parser": parser_day,
    "htmldate default": htmldate_reader(),
    "htmldate fast": htmldate_reader(extensive_search=False, original_date=True),
    "htmldate extensive": htmldate_reader(extensive_search=True, original_date=True),
}


def evaluate(pages: list[dict]) -> dict:
    """Per reader: accuracy, right, refused (parser only), seconds and the misses."""
    results = {}
    for name, read in READERS.items():
        right, refused, misses = 0, 0, []
        start = time.perf_counter()
        for page in pages:
            day, error = read(page["body"], page["url"])
            if day == page["date"]:
                right += 1
                continue
            if error and name == "parser":
                refused += 1
            misses.append({"file": page["file"], "true": page["date"], "found": day, "error": error})
        results[name] = {"accuracy": round(right / len(pages), 3), "right": right, "pages": len(pages),
                         "refused": refused, "seconds": round(time.perf_counter() - start, 2), "misses": misses}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true", help="list every page a reader got wrong")
    args = parser.parse_args()
    pages = load_set()
    results = evaluate(pages)
    for name, r in results.items():
        refused = f", refused {r['refused']}" if name == "parser" else ""
        print(f"{name:20s} accuracy {r['accuracy']:.3f} ({r['right']}/{r['pages']}){refused}, {r['seconds']} s")
        if args.show_misses:
            for miss in r["misses"]:
                print(f"    {miss['file']}: true {miss['true']}, found {miss['found']}"
                      + (f" ({miss['error']})" if miss["error"] else ""))
    out = {"python": platform.python_version(), "command": ".venv/bin/python benchmarks/eval_dates.py",
           "set": "tests/fixtures/dated (%d pages)" % len(pages),
           "results": {name: {k: v for k, v in r.items() if k != "misses"} | {"missed": [m["file"] for m in r["misses"]]}
                       for name, r in results.items()}}
    (ROOT / "benchmarks" / "results-dates.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print("wrote benchmarks/results-dates.json")


if __name__ == "__main__":
    main()
