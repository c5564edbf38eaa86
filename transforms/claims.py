"""Numeric claims in press-release text: value, qualifier, currency, counted noun, kind and metric.

    >>> [(c.metric, c.value, c.qualifier) for c in extract_claims("約1,700間來自26個國家及地區的科技公司")]
    [('tech_companies', 1700.0, 'about'), ('countries_regions', 26.0, 'exact')]

Dates, quarters, ordinals, phone numbers, page numbers, URLs, e-mails and names with numbers ("COP28",
"Photo 3", "Stage 2", "2024-25 Budget") are never count claims; a year may come out with kind "year".
"""

from __future__ import annotations

import dataclasses
import functools
import re
import string
from datetime import date

from transforms.context import align_release, event_release, resolve_context
from transforms.metrics import key_for, load_vocabulary, matchers
from transforms.model import NON_CLAIM_SECTIONS, Claim, Release
from transforms.numbers import (EN_ABBREV, EN_SCALES, EN_TENS, EN_UNITS, NUMBER_CORE, NUMBER_CORE_GUARDED,
                                NUMBER_TRIGGER, SMALL_WORDS, TRIGGER_CHAR, fold, has_number_trigger, next_trigger_word,
                                normalize, parse_chinese, parse_english_words, plain, value_of_groups,
                                word_alternation)
from transforms.language import detect_language
from transforms.regexfirst import first_chars, prefix_guard
from transforms.sentences import sentence_spans

__all__ = ["extract_claims", "extract_release_claims", "QUALIFIER_WORDS"]

# ------------------------------------------------------------------ qualifiers
QUALIFIER_WORDS = {
    "about": ["around", "about", "approximately", "approx.", "approx", "roughly", "some", "circa", "an estimated",
              "estimated", "約", "约", "大約", "大约", "約有", "约有", "大概", "左右", "約需", "约需", "需時約", "需时约"],
    "over": ["over", "more than", "exceed", "exceeds", "exceeded", "surpassing", "above", "exceeding", "in excess of", "upwards of", "north of", "well over",
             # a headline's verb: "Community Tops 2,200 Technology Companies", 突破2,200間
             "tops", "topped", "passes", "surpasses", "surpassed", "crosses", "crossed",
             "逾", "超過", "超过", "超逾", "超", "多於", "多于", "超出", "突破"],
    "at_least": ["at least", "a minimum of", "no fewer than", "no less than", "not less than", "至少", "最少",
                 "不少於", "不少于"],
    "nearly": ["nearly", "nearing", "nears", "neared", "almost", "close to", "just under", "近", "接近", "將近", "将近", "差不多", "幾近", "几近"],
    "under": ["under", "less than", "fewer than", "below", "不足", "少於", "少于", "低於", "低于", "不到"],
    "up_to": ["up to", "as many as", "as much as", "as high as", "no more than", "not more than", "not exceeding",
              "not exceed",
              "capped at", "a maximum of", "maximum of", "a ceiling of", "多達", "多达", "高達", "高达", "最多", "最高",
              "最多可", "最多可申請", "最多可申请", "最高可", "最高可獲", "最高可获", "最高為", "最高为", "最長", "最长",
              "上限為", "上限为", "不多於", "不多于", "不超過", "不超过"],
    "exact": ["exactly", "a total of", "totalling", "totaling", "total of", "達", "达", "共", "合共", "總共", "总共",
              "共有", "達到", "达到"],
}
_QUAL_OF = {w: q for q, ws in QUALIFIER_WORDS.items() for w in ws}
# A ceiling or a floor named by a noun a few words before the figure, in the same clause and with no other
# number between: "Maximum funding support: $10 million", "The funding ceiling is HK$100,000", "Max. 75% of",
# 資助額上限是500萬元, "Minimum investment: HK$1 million".
_BOUND_NOUN_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:(?P<ceil>(?i:maximum|max\.|ceiling|cap|upper[ ]limit))|(?P<floor>(?i:minimum|min\.)))(?![A-Za-z]|[ ]+(?i:wage))"
    r"[^\d,;.!?()]{0,32}$"
    r"|(?:(?P<zceil>上限|最高限額|最高限额|最高資助額|最高资助额)|(?P<zfloor>下限|最低限額|最低限额"
    r"|最低[^\d，。；、,;]{0,4}[為为是]))[^\d，。；、,;]{0,10}$"
    # 最高為項目成本的70%, 不多於項目總成本的三分之一: the ceiling, then what it is a share of
    r"|(?P<zshare>(?:最高|最多)(?:[為为]|涵蓋|涵盖|可達|可达)|不多[於于]|不超過|不超过)[^\d，。；、,;]{1,10}的$"
    r"|(?P<zeach>(?:最高|最多)[為为]?每)[^\d，。；、,;]{0,6}$"
    # 最多聘請四名: at most, then the verb
    r"|(?P<zmost>最多|最高)可?(?:聘請|聘请|資助|资助|涵蓋|涵盖|招收|批出|獲得|获得|提供|申請|申请|錄取|录取)$"
    # 約為86%, 約為去年同期的1.3倍: about, then what it is compared with
    r"|(?<![合條条契公節节預预簽签制])(?P<zabout>約[為是佔]|约[为是占])(?:[^\d，。；、,;]{1,10}的)?$")
# Cheap to scan for; _BOUND_NOUN_BEFORE (anchored at the number, so tried at every start in its window) runs
# only where this finds something.
_BOUND_TRIGGER = re.compile(r"(?i:max|ceil|cap|upper|min)|上限|下限|最|約|约|不多|不超")
# The same matches written to open with one class of their first characters (m, c and u have no case-blind
# equivalents but their two cases), so the engine skips to the next such character in one fast scan.
_BOUND_TRIGGER_SCAN = re.compile(r"[mMcCuU上下最約约不](?:(?<=[mM])(?i:ax|in)|(?<=[cC])(?i:eil|ap)|(?<=[uU])(?i:pper)"
                                 r"|(?<=[上下])限|(?<=[最約约])|(?<=不)[多超])")
# "must be completed within six months": a deadline, so at most that long.
_WITHIN_DEADLINE = re.compile(r"(?i:complet(?:e|ed|es|ing|ion)|finish(?:ed|es)?)[ ]+within[ ]+$")
_ZH_DEADLINE_AFTER = re.compile(r"[內内][^\d，。；、,;]{0,3}完成")
# "in the past three years", "in the first ten months of the year", 過去三年, 首六個月, 前十個月: the window a
# figure is counted over, not a figure ("for the first 30 years" is one).
_PERIOD_WINDOW_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?i:in|during|over|with|than|of)[ ]+the[ ]+"
                                   r"(?i:past|last|first|previous|coming|next)[ ]+|(?:過去|过去|首|(?<!提)前)[ ]?)$")
# "the past year", "within one year", 過去一年, 同一年度: a period named, not a duration figure.
_ONE_PERIOD_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?i:past|last|previous|within|same|next|coming)[ ]+"
                                r"|(?:過去|过去|同|未來|未来|這|这|該|该|首|每|的)[ ]?)$")
_EN_QUALS = sorted((w for w in _QUAL_OF if w.isascii()), key=len, reverse=True)
_ZH_QUALS = sorted((w for w in _QUAL_OF if not w.isascii() and w != "左右"), key=len, reverse=True)
_QUAL_RE = (
    r"(?P<q>(?<![A-Za-z])" + word_alternation(_EN_QUALS) + r"[ ]+"
    r"|(?<![最附將将])(?:" + "|".join(map(re.escape, _ZH_QUALS)) + r")[ ]?)"
)

# ------------------------------------------------------------------ currencies
# A bare "$" means the dollar of the place the text is written for (Hong Kong dollars by default, see
# `extract_claims`); a bare 元 means Hong Kong dollars unless 人民幣 or a mainland context says otherwise.
_CUR_PREFIX = {
    "hk$": "HKD", "hk": "HKD", "hkd": "HKD", "us$": "USD", "usd": "USD", "u.s.$": "USD", "u.s$": "USD", "rmb": "CNY",
    "cny": "CNY", "nt$": "TWD", "s$": "SGD", "sgd": "SGD", "c$": "CAD", "a$": "AUD", "nz$": "NZD", "eur": "EUR",
    "gbp": "GBP", "jpy": "JPY", "usd$": "USD", "aud$": "AUD", "cad$": "CAD", "nzd$": "NZD", "hkd$": "HKD",
    "sgd$": "SGD", "aud": "AUD", "cad": "CAD", "chf": "CHF", "£": "GBP", "€": "EUR", "¥": "CNY", "￥": "CNY",
    "港幣": "HKD", "港币": "HKD", "港元": "HKD", "人民幣": "CNY", "人民币": "CNY", "美元": "USD",
}
_CUR_PREFIX_RE = (
    r"(?P<cur>(?:(?<![A-Za-z])(?:HK|hk|US|us|u\.s\.?|U\.S\.?|NT|S|C|c|NZ)[ ]?\\?\$|\\?\$"
    r"|(?<![A-Za-z])(?i:usd|aud|cad|nzd|hkd|sgd)\$"
    r"|(?<![A-Za-z])(?i:HKD|USD|RMB|CNY|SGD|EUR|GBP|JPY|AUD|CAD|CHF)(?![A-Za-z])"
    r"|[£€¥￥]|港幣|港币|港元|人民幣|人民币|美元|(?<![A-Za-z])HK(?=\d{1,3}(?:\.\d+)?[ ]cents?\b))[ ]*)"
)
_CUR_SUFFIX = {
    "港元": "HKD", "港幣": "HKD", "港币": "HKD", "港圓": "HKD", "美元": "USD", "美圓": "USD", "美圆": "USD",
    "美金": "USD", "人民幣": "CNY", "人民币": "CNY", "元人民幣": "CNY", "元人民币": "CNY", "歐元": "EUR",
    "欧元": "EUR", "英鎊": "GBP", "英镑": "GBP", "日元": "JPY", "日圓": "JPY", "日圆": "JPY", "澳元": "AUD",
    "加元": "CAD", "新台幣": "TWD", "新台币": "TWD", "台幣": "TWD", "台币": "TWD", "瑞士法郎": "CHF",
    "元": None, "圓": None, "块": None, "塊": None, "蚊": "HKD",
    "hong kong dollars": "HKD", "hong kong dollar": "HKD", "hk dollars": "HKD", "us dollars": "USD",
    "us dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD", "singapore dollars": "SGD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "dollars": "$", "dollar": "$", "hkd": "HKD",
    "usd": "USD", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY", "chinese yuan": "CNY",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "yen": "JPY",
    "swiss francs": "CHF", "swiss franc": "CHF", "francs": None, "eur": "EUR",
}
# The optional spaces are possessive where what follows cannot start with one: no other split can match, and the
# engine no longer tries each alternative twice after every number.
_CUR_SUFFIX_RE = re.compile(
    r"[ ]?+(?P<curs>元?人民幣|元?人民币|港元|港幣|港币|港圓|美元|美圓|美圆|美金|歐元|欧元|英鎊|英镑|日元|日圓|日圆|澳元|加元"
    r"|新台幣|新台币|台幣|台币|瑞士法郎|元|圓|块|塊|蚊)"
    # cents alone: "12 HK cents", "HK12 cents", 12港仙, 3美分; 仙 alone only after digits (八仙 is no amount)
    r"|[ ]?+(?P<centzh>港仙|美分|仙(?![人女境子]))|[ ](?P<centen>(?:(?i:hk|hong[ ]kong|us|u\.s\.)[ ]+)?(?i:cents?))(?![A-Za-z])"
    r"|(?:[ ]|-(?=(?i:dollar|yen|euro|yuan)\b))(?P<cursen>(?i:(?:hong[ ]kong|hk|us|u\.s\.|american|singapore|canadian|australian|chinese|swiss)[ ]+"
    r"(?:dollars?|yuan|francs?)|dollars?|hkd|usd|rmb|cny|yuan|renminbi|euros?|pounds[ ]sterling|pounds?|yen|francs?|eur)"
    r"(?![A-Za-z]))|(?P<curcode>HKD|USD|RMB|CNY|EUR|GBP|JPY)(?![A-Za-z])|[ ]?+(?P<cursym>€|£|¥|\$)"
)
# A sum in two denominations: "3 dollars 50 cents", 五元三毛, 50元6角三分, 兩美元又三美分, 12元零5仙. Read only
# right after a currency word (compiled on first use).
@functools.cache
def _minor_amount_re() -> re.Pattern:
    cent = r"(?:(?i:cents?)(?![A-Za-z])|港仙|仙|美分|(?:日本)?銭|分(?![之鐘钟]))"
    return re.compile(
        r"[ ]*(?:(?i:and)[ ]+|又[ ]*|零[ ]*)?(?P<n1>\d{1,2}(?![\d.,])|" + SMALL_WORDS + r"|[一二兩两三四五六七八九十]{1,3})"
        r"[ ]*(?:(?P<cent>" + cent + r")|(?P<tenth>角|毛(?!利)|毫(?![米升克秒]))"
        r"(?:[ ]*(?P<n2>\d(?![\d.,])|[一二兩两三四五六七八九])[ ]*" + cent + r"?)?)")


