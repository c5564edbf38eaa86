-- schema version 6: the review of findings by people (the `review-findings` flow, `hkstp-monitor ack/mute`):
-- when a finding was reviewed, by whom, with what note, and in which Prefect flow run. A finding reviewed
-- as `wrong` gets the status `rejected` (the monitor misread the release).

alter table core.findings add column if not exists reviewed_at timestamp;
alter table core.findings add column if not exists reviewed_by varchar;
alter table core.findings add column if not exists review_note varchar;
alter table core.findings add column if not exists review_flow_run_id varchar;
