"""Whose figure a claim is, what kind of figure, and as of when: `subject`, `scope` and `as_of`.

A claim is read from its sentence (`Claim.sentence`, the figure at `Claim.start`). Each resolver below owns one
rule and returns one value; `resolve_context` applies them in order (a year is not a count, subject, the metric
the subject completes, scope, as-of). The rules, in words:

- subject: the organisation or site the figure belongs to. A body named right after the figure by "in", "at",
  "to", 進駐, 位於 ("over 1,100 companies in the Science Park") owns it; else the nearest body named before it in
  the sentence ("Cyberport is home to ..."); a place (Hong Kong) only as a subject ("Hong Kong has ...") or
  after the figure; HKSTP's sites named together are HKSTP, two organisations named together neither alone
  (`other`). A named body the vocabulary does not know is `other`. Where the sentence names none, the press
  room's own organisation (`organisation`) owns it, and the About paragraph is always that organisation; with no
  organisation given (a bare text), null.
- scope: `history` for a past figure given for comparison ("up from 600 in 2018", 較2018年的600間, "since 2002,
  when ...", or a figure dated over HISTORY_AFTER_DAYS before its release); `target` for an aim, plan or forecast
  in the figure's clause ("aims to", "will", "by 2026", 目標, 預計, 將; in Chinese the sentence up to the figure),
  unless the figure is had now ("a Park that is now home to ..."); `event` for a figure of one event named
  anywhere in its sentence up to what someone said (delegation, expo, competition, graduating class, survey,
  signing, "led 24 companies to"), or an increment ("another 100", "120 new companies"); else `standing`. The
  About paragraph is standing. A headline repeats the body's scope (`align_release`). What an organisation named
  right before is said to have, set off by a comma or brackets ("The Science Park, home to over 1,200 companies,
  hosted the forum", 香港科學園（現有逾1,200間科技公司進駐）, 科技園公司，其轄下園區匯聚逾2,000家科技公司), stands
  whatever event the sentence names, and so does a Chinese description before the organisation it describes
  (匯聚逾1,200家科技公司的香港科學園今日舉辦論壇: the Science Park's, `_prenominal`); a source
  named before a standing metric's figure ("According to the survey report, ...") names no event of it. A clause
  of past time before the figure ("When the first phase opened in 2002,", 於2002年啟用時，) makes it history. In a
  release whose title names an event, a metric that is an event's by nature (vocabulary `scope="event"`: job
  openings, employers, attendees) is the event's (`event_release`).
- as_of: the date the figure describes: a date phrase in its clause ("as at end-January 2021", "in 2023",
  截至2023年9月底, "last year"), else one that opens the sentence, else one that is a clause of its own before the
  figure's ("According to the report, as at end-December 2023, ..."), else a table column's header right before it
  ("...; As at end-April 2025: Over 2,200"), else the publication date (null without one). A period ends on its
  last day; a period that has not ended by the publication date stands at the publication date (a target keeps
  its future date). A figure said to be "today", "now", "currently" (現時, 目前) is as of the publication date
  whatever date its sentence names, and so is the second figure of "from 600 in 2017 to 1,800": the year is
  the first one's.
- metric: a standing figure the vocabulary left without a metric gets one from its subject and sentence
  (`metric_of`): a park's "800 companies" are its technology companies, 科技公司超過2,200間 names its noun first;
  a table row read as a line gives its figures the metric its first cell names (`_row_label_metric`): the noun
  that opens it, or in Chinese the one that ends it (科技園公司轄下園區的科技公司), never a subset (獲資助的科技公司).

Pure: no I/O. The organisation vocabulary is data (transforms/vocab/organisations.py); `mentions(text)` gives the
keys a text names, for whoever must know whether a text speaks of HKSTP.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

# at import, not in each function: an import statement in a function costs a microsecond at every call (metric_of
# asks once a figure)
from transforms.metrics import _alternation, key_for, load_vocabulary, matchers, noun_before
from transforms.model import Claim
from transforms.numbers import fold, word_alternation

__all__ = ["resolve_context", "align_release", "event_release", "subject_of", "scope_of", "as_of_of", "metric_of", "mentions",
           "HKSTP_KEYS", "organisations"]

HKSTP = "hkstp"
OTHER = "other"


@dataclass(frozen=True, slots=True)
class Organisation:
    key: str
    kind: str  # organisation, site, place
    names: tuple[str, ...]


class Mention(NamedTuple):  # a tuple: made for every name in every sentence, where a frozen dataclass cost 4x
    key: str
    kind: str  # organisation, site, place, or unknown (a name the vocabulary does not know: subject `other`)
    start: int
    end: int


@lru_cache(maxsize=2)
def organisations(chinese: bool = True) -> dict[str, Organisation]:
    """The vocabulary by key; with chinese=True the Traditional names and their OpenCC Simplified forms too."""
    from transforms.vocab.organisations import ORGANISATIONS

    out = {}
    for item in ORGANISATIONS:
        names = list(item.get("en") or [])
        if chinese:
            from transforms.language import converter

            hant = list(item.get("zh_hant") or [])
            conv = converter("t2s")
            names += hant + list(item.get("zh_hans") or []) + [conv.convert(n) for n in hant]
        out[item["key"]] = Organisation(item["key"], item["kind"], tuple(dict.fromkeys(names)))
    return out


HKSTP_KEYS = frozenset({"hkstp", "hkstp/science-park", "hkstp/innocentre", "hkstp/innoparks", "hkstp/shenzhen"})


def _is_abbreviation(name: str) -> bool:
    return name.isascii() and any(ch.isupper() for ch in name[1:]) and " " not in name


@lru_cache(maxsize=2)
def _name_table(chinese: bool) -> tuple[re.Pattern, re.Pattern, dict[str, tuple[str, str]]]:
    """(a pattern of every name but the abbreviations, lower-case, to search the folded text; a pattern of the
    abbreviations (HKSTP, ITC), which match in their own case only, less the test of the letter before them that
    `_abbreviations` makes; lower-cased name -> (key, kind)). Both are tries (numbers.word_alternation): a plain
    alternation of a hundred names cost more than the claims' grammar."""
    table: dict[str, tuple[str, str]] = {}
    for org in organisations(chinese).values():
        for n in org.names:
            table.setdefault(re.sub(r"[ ]+", " ", n.lower()), (org.key, org.kind))
    names = {n for o in organisations(chinese).values() for n in o.names}
    abbreviations = [n for n in names if _is_abbreviation(n)]
    words = [n.lower() for n in names if not _is_abbreviation(n)]
    lower = re.compile(rf"(?<![a-z]){word_alternation(words, ignore_case=False)}(?![a-z])")
    caps = re.compile(rf"{word_alternation(abbreviations, ignore_case=False)}(?![A-Za-z])")
    return lower, caps, table


def _known_names(text: str, chinese: bool) -> list[tuple[int, int]]:
    """Spans of known names, leftmost first, the longest where two start together, none overlapping."""
    lower, caps, _ = _name_table(chinese)
    names = [m.span() for m in lower.finditer(fold(text))]
    abbreviations = _abbreviations(text, caps)
    if not abbreviations or not names:  # one pattern's matches: already in order and apart
        return names or abbreviations
    spans = sorted(names + abbreviations, key=lambda se: (se[0], -se[1]))
    out: list[tuple[int, int]] = []
    for se in spans:
        if not out or se[0] >= out[-1][1]:
            out.append(se)
    return out


def _abbreviations(text: str, caps: re.Pattern) -> list[tuple[int, int]]:
    """The spans finditer of (?<![A-Za-z]) + caps gives: the pattern without that opening test searches by its
    first letters (a few capitals) where the test, tried at every position, made it step through all; a match
    after a letter is none of the full pattern's, whose next match may start one position on."""
    out = []
    pos = 0
    while (m := caps.search(text, pos)) is not None:
        p = m.start()
        if p and text[p - 1] in _ASCII_LETTERS:
            pos = p + 1
            continue
        out.append(m.span())
        pos = m.end()
    return out


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# a name the vocabulary does not know, by its form: "Acme Robotics Limited", "park company Blue Owl", 雲端科技有限公司
_UNKNOWN_EN = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][\w&.'\-]*[ ]+){1,4}(?:Ltd\.?|Limited|Inc\.?|Group|Holdings|Technologies|Robotics|Biotech"
    r"|Therapeutics|Labs?|Laboratories|University|Association|Council|Foundation|Bank|Corporation|Alliance|Institute"
    r"|Capital|Ventures|Pharma|Pharmaceuticals|Medical|Systems|Solutions|Co\.)(?![A-Za-z])"
    r"|(?<![A-Za-z])(?i:park[ ]+company|start-?up|partner|incubatee|tenant|portfolio[ ]+company)[ ]+"
    r"(?:[A-Z][\w&.'\-]*)(?:[ ]+[A-Z][\w&.'\-]*)*"
)
# the words every unknown English name holds; the name pattern runs only where one of them is
_UNKNOWN_HINT = re.compile(r"Ltd|Limited|Inc|Group|Holdings|Technologies|Robotics|Biotech|Therapeutics|Lab|University"
                           r"|Association|Council|Foundation|Bank|Corporation|Alliance|Institute|Capital|Ventures|Pharma"
                           r"|Medical|Systems|Solutions|Co\.|(?i:park[ ]+company|start-?up|partner|incubatee|tenant"
                           r"|portfolio[ ]+company)[ ]+[A-Z]")