def _minor_amount(text: str, pos: int) -> tuple[float, int] | None:
    """(the amount in the major unit, where it ends) of cents or 角/分 written right after a currency at pos."""
    mm = _minor_amount_re().match(text, pos)
    if mm is None:
        return None
    first = _small_value(mm.group("n1"))
    if mm.group("cent"):
        return (first / 100, mm.end()) if first is not None and first < 100 else None
    if first is None or first >= 10:
        return None
    second = _small_value(mm.group("n2")) if mm.group("n2") else 0.0
    return (first / 10 + (second or 0.0) / 100, mm.end())


def _small_value(word: str) -> float | None:
    if word[0].isdigit():
        return float(word)
    if word[0].isascii():
        return parse_english_words(word)
    parsed = parse_chinese(word)
    return parsed[0] if parsed else None


# 元 means renminbi with 人民幣 in the sentence, or a mainland place named before the amount in a sentence that
# names no Hong Kong ("深圳附屬公司錄得收入3.2億元"); a place after the amount ("捐出一億元支持深圳的項目") or money
# raised or spent in Hong Kong ("內地或海外企業在港集資7.8億元") stays Hong Kong dollars.
_YUAN_CNY = re.compile(r"人民幣|人民币|RMB|CNY")
_YUAN_MAINLAND = re.compile(r"內地|内地|中國內地|深圳|上海|北京|廣州|广州|杭州|蘇州|苏州|天津|重慶|重庆|成都|武漢|武汉"
                            r"|南京|東莞|东莞|佛山|珠海|大灣區內地城市|全國|全国|國內|国内")
_YUAN_HONG_KONG = re.compile(r"在港|來港|来港|赴港|本港|香港|全港|港股|港交所")

# ------------------------------------------------------------------ things that are not figures
_MONTH = word_alternation("January February March April May June July August September October November December"
                          " Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split(), ignore_case=False) + r"\.?"
_NAME_WORDS = word_alternation(
    "photo photos stage stages batch phase phases page pages p. pp. pp no. nos. nos number room rooms floor floors"
    " level block blocks tower chapter chapters cap. cap section sections article item items figure fig. table"
    " annex appendix schedule gate exit platform version season grade episode vol vol. volume issue part series"
    " cohort wave lot plot unit bay lab zone hall halls gallery booth stand row cop g web industry top hotline helpline"
    " paragraph para. para clause regulation rule".split())
_EN_SMALL_WORD = word_alternation("one two three four five six seven eight nine ten eleven twelve".split())
_STREET = r"(?:Road|Street|Avenue|Drive|Lane|Path|Terrace|Boulevard|Crescent|Circuit|Square|Rise|Walk|Praya|Highway)"
# Written in two lists, by the character a match starts with: an ASCII letter, or anything else (a digit, a
# bracket, a Chinese character). At each position the engine then tries one list, not both: the big pattern's
# search runs at every word of a 24-character window before each number, and this halves the cost of the
# skips there. An alternative that may start either way (an e-mail, a labelled phone, "six months ended") is in
# both lists; each list keeps the original order, so the first alternative to match is the same as before.
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# telephone and fax: after a label, and the Hong Kong eight-digit forms "2123 4567", "(852) 2123 4567"
_PHONE_LABELLED = (word_alternation(["tel", "fax", "phone", "mobile", "電話", "电话", "傳真", "传真", "手提"])
                   + r"[ ]*[:：.]?[ ]*[+(]?\d[\d ()\-/]{6,}\d")
# reporting periods: "six months ended", 止六個月
_MONTHS_ENDED = r"(?i:(?:\d+|" + _EN_SMALL_WORD + r")[ ]+months?[ ]+end(?:ed|ing))"
_AGO = r"(?:\d+|" + _EN_SMALL_WORD + r")[ ]+(?i:years?|months?|weeks?|days?)[ ]+(?i:ago)(?![A-Za-z])"
_SKIP_LETTER_LED = [
    r"(?:https?://|www\.)[^\s)\]]+",
    _EMAIL,
    _PHONE_LABELLED,
    # stock codes: "(Stock Code: 1234)"
    r"(?i:stock[ ]codes?|SEHK|HKEX|HKSE)[ ]*[:：]?[ ]*\d{1,5}(?:\.(?i:hk))?",
    # names with a number: "Phase 2", "Room 1203", "Nos. 15-21", "Primary 6"
    r"(?<![A-Za-z])" + _NAME_WORDS + r"[ ]*[#.]?[ ]*\d+[A-Za-z]?(?:\.\d+)*(?:\([0-9a-z]+\))*"
    r"(?:[ ]*(?:&|and|-|–|to|,|of|/)[ ]*\d+[A-Za-z]?)*",
    r"(?:Primary|Secondary|Form|Years?|Level)[ ]+\d+(?:[ ]*(?:-|–|to|and)[ ]*\d+)?",
    # a day or round of a programme: "Day 1", "Round 2"
    r"(?:Day|Week|Round|Module|Session)[ ]+\d{1,3}(?!\d|[,.]\d)",
    # "five years ago": a time, not a figure
    _AGO,
    # codes: "COVID-19", "A380", "IP/2024/12" (a run of letters possessive (++): a shorter run would leave a letter
    # next, where the code needs "-", a digit or "/", so giving letters back never helps and only costs, at every word)
    r"(?<![A-Za-z])(?=[A-Za-z]++-?\d)(?!(?i:hkd|usd|rmb|cny|eur|gbp|jpy|sgd|aud|cad)\d|HK\d{1,3}(?:\.\d+)?[ ]cents?\b)"
    r"[A-Za-z]+[\-]?\d+[A-Za-z0-9]*(?:[-–]\d+)?",
    r"[A-Za-z]{2,}+(?:/[A-Za-z0-9]+)*/\d+(?:/\d+)*",
    r"[A-Z][a-z]++-Year[ ]+(?:Plan|Programme|Strategy)",
    _MONTHS_ENDED,
    # vague amounts: "several billion", "dozens of"; "the above three"
    r"(?i:several|a[ ]few|a[ ]couple[ ]of|many|tens[ ]of|hundreds[ ]of|thousands[ ]of)[ ]+"
    r"(?i:hundred|thousand|million|billion|trillion)s?",
    r"(?i:dozens|scores)[ ]+(?i:of)",
    r"(?i:the)[ ]+(?i:above|following|said)[ ]+(?:\d+|" + _EN_SMALL_WORD + r")",
]
_SKIP_OTHER = [
    _EMAIL,
    _PHONE_LABELLED,
    r"(?<![\d,.])(?:\+?\(?852\)?[ \-]?)?[2-9]\d{3}[ \-]?\d{4}(?![\d,])",
    r"(?<![\d,.])(?:\+\d{1,3}[ \-]?)?\(?\d{3,4}\)?[ \-]\d{4}(?:[ ]*/[ ]*\d{4}(?:[ \-]?\d{4})?)*(?![\d,])",
    # stock codes: "(01234.HK)", "股份代號：1234"; list numbers "(1)", "（一）"
    r"(?:股份|股票|證券|证券)(?:代[號号碼码]|編[號号]|编号)[ ]*[:：]?[ ]*\d{1,5}",
    # hotlines of any length: 熱線 18222
    r"(?:熱線|热线|專線|专线)[ ]*(?:電話|电话|號碼|号码)?[ ]*[:：]?[ ]*\d{3,}(?:[ \-]\d{3,})*",
    # a brand named by a numeral: "3 Hong Kong" (a telecoms operator), unless Hong Kong things are counted
    r"(?<![\d,.$])3[ ]Hong[ ]Kong(?![ ]+[a-z][a-z\-]*s\b)",
    # frequency bands ("3.5 GHz band"), aspect ratios ("16:9"), a footnote marker after a percent ("86% 1 at")
    r"\d+(?:\.\d+)?[ ]?(?:GHz|MHz|kHz|Hz)(?![A-Za-z])",
    r"(?<![\d.:])\d{1,2}:\d{1,2}(?![\d:])",
    r"(?<=%[ ])[1-9](?=[ ]*[,.;)]|[ ]+(?:at|as|in|on|by|for|and|of)\b)",
    # a year with a typo (22014年) is no duration
    r"(?<![\d,.])\d{5}[ ]?年(?![代度])",
    r"(?<![A-Za-z][ ])[(（][ ]?\d{1,5}(?:\.(?i:hk))?[ ]?[)）]|(?<=[A-Za-z][ ])\((?![1-9]\d{0,2}\))[ ]?\d{1,5}(?:\.(?i:hk))?[ ]?\)",
    r"\d{4,5}\.(?i:hk)(?![A-Za-z])",
    r"[(（][一二三四五六七八九十]{1,3}[)）]",
    r"^\d{1,2}[.、)](?!\d)",
    r"(?<![\d,.])(?:19|20)\d\d[ ]*[-–/][ ]*(?:(?:19|20)\d\d|\d\d)(?![\d%])(?:[ ]*(?:年度|財政年度|财政年度))?",
    # street numbers: "12-18 Science Park West Avenue", "88 Queensway", 海濱道15至21號
    r"\d+[A-Z]?(?:[ ]*[-–][ ]*\d+[A-Z]?)?[ ]+(?:[A-Z][A-Za-z'’]*[ ]+){0,4}" + _STREET + r"(?![A-Za-z])",
    r"\d+[ ]+Queensway",
    r"\d+(?:[ ]?(?:至|-|–)[ ]?\d+)?[ ]?[號号](?![碼码])",
    r"\d+[ ]?/[ ]?F(?![A-Za-z])",
    r"\d+[ ]?(?:樓|楼|室)(?![宇盤盘面價价])",
    r"\d+[A-Z]座",
    r"第[ ]*(?:\d+|[〇零一二兩两三四五六七八九十百千]+)",
    r"[圖图表][ ]*[一二三四五六七八九十\d]+(?:\.\d+)?",
    r"\d+[ ]?(?i:st|nd|rd|th)(?![A-Za-z])",
    # anniversaries name an occasion: "30-year anniversary", 30周年
    r"\d+[ \-](?i:years?)[ ]+(?i:anniversary)",
    r"(?<!成立)\d+[ ]?[周週]年",
    r"(?<=成立)\d+[ ]?[周週]年(?=之際|之际|紀念|纪念|誌慶|志庆|慶典|庆典|活動|活动)",
    _AGO,
    # years in Chinese numerals (二○二三年, ○ for 〇 as the Government writes it); 五年前 a time; 兩年間 a window
    r"[〇○零一二三四五六七八九]{4}(?:[ ]*[至\-–/][ ]*[〇○零一二三四五六七八九]{2,4})?[ ]*年",
    r"(?:\d+|[一二兩两三四五六七八九十]+)[ ]?(?:年|個月|个月|個星期|个星期|星期|週|周|天|日)(?:前(?![往進进])|[間间](?![隔]))",
    # plan names: 「產學研1+計劃」; LegCo question numbers: 立法會十四題
    r"\d\+(?=[」”\"]|計劃|计划|方案)",
    r"(?<=立法會|立法会)[一二三四五六七八九十\d]+[ ]?[題题]",
    # a table's unit in brackets: "($ million)", （百萬元）
    r"[(（][ ]?(?:(?:HK|US)?\$|港元|港幣|人民幣|人民币)?[ ]?(?:百萬|百万|千萬|千万|萬|万|億|亿|(?i:million|billion|thousand|'000|m|bn))"
    r"[ ]?(?:元|港元|美元)?[ ]?[)）]",
    # plan and version names: 十四五, "Blueprint 2.0", 計劃3.0, 產學研1+1
    r"十[一二三四五]五(?![年個个萬万億亿千百])",
    r"\d\+\d",
    r"(?:(?<=[A-Za-z\u4e00-\u9fff」”\"])|(?<=[A-Za-z\u4e00-\u9fff][ ]))\d{1,2}\.0(?![\d.])"
    r"(?![ ]?(?:%|(?i:per|percent|million|billion|times|years?)|[億亿萬万倍成]))",
    # days and times: 12日表示, 上午10時30分, 8月; reporting periods
    r"(?<![月\d.])\d{1,2}[ ]?日(?=表示|指出|宣布|公布|發表|发表|說|说|稱|称|起|舉行|举行|晚|早|上午|下午|[（(]"
    r"|[指透介回強强出到訪访與与向亦聯联率主簽签頒颁開开啟启接拜致推參参視视巡走會会])",
    r"(?<![\d.,])(?:1[0-2]|0?[1-9])[ ]?月(?!份)",
    r"(?<!小)\d{1,2}[ ]?[時时](?:[ ]?\d{1,2}[ ]?分)?",
    r"(?<=止)[ ]?(?:\d+|[一二三四五六七八九十]+)[ ]?[個个]月",
    _MONTHS_ENDED,
    # vague amounts: 數十億, 數以千計
    r"[數数](?:十|百|千|萬|万|億|亿|以)[十百千萬万億亿]*[計计]?",
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ ]*(?i:am|pm|a\.m\.|p\.m\.))?",
    r"\d{1,2}[ ]?(?i:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])",
    r"(?<![\d.])\d+(?:\.\d+){2,}",
]
# ſ and the Kelvin sign K match s and k under IGNORECASE: for this split they are letters.
_LETTER = "[A-Za-z\u017f\u212a]"


