-- schema version 2: the findings lifecycle (stable ids, first/last seen, status), one row per check run,
-- and the canonical qualifiers ("more than" and "over" are both `over`).

create table if not exists core.qualifier_aliases (
    alias varchar primary key,
    qualifier varchar not null
);

insert into core.qualifier_aliases (alias, qualifier) values
    ('exact', 'exact'), ('about', 'about'), ('around', 'about'), ('approximately', 'about'), ('some', 'about'),
    ('約', 'about'), ('大約', 'about'), ('约', 'about'), ('大约', 'about'),
    ('over', 'over'), ('more than', 'over'), ('above', 'over'), ('exceeding', 'over'), ('逾', 'over'),
    ('超過', 'over'), ('超过', 'over'), ('超逾', 'over'), ('多', 'over'),
    ('at_least', 'at_least'), ('at least', 'at_least'), ('+', 'at_least'), ('or more', 'at_least'),
    ('至少', 'at_least'), ('以上', 'at_least'),
    ('nearly', 'nearly'), ('almost', 'nearly'), ('close to', 'nearly'), ('近', 'nearly'), ('接近', 'nearly'),
    ('將近', 'nearly'), ('将近', 'nearly'),
    ('under', 'under'), ('less than', 'under'), ('fewer than', 'under'), ('below', 'under'), ('不足', 'under'),
    ('少於', 'under'), ('少于', 'under'),
    ('up_to', 'up_to'), ('up to', 'up_to'), ('as many as', 'up_to'), ('多達', 'up_to'), ('多达', 'up_to')
on conflict do nothing;

create table if not exists core.check_runs (
    run_id varchar primary key,
    started_at timestamp not null,
    finished_at timestamp not null,
    flow_run_id varchar,
    settings json,
    counts_by_check json,
    counts_by_severity json,
    new_findings integer not null,
    total_open integer not null
);

create table if not exists core.findings (
    finding_id varchar primary key,
    check_name varchar not null,
    severity varchar not null,
    metric varchar,
    language varchar,
    old_language varchar,
    new_language varchar,
    old_release_id varchar,
    new_release_id varchar,
    old_version_id varchar,
    new_version_id varchar,
    old_value double,
    new_value double,
    old_value_high double,
    new_value_high double,
    old_qualifier varchar,
    new_qualifier varchar,
    change_pct double,
    old_published_on date,
    new_published_on date,
    old_url varchar,
    new_url varchar,
    old_text varchar,
    new_text varchar,
    old_sentence varchar,
    new_sentence varchar,
    first_seen_at timestamp not null,
    last_seen_at timestamp not null,
    first_run_id varchar not null,
    last_run_id varchar not null,
    status varchar not null default 'open',
    status_changed_at timestamp,
    flow_run_id varchar
);

-- one figure per metric, language and edition (the latest version's; the About paragraph first), kept up to
-- date by each load for the editions it touches, so the checks read a table instead of ranking every claim
create table if not exists core.timeline (
    claim_id varchar primary key,
    release_id varchar not null,
    language varchar not null,
    version_id varchar not null,
    published_on date,
    metric varchar not null,
    value double not null,
    value_high double,
    qualifier varchar,  -- canonical (core.qualifier_aliases applied when the row is built)
    kind varchar,
    unit varchar,
    currency varchar,
    section varchar,
    text varchar,
    sentence varchar,
    url varchar,
    flow_run_id varchar
);

insert into core.timeline
select
    c.claim_id, v.release_id, v.language, v.version_id, v.published_on, c.metric, c.value, c.value_high,
    coalesce(q.qualifier, c.qualifier), c.kind, c.unit, c.currency, c.section, c.text, c.sentence, v.url,
    c.flow_run_id
from core.claims as c
join (
    select * from core.versions
    qualify row_number() over (partition by release_id, language order by last_seen_at desc, version_no desc) = 1
) as v on v.version_id = c.version_id
left join core.qualifier_aliases as q on q.alias = lower(trim(c.qualifier))
where c.metric is not null and c.section is distinct from 'contact'
qualify row_number() over (
    partition by c.metric, v.language, v.release_id
    order by case c.section
        when 'about' then 0 when 'key_takeaways' then 1 when 'body' then 2 when 'subtitle' then 3
        when 'title' then 4 when 'caption' then 5 else 6
    end, c.ordinal
) = 1;
