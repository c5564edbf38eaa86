"""The one URL check: every request, every redirect and every discovered link goes through `UrlCheck.check`.

    check = UrlCheck.from_profile(profile, base_url)      # or UrlCheck(["www.hkstp.org", "127.0.0.1:8080"])
    check.check("http://localhost:81\\@www.hkstp.org/x")  # -> "backslash in the host part" (refused)
    check.normalise(url)                                  # what to request once check(url) is None

The rule, written once: a URL is fetched only when the host and port the HTTP client will connect to are
unambiguous and allowed. `urllib.parse` and urllib3 (what requests connects with) disagree on odd
authorities - `http://a:81\\@b/` is host `b` to urlsplit but `a:81` to urllib3 - so any authority where
they could disagree is refused outright: backslashes, userinfo (`@`), whitespace, control characters and
percent signs; control characters are refused anywhere in the URL (urlsplit silently drops tabs and
newlines). Then only http and https, only the allowed host names, and only their allowed ports: the default
ports (80, 443) for a bare host name, exactly the named port for an entry `host:port` (the profile's base
URL, or a --base-url, that names a port).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit, urlunsplit

from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

__all__ = ["UrlCheck", "url_problem"]

DEFAULT_PORTS = {"http": 80, "https": 443}
ANY_PORT = "*"  # "host:*": any port of that host (tests and benchmarks on loopback servers with free ports)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HOST_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$")
_AUTHORITY_FORBIDDEN = {"\\": "backslash", "@": "user name or password", "%": "percent sign"}


def _split_entry(entry: str) -> tuple[str, int | str | None]:
    entry = entry.strip().lower()
    if entry.endswith(":*"):
        return entry[:-2].strip("[]").rstrip("."), ANY_PORT
    parts = urlsplit("//" + entry)
    return (parts.hostname or "").rstrip("."), parts.port


def url_problem(url: str) -> str | None:
    """Why `url` is not a plain http(s) URL with an unambiguous host and port (None: it is one)."""
    if not isinstance(url, str) or not url:
        return "empty URL"
    if _CONTROL.search(url):
        return "control character in URL"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        return f"unsupported scheme {scheme or '(none)'!r}"
    authority = parts.netloc
    if not authority:
        return "no host in URL"
    for char, name in _AUTHORITY_FORBIDDEN.items():
        if char in authority:
            return f"{name} in the host part of the URL"
    if any(c.isspace() for c in authority):
        return "whitespace in the host part of the URL"
    try:
        port = parts.port
    except ValueError:
        return "bad port in URL"
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "no host in URL"
    if not _HOST_NAME.match(host) and not (":" in host and re.fullmatch(r"[0-9a-f:.]+", host)):
        return "unusual characters in the host name"
    # What the HTTP client will connect to must be what we checked.
    try:
        seen = parse_url(url)
    except LocationParseError:
        return "URL the HTTP client cannot parse"
    if (seen.host or "").lower().strip("[]").rstrip(".") != host or (seen.port or None) != port:
        return "URL read differently by the HTTP client"
    return None


class UrlCheck:
    """Allowed (host, port) pairs; `check` says why a URL may not be fetched, or None when it may.

    entries: "host" (default ports 80 and 443), "host:port" (that port only) or "host:*" (any port).
    None: any host and port (still only unambiguous http(s) URLs).
    """

    def __init__(self, entries: Iterable[str] | None) -> None:
        self.ports: dict[str, set[int] | str | None] | None = None
        if entries is not None:
            self.ports = {}
            for host, port in map(_split_entry, entries):
                if port is None:
                    self.ports.setdefault(host, None)
                elif port == ANY_PORT or self.ports.get(host) == ANY_PORT:
                    self.ports[host] = ANY_PORT
                else:  # a named port replaces the default ports of that host
                    self.ports[host] = (self.ports.get(host) or set()) | {port}

    @classmethod
    def from_profile(cls, profile: dict, base_url: str | None = None) -> "UrlCheck":
        """The profile's hosts on their default ports, plus the host:port of the profile's and the given base URL."""
        entries = [str(h) for h in profile["site"]["hosts"]]
        for url in (profile["site"].get("base_url"), base_url):
            if url:
                parts = urlsplit(url)
                port = parts.port if parts.port != DEFAULT_PORTS.get(parts.scheme.lower()) else None
                if parts.hostname:
                    entries.append(parts.hostname + (f":{port}" if port else ""))
        return cls(entries)

    def check(self, url: str) -> str | None:
        reason = url_problem(url)
        if reason or self.ports is None:
            return reason
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
        if host not in self.ports:
            return "off-site host"
        port = parts.port or DEFAULT_PORTS[parts.scheme.lower()]
        allowed = self.ports[host]
        if allowed == ANY_PORT:
            return None
        if allowed is None:
            if port not in DEFAULT_PORTS.values():
                return f"off-site port {port}"
        elif port not in allowed:
            return f"off-site port {port}"
        return None

    def resolve(self, base: str, reference: str) -> tuple[str, str | None]:
        """(absolute URL, reason it may not be fetched or None) for a link or Location found on page `base`."""
        if _CONTROL.search(reference):
            return reference, "control character in URL"
        target = urljoin(base, reference.strip(" "))
        return target, self.check(target)

    @staticmethod
    def normalise(url: str) -> str:
        """Lower-case scheme and host, no default port, no fragment, "/" for an empty path."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").rstrip(".")
        if ":" in host:
            host = f"[{host}]"
        port = parts.port
        netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
        return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