def _skip_pattern(letter_led: list[str], other: list[str]) -> str:
    return f"(?P<skip>(?={_LETTER})(?:" + "|".join(letter_led) + f")|(?!{_LETTER})(?:" + "|".join(other) + "))"

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    r"(?P<date>" + _MONTH + r"[ ]+" + _DAY + r"[ ]*(?:-|–|to|and)[ ]*" + _DAY + r"(?!\d)(?:,?[ ]+(?:19|20)\d\d)?(?!\d)"
    r"|" + _DAY + r"[ ]*(?:-|–|to|and)[ ]*" + _DAY + r"[ ]+" + _MONTH + r"(?:,?[ ]+(?:19|20)\d\d)?(?!\d)"
    r"|\d{1,2}(?:st|nd|rd|th)?[ ]+" + _MONTH + r"(?:,?[ ]+(?:19|20)\d\d)?(?!\d)"
    r"|" + _MONTH + r"[ ]+\d{1,2}(?!\d)(?:st|nd|rd|th)?(?:,?[ ]+(?:19|20)\d\d)?(?!\d)"
    r"|" + _MONTH + r",?[ ]+(?:19|20)\d\d(?!\d)"
    r"|(?:(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})[ ]*年[ ]*)?\d{1,2}[ ]*月(?:[ ]*\d{1,2}[ ]*[日號号])?"
    r"(?:[ ]*(?:至|到|-|–)[ ]*(?:\d{1,2}[ ]*月[ ]*)?\d{1,2}[ ]*[日號号])?"
    r"|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日號号]"
    r"|(?<![\d.])(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|(?<![\d.])\d{1,2}/\d{1,2}/(?:19|20)?\d\d(?!\d))"
)
_QUARTER = (
    r"(?P<quarter>(?<![A-Za-z])(?:Q[1-4]|[1-4]Q|H[12]|FY)[ ]*(?:(?:19|20)\d\d|'?\d\d)?(?![A-Za-z\d])"
    r"|(?i:(?:first|second|third|fourth|1st|2nd|3rd|4th)[ ]+quarter)(?:[ ]+(?:of[ ]+)?(?:19|20)\d\d)?"
    r"|(?:(?:19|20)\d\d[ ]*年[ ]*)?第[ ]*[一二三四1-4][ ]*季(?:度)?)"
)
_ZH_YEAR_PERIOD = re.compile(r"[ ]*(?:底|末|初|中|上半年|下半年|\d{1,2}[ ]*月)")
_ZH_YEAR = r"(?P<zhyear>(?<![\d,.])(?:19|20)\d\d)[ ]*年(?![代度])"
_RATIO = r"(?P<ratio>(?<![\d.:])1[ ]?[:：][ ]?(?P<ratio_n>\d+(?:\.\d+)?)(?![\d:])(?![ ]*(?i:am|pm)))"
# Shares of a whole, read as percent: "half of", "two-thirds of", "one in five", 三分之一, 一半; "half a year".
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                   "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_SMALL_VALUES = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
_SMALL_VALUES.update({"a": 1, "an": 1})
_FRACTION = (
    r"(?P<frac>(?:(?P<fnum>(?i:one|two|three|four|five|six|seven|eight|nine|a|an))[ \-]+"
    r"(?P<fden>(?i:halves|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?))|(?P<fhalf>(?i:half)))"
    r"(?=[ ]+(?i:of|a|an|thousand|million|billion)\b)|(?P<fquarter>(?i:quarter))(?=[ ]+(?i:million|billion)\b)"
    r"|(?P<inn>\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine))[ ]+(?i:in|out[ ]+of)[ ]+"
    r"(?P<ind>\d{1,3}|(?i:two|three|four|five|six|seven|eight|nine|ten))(?![\d,.])"
    r"|(?![百佰][ ]*分)(?P<zfd>[一二三四五六七八九十百千萬万億亿壹貳贰叁參肆伍陸陆柒捌玖拾佰仟\d]{1,4})[ ]*分[ ]*之[ ]*"
    r"(?P<zfn>[一二三四五六七八九十百千壹貳贰叁參肆伍陸陆柒捌玖拾佰仟\d]{1,6}(?:[点點.][一二三四五六七八九零〇\d]+)?)"
    r"|(?P<zhalf>一半)"
    r"|(?<![上下每])(?P<zhalfyear>半年)"
    # 每五人中有一人, 每三間中小企便有一間: one in N
    r"|每(?P<zind>[二兩两三四五六七八九十]|[1-9]\d?)(?:[個个間间名位家人])?[^\d，。；,;]{0,6}?中?(?:便|就|即)?有[一1][個个間间名位家人]"
    # "costs fell by nearly half": half of what went before
    r"|(?<=[Bb]y[ ])(?P<fhalfby>(?i:half))(?=[ ]*(?:[,.;]|$))"
    r"|(?P<fhalfbyq>(?i:half))(?=[ ]*(?:[,.;]|$)))"
)
_FOLD = r"(?P<fold>(?:\d+(?:\.\d+)?|(?i:two|three|four|five|six|seven|eight|nine|ten))[ \-]?(?i:fold))(?![A-Za-z])"


# The grammar's alternatives, in order, each with the pieces that cover it: every match of the alternative is a
# match of one of its pieces (the guard below is derived from the pieces, so it follows any edit made here).
# An amount is _QUAL_RE?(fraction|currency?core): it starts with the qualifier or with one of what follows it.
_AMOUNT_ALTERNATIVES = [_FRACTION, _CUR_PREFIX_RE + r"?" + "(?P<core>" + NUMBER_CORE + ")"]
_AMOUNT = _QUAL_RE + r"?(?:" + "|".join(_AMOUNT_ALTERNATIVES) + ")"


def _claim_alternatives(letter_led: list[str], other: list[str]) -> list[tuple[str, list[str]]]:
    return [(_DATE, [_DATE]), (_QUARTER, [_QUARTER]), (_RATIO, [_RATIO]),
            (_skip_pattern(letter_led, other), [*letter_led, *other]), (_ZH_YEAR, [_ZH_YEAR]), (_FOLD, [_FOLD]),
            (_AMOUNT, [_QUAL_RE, *_AMOUNT_ALTERNATIVES])]


def _claim_pattern(letter_led: list[str], other: list[str]) -> str:
    return "(?:" + "|".join(alternative for alternative, _ in _claim_alternatives(letter_led, other)) + ")"


# Start only at a word start or a digit: every alternative begins there, and mid-word positions are most of a text.
_CLAIM_START = r"(?:(?<![A-Za-z])|(?=\d))"


@functools.cache
def _claim_re() -> re.Pattern:
    """The whole grammar, for the few sentences with an "@" (compiled on first use)."""
    return re.compile(_CLAIM_START + _claim_pattern(_SKIP_LETTER_LED, _SKIP_OTHER))


