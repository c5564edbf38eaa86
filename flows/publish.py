"""Publish a monitor run: Prefect artifacts, a flow-run name that says what happened, and alerts.

The artifacts are created in the flow run itself (publish_run is called from the flow body, not as a task), so
the UI shows them under the run. They say what the CLI and the report say: figures with their qualifiers
("14 -> over 10"), metric names in English and Chinese, full ids and links (flows/findingtext.py), page text
escaped (flows/markdown.py). Alerts go through Apprise (one URL reaches Slack, e-mail, Teams, a webhook...). A
target that cannot be reached is logged and never fails the run.
"""

from __future__ import annotations

import logging
from pathlib import Path

from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

import warehouse
from flows.findingtext import change, finding_line, finding_title, metric_names
from flows.markdown import md_code, md_link, md_text
from flows.settings import MonitorSettings
from warehouse.findings import HIDDEN_STATUSES

SEVERITY_RANK = {"info": 0, "warning": 1, "critical": 2}
log = logging.getLogger("hkstp_monitor")


def new_by_severity(findings: list[dict]) -> dict[str, int]:
    """How many of THIS run's new findings have each severity (not every finding the checks still see)."""
    out: dict[str, int] = {}
    for f in findings:
        out[f["severity"]] = out.get(f["severity"], 0) + 1
    return out


def summary_markdown(base_url: str, totals: dict, checks: warehouse.CheckRun) -> str:
    sev = new_by_severity(checks.new_findings)
    lines = [
        f"# hkstp-monitor run on {md_text(base_url)}",
        "",
        *(["**The site could not be reached: this run saw no release** (see the `site_unreachable` finding).", ""]
          if totals.get("site_unreachable") else []),
        "| stage | count |",
        "|---|---|",
        f"| release pages in scope | {totals.get('pages', 0)} |",
        f"| fetched and parsed | {totals.get('fetched', 0)} |",
        f"| unchanged (304 or same bytes) | {totals.get('not_modified', 0) + totals.get('unchanged', 0)} |",
        f"| fetch errors (release pages) | {totals.get('fetch_errors', 0)} |",
        f"| failed requests of discovery (robots.txt, sitemaps, listings) | {totals.get('discovery_errors', 0)} |",
        f"| parse errors | {totals.get('parse_errors', 0)} |",
        f"| new releases | {totals.get('new_releases', 0)} |",
        f"| revised editions | {totals.get('revised_editions', 0)} |",
        f"| claims loaded | {totals.get('claims', 0)} |",
        f"| releases found only by their content | {totals.get('found_by_content', 0)} |",
        f"| site drift (signs the profile no longer fits) | {_drift_count(checks)} |",
        f"| new findings | {len(checks.new_findings)} |",
        f"| open findings | {checks.total_open} |",
        "",
        "New findings by severity: "
        + (", ".join(f"{k} {v}" for k, v in sorted(sev.items())) if sev else "none"),
    ]
    drift = drift_rows(checks)
    if drift:
        lines += ["", "## Site drift: the site no longer fits its profile", "",
                  "Update the profile key named in each line (see the README, *Site drift*).", ""]
        lines += [f"- **{md_text(r['kind'])}** at {md_link(r['where'], r['where'])}: {md_text(r['what'])}"
                  for r in drift]
    if checks.new_findings:
        lines += ["", "## New findings", ""]
        lines += [f"- {f['severity']}: {md_text(finding_title(f))} ({f['check_name']}, {md_text(f.get('language'))}) "
                  f"{md_link('new release', f.get('new_url'))} {md_code(f['finding_id'])}"
                  for f in checks.new_findings[:50]]
        if len(checks.new_findings) > 50:
            lines.append(f"- ... and {len(checks.new_findings) - 50} more in the `new-findings` artifact")
    return "\n".join(lines)


def new_findings_markdown(findings: list[dict]) -> str:
    """The `new-findings` artifact: one line per finding, in the words of the CLI and the report. A list, not a
    table: the UI cuts a wide table's last columns (the links and the id) at the edge of the page."""
    if not findings:
        return "# No new findings in this run"
    lines = [f"# {len(findings)} new finding{'' if len(findings) == 1 else 's'}", ""]
    for f in findings:
        what = md_text(" ".join(filter(None, metric_names(f.get("metric"))))) or f["check_name"].replace("_", " ")
        figures = md_text(change(f)) if f.get("check_name") != "site_drift" else md_text(f.get("new_text"))
        dates = " -> ".join(str(f[k]) for k in ("old_published_on", "new_published_on") if f.get(k))
        links = " ".join(md_link(which, f.get(f"{which}_url")) for which in ("old", "new") if f.get(f"{which}_url"))
        whose = f" · {md_text(f['subject'])}" if f.get("subject") not in (None, "hkstp") else ""  # another subject's figure
        lines.append(f"- **{f['severity']}** · {f['check_name']} · **{what}**{whose} ({md_text(f.get('language'))}): "
                     f"**{figures}**{f', {dates}' if dates else ''} · {links} · {md_code(f['finding_id'])}")
    return "\n".join(lines)


