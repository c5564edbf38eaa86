"""Site profiles: what the crawler knows about one press room, read from a YAML file.

    profile = load_profile()                      # the bundled hkstp profile
    profile = load_profile("my-press-room.yaml")  # any other press room, no code change
    release_match(profile, "https://www.hkstp.org/zh-hk/news-room/some-slug/")
    # -> ReleaseURL(url=..., layout="news-room", language="zh-hant", slug="some-slug")

The `site:` key is checked here (hosts, languages, release URL patterns, listing selectors); the
`layouts:` key belongs to the parser and is passed through untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import soupsieve
import yaml

from transforms.errors import ProfileError

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"
DEFAULT_PROFILE = "hkstp"
LANGUAGE_CODES = ("en", "zh-hant", "zh-hans")

# Where load_profile keeps the compiled release patterns (name -> re.Pattern), in profile["site"].
COMPILED_KEY = "_compiled_release_patterns"


@dataclass(frozen=True, slots=True)
class ReleaseURL:
    """A URL that one of the profile's release patterns recognises."""

    url: str
    layout: str  # the name of the URL generation that matched (a key of site.release_patterns)
    language: str  # en | zh-hant | zh-hans
    slug: str


def _resolve_path(name_or_path: str | Path | None) -> Path:
    if name_or_path is None:
        return PROFILES_DIR / f"{DEFAULT_PROFILE}.yaml"
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists() or len(path.parts) > 1:
        return path
    return PROFILES_DIR / f"{name_or_path}.yaml"  # a bare name: a bundled profile


def load_profile(name_or_path: str | Path | None = None) -> dict:
    """Read a site profile (a bundled name such as "hkstp", or a YAML path), check it and compile its patterns.

    Raises ProfileError naming the file and the key that is wrong.
    """
    path = _resolve_path(name_or_path)
    if not path.is_file():
        bundled = ", ".join(sorted(p.stem for p in PROFILES_DIR.glob("*.yaml")))
        raise ProfileError(f"site profile {str(name_or_path)!r} not found (looked for {path}; bundled: {bundled})")
    try:
        profile = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ProfileError(f"{path}: not valid YAML: {exc}") from exc
    validate_profile(profile, source=str(path))
    profile.setdefault("name", path.stem)
    profile["_path"] = str(path)
    return profile


def validate_profile(profile: object, source: str = "profile") -> dict:
    """Check the `site:` part of a profile dict in place and compile its release patterns."""

    def fail(key: str, problem: str) -> ProfileError:
        return ProfileError(f"{source}: site.{key}: {problem}")

    if not isinstance(profile, dict) or not isinstance(profile.get("site"), dict):
        raise ProfileError(f"{source}: needs a mapping with a `site:` key")
    site = profile["site"]
    if not isinstance(profile.get("layouts", {}), dict):
        raise ProfileError(f"{source}: layouts: must be a mapping")

    base_url = site.get("base_url")
    if not isinstance(base_url, str) or urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).hostname:
        raise fail("base_url", f"must be an http(s) URL, got {base_url!r}")
    hosts = site.get("hosts") or [urlsplit(base_url).hostname]
    if not isinstance(hosts, list) or not all(isinstance(h, str) and h for h in hosts):
        raise fail("hosts", "must be a list of host names")
    site["hosts"] = [h.lower() for h in hosts]
    if not isinstance(site.get("user_agent"), str) or not site["user_agent"].strip():
        raise fail("user_agent", "must name the crawler (e.g. 'my-monitor/1.0 (+contact URL)')")

    languages = site.get("languages")
    if not isinstance(languages, dict) or not languages:
        raise fail("languages", "must map each language key (e.g. en, zh-hk) to {url_prefix, code}")
    for key, spec in languages.items():
        if not isinstance(spec, dict) or spec.get("code") not in LANGUAGE_CODES:
            raise fail(f"languages.{key}", f"needs `code:` one of {', '.join(LANGUAGE_CODES)}")
        prefix = spec.get("url_prefix", "")
        if not isinstance(prefix, str) or (prefix and not prefix.startswith("/")):
            raise fail(f"languages.{key}.url_prefix", f"must be '' or start with '/', got {prefix!r}")
        spec["url_prefix"] = prefix.rstrip("/")

    patterns = site.get("release_patterns")
    if not isinstance(patterns, dict) or not patterns:
        raise fail("release_patterns", "must map each URL generation name to a regular expression")
    compiled: dict[str, re.Pattern] = {}
    for name, pattern in patterns.items():
        try:
            rx = re.compile(str(pattern))
        except re.error as exc:
            raise fail(f"release_patterns.{name}", f"bad regular expression: {exc}") from exc
        if "slug" not in rx.groupindex:
            raise fail(f"release_patterns.{name}", "needs a named group (?P<slug>...)")
        compiled[str(name)] = rx
    site[COMPILED_KEY] = compiled

    listing_pages = site.get("listing_pages", [])
    if not isinstance(listing_pages, list) or not all(isinstance(p, str) for p in listing_pages):
        raise fail("listing_pages", "must be a list of paths or URLs")
    listing = site.get("listing") or {}
    if not isinstance(listing, dict):
        raise fail("listing", "must be a mapping (link_selector, next_selector, max_pages)")
    for key in ("link_selector", "next_selector"):
        selector = listing.get(key)
        if not selector:
            continue  # hints only: release links are found by release_patterns, pages by rel=next and the like
        try:
            soupsieve.compile(str(selector))
        except (soupsieve.SelectorSyntaxError, TypeError) as exc:
            raise fail(f"listing.{key}", f"bad CSS selector {selector!r}: {exc}") from exc
    if not isinstance(site.get("recognize_by_content", True), bool):
        raise fail("recognize_by_content", "must be true or false")
    site["listing"] = listing
    for key in ("sitemap", "robots"):
        value = site.get(key)
        if value is not None and not isinstance(value, (str, list)):
            raise fail(key, "must be a path, a URL or a list of them")
    return profile


def language_of_path(profile: dict, path: str) -> str | None:
    """The language code (en, zh-hant, zh-hans) whose url_prefix starts `path`; the longest prefix wins."""
    best: tuple[int, str] | None = None
    for spec in profile["site"]["languages"].values():
        prefix = spec["url_prefix"]
        if path == prefix or path.startswith(prefix + "/"):
            if best is None or len(prefix) > best[0]:
                best = (len(prefix), spec["code"])
    return best[1] if best else None


def language_code(profile: dict, key: str) -> str | None:
    """Map a language as the user gives it (en, zh-hk, zh-cn, or a code like zh-hant) to its code."""
    languages = profile["site"]["languages"]
    if key in languages:
        return languages[key]["code"]
    if key in LANGUAGE_CODES:
        return key
    return None


def release_match(profile: dict, url: str) -> ReleaseURL | None:
    """Recognise a release URL of any generation in the profile; anything else (listings, other pages) is None.

    Only the path is matched; which hosts may be fetched is the session's business.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", ""):
        return None
    path = parts.path or "/"
    site = profile["site"]
    compiled = site.get(COMPILED_KEY) or validate_profile(profile)["site"][COMPILED_KEY]
    for layout, rx in compiled.items():
        m = rx.search(path)
        if not m:
            continue
        groups = m.groupdict()
        lang_key = groups.get("lang")
        language = language_code(profile, lang_key) if lang_key else None
        language = language or language_of_path(profile, path) or "en"
        slug = unquote(groups["slug"]).strip("/")
        if not slug:
            continue
        return ReleaseURL(url=url, layout=layout, language=language, slug=slug)
    return None
