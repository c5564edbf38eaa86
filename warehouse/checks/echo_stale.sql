-- echo_stale: another source (the Government's press releases, a newswire copy) states a standing figure of an
-- HKSTP subject that HKSTP itself had already replaced by the echo's as_of: HKSTP said "over 2,200" in January,
-- a Government release says "over 1,700" in September.
--
-- why: an official source quoting an outdated figure is what a communications team wants to correct the day it
-- happens. the comparison is the `echoes` view's (core.echo_verdicts): one subject, metric and kind, qualifiers not
-- contradicting (over against nearly/under does), values within $echo_tolerance_pct percent. old_* is what HKSTP said last by the echo's as_of (both
-- sentences, dates and links), new_* the echo. an echo that is current, about a subset HKSTP gives no figure for
-- (the Science Park alone), or another organisation's figure raises nothing.
-- severity: warning.
select
    'warning' as severity,
    v.metric,
    v.subject,
    v.language,
    v.hkstp_language as old_language,
    v.language as new_language,
    v.hkstp_release_id as old_release_id,
    v.release_id as new_release_id,
    v.hkstp_version_id as old_version_id,
    v.version_id as new_version_id,
    v.hkstp_value as old_value,
    v.value as new_value,
    v.hkstp_value_high as old_value_high,
    v.value_high as new_value_high,
    v.hkstp_qualifier as old_qualifier,
    v.qualifier as new_qualifier,
    (v.value - v.hkstp_value) / nullif(abs(v.hkstp_value), 0) * 100 as change_pct,
    v.hkstp_published_on as old_published_on,
    v.published_on as new_published_on,
    v.hkstp_url as old_url,
    v.url as new_url,
    v.hkstp_text as old_text,
    v.text as new_text,
    v.hkstp_sentence as old_sentence,
    v.sentence as new_sentence,
    v.hkstp_as_of as old_as_of,
    v.as_of as new_as_of,
    -- the echo names the finding (a newer HKSTP figure later only updates the evidence)
    concat_ws('|', v.source, v.subject, v.release_id, v.kind, v.value, v.value_high, v.qualifier) as identity_key
from core.echo_verdicts($echo_tolerance_pct) as v
where v.verdict = 'stale'
