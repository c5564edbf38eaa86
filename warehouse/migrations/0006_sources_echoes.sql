-- schema version 6 (issue 21): sources beside the press room. Each edition names its source in
-- core.editions.source (`web`/`hkstp` the press room, `file`/`sample` local files of it; `gia` the Government's
-- press releases; a newswire's name for a newswire copy). What a source's adapter saw of each page it listed
-- (including the pages it did not load because they do not mention HKSTP) is remembered so the next run does not
-- fetch them again; newswire copies are linked to their HKSTP original; site runs and signals name their source,
-- so one source's run does not close another's site_drift findings.

-- the press room: editions whose figures are HKSTP's own statements (everything else is an echo)
create or replace macro core.is_press_room(source) as coalesce(source, 'web') in ('web', 'hkstp', 'file', 'sample');

create table if not exists core.source_items (
    source varchar not null,        -- the source profile's name (gia, ...)
    url varchar not null,           -- the page's canonical URL (variants folded)
    language varchar,               -- en, zh-hant, zh-hans when known
    item_key varchar,               -- what the listing said of it (a hash of the feed item or index entry); a change means fetch again
    mentions boolean,               -- true: it mentions HKSTP or its sites (loaded); false: remembered and skipped
    etag varchar,
    last_modified varchar,
    sha256 varchar,                 -- raw body of the last fetch
    first_seen_at timestamp not null,
    checked_at timestamp not null,  -- last fetch (or 304)
    primary key (source, url)
);

create table if not exists core.copies (
    copy_release_id varchar not null,
    copy_language varchar not null,
    original_release_id varchar not null,
    wire varchar,                   -- pr-newswire, media-outreach, business-wire, eqs
    similarity double,              -- 0..1: how alike title and first paragraph are
    days_apart integer,             -- publication dates' distance
    linked_at timestamp not null,
    primary key (copy_release_id, copy_language)
);

alter table core.site_runs add column if not exists source varchar;
alter table core.site_signals add column if not exists source varchar;

comment on table core.source_items is 'Every page a source''s adapter listed and fetched, with whether it mentions HKSTP: the pages that do not are not fetched again unless their listing entry changes.';
comment on column core.source_items.source is 'Source profile name (e.g. gia).';
comment on column core.source_items.url is 'Canonical URL of the page (p.htm, _print.htm, ?fontSize=1 folded).';
comment on column core.source_items.language is 'Language of the page when known: en, zh-hant or zh-hans.';
comment on column core.source_items.item_key is 'Hash of the feed item or index entry last seen; a different one makes the page due again.';
comment on column core.source_items.mentions is 'True when the page mentions HKSTP or one of its sites (it was loaded as a release).';
comment on column core.source_items.etag is 'ETag of the last fetch, for a conditional GET.';
comment on column core.source_items.last_modified is 'Last-Modified of the last fetch, for a conditional GET.';
comment on column core.source_items.sha256 is 'sha256 of the last body received.';
comment on column core.source_items.first_seen_at is 'When the page was first fetched (UTC TIMESTAMP).';
comment on column core.source_items.checked_at is 'When the page was last fetched or confirmed unchanged (UTC TIMESTAMP).';
comment on table core.copies is 'Newswire copies linked to the HKSTP press-room release they copy.';
comment on column core.copies.copy_release_id is 'Release id of the newswire copy.';
comment on column core.copies.copy_language is 'Language of the copy.';
comment on column core.copies.original_release_id is 'Release id of the HKSTP original.';
comment on column core.copies.wire is 'pr-newswire, media-outreach, business-wire or eqs.';
comment on column core.copies.similarity is 'How alike the copy''s title and first paragraph are to the original''s (0 to 1).';
comment on column core.copies.days_apart is 'Days between the two publication dates.';
comment on column core.copies.linked_at is 'When the link was made (UTC TIMESTAMP).';
comment on column core.site_runs.source is 'Source profile the run read (null: the press room).';
comment on column core.site_signals.source is 'Source profile the signal is about (null: the press room).';
