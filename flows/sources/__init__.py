"""Sources beside the press room. A source is one profile file in flows/profiles/ (its `kind` names the adapter
that reads it); the press room (`hkstp`, the monitor flow) is the default. `newswires` (kind newswire) is on once
its profile names a feed.

    run_source("gia", since=date(2025, 9, 1), db="data/hkstp.duckdb")
    source_names()  # ['hkstp', 'gia']: what `run --source all` runs, in order
"""

from __future__ import annotations

from flows.profile import PROFILES_DIR

PRESS_ROOM = "hkstp"
ADAPTERS = {"gia": "flows.sources.gia:gia_source",  # profile `kind` -> flow
            "newswire": "flows.sources.newswire:newswire_source"}


def source_names() -> list[str]:
    """The press room first, then every bundled profile whose `kind` has an adapter."""
    import yaml

    names = [PRESS_ROOM]
    for path in sorted(PROFILES_DIR.glob("*.yaml")):
        if path.stem == PRESS_ROOM:
            continue
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if spec.get("kind") == "newswire" and not (spec.get("site") or {}).get("feeds"):
            continue  # a newswire source is on once a feed is configured
        if spec.get("kind") in ADAPTERS:
            names.append(path.stem)
    return names


def source_flow(name: str):
    """The flow that runs source `name` (its profile's adapter)."""
    import importlib

    import yaml

    from transforms.errors import ProfileError

    path = PROFILES_DIR / f"{name}.yaml"
    kind = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("kind") if path.is_file() else None
    if kind not in ADAPTERS:
        raise ProfileError(f"unknown source {name!r}; configured: {', '.join(source_names())}, all")
    module, attr = ADAPTERS[kind].split(":")
    return getattr(importlib.import_module(module), attr)
