"""The same sentence read again (the About paragraph of every release, a sentence repeated in another release)
takes each release's own date, and a figure takes its metric only from the figure before it: what any cache of
transforms/context.py (its per-sentence ones) must keep."""

from dataclasses import replace
from datetime import date

from transforms.claims import extract_claims
from transforms.context import resolve_context
from transforms.model import Claim


def _read(text: str, published_on: date | None, section: str = "body", language: str = "en") -> list[tuple]:
    return [(c.value, c.kind, c.metric, c.subject, c.scope, c.as_of)
            for c in extract_claims(text, language, section, published_on=published_on, organisation="hkstp")]


def test_a_figure_for_a_later_year_is_a_target_only_while_that_year_is_to_come():
    text = "The Science Park houses 300 technology companies by 2026."
    early, late = date(2024, 3, 1), date(2027, 3, 1)
    for _ in range(2):  # read again, in either order: each release's own year decides
        assert _read(text, early)[0][4] == "target"
        assert _read(text, late)[0][4] == "standing"
    assert _read(text, None)[0][4] == "target"
    assert _read(text, early)[0][5] == date(2026, 12, 31)


def test_last_year_is_the_year_before_each_release():
    text = "Last year the Science Park admitted 120 new companies."
    for _ in range(2):
        assert _read(text, date(2021, 3, 1))[0][5] == date(2020, 12, 31)
        assert _read(text, date(2024, 3, 1))[0][5] == date(2023, 12, 31)
    assert _read(text, None)[0][5] is None
    zh = "香港科學園去年有逾1,200間科技公司。"
    assert _read(zh, date(2024, 3, 1), language="zh-hant")[0][5] == date(2023, 12, 31)
    assert _read(zh, date(2022, 7, 1), language="zh-hant")[0][5] == date(2021, 12, 31)


def test_a_dated_figure_stands_in_its_own_release_and_is_history_in_a_much_later_one():
    text = "As at end-January 2021, the Science Park housed over 1,100 technology companies."
    for _ in range(2):
        assert _read(text, date(2021, 3, 1))[0][4:] == ("standing", date(2021, 1, 31))
        assert _read(text, date(2024, 3, 1))[0][4:] == ("history", date(2021, 1, 31))


def test_the_about_paragraph_read_in_every_release_is_as_of_each_release():
    text = "HKSTP's ecosystem brings together more than 1,000 technology companies."
    days = [date(2022, 5, 3), date(2023, 8, 9), date(2022, 5, 3), date(2025, 1, 20)]
    assert [_read(text, d, "about")[0][3:] for d in days] == [("hkstp", "standing", d) for d in days]


def test_a_figure_takes_the_metric_of_the_figure_before_it_only_when_there_is_one():
    s = "The Science Park housed 600 technology companies and now 1,800."
    first = Claim(600.0, unit="technology companies", metric="tech_companies", text="600 technology companies",
                  sentence=s, start=s.index("600"))
    second = Claim(1800.0, text="1,800", sentence=s, start=s.index("1,800"))
    both = resolve_context([replace(first), replace(second)], "en", published_on=date(2024, 3, 1))
    alone = resolve_context([replace(second)], "en", published_on=date(2024, 3, 1))
    again = resolve_context([replace(first), replace(second)], "en", published_on=date(2024, 3, 1))
    assert both[1].metric == again[1].metric == "tech_companies" and both[1].scope == "standing"
    assert alone[0].metric is None


def test_a_figure_said_of_today_is_as_of_the_release_whatever_year_the_sentence_names():
    day = date(2024, 6, 21)
    grown = _read("The park community has grown from around 600 companies in 2018 to 1,800 technology companies today.", day)
    assert [(v, scope, as_of) for v, _, _, _, scope, as_of in grown if v in (600, 1800)] == [
        (600, "history", date(2018, 12, 31)), (1800, "standing", day)]
    # the year of a "from" figure is not the "to" figure's, said of now or not
    rose = _read("Park companies rose from about 600 in 2017 to over 1,800.", day)
    assert [(v, as_of) for v, *_, as_of in rose if v in (600, 1800)] == [(600, date(2017, 12, 31)), (1800, day)]
    zh = _read("科學園的科技公司由2017年的600間增至現時的1,800間。", day, language="zh-hant")
    assert [(v, as_of) for v, *_, as_of in zh if v in (600, 1800)] == [(600, date(2017, 12, 31)), (1800, day)]


def test_an_as_at_date_still_dates_a_figure_said_of_now():
    for text, language in [("As at end-September 2023, the Science Park currently houses 1,800 technology companies.", "en"),
                           ("截至2023年9月底，科學園現時有1,800間科技公司。", "zh-hant")]:
        read = _read(text, date(2024, 3, 1), language=language)
        assert [(v, as_of) for v, *_, as_of in read if v == 1800] == [(1800, date(2023, 9, 30))]
    # and a year after the "to" figure is that figure's own
    later = _read("The number of technology companies rose from 600 in 2017 to 1,800 in 2023.", date(2024, 3, 1))
    assert [(v, as_of) for v, *_, as_of in later if v == 1800] == [(1800, date(2023, 12, 31))]
