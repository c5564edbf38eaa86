-- figure_changed: a metric's value differs between two consecutive releases of one language.
--
-- why: HKSTP repeats its headline figures release after release; a new value is news (growth) or a slip
-- (a running total that goes backwards). releases are ordered by published_on (release_id breaks ties) within
-- one metric, language and kind, using metric_timeline (one figure per release, the About paragraph first).
-- severity: an increase is info; a decrease of a cumulative metric (core.metrics.cumulative) is a warning, and
-- critical when it falls by more than $critical_decrease_pct percent; a decrease of any other metric is info.
-- languages are never compared here (translation_mismatch does that); the same value in other words gives
-- nothing (qualifier_changed looks at the qualifier); a -> b -> a gives two findings, one per step.
with changes as (
    -- the steps of the timelines (core.timeline_steps, computed once per run) where the value moved; the
    -- evidence (urls, texts) is joined to these few rows
    select *
    from core.timeline_steps
    where old_claim_id is not null and (old_value <> value or old_value_high is distinct from value_high)
)

select
    case
        when c.value >= c.old_value then 'info'
        when coalesce(m.cumulative, false)
            and (c.old_value - c.value) / abs(c.old_value) * 100 > $critical_decrease_pct then 'critical'
        when coalesce(m.cumulative, false) then 'warning'
        else 'info'
    end as severity,
    c.metric,
    c.subject,
    c.language,
    o.language as old_language,
    n.language as new_language,
    o.release_id as old_release_id,
    n.release_id as new_release_id,
    o.version_id as old_version_id,
    n.version_id as new_version_id,
    c.old_value,
    c.value as new_value,
    c.old_value_high,
    c.value_high as new_value_high,
    c.old_qualifier,
    c.qualifier as new_qualifier,
    (c.value - c.old_value) / nullif(abs(c.old_value), 0) * 100 as change_pct,
    o.published_on as old_published_on,
    n.published_on as new_published_on,
    o.url as old_url,
    n.url as new_url,
    o.text as old_text,
    n.text as new_text,
    o.sentence as old_sentence,
    n.sentence as new_sentence,
    coalesce(o.as_of, o.published_on) as old_as_of,
    coalesce(n.as_of, n.published_on) as new_as_of,
    -- the subject names the finding only when it is not hkstp: findings about hkstp keep the ids they had
    concat_ws('|', nullif(c.subject, 'hkstp'), o.release_id, n.release_id, c.old_value, c.old_value_high, c.value, c.value_high) as identity_key
from changes as c
join core.timeline as o on o.claim_id = c.old_claim_id
join core.timeline as n on n.claim_id = c.claim_id
left join core.metrics as m on m.key = c.metric
