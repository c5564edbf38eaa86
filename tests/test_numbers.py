"""The number grammar: digits, words, scales, Chinese numerals, percentages and ranges."""

import pytest

from transforms.numbers import find_numbers, normalize, parse_chinese, parse_english_words, word_alternation


@pytest.mark.parametrize("text, value", [
    ("1,234,567", 1234567), ("4.800", 4.8), (".08", 0.08), ("10k", 10000), ("2 million", 2e6),
    ("1.2bn", 1.2e9), ("HK$0.6 billion", 6e8), ("twenty-five", 25), ("one hundred and six", 106),
    ("a dozen", 12), ("twenty-one trillion three hundred", 21000000000300), ("40 000", 40000),
    ("1.2萬", 12000), ("10億", 1e9), ("二十", 20), ("一千", 1000), ("一千零五十", 1050), ("九十二萬四", 924000),
    ("兩千四百五", 2450), ("4.78万亿", 4.78e12), ("5億1萬4千6百", 500014600), ("3万4000", 34000),
    ("１，２３４", 1234), ("壹佰伍拾", 150), ("十 余 万", 100000), ("四萬萬", 4e8),
])
def test_single_numbers_read_right(text, value):
    got = find_numbers(text)
    assert len(got) == 1 and got[0].value == pytest.approx(value), (text, got)


@pytest.mark.parametrize("text, value", [
    ("70%", 70), ("12 per cent", 12), ("twenty percent", 20), ("百分之七十", 70), ("九成", 90), ("六成半", 65),
    ("7.2成", 72), ("百分之五十五点五", 55.5), ("２成", 20),
])
def test_percentages(text, value):
    (n,) = find_numbers(text)
    assert n.kind == "percent" and n.value == pytest.approx(value)


@pytest.mark.parametrize("text, low, high", [("10 to 20", 10, 20), ("10-20", 10, 20), ("10至20", 10, 20), ("5k-20k", 5000, 20000)])
def test_ranges_join_into_one_number(text, low, high):
    (n,) = find_numbers(text)
    assert (n.value, n.value_high) == (low, high)


def test_chinese_numerals_report_approximation():
    assert parse_chinese("十多萬") == (100000, True)
    assert parse_chinese("一千五百零幾萬") == (15000000, True)
    assert parse_chinese("萬") is None


def test_english_words_parser():
    assert parse_english_words("three hundred and thirty one") == 331
    assert parse_english_words("two hundred point zero three") == pytest.approx(200.03)
    assert parse_english_words("nothing here") is None


def test_several_numbers_keep_their_offsets():
    text = "約1.2萬人 and over 3,000 jobs"
    got = find_numbers(text)
    assert [(n.value, text[n.start:n.end]) for n in got] == [(12000, "1.2萬"), (3000, "3,000")]


@pytest.mark.parametrize("text, values", [
    ("3 hundred and 21", [321]), ("4 thousand 3 hundred and 21", [4321]), ("3 hundred and one", [301]),
    ("1 billion 2 million 3 thousand", [1002003000]), ("2 hundred and fifty-five", [255]),
    # a step must be a smaller scale, and "and 0" is no way to write a number, so these stay apart
    ("3 hundred and 2 hundred", [300, 200]), ("4 thousand 3 hundred and 0", [4300, 0]),
    ("HK$1 million and 20 companies", [1e6, 20]), ("4000 3 hundred", [4000, 300]),
])
def test_digits_mixed_with_scale_words(text, values):
    assert [n.value for n in find_numbers(text)] == values


@pytest.mark.parametrize("text, value", [
    ("3 dzs", 36), ("five dozs", 60), ("2 doz", 24), ("three hundred and two dozen", 324), ("two dozen", 24),
    ("a dozen", 12),
])
def test_dozens_and_their_abbreviations(text, value):
    (n,) = find_numbers(text)
    assert n.value == value


def test_full_width_comma_groups_only_full_width_digits():
    assert [n.value for n in find_numbers("４，５６５")] == [4565]
    assert [n.value for n in find_numbers("$20，300美元")] == [20, 300]  # a clause comma after ASCII digits
    assert len(normalize("$20，300")) == len("$20，300")


def test_word_alternation_matches_like_a_longest_first_alternation():
    import re

    words = ["per cent", "percent", "per", "approx", "approx.", "approximately"]
    rx = re.compile(word_alternation(words))
    for text, want in [("Per  Cent", "Per  Cent"), ("approximately", "approximately"), ("approx.", "approx."),
                       ("pERcent", "pERcent"), ("perk", "per")]:
        assert rx.match(text).group(0) == want


@pytest.mark.parametrize("text, values", [
    # 两 counts things and is never a decimal digit: 一点两小时 is 1, then 两小时
    ("会议由下午一点开始，为时一点两小时", [1, 1, 2]), ("三點五億", [3.5e8]), ("兩點二", [2.2]),
    # 百 and 千 never follow another of 十百千: 五十千 is 50 and a stray 千, not 1050
    ("五十千", [50, 1000]), ("三千五百萬", [3.5e7]), ("一百一十", [110]),
    # an ellipsis before a digit is no decimal point; dotted groups are not one decimal
    ("名單見附件 ...3", [3]), ("系統已升級至4.12.7版", [4, 12, 7]), ("增長0.5個百分點", [0.5]),
    # two minus signs in an exponent cancel
    ("2^--3", [8]), ("-2^3", [-8]),
])
def test_chinese_decimals_units_and_dotted_groups(text, values):
    assert [n.value for n in find_numbers(text)] == pytest.approx(values)


@pytest.mark.parametrize("text, value", [("全場貨品7 5 折", 75), ("全場貨品七五折", 75), ("會員8折", 80)])
def test_discounts_written_digit_by_digit(text, value):
    got = [n for n in find_numbers(text) if n.kind == "percent"]
    assert [n.value for n in got] == [value]


def test_full_width_letters_and_dollar_sign_become_ascii():
    assert normalize("ＨＫ＄５Ｍ，ｕｐ　３０％") == "HK$5M，up　30%"
    assert [n.value for n in find_numbers("增長百分之１５Ｋ")] == [15000]
