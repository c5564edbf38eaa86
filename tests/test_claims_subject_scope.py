"""Whose figure, what kind, as of when (issue 19): `extract --json --text` gives subject, scope and as_of, and the
resolvers of transforms/context.py read the traps of real releases (events, targets, past figures, other
organisations' figures, years)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from flows.cli import main
from transforms.claims import extract_claims, extract_release_claims
from transforms.context import mentions
from transforms.model import Release, Section


def extract_json(capsys, text: str) -> list[dict]:
    assert main(["extract", "--json", "--text", text]) == 0
    return json.loads(capsys.readouterr().out)["claims"]


def the_claim(capsys, text: str, metric: str | None = None) -> dict:
    claims = [c for c in extract_json(capsys, text) if c["kind"] != "year" and (metric is None or c["metric"] == metric)]
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize("text, subject, scope, as_of", [
    ("The Science Park now houses more than 1,100 technology companies.", "hkstp/science-park", "standing", None),
    ("HKSTP aims to attract over 150 tech firms to its Shenzhen branch by 2026.", "hkstp/shenzhen", "target",
     "2026-12-31"),
    ("As at end-January 2021, around 900 companies were operating in the Science Park.", "hkstp/science-park",
     "standing", "2021-01-31"),
    ("Cyberport is home to over 1,900 start-ups.", "cyberport", "standing", None),
    ("截至2023年9月底，科學園有逾1,400間科技公司", "hkstp/science-park", "standing", "2023-09-30"),
])
def test_extract_json_gives_whose_figure_what_kind_and_as_of_when(capsys, text, subject, scope, as_of):
    c = the_claim(capsys, text)
    assert (c["subject"], c["scope"], c["as_of"]) == (subject, scope, as_of)


def test_a_delegation_is_an_event(capsys):
    assert the_claim(capsys, "More than 50 park companies joined the delegation to Riyadh.")["scope"] == "event"


def test_a_figure_given_for_comparison_is_history_as_of_its_year(capsys):
    claims = extract_json(capsys, "The park now houses 1,800 technology companies, up from 600 in 2018.")
    past = [c for c in claims if c["value"] == 600]
    now = [c for c in claims if c["value"] == 1800]
    assert [(c["scope"], c["as_of"]) for c in past] == [("history", "2018-12-31")]
    assert [c["scope"] for c in now] == ["standing"]


@pytest.mark.parametrize("text", [
    "Photo 1: The 2021 graduates with HKSTP management at the ceremony.",
    "Its 2023 cohort includes founders from nine economies.",
])
def test_a_year_is_never_a_count(text):
    assert not [c for c in extract_claims(text, "en") if c.kind == "count" and c.value in (2021, 2023)]


@pytest.mark.parametrize("text, scope", [
    ("A class of 28 technology start-ups graduated today.", "event"),
    ("The programme will admit up to 40 companies in the coming year.", "target"),
    ("Over 280 companies are offering more than 2,900 jobs at the virtual I&T Career Expo that opens today.", "event"),
    ("HKSTP led 24 companies to MWC Barcelona.", "event"),
    ("科技園公司計劃於2018年底前，再吸引100間公司進駐科學園。", "target"),
    ("園區公司數目增長強勁，較2017年的約600間大幅上升。", "history"),
    ("逾280間公司參與今日開幕的網上創科職業博覽，提供超過2,900個職位。", "event"),
])
def test_traps_are_not_standing(text, scope):
    claims = [c for c in extract_claims(text, None, published_on=date(2023, 3, 2), organisation="hkstp")
              if c.kind == "count" and c.value >= 24]
    assert claims and {c.scope for c in claims} == {scope}, [(c.text, c.scope) for c in claims]


def test_the_about_paragraph_is_the_press_rooms_organisation_and_a_bare_sentence_names_no_one():
    about = "It manages Hong Kong Science Park, the InnoCentre and three InnoParks, home to over 1,800 technology companies."
    release = Release(title="A release", language="en", published_on=date(2024, 6, 21),
                      sections=[Section("about", about), Section("body", "Over 1,700 technology companies work there.")])
    by_section = {c.section: c for c in extract_release_claims(release) if c.metric == "tech_companies"}
    assert by_section["about"].subject == "hkstp"
    assert by_section["body"].subject == "hkstp"  # the press room's own where the text names no one else
    assert by_section["body"].as_of == date(2024, 6, 21)
    assert extract_claims("Over 1,700 technology companies work there.", "en")[0].subject is None


def test_a_named_body_the_vocabulary_does_not_know_is_other():
    c = extract_claims("Park company Acme Robotics Limited has raised HK$80 million.", "en", organisation="hkstp")[0]
    assert c.subject == "other"


@pytest.mark.parametrize("text, metric, value", [
    ("園區內的科技公司超過2,200間，來自25個國家和地區。", "tech_companies", 2200),
    ("HKSTP's community has grown from around 600 technology companies in 2017 to 1,800 today.", "tech_companies",
     1800),
    ("The Science Park is home to more than 800 companies.", "tech_companies", 800),
    ("The new site covers approximately 20 hectares.", "land_hectares", 20),
    ("科技園公司企業投資基金已達10億元。", "fund_hkd", 1_000_000_000),
])
def test_standing_forms_the_vocabulary_missed_get_their_metric(text, metric, value):
    claims = extract_claims(text, None, organisation="hkstp")
    assert [(c.metric, c.value) for c in claims if c.scope == "standing" and c.value == value] == [(metric, value)]


def test_mentions_lists_the_bodies_a_text_names_in_any_script():
    assert mentions("香港科学园与数码港合作，HKSTP表示") == {"hkstp/science-park", "cyberport", "hkstp"}
    assert mentions("The Government's press release on InvestHK") >= {"investhk"}
    assert "hong-kong" not in mentions("a prize of 5 million Hong Kong dollars")
