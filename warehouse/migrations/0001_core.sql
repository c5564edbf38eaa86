-- schema version 1: what was fetched, what was parsed, and every claim of every version of every edition.
-- raw tables live in schema `core`; analysts use the views in `main` (warehouse/views.sql).

create schema if not exists core;

create table if not exists core.schema_version (
    version integer primary key,
    description varchar not null,
    applied_at timestamp not null
);

create table if not exists core.meta (
    key varchar primary key,
    value varchar
);

create table if not exists core.fetches (
    url varchar not null,
    fetched_at timestamp not null,
    status integer,
    etag varchar,
    last_modified varchar,
    sha256 varchar,
    bytes bigint,
    elapsed_ms double,
    content_type varchar,
    error varchar,
    source varchar,
    flow_run_id varchar,
    loaded_at timestamp not null,
    primary key (url, fetched_at)
);

create table if not exists core.documents (
    url varchar not null,
    sha256 varchar not null,
    fetched_at timestamp not null,
    release_id varchar,
    language varchar,
    version_id varchar,
    error varchar,
    source varchar,
    flow_run_id varchar,
    loaded_at timestamp not null,
    primary key (url, sha256)
);

create table if not exists core.releases (
    release_id varchar primary key,
    first_seen_at timestamp not null,
    last_seen_at timestamp not null,
    flow_run_id varchar
);

create table if not exists core.editions (
    release_id varchar not null,
    language varchar not null,
    source varchar,
    first_seen_at timestamp not null,
    last_seen_at timestamp not null,
    flow_run_id varchar,
    primary key (release_id, language)
);

create table if not exists core.versions (
    version_id varchar primary key,
    release_id varchar not null,
    language varchar not null,
    content_hash varchar not null,
    version_no integer not null,
    title varchar,
    subtitle varchar,
    published_on date,
    category varchar,
    url varchar,
    canonical_url varchar,
    date_source varchar,
    layout varchar,
    first_seen_at timestamp not null,
    last_seen_at timestamp not null,
    flow_run_id varchar
);

create table if not exists core.sections (
    version_id varchar not null,
    ordinal integer not null,
    name varchar not null,
    heading varchar,
    text varchar,
    flow_run_id varchar,
    primary key (version_id, ordinal)
);

create table if not exists core.claims (
    claim_id varchar primary key,
    version_id varchar not null,
    ordinal integer not null,
    metric varchar,
    value double not null,
    value_high double,
    qualifier varchar,
    kind varchar,
    unit varchar,
    currency varchar,
    text varchar,
    sentence varchar,
    section varchar,
    start_offset integer,
    flow_run_id varchar
);

create table if not exists core.metrics (
    key varchar primary key,
    cumulative boolean not null default false,
    label_en varchar,
    label_zh varchar
);

-- the About figures' keys; the vocabulary (transforms/vocab/metrics.yaml) fills in and overrides this table
insert into core.metrics (key, cumulative, label_en, label_zh) values
    ('tech_companies', false, 'technology companies', '科技公司'),
    ('research_professionals', false, 'research professionals', '研發人員'),
    ('unicorns', false, 'unicorns', '獨角獸'),
    ('countries_regions', false, 'countries and regions', '國家和地區'),
    ('startups', false, 'start-ups', '初創企業'),
    ('community_size', false, 'community members', '社群人數')
on conflict do nothing;
