-- figure_conflict: two releases of one language published within $conflict_window_days days of each other
-- state different values for a metric.
--
-- why: a figure rarely really moves within a few days, so two statements that close together disagreeing
-- means one of them is probably wrong or out of date (a recycled boilerplate, a newswire copy). this differs
-- from figure_changed, which reads each consecutive step of the timeline as a change over time: a conflict
-- is any pair within the window, consecutive or not, and a consecutive pair within the window is reported
-- by both checks (a change, and a suspicious one). to avoid flooding, each release is paired with at most
-- one earlier release per distinct earlier value (the latest one that stated it), and each earlier release
-- with the first later release of each other value: a change a -> b followed by five more releases saying b
-- within the window is one conflict.
-- severity: warning.
with dated as (
    select
        t.claim_id, t.metric, t.language, t.kind, t.published_on, t.release_id, t.value, t.value_high, t.qualifier,
        -- buckets of the window's width: a pair within the window is in the same or the adjacent bucket,
        -- which turns the date-range join into an equality join
        floor((t.published_on - date '1970-01-01') / greatest($conflict_window_days, 1))::bigint as bucket
    from metric_timeline as t
    where t.published_on is not null
),

earlier as (
    select d.*, unnest([d.bucket, d.bucket + 1]) as join_bucket
    from dated as d
),

nearest as (
    -- each release against the latest earlier release of each other value
    select
        new.claim_id, new.metric, new.language, new.kind, new.release_id, new.published_on,
        new.value, new.value_high, new.qualifier,
        old.claim_id as old_claim_id, old.release_id as old_release_id,
        old.value as old_value, old.value_high as old_value_high, old.qualifier as old_qualifier
    from dated as new
    join earlier as old
        on old.metric = new.metric and old.language = new.language and old.kind is not distinct from new.kind
        and old.join_bucket = new.bucket
    where (old.published_on < new.published_on
            or (old.published_on = new.published_on and old.release_id < new.release_id))
        and new.published_on - old.published_on <= $conflict_window_days
        and (old.value <> new.value or old.value_high is distinct from new.value_high)
    qualify row_number() over (
        partition by new.metric, new.language, new.kind, new.release_id, old.value, old.value_high
        order by old.published_on desc, old.release_id desc
    ) = 1
),

conflicts as (
    -- each earlier release against the first later release of each other value
    select *
    from nearest
    qualify row_number() over (
        partition by metric, language, kind, old_release_id, value, value_high
        order by published_on, release_id
    ) = 1
)

select
    'warning' as severity,
    c.metric,
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
    concat_ws('|', o.release_id, n.release_id, c.old_value, c.old_value_high, c.value, c.value_high) as identity_key
from conflicts as c
join core.timeline as o on o.claim_id = c.old_claim_id
join core.timeline as n on n.claim_id = c.claim_id
