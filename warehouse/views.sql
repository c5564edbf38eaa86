-- the analysts' interface: views over the core tables, each view and column described (see duckdb_columns()).
-- re-created by migrate() whenever this file changes; the view names and columns are a public contract.

-- which claim stands for a release's figure when it states one metric in several sections: the About block
-- (the release's own boilerplate, kept current) first, then key takeaways, body, subtitle, title, captions.
-- the one place this rule is written: the timeline (load.py), claim_versions and release_revised use it.
create or replace macro core.section_rank(section) as
    case section
        when 'about' then 0 when 'key_takeaways' then 1 when 'body' then 2 when 'subtitle' then 3
        when 'title' then 4 when 'caption' then 5 else 6
    end;

-- the source an edition came from, by name: `web` (a press-room page the monitor fetched) is the press room, hkstp
create or replace macro core.source_name(source) as case when source is null or source = 'web' then 'hkstp' else source end;

create or replace view core.latest_versions as
select v.*
from core.versions as v
qualify row_number() over (
    partition by v.release_id, v.language order by v.last_seen_at desc, v.version_no desc
) = 1;

create or replace view core.claim_versions as
select
    c.claim_id,
    v.release_id,
    v.language,
    v.version_id,
    v.version_no,
    v.published_on,
    c.metric,
    c.value,
    c.value_high,
    coalesce(q.qualifier, c.qualifier) as qualifier,
    c.kind,
    c.unit,
    c.currency,
    c.text,
    c.sentence,
    c.section,
    c.ordinal,
    core.section_rank(c.section) as section_rank,
    v.url,
    c.subject,
    c.scope,
    coalesce(c.as_of, v.published_on) as as_of
from core.claims as c
join core.versions as v on v.version_id = c.version_id
left join core.qualifier_aliases as q on q.alias = lower(trim(c.qualifier));

-- each figure of the timeline that starts its timeline or differs from the one before it, beside that one;
-- a timeline is one metric, subject, language and kind (standing figures only: core.timeline holds no other),
-- ordered by as_of, the date the figure describes (a claim loaded before as_of existed: its publication
-- date), then published_on and release_id. the steps figure_changed, qualifier_changed and figure_conflict
-- look at: run_checks computes it once per run.
create or replace view core.timeline_steps as
select *
from (
    select
        -- a claim loaded before scopes existed (scope null) was the press room's own figure, and is compared so
        t.claim_id, t.metric, coalesce(t.subject, case when t.scope is null then 'hkstp' end) as subject,
        t.language, t.kind, t.published_on, t.release_id,
        t.value, t.value_high, t.qualifier,
        coalesce(t.as_of, t.published_on) as as_of,
        lag(t.claim_id) over w as old_claim_id,
        lag(t.published_on) over w as old_published_on,
        lag(coalesce(t.as_of, t.published_on)) over w as old_as_of,
        lag(t.value) over w as old_value,
        lag(t.value_high) over w as old_value_high,
        lag(t.qualifier) over w as old_qualifier
    from core.timeline as t
    where t.published_on is not null
    window w as (
        partition by t.metric, coalesce(t.subject, case when t.scope is null then 'hkstp' end), t.language, t.kind
        order by coalesce(t.as_of, t.published_on), t.published_on, t.release_id
    )
)
where old_claim_id is null
    or old_value <> value
    or old_value_high is distinct from value_high
    or old_qualifier is distinct from qualifier;

create or replace view releases as
select
    e.release_id,
    e.language,
    lv.title,
    lv.published_on,
    lv.url,
    core.source_name(e.source) as source,
    e.first_seen_at,
    e.last_seen_at,
    vc.version_count,
    lv.subtitle,
    lv.category,
    lv.canonical_url,
    lv.version_id,
    e.flow_run_id
from core.editions as e
join core.latest_versions as lv on lv.release_id = e.release_id and lv.language = e.language
join (
    select release_id, language, count(*) as version_count from core.versions group by all
) as vc on vc.release_id = e.release_id and vc.language = e.language;

create or replace view claims as
select
    cv.claim_id,
    cv.release_id,
    cv.language,
    cv.published_on,
    cv.metric,
    cv.value,
    cv.value_high,
    cv.qualifier,
    cv.kind,
    cv.unit,
    cv.currency,
    cv.text,
    cv.sentence,
    cv.section,
    cv.url,
    cv.subject,
    cv.scope,
    cv.as_of,
    cv.version_id,
    cv.ordinal,
    core.source_name(ed.source) as source
from core.claim_versions as cv
join core.latest_versions as lv on lv.version_id = cv.version_id
left join core.editions as ed on ed.release_id = cv.release_id and ed.language = cv.language;

create or replace view metric_timeline as
select
    t.metric,
    t.subject,
    t.language,
    t.published_on,
    coalesce(t.as_of, t.published_on) as as_of,
    t.value,
    t.qualifier,
    t.release_id,
    t.url,
    t.text,
    t.value_high,
    t.kind,
    t.unit,
    t.currency,
    t.section,
    t.sentence,
    t.claim_id,
    t.version_id
from core.timeline as t;

create or replace view findings as
select
    f.finding_id,
    f.check_name,
    f.severity,
    f.metric,
    f.subject,
    f.language,
    f.old_value,
    f.new_value,
    f.old_qualifier,
    f.new_qualifier,
    f.change_pct,
    f.old_published_on,
    f.new_published_on,
    f.old_url,
    f.new_url,
    f.old_text,
    f.new_text,
    f.first_seen_at,
    f.last_seen_at,
    f.status,
    f.old_language,
    f.new_language,
    f.old_release_id,
    f.new_release_id,
    f.old_value_high,
    f.new_value_high,
    f.old_sentence,
    f.new_sentence,
    f.last_run_id = (select r.run_id from core.check_runs as r order by r.finished_at desc limit 1) as is_current,
    f.status_changed_at,
    f.flow_run_id,
    f.reviewed_at,
    f.reviewed_by,
    f.review_note,
    f.review_flow_run_id,
    f.old_as_of,
    f.new_as_of
from core.findings as f
-- a silently revised edition counts by its current version: a finding that paired a superseded version with
-- another release (2,200 -> 2,400 after 2,200 was revised to 2,300) is gone; the superseded version appears
-- only in its release_revised finding. should the edition revert, the old version is current again and so
-- is the finding.
where f.check_name = 'release_revised'
    or not exists (
        select 1
        from core.versions as v
        anti join core.latest_versions as lv on lv.version_id = v.version_id
        where v.version_id in (f.old_version_id, f.new_version_id)
    );

-- One row per page, stage and reason: the latest occurrence, with when it was first seen and how often
-- (a page that answers 404 on every run stays one row, its times_seen growing).
create or replace view problems as
with occurrences as (
    select
        f.url,
        'fetch' as stage,
        f.error as reason,
        f.fetched_at as seen_at,
        f.status as http_status,
        f.source,
        exists (
            select 1 from core.fetches as g
            where g.url = f.url and g.fetched_at > f.fetched_at and g.error is null
        ) as resolved,
        f.flow_run_id
    from core.fetches as f
    where f.error is not null
    union all
    select
        d.url,
        'parse' as stage,
        d.error as reason,
        d.fetched_at as seen_at,
        null as http_status,
        d.source,
        exists (
            select 1 from core.documents as e
            where e.url = d.url and e.fetched_at > d.fetched_at and e.error is null
        ) as resolved,
        d.flow_run_id
    from core.documents as d
    where d.error is not null
    union all
    select
        s.url,
        'discover' as stage,
        s.detail as reason,
        s.seen_at,
        null as http_status,
        'web' as source,
        s.run_key is distinct from (select r.run_key from core.site_runs as r where r.source is not distinct from s.source
                                    order by r.seen_at desc limit 1) as resolved,
        s.flow_run_id
    from core.site_signals as s
    where not s.drift
    union all
    select
        b.url,
        'rebuild' as stage,
        b.reason,
        b.seen_at,
        null as http_status,
        'web' as source,
        exists (  -- fetched again since (`run --refetch`): the raw store holds its body again
            select 1 from core.fetches as g
            where g.url = b.url and g.fetched_at > b.seen_at and g.error is null
        ) as resolved,
        b.flow_run_id
    from core.rebuild_problems as b
)
select
    url, stage, reason, seen_at, http_status, source, resolved, flow_run_id,
    min(seen_at) over same as first_seen_at,
    count(*) over same as times_seen
from occurrences
window same as (partition by url, stage, reason)
qualify row_number() over (partition by url, stage, reason order by seen_at desc) = 1;

create or replace view check_runs as
select run_id, started_at, finished_at, flow_run_id, counts_by_check, counts_by_severity, new_findings, total_open, settings
from core.check_runs;

create or replace view metrics as
select key, cumulative, label_en, label_zh from core.metrics;

create or replace view fetches as
select url, fetched_at, status, etag, last_modified, sha256, bytes, elapsed_ms, content_type, error, source, flow_run_id
from core.fetches;


-- echoes (issue 21): HKSTP's figures as other sources repeat them. an echo is a standing figure of an HKSTP
-- subject (hkstp, hkstp/science-park, ...) stated by an edition that is not the press room's (the Government's
-- press releases, a newswire copy); it is set beside what HKSTP itself had said last, for that subject, metric and
-- kind, by the echo's as_of (core.timeline: the press room's standing figures, the About block first). two
-- figures agree when their values are within $tolerance_pct percent and their qualifiers do not contradict
-- each other: a lower bound (over, at least) against an upper one (nearly, under, up to) does; "2,200" or
-- "some 2,200" against "over 2,200" does not (other sources drop and reword qualifiers; a false finding costs more
-- than a missed one). verdict:
--   current   the echo agrees with what HKSTP said last by then;
--   stale     it agrees with an older figure HKSTP has since replaced;
--   mismatch  it agrees with no figure HKSTP gave by then (later ones included);
--   unknown   HKSTP gave no figure for that subject and metric by then (a subset such as the Science Park alone,
--             a date before the press room's history), or it agrees only with a figure HKSTP gave later.
-- one macro, so the `echoes` view and the echo_* checks (which bind the configured tolerance) cannot disagree.
create or replace macro core.qualifier_class(q) as
    case when q in ('over', 'at_least') then 'lower_bound' when q in ('nearly', 'under', 'up_to') then 'upper_bound'
         else 'round' end;

create or replace macro core.figures_agree(v, vh, q, hv, hvh, hq, tolerance_pct) as
    abs(v - hv) <= greatest(tolerance_pct, 0) / 100 * abs(hv)
    and ((vh is null and hvh is null) or abs(coalesce(vh, v) - coalesce(hvh, hv)) <= greatest(tolerance_pct, 0) / 100 * abs(coalesce(hvh, hv)))
    and not (core.qualifier_class(q) <> 'round' and core.qualifier_class(hq) <> 'round'
             and core.qualifier_class(q) <> core.qualifier_class(hq));

create or replace macro core.echo_verdicts(tolerance_pct) as table
with echo as (
    select
        c.claim_id, core.source_name(e.source) as source, c.release_id, c.version_id, c.url, c.published_on,
        c.as_of, c.subject, c.metric, c.kind, c.language, c.value, c.value_high, c.qualifier, c.text, c.sentence
    from claims as c
    join core.editions as e on e.release_id = c.release_id and e.language = c.language
    where not core.is_press_room(e.source)
        and c.subject like 'hkstp%' and c.scope = 'standing'
        and c.metric is not null and c.section is distinct from 'contact'
),
hkstp as (
    -- the press room's standing figures; a claim loaded before scopes were read is HKSTP's own (as
    -- core.timeline_steps compares it)
    select * from (
        select
            t.claim_id, coalesce(t.subject, case when t.scope is null then 'hkstp' end) as subject, t.metric, t.kind,
            t.language, t.value, t.value_high, t.qualifier, coalesce(t.as_of, t.published_on) as as_of,
            t.published_on, t.url, t.text, t.sentence, t.release_id, t.version_id
        from core.timeline as t
        where t.published_on is not null
    )
    where subject like 'hkstp%'
),
last_said as (
    select e.claim_id, h.claim_id as hkstp_claim_id
    from echo as e
    join hkstp as h on h.subject = e.subject and h.metric = e.metric and h.kind = e.kind and h.as_of <= e.as_of
    qualify row_number() over (
        partition by e.claim_id
        order by h.as_of desc, h.published_on desc, (h.language = e.language) desc, h.release_id
    ) = 1
),
compared as (
    select
        e.claim_id,
        bool_or(h.as_of <= e.as_of and core.figures_agree(e.value, e.value_high, e.qualifier, h.value, h.value_high, h.qualifier, tolerance_pct)) as agrees_earlier,
        bool_or(core.figures_agree(e.value, e.value_high, e.qualifier, h.value, h.value_high, h.qualifier, tolerance_pct)) as agrees_ever,
        max(greatest(h.value, coalesce(h.value_high, h.value))) as hkstp_max_value
    from echo as e
    join hkstp as h on h.subject = e.subject and h.metric = e.metric and h.kind = e.kind
    group by e.claim_id
)
select
    e.*,
    case
        when l.hkstp_claim_id is null then 'unknown'
        when core.figures_agree(e.value, e.value_high, e.qualifier, h.value, h.value_high, h.qualifier, tolerance_pct) then 'current'
        when c.agrees_earlier then 'stale'
        when c.agrees_ever then 'unknown'
        else 'mismatch'
    end as verdict,
    h.value as hkstp_value,
    h.value_high as hkstp_value_high,
    h.qualifier as hkstp_qualifier,
    h.published_on as hkstp_published_on,
    h.as_of as hkstp_as_of,
    h.url as hkstp_url,
    h.text as hkstp_text,
    h.sentence as hkstp_sentence,
    h.language as hkstp_language,
    h.release_id as hkstp_release_id,
    h.version_id as hkstp_version_id,
    c.hkstp_max_value
from echo as e
left join last_said as l on l.claim_id = e.claim_id
left join hkstp as h on h.claim_id = l.hkstp_claim_id
left join compared as c on c.claim_id = e.claim_id;

-- an echo beside what HKSTP said last, in the columns of a finding (old_* HKSTP, new_* the echo): the one mapping
-- the echo_stale and echo_mismatch checks select from, each with its own verdict and severity.
create or replace macro core.echo_evidence(tolerance_pct) as table
select
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
    concat_ws('|', v.source, v.subject, v.release_id, v.kind, v.value, v.value_high, v.qualifier) as identity_key,
    v.verdict,
    v.hkstp_max_value,
    coalesce(m.cumulative, false) as cumulative
from core.echo_verdicts(tolerance_pct) as v
left join core.metrics as m on m.key = v.metric;

create or replace view echoes as
select
    claim_id, source, url, published_on, as_of, subject, metric, language, value, qualifier, verdict,
    hkstp_value, hkstp_qualifier, hkstp_published_on, hkstp_url,
    value_high, kind, text, sentence, release_id, hkstp_as_of, hkstp_text, hkstp_sentence
from core.echo_verdicts(coalesce(
    -- the tolerance the latest check run used (HKSTP_ECHO_TOLERANCE_PCT), so the view and the findings agree
    (select try_cast(r.settings->>'echo_tolerance_pct' as double) from core.check_runs as r
     order by r.finished_at desc limit 1),
    0.0));

-- newswire copies and the HKSTP release each copies (core.copies)
create or replace view copies as
select
    k.copy_release_id, k.copy_language, k.wire, k.original_release_id, k.similarity, k.days_apart,
    c.url as copy_url, c.published_on as copy_published_on, o.url as original_url, o.published_on as original_published_on
from core.copies as k
left join core.latest_versions as c on c.release_id = k.copy_release_id and c.language = k.copy_language
left join core.latest_versions as o on o.release_id = k.original_release_id and o.language = k.copy_language;

-- descriptions ------------------------------------------------------------------------------------------

comment on view echoes is 'Every standing figure of an HKSTP subject stated by another source (the Government, a newswire copy), beside what HKSTP itself had said last by the echo''s as_of; verdict current, stale, mismatch or unknown.';
comment on column echoes.claim_id is 'The echo''s claim (see claims).';
comment on column echoes.source is 'Source of the echo: gia (the Government''s press releases), a newswire (pr-newswire, media-outreach, business-wire, eqs).';
comment on column echoes.url is 'Where the echo was said.';
comment on column echoes.published_on is 'Publication date of the echo (DATE).';
comment on column echoes.as_of is 'The date the echoed figure describes (DATE).';
comment on column echoes.subject is 'Whose figure: hkstp or one of its sites (hkstp/science-park, ...).';
comment on column echoes.metric is 'Metric vocabulary key.';
comment on column echoes.language is 'Language of the echo.';
comment on column echoes.value is 'The echoed figure in plain units.';
comment on column echoes.qualifier is 'Canonical qualifier of the echo.';
comment on column echoes.verdict is 'current (what HKSTP said last by then), stale (a figure HKSTP had replaced), mismatch (no figure HKSTP gave) or unknown (HKSTP gave none for that subject and metric by then).';
comment on column echoes.hkstp_value is 'What HKSTP itself said last by the echo''s as_of, for that subject and metric.';
comment on column echoes.hkstp_qualifier is 'Its qualifier.';
comment on column echoes.hkstp_published_on is 'When HKSTP said it (DATE).';
comment on column echoes.hkstp_url is 'Where HKSTP said it.';
comment on view copies is 'Newswire copies of HKSTP releases linked to their originals (same release: title and first paragraph alike, dates within a few days).';

comment on view releases is 'One row per language edition of a press release, as its latest version reads; the editions of one release share release_id.';
comment on column releases.release_id is 'Identifier shared by the English, Traditional and Simplified Chinese editions of one release.';
comment on column releases.language is 'Edition language: en, zh-hant or zh-hans.';
comment on column releases.title is 'Title of the latest version of the edition.';
comment on column releases.published_on is 'Publication date stated by the release (DATE).';
comment on column releases.url is 'URL the latest version was read from.';
comment on column releases.source is 'Source of the edition: hkstp (the press room), gia (the Government''s press releases), a newswire (pr-newswire, media-outreach, business-wire, eqs), file or sample (local files).';
comment on column releases.first_seen_at is 'When the monitor first fetched this edition (UTC TIMESTAMP).';
comment on column releases.last_seen_at is 'When the monitor last fetched this edition (UTC TIMESTAMP).';
comment on column releases.version_count is 'Number of distinct contents seen for this edition; above 1 means it was edited after publication.';
comment on column releases.subtitle is 'Subtitle of the latest version, if any.';
comment on column releases.category is 'Category label on the page (e.g. Corporate News), if any.';
comment on column releases.canonical_url is 'Canonical URL the page declares, if any.';
comment on column releases.version_id is 'Identifier of the latest version (see claims.version_id).';
comment on column releases.flow_run_id is 'Prefect flow run that first loaded the edition (null outside a flow run).';

comment on view claims is 'Every numeric claim of the latest version of each edition, with its evidence sentence and link.';
comment on column claims.claim_id is 'Stable identifier of the claim within its version.';
comment on column claims.release_id is 'Release the claim belongs to (see releases).';
comment on column claims.language is 'Edition language: en, zh-hant or zh-hans.';
comment on column claims.published_on is 'Publication date of the release (DATE).';
comment on column claims.metric is 'Metric vocabulary key (e.g. tech_companies, unicorns), null when the counted thing is not in the vocabulary.';
comment on column claims.value is 'The figure in plain units (HK$1 billion is 1000000000, 70% is 70).';
comment on column claims.value_high is 'Upper end when the claim states a range, else null.';
comment on column claims.qualifier is 'Canonical qualifier: exact, about, over, at_least, nearly, under or up_to ("more than" is over).';
comment on column claims.kind is 'count, money, percent, area, ratio, duration, year, date or quarter.';
comment on column claims.unit is 'What is counted or measured, as written (e.g. technology companies).';
comment on column claims.currency is 'ISO 4217 currency of a money claim (HKD, USD, CNY, ...), else null.';
comment on column claims.text is 'The words of the claim as written (e.g. around 1,700 technology companies).';
comment on column claims.sentence is 'The sentence the claim was found in: the evidence.';
comment on column claims.section is 'Part of the release: title, subtitle, key_takeaways, body, caption, about or contact.';
comment on column claims.url is 'URL of the page the claim was read from.';
comment on column claims.subject is 'Whose figure it is: hkstp (the corporation and its parks together), hkstp/science-park, hkstp/innocentre, hkstp/innoparks, hkstp/shenzhen, another organisation or place (cyberport, hong-kong, itc, ...), other (a named body the vocabulary does not know), or null (the text does not say; also claims loaded before subjects were read).';
comment on column claims.scope is 'What kind of figure: standing (the subject''s figure as it stands), event (one event, delegation, expo, competition, programme round, graduating class, survey), target (an aim, plan or forecast) or history (a past figure given for comparison); null for claims loaded before scopes were read (compared as standing).';
comment on column claims.as_of is 'The date the figure describes (as at end-January 2021 is 2021-01-31, in 2023 is 2023-12-31), else the publication date (DATE).';
comment on column claims.version_id is 'Version (distinct content) of the edition the claim belongs to.';
comment on column claims.ordinal is 'Position of the claim within its version.';

comment on view metric_timeline is 'Standing figures only (no event, target or history figure), one per metric, subject, language and release (the About paragraph wins when a release states a metric several times): what HKSTP said about X over time.';
comment on column metric_timeline.metric is 'Metric vocabulary key.';
comment on column metric_timeline.subject is 'Whose figure it is (see claims.subject); each subject is its own timeline.';
comment on column metric_timeline.as_of is 'The date the figure describes (DATE); a timeline is ordered by it.';
comment on column metric_timeline.language is 'Edition language; languages are separate timelines.';
comment on column metric_timeline.published_on is 'Publication date of the release (DATE).';
comment on column metric_timeline.value is 'The figure in plain units.';
comment on column metric_timeline.qualifier is 'Canonical qualifier (exact, about, over, at_least, nearly, under, up_to).';
comment on column metric_timeline.release_id is 'Release that stated the figure.';
comment on column metric_timeline.url is 'URL of the page that stated it.';
comment on column metric_timeline.text is 'The claim as written.';
comment on column metric_timeline.value_high is 'Upper end of a range, else null.';
comment on column metric_timeline.kind is 'Kind of figure (count, money, percent, ...); a metric is compared within one kind.';
comment on column metric_timeline.unit is 'What is counted, as written.';
comment on column metric_timeline.currency is 'Currency of a money figure, else null.';
comment on column metric_timeline.section is 'Part of the release the figure was taken from.';
comment on column metric_timeline.sentence is 'Evidence sentence.';
comment on column metric_timeline.claim_id is 'The claim chosen for this release (see claims).';
comment on column metric_timeline.version_id is 'Version of the edition the claim belongs to.';

comment on view findings is 'What the checks flagged, one row per stable finding_id; status is kept across runs (muted stays muted).';
comment on column findings.finding_id is 'Stable identifier: hash of check name, metric, language and the identity of the old and new figures; use it with `hkstp-monitor ack` or `mute`.';
comment on column findings.check_name is 'figure_changed, qualifier_changed, figure_conflict, translation_mismatch, release_revised, site_drift, echo_stale (another source repeats a figure HKSTP had replaced) or echo_mismatch (another source gives a figure HKSTP never gave).';
comment on column findings.severity is 'info, warning or critical.';
comment on column findings.metric is 'Metric vocabulary key; null for a release_revised finding about figures outside the vocabulary.';
comment on column findings.subject is 'Whose figure the finding is about (see claims.subject); null for findings made before subjects were read and for release_revised and site_drift.';
comment on column findings.old_as_of is 'The date the old figure describes (DATE).';
comment on column findings.new_as_of is 'The date the new figure describes (DATE).';
comment on column findings.language is 'Language of the compared figures; for translation_mismatch the pair, e.g. en/zh-hant.';
comment on column findings.old_value is 'The earlier (or first edition''s) figure.';
comment on column findings.new_value is 'The later (or other edition''s) figure.';
comment on column findings.old_qualifier is 'Canonical qualifier of the old figure.';
comment on column findings.new_qualifier is 'Canonical qualifier of the new figure.';
comment on column findings.change_pct is 'Change from old to new in percent of old (negative is a decrease), null when old is 0 or missing.';
comment on column findings.old_published_on is 'Publication date of the release with the old figure (DATE).';
comment on column findings.new_published_on is 'Publication date of the release with the new figure (DATE).';
comment on column findings.old_url is 'Where the old figure was said.';
comment on column findings.new_url is 'Where the new figure was said.';
comment on column findings.old_text is 'The old claim as written.';
comment on column findings.new_text is 'The new claim as written.';
comment on column findings.first_seen_at is 'When a check run first found this (UTC TIMESTAMP).';
comment on column findings.last_seen_at is 'When a check run last found this (UTC TIMESTAMP).';
comment on column findings.status is 'open, acknowledged, muted or rejected (the monitor misread the release); set by `hkstp-monitor ack` / `mute` or the review-findings flow, kept by later runs.';
comment on column findings.old_language is 'Language of the old figure.';
comment on column findings.new_language is 'Language of the new figure.';
comment on column findings.old_release_id is 'Release with the old figure.';
comment on column findings.new_release_id is 'Release with the new figure.';
comment on column findings.old_value_high is 'Upper end of the old figure''s range, else null.';
comment on column findings.new_value_high is 'Upper end of the new figure''s range, else null.';
comment on column findings.old_sentence is 'Evidence sentence of the old figure.';
comment on column findings.new_sentence is 'Evidence sentence of the new figure.';
comment on column findings.is_current is 'True when the latest check run still found it; false when the data behind it has since changed.';
comment on column findings.status_changed_at is 'When status was last set by hand (UTC TIMESTAMP).';
comment on column findings.flow_run_id is 'Prefect flow run whose check run first found it.';
comment on column findings.reviewed_at is 'When a person last reviewed the finding (review flow, ack or mute; UTC TIMESTAMP), null if never.';
comment on column findings.reviewed_by is 'Who reviewed it: the name given in the review form, else where the decision came from (prefect-ui, cli).';
comment on column findings.review_note is 'The reviewer''s note, e.g. why the monitor misread the release (status rejected).';
comment on column findings.review_flow_run_id is 'Prefect flow run of the review-findings flow that applied the decision, null from the command line.';

comment on view problems is 'Pages that could not be used: fetch errors and parse errors, one row per page, stage and reason.';
comment on column problems.url is 'The page.';
comment on column problems.stage is 'fetch, parse, discover (a problem of discovery: a cap reached, a damaged sitemap) or rebuild (a page whose body the raw store no longer holds).';
comment on column problems.reason is 'What went wrong (e.g. http 404, no release found).';
comment on column problems.seen_at is 'When it last happened (UTC TIMESTAMP).';
comment on column problems.http_status is 'HTTP status of a failed fetch, if one was received.';
comment on column problems.source is 'web, file or sample.';
comment on column problems.resolved is 'True when a later fetch or parse of the same URL succeeded.';
comment on column problems.flow_run_id is 'Prefect flow run that recorded it (the latest time).';
comment on column problems.first_seen_at is 'When this page first failed for this reason (UTC TIMESTAMP).';
comment on column problems.times_seen is 'How many fetches or parses of the page failed for this reason.';

comment on view check_runs is 'One row per run of the checks.';
comment on column check_runs.run_id is 'Identifier of the check run.';
comment on column check_runs.started_at is 'Start (UTC TIMESTAMP).';
comment on column check_runs.finished_at is 'End (UTC TIMESTAMP).';
comment on column check_runs.flow_run_id is 'Prefect flow run that ran the checks, if any.';
comment on column check_runs.counts_by_check is 'JSON: findings found by each check in this run.';
comment on column check_runs.counts_by_severity is 'JSON: findings found in this run by severity.';
comment on column check_runs.new_findings is 'Findings first seen in this run.';
comment on column check_runs.total_open is 'Findings seen in this run whose status is open.';
comment on column check_runs.settings is 'JSON: the thresholds the run used.';

comment on view metrics is 'The metric vocabulary: which metrics are running totals (a decrease of one is a warning).';
comment on column metrics.key is 'Metric key used in claims.metric.';
comment on column metrics.cumulative is 'True when the figure should only grow.';
comment on column metrics.label_en is 'English label.';
comment on column metrics.label_zh is 'Chinese label.';

comment on view fetches is 'Every HTTP request (or file read) the monitor made and its outcome.';
comment on column fetches.url is 'Requested URL.';
comment on column fetches.fetched_at is 'When (UTC TIMESTAMP).';
comment on column fetches.status is 'HTTP status (304 is not modified), null when no response came.';
comment on column fetches.etag is 'ETag of the response, kept for conditional GET.';
comment on column fetches.last_modified is 'Last-Modified of the response, kept for conditional GET.';
comment on column fetches.sha256 is 'sha256 of the body: its key in the raw store.';
comment on column fetches.bytes is 'Body size in bytes.';
comment on column fetches.elapsed_ms is 'Time the request took, in milliseconds.';
comment on column fetches.content_type is 'Content-Type of the response.';
comment on column fetches.error is 'Why the fetch failed, null when a body was received.';
comment on column fetches.source is 'web, file or sample.';
comment on column fetches.flow_run_id is 'Prefect flow run that made the request.';

comment on view core.latest_versions is 'Internal: the latest version (content last seen) of each edition.';
comment on view core.claim_versions is 'Internal: the claims of every version of every edition, with canonical qualifiers.';
comment on view core.timeline_steps is 'Internal: each timeline figure that starts its timeline (metric, language, kind) or differs from the one before it (value, range or qualifier), beside that one; what figure_changed, qualifier_changed and figure_conflict compare.';

-- core tables ------------------------------------------------------------------------------------------

comment on table core.schema_version is 'Migrations applied to this file, one row per schema version.';
comment on table core.meta is 'Internal key/value state (checksums of the views and of the metric vocabulary last applied).';
comment on table core.fetches is 'Every HTTP request or file read, good or failed; natural key (url, fetched_at).';
comment on table core.documents is 'What became of each fetched body: the edition version it parsed to, or the parse error; natural key (url, sha256).';
comment on table core.releases is 'One row per release (all its language editions); natural key release_id.';
comment on table core.editions is 'One row per language edition of a release; natural key (release_id, language).';
comment on table core.versions is 'Each distinct content (Release.content_hash) of an edition; a changed page is a new version beside the old.';
comment on table core.sections is 'The sections of each version, in page order.';
comment on table core.claims is 'Every numeric claim of every version, qualifier as extracted (see the claims view for the canonical form).';
comment on table core.metrics is 'The metric vocabulary (filled from transforms/vocab/metrics.py when it loads).';
comment on table core.qualifier_aliases is 'Qualifier words and their canonical qualifier (more than -> over).';
comment on table core.check_runs is 'One row per run of the checks.';
comment on table core.findings is 'Findings of the checks, one row per stable finding_id, with the status analysts set.';
comment on table core.timeline is 'The latest version''s figure per metric, language and edition, kept by every load (behind metric_timeline).';
comment on column core.check_runs.run_id is 'Identifier of the check run.';
comment on column core.check_runs.started_at is 'Start (UTC TIMESTAMP).';
comment on column core.check_runs.finished_at is 'End (UTC TIMESTAMP).';
comment on column core.check_runs.flow_run_id is 'Prefect flow run that ran the checks, if any.';
comment on column core.check_runs.settings is 'JSON: the thresholds the run used.';
comment on column core.check_runs.counts_by_check is 'JSON: findings found by each check in this run.';
comment on column core.check_runs.counts_by_severity is 'JSON: findings found in this run by severity.';
comment on column core.check_runs.new_findings is 'Findings first seen in this run.';
comment on column core.check_runs.total_open is 'Findings seen in this run whose status is open.';
comment on column core.claims.claim_id is 'Stable identifier of the claim within its version.';
comment on column core.claims.version_id is 'Version the claim belongs to (core.versions).';
comment on column core.claims.ordinal is 'Position of the claim within its version.';
comment on column core.claims.metric is 'Metric vocabulary key (e.g. tech_companies, unicorns), null when the counted thing is not in the vocabulary.';
comment on column core.claims.value is 'The figure in plain units (HK$1 billion is 1000000000, 70% is 70).';
comment on column core.claims.value_high is 'Upper end when the claim states a range, else null.';
comment on column core.claims.qualifier is 'Qualifier as the extractor gave it; the views show the canonical form.';
comment on column core.claims.kind is 'count, money, percent, area, ratio, duration, year, date or quarter.';
comment on column core.claims.unit is 'What is counted or measured, as written (e.g. technology companies).';
comment on column core.claims.currency is 'ISO 4217 currency of a money claim (HKD, USD, CNY, ...), else null.';
comment on column core.claims.text is 'The words of the claim as written (e.g. around 1,700 technology companies).';
comment on column core.claims.sentence is 'The sentence the claim was found in: the evidence.';
comment on column core.claims.section is 'Part of the release: title, subtitle, key_takeaways, body, caption, about or contact.';
comment on column core.claims.start_offset is 'Offset of text within sentence.';
comment on column core.claims.subject is 'Whose figure it is (see claims.subject); null also for claims loaded before subjects were read.';
comment on column core.claims.scope is 'standing, event, target or history; null for claims loaded before scopes were read (compared as standing).';
comment on column core.claims.as_of is 'The date the figure describes (DATE); null for claims loaded before it was read.';
comment on column core.claims.flow_run_id is 'Prefect flow run that loaded it.';
comment on column core.documents.url is 'URL the body was fetched from.';
comment on column core.documents.sha256 is 'sha256 of the body (its key in the raw store).';
comment on column core.documents.fetched_at is 'When the body was fetched (UTC TIMESTAMP).';
comment on column core.documents.release_id is 'Release the body parsed to, null on a parse error.';
comment on column core.documents.language is 'Edition language, null on a parse error.';
comment on column core.documents.version_id is 'Version the body parsed to, null on a parse error.';
comment on column core.documents.error is 'Why the body could not be parsed, null when it was.';
comment on column core.documents.source is 'web, file or sample.';
comment on column core.documents.flow_run_id is 'Prefect flow run that loaded it (null outside a flow run).';
comment on column core.documents.loaded_at is 'When this row was written (UTC TIMESTAMP).';
comment on column core.editions.release_id is 'Identifier shared by the English, Traditional and Simplified Chinese editions of one release.';
comment on column core.editions.language is 'Edition language: en, zh-hant or zh-hans.';
comment on column core.editions.source is 'Where the edition came from: web, file or sample.';
comment on column core.editions.first_seen_at is 'When the monitor first fetched this edition (UTC TIMESTAMP).';
comment on column core.editions.last_seen_at is 'When the monitor last fetched this edition (UTC TIMESTAMP).';
comment on column core.editions.flow_run_id is 'Prefect flow run that first loaded it.';
comment on column core.fetches.url is 'Requested URL.';
comment on column core.fetches.fetched_at is 'When (UTC TIMESTAMP).';
comment on column core.fetches.status is 'HTTP status (304 is not modified), null when no response came.';
comment on column core.fetches.etag is 'ETag of the response, kept for conditional GET.';
comment on column core.fetches.last_modified is 'Last-Modified of the response, kept for conditional GET.';
comment on column core.fetches.sha256 is 'sha256 of the body: its key in the raw store.';
comment on column core.fetches.bytes is 'Body size in bytes.';
comment on column core.fetches.elapsed_ms is 'Time the request took, in milliseconds.';
comment on column core.fetches.content_type is 'Content-Type of the response.';
comment on column core.fetches.error is 'Why the fetch failed, null when a body was received.';
comment on column core.fetches.source is 'web, file or sample.';
comment on column core.fetches.flow_run_id is 'Prefect flow run that made the request.';
comment on column core.fetches.loaded_at is 'When this row was written (UTC TIMESTAMP).';
comment on column core.findings.finding_id is 'Stable identifier: hash of check name, metric, language and the identity of the old and new figures; use it with `hkstp-monitor ack` or `mute`.';
comment on column core.findings.check_name is 'figure_changed, qualifier_changed, figure_conflict, translation_mismatch or release_revised.';
comment on column core.findings.severity is 'info, warning or critical.';
comment on column core.findings.metric is 'Metric vocabulary key; null for a release_revised finding about figures outside the vocabulary.';
comment on column core.findings.language is 'Language of the compared figures; for translation_mismatch the pair, e.g. en/zh-hant.';
comment on column core.findings.old_language is 'Language of the old figure.';
comment on column core.findings.new_language is 'Language of the new figure.';
comment on column core.findings.old_release_id is 'Release with the old figure.';
comment on column core.findings.new_release_id is 'Release with the new figure.';
comment on column core.findings.old_version_id is 'Version holding the old figure.';
comment on column core.findings.new_version_id is 'Version holding the new figure.';
comment on column core.findings.old_value is 'The earlier (or first edition''s) figure.';
comment on column core.findings.new_value is 'The later (or other edition''s) figure.';
comment on column core.findings.old_value_high is 'Upper end of the old figure''s range, else null.';
comment on column core.findings.new_value_high is 'Upper end of the new figure''s range, else null.';
comment on column core.findings.old_qualifier is 'Canonical qualifier of the old figure.';
comment on column core.findings.new_qualifier is 'Canonical qualifier of the new figure.';
comment on column core.findings.change_pct is 'Change from old to new in percent of old (negative is a decrease), null when old is 0 or missing.';
comment on column core.findings.old_published_on is 'Publication date of the release with the old figure (DATE).';
comment on column core.findings.new_published_on is 'Publication date of the release with the new figure (DATE).';
comment on column core.findings.old_url is 'Where the old figure was said.';
comment on column core.findings.new_url is 'Where the new figure was said.';
comment on column core.findings.old_text is 'The old claim as written.';
comment on column core.findings.new_text is 'The new claim as written.';
comment on column core.findings.old_sentence is 'Evidence sentence of the old figure.';
comment on column core.findings.new_sentence is 'Evidence sentence of the new figure.';
comment on column core.findings.first_seen_at is 'When a check run first found this (UTC TIMESTAMP).';
comment on column core.findings.last_seen_at is 'When a check run last found this (UTC TIMESTAMP).';
comment on column core.findings.first_run_id is 'Check run that first found it.';
comment on column core.findings.last_run_id is 'Check run that last found it.';
comment on column core.findings.status is 'open, acknowledged, muted or rejected; set by `hkstp-monitor ack` / `mute` or the review-findings flow, kept by later runs.';
comment on column core.findings.status_changed_at is 'When status was last set by hand (UTC TIMESTAMP).';
comment on column core.findings.flow_run_id is 'Prefect flow run whose check run first found it.';
comment on column core.findings.reviewed_at is 'When a person last reviewed the finding (UTC TIMESTAMP), null if never.';
comment on column core.findings.reviewed_by is 'Who reviewed it: the name given in the review form, else prefect-ui or cli.';
comment on column core.findings.review_note is 'The reviewer''s note.';
comment on column core.findings.review_flow_run_id is 'Prefect flow run of the review-findings flow that applied the decision.';
comment on column core.findings.subject is 'Whose figure the finding is about; null before subjects were read.';
comment on column core.findings.old_as_of is 'The date the old figure describes (DATE).';
comment on column core.findings.new_as_of is 'The date the new figure describes (DATE).';
comment on column core.meta.key is 'State key.';
comment on column core.meta.value is 'State value.';
comment on column core.metrics.key is 'Metric key used in claims.metric.';
comment on column core.metrics.cumulative is 'True when the figure should only grow.';
comment on column core.metrics.label_en is 'English label.';
comment on column core.metrics.label_zh is 'Chinese label.';
comment on column core.qualifier_aliases.alias is 'A qualifier word as written or extracted, lower case.';
comment on column core.qualifier_aliases.qualifier is 'Its canonical qualifier.';
comment on column core.releases.release_id is 'Identifier shared by the English, Traditional and Simplified Chinese editions of one release.';
comment on column core.releases.first_seen_at is 'When any edition was first fetched (UTC TIMESTAMP).';
comment on column core.releases.last_seen_at is 'When any edition was last fetched (UTC TIMESTAMP).';
comment on column core.releases.flow_run_id is 'Prefect flow run that first loaded it.';
comment on column core.schema_version.version is 'Schema version number (warehouse/migrations/NNNN_*.sql).';
comment on column core.schema_version.description is 'Name of the migration file applied.';
comment on column core.schema_version.applied_at is 'When it was applied (UTC TIMESTAMP).';
comment on column core.sections.version_id is 'Version the section belongs to.';
comment on column core.sections.ordinal is 'Position of the section in the page.';
comment on column core.sections.name is 'title, subtitle, key_takeaways, body, caption, about or contact.';
comment on column core.sections.heading is 'Sub-head of a body section, if any.';
comment on column core.sections.text is 'Text of the section.';
comment on column core.sections.flow_run_id is 'Prefect flow run that loaded it.';
comment on column core.timeline.claim_id is 'The claim chosen for this release (see claims).';
comment on column core.timeline.release_id is 'Release that stated the figure.';
comment on column core.timeline.language is 'Edition language; languages are separate timelines.';
comment on column core.timeline.version_id is 'Version of the edition the claim belongs to.';
comment on column core.timeline.published_on is 'Publication date of the release (DATE).';
comment on column core.timeline.metric is 'Metric vocabulary key.';
comment on column core.timeline.value is 'The figure in plain units.';
comment on column core.timeline.value_high is 'Upper end of a range, else null.';
comment on column core.timeline.qualifier is 'Canonical qualifier (core.qualifier_aliases applied when the row was built by a load).';
comment on column core.timeline.kind is 'Kind of figure (count, money, percent, ...); a metric is compared within one kind.';
comment on column core.timeline.unit is 'What is counted, as written.';
comment on column core.timeline.currency is 'Currency of a money figure, else null.';
comment on column core.timeline.section is 'Part of the release the figure was taken from.';
comment on column core.timeline.text is 'The claim as written.';
comment on column core.timeline.sentence is 'Evidence sentence.';
comment on column core.timeline.url is 'URL of the page that stated it.';
comment on column core.timeline.flow_run_id is 'Prefect flow run whose load last rebuilt this row.';
comment on column core.timeline.subject is 'Whose figure it is; each subject is its own timeline.';
comment on column core.timeline.scope is 'standing, or null for claims loaded before scopes were read (the timeline holds no other).';
comment on column core.timeline.as_of is 'The date the figure describes (DATE); null before it was read (the publication date stands in).';
comment on column core.versions.version_id is 'Identifier: hash of release_id, language and content_hash.';
comment on column core.versions.release_id is 'Identifier shared by the English, Traditional and Simplified Chinese editions of one release.';
comment on column core.versions.language is 'Edition language: en, zh-hant or zh-hans.';
comment on column core.versions.content_hash is 'sha256 of what a reader sees (Release.content_hash()).';
comment on column core.versions.version_no is '1 for the first content seen of the edition, 2 for the next, ...';
comment on column core.versions.title is 'Title of this version.';
comment on column core.versions.subtitle is 'Subtitle of this version, if any.';
comment on column core.versions.published_on is 'Publication date stated by the release (DATE).';
comment on column core.versions.category is 'Category label on the page (e.g. Corporate News), if any.';
comment on column core.versions.url is 'URL this version was last read from.';
comment on column core.versions.canonical_url is 'Canonical URL the page declares, if any.';
comment on column core.versions.date_source is 'Where published_on came from: meta, page_date, dateline, newswire or url.';
comment on column core.versions.layout is 'Page layout the parser matched.';
comment on column core.versions.first_seen_at is 'When this content was first fetched (UTC TIMESTAMP).';
comment on column core.versions.last_seen_at is 'When this content was last fetched (UTC TIMESTAMP); the latest version has the latest.';
comment on column core.versions.flow_run_id is 'Prefect flow run that first loaded it.';

comment on column claims.source is 'Source of the edition: hkstp (the press room), gia (the Government''s press releases), a newswire, file or sample.';
comment on column echoes.value_high is 'Upper end of the echo''s range, else null.';
comment on column echoes.kind is 'Kind of figure (count, money, percent, ...).';
comment on column echoes.text is 'The echo as written.';
comment on column echoes.sentence is 'The echo''s sentence: the evidence.';
comment on column echoes.release_id is 'Release of the echo (see releases).';
comment on column echoes.hkstp_as_of is 'The date HKSTP''s figure describes (DATE).';
comment on column echoes.hkstp_text is 'HKSTP''s figure as written.';
comment on column echoes.hkstp_sentence is 'HKSTP''s sentence.';
comment on column copies.copy_release_id is 'Release id of the newswire copy.';
comment on column copies.copy_language is 'Language of the copy.';
comment on column copies.wire is 'pr-newswire, media-outreach, business-wire or eqs.';
comment on column copies.original_release_id is 'Release id of the HKSTP original.';
comment on column copies.similarity is 'How alike title and first paragraph are (0 to 1).';
comment on column copies.days_apart is 'Days between the two publication dates.';
comment on column copies.copy_url is 'Where the copy was read.';
comment on column copies.copy_published_on is 'Publication date of the copy (DATE).';
comment on column copies.original_url is 'URL of the original.';
comment on column copies.original_published_on is 'Publication date of the original (DATE).';
