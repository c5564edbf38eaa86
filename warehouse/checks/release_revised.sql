-- release_revised: an edition was edited after publication and its figures changed: a newer version (a new
-- content, first seen later) states a figure that the previous version did not.
--
-- why: silent edits of published releases are worth knowing about, and the figures are what this tool
-- watches. for each metric whose figure differs between the two versions: one finding with the old and new
-- value (warning; info when the metric was only added or removed). figures outside the vocabulary (metric
-- null) are matched by kind, value, range, qualifier and currency; the ones that do not match make one finding
-- per revision with old_text / new_text listing the removed / added claims (warning when some were removed
-- and some added, else info). a revision that changes wording only gives nothing.
with pairs as (
    select
        n.release_id, n.language,
        o.version_id as old_version_id, n.version_id as new_version_id,
        o.content_hash as old_hash, n.content_hash as new_hash,
        o.published_on as old_published_on, n.published_on as new_published_on,
        o.url as old_url, n.url as new_url
    from core.versions as n
    join core.versions as o
        on o.release_id = n.release_id and o.language = n.language and o.version_no = n.version_no - 1
),

revised_claims as (
    select
        c.* replace (coalesce(q.qualifier, c.qualifier) as qualifier),
        core.section_rank(c.section) as section_rank
    from core.claims as c
    left join core.qualifier_aliases as q on q.alias = lower(trim(c.qualifier))
    where c.version_id in (select old_version_id from pairs union select new_version_id from pairs)
        and c.section is distinct from 'contact'
),

figures as (
    select *
    from revised_claims
    where metric is not null
    qualify row_number() over (partition by version_id, metric order by section_rank, ordinal) = 1
),

pair_sides as (
    -- each pair once per side, so the claims join on one equality (an OR join would compare every pair with
    -- every claim)
    select *, unnest([old_version_id, new_version_id]) as side_version_id
    from pairs
),

pair_metrics as (
    select distinct p.* exclude (side_version_id), f.metric
    from pair_sides as p
    join figures as f on f.version_id = p.side_version_id
),

metric_changes as (
    select
        case when o.metric is null or n.metric is null then 'info' else 'warning' end as severity,
        pm.*,
        o.value as old_value, n.value as new_value,
        o.value_high as old_value_high, n.value_high as new_value_high,
        o.qualifier as old_qualifier, n.qualifier as new_qualifier,
        o.text as old_text, n.text as new_text,
        o.sentence as old_sentence, n.sentence as new_sentence
    from pair_metrics as pm
    left join figures as o on o.version_id = pm.old_version_id and o.metric = pm.metric
    left join figures as n on n.version_id = pm.new_version_id and n.metric = pm.metric
    where o.metric is null or n.metric is null
        or o.value <> n.value or o.value_high is distinct from n.value_high
),

unnamed as (
    select
        p.old_version_id as pair_old, p.new_version_id as pair_new,
        c.version_id = p.new_version_id as is_new,
        c.kind, c.value, c.value_high, c.qualifier, c.currency, c.text, c.ordinal,
        row_number() over (
            partition by p.old_version_id, p.new_version_id, c.version_id,
                c.kind, c.value, c.value_high, c.qualifier, c.currency
            order by c.ordinal
        ) as nth
    from pair_sides as p
    join revised_claims as c on c.version_id = p.side_version_id
    where c.metric is null
),

unnamed_diff as (
    select
        coalesce(o.pair_old, n.pair_old) as old_version_id,
        coalesce(o.pair_new, n.pair_new) as new_version_id,
        o.text as removed_text, o.value as removed_value,
        n.text as added_text, n.value as added_value,
        coalesce(o.ordinal, n.ordinal) as ordinal
    from (select * from unnamed where not is_new) as o
    full join (select * from unnamed where is_new) as n
        on n.pair_old = o.pair_old and n.pair_new = o.pair_new
        and n.kind is not distinct from o.kind and n.value = o.value
        and n.value_high is not distinct from o.value_high
        and n.qualifier is not distinct from o.qualifier and n.currency is not distinct from o.currency
        and n.nth = o.nth
    where o.pair_old is null or n.pair_old is null
),

unnamed_changes as (
    select
        case when count(d.removed_text) > 0 and count(d.added_text) > 0 then 'warning' else 'info' end as severity,
        null::varchar as metric,
        p.*,
        case when count(d.removed_value) = 1 then max(d.removed_value) end as old_value,
        case when count(d.added_value) = 1 then max(d.added_value) end as new_value,
        null::double as old_value_high, null::double as new_value_high,
        null::varchar as old_qualifier, null::varchar as new_qualifier,
        string_agg(d.removed_text, ' | ' order by d.ordinal) as old_text,
        string_agg(d.added_text, ' | ' order by d.ordinal) as new_text,
        null::varchar as old_sentence, null::varchar as new_sentence
    from pairs as p
    join unnamed_diff as d on d.old_version_id = p.old_version_id and d.new_version_id = p.new_version_id
    group by all
)

select
    severity, metric, language,
    language as old_language, language as new_language,
    release_id as old_release_id, release_id as new_release_id,
    old_version_id, new_version_id,
    old_value, new_value, old_value_high, new_value_high, old_qualifier, new_qualifier,
    (new_value - old_value) / nullif(abs(old_value), 0) * 100 as change_pct,
    old_published_on, new_published_on, old_url, new_url, old_text, new_text, old_sentence, new_sentence,
    concat_ws('|', release_id, language, old_hash, new_hash, coalesce(metric, '*')) as identity_key
from (
    select * from metric_changes
    union all by name
    select * from unnamed_changes
)
