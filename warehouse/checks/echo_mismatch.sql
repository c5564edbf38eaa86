-- echo_mismatch: another source (the Government's press releases, a newswire copy) states a standing figure of
-- an HKSTP subject that matches no figure HKSTP itself ever gave for that subject and metric (values within
-- $echo_tolerance_pct percent, qualifiers not contradicting: over against nearly/under does), while HKSTP had
-- given one by the echo's as_of.
--
-- why: a figure HKSTP never said is either a slip of the other source or a figure HKSTP should know about; either
-- way someone should look. old_* is what HKSTP said last by the echo's as_of, new_* the echo. an echo about a
-- subset HKSTP gives no figure for (the Science Park alone) is `unknown` in the `echoes` view and raises nothing,
-- nor does another organisation's figure.
-- severity: warning; critical when the echo is larger than anything HKSTP ever said for a cumulative metric
-- (core.metrics.cumulative): a running total nobody at HKSTP has reached yet.
select
    case
        when coalesce(m.cumulative, false) and greatest(v.value, coalesce(v.value_high, v.value)) > v.hkstp_max_value
            then 'critical'
        else 'warning'
    end as severity,
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
    concat_ws('|', v.source, v.subject, v.release_id, v.kind, v.value, v.value_high, v.qualifier) as identity_key
from core.echo_verdicts($echo_tolerance_pct) as v
left join core.metrics as m on m.key = v.metric
where v.verdict = 'mismatch'
