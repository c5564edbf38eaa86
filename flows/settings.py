"""Every knob of hkstp-monitor, in one place: environment variables HKSTP_<FIELD> (e.g. HKSTP_MIN_GAP_S=2),
or the command line where it has a flag. The README's settings table lists them all (a test keeps it so).

warehouse/ reads no environment: the flows hand it what it needs (`check_settings()`, `configure_warehouse()`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from warehouse.checks import CheckSettings


class MonitorSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HKSTP_", extra="ignore")

    # -- where
    db: Path = Path("data/hkstp.duckdb")  # the DuckDB warehouse file
    data_dir: Path | None = None  # raw page store; default: a "raw" folder beside the DuckDB file
    base_url: str = "https://www.hkstp.org"  # the press room to watch
    profile: str | None = None  # site profile name or YAML path; default: the bundled hkstp profile
    languages: str = "en,zh-hk,zh-cn"  # which language editions to follow
    # -- fetching, politely
    min_gap_s: float = Field(1.0, ge=0)  # politeness: minimum seconds between two requests to one host
    connect_timeout_s: float = Field(5.0, gt=0)  # seconds to wait for a connection
    read_timeout_s: float = Field(20.0, gt=0)  # seconds to wait for response bytes
    response_deadline_s: float = Field(60.0, gt=0)  # seconds for one whole response (connect + every read); then a fetch error
    max_bytes: int = Field(5_000_000, ge=1024)  # a larger body is refused and recorded as a fetch error
    retries: int = Field(3, ge=0)  # retries on connection errors, 429 and 5xx
    max_retry_after_s: float = Field(120.0, ge=0)  # a Retry-After longer than this is recorded as an error, not waited for
    max_crawl_delay_s: float = Field(60.0, ge=0)  # a longer robots.txt Crawl-delay: this gap, and a problem recorded
    max_redirects: int = Field(5, ge=0)  # redirects followed for one URL
    # -- discovery
    max_listing_pages: int = Field(200, ge=1)  # listing pages followed per language when neither the run nor the profile says
    max_sitemaps: int = Field(1_000, ge=1)  # sitemap files read in one discovery (a guard against sitemap-index loops)
    max_sitemap_bytes: int = Field(50_000_000, ge=1024)  # a sitemap larger than this, uncompressed, is refused
    # -- loading
    batch_size: int = Field(200, ge=1)  # pages per fetch/parse/load batch: one DB transaction per batch
    db_read_timeout: float = Field(60.0, ge=0)  # seconds a reader waits while a run writes to the warehouse
    db_write_timeout: float = Field(300.0, ge=0)  # seconds a writer waits for readers of the warehouse to finish
    sql_timeout_s: float = Field(300.0, gt=0)  # an `sql` query running longer than this is stopped
    # -- checks
    conflict_window_days: int = Field(7, ge=0)  # releases this many days apart (or fewer) that disagree: figure_conflict
    critical_decrease_pct: float = Field(10.0, ge=0)  # a cumulative figure falling by more than this percent is critical
    translation_tolerance_pct: float = Field(0.0, ge=0)  # language editions differing by at most this percent agree
    echo_tolerance_pct: float = Field(0.0, ge=0)  # another source's figure within this percent of HKSTP's agrees with it (echo checks)
    copy_window_days: int = Field(5, ge=0)  # a newswire copy is linked to an HKSTP release this many days apart at most
    # -- alerts
    notify_url: str | None = None  # Apprise URL for alerts (slack://..., mailto://..., json://host/path)
    notify_severity: str = "warning"  # lowest severity that is sent as an alert
    max_discovered_urls: int = Field(50_000, ge=1)  # release URLs (and pages to check by content) one run discovers at most
    drift_generic_jump: float = 0.3  # site_drift when a run's share of releases parsed generically rises this much
    review_timeout_s: int = Field(86_400, gt=0)  # how long a review-findings run waits for decisions before giving up
    recheck_days: float = Field(7.0, ge=0)  # a known release page is asked again once in this many days (daily while < 30 days old)
    # -- parallel parse and extract (Dask)
    dask_address: str | None = None  # an existing Dask scheduler (tcp://host:8786) for rebuild and large backfills
    dask_workers: int | None = Field(None, ge=1)  # worker processes of the local Dask cluster; default: the machine's cores
    parallel_min_pages: int = Field(2_000, ge=0)  # a run with more pages than this to parse spreads them over the Dask cluster
    alert_webhook_url: str | None = None  # `serve` points the Prefect automations (deployments/automations.yaml) here

    def raw_dir(self) -> Path:
        return Path(self.data_dir) if self.data_dir else Path(self.db).parent / "raw"

    def language_list(self) -> list[str]:
        return [x.strip() for x in self.languages.split(",") if x.strip()]

    def check_settings(self) -> CheckSettings:
        """The thresholds of the checks, as the warehouse takes them."""
        from warehouse.checks import CheckSettings

        return CheckSettings(conflict_window_days=self.conflict_window_days,
                             critical_decrease_pct=self.critical_decrease_pct,
                             translation_tolerance_pct=self.translation_tolerance_pct,
                             echo_tolerance_pct=self.echo_tolerance_pct)

    def configure_warehouse(self) -> None:
        """Tell the warehouse how long its connections wait for the file's lock (it reads no environment)."""
        from warehouse.db import set_lock_waits

        set_lock_waits(read_s=self.db_read_timeout, write_s=self.db_write_timeout)


# The defaults alone, without the environment: the fallbacks of flows/http.py and flows/discover.py.
DEFAULTS = MonitorSettings.model_construct()


def settings_error_lines(exc: ValidationError) -> list[str]:
    """One line per bad setting: the variable, the value given and what is allowed (no pydantic traceback)."""
    lines = []
    for err in exc.errors():
        name = "HKSTP_" + "_".join(str(p) for p in err.get("loc", ())).upper()
        given = err.get("input")
        allowed = err.get("msg", "not valid").replace("Input should be", "must be")
        shown = "" if isinstance(given, dict) else f"={given}"
        lines.append(f"{name}{shown}: {allowed}")
    return lines


def get_settings(**overrides: object) -> MonitorSettings:
    """The settings from the environment, with `overrides` (None values are ignored) on top."""
    return MonitorSettings(**{k: v for k, v in overrides.items() if v is not None})
