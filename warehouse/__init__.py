"""The DuckDB warehouse of hkstp-monitor: schema and migrations, loading, analyst views, checks, reports.

Analysts use the views `releases`, `claims`, `metric_timeline`, `findings` and `problems`; the flows use the
functions below. Only one process writes at a time; readers wait while it does.
"""

from warehouse.checks import CheckRun, CheckSettings, run_checks
from warehouse.db import ensure_usable, migrate, read_connection, write_connection
from warehouse.export import export_views, rejected_claims
from warehouse.findings import apply_review, findings_to_review, set_finding_status
from warehouse.load import LoadSummary, PageState, known_pages, load_documents, record_fetches
from warehouse.migrations import LATEST_VERSION
from warehouse.site import english_documents_at, generic_share, record_site_run, release_urls
from warehouse.revisit import revisit_history
from warehouse.queries import holds_only, list_findings, query, recorded_problems, report_data, view_counts

__all__ = [
    "LATEST_VERSION",
    "CheckRun",
    "CheckSettings",
    "LoadSummary",
    "PageState",
    "apply_review",
    "ensure_usable",
    "export_views",
    "findings_to_review",
    "english_documents_at",
    "generic_share",
    "holds_only",
    "list_findings",
    "known_pages",
    "load_documents",
    "migrate",
    "query",
    "read_connection",
    "recorded_problems",
    "rejected_claims",
    "record_fetches",
    "record_site_run",
    "release_urls",
    "report_data",
    "revisit_history",
    "run_checks",
    "set_finding_status",
    "view_counts",
    "write_connection",
]
