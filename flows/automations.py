"""The automations of deployments/automations.yaml, applied to a Prefect server (created or updated by name).

    .venv/bin/python -m flows.automations --render > data/automations.yaml   # for `prefect automation create`
    .venv/bin/python -m flows.automations                                    # apply them now

`hkstp-monitor serve` applies them before serving when HKSTP_ALERT_WEBHOOK_URL is set. Importing this module
starts nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import yaml

AUTOMATIONS_YAML = Path(__file__).resolve().parent.parent / "deployments" / "automations.yaml"
ALERT_BLOCK = "hkstp-alert-webhook"
PLACEHOLDER = "{{ alert_block_id }}"
log = logging.getLogger("hkstp_monitor")

__all__ = ["ALERT_BLOCK", "apply_automations", "automation_specs", "ensure_alert_block"]


def automation_specs(block_id: str, path: Path = AUTOMATIONS_YAML) -> list[dict]:
    """The automations of the file, with the alert block's id filled in."""
    text = path.read_text(encoding="utf-8").replace(PLACEHOLDER, str(block_id))
    return yaml.safe_load(text)["automations"]


def ensure_alert_block(url: str) -> str:
    """Create or update the Webhook block `hkstp-alert-webhook` (POST to `url`); returns its id."""
    from prefect.blocks.webhook import Webhook

    block = Webhook(method="POST", url=url, headers={"Content-Type": "application/json"})
    return str(block.save(ALERT_BLOCK, overwrite=True))


def apply_automations(webhook_url: str, path: Path = AUTOMATIONS_YAML) -> dict[str, str]:
    """Create (or update, by name) every automation of the file; returns name -> automation id."""
    from prefect.client.orchestration import get_client
    from prefect.events.schemas.automations import AutomationCore

    block_id = ensure_alert_block(webhook_url)
    out = {}
    with get_client(sync_client=True) as client:
        for spec in automation_specs(block_id, path):
            automation = AutomationCore.model_validate(spec)
            existing = client.read_automations_by_name(automation.name)
            if existing:
                client.update_automation(existing[0].id, automation)
                out[automation.name] = str(existing[0].id)
                for extra in existing[1:]:  # one automation per name
                    client.delete_automation(extra.id)
            else:
                out[automation.name] = str(client.create_automation(automation))
    log.info("automations applied: %s", ", ".join(out))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.automations", description=__doc__.splitlines()[0])
    parser.add_argument("--render", action="store_true", help="print the file for `prefect automation create`")
    parser.add_argument("--webhook-url", help="where alerts go (default: HKSTP_ALERT_WEBHOOK_URL)")
    args = parser.parse_args(argv)
    from flows.settings import MonitorSettings

    url = args.webhook_url or MonitorSettings().alert_webhook_url
    if not url:
        print("set HKSTP_ALERT_WEBHOOK_URL (or --webhook-url): the automations need somewhere to send to",
              file=sys.stderr)
        return 2
    if args.render:
        print(yaml.safe_dump({"automations": automation_specs(ensure_alert_block(url))}, sort_keys=False,
                             allow_unicode=True))
        return 0
    for name, automation_id in apply_automations(url).items():
        print(f"{name}: {automation_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