_UNKNOWN_ZH = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:有限公司|集團|集团|大學|大学|學院|学院|協會|协会|基金會|基金会|銀行|银行"
                         r"|研究院|研究所|聯盟|联盟|商會|商会|實驗室|实验室)")
_CJK = re.compile(r"[\u3400-\u9fff]")
# the words every unknown Chinese name ends with (_UNKNOWN_ZH runs only where one is)
_UNKNOWN_ZH_ENDS = ("有限公司", "集團", "集团", "大學", "大学", "學院", "学院", "協會", "协会", "基金會", "基金会", "銀行", "银行",
                    "研究院", "研究所", "聯盟", "联盟", "商會", "商会", "實驗室", "实验室")
# _UNKNOWN_HINT in two: its case-sensitive words (a fast scan), and its case-blind ones, asked by substrings where
# _plain_lower allows
_UNKNOWN_HINT_CASED = re.compile(r"Ltd|Limited|Inc|Group|Holdings|Technologies|Robotics|Biotech|Therapeutics|Lab"
                                 r"|University|Association|Council|Foundation|Bank|Corporation|Alliance|Institute|Capital"
                                 r"|Ventures|Pharma|Medical|Systems|Solutions|Co\.")
_UNKNOWN_HINT_BLIND = re.compile(r"(?i:park[ ]+company|start-?up|partner|incubatee|tenant|portfolio[ ]+company)[ ]+[A-Z]")
_UNKNOWN_HINT_WORDS = ("company", "start", "partner", "incubatee", "tenant")
_SPACES = re.compile(r"[ ]+")


def _unknown_hint(text: str) -> bool:
    """Whether _UNKNOWN_HINT finds anything in text."""
    if _UNKNOWN_HINT_CASED.search(text) is not None:
        return True
    low = _plain_lower(text)
    if low is not None and not _holds_any(low, _UNKNOWN_HINT_WORDS):
        return False
    return _UNKNOWN_HINT_BLIND.search(text) is not None


def _mentions_in(text: str) -> list[Mention]:
    """Every known name (and every unknown name by its form) in `text`, in order, none overlapping."""
    chinese = _CJK.search(text) is not None
    table = _name_table(chinese)[2]
    found: list[Mention] = []
    for start, end in _known_names(text, chinese):
        name = text[start:end]
        key, kind = table[(_SPACES.sub(" ", name) if "  " in name else name).lower()]
        if key == "hong-kong" and re.match(r"[ ]?(?i:dollars?|\$|cents?)", text[end:end + 8]):
            continue  # Hong Kong dollars are money, not Hong Kong's figure
        found.append(Mention(key, kind, start, end))
    unknown = list(_UNKNOWN_EN.finditer(text)) if _unknown_hint(text) else []
    if chinese and _holds_any(text, _UNKNOWN_ZH_ENDS):
        unknown += list(_UNKNOWN_ZH.finditer(text))
    for m in unknown:
        start = m.start()
        for k in found:  # a known name inside it ("Hong Kong Polytechnic University") is the known one
            if k.start < m.end() and start < k.end:
                start = max(start, k.end)
        if m.end() - start >= 2 and not any(k.start <= start < k.end for k in found) and not (
                any(k.start < m.end() <= k.end for k in found)):
            found.append(Mention(OTHER, "unknown", start, m.end()))
    return sorted(found, key=lambda x: x.start)


@lru_cache(maxsize=256)
def _sentence_mentions(s: str) -> tuple[Mention, ...]:
    """_mentions_in, once per sentence text: the About paragraph repeats in every release."""
    return tuple(_mentions_in(s))


def mentions(text: str) -> set[str]:
    """The subject keys of the organisations and places `text` names ("HKSTP", 科學園, "Cyberport"), without `other`.

    >>> sorted(mentions("香港科學園與數碼港合作"))
    ['cyberport', 'hkstp/science-park']
    """
    if not text:
        return set()
    return {m.key for m in _mentions_in(text) if m.kind != "unknown"}


# ------------------------------------------------------------------ subject
# a body named after the figure owns it when joined by these ("over 1,100 companies in the Science Park")
_OWNER_AFTER = re.compile(
    r"(?:(?<![A-Za-z])(?<!(?i:according)[ ])(?i:in|at|to|into|within|across|throughout|of|on)"
    r"(?:[ ]+(?i:the|its|their|our|HKSTP's))?"
    r"|進駐|进驻|位於|位于|落戶|落户|在|於|于)[ ]*$")
# a place owns a figure only as the subject of a verb of having ("Hong Kong has", 全港有) or right before it
_PLACE_HAS = re.compile(
    r"[ ]*(?:'s[ ]*$|(?i:as[ ]+a[ ]+whole[ ]+)?(?i:now[ ]+|currently[ ]+|already[ ]+)?(?i:has|have|had|is[ ]+home[ ]+to|was[ ]+home[ ]+to"
    r"|boasts|counts|houses|hosts|recorded|saw|attracted|registered)\b|(?:現有|现有|共有|已有|擁有|拥有|錄得|录得|有))")
_LIST_JOIN = re.compile(r"^(?:[ ]*(?:,|、|及|和|與|与|(?i:and)|(?i:its)|(?i:the)|(?i:as[ ]+well[ ]+as))[ ]*)+$")
_CLAUSE_MARK = re.compile(r"[,;:，；：。!?！？]")


def subject_of(claim: Claim, organisation: str | None = None, found: Sequence[Mention] | None = None) -> str | None:
    """Whose figure the claim is (see the module's rules). `organisation`: the press room's own, the default."""
    if claim.section == "about" and organisation:
        return organisation
    s = claim.sentence
    start, end = claim.start, claim.start + len(claim.text)
    found = _mentions_in(s) if found is None else found
    described = _prenominal(s, start, end, found)
    if described is not None:  # 匯聚逾1,200家科技公司的香港科學園
        return _subject_key(described, found, s)
    clause_end = _CLAUSE_MARK.search(s, end)
    limit = clause_end.start() if clause_end else len(s)
    for m in found:  # after the figure, joined to it
        if end <= m.start < min(limit, end + 60) and not re.search(r"\d", s[end:m.start]) and _OWNER_AFTER.search(
                s[end:m.start]):
            return _subject_key(m, found, s)
    before = [m for m in found if m.end <= start]
    for m in reversed(before):
        if m.kind == "place" and not (_PLACE_HAS.match(s, m.end) or start - m.end <= 3):
            continue
        return _subject_key(m, found, s)
    return organisation


def _subject_key(m: Mention, found: Sequence[Mention], s: str) -> str:
    if m.kind == "unknown":
        return OTHER
    # named together: "the Science Park, InnoCentre and InnoParks" are HKSTP; "HKSTP and Cyberport together" is
    # a figure of neither alone (other)
    i = found.index(m)
    for other in (found[i - 1] if i > 0 else None, found[i + 1] if i + 1 < len(found) else None):
        if other is None or other.kind not in ("site", "organisation") or m.kind not in ("site", "organisation"):
            continue
        if other.key == m.key:
            continue
        gap = (other.end, m.start) if other.start < m.start else (m.end, other.start)
        if gap[1] - gap[0] <= 12 and _LIST_JOIN.match(s[gap[0]:gap[1]] or ","):
            return HKSTP if other.key in HKSTP_KEYS and m.key in HKSTP_KEYS else OTHER
    return m.key


