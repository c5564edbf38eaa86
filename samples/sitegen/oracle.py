"""The expected-findings oracle: what a correct hkstp-monitor run finds on the sample site, computed from the
content (the figures each edition states), independently of the monitor's own code."""

from __future__ import annotations

from sitegen.model import CONTENT_LANG, DEAD_LINK, SNAPSHOTS, Rel, about_figures
from sitegen.render import about_phrases
from sitegen.yamlout import intify

def edition_claims(rel: Rel, lang: str, snap: str) -> dict:
    """metric -> (value, qualifier class, phrase) a correct pipeline extracts for the metrics this sample tracks."""
    claims = {}
    phrases = about_phrases(rel, lang) if lang != "zh-cn" else {}
    for metric, (q, v) in about_figures(rel, lang).items():
        claims[metric] = (v, q, phrases[metric])
    for fig in rel.figs:
        if lang in fig.texts:
            value = fig.value
            if snap == "B" and rel.revision and rel.revision["metric"] == fig.metric and rel.revision["lang"] == lang:
                value = rel.revision["new_value"]
            if fig.metric in claims:
                assert claims[fig.metric][:2] == (value, fig.qualifier), f"{rel.key}: {fig.metric} disagrees"
            claims[fig.metric] = (value, fig.qualifier, fig.texts[lang])
    return claims


def severity(old: float, new: float) -> str:
    if new > old:
        return "info"
    return "critical" if (old - new) / old > 0.10 else "warning"


def compute_findings(releases: list, snap: str) -> list:
    """Every finding a correct pipeline makes on one snapshot (after loading A, then B for snapshot B)."""
    timeline = {}  # (metric, content language) -> [(date, rel, lang, value, qualifier)]
    for rel in releases:
        if rel.truncated:
            continue
        for lang in rel.editions:
            for metric, (value, q, _) in edition_claims(rel, lang, snap).items():
                timeline.setdefault((metric, CONTENT_LANG[lang]), []).append((rel.published, rel, lang, value, q))
    found = []

    def row(check, metric, clang, a, b, **extra):
        return {"check_name": check, "metric": metric, "language": clang,
                "old_value": intify(a[3]), "new_value": intify(b[3]), "old_qualifier": a[4], "new_qualifier": b[4],
                "old_published_on": a[0].isoformat(), "new_published_on": b[0].isoformat(),
                "old_url_path": a[1].path(a[2]), "new_url_path": b[1].path(b[2]), **extra}

    for (metric, clang), points in sorted(timeline.items()):
        points.sort(key=lambda p: p[0])
        dates = [p[0] for p in points]
        assert len(set(dates)) == len(dates), f"two releases on one day for {metric}/{clang}"
        for a, b in zip(points, points[1:]):
            if a[3] != b[3]:
                found.append(row("figure_changed", metric, clang, a, b, severity=severity(a[3], b[3])))
            elif a[4] != b[4]:
                found.append(row("qualifier_changed", metric, clang, a, b))
        for i, a in enumerate(points):
            for b in points[i + 1:]:
                if (b[0] - a[0]).days <= 7 and a[3] != b[3]:
                    found.append(row("figure_conflict", metric, clang, a, b))
    for rel in releases:  # translation mismatch: the English edition against each Chinese one
        if rel.truncated or "en" not in rel.editions:
            continue
        en = edition_claims(rel, "en", snap)
        for lang in ("zh-hk", "zh-cn"):
            if lang not in rel.editions:
                continue
            for metric, (value, q, _) in edition_claims(rel, lang, snap).items():
                if metric in en and en[metric][0] != value:
                    a = (rel.published, rel, "en", en[metric][0], en[metric][1])
                    b = (rel.published, rel, lang, value, q)
                    found.append(row("translation_mismatch", metric, f"en/{CONTENT_LANG[lang]}", a, b,
                                     old_language="en", new_language=CONTENT_LANG[lang]))
    if snap == "B":
        for rel in releases:
            if rel.revision:
                r = rel.revision
                point = (rel.published, rel, r["lang"], None, None)
                found.append({**row("release_revised", r["finding_metric"], CONTENT_LANG[r["lang"]],
                                    point[:3] + (r["old_value"], "exact"), point[:3] + (r["new_value"], "exact")),
                              "old_text": r["old_text"], "new_text": r["new_text"]})
    return found


