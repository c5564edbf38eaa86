"""Every figure of the seed release comes out right; phone numbers, page numbers, dates and names never do."""

import os
from pathlib import Path

import pytest

from transforms.claims import extract_claims

SEED = Path(os.environ.get("HKSTP_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared") / "seeds" / "000_56b2bdc39c0ecc4e.txt"

# (value, qualifier, kind, metric, currency) of every figure a reader of the seed would list.
EXPECTED = [
    (10, "about", "count", "strategic_enterprises", None),
    (3000, "over", "count", "jobs_offered", None),
    (250, "over", "count", "biotech_companies", None),
    (100, "at_least", "count", "green_tech_ventures", None),  # body
    (1_000_000_000, "exact", "money", "fund_hkd", "HKD"),
    (31, "exact", "count", "cvf_investments", None),
    (19, "exact", "ratio", "co_investment_ratio", "HKD"),
    (13000, "about", "area", "floor_area_sqm", None),
    (100, "at_least", "count", "green_tech_ventures", None),  # Photo 4 caption
    (10, "over", "count", "unicorns", None),
    (13000, "over", "count", "research_professionals", None),
    (1700, "about", "count", "tech_companies", None),
    (26, "exact", "count", "countries_regions", None),
    (3, "exact", "count", "innoparks", None),
    (3, "exact", "count", "innoparks", None),
    (7, "exact", "count", "focus_areas", None),
]


def _seed_sections() -> dict[str, str]:
    if not SEED.exists():
        pytest.skip(f"seed release not found at {SEED} (../shared is absent)")
    text = SEED.read_text(encoding="utf-8")
    head, _, rest = text.partition("About Hong Kong Science and Technology Parks Corporation**")
    about, _, contact = rest.partition("**Media Contact:**")
    return {"body": head, "about": about, "contact": contact}


def _claims():
    sections = _seed_sections()
    return [c for name in ("body", "about") for c in extract_claims(sections[name], "en", name)]


def test_every_seed_figure_has_value_qualifier_and_metric():
    got = [(c.value, c.qualifier, c.kind, c.metric, c.currency) for c in _claims() if c.kind not in ("year", "date", "quarter")]
    assert got == EXPECTED


def test_about_figures_carry_the_about_section_and_matched_text():
    about = [c for c in _claims() if c.section == "about" and c.kind == "count"]
    assert [c.text for c in about[:4]] == [
        "over 10 unicorns",
        "more than 13,000 research professionals",
        "around 1,700 technology companies",
        "26 countries and regions",
    ]


def test_years_only_as_kind_year():
    years = [c for c in _claims() if c.kind == "year"]
    assert {c.value for c in years} <= {2024, 2001}
    assert any(c.value == 2001 and c.metric == "established_year" for c in years)


def test_no_phone_page_date_or_name_comes_out_as_a_figure():
    sections = _seed_sections()
    everything = [c for name, text in sections.items() for c in extract_claims(text, "en", name)]
    values = {c.value for c in everything if c.kind != "year"}
    # phone numbers, "Page 6 of 6", "8 March", "28 February", "Q3 2024", "COP28", "Photo 1-4", "Stage 2", "Batch 1", "2024-25"
    for not_a_figure in (852, 2629, 2329, 2837, 4775, 9684, 9460, 6, 8, 28, 25, 1, 2, 4):
        assert not_a_figure not in values, not_a_figure
    assert not [c for c in everything if c.section == "contact"]
