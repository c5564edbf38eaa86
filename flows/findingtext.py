"""A finding in words, the same wherever Prefect shows it: artifacts, event names, the review form.

The figures use the report's own wording (`flows.report.figure`: "14 -> over 10", never "14 -> 10"), the metric
both its names from the vocabulary, and every piece of page text goes through `flows.markdown` first.
"""

from __future__ import annotations

from functools import lru_cache

from flows.display import fmt_number
from flows.markdown import md_code, md_link, md_text
from flows.report import LANG_NAMES, describe, figure

DRIFT_CHECK = "site_drift"


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    from transforms.metrics import load_vocabulary

    return load_vocabulary(simplified=False)


def metric_names(metric: str | None) -> tuple[str, str]:
    """("Countries and regions", "國家及地區") for a vocabulary key; the key in words when it is not one."""
    if not metric:
        return "", ""
    m = _vocabulary().get(metric)
    en = m.label_en if m else metric.replace("_", " ")
    return en[:1].upper() + en[1:], (m.label_zh if m else "")


def side(value, high, qualifier: str | None) -> str:
    """One figure as the report writes it: "over 10", "about 1,700", "1,000-2,000"; "none" when absent."""
    if value is None:
        return "none"
    text = figure(value, qualifier)
    return f"{text}-{fmt_number(high)}" if high is not None else text


def change(f: dict) -> str:
    """Old -> new with qualifiers: "14 -> over 10"; a qualifier_changed "about 14 -> over 14"."""
    return (f"{side(f.get('old_value'), f.get('old_value_high'), f.get('old_qualifier'))} -> "
            f"{side(f.get('new_value'), f.get('new_value_high'), f.get('new_qualifier'))}")


def finding_title(f: dict) -> str:
    """A short readable name (an event resource's `prefect.resource.name`): "Countries and regions 28 -> 25"."""
    if f.get("check_name") == DRIFT_CHECK:
        return f"Site drift: {f.get('new_sentence') or 'site_drift'} at {f.get('new_url') or '?'}"[:200]
    en, _ = metric_names(f.get("metric"))
    if not en and f.get("old_value") is None and f.get("new_value") is None:
        return f"{(f.get('check_name') or 'finding').replace('_', ' ').capitalize()}: {f.get('new_url') or ''}"[:200]
    return f"{en or 'Figure'} {change(f)}"[:200]


def metric_words(f: dict) -> str:
    en, zh = metric_names(f.get("metric"))
    return f"{en} {zh}".strip()


def evidence_markdown(f: dict) -> str:
    """What a person needs to judge one finding, as markdown: the change in words, both sentences with the figure
    in bold, dates, languages, links and the full id. Page text is escaped; only http(s) URLs become links."""
    lines = [md_text(describe(f))]
    if f.get("check_name") == DRIFT_CHECK:
        lines.append(f"Where: {md_link(f.get('new_url'), f.get('new_url'))}; profile key {md_code(f.get('old_text'))}")
    else:
        for which in ("old", "new"):
            if not (f.get(f"{which}_sentence") or f.get(f"{which}_text") or f.get(f"{which}_url")):
                continue
            lang = f.get(f"{which}_language") or f.get("language") or ""
            lang = LANG_NAMES.get(lang, lang)
            said = bold_figure(f.get(f"{which}_sentence"), f.get(f"{which}_text"))
            link = md_link(f"{which} release", f.get(f"{which}_url"))
            lines.append(f"{which.capitalize()}, {f.get(f'{which}_published_on') or '?'} ({md_text(lang)}): "
                         f"{said} {link}".rstrip())
    lines.append(f"Finding {md_code(f.get('finding_id'))}")
    return "\n\n".join(lines)


def bold_figure(sentence: str | None, text: str | None) -> str:
    """The sentence as markdown with the claim's words in bold (or the claim alone when there is no sentence)."""
    sentence, text = " ".join((sentence or "").split()), " ".join((text or "").split())
    if not sentence:
        return f"**{md_text(text)}**" if text else "(no sentence)"
    at = sentence.find(text) if text else -1
    if at < 0:
        return md_text(sentence) + (f" (read as **{md_text(text)}**)" if text else "")
    return f"{md_text(sentence[:at], strip=False)}**{md_text(text)}**{md_text(sentence[at + len(text):], strip=False)}"


def finding_line(f: dict) -> str:
    """One finding on one line, for alerts and summaries."""
    where = f.get("new_url") or f.get("old_url") or ""
    if f.get("check_name") == "site_drift":  # no figures: what was seen and which profile key to update
        return f"[{f.get('severity')}] site_drift: {f.get('new_text') or ''} {where}".strip()
    whose = f" {f['subject']}" if f.get("subject") not in (None, "hkstp") else ""  # another subject's figure
    return (
        f"[{f.get('severity')}] {f.get('check_name')} {f.get('metric') or ''}{whose} ({f.get('language') or ''}): "
        f"{change(f)} ({f.get('old_published_on') or ''} -> {f.get('new_published_on') or ''}) {where}"
    ).strip()
