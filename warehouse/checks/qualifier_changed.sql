-- qualifier_changed: two consecutive releases of one language state a metric with the same value but a
-- different qualifier ("about 1,700" then "over 1,700").
--
-- why: a qualifier carries meaning (a round "over" figure may hide that the real number fell). qualifiers are
-- compared in canonical form (core.qualifier_aliases: "more than" and "over" are both `over`), so a change of
-- wording alone gives nothing. the order is the one figure_changed uses; a change of value is figure_changed's.
-- severity: info.
with changes as (
    -- the steps of the timelines (core.timeline_steps, computed once per run) where only the qualifier moved
    select *
    from core.timeline_steps
    where old_claim_id is not null
        and old_value = value
        and old_value_high is not distinct from value_high
        and old_qualifier is distinct from qualifier
)

select
    'info' as severity,
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
    concat_ws('|', nullif(c.subject, 'hkstp'), o.release_id, n.release_id, c.old_value, c.old_qualifier, c.qualifier) as identity_key
from changes as c
join core.timeline as o on o.claim_id = c.old_claim_id
join core.timeline as n on n.claim_id = c.claim_id