# The same grammar for the sentences with no "@" (nearly all): without the e-mail alternative, which may start
# at any \w - in Chinese text at every character - a match can start only with a digit, a numeral, a letter or
# one of a few dozen other characters (first_chars), and the lookahead skips every other position in one test.
_SKIP_LETTER_LED_NO_EMAIL = [a for a in _SKIP_LETTER_LED if a != _EMAIL]
_SKIP_OTHER_NO_EMAIL = [a for a in _SKIP_OTHER if a != _EMAIL]
_CLAIM_PATTERN_NO_EMAIL = _claim_pattern(_SKIP_LETTER_LED_NO_EMAIL, _SKIP_OTHER_NO_EMAIL)
_CLAIM_FIRST = first_chars(_CLAIM_PATTERN_NO_EMAIL)
# At a letter, most of the grammar's time went on words that start nothing ("the company said"): about 2 us
# each, five or so before every number. prefix_guard reads from the alternatives' pieces the first characters
# any match can start with (one trie) and tests only those; a piece whose matches may start with any letter (a
# code such as "COVID-19") is tested as itself. Every match of the grammar is a match of one of the pieces, so
# the guard holds wherever the grammar matches.
# The guard tests the characters of _guarded(): the letters, and every other character a match can start with
# that is no digit or numeral (a space after 止, 港 of 港元, 約, "(" of "(HK$ million)", ...): at those, before a
# number, most positions start nothing, and each that passed the first-character test cost the whole grammar
# (~3 us). After the first character a prefix may hold a class ("(\d", "HK\d"); a piece that opens with a
# lookbehind ((?<=止)) tests itself, lookbehind first. Digits and numerals start most matches: they pass untested.
@functools.cache
def _guarded() -> str:
    pattern = _CLAIM_PATTERN_NO_EMAIL
    return "".join(sorted({c for c in pattern + string.ascii_letters if _CLAIM_FIRST and re.fullmatch(_CLAIM_FIRST, c)}
                          - set(string.digits)
                          - {c for c in pattern if re.fullmatch(r"\d", c) or NUMBER_TRIGGER.fullmatch(c)}))


@functools.cache
def _claim_guard() -> str | None:
    return prefix_guard([piece for _, pieces in _claim_alternatives(_SKIP_LETTER_LED_NO_EMAIL, _SKIP_OTHER_NO_EMAIL)
                         for piece in pieces], _guarded(), classes=True)


def _amount_guarded() -> str:
    """_AMOUNT with its optional parts behind lookaheads of what they start with (first_chars, read from each
    part), the fraction behind its digit guard, and numbers.NUMBER_CORE_GUARDED: at a plain "1,700" the qualifier,
    the fraction and the currency each fail in one test. A part matches only where its lookahead holds."""
    def first(part: str) -> str:
        chars = first_chars(part)
        return f"(?={chars})" if chars else ""
    fraction_guard = prefix_guard([_FRACTION], string.digits, length=6, classes=True, digits=True)
    fraction = (f"(?:(?![0-9])|(?={fraction_guard}))" if fraction_guard else "") + first(_FRACTION) + _FRACTION
    return (f"(?:{first(_QUAL_RE)}{_QUAL_RE}|)(?:{fraction}"
            f"|(?:{first(_CUR_PREFIX_RE)}{_CUR_PREFIX_RE}|)(?P<core>{NUMBER_CORE_GUARDED}))")


def _guarded_alternatives(alternatives: list[tuple[str, list[str]]]) -> str:
    """The grammar's alternatives with those before the amount behind one guard: "1,700 companies", "over 1,700",
    約1,700 and "HK$20" start none of the dates, quarters, ratios, skips, Chinese years and folds, yet each was
    tried (forty skips start with a digit), ~1.5 us at every number. At an ASCII digit the guard is the first six
    characters their matches can start with there, digits read as one class ("[\\d],": no skip or date goes on
    with a comma); at a character of _guarded() (a letter, 約, "$" ...) the first four, as in the grammar's own
    guard; both derived from their pieces. Where the guard fails none of them can match, and the amount is tried
    at once, as it was after they failed; where it holds they are tried in their order, then the amount."""
    *before, (amount, _) = alternatives
    assert amount is _AMOUNT
    pieces = [piece for _, alternative_pieces in before for piece in alternative_pieces]
    at_digit = prefix_guard(pieces, string.digits, length=6, classes=True, digits=True)
    at_other = prefix_guard(pieces, _guarded(), classes=True)
    guarded = re.escape(_guarded())
    guard = (f"(?:(?![0-9{guarded}])|(?=[0-9]){f'(?={at_digit})' if at_digit else ''}"
             f"|(?=[{guarded}]){f'(?={at_other})' if at_other else ''})")
    return "(?:" + guard + "(?:" + "|".join(alternative for alternative, _ in before) + ")|" + _amount_guarded() + ")"


@functools.cache
def _claim_re_no_email() -> re.Pattern:
    """The grammar behind its guards (compiled on first use: the guards' tries take ~0.1 s to derive and compile)."""
    guard = _claim_guard()
    return re.compile(_CLAIM_START + (f"(?={_CLAIM_FIRST})" if _CLAIM_FIRST else "")
                      + (f"(?:(?![{re.escape(_guarded())}])|(?={guard}))" if guard else "")
                      + _guarded_alternatives(_claim_alternatives(_SKIP_LETTER_LED_NO_EMAIL, _SKIP_OTHER_NO_EMAIL)))


def __getattr__(name: str):
    # the lazily built guards under their former module-level names (tests read them)
    lazy = {"_CLAIM_RE_NO_EMAIL": _claim_re_no_email, "_CLAIM_GUARD": _claim_guard, "_GUARDED": _guarded}
    if name in lazy:
        return lazy[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The big pattern is costly at every position, so it runs only near a number: from the last space at least
# _WINDOW characters before a digit, numeral or number word (every match holds one, and nothing it must see
# before the number - qualifier, currency, month, "Photo", a URL - is longer), never before the previous match.
_WINDOW = 24


def _claim_matches(sentence: str, folded: str):
    """The matches `_claim_re().finditer(sentence)` would give that contain a number, without scanning the rest.
    `folded`: fold(sentence), which the trigger searches."""
    pos = 0
    # Without "@" the e-mail alternative cannot match: the lighter pattern gives the same matches.
    search = _claim_re().search if "@" in sentence else _claim_re_no_email().search
    # NUMBER_TRIGGER.search(folded, pos) as the nearer of the next numeral (one character) and the next number
    # word, each found by a scan the engine runs fast and kept while it is still ahead (numbers.TRIGGER_CHAR,
    # TRIGGER_WORD); past the end, none
    size = len(sentence)
    none = size + 1
    char = TRIGGER_CHAR.search(folded)
    char_at = none if char is None else char.start()
    word = next_trigger_word(folded, 0)
    word_at = none if word is None else word[0]
    while True:
        if char_at < pos:
            char = TRIGGER_CHAR.search(folded, pos)
            char_at = none if char is None else char.start()
        if word_at < pos:
            word = next_trigger_word(folded, pos)
            word_at = none if word is None else word[0]
        if char_at < word_at:
            trigger_start, trigger_end = char_at, char_at + 1
        elif word is not None:
            trigger_start, trigger_end = word
        else:
            return
        start = trigger_start - _WINDOW
        if start <= pos:
            start = pos
        else:
            space = sentence.rfind(" ", pos, start + 1)
            start = space + 1 if space >= pos else pos
        # Nothing in the pattern reaches further than the window past the trigger before it must have matched.
        cut = trigger_end + 400
        if cut < size:
            m = search(sentence, start, cut)
            if m is not None and m.end() > cut - 80:
                m = search(sentence, start)  # near the cut a lookahead would have seen a false end: read it whole
        else:
            m = search(sentence, start)  # the cut is past the end: the search is whole already
        if m is None:
            pos = trigger_end
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


# What may follow a number: "+", N多, a currency, "or more"/以上, a measure word or a unit.
_PLUS_RE = re.compile(r"\+|[ ]?+(?P<zhmore>[多餘余])(?![萬万億亿千百])")
_MEASURE = (r"人次|萬人|万人|個工作天|个工作天|個工作日|个工作日|工作天|工作日|平方米|平方公尺|平方呎|平方英尺|平方尺|公頃|公顷|個月|个月|個星期|个星期|星期|小時|小时|週年|周年|年|天|日"
            r"|間|间|家|名|個|个|位|項|项|宗|份|所|支|隊|队|條|条|次|倍|人|隻|只|部|款|座|棟|栋|層|层|組|组|批|場|场|屆|届"
            r"|周|週|米|呎|畝|亩|對|对|雙|双|件|張|张|台|種|种|套|歲|岁|分鐘|分钟|秒|國|国|地"
            r"|股(?![東东票價价市權权本息民])")
# The first characters of the measure words as a lookahead: after an English number the pattern then fails in
# one test instead of trying every word (the same matches; first_chars reads them from _MEASURE itself).
_MEASURE_FIRST = first_chars(_MEASURE)
_MEASURE_RE = re.compile(rf"[ ]?+{f'(?={_MEASURE_FIRST})' if _MEASURE_FIRST else ''}(?P<mw>{_MEASURE})")
# Ranges: "10 to 20", "10-20", "10至20"; "between 10 and 20", "介乎10與20之間".
_RANGE_GAP = re.compile(r"[ ]*(?:-|–|—|~|～|至|到|(?i:to))[ ]*")
_BETWEEN_GAP = re.compile(r"[ ]*(?:(?i:and)|與|与|和|及)[ ]*")
_BETWEEN_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?i:between)[ ]+|介乎[ ]*|介於[ ]*|介于[ ]*)$")
# "rose from 254 to 312" is a change, two figures; "grants range from $50,000 to $2 million" is a range.
_FROM_BEFORE = re.compile(r"(?<![A-Za-z])(?i:from)[ ]+$")
_RANGE_WORDS = re.compile(r"(?i:rang(?:e|es|ing)|var(?:y|ies|ying))")
_SPACES = re.compile(r"\s+")
_DURATION_WORD = re.compile(r"(?:year|month|week|day|hour|minute|second|decade)")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_NUMBER_NEXT = re.compile(r"[ ]?\d")
# "75 USD million": a scale word after a currency code.
_SCALE_AFTER_CODE = re.compile(r"[ ]++(?P<scale>(?i:thousand|million|billion|trillion|bn|mn))(?![A-Za-z])")
_AT_LEAST_AFTER = re.compile(r"[ ]*+(?:(?P<ormore>(?i:or[ ]+(?:more|above)|and[ ]+above|or[ ]+over|plus)(?![A-Za-z]))"
                             r"|(?P<yishang>或?以上|之多|有多))")
