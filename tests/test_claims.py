"""Claims: qualifiers, currencies, counted nouns, kinds, metrics and what is never a count."""

import pytest

from transforms.claims import extract_claims, extract_release_claims
from transforms.metrics import Metric, load_vocabulary
from transforms.model import Release, Section


def one(text, language=None):
    got = [c for c in extract_claims(text, language) if c.kind not in ("year", "date", "quarter")]
    assert len(got) == 1, [(c.value, c.text) for c in got]
    return got[0]


def test_same_figure_in_three_languages_gives_same_metric_value_qualifier():
    en = one("HKSTP supports around 1,700 technology companies.")
    hant = one("園區匯聚約1,700間科技公司。")
    hans = one("园区汇聚约1,700间科技公司。")
    assert {(c.metric, c.value, c.qualifier) for c in (en, hant, hans)} == {("tech_companies", 1700, "about")}
    assert en.text == "around 1,700 technology companies"


@pytest.mark.parametrize("text, qualifier", [
    ("more than 13,000 research professionals", "over"), ("over 13,000 research professionals", "over"),
    ("close to 13,000 research professionals", "nearly"), ("13,000+ research professionals", "at_least"),
    ("at least 13,000 research professionals", "at_least"), ("up to 13,000 research professionals", "up_to"),
    ("fewer than 13,000 research professionals", "under"), ("13,000 research professionals", "exact"),
    ("逾13,000名研發人員", "over"), ("超過13,000名研發人員", "over"), ("13,000多名研發人員", "over"),
    ("13,000名以上研發人員", "at_least"), ("接近13,000名研發人員", "nearly"), ("多達13,000名研發人員", "up_to"),
])
def test_qualifiers_before_and_after_the_number(text, qualifier):
    c = one(text)
    assert (c.value, c.qualifier, c.metric) == (13000, qualifier, "research_professionals")


@pytest.mark.parametrize("text, value, currency", [
    ("HK$1 billion", 1e9, "HKD"), ("HK$0.6 billion", 6e8, "HKD"), ("US$200,000", 200000, "USD"),
    ("RMB 50 million", 5e7, "CNY"), ("10億港元", 1e9, "HKD"), ("港幣二十億元", 2e9, "HKD"), ("一億港元", 1e8, "HKD"),
    ("人民幣5,000萬元", 5e7, "CNY"), ("20萬美元", 200000, "USD"), ("香港的100億元", 1e10, "HKD"),
])
def test_money_in_plain_units_with_currency(text, value, currency):
    c = one(text)
    assert (c.kind, c.value, c.currency) == ("money", value, currency)


def test_ratio_every_hk_dollar():
    c = one("Every HK$1 invested by HKSTP has attracted an external investment of HK$19.")
    assert (c.kind, c.value, c.metric) == ("ratio", 19, "co_investment_ratio")


def test_area_and_duration_kinds():
    assert one("about 13,000 square metres").kind == "area"
    assert one("項目佔地大約20公頃。").unit == "hectares"
    assert one("HKSTP has operated for 20 years.").kind == "duration"


def test_another_subject_is_not_hkstps_own():
    claims = extract_claims("There are 18 unicorns in Hong Kong, 12 of them in the park.")
    assert [(c.value, c.metric) for c in claims] == [(18, "hk_unicorns"), (12, None)]


@pytest.mark.parametrize("text", [
    "Photo 3: guests at the launch.", "Batch 1 of Stage 2 opens in Q1 2025.", "HKSTP welcomes the 2024-25 Budget.",
    "A delegation went to COP28.", "Tel: +852 2629 2329", "Page 6 of 6", "The expo is on 8 March.",
    "its 15th anniversary", "Visit www.hkstp.org or email a.b@hkstp.org", "活動於2024年3月8日舉行。", "第五屆比賽",
    "One of the city's flagship institutions offers a one-stop service.",
])
def test_never_a_count(text):
    assert [c for c in extract_claims(text) if c.kind == "count"] == []


