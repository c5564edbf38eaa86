"""The DuckDB warehouse of hkstp-monitor: schema and migrations, loading, analyst views, checks, reports.

Analysts use the views `releases`, `claims`, `metric_timeline`, `findings` and `problems`; the flows use the
functions below. Only one process writes at a time; readers wait while it does.
"""

from warehouse.checks import CheckRun, CheckSettings, run_checks
from warehouse.db import read_connection, write_connection
from warehouse.export import export_views
from warehouse.findings import set_finding_status
from warehouse.load import LoadSummary, PageState, known_pages, load_documents, record_fetches
from warehouse.migrations import LATEST_VERSION, migrate
from warehouse.revisit import revisit_history
from warehouse.queries import holds_only, list_findings, query, recorded_problems, report_data, view_counts

__all__ = [
    "LATEST_VERSION",
    "CheckRun",
    "CheckSettings",
    "LoadSummary",
    "PageState",
    "export_views",
    "holds_only",
    "list_findings",
    "known_pages",
    "load_documents",
    "migrate",
    "query",
    "read_connection",
    "recorded_problems",
    "record_fetches",
    "report_data",
    "revisit_history",
    "run_checks",
    "set_finding_status",
    "view_counts",
    "write_connection",
]
