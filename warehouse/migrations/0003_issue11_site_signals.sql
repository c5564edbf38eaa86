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
