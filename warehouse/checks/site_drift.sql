-- site_drift: the press room no longer fits its site profile. one finding per sign the latest monitor run saw:
-- a profile listing page that answers 4xx/5xx or links to no release, a listing-only run that had to fall back
-- on the sitemap, a sitemap whose URLs mostly match no release pattern, releases found only by their content
-- (their URLs match no pattern), a jump in the share of releases parsed by the generic fallback, and release
-- pages of a known layout whose date (or title) no longer sits where the layout says.
--
-- why: a monitor whose profile no longer fits fails silently (an hourly run that finds nothing every hour looks
-- like a quiet week). each finding says what was seen (new_text), where (new_url) and which profile key to
-- update (old_text). severity: warning (critical when the signal says so); signals come from the flows through
-- core.site_signals, and only those of the latest run (core.site_runs) are current, so a fixed profile closes
-- them. the identity is the kind, the profile key and the URL's path: the same sign on a mirror is one finding.
select
    s.severity,
    null::varchar as metric,
    s.language,
    s.language as new_language,
    s.url as new_url,
    s.profile_key as old_text,
    s.detail || '. Update the site profile: ' || s.profile_key || '.' as new_text,
    s.kind as new_sentence,
    concat_ws('|', s.kind, s.profile_key, regexp_replace(s.url, '^[a-zA-Z]+://[^/]*', '')) as identity_key
from core.site_signals as s
where s.drift
    -- the latest run of the signal's own source (the press room's and the Government's runs close only their own)
    and s.run_key = (
        select r.run_key from core.site_runs as r
        where r.source is not distinct from s.source
        order by r.seen_at desc limit 1
    )