_EN_UNIT = (
    r"(?:(?i:working|business|calendar|clear)[ ]+(?=(?i:days?)\b))?(?P<unit>(?i:square[ ]+met(?:re|er)s?|sq\.?[ ]?m\.?(?![A-Za-z])|sqm|m²|m2(?![\d])|square[ ]+(?:feet|foot)"
    r"|sq\.?[ ]?ft\.?|hectares?|ha(?![A-Za-z])|acres?|km²|square[ ]+kilomet(?:re|er)s?"
    r"|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|times))(?![A-Za-z])"
)
# After most numbers comes a noun that is no unit ("1,800 companies"): at a letter, the units' first characters
# (prefix_guard, read from _EN_UNIT) are tested before the case-blind alternatives are tried one by one.
_EN_UNIT_GUARD = prefix_guard([_EN_UNIT], string.ascii_letters)
# Spaces and a hyphen taken possessively: a unit starts with a letter, so no other split of them can match, and
# the engine no longer tries the units at each (at " companies" the units were tried three times).
_EN_UNIT_RE = re.compile(r"[ ]*+-?[ ]*+" + (f"(?:(?![A-Za-z])|(?={_EN_UNIT_GUARD}))" if _EN_UNIT_GUARD else "")
                         + _EN_UNIT)
_AREA_UNITS = {"square metre": "sq m", "square meter": "sq m", "sq m": "sq m", "sqm": "sq m", "m²": "sq m",
               "m2": "sq m", "square feet": "sq ft", "square foot": "sq ft", "sq ft": "sq ft", "hectare": "hectares",
               "ha": "hectares", "acre": "acres", "km²": "sq km", "square kilometre": "sq km",
               "square kilometer": "sq km", "平方米": "sq m", "平方公尺": "sq m", "平方呎": "sq ft",
               "平方英尺": "sq ft", "平方尺": "sq ft", "公頃": "hectares", "公顷": "hectares", "畝": "mu", "亩": "mu"}
_DURATION_ZH = {"個工作天": "days", "个工作天": "days", "個工作日": "days", "个工作日": "days", "工作天": "days",
                "工作日": "days", "年": "years", "天": "days", "日": "days", "個月": "months", "个月": "months", "小時": "hours",
                "小时": "hours", "週年": "years", "周年": "years", "週": "weeks", "周": "weeks", "星期": "weeks",
                "個星期": "weeks", "个星期": "weeks", "分鐘": "minutes", "分钟": "minutes", "秒": "seconds"}
# "2.3 times faster", "oversubscribed 1,234 times": a multiple; "downloaded 2 million times": a count.
_TIMES_RATIO_AFTER = re.compile(r"[ ]+(?i:faster|larger|bigger|higher|greater|more|smaller|lower|cheaper|longer|as"
                                r"|that|the|what|over|its|their|his|her|our)\b")
_TIMES_RATIO_BEFORE = re.compile(r"(?i:oversubscribed|multiplied|grew|rose|increased|is|was|be|are|were)[ ]+$")
_EN_WORD = (r"(?!(?:and|or|of|in|from|to|with|at|for|by|on|the|a|an|who|which|that|are|is|were|was|have|has"
            r"|had|will|would|be|been|per|than|as|this|these|those|its|their|our|his|her|it|they|we|out|more|over)\b)"
            r"[A-Za-z][A-Za-z&'\-]*")
# (leading spaces possessive, here and in _PLUS_RE, _MEASURE_RE, _SCALE_AFTER_CODE: what follows cannot start with one)
_EN_NOUN_RE = re.compile(rf"[ ]++(?P<noun>{_EN_WORD}(?:[ ]+{_EN_WORD}){{0,2}})")
_ZH_NOUN_RE = re.compile(r"[^\d\s，。；、,;：:（）()「」『』“”的及和與与或]{1,6}")
# A number word with no noun after it counts when the noun is in the sentence: "five of the 12 finalists",
# "three to four weeks".
_WORD_COUNTS_BEFORE = re.compile(r"[ ]+of[ ]+(?:the[ ]+)?(?:\d|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven"
                                 r"|twelve|twenty|thirty|forty|fifty|hundred))|[ ]*(?:-|–|to|or)[ ]*(?:\d|(?i:two|three"
                                 r"|four|five|six|seven|eight|nine|ten|twelve)\b)"
                                 # "takes part in six and coordinates three": the noun is the second's
                                 r"|[ ]+(?:and|or)[ ]+[a-z]+[ ]+(?:\d|(?i:two|three|four|five|six|seven|eight|nine"
                                 r"|ten|eleven|twelve)\b)"
                                 # "and five are from Cyberport", "coordinates three of them"
                                 r"|[ ]+(?:are|were)[ ]+(?:from|in|based|tenants|members|located)\b"
                                 r"|[ ]+of[ ]+(?:them|these|those|which)\b")
_ZH_RANGE_NEXT = re.compile(r"[ ]*(?:至|到|-|–)[ ]*[\d一二兩两三四五六七八九十]")
_GENERIC_COUNT_NOUNS = re.compile(r"[ ]+(?i:people|persons|staff|students|visitors|members|companies|employees|jobs"
                                  r"|units|participants|guests|attendees|teams|projects|firms)\b")
# "grew 18% over 2022": a year compared with, not a figure.
_YEAR_COMPARED_AFTER = re.compile(r"[ ]*(?:[,.;:)]|$|(?i:and|levels?|figures?|when|as|in|by)\b)")
_OTHER_SUBJECT_AFTER = re.compile(
    r"[ ]+(?:(?i:in|across|throughout|based[ ]+in|located[ ]+in)[ ]+(?:Hong[ ]Kong|HK|the[ ]city|the[ ]territory)"
    r"(?![ ]+(?:Science|Sci))|(?:所有|全港))")
_OTHER_SUBJECT_BEFORE = re.compile(
    r"(?:(?:Hong[ ]Kong|the[ ]city|HK)(?:[ ]+(?:now[ ]+)?(?:has|had|is[ ]+home[ ]+to|boasts|counts))|Hong[ ]Kong's"
    r"|全港|香港現有|香港现有|香港共有|香港有|本港有|本港現有|本港现有|全香港)[^,，。;；]{0,12}$"
)
_EVERY_ONE = re.compile(r"(?i:every|each|per)[ ]+(?:HK|US)?\\?\$[ ]?1(?![\d.,])"
                        r"|每(?:投資|投资|投入|投放|注資|注资|資助|资助|撥款|拨款)?[ ]?(?:1|一)[ ]?(?:港元|元|美元)")
_INVEST_WORDS = re.compile(r"(?i:invest|fund|capital)|投資|投资|資金|资金")
# "the US (47), the UK (35)": counts; "to (1) support start-ups and (2) attract talent": numbering (1, 2, 3 ...)
_PAREN_COUNTS = re.compile(r"[A-Za-z][ ]\(([1-9]\d{0,2})\)")
_STOCK_WORDS = re.compile(r"(?i:stock|shares?|listed|listing|code|HKEX|SEHK|exchange|\.HK|gain|rose|fell|surged|slid"
                          r"|closed|traded|index|Hang[ ]Seng|counter|constituent)")
# "HK$150 million ($19.3 million)", "up to HK$6 million (US$771,000)": a conversion in brackets right after
# an amount; a bare $ there is the US dollar (the newspapers' convention) and the qualifier is the amount's.
_CONVERSION_GAP = re.compile(r"[ ]*[(（][ ]*")
_CURRENCY_CODES = ("HKD", "USD", "RMB", "CNY", "EUR", "GBP", "JPY")

# The text a claim keeps around its figure: the whole sentence when it is short, else the clause around the
# figure, capped, so a paragraph of thousands of numbers costs linear memory (see `_context`).
CONTEXT_CHARS = 300
_CLAUSE_END = re.compile(r"[,，;；:：、。!?！？]")

_VOCAB = None


def _vocab():
    global _VOCAB
    if _VOCAB is None:
        _VOCAB = load_vocabulary(simplified=False)  # kinds only: no OpenCC for English work
    return _VOCAB


def extract_claims(text: str, language: str | None = None, section: str = "body", *, dollar: str = "HKD",
                   yuan: str = "HKD", published_on: date | None = None, organisation: str | None = None) -> list[Claim]:
    """Every numeric claim in `text`, sentence by sentence. `language`: "en", "zh-hant", "zh-hans" or None.

    `dollar` is what a bare "$" means and `yuan` what a bare 元 means: Hong Kong dollars in Hong Kong text
    (a sentence naming 人民幣 or a mainland place makes 元 renminbi). `published_on` and `organisation` (the
    press room's own subject key) are what subject, scope and as-of default to (transforms/context.py)."""
    if not text:
        return []
    if not text.isascii():  # full-width digits and signs are not ASCII: ASCII text is already normal
        text = normalize(text)
    if language is None:
        language = detect_language(text)
    family = "zh" if language.startswith("zh") else "en"
    if section == "about":
        out = _read_about(text, family, dollar, yuan)
    else:
        out = _read_text(text, section, family, dollar, yuan)
    if out is None:
        return []
    return resolve_context(out, language, published_on=published_on, organisation=organisation)


# The About paragraph closes every release of a period word for word, and newswire copies keep it
# (facts/hkstp-site.md): its claims are read once per distinct text, and every release gets copies of them for
# its own context (the as-of from its date). Nothing else is kept: real releases do not repeat their other
# sections, and a memo of those would only flatter a templated benchmark.
_ABOUT_READS: dict[tuple[str, str, str, str], tuple[tuple, ...] | None] = {}
_ABOUT_READS_MAX = 64  # a few About texts a year; a run over a decade's archive starts the memo again now and then
_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))


def _read_about(text: str, family: str, dollar: str, yuan: str) -> list[Claim] | None:
    """`_read_text` of an About paragraph, from the memo when the same text was read before (fresh Claims)."""
    key = (text, family, dollar, yuan)
    try:
        read = _ABOUT_READS[key]
    except KeyError:
        claims = _read_text(text, "about", family, dollar, yuan)
        read = None if claims is None else tuple(tuple(getattr(c, f) for f in _CLAIM_FIELDS) for c in claims)
        if len(_ABOUT_READS) >= _ABOUT_READS_MAX:
            _ABOUT_READS.clear()
        _ABOUT_READS[key] = read
    return None if read is None else [Claim(*values) for values in read]


def _read_text(text: str, section: str, family: str, dollar: str, yuan: str) -> list[Claim] | None:
    """The claims of `text` as its sentences say them, before their context (subject, scope, as-of); None when
    the text holds no number at all."""
    out: list[Claim] = []
    # Every claim holds a number trigger, and a sentence's trigger is one in the whole text too (sentences
    # are cut after punctuation or space, so the trigger's word boundaries stay): no trigger, no sentences.
    folded = fold(text)
    if not has_number_trigger(folded):
        return None
    # str.lower() maps character for character, save İ (lowered to two: fold() then lowers A-Z only, in the text
    # but not in a sentence without it) and the capital sigma (lowered by the letters around it): a sentence's
    # fold is its slice of the text's, unless the text holds either
    sliced = text.isascii() or ("\u0130" not in text and "\u03a3" not in text)
    for offset, sentence in sentence_spans(text):
        _extract_sentence(_Sentence(sentence, section, family, dollar, yuan,
                                    folded[offset:offset + len(sentence)] if sliced else fold(sentence)), out)
    for claim in out:  # scaled decimals carry binary noise (1.34億 -> 134000000.00000001)
        claim.value = _plain(claim.value)
        if claim.value_high is not None:
            claim.value_high = _plain(claim.value_high)
    return out