# ------------------------------------------------------------------ scope
_HISTORY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?i:up|down|rising|rose|risen|grew|grown|growing|increased|increasing|jumped|climbed|surged"
    r"|fell|fallen|dropped|expanded|doubled|tripled|compared)(?:[ ]+[a-z]+){0,3}?[ ]+(?i:from|with)"
    r"|(?<![A-Za-z])(?i:compared[ ]+(?:with|to)|versus|vs\.?|as[ ]+against))[ ]+(?:(?i:the|a|an|just|only)[ ]+)?$"
    r"|(?:較|较|相比|對比|对比|由|從|从|比)(?:(?:19|20)\d\d[ ]*年(?:底|初|中|\d{1,2}月(?:底)?)?|去年|前年|上年|上一年)?(?:的|時的|时的)?[ ]*$")
_TARGET_WORDS = [
    "aim to", "aims to", "aiming to", "aimed to", "aim of", "target", "targets", "targeted", "targeting", "goal",
    "will", "would", "shall", "expect to", "expects to", "expected", "plan to", "plans to", "planned", "planning",
    "forecast", "forecasts", "forecasted", "projected", "project to", "projects to", "intend to", "intends to",
    "seek to", "seeks to", "commit to", "commits to", "committed to", "pledge", "pledged", "pledges", "is set to",
    "are set to", "estimated to", "anticipate", "anticipated", "going to", "strive to", "strives to", "envisage",
    "envisages", "envisaged", "envisaging", "to reach", "to attract", "to bring in", "next year", "the coming year",
    "in the coming"]
# searched in the folded sentence, like the event words
_TARGET_EN = re.compile(rf"(?<![a-z]){word_alternation(_TARGET_WORDS, ignore_case=False)}(?![a-z])")
_TARGET_ZH = re.compile(r"來年|来年|明年|下年|目標|目标|預計|预计|預期|预期|將(?!近|軍)|将(?!近|军)|擬|拟|力爭|力争|期望|有望|爭取|争取|承諾|承诺"
                        r"|計劃(?=於|于|在|到|將|将|引|吸|招|增|擴|扩|建|投|新|興|兴|提|於|達|达)"
                        r"|计划(?=於|于|在|到|將|将|引|吸|招|增|擴|扩|建|投|新|興|兴|提|達|达)")
# what every comparison before a figure holds: the history pattern runs only where one of these is
_COMPARISON_HINT = re.compile(r"(?i:from|with|versus|vs|against)|較|较|比|由|從|从")
# what every date phrase holds: the date patterns run only on a clause with one
# (every branch opens with one character, so a search skips to where one stands: y and m take no other letter
# case-blind, so y(?i:ear)|Y(?i:ear) is (?i:year))
_DATE_HINT = re.compile(r"19\d\d|20\d\d|y(?i:ear)|Y(?i:ear)|m(?i:onth)|M(?i:onth)|去年|今年|上年|上月|上個月|上个月")
_PAST_WHEN = re.compile(r"(?:19|20)\d\d(?:[ ]*,?[ ]*(?i:when|at[ ]+which[ ]+time|back[ ]+then)(?![A-Za-z])"
                        r"|[ ]*年(?:時|时))")  # the year both branches open with, once: a search skips to a 1 or 2
# "When the first phase opened in 2002, about 100 companies moved in", 科學園第一期於2002年啟用時，約有100間公司進駐:
# a clause of past time right before the figure's (anchored at its comma)
_PAST_TIME_CLAUSE = re.compile(
    r"(?:(?<![A-Za-z])(?i:when|by[ ]+the[ ]+time|at[ ]+the[ ]+time)[ ]+[^,;:.]{0,80}?(?P<y>(?:19|20)\d\d)"
    r"[^,;:.\d]{0,30}|(?P<zy>(?:19|20)\d\d)[ ]*年[^，。；,;\d]{0,16}?(?:時|时|之時|之时|之際|之际))[ ]*[,，][ ]*$")
# an organisation described in passing: "The Science Park, home to more than 1,200 companies, hosted the forum",
# "HKSTP, whose parks house over 2,000 companies, ...", 香港科學園（現有逾1,200間科技公司進駐）: what it has is
# its standing figure, whatever event the sentence is about
_APPOSITIVE_OPENER = re.compile(
    r"[ ]*(?:(?i:which|that)[ ]+(?i:is|was|are)[ ]+(?:(?i:now|currently)[ ]+)?(?i:home[ ]+to)"
    r"|(?:(?i:now|currently)[ ]+)?(?i:home[ ]+to)"
    r"|(?i:which|that)[ ]+(?:(?i:now|currently)[ ]+)?(?i:houses?|hosts?|has|have|accommodates?|brings[ ]+together)"
    r"|(?i:whose)[ ]+[A-Za-z\- ]{1,30}?[ ]+(?:(?i:now|currently)[ ]+)?(?i:house|houses|host|hosts|have|has|accommodate"
    r"|accommodates|number|numbers|are[ ]+home[ ]+to|is[ ]+home[ ]+to|include|includes)"
    r"|(?:(?i:now|currently)[ ]+)?(?i:housing|hosting)"
    r"|(?:現有|现有|目前有|現時有|现时有|共有|擁有|拥有|匯聚|汇聚|聚集|有)"
    # 科技園公司，其轄下園區匯聚..., 其園區現有..., 旗下園區有...: "its" (其中 "among them" is not)
    r"|其(?!中|他|它|餘|余|後|后|實|实|次)|旗下|轄下|辖下|屬下|属下)(?![A-Za-z])")
_BRACKET_OPEN = re.compile(r"[(（]")
_BRACKET_CLOSE = re.compile(r"[)）]")
# where a source is named ("According to the survey report, ...", 根據調查，): its event words name no event the
# figure belongs to when the figure is a standing metric's
_SOURCE_CLAUSE = re.compile(r"(?:^|(?<=[,;:，；：]))[ ]*(?:(?i:according[ ]+to|based[ ]+on|as[ ]+shown[ ]+in|citing)"
                            r"(?![A-Za-z])|根據|根据|據|据)[^,;:，；：。]*")
# "100 university students will spend the summer": the figure is the subject of what will be
_WILL_AFTER = re.compile(r"(?:[ ]+[A-Za-z\-]+){0,3}?[ ]+(?i:will|would|are[ ]+expected[ ]+to|are[ ]+set[ ]+to|are[ ]+to)"
                         r"[ ]+(?!(?i:be[ ]+(?:on[ ]+offer|offered|shown|exhibited)))")
# "its 3 industrial estates will support ...": a figure someone has is what stands, whatever it will do
_POSSESSED = re.compile(r"(?<![A-Za-z])(?i:its|their|our|his|her)[ ]+$|'s[ ]+$|’s[ ]+$")
# "HKSTP led 24 companies to MWC": a delegation in all but name
_LED_BEFORE = re.compile(r"(?<![A-Za-z])(?i:leads?|led|leading|brings?|brought|takes?|took|sends?|sent|heads?|headed)"
                         r"[ ]+(?:(?i:a|the)[ ]+(?:[a-z\-]+[ ]+){0,2}?)?$|(?:率領|率领|帶領|带领)[^，。]{0,6}$")
_PRESENT_AFTER = re.compile(r"(?<![A-Za-z])(?i:(?:that|which|who)[ ]+(?:is|are|has|have)|now|currently|today|at[ ]+present)"
                            r"(?![A-Za-z])|現時|现时|目前|現有|现有|現已|现已")
_INCREMENT_BEFORE = re.compile(r"(?<![A-Za-z])(?i:another|additional|a[ ]+further|an[ ]+extra)[ ]+$|(?:再|新增|額外|额外)"
                               r"(?:吸引|引入|招攬|招揽)?[ ]*$")
_INCREMENT_IN = re.compile(r"(?<![A-Za-z])(?i:new|newly)[ ]+(?!(?i:york|zealand|territories)\b)|新進駐|新进驻|新加入|新增")
# where a figure's segment starts (_SEGMENT_MARK, searched in parts by _marks): a semicolon, or "said"/表示
#   [;；]|(?<![A-Za-z])(?i:said|says|noted|added|stated)(?:[ ]+that)?(?![A-Za-z])|表示|指出|透露
_TARGET_AFTER = re.compile(r"(?<![A-Za-z])(?i:expected|projected|forecast|targets?|targeted|goal|planned)(?![A-Za-z])"
                           r"|預計|预计|目標|目标")
_BY_YEAR = re.compile(r"(?<![A-Za-z])(?i:by|before)[ ]+(?:(?i:the[ ]+end[ ]+of|end-)[ ]*)?(?P<y>(?:19|20)\d\d)(?!\d)"
                      r"|(?:到|於|于|在)?(?P<zy>(?:19|20)\d\d)[ ]*年(?:底)?前")
