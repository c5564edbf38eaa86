"""`hkstp-monitor serve`: register the deployments of deployments/prefect.yaml and run them on schedule.

One file holds the deployments (schedules, parameters, tags, concurrency, triggers); this module turns each
entry into `<flow>.to_deployment(...)` (the flow named by its entrypoint) and hands them all to `prefect.serve`,
after creating the `hkstp-warehouse` concurrency limit and the automations of deployments/automations.yaml.
Importing it starts nothing. deployments/ is data only (prefect.yaml, automations.yaml, ui.sh): it imports
nothing, so flows -> deployments is no cycle.
"""

from __future__ import annotations

from pathlib import Path

import yaml

PREFECT_YAML = Path(__file__).resolve().parent.parent / "deployments" / "prefect.yaml"


def deployment_specs(path: Path = PREFECT_YAML) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["deployments"]


def build_deployments(base_url: str | None = None, db: str | None = None, path: Path = PREFECT_YAML) -> list:
    from prefect.client.schemas.objects import ConcurrencyLimitConfig
    from prefect.events.schemas.deployment_triggers import DeploymentTriggerTypes
    from prefect.schedules import Cron
    from pydantic import TypeAdapter

    from flows.monitor import monitor
    from flows.review import review_findings
    from flows.sources.gia import gia_source

    flows = {"flows/monitor.py:monitor": monitor, "flows/review.py:review_findings": review_findings,
             "flows/sources/gia.py:gia_source": gia_source}
    triggers = TypeAdapter(list[DeploymentTriggerTypes])
    out = []
    for spec in deployment_specs(path):
        flow = flows[spec["entrypoint"]]
        params = dict(spec.get("parameters") or {})
        if base_url and flow is monitor:
            params["base_url"] = base_url
        if db:
            params["db"] = str(db)
        limit = spec.get("concurrency_limit")  # none for `review`: a paused run cannot renew a limit's lease
        out.append(
            flow.to_deployment(
                name=spec["name"],
                description=spec.get("description"),
                tags=spec.get("tags"),
                parameters=params,
                schedules=[Cron(s["cron"], timezone=s.get("timezone")) for s in spec.get("schedules", [])],
                concurrency_limit=ConcurrencyLimitConfig(
                    limit=limit.get("limit", 1), collision_strategy=limit.get("collision_strategy", "ENQUEUE")
                ) if limit else None,
                triggers=triggers.validate_python(spec.get("triggers") or []),
            )
        )
    return out


def prepare_server() -> None:
    """What the deployments expect of the Prefect server: the `hkstp-warehouse` limit (flows/writer.py) and,
    when HKSTP_ALERT_WEBHOOK_URL is set, the automations of deployments/automations.yaml."""
    from flows.automations import apply_automations
    from flows.settings import MonitorSettings
    from flows.writer import ensure_warehouse_limit

    ensure_warehouse_limit()
    url = MonitorSettings().alert_webhook_url
    if url:
        apply_automations(url)


def serve_all(base_url: str | None = None, db: str | None = None) -> None:
    from prefect import serve

    prepare_server()
    serve(*build_deployments(base_url=base_url, db=db))
