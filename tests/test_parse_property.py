"""Whatever bytes arrive, parse_document returns a Release or raises ParseError with a reason; it never
raises anything else (a crash would stop a run), and never reports an internal parser error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.errors import ParseError
from transforms.model import LANGUAGES, SECTIONS, Release
from transforms.parsing import parse_document

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
PROFILE = yaml.safe_load((ROOT / "flows" / "profiles" / "hkstp.yaml").read_text(encoding="utf-8"))
HTML_PAGES = sorted(PAGES.glob("*.html"))
URLS = [None, "https://www.hkstp.org/news-room/x/", "https://www.hkstp.org/zh-hk/news-room/x/", "file.pdf",
        "notes.txt", "https://www.hkstp.org/en/park-life/news-and-events/news/x"]
CONTENT_TYPES = [None, "text/html", "text/html; charset=utf-8", "application/pdf", "text/plain", "text/markdown",
                 "application/octet-stream"]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(body, url=None, content_type=None, profile=PROFILE) -> Release | ParseError:
    try:
        release = parse_document(body, url=url, content_type=content_type, profile=profile)
    except ParseError as exc:
        assert str(exc), "a ParseError must name its reason"
        assert "internal parser error" not in str(exc), str(exc)
        return exc
    assert release.title and release.language in LANGUAGES
    assert all(s.name in SECTIONS and s.text for s in release.sections)
    return release


@FAST
@given(st.binary(max_size=4000), st.sampled_from(URLS), st.sampled_from(CONTENT_TYPES))
def test_random_bytes(body, url, content_type):
    outcome(body, url, content_type)


@FAST
@given(st.text(max_size=2000), st.sampled_from(URLS))
def test_random_text(body, url):
    outcome(body, url, None)


@FAST
@given(st.sampled_from(HTML_PAGES), st.floats(min_value=0.0, max_value=1.0), st.booleans())
def test_truncated_html(path, fraction, with_profile):
    data = path.read_bytes()
    outcome(data[: int(len(data) * fraction)], "https://www.hkstp.org/news-room/x/", "text/html",
            PROFILE if with_profile else None)


@FAST
@given(st.sampled_from([b"%PDF-1.4\n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<"]), st.binary(max_size=2000))
def test_broken_pdfs(prefix, rest):
    outcome(prefix + rest, "x.pdf", "application/pdf")


@pytest.mark.parametrize("name, codec, language", [
    ("news-room-2022-zh-hk.html", "big5", "zh-hant"),
    ("park-life-2025-zh-hk.html", "big5", "zh-hant"),
    ("news-room-2019-zh-cn.html", "gb2312", "zh-hans"),
])
def test_chinese_legacy_encodings_declared_as_utf8(name, codec, language):
    text = (PAGES / name).read_text(encoding="utf-8")
    body = text.encode(codec, errors="replace")
    assert b'charset="utf-8"' in body or b"charset=utf-8" in body  # the page still claims UTF-8
    release = outcome(body, None, "text/html; charset=utf-8")
    assert isinstance(release, Release)
    assert release.language == language
    assert release.title == parse_document(text.encode("utf-8"), profile=PROFILE).title


@FAST
@given(st.sampled_from(["big5", "gb2312", "gb18030", "cp1252"]), st.text(alphabet="香港科技園公司园区今日宣佈了新計劃年月日 ,.", max_size=300))
def test_any_legacy_bytes_under_a_utf8_label(codec, words):
    page = f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>{words}</h1><p>{words * 3}</p></body></html>'
    outcome(page.encode(codec, errors="ignore"), None, "text/html; charset=utf-8")


def test_five_megabyte_page():
    paragraph = ("<p>Hong Kong Science and Technology Parks Corporation supports over 1,700 technology companies "
                 "and more than 13,000 research professionals across its parks.</p>")
    filler = paragraph * (5 * 1024 * 1024 // len(paragraph))
    page = (PAGES / "news-room-2023-en.html").read_text(encoding="utf-8").replace(
        "<p>Applications close", filler + "<p>Applications close")
    assert len(page.encode()) > 5 * 1024 * 1024
    release = outcome(page.encode(), "https://www.hkstp.org/news-room/x/", "text/html")
    assert isinstance(release, Release)
    assert str(release.published_on) == "2023-06-02"
    assert sum(1 for s in release.sections if s.name == "body") > 10_000


def test_five_megabyte_unknown_layout_and_deep_nesting():
    deep = "<div>" * 5000 + "<p>" + "text " * 100 + "</p>" + "</div>" * 5000
    outcome(f"<!DOCTYPE html><html><body><h1>A title</h1>{deep}</body></html>".encode(), None, "text/html")
    blob = "<p>" + ("word " * 200) + "</p>"
    page = "<!DOCTYPE html><html><body><h1>Big page</h1>" + blob * (5 * 1024 * 1024 // len(blob)) + "</body></html>"
    outcome(page.encode(), None, "text/html", None)
