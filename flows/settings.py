"""Settings read from the environment (prefix HKSTP_) or passed on the command line.

Each field is one knob; the README lists them all.
"""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class MonitorSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HKSTP_", extra="ignore")

    db: Path = Path("data/hkstp.duckdb")  # the DuckDB warehouse file
    data_dir: Path | None = None  # raw page store; default: a "raw" folder beside the DuckDB file
    base_url: str = "https://www.hkstp.org"  # the press room to watch
    profile: str | None = None  # site profile name or YAML path; default: the bundled hkstp profile
    languages: str = "en,zh-hk,zh-cn"  # which language editions to follow
    min_gap_s: float = 1.0  # politeness: minimum seconds between two requests to one host
    connect_timeout_s: float = 5.0  # seconds to wait for a connection
    read_timeout_s: float = 20.0  # seconds to wait for response bytes
    max_bytes: int = 5_000_000  # a larger body is refused and recorded as a fetch error
    retries: int = 3  # retries on connection errors, 429 and 5xx
    batch_size: int = 200  # pages per fetch/parse/load batch: one DB transaction per batch
    notify_url: str | None = None  # Apprise URL for alerts (slack://..., mailto://..., json://host/path)
    notify_severity: str = "warning"  # lowest severity that is sent as an alert
    recheck_days: float = 7.0  # a known release page is asked again once in this many days (daily while < 30 days old)
    alert_webhook_url: str | None = None  # `serve` points the Prefect automations (deployments/automations.yaml) here

    def raw_dir(self) -> Path:
        return Path(self.data_dir) if self.data_dir else Path(self.db).parent / "raw"

    def language_list(self) -> list[str]:
        return [x.strip() for x in self.languages.split(",") if x.strip()]