def extract_release_claims(release: Release, organisation: str | None = "hkstp") -> list[Claim]:
    """Claims of every section of a release except NON_CLAIM_SECTIONS, the title included. `organisation`: the
    subject of the press room's own figures (its About paragraph, sentences naming no one else)."""
    out: list[Claim] = []
    sections = [("title", release.title or "")]
    if release.subtitle:
        sections.append(("subtitle", release.subtitle))
    sections += [(s.name, s.text) for s in release.sections]
    for name, text in sections:
        if name in NON_CLAIM_SECTIONS or not text:
            continue
        out.extend(extract_claims(text, release.language, name, published_on=release.published_on,
                                  organisation=organisation))
    return event_release(align_release(out), release.title)


def _plain(value: float) -> float:
    """plain(value), at once for a whole float below 10^12 (12 significant digits hold it exactly)."""
    if type(value) is float and value.is_integer() and -1e12 < value < 1e12:
        return value
    return plain(value)


class _Sentence:
    """What every reading in one sentence shares; the sentence-wide searches run once, when first asked."""

    __slots__ = ("text", "section", "family", "dollar", "_yuan", "consumed_end", "_every_one", "_invest", "folded")

    def __init__(self, text: str, section: str, family: str, dollar: str, yuan: str, folded: str):
        self.text, self.section, self.family, self.dollar, self._yuan = text, section, family, dollar, yuan
        self.consumed_end = 0  # where the previous amount and its currency end ("10 rmb" takes "rmb" from "rmb 20")
        self._every_one = self._invest = False
        self.folded = folded  # fold(text): what the number trigger and the vocabulary matchers search

    @property
    def yuan(self) -> str:
        if not isinstance(self._yuan, tuple):
            self._yuan = ("CNY" if _YUAN_CNY.search(self.text) else self._yuan,)
        return self._yuan[0]

    def yuan_at(self, pos: int) -> str:
        """What a bare 元 at `pos` means: `yuan`, or renminbi after a mainland place with no Hong Kong between."""
        if self.yuan == "CNY":
            return "CNY"
        last = None
        for last in _YUAN_MAINLAND.finditer(self.text, 0, pos):
            pass
        if last is not None and _YUAN_HONG_KONG.search(self.text) is None:
            return "CNY"
        return self.yuan

    @property
    def every_one(self):
        if self._every_one is False:
            t = self.text
            self._every_one = _EVERY_ONE.search(t) if ("$" in t or "每" in t) else None
        return self._every_one

    @property
    def invest(self) -> bool:
        if self._invest is False:
            self._invest = _INVEST_WORDS.search(self.text) is not None
        return self._invest


def _context(sentence: str, start: int, end: int) -> tuple[str, int]:
    """(the text kept with a claim, the claim's offset in it): the sentence when it is at most CONTEXT_CHARS
    long, else the clause around [start, end) - from the clause mark before it to the one after - capped."""
    if len(sentence) <= CONTEXT_CHARS:
        return sentence, start
    half = max(0, (CONTEXT_CHARS - (end - start)) // 2)
    lo = max(0, start - half)
    hi = min(len(sentence), end + half)
    before = None
    for before in _CLAUSE_END.finditer(sentence, lo, start):
        pass
    if before is not None:
        lo = before.end()
    after = _CLAUSE_END.search(sentence, end, hi)
    if after is not None:
        hi = after.end()
    while lo < start and sentence[lo] == " ":
        lo += 1
    return sentence[lo:hi], start - lo


def _claim(s: _Sentence, start: int, end: int, **fields) -> Claim:
    context, offset = _context(s.text, start, end)
    return Claim(text=s.text[start:end].strip(), sentence=context, section=s.section, start=offset, **fields)


def _extract_sentence(s: _Sentence, out: list[Claim]):
    sentence = s.text
    prev: Claim | None = None
    prev_abs = prev_amount_end = 0  # where the previous claim starts in the sentence, and where its amount ends
    prev_digits: float | None = None
    for m in _claim_matches(sentence, s.folded):
        if m.start("core") < 0:  # no number read (an amount's number sets it): a skip, date, year, ratio ...
            skip, date_, quarter, zhyear, ratio, fold_, frac = m.group("skip", "date", "quarter", "zhyear", "ratio",
                                                                        "fold", "frac")
            if skip is not None or date_ is not None or quarter is not None:
                prev = None
                continue
            if zhyear is not None:
                # 於2024年底, 在2024年3月: a date said in passing, not the year something was founded
                dated = _ZH_YEAR_PERIOD.match(sentence, m.end())
                out.append(_claim(s, m.start(), m.end(), value=float(zhyear), kind="year",
                                  metric=None if dated else _year_metric(s.folded, m.start(), "zh")))
                prev = None
                continue
            if ratio is not None:
                out.append(_claim(s, m.start(), m.end(), value=float(m.group("ratio_n")), kind="ratio",
                                  metric="co_investment_ratio" if s.invest else None))
                prev = None
                continue
            if fold_ is not None:
                out.append(_claim(s, m.start(), m.end(), value=_small_number(fold_[:-4].strip(" -")),
                                  kind="ratio", unit="times"))
                prev = None
                continue
            if frac is not None:
                claim = _fraction_claim(s, m, out)
                if claim is not None:
                    out.append(claim)
                prev = None
                continue
        r = _read(s, m)
        if r is None:
            continue
        claim = r.claim
        if (prev is not None and prev.kind == "money" and claim.kind == "money"
                and _CONVERSION_GAP.fullmatch(sentence, prev_amount_end, m.start())):
            _bracketed_conversion(prev, claim, m)
        # "10 to 20", "10-20", "10至20", "HK$200,000 to HK$50 million": one claim with a high value.
        joinable = prev is not None and prev.value_high is None and (prev.kind != "year" or claim.kind == "year") and (
            claim.kind == prev.kind or prev.unit is None
            or (prev.kind == "money" and claim.kind == "count" and claim.currency is None))
        if joinable:
            gap = sentence[prev_amount_end:m.start()]
            between = _BETWEEN_GAP.fullmatch(gap) and _BETWEEN_BEFORE.search(sentence, max(0, prev_abs - 12), prev_abs)
            ranged = _RANGE_GAP.fullmatch(gap) and not (
                _FROM_BEFORE.search(sentence, max(0, prev_abs - 6), prev_abs) and not _RANGE_WORDS.search(sentence))
            # 700、800間: two round figures listed as a guess, about 700 to 800
            listed = (gap == "、" and s.family == "zh" and prev.kind == "count" and prev.unit is None
                      and claim.kind == "count" and claim.unit is not None and claim.value <= 2 * prev.value
                      and sentence[prev_abs - 1:prev_abs] != "、")  # 10、20、30間 is a list, not a guess
            if (between or ranged or listed) and prev.value <= claim.value:
                if between:
                    prev_abs = between.start()  # "between 10 and 20 companies"
                # "10至20億", "HK$1.2-1.5 billion": the scale written once at the high end covers the low end,
                # unless the low end is written in full ("HK$200,000 to HK$50 million").
                high_digits = _bare_number(r.dig)
                if (high_digits and prev_digits == prev.value and claim.value > high_digits and prev.value < 1000
                        and not r.cur):
                    prev.value = plain(prev.value * claim.value / high_digits)
                prev.value_high = claim.value
                prev.text = sentence[prev_abs:r.start].lstrip() + claim.text
                prev.sentence, prev.start = _context(sentence, prev_abs, r.end)
                prev.unit = claim.unit or prev.unit
                prev.kind = claim.kind if prev.kind == "count" else prev.kind
                prev.metric = claim.metric or prev.metric
                prev.currency = prev.currency or claim.currency
                if prev.currency and claim.currency and prev.kind == "count":
                    prev.kind = "money"
                if prev.qualifier == "exact":
                    prev.qualifier = "about" if listed and claim.qualifier == "exact" else claim.qualifier
                continue
        out.append(claim)
        prev, prev_abs, prev_amount_end, prev_digits = claim, r.start, r.amount_end, _bare_number(r.dig)


def _bracketed_conversion(prev: Claim, claim: Claim, m: re.Match):
    """The amount in brackets after `prev` is its conversion: a bare $ after HK$ is US$, and it keeps prev's
    qualifier when it has none of its own."""
    cur = (m.group("cur") or "").strip()
    if cur == "$" and prev.currency == "HKD" and ("HK" in prev.text.upper() or "港" in prev.text):
        claim.currency = "USD"
        if claim.unit == "HKD":
            claim.unit = "USD"
    if claim.qualifier == "exact" and prev.qualifier != "exact":
        claim.qualifier = prev.qualifier


def _small_number(word: str) -> float:
    word = word.lower()
    return float(_SMALL_VALUES[word]) if word in _SMALL_VALUES else float(word)


_ZH_UNIT_VALUES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "萬": 10**4, "万": 10**4,
                   "億": 10**8, "亿": 10**8}


def _zh_small(text: str) -> float | None:
    if text and all(c in _ZH_UNIT_VALUES for c in text):  # 千分之, 萬分之, 万万分之: the units multiply
        value = 1.0
        for c in text:
            value *= _ZH_UNIT_VALUES[c]
        return value
    parsed = parse_chinese(text)
    return parsed[0] if parsed else None


@functools.cache
def _qualifier_before_re() -> re.Pattern:
    return re.compile(_QUAL_RE + "$")


_BY_BEFORE = re.compile(r"(?<![A-Za-z])(?i:by)[ ]+$")
_WHOLE_AND = re.compile(r"(?<![\w.,])(?P<w>\d{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten))[ ]+(?i:and)[ ]+$")
_FRACTION_SCALE = re.compile(r"[ ]+(?:(?i:of)[ ]+)?(?:(?i:an?)[ ]+)?(?P<sc>(?i:thousand|million|billion))(?![A-Za-z\-])")


def _scaled_fraction(s: _Sentence, start: int, scaled: re.Match, value: float, qualifier: str | None) -> Claim:
    """A fraction of a scale word as an amount or a count, with the currency or the noun after it."""
    text, end = s.text, scaled.end()
    currency = None
    cm = _CUR_SUFFIX_RE.match(text, end)
    if cm and not cm.group("cursym"):
        currency = _currency_of_suffix(cm, s, None)
        end = cm.end()
    s.consumed_end = max(s.consumed_end, end)  # the scale word is read: "a million" is not another figure
    if currency:
        return _claim(s, start, end, value=value, kind="money", unit=currency, currency=currency,
                      qualifier=qualifier or "exact")
    metric, unit, noun_end = _after_metric(s, end)
    if metric is None:
        nm = _EN_NOUN_RE.match(text, end) if s.family == "en" else None
        unit = nm.group("noun").strip() if nm else None
    elif not _kind_fits(_vocab()[metric].kind, "count"):
        metric = None
    return _claim(s, start, noun_end if metric else end, value=value, kind="count", unit=unit, metric=metric,
                  qualifier=qualifier or "exact")


