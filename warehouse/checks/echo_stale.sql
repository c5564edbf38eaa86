-- echo_stale: another source (the Government's press releases, a newswire copy) states a standing figure of an
-- HKSTP subject that HKSTP itself had already replaced by the echo's as_of: HKSTP said "over 2,200" in January,
-- a Government release says "over 1,700" in September.
--
-- why: an official source quoting an outdated figure is what a communications team wants to correct the day it
-- happens. the comparison is the `echoes` view's (core.echo_verdicts): one subject, metric and kind, qualifiers not
-- contradicting (over against nearly/under does), values within $echo_tolerance_pct percent. old_* is what HKSTP said last by the echo's as_of (both
-- sentences, dates and links), new_* the echo. an echo that is current, about a subset HKSTP gives no figure for
-- (the Science Park alone), or another organisation's figure raises nothing.
-- severity: warning.
select 'warning' as severity, e.* exclude (verdict, hkstp_max_value, cumulative)
from core.echo_evidence($echo_tolerance_pct) as e  -- the columns of a finding, in one place (views.sql)
where e.verdict = 'stale'