def report_markdown(db: Path) -> str:
    """The `monitor-report` artifact: the report's "what changed" (the same lines as `hkstp-monitor report`), what
    it holds, and how to write the full page with charts."""
    from flows.report import HEADLINE_SEVERITIES, headline

    data = warehouse.report_data(db)
    findings = data.get("findings", [])
    lines = ["# What changed", ""]
    lines += [f"- **{md_text(' '.join(filter(None, metric_names(f.get('metric')))) or f['check_name'].replace('_', ' ').capitalize())}** "
              f"{md_text(f['words'])} {md_link('release', f.get('new_url'))}".rstrip()
              for f in headline(findings)] or ["Nothing at warning or critical."]
    others = sum(f.get("severity") not in HEADLINE_SEVERITIES for f in findings)
    report = Path(db).resolve().parent / "report.html"
    lines += ["", f"{len(findings)} findings in the report ({others} info), "
                  f"{len(data.get('problems', []))} pages that could not be used.", "",
              f"The full report with a chart per metric: {md_code(f'hkstp-monitor report --db {db}')} writes "
              f"{md_code(report)}, one file to open in a browser."]
    return "\n".join(lines)


def _drift_count(checks: warehouse.CheckRun) -> int:
    return int((checks.counts_by_check or {}).get("site_drift", 0))


def drift_rows(checks: warehouse.CheckRun) -> list[dict]:
    """The site_drift findings first seen in this run, as what / where / which profile key."""
    return [
        {"kind": f.get("new_sentence") or "site_drift", "severity": f["severity"], "where": f.get("new_url") or "",
         "profile key": f.get("old_text") or "", "what": f.get("new_text") or "", "finding_id": f["finding_id"]}
        for f in checks.new_findings if f.get("check_name") == "site_drift"
    ]


def notify(url: str | None, min_severity: str, findings: list[dict]) -> bool:
    """One message for the batch of new findings at or above `min_severity`; False when nothing was sent."""
    if not url:
        return False
    floor = SEVERITY_RANK.get(min_severity, 1)
    chosen = [f for f in findings if SEVERITY_RANK.get(f.get("severity"), 0) >= floor
              and f.get("status") not in HIDDEN_STATUSES]  # a muted or rejected finding is never sent
    if not chosen:
        return False
    body = "\n".join(finding_line(f) for f in chosen[:30])
    if len(chosen) > 30:
        body += f"\n... and {len(chosen) - 30} more"
    return send_alert(url, f"hkstp-monitor: {len(chosen)} new finding(s)", body)


def send_alert(url: str, title: str, body: str) -> bool:
    """One message through Apprise; False (and a warning in the log) when it could not be delivered."""
    try:
        import apprise

        app = apprise.Apprise()
        if not app.add(url):
            log.warning("alert target %r is not a valid Apprise URL; no alert sent", url)
            return False
        ok = app.notify(title=title, body=body)
        if not ok:
            log.warning("alert target %s did not accept the notification; the run goes on", url.split("://")[0])
        return bool(ok)
    except Exception as exc:  # an alert must never fail the run
        log.warning("alert failed (%s: %s); the run goes on", type(exc).__name__, exc)
        return False


FINDING_FIELDS = ("check_name", "severity", "metric", "language", "old_value", "new_value", "old_qualifier",
                  "new_qualifier", "change_pct", "old_published_on", "new_published_on", "old_url", "new_url",
                  "old_text", "new_text", "old_release_id", "new_release_id", "subject")


def finding_event(finding: dict, flow_run_id: str | None) -> dict:
    """The Prefect event of one new finding (DESIGN.md, Prefect signals), as emit_event's keyword arguments.

    Severity and check are labels of the resource, so an automation can match on them
    (`match: {"hkstp.severity": "critical"}`); the payload carries the figures and where they were said.
    """
    resource = {
        "prefect.resource.id": f"hkstp.finding.{finding['finding_id']}",
        "prefect.resource.name": finding_title(finding),
        "hkstp.check": finding["check_name"],
        "hkstp.severity": finding["severity"],
    }
    related = []
    if finding.get("metric"):
        related.append({"prefect.resource.id": f"hkstp.metric.{finding['metric']}", "prefect.resource.role": "metric",
                        "prefect.resource.name": " ".join(filter(None, metric_names(finding["metric"])))})
    for side in ("new", "old"):
        release_id = finding.get(f"{side}_release_id")
        if release_id and all(r["prefect.resource.id"] != f"hkstp.release.{release_id}" for r in related):
            related.append({"prefect.resource.id": f"hkstp.release.{release_id}", "prefect.resource.role": "release"})
    if flow_run_id:
        related.append({"prefect.resource.id": f"prefect.flow-run.{flow_run_id}", "prefect.resource.role": "flow-run"})
    payload = {k: (str(finding[k]) if k.endswith("_on") and finding.get(k) else finding.get(k)) for k in FINDING_FIELDS}
    payload["finding_id"] = finding["finding_id"]
    return {"event": f"hkstp.finding.{finding['check_name']}", "resource": resource, "related": related,
            "payload": payload}