def _fraction_claim(s: _Sentence, m: re.Match, out: list[Claim]) -> Claim | None:
    """A share of a whole as a percent claim ("two-thirds of" -> 66.67), or half a year as a duration."""
    g = m.group
    qualifier = _qualifier_of(g("q")) if g("q") else None
    start = m.start()
    if qualifier is None:
        qualifier = _bound_qualifier(s.text, start)  # 不多於項目總成本的三分之一
    if g("zhalfyear"):
        return _claim(s, start, m.end(), value=0.5, kind="duration", unit="years", qualifier=qualifier or "exact")
    if g("fquarter"):
        num, den = 1.0, 4.0
    elif g("fhalf") or (g("fden") and g("fden").lower().startswith("hal")):
        num, den = (_small_number(g("fnum")) if g("fnum") else 1.0), 2.0
    elif g("fden"):
        num, den = _small_number(g("fnum")), float(_FRACTION_WORDS[g("fden").lower()])
    elif g("inn"):
        num, den = _small_number(g("inn")), _small_number(g("ind"))
        if not 0 < num < den <= 100:
            return None
    elif g("zhalf") or g("fhalfby"):
        num, den = 1.0, 2.0
    elif g("fhalfbyq"):  # "by nearly half": only after "by" and a qualifier
        if not (g("q") and _BY_BEFORE.search(s.text, max(0, start - 4), start)):
            return None
        num, den = 1.0, 2.0
    elif g("zind"):
        num, den = 1.0, _zh_small(g("zind"))
        if not den or den < 2:
            return None
    else:
        num, den = _zh_small(g("zfn")), _zh_small(g("zfd"))
        if not num or not den or (num >= den and den < 100):
            return None
    end = m.end()
    if g("fden") or g("fhalf") or g("fquarter"):
        scaled = _FRACTION_SCALE.match(s.text, end)
        if scaled:  # "half a million", "a quarter million", "three quarters of a billion dollars": an amount
            whole = _WHOLE_AND.search(s.text, max(0, start - 24), start) if start and g("fnum") else None
            if whole:  # "one and a half million": the whole number is part of it, not a figure of its own
                num += _small_number(whole.group("w")) * den
                start = whole.start()
                qm = _qualifier_before_re().search(s.text, max(0, start - 30), start)
                if qm and not qualifier:  # "about one and a half million"
                    qualifier, start = _qualifier_of(qm.group("q")), qm.start()
                if out and out[-1].text == whole.group("w") and out[-1].kind == "count":
                    out.pop()
            return _scaled_fraction(s, start, scaled, num / den * EN_SCALES[scaled.group("sc").lower()], qualifier)
    half_a = re.match(r"[ ]+(?i:a|an)[ ]+(?P<u>year|month|week|day|hour)s?\b", s.text[end:end + 12])
    if half_a and den == 2 and num == 1:
        return _claim(s, start, end + half_a.end(), value=0.5, kind="duration", unit=half_a.group("u") + "s",
                      qualifier=qualifier or "exact")
    return _claim(s, start, end, value=num / den * 100, kind="percent", unit="percent",
                  qualifier=qualifier or "exact")


def _year_metric(sentence: str, start: int, family: str) -> str | None:
    """sentence: as the family's matchers search it (folded for English)."""
    mt = matchers(family)
    bm = mt.before.search(sentence, max(0, start - 40), start)
    if bm:
        key = key_for(bm.group("phrase"), mt.before_keys)
        if key and _vocab()[key].kind == "year":
            return key
    return None


def _qualifier_of(q: str) -> str | None:
    word = _SPACES.sub(" ", q.strip())
    return _QUAL_OF.get(word.lower()) or _QUAL_OF.get(word)


# ------------------------------------------------------------------ reading one number
# A number is read in steps, each a small resolver with one job, in this order: the number itself (and what
# rules it out as a name or an ordinal), the currency written before it, the qualifier before it, what follows
# it (N+, N多, a currency after it, a scale after a code), the measure word or unit, whether it counts at all,
# a qualifier after it, its kind, and the metric with its counted noun. Each step reads and writes `_Reading`.

class _Reading:
    __slots__ = ("m", "s", "value", "kind", "approx", "scaled", "words", "start", "core_start", "core_end", "pos",
                 "q", "qualifier", "currency", "measure", "measure_start", "unit", "metric",
                 "text_end", "amount_end", "is_zh", "family", "plus", "claim", "end", "cur", "dig", "esc", "zh", "pct",
                 "q_written", "match_start")

    def __init__(self, s: _Sentence, m: re.Match, value, kind, approx, scaled, words, cur, dig, esc, zh, pct, zc,
                 q_written):
        self.s, self.m = s, m
        self.value, self.kind, self.approx, self.scaled, self.words = value, kind, approx, scaled, words
        self.core_start, self.core_end = m.span("core")
        # the match's groups the steps ask about (read by _read in one call)
        self.cur, self.dig, self.esc, self.zh, self.pct, self.q_written = cur, dig, esc, zh, pct, q_written
        self.start = self.match_start = m.start()
        self.pos = self.core_end
        self.q = self.qualifier = self.currency = self.measure = self.unit = None
        self.metric = None
        self.measure_start = self.text_end = self.amount_end = self.core_end
        self.is_zh = self.zh is not None or bool(zc)
        text, core_end = s.text, self.core_end
        # _is_cjk(text, core_end), inline
        self.family = "zh" if self.is_zh or (core_end < len(text) and "\u3400" <= text[core_end] <= "\u9fff") else s.family
        self.plus = False
        self.claim = None
        self.end = self.core_end


def _read(s: _Sentence, m: re.Match) -> _Reading | None:
    # the groups of value_of_match and of _Reading, read in one call
    g = m.group
    dig, zc, esc, mix, eneg, dozen, pct, pctpre, cur, zh, q = g("dig", "zc", "esc", "mix", "eneg", "dozen", "pct",
                                                                "pctpre", "cur", "zh", "q")
    parsed = value_of_groups(g, dig, zc, esc, mix, eneg, dozen, pct, pctpre)
    if parsed is None:
        return None
    r = _Reading(s, m, *parsed, cur, dig, esc, zh, pct, zc, q)
    # the steps of _STEPS in turn, called directly (a loop over them cost more than most of them do); only
    # _resolve_kind decides a whole claim (a year)
    if not (_resolve_number(r) and _resolve_currency_before(r) and _resolve_qualifier_before(r) and _resolve_after(r)
            and _resolve_measure(r) and _resolve_counts(r) and _resolve_kind(r)):
        return None
    if r.claim is not None:
        return r
    if not _resolve_metric(r):
        return None
    # _claim(...) written out: most claims are made here, and its keyword packing cost a third of the Claim's making
    context, offset = _context(s.text, r.start, r.text_end)
    r.claim = Claim(value=r.value, kind=r.kind, qualifier=r.qualifier or "exact", unit=r.unit, currency=r.currency,
                    metric=r.metric, text=s.text[r.start:r.text_end].strip(), sentence=context, section=s.section,
                    start=offset)
    r.end = r.text_end
    return r


def _resolve_number(r: _Reading):
    """Rule out names and ordinals (COP28, H5N1, 5G, 3D, 15th) and numbers already read with the last amount."""
    s, text = r.s, r.s.text
    if r.core_start < s.consumed_end:
        return False  # already read as part of the previous claim ("75 USD million")
    before_char = text[r.core_start - 1] if r.core_start > 0 else ""
    after_char = text[r.core_end] if r.core_end < len(text) else ""
    if not r.cur and before_char.isascii() and before_char.isalpha():
        return False
    if (after_char.isascii() and after_char.isalpha() and not r.words and not r.esc and not r.pct
            and text[r.core_end:r.core_end + 3] not in _CURRENCY_CODES):
        return False
    if before_char == "#" or (before_char == "-" and r.core_start > 1 and text[r.core_start - 2].isalpha()):
        return False
    if before_char == "(" and after_char == ")" and not r.cur:
        # "the US (47), the UK (35)": counts after list items, when there are two or more and no stock code near
        numbers = [int(n) for n in _PAREN_COUNTS.findall(text)]
        if len(numbers) < 2 or numbers == list(range(1, len(numbers) + 1)) or _STOCK_WORDS.search(text):
            return False
    return True


def _resolve_currency_before(r: _Reading):
    """HK$, US$, RMB, 港幣 ... before the number; a bare $ is the sentence's dollar."""
    if r.cur and r.m.start("cur") < r.s.consumed_end:
        r.start = r.core_start  # the previous amount's currency ("4人民币5美元"), not this one's
    elif r.cur:
        r.currency = _currency_of_prefix(r.cur.strip(), r.s.dollar)
    if r.dig and r.esc in ("m", "G") and not r.currency:
        return False  # "5m" is five metres and "5G" a network, unless it is money
    return True


def _resolve_qualifier_before(r: _Reading):
    """"more than", 逾, "no more than" ... just before the number (or its currency). "a total of" and 共 say
    nothing a qualifier after the number cannot override ("共有兩萬多名" is over 20,000)."""
    r.q = r.q_written if r.start == r.match_start else None
    if r.q:
        r.qualifier = _qualifier_of(r.q)
        if r.qualifier == "exact":
            r.qualifier = None
    if r.approx:
        r.qualifier = r.qualifier or "over"
    if not r.qualifier:
        r.qualifier = _bound_qualifier(r.s.text, r.start)
    return True


def _bound_qualifier(text: str, start: int) -> str | None:
    """The qualifier of a ceiling, floor or estimate named a few words before `start` (_BOUND_NOUN_BEFORE)."""
    if not start or _BOUND_TRIGGER_SCAN.search(text, max(0, start - 40), start) is None:
        return None
    bound = _BOUND_NOUN_BEFORE.search(text, max(0, start - 40), start)
    if bound is None:
        return None
    if bound.group("floor") or bound.group("zfloor"):
        return "at_least"
    return "about" if bound.group("zabout") else "up_to"


def _resolve_after(r: _Reading):
    """N+ (at least), N多 (over), then a currency after the number and a scale after a currency code."""
    text = r.s.text
    pm = _PLUS_RE.match(text, r.pos)
    if pm and r.kind == "number":
        if pm.group(0) == "+":
            r.qualifier = r.qualifier or "at_least"
            r.pos, r.plus = pm.end(), True
        elif pm.group("zhmore") and (r.is_zh or r.dig):
            if _MEASURE_RE.match(text, pm.end()) or _CUR_SUFFIX_RE.match(text, pm.end()):
                r.qualifier = r.qualifier or "over"
                r.pos = pm.end()
    cm = _CUR_SUFFIX_RE.match(text, r.pos)
    # "3 dollars 50 cents", 五元三毛, "10 $ 30 cent": the smaller unit after the currency belongs to this amount
    minor = _minor_amount(text, cm.end()) if cm and r.kind == "number" and not r.scaled else None
    if (cm and not minor and not cm.group("curs") and _NUMBER_NEXT.match(text, cm.end())
            and (r.currency or cm.group("cursym") or not text[cm.end()].isspace())):
        # "$ 20,000.00 $ 37,305.97", "3 USD50 cards": a sign, or a code touching the next amount, is that
        # amount's prefix; a spaced code stays this one's suffix when it has no currency yet ("10 rmb 20 usd").
        cm = None
    if cm and (cm.group("centzh") == "仙" and not r.dig or r.scaled and text[cm.start()] == "-"):
        cm = None  # 八仙 is no amount; "a billion-dollar industry" is a manner of speaking
    if cm and r.kind == "number":
        code = _currency_of_suffix(cm, r.s, r.currency)
        if cm.group("centzh") or cm.group("centen"):
            r.value /= 100
        if code is not None or cm.group("curs"):
            r.currency = r.currency or code
        r.pos = cm.end()
        if minor:
            r.value, r.pos = r.value + minor[0], minor[1]
        sm = _SCALE_AFTER_CODE.match(text, r.pos) if (cm.group("curcode") or cm.group("cursen")) and not minor else None
        if sm and not r.scaled:
            word = sm.group("scale").lower()
            r.value, r.scaled = r.value * EN_SCALES.get(word, EN_ABBREV.get(word, 1)), True
            r.pos = sm.end()
    r.amount_end = r.s.consumed_end = r.pos
    return True


