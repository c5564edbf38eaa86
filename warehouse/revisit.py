"""What the revisit policy needs from the warehouse: every known release page, its last good fetch and its
release's publication date. The rule that decides which of them are due is transforms/revisit.py."""

from __future__ import annotations

from pathlib import Path

from transforms.revisit import PageHistory
from warehouse.db import read_connection

REVISIT_SQL = """
-- one row per release page fetched from the web: when it was last answered (200 or 304) and when its
-- release was published (the newest date any version of it carries)
with pages as (
    select d.url, max(v.published_on) as published_on
    from core.documents as d
    left join core.versions as v using (version_id)
    where coalesce(d.source, 'web') = 'web'
    group by d.url
), checked as (
    select url, max(fetched_at) as last_checked_at
    from core.fetches
    where error is null and (status = 304 or status between 200 and 299)
    group by url
)
select p.url, c.last_checked_at, p.published_on
from pages as p
left join checked as c using (url)
order by p.url
"""


def revisit_history(db_path: str | Path) -> dict[str, PageHistory]:
    """url -> PageHistory for every release page in the warehouse; {} when there is no warehouse yet."""
    if not Path(db_path).exists():
        return {}
    with read_connection(db_path) as con:
        rows = con.execute(REVISIT_SQL).fetchall()
    return {url: PageHistory(url, checked, published) for url, checked, published in rows}
