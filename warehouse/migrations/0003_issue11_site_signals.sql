-- schema version 3 (issue 11): what each monitor run saw of the site itself. A drift signal (the site no longer
-- fits its profile: a listing page gone, a sitemap of unknown URLs, releases found only by their content) becomes
-- a `site_drift` finding (warehouse/checks/site_drift.sql); the other signals are problems of the run (a cap
-- reached, a damaged sitemap) and are listed in the `problems` view.

create table if not exists core.site_signals (
    run_key varchar not null,       -- one monitor run (its Prefect flow run id, or a random id outside Prefect)
    seen_at timestamp not null,     -- when the run recorded it (UTC)
    kind varchar not null,          -- listing_unreachable, listing_without_releases, sitemap_unmatched, ...
    drift boolean not null,         -- true: a site_drift finding; false: a problem of the run
    severity varchar not null,      -- info | warning | critical
    url varchar not null,           -- where it was seen
    profile_key varchar not null,   -- the key of the site profile to look at
    detail varchar not null,        -- what was seen, one sentence
    language varchar,
    flow_run_id varchar
);

-- one row per monitor run that looked at the site (even when it saw nothing wrong), so that "the latest run" is
-- known and a signal that the latest run no longer sees is over
create table if not exists core.site_runs (
    run_key varchar primary key,
    seen_at timestamp not null,
    listing_only boolean not null,  -- true: only listing pages were read (the hourly run), no sitemap
    flow_run_id varchar
);

comment on table core.site_signals is 'What each monitor run saw of the site itself: drift signals (site_drift findings) and discovery problems.';
comment on column core.site_signals.run_key is 'The monitor run that saw it (core.site_runs).';
comment on column core.site_signals.seen_at is 'When the run recorded it (UTC TIMESTAMP).';
comment on column core.site_signals.kind is 'listing_unreachable, listing_without_releases, listing_fallback_sitemap, sitemap_unmatched, found_by_content, generic_share_jump, layout_date_missing, layout_title_missing; problems: discovery_capped, sitemap_damaged, sitemap_unreadable.';
comment on column core.site_signals.drift is 'True: the site no longer fits its profile (a site_drift finding); false: a problem of the run.';
comment on column core.site_signals.severity is 'info, warning or critical.';
comment on column core.site_signals.url is 'Where it was seen (a listing page, a sitemap, a release URL folder).';
comment on column core.site_signals.profile_key is 'The key of the site profile to look at (e.g. site.listing_pages).';
comment on column core.site_signals.detail is 'What was seen, one sentence.';
comment on column core.site_signals.language is 'Language code (en, zh-hant, zh-hans) when the signal concerns one.';
comment on column core.site_signals.flow_run_id is 'Prefect flow run that recorded it.';
comment on table core.site_runs is 'One row per monitor run that looked at the site; the latest one decides which signals are current.';
comment on column core.site_runs.run_key is 'The monitor run (its Prefect flow run id, or a random id).';
comment on column core.site_runs.seen_at is 'When the run recorded what it saw (UTC TIMESTAMP).';
comment on column core.site_runs.listing_only is 'True for a listing-only run (no sitemap read).';
comment on column core.site_runs.flow_run_id is 'Prefect flow run, if any.';