def _currency_of_suffix(cm: re.Match, s: _Sentence, currency: str | None) -> str | None:
    if cm.group("curs"):
        word = cm.group("curs")
        if word.startswith("元人"):
            return "CNY"
        code = _CUR_SUFFIX[word]
        return s.yuan_at(cm.start()) if code is None else code
    if cm.group("curcode"):
        return _CUR_PREFIX[cm.group("curcode").lower()]
    cent = cm.group("centzh") or cm.group("centen")
    if cent:  # 仙 is Hong Kong's word for a cent
        word = cent.lower()
        if "美" in word or word.startswith("u"):
            return "USD"
        return "HKD" if "港" in word or word.startswith("h") or word == "仙" else (currency or s.dollar)
    if cm.group("cursym"):
        return _currency_of_prefix(cm.group("cursym"), s.dollar)
    code = _CUR_SUFFIX.get(_SPACES.sub(" ", cm.group("cursen").lower()))
    return (currency or s.dollar) if code == "$" else code


def _resolve_measure(r: _Reading):
    """A Chinese measure word (間, 名, 平方米, 倍, 星期) or an English unit (sq m, years, times) after a count."""
    text = r.s.text
    r.measure_start = r.pos
    if r.kind != "number" or r.currency:
        return True
    mm = _MEASURE_RE.match(text, r.pos)
    if mm and (r.is_zh or r.dig or r.zh) and _is_cjk(text, mm.start("mw")):
        r.measure, r.pos = mm.group("mw"), mm.end()
    elif r.family == "en":
        um = _EN_UNIT_RE.match(text, r.pos)
        if um:
            r.measure = _SPACES.sub(" ", um.group("unit").lower().replace(".", " ").strip())
            r.pos = um.end()
    return True


def _resolve_counts(r: _Reading):
    """Whether the number is a figure at all: bare Chinese numerals need a measure word, a currency or a scale
    (三間, 二十億元, 七成); 一 before a measure word is an article; English number words count only before a
    noun or a unit ("three modern InnoParks", "one minute"), or where the noun is in the sentence ("five of
    the 12"), never "one of"."""
    text = r.s.text
    if r.zh is not None and not (r.measure or r.currency or r.kind == "percent" or r.q):
        if not (r.scaled and len(r.zh.strip()) >= 2) and not _ZH_RANGE_NEXT.match(text, r.pos):
            return False
    if r.zh is not None and r.value == 1 and not r.q and not r.currency and r.measure not in _DURATION_ZH:
        return False
    if r.words:
        unit = r.measure is not None
        after_char = text[r.core_end:r.core_end + 1]
        if r.value < 1 or (r.value == 1 and not r.currency and not (unit and _DURATION_WORD.match(r.measure))):
            return False
        if after_char == "-" and not unit and not r.currency:
            return False
        if (not r.currency and r.kind == "number" and not unit and not _EN_NOUN_RE.match(text, r.pos)
                and not _WORD_COUNTS_BEFORE.match(text, r.pos)):
            return False
    am = _AT_LEAST_AFTER.match(text, r.pos)
    if am:
        r.qualifier = r.qualifier or ("at_least" if am.group("ormore") or am.group("yishang").endswith("以上")
                                      else "over")
        r.pos = am.end()
    return True


def _resolve_kind(r: _Reading):
    """count, money, percent, area, duration, ratio; a four-digit number alone is a year."""
    text, measure = r.s.text, r.measure
    if r.kind == "number":
        r.kind = "count"
    if r.currency:
        r.kind = "money"
    area_unit = None
    if measure:
        area_unit = _AREA_UNITS.get(measure) or (_AREA_UNITS.get(measure[:-1]) if measure.endswith("s") else None)
    if area_unit:
        r.kind, r.unit = "area", area_unit
    elif measure == "倍" or (measure == "times" and (_TIMES_RATIO_AFTER.match(text, r.pos) or _TIMES_RATIO_BEFORE.search(
            text, max(0, r.start - 16), r.start))):
        r.kind, r.unit = "ratio", "times"
    elif measure == "times":
        r.unit = "times"
    elif measure in _DURATION_ZH or (measure and _DURATION_WORD.match(measure)):
        r.unit = _DURATION_ZH.get(measure) or (measure if measure.endswith("s") else measure + "s")
        r.kind = "duration"
    if r.kind == "duration" and r.q and r.q.strip().lower() == "over":
        r.qualifier = None  # "over three years" is a period, not more than three
    if r.kind == "duration" and not r.q:
        if r.value == 1 and not r.dig and _ONE_PERIOD_BEFORE.search(text, max(0, r.start - 10), r.start):
            return False  # "the past year", "within one year", 過去一年, 同一年度
        if _WITHIN_DEADLINE.search(text, max(0, r.start - 24), r.start) or (
                r.family == "zh" and _ZH_DEADLINE_AFTER.match(text, r.pos)):
            r.qualifier = "up_to"
        if _PERIOD_WINDOW_BEFORE.search(text, max(0, r.start - 20), r.start):
            return False
    # ---- a year: "in 2024", "grew 18% over 2022"
    if (r.kind == "count" and not r.scaled and r.dig and _YEAR_DIGITS.fullmatch(r.dig) and not measure
            and not r.plus):
        compared = r.q and r.q.strip().lower() in ("over", "above") and _YEAR_COMPARED_AFTER.match(text, r.pos)
        if compared or (not r.q and not _GENERIC_COUNT_NOUNS.match(text, r.pos)
                        and not _after_metric(r.s, r.pos, "en")[0]):
            start = r.core_start
            r.claim = _claim(r.s, start, r.core_end, value=r.value, kind="year",
                             metric=_year_metric(r.s.folded, r.m.start(), "en"))
            return True
    # ---- a ratio: "every HK$1 invested ... attracted HK$19"
    every_one = r.s.every_one if r.kind == "money" else None
    if every_one:
        if r.core_start < every_one.end() and r.m.end() > every_one.start():
            return False  # the HK$1 itself
        if r.m.start() >= every_one.end():
            r.kind = "ratio"
    return True


def _resolve_metric(r: _Reading):
    """The metric (from the phrase before the number, else the counted noun after it) and the unit."""
    text, vocab, kind, family = r.s.text, _vocab(), r.kind, r.family
    mt = matchers(family)
    bm = mt.before.search(r.s.folded, max(0, r.start - 48), r.start)
    if bm:
        key = key_for(bm.group("phrase"), mt.before_keys)
        if key and _kind_fits(vocab[key].kind, kind):
            r.metric = key
    pos = r.pos
    text_end = pos
    noun_key, noun, noun_end = _after_metric(r.s, r.measure_start) if r.measure else (None, None, pos)
    if noun_key is None or noun_end < pos:
        noun_key, noun, noun_end = _after_metric(r.s, pos)
    if noun_key:
        if r.metric is None and _kind_fits(vocab[noun_key].kind, kind):
            r.metric = noun_key
        if kind in ("count", "money", "percent", "ratio") or noun_key == r.metric:
            r.unit = r.unit or noun
            text_end = max(text_end, noun_end)
    elif kind == "count" and family == "en":
        nm = _EN_NOUN_RE.match(text, pos)
        if nm:
            r.unit = r.unit or nm.group("noun").strip()
            text_end = nm.end("noun") - (len(nm.group("noun")) - len(nm.group("noun").rstrip()))
    if kind == "ratio" and r.unit != "times":
        r.metric = "co_investment_ratio" if r.s.invest else r.metric
        r.unit = f"per {r.currency or ''}1".replace("HKD", "HK$").replace("USD", "US$")
    if kind == "percent":
        r.unit = "percent"
    if kind == "money" and not r.unit:
        r.unit = r.currency
    if family == "zh" and r.measure and not r.unit and kind == "count":
        zm = _ZH_NOUN_RE.match(text, pos)
        r.unit = r.measure + (zm.group(0) if zm else "")
        text_end = max(text_end, zm.end() if zm else pos)
    # another subject: "18 unicorns in Hong Kong", 全港有…
    if r.metric and vocab[r.metric].other_subject:
        if _OTHER_SUBJECT_AFTER.match(text, noun_end if noun_key else pos) or _OTHER_SUBJECT_BEFORE.search(
                text, max(0, r.start - 40), r.start):
            r.metric = vocab[r.metric].other_subject
    am = _AT_LEAST_AFTER.match(text, text_end)
    if am and not r.qualifier:
        r.qualifier = "at_least" if am.group("ormore") or am.group("yishang").endswith("以上") else "over"
        text_end = am.end()
    if family == "zh" and text.startswith("左右", text_end):
        r.qualifier = r.qualifier or "about"
        text_end += 2
    r.text_end = text_end
    return True


# the order in which _read calls the steps (by name, one after the other)
_STEPS = (_resolve_number, _resolve_currency_before, _resolve_qualifier_before, _resolve_after, _resolve_measure,
          _resolve_counts, _resolve_kind, _resolve_metric)


def _currency_of_prefix(raw: str, dollar: str) -> str:
    key = raw.replace("\\", "").replace(" ", "").lower()
    if key == "$":
        return dollar
    return _CUR_PREFIX.get(key) or _CUR_PREFIX.get(raw.strip()) or dollar


def _bare_number(digits: str | None) -> float | None:
    """The value of a plain digit string ("1,200.5"), or None."""
    if not digits:
        return None
    try:
        return float(digits.replace(",", ""))
    except ValueError:
        return None


def _kind_fits(metric_kind: str, kind: str) -> bool:
    if metric_kind == kind:
        return True
    return metric_kind == "duration" and kind == "count" or metric_kind == "count" and kind == "duration"


def _after_metric(s: _Sentence, pos: int, family: str | None = None) -> tuple[str | None, str | None, int]:
    """(metric key, the counted noun as written, where it ends) of the vocabulary phrase at `pos`."""
    mt = matchers(family or s.family)
    nm = mt.after.match(s.folded, pos)
    if not nm:
        return None, None, pos
    phrase = s.text[nm.start("phrase"):nm.end("phrase")]
    return key_for(phrase, mt.after_keys), phrase, nm.end()


def _is_cjk(s: str, i: int) -> bool:
    return i < len(s) and "\u3400" <= s[i] <= "\u9fff"