_EVENT_WORDS = (
    "delegation delegations mission missions expo expos exhibition exhibitions exhibitor exhibitors fair fairs"
    " competition competitions contest contests challenge summit summits forum forums conference conferences"
    " roadshow roadshows showcase showcases pavilion pavilions booth booths hackathon hackathons bootcamp bootcamps"
    " ceremony ceremonies festival festivals workshop workshops seminar seminars webinar webinars tour tours visit"
    " visits visited visiting visitor visitors trip trips cohort cohorts intake intakes batch round graduation"
    " graduate graduates graduated graduating survey surveys surveyed poll polls questionnaire questionnaires"
    " respondent respondents signed signing mou mous memorandum memoranda participate participates participated"
    " participating participation participant participants attend attends attended attending attendance attendee"
    " attendees event events gala recruitment edition final finals finalist finalists semi-finalist semi-finalists"
    " entries pitch pitches pitching prize prizes champion champions championship winner winners compete competes"
    " competed competing competitor competitors celebrate celebrates celebrated celebrating celebration"
    " celebrations anniversary met meeting meetings").split() + [
    "demo day", "demo days", "class of", "took part", "taking part", "take part", "joined the", "job fair",
    "career fair", "career expo", "careers expo", "this year's", "open day"]
# searched in the folded sentence (numbers.fold): a trie of lower-case words, as the metric vocabulary does
_EVENT_EN = re.compile(rf"(?<![a-z]){word_alternation(_EVENT_WORDS, ignore_case=False)}(?![a-z])")
_EVENT_ZH = re.compile(r"代表團|代表团|考察團|考察团|訪問團|访问团|博覽|博览|展覽|展览|展會|展会|展位|展館|展馆|展區|展区|參展|参展"
                       r"|比賽|比赛|大賽|大赛|競賽|竞赛|挑戰賽|挑战赛|峰會|峰会|論壇|论坛|研討會|研讨会|會議|会议|路演|招聘會|招聘会"
                       r"|工作坊|典禮|典礼|儀式|仪式|畢業|毕业|屆|届|調查|调查|問卷|问卷|受訪|受访|簽署|签署|簽訂|签订|簽約|签约"
                       r"|參加|参加|參與|参与|出席|率領|率领|帶領|带领|訪問|访问|活動|活动|嘉年華|嘉年华|開放日|开放日|週(?!年)"
                       r"|周(?!年)|本期|今期|今屆|今届|本屆|本届|慶祝|庆祝|周年|週年|決賽|决赛|獎金|奖金|冠軍|冠军|參賽|参赛|會見|会见"
                       r"|完成培育|取錄|取录")
# where a figure's clause starts and ends: punctuation, and "said"/表示 (what follows is what was said)
_CLAUSE_START = re.compile(r"[,;:，；：。!?！？]|(?<![A-Za-z])(?i:said|says|noted|added|while|whereas|stated)(?:[ ]+that)?"
                           r"(?![A-Za-z])|表示|指出|稱|称|透露")


# _CLAUSE_START and _SEGMENT_MARK in parts, which never overlap: the clause marks (one character each; the
# semicolons among them are segment marks), the English words (costly at every position: asked only where the
# sentence holds one, see _plain_lower; all but "while" and "whereas", the two starting with w, end a segment),
# and the Chinese words (all but 稱 and 称 end a segment)
_CLAUSE_START_WORDS = ("said", "says", "noted", "added", "while", "whereas", "stated")
_CLAUSE_START_EN = re.compile(r"(?<![A-Za-z])(?i:said|says|noted|added|while|whereas|stated)(?:[ ]+that)?(?![A-Za-z])")
_CLAUSE_START_ZH = ("表示", "指出", "稱", "称", "透露")
_CLAUSE_START_ZH_RE = re.compile(r"表示|指出|稱|称|透露")


