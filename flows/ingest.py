"""Local documents through the same parse -> extract -> load -> check path as the monitor.

`extract_*` only read and print (no warehouse); `ingest_paths` loads into the warehouse and runs the checks.
Plain functions, not a Prefect flow: a user ingesting one PDF should not wait for an orchestration server.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from datetime import datetime, timezone
from pathlib import Path

from transforms.claims import extract_claims, extract_release_claims
from transforms.errors import HkstpMonitorError

CONTENT_TYPES = {".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf", ".txt": "text/plain",
                 ".md": "text/markdown"}


def _content_type(path: Path) -> str | None:
    return CONTENT_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise HkstpMonitorError(f"cannot read {path}: {exc.strerror or exc}") from exc


def extract_file(path: Path, profile: str | None = None) -> dict:
    from flows.profile import load_profile  # parsing (lxml, the profile) only for files: `--text` skips it
    from transforms.parsing import parse_document

    release = parse_document(_read(path), url=None, content_type=_content_type(path), profile=load_profile(profile))
    return {"release": release.to_json(), "claims": [c.to_json() for c in extract_release_claims(release)]}


def extract_text(text: str, language: str | None = None) -> dict:
    return {"release": None, "claims": [c.to_json() for c in extract_claims(text, language=language)]}


def extract_jsonl(path: Path):
    """Yield {"id", "claims"} for each {"id", "text", "language"?} line, in order.

    Lines are read as bytes and decoded one by one, so a bad line (invalid UTF-8, not JSON, not an object)
    yields {"id": null, "line": N, "error": "...", "claims": []} and the rest of the batch goes on.
    """
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield {"id": None, "line": n, "error": f"not UTF-8 (byte {exc.start + 1} of the line)", "claims": []}
                continue
            try:
                item = json.loads(line)
                claims = extract_claims(str(item.get("text", "")), language=item.get("language"))
                yield {"id": item.get("id"), "claims": [c.to_json() for c in claims]}
            except (json.JSONDecodeError, AttributeError) as exc:
                yield {"id": None, "line": n, "error": f"not a JSON object: {exc}", "claims": []}


def ingest_paths(paths: list[Path], db: Path, profile: str | None = None) -> dict:
    import warehouse  # here, not at the top: `extract` loads nothing and must start fast
    from flows.monitor import document_result
    from flows.profile import load_profile
    from flows.sources.copies import WIRE_MARK_BYTES, adopt_copies
    from flows.settings import get_settings

    files: list[Path] = []
    for p in paths:
        files.extend(sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p])
    site = load_profile(profile)
    now = datetime.now(timezone.utc).isoformat()
    docs, problems, bodies = [], [], {}
    for f in files:
        try:
            body = f.read_bytes()
        except OSError as exc:
            problems.append({"path": str(f), "reason": f"cannot read: {exc.strerror or exc}"})
            continue
        sha = hashlib.sha256(body).hexdigest()
        doc = document_result(body, f.resolve().as_uri(), _content_type(f), site, sha, now, source="file")
        if doc.error:
            problems.append({"path": str(f), "reason": doc.error})
        docs.append(doc)
        bodies[doc.url] = body[:WIRE_MARK_BYTES]
    db.parent.mkdir(parents=True, exist_ok=True)
    warehouse.migrate(db)
    from warehouse.sources import link_copies

    docs, copy_links = adopt_copies(docs, db, get_settings().copy_window_days, bodies)  # newswire copies: repaired, linked
    summary = warehouse.load_documents(db, docs)
    link_copies(db, copy_links)
    run = warehouse.run_checks(db, get_settings().check_settings())
    return {
        "documents": sum(1 for d in docs if d.release is not None),
        "claims": sum(len(d.claims) for d in docs),
        "problems": problems,
        "new_versions": summary.new_versions,
        "new_findings": run.new_findings,
    }
