"""The `review-findings` flow: people review open findings in the Prefect UI.

The flow gathers a page of open findings (most severe first), pauses, and the Prefect UI shows a form beside a
description that lets a person judge each finding without leaving the page: the check, the metric in English
and Chinese, old -> new with qualifiers, the dates, both sentences with the figure in bold, links to both
releases, the finding id. The answer is `{"decisions": [{"finding_id", "decision", "note"}]}`:
confirm -> acknowledged, mute -> muted, wrong -> rejected (the monitor misread the release). On resume every
decision is applied in one warehouse transaction with who, when and the note. Decisions naming an unknown
finding are reported and nothing is applied; the run pauses again, the problems at the top, for a corrected
answer. A pause that times out changes nothing.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Literal

from prefect import flow, pause_flow_run
from prefect.artifacts import create_markdown_artifact
from prefect.exceptions import FlowPauseTimeout
from prefect.input import RunInput
from prefect.runtime import flow_run
from pydantic import BaseModel, Field, field_validator

import warehouse
from flows.writer import warehouse_writer
from flows.display import fmt_number
from flows.publish import _rename_flow_run, send_alert
from flows.settings import get_settings
from transforms.errors import ReviewRejected

log = logging.getLogger("hkstp_monitor")

ATTEMPTS = 3  # answers naming unknown findings are sent back this many times before the run gives up
QUALIFIER_WORDS = {"exact": "", "about": "about ", "over": "over ", "at_least": "at least ", "nearly": "nearly ",
                   "under": "under ", "up_to": "up to "}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


MAX_NOTE_CHARS = 2_000
NOTE_CUT_MARK = f" [... cut at {MAX_NOTE_CHARS:,} characters]"


class Decision(BaseModel):
    """What a reviewer says about one finding."""

    finding_id: str = Field(description="The finding's id (or a unique prefix of it), as in the description.")
    decision: Literal["confirm", "mute", "wrong"] = Field(
        description="confirm: a real change (acknowledged); mute: never show it again; "
                    "wrong: the monitor misread the release (rejected, kept as a test case)."
    )
    note: str = Field(default="", description="Optional: why, or what the release really says "
                                               f"(at most {MAX_NOTE_CHARS:,} characters).")

    @field_validator("note")
    @classmethod
    def _cut_long_note(cls, note: str) -> str:
        """A note is a sentence or two: a longer one (a pasted page, 1 MB) is cut, with a mark that says so."""
        if len(note) <= MAX_NOTE_CHARS:
            return note
        return note[:MAX_NOTE_CHARS] + NOTE_CUT_MARK


class ReviewInput(RunInput):
    """The review form: one decision per finding you decide on; findings you leave out stay open."""

    decisions: list[Decision] = Field(default_factory=list,
                                      description="One entry per finding; remove the ones you leave open.")
    reviewer: str = Field(default="", description="Your name, recorded with each decision (optional).")


def _md(text: str | None) -> str:
    """Text as literal markdown: markup characters escaped, runs of white space one space."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text or ""))


def _side(value, high, qualifier: str | None) -> str:
    if value is None:
        return "(none)"
    figure = fmt_number(value) + (f"-{fmt_number(high)}" if high is not None else "")
    return QUALIFIER_WORDS.get(qualifier or "exact", f"{qualifier} ") + figure


def bold_figure(sentence: str | None, text: str | None) -> str:
    """The sentence as markdown with the claim's words in bold (or the claim alone when there is no sentence)."""
    if not sentence:
        return f"**{_md(text)}**" if text else "(no sentence)"
    sentence, text = " ".join(sentence.split()), " ".join((text or "").split())
    at = sentence.find(text) if text else -1
    if at < 0:
        return _md(sentence) + (f" (read as **{_md(text)}**)" if text else "")
    return f"{_md(sentence[:at])}**{_md(text)}**{_md(sentence[at + len(text):])}"


def finding_markdown(n: int, f: dict) -> str:
    """One finding, as a reviewer needs it to decide."""
    name = f.get("metric_en") or f.get("metric") or "figures outside the vocabulary"
    zh = f" ({f['metric_zh']})" if f.get("metric_zh") else ""
    change = f" ({f['change_pct']:+.1f}%)" if f.get("change_pct") is not None else ""
    lines = [
        f"### {n}. `{f['finding_id']}` · {f['severity']} · {f['check_name']}",
        "",
        f"**{_md(name)}**{zh} · {f.get('language') or ''}: "
        f"**{_side(f.get('old_value'), f.get('old_value_high'), f.get('old_qualifier'))} → "
        f"{_side(f.get('new_value'), f.get('new_value_high'), f.get('new_qualifier'))}**{change}, "
        f"{f.get('old_published_on') or '?'} → {f.get('new_published_on') or '?'}",
        "",
    ]
    for side in ("old", "new"):
        url = f.get(f"{side}_url")
        link = f" ([{side} release]({url}))" if url else ""
        lines.append(f"- {side}, {f.get(f'{side}_published_on') or '?'} ({f.get(f'{side}_language') or ''}): "
                     f"{bold_figure(f.get(f'{side}_sentence'), f.get(f'{side}_text'))}{link}")
    return "\n".join(lines)


