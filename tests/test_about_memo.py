"""The About paragraph is read once per distinct text (transforms/claims.py, _read_about): every release still
gets its own claims, dated by its own publication, and an updated paragraph is read afresh."""

from __future__ import annotations

from datetime import date

import pytest

from transforms import claims
from transforms.claims import extract_claims

ABOUT_2021 = (
    "Set up by statute in 2001, the Corporation runs an ecosystem that today counts over 1,000 technology "
    "companies and around 13,000 people working in research and development, with start-ups from 20 countries "
    "and regions. Its campuses are Science Park in Sha Tin, InnoCentre in Kowloon Tong and three InnoParks."
)
ABOUT_2024 = ABOUT_2021.replace("over 1,000", "over 1,800").replace("from 20 countries", "from 26 countries")


def _as_rows(found):
    return [(c.metric, c.value, c.qualifier, c.subject, c.scope, c.as_of, c.text) for c in found]


@pytest.fixture(autouse=True)
def _empty_memo():
    claims._ABOUT_READS.clear()
    yield
    claims._ABOUT_READS.clear()


def test_the_same_paragraph_in_two_releases_is_dated_by_each_release():
    early = extract_claims(ABOUT_2021, "en", "about", published_on=date(2021, 3, 4))
    late = extract_claims(ABOUT_2021, "en", "about", published_on=date(2024, 6, 21))
    companies = [c for c in early if c.metric == "tech_companies"]
    assert [c.value for c in companies] == [1000.0]
    assert companies[0].as_of == date(2021, 3, 4)
    assert [c.as_of for c in late if c.metric == "tech_companies"] == [date(2024, 6, 21)]
    # the rest of each reading is the same figure
    assert [r[:5] for r in _as_rows(early)] == [r[:5] for r in _as_rows(late)]


def test_a_remembered_reading_equals_a_fresh_one_and_shares_no_claim():
    fresh = extract_claims(ABOUT_2021, "en", "about", published_on=date(2022, 1, 12))
    assert claims._ABOUT_READS, "the paragraph was not remembered"
    for c in fresh:  # what a caller does to its claims must not reach the next release's
        c.value, c.subject, c.metric = -1.0, "someone-else", "changed"
    again = extract_claims(ABOUT_2021, "en", "about", published_on=date(2022, 1, 12))
    claims._ABOUT_READS.clear()
    unremembered = extract_claims(ABOUT_2021, "en", "about", published_on=date(2022, 1, 12))
    assert _as_rows(again) == _as_rows(unremembered)
    assert ("tech_companies", 1000.0) in [(c.metric, c.value) for c in again]


def test_an_updated_paragraph_is_read_afresh():
    extract_claims(ABOUT_2021, "en", "about", published_on=date(2021, 3, 4))
    updated = extract_claims(ABOUT_2024, "en", "about", published_on=date(2024, 6, 21))
    values = {c.metric: c.value for c in updated}
    assert values["tech_companies"] == 1800.0
    assert values["countries_regions"] == 26.0


def test_other_sections_are_not_remembered_and_the_memo_stays_small():
    extract_claims(ABOUT_2021, "en", "body", published_on=date(2021, 3, 4))
    assert not claims._ABOUT_READS
    for n in range(claims._ABOUT_READS_MAX + 5):
        extract_claims(ABOUT_2021.replace("three InnoParks", f"{n + 3} InnoParks"), "en", "about")
    assert 0 < len(claims._ABOUT_READS) <= claims._ABOUT_READS_MAX
