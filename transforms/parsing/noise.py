"""What is not release text: page chrome, page counters, phone numbers, e-mail addresses.

Known layouts read only their release container, so most chrome never reaches the parser; these rules catch
the rest (chrome inside the container, text and PDF conversions, unknown layouts) and keep phone numbers
and e-mail addresses out of every section except `contact`.
"""

from __future__ import annotations

import re

# Elements that never hold release text, skipped while walking a page.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "form", "button", "input", "select", "textarea", "label",
    "nav", "header", "footer", "aside", "iframe", "svg", "canvas", "video", "audio", "img", "picture", "source",
})
# Classes / ids of chrome that sometimes sits inside a release container.
CHROME_CLASS_RE = re.compile(
    r"cookie|consent|gdpr|share|social|breadcrumb|related|pagination|subscribe|newsletter|contact-form|enquiry-form|print-btn|back-to",
    re.IGNORECASE,
)

PAGE_COUNTER_RE = re.compile(
    r"\bPage\s+\d+\s+(?:of|/)\s+\d+\b|第\s*\d+\s*[頁页]\s*[，,]?\s*共\s*\d+\s*[頁页]|^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$|^\s*\d{1,3}\s*/\s*\d{1,3}\s*$",
    re.IGNORECASE | re.MULTILINE,
)
EMAIL_RE = re.compile(
    r"(?:(?:E-?mail|電郵|电邮|電子郵件|电子邮件)\s*[:：]?\s*)?\[?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\]?(?:\([^)\s]*\))?/?",
    re.IGNORECASE,
)
PHONE_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:Tel|Telephone|Phone|Mobile|Fax|電話|电话|傳真|传真|手機|手机)\s*[.:：]?\s*)"
    r"(?:\(?\+?\d{1,3}\)?[\s-]*)?\d{3,4}[\s-]?\d{4}(?:\s*/\s*\d{4}[\s-]?\d{4})*"
    r"|\(?\+852\)?[\s-]*\d{4}[\s-]?\d{4}(?:\s*/\s*\d{4}[\s-]?\d{4})*",
    re.IGNORECASE,
)
MARKDOWN_LINK_RE = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")

CHROME_LINE_RE = re.compile(
    r"^(?:share(?: this)?|print|back|back to (?:top|list|news(?: ?room)?)|read more|more news|download(?: pdf)?"
    r"|accept(?: all)?(?: cookies)?|reject|cookie settings|skip to (?:main )?content|home|menu|search|subscribe"
    r"|返回|分享|列印|打印|下載|下载|首頁|首页|接受|更多新聞|更多新闻)\s*[:>»›]?$",
    re.IGNORECASE,
)
COOKIE_RE = re.compile(r"\bcookies?\b.{0,120}\b(?:accept|consent|agree|continu|privacy|experience)|使用\s*cookies?|曲奇", re.IGNORECASE)
WHITESPACE_RE = re.compile(r"[ \t\u00a0\u3000\u200b\r\f\v]+")
# The runs WHITESPACE_RE.sub(" ", ...) actually changes: a lone space stays as it is, so skipping it gives the
# same text without rebuilding it around every word.
_WHITESPACE_TO_SQUASH = re.compile(r"[ \t\u00a0\u3000\u200b\r\f\v]{2,}|[\t\u00a0\u3000\u200b\r\f\v]")
_DIGIT_RE = re.compile(r"\d")  # page counters and phone numbers all hold one
_ASCII_DIGIT_RE = re.compile(r"[0-9]")


# A zero-width space breaks words, but inside a figure ("1,\u200b800") it must not become a space that splits it.
_ZWSP_IN_NUMBER = re.compile(r"(?<=[\d,.])\u200b+(?=[\d,.])")


def squash(text: str) -> str:
    """Collapse runs of spaces (keeping no newlines) and trim."""
    if "\u200b" in text:
        text = _ZWSP_IN_NUMBER.sub("", text)
    text = text.replace("\n", " ")
    # With no double space and none of the other space characters, _WHITESPACE_TO_SQUASH finds nothing: the
    # text is most often squashed already (blocks are squashed twice), and these tests cost far less than the sub.
    if _may_squash(text):
        text = _WHITESPACE_TO_SQUASH.sub(" ", text)
    return text.strip()


def _may_squash(text: str) -> bool:
    """False when _WHITESPACE_TO_SQUASH finds nothing in `text` (nor in any part of it)."""
    return ("  " in text or "\t" in text or "\u00a0" in text or "\u3000" in text or "\u200b" in text or "\r" in text
            or "\f" in text or "\v" in text)


