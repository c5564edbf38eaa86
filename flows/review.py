"""The `review-findings` flow: people review open findings in the Prefect UI.

The flow gathers a page of open findings (most severe first) and pauses with a form made for that page: one
row per finding whose title and description carry the evidence (the check, the metric in English and Chinese,
old -> new with qualifiers, the dates, both sentences with the figure in bold, links to both releases, the id),
because Prefect's default UI shows field titles and descriptions in the form itself (the markdown description
beside it is 0 px tall there). Each row is a choice (leave open, confirm, mute, wrong) and a note. Scripts may
answer in the DESIGN.md shape instead, `{"decisions": [{"finding_id", "decision", "note"}]}`; both are accepted,
together too. confirm -> acknowledged, mute -> muted, wrong -> rejected (the monitor misread the release). On
resume every decision is applied in one warehouse transaction with who, when and the note. Decisions naming an
unknown finding are reported and nothing is applied; the run pauses again with the problems as the first field
of the form and in the run's name. A pause that times out changes nothing.

One review waits at a time: the run refuses to start a second while another review is paused (it ends Completed
with "a review is already waiting: <url>"); no deployment concurrency limit does it, because Prefect cannot renew
such a limit's lease while the run is paused (the engine renews it every 225 s; the paused run's lease is gone, so
the run crashed 3m45s in with "410 Gone"). A review that fails, times out
or crashes says so in its name, and the `hkstp run failed` automation alerts on it like on a failed monitor.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from prefect import flow, pause_flow_run
from prefect.artifacts import create_markdown_artifact
from prefect.exceptions import FlowPauseTimeout
from prefect.input import RunInput
from prefect.runtime import flow_run
from pydantic import BaseModel, Field, create_model, field_validator

import warehouse
from flows.findingtext import change, evidence_markdown, metric_words
from flows.markdown import md_code, md_text
from flows.publish import _rename_flow_run, send_alert
from flows.settings import get_settings
from flows.writer import warehouse_writer
from transforms.errors import ReviewRejected

log = logging.getLogger("hkstp_monitor")

ATTEMPTS = 3  # answers naming unknown findings are sent back this many times before the run gives up
LEAVE_OPEN = "leave open"
RowChoice = Literal["leave open", "confirm", "mute", "wrong"]
FLOW_NAME = "review-findings"
TIMED_OUT_NAME = "review: no answer in time, nothing changed"
TIMED_OUT_MESSAGE = "no decisions within"


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
        return cut_note(note)


def cut_note(note: str) -> str:
    """A note is a sentence or two: a longer one (a pasted page, 1 MB) is cut, with a mark that says so."""
    if len(note) <= MAX_NOTE_CHARS:
        return note
    return note[:MAX_NOTE_CHARS] + NOTE_CUT_MARK


class ReviewAnswer(RunInput):
    """An answer to a review: the fields of the form made for the page (`review_form`), or only these."""

    def all_decisions(self) -> list[dict]:
        """The rows' decisions (those not left open) then the `decisions` list, as apply_review takes them."""
        values = self.model_dump()
        out = [{"finding_id": key.removeprefix("decision_"), "decision": choice,
                "note": cut_note(values.get("note_" + key.removeprefix("decision_")) or "")}
               for key, choice in values.items() if key.startswith("decision_") and choice != LEAVE_OPEN]
        return out + [dict(d) for d in values.get("decisions") or []]


class ReviewInput(ReviewAnswer):
    """The review's input contract (DESIGN.md): one decision per finding you decide on; the rest stay open."""

    decisions: list[Decision] = Field(default_factory=list,
                                      description="One entry per finding; remove the ones you leave open.")
    reviewer: str = Field(default="", description="Your name, recorded with each decision (optional).")


def finding_markdown(n: int, f: dict) -> str:
    """One finding, as a reviewer needs it to decide (the markdown description beside the form)."""
    return "\n\n".join([f"### {n}. {md_code(f['finding_id'])} · {f['severity']} · {f['check_name']}",
                         f"**{md_text(row_title(n, f))}**", evidence_markdown(f)])


