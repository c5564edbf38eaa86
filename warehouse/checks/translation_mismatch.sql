-- translation_mismatch: two language editions of one release (same release_id) state different values for a
-- metric of one subject (standing figures only: metric_timeline).
--
-- why: the English, Traditional and Simplified Chinese editions are meant to say the same thing; a different
-- figure in one of them is a translation or update slip. values within $translation_tolerance_pct percent of
-- each other count as equal (rounding, e.g. 1.2萬 for 12,345). qualifiers are not compared (translations
-- word them freely). each pair of languages is reported once, the language that sorts first as `old`.
-- severity: warning.
with disagreeing as materialized (
    -- the releases whose editions do not all state the same figure for a metric: the only ones with a pair
    -- to compare (a negative tolerance, nonsensical as it is, would flag equal figures too)
    select release_id, metric, subject, kind
    from metric_timeline
    group by all
    having min(value) <> max(value)
        or min(value_high) <> max(value_high)
        or count(value_high) not in (0, count(*))
        or $translation_tolerance_pct < 0
),

candidates as materialized (
    -- narrow rows for the comparison; the evidence (urls, texts) is joined to the few pairs that disagree
    select t.claim_id, t.release_id, t.metric, t.subject, t.kind, t.language, t.value, t.value_high
    from metric_timeline as t
    semi join disagreeing as d
        on d.release_id = t.release_id and d.metric = t.metric and d.subject is not distinct from t.subject
        and d.kind is not distinct from t.kind
),

mismatches as materialized (
    select a.claim_id as old_claim_id, b.claim_id as new_claim_id
    from candidates as a
    join candidates as b
        on b.release_id = a.release_id and b.metric = a.metric and b.subject is not distinct from a.subject
        and b.kind is not distinct from a.kind and a.language < b.language
    where abs(b.value - a.value) > $translation_tolerance_pct / 100 * greatest(abs(a.value), abs(b.value))
        or (a.value_high is distinct from b.value_high
            and abs(coalesce(b.value_high, b.value) - coalesce(a.value_high, a.value))
                > $translation_tolerance_pct / 100
                  * greatest(abs(coalesce(a.value_high, a.value)), abs(coalesce(b.value_high, b.value))))
)

select
    'warning' as severity,
    a.metric,
    a.subject,
    a.language || '/' || b.language as language,
    a.language as old_language,
    b.language as new_language,
    a.release_id as old_release_id,
    b.release_id as new_release_id,
    a.version_id as old_version_id,
    b.version_id as new_version_id,
    a.value as old_value,
    b.value as new_value,
    a.value_high as old_value_high,
    b.value_high as new_value_high,
    a.qualifier as old_qualifier,
    b.qualifier as new_qualifier,
    (b.value - a.value) / nullif(abs(a.value), 0) * 100 as change_pct,
    a.published_on as old_published_on,
    b.published_on as new_published_on,
    a.url as old_url,
    b.url as new_url,
    a.text as old_text,
    b.text as new_text,
    a.sentence as old_sentence,
    b.sentence as new_sentence,
    coalesce(a.as_of, a.published_on) as old_as_of,
    coalesce(b.as_of, b.published_on) as new_as_of,
    -- the subject names the finding only when it is not hkstp: findings about hkstp keep the ids they had
    concat_ws('|', nullif(a.subject, 'hkstp'), a.release_id, a.value, a.value_high, b.value, b.value_high) as identity_key
from mismatches as m
join core.timeline as a on a.claim_id = m.old_claim_id
join core.timeline as b on b.claim_id = m.new_claim_id