def emit_findings(findings: list[dict], totals: dict, base_url: str) -> int:
    """One `hkstp.finding.<check_name>` event per new finding, then `hkstp.run.summary`; returns events sent."""
    from prefect.events import emit_event

    run_id = str(flow_run.id) if flow_run.id else None
    sent = 0
    try:
        for finding in findings:
            sent += emit_event(**finding_event(finding, run_id)) is not None
        by_severity = new_by_severity(findings)
        related = [{"prefect.resource.id": f"prefect.flow-run.{run_id}", "prefect.resource.role": "flow-run"}] if run_id else []
        top = max((f["severity"] for f in findings if f.get("status") not in HIDDEN_STATUSES),
                  key=lambda s: SEVERITY_RANK.get(s, 0), default="none")
        sent += emit_event(
            event="hkstp.run.summary",
            # hkstp.top-severity: the review deployment's trigger starts one review per run, not one per finding
            resource={"prefect.resource.id": f"hkstp.run.{run_id or 'local'}", "hkstp.base-url": base_url,
                      "hkstp.top-severity": top},
            related=related,
            payload={**{k: v for k, v in totals.items() if isinstance(v, (int, float, str))},
                     "new_findings": len(findings), "new_findings_by_severity": by_severity},
        ) is not None
    except Exception as exc:  # a signal must never fail the run
        log.warning("could not emit Prefect events (%s: %s); the run goes on", type(exc).__name__, exc)
    return sent


def _rename_flow_run(name: str) -> None:
    if not flow_run.id:
        return
    try:
        from prefect.client.orchestration import get_client

        with get_client(sync_client=True) as client:
            client.update_flow_run(flow_run.id, name=name)
    except Exception as exc:  # cosmetic: never fail a run over its name
        log.debug("could not rename flow run: %s", exc)


def outcome_name(totals: dict, checks: warehouse.CheckRun) -> str:
    name = (
        f"{totals.get('fetched', 0)} pages parsed, {totals.get('new_releases', 0)} new releases, "
        f"{totals.get('revised_editions', 0)} revised, {len(checks.new_findings)} new findings"
    )
    drift = _drift_count(checks)
    if totals.get("site_unreachable"):
        name = "SITE UNREACHABLE: " + name
    return name + (f", site drift: {drift}" if drift else "")


@task(cache_policy=NO_CACHE, task_run_name="send-signals")
def send_signals(findings: list[dict], totals: dict, base_url: str, settings: MonitorSettings) -> bool:
    """The run's Prefect events and its Apprise alert; True when an alert was sent."""
    emit_findings(findings, totals, base_url)
    return notify(settings.notify_url, settings.notify_severity, findings)


def publish_run(
    db: Path, base_url: str, totals: dict, checks: warehouse.CheckRun, settings: MonitorSettings
) -> dict:
    """Called from the flow body (not a task), so the artifacts belong to the flow run."""
    md = summary_markdown(base_url, totals, checks)
    print(md)
    create_markdown_artifact(key="monitor-summary", markdown=md, description="What this monitor run did")
    create_markdown_artifact(key="new-findings", markdown=new_findings_markdown(checks.new_findings),
                             description="Findings first seen in this run")
    drift = drift_rows(checks)
    if drift:
        create_table_artifact(key="site-drift", table=drift,
                              description="Signs that the site no longer fits its profile: update the key named")
    try:
        create_markdown_artifact(key="monitor-report", markdown=report_markdown(db),
                                 description="The report of the warehouse: what changed (hkstp-monitor report)")
    except Exception as exc:  # the report artifact is a convenience: never fail the run over it
        log.warning("could not write the monitor-report artifact (%s: %s)", type(exc).__name__, exc)
    # quoted: Prefect would walk every finding's dict looking for futures (~0.4 s for 2,000 findings)
    sent = send_signals(quote(checks.new_findings), totals, base_url, settings)
    name = outcome_name(totals, checks)
    _rename_flow_run(f"{flow_run.name or 'monitor'}: {name}")
    return {**totals, "new_findings": len(checks.new_findings), "open_findings": checks.total_open,
            "counts_by_severity": checks.counts_by_severity, "alert_sent": sent, "summary": name,
            "site_drift": _drift_count(checks), "flow_run_id": str(flow_run.id) if flow_run.id else None}
