-- echo_mismatch: another source (the Government's press releases, a newswire copy) states a standing figure of
-- an HKSTP subject that matches no figure HKSTP itself ever gave for that subject and metric (values within
-- $echo_tolerance_pct percent, qualifiers not contradicting: over against nearly/under does), while HKSTP had
-- given one by the echo's as_of.
--
-- why: a figure HKSTP never said is either a slip of the other source or a figure HKSTP should know about; either
-- way someone should look. old_* is what HKSTP said last by the echo's as_of, new_* the echo. an echo about a
-- subset HKSTP gives no figure for (the Science Park alone) is `unknown` in the `echoes` view and raises nothing,
-- nor does another organisation's figure.
-- severity: warning; critical when the echo is larger than anything HKSTP ever said for a cumulative metric
-- (core.metrics.cumulative): a running total nobody at HKSTP has reached yet.
select
    case
        when e.cumulative and greatest(e.new_value, coalesce(e.new_value_high, e.new_value)) > e.hkstp_max_value
            then 'critical'
        else 'warning'
    end as severity,
    e.* exclude (verdict, hkstp_max_value, cumulative)
from core.echo_evidence($echo_tolerance_pct) as e  -- the columns of a finding, in one place (views.sql)
where e.verdict = 'mismatch'