def review_description(page: list[dict], total: int, problems: list[str] | None = None) -> str:
    """The markdown shown beside the form (the V2 UI shows it; the default UI shows the form's own fields)."""
    head = []
    if problems:
        head += ["## Nothing was applied: fix these decisions and submit again", ""]
        head += [f"- {md_text(p)}" for p in problems] + [""]
    head += [
        f"## {len(page)} of {total} open findings, most severe first",
        "",
        "For each finding choose: **confirm** (a real change: acknowledged), **mute** (never show it again) or "
        "**wrong** (the monitor misread the release: rejected, left out of alerts and reports, exported with "
        "`hkstp-monitor export --rejected`), or leave it open. Add a note if it helps. All decisions are applied "
        "together, or none if one names an unknown finding.",
        "",
    ]
    return "\n".join(head) + "\n\n".join(finding_markdown(n, f) for n, f in enumerate(page, start=1))


def row_title(n: int, f: dict) -> str:
    """The title of a finding's row in the form (plain text): what changed, where, how serious."""
    what = metric_words(f) or (f.get("new_sentence") or "").replace("_", " ")
    lang = f.get("language") or ""
    said = [change(f)] if f.get("check_name") != "site_drift" else []
    said += [" -> ".join(str(d) for d in (f.get("old_published_on"), f.get("new_published_on")) if d)]
    said = ", ".join(x for x in said if x)
    return (f"{n}. {what}{f' ({lang})' if lang else ''}{f': {said}' if said else ''} · "
            f"{f['severity']} · {f['check_name']}")


def review_form(page: list[dict], total: int, problems: list[str] | None = None) -> type[ReviewAnswer]:
    """The form for this page: the problems of a refused answer first, then per finding a choice whose title and
    description hold the evidence and a note, the reviewer's name, and the `decisions` list of DESIGN.md."""
    fields: dict = {}
    if problems:
        fields["problems"] = (str, Field(
            default="Nothing was applied", title="Nothing was applied: fix these decisions and submit again",
            description="\n".join(f"- {md_text(p)}" for p in problems)))
    for n, f in enumerate(page, start=1):
        fid = f["finding_id"]
        fields[f"decision_{fid}"] = (RowChoice, Field(default=LEAVE_OPEN, title=row_title(n, f),
                                                      description=evidence_markdown(f)))
        fields[f"note_{fid}"] = (str, Field(default="", title=f"Note on {n}",
                                            description="Optional: why, or what the release really says."))
    fields["reviewer"] = (str, Field(default="", title="Reviewer",
                                     description="Your name, recorded with each decision (optional)."))
    fields["decisions"] = (list[Decision], Field(
        default_factory=list, title="Decisions by id (optional)",
        description="For scripts, or a finding that is not on this page: finding id (or a unique prefix), "
                    "decision, note. The rows above are enough."))
    form = create_model("ReviewForm", __base__=ReviewAnswer, __doc__=f"{len(page)} of {total} open findings",
                        **fields)
    return form.with_initial_data(description=review_description(page, total, problems))


def _ask(page: list[dict], total: int, problems: list[str], timeout_s: int, attempt: int) -> ReviewAnswer:
    return pause_flow_run(wait_for_input=review_form(page, total, problems), timeout=timeout_s, poll_interval=2,
                          key=f"review-{attempt}")


def _ui_link(run_id) -> str:
    from prefect.settings import PREFECT_UI_URL

    ui = PREFECT_UI_URL.value()
    return f"{ui.rstrip('/')}/runs/flow-run/{run_id}" if ui else str(run_id)


