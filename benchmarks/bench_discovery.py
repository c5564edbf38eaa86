"""Discovery stays linear in the sitemap's size: N and 4N robots-disallowed release URLs in one sitemap.

    .venv/bin/python benchmarks/bench_discovery.py            # N = 10,000 and 40,000
    .venv/bin/python benchmarks/bench_discovery.py --n 20000  # N = 20,000 and 80,000 (issue 13's case)

Prints seconds per URL at N and 4N and their ratio (1.0 is linear; a list lookup per skipped URL, as before
issue 11, gave 3 to 4). The absolute times move with the machine's load; the ratio is the figure.
"""

from __future__ import annotations

import argparse
import time

from flows.discover import discover
from flows.http import PoliteSession
from flows.loopback import LoopbackServer
from flows.profile import load_profile


def seconds_for(n: int) -> float:
    rows = "".join(f"<url><loc>https://www.hkstp.org/news-room/embargoed-{i}/</loc></url>" for i in range(n))
    sitemap = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'
    profile = load_profile()
    profile["site"]["listing_pages"] = []
    routes = {"/robots.txt": "User-agent: *\nDisallow: /news-room/embargoed-\n", "/sitemap.xml": sitemap}
    with LoopbackServer(routes=routes) as server:
        session = PoliteSession(profile["site"]["user_agent"], min_gap_s=0, allowed_hosts={"127.0.0.1"},
                                max_bytes=100_000_000)
        started = time.perf_counter()
        found = discover(session, profile, server.base_url)
        elapsed = time.perf_counter() - started
    assert len(found.skipped) == n, "every URL must be skipped as disallowed"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()
    small, large = seconds_for(args.n), seconds_for(4 * args.n)
    per_small, per_large = small / args.n, large / (4 * args.n)
    print(f"N={args.n:,}: {small:.2f} s ({per_small * 1e6:.0f} us/URL); 4N={4 * args.n:,}: {large:.2f} s "
          f"({per_large * 1e6:.0f} us/URL); per-URL ratio 4N/N = {per_large / per_small:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
