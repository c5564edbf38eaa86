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


def squash(text: str) -> str:
    """Collapse runs of spaces (keeping no newlines) and trim."""
    return WHITESPACE_RE.sub(" ", text.replace("\n", " ")).strip()


def is_chrome(text: str) -> bool:
    """A short block that is site chrome (share buttons, cookie banner, back links)."""
    if len(text) <= 40 and CHROME_LINE_RE.match(text):
        return True
    return len(text) <= 400 and bool(COOKIE_RE.search(text))


def is_page_counter(text: str) -> bool:
    return bool(PAGE_COUNTER_RE.fullmatch(text.strip())) or text.strip().isdigit()


def clean_claim_text(text: str) -> str:
    """Text for a section that claims are taken from: no page counters, phone numbers or e-mail addresses."""
    if "@" in text:
        text = EMAIL_RE.sub(" ", text)
    text = PAGE_COUNTER_RE.sub(" ", text)
    text = PHONE_RE.sub(" ", text)
    text = squash(text)
    # Labels left without their number ("Tel: / Email:") carry nothing.
    if re.fullmatch(r"(?:[\W_]|Tel|Fax|Email|E-mail|電話|電郵|电话|电邮)*", text, re.IGNORECASE):
        return ""
    return text


def clean_contact_text(text: str) -> str:
    """The media-contact block: keep names, numbers and addresses; drop page counters and blank lines."""
    text = PAGE_COUNTER_RE.sub(" ", text)
    lines = [WHITESPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
