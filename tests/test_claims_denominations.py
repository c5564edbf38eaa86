"""Amounts written in two denominations, fractions of a scale word, and currency words joined by a hyphen:
the value and currency a user reads in the claims table."""

import pytest

from transforms.claims import extract_claims


def money(text, language=None):
    return [(c.value, c.currency, c.text) for c in extract_claims(text, language) if c.kind == "money"]


@pytest.mark.parametrize("text, value, currency, span", [
    ("Under the concession, a ferry ride to Lamma costs elderly residents just 2 dollars 50 cents.",
     2.5, "HKD", "2 dollars 50 cents"),
    ("The levy works out at 1 dollar and 35 cents on each ticket sold.", 1.35, "HKD", "1 dollar and 35 cents"),
    ("The sensor module sells for 4 US dollars 20 cents a unit in volume.", 4.2, "USD", "4 US dollars 20 cents"),
    ("Visitors pay three dollars and forty cents for the shuttle bus.", 3.4, "HKD",
     "three dollars and forty cents"),
    ("長者乘搭港鐵每程只需付二元五角。", 2.5, "HKD", "二元五角"),
    ("长者乘车每程只需二元五角。", 2.5, "HKD", "二元五角"),
    ("董事會建議派發末期股息每股1元零5仙。", 1.05, "HKD", "1元零5仙"),
    ("每份早餐售價為18元5毫，較去年上升。", 18.5, "HKD", "18元5毫"),
    ("內地合作夥伴的零售價為每件12元3角5分。", 12.35, "CNY", "12元3角5分"),
    ("該晶片在美國的售價約為兩美元又三美分。", 2.03, "USD", "兩美元又三美分"),
    # cents alone are money in dollars
    ("董事會建議派發末期股息每股12港仙。", 0.12, "HKD", "12港仙"),
    ("每股基本盈利為3.5仙，較去年同期上升。", 0.035, "HKD", "3.5仙"),
    ("The Board recommends a final dividend of 8 HK cents per share.", 0.08, "HKD", "8 HK cents"),
    ("The Board recommends a final dividend of HK6.5 cents per share.", 0.065, "HKD", "HK6.5 cents"),
    ("該公司宣派每股5美分的中期股息。", 0.05, "USD", "5美分"),
])
def test_an_amount_in_cents_or_two_denominations_is_one_figure(text, value, currency, span):
    got = money(text)
    assert len(got) == 1, got
    assert got[0][0] == pytest.approx(value) and got[0][1:] == (currency, span)
    # the smaller unit is not left behind as a count
    assert not [c for c in extract_claims(text) if c.kind == "count" and c.value < 100]


@pytest.mark.parametrize("text, expected", [
    # a figure right after an amount is not its smaller unit
    ("租金維持每平方呎30元5年不變。", [(30.0, "money"), (5.0, "duration")]),
    ("門票每張80元，3分鐘內售罄。", [(80.0, "money"), (3.0, "duration")]),
    ("The grant is HK$3 million and 20 start-ups will share it.", [(3e6, "money"), (20.0, "count")]),
])
def test_the_next_figure_is_not_a_smaller_unit(text, expected):
    assert [(c.value, c.kind) for c in extract_claims(text)] == expected


@pytest.mark.parametrize("text, value, kind, currency, qualifier", [
    ("The fund has set aside half a million dollars for the pilot scheme.", 5e5, "money", "HKD", "exact"),
    ("The group plans to raise three quarters of a billion US dollars next year.", 7.5e8, "money", "USD", "exact"),
    ("Close to a quarter million visitors came to the InnoCarnival this autumn.", 2.5e5, "count", None, "nearly"),
    ("The park expects one and a half million visitors over the weekend.", 1.5e6, "count", None, "exact"),
    ("The consortium will invest more than two and a half billion dollars.", 2.5e9, "money", "HKD", "over"),
])
def test_a_fraction_of_a_scale_word_is_an_amount(text, value, kind, currency, qualifier):
    got = [c for c in extract_claims(text, "en") if c.kind not in ("year",)]
    assert [(c.value, c.kind, c.currency, c.qualifier) for c in got] == [(value, kind, currency, qualifier)]


def test_half_a_million_is_not_fifty_per_cent_and_a_million():
    got = extract_claims("Some half a million residents have used the app since launch.", "en")
    assert [(c.value, c.kind, c.qualifier) for c in got] == [(5e5, "count", "about")]


@pytest.mark.parametrize("text, value, currency", [
    ("Every volunteer received a 50-dollar meal voucher.", 50.0, "HKD"),
    ("The tender drew a one-dollar bid from a start-up.", 1.0, "HKD"),
    ("The firm quoted a 10-euro licence fee per device.", 10.0, "EUR"),
])
def test_a_currency_word_after_a_hyphen(text, value, currency):
    assert [(v, c) for v, c, _ in money(text, "en")] == [(value, currency)]


def test_a_scale_before_a_hyphenated_currency_is_a_manner_of_speaking():
    assert extract_claims("Biotech has become a billion-dollar industry in the city.", "en") == []


def test_full_width_currency_letters_are_read():
    got = money("公司以ＵＳ＄２００萬收購該初創企業。")
    assert [(v, c) for v, c, _ in got] == [(2e6, "USD")]


def test_a_chinese_decimal_keeps_the_scale_after_it():
    got = extract_claims("政府為計劃預留三點五億元，並會於兩年內檢討。")
    assert [(c.value, c.currency, c.text) for c in got if c.kind == "money"] == [(3.5e8, "HKD", "三點五億元")]



def test_a_place_named_with_a_numeral_is_no_amount():
    assert extract_claims("參加者將沿八仙嶺郊遊徑步行。") == []