@lru_cache(maxsize=256)
def _marks(s: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Once per sentence, however many figures it holds: (where each clause start ends, where each clause mark
    starts, where each segment mark ends, where each semicolon starts)."""
    marks = [m.start() for m in _CLAUSE_MARK.finditer(s)]
    semicolons = tuple(p for p in marks if s[p] in ";；")
    clause_ends = [p + 1 for p in marks]
    segment_ends = [p + 1 for p in semicolons]
    words = len(clause_ends)
    low = _plain_lower(s)
    if low is None or _holds_any(low, _CLAUSE_START_WORDS):
        for m in _CLAUSE_START_EN.finditer(s):
            clause_ends.append(m.end())
            if s[m.start()] not in "wW":
                segment_ends.append(m.end())
    if not s.isascii() and _holds_any(s, _CLAUSE_START_ZH):
        for m in _CLAUSE_START_ZH_RE.finditer(s):
            clause_ends.append(m.end())
            if s[m.start()] not in "稱称":
                segment_ends.append(m.end())
    if len(clause_ends) > words:  # words besides the marks: in order of where they end, as one search gives them
        clause_ends.sort()
        segment_ends.sort()
    return tuple(clause_ends), tuple(marks), tuple(segment_ends), semicolons


def _clause(s: str, start: int, end: int) -> tuple[int, int]:
    clause_ends, clause_marks, _, _ = _marks(s)
    i = bisect_right(clause_ends, start)
    lo = clause_ends[i - 1] if i else 0
    j = bisect_left(clause_marks, end)
    return lo, (clause_marks[j] if j < len(clause_marks) else len(s))


def scope_of(claim: Claim, published_on: date | None = None, found: Sequence[Mention] | None = None) -> str:
    """standing, event, target or history (see the module's rules). `found`: the sentence's mentions, when known."""
    s = claim.sentence
    start, end = claim.start, claim.start + len(claim.text)
    window = s[max(0, start - 40):start]
    if _comparison_hint(window) and _HISTORY_BEFORE.search(window):
        return "history"
    gate = _scope_gates(s)
    if gate.year and _past_year_after(s, end, published_on) and re.search(r"(?<![A-Za-z])(?i:from|than)[ ]+$|(?:由|從|从)$",
                                                            s[max(0, start - 12):start]):
        return "history"
    lo, hi = _clause(s, start, end)
    when = _first_ending_by(_past_when_ends(s), start) if gate.year else None
    if when is not None and when >= lo - 2:
        return "history"  # "since 2002, when fewer than 100 companies were based there"
    if (gate.year and lo and s[lo - 1] in ",，" and _past_time_before(s, lo, published_on)
            and not (gate.present and _PRESENT_AFTER.search(s, lo, hi))):
        return "history"  # "When the first phase opened in 2002, about 100 companies moved in"
    if claim.section == "about":
        return "standing"  # the About paragraph is the organisation as it stands
    seg_lo, seg_hi = _segment(s, start, end)
    zh = gate.chinese and _CJK.search(s, lo, hi) is not None
    # Chinese runs a plan over commas (科技園公司計劃於2018年底前，再吸引100間公司): its sentence up to the figure
    target_lo = seg_lo if zh else lo
    said = None
    for a, b in _target_spans(s, zh):  # the last aim or plan said between target_lo and the figure
        if b > start:
            break
        if a >= target_lo:
            said = b
    if said is not None and gate.present and _PRESENT_AFTER.search(s, said, start):
        said = None  # "will oversee ... a Park that is now home to 1,800 companies": what stands, said in passing
    # what is said of a figure someone has, or has now, after it ("its 2,200 companies are expected to grow")
    # leaves the figure standing
    # (asked only where an aim is said after the figure: most figures have none)
    if (said is not None or (gate.year and _future_year(s[target_lo:start] + " " + s[end:hi], published_on))
            or (((gate.target_after and _TARGET_AFTER.search(s, end, hi)) or (gate.will and _WILL_AFTER.match(s, end)))
                and not (_POSSESSED.search(s, max(0, start - 16), start)
                         or (gate.present and _PRESENT_AFTER.search(s, lo, start))))):
        return "target"
    if (gate.increment and _INCREMENT_BEFORE.search(s, max(0, start - 14), start)) or _increment_in(claim.text):
        return "event"  # "another 100 companies", "120 new companies": what was added, not what stands
    found = _mentions_in(s) if found is None else found
    if _appositive(s, start, end, lo, hi, found) or _prenominal(s, start, end, found):
        return "standing"  # "The Science Park, home to more than 1,200 companies, hosted the forum"
    # an event is named anywhere in the sentence ("..., where over 150 companies offered 1,600 positions"), up to
    # what someone said or a semicolon; a source named for a standing metric's figure ("According to the survey
    # report, ... housed over 1,700 technology companies") is no event of the figure's
    if _has_event(s, seg_lo, seg_hi, start if _standing_metric(claim.metric) else -1) or (gate.led and _LED_BEFORE.search(
            s, max(seg_lo, start - 30), start)):
        return "event"
    return "standing"


# Necessary conditions of the rules above, tested once per sentence: each is the rule's pattern without its
# anchors and lookarounds (or a word every match of it holds), so where it finds nothing in the sentence the rule
# cannot match in any part of it, and its per-figure searches are skipped.
_YEAR_ANY = re.compile(r"(?:19|20)\d\d")  # _PAST_YEAR_AFTER, _PAST_WHEN, _PAST_TIME_CLAUSE, _BY_YEAR
# (English words with (?i:); a text is tested by substrings of its lower-case form, far cheaper than a case-blind
# search and the same test, unless it holds one of the four letters a case-blind search takes for an ASCII one)
_PRESENT_HINT = re.compile(r"(?i:that|which|who|now|currently|today|at[ ]+present)|現時|现时|目前|現有|现有|現已|现已")
_PRESENT_WORDS = ("that", "which", "who", "now", "currently", "today", "present")
_PRESENT_ZH = ("現時", "现时", "目前", "現有", "现有", "現已", "现已")
_TARGET_AFTER_HINT = re.compile(r"(?i:expected|projected|forecast|target|goal|planned)|預計|预计|目標|目标")
_TARGET_AFTER_WORDS = ("expected", "projected", "forecast", "target", "goal", "planned")
_TARGET_AFTER_ZH = ("預計", "预计", "目標", "目标")
_WILL_HINT = re.compile(r"(?i:will|would|are)")
_WILL_WORDS = ("will", "would", "are")
_INCREMENT_HINT = re.compile(r"(?i:another|additional|a[ ]+further|an[ ]+extra)|再|新增|額外|额外")
_INCREMENT_WORDS = ("another", "additional", "further", "extra")
_INCREMENT_ZH = ("再", "新增", "額外", "额外")
_LED_HINT = re.compile(r"(?i:lead|led|bring|brought|take|took|send|sent|head)|率領|率领|帶領|带领")
_LED_WORDS = ("lead", "led", "bring", "brought", "take", "took", "send", "sent", "head")
_LED_ZH = ("率領", "率领", "帶領", "带领")


class _ScopeGates(NamedTuple):
    chinese: bool
    year: bool
    present: bool
    target_after: bool
    will: bool
    increment: bool
    led: bool


# the only non-ASCII letters a case-blind search matches with an ASCII letter (İ ı ſ K): a text without them holds an
# English word case-blind exactly where its lower-case form holds the word
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


_COMPARISON_WORDS = ("from", "with", "versus", "vs", "against")
_COMPARISON_ZH = ("較", "较", "比", "由", "從", "从")


def _comparison_hint(window: str) -> bool:
    """_COMPARISON_HINT.search(window) is not None, by substring tests where _plain_lower allows (every figure
    asks, on the 40 characters before it)."""
    low = _plain_lower(window)
    if low is None:
        return _COMPARISON_HINT.search(window) is not None
    return _holds_any(low, _COMPARISON_WORDS) or (not window.isascii() and _holds_any(window, _COMPARISON_ZH))


def _plain_lower(s: str) -> str | None:
    """s.lower(), where a substring test on it answers a case-blind search for English words; else None."""
    return s.lower() if s.isascii() or _FOLDS_TO_ASCII.search(s) is None else None


def _holds_any(low: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if w in low:
            return True
    return False


@lru_cache(maxsize=256)
def _scope_gates(s: str) -> _ScopeGates:
    year = _YEAR_ANY.search(s) is not None
    if s.isascii():
        low = s.lower()
        return _ScopeGates(False, year, _holds_any(low, _PRESENT_WORDS), _holds_any(low, _TARGET_AFTER_WORDS),
                           _holds_any(low, _WILL_WORDS), _holds_any(low, _INCREMENT_WORDS), _holds_any(low, _LED_WORDS))
    low = _plain_lower(s)
    if low is not None:
        return _ScopeGates(_CJK.search(s) is not None, year,
                           _holds_any(low, _PRESENT_WORDS) or _holds_any(s, _PRESENT_ZH),
                           _holds_any(low, _TARGET_AFTER_WORDS) or _holds_any(s, _TARGET_AFTER_ZH),
                           _holds_any(low, _WILL_WORDS), _holds_any(low, _INCREMENT_WORDS) or _holds_any(s, _INCREMENT_ZH),
                           _holds_any(low, _LED_WORDS) or _holds_any(s, _LED_ZH))
    return _ScopeGates(_CJK.search(s) is not None, year, _PRESENT_HINT.search(s) is not None,
                       _TARGET_AFTER_HINT.search(s) is not None, _WILL_HINT.search(s) is not None,
                       _INCREMENT_HINT.search(s) is not None, _LED_HINT.search(s) is not None)


def _standing_metric(key: str | None) -> bool:
    return key is not None and key in _standing_metrics()


@lru_cache(maxsize=1)
def _standing_metrics() -> frozenset[str]:
    """The metrics that stand by nature (cumulative, no event scope): tech_companies, research_professionals, ..."""
    return frozenset(k for k, m in load_vocabulary(simplified=False).items() if m.cumulative and m.scope is None)


def _past_time_before(s: str, lo: int, published_on: date | None) -> bool:
    """The clause before the figure's is one of past time ("When ... opened in 2002,", 於2002年啟用時，)."""
    m = _PAST_TIME_CLAUSE.search(s, max(0, lo - 130), lo)
    if m is None:
        return False
    year = int(m.group("y") or m.group("zy"))
    return published_on is None or year < published_on.year


def _increment_in(text: str) -> bool:
    """_INCREMENT_IN.search(text) is not None, asked only of a text holding 新 or "new" in any case (every match
    does; n, e and w have no case-blind match but their ASCII cases, and no other character lower-cases to one)."""
    return ("新" in text or "new" in text.lower()) and _INCREMENT_IN.search(text) is not None


def _appositive(s: str, start: int, end: int, lo: int, hi: int, found: Sequence[Mention]) -> bool:
    """The figure describes an organisation named right before it, in a clause of its own set off by a comma
    ("HKSTP, whose parks house over 2,000 companies, ...") or in brackets (香港科學園（現有逾1,200間科技公司進駐）)."""
    bodies = [m for m in found if m.kind in ("site", "organisation") and m.end <= start]
    if not bodies:
        return False
    # in brackets right after the name (most windows hold no bracket: two finds before the search)
    window_lo = max(0, start - 40)
    opens = (_BRACKET_OPEN.finditer(s, window_lo, start)
             if s.find("(", window_lo, start) >= 0 or s.find("（", window_lo, start) >= 0 else ())
    for open_ in opens:
        if _BRACKET_CLOSE.search(s, open_.end(), start):
            continue
        close = _BRACKET_CLOSE.search(s, end)
        if close is None or not any(not s[m.end:open_.start()].strip() for m in bodies):
            continue
        inside = s[open_.end():start]  # 香港科學園（現有逾..., 科技園公司（旗下園區有逾...
        if re.search(r"\d", inside) or not (not inside.strip() or _APPOSITIVE_OPENER.search(inside)):
            continue
        return not _has_event(s, open_.end(), close.start())
    # after a comma right after the name
    if lo == 0 or s[lo - 1] not in ",，":
        return False
    if not any(not s[m.end:lo - 1].strip() for m in bodies):
        return False
    opener = _APPOSITIVE_OPENER.match(s, lo)
    if opener is None or re.search(r"\d", s[opener.end():start]) or start - opener.end() > 40:
        return False
    return not _has_event(s, lo, hi)


# 匯聚逾1,200家科技公司的香港科學園, 擁有逾1.5萬名研發人員的科技園公司: a figure in a description before the
# organisation it describes (a verb of having opens the clause, 的 joins the counted noun to the name)
_PRENOMINAL_BEFORE = re.compile(r"[ ]*(?:目前|現時|现时|現已|现已|已)?(?:匯聚|汇聚|聚集|擁有|拥有|坐擁|坐拥|設有|设有|現有|现有"
                                r"|共有|容納|容纳|有)[ ]*$")
_PRENOMINAL_AFTER = re.compile(r"[ ]*(?:進駐|进驻|落戶|落户)?[ ]*的[ ]*$")


def _prenominal(s: str, start: int, end: int, found: Sequence[Mention]) -> Mention | None:
    """The organisation a Chinese pre-nominal description names, the figure in it (匯聚逾1,200家科技公司的香港科學園
    今日舉辦論壇: the Science Park's standing figure, whatever the sentence goes on to say), or None."""
    if "的" not in s[end:end + 8] or not _sentence_facts(s)[0]:
        return None  # most figures: no 的 right after them
    lo = _clause(s, start, end)[0]
    if not _PRENOMINAL_BEFORE.fullmatch(s, lo, start):
        return None
    for m in found:
        if m.start >= end:
            if (m.kind in ("site", "organisation") and m.start - end <= 6 and _PRENOMINAL_AFTER.fullmatch(s, end, m.start)
                    and not _has_event(s, start, m.start)):  # 有逾80間公司參展的科學園展館: the expo's
                return m
            return None
    return None


@lru_cache(maxsize=256)
def _event_starts(s: str) -> tuple[int, ...]:
    """Where the sentence names an event (English words in its folded form, Chinese as written); once per
    sentence, however many figures it holds."""
    starts = [m.start() for m in _EVENT_EN.finditer(fold(s))]
    if _CJK.search(s):
        starts += [m.start() for m in _EVENT_ZH.finditer(s)]
    return tuple(starts)


@lru_cache(maxsize=256)
def _source_spans(s: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _SOURCE_CLAUSE.finditer(s))


def _has_event(s: str, lo: int, hi: int, sources_before: int = -1) -> bool:
    """Whether an event is named in s[lo:hi]; with sources_before >= 0, not counting the event words of a source
    named before that position ("According to the survey report, ...")."""
    starts = [p for p in _event_starts(s) if lo <= p < hi]
    if starts and sources_before >= 0:
        spans = [(a, b) for a, b in _source_spans(s) if b <= sources_before]
        starts = [p for p in starts if not any(a <= p < b for a, b in spans)]
    return bool(starts)


def _segment(s: str, start: int, end: int) -> tuple[int, int]:
    _, _, segment_ends, semicolons = _marks(s)
    i = bisect_right(segment_ends, start)
    lo = segment_ends[i - 1] if i else 0
    j = bisect_left(semicolons, end)
    return lo, (semicolons[j] if j < len(semicolons) else len(s))


def _future_year(text: str, published_on: date | None) -> bool:
    # both branches of _BY_YEAR hold a year: a text without one (a quick search) has no match
    m = _BY_YEAR.search(text) if _YEAR_ANY.search(text) is not None else None
    if not m:
        return False
    year = int(m.group("y") or m.group("zy"))
    return published_on is None or year >= published_on.year


@lru_cache(maxsize=256)
def _past_when_ends(s: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _PAST_WHEN.finditer(s))


def _first_ending_by(ends: tuple[int, ...], limit: int) -> int | None:
    return ends[0] if ends and ends[0] <= limit else None


@lru_cache(maxsize=256)
def _target_spans(s: str, zh: bool) -> tuple[tuple[int, int], ...]:
    """Where the sentence says an aim, plan or forecast (English in its folded form), once per sentence."""
    target, text = (_TARGET_ZH, s) if zh else (_TARGET_EN, fold(s))
    return tuple(m.span() for m in target.finditer(text))


_PAST_YEAR_AFTER = re.compile(r"[ ]+(?:[a-z\-]+[ ]+){0,3}?(?i:in|at[ ]+the[ ]+end[ ]+of|as[ ]+at|as[ ]+of|by)[ ]+"
                              r"(?:(?:end-)?[A-Za-z]+[ ]+)?((?:19|20)\d\d)(?!\d)")


def _past_year_after(s: str, end: int, published_on: date | None) -> bool:
    """"600 in 2018", "600 at the end of 2019" right after the figure, the year before the publication's."""
    m = _PAST_YEAR_AFTER.match(s, end, end + 60)
    return bool(m) and (published_on is None or int(m.group(1)) < published_on.year)


# ------------------------------------------------------------------ as of
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# The date patterns are tried at every position of a clause; each opens with what every match of it starts with
# (a lookahead, so what they match is unchanged), which turns most positions away before the long alternations:
# English: a day's or the year's digit, a dot, a space, or the first two letters of a lead, end, month or relative
# word (as at, by, end, in, during, until, since, for, the, mid-, jan..dec, last, this); Chinese: a lead, a space,
# the year's 1 or 2, or a relative word.
_DATE_EN_STARTS = (r"(?=[\d. ]|(?=(?i:[abdefijlmnostu]))"  # (a quick test of the first letter, then the first two)
                   r"(?i:as|at|by|en|in|du|un|si|fo|th|mi|ja|fe|ma|ap|ju|au|se|oc|no|de|la))")
_DATE_EN = re.compile(
    rf"(?<![A-Za-z]){_DATE_EN_STARTS}(?:"
    rf"(?P<lead>(?i:as[ ]+at|as[ ]+of|at[ ]+the[ ]+end[ ]+of|by[ ]+the[ ]+end[ ]+of|end[ ]+of|in|during"
    rf"|by|until|since|at[ ]+end|for)[ ]+)?(?P<end>(?i:end-|the[ ]+end[ ]+of[ ]+|end[ ]+|mid-|the[ ]+first[ ]+half[ ]+of[ ]+"
    rf"|the[ ]+second[ ]+half[ ]+of[ ]+))?(?:(?P<d>\d{{1,2}})[ ]+)?(?P<m>(?i:{_MONTH_RE}))?\.?[ ]*(?(m)(?P<d2>\d{{1,2}})?,?[ ]*)"
    rf"(?P<y>(?:19|20)\d\d)(?![\d/\-])(?![ ]*(?i:graduates|cohort|class|edition|batch|intake))"
    rf"|(?P<rel>(?i:last[ ]+year|the[ ]+previous[ ]+year|the[ ]+past[ ]+year|this[ ]+year|last[ ]+month))(?![A-Za-z]))")
_DATE_ZH = re.compile(
    r"(?=[截至到於于在 12去上今])"
    r"(?P<lead>截至|截止|截止至|至|到|於|于|在)?[ ]*(?P<y>(?:19|20)\d\d)[ ]*年(?![度代])"
    r"(?:[ ]*(?P<m>\d{1,2})[ ]*月(?:[ ]*(?P<d>\d{1,2})[ ]*[日號号])?)?(?P<end>底|末|止|初|中|上半年|下半年)?"
    r"|(?P<rel>去年|上年|今年|上月|上個月|上个月)")


# a figure said of the present, in its own words or right after them
_NOW = re.compile(r"(?<![A-Za-z])(?i:today|now|currently|at present)$")
_NOW_AFTER = re.compile(r"[ ]*(?i:today|now|currently|at present)(?![A-Za-z])")
_NOW_BEFORE_ZH = re.compile(r"(?:現時|现时|目前|現在|现在)(?:的|有|共有|已有|約有|约有|已達|已达|達|达)?$")
# between the year of a "from" figure and the "to" figure after it
_FROM_TO = re.compile(r"[ ]*(?i:to)[ ]+")


def as_of_of(claim: Claim, published_on: date | None = None, scope: str | None = None) -> date | None:
    """The date the claim's figure describes (see the module's rules)."""
    s = claim.sentence
    chinese, dated = _sentence_facts(s)
    if not dated:
        return published_on
    start, end = claim.start, claim.start + len(claim.text)
    # "1,800 today", "over 2,200 companies now", 現時的1,800間: said of the day of publication, unless an "as at"
    # phrase dates it ("截至2023年9月底，科學園現時有...")
    now = bool(_NOW.search(claim.text) or _NOW_AFTER.match(s, end) or _NOW_BEFORE_ZH.search(s, max(0, start - 6), start))
    lo, hi = _clause(s, start, end)
    pattern = _DATE_ZH if chinese else _DATE_EN
    best = None
    # every date phrase holds a year or a word of _DATE_HINT: a clause without one has none (and the date pattern
    # is costly at every position)
    for m in pattern.finditer(s, lo, hi) if _DATE_HINT.search(s, lo, hi) is not None else ():
        if start <= m.start() < end:
            continue  # the claim's own words
        if m.group("y") and not (m.group("lead") or m.group("m") or m.group("end") or pattern is _DATE_ZH):
            continue  # a bare year ("the 2021 graduates", "EPiC 2023") names no period
        between = s[m.end():start] if m.end() <= start else s[end:m.start()]
        if re.search(r"\d", between) and not re.fullmatch(r"[^\d]*", between):
            continue  # another figure stands between: the date is that one's
        if m.end() <= start and _FROM_TO.fullmatch(between) and re.search(r"\d", s[lo:m.start()]):
            continue  # "from 600 in 2017 to 1,800": the year dates the figure before it
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, m)
    if best is None:  # a date phrase that opens the sentence: "As at end-January 2021, ...", "截至2023年9月底，"
        m = pattern.match(s.lstrip())
        if m and re.match(r"[ ]*[,，]", s.lstrip()[m.end():]) and (m.group("lead") or m.group("rel") or pattern is _DATE_ZH):
            best = (0, m)
    if best is None and lo and s[lo - 1] in ":：":
        m = _column_date(s, lo - 1, start, pattern)  # a table's row: "...; As at end-April 2025: Over 2,200"
        if m is not None:
            best = (0, m)
    if best is None and lo and s[lo - 1] in ",，":
        m = _date_clause_before(s, lo, start, pattern)  # "According to the report, as at end-December 2023, ..."
        if m is not None:
            best = (0, m)
    if best is None or (now and not best[1].group("lead")):
        return published_on
    day = _date_of(best[1], published_on, pattern is _DATE_ZH)
    if day is None:
        return published_on
    if published_on is not None and day > published_on and scope != "target":
        return published_on  # a period not yet over: as it stands on the day of publication
    return day


@lru_cache(maxsize=256)
def _sentence_facts(s: str) -> tuple[bool, bool]:
    """(whether the sentence is Chinese, whether it holds any date word), once per sentence."""
    return _CJK.search(s) is not None, _DATE_HINT.search(s) is not None


def _column_date(s: str, colon: int, start: int, pattern: re.Pattern) -> re.Match | None:
    """A table row read as a line (transforms/parsing/gia.py: "Label; As at end-December 2024: 1,800; ..."): the
    column header right before the figure, when it is a date phrase and nothing but a qualifier stands between."""
    head_lo = max(s.rfind(";", 0, colon), s.rfind("；", 0, colon)) + 1
    if head_lo == 0 or re.search(r"\d", s[colon:start]) or start - colon > 16:
        return None
    head = s[head_lo:colon].strip()
    m = pattern.fullmatch(head)
    if m is None or not (m.group("lead") or m.group("m") or m.group("end") or m.group("rel")):
        return None
    return m


# the words that may open a clause before its date phrase ("He noted that at the end of March 2025, ...")
_DATE_CLAUSE_LEAD = re.compile(r"[ ]*(?:(?i:that|and|but|while|meanwhile|however)[ ]+)?")


def _date_clause_before(s: str, lo: int, start: int, pattern: re.Pattern) -> re.Match | None:
    """A date phrase that is a clause of its own before the figure's, in the same sentence up to what was said
    ("According to the survey report, as at end-December 2023, HKSTP's parks housed ...", 根據調查，截至2024年
    12月底，...), or a clause of past time ("When the first phase opened in 2002, ...", 於2002年啟用時，)."""
    seg_lo, _ = _segment(s, lo, lo)
    if re.search(r"\d", s[lo:start]):
        return None  # another figure stands between
    clause_hi = lo - 1
    clause_lo = seg_lo
    for m in _CLAUSE_START.finditer(s, seg_lo, clause_hi):
        clause_lo = m.end()
    if clause_lo >= clause_hi:
        return None
    # (a clause of past time holds a year, a date phrase a year or a word of _DATE_HINT: where the clause has none,
    # neither pattern, costly at every position, is asked)
    past = (_PAST_TIME_CLAUSE.match(s, clause_lo, clause_hi + 1) or _PAST_TIME_CLAUSE.search(s, clause_lo, lo)
            if _YEAR_ANY.search(s, clause_lo, lo) is not None else None)
    lead = _DATE_CLAUSE_LEAD.match(s, clause_lo).end()
    date_lo = lead if past is None else clause_lo
    for m in pattern.finditer(s, date_lo, clause_hi) if _DATE_HINT.search(s, date_lo, clause_hi) is not None else ():
        if not (m.group("lead") or m.group("rel") or m.group("m") or m.group("end") or pattern is _DATE_ZH):
            continue
        if past is not None or (m.start() == lead and not s[m.end():clause_hi].strip()):
            return m
    return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _date_of(m: re.Match, published_on: date | None, zh: bool) -> date | None:
    rel = m.group("rel")
    if rel:
        if published_on is None:
            return None
        rel = rel.lower()
        if rel in ("this year", "今年"):
            return published_on
        if rel in ("last month", "上月", "上個月", "上个月"):
            first = published_on.replace(day=1)
            return _month_end(first.year - (first.month == 1), 12 if first.month == 1 else first.month - 1)
        return date(published_on.year - 1, 12, 31)
    y = int(m.group("y"))
    if not 1950 <= y <= 2100:
        return None
    month = m.group("m")
    end = (m.group("end") or "").strip().lower()
    if month:
        mo = int(month) if zh else _MONTHS.get(month.lower().rstrip("."))
        if not mo or not 1 <= mo <= 12:
            return None
        d = m.group("d") or (None if zh else m.group("d2"))
        if d and not end and 1 <= int(d) <= calendar.monthrange(y, mo)[1]:
            return date(y, mo, int(d))
        return _month_end(y, mo)
    if end in ("mid-", "中", "上半年") or end.startswith("the first half"):
        return date(y, 6, 30)
    if end == "初":
        return date(y, 1, 31)
    return date(y, 12, 31)


# ------------------------------------------------------------------ a year is never a count
_YEAR_BEFORE = re.compile(r"(?<![A-Za-z])(?i:the|this|its|our|their|class[ ]+of|cohort[ ]+of|batch[ ]+of)[ ]+$|'s[ ]+$")
_YEAR_NOUN_AFTER = re.compile(r"[ ]+(?i:graduates|graduating|cohort|class|edition|batch|intake|winners|finalists|alumni"
                              r"|programme|program|competition|awards?|expo|summit)(?![A-Za-z])")


def _is_year(claim: Claim) -> bool:
    """"the 2021 graduates", "its 2023 cohort": a year that names a group, not 2,021 of them."""
    if claim.kind != "count" or claim.qualifier != "exact" or not 1950 <= claim.value <= 2100:
        return False
    digits = re.match(r"(?:19|20)\d\d(?![\d,.])", claim.text)
    if not digits:
        return False
    s, start = claim.sentence, claim.start
    return bool(_YEAR_BEFORE.search(s[max(0, start - 12):start]) or _YEAR_NOUN_AFTER.match(s, start + 4))


# ------------------------------------------------------------------ the metric a subject completes
_COMPANY_NOUN = re.compile(r"(?i:companies|company|firms|enterprises|businesses|tenants|tenant[ ]+companies)\b"
                           r"|^[間间家](?:公司|企業|企业)|^[間间家]$")
_STANDING_NOUN_TIME = re.compile(r"^(?i:today|now|currently|at[ ]+present|in[ ]+total|so[ ]+far|to[ ]+date)$")


def metric_of(claim: Claim, subject: str | None, language: str) -> str | None:
    """The metric of a claim the vocabulary left without one, from what the subject and the sentence say:
    "more than 800 companies" of a park are its technology companies; "approximately 20 hectares" is land;
    科技公司超過2,200間 and "technology companies ... has grown to 1,800 today" name the noun before the figure.
  A table row read as a line gives its figures the metric its first cell names (`_row_label_metric`)."""
    if claim.metric is not None:
        return claim.metric
    family = "zh" if language.startswith("zh") else "en"
    if claim.kind == "area" and claim.unit == "hectares":
        return "land_hectares"
    if claim.kind in ("count", "money"):
        key = noun_before(claim.sentence[:claim.start], family)
        if key is not None and (claim.kind == "count") == (key_kind(key) == "count"):
            # only where the figure has no noun of its own after it (科技公司超過2,200間, "1,800 today")
            if (not claim.unit or len(claim.unit) == 1 and family == "zh" or _STANDING_NOUN_TIME.match(claim.unit)
                    or claim.kind == "money"):
                return key
    if claim.kind == "count" and subject in HKSTP_KEYS and claim.unit and _COMPANY_NOUN.search(claim.unit):
        return "tech_companies"
    if (claim.kind == "count" and subject in HKSTP_KEYS and claim.value >= 1000
            and (claim.unit or "").lower() in ("人", "萬人", "万人", "people", "persons")):
        # 約1.9萬人, "about 19,000 people": the park's people; "community" / 社群 says they are its community
        before = claim.sentence[:claim.start]
        return "community_size" if re.search(r"(?i:community)|社群|社區|社区", before) else "employees_community"
    return None


def key_kind(key: str) -> str:
    m = load_vocabulary(simplified=False).get(key)
    return m.kind if m else "count"


# ------------------------------------------------------------------ all together
def resolve_context(claims: list[Claim], language: str, *, published_on: date | None = None,
                    organisation: str | None = None) -> list[Claim]:
    """Set subject, scope and as_of on each claim (in place; returns the list). `organisation`: the press
    room's own subject key, the default where a sentence names none (None for a bare text)."""
    previous: Claim | None = None
    for c in claims:
        if _is_year(c):
            c.kind, c.metric, c.unit = "year", None, None
        # the About paragraph is the organisation's, standing, whoever it names (subject_of and scope_of answer
        # before they look at the names)
        found = None if c.section == "about" and organisation else _sentence_mentions(c.sentence)
        c.subject = subject_of(c, organisation, found)
        c.scope = scope_of(c, published_on, found)
        if c.kind in ("year", "date", "quarter"):
            c.as_of = published_on  # a year is the figure itself, not the date it describes
            continue
        if c.scope == "standing":  # "more than 800 companies" are a park's technology companies as it stands
            c.metric = (_noun_over_collective(c) or metric_of(c, c.subject, language) or _row_label_metric(c)
                        or _carried_metric(c, previous))
        if c.metric in _HONG_KONG_METRICS:
            c.subject = "hong-kong"
        c.as_of = as_of_of(c, published_on, c.scope)
        if (c.scope == "standing" and published_on is not None and c.as_of is not None
                and (published_on - c.as_of).days > HISTORY_AFTER_DAYS):
            c.scope = "history"  # a figure this old, given in a newer release, is given for comparison
        if c.metric is not None:
            previous = c
    return claims


# a standing figure whose text dates it more than this many days before its release is a past figure
# (history): "as at end-January 2021" in a March 2021 release is current, "in 2017" in a 2024 release is not
HISTORY_AFTER_DAYS = 400


def _noun_over_collective(c: Claim) -> str | None:
    """"a community of more than 800 technology companies": the counted noun's metric, not the community's."""
    if c.metric != "community_size" or not c.unit:
        return None
    family = "zh" if _CJK.search(c.unit) else "en"
    key = key_for(c.unit, matchers(family).after_keys)
    return key if key not in (None, "community_size") else None


def _row_label_metric(c: Claim) -> str | None:
    """A table row read as a line ("Technology companies in HKSTP's parks; As at end-December 2024: 1,800; ...",
    科技園公司轄下園區的科技公司；截至2024年12月底：1,800): a figure right after its column's header takes the metric its
    row's label (the first cell) names: the counted noun that opens it, or in Chinese the one that ends it (a
    description goes before its noun); companies of an HKSTP subject are its technology companies."""
    s, start = c.sentence, c.start
    first = min((i for i in (s.find(";"), s.find("；")) if i >= 0), default=-1)
    if first <= 0 or first > start or c.unit:
        return None
    colon = max(s.rfind(":", first, start), s.rfind("：", first, start))
    if colon < 0 or re.search(r"\d", s[colon:start]) or start - colon > 16 or re.search(r"\d", s[:first]):
        return None
    family = "zh" if _CJK.search(s[:first]) else "en"
    label = fold(re.split(r"[:：]", s[:first])[-1].strip())  # "Item: Technology companies": the cell, not its header
    if family == "en":  # "Number of technology companies": the noun counted
        label = re.sub(r"^(?:the[ ]+)?(?:total[ ]+)?(?:number|numbers|no\.)[ ]+of[ ]+", "", label)
    m = matchers(family).after.match(label)
    key = key_for(m.group("phrase"), matchers(family).after_keys) if m else None
    if key is None and family == "zh":
        m = _label_noun_last().search(label)
        # a subset is not the whole (獲資助的科技公司, 參與計劃的公司, 新進駐的公司)
        if m and not (_LABEL_SUBSET_ZH.search(label, 0, m.start()) or _EVENT_ZH.search(label, 0, m.start())):
            key = key_for(m.group("phrase"), matchers(family).after_keys)
    if key is not None:
        return key if (c.kind == "count") == (key_kind(key) == "count") else None
    if c.kind == "count" and c.subject in HKSTP_KEYS and (_LABEL_COMPANIES_EN.match(label) if family == "en" else (
            re.search(r"(?:公司|企業|企业)(?:的)?(?:數目|数目|數量|数量)?$", label)
            and not _LABEL_SUBSET_ZH.search(label) and not _EVENT_ZH.search(label))):
        return "tech_companies"  # "Companies in the Science Park; As at end-April 2025: about 1,300"
    return None


_LABEL_SUBSET_ZH = re.compile(r"獲|获|資助|资助|新|申請|申请|受惠|培育計劃|培育计划")
_LABEL_COMPANIES_EN = re.compile(r"(?:[a-z'\-]+[ ]+)?(?:companies|firms|enterprises|tenants)(?:[ ]+(?:in|at|of)(?![a-z])|$)")


@lru_cache(maxsize=1)
def _label_noun_last() -> re.Pattern:
    """A Chinese row label's counted noun at its end (科技園公司轄下園區的科技公司, ...的研發人員數目); compiled the
    first time a table row asks."""
    return re.compile(rf"(?P<phrase>{_alternation(matchers('zh').after_keys)})(?:的)?(?:數目|数目|數量|数量|總數|总数"
                      r"|人數|人数)?[ ]*$")


def _carried_metric(c: Claim, previous: Claim | None) -> str | None:
    """"grown from around 600 technology companies in 2017 to 1,800 today", 由600間科技公司增至1,800間: the
    second figure counts what the first did."""
    if previous is None or previous.sentence != c.sentence or c.kind != previous.kind or c.metric is not None:
        return None
    between = c.sentence[previous.start + len(previous.text):c.start]
    if re.fullmatch(r"(?:[ ]+(?i:in|at[ ]+the[ ]+end[ ]+of|as[ ]+at)[ ]+(?:19|20)\d\d)?[ ]+(?i:to|and[ ]+now)[ ]+"
                    r"|(?:[^\d，。]{0,8})?(?:增至|增加至|升至|上升至|增長至|增长至|到)(?:今天的|現時的|现时的|目前的)?", between):
        return previous.metric
    return None


_HONG_KONG_METRICS = frozenset({"hk_unicorns", "hk_startups", "hk_tech_companies"})


_SHORT_SECTIONS = frozenset({"title", "subtitle", "key_takeaways", "caption"})


def align_release(claims: list[Claim]) -> list[Claim]:
    """A headline repeats a figure of the body in fewer words ("24 Companies to MWC Barcelona"): a title, subtitle,
    key takeaway or caption figure that the body states as an event, target or past figure (same metric and
    value) takes the body's scope and as-of. In place; returns the list."""
    told = {}
    for c in claims:
        if c.section not in _SHORT_SECTIONS and c.scope not in (None, "standing") and c.metric is not None:
            told.setdefault((c.metric, c.value), c)
    for c in claims:
        if c.section in _SHORT_SECTIONS and c.scope == "standing":
            body = told.get((c.metric, c.value))
            if body is not None:
                c.scope, c.as_of = body.scope, body.as_of
    return claims


# a title that names an event: its release is about that event
_EVENT_TITLE_EN = re.compile(
    r"(?<![A-Za-z])(?i:expos?|fairs?|summits?|forums?|competitions?|contests?|delegations?|missions?|ceremony"
    r"|ceremonies|graduation|conferences?|exhibitions?|roadshows?|hackathons?|festivals?|showcases?|demo[ ]+days?"
    r"|open[ ]+days?|career[ ]+days?|gala|awards?[ ]+presentation)(?![A-Za-z])")
_EVENT_TITLE_ZH = re.compile(r"博覽|博览|展覽|展览|招聘會|招聘会|峰會|峰会|論壇|论坛|比賽|比赛|大賽|大赛|競賽|竞赛|代表團|代表团"
                             r"|考察團|考察团|訪問團|访问团|典禮|典礼|儀式|仪式|畢業|毕业|研討會|研讨会|路演|嘉年華|嘉年华"
                             r"|開放日|开放日|展會|展会|博覽會|博览会")


def event_release(claims: list[Claim], title: str | None) -> list[Claim]:
    """A release whose title names an event (expo, fair, summit, forum, competition, delegation, ceremony,
    graduation, 招聘會, 代表團 ...) is about that event: its figures of a metric that is an event's by nature (the
    vocabulary's scope="event": job openings, employers taking part, attendees, visitors, entries) are the
    event's, never a standing timeline ("Over 4,000 job openings were posted by 150 employers" at one fair is not
    a change from another fair's 3,000). The About paragraph stays standing. In place; returns the list."""
    if not title or not (_EVENT_TITLE_EN.search(title) or (_CJK.search(title) and _EVENT_TITLE_ZH.search(title))):
        return claims
    vocab = load_vocabulary(simplified=False)
    for c in claims:
        if c.scope == "standing" and c.section not in ("about", "contact") and c.metric in vocab and (
                vocab[c.metric].scope == "event"):
            c.scope = "event"
    return claims
