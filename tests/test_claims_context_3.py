"""Whose figure, what kind, as of when, third round: Chinese patterns of Government pages read wrong on a held-out
set (a table row's label that ends with its noun, 其 "its" after an organisation, a description before the
organisation it describes). Sentences are this file's own."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.claims import extract_claims

PUBLISHED = date(2025, 6, 20)


def claims_of(text: str, language: str = "zh-hant", published_on: date = PUBLISHED):
    return [c for c in extract_claims(text, language, published_on=published_on, organisation="hkstp")
            if c.kind not in ("year", "date")]


def one(text: str, language: str = "zh-hant"):
    found = claims_of(text, language)
    assert len(found) == 1, found
    return found[0]


# ---- 1. a table row whose label ends with the counted noun
@pytest.mark.parametrize("text, language, metric, values", [
    ("科技園公司旗下園區內的科技公司; 截至2024年12月底: 1,750; 截至2025年4月底: 逾2,100.", "zh-hant",
     "tech_companies", [1750, 2100]),
    ("科技园公司旗下园区内的科技公司; 截至2024年12月底: 1,750; 截至2025年4月底: 逾2,100.", "zh-hans",
     "tech_companies", [1750, 2100]),
    ("由科技園公司培育的獨角獸企業；截至2024年12月底：15；截至2025年4月底：19。", "zh-hant", "unicorns", [15, 19]),
    ("科技園公司園區內的研發人員數目; 截至2024年12月底: 逾13,500; 截至2025年4月底: 逾14,200.", "zh-hant",
     "research_professionals", [13500, 14200]),
    ("Unicorns nurtured by HKSTP; As at end-December 2024: 15; As at end-April 2025: 19.", "en", "unicorns", [15, 19]),
    ("Number of research professionals in HKSTP's parks; As at end-December 2024: 13,500; As at end-April 2025: "
     "14,200.", "en", "research_professionals", [13500, 14200]),
])
def test_a_row_label_names_the_metric_of_each_column(text, language, metric, values):
    claims = claims_of(text, language)
    assert [(c.value, c.metric, c.subject, c.scope) for c in claims] == [
        (v, metric, "hkstp", "standing") for v in values]
    assert [c.as_of for c in claims] == [date(2024, 12, 31), date(2025, 4, 30)]


@pytest.mark.parametrize("text, language", [
    ("Companies in the Science Park; As at end-April 2025: about 1,250", "en"),
    ("科學園的公司；截至2025年4月底：約1,250", "zh-hant"),
])
def test_companies_of_a_park_in_a_row_label_are_its_technology_companies(text, language):
    c = one(text, language)
    assert (c.value, c.metric, c.subject, c.as_of) == (1250, "tech_companies", "hkstp/science-park", date(2025, 4, 30))


@pytest.mark.parametrize("text", [
    "獲科技園公司資助的科技公司; 截至2024年12月底: 320; 截至2025年4月底: 350.",  # a subset, not every company
    "參與培育計劃的科技公司; 截至2024年12月底: 320; 截至2025年4月底: 350.",
    "科技園公司的停車位; 截至2024年12月底: 900; 截至2025年4月底: 950.",  # no noun of the vocabulary
])
def test_a_row_label_of_a_subset_or_unknown_noun_names_no_metric(text):
    assert [c.metric for c in claims_of(text)] == [None, None]


# ---- 2. 其 / 旗下 after an organisation: its standing figure inside an event sentence
@pytest.mark.parametrize("text, language, subject, metric", [
    ("考察團成員包括香港科技園公司，其轄下園區匯聚逾2,100家科技公司，讓海外企業認識香港創科。", "zh-hant", "hkstp",
     "tech_companies"),
    ("考察团成员包括香港科技园公司，其辖下园区汇聚逾2,100家科技公司，让海外企业认识香港创科。", "zh-hans", "hkstp",
     "tech_companies"),
    ("出席論壇的機構包括香港科學園，其園區現有逾1,300間科技公司。", "zh-hant", "hkstp/science-park", "tech_companies"),
    ("代表團成員包括科技園公司，旗下園區有逾1.4萬名研發人員。", "zh-hant", "hkstp", "research_professionals"),
    ("代表团成员包括科技园公司，旗下园区有逾1.4万名研发人员。", "zh-hans", "hkstp", "research_professionals"),
])
def test_its_figure_after_an_organisation_stands(text, language, subject, metric):
    c = one(text, language)
    assert (c.metric, c.subject, c.scope) == (metric, subject, "standing")


@pytest.mark.parametrize("text", [
    "逾60間園區公司參與是次代表團。",
    "科技園公司率領30間企業參展，其中12間為園區公司。",  # 其中 is "among them", not "its"
    "科技園公司，其代表團有45間初創企業。",  # what "its" delegation holds is the delegation's
])
def test_a_real_event_figure_after_an_organisation_stays_an_event(text):
    assert {c.scope for c in claims_of(text)} == {"event"}


# ---- 3. a description before the organisation it describes
@pytest.mark.parametrize("text, language, subject, metric", [
    ("匯聚逾1,300家科技公司的香港科學園今日舉辦創科論壇。", "zh-hant", "hkstp/science-park", "tech_companies"),
    ("汇聚逾1,300家科技公司的香港科学园今日举办创科论坛。", "zh-hans", "hkstp/science-park", "tech_companies"),
    ("擁有逾1.4萬名研發人員的科技園公司昨日率領代表團出訪。", "zh-hant", "hkstp", "research_professionals"),
    ("设有逾1,300家科技公司的香港科学园今日举办创科论坛。", "zh-hans", "hkstp/science-park", "tech_companies"),
    ("現有逾400間科技公司進駐的數碼港今日舉辦峰會。", "zh-hant", "cyberport", "tech_companies"),
])
def test_a_description_before_an_organisation_is_its_standing_figure(text, language, subject, metric):
    c = one(text, language)
    assert (c.metric, c.subject, c.scope) == (metric, subject, "standing")


@pytest.mark.parametrize("text", [
    "吸引逾5,000名觀眾的香港科學園開放日今日結束。",  # what an event drew is no description of the park
    "有逾80間公司參展的科學園展館今日開幕。",
])
def test_an_event_figure_before_an_organisation_stays_an_event(text):
    assert [c.scope for c in claims_of(text)] == ["event"]


_LEGCO_PAGE_ZH = """<!DOCTYPE html><html lang="zh-HK"><head><meta charset="utf-8"><title>立法會十二題：園區的公司</title>
</head><body><div id="contentBody"><span id="PRHeadlineSpan">立法會十二題：園區的公司</span><br><br>
<span id="pressrelease">&nbsp;&nbsp; 答覆：科技園公司園區的相關數字載於下表。<br><br>
<table border="1"><tr><td></td><td>截至2024年12月底</td><td>截至2025年4月底</td></tr>
<tr><td>科技園公司轄下園區的科技公司</td><td>1,850</td><td>逾2,150</td></tr>
<tr><td>科技園公司孕育的獨角獸企業</td><td>15</td><td>19</td></tr></table><br>
完<br>2025年5月21日（星期三）<br>香港時間12時30分<br><br>NNNN</span></div></body></html>"""


def test_a_chinese_legco_table_through_the_government_parser():
    from flows.profile import load_profile
    from transforms.claims import extract_release_claims
    from transforms.parsing.gia import parse_gia_page

    url = "https://www.info.gov.hk/gia/general/202505/21/P2025052100322.htm"
    release = parse_gia_page(_LEGCO_PAGE_ZH, url, load_profile("gia"))
    assert [(c.value, c.metric, c.subject, c.scope, c.as_of) for c in extract_release_claims(release)
            if c.kind == "count"] == [
        (1850, "tech_companies", "hkstp", "standing", date(2024, 12, 31)),
        (2150, "tech_companies", "hkstp", "standing", date(2025, 4, 30)),
        (15, "unicorns", "hkstp", "standing", date(2024, 12, 31)),
        (19, "unicorns", "hkstp", "standing", date(2025, 4, 30))]
