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
-- how: a timeline (metric, subject, language, kind, in as_of order; standing figures only) is a series of runs of equal values. the latest
-- earlier release with another value is always the last release of a run, so the pairs are: the last release
-- of a run against the first release of each later run whose value has not been seen since that run, up to
-- the next run with the run's own value, within the window. the runs come from core.timeline_steps (the
-- figures that differ from the one before them), a few rows per change, so no release is paired with all its
-- neighbours.
with run_starts as (
    select
        s.*,
        row_number() over (partition by s.metric, s.subject, s.language, s.kind order by s.as_of, s.published_on, s.release_id)
            as run_no
    from core.timeline_steps as s
    where s.old_claim_id is null or s.old_value <> s.value or s.old_value_high is distinct from s.value_high
),

runs as (
    select
        metric, subject, language, kind, run_no, value, value_high,
        claim_id as first_claim_id,
        -- "published within the window" is measured on the dates the figures describe (as_of: the
        -- publication date unless the text names another), the order of the timeline
        as_of as first_published_on,
        -- the figure before the next run's first is this run's last
        lead(old_claim_id) over timeline as last_claim_id,
        lead(old_as_of) over timeline as last_published_on,
        -- the runs of the same value before and after this one
        lag(run_no) over same_value as previous_same_run_no,
        lead(run_no) over same_value as next_same_run_no
    from run_starts
    window
        timeline as (partition by metric, subject, language, kind order by run_no),
        same_value as (partition by metric, subject, language, kind, value, value_high order by run_no)
),

bucketed as (
    -- buckets of the window's width: a pair within the window is in the same or the adjacent bucket, which
    -- joins each run to the runs near it only (a timeline that changes often has many runs)
    select
        *,
        floor((first_published_on - date '1970-01-01') / greatest($conflict_window_days, 1))::bigint
            as first_bucket,
        floor((last_published_on - date '1970-01-01') / greatest($conflict_window_days, 1))::bigint
            as last_bucket
    from runs
),

conflicts as (
    select o.last_claim_id as old_claim_id, n.first_claim_id as claim_id
    from (select *, unnest([last_bucket, last_bucket + 1]) as join_bucket from bucketed) as o
    join bucketed as n
        on n.metric = o.metric and n.subject is not distinct from o.subject and n.language = o.language
        and n.kind is not distinct from o.kind
        and n.first_bucket = o.join_bucket and n.run_no > o.run_no
    -- no run of the old value in between (then that run's last release is the latest earlier one), and the
    -- first run of the new value since the old run (later runs of it are the same conflict again)
    where (o.next_same_run_no is null or n.run_no < o.next_same_run_no)
        and (n.previous_same_run_no is null or n.previous_same_run_no < o.run_no)
        and n.first_published_on - o.last_published_on <= $conflict_window_days
)

select
    'warning' as severity,
    n.metric,
    n.subject,
    n.language,
    o.language as old_language,
    n.language as new_language,
    o.release_id as old_release_id,
    n.release_id as new_release_id,
    o.version_id as old_version_id,
    n.version_id as new_version_id,
    o.value as old_value,
    n.value as new_value,
    o.value_high as old_value_high,
    n.value_high as new_value_high,
    o.qualifier as old_qualifier,
    n.qualifier as new_qualifier,
    (n.value - o.value) / nullif(abs(o.value), 0) * 100 as change_pct,
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
    concat_ws('|', nullif(n.subject, 'hkstp'), o.release_id, n.release_id, o.value, o.value_high, n.value, n.value_high) as identity_key
from conflicts as c
join core.timeline as o on o.claim_id = c.old_claim_id
join core.timeline as n on n.claim_id = c.claim_id
