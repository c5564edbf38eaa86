#!/usr/bin/env python3
"""Consistency checks of the blind stream (run after build.py): paths, listings, sitemap, YAML."""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.join(HERE, "site")
sys.path.insert(0, HERE)
import build  # noqa: E402
import content  # noqa: E402


def fs(path):
    p = os.path.join(SITE, path.lstrip("/"))
    return os.path.join(p, "index.html") if path.endswith("/") else p


def load_yaml(name):
    text = open(os.path.join(HERE, name), encoding="utf-8").read()
    try:
        import yaml
        return yaml.safe_load(text)
    except ImportError:  # the files are written in a JSON-compatible subset: parse it by hand
        rows, key = [], None
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            if not line.startswith(" "):
                key = line.rstrip(":")
                continue
            m = re.match(r"\s*(- )?(\w+): (.*)$", line)
            if m.group(1):
                rows.append({})
            rows[-1][m.group(2)] = json.loads(m.group(3))
        return {key: rows}


def main():
    errors = []
    findings = load_yaml("expected-findings.yaml")["findings"]
    traps = load_yaml("traps.yaml")["traps"]
    for f in findings:
        for k in ("old_url_path", "new_url_path"):
            if not os.path.isfile(fs(f[k])):
                errors.append(f"missing page {f[k]}")
    for t in traps:
        if not os.path.isfile(fs(t["url_path"])):
            errors.append(f"missing page {t['url_path']}")
        elif t["kind"] != "phone":
            import html
            page = html.unescape(open(fs(t["url_path"]), encoding="utf-8").read())
            if t["sentence"] not in page:
                errors.append(f"trap sentence not on page {t['url_path']}: {t['sentence']}")
    for f in findings:
        for side in ("old", "new"):
            import html
            page = html.unescape(open(fs(f[f"{side}_url_path"]), encoding="utf-8").read())
            if f[f"{side}_text"] not in page:
                errors.append(f"figure words not on page {f[side + '_url_path']}: {f[side + '_text']}")
    sitemap = open(os.path.join(SITE, "sitemap.xml"), encoding="utf-8").read()
    for lang, base in build.LISTING.items():
        linked, path, pages = set(), base, 0
        while path:
            page = open(fs(path), encoding="utf-8").read()
            pages += 1
            ul = re.search(r'<ul class="news-list">(.*?)</ul>', page, re.S).group(1)
            linked |= set(re.findall(r'href="([^"]+)"', ul))
            m = re.search(r'<a class="next" href="([^"]+)"', page)
            path = m.group(1) if m else None
        want = {build.url_path(lang, r["slug"]) for r in content.RELEASES if lang in r["eds"]}
        if linked != want:
            errors.append(f"listing {base}: missing {sorted(want - linked)}, extra {sorted(linked - want)}")
        for p in want:
            if not os.path.isfile(fs(p)):
                errors.append(f"missing release page {p}")
            if f"<loc>{build.BASE}{p}</loc>" not in sitemap:
                errors.append(f"sitemap lacks {p}")
        print(f"{base}: {pages} listing pages, {len(linked)} releases linked")
    robots = open(os.path.join(SITE, "robots.txt"), encoding="utf-8").read()
    if "Sitemap: https://www.hkstp.org/sitemap.xml" not in robots:
        errors.append("robots.txt does not name the sitemap")
    print(f"{len(findings)} expected findings, {len(traps)} traps")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