def review_waiting() -> str | None:
    """The link of another review that waits for people (Paused), or that started before this one and has not
    paused yet; None when there is none (or the API cannot tell: a review is better than none)."""
    if not flow_run.id:
        return None
    try:
        from prefect.client.orchestration import get_client
        from prefect.client.schemas.filters import (FlowFilter, FlowFilterName, FlowRunFilter, FlowRunFilterState,
                                                    FlowRunFilterStateType)
        from prefect.client.schemas.objects import StateType

        with get_client(sync_client=True) as client:
            me = client.read_flow_run(flow_run.id)
            runs = client.read_flow_runs(
                flow_filter=FlowFilter(name=FlowFilterName(any_=[FLOW_NAME])),
                flow_run_filter=FlowRunFilter(state=FlowRunFilterState(
                    type=FlowRunFilterStateType(any_=[StateType.PAUSED, StateType.RUNNING]))),
            )
    except Exception as exc:
        log.warning("could not ask Prefect for other reviews (%s); this one goes on", exc)
        return None
    now = datetime.now(timezone.utc)
    for run in sorted(runs, key=lambda r: (r.created, str(r.id))):
        if run.id == me.id:
            continue
        if run.state and run.state.is_paused():
            if _wait_over(run.state.state_details.pause_timeout, now):
                continue  # its wait is over (its process may be gone): it holds no one back
            return _ui_link(run.id)
        resumed = bool(getattr(run.empirical_policy, "pause_keys", None))  # resumed: it is finishing, not waiting
        if not resumed and (run.created, str(run.id)) < (me.created, str(me.id)):
            return _ui_link(run.id)
    return None


def _wait_over(expires, now: datetime) -> bool:
    try:
        return expires is not None and expires.astimezone(timezone.utc) < now
    except (TypeError, ValueError, AttributeError):
        return False


def name_broken_review(flow, flow_run_, state) -> None:
    """on_failure / on_crashed: the run's name says the review ended without decisions (not "await decisions")."""
    what = "crashed" if state.is_crashed() else "failed"
    message = " ".join((state.message or "").split())[:150]
    try:
        from prefect.client.orchestration import get_client

        with get_client(sync_client=True) as client:
            current = client.read_flow_run(flow_run_.id).name or ""
            if current.startswith(TIMED_OUT_NAME):
                return  # a timeout has already said so
            # the flow renames a timed-out review itself; should that call have failed, say it here
            name = TIMED_OUT_NAME if TIMED_OUT_MESSAGE in message else f"review {what}, nothing changed: {message}"
            client.update_flow_run(flow_run_.id, name=name[:200])
    except Exception as exc:  # cosmetic: never hide the real failure
        log.debug("could not rename the review run: %s", exc)


@flow(name=FLOW_NAME, log_prints=True, on_failure=[name_broken_review], on_crashed=[name_broken_review])
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
    waiting = review_waiting()
    if waiting:  # one review waits for people at a time
        print(f"a review is already waiting: {waiting}")
        _rename_flow_run("review: not started, a review is already waiting")
        return {"reviewed": 0, "open": None, "applied": [], "waiting": waiting}
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
            _rename_flow_run(TIMED_OUT_NAME)
            raise FlowPauseTimeout(f"{TIMED_OUT_MESSAGE} {timeout_s} s; no finding was changed") from None
        try:
            with warehouse_writer():  # one writer across deployments (flows/writer.py)
                applied = warehouse.apply_review(db_path, answer.all_decisions(),
                                                 reviewer=(getattr(answer, "reviewer", "") or "").strip() or None,
                                                 flow_run_id=str(flow_run.id) if flow_run.id else None)
        except ReviewRejected as exc:
            problems = exc.problems
            log.error("review not applied: %s", exc)
            print(f"Nothing was applied; the review asks again: {'; '.join(problems)}")
            _rename_flow_run(f"review: nothing applied ({'; '.join(problems)[:120]}), asks again: "
                             f"{len(page)} of {total} open findings await decisions")
            create_markdown_artifact(key="review-result", markdown="\n".join(
                ["# Nothing was applied", ""] + [f"- {md_text(p)}" for p in problems]),
                description="Decisions that could not be applied")
            continue
        counts = {s: sum(1 for r in applied if r["status"] == s) for s in ("acknowledged", "muted", "rejected")}
        summary = (f"{len(applied)} decision{'' if len(applied) == 1 else 's'} applied: {counts['acknowledged']} confirmed, "
                   f"{counts['muted']} muted, {counts['rejected']} wrong")
        print(summary)
        _rename_flow_run(f"review: {summary}")
        create_markdown_artifact(key="review-result", markdown="\n".join(
            [f"# {summary}", "", "| finding | status | note |", "|---|---|---|"]
            + [f"| {md_code(r['finding_id'])} | {r['status']} | {md_text(r.get('review_note'))} |" for r in applied]),
            description="What this review changed")
        return {"reviewed": len(page), "open": total, "applied": applied}
    raise ReviewRejected(problems)