def review_description(page: list[dict], total: int, problems: list[str] | None = None) -> str:
    """The markdown shown beside the form."""
    head = []
    if problems:
        head += ["## Nothing was applied: fix these decisions and submit again", ""]
        head += [f"- {_md(p)}" for p in problems] + [""]
    head += [
        f"## {len(page)} of {total} open findings, most severe first",
        "",
        "For each finding you decide on, keep its row in **decisions** and choose: **confirm** (a real "
        "change: acknowledged), **mute** (never show it again) or **wrong** (the monitor misread the "
        "release: rejected, left out of alerts and reports, exported with `hkstp-monitor export --rejected`). "
        "Add a note if it helps. Remove the rows of findings you leave open. All decisions are applied "
        "together, or none if one names an unknown finding.",
        "",
    ]
    return "\n".join(head) + "\n\n".join(finding_markdown(n, f) for n, f in enumerate(page, start=1))


def _ask(page: list[dict], total: int, problems: list[str], timeout_s: int, attempt: int) -> ReviewInput:
    form = ReviewInput.with_initial_data(
        description=review_description(page, total, problems),
        decisions=[{"finding_id": f["finding_id"], "note": ""} for f in page],
    )
    return pause_flow_run(wait_for_input=form, timeout=timeout_s, poll_interval=2, key=f"review-{attempt}")


@flow(name="review-findings", log_prints=True)
def review_findings(
    db: str | None = None, severity: str | None = None, limit: int = 10, timeout_s: int | None = None
) -> dict:
    """Pause for a person to review a page of open findings in the Prefect UI; apply their decisions.

    severity: only findings at or above it (info, warning, critical); limit: findings on the page;
    timeout_s: how long to wait (default HKSTP_REVIEW_TIMEOUT_S).
    """
    settings = get_settings(db=db)
    settings.configure_warehouse()
    db_path = Path(settings.db)
    timeout_s = timeout_s or settings.review_timeout_s
    warehouse.migrate(db_path)
    page, total = warehouse.findings_to_review(db_path, severity=severity, limit=limit)
    if not page:
        print("No open findings to review.")
        _rename_flow_run("review: no open findings")
        return {"reviewed": 0, "open": total, "applied": []}
    link = flow_run.ui_url
    print(f"{len(page)} of {total} open findings await a decision: {link or 'in the Prefect UI'}")
    _rename_flow_run(f"review: {len(page)} of {total} open findings await decisions")
    create_markdown_artifact(key="review-findings", markdown=review_description(page, total),
                             description="The findings this review run asks about")
    if settings.notify_url:
        send_alert(settings.notify_url, f"hkstp-monitor: {len(page)} finding(s) await review",
                   f"Decide in the Prefect UI: {link}")
    problems: list[str] = []
    for attempt in range(1, ATTEMPTS + 1):
        try:
            answer = _ask(page, total, problems, timeout_s, attempt)
        except FlowPauseTimeout:
            _rename_flow_run("review: no answer in time, nothing changed")
            raise FlowPauseTimeout(f"no decisions within {timeout_s} s; no finding was changed") from None
        try:
            with warehouse_writer():  # one writer across deployments (flows/writer.py)
                applied = warehouse.apply_review(db_path, [d.model_dump() for d in answer.decisions],
                                                 reviewer=answer.reviewer.strip() or None,
                                                 flow_run_id=str(flow_run.id) if flow_run.id else None)
        except ReviewRejected as exc:
            problems = exc.problems
            log.error("review not applied: %s", exc)
            print(f"Nothing was applied; the review asks again: {'; '.join(problems)}")
            create_markdown_artifact(key="review-result", markdown="\n".join(
                ["# Nothing was applied", ""] + [f"- {_md(p)}" for p in problems]),
                description="Decisions that could not be applied")
            continue
        counts = {s: sum(1 for r in applied if r["status"] == s) for s in ("acknowledged", "muted", "rejected")}
        summary = (f"{len(applied)} decisions applied: {counts['acknowledged']} confirmed, "
                   f"{counts['muted']} muted, {counts['rejected']} wrong")
        print(summary)
        _rename_flow_run(f"review: {summary}")
        create_markdown_artifact(key="review-result", markdown="\n".join(
            [f"# {summary}", "", "| finding | status | note |", "|---|---|---|"]
            + [f"| `{r['finding_id']}` | {r['status']} | {_md(r.get('review_note'))} |" for r in applied]),
            description="What this review changed")
        return {"reviewed": len(page), "open": total, "applied": applied}
    raise ReviewRejected(problems)
