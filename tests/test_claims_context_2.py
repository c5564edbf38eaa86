"""Whose figure, what kind, as of when, second round: the misreads of held-out press rooms and Government pages
(appositives, as-of dates in mid-sentence, LegCo tables, event metrics of event releases, past-time clauses,
headline verbs). Sentences are this file's own."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.claims import extract_claims, extract_release_claims
from transforms.model import Release, Section

PUBLISHED = date(2025, 6, 16)


def claims_of(text: str, language: str = "en", published_on: date = PUBLISHED):
    return [c for c in extract_claims(text, language, published_on=published_on, organisation="hkstp")
            if c.kind not in ("year", "date")]


def one(text: str, language: str = "en", published_on: date = PUBLISHED):
    found = claims_of(text, language, published_on)
    assert len(found) == 1, found
    return found[0]


# ---- 1. an organisation described in passing keeps its standing figure inside an event sentence
@pytest.mark.parametrize("text, language, subject", [
    ("The Hong Kong Science Park, now home to over 1,300 technology companies, welcomed the summit's guests.",
     "en", "hkstp/science-park"),
    ("Visitors toured HKSTP, whose parks now house more than 2,100 technology companies, during the expo.",
     "en", "hkstp"),
    ("The Science Park, which hosts around 1,250 technology companies, will stage the finals of the competition.",
     "en", "hkstp/science-park"),
    ("香港科學園（目前有超過1,300間科技公司進駐）今日舉行創科論壇。", "zh-hant", "hkstp/science-park"),
    ("香港科学园（目前有超过1,300间科技公司进驻）今日举行创科论坛。", "zh-hans", "hkstp/science-park"),
    ("科技園公司（旗下園區現有逾2,100間科技公司）今日於博覽會設展館。", "zh-hant", "hkstp"),
])
def test_an_appositive_of_an_organisation_is_its_standing_figure(text, language, subject):
    c = one(text, language)
    assert (c.metric, c.subject, c.scope) == ("tech_companies", subject, "standing")


@pytest.mark.parametrize("text", [
    "Over 60 park companies joined the trade mission to Jakarta.",
    "At the forum, 45 technology companies from the Science Park showcased their robots.",
    "The Science Park, where 80 start-ups pitched to investors, hosted the demo day.",
])
def test_a_real_event_figure_stays_an_event(text):
    assert [c.scope for c in claims_of(text)] == ["event"]


# ---- 2. as-of written mid-sentence, after another clause
@pytest.mark.parametrize("text, language, as_of", [
    ("Based on the annual survey, as at end-December 2024, the Science Park housed over 1,600 technology companies.",
     "en", date(2024, 12, 31)),
    ("The spokesman noted that, as of 31 March 2025, HKSTP had more than 2,000 technology companies.",
     "en", date(2025, 3, 31)),
    ("In its reply the Bureau said that at the end of April 2025, HKSTP's parks housed about 2,150 technology companies.",
     "en", date(2025, 4, 30)),
    ("根據年度調查，截至2025年3月底，科學園有逾1,700間科技公司。", "zh-hant", date(2025, 3, 31)),
    ("根据年度调查，截至2025年3月底，科学园有逾1,700间科技公司。", "zh-hans", date(2025, 3, 31)),
    ("局方指出，於2024年底，科技園公司有約2,000間科技公司。", "zh-hant", date(2024, 12, 31)),
])
def test_a_date_clause_before_the_figure_dates_it(text, language, as_of):
    c = one(text, language)
    assert (c.metric, c.scope, c.as_of) == ("tech_companies", "standing", as_of)


@pytest.mark.parametrize("text", ["局方指出，於2024年底，科技園公司有約2,000間科技公司。",
                                  "在2024年3月，科學園有約1,700間科技公司。"])
def test_a_date_in_passing_is_not_a_founding_year(text):
    claims = extract_claims(text, "zh-hant", published_on=PUBLISHED)
    assert [c.metric for c in claims if c.kind != "year"] == ["tech_companies"]
    assert not [c for c in claims if c.metric == "established_year"]


# ---- 3. a Government table, one line per row
@pytest.mark.parametrize("text, language", [
    ("Technology companies in HKSTP's parks; As at end-December 2024: 1,900; As at end-March 2025: Over 2,100.", "en"),
    ("Item: Technology companies in HKSTP's parks; As at end-December 2024: 1,900; As at end-March 2025: Over 2,100.",
     "en"),
    ("科學園的科技公司數目；截至2024年12月底：1,900；截至2025年3月底：逾2,100。", "zh-hant"),
])
def test_a_table_row_gives_each_figure_its_row_metric_and_column_date(text, language):
    claims = claims_of(text, language)
    assert [(c.value, c.metric, c.as_of, c.scope) for c in claims] == [
        (1900, "tech_companies", date(2024, 12, 31), "standing"),
        (2100, "tech_companies", date(2025, 3, 31), "standing")]


def test_a_table_row_of_an_unknown_noun_gets_no_metric():
    claims = claims_of("Parking spaces; As at end-December 2024: 1,900; As at end-March 2025: 2,100.")
    assert [c.metric for c in claims] == [None, None]


# ---- 4. an event metric in a release about an event is the event's
def _release(title: str, body: str, published_on: date) -> Release:
    return Release(title=title, language="en", published_on=published_on, sections=[Section("body", body)])


def test_job_openings_of_a_fair_are_the_fairs():
    rel = _release("Spring Career Fair Brings Talent to the Science Park",
                   "Some 2,500 job openings were posted by more than 90 employers.", date(2024, 3, 2))
    claims = extract_release_claims(rel)
    assert {(c.metric, c.scope) for c in claims} == {("jobs_offered", "event"), ("participating_companies", "event")}


def test_a_release_not_about_an_event_keeps_its_standing_figures():
    rel = _release("HKSTP Annual Results",
                   "Park companies now offer some 2,500 job openings. HKSTP houses 2,100 technology companies.",
                   date(2024, 3, 2))
    scopes = {c.metric: c.scope for c in extract_release_claims(rel)}
    assert scopes == {"jobs_offered": "standing", "tech_companies": "standing"}


def test_an_event_release_leaves_standing_metrics_standing():
    rel = _release("Science Park Hosts Robotics Summit",
                   "HKSTP houses 2,100 technology companies.", date(2024, 3, 2))
    assert [c.scope for c in extract_release_claims(rel)] == ["standing"]


# ---- 5. a past-time clause dates a history figure
@pytest.mark.parametrize("text, language", [
    ("When the Science Park's first phase opened in 2002, some 90 companies moved in.", "en"),
    ("科學園第一期於2002年落成時，約有90間公司進駐。", "zh-hant"),
    ("科学园第一期于2002年落成时，约有90间公司进驻。", "zh-hans"),
])
def test_a_figure_in_a_past_time_clause_is_history(text, language):
    c = one(text, language)
    assert (c.value, c.scope, c.as_of) == (90, "history", date(2002, 12, 31))


def test_a_past_time_clause_before_a_figure_had_now_is_not_history():
    c = one("When the Science Park opened in 2002, it set out to grow; today HKSTP houses over 2,200 technology "
            "companies.")
    assert (c.scope, c.as_of) == ("standing", PUBLISHED)


def test_a_when_clause_of_this_year_is_not_history():
    c = one("When the new wing opened in 2025, the Science Park housed over 1,300 technology companies.")
    assert c.scope == "standing"


# ---- 6. a headline's verb is its qualifier
@pytest.mark.parametrize("text, language, qualifier", [
    ("Science Park Community Tops 1,500 Technology Companies", "en", "over"),
    ("HKSTP Surpasses 2,000 Technology Companies", "en", "over"),
    ("InnoParks Cross 200 Technology Companies", "en", "exact"),  # a plural verb form is not listed: no guess
    ("HKSTP Nears 2,000 Technology Companies", "en", "nearly"),
    ("科技園公司社群突破2,000間科技公司", "zh-hant", "over"),
])
def test_a_headline_verb_is_a_qualifier(text, language, qualifier):
    assert one(text, language).qualifier == qualifier


# ---- end to end: a year of releases through extraction, a real DuckDB file and the checks
def _edition(release_id: str, language: str, published_on: str, title: str, body: str):
    from warehouse.testing import document

    rel = Release(title=title, language=language, published_on=date.fromisoformat(published_on),
                  sections=[Section("body", body)])
    return document(release_id, language, published_on, extract_release_claims(rel), body=body, title=title)


def test_the_traps_raise_nothing_and_the_true_change_is_found(tmp_path):
    import warehouse

    db = tmp_path / "wh.duckdb"
    warehouse.migrate(db)
    warehouse.load_documents(db, [
        _edition("r1", "en", "2024-01-15", "HKSTP Reports Its Year",
                 "HKSTP's parks now house over 1,900 technology companies."),
        # 1. an appositive inside an event sentence (an older, smaller figure of the Science Park only)
        _edition("r2", "en", "2024-02-20", "Science Park Hosts Robotics Forum",
                 "The Hong Kong Science Park, home to more than 1,200 technology companies, hosted the forum."),
        # 4. two fairs' job openings and employers
        _edition("r3", "en", "2024-03-05", "Spring Career Fair Opens",
                 "More than 3,000 job openings were on offer from over 100 employers."),
        _edition("r4", "en", "2024-09-05", "Autumn Career Fair Draws Crowds",
                 "Over 4,000 job openings were posted by 150 employers."),
        # 5. a past-time clause
        _edition("r5", "en", "2024-10-02", "Science Park Marks a Milestone",
                 "When the first phase opened in 2002, about 100 companies moved in."),
        # 6. a headline verb, then the same figure as "over"
        _edition("r6", "en", "2025-03-10", "HKSTP Community Tops 2,200 Technology Companies",
                 "HKSTP's parks now house over 2,200 technology companies."),
        _edition("r7", "en", "2025-04-10", "HKSTP Welcomes New Partners",
                 "HKSTP, whose parks house over 2,200 technology companies, signed three agreements at the summit."),
    ])
    warehouse.run_checks(db)
    cols, rows = warehouse.query(db, "select check_name, subject, metric, old_value, new_value from findings "
                                     "where check_name in ('figure_changed', 'qualifier_changed', 'figure_conflict')"
                                     " order by new_published_on")
    assert rows == [("figure_changed", "hkstp", "tech_companies", 1900, 2200)]


_LEGCO_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>LCQ12: Companies in the parks</title>
</head><body><div id="contentBody"><span id="PRHeadlineSpan">LCQ12: Companies in the parks</span><br><br>
<span id="pressrelease">&nbsp;&nbsp; Reply: The numbers of companies in HKSTP's parks are set out below.<br><br>
<table border="1"><tr><td></td><td>As at end-December 2024</td><td>As at end-April 2025</td></tr>
<tr><td>Technology companies in HKSTP's parks</td><td>1,850</td><td>Over 2,150</td></tr>
<tr><td>Parking spaces</td><td>900</td><td>950</td></tr></table><br>
Ends/Wednesday, May 21, 2025<br>Issued at HKT 12:30<br><br>NNNN</span></div></body></html>"""


def test_a_legco_table_through_the_government_parser_dates_each_column():
    from flows.profile import load_profile
    from transforms.parsing.gia import parse_gia_page

    url = "https://www.info.gov.hk/gia/general/202505/21/P2025052100321.htm"
    release = parse_gia_page(_LEGCO_PAGE, url, load_profile("gia"))
    figures = [(c.value, c.metric, c.subject, c.scope, c.as_of) for c in extract_release_claims(release)
               if c.kind == "count"]
    assert figures == [
        (1850, "tech_companies", "hkstp", "standing", date(2024, 12, 31)),
        (2150, "tech_companies", "hkstp", "standing", date(2025, 4, 30)),
        (900, None, "hkstp", "standing", date(2024, 12, 31)),
        (950, None, "hkstp", "standing", date(2025, 4, 30))]
