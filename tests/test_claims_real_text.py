"""Misreads found on real Hong Kong release text (issue 20), one case per pattern, in our own wording.

Each case names what regressed. `must_have`: figures that must come out, as (value, qualifier, kind, currency)
or with a fifth item, the high end of a range. `must_not`: values no claim may carry (a non-figure, or the
base of a ratio). Claims of kind year/date/quarter are not figures and are ignored by must_not.
"""

import pytest

from transforms.claims import extract_claims

NOT_FIGURES = ("year", "date", "quarter")

CASES = [
    # ---- ceilings and floors named by a noun
    ("ceiling_noun_with_colon", "en", "Maximum grant per team: $2 million for two years.",
     [(2_000_000, "up_to", "money", "HKD")], []),
    ("ceiling_noun_is", "en", "The subsidy ceiling is HK$250,000 for each applicant.",
     [(250_000, "up_to", "money", "HKD")], []),
    ("ceiling_abbreviated_max", "en", "Max. 60% of eligible costs are covered by the scheme.",
     [(60, "up_to", "percent", None)], []),
    ("floor_noun_minimum", "en", "Minimum investment: HK$500,000 in the first year.",
     [(500_000, "at_least", "money", "HKD")], []),
    ("minimum_wage_is_a_figure_not_a_floor", "en", "The statutory minimum wage will be $43.1 an hour.",
     [(43.1, "exact", "money", "HKD")], []),
    ("contract_term_is_not_an_estimate", "zh-hant", "合約為三年，可續期一次。", [(3, "exact", "duration", None)], []),
    ("capacity_is_not_a_cap", "en", "The data centre has a capacity of 40 megawatts.",
     [(40, "exact", "count", None)], []),
    ("not_exceed_is_a_ceiling", "en", "The grant shall not exceed 30% of the project cost.",
     [(30, "up_to", "percent", None)], []),
    ("exceed_is_over", "en", "Sales are expected to exceed 2,000 units.", [(2000, "over", "count", None)], []),
    ("notice_in_advance_is_a_duration", "zh-hant", "租戶須提前3個月通知。", [(3, "exact", "duration", None)], []),
    ("deadline_completed_within", "en", "Each funded trial must be completed within nine months.",
     [(9, "up_to", "duration", None)], []),
    ("zh_ceiling_shangxian", "zh-hant", "每宗申請的資助上限為800萬元。",
     [(8_000_000, "up_to", "money", "HKD")], []),
    ("zh_ceiling_share_of_cost", "zh-hant", "資助最高為合資格開支的50%。",
     [(50, "up_to", "percent", None)], []),
    ("shares_or_above_en", "en", "Shareholders holding 500,000 shares or above may nominate a director.",
     [(500_000, "at_least", "count", None)], []),
    ("shares_or_above_zh", "zh-hant", "持有50萬股或以上的股東可提名董事。",
     [(500_000, "at_least", "count", None)], []),
    ("each_figure_keeps_its_qualifier", "en",
     "The cap per firm was raised to a maximum of $5 million, from a fund of no less than $600 million.",
     [(5_000_000, "up_to", "money", "HKD"), (600_000_000, "at_least", "money", "HKD")], []),
    # ---- a conversion in brackets
    ("bracketed_bare_dollar_after_hkd_is_usd", "en", "The deal is valued at HK$390 million ($50 million).",
     [(390_000_000, "exact", "money", "HKD"), (50_000_000, "exact", "money", "USD")], []),
    ("bracketed_conversion_inherits_up_to", "en", "Winners receive up to HK$3 million (US$385,000) each.",
     [(3_000_000, "up_to", "money", "HKD"), (385_000, "up_to", "money", "USD")], []),
    # ---- Chinese non-figures
    ("zh_fax_with_space", "zh-hant", "表格可傳真至3188 6070。", [], [3188, 6070, 31886070]),
    ("zh_hotline_five_digits", "zh-hant", "市民可致電熱線 16183 查詢。", [], [16183]),
    ("zh_stock_number", "zh-hant", "該公司（股票編號: 2318）今日公布業績。", [], [2318]),
    ("zh_day_of_month_before_verb", "zh-hant", "主席14日指園區已有1,900間公司。",
     [(1900, "exact", "count", None)], [14]),
    ("zh_past_year_no_duration", "zh-hant", "過去一年，園區公司增加了15%。", [(15, "exact", "percent", None)], [1]),
    ("zh_same_year_no_duration", "zh-hans", "同一年度内，申请数目上升8%。", [(8, "exact", "percent", None)], [1]),
    ("en_within_one_year_no_duration", "en", "Refunds are paid within one year of the claim.", [], [1]),
    ("zh_anniversary_occasion", "zh-hant", "在公司成立30周年之際，共有200名員工獲嘉許。",
     [(200, "exact", "count", None)], [30]),
    # ---- the base of a leverage ratio
    ("zh_leverage_base_is_not_money", "zh-hant", "政府每投放1港元，可帶動9港元的私人資金。",
     [(9, "exact", "ratio", "HKD")], [1]),
    ("en_leverage_base_is_not_money", "en", "Every HK$1 of public money brought in HK$11 from private investors.",
     [(11, "exact", "ratio", "HKD")], [1]),
    # ---- 元 in Hong Kong text
    ("yuan_mainland_place_after_amount_is_hkd", "zh-hant", "基金會捐出五千萬元支持廣州的學校。",
     [(50_000_000, "exact", "money", "HKD")], []),
    ("yuan_raised_in_hong_kong_is_hkd", "zh-hant", "內地及海外公司今年在港籌得5.6億元。",
     [(560_000_000, "exact", "money", "HKD")], []),
    ("yuan_mainland_company_figure_is_cny", "zh-hans", "一家杭州企业去年营收8亿元。",
     [(800_000_000, "exact", "money", "CNY")], []),
    ("yuan_renminbi_named_is_cny", "zh-hant", "項目以人民幣計價，總額3億元。", [(300_000_000, "exact", "money", "CNY")], []),
    # ---- ranges and lists in Chinese
    ("zh_listed_guess_is_about_a_range", "zh-hant", "預計有300、400間初創參與。",
     [(300, "about", "count", None, 400)], []),
    ("zh_range_in_numerals_weeks", "zh-hant", "審批約需三至四星期。", [(3, "about", "duration", None, 4)], []),
    ("zh_list_of_three_is_no_guess", "zh-hant", "分別有10、20、30間公司參加。",
     [(10, "exact", "count", None), (20, "exact", "count", None), (30, "exact", "count", None)], []),
    ("zh_ceiling_per_project", "zh-hant", "最高為每個項目500萬元。", [(5_000_000, "up_to", "money", "HKD")], []),
    # ---- English non-figures
    ("years_ago_in_digits", "en", "Occupancy was 80% 2 years ago and is 95% now.",
     [(80, "exact", "percent", None), (95, "exact", "percent", None)], [2]),
    ("brand_named_by_numeral", "en", "The trial runs on the network of 3 Hong Kong, the operator said.", [], [3]),
    ("counted_hong_kong_things_still_count", "en", "The award went to 3 Hong Kong universities.",
     [(3, "exact", "count", None)], []),
    ("frequency_band", "en", "Operators bid for the 26 GHz band last year.", [], [26]),
    ("aspect_ratio", "en", "Entries must be filmed in 16:9 widescreen.", [], [16, 9]),
    ("day_of_a_programme", "en", "On Day 2 of the bootcamp, 40 founders pitched.", [(40, "exact", "count", None)], [2]),
    ("footnote_marker_after_percent", "en", "Occupancy stood at about 91% 2 at the end of March.",
     [(91, "about", "percent", None)], [2]),
    ("typo_year_is_no_duration", "zh-hant", "該中心於22019年啟用。", [], [22019]),
    # ---- counts that were missed
    ("counts_in_brackets_after_list_items", "en", "Delegates came from Japan (28), Korea (19) and Thailand (7).",
     [(28, "exact", "count", None), (19, "exact", "count", None), (7, "exact", "count", None)], []),
    ("stock_codes_in_brackets_are_not_counts", "en",
     "Shares of Alpha (688) and Beta (939) rose on the exchange.", [], [688, 939]),
    ("numbering_in_brackets_is_not_counts", "en", "The fund aims to (1) back founders and (2) train staff.", [], [1, 2]),
    ("stock_codes_in_brackets_in_market_news", "en", "Tencent (700) and HSBC (5) led the gains.", [], [700, 5]),
    ("partitive_six_of_thirteen", "en", "The lab ranked first in four of 11 categories.",
     [(4, "exact", "count", None), (11, "exact", "count", None)], []),
    ("parallel_counts_share_a_noun", "en", "The institute leads five and supports eight research programmes.",
     [(5, "exact", "count", None), (8, "exact", "count", None)], []),
]


def _matches(claim, want) -> bool:
    value, qualifier, kind, currency, *high = want
    return (abs(claim.value - value) < 1e-6 and claim.qualifier == qualifier and claim.kind == kind
            and claim.currency == currency and (not high or claim.value_high == high[0]))


@pytest.mark.parametrize("language,text,must_have,must_not", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_real_text_pattern(language, text, must_have, must_not):
    claims = [c for c in extract_claims(text, language) if c.kind not in NOT_FIGURES]
    shown = [(c.text, c.value, c.value_high, c.qualifier, c.kind, c.currency) for c in claims]
    for want in must_have:
        assert any(_matches(c, want) for c in claims), f"{want} not among {shown}"
    for value in must_not:
        assert not any(abs(c.value - value) < 1e-6 for c in claims), f"{value} read as a figure: {shown}"
