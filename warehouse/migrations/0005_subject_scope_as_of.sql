-- schema version 5 (issue 19): whose figure a claim is (subject), what kind of figure (scope: standing, event,
-- target, history) and the date it describes (as_of). Only standing figures enter the timeline, one timeline
-- per metric, subject, language and kind, ordered by as_of.
-- existing rows keep null in the new columns: a claim without scope is compared as before (as standing, the
-- press room's own figure, as of its publication date: core.timeline_steps) until `hkstp-monitor rebuild`
-- re-derives it from the stored pages. every finding and its review status stay; a finding's id gains the subject only when the subject is
-- another than hkstp, so findings about hkstp keep their ids.

alter table core.claims add column if not exists subject varchar;
alter table core.claims add column if not exists scope varchar;
alter table core.claims add column if not exists as_of date;

alter table core.timeline add column if not exists subject varchar;
alter table core.timeline add column if not exists scope varchar;
alter table core.timeline add column if not exists as_of date;

alter table core.findings add column if not exists subject varchar;
alter table core.findings add column if not exists old_as_of date;
alter table core.findings add column if not exists new_as_of date;