def is_chrome(text: str) -> bool:
    """A short block that is site chrome (share buttons, cookie banner, back links)."""
    if len(text) <= 40 and CHROME_LINE_RE.match(text):
        return True
    if len(text) > 400:
        return False
    # COOKIE_RE needs "cookie" (any case) or 曲奇; ı is the one character besides i and I that (?i)i matches
    # whose lower() is not "i" (İ lowers to "i" + a combining dot, so "cooki" still shows).
    if "cooki" not in text.lower() and "曲奇" not in text and "\u0131" not in text:
        return False
    return bool(COOKIE_RE.search(text))


def is_page_counter(text: str) -> bool:
    return bool(PAGE_COUNTER_RE.fullmatch(text.strip())) or text.strip().isdigit()


# Exact pre-checks (every match of the pattern passes them), so the costly patterns run only where they may
# match. The letters of "page", "tel", "phone", "mobile" and "fax" have no case variants outside ASCII except
# that (?i)i also matches "İ" and "ı", whose lower() is not "i".
_COUNTER_LINE_RE = re.compile(r"\s*[-–—]\s*\d{1,3}\s*[-–—]\s*|\s*\d{1,3}\s*/\s*\d{1,3}\s*")
_PHONE_WORDS = ("tel", "phone", "mobile", "fax", "電話", "电话", "傳真", "传真", "手機", "手机", "+852", "\u0131")


def _may_hold_page_counter(text: str, lowered: str) -> bool:
    if "page" in lowered or "第" in text or "\n" in text:
        return True
    # Without a newline the anchored forms ("- 3 -", "2 / 6") must span the whole text, so it opens with a
    # space (\s is isspace), a dash or a digit (\d is isdecimal).
    first = text[:1]
    if not first or not (first.isspace() or first in "-–—" or first.isdecimal()):
        return False
    return _COUNTER_LINE_RE.fullmatch(text) is not None


_PHONE_WORD_RE = re.compile("|".join(map(re.escape, _PHONE_WORDS)))  # any(word in lowered), in one search


def _may_hold_phone(text: str, lowered: str) -> bool:
    return "\u0130" in text or _PHONE_WORD_RE.search(lowered) is not None


_BARE_LABELS_RE = re.compile(r"(?:[\W_]|Tel|Fax|Email|E-mail|電話|電郵|电话|电邮)*", re.IGNORECASE)


def clean_claim_text(text: str, squashed: bool = False) -> str:
    """Text for a section that claims are taken from: no page counters, phone numbers or e-mail addresses.
    `squashed`: the text is squash()'s output already (squash of its output gives it back, so when nothing
    is substituted below the second squash is skipped)."""
    changed = not squashed
    if "@" in text:
        text = EMAIL_RE.sub(" ", text)
        changed = True
    # In ASCII text \d is [0-9]: the plain range test spares the Unicode digit lookup of every character.
    if (_ASCII_DIGIT_RE if text.isascii() else _DIGIT_RE).search(text):
        lowered = text.lower()
        if _may_hold_page_counter(text, lowered):
            text = PAGE_COUNTER_RE.sub(" ", text)
            lowered = text.lower()
            changed = True
        if _may_hold_phone(text, lowered):
            text = PHONE_RE.sub(" ", text)
            changed = True
    if changed:
        text = squash(text)
    # Labels left without their number ("Tel: / Email:") carry nothing. A text whose first character is a
    # letter or digit that starts no label cannot be all labels and non-word characters: no need to look.
    if (not text or not text[0].isalnum() or text[0] in _LABEL_INITIALS) and _BARE_LABELS_RE.fullmatch(text):
        return ""
    return text


_LABEL_INITIALS = "TtFfEe電电"


def _may_hold_any_page_counter(text: str) -> bool:
    """Every match of PAGE_COUNTER_RE holds "page" (any case: no other character matches one of its letters
    case-blind), 第, a dash or a "/"; a text with none of them is left as it is without the substitution."""
    return ("第" in text or "/" in text or "-" in text or "–" in text or "—" in text
            or "page" in text.lower())


def clean_contact_text(text: str) -> str:
    """The media-contact block: keep names, numbers and addresses; drop page counters and blank lines."""
    if _may_hold_any_page_counter(text):
        text = PAGE_COUNTER_RE.sub(" ", text)
    if _may_squash(text):
        lines = [_WHITESPACE_TO_SQUASH.sub(" ", line).strip() for line in text.split("\n")]
    else:  # the substitution would change no line
        lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