PLANTED = [  # case, check_name, metric, language, old value, new value
    ("increase", "figure_changed", "tech_companies", "en", 1700, 1800),
    ("decrease_of_cumulative_figure", "figure_changed", "countries_regions", "en", 28, 25),
    ("qualifier_change", "qualifier_changed", "unicorns", "en", 14, 14),
    ("english_chinese_mismatch", "translation_mismatch", "countries_regions", "en/zh-hant", 28, 26),
    ("conflict_within_a_week", "figure_conflict", "tech_companies", "en", 1800, 1700),
    ("silent_revision", "release_revised", None, "en", 1000000000, 1200000000),
]


def expected_document(releases: list) -> dict:
    by_snap = {s: [r for r in releases if r.in_snapshot(s)] for s in SNAPSHOTS}
    found = {s: compute_findings(by_snap[s], s) for s in SNAPSHOTS}
    key = lambda f: (f["check_name"], f["metric"] or "", f["language"], f["old_value"], f["new_value"],  # noqa: E731
                     f["old_published_on"], f["new_published_on"])
    first_seen = {}
    for s in SNAPSHOTS:
        for f in found[s]:
            first_seen.setdefault(key(f), (s, f))
    planted, planted_keys = [], set()
    for case, check, metric, language, old, new in PLANTED:
        matches = [f for k, (s, f) in first_seen.items()
                   if k[:5] == (check, metric or "", language, old, new)]
        assert len(matches) == 1, f"planted case {case} found {len(matches)} times"
        f = matches[0]
        planted_keys.add(key(f))
        planted.append({"case": case, "snapshot": first_seen[key(f)][0], **f})
    for p in planted:  # attach the phrases so tests can find them in the HTML
        if p["check_name"] != "release_revised":
            p["old_text"], p["new_text"] = phrase_of(releases, p, "old"), phrase_of(releases, p, "new")
    others = [{"snapshot": s, **f} for k, (s, f) in sorted(first_seen.items(), key=lambda kv: (kv[0][2], kv[0][1],
              kv[0][6], kv[0][0])) if k not in planted_keys]
    for o in others:
        o["note"] = OTHER_NOTES.get((o["check_name"], o["metric"], o["language"], o["new_published_on"]),
                                    "About figure moved with the real one (hkstp-figures.csv)")
    truncated = [r for r in releases if r.truncated]
    errors = [{"url_path": r.path("en"), "reason_contains": "truncated", "snapshots": list(SNAPSHOTS),
               "what": "release file cut off inside <head>: no <title>, no body"} for r in truncated]
    errors.append({"url_path": DEAD_LINK["path"], "reason_contains": "404", "snapshots": list(SNAPSHOTS),
                   "what": "listed on /news-room/ (English listing) but the page does not exist"})
    return {"planted": planted, "expected_errors": errors, "other_changes": others,
            "counts": {s: counts(by_snap[s]) for s in SNAPSHOTS}}


OTHER_NOTES = {
    ("figure_changed", "tech_companies", "en", "2024-06-25"):
        "the consecutive pair of the planted figure_conflict; a pipeline may also report it as figure_changed",
}


def phrase_of(releases: list, finding: dict, side: str) -> str:
    path = finding[f"{side}_url_path"]
    for rel in releases:
        for lang in rel.editions:
            if rel.path(lang) == path:
                return edition_claims(rel, lang, "B")[finding["metric"]][2]
    raise KeyError(path)


def counts(releases: list) -> dict:
    editions = {}
    for r in releases:
        for lang in r.editions:
            k = f"{CONTENT_LANG[lang]}/{r.generation}"
            editions[k] = editions.get(k, 0) + 1
    parsed = sum(len(r.editions) for r in releases if not r.truncated)
    return {"releases": len(releases), "release_files": sum(len(r.editions) for r in releases),
            "editions_parsed": parsed, "editions_failed": sum(len(r.editions) for r in releases if r.truncated),
            "listing_dead_links": 1, "by_language_and_generation": dict(sorted(editions.items()))}


