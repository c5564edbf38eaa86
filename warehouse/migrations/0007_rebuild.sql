-- schema version 8 (issue 22): pages `rebuild` could not read again (their body is missing from the raw store, or
-- damaged). Such a page keeps what it was loaded as; the row says which page and why, and the `problems` view
-- lists it with stage `rebuild` until a later rebuild reads it.

create table if not exists core.rebuild_problems (
    run_key varchar not null,       -- one rebuild (its Prefect flow run id, or a random id)
    seen_at timestamp not null,     -- when the rebuild recorded it (UTC)
    url varchar not null,           -- the page
    sha256 varchar not null,        -- the body it needed from the raw store
    reason varchar not null,        -- what went wrong, one sentence
    flow_run_id varchar
);

comment on table core.rebuild_problems is 'Pages a rebuild could not read from the raw store; each kept what it was loaded as.';
comment on column core.rebuild_problems.run_key is 'The rebuild that met it.';
comment on column core.rebuild_problems.seen_at is 'When the rebuild recorded it (UTC TIMESTAMP).';
comment on column core.rebuild_problems.url is 'The page.';
comment on column core.rebuild_problems.sha256 is 'The sha256 of the body the rebuild looked for in the raw store.';
comment on column core.rebuild_problems.reason is 'What went wrong, one sentence.';
comment on column core.rebuild_problems.flow_run_id is 'Prefect flow run of the rebuild, if any.';