def test_years_are_kind_year():
    (c,) = extract_claims("HKSTP was established in 2001.")
    assert (c.kind, c.value, c.metric) == ("year", 2001, "established_year")


def test_language_is_detected_from_the_script():
    assert one("逾10家独角兽企业").metric == "unicorns"


def test_release_claims_skip_contact_and_keep_section_names():
    release = Release(title="HKSTP welcomes 20 new start-ups", language="en", sections=[
        Section("body", "The park has 1,700 technology companies."),
        Section("about", "HKSTP supports over 10 unicorns."),
        Section("contact", "Tel: 2629 2329, 5 staff on duty"),
    ])
    got = [(c.section, c.value, c.metric) for c in extract_release_claims(release)]
    assert got == [("title", 20, "startups"), ("body", 1700, "tech_companies"), ("about", 10, "unicorns")]


def test_vocabulary_has_fixed_keys_and_labels():
    vocab = load_vocabulary()
    for key in ("tech_companies", "research_professionals", "unicorns", "countries_regions", "startups", "community_size"):
        assert isinstance(vocab[key], Metric) and vocab[key].label_zh
    assert vocab["patents"].cumulative is True
    assert "研发人员" in vocab["research_professionals"].phrasings["zh-hans"]


@pytest.mark.parametrize("text, value, high, metric", [
    ("HKSTP will admit between 10 and 20 companies.", 10, 20, None),
    ("Between 30 and 40 start-ups will join.", 30, 40, "startups"),
    ("between HK$1 billion and HK$2 billion", 1e9, 2e9, None),
    ("園區將有介乎10與20間初創公司進駐。", 10, 20, "startups"),
])
def test_between_n_and_m_is_one_range_claim(text, value, high, metric):
    c = one(text)
    assert (c.value, c.value_high, c.metric) == (value, high, metric)


def test_between_companies_range_keeps_its_words():
    c = one("between 10 and 20 companies")
    assert (c.value, c.value_high, c.kind, c.text) == (10, 20, "count", "between 10 and 20 companies")


def test_and_without_between_is_two_claims():
    assert [(c.value, c.value_high) for c in extract_claims("It has 10 and 20 companies.")] == [(10, None), (20, None)]
    assert [(c.value, c.value_high) for c in extract_claims("between 10 and 5 companies")] == [(10, None), (5, None)]


@pytest.mark.parametrize("text, value, currency", [
    ("They lost 75 USD million last year.", 75e6, "USD"), ("AUD 60", 60, "AUD"),
])
def test_currency_codes_with_scales(text, value, currency):
    c = one(text)
    assert (c.kind, c.value, c.currency) == ("money", value, currency)


@pytest.mark.parametrize("text, expected", [
    ("10 rmb 20 usd", [(10, "CNY"), (20, "USD")]),
    ("4人民币 5美元", [(4, "CNY"), (5, "USD")]), ("4人民幣5美元", [(4, "CNY"), (5, "USD")]),
    ("$ 20,000.00 $ 37,305.97 in expenses", [(20000, "HKD"), (37305.97, "HKD")]),
    ("在下面的价格中选一个，$20，300美圆", [(20, "HKD"), (300, "USD")]),
    ("人民币 8千元", [(8000, "CNY")]),
])
def test_a_currency_between_two_amounts_goes_to_one_of_them(text, expected):
    assert [(c.value, c.currency) for c in extract_claims(text)] == expected


def test_the_vocabulary_matches_in_any_case_and_keeps_the_noun_as_written():
    """The English vocabulary is matched on a lower-cased copy of the sentence (metrics.fold): a title-case
    noun still names the metric, and the claim shows the words the writer used."""
    [claim] = extract_claims("The Science Park now hosts over 1,700 Technology Companies.", "en")
    assert (claim.value, claim.qualifier, claim.metric) == (1700, "over", "tech_companies")
    assert claim.unit == "Technology Companies"
    [claim] = extract_claims("A Community Of 22,000 people works in the parks.", "en")
    assert (claim.value, claim.metric) == (22000, "community_size")
